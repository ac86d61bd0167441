//! The Business Energy News story-chain dataset (Gedikli et al. 2021): `article_texts.csv`
//! (comma-separated, quoted: `url, paperurl, title, date, text, …`) and `pairs.csv`
//! (`;`-separated, BOM: `url1;url2;relation;…`, relation 1 = same story chain).
//!
//! Quirks handled: quoted fields contain commas, doubled quotes and line breaks, so records
//! are read with a small RFC 4180 scanner rather than by lines; columns are found by header
//! name; pairs join to articles on URL.

use crate::{read_text, EvalError};
use std::path::Path;

pub const ARTICLES_FILE: &str = "article_texts.csv";
pub const PAIRS_FILE: &str = "pairs.csv";

/// One article of the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainArticle {
    pub url: String,
    /// The outlet's home page.
    pub outlet: String,
    pub title: String,
    /// `YYYY-MM-DD hh:mm:ss`.
    pub date: String,
    pub text: String,
}

/// One judged pair of articles, by URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainPair {
    pub url1: String,
    pub url2: String,
    pub same_story: bool,
}

/// Reads the articles and the judged pairs from the dataset folder.
pub fn read(folder: &Path) -> Result<(Vec<ChainArticle>, Vec<ChainPair>), EvalError> {
    let articles_path = folder.join(ARTICLES_FILE);
    let pairs_path = folder.join(PAIRS_FILE);
    let articles = parse_articles(&read_text(&articles_path)?)
        .map_err(|m| EvalError::format(&articles_path, m))?;
    let pairs =
        parse_pairs(&read_text(&pairs_path)?).map_err(|m| EvalError::format(&pairs_path, m))?;
    Ok((articles, pairs))
}

/// Parses `article_texts.csv`.
pub fn parse_articles(text: &str) -> Result<Vec<ChainArticle>, String> {
    let table = Table::parse(text, ',', &["url", "paperurl", "title", "date", "text"])?;
    Ok(table
        .rows
        .iter()
        .map(|row| ChainArticle {
            url: table.get(row, 0),
            outlet: table.get(row, 1),
            title: table.get(row, 2),
            date: table.get(row, 3),
            text: table.get(row, 4),
        })
        .collect())
}

/// Parses `pairs.csv`.
pub fn parse_pairs(text: &str) -> Result<Vec<ChainPair>, String> {
    let table = Table::parse(text, ';', &["url1", "url2", "relation"])?;
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let same_story = match table.get(row, 2).trim() {
                "1" => true,
                "0" => false,
                other => return Err(format!("record {}: unknown relation `{other}`", i + 2)),
            };
            Ok(ChainPair {
                url1: table.get(row, 0),
                url2: table.get(row, 1),
                same_story,
            })
        })
        .collect()
}

/// Records under a header, with the positions of the wanted columns.
struct Table {
    columns: Vec<usize>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str, delimiter: char, wanted: &[&str]) -> Result<Table, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut records = records(text, delimiter).into_iter();
        let header = records.next().ok_or("empty file")?;
        let columns = wanted
            .iter()
            .map(|name| {
                header
                    .iter()
                    .position(|h| h.trim() == *name)
                    .ok_or_else(|| format!("no `{name}` column in the header"))
            })
            .collect::<Result<Vec<usize>, String>>()?;
        let rows = records
            .filter(|r| !(r.len() == 1 && r[0].trim().is_empty()))
            .collect();
        Ok(Table { columns, rows })
    }

    /// The `i`-th wanted column of `row` (empty when the record is short).
    fn get(&self, row: &[String], i: usize) -> String {
        self.columns
            .get(i)
            .and_then(|&c| row.get(c))
            .cloned()
            .unwrap_or_default()
    }
}

/// Splits delimited text into records of fields; quoted fields may hold delimiters, doubled
/// quotes and line breaks.
fn records(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else if c == '"' && field.is_empty() {
            quoted = true;
        } else if c == delimiter {
            record.push(std::mem::take(&mut field));
        } else if c == '\n' {
            record.push(std::mem::take(&mut field));
            out.push(std::mem::take(&mut record));
        } else if c != '\r' {
            field.push(c);
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push(record);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_articles_and_pairs() {
        let articles = "\"url\",\"paperurl\",\"title\",\"date\",\"text\",\"summary\"\n\
                        \"u1\",\"https://a.example/\",\"Wind, solar\",\"2021-06-01 00:00:00\",\
                        \"He said \"\"yes\"\".\nNew line.\",\"s\"\n\
                        \"u2\",\"https://b.example/\",\"T\",\"2021-06-02 10:00:00\",\"x\",\"s\"\n";
        let parsed = parse_articles(articles).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].title, "Wind, solar");
        assert_eq!(parsed[0].text, "He said \"yes\".\nNew line.");
        assert_eq!(parsed[1].outlet, "https://b.example/");
        let pairs = "\u{feff}url1;url2;relation;title1\nu1;u2;1;A\nu2;u1;0;B\n";
        let parsed = parse_pairs(pairs).unwrap();
        assert_eq!(parsed.len(), 2);
        assert!(parsed[0].same_story && !parsed[1].same_story);
        assert!(parse_pairs("url1;relation\n").is_err());
    }
}
