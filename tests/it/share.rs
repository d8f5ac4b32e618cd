//! The URL state parser: rows of real URLs, and properties over arbitrary
//! strings and arbitrary valid states.

use csp_playground::patterns::{Check, Params, PatternId};
use csp_playground::share::{parse_speed, ClockKind, Speed, Theme, UrlState};
use proptest::prelude::*;

/// Parses `query`; returns the state and the errors as text.
fn check(query: &str) -> (UrlState, Vec<String>) {
    let (state, errors) = UrlState::parse(query);
    (state, errors.iter().map(ToString::to_string).collect())
}

#[test]
fn urls_restore_their_state() {
    let (s, errors) = check(
        "?pattern=words&clock=real&seed=42&speed=2.5&text=a+b%20c&capture=shared&buffer=0&embed=1&autoplay=1",
    );
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(
        (
            s.pattern,
            s.clock,
            s.seed,
            s.speed.to_string(),
            s.embed,
            s.autoplay
        ),
        (
            PatternId::Words,
            ClockKind::Real,
            42,
            "2.5".to_string(),
            true,
            true
        )
    );
    assert_eq!(s.params.get("text").as_deref(), Some("a b c"));
    assert_eq!(s.params.get("capture").as_deref(), Some("shared"));
    assert_eq!(s.params.get("buffer").as_deref(), Some("0"));
}

#[test]
fn bad_values_are_named_and_defaults_used() {
    // (query, the one error expected)
    for (query, error) in [
        ("?pattern=nope", "pattern: \"nope\" is not one of spawn-wait, waitgroup, words, deadline, token-cache, token-future, pipeline, your-go; using spawn-wait"),
        ("?pattern=deadline&deadline_ms=0", "deadline_ms: \"0\" is not a whole number from 1 to 60000; using \"1000\""),
        ("?pattern=deadline&speed=500", "speed: \"500\" is not a number from 0.1 to 100 (at most 3 decimals); using 1"),
        ("?seed=-1", "seed: \"-1\" is not a whole number from 0 to 18446744073709551615; using 1"),
        ("?clock=wall", "clock: \"wall\" is not virtual or real; using virtual"),
        ("?pattern=words&color=red", "color: \"red\" is not a parameter of words (it has: text, buffer, work_ms, capture, stop_after)"),
        ("?embed=yes", "embed: \"yes\" is not 1 or 0; using 0"),
    ] {
        let (state, errors) = check(query);
        assert_eq!(errors, [error.to_string()], "{query}");
        let fresh = UrlState::for_pattern(state.pattern);
        assert_eq!((state.seed, state.speed, state.clock), (fresh.seed, fresh.speed, fresh.clock), "{query}");
    }
}

/// A hostile link is named briefly: a long value or name is cut, and a
/// pair repeated thousands of times is named once (the page's alert once
/// held a 20,000-character value, or 2,000 identical lines).
#[test]
fn bad_values_are_named_briefly_and_once() {
    let long = "x".repeat(20_000);
    let (_, errors) = check(&format!("?pattern=words&text={long}&{long}=1"));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().all(|e| e.chars().count() < 300), "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("text: \"{}…\"", "x".repeat(40))),
        "{}",
        errors[0]
    );
    let (_, errors) = check(&format!("?pattern=deadline&{}", "a=1&".repeat(2000)));
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn speeds_are_decimals_from_a_tenth_to_a_hundred() {
    // (text, parsed back to text, or None when refused)
    for (text, want) in [
        ("1", Some("1")),
        ("0.1", Some("0.1")),
        ("100", Some("100")),
        ("2.50", Some("2.5")),
        (".5", Some("0.5")),
        ("12.345", Some("12.345")),
        (" 3 ", Some("3")),
        ("0.05", None),
        ("100.001", None),
        ("1.2345", None),
        ("1e1", None),
        ("-1", None),
        ("", None),
        (".", None),
        ("1.2.3", None),
        ("fast", None),
    ] {
        assert_eq!(
            parse_speed(text).ok().map(|s| s.to_string()).as_deref(),
            want,
            "{text:?}"
        );
    }
    assert_eq!(parse_speed("2.5").unwrap().as_f64(), 2.5);
}

