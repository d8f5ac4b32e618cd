//! Each pattern against the article's claims, on the virtual clock, over
//! several seeds. `run(id, seed, &[(name, value)])` runs one and returns its
//! trace; the assertions read the trace only, as the page does.

use std::collections::{BTreeMap, BTreeSet};

use csp_playground::patterns::{self, Params, PatternId};
use csp_playground::rt::{Event, Fact, JobStatus, Kind, Op, Outcome, RefreshState, Run, Wait};
use csp_playground::view;

struct Ran {
    outcome: Outcome,
    trace: Vec<Event>,
}

impl Ran {
    fn outputs(&self) -> Vec<(u64, String)> {
        view::outputs(&self.trace)
            .into_iter()
            .map(|o| (o.t, o.text.to_string()))
            .collect()
    }

    fn texts(&self) -> Vec<String> {
        view::output_texts(&self.trace)
    }

    fn killed(&self) -> Vec<String> {
        self.trace
            .iter()
            .filter(|e| matches!(e.kind, Kind::Killed { .. }))
            .map(|e| e.task.to_string())
            .collect()
    }

    fn facts(&self) -> impl Iterator<Item = (u64, &Fact)> {
        self.trace.iter().filter_map(|e| match &e.kind {
            Kind::State { fact } => Some((e.t, fact)),
            _ => None,
        })
    }

    /// The refresher's state words, with their times.
    fn refresh_states(&self) -> Vec<(u64, RefreshState)> {
        self.facts()
            .filter_map(|(t, f)| match f {
                Fact::Refresh { state } => Some((t, *state)),
                _ => None,
            })
            .collect()
    }

    /// The tokens issued, with their times.
    fn tokens(&self) -> Vec<(u64, String)> {
        self.facts()
            .filter_map(|(t, f)| match f {
                Fact::Token { token, .. } => Some((t, token.clone())),
                _ => None,
            })
            .collect()
    }

    /// How worker `name` last reported itself.
    fn job_status(&self, name: &str) -> Option<JobStatus> {
        self.facts()
            .filter_map(|(_, f)| match f {
                Fact::Job { worker, status, .. } if worker == name => Some(*status),
                _ => None,
            })
            .last()
    }

    fn finished_at(&self) -> u64 {
        match &self.outcome {
            Outcome::Finished { at } => *at,
            other => panic!("expected the run to finish, got {other:?}"),
        }
    }
}

fn run(id: PatternId, seed: u64, set: &[(&str, &str)]) -> Ran {
    let mut params = Params::defaults(id);
    for (name, value) in set {
        params.set(name, value).unwrap();
    }
    let run = Run::new_virtual(seed);
    patterns::start(&run, &params);
    let outcome = run.run_to_end();
    Ran {
        outcome,
        trace: run.trace(),
    }
}

