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

const UNNAMED: &str =
    "Police said a gunman opened fire at a shopping centre in Ostrava on Friday. \
The gunman was arrested an hour later. The military operation ended at noon, and the police \
said they had found no other suspects.\n\n\
The actress Tara Reid was at the centre. The actress said she was unhurt. The migrant caravan \
reached the border on Monday; the caravans were stopped there. His mother and her mother spoke \
to reporters.";

fn entity_of(layer: &EntityLayer, text: &str) -> Option<usize> {
    find(layer, text).local_entity
}

#[test]
fn descriptions_of_unnamed_actors_are_one_entity() {
    let layer = run(UNNAMED);
    let first = find(&layer, "a gunman");
    assert_eq!(first.kind, MentionKind::Nominal);
    assert_eq!(first.entity_type, EntityType::Person);
    assert_eq!(first.local_entity, entity_of(&layer, "The gunman"));
    assert_eq!(entity_of(&layer, "Police"), entity_of(&layer, "the police"));
    // Singular and plural of a collective noun are one actor.
    assert_eq!(
        entity_of(&layer, "The migrant caravan"),
        entity_of(&layer, "the caravans")
    );
    // A noun modifying another word is not an actor ("the military operation").
    assert!(layer.mentions.iter().all(|m| !m.text.contains("military")));
    // One actor per possessive: his mother is not her mother.
    let mothers: Vec<_> = layer
        .mentions
        .iter()
        .filter(|m| m.text == "mother")
        .map(|m| m.local_entity)
        .collect();
    assert_eq!(mothers.len(), 2, "{:#?}", layer.mentions);
    assert_ne!(mothers[0], mothers[1]);
}

#[test]
fn a_description_of_a_named_person_is_that_person() {
    let layer = run(UNNAMED);
    let reid = entity_of(&layer, "Tara Reid");
    assert_eq!(entity_of(&layer, "The actress"), reid);
    assert_eq!(entity_of(&layer, "she"), reid);
}

#[test]
fn he_and_she_take_an_unnamed_person_only_of_their_gender() {
    let text = "Ivan Petrov met a teenager in Ostrava. A ministry spokesman arrived later, and \
he said the talks had ended.";
    let layer = run(text);
    assert_eq!(
        entity_of(&layer, "he"),
        entity_of(&layer, "A ministry spokesman")
    );
    let text = "Ivan Petrov visited the school on Friday. A teenager met him at the gate, and he \
said the visit was short.";
    let layer = run(text);
    assert_eq!(entity_of(&layer, "he"), entity_of(&layer, "Ivan Petrov"));
}

#[test]
fn plural_pronouns_resolve_to_groups_and_bodies() {
    let layer = run(UNNAMED);
    assert_eq!(entity_of(&layer, "they"), entity_of(&layer, "the police"));
    let text = "The Marenian Defence Ministry issued a statement on Friday. It said three \
soldiers had died. It was unclear where.";
    let layer = run(text);
    let its: Vec<_> = layer.mentions.iter().filter(|m| m.text == "It").collect();
    assert_eq!(its.len(), 1, "{:#?}", layer.mentions);
    assert_eq!(
        its[0].local_entity,
        entity_of(&layer, "Marenian Defence Ministry")
    );
}

#[test]
fn descriptions_stand_for_people_only_when_they_name_one() {
    let text = "Joe Sestak beat Sen. Arlen Specter, the Obama administration said on Friday. \
Kordanian officials met Marenian troops at the border.";
    let layer = run(text);
    let specter = entity_of(&layer, "Arlen Specter");
    assert!(layer
        .mentions
        .iter()
        .filter(|m| m.text.contains("administration"))
        .all(|m| m.local_entity != specter));
    let officials = find(&layer, "officials");
    let kordanian = find(&layer, "Kordanian");
    assert_ne!(officials.local_entity, kordanian.local_entity);
}

#[test]
fn its_is_not_a_group_of_people() {
    let text = "Residents fled the town. Kordania said it would protect its citizens.";
    let layer = run(text);
    let residents = entity_of(&layer, "Residents");
    assert!(layer
        .mentions
        .iter()
        .filter(|m| m.text == "its")
        .all(|m| m.local_entity != residents));
}

