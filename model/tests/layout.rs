//! The graph's layout against what a reader's screen draws: each label's estimated width holds the
//! label as the widest common system sans really sets it (DejaVu Sans Bold, Linux's default, read
//! from the font file itself), without boxes so generous that the graph spreads for nothing; and
//! the boxes and limits the layout works with.
//!
//! Run with `cargo test -p article-model --test layout`. The font comes from Debian's
//! fonts-dejavu-core, which `scripts/setup.sh` installs.

use article_model::layout::{box_for, label_width, node_area, overlaps, NodeSpec, Placed};

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

fn node(x: f64, y: f64) -> Placed {
    Placed {
        x,
        y,
        half_width: 40.0,
    }
}

/// A node's box is what the reader sees of it: its label's width, from 1 px above the mark (9 px
/// radius and its outline) to the foot of the label's 16 px line, which starts 12 px below the
/// mark's centre.
#[test]
fn a_nodes_box_holds_its_mark_and_its_label() {
    assert_eq!(node(100.0, 50.0).bounds(), (60.0, 40.0, 140.0, 78.0));
}

/// Two nodes overlap when their boxes come closer than the 8 px clearance, on any side; at the
/// clearance they do not. (The layout tests' "nothing overlaps" rests on this.)
#[test]
fn boxes_closer_than_the_clearance_overlap_on_every_side() {
    let a = node(100.0, 50.0); // its box: 60–140 across, 40–78 down
    for (side, (dx, dy)) in [
        ("right", (88.0, 0.0)),  // b's box starts 8 px after a's ends
        ("left", (-88.0, 0.0)),  // b's box ends 8 px before a's starts
        ("below", (0.0, 46.0)),  // b's mark's top 8 px under a's label
        ("above", (0.0, -46.0)), // b's label's foot 8 px over a's mark
    ] {
        let at = node(100.0 + dx, 50.0 + dy);
        assert!(!overlaps(&a, &at), "{side}, at the clearance: no overlap");
        assert!(
            !overlaps(&at, &a),
            "{side}, at the clearance: no overlap (b to a)"
        );
        let closer = node(100.0 + dx - dx.signum(), 50.0 + dy - dy.signum());
        assert!(overlaps(&a, &closer), "{side}, 7 px apart: an overlap");
        assert!(
            overlaps(&closer, &a),
            "{side}, 7 px apart: an overlap (b to a)"
        );
    }
    assert!(overlaps(&a, &a), "a node overlaps itself");
    // Apart on one axis is apart: far to the right, even at the same height.
    assert!(!overlaps(&a, &node(400.0, 50.0)));
    assert!(!overlaps(&a, &node(100.0, 400.0)));
}

fn specs(widths: &[f64]) -> Vec<NodeSpec> {
    widths
        .iter()
        .map(|&label_width| NodeSpec { label_width })
        .collect()
}

/// An actor takes at least its mark's room, however short its label ("I", "EU"): its mark and
/// outline are 20 px wide; a longer label widens it from there.
#[test]
fn an_actor_takes_at_least_its_marks_room() {
    let area = |w: f64| node_area(&specs(&[w]));
    assert_eq!(area(5.0), area(20.0), "a short label: the mark's room");
    assert!(
        area(20.0) < area(21.0),
        "a label wider than the mark widens the box"
    );
    assert_eq!(area(40.0) * 3.0, node_area(&specs(&[40.0, 40.0, 40.0])));
}

/// A graph smaller than its column is drawn in a box of the column's shape, scaled down (so it
/// reads as the same picture, only smaller), and a box that proved too small grows by 12 % of
/// its area a step.
#[test]
fn a_small_graph_gets_a_box_of_its_columns_shape() {
    let nodes = specs(&[60.0; 8]);
    let base = (560.0, 480.0);
    let (w, h) = box_for(&nodes, base, 0.3, 0);
    assert!(w < base.0 && h < base.1, "{w}×{h}: smaller than the column");
    assert!(
        (w / h - base.0 / base.1).abs() < 0.01,
        "{w}×{h}: not of the column's shape {}×{}",
        base.0,
        base.1
    );
    let (w2, h2) = box_for(&nodes, base, 0.3, 2);
    let grown = (w2 * h2) / (w * h);
    assert!(
        (grown - 1.12f64.powi(2)).abs() < 0.01,
        "two steps grow the area by {grown:.3}, not 1.12²"
    );
}

/// The box's limits: a graph of two actors in a wide column is drawn no narrower than
/// `min_width` × the column and no flatter than 0.45 × its height (so its two labels and the line
/// between them do not sit in a strip); a graph too large for its column grows taller, up to twice
/// the column's height, and never wider.
#[test]
fn a_box_keeps_within_its_columns_limits() {
    let base = (1000.0, 400.0);
    let (w, h) = box_for(&specs(&[60.0; 2]), base, 0.5, 0);
    assert_eq!(
        (w, h),
        (500.0, 180.0),
        "two actors: half the width, 0.45 of the height"
    );
    let (w, h) = box_for(&specs(&[120.0; 200]), base, 0.5, 0);
    assert_eq!(
        (w, h),
        (1000.0, 800.0),
        "200 actors: the column's width, twice its height"
    );
}
