//! GDELT Event 2.0-style rows (`gdelt_events.csv`, apart from the `events` table's
//! `events.csv`): one tab-separated line per coded event with the codebook's 61 columns in
//! order, the event coded to CAMEO through PLOVER's own table ([`crate::gdelt::cameo`]; codes
//! kept as strings, so `080` keeps its zero), each with the article's URL.
//!
//! A row is one of the dossier's cross-outlet events ([`parallax_core::DossierEvent`]), as
//! GDELT's Event table has one row per event and counts its mentions, sources and articles.
//! Only what a selected article asserts is written: a threatened, planned, denied or negated
//! event is not an event that happened, and CAMEO has no column to say so (the `events` table
//! keeps them with their reason). The type is the one the asserting reports give most. The
//! counts are over the asserted reports of the selected articles; `SOURCEURL` and `DATEADDED`
//! are those of the first of them, in publication order.

use super::Format;
use crate::files::AtomicFile;
use crate::gdelt::{cameo, clean, geo_type, stamp};
use crate::source::Source;
use crate::{ExportError, Options};
use parallax_core::{DossierEvent, EventType, ParagraphRole};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Events;

/// The codebook's 61 column names, in order.
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// One side of an event.
#[derive(Debug, Clone, Default)]
pub struct Actor<'a> {
    /// The actor's name as resolved (entity name or the words of the text).
    pub name: &'a str,
    /// ISO 3166 alpha-3 country (or PLOVER group) code, when known.
    pub code: Option<&'a str>,
}

/// Where an event happened, when geocoded.
#[derive(Debug, Clone, Default)]
pub struct Place<'a> {
    pub name: &'a str,
    /// ISO 3166 alpha-2 code of the country.
    pub country: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// GeoNames feature code (`PCLI`, `ADM1`, `PPL`), which decides `ActionGeo_Type`.
    pub feature_code: Option<&'a str>,
    /// GeoNames id (`ActionGeo_FeatureID`).
    pub feature_id: Option<u32>,
}

/// A coded event as the Event rows need it.
#[derive(Debug, Clone, Default)]
pub struct CodedEvent<'a> {
    /// PLOVER category (`ASSAULT`) and mode (`firearms`).
    pub category: &'a str,
    pub mode: Option<&'a str>,
    pub source: Option<Actor<'a>>,
    pub target: Option<Actor<'a>>,
    pub place: Option<Place<'a>>,
    /// The event's day, `YYYY-MM-DD` (its time expression, else the article's date).
    pub date: Option<&'a str>,
    /// Publication instant of the article, microseconds UTC.
    pub published: Option<i64>,
    /// The article's URL, else its source.
    pub url: &'a str,
    /// Whether the first report is in the article's lead paragraph (`IsRootEvent`).
    pub root: bool,
    /// Reports, distinct outlets and distinct articles (`NumMentions`, `NumSources`,
    /// `NumArticles`).
    pub mentions: usize,
    pub sources: usize,
    pub articles: usize,
}

impl Format for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn summary(&self) -> &'static str {
        "GDELT Event 2.0-style rows of the coded events the articles assert (gdelt_events.csv)"
    }

    fn write(&self, source: &Source, out: &Path, _: &Options) -> Result<Vec<PathBuf>, ExportError> {
        let mut file = AtomicFile::create(&out.join("gdelt_events.csv"))?;
        let path = file.path.clone();
        for (e, event) in source.dossier.events.iter().enumerate() {
            let Some(coded) = coded(source, event) else {
                continue;
            };
            let Some(fields) = row(e as u64 + 1, &coded) else {
                continue;
            };
            writeln!(file.writer(), "{}", fields.join("\t")).map_err(|err| ExportError::Io {
                path: path.clone(),
                source: err,
            })?;
        }
        Ok(vec![file.commit()?])
    }
}

