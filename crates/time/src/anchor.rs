//! The reference date for relative expressions: the publication date from the metadata, or,
//! when the metadata lacks one, a date the text itself states.

use crate::scan::scan;
use chrono::NaiveDate;
use parallax_core::{AnchorSource, Document};
use parallax_figures::lexer::Tok;

/// How far into the text a dateline can sit ("TBILISI, Aug. 8, 2008 (Reuters) -").
const DATELINE_BYTES: usize = 300;

/// The anchor date and where it came from; `None` when neither metadata nor text gives one.
pub fn find(doc: &Document, toks: &[Tok<'_>]) -> Option<(NaiveDate, AnchorSource)> {
    if let Some(d) = doc
        .published_date()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some((d, AnchorSource::Metadata));
    }
    from_text(toks).map(|d| (d, AnchorSource::Text))
}

/// A dateline date when the text opens with one, else the latest full date it states.
fn from_text(toks: &[Tok<'_>]) -> Option<NaiveDate> {
    let dated: Vec<(usize, NaiveDate)> = scan(toks, None)
        .into_iter()
        .filter(|f| !f.relative && f.value.len() == 10)
        .filter_map(|f| {
            let start = toks.get(f.first)?.start;
            Some((start, NaiveDate::parse_from_str(&f.value, "%Y-%m-%d").ok()?))
        })
        .collect();
    dated
        .iter()
        .find(|(start, _)| *start < DATELINE_BYTES)
        .or_else(|| dated.iter().max_by_key(|(_, d)| *d))
        .map(|(_, d)| *d)
}
