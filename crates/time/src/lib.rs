//! Time expressions in TIMEX3 terms — dates, times, durations and sets — normalized against
//! the article's own date.
//!
//! The anchor is the publication date from the metadata, else a date the text states
//! ([`anchor`]); [`TimeLayer::anchor`] says which. The scan ([`scan`]) runs five recognizers
//! at every token — written-out dates ([`absolute`]), anchor-relative expressions
//! ([`relative`]), amounts of time ([`durations`]), times of day ([`clock`]) and numbered
//! weeks, quarters and halves ([`periods`]) — and keeps the longest match. Number words come from `parallax-figures`.
//!
//! # Example
//!
//! A relative date is normalized against the article's publication date.
//!
//! ```
//! use parallax_core::Document;
//!
//! let mut doc = Document::new("d1", "The ceasefire was signed yesterday.", "example.txt");
//! doc.meta.published = Some("2008-08-16".into());
//! let seg = parallax_segment::segment(&doc.text);
//! let layer = parallax_time::annotate(&doc, &seg);
//! let yesterday = &layer.times[0];
//! assert_eq!((yesterday.text.as_str(), yesterday.value.as_str()), ("yesterday", "2008-08-15"));
//! ```

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
pub mod sections;
pub mod tense;

use parallax_core::{AnchorSource, Diagnostic, Document, Segmentation, Span, TimeAnchor, TimeExpr};
use parallax_figures::lexer::{tokenize, Tok};

/// The time layer of one document.
#[derive(Debug, Clone, Default)]
pub struct TimeLayer {
    pub anchor: Option<TimeAnchor>,
    pub times: Vec<TimeExpr>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds and normalizes time expressions in `doc`. The recognizers scan the text's own
/// tokens (dates need "Aug." and "1,000" kept apart differently from the segmenter's tokens);
/// the segmentation gives the sections written on other days ([`sections`]).
pub fn annotate(doc: &Document, seg: &Segmentation) -> TimeLayer {
    annotate_tokens(doc, seg, &tokenize(&doc.text))
}

/// [`annotate`] over tokens already made by `parallax_figures::lexer::tokenize` of
/// `doc.text`: the figures annotator reads the same tokens, so the pipeline makes them once
/// for both.
pub fn annotate_tokens(doc: &Document, seg: &Segmentation, toks: &[Tok<'_>]) -> TimeLayer {
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
    let article = found.map(|(d, _)| d);
    let parts = match article {
        Some(a) => sections::find(&doc.text, &lower, toks, seg, a),
        None => Vec::new(),
    };
    // Scan the text section by section: the plain text between sections against the
    // article's anchor, each section against its own reading.
    let mut times = Vec::new();
    let mut at = 0;
    let mut scan_part = |from: usize, to: usize, reading: Option<sections::Reading>| {
        let Some(window) = toks.get(from..to) else {
            return;
        };
        let anchor = reading.and_then(|r| r.anchor).or(article);
        let floor = reading.filter(|r| r.update && r.undated).and(article);
        for f in scan::scan_from(window, &lower, anchor, floor) {
            let Some(t) = time_expr(doc, window, f, reading, article) else {
                continue;
            };
            times.push(t);
        }
    };
    for part in &parts {
        let first = toks.partition_point(|t| t.start < part.span.start);
        let end = toks.partition_point(|t| t.start < part.span.end);
        scan_part(at, first, None);
        scan_part(first, end, Some(part.reading));
        at = end;
    }
    scan_part(at, toks.len(), None);
    TimeLayer {
        anchor: found.map(|(d, source)| TimeAnchor {
            date: d.format("%Y-%m-%d").to_string(),
            source,
        }),
        times,
        diagnostics,
    }
}

/// The time expression of `f`, found in `window` of a section read as `reading` (none for
/// the plain text) in an article dated `article`.
fn time_expr(
    doc: &Document,
    window: &[Tok<'_>],
    f: context::Found,
    reading: Option<sections::Reading>,
    article: Option<chrono::NaiveDate>,
) -> Option<TimeExpr> {
    let span = Span::new(
        window.get(f.first)?.start,
        window.get(f.end.checked_sub(1)?)?.end,
    );
    let own = reading.and_then(|r| r.anchor).filter(|_| f.relative);
    // In an update, a day before the article's own is a contradiction the text leaves open;
    // in an undated one, every relative value is.
    let before_article = |r: sections::Reading| {
        r.update
            && f.relative
            && f.value
                .get(..10)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .zip(article)
                .is_some_and(|(d, a)| d < a)
    };
    let uncertain =
        f.uncertain || reading.is_some_and(|r| r.undated && f.relative || before_article(r));
    Some(TimeExpr {
        span,
        text: span.slice(&doc.text).ok()?.to_string(),
        value: f.value,
        timex_type: f.typ,
        relative: f.relative,
        section_anchor: own.map(|d| TimeAnchor {
            date: d.format("%Y-%m-%d").to_string(),
            source: AnchorSource::Section,
        }),
        uncertain,
    })
}

#[cfg(test)]
mod tests;
