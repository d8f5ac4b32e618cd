//! The Go interpreter: the corpus under `tests/go/` (each program's
//! expected output in `// Output:` comments, as Go's example tests do), the
//! article's programs against the claims the Rust ports are tested for, and
//! hostile input. Test B (native only) checks the corpus's expectations
//! against the real `go`.

use std::collections::BTreeSet;

use csp_playground::go::{self, Limits, Options, Ran};
use csp_playground::rt::{Clock, Kind, Op, RefreshState, Wait};
use csp_playground::view::{self, LedgerStatus};

#[path = "go_corpus.rs"]
pub mod go_corpus;
use go_corpus::CORPUS;

/// What a corpus program says it prints.
#[derive(Debug)]
pub struct Expect {
    pub lines: Vec<String>,
    pub unordered: bool,
    /// The first line Go prints on stderr when the program fails.
    pub error: Option<String>,
    /// Needs Go 1.22 semantics (real Go 1.19 would print something else).
    pub needs_122: bool,
}

pub fn expect(src: &str) -> Expect {
    let mut e = Expect {
        lines: Vec::new(),
        unordered: false,
        error: None,
        needs_122: false,
    };
    let mut inside = false;
    for line in src.lines() {
        let t = line.trim_end();
        if t == "// Needs: go1.22" {
            e.needs_122 = true;
        } else if t == "// Output:" || t == "// Unordered output:" {
            inside = true;
            e.unordered = t.starts_with("// Unordered");
        } else if inside {
            let Some(rest) = line.strip_prefix("//") else {
                inside = false;
                continue;
            };
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            match rest.strip_prefix("Error: ") {
                Some(err) => e.error = Some(err.to_string()),
                None => e.lines.push(rest.to_string()),
            }
        }
    }
    e
}

/// Whether `stdout` is what `e` expects (trailing spaces ignored, as Go's
/// example tests do).
pub fn output_matches(e: &Expect, stdout: &str) -> bool {
    let norm = |s: &str| s.trim_end().to_string();
    let mut got: Vec<String> = stdout.lines().map(norm).collect();
    let mut want: Vec<String> = e.lines.iter().map(|s| norm(s)).collect();
    while got.last().is_some_and(String::is_empty) {
        got.pop();
    }
    while want.last().is_some_and(String::is_empty) {
        want.pop();
    }
    if e.unordered {
        got.sort();
        want.sort();
    }
    got == want
}

fn run(src: &str, seed: u64) -> Ran {
    go::run(
        src,
        &Options {
            seed,
            ..Options::default()
        },
    )
    .unwrap_or_else(|e| panic!("compile error: {e}"))
}

pub fn check(name: &str, src: &str, seed: u64) {
    let e = expect(src);
    assert!(
        !e.lines.is_empty() || e.error.is_some(),
        "{name}: no // Output: block"
    );
    let ran = run(src, seed);
    assert!(
        output_matches(&e, &ran.stdout),
        "{name} (seed {seed}): stdout\n{}\nwant\n{}\nstderr\n{}",
        ran.stdout,
        e.lines.join("\n"),
        ran.stderr
    );
    match &e.error {
        Some(err) => {
            assert_eq!(
                ran.error.as_deref(),
                Some(err.as_str()),
                "{name}: stderr\n{}",
                ran.stderr
            );
            assert_eq!(ran.exit, 2, "{name}");
        }
        None => assert_eq!(
            (ran.exit, ran.error.as_deref()),
            (0, None),
            "{name}: stderr\n{}",
            ran.stderr
        ),
    }
}

fn outputs(ran: &Ran) -> Vec<(u64, String)> {
    ran.trace
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Output { text, .. } => Some((e.t, text.to_string())),
            _ => None,
        })
        .collect()
}

/// The article's Go programs, embedded (the wasm tests have no files).
fn pattern(id: &str) -> String {
    match id {
        "spawn-wait" => include_str!("../../src/patterns/go/spawn-wait/main.go"),
        "waitgroup" => include_str!("../../src/patterns/go/waitgroup/main.go"),
        "words" => include_str!("../../src/patterns/go/words/main.go"),
        "deadline" => include_str!("../../src/patterns/go/deadline/main.go"),
        "token-cache" => include_str!("../../src/patterns/go/token-cache/main.go"),
        "token-future" => include_str!("../../src/patterns/go/token-future/main.go"),
        "pipeline" => include_str!("../../src/patterns/go/pipeline/main.go"),
        other => panic!("no pattern {other}"),
    }
    .to_string()
}

const SEEDS: std::ops::RangeInclusive<u64> = 1..=20;

