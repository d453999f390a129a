//! A first `actors.toml` drafted from an article's text alone (`rig new SLUG TEXT`): the names the
//! check for unmarked names finds (`article_model::source::coverage::names_in`), grouped into
//! actors. Countries by the `keshvar` crate (name and demonym are one actor: "Bolivian" and
//! "Bolivia"), organisations and companies by their acronyms and the words their names carry
//! ("Union", "Bank", "Partido"…), people by the rest of the multi-word names, each later short form
//! ("Arce", "Milei’s") joined to the one name that holds it. Nothing is invented: each actor's
//! `role` and `description` are TODOs the build refuses until an editor writes them, and every
//! sentence that names two drafted actors is offered as a commented relation to fill in.

use std::collections::BTreeMap;

use article_model::source::coverage;

use crate::names;

/// Words an organisation's name carries, in the languages the rig ships. Written here: no crate
/// classifies names.
const ORGANISATION: &[&str] = &[
    "Union",
    "Community",
    "Council",
    "Commission",
    "Authority",
    "Party",
    "Parliament",
    "Ministry",
    "Bank",
    "Assembly",
    "Court",
    "Agency",
    "Organization",
    "Organisation",
    "Fund",
    "Forum",
    "Alliance",
    "Army",
    "Unión",
    "Comunidad",
    "Consejo",
    "Comisión",
    "Autoridad",
    "Partido",
    "Parlamento",
    "Ministerio",
    "Banco",
    "Asamblea",
    "Tribunal",
    "Agencia",
    "Organización",
    "Fondo",
    "Alianza",
    "Ejército",
    "Institute",
    "Cooperative",
    "Association",
    "Federation",
    "Foundation",
    "Committee",
    "Instituto",
    "Cooperativa",
    "Asociación",
    "Federación",
    "Fundación",
];
/// Articles before a name, not part of it ("The United States"). Written here, as the above.
const ARTICLES: &[&str] = &["The", "A", "An", "El", "La", "Los", "Las", "Un", "Una"];
/// Words that start a sentence before a name and are never part of one ("Her Borvanian…").
const DETERMINERS: &[&str] = &[
    "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "Este", "Esta", "Estos",
    "Estas", "Su", "Sus",
];
/// Words a company's name carries.
const COMPANY: &[&str] = &[
    "Company",
    "Group",
    "Holding",
    "Holdings",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Sons",
    "Hermanos",
    "Compañía",
    "Grupo",
    "Empresa",
    "Foods",
    "Industries",
    "Airlines",
];
/// What the text says a name is, in an apposition after it ("Blue Meridian, a conservation group
/// based in…", "Halden Verft, a yard near Bergen"): the noun within its first few words. Written
/// here, as the above.
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "maker",
    "producer",
    "manufacturer",
    "yard",
    "shipyard",
    "processor",
    "buyer",
    "supplier",
    "retailer",
    "carrier",
    "operator",
    "empresa",
    "compañía",
    "firma",
    "fabricante",
    "productora",
    "naviera",
];
const ORGANISATION_NOUNS: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "union",
    "body",
    "agency",
    "institute",
    "party",
    "association",
    "coalition",
    "alliance",
    "charity",
    "cooperative",
    "council",
    "bank",
    "organización",
    "grupo",
    "sindicato",
    "partido",
    "cooperativa",
    "asociación",
    "banco",
];
/// Particles before the name a longer one ends with ("Bank of Ostrania"): a word after one is
/// that other name, never the longer one's short form.
const PARTICLES: &[&str] = &["of", "de", "del", "da", "do", "dos", "das"];

/// One drafted actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// Every form as the text writes it, longest first.
    pub forms: Vec<String>,
    pub mentions: usize,
    /// Forms an editor should look at where they stand, with why, and up to two of their contexts
    /// (ready to become overrides in mentions.toml).
    pub checks: Vec<(String, &'static str, Vec<String>)>,
}

/// The draft: the actors, and the sentences that name two or more of them.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub actors: Vec<Actor>,
    /// `(sentence, ids of the actors it names)`.
    pub candidates: Vec<(String, Vec<String>)>,
}

fn id_of(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let parts: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("-")
}

