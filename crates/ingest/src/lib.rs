//! Reading articles into [`Document`]s: plain text, HTML (main-content extraction), JSON Lines,
//! WARC archives and RSS / Atom feeds, with metadata from a manifest, the files themselves, or
//! inference. Bytes in legacy encodings are decoded ([`decode`](crate::decode_text)), text
//! decoded twice is repaired (`mojibake`), and each says so in a diagnostic.
//!
//! Reading never fails as a whole and never panics: every file that cannot be used, and every
//! bad record inside a JSON Lines or WARC file, becomes one [`SkippedInput`] naming the input
//! and the reason, and the rest is read. JSON Lines files are read record by record, whatever
//! their size (the size limit applies to each record).
//!
//! # Example
//!
//! The article body of a page, without its navigation, with what the page says about itself.
//!
//! ```
//! let page = r#"<html><head><title>Troops cross the border</title></head><body>
//! <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//! <article><h1>Troops cross the border</h1>
//! <p>Russian troops crossed into Georgia on Friday, officials in Tbilisi said.</p>
//! <p>The fighting around Tskhinvali continued into the night, witnesses said.</p></article>
//! <footer>Copyright 2008</footer></body></html>"#;
//! let page = parallax_ingest::extract_html(page, Some("https://example.com/troops"));
//! assert!(page.text.starts_with("Russian troops crossed into Georgia"));
//! assert!(!page.text.contains("Copyright"));
//! assert_eq!(page.meta.title.as_deref(), Some("Troops cross the border"));
//! ```

mod dates;
mod decode;
mod discover;
mod error;
mod feed;
mod fields;
mod html;
mod id;
mod json_file;
mod jsonl;
mod limits;
mod lines;
mod manifest;
mod meta;
mod mojibake;
mod read;
mod text;
mod warc;
mod wordlist;

pub use decode::{decode_markup, decode_text};
pub use discover::{discover, discover_inputs, is_paperwork, Discovery, Format};
pub use error::IngestError;
pub use feed::{is_feed, parse_feed, FeedItem, ItemText};
pub use fields::{Field, FieldNames};
pub use html::{extract_html, Extracted};
pub use id::document_id;
pub use jsonl::{article, parse_json_records, parse_json_records_with, JsonRecord};
pub use limits::Limits;
pub use manifest::Manifest;
pub use warc::{gunzip, gunzip_members, parse_warc, Members, Stretch, WarcPage, WarcRecord};

use meta::{make_document, Inferred};
use parallax_core::{Diagnostic, Document, DocumentMeta, SkippedInput};
use std::path::Path;

/// What reading one file gave: its documents, and the file or records that were skipped.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub documents: Vec<Document>,
    pub skipped: Vec<SkippedInput>,
}

impl FileOutcome {
    fn skip(&mut self, source: String, error: &IngestError) {
        self.skipped.push(SkippedInput {
            source,
            reason: error.to_string(),
        });
    }
}

/// Reads one file into documents. Never panics; see the crate documentation for how failures
/// are reported.
pub fn read_file(path: &Path, manifest: &Manifest, limits: &Limits) -> FileOutcome {
    let source = path.display().to_string();
    let mut outcome = FileOutcome::default();
    if let Err(e) = read_into(path, &source, manifest, limits, &mut outcome) {
        outcome.skip(source, &e);
    }
    outcome
}

/// The document of one article record (text and metadata as [`article`] reads them
/// from a JSON object), as JSON files make them: newlines normalized, the manifest's row for
/// its URL first. For callers that hold records rather than files (the Python package).
pub fn record_document(
    (text, own): (String, DocumentMeta),
    source: String,
    manifest: &Manifest,
) -> Document {
    let mut diagnostics = Vec::new();
    let text = decode::normalize_newlines(text, &mut diagnostics);
    let row = own.url.as_deref().and_then(|u| manifest.for_url(u));
    make_document(text, source, row, own, Inferred::default(), diagnostics)
}

fn read_into(
    path: &Path,
    source: &str,
    manifest: &Manifest,
    limits: &Limits,
    outcome: &mut FileOutcome,
) -> Result<(), IngestError> {
    match Format::of(path).ok_or(IngestError::Unsupported)? {
        Format::Json => json_file::read_json(path, source, manifest, limits, outcome),
        format => read_whole(path, format, source, manifest, limits, outcome),
    }
}

