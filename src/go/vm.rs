//! The interpreter: each goroutine is an `rt` task whose future runs
//! bytecode on an explicit frame stack.
//!
//! A Go call pushes a [`Frame`]; nothing recurses in Rust, so deep Go
//! recursion ends in Go's own "stack overflow" fatal error, never in a Rust
//! one. A goroutine runs at most [`Limits::budget`] instructions per poll and
//! then yields (a deterministic preemption), and all goroutines together
//! stop at [`Limits::step_cap`] instructions.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskCx, Poll, Waker};

use super::code::*;
use super::host::{self, Done, Pending};
use super::ir::{Name, Op};
use super::ops;
use super::stdlib;
use super::value::*;
use super::Limits;

/// Go's default maximum stack is 1 GB, some ten million small frames;
/// frames here are counted instead. A million lets the recursion a reader
/// writes run (f(25000) stopped at 20,000), and the memory limit still
/// holds: a frame here is a few dozen bytes and its values.
const MAX_FRAMES: usize = 1_000_000;
const MAX_STACK: usize = 16_000_000;

/// Why a program stopped before `main` returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fatal {
    /// What Go prints on stderr (first line: `panic: ...` or `fatal error: ...`).
    pub message: String,
    pub exit: i32,
    /// For `log.Fatal`, its line (written to stderr before the exit);
    /// empty otherwise.
    pub detail: String,
}

/// What all goroutines of one run share.
pub struct Shared {
    pub prog: Rc<Program>,
    pub rt: crate::rt::Rt,
    pub globals: RefCell<Vec<Value>>,
    /// What the program wrote, kept only while the trace is off: with it
    /// on, every line is an `output` event, and a second copy doubled a
    /// print loop's memory (growing it copied hundreds of megabytes at
    /// once). See [`crate::go::Ran::stdout`].
    pub stdout: RefCell<String>,
    /// The line being written, up to its newline.
    pub line: RefCell<String>,
    /// The line being written to standard error.
    pub err_line: RefCell<String>,
    /// Whether the last output event was a line without its newline (the
    /// program ended mid-line).
    pub unterminated: Cell<bool>,
    /// Lines written in the current poll (see [`LINES_PER_POLL`]).
    pub lines: Cell<u32>,
    /// Goroutines (by rt task id) blocked for good, on a nil channel or an
    /// empty `select`, and Go's word for it: the runtime has no wait to
    /// name for them in a deadlock report.
    pub forever: RefCell<Vec<(u32, &'static str)>>,
    pub stderr: RefCell<String>,
    /// Bytes written to standard output, against `limits.output`.
    pub written: Cell<usize>,
    pub steps: Cell<u64>,
    pub limits: Limits,
    pub fatal: RefCell<Option<Fatal>>,
    pub main_waker: RefCell<Option<Waker>>,
    pub next_goid: Cell<u64>,
    /// Goroutines started that have not returned (`runtime.NumGoroutine`).
    pub goroutines: Cell<u64>,
    /// `log`'s flags and prefix, as `log.SetFlags` and `log.SetPrefix`
    /// set them.
    pub log_flags: Cell<i64>,
    pub log_prefix: RefCell<String>,
    /// What `runtime.GOMAXPROCS` was last set to (8, as `NumCPU`, until a
    /// program sets it: one goroutine runs at a time here whatever it says).
    pub procs: Cell<i64>,
    /// `context.Canceled` and `context.DeadlineExceeded`.
    pub canceled: Value,
    pub deadline_exceeded: Value,
    /// Where each goroutine (by rt task name) last was, for deadlock reports.
    pub blocked_at: RefCell<Vec<(u64, String, super::ir::Span)>>,
    /// When each pending `time.After` and timer fires.
    pub dues: host::Dues,
    /// A token cache's refreshes: successes, failures in a row, and
    /// whether the refresh under way has stored a new token.
    pub refreshes: Cell<u64>,
    pub failures: Cell<u64>,
    pub refreshed: Cell<bool>,
    /// The addresses printed for pointers (see [`super::format::Addresses`]).
    pub addresses: Rc<RefCell<super::format::Addresses>>,
}

impl Shared {
    pub fn write_out(&self, text: &str) {
        self.write(text, false);
    }

    /// Writes `text` to standard error: kept for the CLI's stderr, and each
    /// line an output event the page shows (it showed no `println` or
    /// `log` line at all).
    pub fn write_err(&self, text: &str) {
        self.write(text, true);
    }

    fn write(&self, text: &str, stderr: bool) {
        if self.fatal.borrow().is_some() {
            return;
        }
        let written = self.written.get() + text.len();
        self.written.set(written);
        if written > self.limits.output {
            self.set_fatal(
                format!(
                    "fatal error: program stopped after writing {} (the output limit)",
                    size(self.limits.output)
                ),
                2,
            );
            return;
        }
        if stderr {
            self.stderr.borrow_mut().push_str(text);
        } else if !self.rt.tracing() {
            self.stdout.borrow_mut().push_str(text);
        }
        let mut line = if stderr {
            self.err_line.borrow_mut()
        } else {
            self.line.borrow_mut()
        };
        let mut rest = text;
        while let Some(end) = rest.find('\n') {
            line.push_str(&rest[..end]);
            if stderr {
                host::output_stderr(&self.rt, &line);
            } else {
                host::output(&self.rt, &line);
            }
            self.lines.set(self.lines.get() + 1);
            line.clear();
            rest = &rest[end + 1..];
        }
        line.push_str(rest);
    }

    pub fn flush_line(&self) {
        let mut line = self.line.borrow_mut();
        if !line.is_empty() {
            host::output(&self.rt, &line);
            line.clear();
            self.unterminated.set(true);
        }
        let mut err_line = self.err_line.borrow_mut();
        if !err_line.is_empty() {
            host::output_stderr(&self.rt, &err_line);
            err_line.clear();
        }
    }

    /// Counts `n` steps against the step cap, and stops the program past
    /// it. Instructions count one each, a blocking op 100, and so does a
    /// ticker's tick, so a program that only waits while a ticker ticks
    /// also ends.
    pub fn charge(&self, n: u64) {
        let steps = self.steps.get() + n;
        self.steps.set(steps);
        if let Err(Trap::Fatal(message)) = self.reserve(0) {
            if self.fatal.borrow().is_none() {
                self.set_fatal(message, 2);
            }
        }
        if steps > self.limits.step_cap && self.fatal.borrow().is_none() {
            let mut message = format!(
                "fatal error: program stopped after {} steps (the step limit): a runaway loop?",
                self.limits.step_cap
            );
            // A loop that polls for a timer (`for { select { case <-done:
            // ... default: } }`) never sees it fire here.
            if self.rt.pending_timers() > 0 {
                message.push_str(
                    "\nTime here passes only while every goroutine is blocked, as on the Go Playground: \
                     a loop that polls while a timer is pending never lets it fire. Block on the channel instead.",
                );
            }
            self.set_fatal(message, 2);
        }
    }

    /// Refuses an allocation of `bytes` that would take the heap past the
    /// memory limit, with Go's fatal error: on wasm32 a failed allocation
    /// aborts the page. Allocations that are a program's to size (`make`,
    /// `append`, `+` on strings, `strings.Repeat`) ask first; the rest are
    /// caught as the steps are counted.
    pub fn reserve(&self, bytes: usize) -> Res<()> {
        let live = host::live_bytes().unwrap_or(0);
        if live.saturating_add(bytes) > self.limits.memory {
            return Err(Trap::Fatal(self.out_of_memory()));
        }
        Ok(())
    }

    /// Go's out-of-memory error, with this playground's limit.
    pub fn out_of_memory(&self) -> String {
        let mut message = format!(
            "fatal error: runtime: out of memory (a program here has {})",
            size(self.limits.memory)
        );
        // A long run that holds little can fill the heap with its record:
        // an endless ticker, printing, met the limit after 800,000 ticks.
        // (An event takes about 140 bytes, measured on the page.)
        let events = self.rt.log().len();
        if events.saturating_mul(140) >= self.limits.memory / 2 {
            message.push_str(&format!(
                "\nThe run's record of {events} events takes much of it: a run this long, such as an endless ticker, ends here."
            ));
        }
        message
    }

    pub fn set_fatal(&self, message: String, exit: i32) {
        let line = message.lines().next().unwrap_or("").to_string();
        self.end(
            Fatal {
                message,
                exit,
                detail: String::new(),
            },
            Some(line),
        );
    }

    /// Ends the program with status `exit` and no message of Go's own
    /// (`os.Exit`, or `log.Fatal` with its line as `detail`).
    pub fn set_exit(&self, exit: i32, detail: String) {
        let error = (exit != 0).then(|| format!("exit status {exit}"));
        self.end(
            Fatal {
                message: String::new(),
                exit,
                detail,
            },
            error,
        );
    }

