//! The `csp` command line, as CONTRACT.md promises it.

use csp_playground::cli;

fn args(line: &str) -> Vec<String> {
    line.split_whitespace().map(String::from).collect()
}

/// Runs `line`; `Ok(stdout)` or `Err(the one-line message)`.
fn csp(line: &str) -> Result<String, String> {
    let mut out = Vec::new();
    cli::run(&args(line), &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).unwrap())
}

#[test]
fn list_prints_one_id_per_line() {
    assert_eq!(
        csp("list").unwrap(),
        "spawn-wait\nwaitgroup\nwords\ndeadline\ntoken-cache\ntoken-future\npipeline\n"
    );
}

#[test]
fn params_prints_name_default_and_range() {
    let out = csp("params deadline").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("deadline_ms\tdefault \"1000\"\ta whole number from 1 to 60000"),
        "{out}"
    );
}

#[test]
fn run_formats() {
    // (command, what the output must contain)
    for (line, needle) in [
        (
            "run spawn-wait",
            "  1000 ms  main         print \"done after 1000 ms\"",
        ),
        (
            "run spawn-wait --format marbles",
            "spawn-wait · seed 1 · finished at 1000 ms",
        ),
        ("run deadline --format svg", "<title>deadline at 1000 ms</title>"),
        ("run deadline --format chrome-trace", "\"traceEvents\""),
        (
            "run spawn-wait --set delay_ms=250",
            "   250 ms  main         print \"done after 250 ms\"",
        ),
        (
            "run words --seed 7 --set capture=shared --format marbles",
            "main: dog",
        ),
    ] {
        let out = csp(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!(out.contains(needle), "{line}:\n{out}");
    }
}

#[test]
fn run_json_is_json_lines_with_the_promised_fields() {
    let out = csp("run words --format json").unwrap();
    let mut outputs = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v["t"].is_u64() && v["task"].is_string() && v["kind"].is_string(),
            "{line}"
        );
        if v["kind"] == "output" {
            assert!(v["text"].is_string());
            outputs += 1;
        }
    }
    assert_eq!(outputs, 9);
}

#[test]
fn explore_shows_the_spread_of_orders() {
    let out = csp("explore words --seeds 50").unwrap();
    let distinct: usize = out.split_whitespace().next().unwrap().parse().unwrap();
    assert!(distinct > 1, "{out}");
    let out = csp("explore spawn-wait --seeds 20").unwrap();
    assert_eq!(
        out,
        "1 distinct output orders over seeds 1..=20\n    20  done after 1000 ms\n"
    );
}

#[test]
fn help_after_a_command_prints_the_usage() {
    for line in ["--help", "run deadline --help", "explore words -h", "go --help"] {
        assert_eq!(csp(line).as_deref(), Ok(csp_playground::cli::USAGE), "{line}");
    }
}

#[test]
fn bad_arguments_say_what_is_wrong() {
    for (line, message) in [
        ("frobnicate", "unknown command \"frobnicate\" (see `csp --help`)"),
        ("run", "missing pattern (try `csp list`)"),
        ("run nope", "unknown pattern \"nope\" (try `csp list`)"),
        (
            "run words --seed x",
            "--seed: \"x\" is not a whole number from 0 to 18446744073709551615",
        ),
        ("run words --seed", "--seed needs a value"),
        (
            "run words --format jpeg",
            "unknown format \"jpeg\" (use log, json, marbles, svg, chrome-trace, gif or png)",
        ),
        ("run words --set buffer", "--set: \"buffer\" is not name=value"),
        (
            "run words --set buffer=-2",
            "buffer: \"-2\" is not a whole number from 0 to 100",
        ),
        (
            "run words --verbose",
            "unknown option \"--verbose\" (see `csp --help`)",
        ),
        (
            "explore words --seeds 0",
            "--seeds: \"0\" is not a whole number from 1 to 100000",
        ),
        ("params words extra", "unexpected argument \"extra\""),
        // Flags of another command, or of a picture, are errors, not
        // ignored; so is no command at all.
        ("", "no command given (see `csp --help`)"),
        ("list extra", "unexpected argument \"extra\""),
        ("list --bogus", "unexpected argument \"--bogus\""),
        (
            "run deadline --seeds 3",
            "--seeds does not apply to `csp run` (see `csp --help`)",
        ),
        (
            "explore words --format json",
            "--format does not apply to `csp explore` (see `csp --help`)",
        ),
        (
            "explore words --seed 3",
            "--seed does not apply to `csp explore` (see `csp --help`)",
        ),
        (
            "explore words --width 5",
            "--width does not apply to `csp explore` (see `csp --help`)",
        ),
        (
            "run deadline --fps 99",
            "--fps shapes a picture: it needs --format gif or png",
        ),
        (
            "run deadline --width 5 --format log",
            "--width shapes a picture: it needs --format gif or png",
        ),
    ] {
        assert_eq!(csp(line), Err(message.to_string()), "{line}");
    }
}

#[test]
fn the_binary_exits_2_with_one_line_on_stderr() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_csp"))
        .args(["run", "deadline", "--set", "deadline_ms=0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "csp: deadline_ms: \"0\" is not a whole number from 1 to 60000\n"
    );
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_csp"))
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
}
