//! Who said it and whose number: the gold speaker of each quotation and the gold asserter of
//! each figure, judged against the dossier.
//!
//! A gold quotation is matched to the dossier quotation of its article that overlaps it most
//! (none: the quotation was missed, which counts as a wrong speaker); a gold figure likewise
//! to the dossier figure overlapping it most. What the dossier credits is then:
//! - a speaker: the dossier entity of the speaker, read as the gold entity it stands for in
//!   that article ([`super::entities::Identities`]), and the words naming the speaker
//!   (`speaker_span`; for a figure, the speaker words of the quotation it sits in);
//! - or the outlet, for a figure outside any quotation or attribution with a speaker.
//!
//! Judged right when the gold is
//! - an entity E: the speaker entity stands for E; or it stands for no gold entity (none, or
//!   one no gold mention is matched to) and the speaker words overlap a gold mention of E;
//! - words for an unnamed source ("officials"): the speaker entity stands for no gold entity
//!   and the speaker words overlap the gold words;
//! - the outlet: the dossier credits the outlet.
//!
//! Words marked as not speech (a show's name in quotation marks) are scored apart: each is a
//! false quotation when a dossier quotation overlapping it has a speaker.

use super::entities::overlap;
use super::{Miss, Run};
use crate::formats::coverage::Who;
use parallax_core::{DossierFigure, DossierQuote, Span};

/// What the dossier credits a quotation or figure to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Credit {
    Outlet,
    Speaker {
        /// Index into `dossier.entities`.
        entity: Option<usize>,
        words: Option<Span>,
        text: Option<String>,
    },
}

/// Tallies of one kind of attribution.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tally {
    pub gold: usize,
    pub found: usize,
    pub right: usize,
}

impl Tally {
    /// Counts one gold item (`doc`, `span`, `who`) against what the dossier `credit`s, a miss
    /// of `kind` when wrong (`what` names the dossier item that may be missing).
    fn judge(
        &mut self,
        run: &Run,
        misses: &mut Vec<Miss>,
        (kind, what): (&'static str, &str),
        (doc, span, who): (usize, Span, &Who),
        credit: Option<Credit>,
    ) {
        self.gold += 1;
        self.found += usize::from(credit.is_some());
        if credit.as_ref().is_some_and(|c| judge(run, doc, who, c)) {
            self.right += 1;
        } else {
            misses.push(run.miss(
                kind,
                doc,
                span,
                expected(run, doc, who),
                credit.map_or(format!("no {what} found"), |c| describe(run, doc, &c)),
            ));
        }
    }

    pub fn add(&mut self, other: Tally) {
        self.gold += other.gold;
        self.found += other.found;
        self.right += other.right;
    }
}

/// Scores of one story's quotations and figures.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Attribution {
    pub speakers: Tally,
    pub not_speech: usize,
    pub false_quotes: usize,
    pub figures: Tally,
}

impl Attribution {
    pub fn add(&mut self, other: Attribution) {
        self.speakers.add(other.speakers);
        self.not_speech += other.not_speech;
        self.false_quotes += other.false_quotes;
        self.figures.add(other.figures);
    }
}

/// Index of the item of `items` in article `doc` overlapping `span` most.
pub(crate) fn best_overlap<T>(
    items: &[T],
    doc_id: &str,
    span: Span,
    place: impl Fn(&T) -> (&str, Span),
) -> Option<usize> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let (doc, s) = place(item);
            let shared = if doc == doc_id { overlap(s, span) } else { 0 };
            (shared > 0).then_some((shared, std::cmp::Reverse(i)))
        })
        .max()
        .map(|(_, std::cmp::Reverse(i))| i)
}

