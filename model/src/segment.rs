//! Finding mentions in text: every occurrence of every surface form, whole words only, the longest
//! form winning where two start at the same place, a possessive ’s kept with the name, and spans an
//! editor pinned by hand taking precedence over the forms.

use std::ops::Range;

/// A surface form and the actor it stands for (`T` is whatever the caller uses to name actors).
#[derive(Debug, Clone)]
pub struct Form<'a, T> {
    pub text: &'a str,
    pub actor: T,
}

/// A span of text that names `actor`, or that an editor pinned as "not a mention" (`actor: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<T> {
    pub range: Range<usize>,
    pub actor: Option<T>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `range` in `text` starts and ends at word boundaries.
pub fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.clone()].chars().next();
    let last = text[range.clone()].chars().next_back();
    let starts_clean = !(before.is_some_and(is_word_char) && first.is_some_and(is_word_char));
    let ends_clean = !(after.is_some_and(is_word_char) && last.is_some_and(is_word_char));
    starts_clean && ends_clean
}

/// Length of a possessive suffix ("’s" or "'s") standing at `at`, if one ends a word there.
fn possessive_len(text: &str, at: usize) -> usize {
    for suffix in ["’s", "'s"] {
        if text[at..].starts_with(suffix) {
            let end = at + suffix.len();
            if !text[end..].chars().next().is_some_and(is_word_char) {
                return suffix.len();
            }
        }
    }
    0
}