    /// Ends the program as `fatal` says, recording `error` in the trace,
    /// unless it already ended; then wakes main, which returns.
    fn end(&self, fatal: Fatal, error: Option<String>) {
        let mut f = self.fatal.borrow_mut();
        if f.is_none() {
            if let Some(error) = error {
                host::error(&self.rt, &error);
            }
            *f = Some(fatal);
        }
        drop(f);
        if let Some(w) = self.main_waker.borrow().as_ref() {
            w.wake_by_ref();
        }
    }
}

pub struct Deferred {
    callee: Value,
    args: Vec<Value>,
    method: Option<Name>,
}

pub struct Frame {
    func: u32,
    pc: u32,
    base: u32,
    caps: Option<Rc<Closure>>,
    defers: Vec<Deferred>,
    returning: bool,
    /// The panic unwinding this frame (not a `return`): when its deferred
    /// calls are done, the panic goes on to its caller unless one of them
    /// recovered it.
    panicked: Option<u32>,
    /// This frame is a deferred call (so `recover` works in it).
    deferred: bool,
    want: u8,
    /// The argument `fmt` is turning into text, while its method runs.
    fmt_slot: Option<u32>,
    /// How long the panic chain was when that method was called: a panic
    /// it raises ends in fmt, with any it aborted on the way.
    fmt_chain: u32,
    /// The values inside the argument `fmt` is turning into text whose
    /// methods make their text, and those texts so far.
    fmt_parts: Option<Box<FmtParts>>,
}

/// What `fmt` prints through methods inside one argument: Go calls
/// `String` or `Error` for an element of a slice or array, a map key or
/// value and an exported field, as for the argument itself.
struct FmtParts {
    /// The argument they are in.
    slot: usize,
    /// In the order `%v` meets them.
    pending: Vec<Value>,
    texts: Vec<Rc<str>>,
}

/// What to do with a blocking op's result.
pub enum After {
    Nothing,
    Recv(bool, Ty),
    /// The zero value of each arm's element; and, for a job against the
    /// deadline, the `Done` arm, the worker and its work.
    Select(Vec<Ty>, Option<Box<(usize, String, u64)>>),
    /// A `for range` over a channel: jump here when it is closed.
    RangeRecv(u32, Ty),
}

enum Flow {
    Yield,
    Block(Pending, After),
    Finished,
}

/// A panic in flight, or a fatal error that no `recover` stops.
pub enum Trap {
    Panic(Value),
    Fatal(String),
    /// `os.Exit` or `log.Fatal`: the program has ended (its status is set),
    /// and this goroutine stops where it is, running no deferred call.
    Exit,
}

pub type Res<T> = Result<T, Trap>;

/// A panic of a goroutine's chain. Go keeps every panic that has not ended:
/// a panic raised by a deferred call while an earlier one unwinds stays
/// behind it, and a program that dies prints the whole chain, oldest first
/// (`panic: first [recovered]` then a tab and `panic: second`).
struct Panic {
    /// Which panic of the goroutine's (frames name the one unwinding them).
    id: u32,
    value: Value,
    recovered: bool,
    /// A later panic unwound the deferred call this one was running.
    aborted: bool,
    /// What its value's `Error` or `String` method returned, once the
    /// goroutine is dying of the chain (Go prints that, not the value).
    text: Option<Rc<str>>,
}

pub fn runtime_error(msg: impl std::fmt::Display) -> Trap {
    let msg = format!("runtime error: {msg}");
    // `%T` of the error as Go's runtime makes it.
    let ty = if msg.contains("out of range [") {
        "runtime.boundsError"
    } else {
        "runtime.errorString"
    };
    Trap::Panic(Value::Error(Rc::new(ErrorObj {
        msg: Rc::from(msg),
        wrapped: None,
        ty,
    })))
}

pub fn panic_str(msg: impl Into<String>) -> Trap {
    Trap::Panic(Value::Error(Rc::new(ErrorObj {
        msg: Rc::from(msg.into()),
        wrapped: None,
        ty: "runtime.plainError",
    })))
}

pub fn nil_deref() -> Trap {
    runtime_error("invalid memory address or nil pointer dereference")
}

/// What a standard library function gives back.
pub enum NRes {
    Vals(Vec<Value>),
    Block(Pending, After),
    /// Call this Go function value with these arguments.
    Call(Value, Vec<Value>),
}

pub struct Goroutine {
    pub sh: Rc<Shared>,
    pub id: u64,
    pub stack: Vec<Value>,
    frames: Vec<Frame>,
    pending: Option<(Pending, After)>,
    /// Oldest first; the last is the one `recover` sees.
    panics: Vec<Panic>,
    /// The panic whose value's method is being called to print it.
    dying: Option<u32>,
    is_main: bool,
    /// `runtime.Gosched` was called: yield before the next instruction.
    pub yielding: bool,
    /// Budget spent beyond one instruction by the instruction just run (a
    /// `go` statement: see [`SPAWN_COST`]).
    extra: u32,
    /// Steps spent in this poll: one poll's budget covers the operations
    /// that complete at once too, or a loop of `select` with `default`
    /// never let another goroutine run.
    spent: u32,
    /// A library function started by `go` (`go fmt.Println(i)`), with its
    /// arguments on the stack: called when the goroutine first runs, not
    /// by the `go` statement, which would run it in the spawner.
    unstarted: bool,
}

/// A limit in words: "8 MB", or bytes below a megabyte.
fn size(bytes: usize) -> String {
    match bytes >> 20 {
        0 => format!("{bytes} bytes"),
        mb => format!("{mb} MB"),
    }
}

/// The bytes a slice element takes, for [`Shared::reserve`].
const VALUE_BYTES: usize = std::mem::size_of::<Value>();

/// What a `go` statement costs of a goroutine's budget and of the step cap,
/// in instructions. Starting a goroutine costs the page some fifty times an
/// instruction; counted as one, a loop that started 20,000 of them ran
/// 1,000 in one poll and held the browser's task for ~60 ms.
const SPAWN_COST: u32 = 100;

/// The most lines a goroutine writes in one poll before it yields. Each
/// line is a row the page must draw, and the driver can end its slice
/// only between polls: a print loop wrote some 3,000 lines in one poll's
/// budget, dozens of frames' worth of rows (see
/// `view::ROWS_PER_FRAME`). Yielding costs no steps and is the same
/// natively and in the browser, so a seed still gives one trace.
pub const LINES_PER_POLL: u32 = 32;

impl Goroutine {
    pub fn main(sh: Rc<Shared>) -> Goroutine {
        let entry = sh.prog.entry;
        let mut g = Goroutine {
            sh,
            id: 1,
            stack: Vec::with_capacity(64),
            frames: Vec::new(),
            pending: None,
            panics: Vec::new(),
            dying: None,
            is_main: true,
            yielding: false,
            extra: 0,
            spent: 0,
            unstarted: false,
        };
        // The entry has no parameters: this cannot fail.
        let _ = g.push_frame(entry, None, 0, false, 0, false);
        g
    }

    fn spawn(&mut self, callee: Value, args: Vec<Value>) -> Res<()> {
        self.extra += SPAWN_COST - 1;
        start_goroutine(&self.sh, callee, args)
    }

    fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame")
    }

    fn frame_mut(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame")
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }

