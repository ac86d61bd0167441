//! GDELT Global Knowledge Graph 2.1 records (`gkg.csv`): one tab-separated line per article
//! with the codebook's 27 columns in order, built from our own layers. Which columns are ours
//! and which stay empty, and why, is in `docs/export.md`; offsets are character offsets into
//! the article text, as in GDELT.

use super::Format;
use crate::files::AtomicFile;
use crate::gdelt::{clean, geo_type, number, stamp};
use crate::source::Source;
use crate::{ExportError, Options};
use parallax_core::{EntityType, FigureCategory, MentionKind, TimexType};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Gkg;

/// The codebook's column names, in order.
pub const COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

impl Format for Gkg {
    fn name(&self) -> &'static str {
        "gkg"
    }

    fn summary(&self) -> &'static str {
        "GDELT GKG 2.1 records, one tab-separated line per article (gkg.csv)"
    }

    fn write(&self, source: &Source, out: &Path, _: &Options) -> Result<Vec<PathBuf>, ExportError> {
        let mut file = AtomicFile::create(&out.join("gkg.csv"))?;
        let path = file.path.clone();
        for (n, d) in source.documents().enumerate() {
            let line = record(source, d, n + 1).join("\t");
            writeln!(file.writer(), "{line}").map_err(|e| ExportError::Io {
                path: path.clone(),
                source: e,
            })?;
        }
        Ok(vec![file.commit()?])
    }
}

/// The 27 fields of document `d`'s record; `n` numbers the records of the export.
pub fn record(source: &Source, d: usize, n: usize) -> Vec<String> {
    let doc = source.document(d);
    let published = source.index[d].published;
    let offset = |at: usize| source.chars(d, at);
    let mut fields = vec![String::new(); 27];
    fields[0] = format!(
        "{}-{n}",
        published.map_or_else(|| "00000000000000".into(), stamp)
    );
    fields[1] = published.map(stamp).unwrap_or_default();
    fields[2] = if doc.url.is_some() { "1" } else { "2" }.into();
    fields[3] = clean(doc.outlet.as_deref().unwrap_or(""), &[]);
    fields[4] = clean(doc.url.as_deref().unwrap_or(&doc.source), &[]);

    let (v1_counts, v21_counts) = counts(source, d);
    fields[5] = v1_counts;
    fields[6] = v21_counts;
    (fields[9], fields[10]) = locations(source, d);

    // Persons and organizations: each resolved entity once (V1), each mention by name with
    // its offset (V2).
    let names = |kind: EntityType| {
        let mut v1: Vec<String> = Vec::new();
        let mut v2 = Vec::new();
        for &(e, m) in &source.index[d].mentions {
            let entity = &source.dossier.entities[e];
            let mention = &entity.mentions[m];
            if entity.entity_type != kind || mention.kind != MentionKind::Name {
                continue;
            }
            let name = clean(&entity.name, &[';', ',']);
            if !v1.contains(&name) {
                v1.push(name);
            }
            let text = clean(&mention.evidence.text, &[';', ',']);
            v2.push(format!("{text},{}", offset(mention.evidence.span.start)));
        }
        (v1.join(";"), v2.join(";"))
    };
    (fields[11], fields[12]) = names(EntityType::Person);
    (fields[13], fields[14]) = names(EntityType::Org);

    fields[15] = tone(source, d);
    fields[16] = dates(source, d);
    fields[17] = format!("wc:{}", words(source, d).len());
    fields[22] = quotations(source, d);
    fields[23] = source.index[d]
        .mentions
        .iter()
        .map(|&(e, m)| &source.dossier.entities[e].mentions[m])
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| {
            format!(
                "{},{}",
                clean(&m.evidence.text, &[';', ',']),
                offset(m.evidence.span.start)
            )
        })
        .collect::<Vec<_>>()
        .join(";");
    fields[24] = source.index[d]
        .figures
        .clone()
        .filter_map(|f| {
            let figure = &source.dossier.figures[f].figure;
            let amount = figure.value.or(figure.low)?;
            let object = figure
                .counted
                .as_ref()
                .map(|c| c.text.as_str())
                .or(figure.unit.as_deref())
                .unwrap_or("");
            Some(format!(
                "{},{},{}",
                number(amount),
                clean(object, &[';', ',']),
                offset(figure.span.start)
            ))
        })
        .collect::<Vec<_>>()
        .join(";");
    fields[26] = extras(source, d);
    fields
}