/// Every mention in `text`: the pinned spans as given, then, outside them, each whole-word
/// occurrence of a form, scanning left to right and taking the longest form at each position.
/// The result is sorted and never overlaps, provided `pinned` does not overlap itself.
pub fn find_mentions<T: Clone>(
    text: &str,
    forms: &[Form<'_, T>],
    pinned: &[Span<T>],
) -> Vec<Span<T>> {
    let mut by_length: Vec<&Form<'_, T>> = forms.iter().filter(|f| !f.text.is_empty()).collect();
    by_length.sort_by_key(|f| std::cmp::Reverse(f.text.len()));

    let mut pinned_sorted: Vec<&Span<T>> = pinned.iter().collect();
    pinned_sorted.sort_by_key(|s| s.range.start);

    let mut found = Vec::new();
    let mut next_pin = pinned_sorted.into_iter().peekable();
    let mut at = 0;
    while at < text.len() {
        if let Some(pin) = next_pin.peek() {
            if pin.range.start <= at {
                found.push((*pin).clone());
                at = at.max(pin.range.end);
                next_pin.next();
                continue;
            }
        }
        let limit = next_pin.peek().map_or(text.len(), |p| p.range.start);
        let hit = by_length.iter().find_map(|form| {
            let end = at + form.text.len();
            (end <= limit && text[at..].starts_with(form.text) && is_whole_word(text, &(at..end)))
                .then_some((end, form))
        });
        match hit {
            Some((end, form)) => {
                let end = end + possessive_len(text, end).min(limit - end);
                found.push(Span {
                    range: at..end,
                    actor: Some(form.actor.clone()),
                });
                at = end;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found.retain(|s| s.actor.is_some());
    found
}

/// Cuts `text` into (range, actor) runs that cover it exactly once, in order: plain runs have no actor.
pub fn cut<T: Clone>(text: &str, mentions: &[Span<T>]) -> Vec<(Range<usize>, Option<T>)> {
    let mut runs = Vec::with_capacity(mentions.len() * 2 + 1);
    let mut at = 0;
    for span in mentions {
        if span.range.start > at {
            runs.push((at..span.range.start, None));
        }
        runs.push((span.range.clone(), span.actor.clone()));
        at = span.range.end;
    }
    if at < text.len() {
        runs.push((at..text.len(), None));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms() -> Vec<Form<'static, &'static str>> {
        vec![
            Form {
                text: "Milei",
                actor: "milei",
            },
            Form {
                text: "Argentine",
                actor: "argentina",
            },
            Form {
                text: "The Argentine president",
                actor: "milei",
            },
            Form {
                text: "U.S.",
                actor: "us",
            },
            Form {
                text: "China",
                actor: "china",
            },
            Form {
                text: "Zúñiga Macías",
                actor: "zuniga",
            },
        ]
    }

    fn named<'t>(text: &'t str, spans: &[Span<&str>]) -> Vec<(&'t str, String)> {
        spans
            .iter()
            .map(|s| (&text[s.range.clone()], s.actor.unwrap().to_string()))
            .collect()
    }

    #[test]
    fn marks_every_occurrence_not_only_the_first() {
        let text = "Milei spoke. Later Milei left, and Milei returned.";
        let found = find_mentions(text, &forms(), &[]);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|s| &text[s.range.clone()] == "Milei"));
    }

    #[test]
    fn longest_form_wins_at_the_same_start() {
        let text = "The Argentine president met an Argentine diplomat.";
        let found = find_mentions(text, &forms(), &[]);
        assert_eq!(
            named(text, &found),
            vec![
                ("The Argentine president", "milei".into()),
                ("Argentine", "argentina".into())
            ]
        );
    }

    #[test]
    fn whole_words_only() {
        let text = "Chinese firms and Chinatown are not China; Mileis is not Milei.";
        let found = find_mentions(text, &forms(), &[]);
        assert_eq!(
            named(text, &found),
            vec![("China", "china".into()), ("Milei", "milei".into())]
        );
    }

    #[test]
    fn possessive_stays_with_the_name_in_both_apostrophes() {
        let text = "Milei’s office and Milei's party; Milei’sx keeps only the name.";
        let found = find_mentions(text, &forms(), &[]);
        assert_eq!(
            named(text, &found),
            vec![
                ("Milei’s", "milei".into()),
                ("Milei's", "milei".into()),
                ("Milei", "milei".into())
            ]
        );
    }

    #[test]
    fn forms_with_punctuation_and_accents_match() {
        let text = "“U.S. interests” and General Zúñiga Macías, then-U.S. policy.";
        let found = find_mentions(text, &forms(), &[]);
        assert_eq!(
            named(text, &found),
            vec![
                ("U.S.", "us".into()),
                ("Zúñiga Macías", "zuniga".into()),
                ("U.S.", "us".into())
            ]
        );
    }

    #[test]
    fn pinned_spans_override_forms_and_can_suppress_them() {
        let text = "Milei and China met Milei.";
        let pinned = vec![
            Span {
                range: 0..5,
                actor: None,
            },
            Span {
                range: 10..15,
                actor: Some("prc"),
            },
        ];
        let found = find_mentions(text, &forms(), &pinned);
        assert_eq!(
            named(text, &found),
            vec![("China", "prc".into()), ("Milei", "milei".into())]
        );
    }

    #[test]
    fn a_possessive_stops_where_a_pinned_span_starts() {
        // "’s" (four bytes) pinned to no actor right after the form: the mention is the form alone.
        let text = "Milei’s plan";
        let pinned = vec![Span {
            range: 5..9,
            actor: Some("other"),
        }];
        let found = find_mentions(text, &forms(), &pinned);
        assert_eq!(
            found,
            vec![
                Span {
                    range: 0..5,
                    actor: Some("milei")
                },
                Span {
                    range: 5..9,
                    actor: Some("other")
                }
            ]
        );
    }

    #[test]
    fn a_form_cannot_run_into_a_pinned_span() {
        let forms = vec![Form {
            text: "North Korea",
            actor: "nk",
        }];
        let pinned = vec![Span {
            range: 6..11,
            actor: Some("korea"),
        }];
        let found = find_mentions("North Korea", &forms, &pinned);
        assert_eq!(
            found,
            vec![Span {
                range: 6..11,
                actor: Some("korea")
            }]
        );
    }

    #[test]
    fn cut_covers_the_text_exactly_once() {
        let text = "The Argentine president and China.";
        let found = find_mentions(text, &forms(), &[]);
        let runs = cut(text, &found);
        let rebuilt: String = runs.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(rebuilt, text);
        assert_eq!(runs.iter().filter(|(_, a)| a.is_some()).count(), 2);
        assert!(runs.windows(2).all(|w| w[0].0.end == w[1].0.start));
    }

    #[test]
    fn empty_text_and_no_forms() {
        assert!(find_mentions::<&str>("", &forms(), &[]).is_empty());
        assert!(find_mentions::<&str>("Milei", &[], &[]).is_empty());
        assert!(cut::<&str>("", &[]).is_empty());
    }
}
