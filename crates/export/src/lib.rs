//! Exports of the dossier for other tools: one table per kind of item as JSON Lines, CSV or
//! Parquet, GDELT-style rows (GKG 2.1 and Event 2.0), the dossier JSON and the HTML report.
//!
//! The seam is [`Format`]: every output implements it, and [`formats`] lists them, the way
//! ripgrep's printers each implement one sink. A new format is one module in [`formats`] and
//! one line in that list. The tabular formats share one more seam, [`TableFormat`]: they only
//! say how to open a table and write a row of [`Cell`]s, and [`write_tables`] feeds them every
//! table of [`tables::TABLES`] (a new table is one module there and one line in its list).
//!
//! An export reads a [`Source`]: the dossier, the per-document analyses it was built from, and
//! a [`Selection`] of documents (a story, a range of publication days). Tables, columns and
//! ids are documented in `docs/export.md`. This crate is an edge: it writes files and nothing
//! upstream depends on it.
//!
//! # Example
//!
//! Every table of a dossier as CSV files, one per table.
//!
//! ```
//! use parallax_core::Document;
//! use parallax_export::{format, Options, Selection, Source};
//!
//! let doc = Document::new("d1", "Police arrested 12 protesters.", "a.txt");
//! let analysis = parallax_pipeline::analyze(&doc);
//! let dossier = parallax_crossdoc::build_dossier(&[(doc, analysis.clone())], &[]);
//! let source = Source::new(&dossier, [&analysis], &Selection::default());
//! let out = tempfile::tempdir()?;
//! let written = format("csv")?.write(&source, out.path(), &Options::default())?;
//! assert!(written.iter().any(|p| p.ends_with("figures.csv")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod files;
pub mod formats;
pub mod gdelt;
pub mod schema;
pub mod source;
pub mod subset;
pub mod tables;

pub use formats::{format, formats, write_tables, Format, TableFormat, TableSink};
pub use schema::{Cell, Column, Kind, TableSchema};
pub use source::{Selection, Source};
pub use tables::{Sink, Table, TABLES};

use std::path::PathBuf;

/// How per-document tables are laid out by formats that can partition (Parquet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Partition {
    /// By publication day when the export holds at least [`PARTITION_THRESHOLD`] documents.
    #[default]
    Auto,
    /// Always by publication day.
    Day,
    /// One file per table.
    None,
}

/// Documents from which `Partition::Auto` partitions by day.
pub const PARTITION_THRESHOLD: usize = 10_000;

/// What the caller may tune about an export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub partition: Partition,
}

impl Options {
    /// Whether per-document tables of an export of `documents` documents are partitioned.
    pub fn partitioned(&self, documents: usize) -> bool {
        match self.partition {
            Partition::Auto => documents >= PARTITION_THRESHOLD,
            Partition::Day => true,
            Partition::None => false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {message}")]
    Encode { path: PathBuf, message: String },
    #[error("table {table}: {message}")]
    Row {
        table: &'static str,
        message: String,
    },
    #[error("unknown export format {0:?} (known: {1})")]
    UnknownFormat(String, String),
}
