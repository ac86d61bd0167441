//! Trafilatura's own extraction benchmark as it ships: `evaldata.json` maps a page URL to
//! `{"file", "with": [...], "without": [...]}` (snippets a correct extraction must contain, and
//! boilerplate it must not), and `html.tar.xz` holds the pages as `eval/<file>` or
//! `cache/<file>` (looked for under `eval/` first, as the benchmark does). Pages are kept as
//! raw bytes: many are not UTF-8, and decoding them is part of what is measured.

use crate::{read_text, EvalError};
use std::collections::HashMap;
use std::path::Path;

/// The gold file of the benchmark inside its folder.
pub const GOLD_FILE: &str = "evaldata.json";
/// The archive of its pages.
pub const ARCHIVE_FILE: &str = "html.tar.xz";

/// One page: its URL, its file name, and the snippets.
#[derive(Debug, Clone, PartialEq)]
pub struct SnippetPage {
    pub url: String,
    pub file: String,
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// Whether `gold` is (the folder of) this benchmark.
pub fn is_benchmark(gold: &Path) -> bool {
    gold.join(GOLD_FILE).is_file() && gold.join(ARCHIVE_FILE).is_file()
}

/// Parses `evaldata.json`, pages in URL order so runs are reproducible.
pub fn parse_gold(text: &str) -> Result<Vec<SnippetPage>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let object = value
        .as_object()
        .ok_or("the gold file is not a JSON object")?;
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut pages: Vec<SnippetPage> = object
        .iter()
        .map(|(url, entry)| {
            Ok(SnippetPage {
                url: url.clone(),
                file: entry
                    .get("file")
                    .and_then(|f| f.as_str())
                    .ok_or_else(|| format!("{url}: no `file`"))?
                    .to_string(),
                with: strings(entry.get("with")),
                without: strings(entry.get("without")),
            })
        })
        .collect::<Result<_, String>>()?;
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    Ok(pages)
}

/// Each page file's bytes, by file name.
pub type PageFiles = HashMap<String, Vec<u8>>;

/// The pages of the benchmark and the bytes of each page's file.
pub fn load(gold: &Path) -> Result<(Vec<SnippetPage>, PageFiles), EvalError> {
    let gold_path = gold.join(GOLD_FILE);
    let pages =
        parse_gold(&read_text(&gold_path)?).map_err(|m| EvalError::format(&gold_path, m))?;
    let archive = gold.join(ARCHIVE_FILE);
    let packed = std::fs::read(&archive).map_err(|e| EvalError::io(&archive, e))?;
    let mut raw = Vec::new();
    lzma_rs::xz_decompress(&mut &packed[..], &mut raw)
        .map_err(|e| EvalError::format(&archive, format!("not xz data: {e}")))?;
    drop(packed);
    let entries = super::tar::read_tar(&raw).map_err(|m| EvalError::format(&archive, m))?;
    drop(raw);
    let mut files: HashMap<String, Vec<u8>> = HashMap::new();
    // `eval/` is looked in first: its copy wins over one under `cache/`.
    let mut entries: Vec<_> = entries
        .into_iter()
        .filter_map(|e| {
            let rank = if e.path.starts_with("eval/") {
                0
            } else if e.path.starts_with("cache/") {
                1
            } else {
                return None;
            };
            Some((rank, e))
        })
        .collect();
    entries.sort_by_key(|(rank, _)| *rank);
    for (_, entry) in entries {
        let name = entry
            .path
            .split_once('/')
            .map_or("", |(_, n)| n)
            .to_string();
        files.entry(name).or_insert(entry.data);
    }
    Ok((pages, files))
}

/// Trafilatura's matching: white space runs as one space, then substring search.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (true positives, false positives, false negatives, true negatives) of one page's
/// extraction, as trafilatura's `eval_common.count_item` counts them; `None` is a page the
/// extractor gave nothing for.
pub fn count(page: &SnippetPage, extracted: Option<&str>) -> [usize; 4] {
    let text = extracted.map(normalize);
    let found = |s: &String| text.as_deref().is_some_and(|t| t.contains(&normalize(s)));
    let tp = page.with.iter().filter(|s| found(s)).count();
    let fp = page.without.iter().filter(|s| found(s)).count();
    [tp, fp, page.with.len() - tp, page.without.len() - fp]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_matched_after_white_space_is_normalized() {
        let pages = parse_gold(
            r#"{"https://b.example/": {"file": "b.html", "with": ["Die  GEMA\ndreht", "missing"], "without": ["Impressum", "31. Mai"]},
                "https://a.example/": {"file": "a.html", "with": ["x"], "without": ["y"]}}"#,
        )
        .unwrap();
        assert_eq!(pages[0].url, "https://a.example/");
        let page = &pages[1];
        assert_eq!(
            count(page, Some("Die GEMA dreht völlig.\n\nImpressum")),
            [1, 1, 1, 1]
        );
        assert_eq!(count(page, None), [0, 0, 2, 2]);
        assert!(parse_gold(r#"{"u": {"with": []}}"#).is_err());
    }
}
