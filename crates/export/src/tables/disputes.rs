//! `disputes`: one row per statement of a dispute: the claim (`role` = `claim`) and each
//! other speaker's denial of it (`denial`).

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, micros, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use std::iter::once;

pub struct Disputes;

static SCHEMA: TableSchema = TableSchema {
    name: "disputes",
    per_document: false,
    columns: item_columns!(
        [
            col("dispute_id", Label),
            col("story_id", Label),
            col("about", List),
            col("role", Label),
            col("quote_id", Label),
        ],
        [
            col("speaker_id", Label),
            col("speaker_text", Text),
            col("outlet", Label),
            col("published", Timestamp),
        ]
    ),
};

impl Table for Disputes {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for dispute in &source.dossier.disputes {
            let statements = once(("claim", &dispute.claim))
                .chain(dispute.denials.iter().map(|d| ("denial", d)));
            for (role, statement) in statements {
                let doc = &statement.evidence.doc;
                let Some(d) = source.doc(doc).filter(|_| source.is_selected(doc)) else {
                    continue;
                };
                let at = located(source, d, statement.evidence.span);
                out.row(&row(
                    &[
                        Cell::Str(&dispute.id),
                        Cell::opt_str(dispute.story.as_deref()),
                        Cell::List(&dispute.about),
                        Cell::Str(role),
                        Cell::opt_str(source.stable_quote(&statement.quote)),
                    ],
                    &at,
                    &[
                        Cell::opt_str(statement.speaker.as_deref()),
                        Cell::opt_str(statement.speaker_text.as_deref()),
                        Cell::opt_str(statement.outlet.as_deref()),
                        Cell::opt_time(micros(statement.published.as_deref())),
                    ],
                ))?;
            }
        }
        Ok(())
    }
}
