//! `token-future`: callers ask the refresher for the token by message, and
//! get a future.
//!
//! `GetToken(ctx)` sends a request message (the caller's context and a reply
//! channel of capacity 1) to the refresher and returns the reply channel: a
//! future of `Response{token, err}`. The refresher serves requests in its
//! `select` loop beside `<-time.After(..)` for the next refresh, so requests
//! that arrive during a refresh wait in the request channel and are all
//! answered with the new token. A caller whose context times out stops
//! waiting; the reply channel has room for one answer, so the refresher never
//! blocks on a caller that left. When `done` closes (at `shutdown_ms`, or
//! after `tolerance` failed refreshes in a row) the refresher closes the
//! request channel, answers what was queued with an error, and from then on
//! `GetToken` returns an error at once.
//!
//! Go to Rust: `<-chan Response` is a [`Chan`] of capacity 1 holding a
//! `Result`; the refresher's `select` is a three-arm
//! [`Select`](crate::rt::Select).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::{Chan, Context, Fact, Label, RefreshState, Rt};

/// The parameters: those of `token-cache`, plus two.
pub const SPECS: &[ParamSpec] = &[
    super::token_cache::SPECS[0],
    super::token_cache::SPECS[1],
    super::token_cache::SPECS[2],
    super::token_cache::SPECS[3],
    super::token_cache::SPECS[4],
    super::token_cache::SPECS[5],
    super::token_cache::SPECS[6],
    ParamSpec {
        name: "caller_timeout_ms",
        label: "Caller timeout (ms)",
        default: "250",
        check: Check::Int { min: 1, max: 60_000 },
        help: "Each GetToken call's context times out after this.",
    },
    ParamSpec {
        name: "shutdown_ms",
        label: "Shutdown at (ms)",
        default: "4000",
        check: Check::Int { min: 0, max: 120_000 },
        help: "When main closes done and the refresher shuts down.",
    },
];

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    #[serde(flatten)]
    pub cache: super::token_cache::Params,
    pub caller_timeout_ms: u64,
    pub shutdown_ms: u64,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            cache: super::token_cache::Params::from(p),
            caller_timeout_ms: p.int("caller_timeout_ms"),
            shutdown_ms: p.int("shutdown_ms"),
        }
    }
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    (
        "async fn get_token(",
        "func (c *TokenCache) GetToken(ctx context.Context) <-chan Response {",
    ),
    ("requests.is_closed()", "if c.closed {"),
    (
        ".send(requests, request",
        "case c.requests <- Request{ctx: ctx, reply: reply}:",
    ),
    (
        "async fn refresher(",
        "func (c *TokenCache) Start(done <-chan struct{}) {",
    ),
    (".recv(&done, |_| Ev::Done)", "case <-done:"),
    ("rt.sleep_until(next_refresh)", "case <-refresh:"),
    (".recv(&requests, Ev::Request)", "case req := <-c.requests:"),
    (
        "rt.sleep(p.cache.refresh_ms)",
        "time.Sleep(refreshIn) // requests queue meanwhile",
    ),
    (
        "token = format!(\"tok-{refreshes}\")",
        "token, expires = fmt.Sprintf",
    ),
    ("req.ctx.is_cancelled()", "if req.ctx.Err() != nil {"),
    (
        "req.reply.try_send(answer)",
        "req.reply <- Response{Token: token} // capacity 1: never blocks",
    ),
    ("requests.close()", "close(c.requests)"),
    (
        "while let Ok(req) = requests.try_recv()",
        "for req := range c.requests {",
    ),
    ("with_timeout(", "context.WithTimeout"),
    (
        "get_token(&rt2, &requests, &ctx)",
        "case r := <-cache.GetToken(ctx):",
    ),
    (
        "rt2.output(format!(\"caller {i}: {token}\"))",
        "fmt.Printf(\"caller %d: %s\\n\", i, r.Token)",
    ),
    ("done.close()", "close(done)"),
    ("quit.close()", "close(quit)"),
    ("main: all goroutines finished", "main: all goroutines finished"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
/// What the refresher answers: the token, or why not.
type Response = Result<String, String>;

/// A request message; storing the caller's context in it is fine.
struct Request {
    ctx: Context,
    reply: Chan<Response>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Request({})", self.ctx.name())
    }
}

const SHUT_DOWN: &str = "token cache shut down";

/// `GetToken(ctx)`: returns the future of the answer.
async fn get_token(rt: &Rt, requests: &Chan<Request>, ctx: &Context) -> Chan<Response> {
    let reply = rt.chan::<Response>(&format!("reply-{}", ctx.name()), 1);
    if requests.is_closed() {
        let _ = reply.try_send(Err(SHUT_DOWN.to_string()));
        return reply;
    }
    let request = Request {
        ctx: ctx.clone(),
        reply: reply.clone(),
    };
    let failed = rt
        .select()
        .send(requests, request, |sent| {
            sent.err().map(|_| SHUT_DOWN.to_string())
        })
        .future(ctx.done(), |()| {
            Some(ctx.err().map(|e| e.to_string()).unwrap_or_default())
        })
        .await;
    if let Some(err) = failed {
        let _ = reply.try_send(Err(err));
    }
    reply
}

