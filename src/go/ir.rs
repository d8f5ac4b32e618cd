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

impl Span {
    /// Whether this is the prelude's code (`stdlib::PRELUDE`), which is
    /// lowered with no positions: line 0. Its code may reach into its own
    /// types' fields and imports, and what it does is credited to the
    /// program's line that called it.
    pub fn in_prelude(self) -> bool {
        self.line == 0
    }
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
    /// How it was written, for Go's errors that quote it.
    pub written: Written,
}

/// What of an expression's spelling Go's errors keep and its tree does not:
/// the parentheses around it and a literal's own text (`0x10`, `1.50`).
#[derive(Debug, Default, Clone)]
pub struct Written {
    /// How many pairs of parentheses enclose it.
    pub parens: u8,
    /// Where the outermost of them opens.
    pub open: Span,
    /// A literal as written.
    pub text: Option<Rc<str>>,
}

impl Expr {
    pub fn new(span: Span, kind: ExprKind) -> Expr {
        Expr {
            span,
            kind,
            written: Written::default(),
        }
    }
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

impl Op {
    /// The operator as Go writes it.
    pub fn text(self) -> &'static str {
        match self {
            Op::Add | Op::Plus => "+",
            Op::Sub | Op::Neg => "-",
            Op::Mul => "*",
            Op::Div => "/",
            Op::Rem => "%",
            Op::And | Op::Addr => "&",
            Op::Or => "|",
            Op::Xor | Op::BitNot => "^",
            Op::Shl => "<<",
            Op::Shr => ">>",
            Op::AndNot => "&^",
            Op::LAnd => "&&",
            Op::LOr => "||",
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Not => "!",
            Op::Recv => "<-",
        }
    }

    /// Whether the operator compares (`==`, `<`, …).
    pub fn is_comparison(self) -> bool {
        matches!(self, Op::Eq | Op::Ne | Op::Lt | Op::Le | Op::Gt | Op::Ge)
    }

    /// Whether a binary operation with it is a boolean (untyped, in Go): a
    /// comparison, `&&` or `||`.
    pub fn gives_bool(self) -> bool {
        self.is_comparison() || matches!(self, Op::LAnd | Op::LOr)
    }

    /// A binary operator's precedence, as Go's grammar has it (5 binds
    /// tightest).
    fn precedence(self) -> u8 {
        match self {
            Op::Mul | Op::Div | Op::Rem | Op::Shl | Op::Shr | Op::And | Op::AndNot => 5,
            Op::Add | Op::Sub | Op::Or | Op::Xor => 4,
            Op::Eq | Op::Ne | Op::Lt | Op::Le | Op::Gt | Op::Ge => 3,
            Op::LAnd => 2,
            _ => 1,
        }
    }
}

impl Expr {
    /// Where the expression starts: its leftmost operand's position, which
    /// is where Go's compile errors about an expression point.
    pub fn start(&self) -> Span {
        if self.written.parens > 0 {
            return self.written.open;
        }
        match &self.kind {
            ExprKind::Binary(_, x, _)
            | ExprKind::Selector(x, _)
            | ExprKind::Index(x, _)
            | ExprKind::Slice(x, ..)
            | ExprKind::TypeAssert(x, _)
            | ExprKind::Call(x, ..)
            | ExprKind::KeyValue(x, _) => x.start(),
            _ => self.span,
        }
    }
}

/// A function type as Go writes it: `func(a int, b string) (int, error)`.
impl fmt::Display for Sig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params = |f: &mut fmt::Formatter<'_>, ps: &[Param], variadic: bool| {
            for (i, p) in ps.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                if let Some(name) = &p.name {
                    write!(f, "{name} ")?;
                }
                // A variadic parameter is held as its slice type.
                match &p.ty.kind {
                    ExprKind::SliceType(elem) if variadic && i + 1 == ps.len() => write!(f, "...{elem}")?,
                    _ => write!(f, "{}", p.ty)?,
                }
            }
            Ok(())
        };
        f.write_str("func(")?;
        params(f, &self.params, self.variadic)?;
        f.write_str(")")?;
        match self.results.as_slice() {
            [] => Ok(()),
            [one] if one.name.is_none() => write!(f, " {}", one.ty),
            results => {
                f.write_str(" (")?;
                params(f, results, false)?;
                f.write_str(")")
            }
        }
    }
}

