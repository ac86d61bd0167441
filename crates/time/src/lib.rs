//! Time expressions in TIMEX3 terms — dates, times, durations and sets — normalized against
//! the article's own date.
//!
//! The anchor is the publication date from the metadata, else a date the text states
//! ([`anchor`]); [`TimeLayer::anchor`] says which. The scan ([`scan`]) runs five recognizers
//! at every token — written-out dates ([`absolute`]), anchor-relative expressions
//! ([`relative`]), amounts of time ([`durations`]), times of day ([`clock`]) and numbered
//! weeks, quarters and halves ([`periods`]) — and keeps the longest match. Number words come from `parallax-figures`.

pub mod absolute;
pub mod anchor;
pub mod calendar;
pub mod clock;
pub mod context;
pub mod day_of;
pub mod durations;
pub mod ends;
pub mod glued;
pub mod lexicon;
pub mod periods;
pub mod ranges;
pub mod relative;
pub mod scan;
pub mod tense;

use parallax_core::{Diagnostic, Document, Segmentation, Span, TimeAnchor, TimeExpr};
use parallax_figures::lexer::{tokenize, Tok};

/// The time layer of one document.
#[derive(Debug, Clone, Default)]
pub struct TimeLayer {
    pub anchor: Option<TimeAnchor>,
    pub times: Vec<TimeExpr>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds and normalizes time expressions in `doc`. The recognizers scan the text's own
/// tokens (dates need "Aug." and "1,000" kept apart differently from the segmenter's tokens),
/// so the segmentation is not needed.
pub fn annotate(doc: &Document, seg: &Segmentation) -> TimeLayer {
    let _ = seg;
    annotate_tokens(doc, &tokenize(&doc.text))
}

/// [`annotate`] over tokens already made by `parallax_figures::lexer::tokenize` of
/// `doc.text`: the figures annotator reads the same tokens, so the pipeline makes them once
/// for both.
pub fn annotate_tokens(doc: &Document, toks: &[Tok<'_>]) -> TimeLayer {
    // Every recognizer reads words lowercased: lowercase the text once.
    let lower = doc.text.to_ascii_lowercase();
    let found = anchor::find(doc, toks, &lower);
    let mut diagnostics = Vec::new();
    if found.is_none() {
        diagnostics.push(Diagnostic::info(
            "time",
            "no publication date and no date in the text: relative expressions are left unresolved",
        ));
    }
    let times = scan::scan(toks, &lower, found.map(|(d, _)| d))
        .into_iter()
        .filter_map(|f| {
            let span = Span::new(
                toks.get(f.first)?.start,
                toks.get(f.end.checked_sub(1)?)?.end,
            );
            Some(TimeExpr {
                span,
                text: span.slice(&doc.text).ok()?.to_string(),
                value: f.value,
                timex_type: f.typ,
                relative: f.relative,
            })
        })
        .collect();
    TimeLayer {
        anchor: found.map(|(d, source)| TimeAnchor {
            date: d.format("%Y-%m-%d").to_string(),
            source,
        }),
        times,
        diagnostics,
    }
}

#[cfg(test)]
mod tests;
