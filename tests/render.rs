//! The app rendered to HTML natively (Yew's server renderer), as the build tools render every
//! article's page: the article verbatim, every mention marked, cards that say the right things, in
//! the article's language. Runs against every article of `content/` and the model's tiny fixture,
//! which is how the rig proves the app needs no code changes for new content.
#![cfg(feature = "ssr")]

mod support;

use std::rc::Rc;

use article_model::flags::Flags;
use article_model::reader::{CardAction, Reader};
use article_model::view::View;
use article_model::{Anchor, Document};
use explorable_article::components::hover_card::{HoverCard, HoverCardProps};
use explorable_article::page::{Page, PageProps};
use explorable_article::{DocRef, StoryRef};
use support::{articles, assert_verbatim, inner_of, source_blocks, text_of};
use yew::LocalServerRenderer;

fn initial(doc: &Document) -> View {
    View::of(&doc.story, &Reader::new(&doc.story, Flags::default()))
}

fn render_page(doc: &Rc<Document>) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<Page>::with_props(PageProps {
            doc: DocRef(doc.clone()),
            view: initial(doc),
        })
        .render(),
    )
}

fn render_card(doc: &Document, anchor: Anchor) -> String {
    let props = HoverCardProps {
        story: StoryRef(Rc::new(doc.story.clone())),
        anchor,
        graph: true,
    };
    futures::executor::block_on(LocalServerRenderer::<HoverCard>::with_props(props).render())
}

#[test]
fn headline_and_paragraphs_are_verbatim() {
    for a in articles() {
        assert_verbatim(&render_page(&a.doc), &a.dir);
    }
}

#[test]
fn semantic_structure() {
    for a in articles() {
        let html = render_page(&a.doc);
        for landmark in ["<main", "<article", "<header", "<h1"] {
            assert_eq!(html.matches(landmark).count(), 1, "{landmark}");
        }
    }
}

