//! A document: one article's analyzed text and its metadata.

use crate::Diagnostic;
use serde::{Deserialize, Serialize};

/// Metadata of an article as far as the input told it. Every field is optional because real
/// inputs omit any of them; the ingest stage records where each came from in diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
}

/// One article. `text` is the analyzed text; every span anywhere points into it, and it is
/// never changed after the document is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id derived from the text's content hash (see `parallax-ingest`).
    pub id: String,
    pub text: String,
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// Where the document came from: a path, a path with a record number, or a URL.
    pub source: String,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, source: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            meta: DocumentMeta::default(),
            source: source.into(),
            diagnostics: Vec::new(),
        }
    }

    /// The publication time in seconds since the epoch, UTC, when the metadata has a
    /// well-formed one (see [`crate::instant::utc_seconds`]). Order documents by this, not by
    /// the `published` string, which keeps each outlet's time-zone offset.
    pub fn published_instant(&self) -> Option<i64> {
        crate::instant::utc_seconds(self.meta.published.as_deref()?)
    }

    /// The publication date's `YYYY-MM-DD` part, when the metadata has a well-formed one.
    pub fn published_date(&self) -> Option<&str> {
        let published = self.meta.published.as_deref()?;
        let date = published.get(..10)?;
        let bytes = date.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        well_formed.then_some(date)
    }
}
