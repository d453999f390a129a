//! The graph's layout against what a reader's screen draws: each label's estimated width holds the
//! label as the widest common system sans really sets it (DejaVu Sans Bold, Linux's default, read
//! from the font file itself), without boxes so generous that the graph spreads for nothing; and
//! the picture keeps room for the highest mark's outline and no empty band above it.
//!
//! Run with `cargo test -p article-model --test layout`. The font comes from Debian's
//! fonts-dejavu-core, which `scripts/setup.sh` installs.

use article_model::layout::{label_width, layout, NodeSpec, NODE_RADIUS};

const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
/// The graph's labels are 12 px (`.xa-node-label` in style/article.css).
const PX: f64 = 12.0;
/// What label_width adds to the letters: room for the label's halo.
const HALO: f64 = 6.0;

fn font_bytes() -> Vec<u8> {
    std::fs::read(FONT).unwrap_or_else(|e| {
        panic!("{FONT}: {e}; the test reads DejaVu Sans Bold from Debian's fonts-dejavu-core (scripts/setup.sh installs it)")
    })
}

/// The advance of `c` in the font, in pixels at the labels' size.
fn advance(face: &ttf_parser::Face, c: char) -> f64 {
    let glyph = face
        .glyph_index(c)
        .unwrap_or_else(|| panic!("{c:?} is not in DejaVu Sans Bold"));
    let units = face.glyph_hor_advance(glyph).expect("an advance") as f64;
    units * PX / face.units_per_em() as f64
}

/// Every letter of the article's languages (English and Spanish names, their punctuation), one by
/// one: the estimate holds it, and overshoots it by less than a narrow letter, so that a label's
/// box is never much wider than the label.
#[test]
fn each_letters_estimate_holds_it_and_little_more() {
    let bytes = font_bytes();
    let face = ttf_parser::Face::parse(&bytes, 0).expect("a font");
    let letters = ('a'..='z')
        .chain('A'..='Z')
        .chain("áéíóúñüìïÁÉÍÓÚÑ0123456789 .,:;'’!-&()".chars());
    let mut worst = (0.0f64, ' ');
    let mut wrong = Vec::new();
    for c in letters {
        let real = advance(&face, c);
        let estimate = label_width(&c.to_string()) - HALO;
        if estimate < real {
            wrong.push(format!("{c:?}: estimated {estimate:.3} px, the font sets it {real:.3} px wide at {PX} px: a label with it overflows its box"));
        } else if estimate - real >= 3.0 {
            wrong.push(format!("{c:?}: estimated {estimate:.3} px, the font sets it {real:.3} px wide: its labels' boxes are too wide"));
        }
        if estimate - real > worst.0 {
            worst = (estimate - real, c);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    println!("widest overshoot: {:?} by {:.2} px", worst.1, worst.0);
}

/// Whole labels as the articles write them: the halo is room on top of the letters, and a long
/// name's box stays within a few letters of what it holds.
#[test]
fn a_labels_box_holds_the_label_and_its_halo() {
    let bytes = font_bytes();
    let face = ttf_parser::Face::parse(&bytes, 0).expect("a font");
    for label in [
        "Milei",
        "United States",
        "Andean Community",
        "Lula da Silva",
        "Huawei",
        "I",
        "World Wildlife Fund",
        "Ministerio de Economía",
    ] {
        let letters: f64 = label.chars().map(|c| advance(&face, c)).sum();
        let estimate = label_width(label);
        assert!(
            estimate >= letters + HALO,
            "{label:?}: a {estimate:.1} px box for {letters:.1} px of letters and a {HALO} px halo"
        );
        assert!(
            estimate <= letters * 1.25 + HALO,
            "{label:?}: a {estimate:.1} px box for {letters:.1} px of letters"
        );
    }
}

/// The highest mark's outline (a triangle's tip reaches 14 px above its centre as Firefox bounds
/// it) and the lowest label's halo are inside the picture, and the picture wastes no band above or
/// below them: the graph fills its height, in graphs of 2, 5 and 12 actors, wide and narrow.
#[test]
fn the_graph_reaches_just_inside_the_top_and_bottom_edges() {
    let names = [
        "Milei",
        "Bolivia",
        "Arce",
        "United States",
        "China",
        "Mercosur",
        "Andean Community",
        "Lula",
        "Brazil",
        "Peru",
        "Huawei",
        "European Union",
    ];
    for n in [2, 5, 12] {
        let nodes: Vec<NodeSpec> = names[..n]
            .iter()
            .map(|s| NodeSpec {
                label_width: label_width(s),
            })
            .collect();
        let links: Vec<(usize, usize)> = (1..n).map(|i| (0, i)).collect();
        for (w, h) in [(560.0, 420.0), (320.0, 480.0)] {
            let placed = layout(&nodes, &links, w, h, 7).expect("room enough");
            let top = placed.iter().map(|p| p.y).fold(f64::MAX, f64::min);
            assert!(
                top >= 14.0,
                "{n} actors in {w}×{h}: the highest mark's centre at {top} px, its tip cut by the edge"
            );
            assert!(
                top <= NODE_RADIUS + 10.0,
                "{n} actors in {w}×{h}: the highest mark's centre at {top} px, an empty band above it"
            );
            // The labels' box ends under its text; the halo (3.5 px wide) needs a few pixels more.
            let bottom = placed.iter().map(|p| p.bounds().3).fold(f64::MIN, f64::max);
            assert!(
                bottom <= h - 3.0,
                "{n} actors in {w}×{h}: the lowest label's box ends at {bottom} px, its halo cut by the edge"
            );
            assert!(
                bottom >= h - 10.0,
                "{n} actors in {w}×{h}: the lowest label's box ends at {bottom} px, an empty band below it"
            );
        }
    }
}
