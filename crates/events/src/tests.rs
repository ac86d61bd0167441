//! Tests of the rules (lexicon types, no model) on hand-made sentences, and the span property
//! on arbitrary text.

use super::*;
use parallax_core::{
    EntityType, LocalEntity, Mention, MentionKind, NonAssertion, Paragraph, Sentence as Sent,
};

/// Words and single punctuation marks of `text`, as the segmenter would give them.
fn tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        let word = ch.is_alphanumeric() || ch == '\'' || ch == '-';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
        if !word && !ch.is_whitespace() {
            out.push(Span::new(i, i + ch.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

fn segmentation(text: &str) -> Segmentation {
    let all = Span::new(0, text.len());
    Segmentation {
        paragraphs: vec![Paragraph {
            span: all,
            role: ParagraphRole::Body,
        }],
        sentences: vec![Sent {
            span: all,
            paragraph: 0,
        }],
        tokens: tokens(text),
    }
}

/// Mentions of the given names (first occurrence each), each its own entity; a nationality
/// gets the country given.
fn mentions(
    text: &str,
    names: &[(&str, EntityType, Option<&str>)],
) -> (Vec<Mention>, Vec<LocalEntity>) {
    let mut ms: Vec<(Mention, Option<String>)> = names
        .iter()
        .filter_map(|(name, t, country)| {
            let at = text.find(name)?;
            Some((
                Mention {
                    span: Span::new(at, at + name.len()),
                    text: name.to_string(),
                    entity_type: *t,
                    kind: MentionKind::Name,
                    role: None,
                    local_entity: None,
                },
                country.map(str::to_string),
            ))
        })
        .collect();
    ms.sort_by_key(|(m, _)| m.span.start);
    let mut entities = Vec::new();
    let mut out = Vec::new();
    for (i, (mut m, country)) in ms.into_iter().enumerate() {
        m.local_entity = Some(i);
        entities.push(LocalEntity {
            name: m.text.clone(),
            entity_type: m.entity_type,
            mentions: vec![i],
            roles: Vec::new(),
            country,
        });
        out.push(m);
    }
    (out, entities)
}

fn events(text: &str, names: &[(&str, EntityType, Option<&str>)]) -> Vec<Event> {
    let (ms, es) = mentions(text, names);
    events_of(text, &ms, &es)
}

/// The events coded in `text` with these mentions and entities.
fn events_of(text: &str, ms: &[Mention], es: &[LocalEntity]) -> Vec<Event> {
    let doc = Document::new("d", text, "test");
    let seg = segmentation(text);
    let layers = Layers {
        segmentation: &seg,
        mentions: ms,
        local_entities: es,
        times: &[],
        time_anchor: None,
        quotes: &[],
        places: &[],
    };
    code(&doc, &layers, None, BITS)
        .into_iter()
        .map(|(e, _)| e)
        .collect()
}

fn names(actors: &[parallax_core::EventActor]) -> Vec<&str> {
    actors.iter().map(|a| a.name.as_str()).collect()
}

use EntityType::{Gpe, Norp};

#[test]
fn a_nationality_and_a_military_noun_are_one_actor() {
    let e = events(
        "Iranian drones struck an airbase near Kirkuk.",
        &[("Iranian", Norp, Some("Iran")), ("Kirkuk", Gpe, None)],
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].event_type, EventType::Fight);
    assert_eq!(e[0].trigger.text, "struck");
    assert_eq!(names(&e[0].source), ["Iran"]);
    assert_eq!(e[0].source[0].sector.as_deref(), Some("military"));
    assert_eq!(e[0].source[0].text, "Iranian drones");
    assert_eq!(
        e[0].location.as_ref().map(|l| l.text.as_str()),
        Some("Kirkuk")
    );
    assert!(e[0].asserted);
}

#[test]
fn a_threat_to_strike_is_a_threat_not_a_strike() {
    let e = events(
        "Iran threatened to strike Israeli bases.",
        &[("Iran", Gpe, None), ("Israeli", Norp, Some("Israel"))],
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].event_type, EventType::Threaten);
    assert_eq!(names(&e[0].source), ["Iran"]);
    assert_eq!(names(&e[0].target), ["Israel"]);
    assert_eq!(e[0].mode.as_deref(), Some("airstrike"));
}

#[test]
fn a_denied_event_is_kept_but_not_asserted() {
    let e = events(
        "Tehran denied that its drones entered Iraqi airspace.",
        &[("Tehran", Gpe, None), ("Iraqi", Norp, Some("Iraq"))],
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].event_type, EventType::Fight);
    assert!(!e[0].asserted);
    assert_eq!(e[0].reason, Some(NonAssertion::Denied));
}

