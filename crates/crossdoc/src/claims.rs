//! Claim reconciliation: figures about the same thing, side by side across outlets.
//!
//! **Grouping.** Two figures are about the same thing when they are in the same story, have the
//! same category, and count the same group. The group is the counted noun's head folded to a
//! class (`data/counted_groups.txt`): people, civilians, residents, villagers, the dead and
//! bodies are all "people"; soldiers, troops and peacekeepers are "troops"; whoever marches or
//! demonstrates in a figure of protesters is "protesters" ("tens of thousands of Chileans
//! marched" and "200,000 demonstrators"); a people named by their nationality ("Chileans") are
//! "people"; any other head is itself without a plural "s". Figures of category `other` that
//! count nothing are not claims, and neither are counts of generic nouns
//! (`data/generic_counts.txt`: "two countries", "two provinces", "two nations' troops"). A
//! figure of category `other` that counts a set the text already knows, written after a
//! definite determiner, a possessive or "all" ("the two coasts", "those two things", "his
//! nearly two full terms", "all seven Republicans"), or a small count whose members the next
//! words list ("two turkeys named Mac and Cheese", "two sons, 11 and 14"), is no claim either:
//! it refers to the set rather than reporting its size.
//!
//! Amounts of money and other economic figures of one unit are also split by size
//! ([`by_magnitude`]): two reports of one amount differ by rounding or an update, not by a
//! factor of ten, and a story's many sums ("$750,000" spent, "$4,600" for a fur cape) are
//! not one disputed figure.
//!
//! Figures of category `other` and economic figures are then split by what they are about
//! ([`context`]): the content words around each figure, stemmed; two figures of a group are one
//! fact when they give the same number or share such a word, so "more than 60 Democrats voted
//! against her" and "several Democrats went to bat for Pelosi" are two claims, not one in
//! dispute, while "$447 billion" in three outlets stays one. Tolls, arrests, protesters and the
//! other consequence categories are not split: their category already says what is counted.
//!
//! **Voices.** Within an outlet, figures are kept apart by who speaks them: the outlet's own
//! text (with the attributions its reporting carries), its factbox (a `list` paragraph: "
//! Population: approximately 36,000"), and each source it pastes (a `block_quote` paragraph:
//! an agency excerpt, a reader comment, an embedded post, by who asserts it there).
//!
//! **Revisions.** Each voice's figures in one claim are ordered by publication, then position;
//! each that differs from the one before — in an earlier article, or before an "UPDATE:" in
//! the same one — is marked as revising it, and only the voice's latest figure takes part in
//! the comparison, so an "UPDATE:" with a new toll is a revision, not a conflict, while a
//! pasted excerpt or a reader comment never revises the outlet's own figure.
//!
//! **Status** over the voices' latest figures: `agree` when all give the same number with the
//! same hedge; `within_hedges` when their ranges (a stated value is the range [v, v], widened
//! by the rounding its words show, at most 5% — "$13.6 million" is [13.55, 13.65] million —, "at least
//! v" is [v, ∞), "up to v" is [0, v], vague amounts carry their bounds) share a point;
//! `conflict` otherwise — also within one outlet (its lede against its factbox). When only one
//! outlet speaks and its voices do not conflict the status is `single_source`, kept only in a
//! story that other outlets also cover (in a one-outlet story every figure would be one), and
//! not when it is a [`narrative_count`]: "two former deliverymen hired a lawyer", "has served
//! two terms", "agreements with three insurers" tell the story, they are not a figure anyone
//! reports differently. The same count in two outlets stays a claim (they agree on it).
//!
//! **Estimates**, after UCDP's low/best/high: `low` is the smallest known lower bound (none
//! when every voice only gives an upper one: "nearly $20 million" does not say "from $0"); `high` the
//! largest finite upper bound or lower bound; `best` the median of the voices' point values,
//! where a point value is the stated value or, for a vague amount, its lower bound — the
//! conservative reading, as UCDP's best estimates are.

