//! Time expressions.

use parallax_core::{Diagnostic, Document, Segmentation, TimeAnchor, TimeExpr};

/// The time layer of one document.
#[derive(Debug, Clone, Default)]
pub struct TimeLayer {
    pub anchor: Option<TimeAnchor>,
    pub times: Vec<TimeExpr>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds and normalizes time expressions in `doc`.
pub fn annotate(doc: &Document, seg: &Segmentation) -> TimeLayer {
    let _ = (doc, seg);
    TimeLayer::default()
}
