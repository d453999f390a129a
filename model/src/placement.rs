//! Where a hover card goes: under or over the line box of the mention the reader is on, flipped
//! to the side with room and shifted sideways to stay inside the viewport (which, in an embed, is the
//! iframe). All coordinates are CSS pixels relative to the viewport.

/// A rectangle in viewport coordinates, as `getBoundingClientRect` reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// Gap between the mention and the card, where the card's pointer sits.
pub const GAP: f64 = 12.0;
/// Minimum distance between the card and the viewport edge.
pub const MARGIN: f64 = 8.0;
/// Widest a card gets.
pub const MAX_WIDTH: f64 = 320.0;
/// The card's pointer stays at least this far from the card's corners.
const ARROW_INSET: f64 = 24.0;

/// Where to draw the card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    /// The card is above the mention (its pointer then points down).
    pub above: bool,
    /// The card's pointer, from the card's left edge.
    pub arrow_x: f64,
    /// Set when the card must scroll inside itself to fit.
    pub max_height: Option<f64>,
}

/// The card width for a viewport: [`MAX_WIDTH`], or the viewport less its margins on narrow screens.
pub fn card_width(viewport_width: f64) -> f64 {
    within(viewport_width - 2.0 * MARGIN, 0.0, MAX_WIDTH)
}

/// The line box of a (possibly wrapped) mention nearest to the pointer, or its first line without one.
pub fn anchor_line(lines: &[Rect], pointer: Option<(f64, f64)>) -> Option<Rect> {
    // How far `y` is from the line's band: 0 inside it.
    let distance = |r: &Rect, y: f64| (r.top - y).max(y - r.bottom).max(0.0);
    match pointer {
        Some((_, y)) => lines
            .iter()
            .copied()
            .min_by(|a, b| distance(a, y).total_cmp(&distance(b, y))),
        None => lines.first().copied(),
    }
}

/// Places a card of `card_height` for the line box `line`, in a viewport of `viewport` (width, height).
/// Below is preferred; the card flips above when it does not fit below and there is more room above.
/// `pointer_x` (for pointer-opened cards) decides where along the line the card's pointer points.
pub fn place_card(
    line: Rect,
    pointer_x: Option<f64>,
    viewport: (f64, f64),
    card_height: f64,
) -> Placement {
    let (vw, vh) = viewport;
    let width = card_width(vw);
    let target_x = pointer_x
        .map(|x| within(x, line.left, line.right))
        .unwrap_or((line.left + line.right) / 2.0);

    // (A viewport narrower than the margin gets a card of no width at its left edge.)
    let left = (target_x - ARROW_INSET * 2.0)
        .min(vw - MARGIN - width)
        .max(MARGIN.min(vw));
    // On a card narrower than two insets the bounds cross and `within` keeps the pointer at its
    // middle.
    let arrow_x = within(
        target_x - left,
        ARROW_INSET.min(width / 2.0),
        width - ARROW_INSET,
    );

    let room_below = vh - line.bottom - GAP - MARGIN;
    let room_above = line.top - GAP - MARGIN;
    let above = card_height > room_below && room_above > room_below;
    let room = if above { room_above } else { room_below };
    let max_height = (card_height > room).then_some(room.max(0.0));
    let shown_height = max_height.unwrap_or(card_height);
    let top = if above {
        line.top - GAP - shown_height
    } else {
        line.bottom + GAP
    };
    Placement {
        left,
        top,
        width,
        above,
        arrow_x,
        max_height,
    }
}

