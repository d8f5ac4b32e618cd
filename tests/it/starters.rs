//! The "Start from" menu: the article's programs are the article's files,
//! and every classic prints what its `// Output:` says, in the interpreter
//! at many seeds (natively and in the browser) and under the real `go`.

use csp_playground::patterns::PatternId;
use csp_playground::starters::{self, BLANK};

tests! {
    fn the_menu_holds_the_empty_main_the_article_and_the_classics() {
        let all = starters::all();
        assert_eq!(all[0].source, BLANK);
        for p in PatternId::ALL {
            let s = starters::by_id(p.id()).unwrap_or_else(|| panic!("{} is missing", p.id()));
            assert_eq!((s.title, s.source), (p.title(), p.go_source()));
        }
        let classics: Vec<&str> = starters::classics().map(|s| s.id).collect();
        assert_eq!(
            classics,
            ["ping-pong", "worker-pool", "deadlock", "leaked-goroutine", "counter-race", "counter-mutex", "ticker", "select-default"]
        );
        let mut ids: Vec<&str> = all.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "ids are unique");
        assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }

    fn the_empty_main_runs_and_prints_nothing() {
        let ran = csp_playground::go::run(BLANK, &Default::default()).unwrap();
        assert_eq!((ran.stdout.as_str(), ran.exit), ("", 0));
    }

    fn every_classic_prints_its_output_at_every_seed() {
        for s in starters::classics() {
            for seed in 1..=20 {
                crate::go::check(s.id, s.source, seed);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_classic_prints_its_output_under_the_real_go() {
    let go = crate::go_native::go_binary().expect("the real go is not installed: run scripts/tools.sh");
    let dir = std::env::temp_dir().join(format!("csp-starters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for s in starters::classics() {
        crate::go_native::check_with_real_go(go, &dir, s.id, s.source);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