/// The expression as Go's compile errors quote it (`n * time.Millisecond`):
/// operators spaced, composite literals and function literals elided.
/// Parentheses are not kept in this tree, so they are put back where the
/// operators' precedence needs them.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for _ in 0..self.written.parens {
            f.write_str("(")?;
        }
        match &self.written.text {
            Some(text) => f.write_str(text)?,
            None => self.fmt_bare(f)?,
        }
        for _ in 0..self.written.parens {
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl Expr {
    /// The expression without its own parentheses.
    fn fmt_bare(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, xs: &[Expr]| {
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{x}")?;
            }
            Ok(())
        };
        let opt = |f: &mut fmt::Formatter<'_>, x: &Option<Box<Expr>>| match x {
            Some(x) => write!(f, "{x}"),
            None => Ok(()),
        };
        match &self.kind {
            ExprKind::Ident(n) => f.write_str(n),
            ExprKind::Int(n) => write!(f, "{n}"),
            ExprKind::Char(c) => match char::from_u32(*c as u32) {
                Some(ch) => f.write_str(&crate::go::format::quote_rune(ch)),
                None => write!(f, "{c}"),
            },
            ExprKind::Float(x) => f.write_str(&crate::go::float::go_v(*x)),
            ExprKind::Str(s) => f.write_str(&crate::go::format::quote(s)),
            ExprKind::FuncLit(def) => write!(f, "{} {{…}}", def.sig),
            // Go abbreviates a literal's elements, and has none to
            // abbreviate in an empty one (`&A{}`).
            ExprKind::Composite(t, elems) => {
                opt(f, t)?;
                f.write_str(if elems.is_empty() { "{}" } else { "{…}" })
            }
            ExprKind::Selector(x, name) => write!(f, "{x}.{name}"),
            ExprKind::Index(x, i) => write!(f, "{x}[{i}]"),
            ExprKind::Slice(x, a, b, c) => {
                write!(f, "{x}[")?;
                opt(f, a)?;
                f.write_str(":")?;
                opt(f, b)?;
                if c.is_some() {
                    f.write_str(":")?;
                    opt(f, c)?;
                }
                f.write_str("]")
            }
            ExprKind::TypeAssert(x, Some(t)) => write!(f, "{x}.({t})"),
            ExprKind::TypeAssert(x, None) => write!(f, "{x}.(type)"),
            ExprKind::Call(func, args, spread) => {
                write!(f, "{func}(")?;
                list(f, args)?;
                f.write_str(if *spread { "...)" } else { ")" })
            }
            ExprKind::Star(x) => write!(f, "*{x}"),
            ExprKind::Unary(op, x) => match x.kind {
                ExprKind::Binary(..) if x.written.parens == 0 => write!(f, "{}({x})", op.text()),
                _ => write!(f, "{}{x}", op.text()),
            },
            ExprKind::Binary(op, a, b) => {
                let p = op.precedence();
                let tighter = |e: &Expr, right: bool| match &e.kind {
                    ExprKind::Binary(..) if e.written.parens > 0 => false,
                    ExprKind::Binary(inner, ..) => inner.precedence() < p || right && inner.precedence() == p,
                    _ => false,
                };
                if tighter(a, false) {
                    write!(f, "({a})")?;
                } else {
                    write!(f, "{a}")?;
                }
                write!(f, " {} ", op.text())?;
                if tighter(b, true) {
                    write!(f, "({b})")
                } else {
                    write!(f, "{b}")
                }
            }
            ExprKind::KeyValue(k, v) => write!(f, "{k}: {v}"),
            ExprKind::ArrayType(n, t) => {
                f.write_str("[")?;
                opt(f, n)?;
                write!(f, "]{t}")
            }
            ExprKind::SliceType(t) => write!(f, "[]{t}"),
            ExprKind::Ellipsis(t) => {
                f.write_str("...")?;
                opt(f, t)
            }
            ExprKind::StructType(_) => f.write_str("struct{…}"),
            ExprKind::FuncType(sig) => write!(f, "{sig}"),
            ExprKind::InterfaceType(..) => f.write_str("interface{…}"),
            ExprKind::MapType(k, v) => write!(f, "map[{k}]{v}"),
            ExprKind::ChanType(ChanDir::Both, t) => write!(f, "chan {t}"),
            ExprKind::ChanType(ChanDir::Send, t) => write!(f, "chan<- {t}"),
            ExprKind::ChanType(ChanDir::Recv, t) => write!(f, "<-chan {t}"),
        }
    }
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
    /// Its names, its values, and where its `:=` is.
    Define(Vec<Expr>, Vec<Expr>, Span),
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
