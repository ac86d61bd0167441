//! A manifest supplies metadata (outlet, date, title, URL, authors) for inputs that carry none,
//! typically a folder of plain-text articles. It is a CSV file with a header row or a JSON Lines
//! file; each row names its article by `path` (relative to the manifest's folder, or just the
//! file name) or by `url`.
//!
//! A row is never half-used silently: a date that is not a `YYYY-MM-DD` date is dropped from
//! its row and reported ([`Manifest::problems`]), and a row whose path matches none of the
//! input files is reported once the inputs are known ([`Manifest::unmatched`]).
//!
//! The manifest also carries the user's field names ([`FieldNames`], `--field PIECE=NAME`):
//! they name its own columns and the fields of JSON Lines articles read with it.

use crate::dates::normalize_date;
use crate::fields::{Field, FieldNames};
use crate::IngestError;
use parallax_core::{DocumentMeta, SkippedInput};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Largest manifest read, in bytes (a row per article: about a million rows).
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// Each row's metadata, where it is (`manifest.csv line 3`) and its path if it has one.
    rows: Vec<(DocumentMeta, String, Option<PathBuf>)>,
    /// Canonical path to row.
    by_path: HashMap<PathBuf, usize>,
    /// File name to row; `None` when two rows share the file name (ambiguous).
    by_name: HashMap<String, Option<usize>>,
    by_url: HashMap<String, usize>,
    problems: Vec<SkippedInput>,
    fields: FieldNames,
}

/// One manifest row before it is indexed.
#[derive(Debug, Default)]
struct Row {
    /// Where the row is, e.g. `line 3`.
    label: String,
    path: Option<String>,
    meta: DocumentMeta,
    /// A date that could not be read.
    bad_date: Option<String>,
}

impl Manifest {
    /// Reads a manifest: `.csv` as CSV with a header row, anything else as JSON Lines.
    pub fn load(path: &Path) -> Result<Manifest, IngestError> {
        Manifest::load_with(path, FieldNames::default())
    }

    /// [`Manifest::load`] with the user's field names for its columns (and for the JSON
    /// articles read with it).
    pub fn load_with(path: &Path, fields: FieldNames) -> Result<Manifest, IngestError> {
        let bytes = crate::read::read_limited(path, MAX_MANIFEST_BYTES)?;
        let is_csv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let base = path.parent().unwrap_or(Path::new(""));
        Manifest::parse_with(&bytes, is_csv, base, &path.display().to_string(), fields)
    }

    /// A manifest with no rows that carries the user's field names.
    pub fn with_fields(fields: FieldNames) -> Manifest {
        Manifest {
            fields,
            ..Manifest::default()
        }
    }

    /// The user's field names.
    pub fn fields(&self) -> &FieldNames {
        &self.fields
    }

    /// Reads a manifest's bytes (CSV when `is_csv`, else JSON Lines) whose paths are relative
    /// to `base`; `name` names the manifest in reports.
    pub fn parse(
        bytes: &[u8],
        is_csv: bool,
        base: &Path,
        name: &str,
    ) -> Result<Manifest, IngestError> {
        Manifest::parse_with(bytes, is_csv, base, name, FieldNames::default())
    }

    /// [`Manifest::parse`] with the user's field names.
    pub fn parse_with(
        bytes: &[u8],
        is_csv: bool,
        base: &Path,
        name: &str,
        fields: FieldNames,
    ) -> Result<Manifest, IngestError> {
        let (text, _) = crate::decode::decode_text(bytes)?;
        let rows = if is_csv {
            csv_rows(&text, &fields)?
        } else {
            jsonl_rows(&text, &fields)?
        };
        Ok(Manifest::from_rows(rows, base, name, fields))
    }

    fn from_rows(rows: Vec<Row>, base: &Path, file: &str, fields: FieldNames) -> Manifest {
        let mut manifest = Manifest::with_fields(fields);
        for row in rows {
            let index = manifest.rows.len();
            let label = format!("{file} {}", row.label);
            if let Some(date) = &row.bad_date {
                manifest.problems.push(SkippedInput {
                    source: label.clone(),
                    reason: format!(
                        "the date `{date}` is not a YYYY-MM-DD date: the row's other fields are used, its date is not"
                    ),
                });
            }
            if let Some(url) = &row.meta.url {
                manifest.by_url.insert(normalize_url(url), index);
            }
            let full = row.path.as_ref().map(|p| base.join(p));
            if let Some(full) = &full {
                if let Some(name) = full.file_name().and_then(|n| n.to_str()) {
                    manifest
                        .by_name
                        .entry(name.to_string())
                        .and_modify(|slot| *slot = None)
                        .or_insert(Some(index));
                }
                manifest.by_path.insert(canonical(full), index);
            }
            manifest.rows.push((row.meta, label, full));
        }
        manifest
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty() && self.by_url.is_empty()
    }

