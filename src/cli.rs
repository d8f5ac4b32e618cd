//! The `csp` command line, as a function of its arguments so tests can call
//! it without a process. `src/bin/csp.rs` is a thin wrapper.
//!
//! ```
//! use csp_playground::cli;
//! let mut out = Vec::new();
//! cli::run(&["list".to_string()], &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("spawn-wait\n"));
//! let err = cli::run(&["run".to_string(), "nope".to_string()], &mut Vec::new()).unwrap_err();
//! assert_eq!(err.to_string(), "unknown pattern \"nope\" (try `csp list`)");
//! ```

use std::fmt;
use std::io::Write;

use crate::patterns::{self, Params, PatternId};
use crate::rt::{Outcome, Run};
use crate::view;

/// What `csp --help` prints.
pub const USAGE: &str = "\
csp: run the goroutine-and-channel patterns on a virtual clock

usage:
  csp list                        one pattern id per line
  csp params <pattern>            each parameter, its default and valid range
  csp run <pattern> [--seed N] [--set name=value]... [--format F]
           [--width PX] [--fps N] [--seconds N] [--theme light|dark]
                                  F: log (default), json, marbles, svg, chrome-trace,
                                  gif (the run animated), png (the finished run)
  csp explore <pattern> [--seeds N] [--set name=value]...
                                  each distinct output order over seeds 1..=N (default 100)
  csp go FILE.go|- [--seed N] [--go 1.21|1.22] [--format out|log|json|marbles|svg|chrome-trace|gif|png]
           [--width PX] [--fps N] [--seconds N] [--theme light|dark]
                                  runs a Go program in the interpreter; out (default): its stdout
  csp --help                      this text (also after any command)
";

/// A bad command line: one line for stderr; the process exits with 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CliError {}

fn err<T>(message: impl Into<String>) -> Result<T, CliError> {
    Err(CliError(message.into()))
}

/// Output formats of `csp run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Log,
    Json,
    Marbles,
    Svg,
    ChromeTrace,
    Gif,
    Png,
}

impl Format {
    fn parse(s: &str) -> Result<Format, CliError> {
        Ok(match s {
            "log" => Format::Log,
            "json" => Format::Json,
            "marbles" => Format::Marbles,
            "svg" => Format::Svg,
            "chrome-trace" => Format::ChromeTrace,
            "gif" => Format::Gif,
            "png" => Format::Png,
            other => {
                return err(format!(
                    "unknown format {other:?} (use log, json, marbles, svg, chrome-trace, gif or png)"
                ))
            }
        })
    }
}

fn pattern(arg: Option<&String>) -> Result<PatternId, CliError> {
    let Some(id) = arg else {
        return err("missing pattern (try `csp list`)");
    };
    PatternId::parse(id).ok_or_else(|| CliError(format!("unknown pattern {id:?} (try `csp list`)")))
}

/// Options shared by `run` and `explore`.
struct Options {
    params: Params,
    seed: u64,
    seeds: u64,
    format: Format,
    /// For `gif` and `png`: width, fps, seconds, theme.
    picture: Picture,
}

/// How `gif` and `png` draw (the raster module checks the ranges).
#[derive(Debug, Clone, Copy)]
struct Picture {
    width: u32,
    fps: u32,
    seconds: u32,
    dark: bool,
}

impl Default for Picture {
    /// The defaults `--help` and the README give: 720 px, 10 fps, 4 s, light.
    fn default() -> Picture {
        Picture {
            width: 720,
            fps: 10,
            seconds: 4,
            dark: false,
        }
    }
}

fn whole(name: &str, v: &str) -> Result<u32, CliError> {
    v.parse()
        .map_err(|_| CliError(format!("{name}: {v:?} is not a whole number")))
}

/// The flags `csp run` takes.
const RUN_FLAGS: &[&str] = &[
    "--seed",
    "--format",
    "--width",
    "--fps",
    "--seconds",
    "--theme",
    "--set",
];
/// The flags `csp explore` takes.
const EXPLORE_FLAGS: &[&str] = &["--seeds", "--set"];
/// The flags that only shape a `gif` or `png`.
const PICTURE_FLAGS: &[&str] = &["--width", "--fps", "--seconds", "--theme"];

