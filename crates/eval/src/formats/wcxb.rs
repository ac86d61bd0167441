//! The WCXB (Web Content eXtraction Benchmark) layout: `<split>/html/<id>.html.gz` pages and
//! `<split>/ground-truth/<id>.json` gold files holding `ground_truth.main_content` and the
//! page type under `_internal.page_type.primary`.

use crate::{read_text, EvalError};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct WcxbPage {
    pub id: String,
    pub url: Option<String>,
    pub main_content: String,
    pub page_type: String,
}

/// Parses one ground-truth file. The page type defaults to `article` and `category` is read as
/// `collection`, as the benchmark's own evaluation does.
pub fn parse_page(id: &str, text: &str) -> Result<WcxbPage, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let gt = value
        .get("ground_truth")
        .ok_or("no `ground_truth` object")?;
    let page_type = match value.pointer("/_internal/page_type") {
        Some(serde_json::Value::Object(o)) => o.get("primary").and_then(|p| p.as_str()),
        Some(serde_json::Value::String(s)) => Some(s.as_str()),
        _ => None,
    }
    .unwrap_or("article");
    Ok(WcxbPage {
        id: id.to_string(),
        url: value
            .get("url")
            .and_then(|u| u.as_str())
            .map(str::to_string),
        main_content: gt
            .get("main_content")
            .and_then(|m| m.as_str())
            .unwrap_or("")
            .to_string(),
        page_type: if page_type == "category" {
            "collection"
        } else {
            page_type
        }
        .to_string(),
    })
}

/// The split folder (holding `ground-truth/` and `html/`) for `gold`: the folder itself, its
/// `test` split, or the split around a single ground-truth file.
pub fn split_dir(gold: &Path) -> Option<PathBuf> {
    if gold.is_file() {
        return Some(gold.parent()?.parent()?.to_path_buf());
    }
    if gold.join("ground-truth").is_dir() {
        return Some(gold.to_path_buf());
    }
    let test = gold.join("test");
    test.join("ground-truth").is_dir().then_some(test)
}

/// Reads the gold pages at `gold` (one file, or every file of the split, sorted by id).
pub fn load(gold: &Path) -> Result<Vec<WcxbPage>, EvalError> {
    let files: Vec<PathBuf> = if gold.is_file() {
        vec![gold.to_path_buf()]
    } else {
        let dir = split_dir(gold)
            .ok_or_else(|| EvalError::format(gold, "no ground-truth/ folder"))?
            .join("ground-truth");
        crate::files_with_extension(&dir, "json")?
    };
    files
        .iter()
        .map(|path| {
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            parse_page(id, &read_text(path)?).map_err(|m| EvalError::format(path, m))
        })
        .collect()
}

/// The page's HTML file in the split folder.
pub fn html_path(split: &Path, id: &str) -> Option<PathBuf> {
    [format!("{id}.html.gz"), format!("{id}.html")]
        .into_iter()
        .map(|name| split.join("html").join(name))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_gold_file() {
        let text = r#"{"schema_version":"2.0","url":"https://x.example/a","file_id":"7",
            "_internal":{"page_type":{"primary":"category","confidence":0.9}},
            "ground_truth":{"title":"T","main_content":"Heading\n\nBody text.","with":[],"without":[]}}"#;
        let page = parse_page("7", text).unwrap();
        assert_eq!(page.main_content, "Heading\n\nBody text.");
        assert_eq!(page.page_type, "collection");
        assert_eq!(page.url.as_deref(), Some("https://x.example/a"));
        let plain = parse_page("8", r#"{"ground_truth":{"main_content":"x"}}"#).unwrap();
        assert_eq!(plain.page_type, "article");
        assert!(parse_page("9", "{}").is_err());
    }
}