/// `event` as its row needs it, from the asserted reports of the selected articles; `None`
/// when there are none.
fn coded<'a>(source: &Source<'a>, event: &'a DossierEvent) -> Option<CodedEvent<'a>> {
    let reports: Vec<_> = event
        .reports
        .iter()
        .filter(|r| r.asserted)
        .filter(|r| source.is_selected(&r.evidence.doc))
        .filter_map(|r| source.doc(&r.evidence.doc).map(|d| (d, r)))
        .collect();
    let &(first_doc, first) = reports
        .iter()
        .min_by_key(|(d, r)| (*d, r.evidence.span.start))?;
    let doc = source.document(first_doc);
    let lead = doc
        .paragraphs
        .iter()
        .find(|p| p.role == ParagraphRole::Body);
    let actor = |names: &'a [String]| {
        (!names.is_empty()).then(|| Actor {
            name: names.first().map_or("", String::as_str),
            code: None,
        })
    };
    // The type the asserting reports give most (the event's own type counts every report,
    // a denied one too); the event's mode goes with the event's type only.
    let mut types: Vec<EventType> = reports.iter().map(|(_, r)| r.event_type).collect();
    types.sort();
    let category = types
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| (run.len(), run[0] == event.event_type))
        .map_or(event.event_type, |run| run[0]);
    Some(CodedEvent {
        category: category.as_str(),
        mode: event
            .mode
            .as_deref()
            .filter(|_| category == event.event_type),
        source: actor(&event.source),
        target: actor(&event.target),
        place: match (&event.place, &event.location) {
            (Some(p), _) => Some(Place {
                name: &p.name,
                country: p.country_code.as_deref(),
                lat: Some(p.lat),
                lon: Some(p.lon),
                feature_code: Some(&p.feature_code),
                feature_id: Some(p.geonames_id).filter(|&id| id != 0),
            }),
            (None, Some(words)) => Some(Place {
                name: words,
                ..Place::default()
            }),
            (None, None) => None,
        },
        date: event.date.as_deref(),
        published: source.index[first_doc].published,
        url: doc.url.as_deref().unwrap_or(&doc.source),
        root: lead.is_some_and(|p| {
            p.span.start <= first.evidence.span.start && first.evidence.span.end <= p.span.end
        }),
        mentions: reports.len(),
        sources: reports
            .iter()
            .map(|(_, r)| r.outlet.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        articles: reports
            .iter()
            .map(|(d, _)| *d)
            .collect::<BTreeSet<_>>()
            .len(),
    })
}

/// The 61 fields of event number `id`; `None` when its category has no CAMEO code.
pub fn row(id: u64, event: &CodedEvent) -> Option<Vec<String>> {
    let code = cameo(event.category, event.mode)?;
    let mut f = vec![String::new(); 61];
    f[0] = id.to_string();
    if let Some(date) = event.date.filter(|d| d.len() >= 10) {
        let (y, m, d) = (&date[0..4], &date[5..7], &date[8..10]);
        f[1] = format!("{y}{m}{d}");
        f[2] = format!("{y}{m}");
        f[3] = y.to_string();
        let day_of_year = chrono::NaiveDate::parse_from_str(&date[..10], "%Y-%m-%d")
            .map(|t| chrono::Datelike::ordinal(&t))
            .unwrap_or(1);
        f[4] = format!(
            "{:.4}",
            y.parse::<f64>().unwrap_or(0.0) + f64::from(day_of_year) / 365.0
        );
    }
    for (actor, at) in [(&event.source, 5), (&event.target, 15)] {
        if let Some(actor) = actor {
            f[at] = actor.code.unwrap_or("").to_string();
            f[at + 1] = clean(actor.name, &[]).to_uppercase();
            f[at + 2] = actor
                .code
                .filter(|c| c.len() == 3)
                .unwrap_or("")
                .to_string();
        }
    }
    f[25] = if event.root { "1" } else { "0" }.into();
    f[29] = quad_class(code.root()).to_string();
    f[26] = code.code.clone();
    f[27] = code.base().to_string();
    f[28] = code.root().to_string();
    f[31] = event.mentions.to_string();
    f[32] = event.sources.to_string();
    f[33] = event.articles.to_string();
    if let Some(place) = &event.place {
        f[51] = action_geo_type(place).to_string();
        f[52] = clean(place.name, &[]);
        f[53] = place.country.unwrap_or("").to_string();
        f[56] = place.lat.map(|x| x.to_string()).unwrap_or_default();
        f[57] = place.lon.map(|x| x.to_string()).unwrap_or_default();
        f[58] = place.feature_id.map(|x| x.to_string()).unwrap_or_default();
    }
    f[59] = event.published.map(stamp).unwrap_or_default();
    f[60] = clean(event.url, &[]);
    Some(f)
}

