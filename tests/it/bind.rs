//! Parameters written into edited Go: every binding finds its place in the
//! article's code, a bound program does what the Rust port does with the
//! same values, and an edit that removes a value makes its field unread.

use csp_playground::go::{self, Options};
use csp_playground::patterns::bind::{bind, bindings, reads};
use csp_playground::patterns::{Params, PatternId};

fn stdout(src: &str, seed: u64) -> String {
    let ran = go::run(
        src,
        &Options {
            seed,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(ran.error, None, "{src}");
    ran.stdout
}

tests! {
    fn every_binding_finds_its_place_in_the_articles_go() {
        for p in PatternId::ALL {
            for b in bindings(p) {
                assert!(reads(p, p.go_source(), b.param), "{}: {} has no place", p.id(), b.param);
                assert!(p.specs().iter().any(|s| s.name == b.param), "{}: {} is no parameter", p.id(), b.param);
            }
            let bound = bind(p.go_source(), &Params::defaults(p));
            let unbound: Vec<&str> = p
                .specs()
                .iter()
                .map(|s| s.name)
                .filter(|n| !bindings(p).iter().any(|b| b.param == *n))
                .collect();
            assert_eq!(bound.unread, unbound, "{}", p.id());
        }
    }

    fn the_defaults_bound_in_print_what_the_article_prints() {
        for p in [PatternId::SpawnWait, PatternId::WaitGroup, PatternId::Words, PatternId::Deadline, PatternId::Pipeline] {
            let bound = bind(p.go_source(), &Params::defaults(p));
            for seed in 1..4 {
                assert_eq!(stdout(&bound.source, seed), stdout(p.go_source(), seed), "{} seed {seed}", p.id());
            }
        }
    }

    fn a_bound_value_changes_what_the_go_does() {
        let mut params = Params::defaults(PatternId::Words);
        params.set("text", "say \"hi\" twice").unwrap();
        params.set("stop_after", "2").unwrap();
        let bound = bind(PatternId::Words.go_source(), &params);
        assert!(bound.source.contains(r#"strings.Fields("say \"hi\" twice")"#), "{}", bound.source);
        assert_eq!(stdout(&bound.source, 1).lines().count(), 2);

        let mut params = Params::defaults(PatternId::Deadline);
        params.set("deadline_ms", "600").unwrap();
        params.set("work_ms", "100,700").unwrap();
        let out = stdout(&bind(PatternId::Deadline.go_source(), &params).source, 1);
        assert_eq!(
            out,
            "worker 0: finished after 100 ms\nworker 1: cleaning up: context deadline exceeded\nmain: context deadline exceeded\n"
        );

        let mut params = Params::defaults(PatternId::TokenFuture);
        params.set("shutdown_ms", "1500").unwrap();
        let bound = bind(PatternId::TokenFuture.go_source(), &params);
        assert!(bound.source.contains("time.Sleep(1500 * time.Millisecond)"), "{}", bound.source);
        // The refresher's own sleep is not a literal, so it is not the place.
        assert!(bound.source.contains("time.Sleep(refreshIn)"));
    }

    fn an_edit_that_drops_a_value_leaves_its_field_unread() {
        let p = PatternId::WaitGroup;
        let edited = p.go_source().replace("const workers = 2", "const workers = 2 + 1");
        // `2 + 1` still starts with a literal: the first word is replaced.
        assert!(reads(p, &edited, "workers"));
        let edited = p.go_source().replace("const workers = 2", "var workers = 2");
        assert!(!reads(p, &edited, "workers"));
        assert_eq!(bind(&edited, &Params::defaults(p)).unread, ["workers"]);
        // A value in a comment is not read.
        let edited = p.go_source().replace("work := 1000", "// work := 1000\n\twork := time.Second //");
        assert!(!reads(p, &edited, "work_ms"));
    }

    fn a_value_the_reader_types_into_the_go_beats_the_field() {
        let p = PatternId::Deadline;
        let edited = p.go_source().replace("[]int{500, 1500, 800, 2000}", "[]int{500, 1500, 800, 2000, 300}");
        let mut params = Params::defaults(p);
        params.set("deadline_ms", "900").unwrap();
        let bound = bind(&edited, &params);
        // Their workers run; the deadline they left alone is the field's.
        assert!(bound.source.contains("[]int{500, 1500, 800, 2000, 300}"), "{}", bound.source);
        assert!(bound.source.contains("Add(900*time.Millisecond)"), "{}", bound.source);
        assert_eq!((bound.edited.as_slice(), bound.unread.as_slice()), (&["work_ms"][..], &["work_ms"][..]));
        let out = stdout(&bound.source, 1);
        assert!(out.contains("worker 4: finished after 300 ms"), "{out}");
    }

    fn spacing_does_not_matter() {
        let p = PatternId::SpawnWait;
        let edited = p.go_source().replace("delay := 1000 * time.Millisecond", "delay   :=   1000*time.Millisecond");
        let mut params = Params::defaults(p);
        params.set("delay_ms", "5").unwrap();
        let bound = bind(&edited, &params);
        assert!(bound.unread.is_empty());
        assert_eq!(stdout(&bound.source, 1), "done after 5 ms\n");
    }
}
