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

// Implementer notes. Tasks live in a slab; a slot's generation changes on
// reuse so a stale waker cannot wake a newer task. Futures are taken out of
// their slot while polled, so a task may spawn, wake or cancel others (or
// itself) without a RefCell conflict, and every future is dropped outside
// any borrow because dropping one runs user code. Wakers must be `Send +
// Sync` for `std::task::Waker`, so the ready queue sits behind an
// `Arc<Mutex<..>>`; there is only ever one thread, so the lock never waits.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context as TaskContext, Poll, Wake, Waker};

use futures::task::AtomicWaker;

use super::rng::Rng;
use super::time::{Clock, Millis, VirtualClock};
use super::trace::{Event, Kind, Level};

type LocalFuture = Pin<Box<dyn Future<Output = ()>>>;

/// A task as the trace names it.
#[derive(Debug, Clone)]
pub(crate) struct TaskRef {
    pub(crate) id: u32,
    // Its slab slot, to find its current source line when recording.
    pub(crate) index: u32,
    pub(crate) name: Rc<str>,
}

/// What a parked task waits on, for deadlock reports and the view.
#[derive(Debug, Clone)]
pub(crate) struct WaitOn {
    pub(crate) what: &'static str,
    pub(crate) object: Rc<str>,
}

impl fmt::Display for WaitOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.what, self.object)
    }
}

struct Slot {
    task: TaskRef,
    future: Option<LocalFuture>,
    // The waker is made from this Arc at each poll rather than cached: one
    // atomic increment per poll is cheaper than 16 bytes per parked task.
    flag: Arc<TaskWaker>,
    waiting: Option<WaitOn>,
    // The line of the pattern source where this task last called into rt
    // (0: none yet), which events it records carry for the page to highlight.
    line: Cell<u32>,
    // Set when the task is cancelled while its future is out being polled.
    cancelled: bool,
}

struct Entry {
    generation: u32,
    slot: Option<Slot>,
}

#[derive(Default)]
struct Tasks {
    entries: Vec<Entry>,
    free: Vec<usize>,
    live: usize,
}

#[derive(Default)]
struct ReadyQueue {
    queue: Mutex<Vec<(u32, u32)>>,
    // Woken when the queue goes from empty to non-empty: the browser driver
    // waits on it between slices.
    notify: AtomicWaker,
}

struct TaskWaker {
    index: u32,
    generation: u32,
    queued: AtomicBool,
    ready: Arc<ReadyQueue>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if !self.queued.swap(true, Ordering::AcqRel) {
            self.ready
                .queue
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((self.index, self.generation));
            self.ready.notify.wake();
        }
    }
}

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
    /// Each blocked task's name and what it waits on.
    pub blocked: Vec<(String, String)>,
}

