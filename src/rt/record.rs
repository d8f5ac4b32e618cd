//! Recording: what goes into the trace, and from where. Every event is
//! recorded here, by rt itself (nothing outside rt can forge one); each
//! carries the source position its task last called rt from, and a park
//! carries what the task waits for.

use std::rc::Rc;

use super::executor::{Rt, Run, Shared};
use super::task::TaskRef;
use super::trace::{Event, Fact, Kind, Label, Level, Name, Pos, Wait};

/// How the trace names the runtime when it acts (a timer, the deadlock
/// detector) and the reader (an injected fault).
pub(super) const RUNTIME: &str = "runtime";
pub(super) const READER: &str = "you";

impl Shared {
    /// The source position task `task` last called rt from.
    fn pos_of(&self, task: &TaskRef) -> Option<Pos> {
        let tasks = self.tasks.try_borrow().ok()?;
        let slot = tasks.entries.get(task.index as usize)?.slot.as_ref()?;
        if slot.task.id == task.id {
            slot.pos.get()
        } else {
            None
        }
    }

    /// Whether the run's level records `kind`.
    fn keeps(&self, kind: &Kind) -> bool {
        match self.level.get() {
            Level::Off => false,
            Level::Outputs => matches!(kind, Kind::Output { .. }),
            Level::Events | Level::Verbose => true,
        }
    }

    pub(crate) fn record_as(&self, task: &TaskRef, kind: Kind) {
        if !self.keeps(&kind) {
            return;
        }
        let pos = self.pos_of(task);
        self.events.push(Event {
            t: self.clock.now(),
            task_id: Some(task.id),
            task: task.name.clone(),
            pos,
            kind,
        });
    }

    /// Records `kind` as done by the runtime or the reader, not a task.
    pub(crate) fn record_other(&self, who: &str, kind: Kind) {
        if !self.keeps(&kind) {
            return;
        }
        self.events.push(Event {
            t: self.clock.now(),
            task_id: None,
            task: Rc::from(who),
            pos: None,
            kind,
        });
    }
}

impl Rt {
    /// Records a line of program output (Go's `fmt.Println`).
    #[track_caller]
    pub fn output(&self, text: impl Into<Name>) {
        self.output_line(text.into(), None, false);
    }

    /// A line written to standard error (Go's `println` and `log`).
    #[track_caller]
    pub fn output_stderr(&self, text: impl Into<Name>) {
        self.output_line(text.into(), None, true);
    }

    /// [`output`](Rt::output), labelled by the pattern: a line whose origin
    /// is in its value (a square names its input), not in who sent it.
    #[track_caller]
    pub fn output_labelled(&self, text: impl Into<Name>, label: Label) {
        self.output_line(text.into(), Some(label), false);
    }

    /// The one body of the three above; `track_caller` carries their
    /// caller's position through to the event.
    #[track_caller]
    fn output_line(&self, text: Name, label: Option<Label>, stderr: bool) {
        self.at(std::panic::Location::caller());
        if self.tracing() {
            self.record(Kind::Output { text, label, stderr });
        }
    }

    /// Records a remark that is not output: a log line, a state change.
    #[track_caller]
    pub fn note(&self, text: impl Into<String>) {
        self.at(std::panic::Location::caller());
        self.record(Kind::Note { text: text.into() });
    }

    /// Records a change in the pattern's observable state, which a view
    /// draws (see [`Fact`]).
    #[track_caller]
    pub fn fact(&self, fact: Fact) {
        self.at(std::panic::Location::caller());
        if self.tracing() {
            self.record(Kind::State { fact });
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

    /// Whether the trace records anything (benchmarks turn it off).
    pub fn tracing(&self) -> bool {
        self.shared.level.get() != Level::Off
    }

    /// Records `kind` for the task being polled (for the runtime, outside
    /// any task). Only rt records: the trace cannot be forged from outside.
    pub(crate) fn record(&self, kind: Kind) {
        if !self.tracing() {
            return;
        }
        match self.current_task() {
            Some(task) => self.shared.record_as(&task, kind),
            None => self.shared.record_other(RUNTIME, kind),
        }
    }

    /// The current task's number and slab index, inside a task.
    pub(crate) fn current_ids(&self) -> Option<(u32, u32)> {
        let current = self.shared.current.borrow();
        let task = current.as_ref()?;
        Some((task.id, task.index))
    }

    pub(crate) fn current_task(&self) -> Option<TaskRef> {
        self.shared.current.borrow().clone()
    }

    /// Who is acting now, as a wake names it.
    pub(crate) fn current_name(&self) -> Rc<str> {
        self.shared
            .current
            .borrow()
            .as_ref()
            .map_or_else(|| Rc::from(RUNTIME), |t| t.name.clone())
    }

    /// Notes where in the tracked source file the current task is calling
    /// rt from: each `#[track_caller]` entry point of rt calls this, and the
    /// events the task records from then on carry the position.
    pub(crate) fn at(&self, location: &std::panic::Location<'_>) {
        if !self.tracing() || self.shared.source_file.get() != Some(location.file()) {
            return;
        }
        self.set_pos(Pos {
            line: location.line(),
            col: location.column(),
        });
    }

    /// Sets the source position the current task's next events carry: an
    /// interpreter calls this with the position of the statement it runs.
    pub fn set_pos(&self, pos: Pos) {
        if let Some((_, index)) = self.current_ids() {
            if let Ok(tasks) = self.shared.tasks.try_borrow() {
                if let Some(slot) = tasks.entries.get(index as usize).and_then(|e| e.slot.as_ref()) {
                    slot.pos.set(Some(pos));
                }
            }
        }
    }

    /// Marks the current task parked on what `wait` describes, for deadlock
    /// reports, and records the park. Inside a select's poll of its arms it
    /// does nothing: the select parks once, naming every arm.
    pub(crate) fn park(&self, wait: impl FnOnce() -> Wait) {
        if !self.tracing() || self.shared.in_select.get() {
            return;
        }
        let Some(task) = self.current_task() else {
            return;
        };
        let wait = wait();
        self.shared.record_as(&task, Kind::Park { wait: wait.clone() });
        let mut tasks = self.shared.tasks.borrow_mut();
        if let Some(slot) = tasks
            .entries
            .get_mut(task.index as usize)
            .and_then(|e| e.slot.as_mut())
        {
            slot.waiting = Some(wait);
        }
    }

    /// Runs `f` with parks folded into the caller's (a select's) own.
    pub(crate) fn in_select<T>(&self, f: impl FnOnce() -> T) -> T {
        let outer = self.shared.in_select.replace(true);
        let out = f();
        self.shared.in_select.set(outer);
        out
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
}

impl Run {
    /// Injects a fault named `what` from outside the run (the reader's
    /// button); a pattern that watches for it takes it with
    /// [`Rt::take_injected`]. Recorded in the trace as done by "you".
    pub fn inject(&self, what: &str) {
        self.shared.injected.borrow_mut().push(what.to_string());
        self.shared.record_other(
            READER,
            Kind::Inject {
                fault: what.to_string(),
            },
        );
    }
}
