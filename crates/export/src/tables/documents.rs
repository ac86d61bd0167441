//! `documents`: one row per article, with its metadata, its story and its full text.

use super::{Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::Voice;

pub struct Documents;

static SCHEMA: TableSchema = TableSchema {
    name: "documents",
    per_document: true,
    columns: &[
        col("doc_id", Label),
        col("title", Text),
        col("outlet", Label),
        col("published", Timestamp),
        col("published_text", Label),
        col("url", Text),
        col("source", Text),
        col("authors", List),
        col("story_id", Label),
        col("bytes", Int),
        col("chars", Int),
        col("sentences", Int),
        col("opinion_share", Float),
        col("time_anchor", Label),
        col("time_anchor_source", Label),
        col("diagnostics", Int),
        col("text", Text),
    ],
};

impl Table for Documents {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        let doc = source.document(d);
        let opinion_share = source.analysis(d).and_then(|a| {
            (!a.voice.is_empty()).then(|| {
                let opinion = a.voice.iter().filter(|v| v.voice == Voice::Opinion).count();
                opinion as f64 / a.voice.len() as f64
            })
        });
        let anchor = doc.time_anchor.as_ref();
        out.row(&[
            Cell::Str(&doc.id),
            Cell::opt_str(doc.title.as_deref()),
            Cell::opt_str(doc.outlet.as_deref()),
            Cell::opt_time(source.index[d].published),
            Cell::opt_str(doc.published.as_deref()),
            Cell::opt_str(doc.url.as_deref()),
            Cell::Str(&doc.source),
            Cell::List(&doc.authors),
            Cell::opt_str(source.story_id(d)),
            Cell::count(doc.text.len()),
            Cell::Int(source.chars(d, doc.text.len())),
            Cell::count(doc.sentences.len()),
            Cell::opt_float(opinion_share),
            Cell::opt_str(anchor.map(|a| a.date.as_str())),
            Cell::opt_str(anchor.map(|a| a.source.as_str())),
            Cell::count(doc.diagnostics.len()),
            Cell::Str(&doc.text),
        ])
    }
}
