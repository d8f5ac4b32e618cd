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
//! ```
//! use csp_playground::patterns::PatternId;
//! assert_eq!(PatternId::parse("deadline"), Some(PatternId::Deadline));
//! assert_eq!(PatternId::Deadline.title(), "Deadline");
//! assert_eq!(PatternId::ALL.len(), 7);
//! ```

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

    /// The pattern with this id.
    pub fn parse(id: &str) -> Option<PatternId> {
        PatternId::ALL.into_iter().find(|p| p.id() == id)
    }
}
