//! The editor's Go colouring: total on any text, and right on real Go.

use csp_playground::patterns::PatternId;
use csp_playground::view::highlight::{go_lines, line_chunks, Class};
use csp_playground::view::indent;

fn joined(src: &str) -> Vec<String> {
    go_lines(src)
        .iter()
        .map(|l| l.iter().map(|p| p.text.as_str()).collect())
        .collect()
}

fn classes_of(src: &str, class: Class) -> Vec<String> {
    go_lines(src)
        .into_iter()
        .flatten()
        .filter(|p| p.class == class)
        .map(|p| p.text)
        .collect()
}

/// Splits `text` as a textarea shows it.
fn shown(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

tests! {
    fn line_chunks_join_back_and_keep_the_lines() {
        let texts = [
            "",
            "one",
            "one\n",
            "a\nb\nc",
            "a\nb\nc\n",
            "a\r\nb\n\n\nc",
            PatternId::TokenCache.rust_source(),
        ];
        for text in texts {
            for n in [1, 2, 3, 32] {
                let chunks = line_chunks(text, n);
                assert_eq!(chunks.concat(), text, "{n} lines a run");
                let lines: Vec<&str> = chunks.iter().flat_map(|c| c.lines()).collect();
                assert_eq!(lines, text.lines().collect::<Vec<_>>(), "{n} lines a run");
                // Every run but the last holds exactly n lines.
                for c in chunks.iter().rev().skip(1) {
                    assert_eq!(c.lines().count(), n, "{c:?}");
                }
            }
        }
        assert_eq!(line_chunks("a\nb\nc\n", 2), ["a\nb\n", "c\n"]);
    }

    fn pieces_join_back_to_every_article_program() {
        for p in PatternId::ALL {
            assert_eq!(joined(p.go_source()), shown(p.go_source()), "{}", p.id());
        }
    }

    fn keywords_strings_and_comments_are_classed() {
        let src = "func main() {\n\tch := make(chan int, 2) /* two\nlines */\n\ts := `raw\nstring` + \"esc\\\"aped\"\n\tx.len = 0x1F\n}\n";
        assert_eq!(classes_of(src, Class::Keyword), ["func", "chan"]);
        assert_eq!(classes_of(src, Class::Builtin), ["make", "int"]);
        assert_eq!(classes_of(src, Class::Comment), ["/* two", "lines */"]);
        assert_eq!(classes_of(src, Class::Str), ["`raw", "string`", "\"esc\\\"aped\""]);
        assert_eq!(classes_of(src, Class::Number), ["2", "0x1F"]);
        assert_eq!(go_lines(src).len(), 8, "a final newline leaves an empty line");
    }

    fn half_typed_and_hostile_text_is_split_whole() {
        // A seeded walk over awkward pieces: open strings and comments,
        // escapes at the end, multi-byte characters, lone quotes.
        let parts = ["\"", "'", "`", "/*", "*/", "//", "\\", "\n", "é", "日本", "0x", "go", " ", "\t", "\u{0}", "🦀", "\r\n"];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2_000 {
            let mut src = String::new();
            for _ in 0..(x % 24) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                src.push_str(parts[(x % parts.len() as u64) as usize]);
            }
            assert_eq!(joined(&src), shown(&src), "{src:?}");
        }
    }
}

/// `text` with `edit` applied, counting in UTF-16 units as a textarea does.
fn apply(text: &str, edit: &indent::Edit) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = units[..edit.from as usize].to_vec();
    out.extend(edit.insert.encode_utf16());
    out.extend_from_slice(&units[edit.to as usize..]);
    String::from_utf16(&out).unwrap()
}

tests! {
    /// Tab over a selection of several lines indents them all (it used to
    /// replace the selection with one tab, deleting the lines), and
    /// Shift+Tab outdents every line it touches, not just the first.
    fn tab_indents_and_shift_tab_outdents_every_selected_line() {
        let src = "// c\npackage main\n\nimport (\n\t\"fmt\"\n)\n";
        // Ctrl+Home, then Shift+Down three times: up to the start of line 4.
        let start_of_4 = src.find("import").unwrap() as u32;
        let edit = indent::tab(src, 0, start_of_4, false).unwrap();
        let once = apply(src, &edit);
        assert_eq!(once, "\t// c\n\tpackage main\n\t\nimport (\n\t\"fmt\"\n)\n");
        // The selection still ends where line 4 starts, so a second Tab
        // indents the same lines again (it replaced them with a tab).
        assert_eq!(edit.selection, (0, 22));
        let twice = indent::tab(&once, edit.selection.0, edit.selection.1, false).unwrap();
        assert_eq!(apply(&once, &twice), "\t\t// c\n\t\tpackage main\n\t\t\nimport (\n\t\"fmt\"\n)\n");
        let back = indent::tab(&once, edit.selection.0, edit.selection.1, true).unwrap();
        assert_eq!(apply(&once, &back), src);

        let body = "func main() {\n\tdelay := 1\n\tgo func() {\n\t}()\n}\n";
        let (from, to) = (body.find("\tdelay").unwrap() as u32 + 2, body.find("\t}()").unwrap() as u32 + 2);
        let out = indent::tab(body, from, to, true).unwrap();
        assert_eq!(apply(body, &out), "func main() {\ndelay := 1\ngo func() {\n}()\n}\n");
        // Nothing to outdent: no edit, so no empty undo step.
        assert_eq!(indent::tab(body, 0, 4, true), None);
        // Up to four spaces count as one level; a caret moves with its text.
        let spaced = "x\n      y";
        let caret = spaced.len() as u32;
        let out = indent::tab(spaced, caret, caret, true).unwrap();
        assert_eq!((apply(spaced, &out).as_str(), out.selection), ("x\n  y", (caret - 4, caret - 4)));
        // A selection within the line keeps its text selected.
        let out = indent::tab("    abc", 2, 6, true).unwrap();
        assert_eq!((apply("    abc", &out).as_str(), out.selection), ("abc", (0, 2)));
        // At a caret and within one line, Tab types a tab over the selection.
        assert_eq!(apply("ab", &indent::tab("ab", 1, 2, false).unwrap()), "a\t");
    }

    /// Indenting then outdenting the same lines gives the text back, for
    /// any text (non-ASCII too: offsets are UTF-16 units) and selection.
    fn indent_then_outdent_is_the_identity() {
        let pieces = ["a", "é", "😀", "\t", " ", "\n", "go", "\n\n"];
        let mut seed = 11u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..2000 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let len = text.encode_utf16().count() as u32;
            let (a, b) = (next(len as usize + 1) as u32, next(len as usize + 1) as u32);
            let edit = indent::tab(&text, a, b, false).unwrap();
            let indented = apply(&text, &edit);
            let (s, e) = edit.selection;
            assert!(s <= e && e <= indented.encode_utf16().count() as u32, "{text:?} {a} {b}");
            if edit.insert != "\t" {
                let back = indent::tab(&indented, s, e, true).unwrap();
                assert_eq!(apply(&indented, &back), text, "{text:?} {a} {b}");
                // Indenting the lines it left selected indents the same lines.
                let again = indent::tab(&indented, s, e, false).unwrap();
                assert_eq!((again.from, again.to), (edit.from, edit.to + edit.insert.encode_utf16().count() as u32 - (edit.to - edit.from)), "{text:?} {a} {b}");
            }
        }
    }
}
