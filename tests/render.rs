//! The app rendered to HTML natively (Yew's server renderer), as a reader's browser would receive
//! it once prerendering lands: the article verbatim, every mention marked, cards that say the right
//! things. Runs against whatever content folder the build used (`ARTICLE_CONTENT_DIR`), which is how
//! the second, tiny article proves the app needs no code changes for new content.
#![cfg(feature = "ssr")]

mod support;

use article_model::interaction::Input;
use explorable_article::app::Anchor;
use explorable_article::components::hover_card::{HoverCard, HoverCardProps};
use explorable_article::{content::DOCUMENT, App, AppProps, DocRef};
use support::{assert_verbatim, inner_of, source_blocks, text_of};
use yew::{Callback, LocalServerRenderer};

fn render_app() -> String {
    futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(AppProps {
            doc: DocRef(&DOCUMENT),
        })
        .render(),
    )
}

fn render_card(mention: u16) -> String {
    let props = HoverCardProps {
        doc: DocRef(&DOCUMENT),
        anchor: Anchor::Mention(mention),
        on_input: Callback::from(|_: Input<Anchor>| ()),
        on_action: Callback::noop(),
    };
    futures::executor::block_on(LocalServerRenderer::<HoverCard>::with_props(props).render())
}

#[test]
fn headline_and_paragraphs_are_verbatim() {
    assert_verbatim(&render_app());
}

#[test]
fn semantic_structure() {
    let html = render_app();
    for landmark in ["<main", "<article", "<header", "<h1"] {
        assert_eq!(html.matches(landmark).count(), 1, "{landmark}");
    }
}

#[test]
fn every_mention_is_marked_and_closed() {
    let html = render_app();
    assert_eq!(
        html.matches("class=\"xa-mention").count(),
        DOCUMENT.mentions.len()
    );
    for (index, mention) in DOCUMENT.mentions.iter().enumerate() {
        let actor = &DOCUMENT.actors[mention.actor as usize];
        let id = format!("id=\"xa-m-{index}\"");
        let at = html
            .find(&id)
            .unwrap_or_else(|| panic!("mention {index} is rendered"));
        let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
        assert!(tag.starts_with("<a"), "{tag}");
        assert!(
            tag.contains(&format!("href=\"#actor={}\"", actor.id)),
            "{tag}"
        );
        assert!(
            tag.contains(&format!("xa-kind-{}", actor.kind.key())),
            "{tag}"
        );
        assert!(tag.contains("aria-expanded=\"false\""), "{tag}");
        assert!(tag.contains("aria-haspopup=\"dialog\""), "{tag}");
        assert!(
            !tag.contains("aria-controls"),
            "no reference to a card that is not there: {tag}"
        );
    }
    assert!(
        !html.contains("role=\"dialog\""),
        "no card is open before the reader asks"
    );
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render_app(), render_app());
}

#[test]
fn card_tells_who_the_actor_is_in_this_story() {
    for actor in DOCUMENT.actors {
        let mention = *actor.mentions.last().unwrap();
        let html = render_card(mention);
        let text = text_of(&html);
        assert!(html.contains("role=\"dialog\""));
        assert!(html.contains("aria-labelledby=\"xa-card-name\""));
        assert!(text.contains(actor.name), "{text}");
        assert!(text.contains(actor.role), "{text}");
        assert!(text.contains(actor.description), "{text}");
        assert!(text.contains(actor.kind.label()), "{text}");
        assert!(html.contains("aria-label=\"Close card\""));
        let count = actor.mentions.len();
        if count == 1 {
            assert!(text.contains("Named once in this article"), "{text}");
            assert!(!html.contains("Next mention"), "nothing to step through");
        } else {
            assert!(
                text.contains(&format!("Named {count} times in this article")),
                "{text}"
            );
            assert!(
                text.contains(&format!("{count} of {count}")),
                "the last mention is shown as last: {text}"
            );
            assert!(
                html.contains("aria-label=\"Previous mention\"")
                    && html.contains("aria-label=\"Next mention\"")
            );
        }
    }
}

#[test]
fn relations_table_quotes_every_relation_verbatim() {
    let html = render_app();
    let rows = inner_of(&html, "<tr class=\"xa-rel-", "</tr>");
    assert_eq!(rows.len(), DOCUMENT.relations.len());
    for (row, r) in rows.iter().zip(DOCUMENT.relations) {
        let text = text_of(row);
        assert!(text.contains(r.quote), "{text}");
        assert!(text.contains(r.label), "{text}");
        assert!(
            row.contains(&format!("href=\"#xa-s-{}\"", r.sentences.0)),
            "{row}"
        );
    }
    let source = source_blocks().join("\n");
    assert!(
        DOCUMENT.relations.iter().all(|r| source.contains(r.quote)),
        "quotes are the article's words"
    );
}

#[test]
fn graph_has_a_line_per_relation_and_its_size_before_the_app_runs() {
    let html = render_app();
    if DOCUMENT.relations.is_empty() {
        assert!(!html.contains("<svg"), "no graph without relations");
        return;
    }
    for (tag, layout) in [("w", &DOCUMENT.graph.wide), ("c", &DOCUMENT.graph.compact)] {
        for r in 0..DOCUMENT.relations.len() {
            assert!(
                html.contains(&format!("id=\"xa-e-{tag}-{r}\"")),
                "edge {r} in layout {tag}"
            );
        }
        for n in layout.nodes {
            assert!(html.contains(&format!("id=\"xa-n-{tag}-{}\"", n.actor)));
        }
        let size = format!("width=\"{}\" height=\"{}\"", layout.width, layout.height);
        assert!(html.contains(&size), "{size}");
    }
    assert!(
        html.contains("as this opinion article states them"),
        "the graph says whose claims these are"
    );
}

#[test]
fn every_sentence_is_addressable() {
    let html = render_app();
    let last = DOCUMENT
        .paragraphs
        .last()
        .unwrap()
        .segments
        .last()
        .unwrap()
        .sentence;
    for s in 0..=last {
        assert!(html.contains(&format!("id=\"xa-s-{s}\"")), "sentence {s}");
    }
}

/// Every button in the card names an action the card's one click listener understands.
#[test]
fn card_buttons_name_actions_the_card_understands() {
    use explorable_article::components::hover_card::CardAction;
    for (m, mention) in DOCUMENT.mentions.iter().enumerate() {
        let html = render_card(m as u16);
        let mut buttons = 0;
        for tag in html.split("<button").skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            let attr = |name: &str| {
                let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
                Some(tag[at..at + tag[at..].find('"')?].to_string())
            };
            let act =
                attr("data-act").unwrap_or_else(|| panic!("a card button without data-act: {tag}"));
            let parsed = CardAction::parse(&act, attr("data-rel").as_deref(), mention.actor);
            assert!(parsed.is_some(), "card button {tag} names no action");
            buttons += 1;
        }
        assert!(
            buttons >= 2,
            "the card has at least close and cards-off buttons"
        );
    }
}
