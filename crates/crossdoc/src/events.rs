//! Events across outlets: the same real-world event reported by several articles becomes one
//! [`DossierEvent`] with every report's evidence.
//!
//! Specification. Reports are grouped within a story (an article outside every story is its
//! own group) and an event *type family* ([`EventType::family`]). In publication order, a
//! report joins the first event of its group that
//!
//! - has a date within [`DAYS`] days of it (dates that are not calendar days, or missing, do
//!   not keep them apart), and
//! - is of the same type, and
//! - shares the place or region with it (one gazetteer entry, or one first-level region of
//!   one country; unresolved places by their words), or a target actor where neither names a
//!   different place, or (when neither side names a target) a source actor.
//!
//! A report that joins none starts a new event. Each event lists its outlets and articles
//! (GDELT's NumSources and NumArticles) and where its reports disagree: on who did it
//! (`source`: two reports name disjoint sources), on whom (`target`), or on whether it
//! happened (`asserted`: one report asserts it and another denies or negates it). The event's
//! type, source and target are the ones most reports give; its date the earliest stated one.
//!
//! Each report is compared with at most [`RECENT`] events of its group, so the cost is linear
//! in the number of reports.

use parallax_core::{DossierEvent, EventReport, NonAssertion};
use std::collections::{BTreeSet, HashMap};

/// Dates at most this many days apart may be one event.
pub const DAYS: i64 = 2;
/// Events of a group a report is compared with, most recent first.
const RECENT: usize = 64;

/// Days since 1970-01-01 of a `YYYY-MM-DD` value; `None` for anything coarser.
fn day_number(value: &str) -> Option<i64> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = value.get(0..4)?.parse().ok()?;
    let m: i64 = value.get(5..7)?.parse().ok()?;
    let d: i64 = value.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (proleptic Gregorian).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn dates_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(day_number), b.and_then(day_number)) {
        (Some(x), Some(y)) => (x - y).abs() <= DAYS,
        _ => true,
    }
}

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.eq_ignore_ascii_case(y)))
}

/// Whether two reports name the same place or region: the same gazetteer entry, the same
/// first-level region of one country, or (unresolved) the same words.
fn same_place(a: &EventReport, b: &EventReport) -> bool {
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => {
            x.geonames_id == y.geonames_id
                || (x.admin1.is_some() && x.admin1 == y.admin1 && x.country_code == y.country_code)
        }
        _ => a
            .location
            .as_deref()
            .zip(b.location.as_deref())
            .is_some_and(|(x, y)| x.eq_ignore_ascii_case(y)),
    }
}

fn same_event(event: &[EventReport], r: &EventReport) -> bool {
    let first = &event[0];
    if !dates_agree(first.date.as_deref(), r.date.as_deref()) {
        return false;
    }
    event.iter().any(|e| {
        let places_agree = e.place.is_none() && e.location.is_none()
            || r.place.is_none() && r.location.is_none()
            || same_place(e, r);
        e.event_type == r.event_type
            && ((!r.target.is_empty() && shares(&e.target, &r.target) && places_agree)
                || same_place(e, r))
            || (r.target.is_empty()
                && e.target.is_empty()
                && !r.source.is_empty()
                && shares(&e.source, &r.source))
    })
}

/// The value most reports give (the earliest on a tie).
fn most_common<T: Clone + Ord>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

fn disjoint_pair(lists: &[&Vec<String>]) -> bool {
    let named: Vec<&&Vec<String>> = lists.iter().filter(|l| !l.is_empty()).collect();
    named
        .iter()
        .enumerate()
        .any(|(i, a)| named[i + 1..].iter().any(|b| !shares(a, b)))
}

