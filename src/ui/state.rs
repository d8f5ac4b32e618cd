//! The page's state and its reducer. `reduce` is pure: no spawning, no
//! timers, no randomness (a new seed arrives inside the action). The run
//! itself lives in [`use_run`](super::hooks::use_run), which dispatches
//! what happens to it here.

use std::rc::Rc;

use yew::prelude::*;

use crate::dense::VecMap;
use crate::patterns::{Params, PatternId};
use crate::rt::{Millis, Outcome, Trace};

pub use crate::share::{parse_seed, parse_speed, ClockKind, Speed};
use crate::share::{Theme, UrlError, UrlState};

/// Where the current run is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunStatus {
    Ready,
    Running,
    Paused,
    Finished(Millis),
    Error(String),
}

impl RunStatus {
    /// The status line, which starts with the word the contract promises.
    pub fn text(&self, now: Millis) -> String {
        match self {
            RunStatus::Ready => "Ready".to_string(),
            RunStatus::Running => format!("Running: {now} ms"),
            RunStatus::Paused => format!("Paused at {now} ms"),
            RunStatus::Finished(at) => format!("Finished at {at} ms"),
            RunStatus::Error(message) => format!("Error: {message}"),
        }
    }
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PageState {
    pub pattern: PatternId,
    /// The valid parameters a run uses.
    pub params: Params,
    /// What is typed in each parameter field, valid or not.
    pub drafts: VecMap<&'static str, String>,
    /// Why a field's draft is not used.
    pub field_errors: VecMap<&'static str, String>,
    pub seed: u64,
    pub seed_error: Option<String>,
    pub speed: Speed,
    pub speed_error: Option<String>,
    pub clock: ClockKind,
    pub status: RunStatus,
    /// The run's trace so far: a prefix of the run's own log, shared, never
    /// copied.
    pub trace: Trace,
    pub now: Millis,
    /// Where the reader moved the playhead (`None`: it follows the run).
    pub playhead: Option<Millis>,
    /// Values from the URL that could not be used, until dismissed.
    pub url_errors: Vec<String>,
    /// The compact view for an iframe (`embed=1`).
    pub embed: bool,
    /// Start when scrolled into view (`autoplay=1`).
    pub autoplay: bool,
    /// Light, dark, or the system's (`theme=`).
    pub theme: Theme,
    /// Bumped whenever a run starts or is reset, so news from an old run is
    /// ignored.
    pub generation: u64,
}

/// Something that happened on the page or to the run.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SelectPattern(PatternId),
    EditParam(&'static str, String),
    EditSeed(String),
    SetSeed(u64),
    EditSpeed(String),
    SetClock(ClockKind),
    /// A run started; its news carries this generation.
    Started(u64),
    /// The run moved on: its trace so far, the time, and how it ended if
    /// it did.
    Progress {
        generation: u64,
        trace: Trace,
        now: Millis,
        outcome: Option<Outcome>,
    },
    /// The reader chose a colour scheme.
    SetTheme(Theme),
    /// The reader moved the playhead (`None`: back to following the run).
    SetPlayhead(Option<Millis>),
    Paused,
    Resumed,
    Reset,
    DismissAlerts,
}

impl PageState {
    /// The page for `pattern` with its defaults.
    pub fn new(pattern: PatternId) -> PageState {
        let params = Params::defaults(pattern);
        PageState {
            pattern,
            drafts: params.pairs().into_iter().collect(),
            params,
            field_errors: VecMap::new(),
            seed: 1,
            seed_error: None,
            speed: Speed::ONE,
            speed_error: None,
            clock: ClockKind::Virtual,
            status: RunStatus::Ready,
            trace: Trace::default(),
            now: 0,
            playhead: None,
            url_errors: Vec::new(),
            embed: false,
            autoplay: false,
            theme: Theme::System,
            generation: 0,
        }
    }

