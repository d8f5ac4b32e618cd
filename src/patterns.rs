//! The article's patterns, organised by the problem each one solves.
//!
//! | id | problem | the Go tool |
//! |---|---|---|
//! | `spawn-wait` | run one thing in the background and wait for its answer | `go` and an unbuffered channel |
//! | `waitgroup` | wait for a known number of workers | `sync.WaitGroup`, a channel buffered to the number of results |
//! | `words` | fan out over dynamic input, and stop workers early | one goroutine per item, a done channel |
//! | `deadline` | give up on slow work | `context.WithDeadline` |
//! | `token-cache` | keep a shared value fresh for the life of a server | a refresher goroutine and a mutex |
//! | `token-future` | serve that value by message instead of by lock | a request channel and a future per caller |
//! | `pipeline` | process a stream in stages | generate, square with N workers, merge |
//!
//! Every pattern is an `async fn run(rt: Rt, params: Params)` written on
//! [`rt`](crate::rt) the way the article's Go is written, beside that Go code
//! (`src/patterns/go/<id>/main.go`, which `go vet` checks). [`Params`] holds
//! a pattern's parameters as validated text, as URLs and `--set` carry them;
//! [`start`] runs one on a [`Run`]:
//!
//! ```
//! use csp_playground::patterns::{self, Params, PatternId};
//! use csp_playground::rt::{Outcome, Run};
//!
//! assert_eq!(PatternId::parse("deadline"), Some(PatternId::Deadline));
//! let run = Run::new_virtual(1);
//! patterns::start(&run, &Params::defaults(PatternId::Deadline));
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 1000 });
//! ```

use crate::dense::VecMap;
use crate::rt::Run;

pub mod bind;
pub mod deadline;
pub mod params;
pub mod pipeline;
pub mod spawn_wait;
pub mod token_cache;
pub mod token_future;
pub mod waitgroup;
pub mod words;

pub use params::{Check, ParamError, ParamSpec};

/// One of the article's patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PatternId {
    SpawnWait,
    WaitGroup,
    Words,
    Deadline,
    TokenCache,
    TokenFuture,
    Pipeline,
}

impl PatternId {
    /// Every pattern, in the article's order.
    pub const ALL: [PatternId; 7] = [
        PatternId::SpawnWait,
        PatternId::WaitGroup,
        PatternId::Words,
        PatternId::Deadline,
        PatternId::TokenCache,
        PatternId::TokenFuture,
        PatternId::Pipeline,
    ];

    /// The id used in URLs and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            PatternId::SpawnWait => "spawn-wait",
            PatternId::WaitGroup => "waitgroup",
            PatternId::Words => "words",
            PatternId::Deadline => "deadline",
            PatternId::TokenCache => "token-cache",
            PatternId::TokenFuture => "token-future",
            PatternId::Pipeline => "pipeline",
        }
    }

    /// The title the page shows (and tests find the tab by).
    pub fn title(self) -> &'static str {
        match self {
            PatternId::SpawnWait => "Spawn and wait",
            PatternId::WaitGroup => "WaitGroup",
            PatternId::Words => "Dynamic words",
            PatternId::Deadline => "Deadline",
            PatternId::TokenCache => "Token cache",
            PatternId::TokenFuture => "Token future",
            PatternId::Pipeline => "Pipeline",
        }
    }

    /// One sentence on what the pattern is for.
    pub fn summary(self) -> &'static str {
        match self {
            PatternId::SpawnWait => "Start one goroutine and block on its answer.",
            PatternId::WaitGroup => "Wait for a known number of workers with a WaitGroup.",
            PatternId::Words => "One goroutine per word: order is lost, and a done channel stops them early.",
            PatternId::Deadline => "A context deadline cancels the work that is too slow.",
            PatternId::TokenCache => "A long-running refresher keeps a token fresh behind a mutex.",
            PatternId::TokenFuture => "Callers ask the refresher for the token by message and get a future.",
            PatternId::Pipeline => "Stages joined by channels: generate, square with N workers, merge.",
        }
    }

    /// Two plain sentences for a reader who has just read the article.
    pub fn explain(self) -> &'static str {
        match self {
            PatternId::SpawnWait => "main starts one goroutine and then blocks on an unbuffered channel until it answers. \
                Watch main's lane stay blocked until the worker's send at exactly the delay.",
            PatternId::WaitGroup => "main adds every worker to a WaitGroup up front and gives them a channel with room for every result. \
                No worker ever blocks on its send; main waits, closes the channel, then reads the results.",
            PatternId::Words => "Every word gets its own goroutine, so the words arrive in the order their work finished, not the order of the text. \
                Switch Capture to shared to see the loop-variable gotcha, or set Stop after to end the rest through the done channel.",
            PatternId::Deadline => "A context with a deadline closes its Done channel when the deadline passes. \
                Workers that finish before it print their result; the rest see Done at exactly the deadline, clean up, and return.",
            PatternId::TokenCache => "A refresher goroutine lives for the whole program and renews a token behind a mutex before it expires. \
                Callers wait on the lock during a refresh; failing refreshes are recovered and retried, then the cache shuts down gracefully.",
            PatternId::TokenFuture => "Callers send the refresher a request message and get back a channel that will hold the answer: a future. \
                Requests that arrive during a refresh queue up and all get the new token; after shutdown every call fails at once.",
            PatternId::Pipeline => "Numbers flow from a generator through several squaring workers (fan-out) and are merged into one channel (fan-in). \
                With no buffer every send waits for the next stage to receive; closing done stops every stage.",
        }
    }

    /// The pattern with this id.
    pub fn parse(id: &str) -> Option<PatternId> {
        PatternId::ALL.into_iter().find(|p| p.id() == id)
    }
}

