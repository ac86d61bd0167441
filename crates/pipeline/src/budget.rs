//! The work budget of one document: how much of its text the annotators read, and how long its
//! analysis may run before its remaining stages are given up.
//!
//! Two bounds, because one alone does not hold:
//! - **A cap on the text handed to the annotators** ([`Budget::max_text_bytes`]). Some stages
//!   still cost more than linear time in a document's length (within-document entity
//!   resolution compares mentions with earlier ones: a 1 MB text took 12 s in the entity stage
//!   and 2 MB four times that), and a stage cannot be interrupted from outside. A longer text
//!   is analyzed up to the last paragraph break (else line break, else sentence end) before the
//!   cap; a warning says how much was left out and carries the span of what was. This is
//!   deterministic: the same document always gets the same analysis, so it is stored and
//!   reused like any other.
//! - **A time budget checked between stages** ([`Budget::max_time`]), a backstop for whatever
//!   else turns out slow: once a document's stages have together run longer, its remaining
//!   stages are skipped (their layers stay empty) and an error diagnostic names the stage
//!   where it stopped. The rest of the batch and of the corpus goes on. Such an analysis
//!   depends on the machine's speed, so it is never reused from the store
//!   ([`stopped_by_budget`]): the next run tries again.

use parallax_core::{Analysis, Diagnostic, Document, Span};
use std::borrow::Cow;
use std::time::Duration;

/// Stage name of the diagnostic left by a document whose time budget ran out.
pub const BUDGET_STAGE: &str = "budget";

/// Bytes of a document's text the annotators read at most: 256 KiB is seven times the longest
/// of the 1,300 AllSides articles (37 KB; median 4.7 KB), and the entity stage takes about
/// 0.8 s on it (2.7 s at 512 KiB, 12.3 s at 1 MiB; see `docs/robustness.md`).
pub const MAX_TEXT_BYTES: usize = 256 * 1024;

/// Time the stages of one document may take together before the rest are skipped. With the
/// text cap no stage comes near it on any input we know of; it is there for those we do not.
pub const MAX_TIME: Duration = Duration::from_secs(20);

/// The work one document may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub max_text_bytes: usize,
    pub max_time: Duration,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            max_text_bytes: MAX_TEXT_BYTES,
            max_time: MAX_TIME,
        }
    }
}

/// Whether `analysis` was cut short by its time budget (and so should be redone, not reused).
pub fn stopped_by_budget(analysis: &Analysis) -> bool {
    analysis.diagnostics.iter().any(|d| d.stage == BUDGET_STAGE)
}

/// The document the annotators read: `doc` itself, or a copy holding the first part of its
/// text (same id, metadata and source, so every span is a span of the whole text), with the
/// warning that says so.
pub fn clip(doc: &Document, max_bytes: usize) -> (Cow<'_, Document>, Option<Diagnostic>) {
    if doc.text.len() <= max_bytes {
        return (Cow::Borrowed(doc), None);
    }
    let cut = cut_point(&doc.text, max_bytes);
    let clipped = Document {
        id: doc.id.clone(),
        text: doc.text[..cut].to_string(),
        meta: doc.meta.clone(),
        source: doc.source.clone(),
        diagnostics: doc.diagnostics.clone(),
    };
    let mut warning = Diagnostic::warning(
        "pipeline",
        format!(
            "the text is {} bytes: only its first {cut} bytes are analyzed (the cap is {max_bytes} bytes per document)",
            doc.text.len()
        ),
    );
    warning.span = Some(Span {
        start: cut,
        end: doc.text.len(),
    });
    (Cow::Owned(clipped), Some(warning))
}

/// Where to end the analyzed part of `text` (longer than `max` bytes): after the last
/// paragraph break before `max`, else the last line break, else the last sentence end, as
/// long as that keeps at least half; else the last character boundary.
fn cut_point(text: &str, max: usize) -> usize {
    let mut max = max;
    while !text.is_char_boundary(max) {
        max -= 1;
    }
    let head = &text[..max];
    let half = max / 2;
    [
        head.rfind("\n\n").map(|i| i + 2),
        head.rfind('\n').map(|i| i + 1),
        head.rfind(". ").map(|i| i + 2),
    ]
    .into_iter()
    .flatten()
    .find(|&i| i >= half)
    .unwrap_or(max)
}

/// The error left in an analysis whose time budget ran out before `stage`.
pub fn stopped(stage: &str, spent: Duration, budget: Duration) -> Diagnostic {
    Diagnostic::error(
        BUDGET_STAGE,
        format!(
            "analysis stopped before the `{stage}` stage: the document's stages took {:.1} s, over its budget of {:.1} s; the later layers are empty",
            spent.as_secs_f64(),
            budget.as_secs_f64()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_not_copied() {
        let doc = Document::new("d", "Short text.", "a.txt");
        let (read, warning) = clip(&doc, 100);
        assert!(matches!(read, Cow::Borrowed(_)) && warning.is_none());
    }

    #[test]
    fn long_texts_end_at_a_paragraph_break_before_the_cap() {
        let text = format!("{}\n\n{}\n\nTail é.", "a".repeat(60), "b".repeat(30));
        let doc = Document::new("d", text.as_str(), "a.txt");
        let (read, warning) = clip(&doc, 100);
        assert_eq!(read.text.len(), 94);
        assert!(text[..94].ends_with("\n\n"));
        assert_eq!(read.id, doc.id);
        let warning = warning.unwrap();
        assert_eq!(warning.span.unwrap().slice(&text).unwrap(), "Tail é.");
        assert!(warning.message.contains("only its first 94 bytes"));
    }

    #[test]
    fn cuts_fall_back_to_lines_sentences_and_char_boundaries() {
        assert_eq!(cut_point("aaaa\nbbbbbbbb", 8), 5);
        assert_eq!(cut_point("Aaa. Bbbbbbbbb", 8), 5);
        // No break in the second half: the last whole character before the cap.
        assert_eq!(cut_point("a\néééééééé", 8), 8);
        assert_eq!(cut_point("ééééé", 5), 4);
    }
}
