//! Tasks: the slab that owns every task's future, the ready queue its
//! wakers push to, and [`TaskHandle`], which cancels its task on drop.

// Implementer notes. Tasks live in a slab; a slot's generation changes on
// reuse so a stale waker cannot wake a newer task. Futures are taken out of
// their slot while polled, so a task may spawn, wake or cancel others (or
// itself) without a RefCell conflict, and every future is dropped outside
// any borrow because dropping one runs user code. Wakers must be `Send +
// Sync` for `std::task::Waker`, so the ready queue sits behind an
// `Arc<Mutex<..>>`; there is only ever one thread, so the lock never waits.

use std::cell::Cell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Wake, Waker};

use futures::task::AtomicWaker;

use super::executor::Shared;
use super::trace::{Pos, Wait};

pub(super) type LocalFuture = Pin<Box<dyn Future<Output = ()>>>;

/// A task as the trace names it.
#[derive(Debug, Clone)]
pub(crate) struct TaskRef {
    pub(crate) id: u32,
    // Its slab slot, to find its current source line when recording.
    pub(crate) index: u32,
    pub(crate) name: Rc<str>,
}

pub(super) struct Slot {
    pub(super) task: TaskRef,
    pub(super) future: Option<LocalFuture>,
    // The waker is made from this Arc at each poll rather than cached: one
    // atomic increment per poll is cheaper than 16 bytes per parked task.
    pub(super) flag: Arc<TaskWaker>,
    // What it is parked on, for deadlock reports (recorded only while
    // tracing, since building it costs a string or two).
    pub(super) waiting: Option<Wait>,
    // Where in the program the run shows this task last called into rt,
    // which the events it records carry for the page to highlight.
    pub(super) pos: Cell<Option<Pos>>,
    // Set when the task is cancelled while its future is out being polled.
    pub(super) cancelled: bool,
}

pub(super) struct Entry {
    pub(super) generation: u32,
    pub(super) slot: Option<Slot>,
}

#[derive(Default)]
pub(super) struct Tasks {
    pub(super) entries: Vec<Entry>,
    pub(super) free: Vec<usize>,
    pub(super) live: usize,
}

#[derive(Default)]
pub(super) struct ReadyQueue {
    pub(super) queue: Mutex<Vec<(u32, u32)>>,
    // Woken when the queue goes from empty to non-empty: the browser driver
    // waits on it between slices.
    pub(super) notify: AtomicWaker,
}

pub(super) struct TaskWaker {
    pub(super) index: u32,
    pub(super) generation: u32,
    pub(super) queued: AtomicBool,
    pub(super) ready: Arc<ReadyQueue>,
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

/// A task spawned with [`Rt::spawn`]: dropping the handle cancels the task.
#[must_use = "dropping a TaskHandle cancels its task; call detach() to let it run"]
pub struct TaskHandle {
    pub(super) shared: Weak<Shared>,
    pub(super) index: usize,
    pub(super) generation: u32,
    pub(super) id: u32,
    pub(super) detached: bool,
}

impl fmt::Debug for TaskHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskHandle")
            .field("id", &self.id)
            .field("finished", &self.is_finished())
            .finish()
    }
}

impl TaskHandle {
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

impl Drop for TaskHandle {
    fn drop(&mut self) {
        if self.detached {
            return;
        }
        if let Some(shared) = self.shared.upgrade() {
            shared.abort(self.index, self.generation, "handle dropped");
        }
    }
}

impl Shared {
    pub(super) fn insert(&self, name: Rc<str>, future: LocalFuture) -> (usize, u32) {
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
            pos: Cell::new(None),
            cancelled: false,
        });
        tasks.live += 1;
        drop(tasks);
        waker.wake();
        (index, generation)
    }

    pub(super) fn is_alive(&self, index: usize, generation: u32) -> bool {
        let tasks = self.tasks.borrow();
        tasks
            .entries
            .get(index)
            .is_some_and(|e| e.generation == generation && e.slot.is_some())
    }

    /// The task in slab slot `index`, if it is still that task's
    /// `generation`.
    pub(super) fn task_at(&self, index: usize, generation: u32) -> Option<TaskRef> {
        let tasks = self.tasks.borrow();
        tasks
            .entries
            .get(index)
            .filter(|e| e.generation == generation)
            .and_then(|e| e.slot.as_ref())
            .map(|s| s.task.clone())
    }

    pub(super) fn remove(&self, index: usize, generation: u32) -> Option<Slot> {
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

    /// The task in slab slot `index`, if it is still task `id`; `None` once
    /// it has ended (nothing is recorded for a task that is gone).
    pub(crate) fn task_ref(&self, id: u32, index: u32) -> Option<TaskRef> {
        let tasks = self.tasks.borrow();
        tasks
            .entries
            .get(index as usize)
            .and_then(|e| e.slot.as_ref())
            .filter(|s| s.task.id == id)
            .map(|s| s.task.clone())
    }

    pub(super) fn intern(&self, name: &str) -> Rc<str> {
        let mut last = self.last_name.borrow_mut();
        if &**last != name {
            *last = Rc::from(name);
        }
        last.clone()
    }
}