impl fmt::Display for Deadlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "all goroutines are asleep - deadlock! (")?;
        for (i, (task, on)) in self.blocked.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{task}: {on}")?;
        }
        write!(f, ")")
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
    clock: Rc<dyn Clock>,
    tasks: RefCell<Tasks>,
    ready: Arc<ReadyQueue>,
    rng: RefCell<Rng>,
    level: Cell<Level>,
    events: RefCell<Vec<Event>>,
    current: RefCell<Option<TaskRef>>,
    // The slab index of the task being polled, for O(1) park bookkeeping.
    current_index: Cell<usize>,
    next_task_id: Cell<u32>,
    next_object_id: Cell<u32>,
    main: Cell<Option<(usize, u32)>>,
    outcome: RefCell<Option<Outcome>>,
    polls: Cell<u64>,
    // Faults injected from outside (the page's "inject a failing refresh"),
    // taken by the pattern that looks for them.
    injected: RefCell<Vec<String>>,
    // The last task name spawned: a loop spawning many tasks of one name
    // shares one allocation (a parked task should cost bytes, not a string).
    last_name: RefCell<Rc<str>>,
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
    shared: Rc<Shared>,
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
                events: RefCell::default(),
                current: RefCell::new(None),
                current_index: Cell::new(usize::MAX),
                next_task_id: Cell::new(0),
                next_object_id: Cell::new(0),
                main: Cell::new(None),
                outcome: RefCell::new(None),
                polls: Cell::new(0),
                injected: RefCell::default(),
                last_name: RefCell::new(Rc::from("main")),
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

    /// Polls done so far.
    pub fn polls(&self) -> u64 {
        self.shared.polls.get()
    }

    /// How the run ended, once it has.
    pub fn outcome(&self) -> Option<Outcome> {
        self.shared.outcome.borrow().clone()
    }

    /// The trace so far.
    pub fn events(&self) -> std::cell::Ref<'_, Vec<Event>> {
        self.shared.events.borrow()
    }

    /// The trace so far, owned.
    pub fn trace(&self) -> Vec<Event> {
        self.shared.events.borrow().clone()
    }

    /// Polls one ready task (chosen by the seed), or advances virtual time
    /// to the next timer if none is ready and it falls at or before `limit`.
    pub fn step_until(&self, limit: Millis) -> Step {
        if let Some(outcome) = self.outcome() {
            return Step::Ended(outcome);
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
            self.shared.record_as(
                &TaskRef {
                    id: 0,
                    index: u32::MAX,
                    name: "main".into(),
                },
                Kind::Error {
                    message: deadlock.to_string(),
                },
            );
            self.shared.kill_all("deadlock");
        }
        *self.shared.outcome.borrow_mut() = Some(outcome);
    }

    /// Injects a fault named `what` from outside the run (the reader's
    /// button); a pattern that watches for it takes it with
    /// [`Rt::take_injected`]. Recorded in the trace as done by "you".
    pub fn inject(&self, what: &str) {
        self.shared.injected.borrow_mut().push(what.to_string());
        self.shared.record_as(
            &TaskRef {
                id: u32::MAX,
                index: u32::MAX,
                name: "you".into(),
            },
            Kind::Note {
                text: format!("injected: {what}"),
            },
        );
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
    }
}

impl Shared {
    fn insert(&self, name: Rc<str>, future: LocalFuture) -> (usize, u32) {
        let id = self.next_task_id.get();
        self.next_task_id.set(id + 1);
        let mut tasks = self.tasks.borrow_mut();
        let index = match tasks.free.pop() {
            Some(index) => index,
            None => {
                tasks.entries.push(Entry {
                    generation: 0,
                    slot: None,
                });
                tasks.entries.len() - 1
            }
        };
        let generation = tasks.entries[index].generation;
        let flag = Arc::new(TaskWaker {
            index: index as u32,
            generation,
            queued: AtomicBool::new(false),
            ready: self.ready.clone(),
        });
        let waker = Waker::from(flag.clone());
        tasks.entries[index].slot = Some(Slot {
            task: TaskRef {
                id,
                index: index as u32,
                name,
            },
            future: Some(future),
            flag,
            waiting: None,
            line: Cell::new(0),
            cancelled: false,
        });
        tasks.live += 1;
        drop(tasks);
        waker.wake();
        (index, generation)
    }

    fn is_alive(&self, index: usize, generation: u32) -> bool {
        let tasks = self.tasks.borrow();
        tasks
            .entries
            .get(index)
            .is_some_and(|e| e.generation == generation && e.slot.is_some())
    }

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
            self.polls.set(self.polls.get() + 1);
            let previous = self.current.replace(Some(task.clone()));
            let previous_index = self.current_index.replace(index);
            let poll = future.as_mut().poll(&mut TaskContext::from_waker(&waker));
            *self.current.borrow_mut() = previous;
            self.current_index.set(previous_index);
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

    fn remove(&self, index: usize, generation: u32) -> Option<Slot> {
        let mut tasks = self.tasks.borrow_mut();
        let entry = tasks.entries.get_mut(index)?;
        if entry.generation != generation {
            return None;
        }
        let slot = entry.slot.take()?;
        entry.generation = entry.generation.wrapping_add(1);
        tasks.free.push(index);
        tasks.live -= 1;
        Some(slot)
    }

