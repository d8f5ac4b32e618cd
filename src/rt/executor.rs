//! The executor: a seeded, single-threaded scheduler for one run.
//!
//! A [`Run`] owns every task a pattern starts, the trace they write, and the
//! seeded generator that decides which ready task goes next. It runs on
//! either clock: on a [`VirtualClock`] it jumps time to the next timer when no
//! task is ready; on the browser clock it waits for the timer callbacks.
//!
//! ```
//! use csp_playground::rt::{Run, Outcome};
//!
//! let run = Run::new_virtual(1);
//! let rt = run.rt();
//! run.start(async move {
//!     rt.sleep(1000).await;
//!     rt.output("done");
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 1000 });
//! ```
//!
//! Dropping a `Run` drops every task's future, which clears their timers and
//! takes them off channels: nothing keeps running after the user switches
//! pattern.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::rc::{Rc, Weak};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll, Waker};

use super::record::RUNTIME;
use super::rng::Rng;
use super::task::{Entry, LocalFuture, ReadyQueue, TaskHandle, TaskRef, Tasks};
use super::time::{Clock, Millis, TimerId, VirtualClock};
use super::trace::{Blocked, Event, Kind, Label, Level, TraceLog, DEADLOCK};

/// How a run ended, or why it cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every task returned; `at` is the virtual (or real) end time in ms.
    Finished { at: Millis },
    /// Tasks remain, none can run, and no timer will wake them.
    Deadlock(Deadlock),
}

/// Every task asleep with nothing to wake it: Go's "all goroutines are
/// asleep - deadlock!".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlock {
    /// When it was found.
    pub at: Millis,
    /// Each blocked task and what it waits on, in spawn order.
    pub blocked: Vec<Blocked>,
}

impl fmt::Display for Deadlock {
    /// Go's report: the fatal error, then one paragraph per goroutine.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{DEADLOCK}")?;
        for b in &self.blocked {
            write!(f, "\n\n{b}")?;
        }
        Ok(())
    }
}

/// What one call to [`Run::step`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Polled one task.
    Polled,
    /// No task was ready; virtual time jumped to this instant and timers fired.
    Advanced(Millis),
    /// No task is ready and the next timer is beyond the limit given (or on
    /// the real clock, still in the future).
    Waiting,
    /// The run has ended.
    Ended(Outcome),
}

pub(crate) struct Shared {
    pub(super) clock: Rc<dyn Clock>,
    pub(super) tasks: RefCell<Tasks>,
    pub(super) ready: Arc<ReadyQueue>,
    pub(super) rng: RefCell<Rng>,
    pub(super) level: Cell<Level>,
    pub(super) events: TraceLog,
    pub(super) current: RefCell<Option<TaskRef>>,
    pub(super) next_task_id: Cell<u32>,
    pub(super) next_object_id: Cell<u32>,
    pub(super) main: Cell<Option<(usize, u32)>>,
    pub(super) outcome: RefCell<Option<Outcome>>,
    // Faults injected from outside (the page's "inject a failing refresh"),
    // taken by the pattern that looks for them.
    pub(super) injected: RefCell<Vec<String>>,
    // The last task name spawned: a loop spawning many tasks of one name
    // shares one allocation (a parked task should cost bytes, not a string).
    pub(super) last_name: RefCell<Rc<str>>,
    // The source file whose lines events carry: the pattern's own file, set
    // by whoever starts the run (rt does not know where patterns live).
    pub(super) source_file: Cell<Option<&'static str>>,
    // Set while a select polls its future arms: their own parks are folded
    // into the select's single park.
    pub(super) in_select: Cell<bool>,
    // Calls the runtime made for itself (`Rt::call_at`), still to fire:
    // they hold what they touch, so dropping the run must clear them.
    pub(super) calls: RefCell<Vec<TimerId>>,
    // What runs, as main, when the run is about to end in a deadlock
    // (`Rt::before_deadlock`).
    pub(super) last_words: RefCell<Vec<Box<dyn FnOnce()>>>,
}

/// The handle patterns hold: spawn, time, channels, trace. Cheap to clone.
///
/// Patterns receive an `Rt` and cannot tell which clock is behind it.
#[derive(Clone)]
pub struct Rt {
    pub(crate) shared: Rc<Shared>,
}

impl fmt::Debug for Rt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rt").field("now", &self.now()).finish()
    }
}

/// One run of one pattern: owns its tasks, clock, generator and trace.
pub struct Run {
    pub(super) shared: Rc<Shared>,
}

