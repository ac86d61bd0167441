//! Turning a file's bytes into text, or saying precisely why they are not text.
//!
//! The encoding is decided in this order, the first that applies winning:
//! 1. a byte-order mark (UTF-8, UTF-16 LE or BE);
//! 2. UTF-16 without a mark, recognised by the NUL byte of every ASCII character;
//! 3. valid UTF-8 (random bytes of a legacy encoding are almost never valid UTF-8, while pages
//!    saved again as UTF-8 often keep a stale declaration, so valid UTF-8 beats a declaration);
//! 4. a declared encoding: the HTTP `Content-Type` of a WARC record, else the page's own
//!    `<meta charset>` / `<meta http-equiv="Content-Type">` or XML declaration;
//! 5. detection from the bytes (chardetng, the detector of Firefox).
//!
//! Every decoding other than plain UTF-8 leaves an info diagnostic naming the encoding and how
//! it was chosen; bytes the chosen encoding cannot map are replaced and counted in a warning.
//! Binary data is recognised by a NUL byte outside UTF-16, which never occurs in article text.

use crate::IngestError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use parallax_core::Diagnostic;

/// Bytes of a page searched for a `<meta>` or XML encoding declaration.
const PRESCAN_BYTES: usize = 16 * 1024;

/// What the container says about a page's encoding, besides the page itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Declared<'a> {
    /// The `charset` parameter of an HTTP `Content-Type` header (a WARC record's).
    pub http_charset: Option<&'a str>,
    /// Whether the bytes are markup (HTML, XML) whose own declaration may be read.
    pub markup: bool,
}

/// Decodes plain text: byte-order mark, UTF-8, else detection.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), IngestError> {
    decode(bytes, Declared::default())
}

/// Decodes markup (HTML, XML feeds): as [`decode_text`], with the HTTP header's and the
/// document's own encoding declaration before detection.
pub fn decode_markup(
    bytes: &[u8],
    http_charset: Option<&str>,
) -> Result<(String, Vec<Diagnostic>), IngestError> {
    decode(
        bytes,
        Declared {
            http_charset,
            markup: true,
        },
    )
}

/// Decodes `bytes` as the module documentation describes.
pub fn decode(bytes: &[u8], declared: Declared) -> Result<(String, Vec<Diagnostic>), IngestError> {
    let mut diagnostics = Vec::new();
    let text = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if encoding != UTF_8 {
            diagnostics.push(Diagnostic::info(
                "ingest",
                format!("decoded as {} (byte-order mark)", encoding.name()),
            ));
        } else {
            diagnostics.push(Diagnostic::info("ingest", "byte-order mark removed"));
        }
        if encoding == UTF_8 {
            refuse_binary(body)?;
        }
        convert(encoding, body, &mut diagnostics)
    } else if let Some(encoding) = unmarked_utf16(bytes) {
        diagnostics.push(Diagnostic::info(
            "ingest",
            format!(
                "decoded as {} (no byte-order mark; every ASCII character carries a NUL byte)",
                encoding.name()
            ),
        ));
        convert(encoding, bytes, &mut diagnostics)
    } else {
        refuse_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(error) => {
                let (encoding, how) = legacy_encoding(bytes, declared);
                diagnostics.push(Diagnostic::info(
                    "ingest",
                    format!(
                        "not UTF-8 (invalid byte at offset {}): decoded as {} ({how})",
                        error.valid_up_to(),
                        encoding.name()
                    ),
                ));
                convert(encoding, bytes, &mut diagnostics)
            }
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok((text, diagnostics))
}

fn refuse_binary(bytes: &[u8]) -> Result<(), IngestError> {
    match memchr::memchr(0, bytes) {
        Some(offset) => Err(IngestError::Binary { offset }),
        None => Ok(()),
    }
}

/// Decodes with `encoding`, counting the replaced bytes in a warning.
fn convert(encoding: &'static Encoding, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let replaced = text.matches('\u{FFFD}').count();
        diagnostics.push(Diagnostic::warning(
            "ingest",
            format!(
                "{replaced} byte sequences are not valid {} and were replaced by \u{FFFD}",
                encoding.name()
            ),
        ));
    }
    text.into_owned()
}

/// UTF-16 without a byte-order mark: in the first bytes, the NUL half of ASCII characters
/// sits at every odd offset (little-endian) or every even one (big-endian), and the other
/// half never is NUL.
fn unmarked_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Most characters of article text are ASCII: at least 70% of the pairs hold a NUL.
    let mostly = |n: usize| n * 10 >= pairs * 7;
    if mostly(odd_nul) && even_nul == 0 {
        Some(UTF_16LE)
    } else if mostly(even_nul) && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding of bytes that are not UTF-8, and how it was chosen.
fn legacy_encoding(bytes: &[u8], declared: Declared) -> (&'static Encoding, &'static str) {
    let usable = |e: &'static Encoding| {
        // A declaration of UTF-8 (already refuted), UTF-16 (which an ASCII-compatible
        // document cannot be) or of an encoding that must not be decoded is not trusted.
        (e != UTF_8 && e != UTF_16LE && e != UTF_16BE && e != encoding_rs::REPLACEMENT).then_some(e)
    };
    if let Some(e) = declared
        .http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .and_then(usable)
    {
        return (e, "declared by the HTTP Content-Type header");
    }
    if declared.markup {
        if let Some(e) = declared_in_markup(bytes).and_then(usable) {
            return (e, "declared in the document");
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    (
        detector.guess(None, chardetng::Utf8Detection::Deny),
        "detected from the bytes: no usable declaration",
    )
}

/// The encoding named by the first `<meta charset=…>`, `<meta http-equiv="Content-Type"
/// content="…; charset=…">` or `<?xml … encoding="…"?>` in the first bytes of a document.
pub fn declared_in_markup(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml") {
        let end = memchr::memmem::find(&lower, b"?>").unwrap_or(lower.len());
        if let Some(label) = attribute_value(&lower[..end], b"encoding") {
            return Encoding::for_label(label);
        }
    }
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        if let Some(label) = attribute_value(&lower[start..end], b"charset") {
            if let Some(encoding) = Encoding::for_label(label) {
                return Some(encoding);
            }
        }
        from = end;
    }
    None
}

