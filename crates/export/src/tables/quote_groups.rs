//! `quote_groups`: one row per statement quoted by several articles, with its fullest wording,
//! its members (ids in `quotes`) and the outlets that carry it.

use super::{Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;

pub struct QuoteGroups;

static SCHEMA: TableSchema = TableSchema {
    name: "quote_groups",
    per_document: false,
    columns: &[
        col("group_id", Label),
        col("canonical", Text),
        col("speaker_id", Label),
        col("quotes", Int),
        col("quote_ids", List),
        col("outlets", List),
    ],
};

impl Table for QuoteGroups {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for group in &source.dossier.quote_groups {
            let members: Vec<String> = group
                .quotes
                .iter()
                .filter_map(|q| source.quote_position(q))
                .filter(|&q| source.is_selected(&source.dossier.quotes[q].evidence.doc))
                .map(|q| source.quote_id(q).to_string())
                .collect();
            if members.is_empty() {
                continue;
            }
            out.row(&[
                Cell::Str(&group.id),
                Cell::Str(&group.canonical),
                Cell::opt_str(group.speaker.as_deref()),
                Cell::count(members.len()),
                Cell::List(&members),
                Cell::List(&group.outlets),
            ])?;
        }
        Ok(())
    }
}
