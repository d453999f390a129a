//! The relation graph's layout, computed once at build time: a seeded force layout (the same input
//! always gives the same picture), then a pass that pushes nodes apart until no node or label
//! overlaps another, then edge paths (curved apart where two actors share several relations).

/// A node to place: its label's width in pixels (estimated from its text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeSpec {
    pub label_width: f64,
}

/// Node radius, and where the label sits under it.
pub const NODE_RADIUS: f64 = 9.0;
const LABEL_TOP: f64 = 12.0;
const LABEL_HEIGHT: f64 = 16.0;
/// Space kept free above the highest node's centre and below the lowest label's box, inside the
/// picture: the marks' outlines and the labels' halos must not be cut by its edge. Firefox bounds
/// a stroke by its miter limit, so a triangle's tip counts as reaching 14 px above its centre.
const TOP_MARGIN: f64 = NODE_RADIUS + 6.0;
const BOTTOM_MARGIN: f64 = LABEL_TOP + LABEL_HEIGHT + 5.0;
/// Space kept between any two node-and-label boxes.
const CLEARANCE: f64 = 8.0;
/// How far short of each actor's centre a line stops (room for an arrowhead).
const LINE_INSET: f64 = NODE_RADIUS + 2.0;
/// Distance between parallel edges joining the same two actors.
const PARALLEL_GAP: f64 = 16.0;

/// Estimated width of a 12 px semi-bold sans-serif label, generous so real text fits its box: the
/// advances of DejaVu Sans Bold (the widest common system sans, and Linux's default) rounded up,
/// plus room for the halo. model/tests/layout.rs holds each class against the font's own advances.
pub fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'í' | 'ì' | 'ï' | 'I' | 'Í' | 'J' | '.' | ',' | '\'' | '’' => {
                4.6
            }
            ' ' => 4.2,
            'f' | 'r' | 't' | '-' | ':' | ';' | '!' | '(' | ')' => 6.0,
            'm' => 12.6,
            'w' => 11.1,
            'M' => 12.0,
            'W' | '&' => 13.3,
            c if c.is_lowercase() => 8.6,
            _ => 10.3,
        })
        .sum::<f64>()
        + 6.0
}

/// A placed node: centre, and the box that holds its mark and label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub half_width: f64,
}

impl Placed {
    /// (left, top, right, bottom) of the node and its label.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        (
            self.x - self.half_width,
            self.y - NODE_RADIUS - 1.0,
            self.x + self.half_width,
            self.y + LABEL_TOP + LABEL_HEIGHT,
        )
    }
}

/// True when two placed nodes' boxes overlap (closer than the clearance).
pub fn overlaps(a: &Placed, b: &Placed) -> bool {
    closer_than(a, b, CLEARANCE)
}

fn closer_than(a: &Placed, b: &Placed, gap: f64) -> bool {
    let (al, at, ar, ab) = a.bounds();
    let (bl, bt, br, bb) = b.bounds();
    al < br + gap && bl < ar + gap && at < bb + gap && bt < ab + gap
}

/// A small deterministic random source (SplitMix64).
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The share of the picture that the actors' own boxes (mark, label and the clearance around
/// them) fill: the rest is room for the lines. Calibrated on the first article, whose 30 actors
/// read well in 560 × 480, and checked from 2 to 40 actors (model/tests/relations.rs).
const FILL: f64 = 0.36;

/// The area the actors' boxes take, in square pixels.
pub fn node_area(nodes: &[NodeSpec]) -> f64 {
    let tall = NODE_RADIUS + LABEL_TOP + LABEL_HEIGHT + CLEARANCE;
    nodes
        .iter()
        .map(|n| (n.label_width.max(2.0 * NODE_RADIUS + 2.0) + CLEARANCE) * tall)
        .sum()
}

/// The box to lay `nodes` out in, of the shape of `base` (the largest width the column gives):
/// as small as `FILL` allows, so a small graph is drawn small rather than spread over a large box;
/// its width between `min_width` × and 1 × the base, its height between 0.45 × and 2 × (a larger
/// graph gets taller, never wider than its column). `grow`: 12 % more area per step, after a
/// box in which the nodes could not be placed apart.
pub fn box_for(nodes: &[NodeSpec], base: (f64, f64), min_width: f64, grow: i32) -> (f64, f64) {
    let (w, h) = base;
    let area = node_area(nodes) / FILL * 1.12f64.powi(grow);
    let width = w * (area / (w * h)).sqrt().clamp(min_width, 1.0);
    let height = (area / width).clamp(0.45 * h, 2.0 * h);
    (width.round(), height.round())
}

