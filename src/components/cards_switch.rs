//! The toolbar above the article: the one-click switch that turns actor cards (and the marking of
//! names) on and off, and, where the graph sits below the text, a link down to it.

use yew::prelude::*;

/// The hint beside the switch, with cards on and off.
pub const HINT_ON: &str =
    "Names are marked: hover, focus or tap one to see who they are in this story.";
pub const HINT_OFF: &str = "Actor cards are off.";

#[derive(Properties, PartialEq)]
pub struct CardsSwitchProps {
    pub on: bool,
    /// The page has a relation graph to link to.
    #[prop_or_default]
    pub graph: bool,
}

#[component]
pub fn CardsSwitch(props: &CardsSwitchProps) -> Html {
    let on = props.on;
    html! {
        <div class="xa-toolbar">
            <span class="xa-hint" id="xa-hint">
                { if on { HINT_ON } else { HINT_OFF } }
            </span>
            if props.graph {
                <a class="xa-jump" href="#xa-graph-title">{ "Who does what to whom ↓" }</a>
            }
            <button type="button" class="xa-switch" aria-pressed={on.to_string()} aria-describedby="xa-hint">
                <span class="xa-switch-track" aria-hidden="true"><span class="xa-switch-thumb"></span></span>
                { "Actor cards" }
            </button>
        </div>
    }
}