impl PatternId {
    /// This pattern's parameters.
    pub fn specs(self) -> &'static [ParamSpec] {
        match self {
            PatternId::SpawnWait => spawn_wait::SPECS,
            PatternId::WaitGroup => waitgroup::SPECS,
            PatternId::Words => words::SPECS,
            PatternId::Deadline => deadline::SPECS,
            PatternId::TokenCache => token_cache::SPECS,
            PatternId::TokenFuture => token_future::SPECS,
            PatternId::Pipeline => pipeline::SPECS,
        }
    }

    /// The article's Go code for this pattern.
    pub fn go_source(self) -> &'static str {
        match self {
            PatternId::SpawnWait => include_str!("patterns/go/spawn-wait/main.go"),
            PatternId::WaitGroup => include_str!("patterns/go/waitgroup/main.go"),
            PatternId::Words => include_str!("patterns/go/words/main.go"),
            PatternId::Deadline => include_str!("patterns/go/deadline/main.go"),
            PatternId::TokenCache => include_str!("patterns/go/token-cache/main.go"),
            PatternId::TokenFuture => include_str!("patterns/go/token-future/main.go"),
            PatternId::Pipeline => include_str!("patterns/go/pipeline/main.go"),
        }
    }

    /// The Rust that runs, taken from the pattern's own source file at
    /// build time: the part between `// region: run` and `// endregion`
    /// (see `build.rs`).
    pub fn rust_source(self) -> &'static str {
        self.run_region().0
    }

    /// The line of the pattern's file that [`rust_source`](Self::rust_source)
    /// starts on: an event's `line` minus this is its line in the region.
    pub fn rust_source_first_line(self) -> u32 {
        self.run_region().1
    }

    /// The pattern's Rust file, as events' source positions name it.
    pub fn rust_file(self) -> &'static str {
        match self {
            PatternId::SpawnWait => spawn_wait::FILE,
            PatternId::WaitGroup => waitgroup::FILE,
            PatternId::Words => words::FILE,
            PatternId::Deadline => deadline::FILE,
            PatternId::TokenCache => token_cache::FILE,
            PatternId::TokenFuture => token_future::FILE,
            PatternId::Pipeline => pipeline::FILE,
        }
    }

    /// Pairs of (Rust snippet, Go snippet) that do the same thing.
    pub fn go_lines(self) -> &'static [(&'static str, &'static str)] {
        match self {
            PatternId::SpawnWait => spawn_wait::GO_LINES,
            PatternId::WaitGroup => waitgroup::GO_LINES,
            PatternId::Words => words::GO_LINES,
            PatternId::Deadline => deadline::GO_LINES,
            PatternId::TokenCache => token_cache::GO_LINES,
            PatternId::TokenFuture => token_future::GO_LINES,
            PatternId::Pipeline => pipeline::GO_LINES,
        }
    }

    /// The Go line (0-based) that does what line `rust_line` (0-based) of
    /// [`rust_source`](Self::rust_source) does, when one is paired with it.
    pub fn go_line_for(self, rust_line: usize) -> Option<usize> {
        let text = self.rust_source().lines().nth(rust_line)?;
        let (_, go) = self.go_lines().iter().find(|(rust, _)| text.contains(rust))?;
        find_line(self.go_source(), go)
    }

    fn run_region(self) -> (&'static str, u32) {
        macro_rules! run_region {
            ($stem:literal) => {
                (
                    include_str!(concat!(env!("OUT_DIR"), "/", $stem, ".run.rs")),
                    include!(concat!(env!("OUT_DIR"), "/", $stem, ".run.line")),
                )
            };
        }
        match self {
            PatternId::SpawnWait => run_region!("spawn_wait"),
            PatternId::WaitGroup => run_region!("waitgroup"),
            PatternId::Words => run_region!("words"),
            PatternId::Deadline => run_region!("deadline"),
            PatternId::TokenCache => run_region!("token_cache"),
            PatternId::TokenFuture => run_region!("token_future"),
            PatternId::Pipeline => run_region!("pipeline"),
        }
    }
}