/// Drafts the actors of `text` (an article.txt), in `language`, whose titles are `titles`.
pub fn draft(text: &str, language: &str, titles: &[String]) -> Draft {
    let blocks: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let found = coverage::names_in(&blocks, &|w| names::is_known(language, w), titles);

    // Each found name, without the titles before it.
    let strip_titles = |mut t: &str| -> String {
        loop {
            let Some(title) = titles
                .iter()
                .find(|ti| t.starts_with(ti.as_str()) && t[ti.len()..].starts_with(' '))
            else {
                return t.to_string();
            };
            t = &t[title.len() + 1..];
        }
    };
    // key → (name, kind, forms with counts)
    let mut groups: BTreeMap<String, (String, &'static str, BTreeMap<String, usize>)> =
        BTreeMap::new();
    let mut at: Vec<(usize, usize, String)> = Vec::new();
    let mut singles: Vec<(usize, usize, String)> = Vec::new();
    // Where each form of each group stands: (block, sentence).
    let mut seen: BTreeMap<(String, String), Vec<(usize, usize)>> = BTreeMap::new();
    // "X de Y", "X of Y" where the text also names Y alone: two names ("Partido Marinero de
    // Ostrania" is "Partido Marinero" and "Ostrania"), the head kept whole when it is one word
    // ("República de Calandra").
    let alone: std::collections::HashSet<&str> = found
        .iter()
        .map(|f| f.text.as_str())
        .filter(|t| !t.contains(' '))
        .collect();
    // The words the text writes in lowercase ("in", "despite").
    let lowercase: std::collections::HashSet<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    let mut forms_found: Vec<coverage::Found> = Vec::new();
    // The headline is left out: written in title case, it runs every word together, and its
    // names come again in the text.
    for f in found.iter().filter(|f| f.block > 0) {
        let mut push = |t: &str| {
            forms_found.push(coverage::Found {
                block: f.block,
                sentence: f.sentence,
                text: t.to_string(),
            })
        };
        let mut text = strip_titles(&f.text);
        // An article before a name of more than one word, or before a country ("The United
        // States"); not before a one-word name ("La Paz").
        if let Some((first, rest)) = text.split_once(' ') {
            if DETERMINERS.contains(&first)
                || ARTICLES.contains(&first)
                    && (rest.contains(' ') || names::country_of(language, rest).is_some())
            {
                text = rest.to_string();
            }
        }
        // A word that only starts the sentence, before a name the text writes without it ("In
        // Kestland", "Despite Milei"): the text writes it in lowercase elsewhere ("in"). Not
        // "Marta" of "Marta Ibarzo", nor "Krill" of "Krill Commission" (no "Commission" alone).
        if let Some((first, rest)) = text.split_once(' ') {
            let starts = sentence_of(blocks[f.block], f.sentence)
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(first);
            let named_alone =
                found.iter().any(|g| g.text == rest) || names::country_of(language, rest).is_some();
            if starts && named_alone && lowercase.contains(first.to_lowercase().as_str()) {
                text = rest.to_string();
            }
        }
        // A demonym or country before a title and a name: two names ("Bolivian President Luis
        // Arce" is Bolivia and Luis Arce).
        while let Some((first, rest)) = text.split_once(' ') {
            if names::country_of(language, first).is_none() {
                break;
            }
            push(first);
            text = strip_titles(rest);
        }
        let split = [" de ", " of ", " del "]
            .iter()
            .find_map(|p| text.rsplit_once(p))
            .filter(|(_, tail)| alone.contains(tail));
        match split {
            Some((head, tail)) if head.contains(' ') => {
                push(head);
                push(tail);
            }
            _ => push(&text),
        }
    }
    for f in &forms_found {
        let form = f.text.clone();
        if form.is_empty() || titles.contains(&form) {
            continue;
        }
        let words: Vec<&str> = form.split(' ').collect();
        let key = if let Some((code, name)) = names::country_of(language, &form) {
            groups
                .entry(format!("country:{code}"))
                .or_insert((name, "country", BTreeMap::new()));
            format!("country:{code}")
        } else if words.len() == 1 && !form.chars().any(char::is_lowercase) {
            groups
                .entry(form.clone())
                .or_insert((form.clone(), "organisation", BTreeMap::new()));
            form.clone()
        } else if words.len() == 1 {
            // Decided below, once every longer name is known.
            singles.push((f.block, f.sentence, form));
            continue;
        } else {
            let kind = if words.iter().any(|w| COMPANY.contains(w)) {
                "company"
            } else if words.iter().any(|w| ORGANISATION.contains(w)) {
                "organisation"
            } else {
                apposition(text, &form).unwrap_or("person")
            };
            groups
                .entry(form.clone())
                .or_insert((form.clone(), kind, BTreeMap::new()));
            form.clone()
        };
        seen.entry((key.clone(), form.clone()))
            .or_default()
            .push((f.block, f.sentence));
        *groups
            .get_mut(&key)
            .expect("inserted")
            .2
            .entry(form)
            .or_default() += 1;
        at.push((f.block, f.sentence, key));
    }
    // A single word: a later short form of the one longer name that holds it ("Arce", "Lula"),
    // else an actor of its own (a country the data does not know, an organisation, a surname).
    for (block, sentence, word) in singles {
        let holders: Vec<String> = groups
            .iter()
            .filter(|(_, (name, kind, _))| *kind != "country" && holds(name, &word))
            .map(|(k, _)| k.clone())
            .collect();
        let key = match holders.as_slice() {
            [one] => one.clone(),
            _ => {
                groups.entry(word.clone()).or_insert((
                    word.clone(),
                    apposition(text, &word).unwrap_or("organisation"),
                    BTreeMap::new(),
                ));
                word.clone()
            }
        };
        seen.entry((key.clone(), word.clone()))
            .or_default()
            .push((block, sentence));
        *groups
            .get_mut(&key)
            .expect("there")
            .2
            .entry(word)
            .or_default() += 1;
        at.push((block, sentence, key));
    }

    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut actors: Vec<Actor> = Vec::new();
    for (key, (name, kind, forms)) in &groups {
        let mut id = id_of(name);
        while ids.values().any(|v| *v == id) {
            id.push_str("-2");
        }
        ids.insert(key.clone(), id.clone());
        let mut forms: Vec<String> = forms.keys().cloned().collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        // Ambiguous forms: a demonym or other name of a country (its people, its government, its
        // capital?), and a short form joined to a longer name (the same one everywhere?).
        let checks = forms
            .iter()
            .filter(|f| *f != name)
            .filter_map(|f| {
                let why = if *kind == "country" {
                    "may name the country, its government or its people"
                } else if !f.contains(' ') {
                    "is a short form joined to this name: is it the same one everywhere?"
                } else {
                    return None;
                };
                let contexts = seen
                    .get(&(key.clone(), f.clone()))
                    .map(|at| {
                        at.iter()
                            .take(2)
                            .map(|&(b, sn)| context(blocks[b], sn, f))
                            .collect()
                    })
                    .unwrap_or_default();
                Some((f.clone(), why, contexts))
            })
            .collect();
        actors.push(Actor {
            id,
            name: name.clone(),
            kind,
            mentions: groups[key].2.values().sum(),
            forms,
            checks,
        });
    }
    // Most named first.
    actors.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));

    // The sentences that name two or more actors.
    let mut by_sentence: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for (block, sentence, key) in &at {
        let list = by_sentence.entry((*block, *sentence)).or_default();
        let id = ids[key].clone();
        if !list.contains(&id) {
            list.push(id);
        }
    }
    let candidates = by_sentence
        .into_iter()
        .filter(|(_, ids)| ids.len() >= 2)
        .map(|((block, sentence), ids)| {
            let ranges = article_model::sentence::sentences(blocks[block]);
            (
                blocks[block][ranges[sentence].clone()].trim().to_string(),
                ids,
            )
        })
        .collect();
    Draft { actors, candidates }
}

