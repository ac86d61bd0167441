//! Property: for any text, `annotate` does not panic and every mention's text is exactly the
//! slice of the document its span names.

use parallax_core::{Document, Segmentation};
use proptest::prelude::*;

fn check(text: &str) {
    let doc = Document::new("p", text, "proptest");
    for seg in [Segmentation::default(), parallax_segment::segment(text)] {
        let layer = parallax_entities::annotate(&doc, &seg);
        for m in &layer.mentions {
            assert_eq!(m.span.slice(text), Ok(m.text.as_str()));
            let e = m.local_entity.expect("every mention is resolved");
            assert!(e < layer.local_entities.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_valid_for_any_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn spans_are_valid_for_newsy_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("President"), Just("Mr"), Just("Saakashvili"), Just("Georgia"), Just("'s"),
                Just("president"), Just("he"), Just("the"), Just("ministry"), Just("TBILISI"),
                Just("(AP)"), Just("–"), Just("Tbilisi"), Just("Ossetian"), Just("é"), Just("\n"),
                Just("."), Just(","), Just("Foreign Minister"), Just("Ǆ"), Just("北京"),
                Just("gunman"), Just("police"), Just("caravans"), Just("actress"), Just("they"),
                Just("It"), Just("said"), Just(", who"), Just("his"), Just("mother"),
            ],
            0..60,
        )
    ) {
        check(&words.join(" "));
    }
}
