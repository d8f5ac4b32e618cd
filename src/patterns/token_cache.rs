//! `token-cache`: a long-running refresher keeps a token fresh behind a
//! mutex.
//!
//! A server-level `TokenCache` is started once with a `done` channel. Its
//! refresher takes the lock, refreshes the token (which takes `refresh_ms`),
//! and sleeps until the token is `refresh_ms` from expiry, so a new token is
//! in place the instant the old one expires: tokens turn over every
//! `ttl_ms`. Callers call `GetToken` every `call_every_ms` and wait on the
//! lock while a refresh is under way.
//!
//! A refresh listed in `fail_on` fails the way a panic would in Go: the
//! refresher recovers, logs it, and retries. After `tolerance` failures in a
//! row it shuts down gracefully: it marks the cache stopped under the lock,
//! so every caller already waiting on the lock gets an error instead of
//! being dropped, and tells `main` through `errc`.
//!
//! On wasm32 a Rust panic aborts the whole module (there is no unwinding),
//! so the panic is modelled as the refresh returning an error; the recovery
//! logic around it is the article's.
//!
//! Go to Rust: `sync.Mutex` is [`Mutex`](crate::rt::Mutex) (its waiters are
//! visible); `recover()` is matching on the refresh's `Err`.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::{Chan, Fact, Label, Mutex, RefreshState, Rt};

/// The parameters shared by both token patterns.
pub const SPECS: &[ParamSpec] = &[
    ParamSpec {
        name: "ttl_ms",
        label: "Token lifetime (ms)",
        default: "1000",
        check: Check::Int { min: 50, max: 60_000 },
        help: "How long a token is valid.",
    },
    ParamSpec {
        name: "refresh_ms",
        label: "Refresh takes (ms)",
        default: "200",
        check: Check::Int { min: 0, max: 10_000 },
        help: "How long one refresh of the token takes.",
    },
    ParamSpec {
        name: "callers",
        label: "Callers",
        default: "3",
        check: Check::Int { min: 0, max: 20 },
        help: "How many goroutines call GetToken.",
    },
    ParamSpec {
        name: "call_every_ms",
        label: "Call every (ms)",
        default: "300",
        check: Check::Int { min: 10, max: 60_000 },
        help: "How often each caller asks for the token.",
    },
    ParamSpec {
        name: "fail_on",
        label: "Failing refreshes",
        default: "",
        check: Check::List {
            min: 1,
            max: 1000,
            min_len: 0,
            max_len: 50,
        },
        help: "Refresh numbers that panic, e.g. 3,4 (empty: none).",
    },
    ParamSpec {
        name: "tolerance",
        label: "Tolerance",
        default: "3",
        check: Check::Int { min: 1, max: 100 },
        help: "Failures in a row before the refresher shuts down.",
    },
    ParamSpec {
        name: "run_ms",
        label: "Run for (ms)",
        default: "5000",
        check: Check::Int {
            min: 100,
            max: 120_000,
        },
        help: "When main closes done and the program ends.",
    },
];

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub ttl_ms: u64,
    pub refresh_ms: u64,
    pub callers: u64,
    pub call_every_ms: u64,
    pub fail_on: Vec<u64>,
    pub tolerance: u64,
    pub run_ms: u64,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            ttl_ms: p.int("ttl_ms"),
            refresh_ms: p.int("refresh_ms"),
            callers: p.int("callers"),
            call_every_ms: p.int("call_every_ms"),
            fail_on: p.list("fail_on"),
            tolerance: p.int("tolerance"),
            run_ms: p.int("run_ms"),
        }
    }
}

/// The fault the page's "Inject a failing refresh" button injects.
pub const FAIL_REFRESH: &str = "fail-refresh";

