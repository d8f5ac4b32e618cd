//! Text in a link: Go source compressed into a URL-safe token, for the
//! page's `code=` parameter, and back.
//!
//! A token is a version letter (`1`), then base64url (`A–Z a–z 0–9 - _`, no
//! padding, so a URL never needs to escape it) of: the text's byte length as
//! a varint, an LZSS stream (a flag byte per eight items; an item is a
//! literal byte or a 12-bit distance and 4-bit length back into the output),
//! and an Adler-32 checksum of the text. The article's programs shrink to
//! about half; Go's repetition (`time.Millisecond`, `case <-`) is what LZSS
//! finds.
//!
//! [`decode`] is total: any string gives the text or a [`CodecError`],
//! never a panic, and never more than [`MAX_TEXT`] bytes of output.
//!
//! ```
//! use csp_playground::codec::{decode, encode};
//!
//! let src = "package main\n\nfunc main() { println(\"hi\") }\n";
//! let token = encode(src);
//! assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
//! assert_eq!(decode(&token).as_deref(), Ok(src));
//! assert!(decode("1garbage").is_err());
//! ```

use std::fmt;

/// The longest text a token may hold (the decoder refuses more, whatever
/// the token claims).
pub const MAX_TEXT: usize = 64 * 1024;

const VERSION: u8 = b'1';
const WINDOW: usize = 4096;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = MIN_MATCH + 15;
/// What Go programs say most, as if already written before the text: a
/// match may point into it, so even a short program compresses. Changing
/// it changes every token, so it belongs to the version letter.
const DICTIONARY: &[u8] = b"package main\n\nimport (\n\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n\t\"math/rand\"\n\t\"strings\"\n\t\"sync\"\n\t\"time\"\n)\n\n\
func main() {\n\tfmt.Println(\"\")\n\tfmt.Printf(\"%d %s %v\\n\", \n}\n\
\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t}()\n\twg.Wait()\n\
\tdone := make(chan struct{})\n\tch := make(chan int)\n\tres := make(chan string, 1)\n\
\tfor i := 0; i < 3; i++ {\n\t\tselect {\n\t\tcase <-done:\n\t\t\treturn\n\t\tcase <-time.After(\n\t\tdefault:\n\t\t}\n\t}\n\
\tctx, cancel := context.WithTimeout(context.Background(), \n\tdefer cancel()\n\t\tcase <-ctx.Done():\n\t\t\tfmt.Println(ctx.Err())\n\
\ttime.Sleep(100 * time.Millisecond)\n\tmu sync.Mutex\n\tmu.Lock()\n\tdefer mu.Unlock()\n\
\tfor v := range ch {\n\tclose(ch)\n\treturn nil\n\tif err != nil {\n\t\treturn err\n\t}\n// Output:\n// ";

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a token could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// Not a token this version writes (empty, or another version letter).
    Version,
    /// A character outside base64url, or a length base64 cannot have.
    Characters,
    /// The token ends before the text does, or holds more than it says.
    Truncated,
    /// The text would be longer than [`MAX_TEXT`].
    TooLong,
    /// The checksum does not match: the link was changed or cut.
    Checksum,
    /// The bytes are not UTF-8 text.
    NotText,
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self {
            CodecError::Version => "it is not a code token this page writes",
            CodecError::Characters => "it has characters a code token never has",
            CodecError::Truncated => "it is cut short",
            CodecError::TooLong => "it would be longer than 64 KB",
            CodecError::Checksum => "its checksum does not match",
            CodecError::NotText => "it is not text",
        };
        write!(f, "the code in the link is damaged ({why})")
    }
}

impl std::error::Error for CodecError {}

/// `text` as a token.
pub fn encode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 2 + 16);
    let mut n = bytes.len();
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
    let mut history = Vec::with_capacity(DICTIONARY.len() + bytes.len());
    history.extend_from_slice(DICTIONARY);
    history.extend_from_slice(bytes);
    compress(&history, DICTIONARY.len(), &mut out);
    out.extend_from_slice(&adler32(bytes).to_be_bytes());
    let mut token = String::with_capacity(out.len() * 4 / 3 + 2);
    token.push(VERSION as char);
    base64(&out, &mut token);
    token
}

