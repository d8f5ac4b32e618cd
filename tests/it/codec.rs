//! The `code=` token: every article program and starter round-trips and
//! stays well under a link's 8 KB; damaged tokens are refused, never a
//! panic.

use csp_playground::codec::{decode, encode, CodecError, MAX_TEXT};
use csp_playground::starters;

tests! {
    fn every_starting_program_round_trips_in_well_under_8_kb() {
        for s in starters::all() {
            let token = encode(s.source);
            assert_eq!(decode(&token).as_deref(), Ok(s.source), "{}", s.id);
            assert!(token.len() < 4 * 1024, "{}: {} bytes", s.id, token.len());
            // Compressed: past a few lines, the token is shorter than the
            // text it holds, base64 and all.
            if s.source.len() > 500 {
                assert!(token.len() < s.source.len() * 3 / 4, "{}: {} of {}", s.id, token.len(), s.source.len());
            }
        }
    }

    fn odd_text_round_trips() {
        let long = "ab".repeat(MAX_TEXT / 2);
        for text in ["", "x", "ééé", "\u{0}\u{7f}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "🦀 go 🦀 go 🦀", &long] {
            assert_eq!(decode(&encode(text)).as_deref(), Ok(text), "{text:?}");
        }
    }

    fn damaged_tokens_are_refused_with_a_reason() {
        assert_eq!(decode(""), Err(CodecError::Version));
        assert_eq!(decode("2AAAA"), Err(CodecError::Version));
        assert_eq!(decode("1AA=A"), Err(CodecError::Characters));
        assert_eq!(decode("1A"), Err(CodecError::Truncated));
        assert_eq!(decode("1="), Err(CodecError::Characters));
        // A link cut anywhere says it is cut short (or, cut inside the
        // checksum, that the checksum does not match), never that it has
        // characters a token never has.
        let token = encode(starters::by_id("ping-pong").unwrap().source);
        for cut in 1..token.len() {
            let e = decode(&token[..cut]).unwrap_err();
            assert!(matches!(e, CodecError::Truncated | CodecError::Checksum), "cut at {cut}: {e}");
        }
        assert_eq!(
            decode("1AAAA").unwrap_err().to_string(),
            "the code in the link is damaged (it is cut short)"
        );
        // A token that claims more than 64 KB is refused before any work.
        let too_long = encode(&"a".repeat(MAX_TEXT + 1));
        assert_eq!(decode(&too_long), Err(CodecError::TooLong));
    }

    fn seeded_mutations_of_valid_tokens_never_panic_and_rarely_pass() {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_%=+";
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let sources: Vec<&str> = starters::all().iter().map(|s| s.source).collect();
        let mut passed = 0;
        for i in 0..2_000 {
            let src = sources[i % sources.len()];
            let mut token: Vec<u8> = encode(src).into_bytes();
            for _ in 0..1 + next(3) {
                let at = 1 + next(token.len() - 1);
                match next(3) {
                    0 => token[at] = alphabet[next(alphabet.len())],
                    1 => {
                        token.remove(at);
                    }
                    _ => token.insert(at, alphabet[next(alphabet.len())]),
                }
            }
            let token = String::from_utf8(token).unwrap();
            if let Ok(text) = decode(&token) {
                // Only a change the checksum cannot see may pass (a last
                // character's unused bits), and then the text is the same.
                assert_eq!(text, src, "{token}");
                passed += 1;
            }
        }
        assert!(passed < 20, "{passed} damaged tokens decoded");
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_text_round_trips(text in "\\PC{0,400}") {
            prop_assert_eq!(decode(&encode(&text)), Ok(text));
        }

        #[test]
        fn any_string_decodes_or_is_refused(token in "1?[A-Za-z0-9_=%-]{0,200}") {
            let _ = decode(&token);
        }
    }
}