/// GDELT's count type of a figure category, for the categories GDELT counts.
fn count_type(category: FigureCategory) -> Option<&'static str> {
    match category {
        FigureCategory::Fatalities => Some("KILL"),
        FigureCategory::Injuries => Some("WOUND"),
        FigureCategory::Arrests => Some("ARREST"),
        FigureCategory::Protesters => Some("PROTEST"),
        FigureCategory::Displaced => Some("AFFECT"),
        _ => None,
    }
}

/// V1COUNTS and V2.1COUNTS: figures of the categories GDELT counts, with the number (the
/// stated value, else the lower bound) and what is counted; no location until places land.
fn counts(source: &Source, d: usize) -> (String, String) {
    let mut v1 = Vec::new();
    let mut v21 = Vec::new();
    for f in source.index[d].figures.clone() {
        let figure = &source.dossier.figures[f].figure;
        let (Some(kind), Some(count)) = (count_type(figure.category), figure.value.or(figure.low))
        else {
            continue;
        };
        let object = clean(
            figure.counted.as_ref().map_or("", |c| c.text.as_str()),
            &[';', '#'],
        );
        let block = format!("{kind}#{}#{object}#0######", number(count));
        v21.push(format!("{block}#{}", source.chars(d, figure.span.start)));
        v1.push(block);
    }
    (v1.join(";"), v21.join(";"))
}

/// V1LOCATIONS and V2ENHANCEDLOCATIONS: each geocoded place of the article once
/// (`type#name#country#adm1#lat#lon#id`), and each mention of one with its character offset
/// (`type#name#country#adm1#adm2#lat#lon#id#offset`). Places the text leaves open are left out:
/// GDELT's locations have coordinates. ADM codes are empty (GDELT's are FIPS codes; the
/// gazetteer gives region names), country codes are ISO 3166 alpha-2.
fn locations(source: &Source, d: usize) -> (String, String) {
    let mut v1: Vec<String> = Vec::new();
    let mut v2 = Vec::new();
    for &(p, m) in &source.index[d].places {
        let place = &source.dossier.places[p];
        let Some(geo) = &place.place else {
            continue;
        };
        let kind = geo_type(&geo.feature_code, geo.country_code.as_deref());
        let mut full = vec![geo.name.as_str()];
        full.extend(geo.admin1.as_deref().filter(|a| *a != geo.name));
        full.extend(geo.country.as_deref().filter(|c| *c != geo.name));
        let name = clean(&full.join(", "), &[';', '#']);
        let country = geo.country_code.as_deref().unwrap_or("");
        let id = if geo.geonames_id == 0 {
            String::new()
        } else {
            geo.geonames_id.to_string()
        };
        let (lat, lon) = (number(geo.lat), number(geo.lon));
        let once = format!("{kind}#{name}#{country}##{lat}#{lon}#{id}");
        if !v1.contains(&once) {
            v1.push(once);
        }
        let at = source.chars(d, place.mentions[m].span.start);
        v2.push(format!("{kind}#{name}#{country}###{lat}#{lon}#{id}#{at}"));
    }
    (v1.join(";"), v2.join(";"))
}

/// The words of document `d`: its word tokens (alphanumeric), lowercased.
fn words(source: &Source, d: usize) -> Vec<String> {
    let text = &source.document(d).text;
    let lower = |w: &str| w.to_lowercase();
    match source.analysis(d) {
        Some(a) => a
            .segmentation
            .tokens
            .iter()
            .map(|t| t.text(text))
            .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
            .map(lower)
            .collect(),
        None => text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(lower)
            .collect(),
    }
}

