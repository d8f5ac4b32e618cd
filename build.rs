//! Extracts the part of each pattern file that the page shows as "the code
//! that runs" (between `// region: run` and `// endregion`) into OUT_DIR,
//! so the page embeds that text, taken from the source file itself, and not
//! the whole file, and the line it starts on, so the page can highlight the
//! line an event came from.
//!
//! It also writes the Go prelude (`src/go/prelude.go`) as the interpreter
//! embeds it: with its comment lines emptied and its indentation gone,
//! which Go reads the same (line ends, not indentation, end its
//! statements) and the page carries 1.4 KB gzipped less of.

use std::path::Path;
use std::{env, fs};

/// The region's text and the 1-based line number of its first line, or
/// `None` for a file with no `run` (the parameter helpers).
fn region(file: &str, path: &Path) -> Option<(String, usize)> {
    const START: &str = "// region: run\n";
    let Some(start) = file.find(START).map(|i| i + START.len()) else {
        // A pattern whose region marker went missing must not silently show
        // its whole file as "the code that runs": fail the build instead.
        assert!(
            !file.contains("pub async fn run("),
            "{} has a `run` but no `// region: run` marker",
            path.display()
        );
        return None;
    };
    let end = file[start..].find("// endregion").map(|i| start + i);
    let end = end.unwrap_or_else(|| panic!("{} has `// region: run` but no `// endregion`", path.display()));
    Some((
        file[start..end].trim_end().to_string(),
        file[..start].lines().count() + 1,
    ))
}

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/patterns");
    for entry in fs::read_dir("src/patterns").expect("src/patterns exists") {
        let path = entry.expect("a readable directory entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).expect("a readable pattern file");
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a UTF-8 file name");
            let Some((code, first_line)) = region(&text, &path) else {
                continue;
            };
            fs::write(Path::new(&out).join(format!("{stem}.run.rs")), code).expect("OUT_DIR is writable");
            fs::write(
                Path::new(&out).join(format!("{stem}.run.line")),
                first_line.to_string(),
            )
            .expect("OUT_DIR is writable");
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    println!("cargo:rerun-if-changed=src/go/prelude.go");
    let prelude = fs::read_to_string("src/go/prelude.go").expect("src/go/prelude.go exists");
    // Each line stays a line, so a position in the prelude is its own.
    let lean: String = prelude
        .lines()
        .map(|line| {
            let code = line.trim_start();
            if code.starts_with("//") {
                "\n".to_string()
            } else {
                format!("{code}\n")
            }
        })
        .collect();
    fs::write(Path::new(&out).join("prelude.go"), lean).expect("OUT_DIR is writable");
}
