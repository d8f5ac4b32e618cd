//! The programs the "Your Go" tab can start from: an empty `main`, the
//! article's seven programs, and a few classics of goroutines and channels
//! (`src/starters/<id>.go`). Each classic ends with Go's expected output in
//! an `// Output:` comment, which the tests check against the interpreter
//! and against the real `go`.
//!
//! ```
//! use csp_playground::starters;
//!
//! let pong = starters::by_id("ping-pong").unwrap();
//! assert_eq!(pong.title, "Ping-pong");
//! let ran = csp_playground::go::run(pong.source, &Default::default()).unwrap();
//! assert!(ran.stdout.starts_with("ping 0\npong 1\n"));
//! ```

use crate::patterns::PatternId;

/// One program of the "Start from" menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Starter {
    /// Kebab-case, unique: the menu's value.
    pub id: &'static str,
    /// What the menu shows.
    pub title: &'static str,
    pub source: &'static str,
}

/// The empty program "Your Go" opens with.
pub const BLANK: &str = "// Your Go: write a program here, or choose one under \"Start from\", and Run it.\n\
package main\n\
\n\
func main() {\n\
}\n";

const ALL: &[Starter] = &[
    Starter {
        id: "empty",
        title: "Empty main",
        source: BLANK,
    },
    Starter {
        id: "spawn-wait",
        title: "Spawn and wait",
        source: include_str!("patterns/go/spawn-wait/main.go"),
    },
    Starter {
        id: "waitgroup",
        title: "WaitGroup",
        source: include_str!("patterns/go/waitgroup/main.go"),
    },
    Starter {
        id: "words",
        title: "Dynamic words",
        source: include_str!("patterns/go/words/main.go"),
    },
    Starter {
        id: "deadline",
        title: "Deadline",
        source: include_str!("patterns/go/deadline/main.go"),
    },
    Starter {
        id: "token-cache",
        title: "Token cache",
        source: include_str!("patterns/go/token-cache/main.go"),
    },
    Starter {
        id: "token-future",
        title: "Token future",
        source: include_str!("patterns/go/token-future/main.go"),
    },
    Starter {
        id: "pipeline",
        title: "Pipeline",
        source: include_str!("patterns/go/pipeline/main.go"),
    },
    Starter {
        id: "ping-pong",
        title: "Ping-pong",
        source: include_str!("starters/ping-pong.go"),
    },
    Starter {
        id: "worker-pool",
        title: "A worker pool",
        source: include_str!("starters/worker-pool.go"),
    },
    Starter {
        id: "deadlock",
        title: "A deadlock",
        source: include_str!("starters/deadlock.go"),
    },
    Starter {
        id: "leaked-goroutine",
        title: "A leaked goroutine",
        source: include_str!("starters/leaked-goroutine.go"),
    },
    Starter {
        id: "counter-race",
        title: "A counter without a mutex",
        source: include_str!("starters/counter-race.go"),
    },
    Starter {
        id: "counter-mutex",
        title: "A counter with a mutex",
        source: include_str!("starters/counter-mutex.go"),
    },
    Starter {
        id: "ticker",
        title: "A ticker",
        source: include_str!("starters/ticker.go"),
    },
    Starter {
        id: "select-default",
        title: "select with default",
        source: include_str!("starters/select-default.go"),
    },
];

/// Every starting program, in the menu's order.
pub fn all() -> &'static [Starter] {
    ALL
}

/// The starting program with this id.
pub fn by_id(id: &str) -> Option<&'static Starter> {
    ALL.iter().find(|s| s.id == id)
}

/// The classics (not the empty main, not the article's programs), whose
/// files carry their expected output.
pub fn classics() -> impl Iterator<Item = &'static Starter> {
    ALL.iter()
        .filter(|s| s.id != "empty" && PatternId::parse(s.id).is_none())
}
