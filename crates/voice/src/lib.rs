//! Sentence voice: whether each sentence is reporting or the author's own opinion.
//!
//! A logistic-regression classifier over hashed word and character n-grams, a small cue
//! lexicon ([`features`], [`lexicon`]) and word vectors learned from unlabelled news text
//! ([`embed`]), trained on CheckThat! subjectivity data by
//! `parallax train subjectivity` ([`train`]) and embedded in the binary ([`model`]). Reported
//! speech is reporting even when the speaker is opinionated: quotations are masked before
//! classification, and a sentence that is mostly quotation and attribution is reporting
//! outright ([`mask`]). [`loaded`] finds loaded language with a lexicon learned from BABE.
//!
//! Framing ([`frame`]): the labels attached to each entity ([`labels`]), loaded terms, and the
//! tone toward each entity per sentence and per article ([`tone`]: a target-dependent model
//! that also reads the [`polarity`] lexicon), each marked as the author's voice or quoted
//! ([`speech`]). Every listed word is in one hashed table ([`vocab`]); loaded terms are read in
//! one pass over each sentence's words ([`scan`]).
//!
//! # Example
//!
//! Each sentence is reporting or opinion, with the model's confidence.
//!
//! ```
//! use parallax_core::{Document, Voice};
//!
//! let doc = Document::new(
//!     "d1",
//!     "The council voted 7 to 2 on Tuesday. This shameful decision is a disgrace.",
//!     "example.txt",
//! );
//! let seg = parallax_segment::segment(&doc.text);
//! let voices = parallax_voice::annotate(&doc, &seg, &[]);
//! let voice: Vec<Voice> = voices.items.iter().map(|v| v.voice).collect();
//! assert_eq!(voice, [Voice::Reporting, Voice::Opinion]);
//! ```

pub mod embed;
pub mod features;
pub mod labels;
pub mod lexicon;
pub mod loaded;
pub mod mask;
pub mod model;
pub mod polarity;
pub mod scan;
pub mod speech;
pub mod tokens;
pub mod tone;
pub mod train;
pub mod vocab;
mod wordlist;
pub mod words;

pub use loaded::loaded_terms;
pub use mask::{prepare, Prepared};
pub use model::{Model, ModelError};

use parallax_core::{
    Annotated, Diagnostic, Document, EntityTone, Label, LoadedTerm, LocalEntity, Mention,
    ParagraphRole, Quote, Segmentation, SentenceTone, SentenceVoice, Span, Voice,
};
use std::ops::Range;
use std::sync::LazyLock;

/// The trained model, decoded on first use.
static MODEL: LazyLock<Result<Model, ModelError>> =
    LazyLock::new(|| Model::decode(include_bytes!("../model/subjectivity.bin.gz")));

/// A sentence at least this share quotation and attribution is reporting, whatever its words.
pub const MOSTLY_QUOTED: f32 = 0.5;

/// The embedded model, or why it cannot be used.
pub fn embedded_model() -> Result<&'static Model, &'static ModelError> {
    MODEL.as_ref()
}

/// Classifies each sentence of `doc` as reporting or opinion.
pub fn annotate(doc: &Document, seg: &Segmentation, quotes: &[Quote]) -> Annotated<SentenceVoice> {
    match embedded_model() {
        Ok(model) => annotate_with(model, doc, seg, quotes),
        Err(e) => Annotated {
            items: Vec::new(),
            diagnostics: vec![Diagnostic::error(
                "voice",
                format!("voice model unusable: {e}"),
            )],
        },
    }
}

/// [`annotate`] with a given model, e.g. one being trained.
pub fn annotate_with(
    model: &Model,
    doc: &Document,
    seg: &Segmentation,
    quotes: &[Quote],
) -> Annotated<SentenceVoice> {
    let mut out = Annotated::default();
    let mask = speech::QuoteMask::new(quotes);
    for (index, sentence) in seg.sentences.iter().enumerate() {
        let Ok(text) = sentence.span.slice(&doc.text) else {
            out.diagnostics.push(
                Diagnostic::warning("voice", "sentence span does not fit the text; skipped")
                    .at(sentence.span),
            );
            continue;
        };
        // A byline ("By Greta Lindqvist") says who wrote the piece, not what the author
        // thinks; the classifier, trained on body sentences, has no business with it.
        let byline = seg
            .paragraphs
            .get(sentence.paragraph)
            .is_some_and(|p| p.role == ParagraphRole::Byline);
        let (voice, confidence) = if byline {
            (Voice::Reporting, 1.0)
        } else if opinion_label(text) {
            // The outlet itself files the piece as opinion ("Opinion: Kelidze's reckless
            // gamble…"); a headline's wording is too terse for the classifier to tell.
            (Voice::Opinion, 1.0)
        } else {
            let (quoted, attribution) = quotation_ranges(sentence.span, quotes, &mask);
            classify(model, &prepare(text, &quoted, &attribution))
        };
        out.items.push(SentenceVoice {
            sentence: index,
            voice,
            confidence,
        });
    }
    out
}