#[test]
fn a_son_named_for_his_father_is_not_the_father() {
    // The son leads the story; his father is named once with his title further down.
    let layer = run("Jesse Jackson Jr. sentenced to prison\n\n\
WASHINGTON (AP) - Former Rep. Jesse Jackson Jr. was sentenced on Wednesday to two and a half \
years in prison. His father, the Rev. Jesse Jackson, sat in the courtroom. Jackson pleaded \
guilty in February to spending campaign money on personal items.");
    let son = entity_of(&layer, "Jesse Jackson Jr.");
    assert!(son.is_some());
    let mentions = |text: &str| {
        layer
            .mentions
            .iter()
            .filter(|m| m.text == text)
            .map(|m| m.local_entity)
            .collect::<Vec<_>>()
    };
    assert!(mentions("Jesse Jackson Jr.").iter().all(|&e| e == son));
    assert!(mentions("Jackson").iter().all(|&e| e == son));
    assert_ne!(entity_of(&layer, "Jesse Jackson"), son);

    // The father named first: his namesake son is another person.
    let layer = run(
        "Donald Trump said on Monday that his son had done nothing wrong. \
Donald Trump Jr. met a Russian lawyer in June 2016. Trump Jr. released the emails on Tuesday. \
Trump called it the greatest witch hunt.",
    );
    let father = entity_of(&layer, "Donald Trump");
    let son = entity_of(&layer, "Donald Trump Jr.");
    assert!(father.is_some() && son.is_some());
    assert_ne!(father, son);
    assert_eq!(entity_of(&layer, "Trump Jr."), son);
    assert_eq!(entity_of(&layer, "Trump"), father);
}

#[test]
fn a_generational_suffix_is_never_a_name_of_its_own() {
    let layer = run(
        "The nation marked its national holiday honoring Martin Luther King Jr on \
Monday. Lewis, who marched with Martin Luther King Jr. Reagan signed the holiday into law.",
    );
    assert!(
        layer.mentions.iter().all(|m| !m.text.starts_with("Jr")),
        "{:#?}",
        layer.mentions
    );
}

#[test]
fn a_body_a_person_leads_is_not_the_person() {
    let layer = run(
        "President Barack Obama spoke on Friday. Lawmakers dismissed warnings from the Obama \
administration that the bill could hurt national security. Obama said he would veto it.",
    );
    let body = find(&layer, "Obama administration");
    assert_eq!(body.entity_type, EntityType::Org);
    let president = find(&layer, "Barack Obama").local_entity;
    assert_ne!(body.local_entity, president);
    assert_eq!(find(&layer, "Obama").local_entity, president);
}

#[test]
fn a_people_named_as_an_adjective_is_no_plural_antecedent() {
    let text = "Many of his Obama-supporting Jewish critics, to their shame, cannot say it.";
    let layer = run(text);
    let jewish = entity_of(&layer, "Jewish");
    assert!(jewish.is_some(), "{:#?}", layer.mentions);
    assert!(layer
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Pronoun)
        .all(|m| m.local_entity != jewish));
    let text = "The Muslims gathered in the square. Their leaders spoke.";
    let layer = run(text);
    assert!(entity_of(&layer, "Muslims").is_some());
    assert_eq!(entity_of(&layer, "Their"), entity_of(&layer, "Muslims"));
}

#[test]
fn a_known_organization_wins_over_a_part_of_it() {
    let layer = run("The so-called Islamic State has been driven from Raqqa.");
    let m = find(&layer, "Islamic State");
    assert_eq!(m.entity_type, EntityType::Org);
}

#[test]
fn the_complement_of_a_title_is_the_role_not_the_name() {
    let text = "The ad includes McConnell's wife, former Secretary of Labor Elaine Chao, \
looking into the camera. \"You've seen the ads,\" Chao says.";
    let layer = run(text);
    let m = find(&layer, "Elaine Chao");
    assert_eq!(m.entity_type, EntityType::Person);
    assert_eq!(m.role.as_deref(), Some("Secretary of Labor"));
    assert_eq!(entity_of(&layer, "Chao"), entity_of(&layer, "Elaine Chao"));
    let text = "Still, then-Deputy Assistant Secretary for Diplomatic Security Charlene Lamb \
testified in October. Lamb said the attack was unprecedented.";
    let layer = run(text);
    let m = find(&layer, "Charlene Lamb");
    assert_eq!(m.entity_type, EntityType::Person);
}
