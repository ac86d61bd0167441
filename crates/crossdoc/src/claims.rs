//! Claim reconciliation: figures about the same thing, side by side across outlets.
//!
//! **Grouping.** Two figures are about the same thing when they are in the same story, have the
//! same category, and count the same group. The group is the counted noun's head folded to a
//! class: people, persons, civilians, residents, villagers, the dead and bodies are all
//! "people"; soldiers, servicemen and troops are "troops"; any other head is itself without a
//! plural "s". Figures of category `other` that count nothing are not claims.
//!
//! **Revisions.** An outlet's figures in one claim are ordered by publication, then position;
//! each that differs from the one before — in an earlier article, or before an "UPDATE:" in
//! the same one — is marked as revising it, and only the outlet's latest
//! figure takes part in the comparison, so an "UPDATE:" with a new toll is a revision, not a
//! conflict.
//!
//! **Status** over the outlets' latest figures: `single_source` with one outlet (kept only in
//! a story that other outlets also cover: in a one-outlet story every figure would be one);
//! `agree` when
//! all give the same number with the same hedge; `within_hedges` when their ranges (a stated
//! value is the range [v, v], "at least v" is [v, ∞), "up to v" is [0, v], vague amounts carry
//! their bounds) share a point; `conflict` otherwise.
//!
//! **Estimates**, after UCDP's low/best/high: `low` is the smallest lower bound; `high` the
//! largest finite upper bound or lower bound; `best` the median of the outlets' point values,
//! where a point value is the stated value or, for a vague amount, its lower bound — the
//! conservative reading, as UCDP's best estimates are.

use parallax_core::{
    Claim, ClaimFigure, ClaimStatus, Dossier, DossierDocument, DossierFigure, FigureCategory,
    ParagraphRole,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Groups the dossier's figures into claims; `story_of` maps document ids to story ids.
pub fn reconcile(dossier: &Dossier, story_of: &HashMap<String, String>) -> Vec<Claim> {
    let docs: HashMap<&str, (usize, Option<&str>, Option<&str>)> = dossier
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                d.id.as_str(),
                (i, d.outlet.as_deref(), d.published.as_deref()),
            )
        })
        .collect();
    let mut groups: BTreeMap<(Option<&String>, FigureCategory, String), Vec<&DossierFigure>> =
        BTreeMap::new();
    for figure in &dossier.figures {
        let Some(subject) = subject(figure) else {
            continue;
        };
        if figure.figure.value.is_none() && figure.figure.low.is_none() {
            continue;
        }
        groups
            .entry((story_of.get(&figure.doc), figure.figure.category, subject))
            .or_default()
            .push(figure);
    }
    // Outlets covering each story: "only one outlet makes this claim" says something only
    // where another outlet reported the same story.
    let mut story_outlets: HashMap<Option<&String>, BTreeSet<&str>> = HashMap::new();
    for d in &dossier.documents {
        let outlet = d.outlet.as_deref().unwrap_or(parallax_core::UNKNOWN_OUTLET);
        story_outlets
            .entry(story_of.get(&d.id))
            .or_default()
            .insert(outlet);
    }
    let covered_by_several =
        |story: Option<&String>| story_outlets.get(&story).is_some_and(|o| o.len() > 1);
    let mut claims = Vec::new();
    for ((story, category, subject), mut figures) in groups {
        // Publication order (the dossier lays documents out by publication instant, undated
        // last), then text order.
        figures.sort_by_key(|f| {
            let index = docs.get(f.doc.as_str()).map_or(usize::MAX, |d| d.0);
            (index, f.figure.span.start)
        });
        let mut by_outlet: BTreeMap<String, Vec<ClaimFigure>> = BTreeMap::new();
        // Each outlet's previous figure in this claim, for where it stands in its article.
        let mut previous_of: HashMap<&str, &DossierFigure> = HashMap::new();
        for f in figures {
            let (_, outlet, published) =
                docs.get(f.doc.as_str()).copied().unwrap_or((0, None, None));
            let outlet_key = outlet.unwrap_or(parallax_core::UNKNOWN_OUTLET);
            let previous = previous_of.insert(outlet_key, f);
            let history = by_outlet.entry(outlet_key.to_string()).or_default();
            // A revision is a later article's new figure, or one after an "UPDATE:" in the
            // same article; two figures in one article ("several accounts … 31 accounts")
            // are not one replacing the other.
            let revises = history
                .last()
                .filter(|prev| !same_number(prev, f))
                .filter(|prev| {
                    prev.doc != f.doc
                        || previous.is_some_and(|p| {
                            update_between(
                                docs.get(f.doc.as_str())
                                    .and_then(|d| dossier.documents.get(d.0)),
                                p.figure.span.start,
                                f.figure.span.start,
                            )
                        })
                })
                .map(|prev| prev.figure.clone());
            history.push(ClaimFigure {
                figure: f.id.clone(),
                doc: f.doc.clone(),
                outlet: outlet.map(str::to_string),
                published: published.map(str::to_string),
                text: f.figure.text.clone(),
                value: f.figure.value,
                low: f.figure.low,
                high: f.figure.high,
                hedge: f.figure.hedge.clone(),
                asserted_by: f.asserted_by.clone(),
                revises,
            });
        }
        let latest: Vec<&ClaimFigure> = by_outlet.values().filter_map(|h| h.last()).collect();
        let status = status(&latest);
        if status == ClaimStatus::SingleSource && !covered_by_several(story) {
            continue;
        }
        let (low, best, high) = estimates(&latest);
        claims.push(Claim {
            id: String::new(),
            story: story.cloned(),
            category,
            subject,
            status,
            low,
            best,
            high,
            outlets: by_outlet.keys().cloned().collect(),
            figures: by_outlet.into_values().flatten().collect(),
        });
    }
    // Most widely reported first within each story.
    claims.sort_by(|a, b| {
        a.story
            .cmp(&b.story)
            .then(b.outlets.len().cmp(&a.outlets.len()))
            .then(a.category.cmp(&b.category))
            .then(a.subject.cmp(&b.subject))
    });
    for (i, claim) in claims.iter_mut().enumerate() {
        claim.id = format!("c{}", i + 1);
    }
    claims
}