/// Sentence `sentence` of `block`.
fn sentence_of(block: &str, sentence: usize) -> &str {
    let ranges = article_model::sentence::sentences(block);
    ranges.get(sentence).map_or("", |r| &block[r.clone()])
}

/// `name` holds `word` as a word of its own, not after a particle ("Polaris" of "Polaris Krill",
/// not "Ostrania" of "Bank of Ostrania").
fn holds(name: &str, word: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    (0..words.len()).any(|i| words[i] == word && (i == 0 || !PARTICLES.contains(&words[i - 1])))
}

/// The kind an apposition after the first occurrence of `form` in `text` gives it: ", a
/// conservation group" → organisation, ", a Japanese company" → company; the noun within its
/// first four words.
fn apposition(text: &str, form: &str) -> Option<&'static str> {
    let (_, after) = text.split_once(&format!("{form}, "))?;
    let mut words = after.split([' ', ',', ';', '.']);
    let article = words.next()?;
    if !["a", "an", "the", "un", "una", "la", "el"].contains(&article) {
        return None;
    }
    words.take(4).find_map(|w| {
        if COMPANY_NOUNS.contains(&w) {
            Some("company")
        } else if ORGANISATION_NOUNS.contains(&w) {
            Some("organisation")
        } else {
            None
        }
    })
}

/// The words around `form` in sentence `sentence` of `block`, as an override's `context` takes
/// them: up to five words each side.
fn context(block: &str, sentence: usize, form: &str) -> String {
    let ranges = article_model::sentence::sentences(block);
    let text = block[ranges[sentence].clone()].trim();
    let Some(at) = text.find(form) else {
        return text.to_string();
    };
    let before: Vec<&str> = text[..at].split(' ').collect();
    let after: Vec<&str> = text[at + form.len()..].split(' ').collect();
    let start = before.len().saturating_sub(6);
    format!(
        "{}{form}{}",
        before[start..].join(" "),
        after[..after.len().min(6)].join(" ")
    )
}

