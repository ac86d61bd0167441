//! Behaviour of the places annotator on whole articles, through the real entity layer.

use super::*;
use parallax_core::Document;
use proptest::prelude::*;

fn places_of(text: &str) -> Vec<PlaceMention> {
    let doc = Document::new("d", text, "test");
    let seg = parallax_segment::segment(text);
    let entities = parallax_entities::annotate(&doc, &seg);
    let out = annotate(&doc, &entities.mentions, &entities.local_entities);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    out.items
}

/// The country of the place named `name`: where it was resolved, else of its best candidate.
fn country_of<'a>(places: &'a [PlaceMention], name: &str) -> Option<&'a str> {
    let mention = places.iter().find(|p| p.text == name)?;
    mention
        .place
        .as_ref()
        .or(mention.candidates.first())?
        .country_code
        .as_deref()
}

#[test]
fn cambridge_follows_the_story_it_is_in() {
    let england = places_of(
        "Students marched from Oxford to Cambridge on Saturday. Police in Cambridge said \
         the march was peaceful.",
    );
    assert_eq!(
        country_of(&england, "Cambridge"),
        Some("GB"),
        "{england:#?}"
    );
    let massachusetts = places_of(
        "Protesters gathered in Boston on Saturday. Police in Cambridge said the march \
         across the river was peaceful.",
    );
    assert_eq!(
        country_of(&massachusetts, "Cambridge"),
        Some("US"),
        "{massachusetts:#?}"
    );
}

#[test]
fn a_qualifier_decides() {
    let places = places_of("A fire destroyed a home in Alexandria, La., on Friday.");
    let alexandria = places.iter().find(|p| p.text == "Alexandria").unwrap();
    let place = alexandria.place.as_ref().expect("resolved");
    assert_eq!(place.admin1.as_deref(), Some("Louisiana"), "{place:?}");
}

#[test]
fn a_style_compound_is_not_a_place_but_a_title_holds_one() {
    let places = places_of(
        "Critics called it a Gaza-style blockade. Basra governor Asaad al-Eidani said the \
         port in Iraq would stay open.",
    );
    assert!(places.iter().all(|p| p.text != "Gaza"), "{places:#?}");
    assert!(places.iter().any(|p| p.text == "Basra"), "{places:#?}");
    assert_eq!(country_of(&places, "Basra"), Some("IQ"));
}

#[test]
fn a_hamlet_needs_the_article_to_support_it() {
    // Herald, California (about 1,200 people) is the only place of that name: a newspaper
    // called "the Herald" is not taken for it without anything in the article that points there.
    let places = places_of("The claims are false, a ministry spokesman told the Herald.");
    assert!(
        places
            .iter()
            .all(|p| p.text != "Herald" || p.place.is_none()),
        "{places:#?}"
    );
    let places = places_of("Farmers near Herald, California, said the river rose overnight.");
    let herald = places.iter().find(|p| p.text == "Herald").expect("found");
    assert_eq!(
        herald.place.as_ref().map(|p| p.admin1.as_deref()),
        Some(Some("California"))
    );
}

#[test]
fn countries_resolve_to_themselves() {
    let places = places_of("Iraq and Iran signed an accord in Baghdad.");
    let iraq = places.iter().find(|p| p.text == "Iraq").unwrap();
    assert_eq!(iraq.place.as_ref().unwrap().feature_code, "PCLI");
    assert_eq!(country_of(&places, "Baghdad"), Some("IQ"));
}

#[test]
fn geocode_resolves_given_spans() {
    let text = "Officials in Tbilisi and Gori said the convoy left at dawn.";
    let doc = Document::new("d", text, "test");
    let gori = text.find("Gori").unwrap();
    let out = geocode(&doc, &[], &[Span::new(13, 20), Span::new(gori, gori + 4)]);
    assert_eq!(out.len(), 2);
    let best = |p: &PlaceMention| {
        p.place
            .clone()
            .or_else(|| p.candidates.first().cloned())
            .and_then(|p| p.country_code)
    };
    assert_eq!(best(&out[0]).as_deref(), Some("GE"));
    assert_eq!(best(&out[1]).as_deref(), Some("GE"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_are_exact_slices(text in "[A-Za-z ,.\\-'’éü()]{0,200}") {
        let doc = Document::new("d", text.clone(), "test");
        let seg = parallax_segment::segment(&text);
        let entities = parallax_entities::annotate(&doc, &seg);
        let out = annotate(&doc, &entities.mentions, &entities.local_entities);
        for p in &out.items {
            prop_assert_eq!(&text[p.span.range()], p.text.as_str());
        }
        // Given spans, even nonsense ones, never panic and come back exact.
        let spans = [Span::new(0, text.len()), Span::new(3, 1), Span::new(0, text.len() + 5)];
        for p in geocode(&doc, &[], &spans) {
            prop_assert_eq!(&text[p.span.range()], p.text.as_str());
        }
    }
}
