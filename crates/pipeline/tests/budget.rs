//! The per-document work budget: a text longer than the cap is analyzed up to the cap with a
//! warning, and a document whose time runs out keeps its segmentation, loses its later layers
//! and says so, while the other documents of its batch are analyzed in full.

use parallax_core::{Document, Severity};
use parallax_pipeline::{analyze_batch_budgeted, stopped_by_budget, Budget};
use std::time::Duration;

const PARAGRAPH: &str = "President Anna Kelidze said on Friday that at least 15 people were killed in Drevna. \"We will not surrender,\" she told reporters.\n\n";

fn doc(id: &str, paragraphs: usize) -> Document {
    Document::new(id, PARAGRAPH.repeat(paragraphs), format!("{id}.txt"))
}

#[test]
fn a_long_text_is_analyzed_up_to_the_cap() {
    let long = doc("long", 200);
    let short = doc("short", 2);
    let budget = Budget {
        max_text_bytes: 4096,
        ..Budget::default()
    };
    let (analyses, _) = analyze_batch_budgeted(&[&long, &short], &budget);
    let cut = 4096 / PARAGRAPH.len() * PARAGRAPH.len();
    let a = &analyses[0];
    let warning = a
        .diagnostics
        .iter()
        .find(|d| d.stage == "pipeline")
        .expect("a warning about the cap");
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.span.map(|s| (s.start, s.end)),
        Some((cut, long.text.len()))
    );
    assert!(!a.mentions.is_empty() && !a.quotes.is_empty() && !a.figures.is_empty());
    assert!(a.mentions.iter().all(|m| m.span.end <= cut));
    assert!(a.segmentation.sentences.iter().all(|s| s.span.end <= cut));
    for m in &a.mentions {
        assert_eq!(&long.text[m.span.start..m.span.end], m.text);
    }
    assert!(!stopped_by_budget(a), "the cap is deterministic: reusable");
    // The analysis of the part equals that of a document holding only the part.
    let part = Document::new("long", &long.text[..cut], "long.txt");
    let (alone, _) = analyze_batch_budgeted(&[&part], &budget);
    assert_eq!(alone[0].mentions, a.mentions);
    assert_eq!(alone[0].quotes, a.quotes);
    assert!(analyses[1]
        .diagnostics
        .iter()
        .all(|d| d.stage != "pipeline"));
}

#[test]
fn a_spent_budget_stops_the_later_stages_with_an_error() {
    let d = doc("d", 3);
    let budget = Budget {
        max_time: Duration::ZERO,
        ..Budget::default()
    };
    let (analyses, _) = analyze_batch_budgeted(&[&d], &budget);
    let a = &analyses[0];
    assert!(
        !a.segmentation.sentences.is_empty(),
        "segmentation always runs"
    );
    assert!(a.mentions.is_empty() && a.quotes.is_empty() && a.times.is_empty());
    assert!(stopped_by_budget(a));
    let error = a.diagnostics.iter().find(|d| d.stage == "budget").unwrap();
    assert_eq!(error.severity, Severity::Error);
    assert!(
        error
            .message
            .contains("stopped before the `entities` stage"),
        "{}",
        error.message
    );

    let (full, _) = analyze_batch_budgeted(&[&d], &Budget::default());
    assert!(!stopped_by_budget(&full[0]) && !full[0].mentions.is_empty());
}
