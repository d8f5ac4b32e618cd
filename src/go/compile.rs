//! Resolve names and types just enough, and compile [`ir`](super::ir) to
//! [`code`](super::code).
//!
//! There is no full type checker: values carry their types at run time (see
//! [`value`](super::value)), and the compiler resolves what only it can:
//! which name is a local, a captured variable, a global, a function, a type
//! or a package; the types of declarations, literals, conversions and
//! `make`; and constants' `iota`.

use crate::dense::VecMap as HashMap;
use std::rc::Rc;

use super::code::*;
use super::exact::{self, Exact};
use super::ir::*;
use super::stdlib;
use super::value::*;
use super::CompileError;

#[derive(Debug, Clone)]
enum Bind {
    Local(u16),
    Up(u16),
    Global(u32),
    Func(u32),
    Type(Ty),
    Package(Rc<str>),
    Iota,
}

/// Where an assignment of several values puts one that is not a name: the
/// path to it, from a variable or from a value taken into a temporary
/// before the values are (Go's first phase), through fields, indexes and
/// pointers.
enum Step<'e> {
    /// A variable's place, taken when the value is assigned.
    Place(&'e Expr),
    /// A slice, map or pointer, taken before the values.
    Temp(u16),
    Field(Name),
    /// An index taken before the values.
    Index(u16),
    /// An index that no assignment of the statement can change.
    IndexAt(&'e Expr),
    Deref,
}

/// What `Compiler::member` knows of a field or method.
#[derive(Debug)]
enum Member {
    Has,
    Lacks,
    /// Not known here (an interface's, say): left to run time.
    Unknown,
    /// Go's library type, named here, has it; the prelude's does not.
    Unsupported(String),
}

/// See [`Compiler::declared`].
enum Declared<'a> {
    Local(&'a FuncState, u16),
    Global(u32),
    Other,
}

struct Loop {
    label: Option<Name>,
    breaks: Vec<usize>,
    continues: Vec<usize>,
    /// Where `continue` goes, once known.
    is_switch: bool,
}

struct FuncState {
    code: Vec<Ins>,
    spans: Vec<Span>,
    scopes: Vec<HashMap<Name, Bind>>,
    /// For each scope, whether it is one Go block with the scope below it:
    /// a function's body with its parameters and results, a `case` of a
    /// type switch or a select with what it binds. A `:=` there assigns to
    /// a name of either.
    joined: Vec<bool>,
    nlocals: u16,
    upvals: Vec<(Name, Cap)>,
    loops: Vec<Loop>,
    results: Vec<u16>,
    /// Whether the results have names, so that a bare `return` returns them.
    named_results: bool,
    /// The slots that hold constants.
    consts: Vec<u16>,
    /// Labels seen just before a loop statement.
    pending_label: Option<Name>,
    /// No instruction before this index may be fused with a later one (a
    /// jump may land here).
    barrier: usize,
    /// Variables declared with `:=` or `var`, for Go's "declared and not
    /// used": slot, name, where.
    decls: Vec<(u16, Name, Span)>,
    /// Which slots some expression reads (assignments do not count).
    reads: Vec<bool>,
    /// The static type of each slot whose type the compiler knows (see
    /// [`Compiler::static_ty`]).
    tys: HashMap<u16, Ty>,
    /// Whether a statement of this function failed to compile: its
    /// "declared and not used" would be guesses (the failed statement may
    /// have been a variable's one use).
    failed: bool,
    /// The exact values of this function's untyped numeric constants.
    exact: HashMap<u16, Exact>,
}

impl FuncState {
    fn new() -> FuncState {
        FuncState {
            code: Vec::new(),
            spans: Vec::new(),
            scopes: vec![HashMap::new()],
            joined: vec![false],
            nlocals: 0,
            upvals: Vec::new(),
            loops: Vec::new(),
            results: Vec::new(),
            named_results: false,
            consts: Vec::new(),
            pending_label: None,
            barrier: 0,
            decls: Vec::new(),
            reads: Vec::new(),
            tys: HashMap::new(),
            failed: false,
            exact: HashMap::new(),
        }
    }
}

pub struct Compiler {
    types: Types,
    funcs: Vec<Option<FuncCode>>,
    globals: HashMap<Name, Bind>,
    nglobals: u32,
    imports: HashMap<Name, Span>,
    /// Each import's path, where it is, and whether the code names it.
    import_uses: Vec<(Name, String, Span, bool)>,
    /// Whether a name looked up now is read (not assigned to).
    reading: bool,
    /// Go's "declared and not used" errors found so far.
    unused: Vec<(Span, String)>,
    /// The type errors found so far: as Go's checker does, the compiler
    /// notes one and goes on with the next statement (see `fail`).
    errors: Vec<CompileError>,
    go121: bool,
    fs: Vec<FuncState>,
    span: Span,
    iota: i64,
    lits: u32,
    /// The variable a `make(chan ...)` is being assigned to, to name it.
    hint: Option<Name>,
    /// The static type of each global whose type the compiler knows.
    global_tys: crate::dense::Dense<Ty>,
    /// The globals that are constants.
    const_globals: Vec<u32>,
    /// The exact values of untyped numeric constants at package level
    /// (see [`super::exact`]).
    global_exact: HashMap<u32, Exact>,
    /// Each declared function's signature, by its id.
    sigs: crate::dense::Dense<Rc<Sig>>,
    /// The next scope pushed is joined to the one below it.
    join_next: bool,
}

/// Whether a statement list ends in a terminating statement (Go's spec):
/// a function with results must, or it is "missing return".
fn ends_in_terminating(stmts: &[Stmt]) -> bool {
    stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty))
        .is_some_and(|s| terminating(s, None))
}

fn terminating(s: &Stmt, label: Option<&Name>) -> bool {
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Expr(e) => {
            matches!(&e.kind, ExprKind::Call(f, _, _) if matches!(&f.kind, ExprKind::Ident(n) if &**n == "panic"))
        }
        StmtKind::Block(b) => ends_in_terminating(b),
        StmtKind::If(_, _, then, Some(els)) => ends_in_terminating(then) && terminating(els, None),
        StmtKind::For(_, None, _, body) => !breaks(body, label, true),
        StmtKind::Switch(_, _, cases) | StmtKind::TypeSwitch(_, _, _, cases) => {
            cases.iter().any(|c| c.exprs.is_none())
                && cases.iter().all(|c| {
                    !breaks(&c.body, label, true)
                        && (ends_in_terminating(&c.body)
                            || matches!(c.body.last().map(|s| &s.kind), Some(StmtKind::Fallthrough)))
                })
        }
        StmtKind::Select(cases) => cases
            .iter()
            .all(|c| !breaks(&c.body, label, true) && ends_in_terminating(&c.body)),
        StmtKind::Labeled(name, inner) => terminating(inner, Some(name)),
        _ => false,
    }
}

/// Whether `stmts` hold a `break` of the statement they are the body of:
/// an unlabelled one outside any inner loop, switch or select (`bare`),
/// or one naming its `label`.
fn breaks(stmts: &[Stmt], label: Option<&Name>, bare: bool) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => bare,
        StmtKind::Break(Some(l)) => label == Some(l),
        StmtKind::Block(b) => breaks(b, label, bare),
        StmtKind::If(_, _, then, els) => {
            breaks(then, label, bare)
                || els
                    .as_deref()
                    .is_some_and(|e| breaks(std::slice::from_ref(e), label, bare))
        }
        StmtKind::Labeled(_, inner) => breaks(std::slice::from_ref(&**inner), label, bare),
        StmtKind::For(_, _, _, body) | StmtKind::Range(_, _, _, _, body) => breaks(body, label, false),
        StmtKind::Switch(_, _, cases) | StmtKind::TypeSwitch(_, _, _, cases) => {
            cases.iter().any(|c| breaks(&c.body, label, false))
        }
        StmtKind::Select(cases) => cases.iter().any(|c| breaks(&c.body, label, false)),
        _ => false,
    })
}

/// The order Go initialises package-level variables in: step by step, the
/// earliest declared whose initialiser uses no variable still to be
/// initialised, directly or through the functions it calls (`var total =
/// compute()` before `var base = 1.5`, which compute reads, runs second).
/// Names are matched without regard to scope, so a local that shadows a
/// variable counts as a use of it: that can only delay a variable, never
/// let one read another before it is set. Where every variable left
/// waits on another (a cycle, which Go refuses), the earliest goes next.
/// Returns indices into `decls`.
fn init_order(decls: &[Stmt], funcs: &[Rc<FuncDef>]) -> Vec<usize> {
    fn expr(e: &Expr, out: &mut Vec<Name>) {
        match &e.kind {
            ExprKind::Ident(n) => out.push(n.clone()),
            ExprKind::FuncLit(f) => stmts(&f.body, out),
            ExprKind::Composite(t, elts) => {
                if let Some(t) = t {
                    expr(t, out);
                }
                for (k, v) in elts {
                    if let Some(k) = k {
                        expr(k, out);
                    }
                    expr(v, out);
                }
            }
            ExprKind::Selector(x, _)
            | ExprKind::Star(x)
            | ExprKind::Unary(_, x)
            | ExprKind::TypeAssert(x, _) => expr(x, out),
            ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) | ExprKind::KeyValue(a, b) => {
                expr(a, out);
                expr(b, out);
            }
            ExprKind::Slice(x, a, b, c) => {
                expr(x, out);
                for y in [a, b, c].into_iter().flatten() {
                    expr(y, out);
                }
            }
            ExprKind::Call(f, args, _) => {
                expr(f, out);
                args.iter().for_each(|a| expr(a, out));
            }
            _ => {}
        }
    }
    fn stmts(body: &[Stmt], out: &mut Vec<Name>) {
        body.iter().for_each(|s| stmt(s, out));
    }
    fn opt(s: &Option<Box<Stmt>>, out: &mut Vec<Name>) {
        if let Some(s) = s {
            stmt(s, out);
        }
    }
    fn stmt(s: &Stmt, out: &mut Vec<Name>) {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::IncDec(e, _) | StmtKind::Go(e) | StmtKind::Defer(e) => expr(e, out),
            StmtKind::Send(a, b) => {
                expr(a, out);
                expr(b, out);
            }
            StmtKind::Assign(l, _, r) | StmtKind::Define(l, r, _) => {
                l.iter().chain(r).for_each(|e| expr(e, out))
            }
            StmtKind::Var(spec) | StmtKind::Const(spec) => spec.values.iter().for_each(|e| expr(e, out)),
            StmtKind::Return(es) => es.iter().for_each(|e| expr(e, out)),
            StmtKind::Block(b) => stmts(b, out),
            StmtKind::If(init, cond, then, els) => {
                opt(init, out);
                expr(cond, out);
                stmts(then, out);
                opt(els, out);
            }
            StmtKind::Switch(init, tag, cases) => {
                opt(init, out);
                if let Some(tag) = tag {
                    expr(tag, out);
                }
                for case in cases {
                    case.exprs.iter().flatten().for_each(|e| expr(e, out));
                    stmts(&case.body, out);
                }
            }
            StmtKind::TypeSwitch(init, _, x, cases) => {
                opt(init, out);
                expr(x, out);
                cases.iter().for_each(|case| stmts(&case.body, out));
            }
            StmtKind::Select(cases) => {
                for case in cases {
                    opt(&case.comm, out);
                    stmts(&case.body, out);
                }
            }
            StmtKind::For(init, cond, post, body) => {
                opt(init, out);
                if let Some(cond) = cond {
                    expr(cond, out);
                }
                opt(post, out);
                stmts(body, out);
            }
            StmtKind::Range(k, v, _, x, body) => {
                for e in [k, v].into_iter().flatten() {
                    expr(e, out);
                }
                expr(x, out);
                stmts(body, out);
            }
            StmtKind::Labeled(_, s) => stmt(s, out),
            _ => {}
        }
    }
    // Each function's names, once; then each variable declaration's: the
    // names its initialiser reaches through the program's functions. The
    // walk is bounded (a pasted program of thousands of variables that
    // each call a large function): past the budget, source order stands,
    // which Go's order differs from only where a variable reads a later one.
    // Lookups are binary searches in sorted lists, as such a program can
    // hold thousands of functions and variables.
    let mut bodies: Vec<(Name, Vec<Name>)> = funcs
        .iter()
        .filter(|f| f.recv.is_none())
        .map(|f| {
            let mut names = Vec::new();
            stmts(&f.body, &mut names);
            crate::sort::sort(&mut names);
            names.dedup();
            (f.name.clone(), names)
        })
        .collect();
    // The crate's sort: the standard library's adds kilobytes to the page
    // per element type.
    crate::sort::sort_by(&mut bodies, |x, y| x.0.cmp(&y.0));
    let func = |name: &Name| bodies.binary_search_by(|(n, _)| n.cmp(name)).ok();
    // Which variable walked each function last, so each walk visits a
    // function once.
    let mut walked = vec![usize::MAX; bodies.len()];
    let mut budget: usize = 2_000_000;
    let mut var_of: Vec<(Name, usize)> = Vec::new();
    let mut reach: Vec<Vec<Name>> = Vec::new();
    let mut at: Vec<usize> = Vec::new();
    for (i, d) in decls.iter().enumerate() {
        let StmtKind::Var(spec) = &d.kind else { continue };
        for (n, _) in &spec.names {
            var_of.push((n.clone(), at.len()));
        }
        let mut used = Vec::new();
        spec.values.iter().for_each(|e| expr(e, &mut used));
        let mut k = 0;
        while k < used.len() {
            if let Some(f) = func(&used[k]) {
                if walked[f] != at.len() {
                    walked[f] = at.len();
                    budget = budget.saturating_sub(bodies[f].1.len() + 1);
                    used.extend(bodies[f].1.iter().cloned());
                }
            }
            k += 1;
            if budget == 0 {
                return (0..decls.len()).collect();
            }
        }
        reach.push(used);
        at.push(i);
    }
    crate::sort::sort_by(&mut var_of, |x, y| x.0.cmp(&y.0));
    let var = |name: &Name| {
        var_of
            .binary_search_by(|(n, _)| n.cmp(name))
            .ok()
            .map(|i| var_of[i].1)
    };
    // Kahn's order over the variables, the earliest declared first; a
    // cycle gives way at its earliest variable.
    let n = at.len();
    let mut waits = vec![0usize; n];
    let mut waiting_on: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, used) in reach.iter().enumerate() {
        let mut deps: Vec<usize> = used.iter().filter_map(var).filter(|&k| k != j).collect();
        crate::sort::sort(&mut deps);
        deps.dedup();
        waits[j] = deps.len();
        for k in deps {
            waiting_on[k].push(j);
        }
    }
    // Each step takes the earliest declared variable that waits on none;
    // `first` skips those already done.
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut first = 0;
    while order.len() < n {
        while first < n && done[first] {
            first += 1;
        }
        let Some(j) = (first..n)
            .find(|&j| !done[j] && waits[j] == 0)
            .or((first < n).then_some(first))
        else {
            break;
        };
        done[j] = true;
        order.push(at[j]);
        for &r in &waiting_on[j] {
            waits[r] = waits[r].saturating_sub(1);
        }
    }
    order
}

/// An untyped constant as Go's errors describe it: as written, and its
/// value too where that reads otherwise (`0x10 (untyped int constant 16)`).
fn untyped_operand(v: &Expr, kind: &str, value: &str) -> String {
    let written = v.to_string();
    if written == value {
        format!("{written} (untyped {kind} constant)")
    } else {
        format!("{written} (untyped {kind} constant {value})")
    }
}

/// The error for a package member the runtime lacks: an unexported name
/// (`fmt.println`, a reader's usual slip) is Go's "undefined", as no
/// package exports it; an exported one is outside the subset.
fn unsupported(span: Span, full: &str, what: &str) -> CompileError {
    let member = full.rsplit('.').next().unwrap_or(full);
    if member.starts_with(|c: char| c.is_lowercase() || c == '_') {
        return err(span, format!("undefined: {full}"));
    }
    err(span, format!("{what}{full} is not supported here"))
}

/// What kind of untyped constant a literal is (`-1.5` too), as Go names
/// it in "untyped float".
fn untyped_kind(e: &Expr) -> Option<&'static str> {
    match &e.kind {
        ExprKind::Int(_) => Some("int"),
        ExprKind::Float(_) => Some("float"),
        ExprKind::Char(_) => Some("rune"),
        ExprKind::Str(_) => Some("string"),
        ExprKind::Unary(Op::Neg | Op::Plus, x) if matches!(x.kind, ExprKind::Int(_) | ExprKind::Float(_)) => {
            untyped_kind(x)
        }
        _ => None,
    }
}

/// A float literal's value, `-1.5` too.
fn float_literal(e: &Expr) -> Option<f64> {
    match &e.kind {
        ExprKind::Float(f) => Some(*f),
        ExprKind::Unary(Op::Neg, x) => float_literal(x).map(|f| -f),
        ExprKind::Unary(Op::Plus, x) => float_literal(x),
        _ => None,
    }
}

/// The value of an integer literal, or of one negated (`-1`).
fn int_literal(e: &Expr) -> Option<i128> {
    match &e.kind {
        ExprKind::Int(n) => Some(i128::from(*n)),
        ExprKind::Unary(Op::Neg, x) => match x.kind {
            ExprKind::Int(n) => Some(-i128::from(n)),
            _ => None,
        },
        _ => None,
    }
}

/// A literal's value as text. A literal's magnitude fits in 64 bits, and
/// printing it as such keeps `u128`'s formatting out of the page.
fn int_text(n: i128) -> String {
    let magnitude = n.unsigned_abs() as u64;
    if n < 0 {
        format!("-{magnitude}")
    } else {
        magnitude.to_string()
    }
}

/// Whether `n` is a value of an integer type of `bits` bits.
fn int_fits(n: i128, bits: u8, signed: bool) -> bool {
    let bits = u32::from(bits.clamp(1, 64));
    if signed {
        let max = (1i128 << (bits - 1)) - 1;
        (-max - 1..=max).contains(&n)
    } else {
        (0..=(1i128 << bits) - 1).contains(&n)
    }
}

