//! Why an input could not be read. Each variant's message is what a user sees in the
//! dossier's `skipped` list and on stderr, so it names the reason plainly.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("the record is {size} bytes, over the {limit}-byte limit for one record")]
    RecordTooLarge { size: u64, limit: u64 },
    #[error("the file holds more than the {limit}-byte limit (reading stopped there)")]
    OverLimit { limit: u64 },
    #[error("{kind}, not a regular file: not read")]
    NotRegular { kind: &'static str },
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("binary content (NUL byte at byte offset {offset}), not text")]
    Binary { offset: usize },
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("malformed WARC: {0}")]
    Warc(String),
    #[error("malformed gzip data: {0}")]
    Gzip(String),
    #[error("malformed manifest: {0}")]
    Manifest(String),
    #[error("no article text found")]
    NoText,
    #[error("the record has no article text in any of the fields {tried} (its fields: {found}): name the text field with --field text=NAME")]
    NoTextField { tried: String, found: String },
    #[error("malformed feed: {0}")]
    Feed(String),
    #[error("the feed item has no content, content:encoded, description or summary")]
    FeedItemEmpty,
    #[error("an XML file whose root element is <{root}>, not an RSS or Atom feed")]
    NotAFeed { root: String },
    #[error("--field {0}")]
    Field(String),
    #[error("unsupported file type (supported: .txt .md .html .htm .jsonl .ndjson .json .warc .warc.gz .xml .rss .atom)")]
    Unsupported,
}

impl IngestError {
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        IngestError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
