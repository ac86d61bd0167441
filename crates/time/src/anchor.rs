//! The reference date for relative expressions: the publication date from the metadata, or,
//! when the metadata lacks one, a date the text itself states.

use crate::scan::scan;
use chrono::NaiveDate;
use parallax_core::{AnchorSource, Document};
use parallax_figures::lexer::{Tok, TokKind};

/// How far into the text a dateline can sit ("TBILISI, Aug. 8, 2008 (Reuters) -").
const DATELINE_BYTES: usize = 300;

/// The anchor date and where it came from; `None` when neither metadata nor text gives one.
///
/// `lower` is the document's text ASCII-lowercased, as [`crate::scan::scan`] reads it.
pub fn find(doc: &Document, toks: &[Tok<'_>], lower: &str) -> Option<(NaiveDate, AnchorSource)> {
    if let Some(d) = doc
        .published_date()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some((d, AnchorSource::Metadata));
    }
    from_text(toks, lower).map(|d| (d, AnchorSource::Text))
}

/// A dateline date when the text opens with one, else the latest full date it states.
///
/// A full date names its year, so only the stretches of text around a year ("TBILISI,
/// Aug. 8, 2008", "2008-08-07", "8/7/08") are scanned, not the whole article a second time.
fn from_text(toks: &[Tok<'_>], lower: &str) -> Option<NaiveDate> {
    /// How many tokens from its year a full date can reach ("Friday, Aug. 8, 2008").
    const REACH: usize = 7;
    let year_like = |k: usize, t: &Tok<'_>| {
        t.kind == TokKind::Digits
            && (t.text.len() == 4 || (t.text.len() == 2 && k > 0 && toks[k - 1].is_punct('/')))
    };
    // Merged token ranges around every year-like number.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !year_like(k, t) {
            continue;
        }
        let (lo, hi) = (k.saturating_sub(REACH), (k + REACH + 1).min(toks.len()));
        match ranges.last_mut() {
            Some(last) if last.1 >= lo => last.1 = hi,
            _ => ranges.push((lo, hi)),
        }
    }
    let mut dated: Vec<(usize, NaiveDate)> = Vec::new();
    for (lo, hi) in ranges {
        let window = toks.get(lo..hi).unwrap_or(&[]);
        for f in scan(window, lower, None) {
            if f.relative || f.value.len() != 10 {
                continue;
            }
            let Some(start) = window.get(f.first).map(|t| t.start) else {
                continue;
            };
            if let Ok(d) = NaiveDate::parse_from_str(&f.value, "%Y-%m-%d") {
                dated.push((start, d));
            }
        }
    }
    dated
        .iter()
        .find(|(start, _)| *start < DATELINE_BYTES)
        .or_else(|| dated.iter().max_by_key(|(_, d)| *d))
        .map(|(_, d)| *d)
}
