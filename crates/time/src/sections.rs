//! Sections of an article written on another day than the article itself, each with the date
//! its relative expressions are read against.
//!
//! A live page published on a Friday whose "UPDATE:" sections paste wire copy from the days
//! after it means, by "Saturday" in an update, the Saturday after, not the one before. So:
//! - an **update** (the segmentation's `Update` paragraphs and the pasted copy inside them)
//!   that states a date in its label ("UPDATE 3 March:", "Update (Saturday):", a live page's
//!   "3 March:" entry) is read against that date; a weekday in an "UPDATE" label is the first
//!   such day on or after the article's date. A section that states no day is read against
//!   the article's date, its relative expressions marked uncertain: it was written on some
//!   day the text does not give;
//! - inside an "UPDATE" that states no day, a weekday without "last" or "next" never
//!   resolves before the article's own date (a past tense there speaks of the update's day,
//!   not of the week before the article); a dated one that still lands before the article's
//!   date is marked uncertain;
//! - **pasted copy** (`BlockQuote` runs) opening with an agency dateline that states a date
//!   ("TBILISI, Aug. 9 (Reuters) –") or introduced by a lead-in that states one ("On Saturday,
//!   Reuters reported:") is read against that date;
//! - a **list line** opening with a date label (a timeline entry "Aug 7 – …") is read against
//!   its own date.
//!
//! Everything else is read against the article's anchor.

use crate::context::Found;
use crate::scan::scan;
use chrono::NaiveDate;
use parallax_core::{ParagraphRole, Segmentation, Span};
use parallax_figures::lexer::Tok;
use parallax_segment::{labels, pasted};

/// How a section's relative expressions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The section's own date; `None` reads against the article's anchor.
    pub anchor: Option<NaiveDate>,
    /// Written after the article ("UPDATE"): bare weekdays never resolve before its date.
    pub update: bool,
    /// Whether the section was written on a day the text does not give.
    pub undated: bool,
}

/// A byte range of the text and how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub span: Span,
    pub reading: Reading,
}

/// The sections of the text that are not read plainly against the article's anchor `article`
/// (sorted, not overlapping).
pub fn find(
    text: &str,
    lower: &str,
    toks: &[Tok<'_>],
    seg: &Segmentation,
    article: NaiveDate,
) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    // The update in progress, with its reading.
    let mut update: Option<Reading> = None;
    let mut previous: Option<ParagraphRole> = None;
    for (i, p) in seg.paragraphs.iter().enumerate() {
        let para = p.span.text(text);
        let reading = match p.role {
            ParagraphRole::Update => {
                let label = labels::section_label(para);
                let fresh = label.is_some() || update.is_none();
                if fresh {
                    // "UPDATE" was written after the article; a dated entry ("3 March:", "1.
                    // June 2016:") only says when, and may be earlier.
                    let after = labels::starts_update(para) || label.is_none();
                    let date = label.and_then(|len| {
                        let span = Span::new(p.span.start, p.span.start + len);
                        label_date(lower, toks, span, article, after)
                    });
                    update = Some(Reading {
                        anchor: date,
                        update: after,
                        undated: date.is_none(),
                    });
                }
                update
            }
            ParagraphRole::BlockQuote => {
                let lead_in = i
                    .checked_sub(1)
                    .and_then(|k| seg.paragraphs.get(k))
                    .filter(|l| {
                        l.role != ParagraphRole::BlockQuote && l.role != ParagraphRole::List
                    })
                    .filter(|l| pasted::is_source_lead_in(l.span.text(text)));
                let dateline = labels::agency_dateline(para)
                    .map(|(open, _)| Span::new(p.span.start, p.span.start + open));
                let stated = dateline
                    .or(lead_in.map(|l| l.span))
                    .and_then(|s| label_date(lower, toks, s, article, after_article(update)));
                // A run of pasted paragraphs keeps the reading of its opening one.
                let run = (previous == Some(ParagraphRole::BlockQuote))
                    .then(|| out.last().filter(|s| s.span.end == previous_end(seg, i)))
                    .flatten()
                    .map(|s| s.reading);
                match stated {
                    Some(date) => Some(Reading {
                        anchor: Some(date),
                        update: after_article(update),
                        undated: false,
                    }),
                    None => run.or(update),
                }
            }
            ParagraphRole::List => labels::date_label(para).and_then(|len| {
                let date = label_date(
                    lower,
                    toks,
                    Span::new(p.span.start, p.span.start + len),
                    article,
                    false,
                )?;
                Some(Reading {
                    anchor: Some(date),
                    update: false,
                    undated: false,
                })
            }),
            _ => {
                update = None;
                None
            }
        };
        previous = Some(p.role);
        let Some(reading) = reading else { continue };
        match out.last_mut() {
            Some(last) if last.reading == reading && last.span.end == previous_end(seg, i) => {
                last.span.end = p.span.end;
            }
            _ => out.push(Section {
                span: p.span,
                reading,
            }),
        }
    }
    out
}

/// Whether the update in progress was written after the article.
fn after_article(update: Option<Reading>) -> bool {
    update.is_some_and(|r| r.update)
}

/// The end of the paragraph before paragraph `i`.
fn previous_end(seg: &Segmentation, i: usize) -> usize {
    i.checked_sub(1)
        .and_then(|k| seg.paragraphs.get(k))
        .map_or(0, |p| p.span.end)
}

/// The first day-precise date stated within `span` (a label, a dateline's head, a lead-in),
/// read against the article's date; a weekday read `forward` (in an update, written after the
/// article) is the first such day on or after it.
fn label_date(
    lower: &str,
    toks: &[Tok<'_>],
    span: Span,
    article: NaiveDate,
    forward: bool,
) -> Option<NaiveDate> {
    let first = toks.partition_point(|t| t.start < span.start);
    let last = toks.partition_point(|t| t.end <= span.end);
    let window = toks.get(first..last.max(first))?;
    scan(window, lower, Some(article))
        .into_iter()
        .find_map(|f: Found| {
            let day = f.value.get(..10)?;
            let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
            let weekday = toks
                .get(first + f.first)
                .is_some_and(|t| parallax_core::calendar::weekday(t.text).is_some());
            if weekday && forward && date < article {
                // A weekday read backwards from the article: the same weekday after it.
                date.checked_add_signed(chrono::Duration::days(7))
            } else {
                Some(date)
            }
        })
}