#[test]
fn an_empty_or_odd_query_is_the_default() {
    for query in ["", "?", "&&", "?=", "?pattern", "%", "%zz=%%"] {
        let (state, _) = check(query);
        assert_eq!(state.pattern, PatternId::SpawnWait, "{query}");
    }
}

/// A valid value for one parameter's check.
fn valid_value(check: Check) -> BoxedStrategy<String> {
    match check {
        Check::Int { min, max } => (min..=max).prop_map(|v| v.to_string()).boxed(),
        Check::Text { max_len } => proptest::collection::vec("[a-zA-Z0-9äöü&=%+?#]{1,8}", 1..6)
            .prop_map(move |words| {
                let mut s = words.join(" ");
                s.truncate(s.char_indices().nth(max_len).map_or(s.len(), |(i, _)| i));
                s.trim().to_string()
            })
            .prop_filter("non-empty", |s| !s.is_empty())
            .boxed(),
        Check::OneOf(words) => proptest::sample::select(words).prop_map(String::from).boxed(),
        Check::List {
            min,
            max,
            min_len,
            max_len,
        } => proptest::collection::vec(min..=max, min_len..=max_len)
            .prop_map(|v| v.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
            .boxed(),
    }
}

fn valid_state() -> impl Strategy<Value = UrlState> {
    (
        0..PatternId::ALL.len(),
        any::<u64>(),
        1u32..=1000,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of("\\PC{0,300}"),
    )
        .prop_flat_map(|(p, seed, speed10, real, embed, autoplay, code)| {
            let pattern = PatternId::ALL[p];
            let values: Vec<BoxedStrategy<String>> =
                pattern.specs().iter().map(|s| valid_value(s.check)).collect();
            (
                Just((pattern, seed, speed10, real, embed, autoplay, code)),
                values,
            )
        })
        .prop_map(
            |((pattern, seed, speed10, real, embed, autoplay, code), values)| {
                // One state in five is Your Go, whose link has no pattern or
                // parameters; the loop-variable choice follows the seed.
                let your_go = seed % 5 == 0;
                let pattern = if your_go { PatternId::SpawnWait } else { pattern };
                let mut params = Params::defaults(pattern);
                for (spec, value) in pattern.specs().iter().zip(values).filter(|_| !your_go) {
                    params.set(spec.name, &value).unwrap();
                }
                UrlState {
                    your_go,
                    code,
                    go121: [None, Some(true), Some(false)][(seed % 7 % 3) as usize],
                    pattern,
                    clock: if real { ClockKind::Real } else { ClockKind::Virtual },
                    seed,
                    speed: Speed::from_millis(speed10 * 100).unwrap(),
                    params,
                    embed,
                    autoplay,
                    // The theme follows the seed modulo 3, to vary it without a
                    // seventh strategy.
                    theme: [Theme::System, Theme::Light, Theme::Dark][(seed % 3) as usize],
                }
            },
        )
}

proptest! {
    #[test]
    fn arbitrary_strings_never_panic(query in ".{0,200}") {
        let _ = UrlState::parse(&query);
    }

    #[test]
    fn arbitrary_pairs_never_panic(pairs in proptest::collection::vec(("[a-z_%+]{0,12}", ".{0,20}"), 0..12)) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = UrlState::parse(&query.join("&"));
    }

    #[test]
    fn valid_states_round_trip_exactly(state in valid_state()) {
        let (back, errors) = UrlState::parse(&state.to_query());
        prop_assert!(errors.is_empty(), "{:?} from {}", errors, state.to_query());
        prop_assert_eq!(back, state);
    }
}