impl fmt::Debug for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Run")
            .field("now", &self.now())
            .field("live_tasks", &self.live_tasks())
            .finish()
    }
}

impl Run {
    /// A run on `clock`, whose every scheduling choice follows `seed`.
    pub fn new(clock: Rc<dyn Clock>, seed: u64) -> Run {
        LIVE_RUNS.with(|n| n.set(n.get() + 1));
        Run {
            shared: Rc::new(Shared {
                clock,
                tasks: RefCell::default(),
                ready: Arc::default(),
                rng: RefCell::new(Rng::new(seed)),
                level: Cell::new(Level::Events),
                events: TraceLog::default(),
                current: RefCell::new(None),
                next_task_id: Cell::new(0),
                next_object_id: Cell::new(0),
                main: Cell::new(None),
                outcome: RefCell::new(None),
                injected: RefCell::default(),
                last_name: RefCell::new(Rc::from("main")),
                source_file: Cell::new(None),
                in_select: Cell::new(false),
                calls: RefCell::new(Vec::new()),
                last_words: RefCell::new(Vec::new()),
            }),
        }
    }

    /// A run on a fresh [`VirtualClock`].
    pub fn new_virtual(seed: u64) -> Run {
        Run::new(Rc::new(VirtualClock::new()), seed)
    }

    /// Sets how much the trace records (default [`Level::Events`]).
    pub fn set_level(&self, level: Level) {
        self.shared.level.set(level);
    }

    /// Makes events carry the line and column of `file` that each task last
    /// called the runtime from (`#[track_caller]`): the pattern's own file
    /// (its `file!()`), whose lines the page highlights.
    pub fn track_source(&self, file: &'static str) {
        self.shared.source_file.set(Some(file));
    }

    /// The handle to give the pattern.
    pub fn rt(&self) -> Rt {
        Rt {
            shared: self.shared.clone(),
        }
    }

    /// Spawns the run's `main` task. When it returns, the run is over and any
    /// task still alive is killed, as a Go program exits with its `main`.
    pub fn start(&self, future: impl Future<Output = ()> + 'static) {
        let (index, generation) = self.shared.insert("main".into(), Box::pin(future));
        self.shared.main.set(Some((index, generation)));
    }

    /// Virtual (or real) ms since the start.
    pub fn now(&self) -> Millis {
        self.shared.clock.now()
    }

    /// Tasks spawned and not yet returned or dropped.
    pub fn live_tasks(&self) -> usize {
        self.shared.tasks.borrow().live
    }

    /// Timers pending on this run's clock.
    pub fn pending_timers(&self) -> usize {
        self.shared.clock.pending_timers()
    }

    /// How the run ended, once it has.
    pub fn outcome(&self) -> Option<Outcome> {
        self.shared.outcome.borrow().clone()
    }

    /// The trace as it grows, shared: take a [`Trace`](super::Trace) of
    /// it with `snapshot()`.
    pub fn log(&self) -> TraceLog {
        self.shared.events.clone()
    }

    /// The trace so far, owned.
    pub fn trace(&self) -> Vec<Event> {
        self.shared.events.snapshot().with(|events| events.to_vec())
    }

    /// Polls one ready task (chosen by the seed), or advances virtual time
    /// to the next timer if none is ready and it falls at or before `limit`.
    pub fn step_until(&self, limit: Millis) -> Step {
        if let Some(outcome) = self.outcome() {
            return Step::Ended(outcome);
        }
        // Once main has returned nothing else runs, not even a task that
        // was ready at that instant: a Go program ends with its main, and
        // `go f(); return` never runs f.
        if self.shared.main.get().is_some() {
            if let Some(outcome) = self.check_end() {
                return Step::Ended(outcome);
            }
        }
        if self.shared.poll_one() {
            return Step::Polled;
        }
        if let Some(outcome) = self.check_end() {
            return Step::Ended(outcome);
        }
        let clock = self.shared.clock.clone();
        if let Some(virtual_clock) = clock.as_virtual() {
            if let Some(at) = virtual_clock.advance_to_next(limit) {
                return Step::Advanced(at);
            }
            if virtual_clock.next_timer().is_some() {
                return Step::Waiting;
            }
        } else if clock.pending_timers() > 0 {
            return Step::Waiting;
        }
        self.shared.last_words();
        let deadlock = self.shared.deadlock();
        self.finish(Outcome::Deadlock(deadlock.clone()));
        Step::Ended(Outcome::Deadlock(deadlock))
    }