tests! {
    fn corpus_runs_as_its_output_comments_say() {
        assert!(CORPUS.len() >= 60, "{} programs", CORPUS.len());
        for (name, src) in CORPUS {
            for seed in [1, 2, 3] {
                check(name, src, seed);
            }
        }
    }

    fn runaway_loops_stop_at_the_step_cap() {
        let src = "package main\nfunc main() {\n\tfor {\n\t}\n}\n";
        let opts = Options { limits: Limits { budget: 1000, step_cap: 200_000, ..Limits::DEFAULT }, ..Options::default() };
        let ran = go::run(src, &opts).unwrap();
        assert_eq!(ran.exit, 2);
        assert!(ran.error.as_deref().unwrap().contains("step limit"), "{:?}", ran.error);
        // A busy goroutine yields: the other one still runs.
        let src = "package main\nimport \"fmt\"\nfunc main() {\n\tgo func() { for {} }()\n\tx := 0\n\tfor i := 0; i < 100000; i++ { x += i }\n\tfmt.Println(x)\n}\n";
        let ran = go::run(src, &Options::default()).unwrap();
        assert_eq!(ran.stdout, "4999950000\n");
    }

    fn pointers_print_the_same_addresses_in_the_browser_and_natively() {
        // Real addresses differ between wasm32 and 64-bit machines: a
        // printed pointer used to make the page and the CLI disagree.
        let src = "package main\nimport \"fmt\"\ntype T struct{ p *int }\nfunc main() {\n\tx, y := 1, 2\n\tp, q := &x, &y\n\tfmt.Println(p, q, p == q)\n\tfmt.Printf(\"%v %+v %p\\n\", T{q}, T{p}, p)\n}\n";
        for seed in [1, 2] {
            let ran = go::run(src, &Options { seed, ..Options::default() }).unwrap();
            assert_eq!(
                ran.stdout,
                "0xc000010000 0xc000010020 false\n{0xc000010020} {p:0xc000010000} 0xc000010000\n"
            );
        }
    }

    fn a_standard_library_method_we_lack_is_named_with_its_position() {
        // It panicked as "time.Time has no method Format", as though the
        // program were wrong; then it stopped the run where it was called,
        // after the program had printed; now it is refused before the run.
        let src = "package main\nimport (\n\t\"fmt\"\n\t\"time\"\n)\nfunc main() {\n\tfmt.Println(\"start\")\n\tfmt.Println(time.Now().ISOWeek())\n}\n";
        assert_eq!(go::compile(src, None).unwrap_err().to_string(), "8:25: time.Time.ISOWeek is not supported here");
    }

    fn a_blocking_call_used_as_a_value_is_an_error_not_a_crash() {
        // `x := time.Sleep(5)` took a value that was never pushed, and the
        // interpreter indexed past its stack: a crash natively, and the
        // page's whole module in the browser. `mu.TryLock()` as the only
        // argument of a call did the same.
        let run = |body: &str| {
            let src = format!(
                "package main\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\nvar mu sync.Mutex\nvar _ time.Duration\nfunc main() {{\n\t{body}\n}}\n"
            );
            go::run(&src, &Options::default()).unwrap()
        };
        let ran = run("x := time.Sleep(5); fmt.Println(x)");
        assert_eq!(ran.exit, 2);
        assert!(
            ran.stderr.starts_with("fatal error: 10:7: (no value) used as value"),
            "{}",
            ran.stderr
        );
        let ran = run("fmt.Println(mu.TryLock()); fmt.Println(mu.TryLock())");
        assert_eq!((ran.exit, ran.stdout.as_str()), (0, "true\nfalse\n"));
    }

    fn print_and_println_write_as_the_go_runtime_does() {
        // They wrote floats as fmt does (1.5) and put spaces between
        // print's operands; Go 1.19 prints what is asserted here, both
        // through the instruction and through `defer println(...)`.
        let src = "package main\n\nfunc main() {\n\tdefer println(2.0/3.0, -0.25)\n\tprint(1, 2, \"a\", true, \"\\n\")\n\tvar z float64\n\tprintln(1.5, 1e21, 1e-7, 123456789.0, z, -z, float32(1.25), \"x\", 7)\n}\n";
        let nils = "package main\n\nfunc main() {\n\tvar p *int\n\tvar m map[string]int\n\tvar c chan int\n\tvar e error\n\tprintln(p, m, c, e)\n\tprintln(1001.0/1000.0+0.0000005, 999999.95, 0.1, 1e300, -2.5e-300)\n}\n";
        // Go's printfloat rounds by adding half a last digit, so its last
        // digit is not always the nearest (1.001001, 1.000000e+006).
        assert_eq!(
            run(nils, 1).stderr,
            "0x0 0x0 0x0 (0x0,0x0)\n+1.001001e+000 +1.000000e+006 +1.000000e-001 +1.000000e+300 -2.500000e-300\n"
        );
        let ran = run(src, 1);
        assert_eq!(
            ran.stderr,
            "12atrue\n+1.500000e+000 +1.000000e+021 +1.000000e-007 +1.234568e+008 +0.000000e+000 -0.000000e+000 +1.250000e+000 x 7\n+6.666667e-001 -2.500000e-001\n"
        );
    }

    fn time_has_months_and_weekdays() {
        // Go by Example's switch on time.Now().Weekday() stopped as not
        // supported. The run's clock starts on the Go Playground's
        // Tuesday, 2009-11-10; the names print as Go's do.
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tnow := time.Now()\n\tswitch now.Weekday() {\n\tcase time.Saturday, time.Sunday:\n\t\tfmt.Println(\"It's the weekend\")\n\tdefault:\n\t\tfmt.Println(\"It's a weekday\")\n\t}\n\ty, m, d := now.Date()\n\tfmt.Println(y, m, d, now.Month(), now.Weekday())\n\tfmt.Printf(\"%d %v %s %T %T\\n\", m, m, time.Saturday, m, time.Sunday)\n\tvar mm time.Month = 13\n\tfmt.Println(mm, time.December, now.Month() == time.November)\n\tlater := now.Add(48 * time.Hour)\n\tfmt.Println(later.Weekday(), later.Day())\n}\n";
        let ran = run(src, 1);
        assert_eq!(
            ran.stdout,
            "It's a weekday\n2009 November 10 November Tuesday\n11 November Saturday time.Month time.Weekday\n%!Month(13) December true\nThursday 12\n"
        );
    }

    fn a_ticker_resets_to_a_new_period_and_stops() {
        // Ticker.Reset stopped the program as not supported. After a Stop,
        // nothing more ticks; a Reset starts it again (Go 1.19's times,
        // less the wall clock's jitter).
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tstart := time.Now()\n\tt := time.NewTicker(time.Second)\n\tt.Reset(100 * time.Millisecond)\n\t<-t.C\n\tfmt.Println(\"tick\", time.Since(start))\n\tt.Stop()\n\tt.Reset(300 * time.Millisecond)\n\t<-t.C\n\tfmt.Println(\"tick\", time.Since(start))\n\tt.Stop()\n\tselect {\n\tcase <-t.C:\n\t\tfmt.Println(\"stopped ticker ticked\")\n\tcase <-time.After(time.Second):\n\t\tfmt.Println(\"quiet\", time.Since(start))\n\t}\n}\n";
        let ran = run(src, 1);
        assert_eq!(ran.stdout, "tick 100ms\ntick 400ms\nquiet 1.4s\n");
    }

    fn log_writes_as_its_flags_and_prefix_ask() {
        // log.SetFlags(0), the usual first line of a program that logs,
        // was not supported; nor were the prefix and the file flags. The
        // file is the Go Playground's prog.go.
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"time\"\n)\n\nfunc main() {\n\tlog.Println(\"default\")\n\tlog.SetFlags(0)\n\tlog.Println(\"bare\")\n\tlog.SetPrefix(\"app: \")\n\tlog.Printf(\"n=%d\", 3)\n\tlog.SetFlags(log.Lmsgprefix | log.Ltime)\n\ttime.Sleep(1500 * time.Millisecond)\n\tlog.Print(\"late\")\n\tlog.SetFlags(log.Lshortfile)\n\tlog.Println(\"where\")\n\tfmt.Println(log.Flags(), log.Prefix())\n}\n";
        let ran = run(src, 1);
        assert_eq!(ran.stdout, "16 app: \n");
        assert_eq!(ran.stderr, "2009/11/10 23:00:00 default\nbare\napp: n=3\n23:00:01 app: late\napp: prog.go:19: where\n");
    }

    fn standard_error_lines_are_output_events_of_their_own() {
        // println, log and os.Stderr wrote only to the CLI's stderr: the
        // page showed none of them. Each line is now an output event marked
        // as standard error, left out of stdout; log stamps by the run's
        // clock (it always said 23:00:00).
        let src = "package main\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n\t\"time\"\n)\nfunc main() {\n\tprintln(\"to stderr\", 1)\n\tfmt.Println(\"out\")\n\ttime.Sleep(1500 * time.Millisecond)\n\tlog.Println(\"logged\")\n\tfmt.Fprintln(os.Stderr, \"err line\")\n}\n";
        let ran = run(src, 1);
        assert_eq!(ran.stdout, "out\n");
        assert_eq!(ran.stderr, "to stderr 1\n2009/11/10 23:00:01 logged\nerr line\n");
        let lines: Vec<(&str, bool)> = ran
            .trace
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Output { text, stderr, .. } => Some((&**text, *stderr)),
                _ => None,
            })
            .collect();
        assert_eq!(
            lines,
            [("to stderr 1", true), ("out", false), ("2009/11/10 23:00:01 logged", true), ("err line", true)]
        );
        // println's line is at the println (it kept the previous call's).
        let first = ran.trace.iter().find(|e| matches!(e.kind, Kind::Output { .. })).unwrap();
        assert_eq!(first.pos.map(|p| p.line), Some(9));
        // A string converted to another string type is the same text, not
        // a slice of a value per byte (review found 40 MB refused).
        let named = "package main\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\ntype MyStr string\nfunc main() {\n\ts := strings.Repeat(\"a\", 40<<20)\n\tfmt.Println(len(MyStr(s)))\n}\n";
        let ran = go::run(named, &Options { trace: false, ..Options::default() }).unwrap();
        assert_eq!((ran.exit, ran.stdout.as_str()), (0, "41943040\n"), "{}", ran.stderr);
    }

    fn exact_constant_arithmetic_never_panics_at_the_edges_of_its_range() {
        // gcd took i128::MIN % -1, a panic (the page aborts on one), for
        // -(1 << 125) * 4.0 / -1.0; every operation on the edge values
        // now gives a value or declines.
        use csp_playground::go::exact::Exact;
        use csp_playground::go::ir::Op;
        let ints = [i128::MIN, i128::MIN + 1, -(1 << 64), -1, 0, 1, 2, 127, 1 << 64, i128::MAX - 1, i128::MAX];
        let mut values: Vec<Exact> = ints.iter().map(|&v| Exact::int(v)).collect();
        values.extend(ints.iter().map(|&v| Exact::rune(v)));
        for text in ["0.1", "1e38", "1e-38", "170141183460469231731687303715884105727.5", "0.0"] {
            values.extend(Exact::parse_float(text));
        }
        let ops = [
            Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Rem, Op::Shl, Op::Shr, Op::And, Op::Or, Op::Xor, Op::AndNot,
        ];
        for &a in &values {
            for op in [Op::Neg, Op::Plus, Op::BitNot] {
                let _ = Exact::unary(op, a);
            }
            for &b in &values {
                for op in ops {
                    if let Some(r) = Exact::binary(op, a, b) {
                        let _ = (r.to_f64(), r.as_int());
                    }
                }
            }
        }
        let big = Exact::binary(Op::Mul, Exact::binary(Op::Shl, Exact::int(-1), Exact::int(125)).unwrap(), Exact::parse_float("4.0").unwrap()).unwrap();
        // 2^127 is past i128: it declines, and the expression runs in
        // floats, as before, to Go's answer.
        assert_eq!(Exact::binary(Op::Div, big, Exact::parse_float("-1.0").unwrap()), None);
        let ran = run("package main\nimport \"fmt\"\nconst x = -(1 << 125) * 4.0\nconst y = x / -1\nfunc main() {\n\tfmt.Println(-(1 << 125) * 4.0 / -1.0, y)\n}\n", 1);
        assert_eq!(ran.stdout, "1.7014118346046923e+38 1.7014118346046923e+38\n");
    }

    fn a_byte_order_mark_at_the_start_is_skipped_as_go_skips_it() {
        // It was "1:1: expected 'package', found ILLEGAL".
        let ran = run("\u{feff}package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"ok\") }\n", 1);
        assert_eq!((ran.exit, ran.stdout.as_str()), (0, "ok\n"));
    }

    fn deep_recursion_is_a_go_error_not_a_crash() {
        let src = "package main\nfunc f(n int) int { return f(n+1) + 1 }\nfunc main() { f(0) }\n";
        let ran = go::run(src, &Options { trace: false, ..Options::default() }).unwrap();
        assert_eq!(ran.exit, 2);
        assert!(ran.stderr.contains("stack overflow"), "{}", ran.stderr);
        assert!(ran.stderr.contains("(this playground's limit is 1000000 nested calls)"), "{}", ran.stderr);
        // Recursion Go runs, runs: 25,000 deep was a stack overflow here.
        let deep = "package main\nimport \"fmt\"\nfunc f(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn f(n-1) + 1\n}\nfunc main() { fmt.Println(f(100000)) }\n";
        let ran = go::run(deep, &Options { trace: false, ..Options::default() }).unwrap();
        assert_eq!((ran.exit, ran.stdout.as_str()), (0, "100000\n"), "{}", ran.stderr);
    }

    fn compile_errors_have_positions() {
        for (src, want) in [
            ("package main\nfunc main() {\n\tx := \n}\n", "4:1"),
            ("package main\nfunc main() {\n\tfmt.Println(1)\n}\n", "3:2: undefined: fmt"),
            ("package main\nimport \"net/http\"\nfunc main() {}\n", "2:8: package net/http is not supported here"),
            ("package main\nfunc Map[T any](x T) T { return x }\nfunc main() {}\n", "2:9: generics are not supported here"),
            ("package main\nfunc main() {\n\tgoto end\nend:\n}\n", "3:2: goto is not supported here"),
            // Go's own checks (positions as go reports them; the words of Go 1.20 on).
            ("package main\nimport (\n\t\"fmt\"\n\t\"os\"\n)\nfunc main() { fmt.Println() }\n", "4:2: \"os\" imported and not used"),
            ("package main\nimport \"math/rand\"\nfunc main() {}\n", "2:8: \"math/rand\" imported and not used"),
            ("package main\nfunc main() {\n\ta, b := 2, 3\n\tb = a\n}\n", "3:5: declared and not used: b"),
            ("package main\nfunc main() {\n\tx := 0\n\tfunc() { x = 1 }()\n}\n", "3:2: declared and not used: x"),
            ("package main\nfunc main() {\n\tvar z int\n\tz = 3\n}\n", "3:6: declared and not used: z"),
            ("package main\nfunc main() {\n\tfor i, v := range []int{1} {\n\t\t_ = i\n\t}\n}\n", "3:9: declared and not used: v"),
            // A literal no value of the declared type can be (Go's words and
            // positions, checked against go vet; these used to run).
            ("package main\nfunc main() {\n\tvar s string = 5\n\t_ = s\n}\n", "3:17: cannot use 5 (untyped int constant) as string value in variable declaration"),
            ("package main\nfunc main() {\n\tvar x int = \"a\"\n\t_ = x\n}\n", "3:14: cannot use \"a\" (untyped string constant) as int value in variable declaration"),
            ("package main\nvar ok bool = 1\nfunc main() { _ = ok }\n", "2:15: cannot use 1 (untyped int constant) as bool value in variable declaration"),
            ("package main\nfunc main() {\n\tvar h int = 1.5\n\t_ = h\n}\n", "3:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)"),
            ("package main\nconst k string = 3\nfunc main() {}\n", "2:18: cannot use 3 (untyped int constant) as string value in constant declaration"),
            // The same where the literal is assigned, sent, returned or passed
            // (Go's words and positions, from go build; these used to run).
            ("package main\nfunc main() {\n\tx := 1\n\tx = \"a\"\n\t_ = x\n}\n", "4:6: cannot use \"a\" (untyped string constant) as int value in assignment"),
            ("package main\nfunc main() {\n\tch := make(chan int, 1)\n\tch <- \"s\"\n}\n", "4:8: cannot use \"s\" (untyped string constant) as int value in send"),
            ("package main\nfunc main() {\n\tch := make(chan string, 1)\n\tselect {\n\tcase ch <- 2:\n\t}\n}\n", "5:13: cannot use 2 (untyped int constant) as string value in send"),
            ("package main\nfunc f() int {\n\treturn \"x\"\n}\nfunc main() { f() }\n", "3:9: cannot use \"x\" (untyped string constant) as int value in return statement"),
            ("package main\nfunc add(a, b int) int { return a + b }\nfunc main() {\n\tadd(1, \"2\")\n}\n", "4:9: cannot use \"2\" (untyped string constant) as int value in argument to add"),
            ("package main\ntype T struct{}\nfunc (T) m(s string) {}\nfunc main() {\n\tvar t T\n\tt.m(1.5)\n}\n", "6:6: cannot use 1.5 (untyped float constant) as string value in argument to t.m"),
            // Constants out of their type's range (Go's words; these used
            // to wrap silently).
            ("package main\nfunc main() {\n\tvar b int8 = 200\n\t_ = b\n}\n", "3:15: cannot use 200 (untyped int constant) as int8 value in variable declaration (overflows)"),
            ("package main\nfunc main() {\n\tvar u uint = -1\n\t_ = u\n}\n", "3:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)"),
            ("package main\nfunc main() {\n\tx := byte(256)\n\t_ = x\n}\n", "3:12: cannot convert 256 (untyped int constant) to type byte"),
            // A type that holds itself: Go's words; it used to overflow
            // the stack (found by the mutation fuzz test).
            ("package main\ntype Node struct {\n\tv    int\n\tnext Node\n}\nfunc main() {}\n", "2:6: invalid recursive type Node"),
            ("package main\ntype A struct{ b B }\ntype B struct{ a [2]A }\nfunc main() {}\n", "2:6: invalid recursive type A"),
            ("package main\nfunc main() {\n\ttype N struct{ n N }\n\tvar x N\n\t_ = x\n}\n", "invalid recursive type N"),
            // Calls with the wrong number of arguments (Go's words and
            // positions; run, they passed nils and failed elsewhere).
            ("package main\nfunc f(a, b int) int { return a + b }\nfunc main() {\n\tf(1)\n}\n", "4:4: not enough arguments in call to f"),
            ("package main\nfunc f(a, b int) int { return a + b }\nfunc main() {\n\tf(1, 2, 3)\n}\n", "4:10: too many arguments in call to f"),
            ("package main\ntype T struct{}\nfunc (T) m(x int) {}\nfunc main() {\n\tvar t T\n\tt.m()\n}\n", "6:2: not enough arguments in call to t.m"),
            // A function with results that can end without a return.
            ("package main\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\nfunc main() { f(1) }\n", "6:1: missing return"),
            ("package main\nfunc g() int {\nouter:\n\tfor {\n\t\tbreak outer\n\t}\n}\nfunc main() { g() }\n", "7:1: missing return"),
            // A channel used against its direction (Go 1.19's words and
            // positions, from go build; these used to run).
            ("package main\nfunc gen() <-chan int { return make(chan int) }\nfunc main() {\n\tin := gen()\n\tin <- 1\n}\n", "5:2: invalid operation: cannot send to receive-only channel in (variable of type <-chan int)"),
            ("package main\nfunc sink(out chan<- int) {\n\tv := <-out\n\t_ = v\n}\nfunc main() {}\n", "3:9: invalid operation: cannot receive from send-only channel out (variable of type chan<- int)"),
            ("package main\nfunc main() {\n\tvar in <-chan int\n\tclose(in)\n}\n", "4:8: invalid operation: cannot close receive-only channel in (variable of type <-chan int)"),
            ("package main\nfunc main() {\n\tvar s chan<- int\n\tfor range s {\n\t}\n}\n", "4:12: cannot range over s (variable of type chan<- int) (receive from send-only channel)"),
            ("package main\ntype P struct{ out <-chan int }\nfunc main() {\n\tvar p P\n\tselect {\n\tcase p.out <- 1:\n\t}\n}\n", "6:7: invalid operation: cannot send to receive-only channel p.out (variable of type <-chan int)"),
            // Operands of two types (Go's words and positions, from go
            // build: arithmetic at its first operand, a comparison at its
            // second; these used to run).
            ("package main\nimport \"time\"\nfunc main() {\n\tn := 3\n\t_ = n * time.Millisecond\n}\n", "5:6: invalid operation: n * time.Millisecond (mismatched types int and time.Duration)"),
            ("package main\nfunc main() {\n\tvar x int64 = 5\n\ty := 2\n\tx += y\n}\n", "5:2: invalid operation: x += y (mismatched types int64 and int)"),
            ("package main\nfunc main() {\n\tvar x int64 = 5\n\ty := 2\n\t_ = x < y\n}\n", "5:10: invalid operation: x < y (mismatched types int64 and int)"),
            ("package main\ntype Celsius float64\nfunc main() {\n\tvar c Celsius = 10\n\tf := 2.5\n\t_ = c + f\n}\n", "6:6: invalid operation: c + f (mismatched types Celsius and float64)"),
            ("package main\nfunc main() {\n\ta, b := 1, 2.0\n\t_ = (a + 1) * 2 != b\n}\n", "4:21: invalid operation: (a + 1) * 2 != b (mismatched types int and float64)"),
            // The innermost operation first, as Go reports it, and what
            // Go calls an operand it cannot take the address of (from go
            // build, found by review).
            ("package main\nimport \"time\"\nfunc main() {\n\tn := 5\n\ttime.Sleep(n * time.Millisecond)\n}\n", "5:13: invalid operation: n * time.Millisecond (mismatched types int and time.Duration)"),
            ("package main\nimport \"time\"\nfunc main() {\n\tn := 5\n\tvar total time.Duration\n\ttotal += n * time.Second\n}\n", "6:11: invalid operation: n * time.Second (mismatched types int and time.Duration)"),
            ("package main\nimport \"time\"\nfunc main() {\n\tn := 5\n\t_ = time.Second + n*time.Millisecond\n}\n", "5:20: invalid operation: n * time.Millisecond (mismatched types int and time.Duration)"),
            ("package main\ntype T struct{ x int }\nfunc mk() T { return T{} }\nfunc main() {\n\tvar f float64 = mk().x\n\t_ = f\n}\n", "5:18: cannot use mk().x (value of type int) as float64 value in variable declaration"),
            // As written: parentheses kept, and placed at their `(`;
            // literals in their own spelling, with the value where it reads
            // otherwise (Go's words, from go build).
            ("package main\nimport \"time\"\nfunc main() {\n\tn := 1\n\t_ = (n + 1) * time.Millisecond\n}\n", "5:6: invalid operation: (n + 1) * time.Millisecond (mismatched types int and time.Duration)"),
            ("package main\nimport \"time\"\nfunc main() {\n\tn := 1\n\t_ = time.Second + (n * 2)\n}\n", "5:6: invalid operation: time.Second + (n * 2) (mismatched types time.Duration and int)"),
            ("package main\nfunc main() {\n\tvar s string = 0x10\n\t_ = s\n}\n", "3:17: cannot use 0x10 (untyped int constant 16) as string value in variable declaration"),
            ("package main\nfunc main() {\n\tvar s string = 'a'\n\t_ = s\n}\n", "3:17: cannot use 'a' (untyped rune constant 97) as string value in variable declaration"),
            ("package main\nfunc main() {\n\tvar n int = `y`\n\t_ = n\n}\n", "3:14: cannot use `y` (untyped string constant \"y\") as int value in variable declaration"),
            ("package main\nfunc main() {\n\tn := 2\n\t_ = n*1.50 + 1\n}\n", "4:8: 1.50 (untyped float constant 1.5) truncated to int"),
            // An untyped literal that cannot take the other operand's type
            // (Go's words and positions, from go build; these panicked at
            // run time, or truncated).
            ("package main\nimport \"fmt\"\nfunc main() {\n\tn := 3\n\tfmt.Println(\"n=\" + n)\n}\n", "5:14: invalid operation: \"n=\" + n (mismatched types untyped string and int)"),
            ("package main\nfunc main() {\n\ts := \"x\"\n\t_ = 1 < s\n}\n", "4:10: invalid operation: 1 < s (mismatched types untyped int and string)"),
            ("package main\nfunc main() {\n\ts := \"x\"\n\t_ = s + 'a'\n}\n", "4:6: invalid operation: s + 'a' (mismatched types string and untyped rune)"),
            ("package main\nfunc main() {\n\tn := 3\n\tn += \"a\"\n}\n", "4:2: invalid operation: n += \"a\" (mismatched types int and untyped string)"),
            ("package main\nfunc main() {\n\tn := 3\n\t_ = n + -1.5\n}\n", "4:10: -1.5 (untyped float constant) truncated to int"),
            ("package main\nimport \"time\"\nfunc main() {\n\t_ = 1.5 * time.Second\n}\n", "4:6: 1.5 (untyped float constant) truncated to int64"),
            // A slip in a library type's method (Go 1.19's words and
            // positions; `wg.done()` said it was outside the subset).
            ("package main\nimport \"sync\"\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.done()\n}\n", "5:5: wg.done undefined (type sync.WaitGroup has no field or method done, but does have Done)"),
            ("package main\nimport \"time\"\nfunc main() {\n\td := time.Second\n\t_ = d.Millis()\n}\n", "5:8: d.Millis undefined (type time.Duration has no field or method Millis)"),
            // An expression statement, in Go's words for what it is.
            ("package main\nfunc main() {\n\ta, b := 1, 2\n\ta == b\n}\n", "4:2: a == b (untyped bool value) is not used"),
            ("package main\nfunc main() {\n\tm := map[string]int{}\n\tm[\"a\"]\n}\n", "4:2: m[\"a\"] (map index expression of type int) is not used"),
            ("package main\ntype T struct{ X int }\nfunc f() T { return T{} }\nfunc main() {\n\tf().X\n}\n", "5:2: f().X (value of type int) is not used"),
            ("package main\nfunc main() {\n\tx := 1\n\tx + 1\n}\n", "4:2: x + 1 (value of type int) is not used"),
            ("package main\nfunc main() {\n\t1\n}\n", "3:2: 1 (untyped int constant) is not used"),
            ("package main\ntype T struct{ a int }\nfunc main() {\n\tvar t T\n\tt.a\n}\n", "5:2: t.a (variable of type int) is not used"),
            ("package main\nfunc main() {\n\tch := make(chan int)\n\tch\n}\n", "4:2: ch (variable of type chan int) is not used"),
            // A field or method the program's own type does not have (Go
            // 1.19's words and positions, from go build; these panicked at
            // run time), and through an embedded type of its own.
            ("package main\ntype T struct{}\nfunc main() {\n\tvar t T\n\tt.Foo()\n}\n", "5:4: t.Foo undefined (type T has no field or method Foo)"),
            ("package main\ntype T struct{ a int }\nfunc main() {\n\tvar t T\n\t_ = t.b\n}\n", "5:8: t.b undefined (type T has no field or method b)"),
            ("package main\ntype T struct{ a int }\nfunc (t *T) M() {}\nfunc main() {\n\tp := &T{}\n\tp.m()\n}\n", "6:4: p.m undefined (type *T has no field or method m, but does have M)"),
            ("package main\ntype T struct{ a int }\nfunc main() {\n\tvar t T\n\tt.A = 1\n}\n", "5:4: t.A undefined (type T has no field or method A, but does have a)"),
            ("package main\ntype In struct{ n int }\ntype Out struct{ In }\nfunc main() {\n\tvar o Out\n\to.m = 2\n}\n", "6:4: o.m undefined (type Out has no field or method m)"),
            // The prelude's library types, written in Go: a slip is Go's
            // error (these panicked at run time, "strings.Builder has no
            // method Grow"), a member Go has and the prelude lacks is
            // outside the subset, through an embedded field too.
            // Columns count bytes, as go build's do (the parser counts
            // characters: this was 3:13).
            ("package main\nfunc main() {\n\ts := \"🌍🌍\"; x := 1\n\t_ = s\n}\n", "3:19: declared and not used: x"),
            // An unexported name of a package, a reader's usual slip, is
            // Go's "undefined" (it said the name was outside the subset).
            ("package main\nimport \"fmt\"\nfunc main() {\n\tfmt.println(\"x\")\n}\n", "4:6: undefined: fmt.println"),
            ("package main\nimport \"sync\"\nfunc main() {\n\tvar m sync.mutex\n\t_ = m\n}\n", "4:13: undefined: sync.mutex"),
            // A library type from a package not imported ran.
            ("package main\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Wait()\n}\n", "3:9: undefined: sync"),
            ("package main\nimport \"strings\"\nfunc main() {\n\tvar b strings.Builder\n\tb.writeString(\"x\")\n}\n", "5:4: b.writeString undefined (type strings.Builder has no field or method writeString, but does have WriteString)"),
            ("package main\nimport \"strings\"\nfunc main() {\n\tvar b strings.Builder\n\t_ = b.buf\n}\n", "5:8: b.buf undefined (type strings.Builder has no field or method buf)"),
            ("package main\nimport \"sync\"\nfunc main() {\n\tc := sync.NewCond(&sync.Mutex{})\n\tc.l = nil\n}\n", "5:4: c.l undefined (type *sync.Cond has no field or method l, but does have L)"),
            ("package main\nimport \"strings\"\nfunc main() {\n\tvar b strings.Builder\n\tb.Grow(8)\n}\n", "5:4: strings.Builder.Grow is not supported here"),
            ("package main\nimport \"sync\"\ntype S struct{ sync.RWMutex }\nfunc main() {\n\tvar s S\n\t_ = s.RLocker()\n}\n", "6:8: sync.RWMutex.RLocker is not supported here"),
            ("package main\nimport \"sync\"\ntype S struct{ sync.Mutex }\nfunc main() {\n\tvar s S\n\ts.lock()\n}\n", "6:4: s.lock undefined (type S has no field or method lock, but does have Lock)"),
            ("package main\nimport \"sync\"\ntype S struct{ sync.RWMutex }\nfunc main() {\n\tvar s S\n\ts.rlock()\n}\n", "6:4: s.rlock undefined (type S has no field or method rlock)"),
            // A call with another number of results than the variables
            // given it, and a return with the wrong number of values (Go's
            // words and positions, from go build; the first ran, keeping
            // only the first result, and the others ran or said it
            // another way).
            ("package main\nimport (\"fmt\"; \"strconv\")\nfunc main() {\n\tn := strconv.Atoi(\"3\")\n\tfmt.Println(n)\n}\n", "4:7: assignment mismatch: 1 variable but strconv.Atoi returns 2 values"),
            ("package main\nfunc f() int { return 1 }\nfunc main() {\n\tvar a, b int\n\ta, b = f()\n\t_, _ = a, b\n}\n", "5:9: assignment mismatch: 2 variables but f returns 1 value"),
            ("package main\nfunc f() (int, error) {\n\treturn\n}\nfunc main() { f() }\n", "3:2: not enough return values\n\thave ()\n\twant (int, error)"),
            ("package main\nfunc f() (int, error) {\n\treturn 1\n}\nfunc main() { f() }\n", "3:9: not enough return values\n\thave (number)\n\twant (int, error)"),
            ("package main\nfunc f() (int, error) {\n\treturn 1, nil, 2\n}\nfunc main() { f() }\n", "3:17: too many return values\n\thave (number, nil, number)\n\twant (int, error)"),
            ("package main\nfunc f() {\n\treturn \"x\"\n}\nfunc main() { f() }\n", "3:9: too many return values\n\thave (string)\n\twant ()"),
            // A value of another number type where a type is known (Go's
            // positions, from go build; the words of Go 1.20 on, where 1.19
            // said "as type time.Duration in"; these used to run, and
            // time.Sleep(ms) slept ms nanoseconds).
            ("package main\nimport \"time\"\nfunc main() {\n\tms := 100\n\ttime.Sleep(ms)\n}\n", "5:13: cannot use ms (variable of type int) as time.Duration value in argument to time.Sleep"),
            ("package main\nimport \"time\"\nfunc main() {\n\tms := 100\n\tvar d time.Duration = ms\n\t_ = d\n}\n", "5:24: cannot use ms (variable of type int) as time.Duration value in variable declaration"),
            ("package main\nimport \"time\"\ntype P struct{ ms int }\nfunc main() {\n\tp := P{ms: 5}\n\tvar d time.Duration\n\td = p.ms\n\t_ = d\n}\n", "7:6: cannot use p.ms (variable of type int) as time.Duration value in assignment"),
            ("package main\nimport \"time\"\nfunc wait(d time.Duration) {}\nfunc main() {\n\tms := 1\n\twait(ms * 2)\n}\n", "6:7: cannot use ms * 2 (value of type int) as time.Duration value in argument to wait"),
            ("package main\nimport (\n\t\"context\"\n\t\"time\"\n)\nfunc main() {\n\tms := 5\n\tctx, cancel := context.WithTimeout(context.Background(), ms)\n\tdefer cancel()\n\t_ = ctx\n\t<-time.After(int64(ms))\n}\n", "8:59: cannot use ms (variable of type int) as time.Duration value in argument to context.WithTimeout"),
            ("package main\nimport \"time\"\nfunc main() {\n\tms := int64(5)\n\t<-time.After(ms * 2)\n}\n", "5:15: cannot use ms * 2 (value of type int64) as time.Duration value in argument to time.After"),
            ("package main\nfunc half(x float64) float64 { return x / 2 }\nfunc main() {\n\tn := 3\n\t_ = half(n)\n}\n", "5:11: cannot use n (variable of type int) as float64 value in argument to half"),
            // A value where a pointer goes, or a struct of another type
            // (Go's words and positions, from go build; the first
            // deadlocked at run time, the others ran).
            ("package main\nimport \"sync\"\nfunc worker(id int, wg *sync.WaitGroup) { wg.Done() }\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo worker(1, wg)\n\twg.Wait()\n}\n", "7:15: cannot use wg (variable of type sync.WaitGroup) as *sync.WaitGroup value in argument to worker"),
            ("package main\ntype P struct{ X int }\nfunc show(p P) {}\nfunc main() {\n\tshow(&P{1})\n}\n", "5:7: cannot use &P{…} (value of type *P) as P value in argument to show"),
            ("package main\ntype A struct{ X int }\ntype B struct{ X int }\nfunc main() {\n\tvar a A = B{1}\n\t_ = a\n}\n", "5:12: cannot use B{…} (value of type B) as A value in variable declaration"),
            ("package main\ntype A struct{}\ntype P struct{}\nfunc main() {\n\tvar q *P = &A{}\n\t_ = q\n}\n", "5:13: cannot use &A{} (value of type *A) as *P value in variable declaration"),
            // A value whose method set lacks an interface's method (Go
            // 1.20's words, go build's positions; these ran).
            ("package main\ntype Shape interface{ Area() float64 }\ntype Sq struct{ s float64 }\nfunc (q *Sq) Area() float64 { return q.s * q.s }\nfunc main() {\n\tvar s Shape = Sq{2}\n\t_ = s\n}\n", "6:16: cannot use Sq{…} (value of type Sq) as Shape value in variable declaration: Sq does not implement Shape (method Area has pointer receiver)"),
            ("package main\ntype MyErr struct{ msg string }\nfunc f() error { return MyErr{\"x\"} }\nfunc main() { f() }\n", "3:25: cannot use MyErr{…} (value of type MyErr) as error value in return statement: MyErr does not implement error (missing method Error)"),
            // A go or defer statement's call is checked as any call is.
            ("package main\nfunc f() {}\nfunc main() {\n\tgo f(1)\n}\n", "4:7: too many arguments in call to f"),
            ("package main\nimport \"sync\"\nfunc main() {\n\tvar wg sync.WaitGroup\n\tdefer wg.done()\n}\n", "5:11: wg.done undefined (type sync.WaitGroup has no field or method done, but does have Done)"),
            // A call's results are counted in a `return` (this one ran,
            // returning the error as the int and nil as the error).
            ("package main\nimport \"fmt\"\nfunc div(a, b int) (int, error) {\n\tif b == 0 {\n\t\treturn fmt.Errorf(\"zero\")\n\t}\n\treturn a / b, nil\n}\nfunc main() { div(1, 0) }\n", "5:10: not enough return values\n\thave (error)\n\twant (int, error)"),
            ("package main\nfunc three() (int, int, int) { return 1, 2, 3 }\nfunc f() (int, int) {\n\treturn three()\n}\nfunc main() { f() }\n", "4:9: too many return values\n\thave (int, int, int)\n\twant (int, int)"),
            ("package main\nfunc f() float64 {\n\tn := 3\n\treturn n\n}\nfunc main() { f() }\n", "4:9: cannot use n (variable of type int) as float64 value in return statement"),
            ("package main\nfunc main() {\n\tch := make(chan string, 1)\n\tn := 1\n\tch <- n\n}\n", "5:8: cannot use n (variable of type int) as string value in send"),
            ("package main\nfunc main() {\n\tx := ((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))\n\t_ = x\n}\n", "nesting deeper than"),
        ] {
            let e = go::compile(src, None).unwrap_err();
            assert!(e.to_string().contains(want), "{e} does not contain {want}");
        }
    }

    fn loop_variables_follow_the_go_version() {
        let src = "package main\nimport \"fmt\"\nfunc main() {\n\tvar fs []func() int\n\tfor i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\n\tfor _, f := range fs { fmt.Print(f()) }\n}\n";
        let per_iteration = go::run(src, &Options::default()).unwrap();
        assert_eq!(per_iteration.stdout, "012");
        let shared = go::run(src, &Options { go121: Some(true), ..Options::default() }).unwrap();
        assert_eq!(shared.stdout, "333");
        let marked = format!("//go:build go1.21\n\n{src}");
        assert_eq!(go::run(&marked, &Options::default()).unwrap().stdout, "333");
    }

    fn the_article_spawn_wait_receives_at_one_second() {
        for seed in SEEDS {
            let ran = run(&pattern("spawn-wait"), seed);
            assert_eq!(outputs(&ran), [(1000, "done after 1000 ms".to_string())]);
            assert_eq!(ran.end_ms, 1000);
        }
    }

    fn the_article_waitgroup_collects_every_result_after_wait() {
        for seed in SEEDS {
            let ran = run(&pattern("waitgroup"), seed);
            let got: BTreeSet<String> = ran.stdout.lines().map(String::from).collect();
            assert_eq!(got, BTreeSet::from(["worker 0 done".to_string(), "worker 1 done".to_string()]));
            let zero = ran.trace.iter().position(|e| matches!(&e.kind, Kind::WgAdd { count: 0, .. })).unwrap();
            let close = ran.trace.iter().position(|e| matches!(e.kind, Kind::Close { .. })).unwrap();
            assert!(zero < close, "res was closed before Wait returned");
            assert!(!ran.trace.iter().any(|e| matches!(&e.kind, Kind::Park { wait: Wait::Op(Op::Send { chan, .. }) } if &**chan == "res")));
        }
    }

    fn the_article_words_arrive_out_of_order_but_all_arrive() {
        let mut want: Vec<String> = "the quick brown fox jumped over the lazy dog".split(' ').map(String::from).collect();
        want.sort();
        let mut orders = BTreeSet::new();
        for seed in SEEDS {
            let ran = run(&pattern("words"), seed);
            let mut got: Vec<String> = ran.stdout.lines().map(String::from).collect();
            orders.insert(got.clone());
            got.sort();
            assert_eq!(got, want, "seed {seed}");
        }
        assert!(orders.len() > 1, "20 seeds gave one order");
    }

    fn the_article_words_gotcha_prints_the_last_word_under_go_1_21() {
        let src = pattern("words").replace("\t\tword := word // the fix; without it every goroutine sees the last word (Go < 1.22)\n", "");
        for seed in SEEDS {
            let shared = go::run(&src, &Options { seed, go121: Some(true), ..Options::default() }).unwrap();
            assert_eq!(shared.stdout, "dog\n".repeat(9), "seed {seed}");
        }
    }

    fn the_article_deadline_cancels_the_slow_workers_at_the_deadline() {
        for seed in SEEDS {
            let ran = run(&pattern("deadline"), seed);
            let mut got = outputs(&ran);
            got.sort();
            assert_eq!(
                got,
                [
                    (500, "worker 0: finished after 500 ms".to_string()),
                    (800, "worker 2: finished after 800 ms".to_string()),
                    (1000, "main: context deadline exceeded".to_string()),
                    (1000, "worker 1: cleaning up: context deadline exceeded".to_string()),
                    (1000, "worker 3: cleaning up: context deadline exceeded".to_string()),
                ]
            );
            assert_eq!(ran.end_ms, 1000);
        }
    }

    fn the_deadline_ledger_has_a_row_for_each_go_worker_racing_the_deadline() {
        for seed in SEEDS {
            let ran = run(&pattern("deadline"), seed);
            let ledger = view::deadline_ledger(&ran.trace).expect("a deadline");
            assert_eq!((ledger.deadline, ledger.err.as_deref()), (1000, Some("context deadline exceeded")));
            // In goroutine order, as the Rust port lists its workers,
            // whatever order the seed had them first wait in.
            let rows: Vec<_> = ledger
                .entries
                .iter()
                .map(|e| (e.work_ms, e.status, e.at))
                .collect();
            assert_eq!(
                rows,
                [
                    (500, LedgerStatus::Finished, Some(500)),
                    (1500, LedgerStatus::Cancelled, Some(1000)),
                    (800, LedgerStatus::Finished, Some(800)),
                    (2000, LedgerStatus::Cancelled, Some(1000)),
                ],
                "seed {seed}"
            );
            // Go names goroutines by number: four rows, four names.
            let names: BTreeSet<_> = ledger.entries.iter().map(|e| e.worker.as_str()).collect();
            assert_eq!(names.len(), 4, "{names:?}");
            assert!(names.iter().all(|n| n.starts_with("func1 (goroutine ")), "{names:?}");
        }
    }

    fn a_select_without_a_pending_timer_or_with_a_default_is_no_ledger_row() {
        let src = r#"package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	work := make(chan int)
	go func() {
		select {
		case <-work:
		case <-ctx.Done():
		}
	}()
	// A stopped timer never fires: racing it is waiting on the context.
	stopped := time.NewTimer(50 * time.Millisecond)
	stopped.Stop()
	go func() {
		select {
		case <-stopped.C:
		case <-ctx.Done():
		}
	}()
	select {
	case <-ctx.Done():
	default:
	}
	<-ctx.Done()
	fmt.Println(ctx.Err())
}
"#;
        let ran = run(src, 1);
        assert_eq!(ran.stdout, "context deadline exceeded\n");
        let ledger = view::deadline_ledger(&ran.trace).expect("a deadline");
        assert_eq!(ledger.deadline, 100);
        assert!(ledger.entries.is_empty(), "{:?}", ledger.entries);
    }

    fn a_folded_lane_group_draws_one_run_per_class_where_any_lane_was() {
        // 100 goroutines from one `go`: each sleeps 0-10 ms, then waits on
        // done until 50 ms. Their group row is one sleep run and one park
        // run, however many lanes overlap.
        let src = r#"package main

import "time"

func main() {
	done := make(chan struct{})
	for i := 0; i < 100; i++ {
		go func() {
			time.Sleep(10 * time.Millisecond)
			<-done
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(done)
	time.Sleep(time.Millisecond)
}
"#;
        let ran = run(src, 1);
        let svg = view::svg("group", &ran.trace, None);
        assert!(svg.contains("goroutines started at line 8: press to show each"), "{svg}");
        assert!(svg.contains("(100)</text>"), "{svg}");
        let y = |line: &str| line.split(" y1=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string);
        // The group's label sits 4 px below its row's line.
        let label_y: u64 = svg
            .split("<text class=\"fg group\" x=\"8\" y=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|n| n.parse().ok())
            .expect("a group label");
        let group_y = (label_y - 4).to_string();
        let on_row = |class: &str| {
            svg.split("<line ")
                .filter(|l| l.starts_with(&format!("class=\"{class}\"")))
                .filter(|l| y(l).as_deref() == Some(group_y.as_str()))
                .count()
        };
        assert_eq!((on_row("sleep"), on_row("park")), (1, 1), "{svg}");
    }

    fn the_refresher_panel_follows_a_go_token_cache() {
        let ran = run(&pattern("token-cache"), 1);
        let at = |t| view::refresher_at(&ran.trace, t).expect("a refresher");
        // Refresh 2 starts at 1000 ms and takes 200 ms.
        let r = at(1100);
        assert_eq!((r.state, r.token.as_str(), r.refreshes), (RefreshState::Refreshing, "tok-1", 1));
        let r = at(1300);
        assert_eq!((r.state, r.token.as_str(), r.expires, r.refreshes, r.failures_in_row), (RefreshState::Fresh, "tok-2", Some(2200), 2, 0));
        assert_eq!(at(ran.end_ms).state, RefreshState::Stopped);
    }

    fn the_refresher_panel_counts_a_go_token_caches_failures() {
        let src = pattern("token-cache").replace("failOn: map[int]bool{}", "failOn: map[int]bool{2: true, 3: true, 4: true}");
        let ran = run(&src, 1);
        let at = |t| view::refresher_at(&ran.trace, t).expect("a refresher");
        let r = at(1300);
        assert_eq!((r.state, r.failures_in_row, r.token.as_str()), (RefreshState::Refreshing, 1, "tok-1"));
        let r = at(ran.end_ms);
        assert_eq!((r.state, r.failures_in_row, r.refreshes), (RefreshState::Stopped, 3, 1));
    }

    fn the_article_token_cache_never_hands_out_an_expired_token() {
        for seed in SEEDS {
            let ran = run(&pattern("token-cache"), seed);
            assert_fresh_tokens(&ran);
            assert!(ran.stdout.ends_with("main: all goroutines finished\n"), "{}", ran.stdout);
        }
    }

    fn the_article_token_future_serves_requests_by_message() {
        for seed in SEEDS {
            let ran = run(&pattern("token-future"), seed);
            assert_fresh_tokens(&ran);
            assert!(ran.stdout.ends_with("main: all goroutines finished\n"));
            // After the refresher stops (4000 ms), every call fails at once.
            for (t, text) in outputs(&ran) {
                if t > 4200 && text.starts_with("caller") {
                    assert!(text.ends_with("error: token cache shut down"), "{t} {text}");
                }
            }
        }
    }

    fn the_article_pipeline_delivers_every_square_exactly_once() {
        for seed in SEEDS {
            let ran = run(&pattern("pipeline"), seed);
            let mut got: Vec<u64> = ran.stdout.lines().map(|t| t.parse().unwrap()).collect();
            got.sort();
            assert_eq!(got, (1..=10).map(|v| v * v).collect::<Vec<u64>>());
        }
    }

    fn runs_are_deterministic_per_seed() {
        for (name, src) in CORPUS.iter().take(20) {
            let a = run(src, 7);
            let b = run(src, 7);
            assert_eq!(a.trace, b.trace, "{name}");
        }
    }

    fn mutated_programs_never_crash_wasm_sized() {
        fuzz(300);
    }
}

/// Token `tok-n` is made at `n*1000 - 800` ms in both token programs and is
/// valid for 1000 ms: no caller may print it after it expired.
fn assert_fresh_tokens(ran: &Ran) {
    let mut seen = 0;
    for (t, text) in outputs(ran) {
        if let Some(tok) = text.split("tok-").nth(1) {
            let n: u64 = tok.parse().unwrap();
            let made = n * 1000 - 800;
            assert!(t >= made && t < made + 1000, "{text} at {t} ms");
            seen += 1;
        }
    }
    assert!(seen > 5, "only {seen} tokens handed out");
}

/// Pieces of Go (and of nonsense) that mutations insert.
pub const PIECES: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "for {}",
    "go ",
    "<-",
    "chan ",
    "x",
    ":=",
    "=",
    "nil",
    "0",
    "-1",
    "\"",
    "'",
    "`",
    ";",
    "\n",
    "func",
    "defer ",
    "panic(1)",
    "recover()",
    "select {}",
    "close(ch)",
    "make(chan int)",
    "range",
    "...",
    ".",
    ",",
    "*",
    "&",
    "!",
    "9999999999999999999999",
    "1e400",
    "return",
    "break",
    "continue",
    "switch",
    "case",
    "default:",
    "type",
    "struct{}",
    "interface{}",
    "map[string]int{}",
    "[]int{1,2,3}[5]",
    "var",
    "const",
    "iota",
    "fallthrough",
    "goto",
    "label:",
    "main",
    "fmt.Println(",
    "time.Sleep(1)",
];

/// One mutation: what to do (insert a piece, delete, duplicate a chunk),
/// where, which piece, how much.
pub type Mutation = (u8, usize, usize, u16);

/// `base` with `muts` applied.
pub fn mutate(base: &str, muts: &[Mutation]) -> String {
    let mut src: Vec<char> = base.chars().collect();
    for &(kind, at, piece, len) in muts {
        let at = at % (src.len() + 1);
        match kind % 3 {
            0 => {
                src.splice(at..at, PIECES[piece % PIECES.len()].chars());
            }
            1 => {
                let end = (at + len as usize % 12).min(src.len());
                src.drain(at..end);
            }
            _ => {
                let from = piece % (src.len() + 1);
                let end = (from + len as usize % 40).min(src.len());
                let chunk: Vec<char> = src[from..end].to_vec();
                src.splice(at..at, chunk);
            }
        }
    }
    src.into_iter().collect()
}

/// Runs `src` through the whole pipeline with a small step cap: it must
/// compile or fail with an error, and run to an end with a message when it
/// fails.
pub fn survives(src: &str, seed: u64) {
    let opts = Options {
        seed,
        limits: Limits {
            budget: 1000,
            step_cap: 200_000,
            ..Limits::DEFAULT
        },
        ..Options::default()
    };
    if let Ok(ran) = go::run(src, &opts) {
        assert!(
            ran.exit == 0 || ran.error.is_some() || ran.exit == 1,
            "exit {} without a message:\n{src}",
            ran.exit
        );
    }
}

/// Runs `cases` random mutations of corpus programs (a fixed xorshift
/// sequence, so it needs no crate and runs in wasm too).
pub fn fuzz(cases: u64) {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..cases {
        let (_, base) = CORPUS[(next() % CORPUS.len() as u64) as usize];
        let muts: Vec<Mutation> = (0..1 + next() % 4)
            .map(|_| (next() as u8, next() as usize, next() as usize, next() as u16))
            .collect();
        survives(&mutate(base, &muts), case);
    }
}

tests! {
    fn a_huge_width_or_precision_in_a_format_verb_is_clamped_not_a_crash() {
        // The fuzz test found these overflowing the width's arithmetic (on
        // wasm32 a usize overflows ten times sooner).
        for verb in ["%99999999999999999999999d", "%.99999999999999999999999d", "%9999999999999.99999999999999s"] {
            let src = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n\tfmt.Printf(\"{verb}|\\n\", 7)\n}}\n");
            let ran = run(&src, 1);
            assert_eq!(ran.exit, 0, "{verb}: {}", ran.stderr);
            assert!(ran.stdout.ends_with("|\n"), "{verb}: {:?}", &ran.stdout[ran.stdout.len().saturating_sub(20)..]);
        }
    }
}

tests! {
    fn timers_and_tickers_are_the_runtimes_not_goroutines_and_die_with_the_run() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\
            \tt := time.NewTicker(10 * time.Millisecond)\n\t_ = t\n\
            \tlate := time.After(time.Hour)\n\t_ = late\n\
            \ttimer := time.NewTimer(time.Minute)\n\t_ = timer\n\
            \tselect {\n\tcase <-time.After(25 * time.Millisecond):\n\t\tfmt.Println(\"after\")\n\t}\n}\n";
        let before = csp_playground::rt::live_runs();
        let clock = std::rc::Rc::new(csp_playground::rt::VirtualClock::new());
        let run = csp_playground::rt::Run::new(clock.clone(), 1);
        let program = std::rc::Rc::new(go::compile(src, None).unwrap());
        let started = go::start(&run, program, Limits::default());
        assert_eq!(run.run_to_end(), csp_playground::rt::Outcome::Finished { at: 25 });
        assert_eq!(started.stdout(), "after\n");
        // Only main is a goroutine: Go draws no goroutine for a timer.
        let spawned = run.trace().iter().filter(|e| matches!(e.kind, Kind::Spawn { .. })).count();
        assert_eq!(spawned, 0);
        // The ticker, the hour and the minute are still set when main
        // returns; dropping the run clears them and frees it.
        assert!(clock.pending_timers() >= 3, "{}", clock.pending_timers());
        let weak = run.downgrade();
        drop((run, started));
        assert!(!weak.is_alive(), "the run's state outlived it");
        assert_eq!(clock.pending_timers(), 0);
        assert_eq!(csp_playground::rt::live_runs(), before);
    }

    fn waiting_forever_beside_a_ticker_ends_at_the_step_cap() {
        // Go would tick forever; the interpreter counts each tick, so the
        // CLI and the page never hang on it.
        let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\ttime.NewTicker(time.Millisecond)\n\tselect {}\n}\n";
        let opts = Options {
            limits: Limits { step_cap: 100_000, ..Limits::default() },
            ..Options::default()
        };
        let ran = go::run(src, &opts).unwrap();
        assert_eq!(ran.exit, 2);
        assert!(ran.stderr.contains("the step limit"), "{}", ran.stderr);
        assert!((900..=1100).contains(&ran.end_ms), "stopped after about 1000 ticks of 1 ms: {}", ran.end_ms);
    }
}

tests! {
    /// With the trace on, stdout is rebuilt from the output events (the run
    /// keeps no second copy): it must be what the untraced run wrote, byte
    /// for byte, whether the program ends mid-line, prints empty lines, or
    /// panics mid-line.
    fn stdout_is_the_same_with_the_trace_on_and_off() {
        let programs = [
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Print(\"a\\nb\")\n}\n",
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println()\n\tfmt.Print(\"\\n\\nx\\n\")\n\tfmt.Printf(\"%d-%d\", 1, 2)\n\tfmt.Println(\"!\")\n}\n",
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Print(\"half\")\n\tvar m map[string]int\n\tm[\"x\"] = 1\n}\n",
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tgo fmt.Print(i)\n\t}\n\tfmt.Print(\"\")\n}\n",
        ];
        for src in programs {
            let on = go::run(src, &Options::default()).unwrap();
            let off = go::run(src, &Options { trace: false, ..Options::default() }).unwrap();
            assert_eq!(on.stdout, off.stdout, "{src}");
            assert_eq!((on.exit, &on.error), (off.exit, &off.error), "{src}");
        }
        let first = go::run(programs[0], &Options::default()).unwrap();
        assert_eq!(first.stdout, "a\nb");
    }
}

tests! {
    fn every_name_declared_or_imported_and_not_used_is_listed_in_order() {
        // Go lists them all; a hard error is still reported alone.
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tx := 1\n\ty := 2\n\tfmt.Println()\n}\n";
        let all: Vec<String> = go::compile_all(src, None).err().unwrap().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            all,
            ["5:2: \"strings\" imported and not used", "9:2: declared and not used: x", "10:2: declared and not used: y"]
        );
        assert_eq!(go::compile(src, None).err().unwrap().to_string(), all[0]);
        let hard = "package main\n\nfunc main() {\n\tx := 1\n\tundefinedFn()\n}\n";
        let all: Vec<String> = go::compile_all(hard, None).err().unwrap().iter().map(|e| e.to_string()).collect();
        assert_eq!(all, ["5:2: undefined: undefinedFn"]);
    }

    fn a_program_ends_with_main_and_go_starts_library_calls_in_goroutines() {
        // A goroutine ready when main returns never runs (it printed
        // "never" after main's return), and `go fmt.Println(i)` is a
        // goroutine of its own, not a call in main (main printed 0 1 2
        // before "main" on every seed).
        for seed in 1..=20 {
            let gone = run("package main\nimport \"fmt\"\nfunc main() {\n\tgo func() { fmt.Println(\"never\") }()\n}\n", seed);
            assert_eq!(gone.stdout, "");
            let spawned = run("package main\nimport \"fmt\"\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tgo fmt.Println(i)\n\t}\n\tfmt.Println(\"main\")\n}\n", seed);
            assert_eq!(spawned.stdout, "main\n");
        }
        let waited = run("package main\nimport (\n\t\"fmt\"\n\t\"time\"\n)\nfunc main() {\n\tgo fmt.Println(\"hi\")\n\ttime.Sleep(time.Millisecond)\n}\n", 1);
        assert_eq!(waited.stdout, "hi\n");
        let lanes: Vec<&str> = waited
            .trace
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Output { .. } => Some(&*e.task),
                _ => None,
            })
            .collect();
        assert_eq!(lanes, ["fmt.Println"]);
        // Such a goroutine's panic ends the program, as Go's does (review
        // found it swallowed: no frame of the goroutine's own unwound it).
        for call in ["close(ch)", "panic(\"boom\")"] {
            let src = format!("package main\nimport (\n\t\"fmt\"\n\t\"time\"\n)\nfunc main() {{\n\tch := make(chan int)\n\tclose(ch)\n\tgo {call}\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(\"still running\")\n}}\n");
            let ran = run(&src, 1);
            assert_eq!((ran.exit, ran.stdout.as_str()), (2, ""), "{call}");
            assert!(ran.stderr.starts_with("panic: "), "{call}: {}", ran.stderr);
        }
    }

    fn a_program_that_would_exhaust_memory_or_floods_output_is_stopped_with_a_message() {
        // Each of these aborted the page's wasm ("unreachable"), taking the
        // page down with no word of why: a slice of slices grown without
        // end, a string doubled 40 times, one allocation too big, and a
        // print loop of 100 KB lines. The limits are lowered here so the
        // test stays small; the page's are 512 MB and 32 MB.
        let live = csp_meter::live().expect("the tests count the heap");
        let limits = Limits {
            memory: live + (64 << 20),
            output: 1 << 20,
            ..Limits::DEFAULT
        };
        let opts = Options { limits, trace: false, ..Options::default() };
        let wrap = |body: &str| {
            format!("package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {{\n{body}\n\tfmt.Println(strings.ToUpper(\"unreached\"))\n}}\n")
        };
        for body in [
            "\tvar all [][]int\n\tfor {\n\t\tall = append(all, make([]int, 1<<16))\n\t}",
            "\ts := \"x\"\n\tfor i := 0; i < 40; i++ {\n\t\ts += s\n\t}",
            "\tb := make([]int, 1<<30)\n\tfmt.Println(len(b))",
            "\tfmt.Println(len(strings.Repeat(\"ab\", 1<<30)))",
        ] {
            let ran = go::run(&wrap(body), &opts).unwrap();
            assert_eq!(ran.exit, 2, "{body}");
            assert!(ran.stderr.starts_with("fatal error: runtime: out of memory (a program here has "), "{body}: {}", ran.stderr);
        }
        let flood = wrap("\tline := strings.Repeat(\"y\", 1000)\n\tfor {\n\t\tfmt.Println(line)\n\t}");
        let ran = go::run(&flood, &opts).unwrap();
        assert_eq!(ran.exit, 2);
        assert!(ran.stderr.starts_with("fatal error: program stopped after writing 1 MB (the output limit)"), "{}", ran.stderr);
        assert!(((1 << 20) - 2000..=1 << 20).contains(&ran.stdout.len()), "{}", ran.stdout.len());
    }

    fn times_print_and_format_as_go_does_on_the_playground_clock() {
        // The run's clock starts where the Go Playground's does. Each line
        // is what go 1.19 prints for time.Date(2009, 11, 10, 23, 1, 31,
        // 5e8, time.UTC), 91.5 s in (printing a time clamped its seconds
        // to 59, with no fraction), and for the zero time.
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tstart := time.Now()\n\ttime.Sleep(90*time.Second + 1500*time.Millisecond)\n\tt := time.Now()\n\tfmt.Println(t)\n\tfmt.Println(t.Format(\"15:04:05.000\"), t.Format(time.RFC3339), t.Format(time.Kitchen), t.Format(time.StampMilli))\n\tfmt.Println(t.Format(\"Mon Jan 2 2006 3:04:05 PM -07:00 MST .999 ,000\"), t.Format(time.RFC3339Nano))\n\tfmt.Println(t.Unix(), t.UnixMilli(), t.UnixNano(), t.Year(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.YearDay())\n\tvar z time.Time\n\tfmt.Println(z, z.IsZero(), z.Unix(), z.Year())\n\tfmt.Println(time.Until(start.Add(2*time.Minute)), runtime.NumCPU())\n\tfmt.Println(t.Add(24*60*time.Hour).Format(time.DateTime), t.Add(-24*3650*time.Hour).Format(time.ANSIC))\n}\n";
        let ran = run(src, 1);
        assert_eq!(
            ran.stdout,
            "2009-11-10 23:01:31.5 +0000 UTC m=+91.500000000\n\
             23:01:31.500 2009-11-10T23:01:31Z 11:01PM Nov 10 23:01:31.500\n\
             Tue Nov 10 2009 11:01:31 PM +00:00 UTC .5 ,500 2009-11-10T23:01:31.5Z\n\
             1257894091 1257894091500 1257894091500000000 2009 10 23 1 31 500000000 314\n\
             0001-01-01 00:00:00 +0000 UTC true -62135596800 1\n\
             28.5s 8\n\
             2010-01-09 23:01:31 Sat Nov 13 23:01:31 1999\n"
        );
        // From the zero time, and layouts whose words are text (go 1.19's
        // output; review found 1863-09-22 and "Tueth 11, Novet").
        let zero = "package main\nimport (\n\t\"fmt\"\n\t\"time\"\n)\nfunc main() {\n\tvar z time.Time\n\tfmt.Println(z.Add(time.Hour), z.Add(time.Hour).Year(), time.Since(z), z.Sub(z.Add(time.Minute)))\n\tfmt.Println(time.Now().Format(\"Month 01, Janet, Monday _2006 __2\"))\n}\n";
        assert_eq!(
            run(zero, 1).stdout,
            "0001-01-01 01:00:00 +0000 UTC 1 2562047h47m16.854775807s -1m0s\nMonth 11, Janet, Tuesday _2009 314\n"
        );
    }

    fn type_errors_are_listed_together_in_order_as_go_lists_them() {
        // Go's first four errors here, from go build: the compiler goes on
        // after each failed statement, in this function and the next. `x`
        // is declared by its failed statement, so its use is no error of
        // its own, and a function with a failed statement reports no
        // unused names (its failed statement may have been their use).
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc helper() int {\n\tunused := 3\n\treturn \"x\"\n}\n\nfunc main() {\n\tn := 3\n\tx := undefinedThing(n)\n\tfmt.Println(x)\n\ttime.Sleep(n * time.Millisecond)\n\tvar wg sync.WaitGroup\n}\n";
        let all: Vec<String> = go::compile_all(src, None).err().unwrap().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            all,
            [
                "10:9: cannot use \"x\" (untyped string constant) as int value in return statement",
                "15:7: undefined: undefinedThing",
                "17:13: invalid operation: n * time.Millisecond (mismatched types int and time.Duration)",
                "18:9: undefined: sync",
            ]
        );
        // No more than Go's ten.
        let many = format!("package main\n\nfunc main() {{\n{}}}\n", "\tnope()\n".repeat(30));
        let all = go::compile_all(&many, None).err().unwrap();
        assert_eq!(all.len(), 10);
        assert_eq!(all[9].to_string(), "13:2: undefined: nope");
    }

    fn copying_a_locked_mutex_or_dropping_one_records_no_lock_or_unlock() {
        // Only the program's own Lock, Unlock and TryLock calls are events:
        // copying a locked mutex locks nothing, and the locked original,
        // dropped at the end, unlocks nothing.
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\ntype C struct {\n\tmu sync.Mutex\n\tn  int\n}\n\nfunc main() {\n\tvar c C\n\tc.mu.Lock()\n\td := c\n\td.mu.Unlock()\n\tfmt.Println(c.mu.TryLock(), d.mu.TryLock())\n}\n";
        let ran = run(src, 1);
        let locks: Vec<&str> = ran
            .trace
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Lock { .. } => Some("lock"),
                Kind::Unlock { .. } => Some("unlock"),
                _ => None,
            })
            .collect();
        assert_eq!(locks, ["lock", "unlock", "lock"]);
        assert_eq!(ran.stdout, "false true\n");
    }

    /// A map's entries are dropped in the order they were put in: dropping
    /// a channel records an event, and a hash table's own order (which
    /// differs from map to map and run to run) made the same seed give
    /// different traces.
    fn dropping_a_map_of_channels_gives_the_same_trace_every_time() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tm := map[int]chan int{}\n\tfor i := 0; i < 12; i++ {\n\t\tm[i] = make(chan int, 1)\n\t}\n\tm = nil\n\tfmt.Println(len(m))\n}\n";
        let first = go::run(src, &Options::default()).unwrap();
        let dropped: Vec<u32> = first
            .trace
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::ChanDropped { chan_id, .. } => Some(*chan_id),
                _ => None,
            })
            .collect();
        assert_eq!(dropped, (0..12).collect::<Vec<_>>());
        for _ in 0..5 {
            assert_eq!(go::run(src, &Options::default()).unwrap().trace, first.trace);
        }
    }
}