/// Places `nodes` joined by `links` (pairs of node indices) in a `width` × `height` box.
/// Returns `None` when the nodes cannot be separated in that box. The phases: forces from random
/// starts (`force_step`), `stretch` over the box, then `separate`, `clear_lines` and
/// `lengthen_lines` in turn until none has anything left to move.
pub fn layout(
    nodes: &[NodeSpec],
    links: &[(usize, usize)],
    width: f64,
    height: f64,
    seed: u64,
) -> Option<Vec<Placed>> {
    let n = nodes.len();
    let mut rng = Seeded(seed);
    let half = |i: usize| (nodes[i].label_width / 2.0).max(NODE_RADIUS + 1.0);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|_| (rng.next() * width, rng.next() * height))
        .collect();
    let k = 0.9 * (width * height / n.max(1) as f64).sqrt();
    let mut temperature = width.max(height) / 8.0;
    let clamp = |i: usize, (x, y): (f64, f64)| {
        let h = half(i) + 2.0;
        (
            x.clamp(h, (width - h).max(h)),
            y.clamp(TOP_MARGIN, (height - BOTTOM_MARGIN).max(TOP_MARGIN)),
        )
    };
    for _ in 0..600 {
        force_step(&mut pos, links, k, (width, height), temperature);
        temperature = (temperature * 0.985).max(0.5);
    }
    let margin_x = (0..n).map(half).fold(0.0, f64::max) + 2.0;
    stretch(&mut pos, margin_x, (width, height));
    for (i, p) in pos.iter_mut().enumerate() {
        *p = clamp(i, *p);
    }
    let mut placed: Vec<Placed> = (0..n)
        .map(|i| Placed {
            x: pos[i].0,
            y: pos[i].1,
            half_width: half(i),
        })
        .collect();
    let pairs = line_counts(links);
    for _ in 0..300 {
        let apart = separate(&mut placed, &clamp);
        let cleared = clear_lines(&mut placed, &pairs, &clamp);
        let long = lengthen_lines(&mut placed, &pairs, &clamp);
        if apart && cleared && long {
            return Some(placed);
        }
    }
    None
}

/// One round of the force layout (Fruchterman and Reingold's): every two actors push apart with
/// k²/d, the two ends of each line pull together with d²/k, and gravity pulls each actor 8 % of
/// its way to the centre of the `width` × `height` box (so loosely linked actors stay near the
/// others instead of on the edge). Each actor moves along its net force, at most `temperature`.
fn force_step(
    pos: &mut [(f64, f64)],
    links: &[(usize, usize)],
    k: f64,
    (width, height): (f64, f64),
    temperature: f64,
) {
    let n = pos.len();
    let mut shift = vec![(0.0f64, 0.0f64); n];
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d2 = (dx * dx + dy * dy).max(0.01);
            let f = k * k / d2;
            shift[i].0 += dx * f;
            shift[i].1 += dy * f;
            shift[j].0 -= dx * f;
            shift[j].1 -= dy * f;
        }
    }
    for &(a, b) in links {
        let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
        let d = (dx * dx + dy * dy).sqrt().max(0.01);
        let f = d / k;
        shift[a].0 -= dx * f;
        shift[a].1 -= dy * f;
        shift[b].0 += dx * f;
        shift[b].1 += dy * f;
    }
    for i in 0..n {
        shift[i].0 += (width / 2.0 - pos[i].0) * 0.08;
        shift[i].1 += (height / 2.0 - pos[i].1) * 0.08;
        let len = (shift[i].0 * shift[i].0 + shift[i].1 * shift[i].1)
            .sqrt()
            .max(1e-9);
        let step = len.min(temperature);
        pos[i] = (
            pos[i].0 + shift[i].0 / len * step,
            pos[i].1 + shift[i].1 / len * step,
        );
    }
}

/// Stretches the forces' result over the `width` × `height` box, so no corner is wasted and
/// nothing piles on an edge: the leftmost and rightmost actors to `margin_x` from the sides, the
/// highest and lowest to the top and bottom margins, the rest in proportion. Actors all in one
/// line across an axis are put in the middle of it.
fn stretch(pos: &mut [(f64, f64)], margin_x: f64, (width, height): (f64, f64)) {
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    let (top, bottom) = (TOP_MARGIN, BOTTOM_MARGIN);
    for p in pos.iter_mut() {
        let fx = if max_x > min_x {
            (p.0 - min_x) / (max_x - min_x)
        } else {
            0.5
        };
        let fy = if max_y > min_y {
            (p.1 - min_y) / (max_y - min_y)
        } else {
            0.5
        };
        *p = (
            margin_x + fx * (width - 2.0 * margin_x),
            top + fy * (height - top - bottom),
        );
    }
}

/// How much of every line must show between its two actors' boxes (mark and label), so that a
/// pointer can reach it: a line that runs mostly under an end's label can only be found with the
/// keyboard.
pub const MIN_VISIBLE_LINE: f64 = 24.0;
/// Labels are hit-tested by their glyph cells, which are taller than `LABEL_HEIGHT` in some
/// browsers (Firefox); the visible length is measured against boxes grown by this much.
const HIT_SLACK: f64 = 3.0;

