//! `quotes`: one row per quotation or attribution, with its cue, speaker, channel and the
//! quote group it belongs to when other articles carry the same statement.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::QuoteKind;

pub struct Quotes;

static SCHEMA: TableSchema = TableSchema {
    name: "quotes",
    per_document: true,
    columns: item_columns!(
        [col("quote_id", Label)],
        [
            col("kind", Label),
            col("cue", Label),
            col("cue_byte_start", Int),
            col("cue_byte_end", Int),
            col("speaker_id", Label),
            col("speaker_text", Text),
            col("speaker_byte_start", Int),
            col("speaker_byte_end", Int),
            col("channel", Text),
            col("group_id", Label),
        ]
    ),
};

impl Table for Quotes {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        for q in source.index[d].quotes.clone() {
            let quote = &source.dossier.quotes[q];
            let at = located(source, d, quote.evidence.span);
            let cue = quote.cue.as_ref();
            out.row(&row(
                &[Cell::Str(source.quote_id(q))],
                &at,
                &[
                    Cell::Str(quote_kind(quote.kind)),
                    Cell::opt_str(cue.map(|c| c.text.as_str())),
                    Cell::opt_int(cue.map(|c| c.span.start as i64)),
                    Cell::opt_int(cue.map(|c| c.span.end as i64)),
                    Cell::opt_str(quote.speaker.as_deref()),
                    Cell::opt_str(quote.speaker_text.as_deref()),
                    Cell::opt_int(quote.speaker_span.map(|s| s.start as i64)),
                    Cell::opt_int(quote.speaker_span.map(|s| s.end as i64)),
                    Cell::opt_str(quote.channel.as_ref().map(|c| c.text.as_str())),
                    Cell::opt_str(quote.group.as_deref()),
                ],
            ))?;
        }
        Ok(())
    }
}

pub fn quote_kind(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Block => "block",
    }
}