pub(crate) fn score(run: &Run, misses: &mut Vec<Miss>) -> Attribution {
    let mut out = Attribution::default();
    let dossier = run.dossier;
    for q in &run.story.gold.quotes {
        let doc_id = run.doc_ids[q.doc];
        let found = best_overlap(&dossier.quotes, doc_id, q.span, |x| {
            (x.evidence.doc.as_str(), x.evidence.span)
        })
        .map(|i| &dossier.quotes[i]);
        if q.who == Who::NotSpeech {
            out.not_speech += 1;
            if let Some(quote) = found.filter(|x| x.speaker.is_some() || x.speaker_text.is_some()) {
                out.false_quotes += 1;
                misses.push(run.miss(
                    "not speech",
                    q.doc,
                    q.span,
                    "no quotation".into(),
                    describe(run, q.doc, &quote_credit(run, quote)),
                ));
            }
            continue;
        }
        let credit = found.map(|x| quote_credit(run, x));
        out.speakers.judge(
            run,
            misses,
            ("speaker", "quotation"),
            (q.doc, q.span, &q.who),
            credit,
        );
    }
    for f in &run.story.gold.figures {
        let Some(who) = &f.who else { continue };
        let credit = best_overlap(&dossier.figures, run.doc_ids[f.doc], f.span, |x| {
            (x.doc.as_str(), x.figure.span)
        })
        .map(|i| figure_credit(run, f.doc, &dossier.figures[i]));
        out.figures.judge(
            run,
            misses,
            ("figure", "figure"),
            (f.doc, f.span, who),
            credit,
        );
    }
    out
}

fn quote_credit(run: &Run, quote: &DossierQuote) -> Credit {
    Credit::Speaker {
        entity: quote.speaker.as_deref().and_then(|id| run.entity_index(id)),
        words: quote.speaker_span,
        text: quote.speaker_text.clone(),
    }
}

/// A figure is credited to its quotation's speaker when that quotation names one (entity or
/// words), else to the outlet — as the dossier's `asserted_by` reads.
fn figure_credit(run: &Run, doc: usize, figure: &DossierFigure) -> Credit {
    let quote = figure
        .figure
        .quote
        .and_then(|q| run.analyses[doc].quotes.get(q));
    let words = quote.and_then(|q| q.speaker_text.as_ref());
    let entity = figure
        .speaker
        .as_deref()
        .and_then(|id| run.entity_index(id));
    if entity.is_none() && words.is_none() {
        return Credit::Outlet;
    }
    Credit::Speaker {
        entity,
        words: words.map(|w| w.span),
        text: words.map(|w| w.text.clone()),
    }
}

fn judge(run: &Run, doc: usize, gold: &Who, credit: &Credit) -> bool {
    match (gold, credit) {
        (Who::Outlet, Credit::Outlet) => true,
        (Who::Entity(id), Credit::Speaker { entity, words, .. }) => {
            match entity.and_then(|e| run.identities.of(doc, e)) {
                Some(identity) => identity == id,
                None => words.is_some_and(|w| {
                    run.story
                        .gold
                        .mentions
                        .iter()
                        .any(|m| m.doc == doc && &m.entity == id && overlap(m.span, w) > 0)
                }),
            }
        }
        (Who::Words(gold_words), Credit::Speaker { entity, words, .. }) => {
            entity.and_then(|e| run.identities.of(doc, e)).is_none()
                && words.is_some_and(|w| overlap(w, *gold_words) > 0)
        }
        _ => false,
    }
}

fn expected(run: &Run, doc: usize, who: &Who) -> String {
    match who {
        Who::Outlet => "the outlet".into(),
        Who::Entity(id) => run.story.entity_name(id).to_string(),
        Who::Words(span) => format!("unnamed: {:?}", span.text(&run.story.documents[doc].text)),
        Who::NotSpeech => "not speech".into(),
    }
}

fn describe(run: &Run, doc: usize, credit: &Credit) -> String {
    match credit {
        Credit::Outlet => "the outlet".into(),
        Credit::Speaker { entity, text, .. } => {
            let name = entity.map(|e| {
                let name = &run.dossier.entities[e].name;
                match run.identities.of(doc, e) {
                    Some(id) => format!("{name} (= gold {})", run.story.entity_name(id)),
                    None => name.clone(),
                }
            });
            match (name, text) {
                (Some(name), Some(text)) => format!("{name}, from the words {text:?}"),
                (Some(name), None) => name,
                (None, Some(text)) => format!("no entity, the words {text:?}"),
                (None, None) => "no speaker".into(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_overlap_takes_the_largest_overlap_in_the_same_article() {
        let items = [
            ("a", Span::new(0, 10)),
            ("b", Span::new(0, 40)),
            ("a", Span::new(5, 30)),
            ("a", Span::new(40, 50)),
        ];
        let best = |span| best_overlap(&items, "a", span, |x| (x.0, x.1));
        assert_eq!(best(Span::new(8, 30)), Some(2));
        assert_eq!(best(Span::new(30, 40)), None);
        // Ties go to the first in order.
        assert_eq!(best(Span::new(5, 10)), Some(0));
    }
}
