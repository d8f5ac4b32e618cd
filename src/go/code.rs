//! The flat form a Go function compiles to: a vector of [`Ins`] for a stack
//! machine, with the source [`Span`] of each instruction beside it.

use std::rc::Rc;

use super::ir::{Name, Op, Span};
use super::value::{Ty, Types, Value};

/// Where a closure's captured variable comes from in the enclosing function.
#[derive(Debug, Clone, Copy)]
pub enum Cap {
    Local(u16),
    Up(u16),
}

/// One arm of a compiled `select`: what the stack holds for it, in order.
#[derive(Debug, Clone, Copy)]
pub enum SelArm {
    /// A receive: its channel is on the stack.
    Recv,
    /// A send: its channel, then its value, are on the stack.
    Send,
}

/// A call's argument count meaning "as many as the count on top of the
/// stack says": `f(g())`, where `g`'s results are `f`'s arguments.
pub const DYN_ARGS: u16 = u16::MAX;

/// A call's wanted results meaning "all of them, then their count" (the
/// inner call of `f(g())`).
pub const ALL_RESULTS: u8 = u8::MAX;

#[derive(Debug, Clone)]
pub enum Ins {
    Nil,
    Int(i64, Ty),
    Float(f64),
    Str(Rc<str>),
    Bool(bool),
    Const(Box<Value>),
    /// Load a variable; structs and arrays are copied.
    Load(u16),
    /// Load a variable as storage (no copy), to select or index into it.
    LoadRef(u16),
    /// Assign to a variable (through its cell if it has one).
    Store(u16),
    /// Declare a variable: a fresh one, leaving any captured cell behind.
    Declare(u16),
    /// A pointer to a variable (boxing it on first use).
    AddrLocal(u16),
    /// Go 1.22 loop variables: give the variable a fresh cell with its value.
    Rebox(u16),
    LoadUp(u16),
    LoadUpRef(u16),
    StoreUp(u16),
    AddrUp(u16),
    LoadGlobal(u32),
    LoadGlobalRef(u32),
    StoreGlobal(u32),
    AddrGlobal(u32),
    Pop,
    Dup,
    Zero(Ty),
    Convert(Ty),
    Bin(Op),
    /// `Int(k, int)` then `Bin(op)`, fused: the right operand is a constant.
    BinConst(Op, i64),
    Unary(Op),
    Jump(u32),
    JumpFalse(u32),
    JumpTrue(u32),
    /// `&&`: if false, keep it and jump; else drop it.
    AndJump(u32),
    /// `||`: if true, keep it and jump; else drop it.
    OrJump(u32),
    /// Stack: args, then the callee on top. Then how many results the
    /// caller wants (0: none, whatever the callee returns).
    Call(u16, bool, u8),
    /// Stack: receiver, then args.
    CallMethod(Name, u16, bool, u8),
    CallNative(u32, u16, bool, u8),
    /// Stack: args, then the callee: a deferred or spawned call.
    Defer(u16, bool),
    DeferMethod(Name, u16, bool),
    Go(u16, bool),
    GoMethod(Name, u16, bool),
    Closure(u32, Rc<[Cap]>),
    Return,
    /// Before a `fmt` call with this many arguments: turn those with a
    /// `String` or `Error` method into text by calling it (for `Printf`,
    /// only those printed with `%v`, `%s` or `%q`).
    FmtPrep(u16, bool),
    Field(Name),
    FieldRef(Name),
    SetField(Name),
    AddrField(Name),
    Index,
    IndexRef,
    /// Stack: container, key, value.
    SetIndex,
    AddrIndex,
    /// `v, ok := m[k]`.
    IndexOk,
    Deref,
    /// `*p` used in place (to select or index into, or as a method
    /// receiver): not copied, so `(*wg).Done()` is `wg.Done()`.
    DerefRef,
    /// Stack: pointer, value.
    SetDeref,
    /// Put the value in fresh storage and push a pointer to it.
    Box,
    /// `x[lo:hi:max]`: which of lo, hi, max are on the stack.
    SliceOp(bool, bool, bool),
    /// Field names in order (empty names: positional).
    StructLit(Ty, Rc<[Name]>),
    SliceLit(Ty, u32),
    /// Keyed slice or array literal: index/value pairs, and the length.
    KeyedSliceLit(Ty, u32, u32),
    MapLit(Ty, u32),
    MakeSlice(Ty, bool),
    MakeMap(Ty),
    MakeChan(Ty, bool, Rc<str>),
    Len,
    Cap,
    Append(u16, bool),
    Copy,
    Delete,
    Close,
    Panic,
    Recover,
    /// `print`/`println` to stderr.
    Print(u16, bool),
    Min(u16),
    Max(u16),
    Send,
    Recv(bool),
    /// Arms, and whether there is a default; pushes value, ok, arm index.
    Select(Rc<[SelArm]>, bool),
    /// The type asserted, whether `, ok` is wanted, and the operand's
    /// static interface type (for the panic's words).
    TypeAssert(Ty, bool, Ty),
    /// Push whether the value on top has type `Ty` (it stays).
    TypeIs(Ty),
    IsNil,
    /// `==` (or, when true, `!=`) with an interface operand: the dynamic
    /// types must match too.
    IfaceEq(bool),
    /// `range`: whether the loop reads values, not only keys (an array is
    /// then copied, as Go evaluates it once).
    IterNew(bool),
    /// Iterator slot, jump target when done, whether to push the value too.
    IterNext(u16, u32, bool),
    /// Fail with a runtime error (code the compiler knows is wrong).
    Fail(Rc<str>),
    /// Increment an `int` variable in place by a constant (loop counters).
    IncLocal(u16, i64),
}

#[derive(Debug)]
pub struct FuncCode {
    pub name: Name,
    pub code: Vec<Ins>,
    pub spans: Vec<Span>,
    pub nlocals: u16,
    pub nparams: u16,
    pub variadic: bool,
    /// The slot of each result, in order.
    pub results: Vec<u16>,
    /// The element type of a variadic parameter's slice.
    pub variadic_ty: Ty,
    /// A token cache's refresh method (see `Types::is_token_cache`): a
    /// call is a refresh, which fails if it returns without a new token.
    pub refresh: bool,
    /// Its type: `func(int) string`.
    pub ty: Ty,
    /// Each parameter's type (a receiver's is `any`): what arguments are
    /// made to conform to on entry.
    pub params: Vec<Ty>,
}

#[derive(Debug)]
pub struct Program {
    pub funcs: Vec<FuncCode>,
    pub types: Types,
    pub nglobals: u32,
    /// Runs package initialisers, then calls `main`.
    pub entry: u32,
    pub go121: bool,
}
