//! The central span invariant, over the whole pipeline on arbitrary input: every item's `text`
//! is exactly `&doc.text[span]`, every anchor too, and nothing panics.

use parallax_core::{Anchor, Document, Span};
use proptest::prelude::*;

fn check(text: &str, span: Span, expected: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(span.slice(text).ok(), Some(expected), "span {:?}", span);
    Ok(())
}

fn check_anchor(text: &str, anchor: &Option<Anchor>) -> Result<(), TestCaseError> {
    if let Some(a) = anchor {
        check(text, a.span, &a.text)?;
    }
    Ok(())
}

fn article_like() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Mr.",
        "Kelidze",
        "said",
        "“We",
        "will",
        "fight,”",
        "he",
        "told",
        "CNN.",
        "At",
        "least",
        "15",
        "people",
        "were",
        "killed",
        "on",
        "Friday",
        "hundreds",
        "of",
        "tanks",
        "U.S.",
        "Drevna’s",
        "\"",
        "'",
        "—",
        ":",
        "\n\n",
        "UPDATE:",
        "2,000",
        "Aug.",
        "8",
        "according",
        "to",
        "the",
        "ministry",
        "é",
        "中文",
        "…",
        "(AP)",
        "BEIJING",
        "-",
        "12.5%",
        "$3",
        "million",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_annotation_is_its_span(text in prop_oneof![article_like(), "\\PC{0,300}"]) {
        let mut doc = Document::new("d", text.clone(), "prop");
        doc.meta.published = Some("2031-05-10".into());
        let a = parallax_pipeline::analyze(&doc);
        for m in &a.mentions {
            check(&text, m.span, &m.text)?;
        }
        for q in &a.quotes {
            check(&text, q.span, &q.text)?;
            check_anchor(&text, &q.cue)?;
            check_anchor(&text, &q.speaker_text)?;
            check_anchor(&text, &q.channel)?;
            if let Some(m) = q.speaker_mention {
                prop_assert!(m < a.mentions.len());
            }
        }
        for f in &a.figures {
            check(&text, f.span, &f.text)?;
            check_anchor(&text, &f.counted)?;
        }
        for t in &a.times {
            check(&text, t.span, &t.text)?;
        }
        for e in &a.local_entities {
            prop_assert!(e.mentions.iter().all(|&m| m < a.mentions.len()));
        }
        for v in &a.voice {
            prop_assert!(v.sentence < a.segmentation.sentences.len());
        }
        for l in &a.labels {
            check(&text, l.span, &l.text)?;
            prop_assert!(l.mention < a.mentions.len());
            prop_assert_eq!(l.local_entity, a.mentions[l.mention].local_entity);
            prop_assert_eq!(l.quote.is_some(), l.voice == parallax_core::Speech::Quoted);
            if let Some(q) = l.quote {
                prop_assert!(q < a.quotes.len());
            }
        }
        for term in &a.loaded_terms {
            check(&text, term.span, &term.text)?;
            prop_assert!(term.sentence < a.segmentation.sentences.len());
        }
        for tone in &a.tones {
            prop_assert!(tone.local_entity < a.local_entities.len());
            prop_assert!((-1.0..=1.0).contains(&tone.score));
            prop_assert!(tone.sentences > 0);
            for e in &tone.evidence {
                check(&text, e.span, &e.text)?;
            }
        }
    }
}

#[test]
fn numbers_inside_time_expressions_are_not_figures() {
    let mut doc = Document::new(
        "d",
        "A first war in 1991-92 killed about 3,000 people over five days.",
        "t",
    );
    doc.meta.published = Some("2031-05-10".into());
    let a = parallax_pipeline::analyze(&doc);
    let figures: Vec<&str> = a.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(figures, ["about 3,000"]);
}

/// Running stage by stage over a batch changes nothing: each document's analysis is the one it
/// gets alone.
#[test]
fn a_batch_is_analyzed_as_each_document_alone() {
    let texts = [
        "Russia's Defence Ministry said ten Russians were killed on Friday.",
        "“We will fight,” he told CNN. At least 15 people were killed in the 1990s.",
        "",
        "Kelidze, the rebel leader, said hundreds of tanks entered on August 8.",
    ];
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut doc = Document::new(format!("d{i}"), *t, format!("t{i}"));
            doc.meta.published = Some("2008-08-09".into());
            doc
        })
        .collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let batch = parallax_pipeline::analyze_batch(&refs);
    assert_eq!(batch.len(), docs.len());
    for (doc, analysis) in docs.iter().zip(&batch) {
        assert_eq!(analysis, &parallax_pipeline::analyze(doc));
    }
}
