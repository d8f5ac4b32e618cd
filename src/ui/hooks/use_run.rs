//! `use_run`: owns the run of the current pattern and its driver.
//!
//! The run is held in a `use_mut_ref` slot, either driven (a
//! [`DriverHandle`]) or paused (the bare [`Run`]). Dropping the slot drops
//! the run and so every task and timer of it: the component's teardown and
//! [`RunHandle::reset`] both do only that.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::super::state::{Action, ClockKind, PageState};
use crate::go;
use crate::patterns::{self, Params};
use crate::rt::{Run, Step};
use crate::view::{self, NewRows};
use crate::web::{drive, BrowserClock, DriverHandle, Pace};

enum Slot {
    Empty,
    Driving(DriverHandle),
    Paused(Run),
}

/// What a run runs: a pattern's Rust port, or compiled Go.
#[derive(Clone)]
pub enum Work {
    Port(Params),
    Go(Rc<go::code::Program>),
}

/// How far the page lets a Go program run: a runaway loop is stopped with
/// Go-like words after this many instructions (a few seconds of wall time),
/// while the driver's time slices keep the page answering meanwhile.
pub const PAGE_LIMITS: go::Limits = go::Limits {
    budget: 10_000,
    step_cap: 50_000_000,
    ..go::Limits::DEFAULT
};

/// Go's words for how `started` failed, if it did. `os.Exit` and
/// `log.Fatal` end a program with no message of their own: `os.Exit(0)` is
/// a normal end, and any other status reads as `go run` reports it, after
/// `log.Fatal`'s line.
fn go_error(started: &go::Started) -> Option<String> {
    let fatal = started.fatal()?;
    if !fatal.message.is_empty() {
        return Some(fatal.message);
    }
    match (fatal.exit, fatal.detail.as_str()) {
        (0, _) => None,
        (exit, "") => Some(format!("exit status {exit}")),
        (exit, line) => Some(format!("{line}\nexit status {exit}")),
    }
}

/// What `use_run` gives the page.
#[derive(Clone)]
pub struct RunHandle {
    slot: Rc<RefCell<Slot>>,
    /// The Go program of the current run, for its fatal error.
    go: Rc<RefCell<Option<go::Started>>>,
    dispatcher: UseReducerDispatcher<PageState>,
    generation: Rc<Cell<u64>>,
    /// The rows a render would add to the page's full lists: the driver
    /// paces a run to [`view::ROWS_PER_FRAME`] of them a frame.
    rows: Rc<RefCell<NewRows>>,
}

impl PartialEq for RunHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.slot, &other.slot)
    }
}

impl RunHandle {
    // The trace travels as a snapshot of the run's shared log: a slice
    // sends a length, never a copy of the events.
    fn report(&self, run: &Run) {
        let trace = run.log().snapshot();
        trace.with(|events| self.rows.borrow_mut().shown(events));
        self.dispatcher.dispatch(Action::Progress {
            generation: self.generation.get(),
            trace,
            now: run.now(),
            outcome: run.outcome(),
            fatal: self.go.borrow().as_ref().and_then(go_error),
        });
    }

    /// Starts `work` on `run`, and announces it as generation N + 1.
    fn launch(&self, run: &Run, work: &Work) {
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        *self.rows.borrow_mut() = NewRows::default();
        let go = matches!(work, Work::Go(_));
        self.dispatcher.dispatch(Action::Started { generation, go });
        *self.go.borrow_mut() = match work {
            Work::Port(params) => {
                patterns::start(run, params);
                None
            }
            Work::Go(program) => Some(go::start(run, program.clone(), PAGE_LIMITS)),
        };
    }

    fn drive(&self, run: Run, pace: Pace) {
        let me = self.clone();
        let rows = self.rows.clone();
        let enough = move |run: &Run| {
            let mut rows = rows.borrow_mut();
            run.log().snapshot().with(|events| rows.added(events)) >= view::ROWS_PER_FRAME
        };
        let handle = drive(run, pace, move |run| me.report(run), enough);
        *self.slot.borrow_mut() = Slot::Driving(handle);
    }