tests! {
    /// What the literal check must let through: a float with no fraction
    /// is an integer, any literal fits an interface, and a rune a number.
    fn literals_the_declared_type_can_hold_compile() {
        let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nconst c int = 1.0\n\nfunc main() {\n\tvar n int = 1e6\n\tvar d time.Duration = 1e9\n\tvar f float64 = 2\n\tvar a any = \"x\"\n\tvar r int32 = 'a'\n\tfmt.Println(c, n, d, f, a, r)\n}\n";
        let ran = go::run(src, &Options::default()).unwrap();
        assert_eq!(ran.stdout, "1 1000000 1s 2 x 97\n");
    }
}

tests! {
    /// One poll's budget covers the operations that complete at once: a
    /// loop of `select` with `default` got a fresh budget from each, so the
    /// goroutine it waited for never ran and the program met the step cap.
    /// A loop that polls while a timer is pending still cannot see it fire
    /// (time passes only while every goroutine is blocked), and the
    /// step cap's message now says so.
    fn a_select_default_loop_lets_other_goroutines_run() {
        let opts = Options { limits: Limits { step_cap: 2_000_000, ..Limits::DEFAULT }, ..Options::default() };
        let waits = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { fmt.Println(\"hi\"); done <- true }()\n\tfor {\n\t\tselect {\n\t\tcase <-done:\n\t\t\tfmt.Println(\"done\")\n\t\t\treturn\n\t\tdefault:\n\t\t}\n\t}\n}\n";
        let ran = go::run(waits, &opts).unwrap();
        assert_eq!((ran.exit, ran.stdout.as_str()), (0, "hi\ndone\n"));
        let sleeps = waits.replace("fmt.Println(\"hi\"); ", "time.Sleep(time.Millisecond); ").replace("\"fmt\"", "\"fmt\"\n\t\"time\"").replace("import \"fmt\"\n\t\"time\"", "import (\n\t\"fmt\"\n\t\"time\"\n)");
        let ran = go::run(&sleeps, &opts).unwrap();
        assert_eq!(ran.exit, 2, "{sleeps}\n{}", ran.stderr);
        assert!(ran.stderr.contains("Time here passes only while every goroutine is blocked"), "{}", ran.stderr);
    }
}

tests! {
    /// A received value has its channel's element type for the checks, as
    /// do a range's variables and a select case's: `"result: " + v` with
    /// `v` from a `chan int` ran into a panic with no position, and `var s
    /// string = v` ran. An operand that is no channel is Go's error, where
    /// it deadlocked as a nil channel does. The messages are Go 1.19's.
    fn received_values_are_typed_and_channel_operations_need_channels() {
        let errors = |src: &str| -> Vec<String> {
            go::compile_all(src, None).err().unwrap().iter().map(|e| e.to_string()).collect()
        };
        let recv = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tresults := make(chan int)\n\tgo func() { results <- 42 }()\n\tv := <-results\n\tfmt.Println(\"result: \" + v)\n}\n";
        assert_eq!(errors(recv), ["9:14: invalid operation: \"result: \" + v (mismatched types untyped string and int)"]);
        let ranged = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 3)\n\tclose(ch)\n\tfor v := range ch {\n\t\tvar s string = v\n\t\tfmt.Println(s)\n\t}\n\tfor i, w := range []string{\"a\"} {\n\t\tfmt.Println(w + i)\n\t}\n\tselect {\n\tcase x, ok := <-ch:\n\t\tfmt.Println(x*1.5, ok)\n\t}\n}\n";
        assert_eq!(
            errors(ranged),
            [
                "9:18: cannot use v (variable of type int) as string value in variable declaration",
                "13:15: invalid operation: w + i (mismatched types string and int)",
                "17:17: 1.5 (untyped float constant) truncated to int",
            ]
        );
        // A map's struct element is no variable: assigning to its field
        // changed the map, where Go refuses it (through a pointer it may).
        let map_field = "package main\n\nimport \"fmt\"\n\ntype Acct struct{ Bal int }\n\nfunc main() {\n\tm := map[string]Acct{\"a\": {1}}\n\tm[\"a\"].Bal += 5\n\tm[\"a\"].Bal = 2\n\tm[\"a\"].Bal++\n\tp := map[string]*Acct{\"a\": {1}}\n\tp[\"a\"].Bal += 5\n\tfmt.Println(m, p[\"a\"].Bal)\n}\n";
        assert_eq!(
            errors(map_field),
            [
                "9:2: cannot assign to struct field m[\"a\"].Bal in map",
                "10:2: cannot assign to struct field m[\"a\"].Bal in map",
                "11:2: cannot assign to struct field m[\"a\"].Bal in map",
            ]
        );
        // `:=` that declares nothing is Go's error at the `:=`, beside the
        // program's other errors (the parser's stopped at the first, at
        // the statement), and `_` declares nothing.
        let redeclared = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tx := 2\n\tfmt.Println(x)\n\ty, _ := 1, 2\n\ty, _ := 3, 4\n\tfmt.Println(y)\n\tfoo()\n}\n";
        let param = "package main\n\nfunc f(a int) {\n\ta := 1\n\t_ = a\n}\n\nfunc main() {\n\tvar x any = 1\n\tswitch v := x.(type) {\n\tcase int:\n\t\tv := 2\n\t\t_ = v\n\t}\n\tf(1)\n}\n";
        assert_eq!(
            errors(param),
            ["4:4: no new variables on left side of :=", "12:5: no new variables on left side of :="]
        );
        assert_eq!(
            errors(redeclared),
            [
                "7:4: no new variables on left side of :=",
                "10:7: no new variables on left side of :=",
                "12:2: undefined: foo",
            ]
        );
        let not_chan = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 5\n\ts := \"str\"\n\tfmt.Println(<-x)\n\tx <- 1\n\tclose(s)\n}\n";
        assert_eq!(
            errors(not_chan),
            [
                "8:16: invalid operation: cannot receive from non-channel x (variable of type int)",
                "9:2: invalid operation: cannot send to non-channel x (variable of type int)",
                "10:8: invalid operation: cannot close non-channel s (variable of type string)",
            ]
        );
    }
}

tests! {
    /// A map ranges in the order its keys were put in, from an entry the
    /// seed draws, as Go starts at a random bucket: a program that relies
    /// on map order shows it by changing with the seed. Over seeds every
    /// starting entry turns up, and nothing else does; printing sorts, as
    /// `fmt` does. Keys by identity (channels) go the same way: ordering
    /// them by address made the browser and native runs differ.
    fn a_map_ranges_from_an_entry_the_seed_draws() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta, b, c := make(chan int), make(chan int), make(chan int)\n\tm := map[chan int]string{c: \"c\", a: \"a\", b: \"b\"}\n\tfor _, v := range m {\n\t\tfmt.Print(v)\n\t}\n\tw := map[string]int{\"z\": 1, \"y\": 2, \"x\": 3}\n\tfor k := range w {\n\t\tfmt.Print(k)\n\t}\n\tfmt.Println(\"\", w)\n}\n";
        let (mut chans, mut strings) = (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
        for seed in 0..40 {
            let out = run(src, seed).stdout;
            let (ranged, printed) = out.split_once(' ').unwrap();
            assert_eq!(printed, "map[x:3 y:2 z:1]\n");
            chans.insert(ranged[..3].to_string());
            strings.insert(ranged[3..].to_string());
        }
        assert_eq!(chans, ["abc", "bca", "cab"].map(String::from).into());
        assert_eq!(strings, ["xzy", "yxz", "zyx"].map(String::from).into());
        // The same seed draws the same start natively and in the browser.
        assert_eq!(run(src, 7).stdout, "cabxzy map[x:3 y:2 z:1]\n");
    }
}

tests! {
    /// Pointer and error keys go in the order they were put in the map, the
    /// same in the browser as natively: their identity is an address, which
    /// differs between the two (32-bit there), and ordering by it made a
    /// seed print differently. Printed, keys that are equal but for a
    /// pointer (a struct holding one) sort by their other fields first.
    fn pointer_and_error_keys_go_in_the_order_they_were_put_in() {
        let src = "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\ntype T struct{ n int }\n\ntype K struct {\n\tp *T\n\tn int\n}\n\nfunc main() {\n\tp1, p2, p3 := &T{1}, &T{2}, &T{3}\n\tm := map[*T]int{}\n\tm[p3] = 3\n\tm[p1] = 1\n\tm[p2] = 2\n\tm[p3] = 30\n\tfor p, v := range m {\n\t\tfmt.Print(p.n, \":\", v, \" \")\n\t}\n\te1, e2 := errors.New(\"one\"), errors.New(\"two\")\n\tme := map[error]bool{}\n\tme[e2] = true\n\tme[e1] = true\n\tfor e := range me {\n\t\tfmt.Print(e, \" \")\n\t}\n\tmk := map[K]int{}\n\tmk[K{p1, 2}] = 1\n\tmk[K{p2, 1}] = 2\n\tmk[K{p3, 2}] = 3\n\tfmt.Println(me, mk)\n}\n";
        let ran = run(src, 3);
        assert_eq!(ran.stdout, "2:2 3:30 1:1 one two map[two:true one:true] map[{0xc000010000 1}:2 {0xc000010020 2}:1 {0xc000010040 2}:3]\n");
    }
}

tests! {
    /// A program that deadlocks mid-line printed that line in Go before
    /// its fatal error: it is main's last output, before the deadlock, so
    /// the page's output order shows it as the CLI's stdout does.
    fn a_line_cut_short_by_a_deadlock_is_mains_last_output() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"whole\")\n\tfmt.Print(\"half\")\n\tch := make(chan int)\n\t<-ch\n}\n";
        let ran = go::run(src, &Options::default()).unwrap();
        assert_eq!(ran.stdout, "whole\nhalf");
        let texts: Vec<String> = view::outputs(&ran.trace).iter().map(|l| format!("{}: {}", l.task, l.text)).collect();
        assert_eq!(texts, ["main: whole", "main: half"]);
        let deadlock = ran.trace.iter().position(|e| matches!(e.kind, Kind::Deadlock { .. }));
        let half = ran.trace.iter().position(|e| matches!(&e.kind, Kind::Output { text, .. } if &**text == "half"));
        assert!(half < deadlock && deadlock.is_some(), "{half:?} {deadlock:?}");
    }
}

tests! {
    /// A print loop yields every LINES_PER_POLL lines: the page's driver
    /// can end a slice only between polls, and one poll's budget printed
    /// some 3,000 lines, all drawn in one frame. Between two of main's
    /// polls, no more lines than that.
    fn a_print_loop_yields_every_few_lines() {
        use csp_playground::rt::{Level, Run};
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3000; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n";
        let program = std::rc::Rc::new(go::compile(src, None).unwrap());
        let run = Run::new_virtual(1);
        run.set_level(Level::Verbose);
        let started = go::start(&run, program, Limits::default());
        run.run_to_end();
        assert_eq!(started.stdout().lines().count(), 3000);
        let (mut most, mut lines) = (0, 0);
        for e in run.trace() {
            match e.kind {
                Kind::Poll => lines = 0,
                Kind::Output { .. } => {
                    lines += 1;
                    most = most.max(lines);
                }
                _ => {}
            }
        }
        assert_eq!(most, go::vm::LINES_PER_POLL as usize);
    }
}

tests! {
    /// log.Fatal and os.Exit end the program where they are called, from
    /// any function: the rest of it, and every deferred call, never runs
    /// (the calling goroutine went on, and printed "after").
    fn log_fatal_and_os_exit_in_a_function_stop_the_program_there() {
        for (call, pkg, exit, stderr) in [
            ("log.Fatal(\"boom\")", "log", 1, "2009/11/10 23:00:00 boom\n"),
            ("os.Exit(3)", "os", 3, ""),
        ] {
            let src = format!("package main\n\nimport (\n\t\"fmt\"\n\t\"{pkg}\"\n)\n\nfunc f() {{\n\tdefer fmt.Println(\"f deferred\")\n\tfmt.Println(\"in f\")\n\t{call}\n}}\n\nfunc main() {{\n\tdefer fmt.Println(\"main deferred\")\n\tf()\n\tfmt.Println(\"after\")\n}}\n");
            let ran = go::run(&src, &Options::default()).unwrap_or_else(|e| panic!("{e}\n{src}"));
            assert_eq!((ran.stdout.as_str(), ran.exit), ("in f\n", exit), "{call}");
            assert!(ran.stderr.starts_with(stderr), "{call}: {}", ran.stderr);
        }
    }
}

tests! {
    /// A deadlock on a nil channel names the operation as Go's dump does;
    /// the runtime has no wait for such a goroutine, and the report said
    /// "select (no cases)" for every one.
    fn a_nil_channel_deadlock_names_the_operation() {
        for (op, status) in [
            ("ch <- 1", "chan send (nil chan)"),
            ("<-ch", "chan receive (nil chan)"),
            ("select {}", "select (no cases)"),
        ] {
            let src = format!("package main\n\nfunc main() {{\n\tvar ch chan int\n\t_ = ch\n\t{op}\n}}\n");
            let ran = go::run(&src, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
            assert!(ran.stderr.contains(&format!("goroutine 1 [{status}]:")), "{op}: {}", ran.stderr);
        }
    }
}
