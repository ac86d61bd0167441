//! A manifest supplies metadata (outlet, date, title, URL, authors) for inputs that carry none,
//! typically a folder of plain-text articles. It is a CSV file with a header row or a JSON Lines
//! file; each row names its article by `path` (relative to the manifest's folder, or just the
//! file name) or by `url`.

use crate::dates::normalize_date;
use crate::IngestError;
use parallax_core::DocumentMeta;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Manifest {
    by_path: HashMap<PathBuf, DocumentMeta>,
    /// File name to metadata; `None` when two rows share the file name (ambiguous).
    by_name: HashMap<String, Option<DocumentMeta>>,
    by_url: HashMap<String, DocumentMeta>,
}

/// One manifest row before it is indexed.
#[derive(Debug, Default)]
struct Row {
    path: Option<String>,
    meta: DocumentMeta,
}

impl Manifest {
    /// Reads a manifest: `.csv` as CSV with a header row, anything else as JSON Lines.
    pub fn load(path: &Path) -> Result<Manifest, IngestError> {
        let bytes = std::fs::read(path).map_err(|e| IngestError::io(path, e))?;
        let (text, _) = crate::decode::decode_text(&bytes)?;
        let is_csv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let rows = if is_csv {
            csv_rows(&text)?
        } else {
            jsonl_rows(&text)?
        };
        let base = path.parent().unwrap_or(Path::new(""));
        Ok(Manifest::from_rows(rows, base))
    }

    fn from_rows(rows: Vec<Row>, base: &Path) -> Manifest {
        let mut manifest = Manifest::default();
        for row in rows {
            if let Some(url) = &row.meta.url {
                manifest.by_url.insert(normalize_url(url), row.meta.clone());
            }
            if let Some(p) = &row.path {
                let full = base.join(p);
                if let Some(name) = full.file_name().and_then(|n| n.to_str()) {
                    manifest
                        .by_name
                        .entry(name.to_string())
                        .and_modify(|slot| *slot = None)
                        .or_insert_with(|| Some(row.meta.clone()));
                }
                manifest.by_path.insert(canonical(&full), row.meta);
            }
        }
        manifest
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty() && self.by_url.is_empty()
    }

    /// The row for a file: matched by its path, else by its file name when that is unique.
    pub fn for_path(&self, path: &Path) -> Option<&DocumentMeta> {
        if let Some(meta) = self.by_path.get(&canonical(path)) {
            return Some(meta);
        }
        let name = path.file_name()?.to_str()?;
        self.by_name.get(name)?.as_ref()
    }

    /// The row for a URL (ignoring a trailing slash and the scheme).
    pub fn for_url(&self, url: &str) -> Option<&DocumentMeta> {
        self.by_url.get(&normalize_url(url))
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
fn row_from_fields<'a>(fields: impl Iterator<Item = (&'a str, Field)>) -> Row {
    let mut row = Row::default();
    for (name, value) in fields {
        let text = match &value {
            Field::Text(t) => t.trim().to_string(),
            Field::List(items) => items.join("; "),
        };
        if text.is_empty() {
            continue;
        }
        match name.trim().to_ascii_lowercase().as_str() {
            "path" | "file" | "filename" => row.path = Some(text),
            "url" => row.meta.url = Some(text),
            "outlet" | "source" | "source_domain" | "site_name" => row.meta.outlet = Some(text),
            "published" | "date" | "date_publish" => {
                row.meta.published = normalize_date(&text).or(Some(text))
            }
            "title" => row.meta.title = Some(text),
            "authors" | "author" => {
                row.meta.authors = match value {
                    Field::List(items) => items,
                    Field::Text(t) => split_authors(&t),
                }
            }
            _ => {}
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

enum Field {
    Text(String),
    List(Vec<String>),
}

fn csv_rows(text: &str) -> Result<Vec<Row>, IngestError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| IngestError::Manifest(format!("CSV header: {e}")))?
        .clone();
    require_key_column(headers.iter())?;
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| IngestError::Manifest(format!("CSV row {}: {e}", i + 2)))?;
        let fields = headers
            .iter()
            .zip(record.iter())
            .map(|(h, v)| (h, Field::Text(v.into())));
        rows.push(row_from_fields(fields));
    }
    Ok(rows)
}

fn jsonl_rows(text: &str) -> Result<Vec<Row>, IngestError> {
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
        require_key_column(object.keys().map(String::as_str))
            .map_err(|e| IngestError::Manifest(format!("line {}: {e}", i + 1)))?;
        let fields = object
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), json_field(v)?)));
        rows.push(row_from_fields(fields));
    }
    Ok(rows)
}

fn json_field(value: &serde_json::Value) -> Option<Field> {
    match value {
        serde_json::Value::String(s) => Some(Field::Text(s.clone())),
        serde_json::Value::Number(n) => Some(Field::Text(n.to_string())),
        serde_json::Value::Array(items) => Some(Field::List(
            items
                .iter()
                .filter_map(|i| i.as_str())
                .map(str::to_string)
                .collect(),
        )),
        _ => None,
    }
}

fn require_key_column<'a>(mut names: impl Iterator<Item = &'a str>) -> Result<(), IngestError> {
    if names.any(|n| {
        matches!(
            n.trim().to_ascii_lowercase().as_str(),
            "path" | "file" | "filename" | "url"
        )
    }) {
        Ok(())
    } else {
        Err(IngestError::Manifest(
            "no `path` or `url` column to match articles by".into(),
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
}