    fn popn(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    #[inline]
    fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    fn slot(&mut self, s: u16) -> &mut Value {
        let i = self.frame().base as usize + s as usize;
        &mut self.stack[i]
    }

    /// Pushes a frame for function `func` whose `argc` arguments are on the
    /// stack.
    fn push_frame(
        &mut self,
        func: u32,
        caps: Option<Rc<Closure>>,
        mut argc: u16,
        spread: bool,
        want: u8,
        deferred: bool,
    ) -> Res<()> {
        let sh = self.sh.clone();
        let Some(fc) = sh.prog.funcs.get(func as usize) else {
            return Err(Trap::Fatal("internal error: bad function".into()));
        };
        if fc.refresh {
            sh.refreshed.set(false);
            host::refresh_state(&sh.rt, crate::rt::RefreshState::Refreshing);
        }
        if self.frames.len() >= MAX_FRAMES || self.stack.len() > MAX_STACK {
            return Err(Trap::Fatal(format!(
                "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\n(this playground's limit is {MAX_FRAMES} nested calls)"
            )));
        }
        if fc.variadic && !spread {
            let fixed = fc.nparams.saturating_sub(1);
            let extra = argc.saturating_sub(fixed) as usize;
            let mut items = self.popn(extra);
            if let TKind::Slice(elem) = sh.prog.types.kind(fc.variadic_ty) {
                for v in &mut items {
                    ops::conform(&sh, v, *elem);
                }
            }
            let s = if items.is_empty() {
                SliceV::nil(fc.variadic_ty)
            } else {
                SliceV::new(items, fc.variadic_ty)
            };
            self.push(Value::slice(s));
            argc = fixed + 1;
        }
        // Arity is not checked at compile time: pad or drop rather than fail.
        while argc < fc.nparams {
            self.push(Value::Nil);
            argc += 1;
        }
        if argc > fc.nparams {
            let n = self.stack.len() - (argc - fc.nparams) as usize;
            self.stack.truncate(n);
            argc = fc.nparams;
        }
        let base = (self.stack.len() - argc as usize) as u32;
        // Arguments that reach a function through an interface method, a
        // func value or a `go` statement were not converted where the
        // call was compiled: an untyped constant takes its parameter's
        // type here.
        let fixed = if fc.variadic {
            fc.params.len().saturating_sub(1)
        } else {
            fc.params.len()
        };
        for (i, &ty) in fc.params.iter().take(fixed).enumerate() {
            if let Some(v) = self.stack.get_mut(base as usize + i) {
                ops::conform(&sh, v, ty);
            }
        }
        for _ in fc.nparams..fc.nlocals {
            self.stack.push(Value::Nil);
        }
        self.frames.push(Frame {
            func,
            pc: 0,
            base,
            caps,
            defers: Vec::new(),
            returning: false,
            panicked: None,
            deferred,
            want,
            fmt_slot: None,
            fmt_chain: 0,
            fmt_parts: None,
        });
        Ok(())
    }

    /// Calls the callee on top of the stack with the `argc` arguments below it.
    fn call_value(&mut self, argc: u16, spread: bool, want: u8) -> Res<()> {
        self.call_value_as(argc, spread, want, false)
    }

    fn call_value_as(&mut self, argc: u16, spread: bool, want: u8, deferred: bool) -> Res<()> {
        let callee = self.pop();
        match callee {
            Value::Func(c) => {
                let mut argc = argc;
                if let Some(recv) = &c.recv {
                    let at = self.stack.len() - argc as usize;
                    self.stack.insert(at, recv.clone());
                    argc += 1;
                }
                self.push_frame(c.func, Some(c.clone()), argc, spread, want, deferred)
            }
            Value::Native(nf) => {
                let mut args = self.popn(argc as usize);
                if spread {
                    if let Some(Value::Slice(s)) = args.pop() {
                        args.extend(s.items());
                    }
                }
                if let Some(r) = nf.recv {
                    args.insert(0, *r);
                }
                let res = stdlib::call(self, nf.id, args)?;
                self.native_result(res, want)
            }
            Value::Nil | Value::TypedNil(_) => Err(nil_deref()),
            _ => Err(panic_str("call of non-function")),
        }
    }

    fn native_result(&mut self, res: NRes, want: u8) -> Res<()> {
        match res {
            NRes::Vals(vals) => {
                self.push_results(vals, want);
                Ok(())
            }
            // A call that blocks (`time.Sleep`, `mu.Lock`, `wg.Wait`)
            // returns nothing: used as a value, Go rejects it when it
            // builds the program. Say so rather than take a value that is
            // not there.
            NRes::Block(_, After::Nothing) if want != 0 => {
                let at = self.here().map_or_else(String::new, |s| format!("{s}: "));
                Err(Trap::Fatal(format!("{at}(no value) used as value")))
            }
            NRes::Block(p, after) => {
                self.pending = Some((p, after));
                Ok(())
            }
            NRes::Call(f, args) => {
                let argc = args.len() as u16;
                self.stack.extend(args);
                self.push(f);
                self.call_value(argc, false, want)
            }
        }
    }

    fn push_results(&mut self, mut vals: Vec<Value>, want: u8) {
        if want == ALL_RESULTS {
            let n = vals.len() as i64;
            self.stack.extend(vals);
            self.push(Value::int(n));
            return;
        }
        if want == 0 {
            return;
        }
        vals.resize(want as usize, Value::Nil);
        self.stack.extend(vals);
    }

    /// Finds method `name` of `recv`: what to call, and the receiver to
    /// pass (a pointer for pointer methods, a copy for value methods).
    fn find_method(&self, recv: &Value, name: &str, depth: u32) -> Option<(Value, Option<Value>)> {
        if depth > 8 {
            return None;
        }
        let types = &self.sh.prog.types;
        let lookup = |ty: Ty| types.get(ty).methods.get(name).copied();
        let go = |f: u32| {
            Value::Func(Rc::new(Closure {
                func: f,
                caps: Box::new([]),
                recv: None,
                ty: self.sh.prog.funcs.get(f as usize).map_or(FUNC, |c| c.ty),
            }))
        };
        match recv {
            Value::Ptr(p) => {
                let target = p.load();
                if let Some(ty) = type_of_target(&target) {
                    if let Some((f, ptr)) = lookup(ty) {
                        return Some((go(f), Some(if ptr { recv.clone() } else { target.copied() })));
                    }
                }
                self.find_method(&target, name, depth + 1)
            }
            Value::Struct(rc) => {
                if let Some((f, ptr)) = lookup(rc.ty) {
                    let r = if ptr {
                        Value::Ptr(Pointer::Struct(rc.clone()))
                    } else {
                        recv.copied()
                    };
                    return Some((go(f), Some(r)));
                }
                let fields = match types.kind(rc.ty) {
                    TKind::Struct(f) => f.clone(),
                    _ => Vec::new(),
                };
                for (i, f) in fields.iter().enumerate() {
                    let v = rc.fields.borrow().get(i).cloned().unwrap_or_default();
                    if &*f.name == name {
                        if let Value::Func(_) | Value::Native(_) = v {
                            return Some((v, None));
                        }
                    }
                }
                for (i, f) in fields.iter().enumerate() {
                    if f.embedded {
                        let v = rc.fields.borrow().get(i).cloned().unwrap_or_default();
                        if let Some(found) = self.find_method(&v, name, depth + 1) {
                            return Some(found);
                        }
                    }
                }
                None
            }
            Value::Int(..)
            | Value::Float(..)
            | Value::Str(..)
            | Value::Bool(..)
            | Value::Slice(_)
            | Value::Map(_)
            | Value::Array(..) => match type_of_target(recv).and_then(lookup) {
                Some((f, _)) => Some((go(f), Some(recv.copied()))),
                None => stdlib::method_id(recv, name)
                    .map(|id| (Value::Native(NativeFn { id, recv: None }), Some(recv.clone()))),
            },
            // A value of a named func type has that type's methods.
            Value::Func(c) => lookup(c.ty).map(|(f, _)| (go(f), Some(recv.clone()))),
            // A method with a pointer receiver runs on a nil pointer too
            // (a tree's `Sum` that returns 0 for a nil `*Tree`).
            Value::TypedNil(ty) => match types.kind(*ty) {
                TKind::Ptr(inner) => match lookup(*inner) {
                    Some((f, true)) => Some((go(f), Some(recv.clone()))),
                    _ => None,
                },
                // A nil value of a named func type has its methods.
                TKind::Func => lookup(*ty).map(|(f, _)| (go(f), Some(recv.clone()))),
                _ => None,
            },
            other => stdlib::method_id(other, name)
                .map(|id| (Value::Native(NativeFn { id, recv: None }), Some(recv.clone()))),
        }
    }

    /// Whether `v` has type `ty`, or, for an interface type, whether `v`'s
    /// method set holds the interface's methods.
    pub(super) fn has_type(&self, v: &Value, ty: Ty) -> bool {
        let types = &self.sh.prog.types;
        match types.kind(ty) {
            TKind::Interface(ms) if !ms.is_empty() => {
                !matches!(v, Value::Nil) && ms.iter().all(|m| self.in_method_set(v, m))
            }
            _ => ops::has_type(types, v, ty),
        }
    }

    /// Whether method `m` is in `v`'s method set: a struct value's set
    /// lacks its pointer methods, and a field holding a func is no method.
    fn in_method_set(&self, v: &Value, m: &str) -> bool {
        match self.find_method(v, m, 0) {
            None | Some((_, None)) => false,
            Some((_, Some(Value::Ptr(Pointer::Struct(_))))) => !matches!(v, Value::Struct(_)),
            Some(_) => true,
        }
    }

    fn call_method(&mut self, name: &Name, argc: u16, spread: bool, want: u8, deferred: bool) -> Res<()> {
        let at = self.stack.len() - argc as usize - 1;
        let recv = std::mem::take(&mut self.stack[at]);
        match self.find_method(&recv, name, 0) {
            Some((callee, Some(r))) => {
                self.stack[at] = r;
                self.push(callee);
                self.call_value_as(argc + 1, spread, want, deferred)
            }
            Some((callee, None)) => {
                self.stack.remove(at);
                self.push(callee);
                self.call_value_as(argc, spread, want, deferred)
            }
            None => {
                if recv.is_nil() {
                    return Err(nil_deref());
                }
                let ty = self.type_name(&recv);
                // A method of the standard library's that we lack is
                // outside the subset: say so, and where, rather than panic
                // as though the program were wrong.
                let library = stdlib::library_members(ty.trim_start_matches('*'));
                if stdlib::native_type(&recv).is_some() || library.is_some() {
                    let at = self.here().map_or_else(String::new, |s| format!("{s}: "));
                    return Err(Trap::Fatal(format!("{at}{ty}.{name} is not supported here")));
                }
                Err(panic_str(format!("{ty} has no method {name}")))
            }
        }
    }

    /// Where the instruction running now came from.
    pub(super) fn here(&self) -> Option<super::ir::Span> {
        let f = self.frames.last()?;
        let fc = self.sh.prog.funcs.get(f.func as usize)?;
        fc.spans
            .get((f.pc as usize).checked_sub(1)?)
            .copied()
            .filter(|s| !s.in_prelude())
    }

    pub fn type_name(&self, v: &Value) -> String {
        super::format::type_name(&self.sh.prog.types, v)
    }

    /// A token cache's `expires` or `stopped` was just stored: the
    /// refresher panel's facts, as the Rust port records them.
    fn cache_field(&self, obj: &StructObj, name: &str) {
        let types = &self.sh.prog.types;
        if !types.is_token_cache(obj.ty) {
            return;
        }
        let TKind::Struct(info) = types.kind(obj.ty) else {
            return;
        };
        let fields = obj.fields.borrow();
        let field = |n: &str| {
            info.iter()
                .position(|f| &*f.name == n)
                .and_then(|i| fields.get(i))
        };
        let rt = &self.sh.rt;
        match (name, field(name)) {
            ("expires", Some(&Value::Time(ns))) => {
                let token = match field("token") {
                    Some(Value::Str(s, _)) => s.to_string(),
                    _ => String::new(),
                };
                let sh = &self.sh;
                sh.refreshed.set(true);
                sh.refreshes.set(sh.refreshes.get() + 1);
                sh.failures.set(0);
                let expires = u64::try_from(ns / 1_000_000).unwrap_or(0);
                host::fact(rt, crate::rt::Fact::Token { token, expires });
                host::fact(rt, crate::rt::Fact::Failures { in_row: 0 });
                host::fact(
                    rt,
                    crate::rt::Fact::Refreshes {
                        count: sh.refreshes.get(),
                    },
                );
                host::refresh_state(rt, crate::rt::RefreshState::Fresh);
            }
            ("stopped", Some(Value::Bool(true, _))) => {
                host::refresh_state(rt, crate::rt::RefreshState::Stopped);
            }
            _ => {}
        }
    }

    fn start_panic(&mut self, v: Value) {
        let id = self.panics.last().map_or(0, |p| p.id + 1);
        self.panics.push(Panic {
            id,
            value: v,
            recovered: false,
            aborted: false,
            text: None,
        });
        if let Some(f) = self.frames.last_mut() {
            f.returning = true;
            f.panicked = Some(id);
        }
    }

    /// Panic `id`, while it is in the chain.
    fn panic_mut(&mut self, id: u32) -> Option<&mut Panic> {
        self.panics.iter_mut().find(|p| p.id == id)
    }

    /// One step of returning from the top frame: run a deferred call, or
    /// pop the frame. `Ok(true)` when the goroutine has finished.
    fn unwind(&mut self) -> Res<bool> {
        let Some(d) = self.frame_mut().defers.pop() else {
            let f = self.frames.pop().expect("a frame");
            let sh = self.sh.clone();
            let fc = &sh.prog.funcs[f.func as usize];
            if fc.refresh && !sh.refreshed.get() {
                // A refresh that returned (or panicked) without a new token.
                sh.failures.set(sh.failures.get() + 1);
                let in_row = sh.failures.get();
                host::fact(&sh.rt, crate::rt::Fact::Failures { in_row });
                host::refresh_state(&sh.rt, crate::rt::RefreshState::Failed);
            }
            let live = f
                .panicked
                .filter(|&id| self.panic_mut(id).is_some_and(|p| !p.recovered));
            if let Some(id) = live {
                self.stack.truncate(f.base as usize);
                let Some(caller) = self.frames.last_mut() else {
                    if self.dying.take().is_some() {
                        // The method printing a panic panicked itself: Go's
                        // runtime gives up with a fatal error naming it.
                        let inner = match &self.panics.last().map(|p| p.value.clone()) {
                            Some(Value::Str(s, _)) => s.to_string(),
                            Some(v) => format!("type {}", self.type_name(v)),
                            None => String::new(),
                        };
                        self.sh.set_fatal(
                            format!(
                                "fatal error: panic while printing panic value: {inner}\n\ngoroutine {} [running]:",
                                self.id
                            ),
                            2,
                        );
                        return Ok(true);
                    }
                    return Ok(self.die_printing());
                };
                if caller.fmt_slot.is_some() {
                    // The frame waits for the text of a `String` or `Error`
                    // method fmt called: fmt recovers the panic, and prints
                    // its text in place of the method's.
                    let at = self.panics.iter().position(|p| p.id == id).unwrap_or(0);
                    let v = self.panics.remove(at).value;
                    let before = caller.fmt_chain as usize;
                    self.panics.truncate(before);
                    self.push(Value::Error(Rc::new(ErrorObj {
                        msg: Rc::from(panic_text(&v)),
                        wrapped: None,
                        ty: super::value::FMT_PANIC,
                    })));
                    return Ok(false);
                }
                // A deferred call an earlier panic was running is cut short:
                // that panic is aborted (it stays in the chain Go prints).
                let earlier = caller.panicked.filter(|&old| f.deferred && old != id);
                caller.returning = true;
                caller.panicked = Some(id);
                if let Some(p) = earlier.and_then(|old| self.panic_mut(old)) {
                    p.aborted = true;
                }
                return Ok(false);
            }
            let parent = self.frames.last().and_then(|c| c.panicked);
            if let (true, Some(pid)) = (f.deferred, parent) {
                if self.panic_mut(pid).is_some_and(|p| p.recovered) {
                    // A deferred call that recovered the panic running it
                    // has returned (Go's recovery): the panic ends, with
                    // those it had aborted, and the frame that deferred the
                    // call returns normally once its other deferred calls
                    // have run.
                    self.panics.retain(|p| p.id != pid);
                    while self.panics.last().is_some_and(|p| p.aborted) {
                        self.panics.pop();
                    }
                    if let Some(c) = self.frames.last_mut() {
                        c.panicked = None;
                    }
                }
            }
            let base = f.base as usize;
            let results: Vec<Value> = fc
                .results
                .iter()
                .map(|&s| match &self.stack[base + s as usize] {
                    Value::Cell(c) => c.borrow().clone(),
                    v => v.clone(),
                })
                .collect();
            self.stack.truncate(base);
            self.push_results(results, f.want);
            return Ok(self.frames.is_empty());
        };
        let argc = d.args.len() as u16;
        match d.method {
            Some(name) => {
                self.push(d.callee);
                self.stack.extend(d.args);
                self.call_method(&name, argc, false, 0, true)?;
            }
            None => {
                self.stack.extend(d.args);
                self.push(d.callee);
                self.call_value_as(argc, false, 0, true)?;
            }
        }
        Ok(false)
    }

    /// Blocks this goroutine for good, noting Go's `status` for it.
    fn forever(&self, status: &'static str) -> Pending {
        if let Some(id) = host::task_id(&self.sh.rt) {
            self.sh.forever.borrow_mut().push((id, status));
        }
        Pending::Forever(status)
    }

    fn zero(&self, ty: Ty) -> Value {
        zero_value(&self.sh, ty)
    }

    /// Runs up to `budget` instructions.
    fn run(&mut self, budget: u32) -> Flow {
        let prog = self.sh.prog.clone();
        let mut left = budget;
        self.sh.lines.set(0);
        loop {
            if self.pending.is_some() {
                let (p, a) = self.pending.take().expect("pending");
                self.count(budget - left);
                return Flow::Block(p, a);
            }
            let Some(top) = self.frames.last() else {
                self.count(budget - left);
                return Flow::Finished;
            };
            if top.returning {
                match self.unwind() {
                    Ok(true) => {
                        if let Some(id) = self.dying.take() {
                            // A panic's `Error` or `String` method returned.
                            let text = match self.stack.pop() {
                                Some(Value::Str(s, _)) => s,
                                _ => Rc::from(""),
                            };
                            if let Some(p) = self.panic_mut(id) {
                                p.text = Some(text);
                            }
                            if !self.die_printing() {
                                continue;
                            }
                        }
                        self.count(budget - left);
                        return Flow::Finished;
                    }
                    Ok(false) => continue,
                    Err(t) => {
                        if let Some(f) = self.trap(t) {
                            return f;
                        }
                        continue;
                    }
                }
            }
            if left == 0 || self.sh.lines.get() >= LINES_PER_POLL || std::mem::take(&mut self.yielding) {
                self.count(budget - left);
                return Flow::Yield;
            }
            // Fast instructions never block, call or return: run as many
            // as come in a row, then look at the goroutine again.
            if self.fast_run(&prog, &mut left) {
                continue;
            }
            left -= 1;
            let stepped = self.step();
            left = left.saturating_sub(std::mem::take(&mut self.extra));
            if let Err(t) = stepped {
                if let Some(f) = self.trap(t) {
                    return f;
                }
            }
        }
    }

    fn count(&mut self, n: u32) {
        self.spent = self.spent.saturating_add(n);
        self.sh.charge(u64::from(n));
    }

    fn trap(&mut self, t: Trap) -> Option<Flow> {
        match t {
            Trap::Panic(v) => {
                self.start_panic(v);
                None
            }
            Trap::Fatal(msg) => {
                let msg = if msg.starts_with("runtime:") || msg.starts_with("fatal error:") {
                    msg
                } else {
                    format!("fatal error: {msg}")
                };
                self.sh
                    .set_fatal(format!("{msg}\n\ngoroutine {} [running]:", self.id), 2);
                self.frames.clear();
                Some(Flow::Finished)
            }
            Trap::Exit => {
                self.frames.clear();
                Some(Flow::Finished)
            }
        }
    }

    /// Dies of the panic chain, first calling, one at a time, the `Error`
    /// or `String` method of each panic value that has one, as Go's
    /// runtime prints those values by them. `false` while such a call is
    /// under way (the goroutine runs it, and comes back here).
    fn die_printing(&mut self) -> bool {
        // Newest first, as Go's runtime calls them.
        let next = self
            .panics
            .iter()
            .rev()
            .filter(|p| p.text.is_none())
            .find_map(|p| self.text_method(&p.value).map(|m| (p.id, m)));
        let Some((id, (callee, recv, _))) = next else {
            self.die();
            return true;
        };
        self.stack.clear();
        let argc = u16::from(recv.is_some());
        if let Some(r) = recv {
            self.push(r);
        }
        self.push(callee);
        self.dying = Some(id);
        if self.call_value(argc, false, 1).is_err() {
            // The call could not start (a nil receiver): print the value.
            self.dying = None;
            let value = self.panic_mut(id).map(|p| p.value.clone()).unwrap_or_default();
            let shown: Rc<str> = Rc::from(self.panic_value_text(&value).as_str());
            if let Some(p) = self.panic_mut(id) {
                p.text = Some(shown);
            }
            return self.die_printing();
        }
        false
    }

    /// Ends the program with the panics of the chain, as Go prints them.
    fn die(&mut self) {
        let mut text = String::new();
        for (i, p) in self.panics.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            text.push_str("panic: ");
            match &p.text {
                Some(t) => text.push_str(t),
                None => text.push_str(&self.panic_value_text(&p.value)),
            }
            if p.recovered {
                text.push_str(" [recovered]");
            }
            text.push('\n');
        }
        if text.contains("nil pointer dereference") {
            text.push_str("[signal SIGSEGV: segmentation violation]\n");
        }
        self.sh
            .set_fatal(format!("{text}\ngoroutine {} [running]:", self.id), 2);
    }

