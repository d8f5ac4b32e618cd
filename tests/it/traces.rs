//! Golden traces: every event of a run, as the JSON Lines `csp run --format
//! json` prints, for every pattern at three seeds and the parameter variants
//! where behaviour turns. The files are compiled in (`include_str!`), so the
//! same comparison runs natively and in headless Chrome: this is the proof
//! that a pattern, its parameters and a seed give the same trace, byte for
//! byte, on both. `UPDATE_GOLDEN=1 cargo test --test it traces` rewrites
//! them (natively).

use csp_playground::patterns::{self, Params, PatternId};
use csp_playground::rt::Run;

struct Case {
    file: &'static str,
    golden: &'static str,
    id: PatternId,
    seed: u64,
    set: &'static [(&'static str, &'static str)],
}

macro_rules! cases {
    ($($file:literal: $id:ident, seed $seed:literal $(, $k:literal = $v:literal)*;)*) => {
        const CASES: &[Case] = &[$(Case {
            file: $file,
            golden: include_str!(concat!("golden/traces/", $file, ".jsonl")),
            id: PatternId::$id,
            seed: $seed,
            set: &[$(($k, $v)),*],
        }),*];
    };
}

cases! {
    "spawn-wait.1": SpawnWait, seed 1;
    "spawn-wait.2": SpawnWait, seed 2;
    "spawn-wait.42": SpawnWait, seed 42;
    "waitgroup.1": WaitGroup, seed 1;
    "waitgroup.2": WaitGroup, seed 2;
    "waitgroup.42": WaitGroup, seed 42;
    "words.1": Words, seed 1;
    "words.2": Words, seed 2;
    "words.42": Words, seed 42;
    "words.shared.1": Words, seed 1, "capture" = "shared";
    "words.stop3-buffer0.1": Words, seed 1, "stop_after" = "3", "buffer" = "0";
    "words.stop3-buffer2.7": Words, seed 7, "stop_after" = "3", "buffer" = "2";
    "deadline.1": Deadline, seed 1;
    "deadline.2": Deadline, seed 2;
    "deadline.42": Deadline, seed 42;
    "token-cache.1": TokenCache, seed 1;
    "token-cache.2": TokenCache, seed 2;
    "token-cache.42": TokenCache, seed 42;
    "token-cache.fail-2-3.1": TokenCache, seed 1, "fail_on" = "2,3";
    "token-cache.fail-to-tolerance.1": TokenCache, seed 1, "fail_on" = "2,3,4", "tolerance" = "3";
    "token-future.1": TokenFuture, seed 1;
    "token-future.2": TokenFuture, seed 2;
    "token-future.3": TokenFuture, seed 3;
    "token-future.7": TokenFuture, seed 7;
    "token-future.42": TokenFuture, seed 42;
    "token-future.fail-to-tolerance.1": TokenFuture, seed 1, "fail_on" = "2,3,4", "tolerance" = "3";
    "token-future.caller-timeout.1": TokenFuture, seed 1, "caller_timeout_ms" = "50";
    "pipeline.1": Pipeline, seed 1;
    "pipeline.2": Pipeline, seed 2;
    "pipeline.42": Pipeline, seed 42;
    "pipeline.stop4-buffer2.1": Pipeline, seed 1, "stop_after" = "4", "buffer" = "2";
}

/// The run's trace as JSON Lines, exactly as `csp run --format json` prints.
fn json_lines(case: &Case) -> String {
    let mut params = Params::defaults(case.id);
    for (name, value) in case.set {
        params
            .set(name, value)
            .unwrap_or_else(|e| panic!("{}: {e}", case.file));
    }
    let run = Run::new_virtual(case.seed);
    patterns::start(&run, &params);
    run.run_to_end();
    let mut out = String::new();
    for e in run.trace() {
        out.push_str(&serde_json::to_string(&e).expect("an event serialises"));
        out.push('\n');
    }
    out
}

/// `None` when equal; else where they first differ, readably.
fn first_difference(want: &str, got: &str) -> Option<String> {
    if want == got {
        return None;
    }
    let (want_lines, got_lines): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = want_lines
        .iter()
        .zip(&got_lines)
        .position(|(w, g)| w != g)
        .unwrap_or(want_lines.len().min(got_lines.len()));
    let before = i
        .checked_sub(1)
        .and_then(|j| want_lines.get(j))
        .unwrap_or(&"(start)");
    Some(format!(
        "first difference at event {} (line {}):\n  after: {before}\n  want:  {}\n  got:   {}\n({} events wanted, {} got)",
        i,
        i + 1,
        want_lines.get(i).unwrap_or(&"(end of trace)"),
        got_lines.get(i).unwrap_or(&"(end of trace)"),
        want_lines.len(),
        got_lines.len()
    ))
}

tests! {
    fn every_golden_trace_matches_byte_for_byte() {
        #[cfg(not(target_arch = "wasm32"))]
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            for case in CASES {
                let path = format!("{}/tests/it/golden/traces/{}.jsonl", env!("CARGO_MANIFEST_DIR"), case.file);
                std::fs::write(path, json_lines(case)).unwrap();
            }
            return;
        }
        let failures: Vec<String> = CASES
            .iter()
            .filter_map(|case| {
                let diff = first_difference(case.golden, &json_lines(case))?;
                Some(format!("{}: {diff}", case.file))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} golden traces differ (review, then `UPDATE_GOLDEN=1 cargo test --test it traces` natively):\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    fn a_single_changed_byte_is_reported_at_its_event() {
        let case = &CASES[0];
        let got = json_lines(case);
        let mut changed = got.clone().into_bytes();
        let at = got.lines().next().unwrap().len() + 3; // inside the second event
        changed[at] = if changed[at] == b'1' { b'2' } else { b'1' };
        let changed = String::from_utf8(changed).unwrap();
        let diff = first_difference(&changed, &got).expect("one byte differs");
        assert!(diff.starts_with("first difference at event 1 (line 2)"), "{diff}");
        assert!(first_difference(&got, &got).is_none());
    }
}
