//! Extracts the part of each pattern file that the page shows as "the code
//! that runs" (between `// region: run` and `// endregion`) into OUT_DIR,
//! so the page embeds that text, taken from the source file itself, and not
//! the whole file, and the line it starts on, so the page can highlight the
//! line an event came from.

use std::path::Path;
use std::{env, fs};

/// The region's text and the 1-based line number of its first line.
fn region(file: &str) -> (&str, usize) {
    const START: &str = "// region: run\n";
    let Some(start) = file.find(START).map(|i| i + START.len()) else {
        return (file, 1);
    };
    let end = file[start..]
        .find("// endregion")
        .map_or(file.len(), |i| start + i);
    (file[start..end].trim_end(), file[..start].lines().count() + 1)
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
            let (code, first_line) = region(&text);
            fs::write(Path::new(&out).join(format!("{stem}.run.rs")), code).expect("OUT_DIR is writable");
            fs::write(
                Path::new(&out).join(format!("{stem}.run.line")),
                first_line.to_string(),
            )
            .expect("OUT_DIR is writable");
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}