    /// [`step_until`](Run::step_until) with no time limit.
    pub fn step(&self) -> Step {
        self.step_until(Millis::MAX)
    }

    /// Polls up to `polls` times, letting virtual time run up to `limit`.
    /// Returns the last step: `Polled` when the budget ran out with work
    /// left, `Waiting` when the next event lies beyond `limit`.
    pub fn run_budget(&self, polls: usize, limit: Millis) -> Step {
        let mut done = 0;
        loop {
            match self.step_until(limit) {
                Step::Polled => {
                    done += 1;
                    if done >= polls {
                        return Step::Polled;
                    }
                }
                Step::Advanced(_) => {}
                other => return other,
            }
        }
    }

    /// Runs until virtual time `t` (every event at or before `t` happens).
    pub fn run_until(&self, t: Millis) -> Step {
        let step = self.run_budget(usize::MAX, t);
        if let (Step::Waiting, Some(clock)) = (&step, self.shared.clock.as_virtual()) {
            clock.advance_to(t);
        }
        step
    }

    /// Runs to the end on a virtual clock. On the real clock it returns as
    /// soon as it would have to wait.
    pub fn run_to_end(&self) -> Outcome {
        loop {
            match self.step() {
                Step::Ended(outcome) => return outcome,
                Step::Waiting => {
                    // Only the real clock waits with no limit; callers on it use
                    // the browser driver instead.
                    return self.outcome().unwrap_or(Outcome::Finished { at: self.now() });
                }
                Step::Polled | Step::Advanced(_) => {}
            }
        }
    }

    /// Drops every task now, as dropping the `Run` does, recording why.
    pub fn cancel(&self, reason: &str) {
        self.shared.kill_all(reason);
    }

    fn check_end(&self) -> Option<Outcome> {
        let main_alive = self
            .shared
            .main
            .get()
            .is_some_and(|(index, generation)| self.shared.is_alive(index, generation));
        if main_alive {
            return None;
        }
        if self.shared.main.get().is_some() && self.live_tasks() > 0 {
            self.shared.kill_all("main returned");
        }
        if self.live_tasks() == 0 {
            let outcome = Outcome::Finished { at: self.now() };
            self.finish(outcome.clone());
            return Some(outcome);
        }
        None
    }

    fn finish(&self, outcome: Outcome) {
        if let Outcome::Deadlock(deadlock) = &outcome {
            self.shared.record_other(
                RUNTIME,
                Kind::Deadlock {
                    blocked: deadlock.blocked.clone(),
                },
            );
            self.shared.kill_all("deadlock");
        }
        *self.shared.outcome.borrow_mut() = Some(outcome);
    }

    /// Registers `waker` to be woken when a task becomes ready, for a driver
    /// that sleeps between slices (the browser's).
    pub fn register_ready_waker(&self, waker: &Waker) {
        self.shared.ready.notify.register(waker);
    }

    /// Whether any task is ready to poll.
    pub fn has_ready(&self) -> bool {
        !self
            .shared
            .ready
            .queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }

    /// A weak handle, to check from outside that a dropped run freed
    /// everything.
    pub fn downgrade(&self) -> WeakRun {
        WeakRun {
            shared: Rc::downgrade(&self.shared),
        }
    }
}

/// A handle to a run that does not keep it alive.
#[derive(Clone)]
pub struct WeakRun {
    shared: Weak<Shared>,
}

impl fmt::Debug for WeakRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WeakRun")
            .field("alive", &self.is_alive())
            .finish()
    }
}

impl WeakRun {
    /// Whether anything still holds the run's state (a task, a timer, an
    /// `Rt`). After the `Run` is dropped this must be `false`.
    pub fn is_alive(&self) -> bool {
        self.shared.strong_count() > 0
    }
}

thread_local! {
    static LIVE_RUNS: Cell<usize> = const { Cell::new(0) };
}

/// Runs whose state is still alive on this thread: a run's state lives
/// until every task, timer and handle of it is gone, so a count that drops
/// back after a reset proves the reset left nothing running.
pub fn live_runs() -> usize {
    LIVE_RUNS.with(Cell::get)
}

impl Drop for Shared {
    fn drop(&mut self) {
        LIVE_RUNS.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        // Tasks hold `Rt` clones, so the run's state is a cycle until their
        // futures are dropped; this breaks it.
        self.shared.kill_all("run dropped");
        // So do the runtime's own timer calls (a Go `time.After` holds its
        // channel, and the channel its run).
        let calls = self.shared.calls.take();
        for id in calls {
            self.shared.clock.clear_timer(id);
        }
    }
}