/// What the lock guards.
#[derive(Debug, Default)]
struct Token {
    value: String,
    expires: u64,
    stopped: bool,
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    (
        "async fn start(",
        "func (c *TokenCache) Start(done <-chan struct{}) error {",
    ),
    ("self.refresh_safely(refreshes)", "c.refreshSafely()"),
    ("rt.error(format!(\"recovered", "log.Printf(\"recovered"),
    ("failures >= self.p.tolerance", "failures >= tolerance"),
    ("self.stop().await", "c.stop()"),
    ("rt.sleep(wait)", "case <-time.After(ttl - refreshIn):"),
    ("self.mu.lock().await", "c.mu.Lock()"),
    ("self.rt.sleep(self.p.refresh_ms)", "time.Sleep(refreshIn)"),
    ("panic in refresh", "panic(fmt.Sprintf"),
    (
        "token.value = format!(\"tok-{n}\")",
        "c.token = fmt.Sprintf(\"tok-%d\", c.n)",
    ),
    (
        "async fn get_token",
        "func (c *TokenCache) GetToken() (string, error) {",
    ),
    (
        "\"token cache stopped\".to_string()",
        "return \"\", errors.New(\"token cache stopped\")",
    ),
    ("cache.get_token().await", "token, err := cache.GetToken()"),
    (
        "rt2.output(format!(\"caller {i}: {token}\"))",
        "fmt.Printf(\"caller %d: %s\\n\", i, token)",
    ),
    ("c.start(d).await", "if err := cache.Start(done); err != nil {"),
    ("done.close()", "close(done)"),
    ("wg.wait().await", "wg.Wait()"),
    ("main: all goroutines finished", "main: all goroutines finished"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
struct TokenCache {
    rt: Rt,
    p: Params,
    mu: Mutex<Token>,
}

impl TokenCache {
    /// The refresher: runs until `done` closes or failures exceed the
    /// tolerance.
    async fn start(&self, done: Chan<()>) -> Result<(), String> {
        let rt = &self.rt;
        let (mut refreshes, mut failures) = (0u64, 0u64);
        loop {
            refreshes += 1;
            rt.fact(Fact::Refresh {
                state: RefreshState::Refreshing,
            });
            match self.refresh_safely(refreshes).await {
                Ok(()) => {
                    failures = 0;
                    rt.fact(Fact::Failures { in_row: failures });
                    rt.fact(Fact::Refreshes { count: refreshes });
                    rt.fact(Fact::Refresh {
                        state: RefreshState::Fresh,
                    });
                }
                Err(panic) => {
                    failures += 1;
                    rt.error(format!("recovered: {panic}"));
                    rt.fact(Fact::Failures { in_row: failures });
                    rt.fact(Fact::Refresh {
                        state: RefreshState::Failed,
                    });
                    if failures >= self.p.tolerance {
                        self.stop().await;
                        return Err(format!("refresh failed {failures} times in a row"));
                    }
                    continue; // retry at once
                }
            }
            // Sleep until the token is `refresh_ms` from expiry.
            let wait = self.p.ttl_ms.saturating_sub(self.p.refresh_ms);
            let stop = rt
                .select()
                .recv(&done, |_| true)
                .future(rt.sleep(wait), |()| false)
                .await;
            if stop {
                self.stop().await;
                return Ok(());
            }
        }
    }

    /// One refresh under the lock; a panic in it comes back as `Err`.
    async fn refresh_safely(&self, n: u64) -> Result<(), String> {
        let guard = self.mu.lock().await; // callers now wait
                                          // The call to the token endpoint.
        self.rt.sleep(self.p.refresh_ms).await;
        // A listed refresh fails, and so does one the reader injects.
        if self.p.fail_on.contains(&n) || self.rt.take_injected(FAIL_REFRESH) {
            return Err(format!("panic in refresh {n}: token endpoint unavailable"));
        }
        let mut token = guard.borrow_mut();
        token.value = format!("tok-{n}");
        token.expires = self.rt.now() + self.p.ttl_ms;
        self.rt.fact(Fact::Token {
            token: token.value.clone(),
            expires: token.expires,
        });
        Ok(())
    }

    /// Graceful shutdown: callers waiting on the lock get an error.
    async fn stop(&self) {
        self.mu.lock().await.borrow_mut().stopped = true;
        self.rt.fact(Fact::Refresh {
            state: RefreshState::Stopped,
        });
    }

    async fn get_token(&self) -> Result<String, String> {
        let guard = self.mu.lock().await;
        let token = guard.borrow();
        if token.stopped {
            Err("token cache stopped".to_string())
        } else if token.value.is_empty() || self.rt.now() >= token.expires {
            Err("no valid token: refresh failing".to_string())
        } else {
            Ok(token.value.clone())
        }
    }
}

pub async fn run(rt: Rt, p: Params) {
    let cache = Rc::new(TokenCache {
        rt: rt.clone(),
        p: p.clone(),
        mu: rt.mutex("cache", Token::default()),
    });
    let done = rt.chan::<()>("done", 0);
    let errc = rt.chan::<String>("errc", 1);
    let wg = rt.wait_group("wg");
    let _ = wg.add(1);
    let (c, d, e, w) = (cache.clone(), done.clone(), errc.clone(), wg.clone());
    rt.go("refresher", async move {
        if let Err(err) = c.start(d).await {
            let _ = e.send(err).await;
        }
        w.done();
    });
    for i in 0..p.callers {
        let (rt2, cache, done, wg) = (rt.clone(), cache.clone(), done.clone(), wg.clone());
        let _ = wg.add(1);
        // Spread the callers over one period.
        let offset = p.call_every_ms * (i + 1) / (p.callers + 1);
        rt.go_labelled(format!("caller-{i}"), Label::new("caller", i), async move {
            let mut wait = offset;
            loop {
                let stop = rt2
                    .select()
                    .recv(&done, |_| true)
                    .future(rt2.sleep(wait), |()| false)
                    .await;
                if stop {
                    break;
                }
                wait = p.call_every_ms;
                match cache.get_token().await {
                    Ok(token) => rt2.output(format!("caller {i}: {token}")),
                    Err(err) => {
                        rt2.output(format!("caller {i}: error: {err}"));
                        if err == "token cache stopped" {
                            break;
                        }
                    }
                }
            }
            wg.done();
        });
    }
    let fatal = rt
        .select()
        .future(rt.sleep(p.run_ms), |()| None)
        .recv(&errc, |e| e)
        .await;
    if let Some(err) = fatal {
        rt.output(format!("main: shutting down: {err}"));
    }
    let _ = done.close();
    wg.wait().await;
    rt.output("main: all goroutines finished");
}
// endregion