/// Reads a file whole, under the file size limit (JSON only when it is one JSON document).
fn read_whole(
    path: &Path,
    format: Format,
    source: &str,
    manifest: &Manifest,
    limits: &Limits,
    outcome: &mut FileOutcome,
) -> Result<(), IngestError> {
    let bytes = read::read_limited(path, limits.max_file_bytes)?;
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    match format {
        Format::Text => {
            let (text, mut diagnostics) = decode::decode_text(&bytes)?;
            let (text, inferred) = text::plain_text(text, &mut diagnostics);
            let own = DocumentMeta::default();
            let doc = make_document(
                text,
                source.into(),
                manifest.for_path(path),
                own,
                inferred,
                diagnostics,
            );
            outcome.documents.push(doc);
        }
        Format::Html if feed::is_feed(&bytes) => feed_documents(&bytes, source, manifest, outcome)?,
        Format::Feed => match feed::root_element(&bytes) {
            Some(root) if !feed::is_feed(&bytes) => return Err(IngestError::NotAFeed { root }),
            _ => feed_documents(&bytes, source, manifest, outcome)?,
        },
        Format::Html => {
            let (html, diagnostics) = decode::decode_markup(&bytes, None)?;
            let doc = html_document(&html, None, source.into(), diagnostics, |meta| {
                manifest
                    .for_path(path)
                    .or_else(|| manifest.for_url(meta.url.as_deref()?))
            })?;
            outcome.documents.push(doc);
        }
        Format::Json => json_file::whole_records(&bytes, source, manifest, outcome)?,
        Format::Warc => {
            let records = warc::parse_warc(&bytes)?;
            let pages = warc_documents(records, 0, false, source, manifest, outcome);
            if pages == 0 && outcome.skipped.is_empty() {
                return Err(IngestError::Warc("no HTML response records".into()));
            }
        }
        Format::WarcGz => {
            let members = warc::gunzip_members(&bytes, limits.max_decompressed_bytes)?;
            for (offset, reason) in &members.damage {
                outcome.skipped.push(SkippedInput {
                    source: format!("{source}#gzip member at byte {offset}"),
                    reason: format!(
                        "damaged gzip data ({reason}): its records from the damage on are lost"
                    ),
                });
            }
            let (mut pages, mut numbered) = (0, 0);
            for stretch in &members.stretches {
                match warc::parse_warc(&stretch.bytes) {
                    Ok(records) => {
                        let count = records.len();
                        pages += warc_documents(
                            records,
                            numbered,
                            stretch.damaged,
                            source,
                            manifest,
                            outcome,
                        );
                        numbered += count;
                    }
                    Err(e) if members.damage.is_empty() => return Err(e),
                    // What a damaged member gave may not start at a record: its damage is
                    // already named.
                    Err(_) if stretch.damaged => {}
                    Err(e) => outcome.skip(
                        format!("{source}#gzip member at byte {}", stretch.offset),
                        &e,
                    ),
                }
            }
            if pages == 0 && outcome.skipped.is_empty() {
                return Err(IngestError::Warc("no HTML response records".into()));
            }
        }
    }
    Ok(())
}

/// Turns a feed's items into documents, naming each item without text.
fn feed_documents(
    bytes: &[u8],
    source: &str,
    manifest: &Manifest,
    outcome: &mut FileOutcome,
) -> Result<(), IngestError> {
    let (text, diagnostics) = decode::decode_markup(bytes, None)?;
    let items = feed::parse_feed(&text)?;
    if items.is_empty() {
        return Err(IngestError::Feed("the feed has no items".into()));
    }
    for item in items {
        let item_source = format!("{source}#{}", item.label);
        let made = item.article.and_then(|article| {
            let mut notes = diagnostics.clone();
            notes.extend(article.diagnostics);
            let (text, mut own) = if article.html {
                let wrapped = format!(
                    "<html><body><article>{}</article></body></html>",
                    article.body
                );
                let extracted = html::extract_html(&wrapped, article.meta.url.as_deref());
                notes.extend(extracted.diagnostics);
                (extracted.text, article.meta)
            } else {
                let text = decode::normalize_newlines(article.body, &mut notes);
                (text, article.meta)
            };
            if text.trim().is_empty() {
                return Err(IngestError::NoText);
            }
            own.title = own.title.filter(|t| !t.is_empty());
            let row = own.url.as_deref().and_then(|u| manifest.for_url(u));
            Ok(make_document(
                text,
                item_source.clone(),
                row,
                own,
                Inferred::default(),
                notes,
            ))
        });
        match made {
            Ok(doc) => outcome.documents.push(doc),
            Err(e) => outcome.skip(item_source, &e),
        }
    }
    Ok(())
}

/// Turns WARC records into documents (records numbered after `numbered` earlier ones), naming
/// each bad record; returns how many pages became documents. Pages of a damaged gzip member
/// say so in a diagnostic.
fn warc_documents(
    records: Vec<warc::WarcRecord>,
    numbered: usize,
    damaged: bool,
    source: &str,
    manifest: &Manifest,
    outcome: &mut FileOutcome,
) -> usize {
    let mut pages = 0;
    for record in records {
        let record_source = format!("{source}#record {}", numbered + record.number);
        let result = record.page.and_then(|page| match page {
            Some(page) => warc_document(page, record_source.clone(), manifest).map(Some),
            None => Ok(None),
        });
        match result {
            Ok(Some(mut doc)) => {
                if damaged {
                    doc.diagnostics.push(Diagnostic::warning(
                        "ingest",
                        "read from a damaged gzip member: the page may be incomplete",
                    ));
                }
                pages += 1;
                outcome.documents.push(doc);
            }
            Ok(None) => {}
            Err(e) => outcome.skip(record_source, &e),
        }
    }
    pages
}

/// Extracts a page and makes its document; `row` finds the manifest row once the page's own
/// metadata (its URL) is known.
fn html_document<'m>(
    html: &str,
    url: Option<&str>,
    source: String,
    mut diagnostics: Vec<Diagnostic>,
    row: impl FnOnce(&DocumentMeta) -> Option<&'m DocumentMeta>,
) -> Result<Document, IngestError> {
    let extracted = html::extract_html(html, url);
    if extracted.text.trim().is_empty() {
        return Err(IngestError::NoText);
    }
    diagnostics.extend(extracted.diagnostics);
    let row = row(&extracted.meta);
    Ok(make_document(
        extracted.text,
        source,
        row,
        extracted.meta,
        Inferred::default(),
        diagnostics,
    ))
}

fn warc_document(
    page: WarcPage,
    source: String,
    manifest: &Manifest,
) -> Result<Document, IngestError> {
    let mut doc = html_document(
        &page.html,
        page.url.as_deref(),
        source,
        page.diagnostics,
        |meta| manifest.for_url(meta.url.as_deref()?),
    )?;
    if doc.meta.published.is_none() {
        if let Some(date) = page.date.as_deref().and_then(dates::normalize_date) {
            doc.meta.published = Some(date);
            doc.diagnostics.push(Diagnostic::info(
                "ingest",
                "publication date taken from the WARC capture date",
            ));
        }
    }
    Ok(doc)
}