/// Rejects a type that holds itself by value (`type Node struct{ next
/// Node }`), directly or through other structs and arrays: it would have no
/// size, and its zero value would never end. Go's message names the first
/// such type met. The walk is a depth-first search with its own stack, so
/// a long chain of types cannot overflow the native one.
fn reject_recursive_types(types: &Types, decls: &[Stmt], ty_of: impl Fn(&str) -> Option<Ty>) -> R<()> {
    // 0: not seen, 1: on the current path, 2: done.
    let mut state = vec![0u8; types.list.len()];
    let held = |ty: Ty| -> Vec<Ty> {
        match types.kind(ty) {
            TKind::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
            TKind::Array(_, e) => vec![*e],
            _ => Vec::new(),
        }
    };
    for d in decls {
        let StmtKind::Type(name, _) = &d.kind else {
            continue;
        };
        let Some(root) = ty_of(name) else { continue };
        if state[root as usize] != 0 {
            continue;
        }
        state[root as usize] = 1;
        let mut path = vec![(root, held(root), 0usize)];
        while let Some((ty, kids, next)) = path.last_mut() {
            let Some(&kid) = kids.get(*next) else {
                state[*ty as usize] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            match state[kid as usize] {
                0 => {
                    state[kid as usize] = 1;
                    path.push((kid, held(kid), 0));
                }
                1 => return Err(err(d.span, format!("invalid recursive type {name}"))),
                _ => {}
            }
        }
    }
    Ok(())
}

/// What a statement does with a channel, for the direction check.
#[derive(Clone, Copy)]
enum ChanOp {
    Send,
    Recv,
    Close,
    Range,
}

fn err(span: Span, message: impl Into<String>) -> CompileError {
    CompileError {
        span,
        message: message.into(),
    }
}

type R<T> = Result<T, CompileError>;

const MAX_LOCALS: u16 = 60_000;

/// Compiles a lowered file: the program, or the errors Go would report.
/// That is the first error, or, when the only errors are names declared
/// or imported and not used, every one of them in order (Go lists them
/// all, and a reader who deleted a line wants to see each at once).
pub fn compile(file: File, prelude: File, go121: bool) -> Result<Program, Vec<CompileError>> {
    let mut c = Compiler {
        join_next: false,
        types: Types::new(),
        funcs: Vec::new(),
        globals: HashMap::new(),
        nglobals: 0,
        imports: HashMap::new(),
        import_uses: Vec::new(),
        reading: true,
        unused: Vec::new(),
        errors: Vec::new(),
        go121,
        fs: Vec::new(),
        span: Span::default(),
        iota: 0,
        lits: 0,
        hint: None,
        global_tys: crate::dense::Dense::new(),
        const_globals: Vec::new(),
        global_exact: HashMap::new(),
        sigs: crate::dense::Dense::new(),
    };
    let program = compile_file(&mut c, file, prelude);
    let mut errors = std::mem::take(&mut c.errors);
    // Go rejects unused imports; one used only in a statement that failed
    // would look unused, so they wait until the rest compiles.
    if errors.is_empty() && program.is_ok() {
        for (_, path, span, used) in &c.import_uses {
            if !used {
                c.unused
                    .push((*span, format!("\"{path}\" imported and not used")));
            }
        }
    }
    match program {
        Ok(Some(program)) if errors.is_empty() && c.unused.is_empty() => return Ok(program),
        Ok(_) => {}
        Err(e) => errors.push(e),
    }
    errors.extend(c.unused.iter().map(|(s, m)| err(*s, m.clone())));
    // In order, each once (a constant spec's expression repeated for the
    // names after it fails once for each), and no more than Go lists.
    crate::sort::sort_by_key(&mut errors, |e| (e.span.line, e.span.col));
    errors.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    errors.truncate(MAX_ERRORS);
    Err(errors)
}

/// How many errors Go lists before it stops.
const MAX_ERRORS: usize = 10;

/// [`compile`]'s work: the program, or `None` where `c` noted errors, or
/// the error that stopped it.
fn compile_file(c: &mut Compiler, file: File, prelude: File) -> R<Option<Program>> {
    let go121 = c.go121;
    for (path, span) in &file.imports {
        if !stdlib::PACKAGES.contains(&path.as_str()) {
            return Err(err(*span, format!("package {path} is not supported here")));
        }
        let name: Name = Rc::from(path.rsplit('/').next().unwrap_or(path));
        c.imports.insert(name.clone(), *span);
        c.import_uses.push((name, path.clone(), *span, false));
    }
    let mut funcs = prelude.funcs;
    funcs.extend(file.funcs);
    let mut decls = prelude.decls;
    decls.extend(file.decls);
    // Types first (they may refer to each other), then functions and
    // globals, so that bodies can use any of them.
    for d in &decls {
        if let StmtKind::Type(name, _) = &d.kind {
            if c.globals.get(name).is_some() {
                return Err(err(d.span, format!("{name} redeclared in this block")));
            }
            let shown =
                stdlib::prelude_type_name(name).map_or_else(|| format!("main.{name}"), str::to_string);
            let ty = c.types.add(&shown, TKind::Pending);
            c.globals.insert(name.clone(), Bind::Type(ty));
        }
    }
    // An interface that embeds others is resolved once they are, whatever
    // their order in the file: those wait for later passes.
    let embeds = |d: &&Stmt| matches!(&d.kind, StmtKind::Type(_, t) if matches!(&t.kind, ExprKind::InterfaceType(_, e) if !e.is_empty()));
    let mut order: Vec<&Stmt> = decls.iter().filter(|d| !embeds(d)).collect();
    let mut waiting: Vec<&Stmt> = decls.iter().filter(embeds).collect();
    for _ in 0..=waiting.len() {
        let mut still = Vec::new();
        for d in waiting {
            let StmtKind::Type(_, t) = &d.kind else { continue };
            let ExprKind::InterfaceType(_, embedded) = &t.kind else {
                continue;
            };
            let ready = embedded.iter().all(|e| match &e.kind {
                ExprKind::Ident(n) => match c.globals.get(n) {
                    Some(Bind::Type(t)) => {
                        !matches!(c.types.kind(*t), TKind::Pending)
                            || order
                                .iter()
                                .any(|o| matches!(&o.kind, StmtKind::Type(m, _) if m == n))
                    }
                    _ => true,
                },
                _ => true,
            });
            if ready {
                order.push(d);
            } else {
                still.push(d);
            }
        }
        waiting = still;
    }
    order.extend(waiting);
    for d in order {
        if let StmtKind::Type(name, texpr) = &d.kind {
            let Some(Bind::Type(ty)) = c.globals.get(name).cloned() else {
                continue;
            };
            c.span = d.span;
            let under = c.resolve_type(texpr)?;
            let kind = c.types.kind(under).clone();
            if matches!(kind, TKind::Pending) {
                return Err(err(d.span, format!("invalid recursive type {name}")));
            }
            c.types.list[ty as usize].kind = kind;
            // A named type keeps its underlying type's native methods.
            if under == DURATION {
                return Err(err(
                    d.span,
                    "a type defined from time.Duration is not supported here",
                ));
            }
        }
    }
    reject_recursive_types(&c.types, &decls, |name| match c.globals.get(name) {
        Some(Bind::Type(ty)) => Some(*ty),
        _ => None,
    })?;
    let mut inits = Vec::new();
    for f in &funcs {
        let id = c.funcs.len() as u32;
        c.funcs.push(None);
        c.sigs.insert(id, f.sig.clone());
        if let Some(recv) = &f.recv {
            c.span = f.span;
            let (base, ptr) = match &recv.ty.kind {
                ExprKind::Star(inner) => (&**inner, true),
                _ => (&recv.ty, false),
            };
            let ty = c.resolve_type(base)?;
            if ty <= UNTYPED_NIL
                && !c.types.get(ty).name.starts_with("main.")
                && stdlib::prelude_type_name_of(&c.types, ty).is_none()
            {
                return Err(err(
                    f.span,
                    format!("cannot define new methods on non-local type {}", c.types.name(ty)),
                ));
            }
            c.types.list[ty as usize]
                .methods
                .insert(f.name.clone(), (id, ptr));
        } else {
            // Any number of them, run in order before main; nothing can
            // name one, so a call of init is Go's "undefined".
            if &*f.name == "init" {
                if !f.sig.params.is_empty() || !f.sig.results.is_empty() {
                    return Err(err(
                        f.span,
                        "func init must have no arguments and no return values",
                    ));
                }
                inits.push(id);
                continue;
            }
            if c.globals.get(&f.name).is_some() {
                return Err(err(f.span, format!("{} redeclared in this block", f.name)));
            }
            c.globals.insert(f.name.clone(), Bind::Func(id));
        }
    }
    for d in &decls {
        if let StmtKind::Var(spec) | StmtKind::Const(spec) = &d.kind {
            for (name, span) in &spec.names {
                if &**name == "_" {
                    continue;
                }
                if c.globals.get(name).is_some() {
                    return Err(err(*span, format!("{name} redeclared in this block")));
                }
                if matches!(d.kind, StmtKind::Const(_)) {
                    c.const_globals.push(c.nglobals);
                }
                c.globals.insert(name.clone(), Bind::Global(c.nglobals));
                c.nglobals += 1;
            }
        }
    }
    // The static types of globals, before any function body is compiled
    // (an untyped constant has none: it takes its type where it is used).
    for d in &decls {
        if let StmtKind::Var(spec) | StmtKind::Const(spec) = &d.kind {
            if matches!(d.kind, StmtKind::Const(_)) && spec.ty.is_none() {
                continue;
            }
            let tys = c.spec_tys(spec);
            for ((name, _), ty) in spec.names.iter().zip(tys) {
                if let (Some(Bind::Global(g)), Some(ty)) = (c.globals.get(name).cloned(), ty) {
                    c.global_tys.insert(g, ty);
                }
            }
        }
    }
    // The exact values of the untyped numeric constants, before any
    // function body reads them; a constant may name one declared after it,
    // so a few passes settle them.
    for _ in 0..4 {
        let mut settled = true;
        for d in &decls {
            let StmtKind::Const(spec) = &d.kind else { continue };
            if spec.ty.is_some() || spec.values.len() != spec.names.len() {
                continue;
            }
            c.iota = spec.iota;
            for ((name, _), v) in spec.names.iter().zip(&spec.values) {
                if let (Some(Bind::Global(g)), Some(k)) = (c.globals.get(name).cloned(), c.exact(v)) {
                    settled &= c.global_exact.insert(g, k).is_some();
                }
            }
        }
        if settled {
            break;
        }
    }
    let Some(Bind::Func(main)) = c.globals.get("main").cloned() else {
        return Err(err(
            Span { line: 1, col: 1 },
            "function main is undeclared in the main package",
        ));
    };
    for (i, f) in funcs.iter().enumerate() {
        match c.func(f) {
            Ok(code) => c.funcs[i] = Some(code),
            Err(e) => {
                c.fail(e)?;
                c.fs.clear();
            }
        }
    }
    if !c.errors.is_empty() {
        return Ok(None);
    }
    // The entry: constants in source order, then variables in Go's order
    // of initialisation, then main.
    c.fs.push(FuncState::new());
    for d in &decls {
        if let StmtKind::Const(spec) = &d.kind {
            c.global_spec(spec, true)?;
        }
    }
    for i in init_order(&decls, &funcs) {
        if let StmtKind::Var(spec) = &decls[i].kind {
            c.global_spec(spec, false)?;
        }
    }
    // The call of main and the return after it have no position of their
    // own: the last event of a run keeps main's last line, not the last
    // package-level variable's.
    c.span = Span::default();
    for init in inits {
        c.emit(Ins::Closure(init, Rc::from(Vec::new())));
        c.emit(Ins::Call(0, false, 0));
    }
    c.emit(Ins::Int(0, INT));
    c.emit(Ins::Pop);
    c.emit(Ins::Closure(main, Rc::from(Vec::new())));
    c.emit(Ins::Call(0, false, 0));
    c.emit(Ins::Return);
    let st = c.fs.pop().expect("entry state");
    let entry = c.funcs.len() as u32;
    c.funcs.push(Some(FuncCode {
        name: Rc::from("main"),
        code: st.code,
        spans: st.spans,
        nlocals: st.nlocals,
        nparams: 0,
        variadic: false,
        results: Vec::new(),
        variadic_ty: ANY,
        refresh: false,
        ty: FUNC,
        params: Vec::new(),
    }));
    let program = Program {
        funcs: std::mem::take(&mut c.funcs)
            .into_iter()
            .map(|f| f.expect("every function compiled"))
            .collect(),
        types: std::mem::replace(&mut c.types, Types::new()),
        nglobals: c.nglobals,
        entry,
        go121,
    };
    Ok(Some(program))
}

impl Compiler {
    fn st(&mut self) -> &mut FuncState {
        self.fs.last_mut().expect("inside a function")
    }

    fn emit(&mut self, ins: Ins) -> usize {
        let span = self.span;
        let st = self.st();
        if let Ins::Bin(op) = ins {
            let n = st.code.len();
            if n > st.barrier {
                if let Some(Ins::Int(k, INT)) = st.code.last() {
                    st.code[n - 1] = Ins::BinConst(op, *k);
                    st.spans[n - 1] = span;
                    return n - 1;
                }
            }
        }
        st.code.push(ins);
        st.spans.push(span);
        st.code.len() - 1
    }

    fn here(&mut self) -> u32 {
        let st = self.st();
        st.barrier = st.code.len();
        st.code.len() as u32
    }

    fn patch(&mut self, at: usize) {
        let target = self.here();
        self.st().barrier = target as usize;
        match &mut self.st().code[at] {
            Ins::Jump(t)
            | Ins::JumpFalse(t)
            | Ins::JumpTrue(t)
            | Ins::AndJump(t)
            | Ins::OrJump(t)
            | Ins::IterNext(_, t, _) => *t = target,
            _ => {}
        }
    }

    fn new_local(&mut self) -> R<u16> {
        let span = self.span;
        let st = self.st();
        if st.nlocals >= MAX_LOCALS {
            return Err(err(span, "too many local variables"));
        }
        st.nlocals += 1;
        Ok(st.nlocals - 1)
    }

    fn declare(&mut self, name: &Name) -> R<u16> {
        let slot = self.new_local()?;
        // A slot may have held another variable: its type (and a
        // constant's value) is not this one's.
        self.st().tys.remove(&slot);
        self.st().exact.remove(&slot);
        if &**name != "_" {
            self.st()
                .scopes
                .last_mut()
                .expect("a scope")
                .insert(name.clone(), Bind::Local(slot));
        }
        Ok(slot)
    }

    fn push_scope(&mut self) {
        let joined = std::mem::take(&mut self.join_next);
        let st = self.st();
        st.scopes.push(HashMap::new());
        st.joined.push(joined);
    }

    fn pop_scope(&mut self) {
        let st = self.st();
        st.scopes.pop();
        st.joined.pop();
    }

    /// A block whose scope is one Go block with the scope on top (see
    /// `FuncState::joined`).
    fn joined_block(&mut self, stmts: &[Stmt]) -> R<()> {
        self.join_next = true;
        self.block(stmts)
    }

    /// What `name` is in the innermost Go block, which may span joined
    /// scopes: what a `:=` would assign to rather than declare.
    fn in_this_block(&mut self, name: &str) -> Option<Bind> {
        let st = self.st();
        for i in (0..st.scopes.len()).rev() {
            if let Some(b) = st.scopes[i].get(name) {
                return Some(b.clone());
            }
            if !st.joined[i] {
                break;
            }
        }
        None
    }

    fn lookup(&mut self, name: &str) -> Option<Bind> {
        let depth = self.fs.len();
        let local = if depth > 0 {
            self.lookup_in(depth - 1, name)
        } else {
            None
        };
        local
            .or_else(|| self.globals.get(name).cloned())
            .or_else(|| {
                let ty = match name {
                    "byte" => Some(UINT8),
                    "rune" => Some(INT32),
                    "any" => Some(ANY),
                    _ => self
                        .types
                        .by_name
                        .get(name)
                        .copied()
                        .filter(|&t| t < UNTYPED_NIL && !name.contains('.') && !name.contains(' ')),
                };
                ty.map(Bind::Type)
            })
            .or_else(|| {
                let pkg = self
                    .imports
                    .iter()
                    .find(|(k, _)| &***k == name)
                    .map(|(k, _)| Bind::Package(k.clone()));
                if pkg.is_some() {
                    self.use_package(name);
                }
                pkg
            })
            .or_else(|| (name == "iota").then_some(Bind::Iota))
    }

    /// `lookup` for a name assigned to, which Go does not count as a use.
    fn lookup_assigned(&mut self, name: &str) -> Option<Bind> {
        self.reading = false;
        let b = self.lookup(name);
        self.reading = true;
        b
    }

    fn use_package(&mut self, name: &str) {
        for u in self.import_uses.iter_mut().filter(|u| &*u.0 == name) {
            u.3 = true;
        }
    }

    /// Looks `name` up in function `level` and, capturing it, in the
    /// functions around it.
    fn lookup_in(&mut self, level: usize, name: &str) -> Option<Bind> {
        let st = &self.fs[level];
        let found = st.scopes.iter().rev().find_map(|scope| scope.get(name).cloned());
        if let Some(b) = found {
            if let (Bind::Local(slot), true) = (&b, self.reading) {
                let reads = &mut self.fs[level].reads;
                if reads.len() <= *slot as usize {
                    reads.resize(*slot as usize + 1, false);
                }
                reads[*slot as usize] = true;
            }
            return Some(b);
        }
        if let Some(i) = st.upvals.iter().position(|(n, _)| &**n == name) {
            return Some(Bind::Up(i as u16));
        }
        if level == 0 {
            return None;
        }
        let cap = match self.lookup_in(level - 1, name)? {
            Bind::Local(slot) => Cap::Local(slot),
            Bind::Up(i) => Cap::Up(i),
            other => return Some(other),
        };
        let st = &mut self.fs[level];
        st.upvals.push((Rc::from(name), cap));
        Some(Bind::Up((st.upvals.len() - 1) as u16))
    }

    // ---- types ----

    fn resolve_type(&mut self, e: &Expr) -> R<Ty> {
        let span = e.span;
        Ok(match &e.kind {
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(Bind::Type(t)) => t,
                Some(_) => return Err(err(span, format!("{name} is not a type"))),
                None => return Err(err(span, format!("undefined: {name}"))),
            },
            ExprKind::Selector(pkg, name) => {
                let ExprKind::Ident(p) = &pkg.kind else {
                    return Err(err(span, "not a type"));
                };
                // A package the program did not import (the prelude, on
                // line 0, imports its own).
                if !pkg.span.in_prelude() && !self.is_package(pkg) {
                    return Err(err(pkg.span, format!("undefined: {p}")));
                }
                self.use_package(p);
                let full = format!("{p}.{name}");
                match full.as_str() {
                    "time.Duration" => DURATION,
                    "time.Time" => TIME,
                    "time.Month" => MONTH,
                    "time.Weekday" => WEEKDAY,
                    "sync.WaitGroup" => WAITGROUP,
                    "sync.Mutex" => MUTEX,
                    "context.Context" => CONTEXT,
                    "context.CancelFunc" => CANCEL_FUNC,
                    "time.Ticker" | "time.Timer" => TICKER,
                    "fmt.Stringer" => self
                        .types
                        .intern("fmt.Stringer".into(), TKind::Interface(vec![Rc::from("String")])),
                    _ => match stdlib::prelude_type(&full).and_then(|n| self.globals.get(n).cloned()) {
                        Some(Bind::Type(t)) => t,
                        _ => return Err(unsupported(span, &full, "type ")),
                    },
                }
            }
            ExprKind::Star(inner) => {
                let t = self.resolve_type(inner)?;
                if t == TICKER {
                    return Ok(TICKER);
                }
                self.ptr_to(t)
            }
            ExprKind::SliceType(inner) => {
                let t = self.resolve_type(inner)?;
                let name = format!("[]{}", self.types.name(t));
                self.types.intern(name, TKind::Slice(t))
            }
            ExprKind::Ellipsis(Some(inner)) => {
                let t = self.resolve_type(inner)?;
                let name = format!("[]{}", self.types.name(t));
                self.types.intern(name, TKind::Slice(t))
            }
            ExprKind::ArrayType(len, inner) => {
                let t = self.resolve_type(inner)?;
                let n = match len.as_deref().map(|l| &l.kind) {
                    Some(ExprKind::Int(n)) if *n >= 0 && *n <= 1 << 20 => *n as usize,
                    Some(ExprKind::Ident(name)) => match self.const_int(name) {
                        Some(n) if (0..=1 << 20).contains(&n) => n as usize,
                        _ => return Err(err(span, "array length must be a small constant here")),
                    },
                    _ => return Err(err(span, "array length must be a small constant here")),
                };
                let name = format!("[{n}]{}", self.types.name(t));
                self.types.intern(name, TKind::Array(n, t))
            }
            ExprKind::MapType(k, v) => {
                let k = self.resolve_type(k)?;
                let v = self.resolve_type(v)?;
                let name = format!("map[{}]{}", self.types.name(k), self.types.name(v));
                self.types.intern(name, TKind::Map(k, v))
            }
            ExprKind::ChanType(dir, inner) => {
                let t = self.resolve_type(inner)?;
                let prefix = match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                };
                let name = format!("{prefix}{}", self.types.name(t));
                self.types.intern(name, TKind::Chan(t))
            }
            ExprKind::FuncType(sig) => {
                let mut name = String::from("func(");
                for (i, p) in sig.params.iter().enumerate() {
                    if i > 0 {
                        name.push_str(", ");
                    }
                    let mut t = self.resolve_type(&p.ty)?;
                    if sig.variadic && i + 1 == sig.params.len() {
                        name.push_str("...");
                        if let TKind::Slice(elem) = self.types.kind(t) {
                            t = *elem;
                        }
                    }
                    name.push_str(self.types.name(t));
                }
                name.push(')');
                let mut rs = Vec::new();
                for p in &sig.results {
                    let t = self.resolve_type(&p.ty)?;
                    rs.push(self.types.name(t).to_string());
                }
                match rs.len() {
                    0 => {}
                    1 => {
                        name.push(' ');
                        name.push_str(&rs[0]);
                    }
                    _ => {
                        name.push_str(" (");
                        name.push_str(&rs.join(", "));
                        name.push(')');
                    }
                }
                self.types.intern(name, TKind::Func)
            }
            ExprKind::StructType(fields) => {
                let mut infos = Vec::new();
                let mut parts = Vec::new();
                for f in fields {
                    let t = self.resolve_type(&f.ty)?;
                    let (name, embedded) = match &f.name {
                        Some(n) => (n.clone(), false),
                        None => {
                            let tn = self.types.name(t);
                            let short = tn.trim_start_matches('*').rsplit('.').next().unwrap_or(tn);
                            (Rc::from(short), true)
                        }
                    };
                    parts.push(if embedded {
                        self.types.name(t).to_string()
                    } else {
                        format!("{name} {}", self.types.name(t))
                    });
                    infos.push(FieldInfo {
                        name,
                        ty: t,
                        embedded,
                    });
                }
                if infos.is_empty() {
                    return Ok(EMPTY_STRUCT);
                }
                let name = format!("struct {{ {} }}", parts.join("; "));
                self.types.intern(name, TKind::Struct(infos))
            }
            ExprKind::InterfaceType(own, embedded) => {
                let mut methods = own.clone();
                for e in embedded {
                    let t = self.resolve_type(e)?;
                    match self.types.kind(t) {
                        TKind::Interface(ms) => methods.extend(ms.iter().cloned()),
                        _ => {
                            return Err(err(
                                e.span,
                                format!("interface contains type constraints: {}", self.types.name(t)),
                            ))
                        }
                    }
                }
                crate::sort::sort(&mut methods);
                methods.dedup();
                if methods.is_empty() {
                    return Ok(ANY);
                }
                if methods.len() == 1 && &*methods[0] == "Error" {
                    return Ok(ERROR);
                }
                let name = format!(
                    "interface {{ {} }}",
                    methods
                        .iter()
                        .map(|m| format!("{m}()"))
                        .collect::<Vec<_>>()
                        .join("; ")
                );
                self.types.intern(name, TKind::Interface(methods))
            }
            _ => return Err(err(span, "not a type")),
        })
    }

    fn const_int(&self, name: &str) -> Option<i64> {
        let _ = name;
        None
    }

    /// Whether `e` names a type (for conversions and composite literals).
    /// The type `*t`.
    fn ptr_to(&mut self, t: Ty) -> Ty {
        let name = format!("*{}", self.types.name(t));
        self.types.intern(name, TKind::Ptr(t))
    }

    fn is_type(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(name) => matches!(self.lookup(name), Some(Bind::Type(_))),
            ExprKind::Selector(pkg, name) => {
                if let ExprKind::Ident(p) = &pkg.kind {
                    if matches!(self.lookup(p), Some(Bind::Package(_))) {
                        let full = format!("{p}.{name}");
                        return matches!(
                            full.as_str(),
                            "time.Duration"
                                | "time.Time"
                                | "sync.WaitGroup"
                                | "sync.Mutex"
                                | "context.Context"
                                | "context.CancelFunc"
                                | "fmt.Stringer"
                        ) || stdlib::prelude_type(&full).is_some();
                    }
                }
                false
            }
            ExprKind::Star(inner) => self.is_type(inner),
            ExprKind::SliceType(_)
            | ExprKind::ArrayType(..)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(..) => true,
            _ => false,
        }
    }

    // ---- static types ----
    //
    // The compiler checks no types, but Go's `==` needs one fact that the
    // values alone do not give: whether an operand is an interface. A nil
    // pointer in an `error` is not a nil `error`, and `any(1) != any(1.0)`,
    // while a nil pointer is nil and `x == 1` holds for a float64 `x` of
    // 1. So the compiler follows the static type of what it can: declared
    // variables, parameters and results, what calls to the program's own
    // functions and methods return, fields, conversions and literals.
    // `None` is "not known", and then `==` compares values as before.

    /// The types a `var` or `const` spec gives its names.
    fn spec_tys(&mut self, spec: &ValueSpec) -> Vec<Option<Ty>> {
        let n = spec.names.len();
        if let Some(t) = &spec.ty {
            return vec![self.resolve_type(t).ok(); n];
        }
        let mut tys: Vec<Option<Ty>> = if spec.values.len() == n {
            spec.values.iter().map(|v| self.static_ty(v)).collect()
        } else {
            spec.values
                .first()
                .map(|v| self.static_tys(v))
                .unwrap_or_default()
        };
        // One per name, known or not: the names are declared by zipping
        // with these (`var a, b = strconv.Atoi(s)`, whose result types are
        // not known here, declared neither).
        tys.resize(n, None);
        tys
    }

    /// The static type of a variable in scope.
    fn var_ty(&self, name: &str) -> Option<Ty> {
        match self.declared(name) {
            Declared::Local(st, slot) => st.tys.get(&slot).copied(),
            Declared::Global(g) => self.global_tys.get(g).copied(),
            Declared::Other => None,
        }
    }

    /// Where the variable or constant `name` in scope was declared: a
    /// local of the function that declared it (a capture resolves to its
    /// own function's entry) or a global; `Other` if the name means
    /// something else here (a type, a package) or nothing.
    fn declared(&self, name: &str) -> Declared<'_> {
        for st in self.fs.iter().rev() {
            if let Some(b) = st.scopes.iter().rev().find_map(|scope| scope.get(name)) {
                return match b {
                    Bind::Local(slot) => Declared::Local(st, *slot),
                    Bind::Up(_) => continue,
                    _ => Declared::Other,
                };
            }
        }
        match self.globals.get(name) {
            Some(Bind::Global(g)) => Declared::Global(*g),
            _ => Declared::Other,
        }
    }

    /// The result types of a call to one of the program's own functions or
    /// methods.
    fn static_tys(&mut self, e: &Expr) -> Vec<Option<Ty>> {
        let ExprKind::Call(f, _, _) = &e.kind else {
            return Vec::new();
        };
        let Some(sig) = self.callee_id(f).and_then(|id| self.sigs.get(id).cloned()) else {
            return Vec::new();
        };
        sig.results.iter().map(|p| self.callee_type(&p.ty)).collect()
    }

    /// Which of the program's own functions or methods `f` calls, where
    /// that is known.
    fn callee_id(&mut self, f: &Expr) -> Option<u32> {
        match &f.kind {
            ExprKind::Ident(name) if self.is_global(name) => match self.globals.get(name) {
                Some(Bind::Func(id)) => Some(*id),
                _ => None,
            },
            ExprKind::Selector(x, m) => self.static_ty(x).and_then(|t| {
                let t = match self.types.kind(t) {
                    TKind::Ptr(inner) => *inner,
                    _ => t,
                };
                self.types.get(t).methods.get(m).map(|(id, _)| *id)
            }),
            _ => None,
        }
    }

    /// Whether `name` means the package-level declaration: no local
    /// variable of any enclosing function hides it.
    fn is_global(&self, name: &str) -> bool {
        !self
            .fs
            .iter()
            .any(|st| st.scopes.iter().any(|scope| scope.get(name).is_some()))
    }

    /// A type in a callee's signature, as the callee means it: `None` if
    /// it names something the caller declared itself (a local type, a
    /// variable called `time`), which would be another type, and looking
    /// it up would count as a use of it.
    fn callee_type(&mut self, ty: &Expr) -> Option<Ty> {
        fn names<'e>(ty: &'e Expr, out: &mut Vec<&'e Name>) {
            match &ty.kind {
                ExprKind::Ident(n) => out.push(n),
                ExprKind::Selector(x, _) => names(x, out),
                ExprKind::SliceType(t) | ExprKind::Star(t) | ExprKind::ChanType(_, t) => names(t, out),
                ExprKind::ArrayType(_, t) | ExprKind::Ellipsis(Some(t)) => names(t, out),
                ExprKind::MapType(k, v) => {
                    names(k, out);
                    names(v, out);
                }
                _ => {}
            }
        }
        let mut used = Vec::new();
        names(ty, &mut used);
        let local = used.iter().any(|n| !self.is_global(n));
        if local {
            return None;
        }
        self.resolve_type(ty).ok()
    }

    /// Whether `name` is a constant (typed or not).
    fn is_const(&self, name: &str) -> bool {
        match self.declared(name) {
            Declared::Local(st, slot) => st.consts.contains(&slot),
            Declared::Global(g) => self.const_globals.contains(&g),
            Declared::Other => false,
        }
    }

    /// Whether `e` is an untyped constant: a literal, an untyped named
    /// constant, arithmetic on them, or a shift of one (`1 << n`, which
    /// takes its type from where it is used). It has no type of its own.
    fn untyped(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Char(_) | ExprKind::Str(_) => true,
            ExprKind::Ident(n) => self.is_const(n) && self.var_ty(n).is_none(),
            ExprKind::Unary(Op::Neg | Op::Plus | Op::BitNot, x)
            | ExprKind::Binary(Op::Shl | Op::Shr, x, _) => self.untyped(x),
            ExprKind::Binary(op, ..) if op.gives_bool() => false,
            ExprKind::Binary(_, a, b) => self.untyped(a) && self.untyped(b),
            _ => false,
        }
    }

    /// An untyped numeric constant expression's exact value, where it
    /// fits (see [`super::exact`]): literals, `iota`, the untyped
    /// constants declared so far, and arithmetic on them.
    fn exact(&self, e: &Expr) -> Option<Exact> {
        match &e.kind {
            ExprKind::Int(v) => Some(Exact::int(i128::from(*v))),
            ExprKind::Char(c) => Some(Exact::rune(i128::from(*c))),
            ExprKind::Float(_) => Exact::parse_float(e.written.text.as_deref()?),
            ExprKind::Ident(name)
                if &**name == "iota" && self.is_global(name) && self.globals.get(name).is_none() =>
            {
                Some(Exact::int(i128::from(self.iota)))
            }
            ExprKind::Ident(name) => match self.declared(name) {
                Declared::Local(st, slot) => st.exact.get(&slot).copied(),
                Declared::Global(g) => self.global_exact.get(&g).copied(),
                Declared::Other => None,
            },
            ExprKind::Unary(op, x) => Exact::unary(*op, self.exact(x)?),
            ExprKind::Binary(op, a, b) => Exact::binary(*op, self.exact(a)?, self.exact(b)?),
            _ => None,
        }
    }

    /// Emits an untyped constant expression's exact value as `hint` (or its
    /// default type) holds it, rounded once, as Go does (`0.1 + 0.2` is
    /// 0.3); `false` where it does not fold, or its value does not fit,
    /// and the expression runs instead.
    fn fold(&mut self, e: &Expr, hint: Option<Ty>) -> bool {
        let literal = matches!(e.kind, ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Char(_));
        if literal || !self.untyped(e) {
            return false;
        }
        let Some(k) = self.exact(e) else {
            return false;
        };
        let numeric = hint.filter(|&t| matches!(self.types.kind(t), TKind::Int(..) | TKind::Float));
        let ty = numeric.unwrap_or(match k.kind {
            exact::Kind::Int => INT,
            exact::Kind::Rune => INT32,
            exact::Kind::Float => FLOAT64,
        });
        match self.types.kind(ty) {
            TKind::Int(..) => match k.as_int().and_then(|v| i64::try_from(v).ok()) {
                Some(v) => {
                    self.emit(Ins::Int(v, ty));
                }
                None => return false,
            },
            _ => {
                self.emit(Ins::Float(k.to_f64()));
                if ty != FLOAT64 {
                    self.emit(Ins::Convert(ty));
                }
            }
        }
        true
    }

    fn static_ty(&mut self, e: &Expr) -> Option<Ty> {
        match &e.kind {
            ExprKind::Ident(name)
                if matches!(&**name, "true" | "false")
                    && self.is_global(name)
                    && self.globals.get(name).is_none() =>
            {
                Some(BOOL)
            }
            ExprKind::Ident(name) => self.var_ty(name),
            ExprKind::Int(_) => Some(INT),
            ExprKind::Float(_) => Some(FLOAT64),
            ExprKind::Str(_) => Some(STRING),
            ExprKind::Composite(Some(t), _) => self.resolve_type(t).ok(),
            ExprKind::Unary(Op::Addr, x) => {
                let t = self.static_ty(x)?;
                Some(self.ptr_to(t))
            }
            ExprKind::TypeAssert(_, Some(t)) => self.resolve_type(t).ok(),
            ExprKind::Index(x, _) => {
                let t = self.static_ty(x)?;
                match self.types.kind(t) {
                    TKind::Slice(elem) | TKind::Array(_, elem) | TKind::Map(_, elem) => Some(*elem),
                    TKind::Str => Some(UINT8),
                    _ => None,
                }
            }
            ExprKind::Binary(op, ..) if op.gives_bool() => Some(BOOL),
            // A shift has its left operand's type; a shift of an untyped
            // constant takes its type from where it is used (`(1 << n) *
            // time.Millisecond` is a Duration).
            ExprKind::Binary(Op::Shl | Op::Shr, a, _) if self.untyped(a) => None,
            ExprKind::Binary(Op::Shl | Op::Shr, a, _) => self.static_ty(a),
            // An untyped operand (a literal, an untyped constant) takes the
            // other operand's type.
            ExprKind::Binary(_, a, b) => {
                let ta = if self.untyped(a) { None } else { self.static_ty(a) };
                match ta {
                    Some(t) => Some(t),
                    None if self.untyped(b) => None,
                    None => self.static_ty(b),
                }
            }
            ExprKind::Unary(Op::Neg | Op::Plus | Op::BitNot, x) if !self.untyped(x) => self.static_ty(x),
            ExprKind::Unary(Op::Not, _) => Some(BOOL),
            ExprKind::Unary(Op::Recv, ch) => match self.static_ty(ch).map(|t| self.types.kind(t)) {
                Some(TKind::Chan(elem)) => Some(*elem),
                _ => None,
            },
            ExprKind::Selector(x, field) => {
                if self.is_package(x) {
                    // `time.Second` and its kin are Durations.
                    let unit = matches!(
                        &**field,
                        "Nanosecond" | "Microsecond" | "Millisecond" | "Second" | "Minute" | "Hour"
                    );
                    return (unit && matches!(&x.kind, ExprKind::Ident(p) if &**p == "time"))
                        .then_some(DURATION);
                }
                let t = self.static_ty(x)?;
                let t = match self.types.kind(t) {
                    TKind::Ptr(inner) => *inner,
                    _ => t,
                };
                match self.types.kind(t) {
                    TKind::Struct(fields) => fields.iter().find(|f| f.name == *field).map(|f| f.ty),
                    _ => None,
                }
            }
            ExprKind::Call(f, args, _) => {
                if let ExprKind::Selector(x, name) = &f.kind {
                    if let (ExprKind::Ident(p), true) = (&x.kind, self.is_package(x)) {
                        return match (&**p, &**name) {
                            ("errors", "New") | ("fmt", "Errorf") => Some(ERROR),
                            ("time", "Since" | "Until") => Some(DURATION),
                            ("time", "Now") => Some(TIME),
                            // The prelude's functions, written in Go, have
                            // signatures of their own (`sync.NewCond`).
                            _ => {
                                let prelude = stdlib::prelude_func(&format!("{p}.{name}"))?;
                                let Some(Bind::Func(id)) = self.globals.get(prelude) else {
                                    return None;
                                };
                                let sig = self.sigs.get(*id)?.clone();
                                match sig.results.as_slice() {
                                    [one] => self.callee_type(&one.ty),
                                    _ => None,
                                }
                            }
                        };
                    }
                }
                if args.len() == 1 && self.is_type(f) {
                    return self.resolve_type(f).ok();
                }
                if let (ExprKind::Ident(name), Some(t)) = (&f.kind, args.first()) {
                    if self.is_global(name) && self.globals.get(name).is_none() {
                        match &**name {
                            "make" => return self.resolve_type(t).ok(),
                            "new" => {
                                let t = self.resolve_type(t).ok()?;
                                return Some(self.ptr_to(t));
                            }
                            "append" => return self.static_ty(t),
                            _ => {}
                        }
                    }
                }
                match self.static_tys(e).as_slice() {
                    [one] => *one,
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `e`'s type where it certainly has one of its own: a variable, a
    /// field, a call's result, a conversion, a typed constant such as
    /// `time.Second`, and arithmetic on any of them. `None` for an untyped
    /// constant (a literal, `const k = 3`, `1 << n`), which takes the type
    /// of where it is used, and wherever the compiler does not know.
    fn typed(&mut self, e: &Expr) -> Option<Ty> {
        match &e.kind {
            ExprKind::Ident(name) => self.var_ty(name),
            ExprKind::Selector(..)
            | ExprKind::Index(..)
            | ExprKind::Call(..)
            | ExprKind::TypeAssert(..)
            | ExprKind::Composite(Some(_), _)
            | ExprKind::Unary(Op::Addr | Op::Recv, _) => self.static_ty(e),
            ExprKind::Unary(Op::Neg | Op::Plus | Op::BitNot, x)
            | ExprKind::Binary(Op::Shl | Op::Shr, x, _) => self.typed(x),
            ExprKind::Binary(op, ..) if op.gives_bool() => None,
            ExprKind::Binary(_, a, b) => match self.typed(a) {
                Some(t) => Some(t),
                None => self.typed(b),
            },
            _ => None,
        }
    }

    /// Pushes a binary operation's operands. An untyped constant takes the
    /// integer type of the other operand, as in Go, so `n % 2.0` and
    /// `time.Second * 2.0` compute in integers (a float there panicked, or
    /// printed 2e+09), and a shift's count is an integer.
    fn operands(&mut self, op: Op, a: &Expr, b: &Expr) -> R<()> {
        // An untyped constant beside a typed number takes its type, exactly:
        // `float64(n) / (1 << 63)` divides by 2^63, not by the int it
        // overflows.
        let num_ty = |c: &mut Self, e: &Expr| {
            c.static_ty(e)
                .filter(|&t| !c.untyped(e) && matches!(c.types.kind(t), TKind::Int(..) | TKind::Float))
        };
        if matches!(op, Op::Shl | Op::Shr) {
            self.expr(a)?;
            return if self.untyped(b) {
                self.value_to(b, Some(INT))
            } else {
                self.expr(b)
            };
        }
        match num_ty(self, b) {
            Some(t) if self.untyped(a) => self.value_to(a, Some(t))?,
            _ => self.expr(a)?,
        }
        match num_ty(self, a) {
            Some(t) if self.untyped(b) => self.value_to(b, Some(t)),
            _ => self.expr(b),
        }
    }

    /// [`Self::check_mismatch`] for a binary expression `e`, at Go's
    /// position: an arithmetic's first operand, a comparison's second,
    /// where Go first knows of the mismatch.
    fn check_binary(&mut self, e: &Expr) -> R<()> {
        let ExprKind::Binary(op, a, b) = &e.kind else {
            return Ok(());
        };
        if matches!(op, Op::Shl | Op::Shr | Op::LAnd | Op::LOr) {
            return Ok(());
        }
        let at = if op.is_comparison() { b.start() } else { e.start() };
        self.check_mismatch(a, b, || e.to_string(), at)
    }

    /// The operand checks of every operation inside `e`, innermost first
    /// (Go's order), for a value checked before it is compiled.
    fn check_operands(&mut self, e: &Expr) -> R<()> {
        match &e.kind {
            ExprKind::Binary(_, a, b) => {
                self.check_operands(a)?;
                self.check_operands(b)?;
                self.check_binary(e)
            }
            ExprKind::Unary(_, x) => self.check_operands(x),
            _ => Ok(()),
        }
    }

    /// Go's compile error for an operation on two operands of different
    /// types (`n * time.Millisecond` with an int `n`, the classic slip with
    /// durations), which would otherwise run. Checked only where both
    /// types are certain and are numbers or strings, so it never refuses a
    /// program Go accepts. `shown` is the operation as Go quotes it.
    fn check_mismatch(&mut self, a: &Expr, b: &Expr, shown: impl FnOnce() -> String, at: Span) -> R<()> {
        let (ta, tb) = (self.typed(a), self.typed(b));
        let name = |c: &Self, t: Option<Ty>, e: &Expr| match t {
            Some(t) => c.go_type_name(t),
            None => format!("untyped {}", untyped_kind(e).unwrap_or_default()),
        };
        let mismatched = match (ta, tb) {
            (Some(ta), Some(tb)) => ta != tb && self.plain(ta) && self.plain(tb),
            // An untyped literal beside a typed operand takes its type,
            // if it can: a string cannot be a number, nor a number a
            // string, and a fraction is no integer.
            (Some(t), None) | (None, Some(t)) if self.plain(t) => {
                let lit = if ta.is_some() { b } else { a };
                let Some(kind) = untyped_kind(lit) else {
                    return Ok(());
                };
                match (self.types.kind(t), kind) {
                    (TKind::Str, "int" | "float" | "rune") | (TKind::Int(..) | TKind::Float, "string") => {
                        true
                    }
                    (TKind::Int(..), "float") => {
                        let whole = float_literal(lit).is_some_and(|f| f.fract() == 0.0);
                        // Go names the integer type under a named one;
                        // this table knows it for Duration and the basic
                        // types only.
                        let under = match t {
                            DURATION => Some("int64".to_string()),
                            t if !self.types.name(t).contains('.') => Some(self.types.name(t).to_string()),
                            _ => None,
                        };
                        return match under {
                            Some(under) if !whole => {
                                let value = super::float::go_v(float_literal(lit).unwrap_or_default());
                                Err(err(
                                    lit.start(),
                                    format!("{} truncated to {under}", untyped_operand(lit, "float", &value)),
                                ))
                            }
                            _ => Ok(()),
                        };
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !mismatched {
            return Ok(());
        }
        let (na, nb) = (name(self, ta, a), name(self, tb, b));
        Err(err(
            at,
            format!("invalid operation: {} (mismatched types {na} and {nb})", shown()),
        ))
    }

    /// Whether `e`'s static type is an interface.
    fn is_interface(&mut self, e: &Expr) -> Option<bool> {
        let t = self.static_ty(e)?;
        Some(matches!(self.types.kind(t), TKind::Interface(_)))
    }

    // ---- functions ----

    fn func(&mut self, f: &FuncDef) -> R<FuncCode> {
        self.span = f.span;
        self.fs.push(FuncState::new());
        let mut nparams = 0;
        let mut refresh = false;
        if let Some(recv) = &f.recv {
            let method = f.name.rsplit('.').next().unwrap_or_default();
            refresh = method.to_ascii_lowercase().starts_with("refresh")
                && self
                    .resolve_type(&recv.ty)
                    .is_ok_and(|ty| self.types.is_token_cache(ty));
            let name = recv.name.clone().unwrap_or_else(|| Rc::from("_"));
            let slot = self.declare(&name)?;
            if let Ok(ty) = self.resolve_type(&recv.ty) {
                self.st().tys.insert(slot, ty);
            }
            nparams += 1;
        }
        let (mut code, caps) = self.func_body(f, nparams)?;
        code.refresh = refresh;
        if !caps.is_empty() {
            return Err(err(f.span, "internal: a top-level function captured a variable"));
        }
        Ok(code)
    }

    /// Compiles a body in the function state on top (popping it); returns
    /// the code and what it captured.
    fn func_body(&mut self, f: &FuncDef, mut nparams: u16) -> R<(FuncCode, Vec<Cap>)> {
        let mut variadic_ty = ANY;
        // A receiver (already declared) is passed as it is.
        let mut params = vec![ANY; usize::from(nparams)];
        for (i, p) in f.sig.params.iter().enumerate() {
            let ty = self.resolve_type(&p.ty)?;
            params.push(ty);
            if f.sig.variadic && i + 1 == f.sig.params.len() {
                variadic_ty = ty;
            }
            let name = p.name.clone().unwrap_or_else(|| Rc::from("_"));
            let slot = self.declare(&name)?;
            // A variadic parameter is a slice of `ty`: its type is not noted.
            if !(f.sig.variadic && i + 1 == f.sig.params.len()) {
                self.st().tys.insert(slot, ty);
            }
            nparams += 1;
        }
        let mut results = Vec::new();
        for p in &f.sig.results {
            let ty = self.resolve_type(&p.ty)?;
            let name = p.name.clone().unwrap_or_else(|| Rc::from("_"));
            let slot = self.declare(&name)?;
            self.st().tys.insert(slot, ty);
            self.emit(Ins::Zero(ty));
            self.emit(Ins::Declare(slot));
            results.push(slot);
        }
        self.st().results = results.clone();
        self.st().named_results = f.sig.results.iter().any(|p| p.name.is_some());
        if !f.sig.results.is_empty() && !ends_in_terminating(&f.body) {
            return Err(err(f.end, "missing return"));
        }
        // The function's type, for `%T` and a named func type's methods.
        let ty = self.resolve_type(&Expr {
            span: f.span,
            kind: ExprKind::FuncType(f.sig.clone()),
            written: Written::default(),
        })?;
        self.joined_block(&f.body)?;
        self.span = f.span;
        self.emit(Ins::Return);
        let st = self.fs.pop().expect("function state");
        for (slot, name, span) in st.decls.iter().filter(|_| !st.failed) {
            if !st.reads.get(*slot as usize).copied().unwrap_or(false) {
                self.unused
                    .push((*span, format!("declared and not used: {name}")));
            }
        }
        let caps = st.upvals.iter().map(|(_, c)| *c).collect();
        Ok((
            FuncCode {
                name: f.name.clone(),
                code: st.code,
                spans: st.spans,
                nlocals: st.nlocals,
                nparams,
                variadic: f.sig.variadic,
                results,
                variadic_ty,
                refresh: false,
                ty,
                params,
            },
            caps,
        ))
    }

    fn func_lit(&mut self, f: &Rc<FuncDef>) -> R<()> {
        let id = self.funcs.len() as u32;
        self.funcs.push(None);
        self.fs.push(FuncState::new());
        let saved = self.span;
        let (mut code, caps) = self.func_body(f, 0)?;
        self.span = saved;
        self.lits += 1;
        let outer = self.fs.iter().rev().find_map(|_| None::<()>);
        let _ = outer;
        code.name = Rc::from(format!("func{}", self.lits));
        self.funcs[id as usize] = Some(code);
        self.emit(Ins::Closure(id, Rc::from(caps)));
        Ok(())
    }
}

/// A select case's arm index (`None`: default) and what its receive binds
/// (the names, and whether `:=` declares them).
type SelectPlan<'a> = (Option<usize>, Option<(&'a [Expr], bool)>);

/// Names Go predeclares that the compiler handles itself.
const BUILTINS: &[&str] = &[
    "len", "cap", "append", "make", "new", "panic", "recover", "print", "println", "close", "delete", "copy",
    "min", "max",
];

impl Compiler {
    fn global_spec(&mut self, spec: &ValueSpec, constant: bool) -> R<()> {
        self.span = spec.span;
        self.iota = spec.iota;
        let slots: Vec<Option<u32>> = spec
            .names
            .iter()
            .map(|(n, _)| match self.globals.get(n) {
                Some(Bind::Global(g)) if &**n != "_" => Some(*g),
                _ => None,
            })
            .collect();
        self.values(spec, constant)?;
        for slot in slots.iter().rev() {
            match slot {
                Some(g) => self.emit(Ins::StoreGlobal(*g)),
                None => self.emit(Ins::Pop),
            };
        }
        Ok(())
    }

    /// Pushes the values of a `var` or `const` spec, one per name.
    fn values(&mut self, spec: &ValueSpec, constant: bool) -> R<usize> {
        let ty = spec.ty.as_ref().map(|t| self.resolve_type(t)).transpose()?;
        let n = spec.names.len();
        if spec.names.len() == 1 {
            self.hint = Some(spec.names[0].0.clone());
        }
        if spec.values.is_empty() {
            let Some(ty) = ty else {
                return Err(err(spec.span, "missing type or init expr"));
            };
            for _ in 0..n {
                self.emit(Ins::Zero(ty));
            }
        } else if spec.values.len() == n {
            for (name, v) in spec.names.iter().zip(&spec.values) {
                self.hint = Some(name.0.clone());
                if let Some(ty) = ty {
                    let context = if constant {
                        "constant declaration"
                    } else {
                        "variable declaration"
                    };
                    self.check_value(v, ty, context)?;
                }
                self.expr_hint(v, ty)?;
                if let Some(ty) = ty {
                    self.convert_to(ty);
                }
            }
        } else if spec.values.len() == 1 && n > 1 {
            self.check_results(&spec.values[0], n)?;
            self.multi(&spec.values[0], n)?;
        } else {
            return Err(err(
                spec.span,
                format!(
                    "assignment mismatch: {} variables but {} values",
                    n,
                    spec.values.len()
                ),
            ));
        }
        self.hint = None;
        Ok(n)
    }

    /// Go's compile error for a literal that no value of `ty` can be:
    /// `var s string = 5`, `var n int = "a"`. Without it the first ran
    /// and printed 5, and the second failed at run time in the VM's words.
    fn check_literal(&self, v: &Expr, ty: Ty, context: &str) -> R<()> {
        let kind = self.types.kind(ty);
        let numeric = matches!(kind, TKind::Int(..) | TKind::Float);
        // A float with no fraction is a fine integer (`var n int = 1e6`).
        let mut truncated = "";
        let (shown, untyped, fits) = match &v.kind {
            ExprKind::Int(_) | ExprKind::Unary(Op::Neg, _) => {
                let Some(n) = int_literal(v) else { return Ok(()) };
                let fits = match kind {
                    TKind::Int(bits, signed) => int_fits(n, *bits, *signed),
                    _ => numeric,
                };
                if !fits && matches!(kind, TKind::Int(..)) {
                    truncated = " (overflows)";
                }
                (int_text(n), "int", fits)
            }
            // Go's own float printing and quoting: Rust's float and char
            // formatting would add their tables to the page.
            ExprKind::Float(f) => {
                let whole = f.is_finite() && f.fract() == 0.0;
                if matches!(kind, TKind::Int(..)) && !whole {
                    truncated = " (truncated)";
                }
                (
                    super::float::go_v(*f),
                    "float",
                    matches!(kind, TKind::Float) || numeric && whole,
                )
            }
            // A rune's value is its number: `'a' (untyped rune constant 97)`.
            ExprKind::Char(c) => (c.to_string(), "rune", numeric),
            ExprKind::Str(s) => (super::format::quote(s), "string", matches!(kind, TKind::Str)),
            _ => return Ok(()),
        };
        // An interface takes any constant (its methods are checked elsewhere,
        // or not at all).
        if fits || matches!(kind, TKind::Interface(_)) {
            return Ok(());
        }
        let name = self.go_type_name(ty);
        Err(err(
            v.span,
            format!(
                "cannot use {} as {name} value in {context}{truncated}",
                untyped_operand(v, untyped, &shown)
            ),
        ))
    }

    /// Go's compile error for a value that cannot go where it is put
    /// (`context`: `assignment`, `argument to f`, …): a literal no value of
    /// `ty` can be, or a value that certainly has another number or string
    /// type (`var d time.Duration = n` with an int `n`). Like
    /// [`Self::check_mismatch`], it leaves alone what it is not sure of.
    fn check_value(&mut self, v: &Expr, ty: Ty, context: &str) -> R<()> {
        self.check_operands(v)?;
        self.check_literal(v, ty, context)?;
        let Some(has) = self.typed(v) else {
            return Ok(());
        };
        let why = match self.types.kind(ty).clone() {
            TKind::Interface(methods) => match self.missing_method(has, ty, &methods) {
                Some(why) => why,
                None => return Ok(()),
            },
            _ => String::new(),
        };
        let nominal = self.nominal(has) && self.nominal(ty);
        if why.is_empty() && (has == ty || !nominal && (!self.plain(has) || !self.plain(ty))) {
            return Ok(());
        }
        // A constant Go describes by its value ("constant 5 of type
        // time.Duration"), which is not worked out here: left alone.
        if self.constant(v) {
            return Ok(());
        }
        // What Go calls the operand: a variable (one it could take the
        // address of) or a computed value; a map element and a comma-ok
        // operand it words otherwise, and those are left alone.
        let mode = match &v.kind {
            _ if self.is_map_index(v) => return Ok(()),
            ExprKind::TypeAssert(..) | ExprKind::Unary(Op::Recv, _) => return Ok(()),
            _ if self.addressable(v) => "variable",
            _ => "value",
        };
        let (has, want) = (self.go_type_name(has), self.go_type_name(ty));
        Err(err(
            v.start(),
            format!("cannot use {v} ({mode} of type {has}) as {want} value in {context}{why}"),
        ))
    }

    /// Why a value of type `has` is not of interface `iface` with `methods`,
    /// in Go's words (": Sq does not implement Shape (method Area has
    /// pointer receiver)"), where the compiler holds `has`'s whole method
    /// set: the program's own types, not through embedded fields.
    fn missing_method(&self, has: Ty, iface: Ty, methods: &[Name]) -> Option<String> {
        let (base, ptr) = match self.types.kind(has) {
            TKind::Ptr(inner) if self.types.name(has).starts_with('*') => (*inner, true),
            _ => (has, false),
        };
        if !self.types.name(base).starts_with("main.") {
            return None;
        }
        match self.types.kind(base) {
            TKind::Interface(_) | TKind::Ptr(_) => return None,
            TKind::Struct(fields) if fields.iter().any(|f| f.embedded) => return None,
            _ => {}
        }
        let own = &self.types.get(base).methods;
        let why = methods.iter().find_map(|m| match own.get(m) {
            Some((_, true)) if !ptr => Some(format!("method {m} has pointer receiver")),
            Some(_) => None,
            // A field of that name, or a method named in another case,
            // Go words otherwise: left to run time.
            None => {
                let near = own.iter().any(|(k, _)| k.eq_ignore_ascii_case(m))
                    || matches!(self.types.kind(base), TKind::Struct(fields)
                        if fields.iter().any(|f| f.name.eq_ignore_ascii_case(m)));
                (!near).then(|| format!("missing method {m}"))
            }
        })?;
        let (has, iface) = (self.go_type_name(has), self.go_type_name(iface));
        Some(format!(": {has} does not implement {iface} ({why})"))
    }

    /// Whether `e` is an element of a map, an operand Go words apart.
    fn is_map_index(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Index(x, _) => {
                matches!(
                    self.static_ty(x).map(|t| self.types.kind(t)),
                    Some(TKind::Map(..))
                )
            }
            _ => false,
        }
    }

    /// Whether Go could take `e`'s address: a variable, a field of one or
    /// reached through a pointer, an element of a slice or of an array
    /// that is one.
    fn addressable(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(n) => !self.is_const(n) && self.var_ty(n).is_some(),
            ExprKind::Star(_) => true,
            ExprKind::Selector(x, _) if !self.is_package(x) => {
                matches!(self.static_ty(x).map(|t| self.types.kind(t)), Some(TKind::Ptr(_)))
                    || self.addressable(x)
            }
            ExprKind::Index(x, _) => match self.static_ty(x).map(|t| self.types.kind(t)) {
                Some(TKind::Slice(_)) => true,
                Some(TKind::Array(..)) => self.addressable(x),
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether `e` is a constant: literals, named constants, the time
    /// units, conversions of constants, and operations on them.
    fn constant(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Char(_) | ExprKind::Str(_) => true,
            ExprKind::Ident(n) => self.is_const(n),
            ExprKind::Selector(x, _) => self.is_package(x) && self.static_ty(e) == Some(DURATION),
            ExprKind::Unary(Op::Neg | Op::Plus | Op::BitNot | Op::Not, x) => self.constant(x),
            ExprKind::Binary(_, a, b) => self.constant(a) && self.constant(b),
            ExprKind::Call(f, args, false) if args.len() == 1 && self.is_type(f) => self.constant(&args[0]),
            _ => false,
        }
    }

    /// Whether `t` is a named struct type, a library type of a kind of
    /// its own, or a pointer to one of them: two such types that differ
    /// are never assignable (`wg` for a `*sync.WaitGroup` parameter), as
    /// no conversion between an unnamed type and a named one applies.
    fn nominal(&self, t: Ty) -> bool {
        match self.types.kind(t) {
            TKind::Struct(_) => !self.types.name(t).contains('{'),
            TKind::WaitGroup | TKind::Mutex | TKind::Time => true,
            // A named pointer type (`type PT *Pt`) takes an unnamed `*Pt`.
            TKind::Ptr(inner) => self.types.name(t).starts_with('*') && self.nominal(*inner),
            _ => false,
        }
    }

    /// Whether `t` is a number or string type whose name Go would print as
    /// this table does (byte and rune are uint8 and int32 here, and Go names
    /// them as the program spelled them).
    fn plain(&self, t: Ty) -> bool {
        !matches!(t, UINT8 | INT32)
            && matches!(self.types.kind(t), TKind::Int(..) | TKind::Float | TKind::Str)
    }

    /// Whether Go would name `t` as this table does: not byte or rune
    /// (uint8 and int32 here, which Go names as the program spelled them),
    /// nor a type built of them.
    fn plain_name(&self, t: Ty) -> bool {
        let name = self.types.name(t);
        !name.contains("uint8") && !name.contains("int32")
    }

    /// A type's name as Go's compile errors print it: the program's own
    /// types without `main.`.
    fn go_type_name(&self, t: Ty) -> String {
        self.types.name(t).replace("main.", "")
    }

    /// Go's error for a field or method that `x`'s type does not have
    /// (`t.Foo undefined (type T has no field or method Foo)`), which ran
    /// and panicked. Checked on the program's own types, whose fields and
    /// methods the compiler holds whole, and on the library's types, whose
    /// members Go names in `stdlib::library_members`; not through an
    /// embedded type of the library's (a `sync.Mutex` brings `Lock`).
    /// A member Go has that the prelude's Go lacks (`b.Grow`) is outside
    /// the subset, and says so here rather than panic when it runs.
    fn check_member(&mut self, x: &Expr, name: &str, at: Span) -> R<()> {
        // The prelude (on line 0) reaches into its own types' fields.
        let Some(t) = self.static_ty(x).filter(|_| !at.in_prelude()) else {
            return Ok(());
        };
        let base = match self.types.kind(t) {
            TKind::Ptr(inner) => *inner,
            _ => t,
        };
        match self.member(base, name, 0) {
            Member::Has | Member::Unknown => return Ok(()),
            Member::Unsupported(owner) => {
                return Err(err(at, format!("{owner}.{name} is not supported here")));
            }
            Member::Lacks => {}
        }
        // Go names the member whose first letter alone differs in case.
        let mut other: Vec<char> = name.chars().collect();
        if let Some(c) = other.first_mut() {
            *c = match c.is_ascii_uppercase() {
                true => c.to_ascii_lowercase(),
                false => c.to_ascii_uppercase(),
            };
        }
        let other: String = other.into_iter().collect();
        let hint = match self.member(base, &other, 0) {
            Member::Has | Member::Unsupported(_) => format!(", but does have {other}"),
            _ => String::new(),
        };
        let ty = self.go_type_name(t);
        Err(err(
            at,
            format!("{x}.{name} undefined (type {ty} has no field or method {name}{hint})"),
        ))
    }

    /// Whether type `t` has a field or method `name`, its embedded types'
    /// included: the program's own types, whose members the compiler
    /// holds whole, and the library's, whose members Go names.
    fn member(&self, t: Ty, name: &str, depth: usize) -> Member {
        let tname = self.types.name(t);
        if let Some(members) = stdlib::library_members(tname) {
            if !members.contains(&name) {
                return Member::Lacks;
            }
            // The prelude's types are written in Go, and the runtime's own
            // have natives: either may lack a member Go has, which is
            // outside the subset, not the program's slip.
            let native = stdlib::native_prefix(tname);
            let held = match native {
                Some(native) => stdlib::native_id(&format!("{native}.{name}")).is_some(),
                None => {
                    self.types.get(t).methods.get(name).is_some()
                        || match self.types.kind(t) {
                            TKind::Struct(fields) => fields.iter().any(|f| &*f.name == name),
                            _ => true,
                        }
                }
            };
            return match held || native.is_none() && stdlib::prelude_type(tname).is_none() {
                true => Member::Has,
                false => Member::Unsupported(tname.to_string()),
            };
        }
        if depth > 8 || !tname.starts_with("main.") {
            return Member::Unknown;
        }
        if self.types.get(t).methods.get(name).is_some() {
            return Member::Has;
        }
        match self.types.kind(t) {
            TKind::Struct(fields) => {
                if fields.iter().any(|f| &*f.name == name) {
                    return Member::Has;
                }
                for f in fields.iter().filter(|f| f.embedded) {
                    let ft = match self.types.kind(f.ty) {
                        TKind::Ptr(inner) => *inner,
                        _ => f.ty,
                    };
                    match self.member(ft, name, depth + 1) {
                        Member::Lacks => {}
                        found => return found,
                    }
                }
                Member::Lacks
            }
            // A type defined over an interface keeps its methods, which
            // this table does not hold for the library's Context.
            TKind::Interface(_) | TKind::Context | TKind::Pending => Member::Unknown,
            _ => Member::Lacks,
        }
    }

    /// Go's "assignment mismatch" for `vars` variables given one call
    /// whose number of results is known and is another (`n :=
    /// strconv.Atoi(s)`: it ran, and n held only the number). A call with
    /// no result used as a value is Go's other error, left to run time.
    fn check_results(&mut self, e: &Expr, vars: usize) -> R<()> {
        let ExprKind::Call(f, _, _) = &e.kind else {
            return Ok(());
        };
        match self.call_results(e) {
            Some(n) if n != vars && n > 0 => {
                let s = |k: usize| if k == 1 { "" } else { "s" };
                Err(err(
                    e.start(),
                    format!(
                        "assignment mismatch: {vars} variable{} but {f} returns {n} value{}",
                        s(vars),
                        s(n)
                    ),
                ))
            }
            _ => Ok(()),
        }
    }

    /// How many results the call `e` gives, where that is known: the
    /// program's own functions and the library's in `stdlib::results`.
    fn call_results(&mut self, e: &Expr) -> Option<usize> {
        let ExprKind::Call(f, _, _) = &e.kind else {
            return None;
        };
        match self.callee_id(f) {
            Some(id) => self.sigs.get(id).map(|sig| sig.results.len()),
            None => match &f.kind {
                ExprKind::Selector(x, name) => match &x.kind {
                    ExprKind::Ident(p) if self.is_package(x) => stdlib::results(&format!("{p}.{name}")),
                    _ => None,
                },
                _ => None,
            },
        }
    }

    /// Go's error for a `return` with the wrong number of values: "not
    /// enough return values" or "too many", and what it has and wants, at
    /// Go's position (the first value too many, the last of too few, or
    /// the `return`).
    fn result_count_error(&mut self, at: Span, exprs: &[Expr], results: &[u16]) -> CompileError {
        let want = results.len();
        // `return f()` has f's results, at the call.
        let calls = match exprs {
            [e] => self.call_results(e).filter(|&n| n > 1).map(|n| (e, n)),
            _ => None,
        };
        let (qualifier, at) = match calls {
            Some((e, n)) => (if n > want { "too many" } else { "not enough" }, e.start()),
            None if exprs.len() > want => ("too many", exprs[want].start()),
            None => ("not enough", exprs.last().map_or(at, Expr::start)),
        };
        // Go sums an untyped constant up by its kind: `number`, `string`.
        let mut haves = Vec::new();
        if let Some((e, n)) = calls {
            let tys = self.static_tys(e);
            haves.extend((0..n).map(|i| {
                let t = tys.get(i).copied().flatten()?;
                self.plain_name(t).then(|| self.go_type_name(t))
            }));
        }
        for e in exprs.iter().filter(|_| calls.is_none()) {
            let name = match (untyped_kind(e), &e.kind) {
                (Some("string"), _) => Some("string".to_string()),
                (Some(_), _) => Some("number".to_string()),
                (None, ExprKind::Ident(n)) if &**n == "nil" && self.is_global(n) => Some("nil".to_string()),
                _ => self
                    .typed(e)
                    .filter(|&t| self.plain_name(t))
                    .map(|t| self.go_type_name(t)),
            };
            haves.push(name);
        }
        let wants: Vec<Option<String>> = results
            .iter()
            .map(|slot| {
                let t = self.st().tys.get(slot).copied()?;
                self.plain_name(t).then(|| self.go_type_name(t))
            })
            .collect();
        let mut message = format!("{qualifier} return values");
        // The lists only where every type is known: a wrong one would
        // mislead more than a missing one.
        if let (Some(haves), Some(wants)) = (
            haves.into_iter().collect::<Option<Vec<_>>>(),
            wants.into_iter().collect::<Option<Vec<_>>>(),
        ) {
            message.push_str(&format!(
                "\n\thave ({})\n\twant ({})",
                haves.join(", "),
                wants.join(", ")
            ));
        }
        err(at, message)
    }

    /// [`Self::value_to`], after Go's compile error for a literal that no
    /// value of `ty` can be, naming where it goes (`assignment`, `send`,
    /// `return statement`).
    fn value_in(&mut self, e: &Expr, ty: Option<Ty>, context: &str) -> R<()> {
        if let Some(ty) = ty {
            self.check_value(e, ty, context)?;
        }
        self.value_to(e, ty)
    }

    /// A typed declaration converts untyped constants to its type.
    /// Pushes `e` as a value of type `ty` where that is known: an untyped
    /// constant takes the type (`x = 3` for a float64 `x` is 3.0), and a nil
    /// becomes that type's nil.
    fn value_to(&mut self, e: &Expr, ty: Option<Ty>) -> R<()> {
        self.expr_hint(e, ty)?;
        if let Some(ty) = ty {
            if self.static_ty(e) != Some(ty) {
                self.convert_to(ty);
            }
        }
        Ok(())
    }

    fn convert_to(&mut self, ty: Ty) {
        let named_string = ty != STRING
            && ty != BOOL
            && ty != FUNC
            && matches!(self.types.kind(ty), TKind::Str | TKind::Bool | TKind::Func);
        if named_string || matches!(self.types.kind(ty), TKind::Int(..) | TKind::Float) {
            self.emit(Ins::Convert(ty));
        }
    }

    /// Pushes `n` values from one multi-valued expression.
    fn multi(&mut self, e: &Expr, n: usize) -> R<()> {
        let span = e.span;
        match &e.kind {
            ExprKind::Call(f, args, spread) => self.call(f, args, *spread, n as u8, span),
            ExprKind::Index(x, i) if n == 2 => {
                self.expr_ref(x)?;
                self.expr(i)?;
                self.emit(Ins::IndexOk);
                Ok(())
            }
            ExprKind::Unary(Op::Recv, ch) if n == 2 => {
                self.check_dir(ch, ChanOp::Recv)?;
                self.expr(ch)?;
                self.span = span;
                self.emit(Ins::Recv(true));
                Ok(())
            }
            ExprKind::TypeAssert(x, Some(t)) if n == 2 => {
                self.expr(x)?;
                let ty = self.resolve_type(t)?;
                self.emit(Ins::TypeAssert(ty, true, ANY));
                Ok(())
            }
            _ => Err(err(
                span,
                format!("assignment mismatch: {n} variables but 1 value"),
            )),
        }
    }

    fn block(&mut self, stmts: &[Stmt]) -> R<()> {
        self.push_scope();
        for s in stmts {
            let (depth, scopes, loops) = {
                let st = self.fs.last().expect("inside a function");
                (self.fs.len(), st.scopes.len(), st.loops.len())
            };
            if let Err(e) = self.stmt(s) {
                self.fail(e)?;
                // Back to where the statement began: out of any function
                // literal, scope or loop it was inside.
                self.fs.truncate(depth);
                self.hint = None;
                let st = self.st();
                st.scopes.truncate(scopes);
                st.joined.truncate(scopes);
                st.loops.truncate(loops);
                st.pending_label = None;
                st.failed = true;
                // The names it declared exist, of no known type, so that
                // their uses are not errors of their own ("undefined: x").
                let names: Vec<Name> = match &s.kind {
                    StmtKind::Define(lhs, ..) => lhs
                        .iter()
                        .filter_map(|e| match &e.kind {
                            ExprKind::Ident(n) => Some(n.clone()),
                            _ => None,
                        })
                        .collect(),
                    StmtKind::Var(spec) | StmtKind::Const(spec) => {
                        spec.names.iter().map(|(n, _)| n.clone()).collect()
                    }
                    _ => Vec::new(),
                };
                for name in names {
                    let scope = self.st().scopes.last().expect("a scope");
                    if scope.get(&name).is_none() {
                        self.declare(&name)?;
                    }
                }
            }
        }
        self.pop_scope();
        Ok(())
    }

    /// Notes a type error, so that compiling goes on with the next
    /// statement. The tenth error is not noted but returned, and stops
    /// the compile: every enclosing block hands it on (each one's `fail`
    /// sees the count unchanged), and `compile` adds it last.
    fn fail(&mut self, e: CompileError) -> R<()> {
        if self.errors.len() + 1 >= MAX_ERRORS {
            return Err(e);
        }
        self.errors.push(e);
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R<()> {
        self.span = s.span;
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => match &e.kind {
                ExprKind::Call(f, args, spread) => self.call(f, args, *spread, 0, e.span)?,
                ExprKind::Unary(Op::Recv, _) => {
                    self.expr(e)?;
                    self.emit(Ins::Pop);
                }
                _ => {
                    // An undefined name is the better message.
                    self.expr(e)?;
                    // Go says what the operand is, where that is known.
                    let comparison = matches!(e.kind, ExprKind::Binary(op, ..) if op.gives_bool());
                    let map_index = self.is_map_index(e);
                    let what = match (untyped_kind(e), self.static_ty(e)) {
                        (Some(kind), _) => format!(" (untyped {kind} constant)"),
                        (None, _) if comparison => " (untyped bool value)".to_string(),
                        // A constant Go describes by its value; a type this
                        // table may name otherwise: the bare message.
                        (None, Some(t)) if !self.constant(e) && self.plain_name(t) => {
                            let mode = if map_index {
                                "map index expression"
                            } else if self.addressable(e) {
                                "variable"
                            } else {
                                "value"
                            };
                            format!(" ({mode} of type {})", self.go_type_name(t))
                        }
                        _ => String::new(),
                    };
                    return Err(err(e.start(), format!("{e}{what} is not used")));
                }
            },
            StmtKind::Send(ch, v) => {
                self.check_dir(ch, ChanOp::Send)?;
                self.expr(ch)?;
                let elem = self.elem_ty(ch);
                self.value_in(v, elem, "send")?;
                self.span = s.span;
                self.emit(Ins::Send);
            }
            StmtKind::IncDec(e, inc) => {
                let delta = if *inc { 1 } else { -1 };
                if let ExprKind::Ident(name) = &e.kind {
                    if let Some(Bind::Local(slot)) = self.lookup(name) {
                        self.emit(Ins::IncLocal(slot, delta));
                        return Ok(());
                    }
                }
                self.expr(e)?;
                self.emit(Ins::Int(1, INT));
                self.emit(Ins::Bin(if *inc { Op::Add } else { Op::Sub }));
                self.store(e)?;
            }
            StmtKind::Assign(lhs, None, rhs) => self.assign(lhs, rhs, false, s.span)?,
            StmtKind::Assign(lhs, Some(op), rhs) => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    return Err(err(s.span, "assignment operation needs one value on each side"));
                }
                self.operands(*op, &lhs[0], &rhs[0])?;
                if !matches!(op, Op::Shl | Op::Shr) {
                    let (l, r) = (&lhs[0], &rhs[0]);
                    self.check_mismatch(l, r, || format!("{l} {}= {r}", op.text()), l.start())?;
                }
                self.span = s.span;
                self.emit(Ins::Bin(*op));
                self.store(&lhs[0])?;
            }
            StmtKind::Define(lhs, rhs, at) => self.assign(lhs, rhs, true, *at)?,
            StmtKind::Var(spec) | StmtKind::Const(spec) => {
                self.iota = spec.iota;
                // An untyped constant has no type of its own: it takes
                // the type of where it is used (`k * f` is a float64).
                let untyped_const = matches!(s.kind, StmtKind::Const(_)) && spec.ty.is_none();
                let tys = if untyped_const {
                    vec![None; spec.names.len()]
                } else {
                    self.spec_tys(spec)
                };
                // Each untyped constant's exact value, worked out before
                // its name is in scope (`const x = x + 1` means the outer x).
                let exacts: Vec<Option<Exact>> = match untyped_const && spec.values.len() == spec.names.len()
                {
                    true => spec.values.iter().map(|v| self.exact(v)).collect(),
                    false => vec![None; spec.names.len()],
                };
                self.values(spec, matches!(s.kind, StmtKind::Const(_)))?;
                let mut slots = Vec::new();
                for (((name, span), ty), k) in spec.names.iter().zip(tys).zip(exacts) {
                    let slot = self.declare(name)?;
                    // A slot may have held another constant.
                    match k {
                        Some(k) => self.st().exact.insert(slot, k),
                        None => self.st().exact.remove(&slot),
                    };
                    if let Some(ty) = ty {
                        self.st().tys.insert(slot, ty);
                    }
                    if matches!(s.kind, StmtKind::Const(_)) {
                        self.st().consts.push(slot);
                    }
                    if matches!(s.kind, StmtKind::Var(_)) && &**name != "_" {
                        self.st().decls.push((slot, name.clone(), *span));
                    }
                    slots.push(slot);
                }
                for slot in slots.iter().rev() {
                    self.emit(Ins::Declare(*slot));
                }
            }
            StmtKind::Type(name, texpr) => {
                let ty = self.types.add(&format!("main.{name}"), TKind::Pending);
                self.st()
                    .scopes
                    .last_mut()
                    .expect("scope")
                    .insert(name.clone(), Bind::Type(ty));
                let under = self.resolve_type(texpr)?;
                let kind = self.types.kind(under).clone();
                self.types.list[ty as usize].kind = kind;
                // A local type that holds itself overflowed the native
                // stack as a top-level one did.
                reject_recursive_types(&self.types, std::slice::from_ref(s), |n| {
                    (n == &**name).then_some(ty)
                })?;
            }
            StmtKind::Go(call) | StmtKind::Defer(call) => {
                let is_go = matches!(s.kind, StmtKind::Go(_));
                let ExprKind::Call(f, args, spread) = &call.kind else {
                    return Err(err(call.span, "expression in go or defer must be function call"));
                };
                self.deferred(f, args, *spread, is_go, s.span)?;
            }
            StmtKind::Return(exprs) => {
                let results = self.st().results.clone();
                let bare = exprs.is_empty() && (results.is_empty() || self.st().named_results);
                // Only a call gives several values to a `return`, as many
                // as it has results, where that is known.
                let spread = exprs.len() == 1
                    && results.len() > 1
                    && matches!(exprs[0].kind, ExprKind::Call(..))
                    && self.call_results(&exprs[0]).is_none_or(|n| n == results.len());
                if !bare && !spread && exprs.len() != results.len() {
                    return Err(self.result_count_error(s.span, exprs, &results));
                }
                if !exprs.is_empty() {
                    if exprs.len() == results.len() {
                        for (e, slot) in exprs.iter().zip(&results) {
                            let ty = self.st().tys.get(slot).copied();
                            self.value_in(e, ty, "return statement")?;
                        }
                    } else {
                        // `return f()` for several results (other counts
                        // were refused above).
                        self.multi(&exprs[0], results.len())?;
                    }
                    for slot in results.iter().rev() {
                        self.emit(Ins::Store(*slot));
                    }
                }
                self.span = s.span;
                self.emit(Ins::Return);
            }
            StmtKind::Break(label) | StmtKind::Continue(label) => {
                let is_break = matches!(s.kind, StmtKind::Break(_));
                let at = self.emit(Ins::Jump(0));
                let st = self.st();
                let target = st.loops.iter_mut().rev().find(|l| match label {
                    Some(name) => l.label.as_deref() == Some(&**name),
                    None => is_break || !l.is_switch,
                });
                match target {
                    Some(l) if is_break => l.breaks.push(at),
                    Some(l) if !l.is_switch => l.continues.push(at),
                    _ => {
                        let what = if is_break { "break" } else { "continue" };
                        return Err(err(
                            s.span,
                            match label {
                                Some(l) => format!("invalid {what} label {l}"),
                                None => format!("{what} is not in a loop"),
                            },
                        ));
                    }
                }
            }
            StmtKind::Fallthrough => {}
            StmtKind::Block(list) => self.block(list)?,
            StmtKind::If(init, cond, then, els) => {
                self.push_scope();
                if let Some(init) = init {
                    self.stmt(init)?;
                }
                self.expr(cond)?;
                let jf = self.emit(Ins::JumpFalse(0));
                self.block(then)?;
                if let Some(els) = els {
                    let je = self.emit(Ins::Jump(0));
                    self.patch(jf);
                    self.stmt(els)?;
                    self.patch(je);
                } else {
                    self.patch(jf);
                }
                self.pop_scope();
            }
            StmtKind::Switch(init, tag, cases) => self.switch(init, tag.as_ref(), cases, s.span)?,
            StmtKind::TypeSwitch(init, bind, x, cases) => self.type_switch(init, bind, x, cases)?,
            StmtKind::Select(cases) => self.select(cases, s.span)?,
            StmtKind::For(init, cond, post, body) => self.for_loop(init, cond.as_ref(), post, body)?,
            StmtKind::Range(k, v, define, x, body) => self.range(k.as_ref(), v.as_ref(), *define, x, body)?,
            StmtKind::Labeled(name, inner) => {
                self.st().pending_label = Some(name.clone());
                self.stmt(inner)?;
                self.st().pending_label = None;
            }
        }
        Ok(())
    }

    /// `op_at` is where the `=` or `:=` is, where Go reports that `:=`
    /// declares nothing new.
    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], define: bool, op_at: Span) -> R<()> {
        // What `:=` declares gets the static type of what it is given.
        let tys: Vec<Option<Ty>> = if !define {
            Vec::new()
        } else if lhs.len() == rhs.len() {
            rhs.iter().map(|e| self.static_ty(e)).collect()
        } else {
            rhs.first().map(|e| self.static_tys(e)).unwrap_or_default()
        };
        // Only the names `:=` declares: one it redeclares keeps its type.
        let fresh: Vec<bool> = lhs
            .iter()
            .map(|l| match &l.kind {
                ExprKind::Ident(name) if &**name != "_" => define && self.in_this_block(name).is_none(),
                _ => false,
            })
            .collect();
        if define && !fresh.contains(&true) {
            return Err(err(op_at, "no new variables on left side of :="));
        }
        self.assign_values(lhs, rhs, define)?;
        for ((l, ty), fresh) in lhs.iter().zip(tys).zip(fresh) {
            if fresh {
                self.note_type(l, ty);
            }
        }
        Ok(())
    }

    /// Records `ty` as the type of the variable `e` just declared in this
    /// scope, where the compiler knows it, for the checks that need types.
    fn note_type(&mut self, e: &Expr, ty: Option<Ty>) {
        let (ExprKind::Ident(name), Some(ty)) = (&e.kind, ty) else {
            return;
        };
        if let Some(Bind::Local(slot)) = self.st().scopes.last().expect("scope").get(name).cloned() {
            self.st().tys.insert(slot, ty);
        }
    }

    /// The types of a `range`'s key and value over `x`, where known.
    fn range_tys(&mut self, x: &Expr) -> [Option<Ty>; 2] {
        let Some(mut t) = self.static_ty(x) else {
            return [None, None];
        };
        if let TKind::Ptr(inner) = self.types.kind(t) {
            t = *inner;
        }
        match self.types.kind(t) {
            TKind::Slice(e) | TKind::Array(_, e) => [Some(INT), Some(*e)],
            TKind::Str => [Some(INT), Some(INT32)],
            TKind::Map(k, v) => [Some(*k), Some(*v)],
            TKind::Chan(e) => [Some(*e), None],
            TKind::Int(..) => [Some(t), None],
            _ => [None, None],
        }
    }

    fn assign_values(&mut self, lhs: &[Expr], rhs: &[Expr], define: bool) -> R<()> {
        // Go assigns several in two phases: the operands of the indexes and
        // pointer indirections on the left are evaluated first, then the
        // right, then each is assigned in order (so `i, a[i] = 1, 2` sets
        // the element of the old `i`).
        let targets: Vec<&str> = lhs
            .iter()
            .filter_map(|l| match &l.kind {
                ExprKind::Ident(n) => Some(&**n),
                _ => None,
            })
            .collect();
        let places: Vec<Option<Vec<Step<'_>>>> = if lhs.len() > 1 && !define {
            lhs.iter().map(|l| self.place(l, &targets)).collect::<R<_>>()?
        } else {
            Vec::new()
        };
        if lhs.len() == 1 {
            if let ExprKind::Ident(n) = &lhs[0].kind {
                self.hint = Some(n.clone());
            }
        }
        if lhs.len() == 1 && rhs.len() == 1 {
            self.check_results(&rhs[0], 1)?;
        }
        if lhs.len() == rhs.len() {
            for (l, e) in lhs.iter().zip(rhs) {
                // `ping, pong := make(chan int), make(chan int)`: each
                // channel is named by its own variable.
                if let ExprKind::Ident(n) = &l.kind {
                    self.hint = Some(n.clone());
                }
                let ty = if define { None } else { self.static_ty(l) };
                self.value_in(e, ty, "assignment")?;
            }
        } else if rhs.len() == 1 {
            self.check_results(&rhs[0], lhs.len())?;
            self.multi(&rhs[0], lhs.len())?;
        } else {
            return Err(err(
                self.span,
                format!(
                    "assignment mismatch: {} variables but {} values",
                    lhs.len(),
                    rhs.len()
                ),
            ));
        }
        self.hint = None;
        if lhs.len() == 1 {
            return self.bind_one(&lhs[0], define);
        }
        // Several: park the values in temporaries, then assign in order.
        let mut temps = Vec::new();
        for _ in lhs {
            temps.push(self.new_local()?);
        }
        for t in temps.iter().rev() {
            self.emit(Ins::Declare(*t));
        }
        // (assign has checked that `:=` declares something.)
        for (i, (e, t)) in lhs.iter().zip(&temps).enumerate() {
            if let Some(Some(place)) = places.get(i) {
                self.put(place, *t, e)?;
                continue;
            }
            self.emit(Ins::Load(*t));
            self.bind_one(e, define)?;
        }
        Ok(())
    }

    /// Pops a value into `e`: declaring it (`:=`, for a name not yet in
    /// this scope) or assigning it.
    fn bind_one(&mut self, e: &Expr, define: bool) -> R<()> {
        if define {
            let ExprKind::Ident(name) = &e.kind else {
                return Err(err(e.span, "non-name on left side of :="));
            };
            if &**name == "_" {
                self.emit(Ins::Pop);
                return Ok(());
            }
            let existing = self.in_this_block(name);
            match existing {
                Some(Bind::Local(slot)) => self.emit(Ins::Store(slot)),
                _ => {
                    let slot = self.declare(name)?;
                    self.st().decls.push((slot, name.clone(), e.span));
                    self.emit(Ins::Declare(slot))
                }
            };
            return Ok(());
        }
        self.store(e)
    }

    /// Pops a value into the place `e` names.
    fn store(&mut self, e: &Expr) -> R<()> {
        match &e.kind {
            ExprKind::Ident(name) if &**name == "_" => {
                self.emit(Ins::Pop);
            }
            ExprKind::Ident(name) => match self.lookup_assigned(name) {
                Some(Bind::Local(s)) => {
                    self.emit(Ins::Store(s));
                }
                Some(Bind::Up(i)) => {
                    self.emit(Ins::StoreUp(i));
                }
                Some(Bind::Global(g)) => {
                    self.emit(Ins::StoreGlobal(g));
                }
                Some(_) => return Err(err(e.span, format!("cannot assign to {name}"))),
                None => return Err(err(e.span, format!("undefined: {name}"))),
            },
            ExprKind::Selector(x, name) => {
                self.map_field(e)?;
                let t = self.new_local()?;
                self.emit(Ins::Declare(t));
                self.check_member(x, name, e.span)?;
                self.expr_ref(x)?;
                self.emit(Ins::Load(t));
                self.span = e.span;
                self.emit(Ins::SetField(name.clone()));
            }
            ExprKind::Index(x, i) => {
                let t = self.new_local()?;
                self.emit(Ins::Declare(t));
                self.expr_ref(x)?;
                self.expr(i)?;
                self.emit(Ins::Load(t));
                self.span = e.span;
                self.emit(Ins::SetIndex);
            }
            ExprKind::Star(p) => {
                let t = self.new_local()?;
                self.emit(Ins::Declare(t));
                self.expr(p)?;
                self.emit(Ins::Load(t));
                self.span = e.span;
                self.emit(Ins::SetDeref);
            }
            _ => return Err(err(e.span, "cannot assign to this expression")),
        }
        Ok(())
    }

    /// Takes what Go takes of an assignment's target `e` before the values
    /// (its index operands, and the slices, maps and pointers it goes
    /// through) into temporaries, and gives the path to it, for
    /// [`Compiler::put`]; `None` for a name. An operand that is a constant,
    /// or a name no target of the statement assigns (`targets`), cannot
    /// change, so a swap `a[i], a[j] = a[j], a[i]` takes nothing early.
    fn place<'e>(&mut self, e: &'e Expr, targets: &[&str]) -> R<Option<Vec<Step<'e>>>> {
        if matches!(e.kind, ExprKind::Ident(_)) {
            return Ok(None);
        }
        let mut path = Vec::new();
        self.path_to(e, targets, &mut path)?;
        Ok(Some(path))
    }

    fn path_to<'e>(&mut self, e: &'e Expr, targets: &[&str], path: &mut Vec<Step<'e>>) -> R<()> {
        let settled = |c: &mut Compiler, x: &Expr| match &x.kind {
            ExprKind::Ident(n) => !targets.contains(&&**n),
            _ => c.exact(x).is_some(),
        };
        match &e.kind {
            ExprKind::Index(x, i) => {
                self.base(x, targets, path)?;
                if settled(self, i) {
                    path.push(Step::IndexAt(i));
                } else {
                    self.expr(i)?;
                    path.push(Step::Index(self.temp()?));
                }
            }
            ExprKind::Selector(x, name) if !self.is_package(x) => {
                self.map_field(e)?;
                self.check_member(x, name, e.span)?;
                self.base(x, targets, path)?;
                path.push(Step::Field(name.clone()));
            }
            ExprKind::Star(p) if settled(self, p) => {
                path.push(Step::Place(p));
                path.push(Step::Deref);
            }
            ExprKind::Star(p) => {
                self.expr(p)?;
                path.push(Step::Temp(self.temp()?));
                path.push(Step::Deref);
            }
            _ => path.push(Step::Place(e)),
        }
        Ok(())
    }

    /// The path to what an index or a field is taken from: a slice, map or
    /// pointer is a value, taken now unless no target can change it; an
    /// array or struct held by value is a place (a temporary would hold a
    /// copy), whose own operands are taken now.
    fn base<'e>(&mut self, x: &'e Expr, targets: &[&str], path: &mut Vec<Step<'e>>) -> R<()> {
        let ty = self.static_ty(x);
        let value = matches!(
            ty.map(|t| self.types.kind(t)),
            Some(TKind::Slice(_) | TKind::Map(..) | TKind::Ptr(_))
        );
        match &x.kind {
            ExprKind::Ident(n) if !value || !targets.contains(&&**n) => {
                path.push(Step::Place(x));
                Ok(())
            }
            ExprKind::Index(..) | ExprKind::Selector(..) | ExprKind::Star(_) if !value => {
                self.path_to(x, targets, path)
            }
            _ => {
                self.expr_ref(x)?;
                path.push(Step::Temp(self.temp()?));
                Ok(())
            }
        }
    }

    /// A map's element is no variable: Go refuses to assign to its field
    /// `e` (it changed the map here).
    fn map_field(&mut self, e: &Expr) -> R<()> {
        let ExprKind::Selector(x, _) = &e.kind else {
            return Ok(());
        };
        let ExprKind::Index(m, _) = &x.kind else {
            return Ok(());
        };
        let elem = match self.static_ty(m).map(|t| self.types.kind(t)) {
            Some(TKind::Map(_, elem)) => Some(*elem),
            _ => None,
        };
        if matches!(elem.map(|t| self.types.kind(t)), Some(TKind::Struct(_))) {
            return Err(err(
                e.start(),
                format!("cannot assign to struct field {e} in map"),
            ));
        }
        Ok(())
    }

    /// Pops the value on the stack into a new temporary.
    fn temp(&mut self) -> R<u16> {
        let t = self.new_local()?;
        self.emit(Ins::Declare(t));
        Ok(t)
    }

    /// Assigns the value in `value` to `e`, along the path
    /// [`Compiler::place`] took.
    fn put(&mut self, path: &[Step<'_>], value: u16, e: &Expr) -> R<()> {
        let Some((last, through)) = path.split_last() else {
            return Ok(());
        };
        for step in through {
            match step {
                Step::Place(x) => self.expr_ref(x)?,
                Step::Temp(t) => {
                    self.emit(Ins::Load(*t));
                }
                Step::Field(name) => {
                    self.emit(Ins::FieldRef(name.clone()));
                }
                Step::Index(t) => {
                    self.emit(Ins::Load(*t));
                    self.emit(Ins::IndexRef);
                }
                Step::IndexAt(i) => {
                    self.expr(i)?;
                    self.emit(Ins::IndexRef);
                }
                Step::Deref => {
                    self.emit(Ins::DerefRef);
                }
            }
        }
        let set = match last {
            Step::Field(name) => Ins::SetField(name.clone()),
            Step::Index(t) => {
                self.emit(Ins::Load(*t));
                Ins::SetIndex
            }
            Step::IndexAt(i) => {
                self.expr(i)?;
                Ins::SetIndex
            }
            _ => Ins::SetDeref,
        };
        self.emit(Ins::Load(value));
        self.span = e.span;
        self.emit(set);
        Ok(())
    }

    fn enter_loop(&mut self, is_switch: bool) {
        let label = self.st().pending_label.take();
        self.st().loops.push(Loop {
            label,
            breaks: Vec::new(),
            continues: Vec::new(),
            is_switch,
        });
    }

    /// Ends a loop: `continue`s go to `cont`, `break`s to here.
    fn exit_loop(&mut self, cont: u32) {
        let l = self.st().loops.pop().expect("a loop");
        for at in l.continues {
            if let Ins::Jump(t) = &mut self.st().code[at] {
                *t = cont;
            }
        }
        for at in l.breaks {
            self.patch(at);
        }
    }

    fn for_loop(
        &mut self,
        init: &Option<Box<Stmt>>,
        cond: Option<&Expr>,
        post: &Option<Box<Stmt>>,
        body: &[Stmt],
    ) -> R<()> {
        self.push_scope();
        let label = self.st().pending_label.take();
        let before = self.st().nlocals;
        if let Some(init) = init {
            self.stmt(init)?;
        }
        let loop_vars: Vec<u16> = (before..self.st().nlocals).collect();
        let top = self.here();
        let jf = match cond {
            Some(c) => {
                self.expr(c)?;
                Some(self.emit(Ins::JumpFalse(0)))
            }
            None => None,
        };
        self.st().pending_label = label;
        self.enter_loop(false);
        self.block(body)?;
        let cont = self.here();
        if !self.go121 {
            // Go 1.22: each iteration has its own copy of the loop variables.
            for v in &loop_vars {
                self.emit(Ins::Rebox(*v));
            }
        }
        if let Some(post) = post {
            self.stmt(post)?;
        }
        self.emit(Ins::Jump(top));
        if let Some(jf) = jf {
            self.patch(jf);
        }
        self.exit_loop(cont);
        self.pop_scope();
        Ok(())
    }

    /// Go's compile error for a channel used against its direction: a
    /// send to or a close of a `<-chan`, a receive from or a range over a
    /// `chan<-`. Checked where the compiler knows the channel's type and
    /// the operand is a name (Go's message quotes the operand).
    /// An operand whose type is known and is no channel gets Go's error
    /// too (a receive from an int deadlocked, as from a nil channel).
    fn check_dir(&mut self, ch: &Expr, op: ChanOp) -> R<()> {
        let Some(ty) = self.static_ty(ch) else {
            return Ok(());
        };
        let name = self.go_type_name(ty);
        let not_chan = !matches!(op, ChanOp::Range)
            && matches!(
                self.types.kind(ty),
                TKind::Bool
                    | TKind::Int(..)
                    | TKind::Float
                    | TKind::Str
                    | TKind::Slice(_)
                    | TKind::Array(..)
                    | TKind::Map(..)
                    | TKind::Struct(_)
                    | TKind::Ptr(_)
            );
        let forbidden = not_chan
            || match op {
                ChanOp::Send | ChanOp::Close => name.starts_with("<-chan "),
                ChanOp::Recv | ChanOp::Range => name.starts_with("chan<- "),
            };
        if !forbidden {
            return Ok(());
        }
        // Only a variable: Go words other operands differently.
        let variable = match &ch.kind {
            ExprKind::Ident(_) => true,
            ExprKind::Selector(x, _) => matches!(x.kind, ExprKind::Ident(_)),
            _ => false,
        };
        if !variable {
            return Ok(());
        }
        let operand = ch.to_string();
        let what = format!("{operand} (variable of type {name})");
        if not_chan {
            let verb = match op {
                ChanOp::Send => "send to",
                ChanOp::Close => "close",
                _ => "receive from",
            };
            return Err(err(
                ch.start(),
                format!("invalid operation: cannot {verb} non-channel {what}"),
            ));
        }
        Err(err(
            ch.start(),
            match op {
                ChanOp::Send => format!("invalid operation: cannot send to receive-only channel {what}"),
                ChanOp::Close => format!("invalid operation: cannot close receive-only channel {what}"),
                ChanOp::Recv => format!("invalid operation: cannot receive from send-only channel {what}"),
                ChanOp::Range => format!("cannot range over {what} (receive from send-only channel)"),
            },
        ))
    }

    fn range(&mut self, k: Option<&Expr>, v: Option<&Expr>, define: bool, x: &Expr, body: &[Stmt]) -> R<()> {
        self.push_scope();
        let label = self.st().pending_label.take();
        self.check_dir(x, ChanOp::Range)?;
        self.expr_ref(x)?;
        self.emit(Ins::IterNew(v.is_some()));
        let iter = self.new_local()?;
        self.emit(Ins::Declare(iter));
        let k = k.filter(|e| !matches!(&e.kind, ExprKind::Ident(n) if &**n == "_" && v.is_none()));
        let [kt, vt] = if define { self.range_tys(x) } else { [None, None] };
        // Go 1.21: one pair of variables for the whole loop.
        let shared = define && self.go121;
        if shared {
            for (e, ty) in [(k, kt), (v, vt)] {
                if let Some(
                    e @ Expr {
                        kind: ExprKind::Ident(name),
                        ..
                    },
                ) = e
                {
                    let slot = self.declare(name)?;
                    self.emit(Ins::Nil);
                    self.emit(Ins::Declare(slot));
                    self.note_type(e, ty);
                }
            }
        }
        let top = self.here();
        let next = self.emit(Ins::IterNext(iter, 0, v.is_some()));
        self.push_scope();
        if let Some(v) = v {
            self.bind_one_range(v, define && !shared)?;
            if define && !shared {
                self.note_type(v, vt);
            }
        }
        match k {
            Some(k) => {
                self.bind_one_range(k, define && !shared)?;
                if define && !shared {
                    self.note_type(k, kt);
                }
            }
            None => {
                self.emit(Ins::Pop);
            }
        }
        self.st().pending_label = label;
        self.enter_loop(false);
        self.block(body)?;
        self.pop_scope();
        self.emit(Ins::Jump(top));
        self.patch(next);
        self.exit_loop(top);
        self.pop_scope();
        Ok(())
    }

    fn bind_one_range(&mut self, e: &Expr, define: bool) -> R<()> {
        if define {
            let ExprKind::Ident(name) = &e.kind else {
                return Err(err(e.span, "non-name on left side of :="));
            };
            if &**name == "_" {
                self.emit(Ins::Pop);
                return Ok(());
            }
            let slot = self.declare(name)?;
            self.st().decls.push((slot, name.clone(), e.span));
            self.emit(Ins::Declare(slot));
            Ok(())
        } else {
            self.store(e)
        }
    }

    fn switch(&mut self, init: &Option<Box<Stmt>>, tag: Option<&Expr>, cases: &[Case], span: Span) -> R<()> {
        self.push_scope();
        if let Some(init) = init {
            self.stmt(init)?;
        }
        // A tag of interface type compares dynamic types too: `case
        // "red"` does not match a Color("red") in an `any`.
        let iface = tag.is_some_and(|t| self.is_interface(t) == Some(true));
        let t = match tag {
            Some(tag) => {
                self.expr(tag)?;
                let t = self.new_local()?;
                self.emit(Ins::Declare(t));
                Some(t)
            }
            None => None,
        };
        self.span = span;
        let mut to_body = Vec::new();
        for case in cases {
            let mut jumps = Vec::new();
            for e in case.exprs.iter().flatten() {
                match t {
                    Some(t) => {
                        self.emit(Ins::Load(t));
                        self.expr(e)?;
                        self.emit(if iface {
                            Ins::IfaceEq(false)
                        } else {
                            Ins::Bin(Op::Eq)
                        });
                    }
                    None => self.expr(e)?,
                }
                jumps.push(self.emit(Ins::JumpTrue(0)));
            }
            to_body.push(jumps);
        }
        let default = self.emit(Ins::Jump(0));
        self.enter_loop(true);
        let mut ends = Vec::new();
        let mut default_at = None;
        for (i, case) in cases.iter().enumerate() {
            for j in &to_body[i] {
                self.patch(*j);
            }
            if case.exprs.is_none() {
                default_at = Some(self.here());
            }
            self.block(&case.body)?;
            let falls = matches!(case.body.last().map(|s| &s.kind), Some(StmtKind::Fallthrough));
            if !falls {
                ends.push(self.emit(Ins::Jump(0)));
            }
        }
        self.close_switch(default, default_at, ends);
        Ok(())
    }

    fn type_switch(
        &mut self,
        init: &Option<Box<Stmt>>,
        bind: &Option<Name>,
        x: &Expr,
        cases: &[Case],
    ) -> R<()> {
        self.push_scope();
        if let Some(init) = init {
            self.stmt(init)?;
        }
        self.expr(x)?;
        let t = self.new_local()?;
        self.emit(Ins::Declare(t));
        let mut to_body = Vec::new();
        for case in cases {
            let mut jumps = Vec::new();
            for e in case.exprs.iter().flatten() {
                self.emit(Ins::Load(t));
                if matches!(&e.kind, ExprKind::Ident(n) if &**n == "nil") {
                    self.emit(Ins::IsNil);
                } else {
                    let ty = self.resolve_type(e)?;
                    self.emit(Ins::TypeIs(ty));
                }
                jumps.push(self.emit(Ins::JumpTrue(0)));
            }
            to_body.push(jumps);
        }
        let default = self.emit(Ins::Jump(0));
        self.enter_loop(true);
        let mut ends = Vec::new();
        let mut default_at = None;
        for (i, case) in cases.iter().enumerate() {
            for j in &to_body[i] {
                self.patch(*j);
            }
            if case.exprs.is_none() {
                default_at = Some(self.here());
            }
            self.push_scope();
            if let Some(name) = bind {
                let slot = self.declare(name)?;
                self.emit(Ins::Load(t));
                self.emit(Ins::Declare(slot));
            }
            self.joined_block(&case.body)?;
            self.pop_scope();
            ends.push(self.emit(Ins::Jump(0)));
        }
        self.close_switch(default, default_at, ends);
        Ok(())
    }

    /// Ends a switch (expression or type): the jump past every case goes
    /// to `default` when there is one, each case's end jumps past the
    /// switch, and `break` inside it lands there too.
    fn close_switch(&mut self, default: usize, default_at: Option<u32>, ends: Vec<usize>) {
        match default_at {
            Some(at) => {
                if let Ins::Jump(target) = &mut self.st().code[default] {
                    *target = at;
                }
            }
            None => self.patch(default),
        }
        for e in ends {
            self.patch(e);
        }
        let here = self.here();
        self.exit_loop(here);
        self.pop_scope();
    }

    fn select(&mut self, cases: &[CommCase], span: Span) -> R<()> {
        let mut arms = Vec::new();
        let mut has_default = false;
        // For each case: its arm index (None: default), and what its
        // receive binds.
        let mut plan: Vec<SelectPlan<'_>> = Vec::new();
        for case in cases {
            self.span = case.span;
            let Some(comm) = &case.comm else {
                has_default = true;
                plan.push((None, None));
                continue;
            };
            fn recv_of(e: &Expr) -> Option<&Expr> {
                match &e.kind {
                    ExprKind::Unary(Op::Recv, ch) => Some(&**ch),
                    _ => None,
                }
            }
            match &comm.kind {
                StmtKind::Send(ch, v) => {
                    self.check_dir(ch, ChanOp::Send)?;
                    self.expr(ch)?;
                    let elem = self.elem_ty(ch);
                    self.value_in(v, elem, "send")?;
                    arms.push(SelArm::Send);
                    plan.push((Some(arms.len() - 1), None));
                }
                StmtKind::Expr(e) if recv_of(e).is_some() => {
                    self.check_dir(recv_of(e).expect("a receive"), ChanOp::Recv)?;
                    self.expr(recv_of(e).expect("a receive"))?;
                    arms.push(SelArm::Recv);
                    plan.push((Some(arms.len() - 1), None));
                }
                StmtKind::Define(lhs, rhs, _) | StmtKind::Assign(lhs, None, rhs)
                    if rhs.len() == 1 && recv_of(&rhs[0]).is_some() && lhs.len() <= 2 =>
                {
                    self.check_dir(recv_of(&rhs[0]).expect("a receive"), ChanOp::Recv)?;
                    self.expr(recv_of(&rhs[0]).expect("a receive"))?;
                    arms.push(SelArm::Recv);
                    plan.push((
                        Some(arms.len() - 1),
                        Some((lhs.as_slice(), matches!(comm.kind, StmtKind::Define(..)))),
                    ));
                }
                _ => return Err(err(case.span, "select case must be receive, send or assign recv")),
            }
        }
        self.span = span;
        self.emit(Ins::Select(Rc::from(arms.clone()), has_default));
        let (idx, ok, val) = (self.new_local()?, self.new_local()?, self.new_local()?);
        self.emit(Ins::Declare(idx));
        self.emit(Ins::Declare(ok));
        self.emit(Ins::Declare(val));
        self.enter_loop(true);
        let mut ends = Vec::new();
        for (case, (arm, binds)) in cases.iter().zip(plan) {
            let want = arm.unwrap_or(arms.len()) as i64;
            self.emit(Ins::Load(idx));
            self.emit(Ins::Int(want, INT));
            self.emit(Ins::Bin(Op::Eq));
            let skip = self.emit(Ins::JumpFalse(0));
            self.push_scope();
            if let Some((lhs, define)) = binds {
                self.emit(Ins::Load(val));
                self.bind_one(&lhs[0], define)?;
                if lhs.len() == 2 {
                    self.emit(Ins::Load(ok));
                    self.bind_one(&lhs[1], define)?;
                }
                if define {
                    let elem = match case.comm.as_deref().map(|c| &c.kind) {
                        Some(StmtKind::Define(_, rhs, _)) => rhs.first().and_then(|r| self.static_ty(r)),
                        _ => None,
                    };
                    self.note_type(&lhs[0], elem);
                    if let Some(ok) = lhs.get(1) {
                        self.note_type(ok, Some(BOOL));
                    }
                }
            }
            self.joined_block(&case.body)?;
            self.pop_scope();
            ends.push(self.emit(Ins::Jump(0)));
            self.patch(skip);
        }
        for e in ends {
            self.patch(e);
        }
        let here = self.here();
        self.exit_loop(here);
        Ok(())
    }

    fn deferred(&mut self, f: &Expr, args: &[Expr], spread: bool, is_go: bool, span: Span) -> R<()> {
        let argc = u16::try_from(args.len())
            .ok()
            .filter(|&n| n < DYN_ARGS)
            .ok_or_else(|| err(span, "too many arguments"))?;
        if let ExprKind::Ident(name) = &f.kind {
            if self.lookup(name).is_none() && BUILTINS.contains(&&**name) {
                for a in args {
                    self.expr(a)?;
                }
                let id = stdlib::native_id(&format!("builtin.{name}"))
                    .ok_or_else(|| err(span, format!("{name} cannot be deferred here")))?;
                self.emit(Ins::Const(Box::new(Value::Native(NativeFn { id, recv: None }))));
                self.span = span;
                self.emit(if is_go {
                    Ins::Go(argc, spread)
                } else {
                    Ins::Defer(argc, spread)
                });
                return Ok(());
            }
        }
        // A go or defer statement's call is checked as any call is (`go
        // worker(1, wg)` for a *sync.WaitGroup parameter deadlocked).
        self.check_arity(f, args, spread, span)?;
        if let ExprKind::Selector(x, name) = &f.kind {
            if !self.is_package(x) && !self.is_type(x) {
                self.check_member(x, name, f.span)?;
                self.receiver(x, name)?;
                let argc = self.args(f, args, argc)?;
                self.span = span;
                self.emit(if is_go {
                    Ins::GoMethod(name.clone(), argc, spread)
                } else {
                    Ins::DeferMethod(name.clone(), argc, spread)
                });
                return Ok(());
            }
        }
        let argc = self.args(f, args, argc)?;
        self.expr(f)?;
        self.span = span;
        self.emit(if is_go {
            Ins::Go(argc, spread)
        } else {
            Ins::Defer(argc, spread)
        });
        Ok(())
    }

    fn is_package(&mut self, x: &Expr) -> bool {
        match &x.kind {
            ExprKind::Ident(n) => matches!(self.lookup(n), Some(Bind::Package(_))),
            _ => false,
        }
    }

    // ---- expressions ----

    fn expr(&mut self, e: &Expr) -> R<()> {
        self.expr_hint(e, None)
    }

    /// An expression whose struct value is used in place (to select or
    /// index into, or as a method receiver): not copied.
    fn expr_ref(&mut self, e: &Expr) -> R<()> {
        self.span = e.span;
        match &e.kind {
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(Bind::Local(s)) => {
                    self.emit(Ins::LoadRef(s));
                }
                Some(Bind::Up(i)) => {
                    self.emit(Ins::LoadUpRef(i));
                }
                Some(Bind::Global(g)) => {
                    self.emit(Ins::LoadGlobalRef(g));
                }
                _ => self.expr(e)?,
            },
            ExprKind::Selector(x, name) if !self.is_package(x) => {
                self.check_member(x, name, e.span)?;
                self.expr_ref(x)?;
                self.span = e.span;
                self.emit(Ins::FieldRef(name.clone()));
            }
            ExprKind::Index(x, i) => {
                self.expr_ref(x)?;
                self.expr(i)?;
                self.span = e.span;
                self.emit(Ins::IndexRef);
            }
            ExprKind::Star(x) => {
                self.expr(x)?;
                self.span = e.span;
                self.emit(Ins::DerefRef);
            }
            _ => self.expr(e)?,
        }
        Ok(())
    }

    fn expr_hint(&mut self, e: &Expr, hint: Option<Ty>) -> R<()> {
        self.span = e.span;
        if self.fold(e, hint) {
            // A named constant folded is still one the program used.
            if let ExprKind::Ident(name) = &e.kind {
                self.lookup(name);
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(Bind::Local(s)) => {
                    self.emit(Ins::Load(s));
                }
                Some(Bind::Up(i)) => {
                    self.emit(Ins::LoadUp(i));
                }
                Some(Bind::Global(g)) => {
                    self.emit(Ins::LoadGlobal(g));
                }
                Some(Bind::Func(id)) => {
                    self.emit(Ins::Closure(id, Rc::from(Vec::new())));
                }
                Some(Bind::Iota) => {
                    self.emit(Ins::Int(self.iota, INT));
                }
                Some(Bind::Type(_)) => {
                    return Err(err(e.span, format!("{name} (type) is not an expression")))
                }
                Some(Bind::Package(_)) => {
                    return Err(err(e.span, format!("use of package {name} without selector")))
                }
                None => match &**name {
                    "true" => {
                        self.emit(Ins::Bool(true));
                    }
                    "false" => {
                        self.emit(Ins::Bool(false));
                    }
                    // A nil slice or map keeps its type where the type
                    // is known: it prints as `[]` and `map[]`, and an
                    // append to it makes that type's slice. A nil pointer
                    // keeps its type too: put in an interface, it is not
                    // a nil interface.
                    "nil" => match hint.map(|t| self.types.kind(t)) {
                        Some(
                            TKind::Slice(_) | TKind::Map(..) | TKind::Ptr(_) | TKind::Chan(_) | TKind::Func,
                        ) => {
                            self.emit(Ins::Zero(hint.unwrap_or(UNTYPED_NIL)));
                        }
                        _ => {
                            self.emit(Ins::Nil);
                        }
                    },
                    _ => return Err(err(e.span, format!("undefined: {name}"))),
                },
            },
            ExprKind::Int(v) => {
                self.emit(Ins::Int(*v, INT));
            }
            ExprKind::Float(v) => {
                self.emit(Ins::Float(*v));
            }
            ExprKind::Str(s) => {
                self.emit(Ins::Str(s.clone()));
            }
            ExprKind::Char(c) => {
                self.emit(Ins::Int(*c, INT32));
            }
            ExprKind::FuncLit(f) => self.func_lit(f)?,
            ExprKind::Composite(ty, elts) => {
                let ty = match ty {
                    Some(t) => match &t.kind {
                        ExprKind::ArrayType(Some(len), elem)
                            if matches!(len.kind, ExprKind::Ellipsis(None)) =>
                        {
                            let elem = self.resolve_type(elem)?;
                            let name = format!("[{}]{}", elts.len(), self.types.name(elem));
                            self.types.intern(name, TKind::Array(elts.len(), elem))
                        }
                        _ => self.resolve_type(t)?,
                    },
                    None => hint.ok_or_else(|| err(e.span, "missing type in composite literal"))?,
                };
                self.composite(ty, elts, e.span)?;
            }
            ExprKind::Selector(x, name) => {
                if let ExprKind::Ident(p) = &x.kind {
                    if let Some(Bind::Package(pkg)) = self.lookup(p) {
                        return self.package_member(&pkg, name, e.span);
                    }
                }
                if self.is_type(x) {
                    return Err(err(
                        e.span,
                        "a method expression (T.Method) is not supported here",
                    ));
                }
                self.check_member(x, name, e.span)?;
                self.expr_ref(x)?;
                self.span = e.span;
                self.emit(Ins::Field(name.clone()));
            }
            ExprKind::Index(x, i) => {
                self.expr_ref(x)?;
                self.expr(i)?;
                self.span = e.span;
                self.emit(Ins::Index);
            }
            ExprKind::Slice(x, lo, hi, max) => {
                self.expr_ref(x)?;
                for part in [lo, hi, max].into_iter().flatten() {
                    self.expr(part)?;
                }
                self.span = e.span;
                self.emit(Ins::SliceOp(lo.is_some(), hi.is_some(), max.is_some()));
            }
            ExprKind::TypeAssert(x, Some(t)) => {
                self.expr(x)?;
                let ty = self.resolve_type(t)?;
                let from = self.static_ty(x).unwrap_or(ANY);
                self.span = e.span;
                self.emit(Ins::TypeAssert(ty, false, from));
            }
            ExprKind::TypeAssert(_, None) => return Err(err(e.span, "use of .(type) outside type switch")),
            ExprKind::Call(f, args, spread) => self.call(f, args, *spread, 1, e.span)?,
            ExprKind::Star(x) => {
                self.expr(x)?;
                self.span = e.span;
                self.emit(Ins::Deref);
            }
            ExprKind::Unary(Op::Addr, x) => self.addr(x, hint)?,
            ExprKind::Unary(Op::Recv, ch) => {
                self.check_dir(ch, ChanOp::Recv)?;
                self.expr(ch)?;
                self.span = e.span;
                self.emit(Ins::Recv(false));
            }
            // A constant has no negative zero: `-0.0` is 0.
            ExprKind::Unary(Op::Neg, x) if matches!(x.kind, ExprKind::Float(f) if f == 0.0) => {
                self.emit(Ins::Float(0.0));
            }
            ExprKind::Unary(op, x) => {
                self.expr(x)?;
                self.span = e.span;
                self.emit(Ins::Unary(*op));
            }
            ExprKind::Binary(Op::LAnd, a, b) | ExprKind::Binary(Op::LOr, a, b) => {
                let and = matches!(e.kind, ExprKind::Binary(Op::LAnd, ..));
                self.expr(a)?;
                let j = self.emit(if and { Ins::AndJump(0) } else { Ins::OrJump(0) });
                self.expr(b)?;
                self.patch(j);
            }
            // Go reports a comparison's mismatch at its second operand,
            // where it first knows of it, and arithmetic's at the first.
            ExprKind::Binary(op @ (Op::Eq | Op::Ne), a, b) => {
                self.equality(*op, a, b, e.span)?;
                self.check_binary(e)?;
            }
            ExprKind::Binary(op, a, b) => {
                self.operands(*op, a, b)?;
                // After the operands, so that an error inside them is the
                // one reported, as Go reports it.
                self.check_binary(e)?;
                self.span = e.span;
                self.emit(Ins::Bin(*op));
            }
            ExprKind::KeyValue(..) => return Err(err(e.span, "unexpected key: value")),
            _ => return Err(err(e.span, "type is not an expression")),
        }
        Ok(())
    }

    /// `a == b` or `a != b`. Where an operand is an interface, Go compares
    /// dynamic types too: a nil pointer in an interface is not nil, and
    /// `any(1) != any(int64(1))`.
    fn equality(&mut self, op: Op, a: &Expr, b: &Expr, span: Span) -> R<()> {
        let is_nil = |e: &Expr| matches!(&e.kind, ExprKind::Ident(n) if &**n == "nil");
        let (ia, ib) = (self.is_interface(a), self.is_interface(b));
        if is_nil(b) && ia == Some(true) || is_nil(a) && ib == Some(true) {
            self.expr(if is_nil(b) { a } else { b })?;
            self.span = span;
            self.emit(Ins::IsNil);
            if op == Op::Ne {
                self.emit(Ins::Unary(Op::Not));
            }
            return Ok(());
        }
        let strict = matches!((ia, ib), (Some(true), Some(_)) | (Some(_), Some(true)));
        self.expr(a)?;
        self.expr(b)?;
        self.span = span;
        self.emit(if strict {
            Ins::IfaceEq(op == Op::Ne)
        } else {
            Ins::Bin(op)
        });
        Ok(())
    }

    fn addr(&mut self, x: &Expr, hint: Option<Ty>) -> R<()> {
        match &x.kind {
            ExprKind::Composite(..) => {
                let inner = hint.and_then(|h| match self.types.kind(h) {
                    TKind::Ptr(t) => Some(*t),
                    _ => None,
                });
                self.expr_hint(x, inner)?;
                self.emit(Ins::Box);
            }
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(Bind::Local(s)) => {
                    self.emit(Ins::AddrLocal(s));
                }
                Some(Bind::Up(i)) => {
                    self.emit(Ins::AddrUp(i));
                }
                Some(Bind::Global(g)) => {
                    self.emit(Ins::AddrGlobal(g));
                }
                _ => return Err(err(x.span, format!("cannot take the address of {name}"))),
            },
            ExprKind::Selector(base, name) if !self.is_package(base) => {
                self.expr_ref(base)?;
                self.span = x.span;
                self.emit(Ins::AddrField(name.clone()));
            }
            ExprKind::Index(base, i) => {
                self.expr_ref(base)?;
                self.expr(i)?;
                self.span = x.span;
                self.emit(Ins::AddrIndex);
            }
            _ => return Err(err(x.span, "cannot take the address of this expression")),
        }
        Ok(())
    }

    fn composite(&mut self, ty: Ty, elts: &[(Option<Expr>, Expr)], span: Span) -> R<()> {
        let kind = self.types.kind(ty).clone();
        match kind {
            TKind::Struct(fields) => {
                let mut names: Vec<Name> = Vec::new();
                for (i, (k, v)) in elts.iter().enumerate() {
                    let (name, fty) = match k {
                        Some(Expr {
                            kind: ExprKind::Ident(n),
                            ..
                        }) => {
                            let f = fields
                                .iter()
                                .find(|f| &f.name == n)
                                .ok_or_else(|| err(span, format!("unknown field {n} in struct literal")))?;
                            (n.clone(), f.ty)
                        }
                        Some(other) => return Err(err(other.span, "invalid field name in struct literal")),
                        None => {
                            let f = fields
                                .get(i)
                                .ok_or_else(|| err(span, "too many values in struct literal"))?;
                            (f.name.clone(), f.ty)
                        }
                    };
                    self.expr_hint(v, Some(fty))?;
                    self.convert_to(fty);
                    names.push(name);
                }
                self.span = span;
                self.emit(Ins::StructLit(ty, Rc::from(names)));
            }
            TKind::Slice(elem) | TKind::Array(_, elem) => {
                let keyed = elts.iter().any(|(k, _)| k.is_some());
                if keyed {
                    let mut next = 0i64;
                    let mut len = 0i64;
                    for (k, v) in elts {
                        match k {
                            Some(Expr {
                                kind: ExprKind::Int(i),
                                ..
                            }) => next = *i,
                            Some(other) => {
                                return Err(err(other.span, "index must be an integer constant here"))
                            }
                            None => {}
                        }
                        self.emit(Ins::Int(next, INT));
                        self.expr_hint(v, Some(elem))?;
                        self.convert_to(elem);
                        next += 1;
                        len = len.max(next);
                    }
                    if let TKind::Array(n, _) = kind {
                        len = n as i64;
                    }
                    if !(0..=1 << 24).contains(&len) {
                        return Err(err(span, "literal too long"));
                    }
                    self.span = span;
                    self.emit(Ins::KeyedSliceLit(ty, elts.len() as u32, len as u32));
                } else {
                    for (_, v) in elts {
                        self.expr_hint(v, Some(elem))?;
                        self.convert_to(elem);
                    }
                    self.span = span;
                    self.emit(Ins::SliceLit(ty, elts.len() as u32));
                }
            }
            TKind::Map(kt, vt) => {
                for (k, v) in elts {
                    let Some(k) = k else {
                        return Err(err(v.span, "missing key in map literal"));
                    };
                    self.expr_hint(k, Some(kt))?;
                    self.convert_to(kt);
                    self.expr_hint(v, Some(vt))?;
                    self.convert_to(vt);
                }
                self.span = span;
                self.emit(Ins::MapLit(ty, elts.len() as u32));
            }
            TKind::Ptr(inner) => {
                self.composite(inner, elts, span)?;
                self.emit(Ins::Box);
            }
            // `&sync.WaitGroup{}`, `sync.Mutex{}`: the zero value.
            TKind::WaitGroup | TKind::Mutex if elts.is_empty() => {
                self.span = span;
                self.emit(Ins::Zero(ty));
            }
            _ => {
                return Err(err(
                    span,
                    format!("invalid composite literal type {}", self.types.name(ty)),
                ))
            }
        }
        Ok(())
    }

    fn package_member(&mut self, pkg: &str, name: &str, span: Span) -> R<()> {
        let full = format!("{pkg}.{name}");
        if let Some(v) = stdlib::constant(&full) {
            self.emit(Ins::Const(Box::new(v)));
            return Ok(());
        }
        if let Some(prelude) = stdlib::prelude_func(&full) {
            if let Some(Bind::Func(id)) = self.globals.get(prelude).cloned() {
                self.emit(Ins::Closure(id, Rc::from(Vec::new())));
                return Ok(());
            }
        }
        if let Some(id) = stdlib::native_id(&full) {
            if stdlib::is_value(&full) {
                self.emit(Ins::CallNative(id, 0, false, 1));
            } else {
                self.emit(Ins::Const(Box::new(Value::Native(NativeFn { id, recv: None }))));
            }
            return Ok(());
        }
        Err(unsupported(span, &full, ""))
    }

    /// Pushes the receiver of a call of method `name`: its address when
    /// some non-struct named type has a pointer method of that name and the
    /// receiver is a variable or field (`n.Inc()` for `type Count int` and
    /// `func (c *Count) Inc()`), since such values are not shared the way
    /// structs are. Method lookup through a pointer finds value methods too.
    fn receiver(&mut self, x: &Expr, name: &str) -> R<()> {
        let addressable = match &x.kind {
            ExprKind::Ident(n) => {
                matches!(
                    self.lookup(n),
                    Some(Bind::Local(_) | Bind::Up(_) | Bind::Global(_))
                )
            }
            ExprKind::Selector(base, _) => !self.is_package(base),
            _ => false,
        };
        let wants_ptr = addressable
            && self.types.list.iter().any(|t| {
                !matches!(t.kind, TKind::Struct(_)) && t.methods.get(name).is_some_and(|&(_, ptr)| ptr)
            });
        if wants_ptr {
            self.addr(x, None)
        } else {
            self.expr_ref(x)
        }
    }

    /// Whether `e` is a call of a Go or library function (not a builtin or
    /// a conversion), whose results can be another call's arguments.
    fn is_func_call(&mut self, e: &Expr) -> bool {
        let ExprKind::Call(f, _, _) = &e.kind else {
            return false;
        };
        if let ExprKind::Ident(name) = &f.kind {
            let special = BUILTINS.contains(&&**name)
                || matches!(&**name, "__swap" | "__randn" | "__mix" | "__permute");
            if special && self.lookup(name).is_none() {
                return false;
            }
        }
        !self.is_type(f)
    }

    /// Pushes a call's arguments: `f(g())` passes all of `g`'s results and
    /// their count, for a `DYN_ARGS` call.
    fn args(&mut self, f: &Expr, args: &[Expr], argc: u16) -> R<u16> {
        if let [only] = args {
            if self.is_func_call(only) {
                self.multi(only, ALL_RESULTS as usize)?;
                return Ok(DYN_ARGS);
            }
        }
        // Each argument takes its parameter's type when the callee's frame
        // is pushed (see `ops::conform`); an untyped constant takes it here,
        // exactly (`needFloat(1 << 100)`: an int would not hold it).
        let params: Vec<Option<Ty>> = match self.callee_id(f).and_then(|id| self.sigs.get(id).cloned()) {
            Some(sig) => {
                let fixed = sig.params.len() - usize::from(sig.variadic);
                sig.params[..fixed]
                    .iter()
                    .map(|p| self.callee_type(&p.ty))
                    .collect()
            }
            None => Vec::new(),
        };
        for (i, a) in args.iter().enumerate() {
            match params.get(i).copied().flatten() {
                Some(ty) if self.untyped(a) => self.expr_hint(a, Some(ty))?,
                _ => self.expr(a)?,
            }
        }
        Ok(argc)
    }

    /// The element type of a slice, array, map or channel expression.
    fn elem_ty(&mut self, e: &Expr) -> Option<Ty> {
        let t = self.static_ty(e)?;
        match self.types.kind(t) {
            TKind::Slice(elem) | TKind::Array(_, elem) | TKind::Map(_, elem) | TKind::Chan(elem) => {
                Some(*elem)
            }
            _ => None,
        }
    }

    /// Go's "not enough arguments" and "too many arguments" for a call to
    /// one of the program's own functions or methods (run, the call would
    /// pass nils, or drop values, and fail somewhere else).
    fn check_arity(&mut self, f: &Expr, args: &[Expr], spread: bool, span: Span) -> R<()> {
        let Some(sig) = self.callee_id(f).and_then(|id| self.sigs.get(id).cloned()) else {
            return Ok(());
        };
        // `f(g())` passes all of g's results; `f(xs...)` a whole slice.
        if spread || matches!(args, [only] if self.is_func_call(only)) {
            return Ok(());
        }
        let want = sig.params.len();
        let fixed = if sig.variadic { want - 1 } else { want };
        let name = f.to_string();
        if args.len() < fixed {
            let at = args.last().map_or(span, |a| a.span);
            return Err(err(at, format!("not enough arguments in call to {name}")));
        }
        if !sig.variadic && args.len() > want {
            return Err(err(
                args[want].span,
                format!("too many arguments in call to {name}"),
            ));
        }
        // A literal no value of its parameter's type can be: `add(1, "2")`
        // ran, and added a string to a number at run time.
        for (a, p) in args.iter().zip(&sig.params[..fixed]) {
            if let Some(ty) = self.callee_type(&p.ty) {
                self.check_value(a, ty, &format!("argument to {name}"))?;
            }
        }
        Ok(())
    }

    fn call(&mut self, f: &Expr, args: &[Expr], spread: bool, want: u8, span: Span) -> R<()> {
        let argc = u16::try_from(args.len())
            .ok()
            .filter(|&n| n < DYN_ARGS)
            .ok_or_else(|| err(span, "too many arguments"))?;
        if let ExprKind::Ident(name) = &f.kind {
            // The prelude's ways into natives of its own.
            let native = match &**name {
                "__swap" => Some("builtin.swap"),
                "__randn" => Some("builtin.randn"),
                "__mix" => Some("builtin.mix"),
                "__permute" => Some("builtin.permute"),
                "__atomic_add" => Some("atomic.AddInt64"),
                "__atomic_swap" => Some("atomic.SwapInt64"),
                "__atomic_cas" => Some("atomic.CompareAndSwapInt64"),
                "__as_match" => Some("builtin.as_match"),
                "__fatal" => Some("builtin.fatal"),
                _ => None,
            };
            // Only the prelude (whose spans are on line 0) reaches these:
            // a program's own `__as_match` is an unknown name, as in Go.
            if let (Some(native), None, 0) = (native, self.lookup(name), span.line) {
                for a in args {
                    self.expr(a)?;
                }
                let id = stdlib::native_id(native).unwrap_or(0);
                self.emit(Ins::CallNative(id, argc, false, want));
                return Ok(());
            }
            if self.lookup(name).is_none() && BUILTINS.contains(&&**name) {
                return self.builtin(name, args, spread, span);
            }
        }
        if self.is_type(f) {
            let ty = self.resolve_type(f)?;
            if args.len() != 1 {
                return Err(err(span, "conversion needs exactly one argument"));
            }
            // A constant is converted when the program is built, so one out
            // of range is Go's compile error, not a wrapped value.
            if let (Some(n), TKind::Int(bits, signed)) = (int_literal(&args[0]), self.types.kind(ty)) {
                if !int_fits(n, *bits, *signed) {
                    let written = match &f.kind {
                        ExprKind::Ident(name) => name.to_string(),
                        _ => self.types.name(ty).to_string(),
                    };
                    return Err(err(
                        args[0].span,
                        format!(
                            "cannot convert {} (untyped int constant) to type {written}",
                            int_text(n)
                        ),
                    ));
                }
            }
            self.expr(&args[0])?;
            self.span = span;
            self.emit(Ins::Convert(ty));
            return Ok(());
        }
        if let ExprKind::Selector(x, name) = &f.kind {
            if let ExprKind::Ident(p) = &x.kind {
                if let Some(Bind::Package(pkg)) = self.lookup(p) {
                    let full = format!("{pkg}.{name}");
                    // `errors.As(err, &x)` with an interface x: a nil
                    // interface variable holds no type, so the target's
                    // static type goes along (0: not known).
                    let (prelude, extra) = match (&*full, args) {
                        ("errors.As", [_, target]) if !spread => {
                            let ty = match &target.kind {
                                ExprKind::Unary(Op::Addr, x) => self.static_ty(x).unwrap_or(0),
                                _ => match self.static_ty(target).map(|t| self.types.kind(t).clone()) {
                                    Some(TKind::Ptr(inner)) => inner,
                                    _ => 0,
                                },
                            };
                            (Some("__errors_AsType"), Some(ty))
                        }
                        _ => (stdlib::prelude_func(&full), None),
                    };
                    if let Some(prelude) = prelude {
                        if let Some(Bind::Func(id)) = self.globals.get(prelude).cloned() {
                            for a in args {
                                self.expr(a)?;
                            }
                            if let Some(ty) = extra {
                                self.emit(Ins::Int(i64::from(ty), INT));
                            }
                            self.emit(Ins::Closure(id, Rc::from(Vec::new())));
                            self.span = span;
                            self.emit(Ins::Call(argc + u16::from(extra.is_some()), spread, want));
                            return Ok(());
                        }
                    }
                    let id = stdlib::native_id(&full).ok_or_else(|| unsupported(f.span, &full, ""))?;
                    // The library's Duration parameters: `time.Sleep(ms)`
                    // with an int `ms` is Go's compile error (it ran, and
                    // slept ms nanoseconds).
                    let durations: &[usize] = match full.as_str() {
                        "time.Sleep" | "time.After" | "time.Tick" | "time.NewTimer" | "time.NewTicker" => {
                            &[0]
                        }
                        "context.WithTimeout" => &[1],
                        _ => &[],
                    };
                    for &i in durations {
                        if let Some(a) = args.get(i) {
                            self.check_value(a, DURATION, &format!("argument to {full}"))?;
                        }
                    }
                    let argc = self.args(f, args, argc)?;
                    self.span = span;
                    if stdlib::is_fmt(&full) && !spread {
                        let printf = full.ends_with('f');
                        // `Fprint`'s writer is not printed: the operands
                        // (and a format) are the arguments after it.
                        let printed = if full.starts_with("fmt.Fprint") {
                            argc.saturating_sub(1)
                        } else {
                            argc
                        };
                        self.emit(Ins::FmtPrep(printed, printf));
                    }
                    self.emit(Ins::CallNative(id, argc, spread, want));
                    return Ok(());
                }
            }
            if !self.is_type(x) {
                self.check_member(x, name, f.span)?;
                self.check_arity(f, args, spread, span)?;
                self.receiver(x, name)?;
                let argc = self.args(f, args, argc)?;
                self.span = span;
                self.emit(Ins::CallMethod(name.clone(), argc, spread, want));
                return Ok(());
            }
        }
        self.check_arity(f, args, spread, span)?;
        let argc = self.args(f, args, argc)?;
        self.expr(f)?;
        self.span = span;
        self.emit(Ins::Call(argc, spread, want));
        Ok(())
    }

    fn builtin(&mut self, name: &str, args: &[Expr], spread: bool, span: Span) -> R<()> {
        let n = args.len();
        let need = |lo: usize, hi: usize| -> R<()> {
            if n < lo || n > hi {
                Err(err(span, format!("wrong number of arguments to {name}")))
            } else {
                Ok(())
            }
        };
        match name {
            "make" => {
                need(1, 3)?;
                let ty = self.resolve_type(&args[0])?;
                for a in &args[1..] {
                    self.expr(a)?;
                }
                self.span = span;
                match self.types.kind(ty) {
                    TKind::Slice(_) => {
                        need(2, 3)?;
                        self.emit(Ins::MakeSlice(ty, n == 3));
                    }
                    TKind::Map(..) => {
                        if n == 2 {
                            self.emit(Ins::Pop);
                        }
                        self.emit(Ins::MakeMap(ty));
                    }
                    TKind::Chan(_) => {
                        need(1, 2)?;
                        let hint = self.hint.clone().unwrap_or_else(|| Rc::from("chan"));
                        self.emit(Ins::MakeChan(ty, n == 2, hint));
                    }
                    _ => {
                        return Err(err(
                            span,
                            format!("invalid argument: cannot make {}", self.types.name(ty)),
                        ))
                    }
                }
            }
            "new" => {
                need(1, 1)?;
                let ty = self.resolve_type(&args[0])?;
                self.emit(Ins::Zero(ty));
                self.emit(Ins::Box);
            }
            _ => {
                if let ("close", Some(ch)) = (name, args.first()) {
                    self.check_dir(ch, ChanOp::Close)?;
                }
                // What `append` adds takes the slice's element type.
                let elem = match (name, args.first()) {
                    ("append", Some(x)) if !spread => self.elem_ty(x),
                    _ => None,
                };
                for (i, a) in args.iter().enumerate() {
                    self.value_to(a, if i > 0 { elem } else { None })?;
                }
                self.span = span;
                let ins = match name {
                    "len" => {
                        need(1, 1)?;
                        Ins::Len
                    }
                    "cap" => {
                        need(1, 1)?;
                        Ins::Cap
                    }
                    "append" => {
                        need(1, usize::MAX)?;
                        Ins::Append(n as u16 - 1, spread)
                    }
                    "copy" => {
                        need(2, 2)?;
                        Ins::Copy
                    }
                    "delete" => {
                        need(2, 2)?;
                        Ins::Delete
                    }
                    "close" => {
                        need(1, 1)?;
                        Ins::Close
                    }
                    "panic" => {
                        need(1, 1)?;
                        Ins::Panic
                    }
                    "recover" => {
                        need(0, 0)?;
                        Ins::Recover
                    }
                    "print" | "println" => Ins::Print(n as u16, name == "println"),
                    "min" => {
                        need(1, usize::MAX)?;
                        Ins::Min(n as u16)
                    }
                    "max" => {
                        need(1, usize::MAX)?;
                        Ins::Max(n as u16)
                    }
                    _ => return Err(err(span, format!("{name} is not supported here"))),
                };
                self.emit(ins);
            }
        }
        Ok(())
    }
}
