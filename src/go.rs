//! A Go-subset interpreter that runs on [`rt`](crate::rt): goroutines are
//! `rt` tasks, channels are `rt` channels, `time` is the run's clock, so the
//! trace, the views, the seed and both clocks work for Go source as they do
//! for the hand-ported patterns.
//!
//! ```
//! use csp_playground::go::{run, Options};
//!
//! let src = r#"
//! package main
//!
//! import "fmt"
//!
//! func main() {
//!     ch := make(chan int)
//!     go func() { ch <- 6 * 7 }()
//!     fmt.Println(<-ch)
//! }
//! "#;
//! let ran = run(src, &Options::default()).unwrap();
//! assert_eq!(ran.stdout, "42\n");
//! assert_eq!(ran.exit, 0);
//! ```
//!
//! The pipeline: [`lower`] parses with `go-parser` and converts at once to
//! our own IR ([`ir`], a span on every node); [`compile`] resolves names
//! and types just enough and emits flat [`code`]; [`vm`] runs it, one
//! explicit frame stack per goroutine; [`stdlib`] is the standard library
//! subset; [`host`] is the only module that calls `rt`.
//!
//! Invariants: the source is data, never trusted. Bad source gets a
//! `line:col` error; nesting is bounded before anything recurses; a Go call
//! never recurses in Rust; a goroutine yields after a fixed instruction
//! budget and the program stops at a step cap; no input makes Rust panic.

// The interpreter's internals are public for tests and tools, not as an API
// with Debug on every internal type.
#![allow(missing_debug_implementations)]

pub mod case;
pub mod civil;
pub mod code;
pub mod compile;
pub mod exact;
pub mod float;
pub mod format;
pub mod host;
pub mod ir;
pub mod lower;
pub mod ops;
pub mod stdlib;
pub mod value;
pub mod vm;

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use crate::rt::{Event, Run};

use self::value::Value;

/// A compile error at a position of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub span: ir::Span,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.span, self.message)
    }
}

impl std::error::Error for CompileError {}

/// How far a program may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Instructions a goroutine runs before it yields to the executor.
    pub budget: u32,
    /// Instructions all goroutines together may run (a blocking op counts
    /// 100) before the program is stopped.
    pub step_cap: u64,
    /// Bytes the heap may hold, the program's and everything else's,
    /// before the program is stopped with Go's out-of-memory error (an
    /// allocation that fails aborts a wasm module, and the page with it).
    /// Only counted where the binary's allocator is `csp_meter::Meter`;
    /// a single allocation larger than this is refused anywhere.
    pub memory: usize,
    /// Bytes of output the program may write before it is stopped: each
    /// line is an event, a row in the page, and memory.
    pub output: usize,
}

impl Limits {
    /// The CLI's: the page's own stop runaway loops sooner.
    pub const DEFAULT: Limits = Limits {
        budget: 10_000,
        step_cap: 200_000_000,
        memory: 512 << 20,
        output: 32 << 20,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

/// How to run a program.
#[derive(Debug, Clone)]
pub struct Options {
    pub seed: u64,
    /// Record the trace (benchmarks turn it off).
    pub trace: bool,
    /// `Some(true)`: Go 1.21's shared loop variables; `Some(false)`: Go
    /// 1.22's per-iteration ones; `None`: what the source asks for
    /// (`//go:build go1.21` or a `go 1.21` line), else 1.22.
    pub go121: Option<bool>,
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: 0,
            trace: true,
            go121: None,
            limits: Limits::default(),
        }
    }
}

/// Whether the source asks for Go 1.21 semantics.
pub fn wants_go121(src: &str) -> bool {
    src.lines().map(str::trim).any(|l| {
        let l = l.trim_start_matches("//").trim();
        l == "go:build go1.21" || l == "go 1.21" || l.starts_with("go:build go1.21 ")
    })
}