#[test]
fn every_mention_is_marked_as_a_plain_link_until_the_browser_side_runs() {
    for a in articles() {
        let doc = &a.doc;
        let html = render_page(doc);
        assert_eq!(
            html.matches("class=\"xa-mention").count(),
            doc.story.mentions.len()
        );
        for index in 0..doc.story.mentions.len() {
            let actor = doc.actor_of(index as u16);
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
            // Without the browser side a name opens no card, and the page does not say it would
            // (the browser side adds aria-haspopup and aria-expanded when it takes over).
            assert!(
                !tag.contains("aria-expanded") && !tag.contains("aria-haspopup"),
                "{tag}"
            );
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
}

#[test]
fn rendering_is_deterministic() {
    for a in articles() {
        assert_eq!(render_page(&a.doc), render_page(&a.doc));
    }
}

#[test]
fn card_tells_who_the_actor_is_in_this_story() {
    for a in articles() {
        let doc = &a.doc;
        let story = &doc.story;
        let words = &story.words;
        for (i, actor) in story.actors.iter().enumerate() {
            let mentions = story.mentions_of(i as u16);
            let mention = *mentions.last().unwrap();
            let html = render_card(doc, Anchor::Mention(mention));
            let text = text_of(&html);
            assert!(html.contains("role=\"dialog\""));
            assert!(html.contains("aria-labelledby=\"xa-card-name\""));
            assert!(text.contains(&actor.name), "{text}");
            assert!(text.contains(&actor.role), "{text}");
            assert!(text.contains(&actor.description), "{text}");
            assert!(text.contains(words.kind(actor.kind)), "{text}");
            assert!(html.contains(&format!("aria-label=\"{}\"", words.close_card)));
            let count = mentions.len();
            assert!(text.contains(&words.count(&words.named, count)), "{text}");
            if count == 1 {
                assert!(
                    !html.contains(&words.next_mention),
                    "nothing to step through"
                );
            } else {
                assert!(
                    text.contains(&format!("{count} of {count}")) || doc.settings.language != "en",
                    "the last mention is shown as last: {text}"
                );
                assert!(
                    html.contains(&format!("aria-label=\"{}\"", words.previous_mention))
                        && html.contains(&format!("aria-label=\"{}\"", words.next_mention))
                );
            }
        }
    }
}

#[test]
fn the_english_card_reads_as_before() {
    let all = articles();
    let doc = &all
        .iter()
        .find(|a| a.dir.ends_with("milei-cold-war"))
        .expect("the article")
        .doc;
    let milei = doc.story.actor_by_id("milei").unwrap();
    let last = *doc.story.mentions_of(milei).last().unwrap();
    let n = doc.story.mentions_of(milei).len();
    let text = text_of(&render_card(doc, Anchor::Mention(last)));
    assert!(
        text.contains(&format!("Named {n} times in this article")),
        "{text}"
    );
    assert!(text.contains(&format!("{n} of {n}")), "{text}");
    assert!(text.contains("Person"), "{text}");
    let cuba = doc.story.actor_by_id("north-korea").unwrap();
    let once = doc.story.mentions_of(cuba)[0];
    assert!(
        text_of(&render_card(doc, Anchor::Mention(once))).contains("Named once in this article")
    );
}

#[test]
fn relations_table_quotes_every_relation_verbatim() {
    for a in articles() {
        let doc = &a.doc;
        let html = render_page(doc);
        let rows = inner_of(&html, "<tr class=\"xa-rel-", "</tr>");
        assert_eq!(rows.len(), doc.story.relations.len());
        for (row, r) in rows.iter().zip(&doc.story.relations) {
            let text = text_of(row);
            assert!(text.contains(&r.quote), "{text}");
            assert!(text.contains(&r.label), "{text}");
            assert!(
                row.contains(&format!("href=\"#xa-s-{}\"", r.sentences.0)),
                "{row}"
            );
        }
        let source = source_blocks(&a.dir).join("\n");
        assert!(
            doc.story
                .relations
                .iter()
                .all(|r| source.contains(&r.quote)),
            "quotes are the article's words"
        );
    }
}

#[test]
fn graph_has_a_line_per_relation_and_its_size_before_the_app_runs() {
    for a in articles() {
        let doc = &a.doc;
        let html = render_page(doc);
        if doc.story.relations.is_empty() {
            assert!(!html.contains("<svg"), "no graph without relations");
            continue;
        }
        for layout in article_model::Layout::ALL {
            let tag = layout.tag();
            for r in 0..doc.story.relations.len() {
                assert!(
                    html.contains(&format!("id=\"xa-e-{tag}-{r}\"")),
                    "edge {r} in layout {tag}"
                );
            }
            for n in doc.story.nodes(layout) {
                assert!(html.contains(&format!("id=\"xa-n-{tag}-{}\"", n.actor)));
            }
            let g = doc.graph.geometry(layout);
            let size = format!("width=\"{}\" height=\"{}\"", g.width, g.height);
            assert!(html.contains(&size), "{size}");
        }
        // The graph says whose claims these are, in the article's genre.
        assert!(
            html.contains(doc.page_words.graph_note(doc.settings.genre)),
            "the graph says whose claims these are"
        );
    }
    let all = articles();
    let milei = all
        .iter()
        .find(|a| a.dir.ends_with("milei-cold-war"))
        .unwrap();
    assert!(render_page(&milei.doc).contains("as this opinion article states them"));
    let sample = all
        .iter()
        .find(|a| a.dir.ends_with("river-compact"))
        .unwrap();
    let html = render_page(&sample.doc);
    assert!(
        html.contains("as this report states them"),
        "a news brief is no opinion article"
    );
    assert!(
        !html.to_lowercase().contains("opinion"),
        "no opinion kicker on a report"
    );
}

#[test]
fn every_sentence_is_addressable() {
    for a in articles() {
        let doc = &a.doc;
        let html = render_page(doc);
        let last = doc.paragraphs.last().unwrap().sentences().1;
        for s in 0..=last {
            assert!(html.contains(&format!("id=\"xa-s-{s}\"")), "sentence {s}");
        }
    }
}

#[test]
fn a_sample_says_it_is_one() {
    for a in articles() {
        let html = render_page(&a.doc);
        assert_eq!(
            html.contains(&a.doc.page_words.sample),
            a.doc.settings.sample,
            "{}",
            a.dir.display()
        );
    }
}

/// Every button in the card names an action the page's one click listener understands.
#[test]
fn card_buttons_name_actions_the_card_understands() {
    for a in articles() {
        let doc = &a.doc;
        for m in 0..doc.story.mentions.len() {
            let html = render_card(doc, Anchor::Mention(m as u16));
            let mut buttons = 0;
            for tag in html.split("<button").skip(1) {
                let tag = &tag[..tag.find('>').unwrap()];
                let attr = |name: &str| {
                    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
                    Some(tag[at..at + tag[at..].find('"')?].to_string())
                };
                let act = attr("data-act")
                    .unwrap_or_else(|| panic!("a card button without data-act: {tag}"));
                let parsed = CardAction::parse(&act, attr("data-rel").as_deref());
                assert!(parsed.is_some(), "card button {tag} names no action");
                buttons += 1;
            }
            assert!(
                buttons >= 2,
                "the card has at least close and cards-off buttons"
            );
        }
    }
}
