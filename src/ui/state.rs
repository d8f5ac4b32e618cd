//! The page's state and its reducer. `reduce` is pure: no spawning, no
//! timers, no randomness (a new seed arrives inside the action). The run
//! itself lives in [`use_run`](super::hooks::use_run), which dispatches
//! what happens to it here.

use std::rc::Rc;

use yew::prelude::*;

use crate::dense::VecMap;
use crate::patterns::{bind, Params, PatternId};
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
    /// The reader edited the Go while a run of it was on show, which reset
    /// that run (it ran other code): the status says so, until a run.
    pub reset_by_edit: bool,
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
    /// The "Your Go" tab: the reader's own program, not a pattern.
    pub your_go: bool,
    /// The Go in the editor when it is not the article's (or, for Your Go,
    /// not the empty main).
    pub source: Option<String>,
    /// Go 1.21's shared loop variables (`Some(true)`), Go 1.22's
    /// per-iteration ones (`Some(false)`), or what the source asks for.
    pub go121: Option<bool>,
    /// What ran or runs: the interpreted Go (else the Rust port).
    pub ran_go: bool,
    /// Why the Go did not compile, at the last Run.
    pub compile_errors: Vec<GoError>,
    /// Go's message for a panic, a deadlock or a stopped runaway program.
    pub go_error: Option<String>,
    /// The reader's edited Go that Revert or a starting program replaced,
    /// until they edit again: one click brings it back (the textarea's own
    /// undo cannot, as the text was set from outside it).
    pub replaced: Option<String>,
    /// Each other tab's own edits (its Go, its fields), by tab (`None`:
    /// Your Go), kept while the reader is away: switching tabs used to
    /// lose them, and arrow keys alone switch tabs. Shared, since every
    /// action clones the state.
    saved: Rc<VecMap<Option<PatternId>, Saved>>,
}

/// What a tab keeps while the reader is on another.
#[derive(Debug, Clone, PartialEq)]
struct Saved {
    params: Params,
    drafts: VecMap<&'static str, String>,
    field_errors: VecMap<&'static str, String>,
    source: Option<String>,
}

/// The other tabs' edits, for the tab's session storage to keep over a
/// reload: a reload used to bring back only the tab in the address bar.
/// Equal while the same edits are kept, so the page writes them once.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptTabs {
    current: Option<PatternId>,
    saved: Rc<VecMap<Option<PatternId>, Saved>>,
}

impl KeptTabs {
    /// Each other tab with edits, as the query that opens it.
    pub fn queries(&self) -> Vec<String> {
        self.saved
            .iter()
            .filter(|(tab, saved)| **tab != self.current && saved.is_edited(**tab))
            .map(|(tab, saved)| {
                let mut url = UrlState::parse("").0;
                url.your_go = tab.is_none();
                url.pattern = tab.unwrap_or(url.pattern);
                url.params = saved.params.clone();
                url.code = saved.source.clone();
                url.to_query()
            })
            .collect()
    }
}

impl Saved {
    /// Whether the reader changed anything in this tab (its Go, or a field).
    fn is_edited(&self, tab: Option<PatternId>) -> bool {
        self.source.is_some() || tab.is_some_and(|p| self.params != Params::defaults(p))
    }
}

