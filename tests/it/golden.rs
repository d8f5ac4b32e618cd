//! Golden marbles: each pattern's default run at seed 1, as text, committed
//! in `tests/it/golden/`, so any change in behaviour shows up in review. The
//! README shows the same text. `UPDATE_GOLDEN=1 cargo test` rewrites both.

use std::path::Path;

use csp_playground::cli;
use csp_playground::patterns::PatternId;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn marbles(id: PatternId) -> String {
    let mut out = Vec::new();
    cli::run(
        &[
            "run".into(),
            id.id().into(),
            "--seed".into(),
            "1".into(),
            "--format".into(),
            "marbles".into(),
        ],
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn readme_block(id: PatternId, marbles: &str) -> String {
    format!("<!-- marbles:{0} -->\n```text\n$ csp run {0} --seed 1 --format marbles\n{marbles}```\n<!-- /marbles:{0} -->", id.id())
}

#[test]
fn marbles_match_the_golden_files_and_the_readme() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let readme_path = Path::new(ROOT).join("README.md");
    let mut readme = std::fs::read_to_string(&readme_path).unwrap();
    let mut stale = Vec::new();
    for id in PatternId::ALL {
        let got = marbles(id);
        let path = Path::new(ROOT).join(format!("tests/it/golden/{}.txt", id.id()));
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        let start = format!("<!-- marbles:{} -->", id.id());
        let end = format!("<!-- /marbles:{} -->", id.id());
        let block = readme_block(id, &got);
        let in_readme = match (readme.find(&start), readme.find(&end)) {
            (Some(s), Some(e)) => Some((s, e + end.len())),
            _ => None,
        };
        if update {
            std::fs::write(&path, &got).unwrap();
            if let Some((s, e)) = in_readme {
                readme.replace_range(s..e, &block);
            }
            continue;
        }
        if got != want {
            stale.push(format!("{} (tests/it/golden/{}.txt)", id.id(), id.id()));
        }
        match in_readme {
            Some((s, e)) if readme[s..e] == block => {}
            _ => stale.push(format!("{} (README.md)", id.id())),
        }
    }
    // The blog example's static picture is the CLI's SVG of the same run.
    let svg_path = Path::new(ROOT).join("www/deadline-seed1.svg");
    let mut svg = Vec::new();
    cli::run(
        &[
            "run".into(),
            "deadline".into(),
            "--seed".into(),
            "1".into(),
            "--format".into(),
            "svg".into(),
        ],
        &mut svg,
    )
    .unwrap();
    if update {
        std::fs::write(&readme_path, readme).unwrap();
        std::fs::write(&svg_path, &svg).unwrap();
    } else if std::fs::read(&svg_path).unwrap_or_default() != svg {
        stale.push("deadline (www/deadline-seed1.svg)".to_string());
    }
    assert!(
        stale.is_empty(),
        "marbles changed for: {}\nReview the change, then run `UPDATE_GOLDEN=1 cargo test --test it golden`.",
        stale.join(", ")
    );
}
