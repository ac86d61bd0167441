//! Numeric claims.

use parallax_core::{Annotated, Document, Figure, Segmentation};

/// Finds numeric claims in `doc`.
pub fn annotate(doc: &Document, seg: &Segmentation) -> Annotated<Figure> {
    let _ = (doc, seg);
    Annotated::default()
}
