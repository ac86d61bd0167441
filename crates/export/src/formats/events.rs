//! GDELT Event 2.0-style rows (`events.csv`): one tab-separated line per coded event with the
//! codebook's 61 columns in order, the event coded to CAMEO through PLOVER's own table
//! ([`crate::gdelt::cameo`]; codes kept as strings, so `080` keeps its zero), each with the
//! article's URL. Our pipeline does not code events yet: until an event layer exists, the
//! format refuses with that reason, and [`row`] is exercised by its tests.

use super::Format;
use crate::gdelt::{cameo, clean, stamp};
use crate::source::Source;
use crate::{ExportError, Options};
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
    pub country: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
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
}

impl Format for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn summary(&self) -> &'static str {
        "GDELT Event 2.0-style rows of coded events (events.csv), once the pipeline codes events"
    }

    fn write(&self, _: &Source, out: &Path, _: &Options) -> Result<Vec<PathBuf>, ExportError> {
        Err(ExportError::Encode {
            path: out.join("events.csv"),
            message: "no coded events: this version of the pipeline has no event coder yet".into(),
        })
    }
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
    f[25] = "1".into();
    f[29] = quad_class(code.root()).to_string();
    f[26] = code.code.clone();
    f[27] = code.base().to_string();
    f[28] = code.root().to_string();
    f[31] = "1".into();
    f[32] = "1".into();
    f[33] = "1".into();
    if let Some(place) = &event.place {
        f[51] = if place.lat.is_some() { "4" } else { "" }.into();
        f[52] = clean(place.name, &[]);
        f[53] = place.country.unwrap_or("").to_string();
        f[56] = place.lat.map(|x| x.to_string()).unwrap_or_default();
        f[57] = place.lon.map(|x| x.to_string()).unwrap_or_default();
    }
    f[59] = event.published.map(stamp).unwrap_or_default();
    f[60] = clean(event.url, &[]);
    Some(f)
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
            }),
            date: Some("2008-08-09"),
            published: Some(1_218_326_400_000_000),
            url: "https://example.org/a\tb",
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
        assert_eq!(row[60], "https://example.org/a b");
        assert!(row.iter().all(|f| !f.contains('\t') && !f.contains('\n')));
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