/// Whether the sentence opens with the label an outlet puts on the author's own view:
/// "Opinion:", "OPINION |", "Op-Ed –", "Editorial:", "Commentary:", "Column:".
fn opinion_label(sentence: &str) -> bool {
    const LABELS: [&str; 7] = [
        "opinion",
        "op-ed",
        "oped",
        "editorial",
        "commentary",
        "column",
        "perspective",
    ];
    let trimmed = sentence.trim_start();
    let Some(end) = trimmed.find([':', '|', '–', '—']) else {
        return false;
    };
    let label = trimmed[..end].trim_end();
    LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// How one document frames the entities it mentions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Framing {
    pub labels: Vec<Label>,
    pub loaded_terms: Vec<LoadedTerm>,
    pub tones: Vec<EntityTone>,
    pub sentence_tones: Vec<SentenceTone>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Labels, loaded terms and the author's tone toward each entity of `doc`, from its entity
/// and quotation layers. Pure; items whose spans do not fit the text are skipped.
pub fn frame(
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    local_entities: &[LocalEntity],
    quotes: &[Quote],
) -> Framing {
    let mask = speech::QuoteMask::new(quotes);
    let scan = scan::Scan::new(&doc.text, seg);
    let tones = tone::tones(doc, seg, mentions, local_entities, quotes, &mask);
    Framing {
        labels: labels::labels(doc, seg, mentions, &mask),
        loaded_terms: loaded::from_scan(&doc.text, &scan, &mask),
        tones: tones.entities,
        sentence_tones: tones.sentences,
        diagnostics: tones.diagnostics,
    }
}

/// The voice of a prepared sentence and the probability of that voice.
pub fn classify(model: &Model, sentence: &Prepared) -> (Voice, f32) {
    let p = model.probability(&sentence.tokens);
    let p = if p.is_finite() { p } else { 0.5 };
    if sentence.quoted_share >= MOSTLY_QUOTED {
        (Voice::Reporting, (1.0 - p).max(sentence.quoted_share))
    } else if p >= 0.5 {
        (Voice::Opinion, p)
    } else {
        (Voice::Reporting, 1.0 - p)
    }
}

/// The quotations' contents and their attributions (cue, speaker, channel) inside `sentence`,
/// as byte ranges relative to the sentence's start.
fn quotation_ranges(
    sentence: Span,
    quotes: &[Quote],
    mask: &speech::QuoteMask,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let relative = |span: Span| -> Option<Range<usize>> {
        let start = span.start.max(sentence.start);
        let end = span.end.min(sentence.end);
        (start < end).then(|| start - sentence.start..end - sentence.start)
    };
    let mut quoted = Vec::new();
    let mut attribution = Vec::new();
    for quote in mask
        .overlapping(sentence)
        .iter()
        .filter_map(|&i| quotes.get(i))
    {
        quoted.extend(relative(quote.span));
        let anchors = [&quote.cue, &quote.speaker_text, &quote.channel];
        attribution.extend(
            anchors
                .into_iter()
                .flatten()
                .filter_map(|a| relative(a.span)),
        );
    }
    (quoted, attribution)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Anchor, Paragraph, QuoteKind, Sentence};
    use proptest::prelude::*;

    /// A segmentation with one sentence per given substring of `text`.
    fn segmentation(text: &str, sentences: &[&str]) -> Segmentation {
        let span = Span::new(0, text.len());
        let sentences = sentences
            .iter()
            .map(|s| {
                let start = text.find(s).unwrap_or(0);
                Sentence {
                    span: Span::new(start, start + s.len()),
                    paragraph: 0,
                }
            })
            .collect();
        Segmentation {
            paragraphs: vec![Paragraph {
                span,
                role: ParagraphRole::Body,
            }],
            sentences,
            tokens: Vec::new(),
        }
    }

    fn voices(text: &str, sentences: &[&str], quotes: &[Quote]) -> Vec<(Voice, f32)> {
        let doc = Document::new("d", text, "test");
        let annotated = annotate(&doc, &segmentation(text, sentences), quotes);
        assert!(
            annotated.diagnostics.is_empty(),
            "{:?}",
            annotated.diagnostics
        );
        annotated
            .items
            .iter()
            .map(|v| (v.voice, v.confidence))
            .collect()
    }

    #[test]
    fn reporting_and_opinion_sentences() {
        let reporting =
            "The ministry said on Monday that 40 people had been detained in the capital.";
        let opinion = "This is a shameful and absurd policy, and we should all be ashamed of it.";
        let text = format!("{reporting} {opinion}");
        let found = voices(&text, &[reporting, opinion], &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, Voice::Reporting);
        assert_eq!(found[1].0, Voice::Opinion);
        assert!(found.iter().all(|(_, c)| (0.5..=1.0).contains(c)));
    }

    #[test]
    fn a_byline_is_reporting() {
        let text = "By Greta Lindqvist";
        let doc = Document::new("d", text, "test");
        let mut seg = segmentation(text, &[text]);
        let voiced = |seg: &Segmentation| annotate(&doc, seg, &[]).items[0].clone();
        seg.paragraphs[0].role = ParagraphRole::Byline;
        let byline = voiced(&seg);
        assert_eq!((byline.voice, byline.confidence), (Voice::Reporting, 1.0));
    }

    #[test]
    fn an_opinion_label_is_opinion() {
        for text in [
            "Opinion: Kelidze's reckless gamble will cost Marenia dearly",
            "OPINION | The ministry's numbers",
            "Editorial – A long road",
        ] {
            let doc = Document::new("d", text, "test");
            let seg = segmentation(text, &[text]);
            let voiced = annotate(&doc, &seg, &[]).items[0].clone();
            assert_eq!(
                (voiced.voice, voiced.confidence),
                (Voice::Opinion, 1.0),
                "{text}"
            );
        }
        assert!(!opinion_label("Opinion polls show a tight race: 48 to 47."));
        assert!(!opinion_label("The column: of troops moved west."));
    }

    #[test]
    fn opinionated_quotation_is_still_reporting() {
        let text = "“This is a shameful and absurd policy, and we should all be ashamed,” \
                    the senator told reporters.";
        assert_eq!(voices(text, &[text], &[])[0].0, Voice::Reporting);
    }

    #[test]
    fn annotator_quote_spans_are_masked() {
        let text = "He said the policy was a shameful, absurd disgrace that we should all regret.";
        let start = text.find("the policy").unwrap_or(0);
        let span = Span::new(start, text.len() - 1);
        let quote = Quote {
            span,
            text: span.text(text).to_string(),
            kind: QuoteKind::Indirect,
            cue: Anchor::new(text, Span::new(3, 7)),
            speaker_text: Anchor::new(text, Span::new(0, 2)),
            speaker_mention: None,
            channel: None,
        };
        let (voice, confidence) = voices(text, &[text], &[quote])[0];
        assert_eq!(voice, Voice::Reporting);
        assert!(confidence >= MOSTLY_QUOTED);
    }

    #[test]
    fn no_sentences_no_voices() {
        let doc = Document::new("d", "Some text.", "test");
        assert!(annotate(&doc, &Segmentation::default(), &[])
            .items
            .is_empty());
    }

    #[test]
    fn bad_sentence_span_is_a_diagnostic() {
        let doc = Document::new("d", "Grüße.", "test");
        let mut seg = segmentation(&doc.text, &["Grüße."]);
        seg.sentences.push(Sentence {
            span: Span::new(3, 40),
            paragraph: 0,
        });
        let annotated = annotate(&doc, &seg, &[]);
        assert_eq!(annotated.items.len(), 1);
        assert_eq!(annotated.diagnostics.len(), 1);
    }

    proptest! {
        #[test]
        fn never_panics_and_indexes_real_sentences(text in "\\PC{0,200}", cut in 0usize..200) {
            let cut = parallax_core::text::floor_char_boundary(&text, cut);
            let seg = Segmentation {
                paragraphs: Vec::new(),
                sentences: vec![
                    Sentence { span: Span::new(0, cut), paragraph: 0 },
                    Sentence { span: Span::new(cut, text.len()), paragraph: 0 },
                ],
                tokens: Vec::new(),
            };
            let doc = Document::new("d", text.clone(), "test");
            let annotated = annotate(&doc, &seg, &[]);
            for item in &annotated.items {
                prop_assert!(item.sentence < seg.sentences.len());
                prop_assert!((0.5..=1.0).contains(&item.confidence));
            }
            let real = parallax_segment::segment(&text);
            let annotated = annotate(&doc, &real, &[]);
            prop_assert_eq!(annotated.items.len(), real.sentences.len());
            prop_assert!(annotated.items.iter().all(|v| v.sentence < real.sentences.len()));
        }
    }
}
