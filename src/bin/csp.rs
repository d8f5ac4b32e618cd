//! `csp`: the patterns on the command line. See `csp --help`, or
//! `csp_playground::cli` for the commands.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
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
