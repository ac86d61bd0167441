//! What a figure is about, read from the words around it, so that one story's figures of the
//! same counted group and size are kept apart when they count different things: "$15 million
//! to charity" and "$22 million net worth" are both dollars, "more than 60 Democrats voted
//! against her" and "several Democrats went to bat for Pelosi" both count Democrats, and
//! neither pair is one disputed figure.
//!
//! **Context words.** The content words of the figure's sentence nearest to it, at most
//! [`SIDE`] on each side, never reaching past another figure of the sentence: a second figure
//! has its own context, and the words between two figures are shared out, each taking the half
//! nearer to it (otherwise "picked up six seats on Election Day and remain in the minority
//! with 194 seats" would make the six and the 194 one fact). Left out: the figure and its
//! counted noun, numbers that are no figure (years), function words
//! (`parallax_core::function_words`), words of three letters or fewer and the words of
//! `data/claim_context_stops.txt` (forms of "be" and "say", magnitude and time words). Each is
//! reduced to its Snowball English stem, so "charity" and "charitable" and "voted" and "vote"
//! meet.
//!
//! **Same fact.** Within a group, two figures are about the same fact when they give the same
//! number (the same value and bounds: "$447 billion" in three outlets; or one within the
//! rounding of the other as written: "$1.1 million" and "$1,071,872.87") or share a context
//! stem; the facts are the connected parts of that relation. A figure with no context word
//! and no equal number stands alone. In a group of [`TOPIC_GROUP`] figures or more, a stem
//! around more than half of them is the story's topic ("Medicare", the accused's name) and
//! joins nothing: otherwise it would chain every figure of the story into one.

use crate::resolve::UnionFind;
use crate::wordlists::entries;
use crate::words::words_in;
use parallax_core::{DossierFigure, Span};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

/// Context words taken on each side of a figure.
const SIDE: usize = 4;
/// Groups from this many figures up ignore their topical words (module doc).
const TOPIC_GROUP: usize = 4;

static STOPS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/claim_context_stops.txt")).collect());

/// A figure's document as the context reader needs it: its text, and the extent of every
/// figure in it (the number with its counted noun), sorted by start.
#[derive(Clone, Copy)]
pub struct FigureDoc<'a> {
    pub text: &'a str,
    pub figures: &'a [Span],
}

/// A figure's number joined with its counted noun: the words no other figure's context takes.
pub fn extent(figure: &DossierFigure) -> Span {
    let own = figure.figure.span;
    match &figure.figure.counted {
        Some(c) => Span::new(own.start.min(c.span.start), own.end.max(c.span.end)),
        None => own,
    }
}

/// The stems of the words around `figure` in `doc` (see the module doc).
pub fn context_stems(
    figure: &DossierFigure,
    doc: FigureDoc<'_>,
    stemmer: &Stemmer,
) -> BTreeSet<String> {
    use parallax_core::function_words::class_of;
    let own = extent(figure);
    let sentence = figure.sentence;
    // The nearest other figures of the sentence on each side, as byte bounds of this one's
    // context.
    let others = doc
        .figures
        .iter()
        .filter(|s| **s != own && s.start >= sentence.start && s.end <= sentence.end);
    let left_bound = others
        .clone()
        .filter(|s| s.end <= own.start)
        .map(|s| s.end)
        .max();
    let right_bound = others.filter(|s| s.start >= own.end).map(|s| s.start).min();
    let words = words_in(doc.text, sentence);
    let left: Vec<&str> = words
        .iter()
        .rev()
        .filter(|w| w.span.end <= own.start && left_bound.is_none_or(|b| w.span.start >= b))
        .map(|w| w.norm.as_str())
        .collect();
    let right: Vec<&str> = words
        .iter()
        .filter(|w| w.span.start >= own.end && right_bound.is_none_or(|b| w.span.end <= b))
        .map(|w| w.norm.as_str())
        .collect();
    // Words between two figures are shared out: each takes the half nearer to it, the middle
    // word going to the figure before it ("picked up six seats on Election Day and remain in
    // the minority with 194 seats": "Election Day" is the six's, "minority" the 194's).
    let left = &left[..if left_bound.is_some() {
        left.len() / 2
    } else {
        left.len()
    }];
    let right = &right[..if right_bound.is_some() {
        right.len().div_ceil(2)
    } else {
        right.len()
    }];
    let is_number = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let content = |w: &str| {
        w.len() > 3 && class_of(w) == Default::default() && !STOPS.contains(w) && !is_number(w)
    };
    let mut stems = BTreeSet::new();
    for side in [left, right] {
        for w in side.iter().filter(|w| content(w)).take(SIDE) {
            stems.insert(stemmer.stem(w).into_owned());
        }
    }
    stems
}

