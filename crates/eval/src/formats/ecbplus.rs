//! ECB+ documents as compiled in `documents.jsonl`: one JSON object per line with `doc_id`,
//! `topic`, `subtopic` (the gold event cluster), `title` and `text`.
//!
//! Quirk handled: `title` holds the document's first sentence and `text` the rest, so the
//! full document is `title + " " + text` ([`EcbDocument::full_text`]).

use crate::{read_text, EvalError};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name inside the dataset folder.
pub const DOCUMENTS_FILE: &str = "documents.jsonl";

/// One ECB+ document with its gold topic and event cluster.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EcbDocument {
    pub doc_id: String,
    pub topic: String,
    pub subtopic: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
}

impl EcbDocument {
    /// The whole document: the first sentence (stored as `title`) and the rest.
    pub fn full_text(&self) -> String {
        match (self.title.trim().is_empty(), self.text.trim().is_empty()) {
            (true, _) => self.text.clone(),
            (false, true) => self.title.clone(),
            (false, false) => format!("{} {}", self.title, self.text),
        }
    }
}

/// `path` itself when it is a file, else `documents.jsonl` in the dataset folder.
pub fn documents_file(path: &Path) -> PathBuf {
    if path.is_file() {
        path.to_path_buf()
    } else {
        path.join(DOCUMENTS_FILE)
    }
}

/// Reads a documents JSONL file.
pub fn read(path: &Path) -> Result<Vec<EcbDocument>, EvalError> {
    parse(&read_text(path)?).map_err(|message| EvalError::format(path, message))
}

/// Parses JSONL text; the error names the offending line.
pub fn parse(text: &str) -> Result<Vec<EcbDocument>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| {
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", number + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_joins_title() {
        let text = "{\"doc_id\": \"9_1ecb\", \"topic\": \"9\", \"subtopic\": \"9ecb\", \
                    \"title\": \"A ferry sank.\", \"text\": \"Ten were rescued.\"}\n\n\
                    {\"doc_id\": \"9_2ecbplus\", \"topic\": \"9\", \"subtopic\": \"9ecbplus\", \
                    \"title\": \"\", \"text\": \"Another ferry.\"}\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].full_text(), "A ferry sank. Ten were rescued.");
        assert_eq!(docs[1].full_text(), "Another ferry.");
        assert_eq!(docs[1].subtopic, "9ecbplus");
        assert!(parse("{\"doc_id\": 1}").is_err());
    }
}
