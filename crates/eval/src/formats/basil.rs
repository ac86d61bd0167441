//! BASIL articles (`basil-dev/articles/YYYY/<triplet>_<n>.json`): one JSON object per file with
//! `title`, `date`, `source` (`nyt`, `fox`, `hpo`), `url` and `body-paragraphs`, a list of
//! paragraphs each given as a list of sentences.
//!
//! The article text is rebuilt the way a reader sees the page: the title, a blank line, then the
//! paragraphs separated by blank lines, each paragraph's sentences trimmed and joined by one
//! space (empty sentences and paragraphs left out). Character offsets into this text are what
//! the real-coverage gold (`eval/coverage`) points at.

use crate::{read_text, EvalError};
use serde::Deserialize;
use std::path::Path;

/// One BASIL article as its file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BasilArticle {
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    /// `nyt`, `fox` or `hpo` (case varies across files).
    pub source: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(rename = "body-paragraphs")]
    pub paragraphs: Vec<Vec<String>>,
}

impl BasilArticle {
    /// The article text: title, blank line, paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        let mut text = self.title.trim().to_string();
        for paragraph in &self.paragraphs {
            let sentences: Vec<&str> = paragraph
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            if !sentences.is_empty() {
                text.push_str("\n\n");
                text.push_str(&sentences.join(" "));
            }
        }
        text
    }

    /// The outlet's name for the `source` code (`hpo` is HuffPost).
    pub fn outlet(&self) -> &str {
        match self.source.to_ascii_lowercase().as_str() {
            "nyt" => "The New York Times",
            "fox" => "Fox News",
            "hpo" => "HuffPost",
            _ => self.source.as_str(),
        }
    }
}

/// Reads one article file.
pub fn read(path: &Path) -> Result<BasilArticle, EvalError> {
    serde_json::from_str(&read_text(path)?).map_err(|e| EvalError::format(path, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_joins_title_paragraphs_and_sentences() {
        let article: BasilArticle = serde_json::from_str(
            r#"{"title": " Steele Criticized ", "date": "2010-07-02", "source": "NYT",
                "body-paragraphs": [["WASHINGTON — One. ", "Two."], [], ["", "Three."]]}"#,
        )
        .unwrap();
        assert_eq!(
            article.text(),
            "Steele Criticized\n\nWASHINGTON — One. Two.\n\nThree."
        );
        assert_eq!(article.outlet(), "The New York Times");
        assert_eq!(article.date.as_deref(), Some("2010-07-02"));
    }

    #[test]
    fn a_file_without_paragraphs_is_an_error() {
        assert!(
            serde_json::from_str::<BasilArticle>(r#"{"title": "T", "source": "fox"}"#).is_err()
        );
    }
}