/// The counted group of a figure, folded to its class; `None` when it counts nothing.
fn subject(figure: &DossierFigure) -> Option<String> {
    let head = figure
        .figure
        .unit
        .as_deref()
        .map(str::to_lowercase)
        .or_else(|| {
            figure
                .figure
                .counted
                .as_ref()
                .and_then(|c| c.text.split_whitespace().last().map(str::to_lowercase))
        });
    let head = match head {
        Some(h) if !h.is_empty() => h,
        _ if figure.figure.category == FigureCategory::Fatalities => "people".to_string(),
        _ => return None,
    };
    let class = match head.as_str() {
        "people" | "persons" | "person" | "civilians" | "civilian" | "residents" | "villagers"
        | "dead" | "bodies" | "inhabitants" => "people".to_string(),
        "soldiers" | "soldier" | "servicemen" | "troops" => "troops".to_string(),
        other => singular(other),
    };
    if figure.figure.category == FigureCategory::Other && figure.figure.counted.is_none() {
        return None;
    }
    Some(class)
}

/// Whether an update paragraph ("UPDATE:") of `document` starts between byte offsets `from`
/// and `to`.
fn update_between(document: Option<&DossierDocument>, from: usize, to: usize) -> bool {
    document.is_some_and(|d| {
        d.paragraphs
            .iter()
            .any(|p| p.role == ParagraphRole::Update && p.span.start > from && p.span.start <= to)
    })
}

/// A plural counted noun's singular, by the regular English endings: "countries" →
/// "country", "churches" → "church", "troops" → "troop"; "gas" and "virus" stay.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{stem}y");
    }
    if let Some(stem) = word
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x'))
    {
        return stem.to_string();
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with(['s', 'u', 'i']) => stem.to_string(),
        _ => word.to_string(),
    }
}

fn same_number(a: &ClaimFigure, b: &DossierFigure) -> bool {
    a.value == b.figure.value && a.low == b.figure.low && a.high == b.figure.high
}

