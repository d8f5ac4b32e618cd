//! `use_model`: the views' model of the run, folded incrementally.
//!
//! Following the run live, each render folds in only the events that
//! arrived since the last one, so a slice costs the page work in proportion
//! to the slice, not to the run so far. With the playhead moved into the
//! past, the model at that instant is read back from the trace once per
//! playhead position (and not again while the run grows past it).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::rt::{Millis, Trace};
use crate::view::Model;

/// The model a view draws, and which state of it: equal handles mean the
/// same model at the same point, so a view re-renders only when it moved.
#[derive(Clone)]
pub struct ModelRef {
    model: Rc<RefCell<Model>>,
    key: (usize, Millis),
}

impl PartialEq for ModelRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && self.key == other.key
    }
}

impl ModelRef {
    /// Calls `f` with the model.
    pub fn with<R>(&self, f: impl FnOnce(&Model) -> R) -> R {
        f(&self.model.borrow())
    }
}

struct Live {
    trace: Trace,
    model: Rc<RefCell<Model>>,
}

/// The model of `trace` at `at` (`None`: at its end, live).
#[hook]
pub fn use_model(trace: &Trace, at: Option<Millis>) -> ModelRef {
    let live = use_mut_ref(|| Live {
        trace: Trace::default(),
        model: Rc::new(RefCell::new(Model::default())),
    });
    {
        let mut live = live.borrow_mut();
        if !live.trace.is_prefix_of(trace) {
            // A new run (or a reset): start the fold again.
            live.model = Rc::new(RefCell::new(Model::default()));
            live.trace = Trace::default();
        }
        if live.trace != *trace {
            let from = live.trace.len();
            trace.with(|events| live.model.borrow_mut().extend(events.iter_from(from)));
            live.trace = trace.clone();
        }
    }
    let end = trace.end_time();
    // The past: the prefix of events at or before `at` decides the model, so
    // the memo holds while the run grows beyond it.
    let past = at.filter(|&t| t < end).map(|t| {
        let upto = trace.with(|events| events.partition_point(|e| e.t <= t));
        (trace.prefix(upto), t)
    });
    let scrubbed = use_memo(past.clone(), |past| {
        past.as_ref()
            .map(|(prefix, t)| Rc::new(RefCell::new(prefix.with(|events| Model::at_events(events, *t)))))
    });
    match (&*scrubbed, past) {
        (Some(model), Some((prefix, t))) => ModelRef {
            model: model.clone(),
            key: (prefix.len(), t),
        },
        _ => ModelRef {
            model: live.borrow().model.clone(),
            key: (trace.len(), end),
        },
    }
}