/// The length of the straight line from `a` to `b` (as `edge_path` draws it, without its bow) that
/// lies outside both actors' boxes.
pub fn visible_length(a: &Placed, b: &Placed) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    let inset = LINE_INSET;
    if len <= 2.0 * inset {
        return 0.0;
    }
    let inside = |p: &Placed, (x, y): (f64, f64)| {
        let (l, t, r, bt) = p.bounds();
        x > l - HIT_SLACK && x < r + HIT_SLACK && y > t - HIT_SLACK && y < bt + HIT_SLACK
    };
    const STEPS: usize = 200;
    let drawn = len - 2.0 * inset;
    let shown = (0..STEPS)
        .filter(|&k| {
            let t = (inset + drawn * (k as f64 + 0.5) / STEPS as f64) / len;
            let p = (a.x + dx * t, a.y + dy * t);
            !inside(a, p) && !inside(b, p)
        })
        .count();
    drawn * shown as f64 / STEPS as f64
}

/// Pushes the two actors of a line that shows too little of itself apart, along the line; true
/// when every line was long enough.
fn lengthen_lines(
    placed: &mut [Placed],
    pairs: &[(usize, usize, usize)],
    clamp: &dyn Fn(usize, (f64, f64)) -> (f64, f64),
) -> bool {
    let mut long = true;
    for &(a, b, _) in pairs {
        let shown = visible_length(&placed[a], &placed[b]);
        if shown >= MIN_VISIBLE_LINE + 1.0 {
            continue;
        }
        long = false;
        let (dx, dy) = (placed[b].x - placed[a].x, placed[b].y - placed[a].y);
        let len = (dx * dx + dy * dy).sqrt().max(1e-9);
        let step = (MIN_VISIBLE_LINE + 1.0 - shown) / 2.0 + 0.5;
        let (ux, uy) = (dx / len * step, dy / len * step);
        let (xa, ya) = clamp(a, (placed[a].x - ux, placed[a].y - uy));
        let (xb, yb) = clamp(b, (placed[b].x + ux, placed[b].y + uy));
        placed[a].x = xa;
        placed[a].y = ya;
        placed[b].x = xb;
        placed[b].y = yb;
    }
    long
}

/// Pushes overlapping nodes apart; true when none overlapped.
fn separate(placed: &mut [Placed], clamp: &dyn Fn(usize, (f64, f64)) -> (f64, f64)) -> bool {
    let n = placed.len();
    let mut untouched = true;
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                // A pixel more than the clearance, so rounding to whole pixels keeps it.
                if !closer_than(&placed[i], &placed[j], CLEARANCE + 1.0) {
                    continue;
                }
                moved = true;
                let (il, it, ir, ib) = placed[i].bounds();
                let (jl, jt, jr, jb) = placed[j].bounds();
                let push_x = (ir.min(jr) - il.max(jl) + CLEARANCE + 1.0) / 2.0 + 0.5;
                let push_y = (ib.min(jb) - it.max(jt) + CLEARANCE + 1.0) / 2.0 + 0.5;
                let (sx, sy) = if push_x < push_y {
                    (
                        if placed[i].x <= placed[j].x {
                            -push_x
                        } else {
                            push_x
                        },
                        0.0,
                    )
                } else {
                    (
                        0.0,
                        if placed[i].y <= placed[j].y {
                            -push_y
                        } else {
                            push_y
                        },
                    )
                };
                let (xi, yi) = clamp(i, (placed[i].x + sx, placed[i].y + sy));
                let (xj, yj) = clamp(j, (placed[j].x - sx, placed[j].y - sy));
                placed[i].x = xi;
                placed[i].y = yi;
                placed[j].x = xj;
                placed[j].y = yj;
            }
        }
        if !moved {
            return untouched;
        }
        untouched = false;
    }
    false
}

/// How far a line must keep from the centre of an actor it does not join, so it never seems to
/// pass through it (plus the bow of parallel lines).
pub const LINE_CLEARANCE: f64 = 16.0;

/// Distance from `p` to the segment `a`–`b`, and the unit vector from the segment towards `p`.
pub fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> (f64, (f64, f64)) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = (dx * dx + dy * dy).max(1e-9);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0);
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    let (ox, oy) = (p.0 - cx, p.1 - cy);
    let d = (ox * ox + oy * oy).sqrt();
    if d > 1e-6 {
        (d, (ox / d, oy / d))
    } else {
        let len = len2.sqrt();
        (0.0, (-dy / len, dx / len))
    }
}

/// The clearance a line between two actors with `count` relations needs.
pub fn line_clearance(count: usize) -> f64 {
    LINE_CLEARANCE + (count.saturating_sub(1)) as f64 / 2.0 * PARALLEL_GAP
}

/// The pairs of actors joined by lines, each once (lower index first) with how many lines join
/// them, whichever way they point: parallel lines need more room (`line_clearance`).
fn line_counts(links: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for &(a, b) in links {
        let key = (a.min(b), a.max(b));
        match pairs.iter_mut().find(|p| (p.0, p.1) == key) {
            Some(p) => p.2 += 1,
            None => pairs.push((key.0, key.1, 1)),
        }
    }
    pairs
}

