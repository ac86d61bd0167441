//! Putting a document's metadata together from its sources, in order of trust: the user's
//! manifest, then what the file says about itself, then what Parallax infers. Every inferred
//! value is recorded as a diagnostic so a reader knows where it came from.

use crate::id::document_id;
use parallax_core::{Diagnostic, Document, DocumentMeta};

/// Fills each field of `primary` that is missing from `fallback`.
pub fn fill_missing(primary: &mut DocumentMeta, fallback: &DocumentMeta) {
    fn fill(slot: &mut Option<String>, value: &Option<String>) {
        if slot.as_deref().is_none_or(|s| s.trim().is_empty()) {
            slot.clone_from(value);
        }
    }
    fill(&mut primary.title, &fallback.title);
    fill(&mut primary.outlet, &fallback.outlet);
    fill(&mut primary.published, &fallback.published);
    fill(&mut primary.url, &fallback.url);
    if primary.authors.is_empty() {
        primary.authors.clone_from(&fallback.authors);
    }
}

/// The outlet named by a URL's host: `https://www.example.com/a` gives `example.com`.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = ["www.", "m.", "amp.", "mobile."]
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .unwrap_or(&host)
        .to_string();
    let plausible = host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    plausible.then_some(host)
}

/// Builds the document from its final text and metadata layers. `own` is what the input
/// itself says; `inferred` holds guesses made from the text, used only where nothing better
/// is known. The outlet falls back to the URL's domain.
pub fn make_document(
    text: String,
    source: String,
    manifest: Option<&DocumentMeta>,
    own: DocumentMeta,
    inferred: Inferred,
    mut diagnostics: Vec<Diagnostic>,
) -> Document {
    let text = repair_mojibake(text, "text", &mut diagnostics);
    let mut meta = manifest.cloned().unwrap_or_default();
    if manifest.is_some() {
        diagnostics.push(Diagnostic::info("ingest", "metadata from the manifest"));
    }
    fill_missing(&mut meta, &own);
    if meta.title.is_none() {
        if let Some((title, why)) = inferred.title {
            diagnostics.push(Diagnostic::info("ingest", why));
            meta.title = Some(title);
        }
    }
    if let Some(title) = meta.title.take() {
        meta.title = Some(repair_mojibake(title, "title", &mut diagnostics));
    }
    for author in &mut meta.authors {
        *author = repair_mojibake(std::mem::take(author), "author", &mut diagnostics);
    }
    if meta.outlet.is_none() {
        if let Some(outlet) = meta.url.as_deref().and_then(outlet_from_url) {
            diagnostics.push(Diagnostic::info(
                "ingest",
                "outlet inferred from URL domain",
            ));
            meta.outlet = Some(outlet);
        }
    }
    let mut doc = Document::new(document_id(&text), text, source);
    doc.meta = meta;
    doc.diagnostics = diagnostics;
    doc
}

/// `value` with text that was decoded twice repaired ([`crate::mojibake`]), and a warning
/// naming `what` was repaired and how much.
fn repair_mojibake(value: String, what: &str, diagnostics: &mut Vec<Diagnostic>) -> String {
    match crate::mojibake::repair(&value) {
        Some((repaired, count)) => {
            diagnostics.push(Diagnostic::warning(
                "ingest",
                format!(
                    "mojibake repaired in the {what}: {count} {} decoded twice (UTF-8 read as windows-1252), e.g. \u{201c}{}\u{201d}",
                    if count == 1 { "sequence had been" } else { "sequences had been" },
                    first_difference(&value, &repaired)
                ),
            ));
            repaired
        }
        None => value,
    }
}

/// The stretch of `before` (nine characters: a character decoded twice is six) where it first
/// differs from `after`.
fn first_difference<'a>(before: &'a str, after: &str) -> &'a str {
    let start = before
        .char_indices()
        .zip(after.chars())
        .find(|((_, a), b)| a != b)
        .map_or(0, |((i, _), _)| i);
    let end = before[start..]
        .char_indices()
        .nth(9)
        .map_or(before.len(), |(i, _)| start + i);
    &before[start..end]
}

/// Metadata guessed from the text itself, each with the reason shown to the user.
#[derive(Debug, Default, Clone)]
pub struct Inferred {
    pub title: Option<(String, &'static str)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_from_host() {
        assert_eq!(
            outlet_from_url("https://www.Example.com/a/b?x").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            outlet_from_url("http://news.bbc.co.uk:80/x").as_deref(),
            Some("news.bbc.co.uk")
        );
        assert_eq!(
            outlet_from_url("example.org/path").as_deref(),
            Some("example.org")
        );
        assert_eq!(outlet_from_url("not a url"), None);
        assert_eq!(outlet_from_url(""), None);
    }

    #[test]
    fn manifest_beats_own_beats_inferred() {
        let manifest = DocumentMeta {
            outlet: Some("The Courier".into()),
            ..Default::default()
        };
        let own = DocumentMeta {
            outlet: Some("courier.example".into()),
            title: Some("Own title".into()),
            url: Some("https://courier.example/x".into()),
            ..Default::default()
        };
        let inferred = Inferred {
            title: Some(("First line".into(), "title from first line")),
        };
        let doc = make_document(
            "Text".into(),
            "a.txt".into(),
            Some(&manifest),
            own,
            inferred,
            Vec::new(),
        );
        assert_eq!(doc.meta.outlet.as_deref(), Some("The Courier"));
        assert_eq!(doc.meta.title.as_deref(), Some("Own title"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://courier.example/x"));
        assert_eq!(doc.id, document_id("Text"));
    }

    #[test]
    fn outlet_inferred_from_url_with_diagnostic() {
        let own = DocumentMeta {
            url: Some("https://www.daily.example/a".into()),
            ..Default::default()
        };
        let doc = make_document(
            "T".into(),
            "s".into(),
            None,
            own,
            Inferred::default(),
            Vec::new(),
        );
        assert_eq!(doc.meta.outlet.as_deref(), Some("daily.example"));
        assert!(doc
            .diagnostics
            .iter()
            .any(|d| d.message.contains("outlet inferred from URL")));
    }

    #[test]
    fn mojibake_in_text_and_title_is_repaired_with_a_warning() {
        let own = DocumentMeta {
            title: Some("Ã¢â‚¬Ëœ Riverton floods".into()),
            ..Default::default()
        };
        let doc = make_document(
            "The mayorâ€™s office said so.".into(),
            "s".into(),
            None,
            own,
            Inferred::default(),
            Vec::new(),
        );
        assert_eq!(doc.text, "The mayor\u{2019}s office said so.");
        assert_eq!(doc.id, document_id(&doc.text));
        assert_eq!(doc.meta.title.as_deref(), Some("\u{2018} Riverton floods"));
        let notes: Vec<&str> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes[0].starts_with("mojibake repaired in the text: 1 "),
            "{notes:?}"
        );
        assert!(notes[1].contains("in the title: 4 "), "{notes:?}");
        assert!(notes[1].contains("\u{201c}Ã¢â‚¬Ëœ R\u{201d}"), "{notes:?}");
    }
}