/// Compiles `src` (a whole `package main` file); the first error if it
/// does not compile.
pub fn compile(src: &str, go121: Option<bool>) -> Result<code::Program, CompileError> {
    compile_all(src, go121).map_err(|all| {
        // compile_all never gives an empty list; a default keeps this total.
        all.into_iter().next().unwrap_or_else(|| CompileError {
            span: ir::Span::default(),
            message: "does not compile".to_string(),
        })
    })
}

/// [`compile`], with every error Go would list (up to its ten), in order.
pub fn compile_all(src: &str, go121: Option<bool>) -> Result<code::Program, Vec<CompileError>> {
    let file = lower::lower(src).map_err(|e| vec![e])?;
    let prelude = lower::lower_prelude(stdlib::PRELUDE).map_err(|e| {
        vec![CompileError {
            span: e.span,
            message: format!("in the prelude: {}", e.message),
        }]
    })?;
    let go121 = go121.unwrap_or_else(|| wants_go121(src));
    compile::compile(file, prelude, go121)
}

/// A Go program started on a run; read its output once the run has ended.
#[derive(Clone)]
pub struct Started {
    sh: Rc<vm::Shared>,
}

impl fmt::Debug for Started {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Started")
            .field("steps", &self.sh.steps.get())
            .finish()
    }
}

impl Started {
    /// What the program has written so far.
    pub fn stdout(&self) -> String {
        let sh = &self.sh;
        if !sh.rt.tracing() {
            return sh.stdout.borrow().clone();
        }
        // Every line is an output event, and the line being written is not
        // one yet; an ended program's last line lacks its newline if it
        // ended mid-line.
        let mut out = sh.rt.log().snapshot().with(|events| {
            let mut out = String::new();
            for e in events {
                if let crate::rt::Kind::Output {
                    text, stderr: false, ..
                } = &e.kind
                {
                    out.push_str(text);
                    out.push('\n');
                }
            }
            out
        });
        if sh.unterminated.get() {
            out.pop();
        } else {
            out.push_str(&sh.line.borrow());
        }
        out
    }

    pub fn stderr(&self) -> String {
        self.sh.stderr.borrow().clone()
    }

    /// Go's message for a panic, a fatal error or the step cap, if one ended it.
    pub fn fatal(&self) -> Option<vm::Fatal> {
        self.sh.fatal.borrow().clone()
    }

    /// Instructions run so far.
    pub fn steps(&self) -> u64 {
        self.sh.steps.get()
    }
}

/// Starts `program` as the main task of `run`.
pub fn start(run: &Run, program: Rc<code::Program>, limits: Limits) -> Started {
    let rt = run.rt();
    let nglobals = program.nglobals as usize;
    let sh = Rc::new(vm::Shared {
        prog: program,
        rt,
        globals: RefCell::new(vec![Value::Nil; nglobals]),
        stdout: RefCell::default(),
        line: RefCell::default(),
        err_line: RefCell::default(),
        unterminated: Cell::new(false),
        lines: Cell::new(0),
        forever: RefCell::new(Vec::new()),
        stderr: RefCell::default(),
        written: Cell::new(0),
        steps: Cell::new(0),
        limits,
        fatal: RefCell::new(None),
        main_waker: RefCell::new(None),
        next_goid: Cell::new(2),
        goroutines: Cell::new(1),
        procs: Cell::new(8),
        log_flags: Cell::new(stdlib::LOG_STD),
        log_prefix: RefCell::new(String::new()),
        canceled: Value::error("context canceled"),
        deadline_exceeded: Value::error("context deadline exceeded"),
        blocked_at: RefCell::default(),
        dues: host::Dues::default(),
        refreshes: Cell::new(0),
        failures: Cell::new(0),
        refreshed: Cell::new(false),
        addresses: Rc::default(),
    });
    run.start(vm::Goroutine::main(sh.clone()));
    // A program that deadlocks mid-line (`fmt.Print("half")`, then a
    // receive that never comes) printed that line in Go before its fatal
    // error: it is main's last output, in the browser as natively. Weak:
    // the run must not keep the program alive.
    let weak = Rc::downgrade(&sh);
    host::before_deadlock(&run.rt(), move || {
        if let Some(sh) = weak.upgrade() {
            sh.flush_line();
        }
    });
    Started { sh }
}

