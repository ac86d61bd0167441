//! JSON Lines articles (one object per line) and JSON files holding one article object or an
//! array of them, with the field names news-please and common scrapers use, or those the user
//! names ([`FieldNames`]).

use crate::dates::normalize_date;
use crate::fields::{Field, FieldNames};
use crate::manifest::split_authors;
use crate::IngestError;
use parallax_core::DocumentMeta;
use serde_json::{Map, Value};

/// How many of a record's field names an error lists at most.
const FIELDS_LISTED: usize = 12;

/// One article record of a JSON file: where it was (`line N` or `record N`) and its text and
/// metadata, or why it could not be used.
#[derive(Debug)]
pub struct JsonRecord {
    pub label: String,
    pub article: Result<(String, DocumentMeta), IngestError>,
}

/// Splits a JSON or JSON Lines file into article records. A file starting with `[` is one JSON
/// array and fails as a whole if malformed; otherwise every non-blank line is its own record
/// (a single pretty-printed object is also accepted), so one bad line costs only that line.
/// Lines are decoded one by one: a line holding a NUL byte or invalid UTF-8 is one bad record,
/// not a bad file; a file in which no line is JSON and some line holds a NUL byte is binary.
pub fn parse_json_records(bytes: &[u8]) -> Result<Vec<JsonRecord>, IngestError> {
    parse_json_records_with(bytes, &FieldNames::default())
}