impl Shared {
    fn pop_ready(&self) -> Option<(u32, u32)> {
        let mut queue = self.ready.queue.lock().unwrap_or_else(|e| e.into_inner());
        if queue.is_empty() {
            return None;
        }
        let pick = self.rng.borrow_mut().below(queue.len() as u64) as usize;
        Some(queue.swap_remove(pick))
    }

    /// Polls one ready task; `false` when none is ready.
    fn poll_one(&self) -> bool {
        loop {
            let Some((index, generation)) = self.pop_ready() else {
                return false;
            };
            let index = index as usize;
            let taken = {
                let mut tasks = self.tasks.borrow_mut();
                match tasks.entries.get_mut(index) {
                    Some(Entry {
                        generation: g,
                        slot: Some(slot),
                    }) if *g == generation => {
                        slot.flag.queued.store(false, Ordering::Release);
                        slot.waiting = None;
                        slot.future
                            .take()
                            .map(|f| (f, Waker::from(slot.flag.clone()), slot.task.clone()))
                    }
                    // A stale wake for a task that ended.
                    _ => None,
                }
            };
            let Some((mut future, waker, task)) = taken else {
                continue;
            };
            if self.level.get() >= Level::Verbose {
                self.record_as(&task, Kind::Poll);
            }
            let previous = self.current.replace(Some(task.clone()));
            let poll = future.as_mut().poll(&mut TaskContext::from_waker(&waker));
            *self.current.borrow_mut() = previous;
            match poll {
                Poll::Ready(()) => {
                    self.record_as(&task, Kind::End);
                    let slot = self.remove(index, generation);
                    drop(future);
                    drop(slot);
                }
                Poll::Pending => {
                    let mut tasks = self.tasks.borrow_mut();
                    let slot = tasks.entries[index].slot.as_mut();
                    match slot {
                        Some(slot) if !slot.cancelled => slot.future = Some(future),
                        _ => {
                            drop(tasks);
                            let slot = self.remove(index, generation);
                            drop(future);
                            drop(slot);
                        }
                    }
                }
            }
            return true;
        }
    }

    /// Cancels one task: its future is dropped now (or right after its
    /// current poll, if it is cancelling itself).
    pub(super) fn abort(&self, index: usize, generation: u32, reason: &str) {
        let slot = {
            let mut tasks = self.tasks.borrow_mut();
            match tasks.entries.get_mut(index) {
                Some(Entry {
                    generation: g,
                    slot: Some(slot),
                }) if *g == generation => {
                    if slot.future.is_none() {
                        slot.cancelled = true;
                        None
                    } else {
                        drop(tasks);
                        self.remove(index, generation)
                    }
                }
                _ => None,
            }
        };
        if let Some(slot) = slot {
            self.record_as(
                &slot.task,
                Kind::Killed {
                    reason: reason.to_string(),
                },
            );
            drop(slot);
        }
    }

    fn kill_all(&self, reason: &str) {
        // Dropping one future may spawn or cancel others, so repeat until the
        // slab is empty.
        loop {
            let victims: Vec<(usize, u32)> = {
                let tasks = self.tasks.borrow();
                tasks
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.slot.as_ref().is_some_and(|s| !s.cancelled))
                    .map(|(i, e)| (i, e.generation))
                    .collect()
            };
            if victims.is_empty() {
                break;
            }
            for (index, generation) in victims {
                self.abort(index, generation, reason);
            }
        }
        self.ready.queue.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Runs what [`Rt::before_deadlock`] left, as main (so what it records
    /// is main's), if main is still there.
    fn last_words(&self) {
        let words = std::mem::take(&mut *self.last_words.borrow_mut());
        if words.is_empty() {
            return;
        }
        let main = self
            .main
            .get()
            .and_then(|(index, generation)| self.task_at(index, generation));
        let previous = self.current.replace(main);
        for words in words {
            words();
        }
        *self.current.borrow_mut() = previous;
    }

    fn deadlock(&self) -> Deadlock {
        let tasks = self.tasks.borrow();
        let mut blocked: Vec<Blocked> = tasks
            .entries
            .iter()
            .filter_map(|e| e.slot.as_ref())
            .map(|s| Blocked {
                task_id: s.task.id,
                task: s.task.name.to_string(),
                wait: s.waiting.clone(),
            })
            .collect();
        crate::sort::sort_by_key(&mut blocked, |b| b.task_id);
        Deadlock {
            at: self.clock.now(),
            blocked,
        }
    }
}

impl Rt {
    /// Virtual (or real) ms since the run started.
    pub fn now(&self) -> Millis {
        self.shared.clock.now()
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.shared.clock
    }

