//! `sentences`: one row per sentence, with its paragraph's role and its voice (the author's
//! reporting or opinion, from the voice annotator).

use super::{sentence_id, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::Voice;

pub struct Sentences;

static SCHEMA: TableSchema = TableSchema {
    name: "sentences",
    per_document: true,
    columns: &[
        col("sentence_id", Label),
        col("doc_id", Label),
        col("index", Int),
        col("byte_start", Int),
        col("byte_end", Int),
        col("char_start", Int),
        col("char_end", Int),
        col("paragraph", Int),
        col("paragraph_role", Label),
        col("voice", Label),
        col("voice_confidence", Float),
        col("text", Text),
    ],
};

impl Table for Sentences {
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
        let analysis = source.analysis(d);
        let mut voices = analysis.map_or(&[][..], |a| &a.voice[..]).iter().peekable();
        for (n, span) in doc.sentences.iter().enumerate() {
            // Voice entries are in sentence order, at most one per sentence.
            while voices.peek().is_some_and(|v| v.sentence < n) {
                voices.next();
            }
            let voice = voices.peek().filter(|v| v.sentence == n);
            let paragraph = doc.paragraphs.partition_point(|p| p.span.end <= span.start);
            let role = doc
                .paragraphs
                .get(paragraph)
                .filter(|p| p.span.start <= span.start)
                .map(|p| p.role.as_str());
            let id = sentence_id(&doc.id, n);
            out.row(&[
                Cell::Str(&id),
                Cell::Str(&doc.id),
                Cell::count(n),
                Cell::count(span.start),
                Cell::count(span.end),
                Cell::Int(source.chars(d, span.start)),
                Cell::Int(source.chars(d, span.end)),
                Cell::opt_int(role.map(|_| paragraph as i64)),
                Cell::opt_str(role),
                Cell::opt_str(voice.map(|v| match v.voice {
                    Voice::Reporting => "reporting",
                    Voice::Opinion => "opinion",
                })),
                Cell::opt_float(voice.map(|v| f64::from(v.confidence))),
                Cell::Str(span.text(&doc.text)),
            ])?;
        }
        Ok(())
    }
}
