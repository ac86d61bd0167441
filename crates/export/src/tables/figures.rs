//! `figures`: one row per numeric claim, with its value and hedged bounds, what it counts,
//! who asserts it and the cross-outlet claim it belongs to.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::FigureCategory;

pub struct Figures;

static SCHEMA: TableSchema = TableSchema {
    name: "figures",
    per_document: true,
    columns: item_columns!(
        [col("figure_id", Label)],
        [
            col("value", Float),
            col("low", Float),
            col("high", Float),
            col("unit", Label),
            col("hedge", Label),
            col("counted", Text),
            col("category", Label),
            col("quote_id", Label),
            col("speaker_id", Label),
            col("asserted_by", Text),
            col("claim_id", Label),
        ]
    ),
};

impl Table for Figures {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        let quotes = &source.index[d].quotes;
        for f in source.index[d].figures.clone() {
            let figure = &source.dossier.figures[f];
            let inner = &figure.figure;
            let at = located(source, d, inner.span);
            // A figure's quote is an index into its document's quotes.
            let quote = inner
                .quote
                .map(|q| quotes.start + q)
                .filter(|q| quotes.contains(q))
                .map(|q| source.quote_id(q));
            out.row(&row(
                &[Cell::Str(source.figure_id(f))],
                &at,
                &[
                    Cell::opt_float(inner.value),
                    Cell::opt_float(inner.low),
                    Cell::opt_float(inner.high),
                    Cell::opt_str(inner.unit.as_deref()),
                    Cell::opt_str(inner.hedge.as_deref()),
                    Cell::opt_str(inner.counted.as_ref().map(|c| c.text.as_str())),
                    Cell::Str(category(inner.category)),
                    Cell::opt_str(quote),
                    Cell::opt_str(figure.speaker.as_deref()),
                    Cell::opt_str(figure.asserted_by.as_deref()),
                    Cell::opt_str(source.claim_of_figure(f)),
                ],
            ))?;
        }
        Ok(())
    }
}

pub fn category(category: FigureCategory) -> &'static str {
    match category {
        FigureCategory::Fatalities => "fatalities",
        FigureCategory::Injuries => "injuries",
        FigureCategory::Displaced => "displaced",
        FigureCategory::Forces => "forces",
        FigureCategory::Population => "population",
        FigureCategory::Protesters => "protesters",
        FigureCategory::Arrests => "arrests",
        FigureCategory::Economic => "economic",
        FigureCategory::Other => "other",
    }
}
