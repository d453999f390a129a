//! How a hover card reacts to a reader, as a state machine: pointer rest opens it (hover intent),
//! leaving closes it after a grace period so the pointer can travel into the card, keyboard focus
//! opens it at once, a tap toggles it, Esc and the close button dismiss it (WCAG 2.2 SC 1.4.13).
//! The shell feeds it [`Input`]s and carries out the [`Effect`]s (timers, focus, scrolling).
//! A card is anchored to something on the page: `A` says what (a mention, a node of the graph…);
//! the machine only compares anchors.

/// How long the pointer must rest on a mention before its card opens.
pub const INTENT_MS: u32 = 180;
/// How long a card stays after the pointer leaves, so the pointer can reach it.
pub const CLOSE_MS: u32 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Mouse,
    Pen,
    Touch,
}

/// What opened a card, which decides what closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// Pointer rest: closes when the pointer leaves mention and card.
    Hover,
    /// Keyboard focus: closes when focus moves elsewhere.
    Focus,
    /// Click, tap, Enter or the card's own buttons: stays until dismissed or focus moves elsewhere.
    Pinned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenCard<A> {
    pub anchor: A,
    pub opened: Opened,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input<A> {
    PointerEnterAnchor {
        anchor: A,
        pointer: Pointer,
    },
    PointerLeaveAnchor {
        anchor: A,
    },
    PointerEnterCard,
    PointerLeaveCard,
    /// Keyboard focus reached an anchor (focus caused by a pointer press is not reported).
    FocusAnchor {
        anchor: A,
    },
    /// Focus moved to something that is neither the open card nor an anchor.
    FocusElsewhere,
    /// Click or tap on an anchor (`pointer: None` for Enter on a focused anchor).
    Activate {
        anchor: A,
        pointer: Option<Pointer>,
    },
    /// Show the card at another anchor (the card's previous/next buttons).
    Show {
        anchor: A,
    },
    Escape {
        focus_in_card: bool,
    },
    PressOutside,
    CloseButton,
    IntentElapsed,
    CloseElapsed,
    SetEnabled(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect<A> {
    StartIntentTimer(u32),
    CancelIntentTimer,
    StartCloseTimer(u32),
    CancelCloseTimer,
    /// Move focus into the card (its first control).
    FocusCard,
    FocusAnchor(A),
    ScrollToAnchor(A),
}

/// The card state: at most one card is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardState<A> {
    pub enabled: bool,
    pub open: Option<OpenCard<A>>,
    /// An anchor the pointer rests on, waiting for [`INTENT_MS`].
    pub pending: Option<A>,
    /// The close grace period is running.
    pub closing: bool,
}

impl<A> Default for CardState<A> {
    fn default() -> Self {
        CardState {
            enabled: true,
            open: None,
            pending: None,
            closing: false,
        }
    }
}

impl<A: Copy + Eq> CardState<A> {
    /// Where the open card is anchored.
    pub fn open_anchor(&self) -> Option<A> {
        self.open.map(|o| o.anchor)
    }

    /// Applies `input`, returning the effects the shell must carry out, in order. Long by design:
    /// the card's whole transition table, one arm per input.
    pub fn apply(&mut self, input: Input<A>) -> Vec<Effect<A>> {
        let mut fx = Vec::new();
        if !self.enabled {
            if let Input::SetEnabled(true) = input {
                self.enabled = true;
            }
            return fx;
        }
        match input {
            Input::PointerEnterAnchor {
                pointer: Pointer::Touch,
                ..
            } => {}
            Input::PointerEnterAnchor { anchor, .. } => {
                if self.open_anchor() == Some(anchor) {
                    self.stop_closing(&mut fx);
                    self.stop_intent(&mut fx);
                } else if self.pending != Some(anchor) {
                    self.stop_intent(&mut fx);
                    self.pending = Some(anchor);
                    fx.push(Effect::StartIntentTimer(INTENT_MS));
                }
            }
            Input::PointerLeaveAnchor { anchor } => {
                if self.pending == Some(anchor) {
                    self.stop_intent(&mut fx);
                }
                if self
                    .open
                    .is_some_and(|o| o.anchor == anchor && o.opened == Opened::Hover)
                {
                    self.start_closing(&mut fx);
                }
            }
            Input::PointerEnterCard => self.stop_closing(&mut fx),
            Input::PointerLeaveCard => {
                if self.open.is_some_and(|o| o.opened == Opened::Hover) {
                    self.start_closing(&mut fx);
                }
            }
            Input::IntentElapsed => {
                if let Some(anchor) = self.pending.take() {
                    self.stop_closing(&mut fx);
                    self.open = Some(OpenCard {
                        anchor,
                        opened: Opened::Hover,
                    });
                }
            }
            Input::CloseElapsed => {
                if self.closing {
                    self.closing = false;
                    self.open = None;
                }
            }
            Input::FocusAnchor { anchor } => {
                self.stop_timers(&mut fx);
                self.open = Some(OpenCard {
                    anchor,
                    opened: Opened::Focus,
                });
            }
            Input::FocusElsewhere => {
                if self.open.is_some_and(|o| o.opened != Opened::Hover) {
                    self.close(&mut fx);
                }
            }
            Input::Activate { anchor, pointer } => {
                let was_open_here = self.open_anchor() == Some(anchor);
                self.stop_timers(&mut fx);
                match pointer {
                    Some(Pointer::Touch) if was_open_here => self.open = None,
                    Some(_) => {
                        self.open = Some(OpenCard {
                            anchor,
                            opened: Opened::Pinned,
                        })
                    }
                    None => {
                        self.open = Some(OpenCard {
                            anchor,
                            opened: Opened::Pinned,
                        });
                        fx.push(Effect::FocusCard);
                    }
                }
            }
            Input::Show { anchor } => {
                self.stop_timers(&mut fx);
                self.open = Some(OpenCard {
                    anchor,
                    opened: Opened::Pinned,
                });
                fx.push(Effect::ScrollToAnchor(anchor));
            }
            Input::Escape { focus_in_card } => {
                if let Some(open) = self.open {
                    self.close(&mut fx);
                    if focus_in_card {
                        fx.push(Effect::FocusAnchor(open.anchor));
                    }
                } else {
                    self.stop_intent(&mut fx);
                }
            }
            Input::PressOutside => self.close(&mut fx),
            Input::CloseButton => {
                if let Some(open) = self.open {
                    self.close(&mut fx);
                    fx.push(Effect::FocusAnchor(open.anchor));
                }
            }
            Input::SetEnabled(enabled) => {
                if !enabled {
                    self.close(&mut fx);
                    self.enabled = false;
                }
            }
        }
        fx
    }

    fn close(&mut self, fx: &mut Vec<Effect<A>>) {
        self.stop_timers(fx);
        self.open = None;
    }

    fn stop_timers(&mut self, fx: &mut Vec<Effect<A>>) {
        self.stop_intent(fx);
        self.stop_closing(fx);
    }

    fn stop_intent(&mut self, fx: &mut Vec<Effect<A>>) {
        if self.pending.take().is_some() {
            fx.push(Effect::CancelIntentTimer);
        }
    }

    fn start_closing(&mut self, fx: &mut Vec<Effect<A>>) {
        if !self.closing {
            self.closing = true;
            fx.push(Effect::StartCloseTimer(CLOSE_MS));
        }
    }

    fn stop_closing(&mut self, fx: &mut Vec<Effect<A>>) {
        if self.closing {
            self.closing = false;
            fx.push(Effect::CancelCloseTimer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Input::*;

    const MOUSE: Pointer = Pointer::Mouse;

    fn hovered(mention: u16) -> CardState<u16> {
        let mut s = CardState::<u16>::default();
        s.apply(PointerEnterAnchor {
            anchor: mention,
            pointer: MOUSE,
        });
        s.apply(IntentElapsed);
        s
    }

    #[test]
    fn pointer_rest_opens_after_the_intent_delay() {
        let mut s = CardState::<u16>::default();
        assert_eq!(
            s.apply(PointerEnterAnchor {
                anchor: 3,
                pointer: MOUSE
            }),
            vec![Effect::StartIntentTimer(INTENT_MS)]
        );
        assert_eq!(s.open, None, "nothing opens before the pointer rests");
        s.apply(IntentElapsed);
        assert_eq!(
            s.open,
            Some(OpenCard {
                anchor: 3,
                opened: Opened::Hover
            })
        );
    }

    #[test]
    fn crossing_a_mention_opens_nothing() {
        let mut s = CardState::<u16>::default();
        s.apply(PointerEnterAnchor {
            anchor: 3,
            pointer: MOUSE,
        });
        assert_eq!(
            s.apply(PointerLeaveAnchor { anchor: 3 }),
            vec![Effect::CancelIntentTimer]
        );
        s.apply(IntentElapsed);
        assert_eq!(s.open, None);
    }

    #[test]
    fn pointer_can_travel_into_the_card() {
        let mut s = hovered(3);
        assert_eq!(
            s.apply(PointerLeaveAnchor { anchor: 3 }),
            vec![Effect::StartCloseTimer(CLOSE_MS)]
        );
        assert_eq!(s.apply(PointerEnterCard), vec![Effect::CancelCloseTimer]);
        s.apply(CloseElapsed);
        assert_eq!(
            s.open_anchor(),
            Some(3),
            "a cancelled grace period closes nothing"
        );
        s.apply(PointerLeaveCard);
        s.apply(CloseElapsed);
        assert_eq!(s.open, None);
    }

    #[test]
    fn moving_to_another_mention_replaces_the_card() {
        let mut s = hovered(3);
        s.apply(PointerLeaveAnchor { anchor: 3 });
        s.apply(PointerEnterAnchor {
            anchor: 9,
            pointer: MOUSE,
        });
        s.apply(IntentElapsed);
        assert_eq!(s.open_anchor(), Some(9));
        assert!(!s.closing);
    }

    #[test]
    fn touch_pointer_enter_is_ignored_and_tap_toggles() {
        let mut s = CardState::<u16>::default();
        assert!(s
            .apply(PointerEnterAnchor {
                anchor: 2,
                pointer: Pointer::Touch
            })
            .is_empty());
        s.apply(Activate {
            anchor: 2,
            pointer: Some(Pointer::Touch),
        });
        assert_eq!(
            s.open,
            Some(OpenCard {
                anchor: 2,
                opened: Opened::Pinned
            })
        );
        s.apply(PointerLeaveAnchor { anchor: 2 });
        assert_eq!(
            s.open_anchor(),
            Some(2),
            "a tapped card does not close when the finger lifts"
        );
        s.apply(Activate {
            anchor: 2,
            pointer: Some(Pointer::Touch),
        });
        assert_eq!(s.open, None);
    }

    #[test]
    fn click_pins_a_hover_card() {
        let mut s = hovered(4);
        s.apply(Activate {
            anchor: 4,
            pointer: Some(MOUSE),
        });
        s.apply(PointerLeaveAnchor { anchor: 4 });
        assert!(!s.closing);
        assert_eq!(
            s.open,
            Some(OpenCard {
                anchor: 4,
                opened: Opened::Pinned
            })
        );
        s.apply(PressOutside);
        assert_eq!(s.open, None);
    }

    #[test]
    fn keyboard_focus_opens_at_once_and_closes_when_focus_moves() {
        let mut s = CardState::<u16>::default();
        s.apply(FocusAnchor { anchor: 1 });
        assert_eq!(
            s.open,
            Some(OpenCard {
                anchor: 1,
                opened: Opened::Focus
            })
        );
        s.apply(FocusAnchor { anchor: 2 });
        assert_eq!(s.open_anchor(), Some(2), "one card at a time");
        s.apply(FocusElsewhere);
        assert_eq!(s.open, None);
    }

    #[test]
    fn focus_elsewhere_leaves_a_hover_card_alone() {
        let mut s = hovered(5);
        s.apply(FocusElsewhere);
        assert_eq!(s.open_anchor(), Some(5));
    }

    #[test]
    fn enter_moves_focus_into_the_card() {
        let mut s = CardState::<u16>::default();
        s.apply(FocusAnchor { anchor: 1 });
        assert_eq!(
            s.apply(Activate {
                anchor: 1,
                pointer: None
            }),
            vec![Effect::FocusCard]
        );
        assert_eq!(
            s.open,
            Some(OpenCard {
                anchor: 1,
                opened: Opened::Pinned
            })
        );
    }

    #[test]
    fn escape_closes_and_returns_focus_only_from_inside_the_card() {
        let mut s = CardState::<u16>::default();
        s.apply(FocusAnchor { anchor: 1 });
        assert_eq!(
            s.apply(Escape {
                focus_in_card: false
            }),
            vec![]
        );
        assert_eq!(s.open, None);
        s.apply(Activate {
            anchor: 1,
            pointer: None,
        });
        assert_eq!(
            s.apply(Escape {
                focus_in_card: true
            }),
            vec![Effect::FocusAnchor(1)]
        );
        let mut hover = hovered(7);
        hover.apply(PointerLeaveAnchor { anchor: 7 });
        assert_eq!(
            hover.apply(Escape {
                focus_in_card: false
            }),
            vec![Effect::CancelCloseTimer]
        );
        assert_eq!(hover.open, None);
    }

    #[test]
    fn close_button_returns_focus_to_the_mention() {
        let mut s = hovered(6);
        assert_eq!(s.apply(CloseButton), vec![Effect::FocusAnchor(6)]);
        assert_eq!(s.open, None);
    }

    #[test]
    fn stepping_pins_and_scrolls() {
        let mut s = hovered(6);
        assert_eq!(s.apply(Show { anchor: 8 }), vec![Effect::ScrollToAnchor(8)]);
        assert_eq!(
            s.open,
            Some(OpenCard {
                anchor: 8,
                opened: Opened::Pinned
            })
        );
    }

    #[test]
    fn cards_off_closes_and_ignores_everything_until_on() {
        let mut s = hovered(6);
        s.apply(SetEnabled(false));
        assert_eq!(s.open, None);
        s.apply(FocusAnchor { anchor: 1 });
        s.apply(Activate {
            anchor: 1,
            pointer: Some(MOUSE),
        });
        assert_eq!(s.open, None);
        s.apply(SetEnabled(true));
        s.apply(FocusAnchor { anchor: 1 });
        assert_eq!(s.open_anchor(), Some(1));
    }
}
