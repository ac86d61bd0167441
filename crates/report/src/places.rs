//! The report's places section: per story, a map of the places its articles name and a table
//! of them, each place with its mentions linked to their sentences (see [`crate::map`]).

use crate::map::{self, Pin};
use crate::sections::{evidence, Index};
use maud::{html, Markup};
use parallax_core::{Dossier, DossierPlace, GeoPlace};

/// The credit the GeoNames licence (CC BY 4.0) asks for, and the outline's source.
pub fn credit() -> Markup {
    html! {
        p.credit {
            "Places geocoded with data from "
            a href="https://www.geonames.org" rel="noreferrer" { "GeoNames" }
            " (CC BY 4.0); map outline from "
            a href="https://www.naturalearthdata.com" rel="noreferrer" { "Natural Earth" }
            " (public domain)."
        }
    }
}

/// Whether a place is a wide area rather than a point (ocean, sea, continent, world region).
pub fn is_area(place: &GeoPlace) -> bool {
    matches!(place.feature_class.as_str(), "H" | "L")
}

/// What a place is, for a reader: "town in Shida Kartli, Georgia".
pub fn describe(place: &GeoPlace) -> String {
    let kind = match place.feature_code.as_str() {
        "PCLI" => "country",
        "ADM1" => "region",
        "ADM2" => "district",
        "PPLC" => "capital",
        "PPL" => "place",
        "CONT" => "continent",
        "OCN" => "ocean",
        "SEA" => "sea",
        "GULF" => "gulf",
        "RGN" => "world region",
        other => other,
    };
    let within: Vec<&str> = [place.admin1.as_deref(), place.country.as_deref()]
        .into_iter()
        .flatten()
        .filter(|w| *w != place.name)
        .collect();
    if within.is_empty() || place.feature_code == "PCLI" {
        kind.to_string()
    } else {
        format!("{kind} in {}", within.join(", "))
    }
}

/// The map pins of some places, each leading to `href(place)`.
pub fn pins<'d>(
    places: &[&'d DossierPlace],
    href: impl Fn(&DossierPlace) -> String,
) -> Vec<Pin<'d>> {
    places
        .iter()
        .filter_map(|p| {
            let g = p.place.as_ref()?;
            Some(Pin {
                lat: g.lat,
                lon: g.lon,
                label: p.name.as_str(),
                href: href(p),
                mentions: p.mentions.len(),
                area: is_area(g),
            })
        })
        .collect()
}

pub fn places(dossier: &Dossier, index: &Index) -> Markup {
    let shown = crate::limits::cut(&dossier.places, crate::limits::ROWS);
    let mut stories: Vec<Option<&str>> = Vec::new();
    for p in shown {
        if stories.last() != Some(&p.story.as_deref()) {
            stories.push(p.story.as_deref());
        }
    }
    let labels: std::collections::HashMap<&str, &str> = dossier
        .stories
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    let label = |story: Option<&str>| {
        story
            .and_then(|s| labels.get(s).copied())
            .unwrap_or("Articles in no story")
    };
    html! {
        section #places {
            h2 { "Places" }
            @if dossier.places.is_empty() {
                p { "No place was named." }
            }
            @for (i, story) in stories.iter().enumerate() {
                @let mine: Vec<&DossierPlace> = shown.iter().filter(|p| p.story.as_deref() == *story).collect();
                h3 { "Story: " (label(*story)) }
                // Each map carries the world outline: only the first stories get one.
                @if i < crate::limits::MAPS { (map::svg(&pins(&mine, |p| format!("#place-{}", p.id)), &format!("Map of the places of {}", label(*story)))) }
                table {
                    tr { th { "Place" } th { "What it is" } th { "Outlets" } th { "Mentions" } }
                    @for p in &mine {
                        tr #{ "place-" (p.id) } {
                            td { strong { (p.name) } }
                            td {
                                @if let Some(g) = &p.place {
                                    (describe(g))
                                } @else {
                                    "undecided: "
                                    @for (i, c) in p.candidates.iter().enumerate() {
                                        @if i > 0 { "; " }
                                        (c.name) " (" (describe(c)) ")"
                                    }
                                }
                            }
                            td { (p.outlets.join(", ")) }
                            td {
                                details {
                                    summary { (p.mentions.len()) (if p.mentions.len() == 1 { " mention" } else { " mentions" }) }
                                    @for m in &p.mentions {
                                        div { span.tag { (index.outlet(&m.doc)) } (evidence(index, &m.doc, m.span)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (crate::limits::note(shown.len(), dossier.places.len(), "places"))
            (credit())
        }
    }
}