#[test]
fn a_refusal_of_claims_denies_what_they_say_and_names_its_word() {
    let e = events(
        "The ministry rejected claims that its forces shelled the village.",
        &[],
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].trigger.text, "shelled");
    assert_eq!(e[0].reason, Some(NonAssertion::Denied));
    assert_eq!(
        e[0].modality.as_ref().map(|m| m.text.as_str()),
        Some("rejected")
    );
    let e = events("Officials dismissed reports of shelling in the town.", &[]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].reason, Some(NonAssertion::Denied));
    // A refusal of something else stays a rejection.
    let e = events("Iran rejected the proposal.", &[("Iran", Gpe, None)]);
    assert_eq!(e[0].event_type, EventType::Reject);
    assert!(e[0].modality.is_none());
}

#[test]
fn the_reporting_clause_is_not_the_actor() {
    let e = events(
        "Syria says Israel struck its airbases.",
        &[("Syria", Gpe, None), ("Israel", Gpe, None)],
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(names(&e[0].source), ["Israel"]);
}

#[test]
fn a_passive_takes_its_source_from_by() {
    let e = events("The embassy was attacked by gunmen on Sunday.", &[]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(names(&e[0].source), ["gunmen"]);
    assert_eq!(e[0].source[0].sector.as_deref(), Some("rebels"));
}

#[test]
fn coordinated_actors_are_all_kept() {
    let e = events(
        "Bosnia and Slovenia agreed to a ceasefire.",
        &[("Bosnia", Gpe, None), ("Slovenia", Gpe, None)],
    );
    assert_eq!(e[0].event_type, EventType::Agree);
    assert_eq!(names(&e[0].source), ["Bosnia", "Slovenia"]);
}

#[test]
fn police_arresting_protesters_is_coercion_not_protest() {
    let e = events(
        "Police arrested 40 protesters in Tbilisi.",
        &[("Tbilisi", Gpe, None)],
    );
    assert_eq!(e[0].event_type, EventType::Coerce);
    assert_eq!(names(&e[0].source), ["Police"]);
    assert_eq!(names(&e[0].target), ["protesters"]);
}

#[test]
fn negation_and_future_are_not_asserted() {
    let e = events("The army did not attack the town.", &[]);
    assert_eq!(e[0].reason, Some(NonAssertion::Negated));
    let e = events("Russia will withdraw its troops.", &[("Russia", Gpe, None)]);
    assert_eq!(e[0].event_type, EventType::Agree);
    assert!(!e[0].asserted);
    let e = events("The army could shell the town.", &[]);
    assert_eq!(e[0].reason, Some(NonAssertion::Hypothetical));
}

#[test]
fn a_month_is_not_a_march() {
    let e = events("Talks resumed in March after the summit.", &[]);
    assert!(e.iter().all(|e| e.trigger.text != "March"), "{e:?}");
}

#[test]
fn a_strike_by_workers_is_a_protest_not_an_air_strike() {
    let e = events("The union said the strike would go ahead over pay.", &[]);
    assert!(e.iter().all(|e| e.event_type != EventType::Fight), "{e:?}");
    let e = events(
        "Teachers began the strike at Lincoln High on Monday.",
        &[("Lincoln High", EntityType::Fac, None)],
    );
    assert_eq!(e[0].event_type, EventType::Protest, "{e:?}");
    assert_eq!(e[0].mode.as_deref(), Some("boycott"));
    let e = events(
        "Israel said the strike hit Hamas.",
        &[("Israel", Gpe, None)],
    );
    assert_eq!(e[0].event_type, EventType::Fight, "{e:?}");
    let e = events(
        "Papadopoulos struck a plea agreement with prosecutors.",
        &[("Papadopoulos", EntityType::Person, None)],
    );
    assert_eq!(e[0].event_type, EventType::Agree, "{e:?}");
    let e = events(
        "Reagan struck a different tone than Trump.",
        &[
            ("Reagan", EntityType::Person, None),
            ("Trump", EntityType::Person, None),
        ],
    );
    assert!(e.iter().all(|e| e.event_type != EventType::Fight), "{e:?}");
}

#[test]
fn words_with_no_actor_code_no_event() {
    let e = events(
        "There is wide support for the bill and a deal is close.",
        &[],
    );
    assert!(e.is_empty(), "{e:?}");
    // A physical event stands with its place or what underwent it.
    let e = events("A bomb exploded in Kabul.", &[("Kabul", Gpe, None)]);
    assert!(!e.is_empty());
    let e = events("Weapons were seized during the raid.", &[]);
    assert_eq!(e[0].event_type, EventType::Coerce, "{e:?}");
}

#[test]
fn a_verb_or_a_title_is_no_actor_noun() {
    let e = events(
        "Democrats want to force President Biden to resign.",
        &[
            ("Democrats", EntityType::Org, None),
            ("Biden", EntityType::Person, None),
        ],
    );
    assert!(
        e.iter()
            .flat_map(|e| e.source.iter().chain(&e.target))
            .all(|a| !a.text.contains("force")),
        "{e:?}"
    );
    let e = events(
        "A bill would force President Trump to restrict exports to China.",
        &[("Trump", EntityType::Person, None), ("China", Gpe, None)],
    );
    assert!(
        e.iter()
            .flat_map(|e| e.source.iter().chain(&e.target))
            .all(|a| !a.text.contains("force")),
        "{e:?}"
    );
}

#[test]
fn a_place_locating_another_actor_is_not_the_target() {
    let e = events(
        "Mueller spoke about the investigation at the Justice Department in Washington.",
        &[
            ("Mueller", EntityType::Person, None),
            ("Justice Department", EntityType::Org, None),
            ("Washington", Gpe, None),
        ],
    );
    assert!(
        e.iter().all(|e| names(&e.target) != ["Washington"]),
        "{e:?}"
    );
    let e = events("At least 16 people were killed in the blast.", &[]);
    assert_eq!(names(&e[0].target), ["people"], "{e:?}");
}

#[test]
fn the_committed_model_reads() {
    assert!(model::embedded().is_ok());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_span_is_its_text(text in "(\\PC{0,12}( |, |\\. )?(struck|Iran|threatened to|denied|police|arrested|in|Kirkuk|will|not|troops|by|was|attacked|and)?){0,14}") {
            let doc = Document::new("d", text.clone(), "prop");
            let seg = segmentation(&text);
            let (ms, es) = mentions(&text, &[("Iran", Gpe, None), ("Kirkuk", Gpe, None)]);
            let layers = Layers {
                segmentation: &seg,
                mentions: &ms,
                local_entities: &es,
                times: &[],
                time_anchor: None,
                quotes: &[],
                places: &[],
            };
            for e in annotate(&doc, &layers).items {
                prop_assert_eq!(&text[e.trigger.span.start..e.trigger.span.end], e.trigger.text.as_str());
                for a in e.source.iter().chain(&e.target) {
                    prop_assert_eq!(&text[a.span.start..a.span.end], a.text.as_str());
                }
                for l in e.location.iter().chain(&e.modality) {
                    prop_assert_eq!(&text[l.span.start..l.span.end], l.text.as_str());
                }
            }
        }
    }
}

#[test]
fn a_name_in_a_persons_title_is_not_the_actor() {
    let text = "Former New York City Mayor Rudy Giuliani agreed with McCain on Monday.";
    let (mut ms, es) = mentions(
        text,
        &[
            ("New York City", Gpe, None),
            ("Rudy Giuliani", EntityType::Person, None),
            ("McCain", EntityType::Person, None),
        ],
    );
    ms[1].role = Some("Former New York City Mayor".into());
    let e = events_of(text, &ms, &es);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(names(&e[0].source), ["Rudy Giuliani"]);
    assert_eq!(names(&e[0].target), ["McCain"]);
}

#[test]
fn a_name_before_a_shortened_title_is_not_the_actor() {
    // The entity layer keeps "Leader" as the title; "Senate Minority" is still part of it.
    let text = "Senate Minority Leader Mitch McConnell criticized Pelosi on Tuesday.";
    let (mut ms, es) = mentions(
        text,
        &[
            ("Senate", EntityType::Org, None),
            ("Mitch McConnell", EntityType::Person, None),
            ("Pelosi", EntityType::Person, None),
        ],
    );
    ms[1].role = Some("Leader".into());
    let e = events_of(text, &ms, &es);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(names(&e[0].source), ["Mitch McConnell"]);
}

#[test]
fn a_noun_trigger_as_predicate_complement_is_no_event() {
    for text in [
        "Republicans will block any bill that they consider a threat to Second Amendment rights.",
        "U.S. officials said the virus poses a serious threat to American troops.",
        "Democrats called the ruling an attack on voting rights.",
    ] {
        let e = events(
            text,
            &[
                ("Republicans", Norp, None),
                ("Democrats", Norp, None),
                ("U.S.", Gpe, None),
            ],
        );
        assert!(e.is_empty(), "{text}: {e:?}");
    }
    // An existential sentence still reports the event, as does a noun after a preposition
    // and a verb trigger.
    for text in [
        "There was an attack by Taliban fighters in Kabul.",
        "There has been an attack by Taliban fighters in Kabul.",
        "Taliban fighters in Kabul carried out what appears to be a targeted attack.",
        "Two soldiers were wounded in a bomb attack by Taliban fighters in Kabul.",
        "Two soldiers were wounded when a grenade exploded in Kabul, the Taliban said.",
        "Taliban fighters were conducting a raid in Kabul.",
    ] {
        let e = events(text, &[("Taliban", Norp, None), ("Kabul", Gpe, None)]);
        assert!(
            e.iter()
                .any(|e| ["attack", "grenade", "raid"].contains(&e.trigger.text.as_str())),
            "{text}: {e:?}"
        );
    }
    let e = events(
        "Iran threatened Israel.",
        &[("Iran", Gpe, None), ("Israel", Gpe, None)],
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn an_attack_on_words_or_politics_with_no_violence_is_a_criticism() {
    let people = [
        ("Trump", EntityType::Person, None),
        ("Comey", EntityType::Person, None),
        ("Iran", Gpe, None),
        ("Iraq", Gpe, None),
    ];
    let e = events(
        "Comey attacked Trump in his testimony on Thursday.",
        &people,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].event_type, EventType::Disapprove);
    // A word of violence, or no word of either kind, keeps the trigger's own type.
    for text in [
        "Iran attacked a military base in Iraq on Tuesday.",
        "Iran attacked Iraq on Tuesday.",
    ] {
        let e = events(text, &people);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].event_type, EventType::Assault, "{text}");
    }
    let e = events("Comey had a heart attack.", &people);
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn the_subject_under_investigation_is_its_target() {
    let e = events(
        "Comey confirmed that Trump was not under FBI investigation.",
        &[
            ("Comey", EntityType::Person, None),
            ("Trump", EntityType::Person, None),
            ("FBI", EntityType::Org, None),
        ],
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(names(&e[0].target), ["Trump"]);
    assert!(names(&e[0].source).is_empty(), "{e:?}");
}
