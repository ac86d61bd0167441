//! Tables as Arrow record batches: the schema of each table in Arrow types, and builders that
//! turn rows of cells into batches. Parquet files and the Python package's pyarrow tables are
//! both made from these, so they have the same schemas.
//!
//! Types: labels and text are UTF-8 strings, integers signed 64-bit, floats 64-bit, timestamps
//! microseconds with time zone UTC, lists lists of strings; every column is nullable.

use crate::schema::{Cell, Kind, TableSchema};
use crate::tables::Sink;
use crate::ExportError;
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use std::sync::Arc;

/// Rows per record batch, at most.
pub const BATCH_ROWS: usize = 65_536;
/// Bytes of text per record batch, at most: a batch of whole articles (the `documents`
/// table) is cut long before [`BATCH_ROWS`], which bounds the memory an export holds.
pub const BATCH_BYTES: usize = 32 << 20;

/// The Arrow type of a column kind.
pub fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Label | Kind::Text => DataType::Utf8,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Bool => DataType::Boolean,
        Kind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        Kind::List => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

/// The Arrow schema of a table.
pub fn schema(table: &TableSchema) -> SchemaRef {
    Arc::new(Schema::new(
        table
            .columns
            .iter()
            .map(|c| Field::new(c.name, data_type(c.kind), true))
            .collect::<Vec<_>>(),
    ))
}

/// One builder per column.
enum Column {
    Str(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Time(TimestampMicrosecondBuilder),
    List(ListBuilder<StringBuilder>),
}

/// Rows of one table accumulating into a record batch.
pub struct Builders {
    table: &'static TableSchema,
    schema: SchemaRef,
    columns: Vec<Column>,
    rows: usize,
    /// Bytes of strings pushed since the last batch.
    bytes: usize,
}

impl Builders {
    pub fn new(table: &'static TableSchema) -> Builders {
        let columns = table
            .columns
            .iter()
            .map(|c| match c.kind {
                Kind::Label | Kind::Text => Column::Str(StringBuilder::new()),
                Kind::Int => Column::Int(Int64Builder::new()),
                Kind::Float => Column::Float(Float64Builder::new()),
                Kind::Bool => Column::Bool(BooleanBuilder::new()),
                Kind::Timestamp => {
                    Column::Time(TimestampMicrosecondBuilder::new().with_timezone("UTC"))
                }
                Kind::List => Column::List(ListBuilder::new(StringBuilder::new())),
            })
            .collect();
        Builders {
            table,
            schema: schema(table),
            columns,
            rows: 0,
            bytes: 0,
        }
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Rows pushed since the last [`Builders::finish`].
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether the rows pushed make a batch ([`BATCH_ROWS`] rows or [`BATCH_BYTES`] of text).
    pub fn is_full(&self) -> bool {
        self.rows >= BATCH_ROWS || self.bytes >= BATCH_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends one row (already checked against the schema).
    pub fn push(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        for (column, cell) in self.columns.iter_mut().zip(cells) {
            match (column, *cell) {
                (Column::Str(b), Cell::Str(s)) => {
                    self.bytes += s.len();
                    b.append_value(s)
                }
                (Column::Str(b), Cell::Null) => b.append_null(),
                (Column::Int(b), Cell::Int(n)) => b.append_value(n),
                (Column::Int(b), Cell::Null) => b.append_null(),
                (Column::Float(b), Cell::Float(x)) => b.append_value(x),
                (Column::Float(b), Cell::Null) => b.append_null(),
                (Column::Bool(b), Cell::Bool(x)) => b.append_value(x),
                (Column::Bool(b), Cell::Null) => b.append_null(),
                (Column::Time(b), Cell::Time(t)) => b.append_value(t),
                (Column::Time(b), Cell::Null) => b.append_null(),
                (Column::List(b), Cell::List(items)) => {
                    for item in items {
                        self.bytes += item.len();
                        b.values().append_value(item);
                    }
                    b.append(true);
                }
                (Column::List(b), Cell::Null) => b.append(false),
                (_, cell) => {
                    return Err(ExportError::Row {
                        table: self.table.name,
                        message: format!("a {cell:?} does not fit its column"),
                    })
                }
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// The rows pushed so far as one batch; the builders start over empty.
    pub fn finish(&mut self) -> Result<RecordBatch, ExportError> {
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter_mut()
            .map(|c| match c {
                Column::Str(b) => b.finish_array(),
                Column::Int(b) => b.finish_array(),
                Column::Float(b) => b.finish_array(),
                Column::Bool(b) => b.finish_array(),
                Column::Time(b) => b.finish_array(),
                Column::List(b) => b.finish_array(),
            })
            .collect();
        self.rows = 0;
        self.bytes = 0;
        RecordBatch::try_new(self.schema.clone(), arrays).map_err(|e| ExportError::Row {
            table: self.table.name,
            message: e.to_string(),
        })
    }
}

trait FinishArray {
    fn finish_array(&mut self) -> ArrayRef;
}

impl<T: ArrayBuilder> FinishArray for T {
    fn finish_array(&mut self) -> ArrayRef {
        ArrayBuilder::finish(self)
    }
}

/// A sink that collects a whole table as record batches in memory.
pub struct Batches {
    builders: Builders,
    pub batches: Vec<RecordBatch>,
}

impl Batches {
    pub fn new(table: &'static TableSchema) -> Batches {
        Batches {
            builders: Builders::new(table),
            batches: Vec::new(),
        }
    }

    pub fn schema(&self) -> SchemaRef {
        self.builders.schema()
    }

    /// Every batch of the table (the last one completed).
    pub fn finish(mut self) -> Result<Vec<RecordBatch>, ExportError> {
        if !self.builders.is_empty() || self.batches.is_empty() {
            let batch = self.builders.finish()?;
            self.batches.push(batch);
        }
        Ok(self.batches)
    }
}

impl Sink for Batches {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        self.builders.push(cells)?;
        if self.builders.is_full() {
            let batch = self.builders.finish()?;
            self.batches.push(batch);
        }
        Ok(())
    }
}

/// One table in memory: its name, Arrow schema and record batches.
pub type BatchTable = (&'static str, SchemaRef, Vec<RecordBatch>);

/// Every table of the selected documents of `source`, as record batches by table name.
pub fn tables(source: &crate::Source) -> Result<Vec<BatchTable>, ExportError> {
    crate::TABLES
        .iter()
        .map(|table| {
            let schema = table.schema();
            let mut sink = Batches::new(schema);
            crate::tables::write_table(*table, source, &mut Checked(&mut sink, schema))?;
            let arrow_schema = sink.schema();
            Ok((schema.name, arrow_schema, sink.finish()?))
        })
        .collect()
}

/// Checks rows against the schema before the builders see them.
struct Checked<'s>(&'s mut Batches, &'static TableSchema);

impl Sink for Checked<'_> {
    fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        super::check_row(self.1, cells)?;
        self.0.row(cells)
    }
}
