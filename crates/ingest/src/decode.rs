//! Turning a file's bytes into text, or saying precisely why they are not text.

use crate::IngestError;
use parallax_core::Diagnostic;

/// Checks that `bytes` are non-empty UTF-8 text and returns it with a leading byte-order mark
/// removed. Binary data is recognised by a NUL byte, which never occurs in real article text.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), IngestError> {
    let mut diagnostics = Vec::new();
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(IngestError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            diagnostics.push(Diagnostic::info("ingest", "byte-order mark removed"));
            rest
        }
        None => text,
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok((text.to_string(), diagnostics))
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

    #[test]
    fn rejects_binary_invalid_and_empty() {
        assert!(matches!(
            decode_text(b"abc\0def"),
            Err(IngestError::Binary { offset: 3 })
        ));
        assert!(matches!(
            decode_text(b"caf\xc3\xa9 ok \xff more"),
            Err(IngestError::InvalidUtf8 { offset: 9 })
        ));
        assert!(matches!(decode_text(b""), Err(IngestError::Empty)));
        assert!(matches!(decode_text(b" \n\t "), Err(IngestError::Empty)));
        assert!(matches!(
            decode_text(b"\xef\xbb\xbf"),
            Err(IngestError::Empty)
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
}
