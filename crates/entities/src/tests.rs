//! The hard cases of the entity layer, end to end through `annotate` with the committed model.

use crate::{annotate, EntityLayer};
use parallax_core::{Document, EntityType, Mention, MentionKind, Segmentation};

fn run(text: &str) -> EntityLayer {
    let doc = Document::new("t", text, "test");
    annotate(&doc, &parallax_segment::segment(text))
}

fn find<'a>(layer: &'a EntityLayer, text: &str) -> &'a Mention {
    layer
        .mentions
        .iter()
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {:#?}", layer.mentions))
}

const STORY: &str = "President Mikheil Saakashvili said on Friday that Russian troops had entered \
Gori. Mr Saakashvili told reporters the town was under fire. \"We will not give up,\" he said.\n\n\
Saakashvili later met the French foreign minister. Georgia's president called for a ceasefire.";

#[test]
fn titles_become_roles_outside_the_name_span() {
    let layer = run(STORY);
    let m = find(&layer, "Mikheil Saakashvili");
    assert_eq!(m.kind, MentionKind::Name);
    assert_eq!(m.entity_type, EntityType::Person);
    assert_eq!(m.role.as_deref(), Some("President"));
}

#[test]
fn surname_and_honorific_forms_are_one_entity() {
    let layer = run(STORY);
    let full = find(&layer, "Mikheil Saakashvili").local_entity;
    let surnames: Vec<_> = layer
        .mentions
        .iter()
        .filter(|m| m.text == "Saakashvili")
        .collect();
    assert_eq!(surnames.len(), 2, "{:#?}", layer.mentions);
    assert!(surnames.iter().all(|m| m.local_entity == full));
    let entity = &layer.local_entities[full.unwrap()];
    assert_eq!(entity.name, "Mikheil Saakashvili");
    assert_eq!(entity.roles, ["President"]);
}

#[test]
fn pronouns_resolve_to_the_recent_person() {
    let layer = run(STORY);
    let he = find(&layer, "he");
    assert_eq!(he.kind, MentionKind::Pronoun);
    assert_eq!(
        he.local_entity,
        find(&layer, "Mikheil Saakashvili").local_entity
    );
}

#[test]
fn possessive_nominals_resolve_by_role() {
    let layer = run(STORY);
    let nominal = find(&layer, "Georgia's president");
    assert_eq!(nominal.kind, MentionKind::Nominal);
    assert_eq!(
        nominal.local_entity,
        find(&layer, "Mikheil Saakashvili").local_entity
    );
}

#[test]
fn definite_nominals_resolve_to_organizations() {
    let text = "The Russian Foreign Ministry issued a statement on Sunday. The ministry said the \
                convoy had left.";
    let layer = run(text);
    let ministry = layer
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Nominal);
    let ministry = ministry.unwrap_or_else(|| panic!("{:#?}", layer.mentions));
    assert_eq!(ministry.text, "The ministry");
    let entity = &layer.local_entities[ministry.local_entity.unwrap()];
    assert!(entity.name.ends_with("Foreign Ministry"), "{entity:?}");
}

#[test]
fn demonyms_are_norp_and_places_gpe() {
    let layer = run(STORY);
    assert_eq!(find(&layer, "Russian").entity_type, EntityType::Norp);
    assert_eq!(find(&layer, "Gori").entity_type, EntityType::Gpe);
}

#[test]
fn datelines_give_place_and_agency() {
    let layer = run("BEIJING (AP) – Chinese officials said on Monday that the talks would resume.");
    assert_eq!(find(&layer, "BEIJING").entity_type, EntityType::Gpe);
    assert_eq!(find(&layer, "AP").entity_type, EntityType::Org);
}

#[test]
fn all_caps_headlines_are_tagged() {
    let layer =
        run("RUSSIA AND GEORGIA TRADE BLAME OVER SOUTH OSSETIA\n\nFighting continued on Saturday.");
    assert_eq!(find(&layer, "RUSSIA").entity_type, EntityType::Gpe);
    assert_eq!(find(&layer, "GEORGIA").entity_type, EntityType::Gpe);
}

#[test]
fn works_without_a_segmentation() {
    let text = "Mikheil Saakashvili spoke in Tbilisi.";
    let layer = annotate(&Document::new("t", text, "test"), &Segmentation::default());
    assert_eq!(find(&layer, "Tbilisi").entity_type, EntityType::Gpe);
}

#[test]
fn every_mention_belongs_to_an_entity_that_lists_it() {
    let layer = run(STORY);
    for (i, m) in layer.mentions.iter().enumerate() {
        let e = m.local_entity.expect("resolved");
        assert!(layer.local_entities[e].mentions.contains(&i));
    }
}
