//! Parquet: one file per table (`TABLE.parquet`), or, when partitioned, one folder per
//! per-document table with a Hive-style folder per UTC publication day
//! (`sentences/day=2031-05-09/part-0.parquet`; undated articles under
//! `day=__HIVE_DEFAULT_PARTITION__`), which DuckDB, Spark, Polars and pyarrow read as a
//! `day` column. Columns are compressed with zstd; labels are dictionary-encoded, free text
//! is not (its values rarely repeat). Arrow types as in [`super::arrow`].

use super::arrow::{Builders, BATCH_ROWS};
use super::{Format, TableFormat, TableSink};
use crate::files::AtomicFile;
use crate::schema::{Cell, Kind, TableSchema};
use crate::source::Source;
use crate::tables::Sink;
use crate::{ExportError, Options};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;
use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// Rows per Parquet row group, at most; a writer also closes a row group at
/// [`ROW_GROUP_BYTES`] of buffered data, which bounds the memory it holds.
const ROW_GROUP_ROWS: usize = 4 * BATCH_ROWS;
const ROW_GROUP_BYTES: usize = 128 << 20;
/// The partition folder of undated articles, as Hive and its readers name a null value.
const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

pub struct Parquet;

impl Format for Parquet {
    fn name(&self) -> &'static str {
        "parquet"
    }

    fn summary(&self) -> &'static str {
        "one Parquet file per table (zstd; partitioned by publication day for large exports)"
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

impl TableFormat for Parquet {
    fn open(
        &self,
        out: &Path,
        table: &'static TableSchema,
        partitioned: bool,
    ) -> Result<Box<dyn TableSink>, ExportError> {
        let mut sink = ParquetTable {
            out: out.to_path_buf(),
            table,
            partitioned,
            builders: Builders::new(table),
            file: None,
            day: None,
            parts: HashMap::new(),
            written: Vec::new(),
        };
        if !partitioned {
            sink.open_file()?;
        }
        Ok(Box::new(sink))
    }
}

struct ParquetTable {
    out: PathBuf,
    table: &'static TableSchema,
    partitioned: bool,
    builders: Builders,
    file: Option<(AtomicFile, ArrowWriter<BufWriter<File>>)>,
    /// The partition rows now go to.
    day: Option<String>,
    /// Files opened per partition (a day seen again gets a new part).
    parts: HashMap<String, usize>,
    written: Vec<PathBuf>,
}

fn properties(table: &TableSchema) -> WriterProperties {
    let mut props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_created_by(format!("parallax {}", env!("CARGO_PKG_VERSION")));
    for column in table.columns {
        let path = ColumnPath::from(column.name);
        props = match column.kind {
            Kind::Text => props.set_column_dictionary_enabled(path, false),
            Kind::List => props.set_column_dictionary_enabled(
                ColumnPath::new(vec![column.name.into(), "list".into(), "item".into()]),
                true,
            ),
            _ => props.set_column_dictionary_enabled(path, true),
        };
    }
    props.build()
}

impl ParquetTable {
    fn path(&mut self) -> PathBuf {
        if !self.partitioned {
            return self.out.join(format!("{}.parquet", self.table.name));
        }
        let day = self
            .day
            .clone()
            .unwrap_or_else(|| NULL_PARTITION.to_string());
        let part = self.parts.entry(day.clone()).or_default();
        let path = self
            .out
            .join(self.table.name)
            .join(format!("day={day}"))
            .join(format!("part-{part}.parquet"));
        *part += 1;
        path
    }

    fn open_file(&mut self) -> Result<(), ExportError> {
        let path = self.path();
        let mut file = AtomicFile::create(&path)?;
        let writer = ArrowWriter::try_new(
            file.take(),
            self.builders.schema(),
            Some(properties(self.table)),
        )
        .map_err(|e| encode(&path, e))?;
        self.file = Some((file, writer));
        Ok(())
    }

    /// Moves the buffered rows into the open file.
    fn flush(&mut self) -> Result<(), ExportError> {
        if self.builders.is_empty() {
            return Ok(());
        }
        if self.file.is_none() {
            self.open_file()?;
        }
        let batch = self.builders.finish()?;
        let (file, writer) = self.file.as_mut().expect("opened above");
        writer.write(&batch).map_err(|e| encode(&file.path, e))
    }

    /// Completes the open file, if any.
    fn close(&mut self) -> Result<(), ExportError> {
        self.flush()?;
        if let Some((file, writer)) = self.file.take() {
            let raw = writer.into_inner().map_err(|e| encode(&file.path, e))?;
            self.written.push(file.commit_file(raw)?);
        }
        Ok(())
    }
}

fn encode(path: &Path, error: impl std::fmt::Display) -> ExportError {
    ExportError::Encode {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

impl Sink for ParquetTable {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        self.builders.push(cells)?;
        if self.builders.is_full() {
            self.flush()?;
        }
        Ok(())
    }

    fn partition(&mut self, day: Option<&str>) -> Result<(), ExportError> {
        if !self.partitioned {
            return Ok(());
        }
        self.close()?;
        self.day = day.map(str::to_string);
        Ok(())
    }
}

impl TableSink for ParquetTable {
    fn finish(mut self: Box<Self>) -> Result<Vec<PathBuf>, ExportError> {
        self.close()?;
        Ok(self.written)
    }
}
