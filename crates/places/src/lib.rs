//! Places: every place name of an article, geocoded against an embedded GeoNames gazetteer.
//!
//! [`annotate`] finds the place mentions ([`find`]: names the entity layer typed GPE or LOC,
//! and place names inside other names), and resolves each to a gazetteer entry — name,
//! coordinates, feature class and code, country, first-level region, population, GeoNames id
//! — or leaves it open with its ranked candidates when the text does not decide
//! ([`resolve`]: population and kind, a qualifier such as ", Mass.", the countries and
//! regions the article names, the outlet's country, and the article's other places).
//!
//! The gazetteer ([`gazetteer`]) is read from the committed file once per process. If it is
//! damaged, every document gets one error diagnostic and no places; nothing panics.
//!
//! For other annotators (events) the one-call interface is [`geocode`]: the places of a
//! document for given spans, in the context of its entity layer.
//!
//! # Example
//!
//! Place names found by the entity layer are geocoded against the bundled gazetteer.
//!
//! ```
//! use parallax_core::Document;
//!
//! let doc = Document::new("d1", "Protesters gathered in Tbilisi on Sunday.", "example.txt");
//! let seg = parallax_segment::segment(&doc.text);
//! let entities = parallax_entities::annotate(&doc, &seg);
//! let places = parallax_places::annotate(&doc, &entities.mentions, &entities.local_entities);
//! let tbilisi = places.items.iter().find(|p| p.text == "Tbilisi").and_then(|p| p.place.as_ref());
//! assert_eq!(tbilisi.and_then(|p| p.country_code.as_deref()), Some("GE"));
//! assert_eq!(tbilisi.and_then(|p| p.country.as_deref()), Some("Georgia"));
//! ```

pub mod find;
pub mod fold;
pub mod gazetteer;
pub mod resolve;

use parallax_core::{Annotated, Diagnostic, Document, LocalEntity, Mention, PlaceMention, Span};
pub use resolve::Weights;

/// The lines of a lexicon file that hold data: not blank, not `#` comments, trimmed.
pub(crate) fn lexicon_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Number of candidates kept on a mention the text does not decide.
pub const CANDIDATES_SHOWN: usize = 5;

/// The place mentions of `doc`, found in its entity layer and geocoded.
pub fn annotate(
    doc: &Document,
    mentions: &[Mention],
    local_entities: &[LocalEntity],
) -> Annotated<PlaceMention> {
    let gazetteer = match gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            return Annotated {
                items: Vec::new(),
                diagnostics: vec![Diagnostic::error(
                    "places",
                    format!("gazetteer unavailable, no place was geocoded: {e}"),
                )],
            }
        }
    };
    let weights = match Weights::embedded() {
        Ok(w) => w,
        Err(e) => {
            return Annotated {
                items: Vec::new(),
                diagnostics: vec![Diagnostic::error(
                    "places",
                    format!("geocoding weights unreadable, no place was geocoded: {e}"),
                )],
            }
        }
    };
    let found = find::find(&doc.text, mentions, gazetteer);
    let spans: Vec<Span> = found.iter().map(|f| f.span).collect();
    let mut items = geocode_with(gazetteer, weights, doc, local_entities, &spans);
    for (item, f) in items.iter_mut().zip(&found) {
        item.mention = f.mention;
    }
    Annotated::new(items)
}

/// The places named at `spans` of `doc` (each span a place name: "Basra", "Cambridge"),
/// resolved in the context of the document's entity layer and of each other. Spans that are
/// not valid slices of the text are skipped. Uses the embedded gazetteer; empty when it is
/// damaged or the weights unreadable (see [`annotate`] for the diagnostic).
pub fn geocode(
    doc: &Document,
    local_entities: &[LocalEntity],
    spans: &[Span],
) -> Vec<PlaceMention> {
    match (gazetteer::embedded(), Weights::embedded()) {
        (Ok(g), Ok(w)) => geocode_with(g, w, doc, local_entities, spans),
        _ => Vec::new(),
    }
}

/// [`geocode`] with a given gazetteer and weights (for evaluation and tuning).
pub fn geocode_with(
    gazetteer: &gazetteer::Gazetteer,
    weights: Weights,
    doc: &Document,
    local_entities: &[LocalEntity],
    spans: &[Span],
) -> Vec<PlaceMention> {
    let spans: Vec<Span> = spans
        .iter()
        .copied()
        .filter(|s| s.slice(&doc.text).is_ok() && !s.is_empty())
        .collect();
    let nationalities: Vec<&str> = local_entities
        .iter()
        .filter_map(|e| e.country.as_deref())
        .collect();
    let (context, sites) = resolve::Context::new(
        gazetteer,
        weights,
        &doc.text,
        &spans,
        &nationalities,
        doc.meta.url.as_deref(),
    );
    spans
        .iter()
        .zip(sites)
        .map(|(&span, site)| {
            let resolution = context.resolution(site);
            let place = resolution.place().map(|i| gazetteer.place(i));
            let candidates = if place.is_some() {
                Vec::new()
            } else {
                resolution
                    .ranked
                    .iter()
                    .take(CANDIDATES_SHOWN)
                    .map(|&(i, _)| gazetteer.place(i))
                    .collect()
            };
            PlaceMention {
                span,
                text: doc.text[span.range()].to_string(),
                mention: None,
                place,
                candidates,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
