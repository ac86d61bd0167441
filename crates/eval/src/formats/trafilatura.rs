//! Trafilatura's own extraction benchmark as it ships: `evaldata.json` maps a page URL to
//! `{"file", "with": [...], "without": [...]}` (snippets a correct extraction must contain, and
//! boilerplate it must not), and `html.tar.xz` holds the pages as `eval/<file>` or
//! `cache/<file>` (looked for under `eval/` first, as the benchmark does). Pages are kept as
//! raw bytes: many are not UTF-8, and decoding them is part of what is measured.
//!
//! The set ships without a split, so one is fixed here ([`split`]): pages ordered by the
//! FNV-1a hash of `trafilatura-eval:` + their URL, the first half the dev half (looked at
//! while tuning the extractor), the second the held test half.

use crate::{read_text, EvalError, Split};
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

/// The pages of one half of the set (`None`: all of them), in their original order. The halves
/// depend only on the pages' URLs, not on the order they are read in.
pub fn split(pages: Vec<SnippetPage>, half: Option<Split>) -> Vec<SnippetPage> {
    let Some(half) = half else {
        return pages;
    };
    let mut order: Vec<(u64, &str)> = pages
        .iter()
        .map(|p| {
            (
                crate::fnv1a(&format!("trafilatura-eval:{}", p.url)),
                p.url.as_str(),
            )
        })
        .collect();
    order.sort_unstable();
    let dev: std::collections::HashSet<String> = order[..order.len() / 2]
        .iter()
        .map(|(_, url)| url.to_string())
        .collect();
    pages
        .into_iter()
        .filter(|p| dev.contains(&p.url) == (half == Split::Dev))
        .collect()
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

/// The snippets one page's extraction got wrong, as trafilatura's `eval_common.count_item`
/// judges them: `with` snippets it lacks (false negatives) and `without` snippets it holds
/// (false positives); `None` is a page the extractor gave nothing for.
pub fn misses<'a>(
    page: &'a SnippetPage,
    extracted: Option<&str>,
) -> (Vec<&'a String>, Vec<&'a String>) {
    let text = extracted.map(normalize);
    let found = |s: &&String| text.as_deref().is_some_and(|t| t.contains(&normalize(s)));
    let missed = page.with.iter().filter(|s| !found(s)).collect();
    let leaked = page.without.iter().filter(found).collect();
    (missed, leaked)
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
        let (missed, leaked) = misses(page, Some("Die GEMA dreht völlig.\n\nImpressum"));
        assert_eq!(
            (missed, leaked),
            (vec![&page.with[1]], vec![&page.without[0]])
        );
        let (missed, leaked) = misses(page, None);
        assert_eq!((missed.len(), leaked.len()), (2, 0));
        assert!(parse_gold(r#"{"u": {"with": []}}"#).is_err());
    }

    #[test]
    fn the_halves_part_the_set_by_url() {
        let pages: Vec<SnippetPage> = (0..10)
            .map(|i| SnippetPage {
                url: format!("https://example.org/{i}"),
                file: format!("{i}.html"),
                with: vec![],
                without: vec![],
            })
            .collect();
        let dev = split(pages.clone(), Some(Split::Dev));
        let test = split(pages.clone(), Some(Split::Test));
        assert_eq!((dev.len(), test.len()), (5, 5));
        assert!(dev.iter().all(|p| !test.contains(p)));
        // A page keeps its half when the others are read in another order.
        let reversed: Vec<SnippetPage> = pages.iter().rev().cloned().collect();
        let mut dev_again = split(reversed, Some(Split::Dev));
        dev_again.reverse();
        assert_eq!(dev_again, dev);
        assert_eq!(split(pages.clone(), None), pages);
    }
}
