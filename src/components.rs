//! The page's components: each renders what it is given; the ones of the prerendered page take the
//! reader's initial [`article_model::view::View`] and write what it says.

pub mod article_body;
pub mod cards_switch;
pub mod hover_card;
pub mod relation_graph;
pub mod relations_table;

pub use article_body::ArticleBody;
pub use cards_switch::CardsSwitch;
pub use hover_card::HoverCard;
pub use relation_graph::RelationFigure;
