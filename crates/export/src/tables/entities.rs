//! `entities`: one row per actor resolved across the corpus, with how often and where it is
//! mentioned among the selected documents.

use super::{Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use std::collections::HashSet;

pub struct Entities;

static SCHEMA: TableSchema = TableSchema {
    name: "entities",
    per_document: false,
    columns: &[
        col("entity_id", Label),
        col("name", Label),
        col("type", Label),
        col("aliases", List),
        col("roles", List),
        col("mentions", Int),
        col("documents", Int),
        col("outlets", Int),
    ],
};

impl Table for Entities {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for entity in &source.dossier.entities {
            let mentions: Vec<&str> = entity
                .mentions
                .iter()
                .map(|m| m.evidence.doc.as_str())
                .filter(|doc| source.is_selected(doc))
                .collect();
            if mentions.is_empty() {
                continue;
            }
            let documents: HashSet<&str> = mentions.iter().copied().collect();
            let outlets: HashSet<Option<&str>> =
                documents.iter().map(|doc| source.outlet(doc)).collect();
            out.row(&[
                Cell::Str(&entity.id),
                Cell::Str(&entity.name),
                Cell::Str(entity.entity_type.as_str()),
                Cell::List(&entity.aliases),
                Cell::List(&entity.roles),
                Cell::count(mentions.len()),
                Cell::count(documents.len()),
                Cell::count(outlets.len()),
            ])?;
        }
        Ok(())
    }
}