fn event_of(
    id: usize,
    story: Option<String>,
    reports: Vec<EventReport>,
    mode: Option<String>,
) -> DossierEvent {
    let event_type =
        most_common(reports.iter().map(|r| r.event_type)).unwrap_or(reports[0].event_type);
    let source = most_common(
        reports
            .iter()
            .filter(|r| !r.source.is_empty())
            .map(|r| r.source.clone()),
    )
    .unwrap_or_default();
    let target = most_common(
        reports
            .iter()
            .filter(|r| !r.target.is_empty())
            .map(|r| r.target.clone()),
    )
    .unwrap_or_default();
    let location = reports.iter().find_map(|r| r.location.clone());
    let place = reports.iter().find_map(|r| r.place.clone());
    let stated = reports
        .iter()
        .filter(|r| !r.date_from_anchor)
        .filter_map(|r| r.date.as_deref())
        .min();
    let anchored = reports.iter().filter_map(|r| r.date.as_deref()).min();
    let date = stated.or(anchored).map(str::to_string);
    let date_from_anchor = stated.is_none() && anchored.is_some();
    let outlets: BTreeSet<String> = reports.iter().map(|r| r.outlet.clone()).collect();
    let articles: BTreeSet<&str> = reports.iter().map(|r| r.evidence.doc.as_str()).collect();
    let mut disagreements = Vec::new();
    let sources: Vec<&Vec<String>> = reports.iter().map(|r| &r.source).collect();
    if disjoint_pair(&sources) {
        disagreements.push("source".to_string());
    }
    let targets: Vec<&Vec<String>> = reports.iter().map(|r| &r.target).collect();
    if disjoint_pair(&targets) {
        disagreements.push("target".to_string());
    }
    let asserted = reports.iter().any(|r| r.asserted);
    let denied = reports
        .iter()
        .any(|r| matches!(r.reason, Some(NonAssertion::Denied | NonAssertion::Negated)));
    if asserted && denied {
        disagreements.push("asserted".to_string());
    }
    DossierEvent {
        id: format!("ev{}", id + 1),
        story,
        event_type,
        mode,
        source,
        target,
        location,
        place,
        date,
        date_from_anchor,
        asserted,
        num_sources: outlets.len(),
        num_articles: articles.len(),
        outlets: outlets.into_iter().collect(),
        disagreements,
        reports,
    }
}

/// One report with the mode its article gave.
pub struct Report {
    pub report: EventReport,
    pub mode: Option<String>,
}

/// The cross-outlet events of `reports` (in publication order), grouped within stories.
pub fn merge(reports: Vec<Report>, story_of: &HashMap<String, String>) -> Vec<DossierEvent> {
    // Per (story, family): indices into `events`.
    let mut groups: HashMap<(Option<String>, &'static str), Vec<usize>> = HashMap::new();
    let mut events: Vec<(Option<String>, Vec<EventReport>, Option<String>)> = Vec::new();
    for Report { report, mode } in reports {
        let story = story_of.get(&report.evidence.doc).cloned();
        let key_story = story
            .clone()
            .or_else(|| Some(format!("doc:{}", report.evidence.doc)));
        let group = groups
            .entry((key_story, report.event_type.family()))
            .or_default();
        let found = group
            .iter()
            .rev()
            .take(RECENT)
            .copied()
            .find(|&e| same_event(&events[e].1, &report));
        match found {
            Some(e) => {
                if events[e].2.is_none() {
                    events[e].2 = mode;
                }
                events[e].1.push(report);
            }
            None => {
                group.push(events.len());
                events.push((story, vec![report], mode));
            }
        }
    }
    events
        .into_iter()
        .enumerate()
        .map(|(i, (story, reports, mode))| event_of(i, story, reports, mode))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{EventType, Evidence, Span};

    fn report(
        doc: &str,
        outlet: &str,
        source: &str,
        target: &str,
        date: &str,
        asserted: bool,
    ) -> Report {
        Report {
            report: EventReport {
                evidence: Evidence {
                    doc: doc.into(),
                    span: Span::new(0, 1),
                    text: "x".into(),
                    sentence: Span::new(0, 1),
                },
                outlet: outlet.into(),
                event_type: EventType::Fight,
                source: vec![source.into()],
                target: vec![target.into()],
                location: None,
                place: None,
                date: Some(date.into()),
                date_from_anchor: false,
                reported_by: None,
                asserted,
                reason: (!asserted).then_some(NonAssertion::Denied),
                modality: None,
            },
            mode: Some("airstrike".into()),
        }
    }

    #[test]
    fn two_outlets_crediting_different_actors_are_one_event_with_a_disagreement() {
        let story: HashMap<String, String> = [("a", "s1"), ("b", "s1")]
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .into();
        let events = merge(
            vec![
                report("a", "Daily", "Israel", "Syria", "2031-05-09", true),
                report("b", "Herald", "Turkey", "Syria", "2031-05-10", true),
                report("b", "Herald", "Iran", "Iraq", "2031-05-20", false),
            ],
            &story,
        );
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].num_sources, 2);
        assert_eq!(events[0].num_articles, 2);
        assert_eq!(events[0].disagreements, ["source"]);
        assert_eq!(events[0].date.as_deref(), Some("2031-05-09"));
        assert!(!events[1].asserted);
    }

    #[test]
    fn days_count_across_months() {
        assert_eq!(
            day_number("2031-03-01").unwrap() - day_number("2031-02-28").unwrap(),
            1
        );
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert!(day_number("2031-05").is_none());
    }
}