    /// Cancels one task: its future is dropped now (or right after its
    /// current poll, if it is cancelling itself).
    fn abort(&self, index: usize, generation: u32, reason: &str) {
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

    fn deadlock(&self) -> Deadlock {
        let tasks = self.tasks.borrow();
        let mut blocked: Vec<(u32, String, String)> = tasks
            .entries
            .iter()
            .filter_map(|e| e.slot.as_ref())
            .map(|s| {
                let on = s
                    .waiting
                    .as_ref()
                    .map_or_else(|| "nothing".to_string(), ToString::to_string);
                (s.task.id, s.task.name.to_string(), on)
            })
            .collect();
        blocked.sort();
        Deadlock {
            at: self.clock.now(),
            blocked: blocked.into_iter().map(|(_, n, o)| (n, o)).collect(),
        }
    }

    fn intern(&self, name: &str) -> Rc<str> {
        let mut last = self.last_name.borrow_mut();
        if &**last != name {
            *last = Rc::from(name);
        }
        last.clone()
    }

    /// The task in slab slot `index`, if it is still task `id`.
    pub(crate) fn task_ref(&self, id: u32, index: u32) -> TaskRef {
        let tasks = self.tasks.borrow();
        tasks
            .entries
            .get(index as usize)
            .and_then(|e| e.slot.as_ref())
            .filter(|s| s.task.id == id)
            .map(|s| s.task.clone())
            .unwrap_or_else(|| TaskRef {
                id,
                index,
                name: "ended".into(),
            })
    }

    pub(crate) fn current_is_set(&self) -> bool {
        self.current.borrow().is_some()
    }

    /// The pattern line task `task` last called rt from.
    fn line_of(&self, task: &TaskRef) -> Option<u32> {
        let tasks = self.tasks.try_borrow().ok()?;
        let slot = tasks.entries.get(task.index as usize)?.slot.as_ref()?;
        let line = slot.line.get();
        (slot.task.id == task.id && line > 0).then_some(line)
    }

    pub(crate) fn record_as(&self, task: &TaskRef, kind: Kind) {
        if self.level.get() == Level::Off {
            return;
        }
        let line = self.line_of(task);
        self.events.borrow_mut().push(Event {
            t: self.clock.now(),
            task_id: task.id,
            task: task.name.to_string(),
            line,
            kind,
        });
    }
}

/// A task spawned with [`Rt::spawn`]: dropping the handle cancels the task.
#[must_use = "dropping a JoinHandle cancels its task; call detach() to let it run"]
pub struct JoinHandle {
    shared: Weak<Shared>,
    index: usize,
    generation: u32,
    id: u32,
    detached: bool,
}

impl fmt::Debug for JoinHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinHandle")
            .field("id", &self.id)
            .field("finished", &self.is_finished())
            .finish()
    }
}

impl JoinHandle {
    /// The task's number in the trace.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// Whether the task has returned or been dropped.
    pub fn is_finished(&self) -> bool {
        self.shared
            .upgrade()
            .is_none_or(|s| !s.is_alive(self.index, self.generation))
    }

    /// Lets the task run on without this handle; the run still owns it and
    /// drops it when the run ends.
    pub fn detach(mut self) {
        self.detached = true;
    }
}

