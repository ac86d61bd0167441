//! The exported tables, one module each, and the one list of them ([`TABLES`]).
//!
//! A table module declares its [`TableSchema`] and writes its rows into a [`Sink`] as
//! [`Cell`]s in column order; it knows nothing of file formats. Adding a table is one module
//! here and one line in [`TABLES`]; every format then writes it. Tables whose rows belong to
//! one document each (`per_document`) are written document by document, in publication order,
//! so a format can partition them by day.
//!
//! Every row about a span of an article carries the same location columns, [`located`]:
//! `doc_id`, `byte_start`, `byte_end`, `char_start`, `char_end`, `text` (exactly those bytes),
//! `sentence_id` and `sentence_text` (the sentence holding the span), so one row is evidence
//! on its own.

mod claims;
mod disputes;
mod documents;
mod entities;
mod events;
mod figures;
mod framing;
mod mentions;
mod outlets;
mod places;
mod quote_groups;
mod quotes;
mod reuse;
mod sentences;
mod stories;
mod timeline;
mod times;

use crate::schema::{Cell, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::Span;

/// Where rows go: one table of one format.
pub trait Sink {
    /// Writes one row; `cells` follow the table's columns.
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError>;
    /// The rows that follow belong to documents published on `day` (UTC `YYYY-MM-DD`, `None`
    /// when undated). Called only for per-document tables, in publication order.
    fn partition(&mut self, _day: Option<&str>) -> Result<(), ExportError> {
        Ok(())
    }
}

/// One exported table.
pub trait Table: Sync {
    fn schema(&self) -> &'static TableSchema;
    /// The rows of document `d` (per-document tables).
    fn document_rows(
        &self,
        _source: &Source,
        _d: usize,
        _out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        Ok(())
    }
    /// Every row (corpus tables), restricted to the selected documents.
    fn rows(&self, _source: &Source, _out: &mut dyn Sink) -> Result<(), ExportError> {
        Ok(())
    }
}

/// Every table, in the order they are written and documented.
pub static TABLES: &[&dyn Table] = &[
    &documents::Documents,
    &sentences::Sentences,
    &entities::Entities,
    &mentions::Mentions,
    &quotes::Quotes,
    &quote_groups::QuoteGroups,
    &figures::Figures,
    &claims::Claims,
    &times::Times,
    &events::Events,
    &places::Places,
    &stories::Stories,
    &timeline::Timeline,
    &reuse::Reuse,
    &disputes::Disputes,
    &outlets::Outlets,
    &framing::Labels,
    &framing::Tones,
    &framing::LoadedTerms,
];

/// The table called `name`.
pub fn table(name: &str) -> Option<&'static dyn Table> {
    TABLES.iter().copied().find(|t| t.schema().name == name)
}

/// Writes every row of `table` for the selected documents of `source` into `out`.
pub fn write_table(
    table: &dyn Table,
    source: &Source,
    out: &mut dyn Sink,
) -> Result<(), ExportError> {
    if !table.schema().per_document {
        return table.rows(source, out);
    }
    let mut current: Option<Option<String>> = None;
    for d in source.documents() {
        let day = source.day(d);
        if current.as_ref() != Some(&day) {
            out.partition(day.as_deref())?;
            current = Some(day);
        }
        table.document_rows(source, d, out)?;
    }
    Ok(())
}

/// The location of a span of document `d`: the columns every item row carries.
pub struct Located<'a> {
    doc_id: &'a str,
    span: Span,
    chars: (i64, i64),
    text: &'a str,
    sentence_id: Option<String>,
    sentence_text: &'a str,
}

/// Locates `span` in document `d` of `source`.
pub fn located<'a>(source: &Source<'a>, d: usize, span: Span) -> Located<'a> {
    let doc = source.document(d);
    let sentence = source.sentence(d, span);
    Located {
        doc_id: &doc.id,
        span,
        chars: (source.chars(d, span.start), source.chars(d, span.end)),
        text: span.text(&doc.text),
        sentence_id: sentence.map(|(n, _)| sentence_id(&doc.id, n)),
        sentence_text: sentence.map_or("", |(_, s)| s.text(&doc.text)),
    }
}

/// Stable id of sentence `n` (0-based) of a document.
pub fn sentence_id(doc: &str, n: usize) -> String {
    format!("{doc}:s{}", n + 1)
}

impl<'a> Located<'a> {
    /// The eight location cells, in the column order of [`located`] tables.
    pub fn cells(&self) -> [Cell<'_>; 8] {
        [
            Cell::Str(self.doc_id),
            Cell::Int(self.span.start as i64),
            Cell::Int(self.span.end as i64),
            Cell::Int(self.chars.0),
            Cell::Int(self.chars.1),
            Cell::Str(self.text),
            Cell::opt_str(self.sentence_id.as_deref()),
            Cell::Str(self.sentence_text),
        ]
    }
}

/// The columns of an item table: its own leading columns, the eight location columns (see
/// [`Located`]), then its trailing columns.
macro_rules! item_columns {
    ([$($head:expr),* $(,)?], [$($tail:expr),* $(,)?]) => {
        &[
            $($head,)*
            $crate::schema::col("doc_id", $crate::schema::Kind::Label),
            $crate::schema::col("byte_start", $crate::schema::Kind::Int),
            $crate::schema::col("byte_end", $crate::schema::Kind::Int),
            $crate::schema::col("char_start", $crate::schema::Kind::Int),
            $crate::schema::col("char_end", $crate::schema::Kind::Int),
            $crate::schema::col("text", $crate::schema::Kind::Text),
            $crate::schema::col("sentence_id", $crate::schema::Kind::Label),
            $crate::schema::col("sentence_text", $crate::schema::Kind::Text),
            $($tail,)*
        ]
    };
}
pub(crate) use item_columns;

/// Joins a row's own leading cells, its location and its trailing cells.
pub fn row<'c>(head: &[Cell<'c>], location: &'c Located, tail: &[Cell<'c>]) -> Vec<Cell<'c>> {
    let mut cells = Vec::with_capacity(head.len() + 8 + tail.len());
    cells.extend_from_slice(head);
    cells.extend_from_slice(&location.cells());
    cells.extend_from_slice(tail);
    cells
}
