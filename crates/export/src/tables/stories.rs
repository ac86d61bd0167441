//! `stories`: one row per story (articles reporting the same real-world event).

use super::{Sink, Table};
use crate::schema::{col, micros, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;

pub struct Stories;

static SCHEMA: TableSchema = TableSchema {
    name: "stories",
    per_document: false,
    columns: &[
        col("story_id", Label),
        col("label", Text),
        col("documents", Int),
        col("doc_ids", List),
        col("outlets", List),
        col("first_published", Timestamp),
        col("last_published", Timestamp),
    ],
};

impl Table for Stories {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for story in &source.dossier.stories {
            let docs: Vec<String> = story
                .documents
                .iter()
                .filter(|d| source.is_selected(d))
                .cloned()
                .collect();
            if docs.is_empty() {
                continue;
            }
            out.row(&[
                Cell::Str(&story.id),
                Cell::Str(&story.label),
                Cell::count(docs.len()),
                Cell::List(&docs),
                Cell::List(&story.outlets),
                Cell::opt_time(micros(story.first_published.as_deref())),
                Cell::opt_time(micros(story.last_published.as_deref())),
            ])?;
        }
        Ok(())
    }
}