/// V1.5TONE from our evaluative lexicon (`parallax_voice::polarity`) over every word, quoted
/// or not: tone, positive score, negative score, polarity (percentages of the words), two
/// densities we do not measure (empty), word count.
fn tone(source: &Source, d: usize) -> String {
    let words = words(source, d);
    let (mut positive, mut negative) = (0usize, 0usize);
    for w in &words {
        match parallax_voice::polarity::polarity(w) {
            p if p > 0 => positive += 1,
            p if p < 0 => negative += 1,
            _ => {}
        }
    }
    let share = |n: usize| 100.0 * n as f64 / words.len().max(1) as f64;
    let percent = |x: f64| {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    format!(
        "{},{},{},{},,,{}",
        percent(share(positive) - share(negative)),
        percent(share(positive)),
        percent(share(negative)),
        percent(share(positive + negative)),
        words.len()
    )
}

/// V2.1ENHANCEDDATES: DATE expressions that name a day, a month or a year, as
/// `resolution#month#day#year#offset` (4 a day, 2 a month and year, 1 a year).
fn dates(source: &Source, d: usize) -> String {
    source.index[d]
        .times
        .clone()
        .filter_map(|t| {
            let time = &source.dossier.times[t].time;
            if time.timex_type != TimexType::Date {
                return None;
            }
            let v = time.value.as_bytes();
            let digits = |r: std::ops::Range<usize>| {
                v.get(r.clone())
                    .filter(|s| s.iter().all(u8::is_ascii_digit))
                    .map(|_| time.value[r].trim_start_matches('0').to_string())
            };
            let year = digits(0..4)?;
            let month = (v.get(4) == Some(&b'-')).then(|| digits(5..7)).flatten();
            let day = month
                .as_ref()
                .and_then(|_| (v.get(7) == Some(&b'-')).then(|| digits(8..10)).flatten());
            let (resolution, month, day) = match (month, day) {
                (Some(m), Some(day)) if v.len() == 10 => (4, m, day),
                (Some(m), None) if v.len() == 7 => (2, m, "0".into()),
                (None, None) if v.len() == 4 => (1, "0".into(), "0".into()),
                _ => return None,
            };
            Some(format!(
                "{resolution}#{month}#{day}#{year}#{}",
                source.chars(d, time.span.start)
            ))
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// V2.1QUOTATIONS: `offset|length|verb|quote` per quotation, `#` between them; offsets and
/// lengths in characters, the verb our cue.
fn quotations(source: &Source, d: usize) -> String {
    source.index[d]
        .quotes
        .clone()
        .map(|q| {
            let quote = &source.dossier.quotes[q];
            let span = quote.evidence.span;
            let start = source.chars(d, span.start);
            let verb = quote.cue.as_ref().map_or("", |c| c.text.as_str());
            format!(
                "{start}|{}|{}|{}",
                source.chars(d, span.end) - start,
                clean(verb, &['|', '#']),
                clean(&quote.evidence.text, &['|', '#'])
            )
        })
        .collect::<Vec<_>>()
        .join("#")
}

/// V2EXTRASXML: the page title and authors (as GDELT gives them) and our document id.
fn extras(source: &Source, d: usize) -> String {
    let doc = source.document(d);
    let xml = |s: &str| {
        clean(s, &[])
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::new();
    if let Some(title) = &doc.title {
        out.push_str(&format!("<PAGE_TITLE>{}</PAGE_TITLE>", xml(title)));
    }
    if !doc.authors.is_empty() {
        out.push_str(&format!(
            "<PAGE_AUTHORS>{}</PAGE_AUTHORS>",
            xml(&doc.authors.join(", "))
        ));
    }
    out.push_str(&format!(
        "<PARALLAX_DOC_ID>{}</PARALLAX_DOC_ID>",
        xml(&doc.id)
    ));
    out
}
