//! `article.txt`: the headline on the first line, then one paragraph per line; blank lines between
//! paragraphs are allowed and ignored. The text is kept byte for byte: it is rendered verbatim.

use super::{utf8, ContentError};

/// A headline or paragraph with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceBlock<'a> {
    pub line: usize,
    pub text: &'a str,
}

/// Splits the article into its headline and paragraphs, or says what is wrong with it.
pub fn parse_article<'a>(
    file: &str,
    bytes: &'a [u8],
) -> Result<Vec<SourceBlock<'a>>, Vec<ContentError>> {
    let text = utf8(file, bytes).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut blocks = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let line = index + 1;
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        if content.trim().is_empty() {
            if index == 0 && !text.trim().is_empty() {
                errors.push(ContentError::new(
                    file,
                    1,
                    "the first line is empty; expected the headline on line 1",
                ));
            }
            continue;
        }
        if content.trim() != content {
            errors.push(ContentError::new(
                file,
                line,
                "the line starts or ends with spaces; expected the text alone (it is rendered verbatim)",
            ));
        }
        if let Some(c) = content.chars().find(|c| c.is_control() && *c != '\t') {
            errors.push(ContentError::new(
                file,
                line,
                format!("control character U+{:04X}; expected plain text", c as u32),
            ));
        }
        blocks.push(SourceBlock {
            line,
            text: content,
        });
    }
    if text.trim().is_empty() {
        errors.push(ContentError::new(
            file,
            1,
            "the article is empty; expected the headline on line 1 and paragraphs after it",
        ));
    } else if blocks.len() < 2 {
        errors.push(ContentError::new(file, blocks[0].line, "the article has a headline but no paragraph; expected paragraphs on the lines after it"));
    }
    if errors.is_empty() {
        Ok(blocks)
    } else {
        Err(errors)
    }
}
