//! `csp`: the patterns on the command line. See `csp --help`, or
//! `csp_playground::cli` for the commands.

use std::io::Write;
use std::process::ExitCode;

/// Counts the heap's live bytes, so that `csp go` stops a program that
/// would exhaust memory with Go's error, as the page does.
#[global_allocator]
static METER: csp_meter::Meter = csp_meter::Meter;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let help = args.iter().any(|a| a == "--help" || a == "-h");
    if args.first().map(String::as_str) == Some("go") && !help {
        let mut stderr = std::io::stderr();
        return match csp_playground::cli::go(&args, &mut std::io::stdin(), &mut out, &mut stderr) {
            Ok(code) => {
                let _ = out.flush();
                ExitCode::from(u8::try_from(code).unwrap_or(1))
            }
            Err(e) => {
                eprintln!("csp: {e}");
                ExitCode::from(2)
            }
        };
    }
    match csp_playground::cli::run(&args, &mut out) {
        Ok(()) => {
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("csp: {e}");
            ExitCode::from(2)
        }
    }
}