/// A TOML basic string (JSON's escapes are TOML's).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// The drafted `actors.toml`.
pub fn actors_toml(draft: &Draft) -> String {
    let mut out = String::from(
        "# Drafted from the text by `rig new`: every name the text writes, grouped into actors. Check each:\n\
         # delete what is no actor of this story (or list it in `plain` in article.toml), merge what is\n\
         # one actor, check `kind`, and write `role` and `description` (facts you are sure of, as of the\n\
         # article's date): the build refuses an actor whose role or description is still TODO.\n",
    );
    for a in &draft.actors {
        out.push('\n');
        for (form, why, contexts) in &a.checks {
            out += &format!("# Check: {} {why}\n", quoted(form));
            for c in contexts {
                out += &format!("#   {}\n", quoted(c));
            }
        }
        out += &format!(
            "[[actor]]\nid = {}\nname = {}\nkind = {}   # guessed: person | country | organisation | company\nrole = \"TODO\"\ndescription = \"TODO\"\nforms = [{}]   # {} mention{} in the text\n",
            quoted(&a.id),
            quoted(&a.name),
            quoted(a.kind),
            a.forms.iter().map(|f| quoted(f)).collect::<Vec<_>>().join(", "),
            a.mentions,
            if a.mentions == 1 { "" } else { "s" },
        );
    }
    out
}

/// The relation candidates, as commented `[[relation]]` tables for `relations.toml`.
pub fn relation_candidates(draft: &Draft) -> String {
    let mut out = String::from(
        "\n# Drafted: each sentence below names two or more drafted actors. To make one a relation,\n\
         # uncomment it, choose its type and who does what to whom, and cut the quote to the words that\n\
         # say it (verbatim); the label says no more than the quote.\n",
    );
    for (sentence, ids) in &draft.candidates {
        out += &format!(
            "\n# [[relation]]\n# id = \"TODO\"\n# type = \"TODO\"\n# from = {}   # of: {}\n# to = {}\n# label = \"TODO\"\n# quote = {}\n",
            quoted(&ids[0]),
            ids.join(", "),
            quoted(&ids[1]),
            quoted(sentence),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, &'static str)> {
        draft(text, "en", &["Mayor".to_string()])
            .actors
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect()
    }

    #[test]
    fn an_apposition_says_what_a_name_is() {
        assert_eq!(
            apposition("Blue Meridian, a conservation group based", "Blue Meridian"),
            Some("organisation")
        );
        assert_eq!(
            apposition("Halden Verft, a yard near Bergen", "Halden Verft"),
            Some("company")
        );
        assert_eq!(
            apposition("Ada Quill, the harbour minister", "Ada Quill"),
            None
        );
        assert_eq!(apposition("Ada Quill said", "Ada Quill"), None);
        // The noun within the first four words only.
        assert_eq!(
            apposition("Ada Quill, a woman who once ran a company", "Ada Quill"),
            None
        );
        assert_eq!(
            kinds("H\n\nIt met Blue Meridian, a conservation group, and Tarn Vale, a firm.\n"),
            vec![
                ("Blue Meridian".to_string(), "organisation"),
                ("Tarn Vale".to_string(), "company")
            ]
        );
    }

    #[test]
    fn a_word_after_a_particle_is_no_short_form_of_the_longer_name() {
        assert!(holds("Polaris Krill", "Polaris") && holds("Tomas Brekke", "Brekke"));
        assert!(!holds("Bank of Ostrania", "Ostrania"));
        let names: Vec<String> = kinds("H\n\nIt met the Bank of Ostrania. It met Ostrania.\n")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, vec!["Bank of Ostrania", "Ostrania"]);
    }

    #[test]
    fn a_word_that_only_starts_the_sentence_is_left_out_of_the_name() {
        let names =
            |text: &str| -> Vec<String> { kinds(text).into_iter().map(|(n, _)| n).collect() };
        // "in" is a word the text writes; "Kestland" a name it writes alone.
        assert_eq!(
            names("H\n\nIn Kestland it rained in May. It met Kestland.\n"),
            vec!["Kestland"]
        );
        // Not when the text never writes the word in lowercase ("Marta"), nor when the rest is
        // no name of its own ("Commission").
        assert_eq!(
            names("H\n\nMarta Ibarzo spoke. It met Ibarzo.\n"),
            vec!["Marta Ibarzo"]
        );
        assert_eq!(
            names("H\n\nKrill Commission members met on krill.\n"),
            vec!["Krill Commission"]
        );
    }
}
