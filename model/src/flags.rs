//! Render flags: what a publisher sets in the page's address (`?theme=dark&graph=0`) to fit the
//! article into their page. They are reader state like any other: the reader's state machine takes
//! them at start (`cards=0` disables every card, wherever it would open). `web/boot.js` applies
//! the same flags to `<html>` before the first paint, for the styles alone.

/// The colour scheme a publisher pins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// The flags of one page load. Unknown flags and values are ignored; the default stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub theme: Theme,
    /// `graph=0`: no graph or legend (the relations table stays).
    pub graph: bool,
    /// `cards=0`: names are plain text and no card opens anywhere; the reader's own choice is kept.
    pub cards: bool,
    /// `plain`: no toolbar, padding or background.
    pub plain: bool,
    /// `view=graph`: the graph view, the chart an editor drops into another story: the title, a
    /// link to the whole article, the graph with its legend, node cards and the relations table;
    /// no text, so nothing scrolls to a sentence. It shows the graph whatever `graph` says.
    pub graph_view: bool,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            theme: Theme::Auto,
            graph: true,
            cards: true,
            plain: false,
            graph_view: false,
        }
    }
}

impl Flags {
    /// Reads the flags from a query string (`?theme=dark&cards=0`, with or without the `?`). Values
    /// are compared as written: the flags never need escaping.
    pub fn parse(query: &str) -> Flags {
        let mut flags = Flags::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (key, value) {
                ("theme", "light") => flags.theme = Theme::Light,
                ("theme", "dark") => flags.theme = Theme::Dark,
                ("theme", "auto") => flags.theme = Theme::Auto,
                ("graph", "0") => flags.graph = false,
                ("graph", "1") => flags.graph = true,
                ("cards", "0") => flags.cards = false,
                ("cards", "1") => flags.cards = true,
                ("plain", "" | "1" | "true") => flags.plain = true,
                ("view", "graph") => flags.graph_view = true,
                ("view", "article") => flags.graph_view = false,
                _ => {}
            }
        }
        flags.graph |= flags.graph_view;
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_flags_is_the_default() {
        assert_eq!(Flags::parse(""), Flags::default());
        assert_eq!(Flags::parse("?"), Flags::default());
        let d = Flags::default();
        assert!(d.graph && d.cards && !d.plain && d.theme == Theme::Auto);
    }

    #[test]
    fn each_flag_is_read() {
        let f = Flags::parse("?theme=dark&graph=0&cards=0&plain");
        assert_eq!(
            f,
            Flags {
                theme: Theme::Dark,
                graph: false,
                cards: false,
                plain: true,
                graph_view: false,
            }
        );
        assert!(Flags::parse("view=graph").graph_view);
        assert!(!Flags::parse("view=graph&view=article").graph_view);
        assert_eq!(Flags::parse("theme=light").theme, Theme::Light);
        assert!(Flags::parse("plain=1").plain && Flags::parse("plain=true").plain);
    }

    #[test]
    fn unknown_values_keep_the_default() {
        let f = Flags::parse(
            "?theme=blue&graph=no&cards=off&plain=0&view=text&childId=x&initialWidth=375",
        );
        assert_eq!(f, Flags::default());
    }

    #[test]
    fn the_graph_view_always_shows_the_graph() {
        let f = Flags::parse("graph=0&view=graph");
        assert!(f.graph_view && f.graph);
    }

    /// As `web/boot.js` reads them before the first paint: the two must agree.
    #[test]
    fn the_last_value_wins() {
        assert!(Flags::parse("cards=0&cards=1").cards);
        assert!(!Flags::parse("cards=1&cards=0").cards);
        assert!(Flags::parse("graph=0&graph=1").graph);
        assert_eq!(Flags::parse("theme=dark&theme=auto").theme, Theme::Auto);
        assert!(!Flags::parse("view=graph&view=article").graph_view);
    }
}