#[test]
fn the_theme_travels_in_the_url_and_a_bad_one_is_named() {
    // (query, theme, error)
    for (query, theme, error) in [
        ("?pattern=deadline&theme=dark", Theme::Dark, None),
        ("?pattern=deadline&theme=light", Theme::Light, None),
        ("?pattern=deadline&theme=system", Theme::System, None),
        ("?pattern=deadline", Theme::System, None),
        (
            "?pattern=deadline&theme=neon",
            Theme::System,
            Some("theme: \"neon\" is not light, dark or system; using system"),
        ),
    ] {
        let (s, errors) = check(query);
        assert_eq!(s.theme, theme, "{query}");
        assert_eq!(
            errors,
            error.map(String::from).into_iter().collect::<Vec<_>>(),
            "{query}"
        );
        assert_eq!(UrlState::parse(&s.to_query()).0, s, "{query} round-trips");
    }
}

#[test]
fn edited_go_travels_in_the_link_and_a_damaged_one_is_named() {
    let code = "package main\n\nfunc main() { println(\"édité\") }\n";
    let state = UrlState {
        your_go: true,
        code: Some(code.to_string()),
        go121: Some(true),
        ..UrlState::default()
    };
    let query = state.to_query();
    assert!(query.starts_with("?pattern=your-go&"), "{query}");
    assert!(query.contains("&go=1.21&code=1"), "{query}");
    assert_eq!(UrlState::parse(&query), (state, vec![]));

    let (s, errors) = UrlState::parse("?pattern=deadline&code=1AAAA&go=1.3");
    assert_eq!((s.pattern, s.code, s.go121), (PatternId::Deadline, None, None));
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "code: \"1AAAA\" is not usable: the code in the link is damaged (it is cut short); using the article's code",
            "go: \"1.3\" is not 1.21 or 1.22; using what the source asks for",
        ]
    );
    // A long damaged token is cut in the message.
    let (_, errors) = UrlState::parse(&format!("?code={}", "x".repeat(5000)));
    assert!(errors[0].to_string().len() < 200, "{}", errors[0]);
}

/// A key given twice counts once, at its last place; the earlier value is
/// neither used nor reported (a link with `code=` twice said it used the
/// article's code, then loaded the second).
#[test]
fn a_repeated_key_counts_at_its_last_place() {
    let (state, errors) = check("?pattern=deadline&deadline_ms=0&seed=4&deadline_ms=700&pattern=deadline");
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(
        (state.params.get("deadline_ms").as_deref(), state.seed),
        (Some("700"), 4)
    );
    let (_, errors) = check("?pattern=deadline&deadline_ms=700&deadline_ms=0");
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn embed_js_forwards_exactly_the_page_parameters() {
    // embed.js turns only these attributes into parameters: it forwarded
    // every attribute, and a host's title or data-testid became an unknown
    // parameter and an alert in every embed.
    let js = include_str!("../../www/embed.js");
    let list = js
        .split("new Set([")
        .nth(1)
        .and_then(|rest| rest.split("]);").next())
        .expect("embed.js lists PARAMS");
    let mut names: Vec<&str> = list
        .split(',')
        .map(|s| s.trim().trim_matches('\''))
        .filter(|s| !s.is_empty())
        .collect();
    names.sort_unstable();
    let page = [
        "pattern", "clock", "seed", "speed", "theme", "autoplay", "code", "go",
    ];
    for name in page {
        let (_, errors) = check(&format!("?{name}=1"));
        assert!(
            errors.iter().all(|e| !e.contains("is not a parameter")),
            "{name}: {errors:?}"
        );
    }
    let mut want: Vec<&str> = page.to_vec();
    for p in PatternId::ALL {
        want.extend(p.specs().iter().map(|s| s.name));
    }
    want.sort_unstable();
    want.dedup();
    assert_eq!(names, want);
}
