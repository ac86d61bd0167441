//! Reading a `.jsonl`, `.ndjson` or `.json` file into documents.
//!
//! JSON Lines are read record by record through a bounded line reader ([`Lines`]): the file
//! may be of any size, each line at most [`Limits::max_record_bytes`]; a longer line is one
//! bad record (`file#line N`, with its length), passed over without being held, and the lines
//! around it are read. Memory is that of one line plus the documents made.
//!
//! A file that is one JSON document — its first non-blank line starts an array, or starts an
//! object that does not end on that line (pretty-printed), or the file is UTF-16 — is read
//! whole under [`Limits::max_file_bytes`] by [`parse_json_records_with`], as before; so is a
//! first line of `{` that is simply broken, when the file is under that limit, so that the
//! records of a small file come out as they always did.
//!
//! A file in which no line is JSON and some line holds a NUL byte is binary, one reason for
//! the whole file rather than one per line. Deciding that needs the lines' outcomes, so bad
//! lines are held until a good one is read; after [`BINARY_WINDOW`] bad lines and no good
//! one the file is binary if a NUL byte was seen, and otherwise its bad lines are reported as
//! they come: what is held stays bounded.

use crate::jsonl::{json_line, parse_json_records_with};
use crate::lines::{Line, Lines};
use crate::{read, record_document, FileOutcome, Format, IngestError, Limits, Manifest};
use parallax_core::SkippedInput;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Bad lines held, with no good one yet, before the file's binary-or-not decision is made.
pub const BINARY_WINDOW: usize = 1_000;

/// Reads the JSON or JSON Lines file at `path` into `outcome`.
pub fn read_json(
    path: &Path,
    source: &str,
    manifest: &Manifest,
    limits: &Limits,
    outcome: &mut FileOutcome,
) -> Result<(), IngestError> {
    let (file, meta) = read::open_regular(path, u64::MAX)?;
    let io = |e| IngestError::io(path, e);
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(io)?;
    if head.is_empty() {
        return Err(IngestError::Empty);
    }
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return read_whole(path, source, manifest, limits, outcome);
    }
    if head.starts_with(b"\xef\xbb\xbf") {
        reader.consume(3);
    }
    let mut held = Held::default();
    let mut first = true;
    for line in Lines::new(reader, limits.max_record_bytes) {
        let line = line.map_err(io)?;
        let label = format!("{source}#line {}", line.number);
        let bytes = match line.line {
            Line::Read(bytes) if bytes.trim_ascii().is_empty() => continue,
            Line::Read(bytes) => bytes,
            Line::TooLong(size) => {
                first = false;
                let error = IngestError::RecordTooLarge {
                    size,
                    limit: limits.max_record_bytes,
                };
                held.bad(label, &error, outcome)?;
                continue;
            }
        };
        if std::mem::take(&mut first) {
            if let Some(whole) = one_document(&bytes) {
                if meta.len() <= limits.max_file_bytes {
                    return read_whole(path, source, manifest, limits, outcome);
                }
                if whole == Whole::Array {
                    return Err(IngestError::TooLarge {
                        size: meta.len(),
                        limit: limits.max_file_bytes,
                    });
                }
            }
        }
        if let Some(i) = memchr::memchr(0, &bytes) {
            held.nul.get_or_insert(line.offset + i as u64);
        }
        match json_line(&bytes, manifest.fields()) {
            Ok(article) => {
                held.good(outcome);
                outcome
                    .documents
                    .push(record_document(article, label, manifest));
            }
            Err(e) => held.bad(label, &e, outcome)?,
        }
    }
    held.end(outcome)
}

#[derive(Debug, PartialEq)]
enum Whole {
    Array,
    Object,
}

/// Whether a file whose first non-blank line is `line` is one JSON document, not JSON Lines.
fn one_document(line: &[u8]) -> Option<Whole> {
    let line = line.trim_ascii();
    if line.starts_with(b"[") {
        return Some(Whole::Array);
    }
    let complete = serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok();
    (line.starts_with(b"{") && !complete).then_some(Whole::Object)
}

/// The file read whole, under the file size limit, as one JSON document (or JSON Lines in
/// UTF-16).
fn read_whole(
    path: &Path,
    source: &str,
    manifest: &Manifest,
    limits: &Limits,
    outcome: &mut FileOutcome,
) -> Result<(), IngestError> {
    crate::read_whole(path, Format::Json, source, manifest, limits, outcome)
}

/// The documents of a JSON file read whole.
pub fn whole_records(
    bytes: &[u8],
    source: &str,
    manifest: &Manifest,
    outcome: &mut FileOutcome,
) -> Result<(), IngestError> {
    let records = parse_json_records_with(bytes, manifest.fields())?;
    if records.is_empty() {
        return Err(IngestError::NoText);
    }
    for record in records {
        let record_source = format!("{source}#{}", record.label);
        match record.article {
            Ok(article) => {
                outcome
                    .documents
                    .push(record_document(article, record_source, manifest))
            }
            Err(e) => outcome.skip(record_source, &e),
        }
    }
    Ok(())
}

/// Bad lines held until the file is known not to be binary.
#[derive(Default)]
struct Held {
    lines: Vec<SkippedInput>,
    /// Whether the file is known not to be binary (a good line was read, or too many bad ones
    /// without a NUL byte).
    decided: bool,
    /// Byte offset of the first NUL byte.
    nul: Option<u64>,
    seen_any: bool,
}

impl Held {
    fn good(&mut self, outcome: &mut FileOutcome) {
        self.seen_any = true;
        self.decide(outcome);
    }

    fn bad(
        &mut self,
        source: String,
        error: &IngestError,
        outcome: &mut FileOutcome,
    ) -> Result<(), IngestError> {
        self.seen_any = true;
        if self.decided {
            outcome.skip(source, error);
            return Ok(());
        }
        self.lines.push(SkippedInput {
            source,
            reason: error.to_string(),
        });
        if self.lines.len() >= BINARY_WINDOW {
            self.binary()?;
            self.decide(outcome);
        }
        Ok(())
    }

    fn decide(&mut self, outcome: &mut FileOutcome) {
        self.decided = true;
        outcome.skipped.append(&mut self.lines);
    }

    fn binary(&self) -> Result<(), IngestError> {
        match self.nul {
            Some(offset) => Err(IngestError::Binary {
                offset: offset as usize,
            }),
            None => Ok(()),
        }
    }

    fn end(mut self, outcome: &mut FileOutcome) -> Result<(), IngestError> {
        if !self.seen_any {
            return Err(IngestError::Empty);
        }
        if !self.decided {
            self.binary()?;
            self.decide(outcome);
        }
        Ok(())
    }
}