/// `x` limited to `lo..=hi` (`lo` wins if they cross). Unlike `f64::clamp` it cannot panic, and it
/// keeps float formatting (the panic message's) out of the wasm.
fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.min(hi).max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: (f64, f64) = (375.0, 700.0);
    const DESKTOP: (f64, f64) = (1280.0, 800.0);

    fn line(left: f64, top: f64, right: f64) -> Rect {
        Rect {
            left,
            top,
            right,
            bottom: top + 24.0,
        }
    }

    fn inside(p: &Placement, vw: f64) -> bool {
        p.left >= MARGIN - 1e-9 && p.left + p.width <= vw - MARGIN + 1e-9
    }

    #[test]
    fn below_when_there_is_room() {
        let p = place_card(line(400.0, 100.0, 480.0), Some(420.0), DESKTOP, 200.0);
        assert!(!p.above);
        assert_eq!(p.top, 124.0 + GAP);
        assert_eq!(p.width, MAX_WIDTH);
        assert!(
            (p.left + p.arrow_x - 420.0).abs() < 1e-9,
            "pointer under the cursor"
        );
    }

    #[test]
    fn flips_above_near_the_bottom() {
        let p = place_card(line(400.0, 700.0, 480.0), None, DESKTOP, 200.0);
        assert!(p.above);
        assert_eq!(p.top + 200.0, 700.0 - GAP);
        assert_eq!(p.max_height, None);
    }

    #[test]
    fn shifts_left_at_the_right_edge_and_keeps_pointing_at_the_mention() {
        let p = place_card(line(330.0, 100.0, 370.0), Some(340.0), PHONE, 150.0);
        assert!(inside(&p, PHONE.0), "{p:?}");
        assert!((p.left + p.arrow_x - 340.0).abs() < 1e-9);
        let corner = place_card(line(330.0, 100.0, 370.0), Some(366.0), PHONE, 150.0);
        assert_eq!(
            corner.arrow_x,
            corner.width - ARROW_INSET,
            "pointer stops short of the corner"
        );
    }

    #[test]
    fn shifts_right_at_the_left_edge() {
        let p = place_card(line(0.0, 100.0, 30.0), Some(5.0), PHONE, 150.0);
        assert!(inside(&p, PHONE.0), "{p:?}");
        assert!(p.arrow_x >= ARROW_INSET);
    }

    #[test]
    fn narrow_viewport_gets_a_narrower_card() {
        let p = place_card(line(100.0, 100.0, 150.0), None, (320.0, 568.0), 150.0);
        assert_eq!(p.width, 304.0);
        assert!(inside(&p, 320.0));
    }

    #[test]
    fn too_tall_for_either_side_scrolls_on_the_roomier_side() {
        let p = place_card(line(100.0, 150.0, 200.0), None, (375.0, 400.0), 600.0);
        assert!(!p.above);
        let room = 400.0 - 174.0 - GAP - MARGIN;
        assert_eq!(p.max_height, Some(room));
        assert!(p.top + room <= 400.0 - MARGIN + 1e-9);
    }

    #[test]
    fn without_a_pointer_the_card_points_at_the_middle_of_the_line() {
        let p = place_card(line(400.0, 100.0, 480.0), None, DESKTOP, 200.0);
        assert!((p.left + p.arrow_x - 440.0).abs() < 1e-9, "{p:?}");
        let wide = place_card(line(100.0, 100.0, 700.0), None, DESKTOP, 200.0);
        assert!((wide.left + wide.arrow_x - 400.0).abs() < 1e-9, "{wide:?}");
    }

    #[test]
    fn on_a_card_narrower_than_two_insets_the_pointer_is_at_its_middle() {
        // 40 px of viewport: a card of 24 px.
        let p = place_card(line(10.0, 100.0, 30.0), Some(12.0), (40.0, 600.0), 150.0);
        assert_eq!(p.width, 24.0);
        assert_eq!(p.arrow_x, 12.0, "{p:?}");
        assert_eq!(p.left, MARGIN, "{p:?}");
    }

    #[test]
    fn a_card_that_just_fits_below_stays_below_whole() {
        // Room below: 800 - 524 - GAP - MARGIN = 256; far more above.
        let p = place_card(line(400.0, 500.0, 480.0), None, DESKTOP, 256.0);
        assert!(!p.above, "{p:?}");
        assert_eq!(p.max_height, None, "fits exactly: no scrolling");
        assert_eq!(p.top, 524.0 + GAP);
    }

    #[test]
    fn too_tall_for_either_side_scrolls_above_when_above_is_roomier() {
        // Room above: 500 - GAP - MARGIN = 480; below: 600 - 524 - GAP - MARGIN = 56.
        let p = place_card(line(100.0, 500.0, 200.0), None, (375.0, 600.0), 700.0);
        assert!(p.above, "{p:?}");
        assert_eq!(p.max_height, Some(480.0));
        assert_eq!(p.top, MARGIN, "its top at the margin");
    }

    #[test]
    fn with_as_much_room_above_as_below_a_card_too_tall_for_both_goes_below() {
        // A line whose band sits mid-screen: 288 px on each side.
        let p = place_card(line(100.0, 308.0, 200.0), None, (375.0, 640.0), 500.0);
        assert!(!p.above, "{p:?}");
        assert_eq!(p.max_height, Some(288.0));
    }

    #[test]
    fn the_pointer_picks_the_nearest_line_of_a_mention_across_a_gap() {
        // Two lines apart (a mention broken around a float, or a tall line between).
        let lines = [line(300.0, 100.0, 360.0), line(0.0, 200.0, 40.0)];
        for (y, nearest, why) in [
            (130.0, 0, "6 px below the first"),
            (190.0, 1, "10 px above the second"),
            (40.0, 0, "above both"),
            (300.0, 1, "below both"),
        ] {
            assert_eq!(
                anchor_line(&lines, Some((0.0, y))),
                Some(lines[nearest]),
                "{why}"
            );
        }
    }

    #[test]
    fn wrapped_mention_anchors_to_the_line_under_the_pointer() {
        let lines = [line(300.0, 100.0, 360.0), line(0.0, 124.0, 40.0)];
        assert_eq!(anchor_line(&lines, Some((20.0, 130.0))), Some(lines[1]));
        assert_eq!(anchor_line(&lines, Some((340.0, 101.0))), Some(lines[0]));
        assert_eq!(anchor_line(&lines, None), Some(lines[0]));
        assert_eq!(anchor_line(&[], None), None);
    }
}
