//! Entity mentions and within-document resolution.
//!
//! [`annotate`] tags proper names with a statistical sequence tagger ([`tagger`]: an averaged
//! structured perceptron over hashed features, trained on CoNLL-2003), refines its four classes
//! into Parallax's eight types with written lexicons ([`lexicon`], [`types`]), moves titles out
//! of person names into roles ([`roles`]), reads wire datelines ([`dateline`]) and title-case
//! headlines ([`headline`]), and resolves
//! names, nominals and pronouns into within-document entities ([`resolve`]).
//!
//! # Example
//!
//! ```
//! use parallax_core::Document;
//!
//! let doc = Document::new(
//!     "d1",
//!     "Angela Merkel met Emmanuel Macron in Paris. Merkel said the talks went well.",
//!     "example.txt",
//! );
//! let seg = parallax_segment::segment(&doc.text);
//! let layer = parallax_entities::annotate(&doc, &seg);
//! let entity_of = |name: &str| {
//!     layer.mentions.iter().find(|m| m.text == name).and_then(|m| m.local_entity)
//! };
//! // The short name is the same person as the full one, within the document.
//! assert!(entity_of("Angela Merkel").is_some());
//! assert_eq!(entity_of("Merkel"), entity_of("Angela Merkel"));
//! assert_ne!(entity_of("Emmanuel Macron"), entity_of("Angela Merkel"));
//! ```

pub mod dateline;
pub mod hash;
pub mod headline;
pub mod lexicon;
pub mod names;
pub mod resolve;
pub mod roles;
pub mod tagger;
pub mod tokens;
pub mod types;

use parallax_core::{Diagnostic, Document, LocalEntity, Mention, Segmentation};

/// The entity layer of one document.
#[derive(Debug, Clone, Default)]
pub struct EntityLayer {
    pub mentions: Vec<Mention>,
    pub local_entities: Vec<LocalEntity>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds entity mentions in `doc` and groups them into within-document entities.
pub fn annotate(doc: &Document, seg: &Segmentation) -> EntityLayer {
    let model = match tagger::model() {
        Ok(model) => model,
        Err(e) => {
            return EntityLayer {
                diagnostics: vec![Diagnostic::error(
                    "entities",
                    format!("NER model unavailable: {e}"),
                )],
                ..EntityLayer::default()
            }
        }
    };
    let sentences = tokens::sentences(&doc.text, seg);
    let names = names::recognize(&doc.text, &sentences, model);
    let (mentions, local_entities) = resolve::resolve(&doc.text, &sentences, names);
    EntityLayer {
        mentions,
        local_entities,
        diagnostics: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