/// Parses the flags of `csp <command> <pattern>`: each must be one of
/// `allowed` (a flag of another command is an error, not ignored), and the
/// picture flags need a picture format.
fn options(command: &str, id: PatternId, args: &[String], allowed: &[&str]) -> Result<Options, CliError> {
    let mut o = Options {
        params: Params::defaults(id),
        seed: 1,
        seeds: 100,
        format: Format::Log,
        picture: Picture::default(),
    };
    let mut picture_flag = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| CliError(format!("{name} needs a value")))
        };
        if !allowed.contains(&flag.as_str()) && RUN_FLAGS.iter().chain(EXPLORE_FLAGS).any(|f| f == flag) {
            return err(format!(
                "{flag} does not apply to `csp {command}` (see `csp --help`)"
            ));
        }
        if PICTURE_FLAGS.contains(&flag.as_str()) {
            picture_flag = Some(flag.clone());
        }
        match flag.as_str() {
            "--seed" => {
                o.seed = seed_flag(&value("--seed")?)?;
            }
            "--seeds" => {
                let v = value("--seeds")?;
                o.seeds = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=100_000).contains(n))
                    .ok_or_else(|| {
                        CliError(format!("--seeds: {v:?} is not a whole number from 1 to 100000"))
                    })?;
            }
            "--format" => o.format = Format::parse(&value("--format")?)?,
            f if PICTURE_FLAGS.contains(&f) => set_picture(&mut o.picture, f, &value(f)?)?,
            "--set" => {
                let v = value("--set")?;
                let Some((name, val)) = v.split_once('=') else {
                    return err(format!("--set: {v:?} is not name=value"));
                };
                o.params.set(name, val).map_err(|e| CliError(e.to_string()))?;
            }
            other => return err(format!("unknown option {other:?} (see `csp --help`)")),
        }
    }
    picture_needs_picture(picture_flag, Some(o.format))?;
    Ok(o)
}

/// Sets the picture flag `flag` (one of [`PICTURE_FLAGS`]) to `v`.
fn set_picture(p: &mut Picture, flag: &str, v: &str) -> Result<(), CliError> {
    match flag {
        "--width" => p.width = whole(flag, v)?,
        "--fps" => p.fps = whole(flag, v)?,
        "--seconds" => p.seconds = whole(flag, v)?,
        _ => {
            p.dark = match v {
                "light" => false,
                "dark" => true,
                other => return err(format!("--theme: {other:?} is not light or dark")),
            }
        }
    }
    Ok(())
}

/// A picture flag given (`flag`) with a format that draws no picture is an
/// error, not ignored.
fn picture_needs_picture(flag: Option<String>, format: Option<Format>) -> Result<(), CliError> {
    match flag {
        Some(flag) if !matches!(format, Some(Format::Gif | Format::Png)) => {
            err(format!("{flag} shapes a picture: it needs --format gif or png"))
        }
        _ => Ok(()),
    }
}

/// Runs `params` at `seed` on the virtual clock; the finished run.
pub fn run_pattern(params: &Params, seed: u64) -> Run {
    let run = Run::new_virtual(seed);
    patterns::start(&run, params);
    run.run_to_end();
    run
}

/// A title line for a run: pattern, seed, how it ended.
pub fn title(params: &Params, seed: u64, outcome: Option<&Outcome>) -> String {
    let end = match outcome {
        Some(Outcome::Finished { at }) => format!("finished at {at} ms"),
        Some(Outcome::Deadlock(d)) => format!("deadlock at {} ms", d.at),
        None => "running".to_string(),
    };
    format!("{} · seed {seed} · {end}", params.id().id())
}