/// What running a program gave.
#[derive(Debug, Clone)]
pub struct Ran {
    /// What the program wrote (with the trace on, rebuilt from its
    /// `output` events: the run keeps no second copy).
    pub stdout: String,
    /// `log` output, `print`, and Go's message when it failed.
    pub stderr: String,
    /// 0, or 2 for a panic, a deadlock or the step cap (what `go run` gives),
    /// or what `os.Exit` asked.
    pub exit: i32,
    /// The first line of Go's error message, when it failed.
    pub error: Option<String>,
    pub trace: Vec<Event>,
    /// Virtual ms when it ended.
    pub end_ms: u64,
}

/// Compiles and runs `src` on a virtual clock seeded with `opts.seed`.
pub fn run(src: &str, opts: &Options) -> Result<Ran, CompileError> {
    Ok(run_program(Rc::new(compile(src, opts.go121)?), opts))
}

/// Runs a compiled program on a virtual clock seeded with `opts.seed`.
pub fn run_program(program: Rc<code::Program>, opts: &Options) -> Ran {
    let run = Run::new_virtual(opts.seed);
    if !opts.trace {
        run.set_level(crate::rt::Level::Off);
    }
    let started = start(&run, program, opts.limits);
    let ended = host::run_to_end(&run);
    finish(&run, &started, ended)
}

/// What Go 1.19's goroutine dump says a goroutine blocked on `wait` does.
fn go_wait(wait: &crate::rt::Wait) -> &'static str {
    use crate::rt::{Op, Wait};
    match wait {
        Wait::Op(Op::Wait { .. }) => "semacquire",
        wait => wait.go_status(),
    }
}

fn finish(run: &Run, started: &Started, ended: host::Ended) -> Ran {
    // A line left without its newline is already main's last output: main
    // flushes it when it ends, and the runtime lets it before a deadlock.
    let sh = &started.sh;
    let mut stderr = sh.stderr.borrow().clone();
    let (exit, error, end_ms) = match (sh.fatal.borrow().clone(), ended) {
        (Some(f), ended) => {
            let at = match ended {
                host::Ended::Finished(at) => at,
                host::Ended::Deadlock(_) => run.now(),
            };
            if !f.message.is_empty() {
                stderr.push_str(&f.message);
                stderr.push('\n');
            }
            let first = f
                .message
                .lines()
                .next()
                .map(str::to_string)
                .filter(|l| !l.is_empty());
            (f.exit, first, at)
        }
        (None, host::Ended::Finished(at)) => (0, None, at),
        (None, host::Ended::Deadlock(blocked)) => {
            let first = crate::rt::DEADLOCK.to_string();
            stderr.push_str(&first);
            stderr.push('\n');
            for (i, b) in blocked.iter().enumerate() {
                let name = &b.task;
                let func = if name == "main" {
                    "main.main()".to_string()
                } else {
                    format!("main.{name}()")
                };
                stderr.push_str(&format!(
                    "\ngoroutine {} [{}]:\n{func}\n",
                    i + 1,
                    // The runtime names no wait for a goroutine blocked
                    // for good (a nil channel, an empty select): it does.
                    match &b.wait {
                        Some(wait) => go_wait(wait),
                        None => sh
                            .forever
                            .borrow()
                            .iter()
                            .find(|(id, _)| *id == b.task_id)
                            .map_or("select (no cases)", |(_, status)| status),
                    }
                ));
            }
            (2, Some(first), run.now())
        }
    };
    Ran {
        stdout: started.stdout(),
        stderr,
        exit,
        error,
        trace: run.trace(),
        end_ms,
    }
}
