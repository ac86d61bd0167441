//! CSV after RFC 4180: one file per table (`TABLE.csv`), UTF-8 with a byte-order mark (so
//! spreadsheets read it as UTF-8), a header row, CRLF line ends, fields quoted when they hold a
//! comma, quote or line break (quotes doubled). Absent values are empty cells, timestamps ISO
//! 8601 UTC, lists JSON arrays. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading apostrophe, so that a spreadsheet shows article text rather
//! than running it as a formula (CSV injection); JSON Lines and Parquet keep such values
//! unchanged.

use super::{Format, TableFormat, TableSink};
use crate::files::AtomicFile;
use crate::schema::{iso, Cell, TableSchema};
use crate::source::Source;
use crate::tables::Sink;
use crate::{ExportError, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark that starts every CSV file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct Csv;

impl Format for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn summary(&self) -> &'static str {
        "one CSV file per table (RFC 4180, UTF-8)"
    }

    fn write(
        &self,
        source: &Source,
        out: &Path,
        options: &Options,
    ) -> Result<Vec<PathBuf>, ExportError> {
        super::write_tables(self, source, out, options)
    }
}

impl TableFormat for Csv {
    fn open(
        &self,
        out: &Path,
        table: &'static TableSchema,
        _: bool,
    ) -> Result<Box<dyn TableSink>, ExportError> {
        let mut file = AtomicFile::create(&out.join(format!("{}.csv", table.name)))?;
        let path = file.path.clone();
        let mut raw = file.take();
        raw.write_all(BOM).map_err(|source| ExportError::Io {
            path: path.clone(),
            source,
        })?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(raw);
        writer
            .write_record(table.columns.iter().map(|c| c.name))
            .map_err(|e| encode(&path, e))?;
        Ok(Box::new(CsvTable {
            file,
            writer,
            fields: Vec::new(),
        }))
    }
}

struct CsvTable {
    file: AtomicFile,
    writer: csv::Writer<std::io::BufWriter<std::fs::File>>,
    fields: Vec<String>,
}

fn encode(path: &Path, error: impl std::fmt::Display) -> ExportError {
    ExportError::Encode {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

impl Csv {
    /// Whether a spreadsheet would read a cell starting like `text` as a formula.
    pub fn looks_like_formula(text: &str) -> bool {
        text.starts_with(['=', '+', '-', '@', '\t', '\r'])
    }
}

/// A cell's CSV field.
fn field(out: &mut String, cell: &Cell) {
    out.clear();
    match *cell {
        Cell::Null => {}
        Cell::Str(s) => {
            if Csv::looks_like_formula(s) {
                out.push('\'');
            }
            out.push_str(s);
        }
        Cell::Int(n) => out.push_str(&n.to_string()),
        Cell::Float(x) => out.push_str(&x.to_string()),
        Cell::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Cell::Time(t) => out.push_str(&iso(t)),
        Cell::List(items) => {
            // A JSON array starts with '[': never a formula.
            out.push_str(&serde_json::to_string(items).unwrap_or_default());
        }
    }
}

impl Sink for CsvTable {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        self.fields.resize(cells.len(), String::new());
        for (slot, cell) in self.fields.iter_mut().zip(cells) {
            field(slot, cell);
        }
        self.writer
            .write_record(&self.fields)
            .map_err(|e| encode(&self.file.path, e))
    }
}

impl TableSink for CsvTable {
    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>, ExportError> {
        let CsvTable { file, writer, .. } = *self;
        let raw = writer
            .into_inner()
            .map_err(|e| encode(&file.path, e.error()))?;
        Ok(vec![file.commit_file(raw)?])
    }
}