/// Runs the command line `args` (without the program name), writing to
/// `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError(format!("cannot write output: {e}"));
    // `csp run deadline --help` asks for help too, as most tools take it.
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        return out.write_all(USAGE.as_bytes()).map_err(io);
    }
    match args.first().map(String::as_str) {
        None => err("no command given (see `csp --help`)"),
        Some("help" | "--help" | "-h") => out.write_all(USAGE.as_bytes()).map_err(io),
        Some("list") => {
            if let Some(extra) = args.get(1) {
                return err(format!("unexpected argument {extra:?}"));
            }
            for p in PatternId::ALL {
                writeln!(out, "{}", p.id()).map_err(io)?;
            }
            Ok(())
        }
        Some("params") => {
            let id = pattern(args.get(1))?;
            if let Some(extra) = args.get(2) {
                return err(format!("unexpected argument {extra:?}"));
            }
            for spec in id.specs() {
                writeln!(
                    out,
                    "{}\tdefault {:?}\t{}\t{}",
                    spec.name,
                    spec.default,
                    spec.check.describe(),
                    spec.help
                )
                .map_err(io)?;
            }
            Ok(())
        }
        Some("run") => {
            let id = pattern(args.get(1))?;
            let o = options("run", id, &args[2..], RUN_FLAGS)?;
            let run = run_pattern(&o.params, o.seed);
            let trace = run.trace();
            let title = title(&o.params, o.seed, run.outcome().as_ref());
            let text = match o.format {
                Format::Log => trace.iter().map(|e| view::log_line(e) + "\n").collect(),
                Format::Json => trace
                    .iter()
                    .map(|e| serde_json::to_string(e).unwrap_or_default() + "\n")
                    .collect(),
                Format::Marbles => view::marbles(&title, &trace),
                Format::Svg => view::svg(&title, &trace, None),
                Format::ChromeTrace => view::chrome_trace(&title, &trace) + "\n",
                Format::Gif | Format::Png => {
                    let bytes = picture(o.format, &title, &trace, o.picture)?;
                    return out.write_all(&bytes).map_err(io);
                }
            };
            out.write_all(text.as_bytes()).map_err(io)
        }
        Some("explore") => {
            let id = pattern(args.get(1))?;
            let o = options("explore", id, &args[2..], EXPLORE_FLAGS)?;
            let mut tally = patterns::Tally::default();
            patterns::count_orders(&o.params, 1..o.seeds + 1, &mut tally);
            let ranked = tally.ranked();
            writeln!(
                out,
                "{} distinct output orders over seeds 1..={}",
                ranked.len(),
                o.seeds
            )
            .map_err(io)?;
            for distinct in ranked {
                // The tally keeps an order's first lines; its first seed
                // prints it whole again.
                let order = patterns::order_at(&o.params, distinct.first_seed);
                writeln!(out, "{:>6}  {}", distinct.count, order.join(" | ")).map_err(io)?;
            }
            Ok(())
        }
        Some(other) => err(format!("unknown command {other:?} (see `csp --help`)")),
    }
}