/// The line (0-based) of `source` that is `snippet` once trimmed, or else the
/// first that contains it.
pub fn find_line(source: &str, snippet: &str) -> Option<usize> {
    let lines = || source.lines();
    lines()
        .position(|l| l.trim() == snippet)
        .or_else(|| lines().position(|l| l.contains(snippet)))
}

/// One pattern's parameters as validated text, as URLs and `--set` carry
/// them. Every pattern's typed `Params` is made from this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    id: PatternId,
    values: VecMap<&'static str, String>,
}

impl Params {
    /// The defaults of `id`.
    pub fn defaults(id: PatternId) -> Params {
        Params {
            id,
            values: id
                .specs()
                .iter()
                .map(|s| (s.name, s.default.to_string()))
                .collect(),
        }
    }

    /// Which pattern these belong to.
    pub fn id(&self) -> PatternId {
        self.id
    }

    /// Sets `name` to `value` if valid; otherwise says what is wrong and
    /// leaves the old value.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ParamError> {
        let Some(spec) = self.id.specs().iter().find(|s| s.name == name) else {
            let known: Vec<&str> = self.id.specs().iter().map(|s| s.name).collect();
            return Err(ParamError {
                name: name.to_string(),
                value: value.to_string(),
                expected: format!(
                    "is not a parameter of {} (it has: {})",
                    self.id.id(),
                    known.join(", ")
                ),
            });
        };
        let normalised = spec.check.normalise(value).map_err(|expected| ParamError {
            name: name.to_string(),
            value: value.to_string(),
            expected,
        })?;
        self.values.insert(spec.name, normalised);
        Ok(())
    }

    /// The value of `name`, as text.
    pub fn get(&self, name: &str) -> Option<String> {
        self.values.get(name).cloned()
    }

    /// Every parameter and its value, in the pattern's order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        self.id
            .specs()
            .iter()
            .map(|s| (s.name, self.values.get(s.name).cloned().unwrap_or_default()))
            .collect()
    }

    /// The value of a whole-number parameter.
    pub fn int(&self, name: &str) -> u64 {
        self.values.get(name).and_then(|v| v.parse().ok()).unwrap_or(0)
    }

    /// The value of a text parameter.
    pub fn text(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }

    /// The value of a list parameter.
    pub fn list(&self, name: &str) -> Vec<u64> {
        self.values
            .get(name)
            .map(|v| params::parse_list(v))
            .unwrap_or_default()
    }
}

/// Runs `params` once per seed in `seeds` on the virtual clock and counts
/// each distinct output order (what `csp explore` and the page's "Orders
/// across seeds" show).
pub fn count_orders(params: &Params, seeds: std::ops::Range<u64>, into: &mut Tally) {
    for seed in seeds {
        into.add(seed, &order_at(params, seed));
    }
}

/// The lines `params` prints at `seed`, run to its end on the virtual
/// clock (what a [`Tally`]'s first seed prints again, whole).
pub fn order_at(params: &Params, seed: u64) -> Vec<String> {
    let run = start_for_order(params, seed);
    run.run_to_end();
    order_of(&run)
}

/// The first lines of an output that a [`Tally`] keeps to show it.
pub const TALLY_HEAD: usize = 40;

