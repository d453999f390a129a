//! The one Yew component in the browser: renders the open card (or nothing) into the empty host at
//! the end of the page, and tells the reader once the card is in the page.

use article_model::reader::Event;
use article_model::Anchor;
use yew::prelude::*;

use super::Handle;
use crate::components::hover_card::{self, HoverCardProps};
use crate::StoryRef;

#[derive(Properties, PartialEq)]
pub struct CardHostProps {
    pub handle: Handle,
    pub anchor: Option<Anchor>,
}

pub struct CardHost;

impl Component for CardHost {
    type Message = ();
    type Properties = CardHostProps;

    fn create(_: &Context<Self>) -> Self {
        CardHost
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let Some(anchor) = props.anchor else {
            return html! {};
        };
        hover_card::view(&HoverCardProps {
            story: StoryRef(props.handle.story()),
            anchor,
            graph: props.handle.graph_shown(),
        })
    }

    fn rendered(&mut self, ctx: &Context<Self>, first: bool) {
        if !first {
            ctx.props().handle.send(Event::CardRendered);
        }
    }
}