use parallax_core::{
    Claim, ClaimFigure, ClaimStatus, Dossier, DossierDocument, DossierFigure, FigureCategory,
    ParagraphRole, Span,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

mod context;

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
        let text = docs
            .get(figure.doc.as_str())
            .and_then(|&(i, _, _)| dossier.documents.get(i))
            .map_or("", |d| d.text.as_str());
        if counts_a_known_set(figure, text) {
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
    // Each document's figure extents, for the context reader (claims/context.rs).
    let mut extents: HashMap<&str, Vec<Span>> = HashMap::new();
    for figure in &dossier.figures {
        extents
            .entry(figure.doc.as_str())
            .or_default()
            .push(context::extent(figure));
    }
    extents.values_mut().for_each(|e| e.sort());
    let doc_of = |doc: &str| context::FigureDoc {
        text: docs
            .get(doc)
            .and_then(|&(i, _, _)| dossier.documents.get(i))
            .map_or("", |d| d.text.as_str()),
        figures: extents.get(doc).map_or(&[][..], Vec::as_slice),
    };
    let mut claims = Vec::new();
    let groups = groups.into_iter().flat_map(|(key, figures)| {
        let parts = match key.1 {
            FigureCategory::Economic => by_magnitude(figures)
                .into_iter()
                .flat_map(|part| context::by_context(part, &doc_of))
                .collect(),
            FigureCategory::Other => context::by_context(figures, &doc_of),
            _ => vec![figures],
        };
        parts.into_iter().map(move |part| (key.clone(), part))
    });
    for ((story, category, subject), mut figures) in groups {
        // Publication order (the dossier lays documents out by publication instant, undated
        // last), then text order.
        figures.sort_by_key(|f| {
            let index = docs.get(f.doc.as_str()).map_or(usize::MAX, |d| d.0);
            (index, f.figure.span.start)
        });
        let mut by_voice: BTreeMap<(String, Voice), Vec<ClaimFigure>> = BTreeMap::new();
        // Each voice's previous figure in this claim, for where it stands in its article.
        let mut previous_of: HashMap<(String, Voice), &DossierFigure> = HashMap::new();
        for f in figures {
            let (index, outlet, published) =
                docs.get(f.doc.as_str()).copied().unwrap_or((0, None, None));
            let document = dossier.documents.get(index).filter(|d| d.id == f.doc);
            let outlet_key = outlet.unwrap_or(parallax_core::UNKNOWN_OUTLET).to_string();
            let key = (outlet_key, voice(document, f));
            let previous = previous_of.insert(key.clone(), f);
            let history = by_voice.entry(key).or_default();
            // A revision is a later article's new figure, or one after an "UPDATE:" in the
            // same article; two figures in one article ("several accounts … 31 accounts")
            // are not one replacing the other.
            let revises = history
                .last()
                .filter(|prev| !same_number(prev, f))
                .filter(|prev| {
                    prev.doc != f.doc
                        || previous.is_some_and(|p| {
                            update_between(document, p.figure.span.start, f.figure.span.start)
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
        let latest: Vec<&ClaimFigure> = by_voice.values().filter_map(|h| h.last()).collect();
        let outlets: BTreeSet<&String> = by_voice.keys().map(|(o, _)| o).collect();
        let status = match status(&latest) {
            ClaimStatus::Conflict => ClaimStatus::Conflict,
            _ if outlets.len() < 2 => ClaimStatus::SingleSource,
            other => other,
        };
        if status == ClaimStatus::SingleSource
            && (!covered_by_several(story) || narrative_count(category, &latest))
        {
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
            outlets: outlets.into_iter().cloned().collect(),
            figures: by_voice.into_values().flatten().collect(),
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

/// Who speaks a figure within its outlet (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Voice {
    /// The outlet's own text and the attributions its reporting carries.
    Own,
    /// A factbox line.
    Factbox,
    /// Pasted copy, by who asserts it.
    Pasted(Option<String>),
}

/// The voice of `figure` in `document`, from the role of its paragraph.
fn voice(document: Option<&DossierDocument>, figure: &DossierFigure) -> Voice {
    let role = document.and_then(|d| {
        let at = figure.figure.span.start;
        let i = d.paragraphs.partition_point(|p| p.span.end <= at);
        d.paragraphs
            .get(i)
            .filter(|p| p.span.start <= at)
            .map(|p| p.role)
    });
    match role {
        Some(ParagraphRole::List) => Voice::Factbox,
        Some(ParagraphRole::BlockQuote) => Voice::Pasted(figure.asserted_by.clone()),
        _ => Voice::Own,
    }
}

/// The heads of each counted group, and the generic nouns that make no claim.
struct Groups {
    class_of: HashMap<&'static str, &'static str>,
    generic: BTreeSet<&'static str>,
}

fn groups() -> &'static Groups {
    use crate::wordlists::entries;
    static GROUPS: LazyLock<Groups> = LazyLock::new(|| Groups {
        class_of: entries(include_str!("../data/counted_groups.txt"))
            .filter_map(|l| l.split_once(':'))
            .flat_map(|(class, heads)| heads.split_whitespace().map(move |h| (h, class.trim())))
            .collect(),
        generic: entries(include_str!("../data/generic_counts.txt")).collect(),
    });
    &GROUPS
}

/// The counted group of a figure, folded to its class; `None` when it counts nothing or
/// something generic.
fn subject(figure: &DossierFigure) -> Option<String> {
    let counted_last = figure
        .figure
        .counted
        .as_ref()
        .and_then(|c| c.text.split_whitespace().last());
    let head = figure
        .figure
        .unit
        .as_deref()
        .map(str::to_lowercase)
        .or_else(|| counted_last.map(str::to_lowercase));
    let category = figure.figure.category;
    let head = match head {
        Some(h) if !h.is_empty() => h,
        _ if category == FigureCategory::Fatalities => "people".to_string(),
        _ => return None,
    };
    if category == FigureCategory::Other && figure.figure.counted.is_none() {
        return None;
    }
    let groups = groups();
    if groups.generic.contains(head.as_str()) {
        return None;
    }
    if category == FigureCategory::Protesters {
        return Some("protesters".to_string());
    }
    if let Some(class) = groups.class_of.get(head.as_str()) {
        return Some(class.to_string());
    }
    // A people named by nationality: "Chileans", "Georgians".
    let demonym = counted_last.is_some_and(|w| {
        w.starts_with(|c: char| c.is_uppercase()) && w.ends_with('s') && w.len() > 4
    });
    if demonym && category != FigureCategory::Other {
        return Some("people".to_string());
    }
    Some(singular(&head))
}

/// Whether `figure` (of category `other`) counts a set its text already knows or names:
/// - the word before it is a definite determiner, a possessive or "all" ("the two coasts",
///   "his two terms", "all seven Republicans"), quotation marks aside (`"Those two things`);
/// - a small count whose members the next words list one by one ("two turkeys named Mac and
///   Cheese", "two sons, 11 and 14", "three members from Illinois, Pennsylvania and New
///   York"): it identifies them rather than reporting how many there are.
fn counts_a_known_set(figure: &DossierFigure, text: &str) -> bool {
    use parallax_core::function_words::{class_of, FunctionWord};
    if figure.figure.category != FigureCategory::Other {
        return false;
    }
    let before = text
        .get(..figure.figure.span.start)
        .and_then(|t| t.split_whitespace().next_back())
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    if class_of(before).is(FunctionWord::DEFINITE | FunctionWord::POSSESSIVE)
        || before.eq_ignore_ascii_case("all")
    {
        return true;
    }
    let after = figure
        .figure
        .counted
        .as_ref()
        .and_then(|c| text.get(c.span.end.max(figure.figure.span.end)..));
    match (figure.figure.value, after) {
        (Some(n), Some(after)) if (2.0..=10.0).contains(&n) && n.fract() == 0.0 => {
            listed_items(after) == Some(n as usize)
        }
        _ => false,
    }
}

/// Figures that count a few of something as part of telling the story, not as a quantity to
/// report: a count of category `other` written in words below ten ("two", "three"), with no
/// hedge. News style spells out one to nine and writes digits from 10, so a spelled small
/// count is narrative; a digit below ten is usually a tally ("passed 396-9") and stays.
fn narrative_count(category: FigureCategory, latest: &[&ClaimFigure]) -> bool {
    category == FigureCategory::Other
        && latest.iter().all(|f| {
            f.hedge.is_none()
                && f.value.is_some_and(|v| v < 10.0 && v.fract() == 0.0)
                && !f.text.chars().any(|c| c.is_ascii_digit())
        })
}

/// How many items the list right after a counted noun names: the words up to the first
/// " and " (at most six, a comma right after the noun aside) split at commas, plus the one
/// after "and"; `None` when no such list follows ("hired a lawyer who…").
fn listed_items(after: &str) -> Option<usize> {
    let sentence_end = after.find(['.', ';', ':', '?', '!']).unwrap_or(after.len());
    let after = after[..sentence_end].trim_start();
    let after = after.strip_prefix(',').unwrap_or(after);
    let (items, _) = after.split_once(" and ")?;
    if items.split_whitespace().count() > 6 {
        return None;
    }
    Some(items.matches(',').count() + 2)
}

/// Economic figures of one unit split into amounts of one size: outlets round or update an
/// amount ("$43,350", "$43,000"), while "$750,000" and "$4,600" in one story are two things
/// bought, not a conflict. Sorted by size, a figure joins the amounts before it when it is at
/// most [`SAME_AMOUNT_RATIO`] times the least of them, so that no chain of small steps joins
/// amounts far apart.
fn by_magnitude(mut figures: Vec<&DossierFigure>) -> Vec<Vec<&DossierFigure>> {
    let size = |f: &DossierFigure| {
        let high = f.figure.high.filter(|h| h.is_finite());
        f.figure.value.or(high).or(f.figure.low).unwrap_or(0.0)
    };
    figures.sort_by(|a, b| size(a).total_cmp(&size(b)));
    let mut parts: Vec<Vec<&DossierFigure>> = Vec::new();
    for f in figures {
        match parts.last_mut() {
            Some(part)
                if part
                    .first()
                    .is_some_and(|least| size(f) <= size(least).max(0.0) * SAME_AMOUNT_RATIO) =>
            {
                part.push(f)
            }
            _ => parts.push(vec![f]),
        }
    }
    parts
}

/// How far apart two reports of one amount may be ([`by_magnitude`]): half again as much.
const SAME_AMOUNT_RATIO: f64 = 1.5;

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

/// [`bounds`] widened by the rounding an exact figure's words show: "$13.6 million" stands for
/// anything from 13.55 to 13.65 million, so it agrees within hedges with "$13,625,777", while
/// "$43 million" (42.5 to 43.5 million) still conflicts with "$43,885,310".
fn bounds_as_written(f: &ClaimFigure) -> (f64, f64) {
    let (low, high) = bounds(f);
    let exact = f.hedge.is_none() && f.value.is_some_and(|v| v == low && v == high);
    match f.value.and_then(|v| rounding_step(&f.text, v)) {
        Some(step) if exact => (low - step / 2.0, high + step / 2.0),
        _ => (low, high),
    }
}

/// The step of the last digit of a number written with a scale word ("13.6 million": 0.1
/// million); `None` for numbers written out in full ("13,625,777"), which are exact. At most a
/// tenth of `value`: "$1 trillion" is read as rounded to within 5% (0.95 to 1.05 trillion),
/// not as anything from half a trillion up, which would make it agree with "$800 billion".
fn rounding_step(text: &str, value: f64) -> Option<f64> {
    let lower = text.to_lowercase();
    let scale = [("trillion", 1e12), ("billion", 1e9), ("million", 1e6)]
        .into_iter()
        .find(|(word, _)| lower.contains(word))?
        .1;
    let digits = lower
        .split_whitespace()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))?;
    let decimals = digits.split_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    });
    Some((scale / 10f64.powi(decimals as i32)).min(value.abs() / 10.0))
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
        let (l, h) = bounds_as_written(f);
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
    // The smallest known lower bound: an exact or approximate number is its own, while "up
    // to" and "nearly" give none ("nearly $20 million" does not say "from $0").
    let low = latest
        .iter()
        .filter_map(|f| f.low.or(f.value.filter(|_| f.high.is_none())))
        .reduce(f64::min);
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
    (low, best, Some(high))
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
        assert_eq!(claims[1].subject, "troops", "peacekeepers are troops");

        // The same figures where each article is its own story: no other outlet covers
        // the troops' story, so its lone figure is no claim.
        let story_of: HashMap<String, String> = [("a", "s1"), ("b", "s2")]
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .into_iter()
            .collect();
        assert!(reconcile(&d, &story_of).is_empty());
    }

    fn with_paragraphs(
        mut d: DossierDocument,
        roles: &[(usize, usize, ParagraphRole)],
    ) -> DossierDocument {
        d.paragraphs = roles
            .iter()
            .map(|&(start, end, role)| parallax_core::Paragraph {
                span: Span::new(start, end),
                role,
            })
            .collect();
        d
    }

    #[test]
    fn a_count_of_a_known_set_makes_no_claim() {
        let mut d = Dossier::empty();
        d.documents = vec![
            doc("a", "Wire", "2031-05-09"),
            doc("b", "Herald", "2031-05-09"),
        ];
        d.documents[0].text = "beyond the two coasts".into();
        d.documents[1].text = "Democrats gained 2 seats".into();
        let two = |id: &str, doc: &str, at: usize, counted: &str, category| {
            let mut f = fig(id, doc, at, Some(2.0), Some(2.0), Some(2.0), None, counted);
            f.figure.category = category;
            f
        };
        let coasts = two("f1", "a", 11, "coasts", FigureCategory::Other);
        // In digits, not a narrative count (`narrative_count`).
        let mut seats = two("f2", "b", 17, "seats", FigureCategory::Other);
        seats.figure.text = "2".into();
        // A toll is a claim whatever comes before it ("the 15 people killed").
        let dead = two("f3", "a", 11, "people", FigureCategory::Fatalities);
        d.figures = vec![coasts, seats, dead];
        let story: HashMap<String, String> = [("a", "s"), ("b", "s")]
            .map(|(k, v)| (k.into(), v.into()))
            .into();
        let claims = reconcile(&d, &story);
        let figures: Vec<&str> = claims
            .iter()
            .flat_map(|c| c.figures.iter().map(|f| f.figure.as_str()))
            .collect();
        assert_eq!(figures, ["f3", "f2"], "{claims:#?}");
    }

    #[test]
    fn amounts_far_apart_are_different_things() {
        let money = |id: &str, v: f64| {
            let mut f = fig(id, "a", 0, Some(v), Some(v), Some(v), None, "USD");
            f.figure.category = FigureCategory::Economic;
            f
        };
        let figures = [
            money("f1", 750_000.0),
            money("f2", 4_600.0),
            money("f3", 43_350.0),
            money("f4", 43_000.0),
            money("f5", 5_000.0),
            money("f6", 6_000.0),
            money("f7", 7_000.0),
        ];
        let parts: Vec<Vec<&str>> = by_magnitude(figures.iter().collect())
            .iter()
            .map(|p| p.iter().map(|f| f.id.as_str()).collect())
            .collect();
        // 4,600 to 6,000 are within half again of the least; 7,000 is not, however close
        // to 6,000.
        assert_eq!(
            parts,
            [
                vec!["f2", "f5", "f6"],
                vec!["f7"],
                vec!["f4", "f3"],
                vec!["f1"]
            ]
        );
    }

    #[test]
    fn a_list_after_a_count_names_its_members() {
        assert_eq!(listed_items(" named Mac and Cheese."), Some(2));
        assert_eq!(listed_items(", 11 and 14."), Some(2));
        assert_eq!(
            listed_items(" from Illinois, Pennsylvania and New York share the duties"),
            Some(3)
        );
        assert_eq!(
            listed_items(" hired a lawyer who contacted the office."),
            None
        );
        // "and" past the sentence, or too far to be the noun's list.
        assert_eq!(listed_items(" died. Police and medics came"), None);
        assert_eq!(
            listed_items(" were hurt when the roof of the old hall fell and burned"),
            None
        );
    }

    #[test]
    fn generic_counts_make_no_claim_and_groups_fold() {
        let mut d = Dossier::empty();
        d.documents = vec![
            doc("a", "Wire", "2031-05-09"),
            doc("b", "Herald", "2031-05-09"),
        ];
        let mut marchers = fig(
            "f1",
            "a",
            0,
            None,
            Some(10000.0),
            Some(99999.0),
            None,
            "Chileans",
        );
        marchers.figure.category = FigureCategory::Protesters;
        let mut demonstrators = fig(
            "f2",
            "b",
            0,
            Some(200000.0),
            Some(200000.0),
            Some(200000.0),
            None,
            "demonstrators",
        );
        demonstrators.figure.category = FigureCategory::Protesters;
        let mut countries = fig(
            "f3",
            "a",
            5,
            Some(2.0),
            Some(2.0),
            Some(2.0),
            None,
            "countries",
        );
        countries.figure.category = FigureCategory::Other;
        let mut nations = fig(
            "f4",
            "b",
            5,
            Some(2.0),
            Some(2.0),
            Some(2.0),
            None,
            "nations",
        );
        nations.figure.category = FigureCategory::Forces;
        d.figures = vec![marchers, demonstrators, countries, nations];
        let claims = reconcile(&d, &HashMap::new());
        assert_eq!(claims.len(), 1, "{claims:#?}");
        assert_eq!(claims[0].subject, "protesters");
        assert_eq!(claims[0].outlets, ["Herald", "Wire"]);
    }

    #[test]
    fn pasted_copy_does_not_revise_and_a_factbox_conflicts_with_the_lede() {
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
            with_paragraphs(
                doc("a", "Blog", "2031-05-09"),
                &[
                    (0, 40, ParagraphRole::Body),
                    (50, 90, ParagraphRole::BlockQuote),
                ],
            ),
            doc("b", "Wire", "2031-05-09"),
        ];
        let mut comment = toll("f2", "a", 60, 1500.0);
        comment.asserted_by = Some("a reader".into());
        d.figures = vec![
            toll("f1", "a", 10, 15.0),
            comment,
            toll("f3", "b", 10, 15.0),
        ];
        let claims = reconcile(&d, &HashMap::new());
        let c = &claims[0];
        assert!(c.figures.iter().all(|f| f.revises.is_none()), "{c:#?}");
        assert_eq!(c.status, ClaimStatus::WithinHedges);

        // One outlet's lede says 40,000 inhabitants, its factbox 36,000.
        let mut d = Dossier::empty();
        d.documents = vec![with_paragraphs(
            doc("a", "Wire", "2031-05-09"),
            &[(0, 40, ParagraphRole::Body), (50, 90, ParagraphRole::List)],
        )];
        let people = |id: &str, at: usize, v: f64| {
            let mut f = fig(id, "a", at, Some(v), Some(v), Some(v), None, "inhabitants");
            f.figure.category = FigureCategory::Population;
            f
        };
        d.figures = vec![people("f1", 10, 40000.0), people("f2", 60, 36000.0)];
        let claims = reconcile(&d, &HashMap::new());
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].status, ClaimStatus::Conflict);
    }

    fn written(text: &str, value: f64, hedge: Option<&str>) -> ClaimFigure {
        let (low, high) = match hedge {
            Some("nearly") => (None, Some(value)),
            _ => (Some(value), Some(value)),
        };
        ClaimFigure {
            figure: text.into(),
            doc: "a".into(),
            outlet: None,
            published: None,
            text: text.into(),
            value: Some(value),
            low,
            high,
            hedge: hedge.map(str::to_string),
            asserted_by: None,
            revises: None,
        }
    }

    #[test]
    fn a_spelled_small_count_is_narrative_a_tally_or_a_toll_is_not() {
        let two = written("two", 2.0, None);
        assert!(narrative_count(FigureCategory::Other, &[&two]));
        assert!(!narrative_count(FigureCategory::Fatalities, &[&two]));
        let tally = written("9", 9.0, None);
        assert!(!narrative_count(FigureCategory::Other, &[&tally]));
        let twelve = written("twelve", 12.0, None);
        assert!(!narrative_count(FigureCategory::Other, &[&twelve]));
        let about = written("about three", 3.0, Some("about"));
        assert!(!narrative_count(FigureCategory::Other, &[&about]));
    }

    #[test]
    fn a_rounded_amount_agrees_with_the_exact_one_and_an_upper_bound_gives_no_low() {
        let rounded = written("$13.6 million", 13.6e6, None);
        let exact = written("$13,625,777", 13_625_777.0, None);
        assert_eq!(status(&[&rounded, &exact]), ClaimStatus::WithinHedges);
        let whole = written("$43 million", 43e6, None);
        let full = written("$43,885,310", 43_885_310.0, None);
        assert_eq!(status(&[&whole, &full]), ClaimStatus::Conflict);
        // One significant digit is rounding to within 5%, not to half a trillion.
        let trillion = written("$1 trillion", 1e12, None);
        let billions = written("$800 billion", 8e11, None);
        assert_eq!(status(&[&trillion, &billions]), ClaimStatus::Conflict);
        let near = written("$960 billion", 9.6e11, None);
        assert_eq!(status(&[&trillion, &near]), ClaimStatus::WithinHedges);
        // "nearly $20 million" says nothing of a lower bound: the estimate has none.
        let nearly = written("nearly $20 million", 20e6, Some("nearly"));
        assert_eq!(estimates(&[&nearly]), (None, Some(20e6), Some(20e6)));
    }
}