impl Drop for JoinHandle {
    fn drop(&mut self) {
        if self.detached {
            return;
        }
        if let Some(shared) = self.shared.upgrade() {
            shared.abort(self.index, self.generation, "handle dropped");
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

    /// Starts a task owned by the caller: dropping the handle cancels it.
    #[track_caller]
    pub fn spawn(&self, name: impl AsRef<str>, future: impl Future<Output = ()> + 'static) -> JoinHandle {
        self.at(std::panic::Location::caller());
        let name = self.shared.intern(name.as_ref());
        let (index, generation) = self.shared.insert(name.clone(), Box::pin(future));
        let id = self.shared.next_task_id.get() - 1;
        if self.tracing() {
            self.record(Kind::Spawn {
                child: id,
                name: name.to_string(),
            });
        }
        JoinHandle {
            shared: Rc::downgrade(&self.shared),
            index,
            generation,
            id,
            detached: false,
        }
    }

    /// Go's `go f()`: starts a task that the run owns and drops when it ends.
    #[track_caller]
    pub fn go(&self, name: impl AsRef<str>, future: impl Future<Output = ()> + 'static) -> u32 {
        let handle = self.spawn(name, future);
        let id = handle.id();
        handle.detach();
        id
    }

    /// Records a line of program output (Go's `fmt.Println`).
    #[track_caller]
    pub fn output(&self, text: impl Into<String>) {
        self.at(std::panic::Location::caller());
        if self.tracing() {
            self.record(Kind::Output { text: text.into() });
        }
    }

    /// Records a remark that is not output: a log line, a state change.
    #[track_caller]
    pub fn note(&self, text: impl Into<String>) {
        self.at(std::panic::Location::caller());
        self.record(Kind::Note { text: text.into() });
    }

    /// Records a change in the pattern's observable state (see
    /// [`Kind::State`]).
    #[track_caller]
    pub fn state(&self, key: impl Into<String>, value: impl ToString) {
        self.at(std::panic::Location::caller());
        if self.tracing() {
            self.record(Kind::State {
                key: key.into(),
                value: value.to_string(),
            });
        }
    }

    /// Records an error Go would report (a recovered panic, a bad close).
    #[track_caller]
    pub fn error(&self, message: impl Into<String>) {
        self.at(std::panic::Location::caller());
        self.record(Kind::Error {
            message: message.into(),
        });
    }

    /// Takes one injected fault named `what`, if the reader injected one
    /// (see [`Run::inject`]).
    pub fn take_injected(&self, what: &str) -> bool {
        let mut injected = self.shared.injected.borrow_mut();
        match injected.iter().position(|w| w == what) {
            Some(i) => {
                injected.remove(i);
                true
            }
            None => false,
        }
    }

    /// A seed-determined number in `0..n`.
    pub fn rand_below(&self, n: u64) -> u64 {
        self.shared.rng.borrow_mut().below(n)
    }

    /// Whether the trace records anything (benchmarks turn it off).
    pub fn tracing(&self) -> bool {
        self.shared.level.get() != Level::Off
    }

    /// Records `kind` for the task being polled.
    pub fn record(&self, kind: Kind) {
        if !self.tracing() {
            return;
        }
        let task = self.current_task();
        self.shared.record_as(&task, kind);
    }

    /// The current task's number and slab index (`u32::MAX`s outside a task).
    pub(crate) fn current_ids(&self) -> (u32, u32) {
        let id = self.shared.current.borrow().as_ref().map_or(u32::MAX, |t| t.id);
        let index = self.shared.current_index.get();
        (id, u32::try_from(index).unwrap_or(u32::MAX))
    }

    pub(crate) fn current_task(&self) -> TaskRef {
        self.shared.current.borrow().clone().unwrap_or_else(|| TaskRef {
            id: u32::MAX,
            index: u32::MAX,
            name: "runtime".into(),
        })
    }

    /// Notes the pattern line the current task is calling rt from: each
    /// `#[track_caller]` entry point of rt calls this, and the events the
    /// task records from then on carry the line.
    pub(crate) fn at(&self, location: &std::panic::Location<'_>) {
        if !self.tracing() || !location.file().contains("patterns") {
            return;
        }
        let index = self.shared.current_index.get();
        if let Ok(tasks) = self.shared.tasks.try_borrow() {
            if let Some(slot) = tasks.entries.get(index).and_then(|e| e.slot.as_ref()) {
                slot.line.set(location.line());
            }
        }
    }

    /// Notes the source line the current task is at when the caller is not
    /// Rust pattern code (the Go interpreter's current op), as [`Rt::at`]
    /// does for `#[track_caller]` entry points.
    pub(crate) fn set_line(&self, line: u32) {
        if !self.tracing() {
            return;
        }
        let index = self.shared.current_index.get();
        if let Ok(tasks) = self.shared.tasks.try_borrow() {
            if let Some(slot) = tasks.entries.get(index).and_then(|e| e.slot.as_ref()) {
                slot.line.set(line);
            }
        }
    }

    /// Marks the current task parked on `on`, for deadlock reports, and
    /// records the park.
    pub(crate) fn park(&self, what: &'static str, object: &Rc<str>) {
        let on = WaitOn {
            what,
            object: object.clone(),
        };
        if self.tracing() {
            if let Some(task) = self.shared.current.borrow().as_ref() {
                self.shared.record_as(task, Kind::Park { on: on.to_string() });
            }
        }
        let mut tasks = self.shared.tasks.borrow_mut();
        let index = self.shared.current_index.get();
        if let Some(slot) = tasks.entries.get_mut(index).and_then(|e| e.slot.as_mut()) {
            slot.waiting = Some(on);
        }
    }

    /// A fresh id for a channel, lock, group or context.
    pub(crate) fn next_object_id(&self) -> u32 {
        let id = self.shared.next_object_id.get();
        self.shared.next_object_id.set(id + 1);
        id
    }
}
