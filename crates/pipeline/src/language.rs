//! The language of a document, and which annotators support it.
//!
//! Every annotator after segmentation reads English: the entity tagger is trained on English
//! CoNLL, the cue, number, date and voice vocabularies are English. Run over German they do
//! not fail, they invent ("Freitag" becomes a place). So a document detected (whatlang, on its
//! first [`SAMPLE_BYTES`]) as reliably in another language is only segmented, and a warning
//! names its language and the annotators that were not run; its text is still stored and
//! searchable. Detection that is not reliable (short or mixed text) counts as English.
//! `parallax analyze --other-languages skip` leaves such documents out instead.

use parallax_core::Diagnostic;

/// Bytes of the text read to detect its language: enough for a confident guess, cheap on long
/// articles.
pub const SAMPLE_BYTES: usize = 4096;

/// The stage name of the language diagnostic.
pub const LANGUAGE_STAGE: &str = "language";

/// The names of the stages that read English only: all but segmentation.
pub fn english_only() -> Vec<&'static str> {
    crate::STAGES[1..].iter().map(|s| s.name).collect()
}

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detected {
    /// ISO 639-3 code (`eng`, `deu`).
    pub code: &'static str,
    /// English name (`German`).
    pub name: &'static str,
    /// whatlang's confidence, 0 to 1.
    pub confidence: f64,
}

impl Detected {
    pub fn is_english(&self) -> bool {
        self.code == "eng"
    }
}

/// The language of `text`, when whatlang is confident of it.
pub fn detect(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    info.is_reliable().then(|| Detected {
        code: info.lang().code(),
        name: info.lang().eng_name(),
        confidence: info.confidence(),
    })
}

/// A language the annotators do not read, detected in `text`.
pub fn unsupported(text: &str) -> Option<Detected> {
    detect(text).filter(|d| !d.is_english())
}

/// The warning left on a document in `language`, whose English-only stages were not run.
pub fn not_analyzed(language: &Detected) -> Diagnostic {
    Diagnostic::warning(
        LANGUAGE_STAGE,
        format!(
            "the text is in {} (detected, confidence {:.2}): the {} stages read English only and were not run; the text is segmented, stored and searchable",
            language.name,
            language.confidence,
            english_only().join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_other_languages() {
        let english = "The river rose overnight and the city closed two bridges, officials said on Friday. Engineers will inspect them on Monday.";
        assert!(detect(english).unwrap().is_english());
        assert_eq!(unsupported(english), None);
        let german = "Der Fluss ist über Nacht gestiegen, und die Stadt hat am Freitag zwei Brücken gesperrt, teilten die Behörden mit. Ingenieure werden sie am Montag prüfen.";
        let found = unsupported(german).unwrap();
        assert_eq!((found.code, found.name), ("deu", "German"));
        let note = not_analyzed(&found).message;
        assert!(
            note.starts_with("the text is in German (detected, confidence"),
            "{note}"
        );
        assert!(
            note.contains("entities, places, time, figures, quotes, voice, framing, events"),
            "{note}"
        );
        // Too short to tell: counted as English.
        assert_eq!(unsupported("Ja."), None);
    }
}
