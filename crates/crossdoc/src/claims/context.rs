//! What a figure is about, read from the words around it, so that one story's figures of the
//! same counted group and size are kept apart when they count different things: "$15 million
//! to charity" and "$22 million net worth" are both dollars, "more than 60 Democrats voted
//! against her" and "several Democrats went to bat for Pelosi" both count Democrats, and
//! neither pair is one disputed figure.
//!
//! **Context words.** The content words of the figure's sentence nearest to it, at most
//! [`SIDE`] on each side, never reaching past another number (a second figure in the sentence
//! has its own context), leaving out the figure and its counted noun, function words
//! (`parallax_core::function_words`), words of three letters or fewer and the words of
//! `data/claim_context_stops.txt` (forms of "be" and "say", magnitude and time words). Each is
//! reduced to its Snowball English stem, so "charity" and "charitable" and "voted" and "vote"
//! meet.
//!
//! **Same fact.** Within a group, two figures are about the same fact when they give the same
//! number (the same value and bounds: "$447 billion" in three outlets) or share a context
//! stem; the facts are the connected parts of that relation. A figure with no context word
//! and no equal number stands alone. In a group of [`TOPIC_GROUP`] figures or more, a stem
//! around more than half of them is the story's topic ("Medicare", the accused's name) and
//! joins nothing: otherwise it would chain every figure of the story into one.

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

/// The stems of the words around `figure` in `text` (see the module doc).
pub fn context_stems(figure: &DossierFigure, text: &str, stemmer: &Stemmer) -> BTreeSet<String> {
    use parallax_core::function_words::class_of;
    let own = figure.figure.span;
    let counted = figure.figure.counted.as_ref().map(|c| c.span);
    let inside = |s: Span| {
        (s.start < own.end && own.start < s.end)
            || counted.is_some_and(|c| s.start < c.end && c.start < s.end)
    };
    let words = words_in(text, figure.sentence);
    let at = words.partition_point(|w| w.span.end <= own.start);
    let is_number = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let content = |w: &str| {
        w.len() > 3 && class_of(w) == Default::default() && !STOPS.contains(w) && !is_number(w)
    };
    let mut stems = BTreeSet::new();
    let left = words[..at].iter().rev().filter(|w| !inside(w.span));
    let right = words[at..].iter().filter(|w| !inside(w.span));
    for side in [
        &mut left.map(|w| w.norm.as_str()) as &mut dyn Iterator<Item = &str>,
        &mut right.map(|w| w.norm.as_str()),
    ] {
        side.take_while(|w| !is_number(w))
            .filter(|w| content(w))
            .take(SIDE)
            .for_each(|w| {
                stems.insert(stemmer.stem(w).into_owned());
            });
    }
    stems
}

/// `figures` split into facts: connected parts of "same number or a shared context stem".
/// `text_of` gives each figure's document text.
pub fn by_context<'a>(
    figures: Vec<&'a DossierFigure>,
    text_of: &dyn Fn(&str) -> &'a str,
) -> Vec<Vec<&'a DossierFigure>> {
    if figures.len() < 2 {
        return vec![figures];
    }
    let stemmer = Stemmer::create(Algorithm::English);
    let mut parent: Vec<usize> = (0..figures.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let stems: Vec<BTreeSet<String>> = figures
        .iter()
        .map(|f| context_stems(f, text_of(&f.doc), &stemmer))
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
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a] = b;
        }
    }
    let mut parts: Vec<Vec<&DossierFigure>> = Vec::new();
    let mut part_of_root: HashMap<usize, usize> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        let r = root(&mut parent, i);
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
        let text_of = |doc: &str| texts.get(doc).copied().unwrap_or("");
        let parts = by_context(figures.iter().collect(), &text_of);
        let ids: Vec<Vec<&str>> = parts
            .iter()
            .map(|p| p.iter().map(|f| f.doc.as_str()).collect())
            .collect();
        // a and c share "voted"; d gives b's number; "went to bat" and "voted against" are
        // two facts.
        assert_eq!(ids, [vec!["a", "c"], vec!["b", "d"]]);
        let apart = [
            figure("a", texts["a"], "60", 60.0, "Democrats"),
            figure("d", texts["d"], "5", 5.0, "Democrats"),
        ];
        assert_eq!(by_context(apart.iter().collect(), &text_of).len(), 2);
    }

    #[test]
    fn context_stops_at_another_number_and_skips_stop_words() {
        let text = "They donated $15 million to charity and paid $13 million in state taxes.";
        let f = figure("a", text, "$15 million", 15e6, "million");
        let stemmer = Stemmer::create(Algorithm::English);
        let stems = context_stems(&f, text, &stemmer);
        assert!(
            stems.contains("chariti") && stems.contains("donat"),
            "{stems:?}"
        );
        assert!(!stems.contains("tax"), "{stems:?}");
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
        let text_of = |doc: &str| texts.get(doc).copied().unwrap_or("");
        let parts = by_context(figures.iter().collect(), &text_of);
        assert_eq!(parts.len(), 3, "only the two 716s are one fact: {parts:#?}");
    }
}