    /// How Go's runtime prints a panic's value.
    /// A value of a predeclared type prints as itself (`200` for a
    /// `uint8`); one of a named type over a basic one with its type,
    /// `main.Name("bob")` or `main.E(3)`.
    fn panic_value_text(&self, v: &Value) -> String {
        let predeclared = |t: Ty| t <= UNTYPED_NIL;
        match v {
            Value::Error(e) => e.msg.to_string(),
            Value::Pre(s) => s.to_string(),
            Value::Str(s, t) if predeclared(*t) => s.to_string(),
            Value::Str(s, _) => format!("{}(\"{s}\")", self.type_name(v)),
            // The runtime's own float printing: `+1.500000e+000` (`+Inf`).
            Value::Float(f, _) if !f.is_finite() => super::format::plain(v),
            Value::Float(f, t) if predeclared(*t) => {
                let e = super::float::sci(f.abs(), 6);
                let (m, x) = e.split_once('e').unwrap_or((&e, "+00"));
                let (sign, digits) = x.split_at(1.min(x.len()));
                let sign_m = if f.is_sign_negative() { '-' } else { '+' };
                format!("{sign_m}{m}e{sign}{digits:0>3}")
            }
            Value::Int(_, t) | Value::Bool(_, t) if predeclared(*t) => super::format::plain(v),
            other => format!("{}({})", self.type_name(other), super::format::plain(other)),
        }
    }

    /// The hot instructions of loops and arithmetic on `int`s, without the
    /// general path's bookkeeping: runs them while they come, each costing
    /// one of `left` (which must be above 0), as [`step`] would. `false`:
    /// the next instruction is not one of them, and nothing ran.
    ///
    /// The frame's code, pc and base stay in locals for the whole run: a
    /// loop's body is a handful of these, and looking them up again for
    /// each instruction was most of an iteration's cost.
    ///
    /// [`step`]: Goroutine::step
    #[inline]
    fn fast_run(&mut self, prog: &Program, left: &mut u32) -> bool {
        let Some(f) = self.frames.last_mut() else {
            return false;
        };
        let code = &prog.funcs[f.func as usize].code;
        let base = f.base as usize;
        let stack = &mut self.stack;
        let before = *left;
        let mut pc = f.pc as usize;
        while *left > 0 {
            let Some(ins) = code.get(pc) else { break };
            match ins {
                Ins::Load(s) | Ins::LoadRef(s) => {
                    let v = match &stack[base + *s as usize] {
                        Value::Int(i, t) => Value::Int(*i, *t),
                        // A copy (or a cell's load): the slow path's.
                        Value::Cell(_) | Value::Struct(_) | Value::Array(..) | Value::Obj(_) => break,
                        v => v.clone(),
                    };
                    stack.push(v);
                }
                Ins::Store(s) | Ins::Declare(s) => {
                    let slot = &stack[base + *s as usize];
                    if matches!(ins, Ins::Store(_)) && matches!(slot, Value::Cell(_)) {
                        break;
                    }
                    let v = stack.pop().unwrap_or_default();
                    stack[base + *s as usize] = v;
                }
                Ins::Int(v, t) => stack.push(Value::Int(*v, *t)),
                Ins::Bool(b) => stack.push(Value::bool(*b)),
                Ins::Pop => {
                    stack.pop();
                }
                Ins::Jump(t) => {
                    pc = *t as usize;
                    *left -= 1;
                    continue;
                }
                Ins::JumpFalse(t) | Ins::JumpTrue(t) => {
                    let want = matches!(ins, Ins::JumpTrue(_));
                    let Some(Value::Bool(b, _)) = stack.last() else {
                        break;
                    };
                    let b = *b;
                    stack.pop();
                    if b == want {
                        pc = *t as usize;
                        *left -= 1;
                        continue;
                    }
                }
                Ins::IncLocal(s, d) => match &mut stack[base + *s as usize] {
                    Value::Int(v, t) if *t == INT => *v = v.wrapping_add(*d),
                    _ => break,
                },
                Ins::Rebox(s) => {
                    if matches!(stack[base + *s as usize], Value::Cell(_)) {
                        break;
                    }
                }
                Ins::Bin(op) | Ins::BinConst(op, _) => {
                    let n = stack.len();
                    let (x, y, operands) = match (ins, stack.as_slice()) {
                        (Ins::BinConst(_, k), [.., Value::Int(x, INT)]) => (*x, *k, 1),
                        (Ins::Bin(_), [.., Value::Int(x, INT), Value::Int(y, INT)]) => (*x, *y, 2),
                        _ => break,
                    };
                    let r = match op {
                        Op::Add => Value::Int(x.wrapping_add(y), INT),
                        Op::Sub => Value::Int(x.wrapping_sub(y), INT),
                        Op::Mul => Value::Int(x.wrapping_mul(y), INT),
                        Op::Div if y != 0 => Value::Int(x.wrapping_div(y), INT),
                        Op::Rem if y != 0 => Value::Int(x.wrapping_rem(y), INT),
                        Op::Lt => Value::bool(x < y),
                        Op::Le => Value::bool(x <= y),
                        Op::Gt => Value::bool(x > y),
                        Op::Ge => Value::bool(x >= y),
                        Op::Eq => Value::bool(x == y),
                        Op::Ne => Value::bool(x != y),
                        _ => break,
                    };
                    stack.truncate(n - operands);
                    stack.push(r);
                }
                _ => break,
            }
            pc += 1;
            *left -= 1;
        }
        f.pc = pc as u32;
        *left != before
    }

