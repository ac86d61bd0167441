//! The output formats, one module each, behind one interface ([`Format`]); [`formats`] is the
//! one list of them.

#[cfg(feature = "parquet")]
pub mod arrow;
mod csv;
mod dossier;
pub mod events;
pub mod gkg;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
mod report;

pub use self::csv::Csv;
pub use self::jsonl::Jsonl;

use crate::schema::{Cell, TableSchema};
use crate::source::Source;
use crate::tables::{write_table, Sink, TABLES};
use crate::{ExportError, Options};
use std::path::{Path, PathBuf};

/// One output format: writes its files for the selected documents of `source` into `out`.
pub trait Format: Sync {
    /// The name users give (`--format NAME`).
    fn name(&self) -> &'static str;
    /// One line for `--help`.
    fn summary(&self) -> &'static str;
    /// Writes the export, returning the files written.
    fn write(
        &self,
        source: &Source,
        out: &Path,
        options: &Options,
    ) -> Result<Vec<PathBuf>, ExportError>;
}

/// Every format, in the order `--help` lists them.
pub fn formats() -> Vec<&'static dyn Format> {
    vec![
        &jsonl::Jsonl,
        &csv::Csv,
        #[cfg(feature = "parquet")]
        &parquet::Parquet,
        &gkg::Gkg,
        &events::Events,
        &dossier::DossierJson,
        &report::Report,
    ]
}

/// The format called `name`.
pub fn format(name: &str) -> Result<&'static dyn Format, ExportError> {
    let all = formats();
    all.iter()
        .copied()
        .find(|f| f.name() == name)
        .ok_or_else(|| {
            let known: Vec<&str> = all.iter().map(|f| f.name()).collect();
            ExportError::UnknownFormat(name.to_string(), known.join(", "))
        })
}

/// A format that writes every table of [`TABLES`]: it opens one sink per table.
pub trait TableFormat: Sync {
    /// Opens `table` under `out`; `partitioned` asks for one file per publication day.
    fn open(
        &self,
        out: &Path,
        table: &'static TableSchema,
        partitioned: bool,
    ) -> Result<Box<dyn TableSink>, ExportError>;
}

/// One table being written.
pub trait TableSink: Sink {
    /// Completes the table, returning the files written.
    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>, ExportError>;
}

/// Writes every table of the selected documents of `source` with `format`.
pub fn write_tables(
    format: &dyn TableFormat,
    source: &Source,
    out: &Path,
    options: &Options,
) -> Result<Vec<PathBuf>, ExportError> {
    let partitioned = options.partitioned(source.selected_count());
    let mut written = Vec::new();
    for table in TABLES {
        let schema = table.schema();
        let mut sink = Checked {
            inner: format.open(out, schema, partitioned && schema.per_document)?,
            schema,
        };
        write_table(*table, source, &mut sink)?;
        written.extend(sink.inner.finish()?);
    }
    Ok(written)
}

/// A sink that checks every row against its table's columns before passing it on, so a
/// table module that drifts from its schema fails loudly instead of shifting columns.
struct Checked {
    inner: Box<dyn TableSink>,
    schema: &'static TableSchema,
}

impl Sink for Checked {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        check_row(self.schema, cells)?;
        self.inner.row(cells)
    }

    fn partition(&mut self, day: Option<&str>) -> Result<(), ExportError> {
        self.inner.partition(day)
    }
}

/// Whether `cells` fit the columns of `schema`.
pub fn check_row(schema: &'static TableSchema, cells: &[Cell]) -> Result<(), ExportError> {
    if cells.len() != schema.columns.len() {
        return Err(ExportError::Row {
            table: schema.name,
            message: format!("{} cells for {} columns", cells.len(), schema.columns.len()),
        });
    }
    match schema
        .columns
        .iter()
        .zip(cells)
        .find(|(c, cell)| !cell.fits(c.kind))
    {
        Some((column, cell)) => Err(ExportError::Row {
            table: schema.name,
            message: format!("column {} ({:?}) given {cell:?}", column.name, column.kind),
        }),
        None => Ok(()),
    }
}