tests! {
    fn spawn_wait_receives_at_exactly_the_delay() {
        for delay in ["0", "1", "1000", "2500"] {
            for seed in 1..4 {
                let r = run(PatternId::SpawnWait, seed, &[("delay_ms", delay)]);
                let t: u64 = delay.parse().unwrap();
                assert_eq!(r.outputs(), [(t, format!("done after {t} ms"))], "delay {delay} seed {seed}");
                assert_eq!(r.finished_at(), t);
            }
        }
    }

    fn waitgroup_collects_every_result_and_closes_after_wait() {
        for (workers, work) in [("1", "0"), ("2", "1000"), ("5", "300")] {
            for seed in 1..4 {
                let r = run(PatternId::WaitGroup, seed, &[("workers", workers), ("work_ms", work)]);
                let n: usize = workers.parse().unwrap();
                let got: BTreeSet<String> = r.texts().into_iter().collect();
                let want: BTreeSet<String> = (0..n).map(|i| format!("worker {i} done")).collect();
                assert_eq!(got, want);
                let zero = r.trace.iter().position(|e| matches!(&e.kind, Kind::WgAdd { count: 0, .. })).unwrap();
                let close = r.trace.iter().position(|e| matches!(e.kind, Kind::Close { .. })).unwrap();
                assert!(zero < close, "res was closed before Wait returned");
                assert!(
                    !r.trace.iter().any(|e| matches!(&e.kind, Kind::Park { wait: Wait::Op(Op::Send { chan, .. }) } if &**chan == "res")),
                    "a worker blocked on the buffered channel"
                );
                assert!(r.killed().is_empty());
            }
        }
    }

    fn words_arrive_out_of_order_but_all_arrive() {
        let text = "the quick brown fox jumped over the lazy dog";
        let mut want: Vec<String> = text.split(' ').map(String::from).collect();
        want.sort();
        let mut orders = BTreeSet::new();
        for seed in 1..=50 {
            let r = run(PatternId::Words, seed, &[]);
            let mut got = r.texts();
            orders.insert(got.clone());
            got.sort();
            assert_eq!(got, want, "seed {seed}");
            assert!(r.killed().is_empty());
        }
        assert!(orders.len() > 1, "50 seeds gave one order");
    }

    fn words_shared_capture_prints_the_last_word_every_time() {
        for seed in 1..6 {
            let r = run(PatternId::Words, seed, &[("capture", "shared")]);
            assert_eq!(r.texts(), vec!["dog".to_string(); 9], "seed {seed}");
        }
    }

    fn words_stop_after_k_stops_the_rest_through_done() {
        for (k, buffer) in [(1usize, "2"), (3, "0"), (5, "2")] {
            for seed in 1..6 {
                let r = run(PatternId::Words, seed, &[("stop_after", &k.to_string()), ("buffer", buffer)]);
                assert_eq!(r.texts().len(), k, "k {k} seed {seed}");
                assert!(r.killed().is_empty(), "left running: {:?}", r.killed());
                let endings: Vec<Option<JobStatus>> = (0..9).map(|i| r.job_status(&format!("word-{i}"))).collect();
                let sent = endings.iter().filter(|v| **v == Some(JobStatus::Finished)).count();
                let stopped = endings.iter().filter(|v| **v == Some(JobStatus::Cancelled)).count();
                assert_eq!(sent + stopped, 9, "{endings:?}");
                // Sent but never printed: only what the buffer could hold.
                assert!(sent - k <= buffer.parse::<usize>().unwrap(), "{endings:?}");
                assert!(stopped >= 9 - k - 2, "{endings:?}");
            }
        }
    }

    fn deadline_cancels_the_slow_workers_at_the_deadline() {
        let r = run(PatternId::Deadline, 1, &[]);
        let mut outputs = r.outputs();
        outputs.sort();
        assert_eq!(
            outputs,
            [
                (500, "worker 0: finished after 500 ms".to_string()),
                (800, "worker 2: finished after 800 ms".to_string()),
                (1000, "main: context deadline exceeded".to_string()),
                (1000, "worker 1: cleaning up: context deadline exceeded".to_string()),
                (1000, "worker 3: cleaning up: context deadline exceeded".to_string()),
            ]
        );
        assert_eq!(r.finished_at(), 1000);
        let ledger = view::deadline_ledger(&r.trace).unwrap();
        let cancelled: Vec<&str> = ledger
            .entries
            .iter()
            .filter(|e| e.status == view::LedgerStatus::Cancelled)
            .map(|e| e.worker.as_str())
            .collect();
        assert_eq!(cancelled, ["worker-1", "worker-3"]);
        assert_eq!(ledger.err.as_deref(), Some("context deadline exceeded"));
    }

    fn deadline_rows() {
        // (deadline, work, finished at, cancelled workers)
        for (deadline, work, end, cancelled) in [
            ("100", "50,150", 100, 1usize),
            ("300", "100,200", 300, 0),
            ("10", "20,30,40", 10, 3),
        ] {
            for seed in 1..4 {
                let r = run(PatternId::Deadline, seed, &[("deadline_ms", deadline), ("work_ms", work)]);
                assert_eq!(r.finished_at(), end);
                let ledger = view::deadline_ledger(&r.trace).unwrap();
                let n = ledger.entries.iter().filter(|e| e.status == view::LedgerStatus::Cancelled).count();
                assert_eq!(n, cancelled, "deadline {deadline} work {work}");
                assert!(ledger.entries.iter().all(|e| e.status != view::LedgerStatus::Cancelled || e.at == Some(end)));
                assert!(r.trace.iter().all(|e| e.t <= end), "something ran after the deadline");
            }
        }
    }

    fn token_cache_refreshes_every_ttl_and_never_hands_out_an_expired_token() {
        for seed in 1..4 {
            let r = run(PatternId::TokenCache, seed, &[]);
            assert_refreshes_every(&r, 200, 1000);
            assert_no_expired_token(&r, 1000);
            assert!(r.killed().is_empty());
        }
    }

    fn token_cache_recovers_then_shuts_down_gracefully_after_the_tolerance() {
        // One failure: recovered and retried.
        let r = run(PatternId::TokenCache, 1, &[("fail_on", "2")]);
        let errors = r.trace.iter().filter(|e| matches!(e.kind, Kind::Error { .. })).count();
        assert_eq!(errors, 1);
        assert!(r.refresh_states().iter().any(|(_, s)| *s == RefreshState::Failed));
        assert_eq!(r.refresh_states().last().unwrap().1, RefreshState::Stopped);
        assert!(r.texts().contains(&"main: all goroutines finished".to_string()));
        assert_no_expired_token(&r, 1000);

        // Three in a row: graceful shutdown, callers get errors, none dropped.
        let r = run(PatternId::TokenCache, 1, &[("fail_on", "2,3,4")]);
        assert!(r.texts().iter().any(|t| t == "main: shutting down: refresh failed 3 times in a row"), "{:?}", r.texts());
        assert_eq!(r.refresh_states().last().unwrap().1, RefreshState::Stopped);
        // Callers queued on the lock when it stopped were answered, with an
        // error, at that instant.
        let stopped_at = r.refresh_states().last().unwrap().0;
        let waiting = view::refresher_at(&r.trace, stopped_at - 1).unwrap().waiting;
        assert!(!waiting.is_empty());
        for caller in waiting {
            let i = caller.trim_start_matches("caller-");
            assert!(
                r.outputs().iter().any(|(t, s)| *t == stopped_at && s.starts_with(&format!("caller {i}: error:"))),
                "{caller} was not answered at {stopped_at} ms: {:?}",
                r.outputs()
            );
        }
        assert!(r.killed().is_empty(), "dropped: {:?}", r.killed());
        assert_no_expired_token(&r, 1000);
    }

    fn token_future_serves_requests_by_message() {
        for seed in 1..4 {
            let r = run(PatternId::TokenFuture, seed, &[]);
            assert_no_expired_token(&r, 1000);
            assert!(r.killed().is_empty());
            // Once the refresher has stopped, every call fails at once.
            let stopped_at = r.refresh_states().last().unwrap().0;
            assert!((4000..=4200).contains(&stopped_at));
            for (t, text) in r.outputs() {
                if t > stopped_at && text.starts_with("caller") {
                    assert!(text.ends_with("error: token cache shut down"), "{t} {text}");
                }
            }
        }
    }

    fn token_future_requests_during_a_refresh_get_the_new_token() {
        let r = run(PatternId::TokenFuture, 1, &[]);
        let refreshing: Vec<u64> = r.refresh_states().into_iter().filter(|(_, s)| *s == RefreshState::Refreshing).map(|(t, _)| t).collect();
        // The second refresh runs 1000..1200: callers asking then wait, and
        // are answered with tok-2 when it ends.
        assert_eq!(refreshing[1], 1000);
        let answered: Vec<String> = r.outputs().into_iter().filter(|(t, _)| *t == 1200).map(|(_, s)| s).collect();
        assert!(!answered.is_empty());
        assert!(answered.iter().all(|s| s.ends_with("tok-2")), "{answered:?}");
    }

    fn token_future_callers_time_out_without_blocking_the_refresher() {
        let r = run(PatternId::TokenFuture, 2, &[("caller_timeout_ms", "50")]);
        let timeouts = r.texts().iter().filter(|t| t.ends_with("error: context deadline exceeded")).count();
        assert!(timeouts > 0, "{:?}", r.texts());
        // The refresher kept its schedule: a token every ttl.
        assert_refreshes_every(&r, 200, 1000);
        assert!(r.killed().is_empty());
    }

    fn pipeline_delivers_every_square_exactly_once() {
        for (workers, buffer) in [("1", "0"), ("3", "0"), ("3", "2"), ("5", "1")] {
            for seed in 1..4 {
                let r = run(PatternId::Pipeline, seed, &[("workers", workers), ("buffer", buffer)]);
                let mut got: Vec<u64> = r.texts().iter().map(|t| t.parse().unwrap()).collect();
                got.sort();
                assert_eq!(got, (1..=10).map(|v| v * v).collect::<Vec<u64>>());
                assert!(r.killed().is_empty());
            }
        }
    }

    fn pipeline_unbuffered_sends_complete_only_when_received() {
        let r = run(PatternId::Pipeline, 4, &[]);
        let arrows = view::arrows(&r.trace);
        assert!(!arrows.is_empty());
        assert!(arrows.iter().all(|a| a.from_t == a.to_t), "a send completed before its receive");
        let mut waited = false;
        for seed in 1..6 {
            let r = run(PatternId::Pipeline, seed, &[("buffer", "3")]);
            waited |= view::arrows(&r.trace).iter().any(|a| a.from_t < a.to_t);
        }
        assert!(waited, "with a buffer, some value should wait in it");
    }

    fn pipeline_stop_after_cancels_every_stage() {
        for k in [1usize, 4, 9] {
            for seed in 1..4 {
                let r = run(PatternId::Pipeline, seed, &[("stop_after", &k.to_string())]);
                assert_eq!(r.texts().len(), k);
                assert!(r.killed().is_empty(), "left running: {:?}", r.killed());
            }
        }
    }

    fn every_pattern_is_deterministic() {
        for id in PatternId::ALL {
            let a = serde_json::to_string(&run(id, 9, &[]).trace).unwrap();
            let b = serde_json::to_string(&run(id, 9, &[]).trace).unwrap();
            assert!(a == b, "{} differs between two runs of seed 9", id.id());
        }
    }

    fn bad_parameters_name_the_field_and_the_range() {
        // (pattern, name, value, message)
        for (id, name, value, message) in [
            (PatternId::SpawnWait, "delay_ms", "-1", "delay_ms: \"-1\" is not a whole number from 0 to 60000"),
            (PatternId::Words, "capture", "ref", "capture: \"ref\" is not one of copy, shared"),
            (PatternId::Words, "text", "  ", "text: \"  \" is not text of 1 to 200 characters"),
            (PatternId::Deadline, "work_ms", "5,x", "work_ms: \"5,x\" is not 1 to 20 comma-separated whole numbers from 0 to 60000"),
            (PatternId::Pipeline, "speed", "2", "speed: \"2\" is not a parameter of pipeline (it has: count, workers, buffer, stop_after, work_ms)"),
        ] {
            let mut p = Params::defaults(id);
            let before = p.clone();
            assert_eq!(p.set(name, value).unwrap_err().to_string(), message);
            assert_eq!(p, before, "a bad value changed the params");
        }
    }

    fn events_point_at_the_line_of_the_code_that_runs() {
        // spawn-wait: the worker's send and main's output name their lines
        // in the region the page shows.
        let r = run(PatternId::SpawnWait, 1, &[]);
        let code: Vec<&str> = PatternId::SpawnWait.rust_source().lines().collect();
        let first = PatternId::SpawnWait.rust_source_first_line();
        let line_of = |kind: &str, task: &str| {
            let e = r.trace.iter().find(|e| e.kind.name() == kind && &*e.task == task).unwrap();
            code[(e.pos.unwrap().line - first) as usize].trim()
        };
        assert!(line_of("send", "worker").contains("tx.send("), "{}", line_of("send", "worker"));
        assert!(line_of("output", "main").contains("rt.output(answer)"), "{}", line_of("output", "main"));
        assert!(line_of("spawn", "main").contains("rt.go(\"worker\""), "{}", line_of("spawn", "main"));
    }

    fn every_go_pairing_names_lines_that_exist() {
        for id in PatternId::ALL {
            for (rust, go) in id.go_lines() {
                assert!(patterns::find_line(id.rust_source(), rust).is_some(), "{}: no Rust line has {rust:?}", id.id());
                assert!(patterns::find_line(id.go_source(), go).is_some(), "{}: no Go line has {go:?}", id.id());
            }
        }
        // deadline: main waiting on Done is the Go main's <-ctx.Done().
        let rust = patterns::find_line(PatternId::Deadline.rust_source(), "ctx.done().await;").unwrap();
        let go = PatternId::Deadline.go_line_for(rust).unwrap();
        assert_eq!(PatternId::Deadline.go_source().lines().nth(go).unwrap().trim(), "<-ctx.Done()");
    }

    fn the_page_shows_the_code_that_runs() {
        for id in PatternId::ALL {
            let rust = id.rust_source();
            assert!(rust.contains("pub async fn run(rt: Rt, p: Params)"), "{}", id.id());
            assert!(!rust.contains("// region"), "{}", id.id());
            assert!(id.go_source().contains("package main"), "{}", id.id());
        }
    }
}