    fn step(&mut self) -> Res<()> {
        let sh = self.sh.clone();
        let f = self.frames.last_mut().expect("a frame");
        let fc = &sh.prog.funcs[f.func as usize];
        let pc = f.pc as usize;
        let Some(ins) = fc.code.get(pc) else {
            f.returning = true;
            return Ok(());
        };
        f.pc += 1;
        match ins {
            Ins::Nil => self.push(Value::Nil),
            Ins::Int(v, ty) => self.push(Value::Int(*v, *ty)),
            Ins::Float(v) => self.push(Value::Float(*v, FLOAT64)),
            Ins::Str(s) => self.push(Value::Str(s.clone(), STRING)),
            Ins::Bool(b) => self.push(Value::bool(*b)),
            Ins::Const(v) => self.push((**v).clone()),
            Ins::Load(s) => {
                let v = match self.slot(*s) {
                    Value::Cell(c) => c.borrow().copied(),
                    v => v.copied(),
                };
                self.push(v);
            }
            Ins::LoadRef(s) => {
                let v = match self.slot(*s) {
                    Value::Cell(c) => c.borrow().clone(),
                    v => v.clone(),
                };
                self.push(v);
            }
            Ins::Store(s) => {
                let v = self.pop();
                match self.slot(*s) {
                    Value::Cell(c) => *c.borrow_mut() = v,
                    slot => *slot = v,
                }
            }
            Ins::Declare(s) => {
                let v = self.pop();
                *self.slot(*s) = v;
            }
            Ins::AddrLocal(s) => {
                let slot = self.slot(*s);
                let cell = boxed(slot);
                self.push(Value::Ptr(Pointer::Cell(cell)));
            }
            Ins::Rebox(s) => {
                let slot = self.slot(*s);
                if let Value::Cell(c) = slot {
                    let v = c.borrow().clone();
                    *slot = Value::Cell(Rc::new(RefCell::new(v)));
                }
            }
            Ins::LoadUp(i) | Ins::LoadUpRef(i) => {
                let copy = matches!(ins, Ins::LoadUp(_));
                let v = match &self.frame().caps {
                    Some(c) => match c.caps.get(*i as usize) {
                        Some(cell) if copy => cell.borrow().copied(),
                        Some(cell) => cell.borrow().clone(),
                        None => Value::Nil,
                    },
                    None => Value::Nil,
                };
                self.push(v);
            }
            Ins::StoreUp(i) => {
                let v = self.pop();
                if let Some(c) = &self.frame().caps {
                    if let Some(cell) = c.caps.get(*i as usize) {
                        *cell.borrow_mut() = v;
                    }
                }
            }
            Ins::AddrUp(i) => {
                let cell = self
                    .frame()
                    .caps
                    .as_ref()
                    .and_then(|c| c.caps.get(*i as usize).cloned());
                match cell {
                    Some(cell) => self.push(Value::Ptr(Pointer::Cell(cell))),
                    None => self.push(Value::Nil),
                }
            }
            Ins::LoadGlobal(g) | Ins::LoadGlobalRef(g) => {
                let copy = matches!(ins, Ins::LoadGlobal(_));
                let v = match sh.globals.borrow().get(*g as usize) {
                    Some(Value::Cell(c)) if copy => c.borrow().copied(),
                    Some(Value::Cell(c)) => c.borrow().clone(),
                    Some(v) if copy => v.copied(),
                    Some(v) => v.clone(),
                    None => Value::Nil,
                };
                self.push(v);
            }
            Ins::StoreGlobal(g) => {
                let v = self.pop();
                let mut globals = sh.globals.borrow_mut();
                if let Some(slot) = globals.get_mut(*g as usize) {
                    match slot {
                        Value::Cell(c) => *c.borrow_mut() = v,
                        slot => *slot = v,
                    }
                }
            }
            Ins::AddrGlobal(g) => {
                let mut globals = sh.globals.borrow_mut();
                let cell = globals.get_mut(*g as usize).map(boxed);
                drop(globals);
                self.push(cell.map_or(Value::Nil, |c| Value::Ptr(Pointer::Cell(c))));
            }
            Ins::Pop => {
                self.pop();
            }
            Ins::Dup => {
                let v = self.stack.last().cloned().unwrap_or_default();
                self.push(v);
            }
            Ins::Zero(ty) => {
                let v = self.zero(*ty);
                self.push(v);
            }
            Ins::Convert(ty) => {
                let v = self.pop();
                // A string to a slice is a value per byte (to another
                // string type, it is the same text).
                if let (Value::Str(s, _), TKind::Slice(_)) = (&v, sh.prog.types.kind(*ty)) {
                    sh.reserve(s.len().saturating_mul(VALUE_BYTES))?;
                }
                let r = ops::convert(&sh.prog.types, v, *ty)?;
                self.push(r);
            }
            Ins::BinConst(op, k) => {
                let a = self.pop();
                let r = ops::binary(&sh.prog.types, *op, a, Value::int(*k))?;
                self.push(r);
            }
            Ins::Bin(op) => {
                let b = self.pop();
                let a = self.pop();
                // `s += s` doubles: asked before it aborts the page. Only a
                // concatenation allocates; a comparison asks nothing.
                if let (Op::Add, Value::Str(x, _), Value::Str(y, _)) = (op, &a, &b) {
                    sh.reserve(x.len() + y.len())?;
                }
                let r = ops::binary(&sh.prog.types, *op, a, b)?;
                self.push(r);
            }
            Ins::Unary(op) => {
                let a = self.pop();
                let r = ops::unary(&sh.prog.types, *op, a)?;
                self.push(r);
            }
            Ins::Jump(t) => self.frame_mut().pc = *t,
            Ins::JumpFalse(t) => {
                if !self.pop().truthy() {
                    self.frame_mut().pc = *t;
                }
            }
            Ins::JumpTrue(t) => {
                if self.pop().truthy() {
                    self.frame_mut().pc = *t;
                }
            }
            Ins::AndJump(t) => {
                if !self.stack.last().is_some_and(Value::truthy) {
                    self.frame_mut().pc = *t;
                } else {
                    self.pop();
                }
            }
            Ins::OrJump(t) => {
                if self.stack.last().is_some_and(Value::truthy) {
                    self.frame_mut().pc = *t;
                } else {
                    self.pop();
                }
            }
            Ins::Call(argc, spread, want) => {
                // The callee is on top, a `DYN_ARGS` count just below it.
                let callee = self.pop();
                let argc = self.argc(*argc);
                self.push(callee);
                self.call_value(argc, *spread, *want)?
            }
            Ins::CallMethod(name, argc, spread, want) => {
                let argc = self.argc(*argc);
                self.call_method(name, argc, *spread, *want, false)?
            }
            Ins::CallNative(id, argc, spread, want) => {
                let argc = self.argc(*argc);
                let mut args = self.popn(argc as usize);
                if *spread {
                    if let Some(Value::Slice(s)) = args.pop() {
                        args.extend(s.items());
                    }
                }
                host::at(&sh.rt, fc.spans[pc]);
                let res = stdlib::call(self, *id, args)?;
                self.native_result(res, *want)?;
            }
            Ins::Defer(argc, _) => {
                let callee = self.pop();
                let argc = self.argc(*argc);
                let args = self.popn(argc as usize);
                self.frame_mut().defers.push(Deferred {
                    callee,
                    args,
                    method: None,
                });
            }
            Ins::DeferMethod(name, argc, _) => {
                let argc = self.argc(*argc);
                let mut args = self.popn(argc as usize);
                let recv = self.pop();
                // Go evaluates the method value when it defers the call: a
                // value receiver is copied now, so later changes to it do
                // not show (`defer t.show(); t.n = 2` shows the old n).
                let deferred = match self.find_method(&recv, name, 0) {
                    Some((callee, r)) => {
                        if let Some(r) = r {
                            args.insert(0, r);
                        }
                        Deferred {
                            callee,
                            args,
                            method: None,
                        }
                    }
                    None => Deferred {
                        callee: recv,
                        args,
                        method: Some(name.clone()),
                    },
                };
                self.frame_mut().defers.push(deferred);
            }
            Ins::Go(argc, spread) => {
                let callee = self.pop();
                let argc = self.argc(*argc);
                let mut args = self.popn(argc as usize);
                if *spread {
                    if let Some(Value::Slice(s)) = args.pop() {
                        args.extend(s.items());
                    }
                }
                host::at(&sh.rt, fc.spans[pc]);
                self.spawn(callee, args)?;
            }
            Ins::GoMethod(name, argc, _) => {
                let argc = self.argc(*argc);
                let mut args = self.popn(argc as usize);
                let recv = self.pop();
                host::at(&sh.rt, fc.spans[pc]);
                match self.find_method(&recv, name, 0) {
                    Some((callee, r)) => {
                        if let Some(r) = r {
                            args.insert(0, r);
                        }
                        self.spawn(callee, args)?;
                    }
                    None => return Err(nil_deref()),
                }
            }
            Ins::Closure(id, caps) => {
                let mut cells = Vec::with_capacity(caps.len());
                for cap in caps.iter() {
                    match cap {
                        Cap::Local(s) => {
                            let slot = self.slot(*s);
                            cells.push(boxed(slot));
                        }
                        Cap::Up(i) => {
                            let cell = self
                                .frame()
                                .caps
                                .as_ref()
                                .and_then(|c| c.caps.get(*i as usize).cloned());
                            cells.push(cell.unwrap_or_default());
                        }
                    }
                }
                self.push(Value::Func(Rc::new(Closure {
                    func: *id,
                    caps: cells.into_boxed_slice(),
                    recv: None,
                    ty: sh.prog.funcs.get(*id as usize).map_or(FUNC, |c| c.ty),
                })));
            }
            Ins::Return => {
                host::at(&sh.rt, fc.spans[pc]);
                self.frame_mut().returning = true;
            }
            Ins::FmtPrep(argc, printf) => self.fmt_prep(*argc, *printf)?,
            Ins::Field(name) | Ins::FieldRef(name) => {
                let copy = matches!(ins, Ins::Field(_));
                let obj = self.pop();
                let v = self.field(obj, name)?;
                self.push(if copy { v.copied() } else { v });
            }
            Ins::SetField(name) => {
                let v = self.pop();
                let obj = self.pop();
                let (rc, i) = self.field_place(&obj, name)?;
                rc.fields.borrow_mut()[i] = v;
                if matches!(&**name, "expires" | "stopped") {
                    self.cache_field(&rc, name);
                }
            }
            Ins::AddrField(name) => {
                let obj = self.pop();
                let (rc, i) = self.field_place(&obj, name)?;
                self.push(Value::Ptr(Pointer::Field(rc, i as u32)));
            }
            Ins::Index | Ins::IndexRef => {
                let copy = matches!(ins, Ins::Index);
                let i = self.pop();
                let x = self.pop();
                let v = ops::index(&sh, &x, &i)?;
                self.push(if copy { v.copied() } else { v });
            }
            Ins::SetIndex => {
                let v = self.pop();
                let i = self.pop();
                let x = self.pop();
                ops::set_index(&x, &i, v)?;
            }
            Ins::AddrIndex => {
                let i = self.pop();
                let x = self.pop();
                let p = ops::addr_index(&x, &i)?;
                self.push(p);
            }
            Ins::IndexOk => {
                let i = self.pop();
                let x = self.pop();
                let (v, ok) = ops::index_ok(&sh, &x, &i)?;
                self.push(v.copied());
                self.push(Value::bool(ok));
            }
            Ins::Deref | Ins::DerefRef => {
                let p = self.pop();
                match p {
                    Value::Ptr(p) if matches!(ins, Ins::Deref) => self.push(p.load().copied()),
                    Value::Ptr(p) => self.push(p.load()),
                    _ => return Err(nil_deref()),
                }
            }
            Ins::SetDeref => {
                let v = self.pop();
                match self.pop() {
                    Value::Ptr(p) => p.store(v),
                    _ => return Err(nil_deref()),
                }
            }
            Ins::Box => {
                let v = self.pop();
                let p = match v {
                    Value::Struct(rc) => Pointer::Struct(rc),
                    v => Pointer::Cell(Rc::new(RefCell::new(v))),
                };
                self.push(Value::Ptr(p));
            }
            Ins::SliceOp(lo, hi, max) => {
                let max = if *max { Some(self.pop()) } else { None };
                let hi = if *hi { Some(self.pop()) } else { None };
                let lo = if *lo { Some(self.pop()) } else { None };
                let x = self.pop();
                let r = ops::slice(&sh.prog.types, x, lo, hi, max)?;
                self.push(r);
            }
            Ins::StructLit(ty, names) => {
                let vals = self.popn(names.len());
                let Value::Struct(rc) = self.zero(*ty) else {
                    return Err(panic_str("not a struct type"));
                };
                if let TKind::Struct(fields) = sh.prog.types.kind(*ty) {
                    let mut fs = rc.fields.borrow_mut();
                    for (name, v) in names.iter().zip(vals) {
                        if let Some(i) = fields.iter().position(|f| &f.name == name) {
                            fs[i] = v;
                        }
                    }
                }
                self.push(Value::Struct(rc));
            }
            Ins::SliceLit(ty, n) => {
                let vals = self.popn(*n as usize);
                let v = match sh.prog.types.kind(*ty) {
                    TKind::Array(len, elem) => {
                        let mut vals = vals;
                        // Each element left out is a zero value of its own
                        // (a struct or array is not shared).
                        let z = self.zero(*elem);
                        vals.resize_with(*len, || z.copied());
                        Value::Array(Rc::new(RefCell::new(vals)), *ty)
                    }
                    _ => Value::slice(SliceV::new(vals, *ty)),
                };
                self.push(v);
            }
            Ins::KeyedSliceLit(ty, n, len) => {
                let vals = self.popn(*n as usize * 2);
                let elem = match sh.prog.types.kind(*ty) {
                    TKind::Array(_, e) | TKind::Slice(e) => *e,
                    _ => ANY,
                };
                let z = self.zero(elem);
                let mut items: Vec<Value> = (0..*len).map(|_| z.copied()).collect();
                for pair in vals.chunks(2) {
                    if let [Value::Int(i, _), v] = pair {
                        if let Some(slot) = usize::try_from(*i).ok().and_then(|i| items.get_mut(i)) {
                            *slot = v.clone();
                        }
                    }
                }
                let v = match sh.prog.types.kind(*ty) {
                    TKind::Array(..) => Value::Array(Rc::new(RefCell::new(items)), *ty),
                    _ => Value::slice(SliceV::new(items, *ty)),
                };
                self.push(v);
            }
            Ins::MapLit(ty, n) => {
                let vals = self.popn(*n as usize * 2);
                let mut m = MapObj::new();
                for pair in vals.chunks(2) {
                    if let [k, v] = pair {
                        m.insert(ops::key(k)?, (k.clone(), v.clone()));
                    }
                }
                self.push(Value::Map(MapV {
                    obj: Some(Rc::new(RefCell::new(m))),
                    ty: *ty,
                }));
            }
            Ins::MakeSlice(ty, has_cap) => {
                let cap = if *has_cap { Some(self.pop()) } else { None };
                let len = ops::as_int(&self.pop());
                let cap = cap.map_or(len, |c| ops::as_int(&c));
                // Go's panics are for lengths no memory could hold; one
                // past the memory limit is its out-of-memory error, and so
                // is one past what a slice here can count.
                if !(0..=1 << 48).contains(&len) {
                    return Err(runtime_error("makeslice: len out of range"));
                }
                if cap < len || cap > 1 << 48 {
                    return Err(runtime_error("makeslice: cap out of range"));
                }
                // Past what a slice here can count (u32), or a usize on
                // wasm32 can hold, is out of memory as much as past the limit.
                if cap > 1 << 26 {
                    return Err(Trap::Fatal(sh.out_of_memory()));
                }
                sh.reserve((cap as usize).saturating_mul(VALUE_BYTES))?;
                let elem = match sh.prog.types.kind(*ty) {
                    TKind::Slice(e) => *e,
                    _ => ANY,
                };
                let z = self.zero(elem);
                let mut items = Vec::with_capacity(cap as usize);
                for _ in 0..cap {
                    items.push(z.copied());
                }
                self.push(Value::slice(SliceV {
                    arr: Rc::new(RefCell::new(items)),
                    off: 0,
                    len: len as u32,
                    cap: cap as u32,
                    ty: *ty,
                    nil: false,
                }));
            }
            Ins::MakeMap(ty) => self.push(Value::Map(MapV {
                obj: Some(Rc::new(RefCell::new(MapObj::new()))),
                ty: *ty,
            })),
            Ins::MakeChan(ty, has_cap, name) => {
                let cap = if *has_cap { ops::as_int(&self.pop()) } else { 0 };
                if !(0..=1 << 24).contains(&cap) {
                    return Err(panic_str("makechan: size out of range"));
                }
                let elem = match sh.prog.types.kind(*ty) {
                    TKind::Chan(e) => *e,
                    _ => ANY,
                };
                host::at(&sh.rt, fc.spans[pc]);
                let c = host::make_chan(&sh.rt, name, cap as usize);
                self.push(Value::Chan(ChanV::Chan(c, elem)));
            }
            Ins::Len | Ins::Cap => {
                let v = self.pop();
                let n = ops::len_cap(&v, matches!(ins, Ins::Cap));
                self.push(Value::int(n as i64));
            }
            Ins::Append(n, spread) => {
                let mut items = self.popn(*n as usize);
                let s = self.pop();
                if *spread {
                    items = match items.pop() {
                        Some(Value::Slice(x)) => x.items(),
                        Some(Value::Str(st, _)) => st.bytes().map(|b| Value::Int(b as i64, UINT8)).collect(),
                        _ => Vec::new(),
                    };
                }
                // Growing allocates up to twice the capacity.
                if let Value::Slice(x) = &s {
                    let need = x.len as usize + items.len();
                    if need > x.cap as usize {
                        sh.reserve(need.max(2 * x.cap as usize).saturating_mul(VALUE_BYTES))?;
                    }
                }
                let r = ops::append(&sh, s, items)?;
                self.push(r);
            }
            Ins::Copy => {
                let src = self.pop();
                let dst = self.pop();
                let n = ops::copy(&dst, &src);
                self.push(Value::int(n as i64));
            }
            Ins::Delete => {
                let k = self.pop();
                let m = self.pop();
                if let Value::Map(MapV { obj: Some(m), .. }) = m {
                    m.borrow_mut().remove(&ops::key(&k)?);
                }
            }
            Ins::Close => {
                let c = self.pop();
                host::at(&sh.rt, fc.spans[pc]);
                close(c)?;
            }
            Ins::Panic => {
                let v = self.pop();
                host::at(&sh.rt, fc.spans[pc]);
                let v = if v.is_nil() && matches!(v, Value::Nil) {
                    Value::Error(Rc::new(ErrorObj {
                        msg: Rc::from("panic called with nil argument (use runtime.PanicNilError)"),
                        wrapped: None,
                        ty: "*runtime.PanicNilError",
                    }))
                } else {
                    v
                };
                return Err(Trap::Panic(v));
            }
            Ins::Recover => {
                // Go's rule: `recover` stops a panic only when a deferred
                // call that the panic itself runs calls it directly. A
                // helper that a deferred call calls gets nil, as does a
                // deferred call run by an ordinary `return`.
                let n = self.frames.len();
                let running = match n {
                    2.. if self.frame().deferred => self.frames[n - 2].panicked,
                    _ => None,
                };
                let v = match running.and_then(|id| self.panic_mut(id)) {
                    Some(p) if !p.recovered => {
                        p.recovered = true;
                        p.value.clone()
                    }
                    _ => Value::Nil,
                };
                self.push(v);
            }
            Ins::Print(n, ln) => {
                // Its line is an output event: at the `println`'s position.
                host::at(&sh.rt, fc.spans[pc]);
                let vals = self.popn(*n as usize);
                sh.write_err(&super::format::runtime_print(&vals, *ln));
            }
            Ins::Min(n) | Ins::Max(n) => {
                let vals = self.popn(*n as usize);
                let is_min = matches!(ins, Ins::Min(_));
                let mut best = vals.first().cloned().unwrap_or_default();
                for v in vals.into_iter().skip(1) {
                    let better = ops::binary(
                        &sh.prog.types,
                        if is_min { Op::Lt } else { Op::Gt },
                        v.clone(),
                        best.clone(),
                    )?;
                    if better.truthy() {
                        best = v;
                    }
                }
                self.push(best);
            }
            Ins::Send => {
                let v = self.pop();
                let c = self.pop();
                host::at(&sh.rt, fc.spans[pc]);
                match c {
                    Value::Chan(ChanV::Chan(c, _)) => {
                        self.pending = Some((Pending::send(&c, v), After::Nothing))
                    }
                    Value::Chan(ChanV::Done(_)) => return Err(panic_str("send on a receive-only channel")),
                    _ => self.pending = Some((self.forever("chan send (nil chan)"), After::Nothing)),
                }
            }
            Ins::Recv(ok) => {
                let c = self.pop();
                host::at(&sh.rt, fc.spans[pc]);
                self.pending = Some(match c {
                    Value::Chan(ChanV::Chan(c, ty)) => (Pending::recv(&c), After::Recv(*ok, ty)),
                    Value::Chan(ChanV::Done(ctx)) => (Pending::done(&ctx), After::Recv(*ok, EMPTY_STRUCT)),
                    _ => (self.forever("chan receive (nil chan)"), After::Nothing),
                });
            }
            Ins::Select(arms, has_default) => {
                host::at(&sh.rt, fc.spans[pc]);
                self.select(arms, *has_default)?;
            }
            Ins::TypeAssert(ty, ok, from) => {
                let v = self.pop();
                let matches = self.has_type(&v, *ty);
                if *ok {
                    let out = if matches { v } else { self.zero(*ty) };
                    self.push(out);
                    self.push(Value::bool(matches));
                } else if matches {
                    self.push(v);
                } else {
                    let have = if v.is_nil() && matches!(v, Value::Nil) {
                        "nil".to_string()
                    } else {
                        self.type_name(&v)
                    };
                    let want = sh.prog.types.name(*ty).to_string();
                    let msg = if matches!(sh.prog.types.kind(*ty), TKind::Interface(_)) && have != "nil" {
                        let missing = match sh.prog.types.kind(*ty) {
                            TKind::Interface(ms) => ms
                                .iter()
                                .find(|m| !self.in_method_set(&v, m))
                                .map(|m| m.to_string())
                                .unwrap_or_default(),
                            _ => String::new(),
                        };
                        format!("interface conversion: {have} is not {want}: missing method {missing}")
                    } else {
                        let from = sh.prog.types.name(*from);
                        format!("interface conversion: {from} is {have}, not {want}")
                    };
                    return Err(Trap::Panic(Value::Error(Rc::new(ErrorObj {
                        msg: Rc::from(msg),
                        wrapped: None,
                        ty: "*runtime.TypeAssertionError",
                    }))));
                }
            }
            Ins::TypeIs(ty) => {
                let v = self.pop();
                let m = self.has_type(&v, *ty);
                self.push(Value::bool(m));
            }
            Ins::IfaceEq(ne) => {
                let b = self.pop();
                let a = self.pop();
                let eq = ops::iface_equal(&a, &b)?;
                self.push(Value::bool(eq != *ne));
            }
            Ins::IsNil => {
                let v = self.pop();
                self.push(Value::bool(matches!(v, Value::Nil)));
            }
            Ins::IterNew(values) => {
                let x = self.pop();
                // Ranging over a nil channel blocks for good (IterNext
                // parks on it), where a nil slice or map has no items.
                let it = match x {
                    Value::TypedNil(t) if matches!(sh.prog.types.kind(t), TKind::Chan(_)) => x,
                    x => {
                        // The copy of an array is work the step cap counts.
                        if let (true, Value::Array(a, _)) = (*values, &x) {
                            self.count(u32::try_from(a.borrow().len()).unwrap_or(u32::MAX));
                        }
                        ops::iter_new(x, *values, |n| host::rand_below(&sh.rt, n as u64) as usize)?
                    }
                };
                self.push(it);
            }
            Ins::IterNext(slot, end, want_val) => {
                let it = self.slot(*slot).clone();
                match it {
                    Value::Iter(it) => match ops::iter_next(&sh, &it)? {
                        Some((k, v)) => {
                            self.push(k);
                            if *want_val {
                                self.push(v);
                            }
                        }
                        None => self.frame_mut().pc = *end,
                    },
                    Value::Chan(ChanV::Chan(c, ty)) => {
                        host::at(&sh.rt, fc.spans[pc]);
                        self.pending = Some((Pending::recv(&c), After::RangeRecv(*end, ty)));
                    }
                    Value::Chan(ChanV::Done(ctx)) => {
                        self.pending = Some((Pending::done(&ctx), After::RangeRecv(*end, EMPTY_STRUCT)));
                    }
                    _ => self.pending = Some((self.forever("chan receive (nil chan)"), After::Nothing)),
                }
            }
            Ins::Fail(msg) => return Err(panic_str(msg.to_string())),
            Ins::IncLocal(s, d) => {
                let d = *d;
                let slot = self.slot(*s);
                let target: &mut Value = slot;
                match target {
                    Value::Int(v, ty) if *ty == INT => *v = v.wrapping_add(d),
                    Value::Cell(c) => {
                        let old = c.borrow().clone();
                        let new = ops::binary(&sh.prog.types, Op::Add, old, Value::int(d))?;
                        *c.borrow_mut() = new;
                    }
                    other => {
                        let old = other.clone();
                        *other = ops::binary(&sh.prog.types, Op::Add, old, Value::int(d))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn field(&self, obj: Value, name: &Name) -> Res<Value> {
        match &obj {
            Value::Struct(_) | Value::Ptr(_) => {
                if let Ok((rc, i)) = self.field_place(&obj, name) {
                    let v = rc.fields.borrow()[i].clone();
                    return Ok(v);
                }
            }
            Value::Obj(o) => {
                if let NativeObj::Ticker(c, _) | NativeObj::Timer(c, _) = &**o {
                    if &**name == "C" {
                        return Ok(c.clone());
                    }
                }
            }
            Value::Nil | Value::TypedNil(_) => return Err(nil_deref()),
            _ => {}
        }
        // A method value: `f := c.Inc`.
        match self.find_method(&obj, name, 0) {
            Some((Value::Func(c), recv)) => Ok(Value::Func(Rc::new(Closure {
                func: c.func,
                caps: c.caps.clone(),
                recv,
                ty: c.ty,
            }))),
            Some((Value::Native(n), recv)) => Ok(Value::Native(NativeFn {
                id: n.id,
                recv: recv.map(Box::new),
            })),
            Some((v, _)) => Ok(v),
            None => Err(panic_str(format!(
                "{} has no field or method {name}",
                self.type_name(&obj)
            ))),
        }
    }

    /// The struct that holds field `name` of `obj` (following pointers and
    /// embedded structs), and its index.
    fn field_place(&self, obj: &Value, name: &str) -> Res<(Rc<StructObj>, usize)> {
        let rc = match obj {
            Value::Struct(rc) => rc.clone(),
            Value::Ptr(p) => match p.load() {
                Value::Struct(rc) => rc,
                _ => return Err(panic_str(format!("no field {name}"))),
            },
            Value::Nil | Value::TypedNil(_) => return Err(nil_deref()),
            _ => return Err(panic_str(format!("no field {name}"))),
        };
        let types = &self.sh.prog.types;
        let mut cur = rc;
        for _ in 0..8 {
            let TKind::Struct(fields) = types.kind(cur.ty) else {
                break;
            };
            if let Some(i) = fields.iter().position(|f| &*f.name == name) {
                return Ok((cur, i));
            }
            // One level of embedding at a time, breadth-first enough for us.
            let next = fields.iter().enumerate().find_map(|(i, f)| {
                if !f.embedded {
                    return None;
                }
                let v = cur.fields.borrow()[i].clone();
                let inner = match v {
                    Value::Struct(rc) => rc,
                    Value::Ptr(p) => match p.load() {
                        Value::Struct(rc) => rc,
                        _ => return None,
                    },
                    _ => return None,
                };
                match types.kind(inner.ty) {
                    TKind::Struct(fs)
                        if fs.iter().any(|f| &*f.name == name) || fs.iter().any(|f| f.embedded) =>
                    {
                        Some(inner)
                    }
                    _ => None,
                }
            });
            match next {
                Some(n) => cur = n,
                None => break,
            }
        }
        Err(panic_str(format!("no field {name}")))
    }

    /// A call's argument count: `DYN_ARGS` takes it off the stack.
    fn argc(&mut self, argc: u16) -> u16 {
        if argc == DYN_ARGS {
            ops::as_int(&self.pop()).clamp(0, u16::MAX as i64 - 1) as u16
        } else {
            argc
        }
    }

    fn fmt_prep(&mut self, argc: u16, printf: bool) -> Res<()> {
        // The method called for the argument in `slot` (or for the next
        // element of it, if it is a slice) returned its text on top of the
        // stack.
        let done = self
            .frame_mut()
            .fmt_slot
            .take()
            .map(|slot| (slot as usize, self.pop()));
        // With `DYN_ARGS` the count stays on top for the call to take.
        let mut end = self.stack.len();
        let argc = if argc == DYN_ARGS {
            end = end.saturating_sub(1);
            self.stack.last().map_or(0, ops::as_int).clamp(0, end as i64) as usize
        } else {
            argc as usize
        };
        let start = end.saturating_sub(argc);
        // Printf calls String only for the verbs that print text.
        let verbs: Option<Vec<(char, bool, bool)>> = match (printf, self.stack.get(start)) {
            (true, Some(Value::Str(f, _))) => Some(super::format::verb_flags(f, argc.saturating_sub(1))),
            _ => None,
        };
        let flags = |i: usize| {
            verbs
                .as_ref()
                .and_then(|v| v.get(i.checked_sub(start + 1)?).copied())
        };
        let verb = |i: usize| flags(i).map(|(v, _, _)| v);
        let done = done.map(|(slot, returned)| {
            let text = match returned {
                Value::Str(s, _) => s,
                // Go's fmt catches a panic in the method it called.
                Value::Error(e) if e.ty == super::value::FMT_PANIC => {
                    let called = match self.frame().fmt_parts.as_ref() {
                        Some(parts) => parts.pending.get(parts.texts.len()),
                        None => self.stack.get(slot),
                    };
                    // Go prints a nil pointer whose method panicked as nil.
                    if let Some(Value::TypedNil(_)) = called {
                        return (slot, Rc::from("<nil>"));
                    }
                    let method = match called.and_then(|v| self.text_method(v)) {
                        Some((_, _, name)) => name,
                        None => "String",
                    };
                    let verb = verb(slot).unwrap_or('v');
                    Rc::from(format!("%!{verb}(PANIC={method} method: {})", e.msg))
                }
                other => Rc::from(super::format::plain(&other)),
            };
            (slot, text)
        });
        if let Some((slot, text)) = done {
            if let Some(parts) = &mut self.frame_mut().fmt_parts {
                parts.texts.push(text);
            } else if verb(slot) == Some('w') {
                // `fmt.Errorf`'s `%w` prints the text but wraps the value
                // itself, for `errors.Is` and `errors.Unwrap` to find.
                let wrapped = std::mem::take(&mut self.stack[slot]);
                self.stack[slot] = Value::Error(Rc::new(ErrorObj {
                    msg: text,
                    wrapped: Some(wrapped),
                    ty: super::value::FOR_WRAPPING,
                }));
            } else {
                self.stack[slot] = Value::Pre(text);
            }
        }
        for i in start..end {
            if verbs.is_some() && (i == start || !matches!(verb(i), Some('v' | 's' | 'q' | 'w' | 'x' | 'X')))
            {
                continue;
            }
            // `%#v` prints Go syntax, never through String or Error.
            if matches!(flags(i), Some(('v', _, true))) {
                continue;
            }
            let v = self.stack[i].clone();
            if let Some((callee, recv, _)) = self.text_method(&v) {
                return self.call_for_fmt(i, callee, recv);
            }
            if let Some(text) = self.promoted_native_text(&v) {
                self.stack[i] = Value::Pre(text);
                continue;
            }
            if !self.may_hold_text_methods(&v) {
                continue;
            }
            let sh = self.sh.clone();
            let types = &sh.prog.types;
            let parts = match self.frame_mut().fmt_parts.take() {
                Some(parts) if parts.slot == i => parts,
                // A later argument's: this one was walked before it and
                // holds nothing printed by a method.
                Some(parts) => {
                    self.frame_mut().fmt_parts = Some(parts);
                    continue;
                }
                None => {
                    let mut pending = Vec::new();
                    let mut collect = |e: &Value| {
                        self.text_method(e)?;
                        pending.push(e.clone());
                        Some(Rc::from(""))
                    };
                    super::format::with_texts(types, &v, false, Some(&mut collect));
                    if pending.is_empty() {
                        continue;
                    }
                    Box::new(FmtParts {
                        slot: i,
                        pending,
                        texts: Vec::new(),
                    })
                }
            };
            if let Some(next) = parts.pending.get(parts.texts.len()) {
                if let Some((callee, recv, _)) = self.text_method(next) {
                    self.frame_mut().fmt_parts = Some(parts);
                    return self.call_for_fmt(i, callee, recv);
                }
            }
            // Every text is in. `%q` quotes each element's text
            // (`["N1" "N2"]`): the slice becomes one of those texts.
            if let (Some('q'), Value::Slice(sl)) = (verb(i), &v) {
                let mut texts = parts.texts.into_iter();
                let items: Vec<Value> = sl
                    .items()
                    .into_iter()
                    .map(|e| match self.text_method(&e) {
                        Some(_) => Value::Str(texts.next().unwrap_or_else(|| Rc::from("")), STRING),
                        None => e,
                    })
                    .collect();
                self.stack[i] = Value::slice(SliceV::new(items, sl.ty));
                continue;
            }
            // Print the argument with them.
            let mut texts = parts.texts.into_iter();
            let mut give = |e: &Value| {
                self.text_method(e)?;
                Some(texts.next().unwrap_or_else(|| Rc::from("")))
            };
            let plus = flags(i).is_some_and(|(_, plus, _)| plus);
            let text = super::format::with_texts(types, &v, plus, Some(&mut give));
            self.stack[i] = Value::Pre(Rc::from(text));
        }
        Ok(())
    }

    /// The `Error` or `String` method written in Go that `fmt` prints `v`
    /// through, and its receiver.
    fn text_method(&self, v: &Value) -> Option<(Value, Option<Value>, &'static str)> {
        if matches!(v, Value::Pre(_) | Value::Error(_) | Value::Nil | Value::Obj(_)) {
            return None;
        }
        let (callee, recv, name) = ["Error", "String"].iter().find_map(|&m| {
            let (c, r) = self.find_method(v, m, 0)?;
            // Only methods written in Go: the natives print themselves.
            matches!(c, Value::Func(_)).then_some((c, r, m))
        })?;
        // A pointer method is not in a struct value's method set.
        match (v, &recv) {
            (Value::Struct(_), Some(Value::Ptr(Pointer::Struct(_)))) => None,
            _ => Some((callee, recv, name)),
        }
    }

    /// The text of a struct whose `Error` or `String` is promoted from an
    /// embedded value of the library's (`struct{ error; Code int }` holding
    /// `errors.New("base")` prints `base`, as in Go; it printed `{base 5}`).
    /// Only a field whose type declares the method promotes it: an
    /// embedded `any` holding an error promotes nothing.
    fn promoted_native_text(&self, v: &Value) -> Option<Rc<str>> {
        let (Value::Struct(rc) | Value::Ptr(Pointer::Struct(rc))) = v else {
            return None;
        };
        let types = &self.sh.prog.types;
        let TKind::Struct(fields) = types.kind(rc.ty) else {
            return None;
        };
        ["Error", "String"].iter().find_map(|&m| {
            fields.iter().enumerate().find_map(|(i, f)| {
                let declares = f.embedded
                    && match types.kind(f.ty) {
                        TKind::Interface(methods) => methods.iter().any(|n| &**n == m),
                        _ => m == "String" && f.ty == DURATION,
                    };
                // A value of the library's prints itself; one written in
                // Go prints through its method (`text_method`).
                match rc.fields.borrow().get(i) {
                    Some(value @ (Value::Error(_) | Value::Int(_, DURATION))) if declares => {
                        Some(Rc::from(super::format::plain(value)))
                    }
                    _ => None,
                }
            })
        })
    }

    /// Whether `v` (a slice, array, map, struct, or a pointer to a struct)
    /// may hold a value that prints through a method, by its type: a
    /// `[]int` of a million elements need not be walked.
    fn may_hold_text_methods(&self, v: &Value) -> bool {
        let types = &self.sh.prog.types;
        let ty = match v {
            Value::Slice(s) => s.ty,
            Value::Array(_, t) => *t,
            Value::Map(m) => m.ty,
            Value::Struct(rc) => rc.ty,
            Value::Ptr(p) => match p.load() {
                Value::Struct(rc) => rc.ty,
                _ => return false,
            },
            _ => return false,
        };
        holds_text_methods(types, ty, 0)
    }

    /// Calls `callee` for the argument in `slot`, to run this `FmtPrep`
    /// again with its text when it returns.
    fn call_for_fmt(&mut self, slot: usize, callee: Value, recv: Option<Value>) -> Res<()> {
        let chain = self.panics.len() as u32;
        let f = self.frame_mut();
        f.fmt_slot = Some(slot as u32);
        f.fmt_chain = chain;
        f.pc -= 1;
        let mut argc = 0;
        if let Some(r) = recv {
            self.push(r);
            argc = 1;
        }
        self.push(callee);
        self.call_value(argc, false, 1)
    }

    fn select(&mut self, arms: &[SelArm], has_default: bool) -> Res<()> {
        let mut operands = Vec::new();
        for arm in arms.iter().rev() {
            match arm {
                SelArm::Recv => operands.push((self.pop(), None)),
                SelArm::Send => {
                    let v = self.pop();
                    operands.push((self.pop(), Some(v)));
                }
            }
        }
        operands.reverse();
        let mut host_arms = Vec::new();
        let mut zeros = Vec::new();
        for (i, (c, v)) in operands.into_iter().enumerate() {
            let zero_ty = match &c {
                Value::Chan(ChanV::Chan(_, ty)) => *ty,
                _ => EMPTY_STRUCT,
            };
            zeros.push(zero_ty);
            match (c, v) {
                (Value::Chan(ChanV::Chan(c, _)), Some(v)) => host_arms.push(host::Arm::Send(i, c, v)),
                (Value::Chan(ChanV::Chan(c, _)), None) => host_arms.push(host::Arm::Recv(i, c)),
                (Value::Chan(ChanV::Done(ctx)), None) => host_arms.push(host::Arm::Done(i, ctx)),
                (Value::Chan(ChanV::Done(_)), Some(_)) => {
                    return Err(panic_str("send on a receive-only channel"))
                }
                // A nil channel's arm never proceeds.
                _ => {}
            }
        }
        if host_arms.is_empty() && !has_default {
            self.pending = Some((self.forever("select (no cases)"), After::Nothing));
            return Ok(());
        }
        let default = has_default.then_some(arms.len());
        let job = if has_default { None } else { self.job(&host_arms) };
        self.pending = Some((
            Pending::select(&self.sh.rt, host_arms, default),
            After::Select(zeros, job),
        ));
        Ok(())
    }

    /// A `select` that races a timer (`time.After`, a `Timer`) against a
    /// context's `Done` is work against a deadline, as in the article's
    /// deadline program: the page's ledger gets a row for it, working now,
    /// and finished or cancelled by the arm that wins.
    fn job(&self, arms: &[host::Arm]) -> Option<Box<(usize, String, u64)>> {
        let done = arms.iter().find_map(|a| match a {
            host::Arm::Done(i, _) => Some(*i),
            _ => None,
        })?;
        let rt = &self.sh.rt;
        let now = host::now_ms(rt);
        let due = arms.iter().find_map(|a| match a {
            host::Arm::Recv(_, c) => self.sh.dues.get(c, now),
            _ => None,
        })?;
        let work = due - now;
        let worker = host::worker_name(rt, self.id);
        host::job(rt, &worker, work, crate::rt::JobStatus::Working);
        Some(Box::new((done, worker, work)))
    }

    /// Takes a finished blocking op's result.
    fn resume(&mut self, after: After, done: Done) -> Res<()> {
        match (after, done) {
            (_, Done::SendClosed) => Err(panic_str("send on closed channel")),
            (After::Recv(ok, ty), Done::Recv(v)) => {
                let got = v.is_some();
                let v = v.unwrap_or_else(|| self.zero(ty));
                self.push(v);
                if ok {
                    self.push(Value::bool(got));
                }
                Ok(())
            }
            (After::RangeRecv(end, _), Done::Recv(v)) => {
                match v {
                    Some(v) => self.push(v),
                    None => self.frame_mut().pc = end,
                }
                Ok(())
            }
            (After::Select(zeros, job), Done::Select(i, v, closed)) => {
                if closed {
                    return Err(panic_str("send on closed channel"));
                }
                if let Some(job) = job {
                    let (done, worker, work) = *job;
                    let status = if i == done {
                        crate::rt::JobStatus::Cancelled
                    } else {
                        crate::rt::JobStatus::Finished
                    };
                    host::job(&self.sh.rt, &worker, work, status);
                }
                let got = v.is_some();
                let v = v.unwrap_or_else(|| self.zero(zeros.get(i).copied().unwrap_or(EMPTY_STRUCT)));
                self.push(v);
                self.push(Value::bool(got));
                self.push(Value::int(i as i64));
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// Makes `slot` a cell (if it is not one yet) and returns the cell.
fn boxed(slot: &mut Value) -> Rc<RefCell<Value>> {
    if let Value::Cell(c) = slot {
        return c.clone();
    }
    let v = std::mem::take(slot);
    let c = Rc::new(RefCell::new(v));
    *slot = Value::Cell(c.clone());
    c
}

/// The named type a value carries, for method lookup.
fn type_of_target(v: &Value) -> Option<Ty> {
    match v {
        Value::Struct(rc) => Some(rc.ty),
        Value::Int(_, ty)
        | Value::Float(_, ty)
        | Value::Array(_, ty)
        | Value::Str(_, ty)
        | Value::Bool(_, ty) => Some(*ty),
        Value::Slice(s) => Some(s.ty),
        Value::Map(m) => Some(m.ty),
        _ => None,
    }
}

pub fn close(c: Value) -> Res<()> {
    match c {
        Value::Chan(ChanV::Chan(c, _)) => {
            if host::close(&c) {
                Ok(())
            } else {
                Err(panic_str("close of closed channel"))
            }
        }
        Value::Chan(ChanV::Done(_)) => Err(panic_str("close of receive-only channel")),
        _ => Err(panic_str("close of nil channel")),
    }
}

pub fn zero_value(sh: &Shared, ty: Ty) -> Value {
    let types = &sh.prog.types;
    match types.kind(ty) {
        TKind::Bool => Value::Bool(false, ty),
        TKind::Int(..) => Value::Int(0, ty),
        TKind::Float => Value::Float(0.0, ty),
        TKind::Str => Value::Str(Rc::from(""), ty),
        TKind::Slice(_) => Value::slice(SliceV::nil(ty)),
        TKind::Array(n, e) => {
            let z = zero_value(sh, *e);
            Value::Array(Rc::new(RefCell::new((0..*n).map(|_| z.copied()).collect())), ty)
        }
        TKind::Map(..) => Value::Map(MapV { obj: None, ty }),
        TKind::Chan(_) | TKind::Ptr(_) | TKind::Func => Value::TypedNil(ty),
        TKind::Struct(fields) => Value::Struct(Rc::new(StructObj {
            ty,
            fields: RefCell::new(fields.iter().map(|f| zero_value(sh, f.ty)).collect()),
        })),
        TKind::WaitGroup => Value::Obj(Rc::new(NativeObj::WaitGroup(host::wait_group(&sh.rt)))),
        TKind::Mutex => Value::Obj(Rc::new(NativeObj::Mutex(host::mutex(&sh.rt)))),
        TKind::Time => Value::Time(super::stdlib::ZERO_TIME),
        TKind::Interface(_) | TKind::Context | TKind::Ticker | TKind::Pending => Value::Nil,
    }
}

impl Future for Goroutine {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut TaskCx<'_>) -> Poll<()> {
        let g = self.get_mut();
        let _book = super::format::Addresses::enter(&g.sh.addresses);
        if g.is_main {
            *g.sh.main_waker.borrow_mut() = Some(cx.waker().clone());
        }
        let poll = g.poll_body(cx);
        if poll.is_ready() && g.is_main {
            // The program ends with main: a line written without its
            // newline (`fmt.Print("done")`) is its last output, recorded as
            // main's, or the page's views never showed it.
            g.sh.flush_line();
        }
        poll
    }
}

impl Goroutine {
    /// One poll of the goroutine: runs until it blocks, yields or ends.
    fn poll_body(&mut self, cx: &mut TaskCx<'_>) -> Poll<()> {
        let g = self;
        g.spent = 0;
        if std::mem::take(&mut g.unstarted) {
            let argc = g.stack.len().saturating_sub(1) as u16;
            match g.call_value(argc, false, 0) {
                Ok(()) => {}
                // No frame of the goroutine's own unwinds a library
                // call's panic (`go close(ch)` of a closed ch): it dies of
                // it at once, as Go's does. It was swallowed.
                Err(Trap::Panic(v)) => {
                    g.start_panic(v);
                    if g.die_printing() {
                        return Poll::Ready(());
                    }
                }
                Err(t) => {
                    if g.trap(t).is_some() {
                        return Poll::Ready(());
                    }
                }
            }
        }
        loop {
            if g.sh.fatal.borrow().is_some() {
                return Poll::Ready(());
            }
            if let Some((mut p, after)) = g.pending.take() {
                match p.poll(cx) {
                    Poll::Pending => {
                        g.pending = Some((p, after));
                        return Poll::Pending;
                    }
                    Poll::Ready(done) => {
                        // A blocking op costs steps too, so a loop of
                        // sleeps also meets the step cap.
                        g.count(100);
                        if let Err(t) = g.resume(after, done) {
                            if g.trap(t).is_some() {
                                return Poll::Ready(());
                            }
                        }
                    }
                }
            }
            let left = g.sh.limits.budget.saturating_sub(g.spent);
            if left == 0 {
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            match g.run(left) {
                Flow::Yield => {
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                Flow::Block(p, after) => g.pending = Some((p, after)),
                Flow::Finished => {
                    g.sh.goroutines.set(g.sh.goroutines.get().saturating_sub(1));
                    return Poll::Ready(());
                }
            }
        }
    }
}

/// Whether a value of type `ty` may hold (as an element, key, value or
/// field, at any depth) a value with methods, or an interface that may
/// be one.
fn holds_text_methods(types: &Types, ty: Ty, depth: u32) -> bool {
    // A type that holds itself (through a slice, say) is asked no deeper:
    // walking its values is the safe answer.
    if depth > 8 {
        return true;
    }
    let inner = |t: Ty| {
        !types.get(t).methods.is_empty()
            || match types.kind(t) {
                TKind::Interface(_) => true,
                TKind::Ptr(to) => !types.get(*to).methods.is_empty(),
                _ => holds_text_methods(types, t, depth + 1),
            }
    };
    match types.kind(ty) {
        TKind::Slice(e) | TKind::Array(_, e) => inner(*e),
        TKind::Map(k, v) => inner(*k) || inner(*v),
        TKind::Struct(fields) => fields.iter().any(|f| inner(f.ty)),
        _ => false,
    }
}

/// A panic's value as fmt shows it when a method it called panicked.
fn panic_text(v: &Value) -> String {
    match v {
        Value::Str(s, _) | Value::Pre(s) => s.to_string(),
        Value::Error(e) => e.msg.to_string(),
        other => super::format::plain(other),
    }
}

/// Starts a goroutine calling `callee` with `args`: a `go` statement, or a
/// `time.AfterFunc` timer firing.
pub(super) fn start_goroutine(sh: &Rc<Shared>, callee: Value, args: Vec<Value>) -> Res<()> {
    // `go f()` of a nil f is fatal; with arguments, Go wraps the call in a
    // closure (since 1.17), and the call's nil panic ends the program.
    if matches!(callee, Value::Nil | Value::TypedNil(_)) && args.is_empty() {
        return Err(Trap::Fatal("go of nil func value".into()));
    }
    let id = sh.next_goid.get();
    sh.next_goid.set(id + 1);
    let mut g = Goroutine {
        sh: sh.clone(),
        id,
        stack: args,
        frames: Vec::new(),
        pending: None,
        panics: Vec::new(),
        dying: None,
        is_main: false,
        yielding: false,
        extra: 0,
        spent: 0,
        unstarted: false,
    };
    let argc = g.stack.len() as u16;
    let name = match &callee {
        Value::Func(c) => sh.prog.funcs.get(c.func as usize).map(|f| f.name.to_string()),
        Value::Native(n) => Some(super::stdlib::native_name(n.id).to_string()),
        _ => None,
    };
    g.unstarted = matches!(callee, Value::Native(_));
    g.stack.push(callee);
    if !g.unstarted {
        g.call_value(argc, false, 0)?;
    }
    let name = name.unwrap_or_else(|| "goroutine".to_string());
    sh.goroutines.set(sh.goroutines.get() + 1);
    host::spawn(&sh.rt, &name, g);
    Ok(())
}
