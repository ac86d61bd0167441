//! The timeline: dated items of each story in time order, merged across outlets.
//!
//! Every time expression of type DATE whose value names a day or a month (`2031-05-09`,
//! `2031-05`) dates its sentence, and every event with a stated date of a day or month dates
//! itself (its reports' triggers are evidence, and the entry lists the event, so "who did what
//! when" reads in order). Items dated to the same value within one story form one entry,
//! listing every outlet that reports something on that date with its evidence. Entries are
//! ordered by story, then date.

use parallax_core::{Dossier, Evidence, Span, TimelineEntry, TimexType};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Whether a TIMEX3 value names a calendar day or month (`YYYY-MM-DD`, `YYYY-MM`).
fn is_day_or_month(value: &str) -> bool {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    (b.len() == 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        || (b.len() == 7 && digits(0..4) && b[4] == b'-' && digits(5..7))
}

/// The outlets, the evidence and the events of one timeline entry.
type Entry = (BTreeSet<String>, Vec<Evidence>, Vec<String>);

pub fn build(dossier: &Dossier, story_of: &HashMap<String, String>) -> Vec<TimelineEntry> {
    let outlet_of = dossier.outlets_by_doc();
    let mut entries: BTreeMap<(Option<String>, String), Entry> = BTreeMap::new();
    let mut seen: HashSet<(&str, Span, &str)> = HashSet::new();
    for t in &dossier.times {
        if t.time.timex_type != TimexType::Date || !is_day_or_month(&t.time.value) {
            continue;
        }
        let key = (story_of.get(&t.doc).cloned(), t.time.value.clone());
        let entry = entries.entry(key).or_default();
        entry.0.insert(
            outlet_of
                .get(t.doc.as_str())
                .copied()
                .unwrap_or(parallax_core::UNKNOWN_OUTLET)
                .to_string(),
        );
        // One piece of evidence per sentence: a sentence with two dates for one day is one item.
        if seen.insert((t.doc.as_str(), t.sentence, t.time.value.as_str())) {
            entry.1.push(Evidence {
                doc: t.doc.clone(),
                span: t.time.span,
                text: t.time.text.clone(),
                sentence: t.sentence,
            });
        }
    }
    for event in &dossier.events {
        if event.date_from_anchor {
            continue;
        }
        let Some(date) = event.date.as_deref().filter(|d| is_day_or_month(d)) else {
            continue;
        };
        let entry = entries
            .entry((event.story.clone(), date.to_string()))
            .or_default();
        entry.2.push(event.id.clone());
        for report in &event.reports {
            entry.0.insert(report.outlet.clone());
            if seen.insert((report.evidence.doc.as_str(), report.evidence.sentence, date)) {
                entry.1.push(report.evidence.clone());
            }
        }
    }
    entries
        .into_iter()
        .map(
            |((story, date), (outlets, evidence, events))| TimelineEntry {
                story,
                date,
                outlets: outlets.into_iter().collect(),
                evidence,
                events,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_and_months_date_a_sentence() {
        assert!(is_day_or_month("2031-05-09"));
        assert!(is_day_or_month("2031-05"));
        assert!(!is_day_or_month("199X"));
        assert!(!is_day_or_month("P5D"));
        assert!(!is_day_or_month("2031-W19"));
    }
}