    /// What was wrong with rows, found while reading the manifest.
    pub fn problems(&self) -> &[SkippedInput] {
        &self.problems
    }

    /// The rows with a path that none of `files` matches (a misspelt or missing file), each
    /// named with the path it gives.
    pub fn unmatched(&self, files: &[PathBuf]) -> Vec<SkippedInput> {
        let mut matched = vec![false; self.rows.len()];
        for file in files {
            if let Some(i) = self.row_for_path(file) {
                matched[i] = true;
            }
        }
        self.rows
            .iter()
            .zip(matched)
            .filter_map(|((_, label, path), matched)| {
                let path = path.as_ref().filter(|_| !matched)?;
                Some(SkippedInput {
                    source: label.clone(),
                    reason: format!(
                        "the path {} matches none of the input files: the row is unused",
                        path.display()
                    ),
                })
            })
            .collect()
    }

    fn row_for_path(&self, path: &Path) -> Option<usize> {
        if let Some(&i) = self.by_path.get(&canonical(path)) {
            return Some(i);
        }
        let name = path.file_name()?.to_str()?;
        *self.by_name.get(name)?
    }

    /// The row for a file: matched by its path, else by its file name when that is unique.
    pub fn for_path(&self, path: &Path) -> Option<&DocumentMeta> {
        self.row_for_path(path).map(|i| &self.rows[i].0)
    }

    /// The row for a URL (ignoring a trailing slash and the scheme).
    pub fn for_url(&self, url: &str) -> Option<&DocumentMeta> {
        self.by_url
            .get(&normalize_url(url))
            .map(|&i| &self.rows[i].0)
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split_once("://").map_or(url, |(_, rest)| rest);
    url.trim_end_matches('/').to_string()
}

/// Builds a row from (field name, value) pairs, whatever the file format.
fn row_from_fields<'a>(
    label: String,
    cells: impl Iterator<Item = (&'a str, Cell)>,
    names: &FieldNames,
) -> Row {
    let mut row = Row {
        label,
        ..Row::default()
    };
    for (name, value) in cells {
        let text = match &value {
            Cell::Text(t) => t.trim().to_string(),
            Cell::List(items) => items.join("; "),
        };
        if text.is_empty() {
            continue;
        }
        match names.field_of(name) {
            Some(Field::Path) => row.path = Some(text),
            Some(Field::Url) => row.meta.url = Some(text),
            Some(Field::Outlet) => row.meta.outlet = Some(text),
            Some(Field::Published) => match normalize_date(&text) {
                Some(date) => row.meta.published = Some(date),
                None => row.bad_date = Some(text),
            },
            Some(Field::Title) => row.meta.title = Some(text),
            Some(Field::Authors) => {
                row.meta.authors = match value {
                    Cell::List(items) => items,
                    Cell::Text(t) => split_authors(&t),
                }
            }
            Some(Field::Text) | None => {}
        }
    }
    row
}

/// Authors written in one cell: separated by `;` or `|`.
pub fn split_authors(cell: &str) -> Vec<String> {
    cell.split([';', '|'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

enum Cell {
    Text(String),
    List(Vec<String>),
}

fn csv_rows(text: &str, names: &FieldNames) -> Result<Vec<Row>, IngestError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| IngestError::Manifest(format!("CSV header: {e}")))?
        .clone();
    require_key_column(headers.iter(), names)?;
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| IngestError::Manifest(format!("CSV row {}: {e}", i + 2)))?;
        let line = record.position().map_or(i as u64 + 2, |p| p.line());
        let fields = headers
            .iter()
            .zip(record.iter())
            .map(|(h, v)| (h, Cell::Text(v.into())));
        rows.push(row_from_fields(format!("line {line}"), fields, names));
    }
    Ok(rows)
}

fn jsonl_rows(text: &str, names: &FieldNames) -> Result<Vec<Row>, IngestError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| IngestError::Manifest(format!("line {}: {e}", i + 1)))?;
        let object = value
            .as_object()
            .ok_or_else(|| IngestError::Manifest(format!("line {}: not a JSON object", i + 1)))?;
        require_key_column(object.keys().map(String::as_str), names)
            .map_err(|e| IngestError::Manifest(format!("line {}: {e}", i + 1)))?;
        let fields = object
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), json_field(v)?)));
        rows.push(row_from_fields(format!("line {}", i + 1), fields, names));
    }
    Ok(rows)
}

fn json_field(value: &serde_json::Value) -> Option<Cell> {
    match value {
        serde_json::Value::String(s) => Some(Cell::Text(s.clone())),
        serde_json::Value::Number(n) => Some(Cell::Text(n.to_string())),
        serde_json::Value::Array(items) => Some(Cell::List(
            items
                .iter()
                .filter_map(|i| i.as_str())
                .map(str::to_string)
                .collect(),
        )),
        _ => None,
    }
}