async fn refresher(rt: Rt, p: Params, requests: Chan<Request>, done: Chan<()>) {
    enum Ev {
        Done,
        Refresh,
        Request(Option<Request>),
    }
    let (mut token, mut expires) = (String::new(), 0);
    let (mut refreshes, mut failures) = (0u64, 0u64);
    let mut next_refresh = rt.now();
    loop {
        // time.After is re-armed each time round, as in the article.
        let ev = rt
            .select()
            .recv(&done, |_| Ev::Done)
            .future(rt.sleep_until(next_refresh), |()| Ev::Refresh)
            .recv(&requests, Ev::Request)
            .await;
        match ev {
            Ev::Done | Ev::Request(None) => break,
            Ev::Refresh => {
                refreshes += 1;
                rt.fact(Fact::Refresh {
                    state: RefreshState::Refreshing,
                });
                rt.sleep(p.cache.refresh_ms).await; // requests queue meanwhile
                let injected = rt.take_injected(super::token_cache::FAIL_REFRESH);
                if p.cache.fail_on.contains(&refreshes) || injected {
                    failures += 1;
                    rt.error(format!(
                        "recovered: panic in refresh {refreshes}: token endpoint unavailable"
                    ));
                    rt.fact(Fact::Failures { in_row: failures });
                    rt.fact(Fact::Refresh {
                        state: RefreshState::Failed,
                    });
                    if failures >= p.cache.tolerance {
                        break;
                    }
                    continue; // retry at once
                }
                failures = 0;
                token = format!("tok-{refreshes}");
                expires = rt.now() + p.cache.ttl_ms;
                next_refresh = expires.saturating_sub(p.cache.refresh_ms);
                rt.fact(Fact::Token {
                    token: token.clone(),
                    expires,
                });
                rt.fact(Fact::Failures { in_row: failures });
                rt.fact(Fact::Refreshes { count: refreshes });
                rt.fact(Fact::Refresh {
                    state: RefreshState::Fresh,
                });
            }
            Ev::Request(Some(req)) => {
                if req.ctx.is_cancelled() {
                    continue; // the caller gave up; nobody reads the answer
                }
                let answer = if !token.is_empty() && rt.now() < expires {
                    Ok(token.clone())
                } else {
                    Err("no valid token: refresh failing".to_string())
                };
                // Capacity 1 and one answer: this never blocks.
                let _ = req.reply.try_send(answer);
            }
        }
    }
    // Shutdown: no new requests; answer the queued ones with an error.
    rt.fact(Fact::Refresh {
        state: RefreshState::Stopped,
    });
    let _ = requests.close();
    while let Ok(req) = requests.try_recv() {
        let _ = req.reply.try_send(Err(SHUT_DOWN.to_string()));
    }
}

pub async fn run(rt: Rt, p: Params) {
    let requests = rt.chan::<Request>("requests", p.cache.callers as usize);
    let done = rt.chan::<()>("done", 0);
    let quit = rt.chan::<()>("quit", 0);
    let wg = rt.wait_group("wg");
    let _ = wg.add(1);
    let (rt2, p2, r2, d2, w2) = (rt.clone(), p.clone(), requests.clone(), done.clone(), wg.clone());
    rt.go("refresher", async move {
        refresher(rt2, p2, r2, d2).await;
        w2.done();
    });
    for i in 0..p.cache.callers {
        let (rt2, requests, quit, wg) = (rt.clone(), requests.clone(), quit.clone(), wg.clone());
        let (every, timeout) = (p.cache.call_every_ms, p.caller_timeout_ms);
        let _ = wg.add(1);
        let offset = every * (i + 1) / (p.cache.callers + 1);
        rt.go_labelled(format!("caller-{i}"), Label::new("caller", i), async move {
            let mut wait = offset;
            let mut call = 0;
            loop {
                let stop = rt2
                    .select()
                    .recv(&quit, |_| true)
                    .future(rt2.sleep(wait), |()| false)
                    .await;
                if stop {
                    break;
                }
                wait = every;
                call += 1;
                let ctx = rt2.background().with_timeout(&format!("c{i}.{call}"), timeout);
                let reply = get_token(&rt2, &requests, &ctx).await;
                let answer = rt2
                    .select()
                    .recv(&reply, |r| r.unwrap_or_else(|| Err(SHUT_DOWN.to_string())))
                    .future(ctx.done(), |()| {
                        Err(ctx.err().map(|e| e.to_string()).unwrap_or_default())
                    })
                    .await;
                match answer {
                    Ok(token) => rt2.output(format!("caller {i}: {token}")),
                    Err(err) => rt2.output(format!("caller {i}: error: {err}")),
                }
            }
            wg.done();
        });
    }
    rt.sleep(p.shutdown_ms.min(p.cache.run_ms)).await;
    let _ = done.close();
    rt.sleep(p.cache.run_ms.saturating_sub(p.shutdown_ms)).await;
    let _ = quit.close();
    wg.wait().await;
    rt.output("main: all goroutines finished");
}
// endregion