/// Moves actors off lines that do not join them; true when none was in the way.
fn clear_lines(
    placed: &mut [Placed],
    pairs: &[(usize, usize, usize)],
    clamp: &dyn Fn(usize, (f64, f64)) -> (f64, f64),
) -> bool {
    let mut clear = true;
    for &(a, b, count) in pairs {
        let need = line_clearance(count) + 1.0;
        for c in 0..placed.len() {
            if c == a || c == b {
                continue;
            }
            let (d, (ux, uy)) = distance_to_segment(
                (placed[c].x, placed[c].y),
                (placed[a].x, placed[a].y),
                (placed[b].x, placed[b].y),
            );
            if d < need {
                clear = false;
                let step = need - d + 0.5;
                let (x, y) = clamp(c, (placed[c].x + ux * step, placed[c].y + uy * step));
                placed[c].x = x;
                placed[c].y = y;
            }
        }
    }
    clear
}

/// An SVG path from `a` to `b`, stopping `LINE_INSET` short of each centre; the `index`-th of
/// `count` edges between the same two nodes bows out to its own side.
pub fn edge_path(a: &Placed, b: &Placed, index: usize, count: usize) -> String {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let inset = LINE_INSET;
    let (x1, y1) = (a.x + ux * inset, a.y + uy * inset);
    let (x2, y2) = (b.x - ux * inset, b.y - uy * inset);
    let bow = (index as f64 - (count as f64 - 1.0) / 2.0) * PARALLEL_GAP;
    // Whole units: half a unit off is nothing to see, and the page carries every path twice (the
    // line and its hit area) in each layout, so digits after the point cost about 450 brotli bytes.
    let r = |v: f64| v.round() as i32;
    if bow == 0.0 {
        format!("M{} {}L{} {}", r(x1), r(y1), r(x2), r(y2))
    } else {
        let (cx, cy) = (
            (x1 + x2) / 2.0 - uy * bow * 2.0,
            (y1 + y2) / 2.0 + ux * bow * 2.0,
        );
        format!(
            "M{} {}Q{} {} {} {}",
            r(x1),
            r(y1),
            r(cx),
            r(cy),
            r(x2),
            r(y2)
        )
    }
}