/// `figures` split into facts: connected parts of "same number or a shared context stem".
/// `doc_of` gives each figure's document.
pub fn by_context<'a>(
    figures: Vec<&'a DossierFigure>,
    doc_of: &dyn Fn(&str) -> FigureDoc<'a>,
) -> Vec<Vec<&'a DossierFigure>> {
    if figures.len() < 2 {
        return vec![figures];
    }
    let stemmer = Stemmer::create(Algorithm::English);
    let mut facts = UnionFind::new(figures.len());
    let stems: Vec<BTreeSet<String>> = figures
        .iter()
        .map(|f| context_stems(f, doc_of(&f.doc), &stemmer))
        .collect();
    // A word around most of a larger group's figures is the story's topic ("Medicare",
    // "Democrats", the accused's name), not what one figure counts: it joins nothing.
    let mut spread: HashMap<&str, usize> = HashMap::new();
    for s in stems.iter().flatten() {
        *spread.entry(s.as_str()).or_default() += 1;
    }
    let topical = |stem: &str| figures.len() >= TOPIC_GROUP && spread[stem] * 2 > figures.len();
    // The first figure seen with each stem or number; a later one joins it.
    let mut first_with: HashMap<String, usize> = HashMap::new();
    for (i, (f, stems)) in figures.iter().zip(&stems).enumerate() {
        let number = format!(
            "={:?}/{:?}/{:?}",
            f.figure.value, f.figure.low, f.figure.high
        );
        let keys = stems.iter().filter(|s| !topical(s)).cloned();
        for key in keys.chain(std::iter::once(number)) {
            let j = *first_with.entry(key).or_insert(i);
            facts.union(i, j);
        }
    }
    // A number written rounded is the same number as any within its rounding: "$1.1 million"
    // and "$1,071,872.87". Over the figures sorted by value each rounding covers a run; a
    // figure joins the first of its run, and neighbours that some run covers join each other
    // (a difference array over the gaps), so the cost stays n log n however wide the runs.
    let mut by_value: Vec<(f64, usize)> = figures
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((f.figure.value?, i)))
        .collect();
    by_value.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut covered_gaps = vec![0i64; by_value.len() + 1];
    for (i, f) in figures.iter().enumerate() {
        let Some(value) = f.figure.value else {
            continue;
        };
        let Some(step) = super::rounding_step(&f.figure.text, value) else {
            continue;
        };
        let from = by_value.partition_point(|&(v, _)| v < value - step / 2.0);
        let to = by_value.partition_point(|&(v, _)| v <= value + step / 2.0);
        if from < to {
            facts.union(i, by_value[from].1);
            covered_gaps[from] += 1;
            covered_gaps[to - 1] -= 1;
        }
    }
    let mut open = 0;
    for k in 0..by_value.len().saturating_sub(1) {
        open += covered_gaps[k];
        if open > 0 {
            facts.union(by_value[k].1, by_value[k + 1].1);
        }
    }
    let mut parts: Vec<Vec<&DossierFigure>> = Vec::new();
    let mut part_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        let r = facts.find(i);
        let k = *part_of_root.entry(r).or_insert_with(|| {
            parts.push(Vec::new());
            parts.len() - 1
        });
        parts[k].push(f);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Anchor, Figure, FigureCategory};

    /// The figure `number` counting `counted` in `text`, its sentence the whole text.
    fn figure(doc: &str, text: &str, number: &str, value: f64, counted: &str) -> DossierFigure {
        let at = text.find(number).unwrap_or(0);
        let span = Span::new(at, at + number.len());
        let c = text[span.end..].find(counted).unwrap_or(0) + span.end;
        DossierFigure {
            id: format!("{doc}:{number}"),
            doc: doc.into(),
            sentence: Span::new(0, text.len()),
            speaker: None,
            asserted_by: None,
            figure: Figure {
                span,
                text: number.into(),
                value: Some(value),
                low: Some(value),
                high: Some(value),
                unit: Some(counted.into()),
                hedge: None,
                counted: Some(Anchor {
                    span: Span::new(c, c + counted.len()),
                    text: counted.into(),
                }),
                category: FigureCategory::Other,
                quote: None,
            },
        }
    }

    /// The facts `figures` (in the documents `texts`) make: each a list of document ids.
    fn facts(texts: &HashMap<&str, &str>, figures: &[DossierFigure]) -> Vec<Vec<String>> {
        let mut docs: HashMap<String, (&str, Vec<Span>)> = HashMap::new();
        for f in figures {
            let doc = docs
                .entry(f.doc.clone())
                .or_insert((texts[f.doc.as_str()], Vec::new()));
            doc.1.push(extent(f));
            doc.1.sort();
        }
        let doc_of = |doc: &str| FigureDoc {
            text: docs[doc].0,
            figures: &docs[doc].1,
        };
        by_context(figures.iter().collect(), &doc_of)
            .iter()
            .map(|p| p.iter().map(|f| f.doc.clone()).collect())
            .collect()
    }

    #[test]
    fn figures_about_different_things_are_apart_and_shared_words_join() {
        let texts: HashMap<&str, &str> = HashMap::from([
            ("a", "But 60 Democrats voted against her in the caucus."),
            (
                "b",
                "During the meeting, 5 Democrats went to bat for Pelosi.",
            ),
            ("c", "In all, 61 Democrats had voted against her."),
            ("d", "Only 5 Democrats spoke up."),
        ]);
        let figures = [
            figure("a", texts["a"], "60", 60.0, "Democrats"),
            figure("b", texts["b"], "5", 5.0, "Democrats"),
            figure("c", texts["c"], "61", 61.0, "Democrats"),
            figure("d", texts["d"], "5", 5.0, "Democrats"),
        ];
        let ids = facts(&texts, &figures);
        // a and c share "voted"; d gives b's number; "went to bat" and "voted against" are
        // two facts.
        assert_eq!(ids, [vec!["a", "c"], vec!["b", "d"]]);
        let apart = [
            figure("a", texts["a"], "60", 60.0, "Democrats"),
            figure("d", texts["d"], "5", 5.0, "Democrats"),
        ];
        assert_eq!(facts(&texts, &apart).len(), 2);
    }

    #[test]
    fn context_stops_at_another_figure_and_skips_stop_words() {
        let text = "They donated $15 million to charity and paid $13 million in state taxes.";
        let f = figure("a", text, "$15 million", 15e6, "");
        let g = figure("a", text, "$13 million", 13e6, "");
        let doc = FigureDoc {
            text,
            figures: &[extent(&f), extent(&g)],
        };
        let stemmer = Stemmer::create(Algorithm::English);
        let stems = context_stems(&f, doc, &stemmer);
        assert!(
            stems.contains("chariti") && stems.contains("donat"),
            "{stems:?}"
        );
        assert!(!stems.contains("tax"), "{stems:?}");
    }

    #[test]
    fn words_between_two_figures_are_shared_out() {
        let text = "They picked up just six seats on Election Day earlier this month and \
                    remain in the minority with 194 seats.";
        let six = figure("a", text, "six", 6.0, "seats");
        let other = figure("a", text, "194", 194.0, "seats");
        let doc = FigureDoc {
            text,
            figures: &[extent(&six), extent(&other)],
        };
        let stemmer = Stemmer::create(Algorithm::English);
        let (a, b) = (
            context_stems(&six, doc, &stemmer),
            context_stems(&other, doc, &stemmer),
        );
        assert!(a.contains("elect") && b.contains("minor"), "{a:?} {b:?}");
        assert!(a.is_disjoint(&b), "{a:?} {b:?}");
        // A year is no figure: it bounds nothing, and is no context word.
        let text = "The Clintons paid $43 million in federal taxes since 2007.";
        let f = figure("a", text, "$43 million", 43e6, "");
        let doc = FigureDoc {
            text,
            figures: &[extent(&f)],
        };
        let stems = context_stems(&f, doc, &stemmer);
        assert!(
            stems.contains("tax") && !stems.contains("2007"),
            "{stems:?}"
        );
    }

    #[test]
    fn a_rounded_number_is_the_number_it_rounds() {
        let texts: HashMap<&str, &str> = HashMap::from([
            ("a", "The estate was valued at $1,071,872.87 last week."),
            ("b", "Officials put it near $1.1 million on Friday."),
            ("c", "A second count gave $1.3 million."),
        ]);
        let figures = [
            figure("a", texts["a"], "$1,071,872.87", 1_071_872.87, ""),
            figure("b", texts["b"], "$1.1 million", 1.1e6, ""),
            figure("c", texts["c"], "$1.3 million", 1.3e6, ""),
        ];
        let ids = facts(&texts, &figures);
        assert_eq!(ids, [vec!["a", "b"], vec!["c"]]);
    }

    #[test]
    fn the_story_topic_joins_nothing() {
        let texts: HashMap<&str, &str> = HashMap::from([
            ("a", "Obama cut 716 dollars from Medicare."),
            ("b", "The Medicare cuts of 882 dollars fund the plan."),
            ("c", "Medicare would lose 800 dollars under his budget."),
            ("d", "He slashed 716 dollars from Medicare."),
        ]);
        let figures: Vec<DossierFigure> = [
            ("a", "716", 716.0),
            ("b", "882", 882.0),
            ("c", "800", 800.0),
            ("d", "716", 716.0),
        ]
        .iter()
        .map(|&(doc, n, v)| figure(doc, texts[doc], n, v, "dollars"))
        .collect();
        let parts = facts(&texts, &figures);
        assert_eq!(parts.len(), 3, "only the two 716s are one fact: {parts:#?}");
    }
}
