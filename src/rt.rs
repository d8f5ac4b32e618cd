//! Runtime seams: clocks, the executor, tasks, Go-style channels, `select`,
//! contexts, WaitGroup, Mutex, and the trace they all write.
//!
//! Everything here is platform-free: it compiles natively for `cargo test`
//! and the CLI, and to wasm32 for the page, with no web crate in sight. The
//! only platform seam is [`Clock`]: a [`VirtualClock`] here, the browser
//! clock in `web`.
//!
//! A pattern is an `async` function of an [`Rt`]. A [`Run`] owns it, and
//! everything it spawns:
//!
//! ```
//! use csp_playground::rt::{Kind, Outcome, Run};
//!
//! let run = Run::new_virtual(42);
//! let rt = run.rt();
//! run.start(async move {
//!     let res = rt.chan::<&'static str>("res", 0);
//!     let tx = res.clone();
//!     rt.go("worker", {
//!         let rt = rt.clone();
//!         async move {
//!             rt.sleep(1000).await;
//!             tx.send("done").await.unwrap();
//!         }
//!     });
//!     let v = res.recv().await.unwrap();
//!     rt.output(v);
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 1000 });
//! let printed: Vec<_> = run
//!     .trace()
//!     .into_iter()
//!     .filter_map(|e| match e.kind { Kind::Output { text, .. } => Some((e.t, text)), _ => None })
//!     .collect();
//! assert_eq!(printed, [(1000, "done".into())]);
//! ```
//!
//! Go semantics are the reference throughout: a channel of capacity `n`
//! holds exactly `n` values, `0` is a rendezvous, `select` picks among ready
//! arms at random (here: by the seed), and a run ends when `main` returns.

mod chan;
mod context;
mod executor;
mod record;
mod rng;
mod select;
mod sleep;
mod sync;
mod task;
mod time;
mod trace;
mod wait;

pub use chan::{
    Chan, CloseError, Receiver, RecvFuture, SendError, SendFuture, Sender, TryRecvError, TrySendError,
};
pub use context::{Context, CtxError, Done};
pub use executor::{live_runs, Deadlock, Outcome, Rt, Run, Step, WeakRun};
pub use rng::Rng;
pub use select::{Select, SelectArm};
pub use sleep::Sleep;
pub use sync::{Lock, Mutex, MutexGuard, NegativeCounter, WaitGroup, WgWait};
pub use task::TaskHandle;
pub use time::{Clock, Millis, TimerCallback, TimerId, VirtualClock};
pub use trace::{
    Actor, Blocked, Event, Events, Fact, GoDuration, JobStatus, Kind, Label, Level, Name, Op, Pos,
    RefreshState, Trace, TraceLog, Wait, DEADLOCK,
};
