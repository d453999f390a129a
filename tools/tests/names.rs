//! The check for names nobody marked, measured on the test set (`common`: a long opinion piece, a
//! news brief, a Spanish news piece, a long feature), whose hand-made annotations are the
//! reference: each comes
//! out clean, every mention taken out of the annotation is reported where it stands, and a strict
//! article with a name left unmarked does not build.

mod common;

use article_model::MentionId;
use article_tools::site;

use common::content;

#[test]
fn every_article_of_the_site_has_every_name_marked() {
    let locales = common::locales();
    for (content, slug) in common::test_set() {
        let doc = site::compile_article(&content, &slug, &locales)
            .unwrap_or_else(|e| panic!("{slug}: {e:#?}"));
        assert!(
            doc.settings.strict,
            "{slug}: the test set's articles are strict"
        );
        let unmarked = site::unmarked_names(&content, &slug, &doc, &locales);
        assert!(unmarked.is_empty(), "{slug}: {unmarked:#?}");
    }
}

/// Each mention of the reference annotation, unmarked alone: the check must name the text where
/// it stood.
#[test]
fn every_mention_taken_out_is_reported_where_it_stands() {
    let locales = common::locales();
    let mut report = Vec::new();
    for (content, slug) in common::test_set() {
        let doc = site::compile_article(&content, &slug, &locales).unwrap();
        let mut missed = Vec::new();
        // Names as the text writes them: a lowercase demonym ("velmirense", as Spanish writes
        // them) looks like any other word, and only its form in actors.toml marks it.
        let (mut total, mut lowercase) = (0, 0);
        for m in 0..doc.story.mentions.len() {
            let m = m as MentionId;
            let mut without = doc.clone();
            let block = usize::from(doc.mention_blocks[usize::from(m)]);
            let mut text = String::new();
            let segments = if block == 0 {
                &mut without.title.segments
            } else {
                &mut without.paragraphs[block - 1].segments
            };
            for seg in segments.iter_mut().filter(|s| s.mention == Some(m)) {
                seg.mention = None;
                text = seg.text.clone();
            }
            if !text.starts_with(char::is_uppercase) {
                lowercase += 1;
                continue;
            }
            total += 1;
            let found = site::unmarked_names(&content, &slug, &without, &locales);
            // Reported as itself, or as the part of it that is a name ("French" of "French
            // mining company").
            let reported = |e: &article_model::source::ContentError| {
                let r = e.message.split('"').nth(1).unwrap_or("");
                !r.is_empty() && (text.contains(r) || r.contains(text.trim_end_matches("’s")))
            };
            if !found.iter().any(reported) {
                missed.push(text);
            }
        }
        report.push(format!(
            "{slug}: {} of {total} capitalised mentions taken out were reported ({lowercase} lowercase, not counted)",
            total - missed.len()
        ));
        assert!(
            missed.is_empty(),
            "{slug}: mentions taken out and not reported: {missed:?}"
        );
    }
    println!("{}", report.join("\n"));
}

#[test]
fn a_strict_article_with_a_name_left_unmarked_does_not_build() {
    let scratch = std::env::temp_dir().join(format!("rig-names-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let dir = scratch.join("river-compact");
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(content().join("river-compact"))
        .unwrap()
        .filter_map(Result::ok)
    {
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    let article = dir.join("article.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        format!(
            "{}\n\nObservers from Kestland and the Tarn Council watched.\n",
            text.trim_end()
        ),
    )
    .unwrap();
    let line = text.trim_end().lines().count() + 2;
    let locales = common::locales();
    let errors = site::compile_article(&scratch, "river-compact", &locales).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let at = format!("{}:{line}:", article.display());
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with(&at) && m.contains("\"Kestland\" is not marked")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"Tarn Council\" is not marked")),
        "{messages:#?}"
    );
    // Without `strict`, the same names are warnings and the article builds.
    let settings = dir.join("article.toml");
    let toml = std::fs::read_to_string(&settings)
        .unwrap()
        .replace("strict = true", "strict = false");
    std::fs::write(&settings, toml).unwrap();
    let doc = site::compile_article(&scratch, "river-compact", &locales).unwrap();
    assert_eq!(
        site::unmarked_names(&scratch, "river-compact", &doc, &locales).len(),
        2
    );
    let _ = std::fs::remove_dir_all(&scratch);
}
