//! The Zyte/ScrapingHub article-extraction benchmark layout: `ground-truth.json` maps a page
//! key to `{"url", "articleBody"}`, and the page is `html/<key>.html.gz` (or `.html`) beside it.

use crate::{read_text, EvalError};
use std::path::{Path, PathBuf};

/// One benchmark page: where its HTML is and its gold article body.
#[derive(Debug, Clone, PartialEq)]
pub struct AebPage {
    pub key: String,
    pub url: Option<String>,
    pub body: String,
}

/// Parses the ground-truth JSON, pages sorted by key so runs are reproducible.
pub fn parse_ground_truth(text: &str) -> Result<Vec<AebPage>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let object = value
        .as_object()
        .ok_or("ground truth is not a JSON object")?;
    let mut pages: Vec<AebPage> = object
        .iter()
        .map(|(key, entry)| AebPage {
            key: key.clone(),
            url: entry
                .get("url")
                .and_then(|u| u.as_str())
                .map(str::to_string),
            body: entry
                .get("articleBody")
                .and_then(|b| b.as_str())
                .unwrap_or("")
                .to_string(),
        })
        .collect();
    pages.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(pages)
}

/// The ground-truth file for `gold`: the file itself, or `ground-truth.json` in the folder.
pub fn ground_truth_path(gold: &Path) -> PathBuf {
    if gold.is_dir() {
        gold.join("ground-truth.json")
    } else {
        gold.to_path_buf()
    }
}

/// Reads the pages listed by the ground truth at `gold`.
pub fn load(gold: &Path) -> Result<Vec<AebPage>, EvalError> {
    let path = ground_truth_path(gold);
    parse_ground_truth(&read_text(&path)?).map_err(|m| EvalError::format(&path, m))
}

/// The page's HTML file: `html/<key>.html.gz` or `html/<key>.html` next to the ground truth.
pub fn html_path(gold: &Path, key: &str) -> Option<PathBuf> {
    let folder = ground_truth_path(gold).parent()?.join("html");
    [format!("{key}.html.gz"), format!("{key}.html")]
        .into_iter()
        .map(|name| folder.join(name))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ground_truth_sorted() {
        let text = r#"{
            "bb": {"articleBody": "Second page body.", "url": "https://b.example/x"},
            "aa": {"url": "https://a.example/y", "articleBody": "First.\n\nSecond paragraph."},
            "cc": {}
        }"#;
        let pages = parse_ground_truth(text).unwrap();
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].key, "aa");
        assert_eq!(pages[0].body, "First.\n\nSecond paragraph.");
        assert_eq!(pages[1].url.as_deref(), Some("https://b.example/x"));
        assert_eq!(pages[2].body, "");
        assert!(parse_ground_truth("[]").is_err());
    }
}
