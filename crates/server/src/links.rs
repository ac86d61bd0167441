//! Building URLs: percent-encoding of untrusted path segments and query values, and the one
//! evidence link every item uses (its article, scrolled to its sentence, its span highlighted).

use crate::state::Corpus;
use parallax_core::Span;

/// Percent-encodes everything but RFC 3986 unreserved characters, so any string is safe as a
/// path segment or query value.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The article page of `doc` with `span` highlighted, landing on its sentence.
pub fn evidence(corpus: &Corpus, doc: &str, span: Span) -> String {
    format!(
        "/doc/{}?hl={}-{}#s-{}",
        encode(doc),
        span.start,
        span.end,
        corpus.sentence_of(doc, span.start)
    )
}

pub fn doc(id: &str) -> String {
    format!("/doc/{}", encode(id))
}

pub fn entity(id: &str) -> String {
    format!("/entity/{}", encode(id))
}

pub fn outlet(name: &str) -> String {
    format!("/outlet/{}", encode(name))
}

pub fn story(id: &str) -> String {
    format!("/story/{}", encode(id))
}

/// A query string from key/value pairs, skipping empty values.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_everything_that_could_break_out() {
        assert_eq!(
            encode("a b/../\"<x>'&é"),
            "a%20b%2F..%2F%22%3Cx%3E%27%26%C3%A9"
        );
        assert_eq!(query(&[("q", "a&b=c"), ("outlet", "")]), "?q=a%26b%3Dc");
    }
}
