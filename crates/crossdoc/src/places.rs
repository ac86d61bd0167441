//! The places of each story: every place mention of its articles, gathered by the place it
//! names, across outlets.
//!
//! - A mention the geocoder resolved joins the other mentions of the same place in the same
//!   story: the same GeoNames id, or for the oceans, seas and regions that have none, the
//!   same gazetteer name.
//! - A mention left open (the text did not decide between namesakes) joins the other open
//!   mentions of the same words (case and accents folded) in the story, and keeps the
//!   candidates of its first mention; it is never merged into a resolved place, since that
//!   would decide what the text did not. It is named as written (in mixed case when any
//!   mention is).
//! - Each place lists its outlets and every mention as evidence (span: the place name).
//!   Places are ordered by story (in the order of `stories`, articles in no story last), then
//!   by number of mentions, most first, then by name; ids are `pl1`, `pl2`, … in that order.

use crate::assemble::evidence;
use parallax_core::{Analysis, Document, DossierPlace, Story};
use std::collections::{BTreeSet, HashMap};

/// What mentions of one place are gathered under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(u32),
    Name(String),
    Open(String),
}

fn key_of(p: &parallax_core::PlaceMention) -> Key {
    match &p.place {
        Some(g) if g.geonames_id != 0 => Key::Id(g.geonames_id),
        Some(g) => Key::Name(g.name.clone()),
        None => Key::Open(fold(&p.text)),
    }
}

/// Lowercase, without accents or punctuation (open mentions of one name meet).
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a name is written in capitals only ("DREVNA").
fn shouting(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

/// The places of `docs` (in dossier order, each with its analysis), per story.
pub fn gather(docs: &[&Document], analyses: &[&Analysis], stories: &[Story]) -> Vec<DossierPlace> {
    let story_of: HashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.documents.iter().map(move |d| (d.as_str(), i)))
        .collect();
    let mut index: HashMap<(Option<usize>, Key), usize> = HashMap::new();
    let mut gathered: Vec<(Option<usize>, DossierPlace, BTreeSet<String>)> = Vec::new();
    for (doc, analysis) in docs.iter().zip(analyses) {
        let story = story_of.get(doc.id.as_str()).copied();
        let outlet = doc
            .meta
            .outlet
            .clone()
            .unwrap_or_else(|| parallax_core::UNKNOWN_OUTLET.to_string());
        for p in &analysis.places {
            if p.span.slice(&doc.text).is_err() {
                continue;
            }
            let at = *index.entry((story, key_of(p))).or_insert_with(|| {
                gathered.push((
                    story,
                    DossierPlace {
                        id: String::new(),
                        story: story.map(|s| stories[s].id.clone()),
                        name: p
                            .place
                            .as_ref()
                            .map_or_else(|| p.text.clone(), |g| g.name.clone()),
                        place: p.place.clone(),
                        candidates: p.candidates.clone(),
                        outlets: Vec::new(),
                        mentions: Vec::new(),
                    },
                    BTreeSet::new(),
                ));
                gathered.len() - 1
            });
            let (_, place, outlets) = &mut gathered[at];
            // An open place is named as written, but not in a dateline's capitals when the
            // articles also write it in mixed case.
            if place.place.is_none() && shouting(&place.name) && !shouting(&p.text) {
                place.name = p.text.clone();
            }
            place
                .mentions
                .push(evidence(doc, analysis, p.span, &p.text));
            outlets.insert(outlet.clone());
        }
    }
    gathered.sort_by(|a, b| {
        (a.0.is_none(), a.0)
            .cmp(&(b.0.is_none(), b.0))
            .then(b.1.mentions.len().cmp(&a.1.mentions.len()))
            .then(a.1.name.cmp(&b.1.name))
    });
    gathered
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut place, outlets))| {
            place.id = format!("pl{}", i + 1);
            place.outlets = outlets.into_iter().collect();
            place
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{GeoPlace, PlaceMention, Span};

    fn geo(id: u32, name: &str, country: &str) -> GeoPlace {
        GeoPlace {
            geonames_id: id,
            name: name.into(),
            lat: 0.0,
            lon: 0.0,
            feature_class: "P".into(),
            feature_code: "PPL".into(),
            country: None,
            country_code: Some(country.into()),
            admin1: None,
            population: 1,
        }
    }

    fn doc(id: &str, outlet: &str, text: &str, places: Vec<PlaceMention>) -> (Document, Analysis) {
        let mut d = Document::new(id, text, "t");
        d.meta.outlet = Some(outlet.into());
        let a = Analysis {
            places,
            ..Analysis::default()
        };
        (d, a)
    }

    fn mention(text: &str, at: usize, len: usize, place: Option<GeoPlace>) -> PlaceMention {
        PlaceMention {
            span: Span::new(at, at + len),
            text: text[at..at + len].to_string(),
            mention: None,
            place,
            candidates: Vec::new(),
        }
    }

    #[test]
    fn mentions_of_one_place_meet_across_outlets_and_open_ones_stay_apart() {
        let t1 = "Shelling hit Gori and Gori again.";
        let t2 = "In Gori, and in Cambridge, calm.";
        let gori = geo(615532, "Gori", "GE");
        let (d1, a1) = doc(
            "a",
            "One",
            t1,
            vec![
                mention(t1, 13, 4, Some(gori.clone())),
                mention(t1, 22, 4, Some(gori.clone())),
            ],
        );
        let (d2, a2) = doc(
            "b",
            "Two",
            t2,
            vec![mention(t2, 3, 4, Some(gori)), mention(t2, 16, 9, None)],
        );
        let story = Story {
            id: "s1".into(),
            label: "x".into(),
            documents: vec!["a".into(), "b".into()],
            outlets: vec![],
            first_published: None,
            last_published: None,
        };
        let places = gather(&[&d1, &d2], &[&a1, &a2], &[story]);
        assert_eq!(places.len(), 2, "{places:#?}");
        assert_eq!(places[0].name, "Gori");
        assert_eq!(places[0].id, "pl1");
        assert_eq!(places[0].mentions.len(), 3);
        assert_eq!(places[0].outlets, ["One", "Two"]);
        assert_eq!(places[0].story.as_deref(), Some("s1"));
        assert_eq!(places[1].name, "Cambridge");
        assert!(places[1].place.is_none());
        assert_eq!(places[1].mentions[0].text, "Cambridge");
    }
}