/// A direction of an arrow key, for moving between the graph's nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// The node an arrow key moves to from `from`: the nearest one in that direction, preferring nodes
/// in line with it (what a reader expects from "the one to the right").
pub fn neighbour(points: &[(i16, i16)], from: usize, direction: Direction) -> Option<usize> {
    let (fx, fy) = points[from];
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .filter_map(|(i, &(x, y))| {
            let (dx, dy) = (f64::from(x - fx), f64::from(y - fy));
            let (ahead, aside) = match direction {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Down => (dy, dx),
                Direction::Up => (-dy, dx),
            };
            (ahead > 0.0).then_some((ahead + 2.5 * aside.abs(), i))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Actors of the first article, for graphs of up to 12.
    const NAMES: [&str; 12] = [
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

    fn sample() -> (Vec<NodeSpec>, Vec<(usize, usize)>) {
        let names = &NAMES[..9];
        let nodes = names
            .iter()
            .map(|n| NodeSpec {
                label_width: label_width(n),
            })
            .collect();
        let links = vec![
            (0, 1),
            (0, 2),
            (2, 1),
            (3, 4),
            (5, 4),
            (3, 6),
            (0, 7),
            (7, 8),
            (0, 8),
            (3, 1),
        ];
        (nodes, links)
    }

    /// The layout's randomness is SplitMix64, as published (its reference outputs from seed 0), so
    /// a picture can be reproduced from the seed alone, on any machine and by any other program.
    #[test]
    fn the_random_source_is_splitmix64() {
        let mut rng = Seeded(0);
        for expected in [
            0xe220_a839_7b1d_cdafu64,
            0x6e78_9e6a_a1b9_65f4,
            0x06c4_5d18_8009_454f,
        ] {
            assert_eq!(rng.next(), (expected >> 11) as f64 / (1u64 << 53) as f64);
        }
    }

    #[test]
    fn same_input_same_layout() {
        let (nodes, links) = sample();
        assert_eq!(
            layout(&nodes, &links, 560.0, 420.0, 7),
            layout(&nodes, &links, 560.0, 420.0, 7)
        );
    }

    #[test]
    fn no_node_or_label_overlaps_and_all_inside() {
        let (nodes, links) = sample();
        for (w, h) in [(560.0, 420.0), (320.0, 640.0)] {
            let placed = layout(&nodes, &links, w, h, 7).expect("room enough");
            for (i, a) in placed.iter().enumerate() {
                let (l, t, r, b) = a.bounds();
                assert!(
                    l >= 0.0 && t >= 0.0 && r <= w && b <= h,
                    "{a:?} inside {w}×{h}"
                );
                for c in &placed[i + 1..] {
                    assert!(!overlaps(a, c), "{a:?} overlaps {c:?}");
                }
            }
        }
    }

    #[test]
    fn every_line_shows_enough_of_itself_to_point_at() {
        let (nodes, links) = sample();
        for (w, h) in [(560.0, 420.0), (320.0, 640.0)] {
            let placed = layout(&nodes, &links, w, h, 7).expect("room enough");
            for &(a, b) in &links {
                let shown = visible_length(&placed[a], &placed[b]);
                assert!(
                    shown >= MIN_VISIBLE_LINE,
                    "{a}–{b} shows {shown:.1} px at {w}×{h}"
                );
            }
        }
    }

    fn at(x: f64, y: f64, half_width: f64) -> Placed {
        Placed { x, y, half_width }
    }

    #[test]
    fn a_line_under_its_end_label_shows_little() {
        let a = at(50.0, 0.0, 40.0);
        // Straight below: the line leaves the mark, then runs down through a's own label.
        let b = at(50.0, 50.0, 40.0);
        assert!(visible_length(&a, &b) < 10.0, "{}", visible_length(&a, &b));
        assert!(visible_length(&a, &at(50.0, 160.0, 40.0)) > 80.0);
    }

    /// The positions after one round of forces in a 300 × 200 box, with each actor moving the whole
    /// way its forces take it (a temperature too high to hold anyone back).
    fn one_round(pos: &[(f64, f64)], links: &[(usize, usize)], k: f64) -> Vec<(f64, f64)> {
        let mut pos = pos.to_vec();
        force_step(&mut pos, links, k, (300.0, 200.0), 1e9);
        pos
    }

    fn assert_near(got: &[(f64, f64)], expected: &[(f64, f64)]) {
        let near = got.len() == expected.len()
            && got
                .iter()
                .zip(expected)
                .all(|(g, e)| (g.0 - e.0).abs() < 1e-9 && (g.1 - e.1).abs() < 1e-9);
        assert!(near, "at {got:?}, expected {expected:?}");
    }

    /// Gravity alone (one actor, no one to push it): 8 % of its way to the box's centre, on
    /// each axis, in a box that is not square.
    #[test]
    fn gravity_pulls_a_lone_actor_towards_the_centre() {
        assert_near(&one_round(&[(20.0, 40.0)], &[], 50.0), &[(30.4, 44.8)]);
        assert_near(&one_round(&[(290.0, 190.0)], &[], 50.0), &[(278.8, 182.8)]);
    }

    /// Two actors with no line between them push each other apart with k²/d (here 50² / 20 =
    /// 125 px each), along the line through them, plus gravity's 0.8 px towards the centre.
    #[test]
    fn actors_push_apart_with_k_squared_over_d() {
        let across = one_round(&[(140.0, 100.0), (160.0, 100.0)], &[], 50.0);
        assert_near(&across, &[(15.8, 100.0), (284.2, 100.0)]);
        let down = one_round(&[(150.0, 90.0), (150.0, 110.0)], &[], 50.0);
        assert_near(&down, &[(150.0, -34.2), (150.0, 234.2)]);
    }

    /// The two ends of a line pull together with d²/k: at a distance of k that pull and the push
    /// apart (k²/d) cancel, and only gravity moves them; at 2k the pull (8 × the push) wins.
    #[test]
    fn the_ends_of_a_line_pull_together_with_d_squared_over_k() {
        let line = [(0, 1)];
        let across = one_round(&[(100.0, 100.0), (200.0, 100.0)], &line, 100.0);
        assert_near(&across, &[(104.0, 100.0), (196.0, 100.0)]);
        let down = one_round(&[(150.0, 50.0), (150.0, 150.0)], &line, 100.0);
        assert_near(&down, &[(150.0, 54.0), (150.0, 146.0)]);
        // At 2k = 100 px: pushed 25 px apart and pulled 200 px together (so they cross), and
        // 4 px of gravity: each moves 179 px towards the other.
        let far = one_round(&[(100.0, 100.0), (200.0, 100.0)], &line, 50.0);
        assert_near(&far, &[(279.0, 100.0), (21.0, 100.0)]);
        let far_down = one_round(&[(150.0, 50.0), (150.0, 150.0)], &line, 50.0);
        assert_near(&far_down, &[(150.0, 229.0), (150.0, -29.0)]);
    }

    /// No actor moves further than the temperature in one round, whatever its forces.
    #[test]
    fn an_actor_moves_at_most_the_temperature() {
        let mut pos = vec![(0.0, 50.0), (300.0, 50.0)];
        force_step(&mut pos, &[], 50.0, (300.0, 200.0), 2.0);
        let step = |(x, y): (f64, f64), (x0, y0): (f64, f64)| (x - x0).hypot(y - y0);
        assert!((step(pos[0], (0.0, 50.0)) - 2.0).abs() < 1e-9, "{pos:?}");
        assert!((step(pos[1], (300.0, 50.0)) - 2.0).abs() < 1e-9, "{pos:?}");
        assert!(
            pos[0].0 > 0.0 && pos[0].1 > 50.0,
            "towards the centre: {pos:?}"
        );
    }

    /// The stretch takes the extremes to the margins (here 40 px from each side; the top and
    /// bottom margins, 15 and 33 px, in a 300 × 200 box) and the rest in proportion; actors
    /// all in one line across an axis go to its middle.
    #[test]
    fn the_stretch_takes_the_extremes_to_the_margins() {
        let mut pos = vec![(10.0, 10.0), (20.0, 30.0), (30.0, 20.0)];
        stretch(&mut pos, 40.0, (300.0, 200.0));
        assert_near(&pos, &[(40.0, 15.0), (150.0, 167.0), (260.0, 91.0)]);
        let mut column = vec![(5.0, 1.0), (5.0, 9.0)];
        stretch(&mut column, 40.0, (300.0, 200.0));
        assert_near(&column, &[(150.0, 15.0), (150.0, 167.0)]);
        let mut lone = vec![(7.0, 7.0)];
        stretch(&mut lone, 40.0, (300.0, 200.0));
        assert_near(&lone, &[(150.0, 91.0)]);
    }

    /// One actor is drawn in the middle of its box (between the margins), its box no narrower
    /// than its mark and outline however short its label.
    #[test]
    fn a_lone_actor_is_drawn_in_the_middle() {
        let one = layout(&[NodeSpec { label_width: 10.0 }], &[], 300.0, 200.0, 1);
        assert_eq!(one, Some(vec![at(150.0, 91.0, NODE_RADIUS + 1.0)]));
    }

    fn free(_: usize, p: (f64, f64)) -> (f64, f64) {
        p
    }

    /// `a` and `b` after one push apart, which must part them, in both orders; the same for both.
    fn pushed_apart(a: Placed, b: Placed) -> [Placed; 2] {
        let [first, second] = [0, 1].map(|i| {
            let mut pair = [a, b];
            pair.swap(0, i);
            assert!(!separate(&mut pair, &free), "they overlapped: {pair:?}");
            assert!(separate(&mut pair, &free), "apart after one push: {pair:?}");
            pair.swap(0, i);
            pair
        });
        assert_eq!(first, second, "the same push whichever comes first");
        first
    }

    /// Two overlapping boxes are pushed apart the shorter way, each by half of what it takes to
    /// leave the clearance and a pixel between them (and half a pixel more, against rounding):
    /// across when they overlap less across, down when less down; whichever comes first.
    #[test]
    fn overlapping_actors_are_pushed_apart_the_shorter_way() {
        // Boxes 80–120 and 110–150 across: 10 px of overlap, so each moves (10 + 9) / 2 + 0.5.
        assert_eq!(
            pushed_apart(at(100.0, 100.0, 20.0), at(130.0, 100.0, 20.0)),
            [at(90.0, 100.0, 20.0), at(140.0, 100.0, 20.0)]
        );
        // Boxes 90–128 and 120–158 down: 8 px of overlap, so each moves (8 + 9) / 2 + 0.5.
        assert_eq!(
            pushed_apart(at(100.0, 100.0, 20.0), at(100.0, 130.0, 20.0)),
            [at(100.0, 91.0, 20.0), at(100.0, 139.0, 20.0)]
        );
    }

    /// The length of a line outside both boxes (grown by the hit slack), sampled at 200 points:
    /// across, a 20.5-px half-width and 3 px of slack leave 23.5–198.5 px of the 222-px line, its
    /// ends on samples, which count as outside; down, from below the upper label (28 + 3 px) to
    /// above the lower mark (10 + 3 px).
    #[test]
    fn the_visible_length_is_what_lies_outside_both_boxes() {
        // Across: samples at 11.5, 12.5, …, 210.5; 23.5 to 198.5 is 176 of them, 1 px each.
        let shown = visible_length(&at(0.0, 0.0, 20.5), &at(222.0, 0.0, 20.5));
        assert!((shown - 176.0).abs() < 1e-9, "{shown}");
        // Down, 342 px: samples 1.6 px apart from 11.8; 31.0 (the upper box's edge) to 328.2 is
        // 187 of them.
        let shown = visible_length(&at(0.0, 0.0, 20.0), &at(0.0, 342.0, 20.0));
        assert!((shown - 187.0 * 1.6).abs() < 1e-9, "{shown}");
        // Down, 182 px: samples 0.8 px apart from 11.4; 31.4 to 169.0 (the lower box's edge) is
        // 173 of them.
        let shown = visible_length(&at(0.0, 0.0, 20.0), &at(0.0, 182.0, 20.0));
        assert!((shown - 173.0 * 0.8).abs() < 1e-9, "{shown}");
        // The same, backwards.
        let shown = visible_length(&at(222.0, 0.0, 20.5), &at(0.0, 0.0, 20.5));
        assert!((shown - 176.0).abs() < 1e-9, "backwards: {shown}");
        // A long line between two actors of one-letter labels (boxes of 10 + 3 px each way):
        // 1,000 px drawn, samples 5 px apart from 13.5 px to 1,008.5 px, all outside.
        let narrow = NODE_RADIUS + 1.0;
        let shown = visible_length(&at(0.0, 0.0, narrow), &at(1022.0, 0.0, narrow));
        assert!((shown - 1000.0).abs() < 1e-9, "long: {shown}");
    }

    /// A line that shows less than `MIN_VISIBLE_LINE` and a pixel has its two actors pushed apart
    /// along it, each by half of what it lacks and half a pixel; a line that shows enough is left.
    #[test]
    fn a_line_too_short_to_point_at_is_lengthened() {
        // Across, a line shows its length less 46 px (two half-widths and slacks); down, less
        // 44 px (the upper box's 28 px below its centre and the lower's 10 above, and slacks).
        for (dx, dy, short) in [(1.0, 0.0, 70.5), (0.0, 1.0, 68.5)] {
            let (a, b) = (at(0.0, 0.0, 20.0), at(short * dx, short * dy, 20.0));
            let shown = visible_length(&a, &b);
            assert!(
                shown > MIN_VISIBLE_LINE && shown < MIN_VISIBLE_LINE + 1.0,
                "{shown}"
            );
            let mut pair = [a, b];
            assert!(!lengthen_lines(&mut pair, &[(0, 1, 1)], &free));
            let step = (MIN_VISIBLE_LINE + 1.0 - shown) / 2.0 + 0.5;
            assert_near(
                &[(pair[0].x, pair[0].y), (pair[1].x, pair[1].y)],
                &[
                    (-step * dx, -step * dy),
                    ((short + step) * dx, (short + step) * dy),
                ],
            );
            let long = short + 40.0;
            let mut pair = [a, at(long * dx, long * dy, 20.0)];
            assert!(lengthen_lines(&mut pair, &[(0, 1, 1)], &free));
            assert_eq!(pair, [a, at(long * dx, long * dy, 20.0)], "left as it was");
        }
    }

    /// A graph that was published keeps its picture on the next build: every step of the layout
    /// is plain arithmetic (no library call that could round differently on another machine or
    /// version), and a change to the layout that moves the actors must be made on purpose. When
    /// it is, this test prints the new positions to paste here.
    #[test]
    fn a_published_picture_does_not_move_on_the_next_build() {
        let (nodes, links) = sample();
        let placed = layout(&nodes, &links, 560.0, 420.0, 7).expect("room enough");
        let got: Vec<String> = placed
            .iter()
            .map(|p| format!("{:.2} {:.2}", p.x, p.y))
            .collect();
        let expected = [
            "419.23 85.13",
            "388.19 178.72",
            "486.00 136.77",
            "326.11 276.48",
            "185.51 336.66",
            "74.00 387.00",
            "429.12 331.89",
            "474.51 15.22",
            "368.19 15.00",
        ];
        assert_eq!(got, expected, "the picture moved; the new one: {got:#?}");
    }

    /// The distance from a point to a segment, and which way the point lies: to the nearest
    /// point of the segment (its middle here; its end for a point beyond it), and across the
    /// segment when the point is on it.
    #[test]
    fn the_distance_to_a_segment_is_to_its_nearest_point() {
        let (a, b) = ((0.0, 0.0), (6.0, 8.0));
        let (d, (ux, uy)) = distance_to_segment((11.0, -2.0), a, b);
        assert!((d - 10.0).abs() < 1e-9 && (ux - 0.8).abs() < 1e-9 && (uy + 0.6).abs() < 1e-9);
        let (d, (ux, uy)) = distance_to_segment((9.0, 12.0), a, b);
        assert!((d - 5.0).abs() < 1e-9 && (ux - 0.6).abs() < 1e-9 && (uy - 0.8).abs() < 1e-9);
        let (d, (ux, uy)) = distance_to_segment((3.0, 4.0), a, b);
        assert!(d == 0.0 && (ux + 0.8).abs() < 1e-9 && (uy - 0.6).abs() < 1e-9);
        // The same away from the origin.
        let (d, (ux, uy)) = distance_to_segment((16.0, -5.0), (5.0, -3.0), (11.0, 5.0));
        assert!((d - 10.0).abs() < 1e-9 && (ux - 0.8).abs() < 1e-9 && (uy + 0.6).abs() < 1e-9);
        // A millionth of a pixel off counts as on it.
        let (d, (ux, uy)) = distance_to_segment((5.0, 1e-6), (0.0, 0.0), (10.0, 0.0));
        assert!(d == 0.0 && ux == 0.0 && uy == 1.0, "{d} {ux} {uy}");
    }

    /// The highest mark's outline (a triangle's tip reaches 14 px above its centre as Firefox bounds
    /// it) and the lowest label's halo are inside the picture, and the picture wastes no band above or
    /// below them: the graph fills its height, in graphs of 2, 5 and 12 actors, wide and narrow.
    #[test]
    fn the_graph_reaches_just_inside_the_top_and_bottom_edges() {
        for n in [2, 5, 12] {
            let nodes: Vec<NodeSpec> = NAMES[..n]
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

    /// Lines between the same two actors are counted together, whichever way they point, and
    /// an actor kept off a line keeps the room its parallels need.
    #[test]
    fn parallel_lines_are_counted_and_given_room() {
        let pairs = line_counts(&[(0, 1), (2, 0), (1, 0), (0, 1), (0, 2)]);
        assert_eq!(pairs, [(0, 1, 3), (0, 2, 2)]);
        let mut placed = [
            at(0.0, 0.0, 20.0),
            at(200.0, 0.0, 20.0),
            at(100.0, 20.0, 20.0),
        ];
        assert!(!clear_lines(&mut placed, &[(0, 1, 3)], &free));
        // Three parallels: 16 px and half of the two 16-px gaps, so 32 px, a pixel more, and half
        // a pixel against rounding.
        assert_eq!((placed[2].x, placed[2].y), (100.0, 33.5));
        assert!(clear_lines(&mut placed, &[(0, 1, 3)], &free));
        // Exactly that far is far enough.
        let mut placed = [
            at(0.0, 0.0, 20.0),
            at(200.0, 0.0, 20.0),
            at(100.0, 33.0, 20.0),
        ];
        assert!(clear_lines(&mut placed, &[(0, 1, 3)], &free));
        assert_eq!(placed[2].y, 33.0);
        // One line: 16 px; each further parallel, half a gap of 16 px more.
        let room: Vec<f64> = (0..=4).map(line_clearance).collect();
        assert_eq!(room, [16.0, 16.0, 24.0, 32.0, 40.0]);
    }

    /// At a tie the push is up and down: the column bounds the graph's width, while its box
    /// may grow taller.
    #[test]
    fn at_a_tie_actors_are_pushed_up_and_down() {
        // 10 px of overlap each way (boxes 80–120 and 110–150 across, 90–128 and 118–156 down).
        assert_eq!(
            pushed_apart(at(100.0, 100.0, 20.0), at(130.0, 128.0, 20.0)),
            [at(100.0, 90.0, 20.0), at(130.0, 138.0, 20.0)]
        );
    }

    /// Straight for one relation; for several, each bows to its own side by 16 px a place,
    /// whichever way the line runs; always from 11 px after one centre to 11 px before the other.
    #[test]
    fn each_edge_of_a_pair_has_its_own_path() {
        let (a, b) = (at(20.0, 30.0, 20.0), at(80.0, 110.0, 20.0));
        assert_eq!(edge_path(&a, &b, 0, 1), "M27 39L73 101");
        assert_eq!(edge_path(&a, &b, 0, 2), "M27 39Q63 60 73 101");
        assert_eq!(edge_path(&a, &b, 1, 2), "M27 39Q37 80 73 101");
        assert_eq!(
            edge_path(&a, &b, 1, 3),
            "M27 39L73 101",
            "the middle of three"
        );
        let (c, d) = (at(0.0, 0.0, 20.0), at(0.0, 100.0, 20.0));
        assert_eq!(edge_path(&c, &d, 0, 2), "M0 11Q16 50 0 89");
        assert_eq!(edge_path(&c, &d, 2, 3), "M0 11Q-32 50 0 89");
    }

    #[test]
    fn impossible_boxes_are_reported() {
        let nodes = vec![NodeSpec { label_width: 100.0 }; 30];
        assert_eq!(layout(&nodes, &[], 120.0, 120.0, 1), None);
    }

    #[test]
    fn arrow_keys_move_to_the_nearest_node_that_way() {
        //   0 . 1
        //   . 2 .
        //   3 . 4
        let points = [(0, 0), (100, 0), (50, 50), (0, 100), (100, 100)];
        assert_eq!(neighbour(&points, 0, Direction::Right), Some(1));
        assert_eq!(neighbour(&points, 0, Direction::Down), Some(3));
        assert_eq!(
            neighbour(&points, 2, Direction::Up),
            Some(0),
            "a tie goes to the first"
        );
        assert_eq!(neighbour(&points, 1, Direction::Left), Some(0));
        assert_eq!(
            neighbour(&points, 4, Direction::Right),
            None,
            "nothing further right"
        );
        assert_eq!(neighbour(&points, 3, Direction::Right), Some(4));
        let row = [(0, 0), (100, 0), (50, 0)];
        assert_eq!(
            neighbour(&row, 0, Direction::Right),
            Some(2),
            "the nearer in line"
        );
    }
}
