//! Splitting a paragraph into sentences, so a relation can point at the sentence that supports it.
//! A sentence ends after `.`, `?` or `!` (and any closing quotes) when whitespace and a capital,
//! a digit or an opening quote follow, except after common abbreviations such as "U.S.".

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "vs.", "e.g.",
    "i.e.", "etc.",
];
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')'];

/// The sentences of `text`, as ranges that cover it exactly once; the whitespace after a sentence
/// belongs to it.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '?' | '!') || CLOSERS.contains(&chars[j].1))
            {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts = k < chars.len()
                && k > j
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_ascii_digit()
                    || matches!(chars[k].1, '“' | '"' | '‘' | '('));
            // The word the mark ends: what follows the last space before it.
            let word = text[..at + c.len_utf8()]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or_default();
            let abbreviation = c == '.'
                && ABBREVIATIONS
                    .iter()
                    .any(|a| word.trim_start_matches(['“', '(', '"']).ends_with(a));
            if next_starts && !abbreviation {
                let end = chars[k].0;
                out.push(start..end);
                start = end;
            }
            // Past the marks and closers (`j` is beyond `i`).
            i = j;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn an_empty_text_has_no_sentence() {
        assert_eq!(sentences(""), Vec::<Range<usize>>::new());
    }

    #[test]
    fn splits_after_full_stops_questions_and_closing_quotes() {
        assert_eq!(
            split("To what effect? Milei said “freedom.” In recent days, he left. Then “Cuba.” Naturally."),
            vec!["To what effect? ", "Milei said “freedom.” ", "In recent days, he left. ", "Then “Cuba.” ", "Naturally."]
        );
    }

    #[test]
    fn abbreviations_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            split("The U.S. Senate met. Traditional U.S. allies, such as Peru."),
            vec![
                "The U.S. Senate met. ",
                "Traditional U.S. allies, such as Peru."
            ]
        );
        assert_eq!(
            split("It cost $870 million. 2024 was busy."),
            vec!["It cost $870 million. ", "2024 was busy."]
        );
        assert_eq!(split("a.b. c"), vec!["a.b. c"]);
    }

    #[test]
    fn covers_the_text_exactly_once() {
        for text in ["", "No end", "One. Two! Three? ", "Ends.”  Next", "…. A"] {
            let ranges = sentences(text);
            let rebuilt: String = ranges.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(rebuilt, text);
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        }
    }
}
