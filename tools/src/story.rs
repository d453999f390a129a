//! The story as the page carries it: [`STORY_FORMAT`], then the story in postcard's format, written
//! as text inside a `<script type="text/plain">` at the end of the page.
//!
//! Why postcard (README, "The story"): measured against serde_json and serde-wasm-bindgen for this
//! article, its decoder adds about 3 KB of brotli to the wasm, theirs about 30 KB and 25 KB, for
//! nearly the same bytes on the wire. Why in the page rather than beside it: one request fewer, and
//! the story's quotes and names then compress against the page's own copy of them (about 600 bytes
//! less for this article).
//!
//! Written by hand because no crate does this: bytes pass as they are where they are printable
//! ASCII or a whole UTF-8 character (the story's text, most of it), and every other byte, and `%`
//! and `<` (which could close the script), is `%` and two hex digits. `web/boot.js` reads it back.

use article_model::{Story, STORY_FORMAT};

/// The story's bytes as the runtime reads them.
pub fn bytes(story: &Story) -> Result<Vec<u8>, String> {
    let mut out = vec![STORY_FORMAT];
    out.extend(postcard::to_allocvec(story).map_err(|e| format!("the story: {e}"))?);
    Ok(out)
}

/// `bytes` as text that can stand inside a `<script>` element unchanged by the HTML parser.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let width = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if width > 1 {
            if let Some(c) = bytes
                .get(at..at + width)
                .and_then(|s| std::str::from_utf8(s).ok())
            {
                out.push_str(c);
                at += width;
                continue;
            }
        }
        if (0x20..0x7f).contains(&b) && b != b'%' && b != b'<' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
        at += 1;
    }
    out
}

/// What [`encode`] wrote, back as bytes (the test of `web/boot.js`'s reading, in Rust).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut parts = text.split('%');
    let mut out = parts.next()?.as_bytes().to_vec();
    for part in parts {
        let hex = part.get(..2)?;
        out.push(u8::from_str_radix(hex, 16).ok()?);
        out.extend(part.get(2..)?.as_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_survives_and_the_text_is_safe_in_a_script() {
        let mut all: Vec<u8> = (0..=255).collect();
        all.extend("Zúñiga “Lula” 日本 🎉 </script> <!-- %41 \r\n\0".as_bytes());
        let text = encode(&all);
        assert_eq!(decode(&text).as_deref(), Some(all.as_slice()));
        assert!(!text.contains('<'), "nothing can close the script");
        assert!(
            !text.chars().any(|c| c.is_control()),
            "no byte the HTML parser would change"
        );
        assert!(
            text.contains("Zúñiga “Lula” 日本 🎉"),
            "text stays text: {text}"
        );
    }

    #[test]
    fn broken_text_does_not_decode() {
        assert_eq!(decode("%4"), None);
        assert_eq!(decode("%zz"), None);
    }
}