/// Distinct outputs over many seeds, counted in memory bounded by the
/// number of distinct outputs, not their length: each is kept as a
/// fingerprint of its lines, the first seed that printed it (the run is
/// deterministic, so that seed prints it whole again), its line count and
/// its first [`TALLY_HEAD`] lines. Keeping every line of every distinct
/// output, a token cache's 240,000 lines a run, needed gigabytes for 200
/// seeds. Two outputs are one if their 64-bit fingerprints are equal.
///
/// ```
/// use csp_playground::patterns::Tally;
/// let mut tally = Tally::default();
/// let (a, b) = (["x".to_string(), "y".to_string()], ["y".to_string(), "x".to_string()]);
/// tally.add(1, &a);
/// tally.add(2, &b);
/// tally.add(3, &b);
/// let ranked = tally.ranked();
/// assert_eq!((ranked[0].count, ranked[0].first_seed, ranked[0].head.join(" ")), (2, 2, "y x".to_string()));
/// assert_eq!((ranked[1].count, ranked[1].first_seed, ranked[1].lines), (1, 1, 2));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tally {
    distinct: Vec<Distinct>,
    by_print: std::collections::HashMap<u64, usize>,
}

/// One distinct output of a [`Tally`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distinct {
    /// How many seeds printed it.
    pub count: u64,
    /// The first seed that did.
    pub first_seed: u64,
    /// Its number of lines.
    pub lines: usize,
    /// Its first lines.
    pub head: Vec<String>,
}

impl Tally {
    /// Counts `lines`, printed at `seed`.
    pub fn add(&mut self, seed: u64, lines: &[String]) {
        use std::hash::{DefaultHasher, Hash, Hasher};
        // DefaultHasher::new() has fixed keys: the same lines always give
        // the same fingerprint.
        let mut hasher = DefaultHasher::new();
        lines.hash(&mut hasher);
        let print = hasher.finish();
        match self.by_print.get(&print) {
            Some(&i) => self.distinct[i].count += 1,
            None => {
                self.by_print.insert(print, self.distinct.len());
                self.distinct.push(Distinct {
                    count: 1,
                    first_seed: seed,
                    lines: lines.len(),
                    head: lines.iter().take(TALLY_HEAD).cloned().collect(),
                });
            }
        }
    }

    /// How many distinct outputs it has counted.
    pub fn len(&self) -> usize {
        self.distinct.len()
    }

    /// Whether it has counted nothing.
    pub fn is_empty(&self) -> bool {
        self.distinct.is_empty()
    }

    /// The distinct outputs, most frequent first (ties: the one seen first).
    pub fn ranked(&self) -> Vec<Distinct> {
        let mut ranked = self.distinct.clone();
        // Stable: ties keep the order they were first seen in.
        crate::sort::sort_by_key(&mut ranked, |d| std::cmp::Reverse(d.count));
        ranked
    }
}

/// Starts `params` at `seed` on the virtual clock, recording only what it
/// prints: a run whose output order [`order_of`] reads once it ends.
pub fn start_for_order(params: &Params, seed: u64) -> Run {
    let run = Run::new_virtual(seed);
    run.set_level(crate::rt::Level::Outputs);
    start(&run, params);
    run
}

/// The lines `run` printed, in order.
pub fn order_of(run: &Run) -> Vec<String> {
    run.log()
        .snapshot()
        .with(|events| crate::view::output_texts(events))
}

/// Starts the pattern of `params` as the `main` task of `run`; its events
/// carry the lines of the pattern's file they came from.
pub fn start(run: &Run, params: &Params) {
    run.track_source(params.id.rust_file());
    let rt = run.rt();
    match params.id {
        PatternId::SpawnWait => run.start(spawn_wait::run(rt, spawn_wait::Params::from(params))),
        PatternId::WaitGroup => run.start(waitgroup::run(rt, waitgroup::Params::from(params))),
        PatternId::Words => run.start(words::run(rt, words::Params::from(params))),
        PatternId::Deadline => run.start(deadline::run(rt, deadline::Params::from(params))),
        PatternId::TokenCache => run.start(token_cache::run(rt, token_cache::Params::from(params))),
        PatternId::TokenFuture => run.start(token_future::run(rt, token_future::Params::from(params))),
        PatternId::Pipeline => run.start(pipeline::run(rt, pipeline::Params::from(params))),
    }
}