/// Every token a caller printed was valid when printed.
fn assert_no_expired_token(r: &Ran, ttl: u64) {
    let issued: BTreeMap<String, u64> = r.tokens().into_iter().map(|(t, v)| (v, t)).collect();
    for (t, text) in r.outputs() {
        if let Some(token) = text.rsplit(": ").next().filter(|s| s.starts_with("tok-")) {
            let at = issued[token];
            assert!(
                at <= t && t < at + ttl,
                "{text} at {t} ms: issued at {at} ms, expired at {} ms",
                at + ttl
            );
        }
    }
}

/// Tokens were issued at `first` and then every `ttl`.
fn assert_refreshes_every(r: &Ran, first: u64, ttl: u64) {
    let times: Vec<u64> = r.tokens().iter().map(|(t, _)| *t).collect();
    assert!(times.len() >= 4, "{times:?}");
    for (i, t) in times.iter().enumerate() {
        assert_eq!(*t, first + i as u64 * ttl, "{times:?}");
    }
}

tests! {
    /// The tally behind "Orders across seeds" and `csp explore` keeps a
    /// fingerprint, a count and the first lines of each distinct output: it
    /// must count exactly what comparing whole outputs counts, and replaying
    /// an output's first seed must print that output.
    fn a_tally_counts_what_whole_outputs_count() {
        for id in [PatternId::Words, PatternId::WaitGroup, PatternId::Pipeline] {
            let params = Params::defaults(id);
            let mut tally = patterns::Tally::default();
            let mut whole: BTreeMap<Vec<String>, (u64, u64)> = BTreeMap::new();
            for seed in 1..=40 {
                let order = patterns::order_at(&params, seed);
                tally.add(seed, &order);
                whole.entry(order).or_insert((seed, 0)).1 += 1;
            }
            assert_eq!(tally.len(), whole.len(), "{id:?}");
            let ranked = tally.ranked();
            assert!(ranked.windows(2).all(|w| w[0].count >= w[1].count), "{id:?}");
            for d in ranked {
                let order = patterns::order_at(&params, d.first_seed);
                assert_eq!(whole[&order], (d.first_seed, d.count), "{id:?}");
                assert_eq!(d.lines, order.len());
                assert_eq!(d.head, order[..order.len().min(patterns::TALLY_HEAD)]);
            }
        }
    }
}
