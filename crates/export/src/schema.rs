//! The shape of an exported table: its columns, their kinds, and the cells of one row.
//!
//! Every format writes the same tables with the same columns in the same order; only the
//! encoding differs. A column's [`Kind`] decides its type in each format (the Parquet type, how
//! a CSV cell is spelled), so a table module says once what a column holds and every writer
//! follows. `docs/export.md` documents every column; a test checks it lists exactly these.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An identifier or a value from a small set (a type, an outlet, a status): repeated
    /// often, so Parquet dictionary-encodes it.
    Label,
    /// Free text (article text, sentences, quotations): not dictionary-encoded.
    Text,
    /// A signed 64-bit integer (offsets, counts).
    Int,
    /// A 64-bit float (values, scores, shares).
    Float,
    Bool,
    /// An instant, in microseconds since 1970-01-01 UTC.
    Timestamp,
    /// A list of labels (aliases, outlets, ids).
    List,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

/// Shorthand for the column lists of the table modules.
pub const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

/// A table: its name (the file name, without extension) and its columns in order.
#[derive(Debug)]
pub struct TableSchema {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// Whether its rows belong to one document each, in document order: such tables are
    /// partitioned by publication day when partitioning is on.
    pub per_document: bool,
}

/// One cell of a row; `Null` is an absent value in every kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Str(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Microseconds since the epoch, UTC.
    Time(i64),
    List(&'a [String]),
}

impl<'a> Cell<'a> {
    /// Whether this cell may stand in a column of `kind`.
    pub fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Cell::Null, _)
                | (Cell::Str(_), Kind::Label | Kind::Text)
                | (Cell::Int(_), Kind::Int)
                | (Cell::Float(_), Kind::Float)
                | (Cell::Bool(_), Kind::Bool)
                | (Cell::Time(_), Kind::Timestamp)
                | (Cell::List(_), Kind::List)
        )
    }

    pub fn opt_str(value: Option<&'a str>) -> Cell<'a> {
        value.map_or(Cell::Null, Cell::Str)
    }

    pub fn opt_float(value: Option<f64>) -> Cell<'a> {
        value.map_or(Cell::Null, Cell::Float)
    }

    pub fn opt_int(value: Option<i64>) -> Cell<'a> {
        value.map_or(Cell::Null, Cell::Int)
    }

    pub fn opt_time(value: Option<i64>) -> Cell<'a> {
        value.map_or(Cell::Null, Cell::Time)
    }

    pub fn count(n: usize) -> Cell<'a> {
        Cell::Int(n as i64)
    }
}

/// Microseconds since the epoch of an ISO 8601 date or date-time, through the one parser of
/// publication instants (`parallax_core::instant`).
pub fn micros(published: Option<&str>) -> Option<i64> {
    parallax_core::instant::utc_seconds(published?).map(|s| s * 1_000_000)
}

/// An instant in microseconds as ISO 8601 UTC (`2031-05-09T06:30:00Z`), as the text formats
/// write timestamps.
pub fn iso(micros: i64) -> String {
    chrono::DateTime::from_timestamp_micros(micros)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// The UTC day (`YYYY-MM-DD`) of an instant in microseconds.
pub fn day(micros: i64) -> String {
    chrono::DateTime::from_timestamp_micros(micros)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_utc() {
        let m = micros(Some("2008-08-11T08:00:00+04:00")).unwrap();
        assert_eq!(iso(m), "2008-08-11T04:00:00Z");
        assert_eq!(day(m), "2008-08-11");
        assert_eq!(
            day(micros(Some("2008-08-11T01:00:00+04:00")).unwrap()),
            "2008-08-10"
        );
        assert_eq!(micros(Some("not a date")), None);
    }

    #[test]
    fn cells_fit_their_kinds() {
        assert!(Cell::Str("x").fits(Kind::Text));
        assert!(Cell::Null.fits(Kind::Int));
        assert!(!Cell::Int(3).fits(Kind::Float));
    }
}
