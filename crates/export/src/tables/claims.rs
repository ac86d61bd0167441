//! `claims`: one row per outlet figure of each cross-outlet claim, with the claim's status and
//! its low/best/high estimates beside the figure's own value, hedge and evidence.

use super::figures::category;
use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, micros, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::ClaimStatus;
use std::collections::HashSet;

pub struct Claims;

static SCHEMA: TableSchema = TableSchema {
    name: "claims",
    per_document: false,
    columns: item_columns!(
        [
            col("claim_id", Label),
            col("story_id", Label),
            col("category", Label),
            col("subject", Label),
            col("status", Label),
            col("claim_low", Float),
            col("claim_best", Float),
            col("claim_high", Float),
            col("claim_outlets", Int),
            col("figure_id", Label),
            col("outlet", Label),
            col("published", Timestamp),
        ],
        [
            col("value", Float),
            col("low", Float),
            col("high", Float),
            col("hedge", Label),
            col("asserted_by", Text),
            col("revises", Label),
            col("latest", Bool),
        ]
    ),
};

impl Table for Claims {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for claim in &source.dossier.claims {
            let revised: HashSet<&str> = claim
                .figures
                .iter()
                .filter_map(|f| f.revises.as_deref())
                .collect();
            for figure in &claim.figures {
                let (Some(d), Some(f)) = (
                    source.doc(&figure.doc),
                    source.figure_position(&figure.figure),
                ) else {
                    continue;
                };
                if !source.is_selected(&figure.doc) {
                    continue;
                }
                let at = located(source, d, source.dossier.figures[f].figure.span);
                out.row(&row(
                    &[
                        Cell::Str(&claim.id),
                        Cell::opt_str(claim.story.as_deref()),
                        Cell::Str(category(claim.category)),
                        Cell::Str(&claim.subject),
                        Cell::Str(status(claim.status)),
                        Cell::opt_float(claim.low),
                        Cell::opt_float(claim.best),
                        Cell::opt_float(claim.high),
                        Cell::count(claim.outlets.len()),
                        Cell::Str(source.figure_id(f)),
                        Cell::opt_str(figure.outlet.as_deref()),
                        Cell::opt_time(micros(figure.published.as_deref())),
                    ],
                    &at,
                    &[
                        Cell::opt_float(figure.value),
                        Cell::opt_float(figure.low),
                        Cell::opt_float(figure.high),
                        Cell::opt_str(figure.hedge.as_deref()),
                        Cell::opt_str(figure.asserted_by.as_deref()),
                        Cell::opt_str(
                            figure
                                .revises
                                .as_deref()
                                .and_then(|r| source.stable_figure(r)),
                        ),
                        Cell::Bool(!revised.contains(figure.figure.as_str())),
                    ],
                ))?;
            }
        }
        Ok(())
    }
}

fn status(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::SingleSource => "single_source",
        ClaimStatus::Agree => "agree",
        ClaimStatus::WithinHedges => "within_hedges",
        ClaimStatus::Conflict => "conflict",
    }
}