/// The value after `name`, an optional run of spaces, `=` and an optional quote, up to the
/// next quote, space, `;` or `>`.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = memchr::memmem::find(tag, name)?;
    let rest = &tag[at + name.len()..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// The charset parameter of a `Content-Type` header value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// Normalizes Windows line endings to `\n` so that paragraph breaks are uniform; records it.
pub fn normalize_newlines(text: String, diagnostics: &mut Vec<Diagnostic>) -> String {
    if !text.contains("\r\n") {
        return text;
    }
    diagnostics.push(Diagnostic::info(
        "ingest",
        "CRLF line endings normalized to LF",
    ));
    text.replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(diags: &[Diagnostic]) -> String {
        diags
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn rejects_binary_and_empty() {
        assert!(matches!(
            decode_text(b"abc\0def"),
            Err(IngestError::Binary { offset: 3 })
        ));
        assert!(matches!(decode_text(b""), Err(IngestError::Empty)));
        assert!(matches!(decode_text(b" \n\t "), Err(IngestError::Empty)));
        assert!(matches!(
            decode_text(b"\xef\xbb\xbf"),
            Err(IngestError::Empty)
        ));
        assert!(matches!(
            decode_text(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff"),
            Err(IngestError::Binary { .. })
        ));
    }

    #[test]
    fn strips_bom_and_normalizes_crlf() {
        let (text, mut diags) = decode_text(b"\xef\xbb\xbfHeadline\r\n\r\nBody.").unwrap();
        assert_eq!(text, "Headline\r\n\r\nBody.");
        let text = normalize_newlines(text, &mut diags);
        assert_eq!(text, "Headline\n\nBody.");
        assert_eq!(diags.len(), 2);
    }

    #[test]
    fn utf16_with_and_without_a_byte_order_mark() {
        let words = "Caf\u{e9} owners said \u{201c}no\u{201d}.";
        let le: Vec<u8> = words.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = words.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            (
                [&[0xFF, 0xFE][..], &le].concat(),
                "UTF-16LE (byte-order mark)",
            ),
            (
                [&[0xFE, 0xFF][..], &be].concat(),
                "UTF-16BE (byte-order mark)",
            ),
            (le.clone(), "UTF-16LE (no byte-order mark"),
            (be.clone(), "UTF-16BE (no byte-order mark"),
        ] {
            let (text, diags) = decode_text(&bytes).unwrap();
            assert_eq!(text, words);
            assert!(messages(&diags).contains(name), "{}", messages(&diags));
        }
    }

    #[test]
    fn legacy_pages_are_decoded_by_declaration_or_detection() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Caf\xe9 \x93quoted\x94 \x80 5</p></body></html>";
        let (text, diags) = decode_markup(page, None).unwrap();
        // ISO-8859-1 is read as windows-1252, as browsers do: the quotes and the euro sign.
        assert!(
            text.contains("Caf\u{e9} \u{201c}quoted\u{201d} \u{20ac} 5"),
            "{text}"
        );
        assert!(
            messages(&diags).contains("decoded as windows-1252 (declared in the document)"),
            "{}",
            messages(&diags)
        );
        let (_, diags) = decode_markup(b"<p>Gr\xfc\xdfe</p>", Some("iso-8859-15")).unwrap();
        assert!(messages(&diags).contains("ISO-8859-15 (declared by the HTTP"));
        let german = "Die Bundesregierung hat am Freitag beschlossen, dass die Stra\u{df}en \u{fc}ber Nacht gesperrt werden. M\u{e4}rkte und Gesch\u{e4}fte bleiben ge\u{f6}ffnet, hie\u{df} es.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(german);
        let (text, diags) = decode_text(&bytes).unwrap();
        assert_eq!(text, german);
        assert!(
            messages(&diags).contains("decoded as windows-1252 (detected from the bytes"),
            "{}",
            messages(&diags)
        );
    }

    #[test]
    fn valid_utf8_beats_a_stale_declaration() {
        let page = "<meta charset=\"iso-8859-1\"><p>Caf\u{e9}</p>";
        let (text, diags) = decode_markup(page.as_bytes(), Some("latin1")).unwrap();
        assert_eq!(text, page);
        assert!(diags.is_empty());
    }

    #[test]
    fn declarations_are_found_in_meta_tags_and_xml() {
        let find = |s: &str| declared_in_markup(s.as_bytes()).map(|e| e.name());
        assert_eq!(find("<META CHARSET=utf-8>"), Some("UTF-8"));
        assert_eq!(
            find("<meta name=x><meta content='text/html;charset=koi8-r' http-equiv=content-type>"),
            Some("KOI8-R")
        );
        assert_eq!(
            find("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss/>"),
            Some("ISO-8859-2")
        );
        assert_eq!(find("<meta charset=bogus><p>"), None);
        assert_eq!(
            charset_param("text/html; Charset=\"latin1\""),
            Some("latin1")
        );
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn undecodable_bytes_are_counted() {
        let (text, diags) = decode_markup(b"<p>a\x81</p>", Some("shift_jis")).unwrap();
        assert!(text.contains('\u{FFFD}'));
        assert!(
            messages(&diags).contains("not valid Shift_JIS"),
            "{}",
            messages(&diags)
        );
    }
}
