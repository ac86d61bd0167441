//! `reuse`: one row per copy of a passage shared between outlets, with the passage's
//! similarity and its likely origin (the earliest published copy).

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;

pub struct Reuse;

static SCHEMA: TableSchema = TableSchema {
    name: "reuse",
    per_document: false,
    columns: item_columns!(
        [
            col("passage_id", Label),
            col("similarity", Float),
            col("origin_doc_id", Label),
            col("is_origin", Bool),
            col("outlet", Label),
        ],
        []
    ),
};

impl Table for Reuse {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for passage in &source.dossier.reuse {
            for member in &passage.members {
                let Some(d) = source
                    .doc(&member.doc)
                    .filter(|_| source.is_selected(&member.doc))
                else {
                    continue;
                };
                let at = located(source, d, member.span);
                out.row(&row(
                    &[
                        Cell::Str(&passage.id),
                        Cell::Float(passage.similarity),
                        Cell::opt_str(passage.origin.as_deref()),
                        Cell::Bool(passage.origin.as_deref() == Some(member.doc.as_str())),
                        Cell::opt_str(source.outlet(&member.doc)),
                    ],
                    &at,
                    &[],
                ))?;
            }
        }
        Ok(())
    }
}