fn bounds(f: &ClaimFigure) -> (f64, f64) {
    match (f.low, f.high) {
        (Some(low), Some(high)) => (low, high.max(low)),
        // A lower bound alone is open upward when hedged ("at least") or vague.
        (Some(low), None) if f.hedge.is_some() || f.value.is_none() => (low, f64::INFINITY),
        (Some(low), None) => (low, low),
        (None, Some(high)) => (0.0, high),
        (None, None) => (f.value.unwrap_or(0.0), f.value.unwrap_or(f64::INFINITY)),
    }
}

fn status(latest: &[&ClaimFigure]) -> ClaimStatus {
    if latest.len() < 2 {
        return ClaimStatus::SingleSource;
    }
    let first = latest[0];
    if latest.iter().all(|f| {
        f.value.is_some()
            && f.value == first.value
            && f.hedge == first.hedge
            && f.low == first.low
            && f.high == first.high
    }) {
        return ClaimStatus::Agree;
    }
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for f in latest {
        let (l, h) = bounds(f);
        lo = lo.max(l);
        hi = hi.min(h);
    }
    if lo <= hi {
        ClaimStatus::WithinHedges
    } else {
        ClaimStatus::Conflict
    }
}

fn estimates(latest: &[&ClaimFigure]) -> (Option<f64>, Option<f64>, Option<f64>) {
    if latest.is_empty() {
        return (None, None, None);
    }
    let low = latest
        .iter()
        .map(|f| bounds(f).0)
        .fold(f64::INFINITY, f64::min);
    let high = latest
        .iter()
        .map(|f| {
            let (l, h) = bounds(f);
            if h.is_finite() {
                h
            } else {
                l
            }
        })
        .fold(f64::NEG_INFINITY, f64::max);
    let mut points: Vec<f64> = latest.iter().filter_map(|f| f.value.or(f.low)).collect();
    points.sort_by(f64::total_cmp);
    let best = match points.len() {
        0 => None,
        n if n % 2 == 1 => Some(points[n / 2]),
        n => Some((points[n / 2 - 1] + points[n / 2]) / 2.0),
    };
    (Some(low), best, Some(high))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Anchor, Figure, Span};

    fn doc(id: &str, outlet: &str, published: &str) -> DossierDocument {
        DossierDocument {
            id: id.into(),
            text: String::new(),
            title: None,
            outlet: Some(outlet.into()),
            published: Some(published.into()),
            source: id.into(),
            url: None,
            authors: vec![],
            paragraphs: vec![],
            sentences: vec![],
            voice: Vec::new(),
            time_anchor: None,
            diagnostics: vec![],
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fig(
        id: &str,
        doc: &str,
        at: usize,
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        hedge: Option<&str>,
        counted: &str,
    ) -> DossierFigure {
        DossierFigure {
            id: id.into(),
            doc: doc.into(),
            sentence: Span::new(0, 0),
            speaker: None,
            asserted_by: None,
            figure: Figure {
                span: Span::new(at, at + 1),
                text: "n".into(),
                value,
                low,
                high,
                unit: Some(counted.into()),
                hedge: hedge.map(str::to_string),
                counted: Some(Anchor {
                    span: Span::new(at, at + 1),
                    text: counted.into(),
                }),
                category: FigureCategory::Fatalities,
                quote: None,
            },
        }
    }

    #[test]
    fn conflicting_tolls_with_a_revision() {
        let mut d = Dossier::empty();
        d.documents = vec![
            doc("a", "Wire", "2031-05-09"),
            doc("b", "Herald", "2031-05-09"),
            doc("c", "Today", "2031-05-10"),
            doc("e", "Wire", "2031-05-11"),
        ];
        d.figures = vec![
            fig(
                "f1",
                "a",
                0,
                Some(15.0),
                Some(15.0),
                None,
                Some("at least"),
                "people",
            ),
            fig(
                "f2",
                "b",
                0,
                Some(27.0),
                Some(27.0),
                Some(27.0),
                None,
                "civilians",
            ),
            fig(
                "f3",
                "c",
                0,
                None,
                Some(100.0),
                Some(999.0),
                None,
                "civilians",
            ),
            fig(
                "f4",
                "e",
                0,
                Some(42.0),
                Some(42.0),
                None,
                Some("at least"),
                "people",
            ),
        ];
        let claims = reconcile(&d, &HashMap::new());
        assert_eq!(claims.len(), 1);
        let c = &claims[0];
        assert_eq!(c.outlets, ["Herald", "Today", "Wire"]);
        assert_eq!(
            c.status,
            ClaimStatus::Conflict,
            "27 exactly cannot be 'hundreds'"
        );
        let revision = c.figures.iter().find(|f| f.figure == "f4").unwrap();
        assert_eq!(revision.revises.as_deref(), Some("f1"));
        assert_eq!(
            (c.low, c.best, c.high),
            (Some(27.0), Some(42.0), Some(999.0))
        );
    }

    #[test]
    fn a_new_figure_is_a_revision_only_after_an_update_in_the_same_article() {
        let toll = |id: &str, doc: &str, at: usize, v: f64| {
            fig(
                id,
                doc,
                at,
                Some(v),
                Some(v),
                None,
                Some("at least"),
                "people",
            )
        };
        let mut d = Dossier::empty();
        d.documents = vec![
            doc("a", "Wire", "2031-05-09"),
            doc("b", "Herald", "2031-05-09"),
        ];
        d.figures = vec![
            toll("f1", "a", 10, 15.0),
            toll("f2", "a", 90, 42.0),
            toll("f3", "b", 10, 15.0),
        ];
        let revision_of_f2 = |d: &Dossier| {
            let claims = reconcile(d, &HashMap::new());
            let f2 = claims[0].figures.iter().find(|f| f.figure == "f2").cloned();
            f2.and_then(|f| f.revises)
        };
        assert_eq!(revision_of_f2(&d), None);
        d.documents[0].paragraphs = vec![
            parallax_core::Paragraph {
                span: Span::new(0, 40),
                role: ParagraphRole::Body,
            },
            parallax_core::Paragraph {
                span: Span::new(50, 58),
                role: ParagraphRole::Update,
            },
        ];
        assert_eq!(revision_of_f2(&d).as_deref(), Some("f1"));
    }

    #[test]
    fn plural_heads_fold_to_their_singular() {
        for (plural, one) in [
            ("countries", "country"),
            ("witnesses", "witness"),
            ("churches", "church"),
            ("peacekeepers", "peacekeeper"),
            ("gas", "gas"),
            ("virus", "virus"),
            ("crisis", "crisis"),
        ] {
            assert_eq!(singular(plural), one);
        }
    }

    #[test]
    fn overlapping_hedges_and_single_sources() {
        let mut d = Dossier::empty();
        d.documents = vec![
            doc("a", "Wire", "2031-05-09"),
            doc("b", "Herald", "2031-05-09"),
        ];
        d.figures = vec![
            fig(
                "f1",
                "a",
                0,
                Some(15.0),
                Some(15.0),
                None,
                Some("at least"),
                "people",
            ),
            fig(
                "f2",
                "b",
                0,
                Some(27.0),
                Some(27.0),
                Some(27.0),
                None,
                "civilians",
            ),
            fig(
                "f3",
                "b",
                5,
                Some(10.0),
                Some(10.0),
                Some(10.0),
                None,
                "peacekeepers",
            ),
        ];
        let claims = reconcile(&d, &HashMap::new());
        assert_eq!(claims[0].status, ClaimStatus::WithinHedges);
        assert_eq!(claims[1].status, ClaimStatus::SingleSource);
        assert_eq!(claims[1].subject, "peacekeeper");

        // The same figures where each article is its own story: no other outlet covers
        // the peacekeepers' story, so its lone figure is no claim.
        let story_of: HashMap<String, String> = [("a", "s1"), ("b", "s2")]
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .into_iter()
            .collect();
        assert!(reconcile(&d, &story_of).is_empty());
    }
}