/// `csp go FILE.go|- [--seed N] [--go 1.21|1.22] [--format F]`: runs a Go
/// program in the interpreter on the virtual clock. Returns the exit status:
/// 0, 1 for a compile error (`file:line:col: message` on `err`), or Go's
/// status for a runtime error (its message on `err`). Bad flags are a
/// [`CliError`] (exit 2).
///
/// ```
/// use csp_playground::cli;
/// let src = "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hi\") }\n";
/// let (mut out, mut err) = (Vec::new(), Vec::new());
/// let args = ["go".to_string(), "-".to_string()];
/// let code = cli::go(&args, &mut src.as_bytes(), &mut out, &mut err).unwrap();
/// assert_eq!((code, String::from_utf8(out).unwrap()), (0, "hi\n".to_string()));
/// ```
pub fn go(
    args: &[String],
    stdin: &mut dyn std::io::Read,
    out: &mut dyn Write,
    errs: &mut dyn Write,
) -> Result<i32, CliError> {
    let io = |e: std::io::Error| CliError(format!("cannot write output: {e}"));
    let mut file = None;
    let mut opts = crate::go::Options {
        seed: 1,
        ..Default::default()
    };
    let mut format = None;
    let (mut picture, mut picture_flag) = (Picture::default(), None);
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| CliError(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--seed" => {
                opts.seed = seed_flag(&value("--seed")?)?;
            }
            "--go" => {
                opts.go121 = Some(match value("--go")?.as_str() {
                    "1.21" => true,
                    "1.22" => false,
                    other => return err(format!("--go: {other:?} is not 1.21 or 1.22")),
                });
            }
            "--format" => {
                let v = value("--format")?;
                format = match v.as_str() {
                    "out" => None,
                    other => Some(Format::parse(other).map_err(|_| {
                        CliError(format!(
                            "unknown format {other:?} (use out, log, json, marbles, svg, chrome-trace, gif or png)"
                        ))
                    })?),
                };
            }
            flag if PICTURE_FLAGS.contains(&flag) => {
                set_picture(&mut picture, flag, &value(flag)?)?;
                picture_flag = Some(flag.to_string());
            }
            flag if flag.starts_with("--") => {
                return err(format!("unknown option {flag:?} (see `csp --help`)"))
            }
            path if file.is_none() => file = Some(path.to_string()),
            extra => return err(format!("unexpected argument {extra:?}")),
        }
    }
    picture_needs_picture(picture_flag, format)?;
    let Some(path) = file else {
        return err("missing Go file (a path, or - for stdin)");
    };
    let mut src = String::new();
    if path == "-" {
        stdin
            .read_to_string(&mut src)
            .map_err(|e| CliError(format!("cannot read stdin: {e}")))?;
    } else {
        src = std::fs::read_to_string(&path).map_err(|e| CliError(format!("cannot read {path}: {e}")))?;
    }
    let name = if path == "-" {
        "main.go".to_string()
    } else {
        path.clone()
    };
    let ran = match crate::go::compile_all(&src, opts.go121) {
        Ok(program) => crate::go::run_program(std::rc::Rc::new(program), &opts),
        Err(all) => {
            // Every error Go would list (names not used: all of them).
            for e in all {
                writeln!(errs, "{name}:{e}").map_err(io)?;
            }
            return Ok(1);
        }
    };
    let title = format!("{name} · seed {} · ended at {} ms", opts.seed, ran.end_ms);
    let text = match format {
        None => ran.stdout.clone(),
        Some(Format::Log) => ran.trace.iter().map(|e| view::log_line(e) + "\n").collect(),
        Some(Format::Json) => ran
            .trace
            .iter()
            .map(|e| serde_json::to_string(e).unwrap_or_default() + "\n")
            .collect(),
        Some(Format::Marbles) => view::marbles(&title, &ran.trace),
        Some(Format::Svg) => view::svg(&title, &ran.trace, None),
        Some(Format::ChromeTrace) => view::chrome_trace(&title, &ran.trace) + "\n",
        Some(f @ (Format::Gif | Format::Png)) => {
            let bytes = self::picture(f, &title, &ran.trace, picture)?;
            out.write_all(&bytes).map_err(io)?;
            errs.write_all(ran.stderr.as_bytes()).map_err(io)?;
            return Ok(ran.exit);
        }
    };
    out.write_all(text.as_bytes()).map_err(io)?;
    errs.write_all(ran.stderr.as_bytes()).map_err(io)?;
    Ok(ran.exit)
}

/// The value of `--seed`, for `run`, `explore` and `go` alike.
fn seed_flag(v: &str) -> Result<u64, CliError> {
    v.parse().map_err(|_| {
        CliError(format!(
            "--seed: {v:?} is not a whole number from 0 to {}",
            u64::MAX
        ))
    })
}

/// A GIF or PNG of the timeline (native only: the page never draws these).
#[cfg(not(target_arch = "wasm32"))]
fn picture(format: Format, title: &str, trace: &[crate::rt::Event], p: Picture) -> Result<Vec<u8>, CliError> {
    let options = crate::raster::Options {
        width: p.width,
        fps: p.fps,
        seconds: p.seconds,
        theme: if p.dark {
            crate::share::Theme::Dark
        } else {
            crate::share::Theme::Light
        },
    };
    let drawn = match format {
        Format::Gif => crate::raster::gif(title, trace, &options),
        _ => crate::raster::png(title, trace, &options),
    };
    drawn.map_err(CliError)
}

#[cfg(target_arch = "wasm32")]
fn picture(_: Format, _: &str, _: &[crate::rt::Event], _: Picture) -> Result<Vec<u8>, CliError> {
    err("gif and png are drawn by the native CLI only")
}