    /// The run's trace as it grows (see [`Run::log`]).
    pub fn log(&self) -> TraceLog {
        self.shared.events.clone()
    }

    /// Starts a task owned by the caller: dropping the handle cancels it.
    #[track_caller]
    pub fn spawn(&self, name: impl AsRef<str>, future: impl Future<Output = ()> + 'static) -> TaskHandle {
        self.at(std::panic::Location::caller());
        self.spawn_labelled(name.as_ref(), None, Box::pin(future))
    }

    fn spawn_labelled(&self, name: &str, label: Option<Label>, future: LocalFuture) -> TaskHandle {
        let name = self.shared.intern(name);
        let (index, generation) = self.shared.insert(name.clone(), future);
        let id = self.shared.next_task_id.get() - 1;
        if self.tracing() {
            self.record(Kind::Spawn {
                child: id,
                name: name.clone(),
                label,
            });
        }
        TaskHandle {
            shared: Rc::downgrade(&self.shared),
            index,
            generation,
            id,
            detached: false,
        }
    }

    /// Calls `f` at virtual (or real) time `at`, outside any task: what Go's
    /// runtime does when a timer fires (`time.After`'s send, a ticker's
    /// tick). No task is spawned, so no goroutine is drawn for it, and what
    /// `f` records is the runtime's. Dropping the run clears calls still to
    /// fire.
    ///
    /// ```
    /// use csp_playground::rt::{Outcome, Run};
    ///
    /// let run = Run::new_virtual(0);
    /// let rt = run.rt();
    /// let (tx, rx) = rt.chan::<u64>("c", 1).split();
    /// rt.call_at(250, move |rt| {
    ///     let _ = tx.try_send(rt.now());
    /// });
    /// run.start(async move {
    ///     assert_eq!(rx.recv().await, Some(250));
    /// });
    /// assert_eq!(run.run_to_end(), Outcome::Finished { at: 250 });
    /// ```
    pub fn call_at(&self, at: Millis, f: impl FnOnce(&Rt) + 'static) {
        let weak = Rc::downgrade(&self.shared);
        let id = self.shared.clock.set_timer(
            at,
            Box::new(move || {
                if let Some(shared) = weak.upgrade() {
                    f(&Rt { shared });
                }
            }),
        );
        let mut calls = self.shared.calls.borrow_mut();
        // Forget the ones that fired, so a ticker's calls do not pile up.
        let now = self.now();
        calls.retain(|c| c.at >= now);
        calls.push(id);
    }

    /// Runs `f` once if the run is about to end in a deadlock, as main: a
    /// Go program's line written without its newline is recorded there,
    /// before the deadlock, as Go would have printed it. `f` must not wake
    /// a task (the deadlock is already decided).
    pub fn before_deadlock(&self, f: impl FnOnce() + 'static) {
        self.shared.last_words.borrow_mut().push(Box::new(f));
    }

    /// Go's `go f()`: starts a task that the run owns and drops when it ends.
    #[track_caller]
    pub fn go(&self, name: impl AsRef<str>, future: impl Future<Output = ()> + 'static) -> u32 {
        self.at(std::panic::Location::caller());
        let handle = self.spawn_labelled(name.as_ref(), None, Box::pin(future));
        let id = handle.id();
        handle.detach();
        id
    }

    /// [`go`](Rt::go), and the outputs printed from what this task sends
    /// (or prints itself) carry `label`: the pattern says how its outputs
    /// are known ("word #3"), so no view has to guess from a task's name.
    #[track_caller]
    pub fn go_labelled(
        &self,
        name: impl AsRef<str>,
        label: Label,
        future: impl Future<Output = ()> + 'static,
    ) -> u32 {
        self.at(std::panic::Location::caller());
        let handle = self.spawn_labelled(name.as_ref(), Some(label), Box::pin(future));
        let id = handle.id();
        handle.detach();
        id
    }

    /// Timers pending on this run's clock.
    pub fn pending_timers(&self) -> usize {
        self.shared.clock.pending_timers()
    }

    /// A seed-determined number in `0..n`.
    pub fn rand_below(&self, n: u64) -> u64 {
        self.shared.rng.borrow_mut().below(n)
    }

    /// A fresh id for a channel, lock, group or context.
    pub(crate) fn next_object_id(&self) -> u32 {
        let id = self.shared.next_object_id.get();
        self.shared.next_object_id.set(id + 1);
        id
    }
}
