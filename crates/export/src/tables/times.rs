//! `times`: one row per time expression with its normalized TIMEX3 value, and the anchor date
//! a relative expression was resolved against.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::TimexType;

pub struct Times;

static SCHEMA: TableSchema = TableSchema {
    name: "times",
    per_document: true,
    columns: item_columns!(
        [col("time_id", Label)],
        [
            col("value", Label),
            col("type", Label),
            col("relative", Bool),
            col("anchor_date", Label),
            col("anchor_source", Label),
        ]
    ),
};

impl Table for Times {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        for t in source.index[d].times.clone() {
            let time = &source.dossier.times[t];
            let at = located(source, d, time.time.span);
            let anchor = time.anchor.as_ref();
            out.row(&row(
                &[Cell::Str(source.time_id(t))],
                &at,
                &[
                    Cell::Str(&time.time.value),
                    Cell::Str(match time.time.timex_type {
                        TimexType::Date => "DATE",
                        TimexType::Time => "TIME",
                        TimexType::Duration => "DURATION",
                        TimexType::Set => "SET",
                    }),
                    Cell::Bool(time.time.relative),
                    Cell::opt_str(anchor.map(|a| a.date.as_str())),
                    Cell::opt_str(anchor.map(|a| a.source.as_str())),
                ],
            ))?;
        }
        Ok(())
    }
}