    /// Starts `work` afresh at `seed` on `clock`, at `speed` if virtual.
    pub fn start(&self, work: &Work, seed: u64, clock: ClockKind, speed: f64) {
        self.reset_quietly();
        let (run, pace) = match clock {
            ClockKind::Virtual => (Run::new_virtual(seed), Pace::Virtual { speed }),
            ClockKind::Real => (Run::new(Rc::new(BrowserClock::new()), seed), Pace::Real),
        };
        self.launch(&run, work);
        self.drive(run, pace);
    }

    /// Starts `work` at `seed` on the virtual clock, paused before its
    /// first step (what Step does when nothing is running).
    pub fn start_paused(&self, work: &Work, seed: u64) {
        self.reset_quietly();
        let run = Run::new_virtual(seed);
        self.launch(&run, work);
        *self.slot.borrow_mut() = Slot::Paused(run);
        self.dispatcher.dispatch(Action::Paused);
    }

    /// Pauses a virtual run (the real clock cannot pause).
    pub fn pause(&self) {
        let slot = std::mem::replace(&mut *self.slot.borrow_mut(), Slot::Empty);
        *self.slot.borrow_mut() = match slot {
            Slot::Driving(handle) => match handle.stop() {
                Some(run) => {
                    // The driver renders at most once a frame, so the last
                    // slice may be unshown: show where the run stopped.
                    self.report(&run);
                    self.dispatcher.dispatch(Action::Paused);
                    Slot::Paused(run)
                }
                None => Slot::Empty,
            },
            other => other,
        };
    }

    /// Resumes a paused run at `speed`.
    pub fn resume(&self, speed: f64) {
        let slot = std::mem::replace(&mut *self.slot.borrow_mut(), Slot::Empty);
        match slot {
            Slot::Paused(run) => {
                self.dispatcher.dispatch(Action::Resumed);
                self.drive(run, Pace::Virtual { speed });
            }
            other => *self.slot.borrow_mut() = other,
        }
    }

    /// Runs a paused virtual run until its trace grows by at least one
    /// event (or it ends). Returns whether there was a paused run to step.
    pub fn step(&self) -> bool {
        let slot = self.slot.borrow();
        let Slot::Paused(run) = &*slot else {
            return false;
        };
        let log = run.log();
        let before = log.len();
        // Bounded: a step that records nothing (a bare poll) is followed by
        // the next, but never more than a few thousand.
        for _ in 0..10_000 {
            match run.step() {
                Step::Ended(_) => break,
                _ if log.len() > before => break,
                _ => {}
            }
        }
        self.report(run);
        true
    }

    /// Injects a fault into the running (or paused) run; see [`Run::inject`].
    pub fn inject(&self, what: &str) {
        match &*self.slot.borrow() {
            Slot::Driving(handle) => {
                handle.with_run(|run| run.inject(what));
            }
            Slot::Paused(run) => {
                run.inject(what);
                self.report(run);
            }
            Slot::Empty => {}
        }
    }

    /// Whether a run is paused now.
    pub fn is_paused(&self) -> bool {
        matches!(*self.slot.borrow(), Slot::Paused(_))
    }

    fn reset_quietly(&self) {
        let old = std::mem::replace(&mut *self.slot.borrow_mut(), Slot::Empty);
        drop(old);
        // The program's globals hold channels of the old run: drop them too.
        self.go.borrow_mut().take();
    }

    /// Drops the run: every task and timer of it is gone.
    pub fn reset(&self) {
        self.reset_quietly();
        self.generation.set(self.generation.get() + 1);
        self.dispatcher.dispatch(Action::Reset);
    }
}

/// The run of the page; dropped with the component.
#[hook]
pub fn use_run(dispatcher: UseReducerDispatcher<PageState>) -> RunHandle {
    let slot = use_mut_ref(|| Slot::Empty);
    let generation = use_state(|| Rc::new(Cell::new(0u64)));
    let go = use_mut_ref(|| None);
    let handle = RunHandle {
        slot: slot.clone(),
        go,
        dispatcher,
        generation: (*generation).clone(),
        rows: use_mut_ref(NewRows::default),
    };
    {
        let slot = slot.clone();
        use_effect_with((), move |_| {
            move || {
                let old = std::mem::replace(&mut *slot.borrow_mut(), Slot::Empty);
                drop(old);
            }
        });
    }
    handle
}