/// A compile error of the reader's Go, for the editor and the alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoError {
    /// 1-based, as Go prints them.
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl std::fmt::Display for GoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Something that happened on the page or to the run.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SelectPattern(PatternId),
    /// The "Your Go" tab.
    SelectYourGo,
    /// The reader typed: the editor's whole text.
    EditSource(String),
    /// Back to the article's code (or, for Your Go, the empty main).
    Revert,
    /// A starting program replaces the editor's text.
    StartFrom(&'static str),
    /// Brings back the edits that Revert or a starting program replaced.
    UndoReplace,
    /// Which loop-variable semantics the Go runs with.
    SetGo121(Option<bool>),
    /// The run on show was reset because the reader edited its Go.
    ResetByEdit,
    /// Run found the Go does not compile.
    CompileFailed(Vec<GoError>),
    EditParam(&'static str, String),
    EditSeed(String),
    SetSeed(u64),
    EditSpeed(String),
    SetClock(ClockKind),
    /// A run started (of the interpreted Go, or the Rust port); its news
    /// carries this generation.
    Started {
        generation: u64,
        go: bool,
    },
    /// The run moved on: its trace so far, the time, and how it ended if
    /// it did.
    Progress {
        generation: u64,
        trace: Trace,
        now: Millis,
        outcome: Option<Outcome>,
        /// Go's message when the interpreted program failed.
        fatal: Option<String>,
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
            reset_by_edit: false,
            trace: Trace::default(),
            now: 0,
            playhead: None,
            url_errors: Vec::new(),
            embed: false,
            autoplay: false,
            theme: Theme::System,
            generation: 0,
            your_go: false,
            source: None,
            go121: None,
            ran_go: false,
            compile_errors: Vec::new(),
            go_error: None,
            replaced: None,
            saved: Rc::default(),
        }
    }

    /// The page of the "Your Go" tab.
    pub fn your_go() -> PageState {
        PageState {
            your_go: true,
            ..PageState::new(PatternId::SpawnWait)
        }
    }

    /// The Go the editor starts from: the article's, or the empty main.
    pub fn original_source(&self) -> &'static str {
        if self.your_go {
            crate::starters::BLANK
        } else {
            self.pattern.go_source()
        }
    }

    /// The Go in the editor.
    pub fn editor_text(&self) -> &str {
        self.source.as_deref().unwrap_or(self.original_source())
    }

    /// Whether Run runs the interpreted Go rather than the Rust port.
    pub fn runs_go(&self) -> bool {
        self.your_go || self.source.is_some()
    }

    /// The program Run interprets: the editor's text, with the pattern's
    /// parameters written into it.
    pub fn go_program(&self) -> String {
        if self.your_go {
            self.editor_text().to_string()
        } else {
            bind::bind(self.editor_text(), &self.params).source
        }
    }

    /// The parameters the edited Go no longer reads (none while the Rust
    /// port runs), and of those, the ones whose value the reader typed
    /// into the Go.
    pub fn unread_params(&self) -> (Vec<&'static str>, Vec<&'static str>) {
        match &self.source {
            Some(text) if !self.your_go => {
                let bound = bind::bind(text, &self.params);
                (bound.unread, bound.edited)
            }
            _ => (Vec::new(), Vec::new()),
        }
    }

    /// The page a URL describes, with what could not be used from it.
    pub fn from_url(url: &UrlState, errors: &[UrlError]) -> PageState {
        let mut s = if url.your_go {
            PageState::your_go()
        } else {
            PageState::new(url.pattern)
        };
        s.drafts = url.params.pairs().into_iter().collect();
        s.params = url.params.clone();
        s.seed = url.seed;
        s.speed = url.speed;
        s.clock = url.clock;
        s.embed = url.embed;
        s.autoplay = url.autoplay;
        s.theme = url.theme;
        // The alert names the first few; a link can carry thousands.
        const NAMED: usize = 10;
        s.url_errors = errors.iter().take(NAMED).map(ToString::to_string).collect();
        if errors.len() > NAMED {
            // The parser names at most a thousand.
            let more = match errors.len() {
                n if n >= 1000 => "over 990".to_string(),
                n => (n - NAMED).to_string(),
            };
            s.url_errors.push(format!(
                "… and {more} more values in the link that could not be used."
            ));
        }
        s.go121 = url.go121;
        s.source = url.code.clone().filter(|c| c != s.original_source());
        s
    }

    /// The other tabs' edits, to keep over a reload (see [`KeptTabs`]).
    pub fn kept_tabs(&self) -> KeptTabs {
        KeptTabs {
            current: (!self.your_go).then_some(self.pattern),
            saved: self.saved.clone(),
        }
    }

    /// Brings back the other tabs' edits kept over a reload, each given as
    /// the query that opens its tab ([`KeptTabs::queries`]). The tab in
    /// the address bar keeps what the address says, and a query that does
    /// not parse cleanly is left out.
    pub fn with_kept_tabs(mut self, queries: &[String]) -> PageState {
        let current = (!self.your_go).then_some(self.pattern);
        for query in queries {
            let (url, errors) = UrlState::parse(query);
            let tab = (!url.your_go).then_some(url.pattern);
            if !errors.is_empty() || tab == current {
                continue;
            }
            let kept = PageState::from_url(&url, &[]);
            Rc::make_mut(&mut self.saved).insert(
                tab,
                Saved {
                    params: kept.params,
                    drafts: kept.drafts,
                    field_errors: VecMap::new(),
                    source: kept.source,
                },
            );
        }
        self
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
            your_go: self.your_go,
            code: self.source.clone(),
            go121: self.go121,
        }
    }

    /// Whether any field holds a value the run would not use.
    pub fn has_errors(&self) -> bool {
        !self.field_errors.is_empty() || self.seed_error.is_some() || self.speed_error.is_some()
    }

    fn cleared(mut self) -> PageState {
        self.status = RunStatus::Ready;
        self.reset_by_edit = false;
        self.trace = Trace::default();
        self.now = 0;
        self.playhead = None;
        self.generation += 1;
        self.ran_go = false;
        self.go_error = None;
        self
    }

    /// The page for another tab, keeping the run settings and the view,
    /// this tab's edits, and restoring the other tab's.
    fn switched(&self, mut next: PageState) -> Rc<PageState> {
        let tab = |s: &PageState| (!s.your_go).then_some(s.pattern);
        let mut saved = self.saved.clone();
        Rc::make_mut(&mut saved).insert(
            tab(self),
            Saved {
                params: self.params.clone(),
                drafts: self.drafts.clone(),
                field_errors: self.field_errors.clone(),
                source: self.source.clone(),
            },
        );
        if let Some(kept) = saved.get(&tab(&next)) {
            next.params = kept.params.clone();
            next.drafts = kept.drafts.clone();
            next.field_errors = kept.field_errors.clone();
            next.source = kept.source.clone();
        }
        next.saved = saved;
        next.seed = self.seed;
        next.speed = self.speed;
        next.clock = self.clock;
        next.embed = self.embed;
        next.autoplay = self.autoplay;
        next.theme = self.theme;
        next.go121 = self.go121;
        next.generation = self.generation;
        Rc::new(next.cleared())
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SelectPattern(p) => {
                if p == s.pattern && !s.your_go {
                    return self;
                }
                return s.switched(PageState::new(p));
            }
            Action::SelectYourGo => {
                if s.your_go {
                    return self;
                }
                return s.switched(PageState::your_go());
            }
            Action::EditSource(text) => {
                s.source = (text != s.original_source()).then_some(text);
                s.replaced = None;
            }
            Action::Revert => {
                s.replaced = s.source.take();
                s.compile_errors.clear();
                return Rc::new(s.cleared());
            }
            Action::StartFrom(id) => {
                if let Some(starter) = crate::starters::by_id(id) {
                    let next = (starter.source != s.original_source()).then(|| starter.source.to_string());
                    if s.source != next {
                        s.replaced = std::mem::replace(&mut s.source, next);
                    }
                    s.compile_errors.clear();
                    return Rc::new(s.cleared());
                }
            }
            Action::UndoReplace => {
                if let Some(text) = s.replaced.take() {
                    s.source = (text != s.original_source()).then_some(text);
                    s.compile_errors.clear();
                    return Rc::new(s.cleared());
                }
            }
            Action::SetGo121(go121) => s.go121 = go121,
            Action::ResetByEdit => s.reset_by_edit = true,
            Action::CompileFailed(errors) => {
                s = s.cleared();
                s.status = RunStatus::Error(errors.first().map(ToString::to_string).unwrap_or_default());
                s.compile_errors = errors;
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
            Action::Started { generation, go } => {
                s.generation = generation;
                s.ran_go = go;
                s.compile_errors.clear();
                s.go_error = None;
                s.status = RunStatus::Running;
                s.reset_by_edit = false;
                s.trace = Trace::default();
                s.now = 0;
                s.playhead = None;
            }
            Action::Progress {
                generation,
                trace,
                now,
                outcome,
                fatal,
            } => {
                if generation != s.generation {
                    return self;
                }
                s.trace = trace;
                s.now = now;
                match (outcome, fatal) {
                    // A Go panic ends the program (its other goroutines
                    // with it): the status says why, in Go's words.
                    (Some(_), Some(message)) => {
                        s.status = RunStatus::Error(message.lines().next().unwrap_or_default().to_string());
                        s.go_error = Some(message);
                    }
                    (Some(Outcome::Finished { at }), None) => s.status = RunStatus::Finished(at),
                    (Some(Outcome::Deadlock(d)), None) => {
                        s.status =
                            RunStatus::Error(d.to_string().lines().next().unwrap_or_default().to_string());
                        s.go_error = Some(d.to_string());
                    }
                    (None, _) => {}
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
