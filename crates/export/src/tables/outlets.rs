//! `outlets`: one row per outlet: its articles, stories, the claims only it makes, the claims
//! it leaves out, and the share of its sentences in the opinion voice.

use super::{Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;

pub struct Outlets;

static SCHEMA: TableSchema = TableSchema {
    name: "outlets",
    per_document: false,
    columns: &[
        col("outlet", Label),
        col("documents", Int),
        col("stories", List),
        col("exclusive_claims", List),
        col("omitted_claims", List),
        col("opinion_share", Float),
    ],
};

impl Table for Outlets {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for profile in &source.dossier.outlets {
            let documents = profile
                .documents
                .iter()
                .filter(|d| source.is_selected(d))
                .count();
            if documents == 0 {
                continue;
            }
            out.row(&[
                Cell::Str(&profile.outlet),
                Cell::count(documents),
                Cell::List(&profile.stories),
                Cell::List(&profile.exclusive_claims),
                Cell::List(&profile.omitted_claims),
                Cell::Float(profile.opinion_share),
            ])?;
        }
        Ok(())
    }
}
