//! Test helpers: segmentation of a test text and a one-call annotation.

use parallax_core::{Document, Quote, Segmentation};

pub fn seg_of(text: &str) -> Segmentation {
    parallax_segment::segment(text)
}

pub fn quotes_of(text: &str) -> Vec<Quote> {
    let doc = Document::new("t", text, "test");
    crate::annotate(&doc, &seg_of(text), &[], &[]).items
}