/// [`parse_json_records`] with the user's field names. A file in UTF-16 (with a byte-order
/// mark) is decoded first.
pub fn parse_json_records_with(
    bytes: &[u8],
    fields: &FieldNames,
) -> Result<Vec<JsonRecord>, IngestError> {
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    let decoded;
    let bytes = if utf16 {
        decoded = crate::decode::decode_text(bytes)?.0.into_bytes();
        &decoded[..]
    } else {
        bytes
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if start == bytes.len() {
        return Err(IngestError::Empty);
    }
    if bytes[start..].starts_with(b"[") {
        let (text, _) = crate::decode::decode_text(bytes)?;
        let items: Vec<Value> =
            serde_json::from_str(&text).map_err(|e| IngestError::Json(e.to_string()))?;
        return Ok(items
            .iter()
            .enumerate()
            .map(|(i, v)| JsonRecord {
                label: format!("record {}", i + 1),
                article: article(v, fields),
            })
            .collect());
    }
    if bytes[start..].starts_with(b"{") {
        if let Ok(value) = serde_json::from_slice::<Value>(&bytes[start..]) {
            let text = String::from_utf8_lossy(&bytes[start..]);
            if text.lines().nth(1).is_some_and(|l| !l.trim().is_empty()) {
                return Ok(vec![JsonRecord {
                    label: "record 1".into(),
                    article: article(&value, fields),
                }]);
            }
        }
    }
    let records: Vec<JsonRecord> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .map(|(i, line)| JsonRecord {
            label: format!("line {}", i + 1),
            article: json_line(line, fields),
        })
        .collect();
    let binary = memchr::memchr(0, bytes);
    if let Some(offset) = binary.filter(|_| records.iter().all(|r| r.article.is_err())) {
        return Err(IngestError::Binary { offset });
    }
    Ok(records)
}

/// One line of a JSON Lines file (its `\r` included, which JSON reads as white space).
pub(crate) fn json_line(
    line: &[u8],
    fields: &FieldNames,
) -> Result<(String, DocumentMeta), IngestError> {
    if let Some(offset) = memchr::memchr(0, line) {
        return Err(IngestError::Binary { offset });
    }
    let line = std::str::from_utf8(line).map_err(|e| IngestError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    let value =
        serde_json::from_str::<Value>(line).map_err(|e| IngestError::Json(e.to_string()))?;
    article(&value, fields)
}

/// Text and metadata of one article object, its pieces found under `fields`.
pub fn article(value: &Value, fields: &FieldNames) -> Result<(String, DocumentMeta), IngestError> {
    let object = value
        .as_object()
        .ok_or_else(|| IngestError::Json("record is not a JSON object".into()))?;
    let text = fields
        .names(Field::Text)
        .find_map(|f| text_of(object.get(f)?))
        .ok_or_else(|| no_text(object, fields))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let first = |field| first_string(object, fields.names(field));
    let meta = DocumentMeta {
        title: first(Field::Title),
        outlet: first(Field::Outlet),
        published: first(Field::Published).and_then(|d| normalize_date(&d)),
        url: first(Field::Url),
        authors: authors(object, fields),
    };
    Ok((text, meta))
}

/// An article text: a non-blank string, or a list of paragraphs joined by blank lines, each
/// paragraph a string or a list of sentence strings joined by spaces (BASIL's
/// `body-paragraphs`).
fn text_of(value: &Value) -> Option<String> {
    let paragraph = |item: &Value| match item {
        Value::String(s) => Some(s.clone()),
        Value::Array(sentences) => Some(
            sentences
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => None,
    };
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(paragraph)
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

/// The error of a record without text: the names tried and the names the record has, so that
/// the user sees which `--field text=NAME` to give.
fn no_text(object: &Map<String, Value>, fields: &FieldNames) -> IngestError {
    let mut found: Vec<&str> = object
        .keys()
        .map(String::as_str)
        .take(FIELDS_LISTED)
        .collect();
    if object.len() > FIELDS_LISTED {
        found.push("…");
    }
    IngestError::NoTextField {
        tried: fields.names(Field::Text).collect::<Vec<_>>().join(", "),
        found: if found.is_empty() {
            "none".into()
        } else {
            found.join(", ")
        },
    }
}

/// The first of `fields` holding a non-empty string (or a `{"name": ...}` object).
fn first_string<'a>(
    object: &Map<String, Value>,
    mut fields: impl Iterator<Item = &'a str>,
) -> Option<String> {
    fields.find_map(|f| match object.get(f)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name")?.as_str().map(str::to_string),
        _ => None,
    })
}

fn authors(object: &Map<String, Value>, fields: &FieldNames) -> Vec<String> {
    match fields.names(Field::Authors).find_map(|f| object.get(f)) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Object(o) => o.get("name")?.as_str().map(str::to_string),
                _ => None,
            })
            .filter(|a| !a.is_empty())
            .collect(),
        Some(Value::String(s)) => split_authors(s),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_lines_with_one_bad_line() {
        let input = concat!(
            r#"{"title":"Flood","maintext":"Water rose.","date_publish":"2024-03-01 08:00:00","source_domain":"courier.example","url":"https://courier.example/a","authors":["Ann Lee"]}"#,
            "\n\n{broken\n",
            r#"{"title":"No text here"}"#,
            "\n",
            r#"{"text":"Second.","published":"2024-03-02","outlet":"Star","authors":"A; B"}"#,
            "\n[1]\n"
        );
        let records = parse_json_records(input.as_bytes()).unwrap();
        assert_eq!(records.len(), 5);
        let (text, meta) = records[0].article.as_ref().unwrap();
        assert_eq!(text, "Water rose.");
        assert_eq!(meta.published.as_deref(), Some("2024-03-01T08:00:00"));
        assert_eq!(meta.outlet.as_deref(), Some("courier.example"));
        assert_eq!(meta.authors, vec!["Ann Lee"]);
        assert_eq!(records[1].label, "line 3");
        assert!(matches!(records[1].article, Err(IngestError::Json(_))));
        assert!(records[2]
            .article
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("no article text"));
        assert_eq!(
            records[3].article.as_ref().unwrap().1.authors,
            vec!["A", "B"]
        );
        assert!(records[4]
            .article
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("not a JSON object"));
    }

    #[test]
    fn arrays_and_single_objects() {
        let records = parse_json_records(br#"[{"body":"One."},{"content":"Two."}]"#).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].label, "record 2");
        let pretty = "{\n  \"text\": \"Pretty.\",\n  \"title\": \"T\"\n}\n";
        let records = parse_json_records(pretty.as_bytes()).unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].article.as_ref().unwrap().0, "Pretty.");
        let nested = br#"{"body-paragraphs": [["One.", "Two."], [], ["Three."]]}"#;
        let fields = FieldNames::parse(&["text=body-paragraphs".to_string()]).unwrap();
        let records = parse_json_records_with(nested, &fields).unwrap();
        assert_eq!(
            records[0].article.as_ref().unwrap().0,
            "One. Two.\n\nThree."
        );
        assert!(matches!(
            parse_json_records(b"[1, 2"),
            Err(IngestError::Json(_))
        ));
    }

    #[test]
    fn a_nul_or_undecodable_line_costs_only_itself() {
        let input =
            b"{\"text\":\"One.\"}\n\0\0\0\0\n{\"text\":\"caf\xe9\"}\r\n{\"text\":\"Two.\"}\r\n";
        let records = parse_json_records(input).unwrap();
        let labels: Vec<(&str, String)> = records
            .iter()
            .map(|r| {
                let what = match &r.article {
                    Ok((text, _)) => text.clone(),
                    Err(e) => e.to_string(),
                };
                (r.label.as_str(), what)
            })
            .collect();
        assert_eq!(labels.len(), 4, "{labels:?}");
        assert_eq!(labels[0], ("line 1", "One.".to_string()));
        assert!(
            labels[1].1.contains("NUL byte at byte offset 0"),
            "{labels:?}"
        );
        assert!(
            labels[2].1.contains("invalid UTF-8 at byte offset 12"),
            "{labels:?}"
        );
        assert_eq!(labels[3], ("line 4", "Two.".to_string()));
        assert!(matches!(
            parse_json_records(b"GIF89a\0\0\n\x01\x02\n"),
            Err(IngestError::Binary { offset: 6 })
        ));
    }

    #[test]
    fn user_field_names_and_the_hint_of_a_record_without_text() {
        let line = br#"{"id":7,"content_original":"Water rose.","date":"2024-03-01","paragraphs":["a","b"]}"#;
        let records = parse_json_records(line).unwrap();
        let error = records[0].article.as_ref().unwrap_err().to_string();
        assert_eq!(
            error,
            "the record has no article text in any of the fields maintext, text, body, content, article (its fields: content_original, date, id, paragraphs): name the text field with --field text=NAME"
        );
        let fields = FieldNames::parse(&["text=content_original", "published=date"]).unwrap();
        let records = parse_json_records_with(line, &fields).unwrap();
        let (text, meta) = records[0].article.as_ref().unwrap();
        assert_eq!(text, "Water rose.");
        assert_eq!(meta.published.as_deref(), Some("2024-03-01"));
        let fields = FieldNames::parse(&["text=paragraphs"]).unwrap();
        let records = parse_json_records_with(line, &fields).unwrap();
        assert_eq!(records[0].article.as_ref().unwrap().0, "a\n\nb");
    }

    #[test]
    fn utf16_json_lines_are_decoded() {
        let text = "{\"text\":\"Caf\u{e9}.\"}\n{\"text\":\"Two.\"}\n";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let records = parse_json_records(&bytes).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].article.as_ref().unwrap().0, "Caf\u{e9}.");
    }
}