fn require_key_column<'a>(
    mut columns: impl Iterator<Item = &'a str>,
    names: &FieldNames,
) -> Result<(), IngestError> {
    if columns.any(|c| matches!(names.field_of(c), Some(Field::Path | Field::Url))) {
        Ok(())
    } else {
        Err(IngestError::Manifest(
            "no `path` or `url` column to match articles by (name one with --field path=NAME or --field url=NAME)".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_manifest_matches_by_relative_path_name_and_url() {
        let dir = tempfile::tempdir().unwrap();
        let manifest_path = dir.path().join("manifest.csv");
        std::fs::write(
            &manifest_path,
            "path,outlet,published,title,url,authors\n\
             texts/a.txt,The Courier,2024-03-01 09:00:00,Flood,https://courier.example/a,Ann Lee; Bo Chen\n\
             ,Daily Star,2024-03-02,,https://star.example/b/,\n",
        )
        .unwrap();
        let m = Manifest::load(&manifest_path).unwrap();
        let a = m.for_path(&dir.path().join("texts/a.txt")).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("The Courier"));
        assert_eq!(a.published.as_deref(), Some("2024-03-01T09:00:00"));
        assert_eq!(a.authors, vec!["Ann Lee", "Bo Chen"]);
        assert!(
            m.for_path(Path::new("elsewhere/a.txt")).is_some(),
            "by unique file name"
        );
        assert_eq!(
            m.for_url("http://star.example/b")
                .unwrap()
                .outlet
                .as_deref(),
            Some("Daily Star")
        );
        assert!(m.for_path(Path::new("z.txt")).is_none());
    }

    #[test]
    fn jsonl_manifest_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("m.jsonl");
        std::fs::write(
            &good,
            "{\"path\":\"a.txt\",\"outlet\":\"X\",\"authors\":[\"A\",\"B\"]}\n\n",
        )
        .unwrap();
        let m = Manifest::load(&good).unwrap();
        assert_eq!(
            m.for_path(&dir.path().join("a.txt")).unwrap().authors,
            vec!["A", "B"]
        );

        let bad = dir.path().join("bad.jsonl");
        std::fs::write(&bad, "{\"path\":\"a.txt\"}\n{oops\n").unwrap();
        let err = Manifest::load(&bad).unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");

        let no_key = dir.path().join("nokey.csv");
        std::fs::write(&no_key, "outlet,title\nX,Y\n").unwrap();
        assert!(Manifest::load(&no_key)
            .unwrap_err()
            .to_string()
            .contains("path"));
        assert!(Manifest::load(&dir.path().join("missing.csv")).is_err());
        assert!(Manifest::default().is_empty());
    }

    #[test]
    fn unreadable_dates_and_unmatched_paths_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.csv");
        std::fs::write(
            &path,
            "path,outlet,published\na.txt,X,31/12/2024\nb.txt,Y,2024-01-02\nmissing.txt,Z,\n,W,2024-01-03\n",
        )
        .unwrap();
        let m = Manifest::load(&path).unwrap();
        let problems: Vec<String> = m
            .problems()
            .iter()
            .map(|p| format!("{}: {}", p.source, p.reason))
            .collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].ends_with("m.csv line 2: the date `31/12/2024` is not a YYYY-MM-DD date: the row's other fields are used, its date is not"), "{problems:?}");
        let a = m.for_path(&dir.path().join("a.txt")).unwrap();
        assert_eq!(
            (a.outlet.as_deref(), a.published.as_deref()),
            (Some("X"), None)
        );

        let inputs = [dir.path().join("a.txt"), dir.path().join("sub/b.txt")];
        let unmatched = m.unmatched(&inputs);
        assert_eq!(unmatched.len(), 1, "{unmatched:?}");
        assert!(unmatched[0].source.ends_with("m.csv line 4"));
        assert!(unmatched[0]
            .reason
            .contains("missing.txt matches none of the input files"));
    }

    #[test]
    fn user_field_names_name_manifest_columns() {
        let fields = FieldNames::parse(&["path=doc_file", "published=pub"]).unwrap();
        let m = Manifest::parse_with(
            b"doc_file,pub,site_name\na.txt,2024-05-01,Star\n",
            true,
            Path::new(""),
            "m.csv",
            fields.clone(),
        )
        .unwrap();
        let row = m.for_path(Path::new("a.txt")).unwrap();
        assert_eq!(row.published.as_deref(), Some("2024-05-01"));
        assert_eq!(row.outlet.as_deref(), Some("Star"));
        assert_eq!(m.fields(), &fields);
        let error = Manifest::parse(b"doc_file\na.txt\n", true, Path::new(""), "m.csv")
            .unwrap_err()
            .to_string();
        assert!(error.contains("--field path=NAME"), "{error}");
    }
}