/// The text in `token`, or why there is none.
pub fn decode(token: &str) -> Result<String, CodecError> {
    let rest = token.strip_prefix(VERSION as char).ok_or(CodecError::Version)?;
    // Base64 of at most the largest stream a MAX_TEXT text compresses to.
    if rest.len() > (MAX_TEXT + MAX_TEXT / 8 + 16) * 4 / 3 + 4 {
        return Err(CodecError::TooLong);
    }
    let data = unbase64(rest)?;
    let mut at = 0;
    let mut len: usize = 0;
    for shift in (0..).step_by(7) {
        let b = *data.get(at).ok_or(CodecError::Truncated)?;
        at += 1;
        if shift > 21 {
            return Err(CodecError::TooLong);
        }
        len |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
    }
    if len > MAX_TEXT {
        return Err(CodecError::TooLong);
    }
    let body = data.get(at..data.len().checked_sub(4).ok_or(CodecError::Truncated)?);
    let body = body.ok_or(CodecError::Truncated)?;
    let text = decompress(body, len)?;
    let sum = &data[data.len() - 4..];
    if adler32(&text).to_be_bytes() != sum {
        return Err(CodecError::Checksum);
    }
    String::from_utf8(text).map_err(|_| CodecError::NotText)
}

/// LZSS of `input[start..]` (what comes before is history a match may
/// reach into) with a greedy longest match, found through a hash of the next
/// three bytes chained to earlier positions with the same hash.
fn compress(input: &[u8], start: usize, out: &mut Vec<u8>) {
    const HASH: usize = 1 << 12;
    let hash = |i: usize| {
        let v = u32::from(input[i]) << 16 | u32::from(input[i + 1]) << 8 | u32::from(input[i + 2]);
        (v.wrapping_mul(2_654_435_761) >> 20) as usize & (HASH - 1)
    };
    let mut head = vec![usize::MAX; HASH];
    let mut prev = vec![usize::MAX; input.len()];
    let insert = |i: usize, head: &mut [usize], prev: &mut [usize]| {
        if i + MIN_MATCH <= input.len() {
            let h = hash(i);
            prev[i] = head[h];
            head[h] = i;
        }
    };
    for k in 0..start {
        insert(k, &mut head, &mut prev);
    }
    let mut i = start;
    // The first item opens the first flag byte: an empty text has none.
    let (mut flags_at, mut item) = (0, 8);
    while i < input.len() {
        if item == 8 {
            flags_at = out.len();
            out.push(0);
            item = 0;
        }
        let mut best = (0, 0);
        if i + MIN_MATCH <= input.len() {
            let mut j = head[hash(i)];
            let mut tries = 0;
            while j != usize::MAX && i - j <= WINDOW && tries < 64 {
                let max = MAX_MATCH.min(input.len() - i);
                let l = (0..max).take_while(|&k| input[j + k] == input[i + k]).count();
                if l > best.0 {
                    best = (l, i - j);
                }
                j = prev[j];
                tries += 1;
            }
        }
        if best.0 >= MIN_MATCH {
            let (l, d) = best;
            out[flags_at] |= 1 << item;
            let v = ((d - 1) << 4 | (l - MIN_MATCH)) as u16;
            out.extend_from_slice(&v.to_be_bytes());
            for k in i..i + l {
                insert(k, &mut head, &mut prev);
            }
            i += l;
        } else {
            out.push(input[i]);
            insert(i, &mut head, &mut prev);
            i += 1;
        }
        item += 1;
    }
}

/// The `len` bytes `data` holds, after the dictionary (which it may
/// reach into).
fn decompress(data: &[u8], len: usize) -> Result<Vec<u8>, CodecError> {
    let len = DICTIONARY.len() + len;
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(DICTIONARY);
    let mut at = 0;
    while out.len() < len {
        let flags = *data.get(at).ok_or(CodecError::Truncated)?;
        at += 1;
        for item in 0..8 {
            if out.len() == len {
                break;
            }
            if flags & (1 << item) == 0 {
                out.push(*data.get(at).ok_or(CodecError::Truncated)?);
                at += 1;
            } else {
                let v = data.get(at..at + 2).ok_or(CodecError::Truncated)?;
                at += 2;
                let v = usize::from(u16::from_be_bytes([v[0], v[1]]));
                let (d, l) = ((v >> 4) + 1, (v & 15) + MIN_MATCH);
                if d > out.len() || out.len() + l > len {
                    return Err(CodecError::Checksum);
                }
                let from = out.len() - d;
                for k in 0..l {
                    out.push(out[from + k]);
                }
            }
        }
    }
    if at != data.len() {
        return Err(CodecError::Truncated);
    }
    Ok(out.split_off(DICTIONARY.len()))
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    b << 16 | a
}

fn base64(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let v = chunk
            .iter()
            .enumerate()
            .fold(0u32, |v, (i, &b)| v | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(v >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
}

fn unbase64(text: &str) -> Result<Vec<u8>, CodecError> {
    let sextet = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut v = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            v |= sextet(c).ok_or(CodecError::Characters)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((v >> (16 - 8 * i)) as u8);
        }
    }
    // No whole number of bytes is one character past a group of four: a
    // token of that length, all of whose characters are a token's, was
    // cut short (a link cut at its end).
    if bytes.len() % 4 == 1 {
        return Err(CodecError::Truncated);
    }
    Ok(out)
}
