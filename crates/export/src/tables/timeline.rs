//! `timeline`: one row per dated sentence of a story's timeline: the date, the outlets that
//! report something on it, and the time expression as evidence.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;

pub struct Timeline;

static SCHEMA: TableSchema = TableSchema {
    name: "timeline",
    per_document: false,
    columns: item_columns!(
        [
            col("story_id", Label),
            col("date", Label),
            col("outlets", List)
        ],
        []
    ),
};

impl Table for Timeline {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for entry in &source.dossier.timeline {
            for evidence in &entry.evidence {
                let Some(d) = source
                    .doc(&evidence.doc)
                    .filter(|_| source.is_selected(&evidence.doc))
                else {
                    continue;
                };
                let at = located(source, d, evidence.span);
                out.row(&row(
                    &[
                        Cell::opt_str(entry.story.as_deref()),
                        Cell::Str(&entry.date),
                        Cell::List(&entry.outlets),
                    ],
                    &at,
                    &[],
                ))?;
            }
        }
        Ok(())
    }
}