/// `ActionGeo_Type` of a place: its gazetteer feature's ([`geo_type`]), a world city when only
/// coordinates are known, empty when the place is not geocoded.
fn action_geo_type(place: &Place) -> &'static str {
    match (place.lat, place.feature_code) {
        (None, _) => "",
        (Some(_), Some(code)) => geo_type(code, place.country),
        (Some(_), None) => "4",
    }
}

/// CAMEO's quad class of a root code: 1 verbal cooperation, 2 material cooperation, 3 verbal
/// conflict, 4 material conflict.
fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assault_becomes_a_cameo_row() {
        let event = CodedEvent {
            category: "ASSAULT",
            mode: Some("heavy-weapons"),
            source: Some(Actor {
                name: "Russian forces",
                code: Some("RUS"),
            }),
            target: Some(Actor {
                name: "Gori",
                code: Some("GEO"),
            }),
            place: Some(Place {
                name: "Gori",
                country: Some("GG"),
                lat: Some(41.98),
                lon: Some(44.11),
                feature_code: Some("PPLA"),
                feature_id: Some(615_532),
            }),
            date: Some("2008-08-09"),
            published: Some(1_218_326_400_000_000),
            url: "https://example.org/a\tb",
            root: true,
            mentions: 3,
            sources: 2,
            articles: 2,
        };
        let row = row(7, &event).unwrap();
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(&row[..5], ["7", "20080809", "200808", "2008", "2008.6082"]);
        assert_eq!(
            (row[26].as_str(), row[27].as_str(), row[28].as_str()),
            ("194", "194", "19")
        );
        assert_eq!(row[29], "4");
        assert_eq!(row[6], "RUSSIAN FORCES");
        assert_eq!(&row[25], "1");
        assert_eq!(&row[31..34], ["3", "2", "2"]);
        assert_eq!(&row[51..54], ["4", "Gori", "GG"]);
        assert_eq!(row[58], "615532");
        assert_eq!(row[60], "https://example.org/a b");
        assert!(row.iter().all(|f| !f.contains('\t') && !f.contains('\n')));
    }

    #[test]
    fn the_geographic_type_follows_the_gazetteer_feature() {
        let place = |code: &'static str, country: &'static str| Place {
            name: "x",
            country: Some(country),
            lat: Some(1.0),
            lon: Some(1.0),
            feature_code: Some(code),
            feature_id: None,
        };
        assert_eq!(action_geo_type(&place("PCLI", "GE")), "1");
        assert_eq!(action_geo_type(&place("ADM1", "US")), "2");
        assert_eq!(action_geo_type(&place("PPL", "US")), "3");
        assert_eq!(action_geo_type(&place("PPLA", "GE")), "4");
        assert_eq!(action_geo_type(&place("ADM1", "GE")), "5");
        let words = Place {
            name: "the depot",
            ..Place::default()
        };
        assert_eq!(action_geo_type(&words), "");
    }

    #[test]
    fn codes_keep_their_leading_zero() {
        let event = CodedEvent {
            category: "RETREAT",
            mode: Some("ceasefire"),
            ..CodedEvent::default()
        };
        let row = row(1, &event).unwrap();
        assert_eq!(
            (row[26].as_str(), row[28].as_str(), row[29].as_str()),
            ("0871", "08", "2")
        );
        assert!(super::row(
            2,
            &CodedEvent {
                category: "UNKNOWN",
                ..CodedEvent::default()
            }
        )
        .is_none());
    }
}
