//! WARC and WARC.gz crawl archives: each HTML response (or resource) record becomes one
//! article. Records are framed here with the `warc` crate's header parser, so that a malformed
//! record costs only that record: reading resumes at the next `WARC/` version line.
//!
//! A `.warc.gz` file is a series of gzip members (crawlers write one per record). They are
//! decompressed one at a time ([`gunzip_members`]), so a damaged member costs only the records
//! it holds: the output of the intact members around it is kept, the damage is named by its
//! byte offset, and reading resumes at the next gzip header.

use crate::IngestError;
use memchr::memmem;
use parallax_core::Diagnostic;
use std::io::Read;

/// An HTML page found in a WARC record, with what the record says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct WarcPage {
    pub html: String,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date` (the capture time).
    pub date: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One record: its 1-based position in the file and its page, `None` when the record holds no
/// HTML page (request, metadata, images, redirects…), or why it could not be read.
#[derive(Debug)]
pub struct WarcRecord {
    pub number: usize,
    pub page: Result<Option<WarcPage>, IngestError>,
}

/// Decompresses a (multi-member) gzip file, refusing to produce more than `limit` bytes.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| IngestError::Gzip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(IngestError::Gzip(format!(
            "decompresses to more than {limit} bytes"
        )));
    }
    Ok(out)
}

/// A stretch of decompressed output, from members read one after the other without damage.
#[derive(Debug, PartialEq)]
pub struct Stretch {
    /// Byte offset in the compressed file of the stretch's first member.
    pub offset: usize,
    pub bytes: Vec<u8>,
    /// Whether the stretch is what a damaged member gave before its damage was found: its
    /// last record is usually cut off, and its other bytes may be wrong.
    pub damaged: bool,
}

/// A `.warc.gz` file decompressed member by member.
#[derive(Debug, Default, PartialEq)]
pub struct Members {
    pub stretches: Vec<Stretch>,
    /// (byte offset of the member in the compressed file, what is wrong with it).
    pub damage: Vec<(usize, String)>,
}

/// The gzip header's first bytes: magic and the deflate method.
const GZIP_HEADER: &[u8] = &[0x1f, 0x8b, 0x08];

/// Decompresses a multi-member gzip file one member at a time, refusing to produce more than
/// `limit` bytes in all. A member that fails to decompress is reported with its offset; what
/// it gave before failing is kept as a damaged stretch, and reading resumes at the next gzip
/// header after the member's start. Fails as a whole only when nothing at all decompresses.
pub fn gunzip_members(bytes: &[u8], limit: u64) -> Result<Members, IngestError> {
    let mut members = Members::default();
    let mut run = Vec::new();
    let mut run_start = 0;
    let mut total: u64 = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        if bytes[pos..].iter().all(|&b| b == 0) {
            break; // zero padding after the last member
        }
        let mut input = &bytes[pos..];
        let mut out = Vec::new();
        let result = flate2::bufread::GzDecoder::new(&mut input)
            .take(limit.saturating_sub(total).saturating_add(1))
            .read_to_end(&mut out);
        let consumed = bytes.len() - pos - input.len();
        total += out.len() as u64;
        if total > limit {
            return Err(IngestError::Gzip(format!(
                "decompresses to more than {limit} bytes"
            )));
        }
        match result {
            Ok(_) if consumed > 0 => {
                if run.is_empty() {
                    run_start = pos;
                }
                run.extend_from_slice(&out);
                pos += consumed;
            }
            outcome => {
                let reason = match outcome {
                    Err(e) => e.to_string(),
                    Ok(_) => "not gzip data".to_string(),
                };
                members.damage.push((pos, reason));
                if !run.is_empty() {
                    members.stretches.push(Stretch {
                        offset: run_start,
                        bytes: std::mem::take(&mut run),
                        damaged: false,
                    });
                }
                if !out.is_empty() {
                    members.stretches.push(Stretch {
                        offset: pos,
                        bytes: out,
                        damaged: true,
                    });
                }
                pos = memmem::find(&bytes[pos + 1..], GZIP_HEADER)
                    .map_or(bytes.len(), |i| pos + 1 + i);
            }
        }
    }
    if !run.is_empty() {
        members.stretches.push(Stretch {
            offset: run_start,
            bytes: run,
            damaged: false,
        });
    }
    if members.stretches.is_empty() {
        let reason = members
            .damage
            .first()
            .map_or_else(|| "no data".to_string(), |(_, r)| r.clone());
        return Err(IngestError::Gzip(reason));
    }
    Ok(members)
}

/// Splits an uncompressed WARC file into records.
pub fn parse_warc(bytes: &[u8]) -> Result<Vec<WarcRecord>, IngestError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if !bytes[start..].starts_with(b"WARC/") {
        return Err(IngestError::Warc(
            "does not start with a `WARC/` version line".into(),
        ));
    }
    let mut records = Vec::new();
    let mut pos = start;
    while pos < bytes.len() {
        let number = records.len() + 1;
        match frame(&bytes[pos..]) {
            Ok((headers, body, consumed)) => {
                records.push(WarcRecord {
                    number,
                    page: page(&headers, body),
                });
                pos += consumed;
            }
            Err(e) => {
                records.push(WarcRecord {
                    number,
                    page: Err(e),
                });
                match memmem::find(&bytes[pos + 1..], b"\nWARC/") {
                    Some(offset) => pos += offset + 2,
                    None => break,
                }
            }
        }
        pos += bytes[pos..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
    }
    Ok(records)
}

type Headers = Vec<(String, String)>;

/// Parses the record at the start of `input`: its headers, its body, and the bytes consumed.
fn frame(input: &[u8]) -> Result<(Headers, &[u8], usize), IngestError> {
    let (rest, (_, headers, length)) = warc::parser::headers(input)
        .map_err(|_| IngestError::Warc("unreadable record header block".into()))?;
    let rest = rest
        .strip_prefix(b"\r\n")
        .or_else(|| rest.strip_prefix(b"\n"))
        .ok_or_else(|| IngestError::Warc("record header block not ended by a blank line".into()))?;
    let body_start = input.len() - rest.len();
    let body = rest.get(..length).ok_or_else(|| {
        IngestError::Warc(format!(
            "Content-Length {length} runs past the end of the file"
        ))
    })?;
    let headers = headers
        .into_iter()
        .map(|(k, v)| {
            (
                k.to_ascii_lowercase(),
                String::from_utf8_lossy(v).trim().to_string(),
            )
        })
        .collect();
    Ok((headers, body, body_start + length))
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn page(headers: &Headers, body: &[u8]) -> Result<Option<WarcPage>, IngestError> {
    let kind = header(headers, "warc-type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut diagnostics = Vec::new();
    let (content_type, payload) = match kind.as_str() {
        "response" => match http_payload(body, &mut diagnostics)? {
            Some(found) => found,
            None => return Ok(None),
        },
        "resource" => (
            header(headers, "content-type").unwrap_or("").to_string(),
            body.to_vec(),
        ),
        _ => return Ok(None),
    };
    if !is_html(&content_type, &payload) {
        return Ok(None);
    }
    let (html, notes) =
        crate::decode::decode_markup(&payload, crate::decode::charset_param(&content_type))?;
    diagnostics.extend(notes);
    Ok(Some(WarcPage {
        html,
        url: header(headers, "warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty()),
        date: header(headers, "warc-date").map(str::to_string),
        diagnostics,
    }))
}

/// Splits an HTTP response into its content type and (decoded) body; `None` for a response
/// that carries no page (a status other than 2xx).
fn http_payload(
    message: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<(String, Vec<u8>)>, IngestError> {
    let (head, body) = match memmem::find(message, b"\r\n\r\n") {
        Some(i) => (&message[..i], &message[i + 4..]),
        None => match memmem::find(message, b"\n\n") {
            Some(i) => (&message[..i], &message[i + 2..]),
            None => {
                return Err(IngestError::Warc(
                    "HTTP response without a header block".into(),
                ))
            }
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(IngestError::Warc(format!(
            "not an HTTP status line: {:.60}",
            status
        )));
    }
    if !code.starts_with('2') {
        return Ok(None);
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut gzipped = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value,
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => gzipped = value.contains("gzip"),
            _ => {}
        }
    }
    let mut body = body.to_vec();
    // Archives differ in whether they store bodies as sent or already decoded, so each
    // decoding is applied only where the bytes actually have that shape.
    if chunked {
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    if gzipped && body.starts_with(&[0x1f, 0x8b]) {
        match gunzip(&body, crate::Limits::default().max_decompressed_bytes) {
            Ok(plain) => body = plain,
            Err(e) => diagnostics.push(Diagnostic::warning("ingest", format!("HTTP body: {e}"))),
        }
    }
    Ok(Some((content_type, body)))
}

/// Joins an HTTP/1.1 chunked body; `None` when it is not well-formed chunked data.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = memmem::find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

fn is_html(content_type: &str, payload: &[u8]) -> bool {
    if content_type.contains("html") {
        return true;
    }
    if !content_type.is_empty() && !content_type.starts_with("text/plain") {
        return false;
    }
    let start: Vec<u8> = payload
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A WARC record with a correct Content-Length.
    pub(crate) fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    pub(crate) const PAGE: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>T</title></head><body><p>Hello.</p></body></html>";

    #[test]
    fn html_responses_become_pages_others_are_ignored() {
        let warc = format!(
            "{}{}{}",
            record("warcinfo", "", "software: x"),
            record("response", "https://a.example/1", PAGE),
            record(
                "response",
                "https://a.example/2",
                "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"
            ),
        );
        let records = parse_warc(warc.as_bytes()).unwrap();
        assert_eq!(records.len(), 3);
        assert!(matches!(records[0].page, Ok(None)));
        let page = records[1].page.as_ref().unwrap().as_ref().unwrap();
        assert!(page.html.starts_with("<html>"));
        assert_eq!(page.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(page.date.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert!(matches!(records[2].page, Ok(None)));
    }

    #[test]
    fn a_bad_record_costs_only_itself() {
        let good = record("response", "https://a.example/1", PAGE);
        let warc = format!("{good}WARC/1.0\r\nthis is not a header\r\n\r\njunk\r\n\r\n{good}");
        let records = parse_warc(warc.as_bytes()).unwrap();
        assert_eq!(records.len(), 3);
        assert!(records[0].page.as_ref().unwrap().is_some());
        assert!(records[1].page.is_err());
        assert_eq!(records[2].number, 3);
        assert!(records[2].page.as_ref().unwrap().is_some());
    }

    #[test]
    fn truncated_and_non_warc_inputs() {
        let good = record("response", "https://a.example/1", PAGE);
        let truncated = &good[..good.len() - 40];
        let records = parse_warc(truncated.as_bytes()).unwrap();
        assert!(records[0]
            .page
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("Content-Length"));
        assert!(parse_warc(b"<html>not a warc</html>").is_err());
        let huge =
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 18446744073709551615\r\n\r\nx";
        assert!(parse_warc(huge.as_bytes()).unwrap()[0].page.is_err());
    }

    #[test]
    fn chunked_and_gzip_bodies() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n1\r\n!\r\n0\r\n\r\n").unwrap(),
            b"Hello!"
        );
        assert!(dechunk(b"zz\r\n").is_none());
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"abc").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(gunzip(&gz, 10).unwrap(), b"abc");
        assert!(gunzip(&gz, 2).is_err());
        assert!(gunzip(b"not gzip", 10).is_err());
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn a_damaged_member_costs_only_its_own_output() {
        let (a, b, c) = (gz(b"first "), gz(b"second "), gz(b"third"));
        let mut damaged = b.clone();
        let mid = damaged.len() / 2;
        damaged[mid..].iter_mut().for_each(|x| *x ^= 0x5a);
        let file = [a.clone(), damaged, c.clone(), vec![0; 16]].concat();
        let members = gunzip_members(&file, 1 << 20).unwrap();
        assert_eq!(members.damage.len(), 1, "{members:?}");
        assert_eq!(members.damage[0].0, a.len());
        let intact: Vec<&[u8]> = members
            .stretches
            .iter()
            .filter(|s| !s.damaged)
            .map(|s| s.bytes.as_slice())
            .collect();
        assert_eq!(intact, vec![b"first ".as_slice(), b"third".as_slice()]);

        let whole = [a, b, c].concat();
        let members = gunzip_members(&whole, 1 << 20).unwrap();
        assert!(members.damage.is_empty());
        assert_eq!(members.stretches[0].bytes, b"first second third");
        assert!(
            gunzip_members(&whole, 10).is_err(),
            "limit over all members"
        );
        assert!(gunzip_members(b"not gzip", 10).is_err());
    }
}
