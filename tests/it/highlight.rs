//! The editor's Go colouring: total on any text, and right on real Go.

use csp_playground::patterns::PatternId;
use csp_playground::view::highlight::{go_lines, Class};

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