    /// The page a URL describes, with what could not be used from it.
    pub fn from_url(url: &UrlState, errors: &[UrlError]) -> PageState {
        let mut s = PageState::new(url.pattern);
        s.drafts = url.params.pairs().into_iter().collect();
        s.params = url.params.clone();
        s.seed = url.seed;
        s.speed = url.speed;
        s.clock = url.clock;
        s.embed = url.embed;
        s.autoplay = url.autoplay;
        s.theme = url.theme;
        s.url_errors = errors.iter().map(ToString::to_string).collect();
        s
    }

    /// What the URL should say for this page.
    pub fn to_url(&self) -> UrlState {
        UrlState {
            pattern: self.pattern,
            clock: self.clock,
            seed: self.seed,
            speed: self.speed,
            params: self.params.clone(),
            embed: self.embed,
            autoplay: self.autoplay,
            theme: self.theme,
        }
    }

    /// Whether any field holds a value the run would not use.
    pub fn has_errors(&self) -> bool {
        !self.field_errors.is_empty() || self.seed_error.is_some() || self.speed_error.is_some()
    }

    fn cleared(mut self) -> PageState {
        self.status = RunStatus::Ready;
        self.trace = Trace::default();
        self.now = 0;
        self.playhead = None;
        self.generation += 1;
        self
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SelectPattern(p) => {
                if p == s.pattern {
                    return self;
                }
                let mut next = PageState::new(p);
                next.seed = s.seed;
                next.speed = s.speed;
                next.clock = s.clock;
                next.embed = s.embed;
                next.autoplay = s.autoplay;
                next.theme = s.theme;
                next.generation = s.generation;
                return Rc::new(next.cleared());
            }
            Action::EditParam(name, text) => {
                match s.params.set(name, &text) {
                    Ok(()) => {
                        s.field_errors.remove(&name);
                    }
                    Err(e) => {
                        s.field_errors.insert(name, e.expected);
                    }
                }
                s.drafts.insert(name, text);
            }
            Action::EditSeed(text) => match parse_seed(&text) {
                Ok(seed) => {
                    s.seed = seed;
                    s.seed_error = None;
                }
                Err(e) => s.seed_error = Some(e),
            },
            Action::SetSeed(seed) => {
                s.seed = seed;
                s.seed_error = None;
            }
            Action::EditSpeed(text) => match parse_speed(&text) {
                Ok(speed) => {
                    s.speed = speed;
                    s.speed_error = None;
                }
                Err(e) => s.speed_error = Some(e),
            },
            Action::SetClock(clock) => {
                if clock == s.clock {
                    return self;
                }
                s.clock = clock;
                return Rc::new(s.cleared());
            }
            Action::Started(generation) => {
                s.generation = generation;
                s.status = RunStatus::Running;
                s.trace = Trace::default();
                s.now = 0;
                s.playhead = None;
            }
            Action::Progress {
                generation,
                trace,
                now,
                outcome,
            } => {
                if generation != s.generation {
                    return self;
                }
                s.trace = trace;
                s.now = now;
                match outcome {
                    Some(Outcome::Finished { at }) => s.status = RunStatus::Finished(at),
                    Some(Outcome::Deadlock(d)) => s.status = RunStatus::Error(d.to_string()),
                    None => {}
                }
            }
            Action::Paused => {
                if s.status == RunStatus::Running {
                    s.status = RunStatus::Paused;
                }
            }
            Action::Resumed => {
                if s.status == RunStatus::Paused {
                    s.status = RunStatus::Running;
                }
            }
            Action::SetTheme(theme) => s.theme = theme,
            Action::SetPlayhead(at) => {
                // At or past the run's time, the playhead follows the run.
                s.playhead = at.filter(|&t| t < s.now);
            }
            Action::Reset => return Rc::new(s.cleared()),
            Action::DismissAlerts => s.url_errors.clear(),
        }
        Rc::new(s)
    }
}
