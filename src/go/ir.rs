//! The interpreter's own syntax tree: what `lower` makes from the parser's
//! tree, with a [`Span`] on every node. Nothing past `lower` sees the
//! parser crate, so it could be swapped for another.

use std::fmt;
use std::rc::Rc;

/// A position in the Go source: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

pub type Name = Rc<str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    // Unary only.
    Not,
    Neg,
    Plus,
    BitNot,
    Recv,
    Addr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Debug)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug)]
pub enum ExprKind {
    Ident(Name),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    Char(i64),
    FuncLit(Rc<FuncDef>),
    /// `T{...}`; the type is absent inside an outer literal (`[]T{{1, 2}}`).
    Composite(Option<Box<Expr>>, Vec<(Option<Expr>, Expr)>),
    Selector(Box<Expr>, Name),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `x.(T)`; `None` is the `x.(type)` of a type switch.
    TypeAssert(Box<Expr>, Option<Box<Expr>>),
    /// Callee, arguments, and whether the last is spread with `...`.
    Call(Box<Expr>, Vec<Expr>, bool),
    Star(Box<Expr>),
    Unary(Op, Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    KeyValue(Box<Expr>, Box<Expr>),
    // Types, where Go's grammar puts them among expressions.
    ArrayType(Option<Box<Expr>>, Box<Expr>),
    SliceType(Box<Expr>),
    Ellipsis(Option<Box<Expr>>),
    StructType(Vec<FieldDecl>),
    FuncType(Rc<Sig>),
    /// Its methods' names, and the interfaces it embeds.
    InterfaceType(Vec<Name>, Vec<Expr>),
    MapType(Box<Expr>, Box<Expr>),
    ChanType(ChanDir, Box<Expr>),
}

#[derive(Debug)]
pub struct FieldDecl {
    pub span: Span,
    /// `None` for an embedded field.
    pub name: Option<Name>,
    pub ty: Expr,
}

#[derive(Debug)]
pub struct Param {
    pub name: Option<Name>,
    pub ty: Expr,
}

#[derive(Debug)]
pub struct Sig {
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    pub variadic: bool,
}

#[derive(Debug)]
pub struct FuncDef {
    pub span: Span,
    pub name: Name,
    /// The receiver of a method: its name and type expression.
    pub recv: Option<Param>,
    pub sig: Rc<Sig>,
    pub body: Vec<Stmt>,
    /// Its closing brace (where Go reports a missing return).
    pub end: Span,
}

#[derive(Debug)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Debug)]
pub struct Case {
    pub span: Span,
    /// `None` is `default`.
    pub exprs: Option<Vec<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Debug)]
pub struct CommCase {
    pub span: Span,
    /// `None` is `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}

#[derive(Debug)]
pub struct ValueSpec {
    pub span: Span,
    pub names: Vec<(Name, Span)>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    /// For constants: the value of `iota` in this spec.
    pub iota: i64,
}

#[derive(Debug)]
pub enum StmtKind {
    Expr(Expr),
    Send(Expr, Expr),
    IncDec(Expr, bool),
    /// `lhs op= rhs`; `None` is plain `=`.
    Assign(Vec<Expr>, Option<Op>, Vec<Expr>),
    Define(Vec<Expr>, Vec<Expr>),
    Var(ValueSpec),
    Const(ValueSpec),
    Type(Name, Expr),
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Name>),
    Continue(Option<Name>),
    Fallthrough,
    Block(Vec<Stmt>),
    If(Option<Box<Stmt>>, Expr, Vec<Stmt>, Option<Box<Stmt>>),
    Switch(Option<Box<Stmt>>, Option<Expr>, Vec<Case>),
    /// Init, the bound name (`v := x.(type)`), the operand, the cases.
    TypeSwitch(Option<Box<Stmt>>, Option<Name>, Expr, Vec<Case>),
    Select(Vec<CommCase>),
    For(Option<Box<Stmt>>, Option<Expr>, Option<Box<Stmt>>, Vec<Stmt>),
    /// Key, value, whether `:=` declares them, the ranged expression, body.
    Range(Option<Expr>, Option<Expr>, bool, Expr, Vec<Stmt>),
    Labeled(Name, Box<Stmt>),
    Empty,
}

/// A whole `package main` file.
#[derive(Debug, Default)]
pub struct File {
    /// Imported package paths with their spans.
    pub imports: Vec<(String, Span)>,
    pub funcs: Vec<Rc<FuncDef>>,
    /// Package-level `var`, `const` and `type` declarations, in order.
    pub decls: Vec<Stmt>,
}
