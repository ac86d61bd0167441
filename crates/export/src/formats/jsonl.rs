//! JSON Lines: one file per table (`TABLE.jsonl`), one JSON object per row with every column
//! as a key; absent values are `null`, timestamps ISO 8601 UTC strings, lists arrays.

use super::{Format, TableFormat, TableSink};
use crate::files::AtomicFile;
use crate::schema::{iso, Cell, TableSchema};
use crate::source::Source;
use crate::tables::Sink;
use crate::{ExportError, Options};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Jsonl;

impl Format for Jsonl {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn summary(&self) -> &'static str {
        "one JSON Lines file per table"
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

impl TableFormat for Jsonl {
    fn open(
        &self,
        out: &Path,
        table: &'static TableSchema,
        _: bool,
    ) -> Result<Box<dyn TableSink>, ExportError> {
        Ok(Box::new(JsonlTable {
            file: AtomicFile::create(&out.join(format!("{}.jsonl", table.name)))?,
            table,
            line: Vec::with_capacity(4096),
        }))
    }
}

struct JsonlTable {
    file: AtomicFile,
    table: &'static TableSchema,
    line: Vec<u8>,
}

impl Sink for JsonlTable {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        let line = &mut self.line;
        line.clear();
        line.push(b'{');
        for (i, (column, cell)) in self.table.columns.iter().zip(cells).enumerate() {
            if i > 0 {
                line.push(b',');
            }
            line.push(b'"');
            line.extend_from_slice(column.name.as_bytes());
            line.extend_from_slice(b"\":");
            write_value(line, cell);
        }
        line.extend_from_slice(b"}\n");
        self.file
            .writer()
            .write_all(line)
            .map_err(|source| ExportError::Io {
                path: self.file.path.clone(),
                source,
            })
    }
}

/// Appends `cell` as a JSON value.
fn write_value(out: &mut Vec<u8>, cell: &Cell) {
    // Writing into a Vec cannot fail.
    let string = |out: &mut Vec<u8>, s: &str| {
        let _ = serde_json::to_writer(&mut *out, s);
    };
    match *cell {
        Cell::Null => out.extend_from_slice(b"null"),
        Cell::Str(s) => string(out, s),
        Cell::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Cell::Float(x) if x.is_finite() => out.extend_from_slice(x.to_string().as_bytes()),
        Cell::Float(_) => out.extend_from_slice(b"null"),
        Cell::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Cell::Time(t) => string(out, &iso(t)),
        Cell::List(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                string(out, item);
            }
            out.push(b']');
        }
    }
}

impl TableSink for JsonlTable {
    fn finish(self: Box<Self>) -> Result<Vec<PathBuf>, ExportError> {
        Ok(vec![self.file.commit()?])
    }
}
