//! Golden tests: every form of quotation the issue names, each with its hard case.

use crate::test_support::quotes_of;
use parallax_core::{Document, EntityType, Mention, MentionKind, Quote, QuoteKind, Severity, Span};

/// (kind, content, cue, speaker, channel) of each quote, for compact assertions.
type Row<'a> = (
    QuoteKind,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn rows(quotes: &[Quote]) -> Vec<Row<'_>> {
    quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                q.text.as_str(),
                q.cue.as_ref().map(|a| a.text.as_str()),
                q.speaker_text.as_ref().map(|a| a.text.as_str()),
                q.channel.as_ref().map(|a| a.text.as_str()),
            )
        })
        .collect()
}

fn only(text: &str) -> Quote {
    let quotes = quotes_of(text);
    assert_eq!(quotes.len(), 1, "{:#?}", rows(&quotes));
    quotes.into_iter().next().unwrap_or_else(|| unreachable!())
}

#[test]
fn curly_plural_possessive_does_not_break_pairing() {
    let text = "“The United States’ pipeline won’t close before the ’90s rules expire,” he said. \
                “We are ready,” she added.";
    let quotes = quotes_of(text);
    assert_eq!(
        rows(&quotes),
        [
            (
                QuoteKind::Direct,
                "The United States’ pipeline won’t close before the ’90s rules expire,",
                Some("said"),
                Some("he"),
                None
            ),
            (
                QuoteKind::Direct,
                "We are ready,",
                Some("added"),
                Some("she"),
                None
            ),
        ]
    );
}

#[test]
fn every_mark_style_pairs() {
    for (text, content) in [
        ("«Nous partons,» said Mr. Dalen.", "Nous partons,"),
        ("„Wir gehen“, said Mr. Dalen.", "Wir gehen"),
        ("‘We are leaving,’ said Mr. Dalen.", "We are leaving,"),
        ("'We are leaving,' said Mr. Dalen.", "We are leaving,"),
        ("\"We are leaving,\" said Mr. Dalen.", "We are leaving,"),
    ] {
        let q = only(text);
        assert_eq!(
            (q.text.as_str(), q.speaker_text.map(|s| s.text)),
            (content, Some("Mr. Dalen".into())),
            "{text}"
        );
    }
}

#[test]
fn nested_quotes_stay_inside_the_outer_quote() {
    let q = only("“He told me ‘never again,’ and I believed him,” she said.");
    assert_eq!(q.text, "He told me ‘never again,’ and I believed him,");
    assert_eq!(q.speaker_text.map(|s| s.text).as_deref(), Some("she"));
}

#[test]
fn unbalanced_marks_keep_the_pairable_quotes_and_warn() {
    let text = "“We will win,” he said.\n\nThe crowd “cheered loudly.\n\nLater, “Fine,” she said.";
    let doc = Document::new("t", text, "test");
    let out = crate::annotate(&doc, &crate::test_support::seg_of(text), &[], &[]);
    let texts: Vec<&str> = out.items.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["We will win,", "Fine,"]);
    let warning = out
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Warning);
    let span = warning.and_then(|d| d.span).map(|s| s.text(text));
    assert_eq!(span, Some("“"));
}

#[test]
fn a_quote_running_across_paragraphs_is_one_quotation() {
    let text = "Mr. Dalen spoke at length.\n\n“We came here in peace. We stayed.\n\n\
                “We will not leave now,” Mr. Dalen said.";
    let q = only(text);
    assert_eq!(
        q.text,
        "We came here in peace. We stayed.\n\n“We will not leave now,"
    );
    assert_eq!(q.cue.map(|c| c.text).as_deref(), Some("said"));
    assert_eq!(q.speaker_text.map(|s| s.text).as_deref(), Some("Mr. Dalen"));
}

#[test]
fn colon_lead_in_with_channel() {
    let q = only("He told CNN: “We are ready for talks.”");
    assert_eq!(
        rows(std::slice::from_ref(&q)),
        [(
            QuoteKind::Direct,
            "We are ready for talks.",
            Some("told"),
            Some("He"),
            Some("told CNN")
        )]
    );
}

#[test]
fn dash_credit_in_a_list_of_quotes_one_per_line() {
    // The name closes its line though the sentence runs on into the next quotation, and the
    // first line opens with a mistyped right mark.
    let text = "”Mr. Trump embodies racism. He represents our greatest shame.” ― Sonya Herridge\n\
                “During the debate he said we live in hell. He is ignorant.”― Pamela Padilla \n\
                “I’m so ashamed to be an American.”― Jacklyn Ashley\n";
    let quotes = quotes_of(text);
    let speakers: Vec<_> = rows(&quotes).into_iter().map(|r| (r.2, r.3)).collect();
    assert_eq!(
        speakers,
        [
            (Some("―"), Some("Sonya Herridge")),
            (Some("―"), Some("Pamela Padilla")),
            (Some("―"), Some("Jacklyn Ashley")),
        ]
    );
}

#[test]
fn dash_credit_after_a_quote() {
    let q = only("“He is unfit to lead the country.” ― Sonya Herridge");
    assert_eq!(q.cue.map(|c| c.text).as_deref(), Some("―"));
    assert_eq!(
        q.speaker_text.map(|s| s.text).as_deref(),
        Some("Sonya Herridge")
    );
}

#[test]
fn speaker_after_the_quote_inverted_with_apposition() {
    let q = only("“It is an invasion,” said Scott Pruitt, the attorney general of Oklahoma.");
    assert_eq!(
        q.speaker_text.map(|s| s.text).as_deref(),
        Some("Scott Pruitt, the attorney general of Oklahoma")
    );
}

#[test]
fn quote_only_paragraph_continues_the_previous_speaker() {
    let text = "“We will respond,” the ministry said in a statement posted on its website.\n\n\
                “Our patience has limits.”";
    let quotes = quotes_of(text);
    assert_eq!(quotes.len(), 2);
    assert_eq!(
        quotes[1].speaker_text.as_ref().map(|s| s.text.as_str()),
        Some("the ministry")
    );
    assert_eq!(
        quotes[0].channel.as_ref().map(|s| s.text.as_str()),
        Some("in a statement posted on its website")
    );
}

#[test]
fn quoted_as_saying_names_the_speaker_and_the_channel() {
    let q = only("Interfax quoted him as saying that the troops would stay.");
    assert_eq!(q.speaker_text.map(|s| s.text).as_deref(), Some("him"));
    assert_eq!(
        q.channel.map(|s| s.text).as_deref(),
        Some("Interfax quoted him as saying")
    );
    assert_eq!(q.text, "that the troops would stay");
}

#[test]
fn indirect_speech_forms() {
    let cases = [
        (
            "Mr. Dalen said that the troops would stay.",
            "said",
            "Mr. Dalen",
            "that the troops would stay",
        ),
        (
            "Mr. Dalen said the troops would stay.",
            "said",
            "Mr. Dalen",
            "the troops would stay",
        ),
        (
            "The minister told reporters the border was closed.",
            "told",
            "The minister",
            "the border was closed",
        ),
        (
            "Georgia's president accused Moscow of aggression.",
            "accused",
            "Georgia's president",
            "Moscow of aggression",
        ),
        (
            "The ministry denied the reports of casualties.",
            "denied",
            "The ministry",
            "the reports of casualties",
        ),
        (
            "She warned that prices would rise.",
            "warned",
            "She",
            "that prices would rise",
        ),
        (
            "The council called on both sides to stop fighting.",
            "called on",
            "The council",
            "both sides to stop fighting",
        ),
        (
            "Mr. Dalen claimed victory in the vote.",
            "claimed",
            "Mr. Dalen",
            "victory in the vote",
        ),
        (
            "He insisted the talks had failed.",
            "insisted",
            "He",
            "the talks had failed",
        ),
        (
            "The army announced a ceasefire on Friday.",
            "announced",
            "The army",
            "a ceasefire on Friday",
        ),
        (
            "Troops entered the town, the ministry said.",
            "said",
            "the ministry",
            "Troops entered the town",
        ),
        (
            "Troops entered the town, said the Russian Defence Ministry.",
            "said",
            "the Russian Defence Ministry",
            "Troops entered the town",
        ),
    ];
    for (text, cue, speaker, content) in cases {
        let q = only(text);
        assert_eq!(
            (
                q.kind,
                q.text.as_str(),
                q.cue.map(|c| c.text),
                q.speaker_text.map(|s| s.text)
            ),
            (
                QuoteKind::Indirect,
                content,
                Some(cue.to_string()),
                Some(speaker.to_string())
            ),
            "{text}"
        );
    }
}

#[test]
fn sentence_final_told_with_its_listener_as_channel() {
    for (text, channel) in [
        (
            "The claims of shelling are false, a ministry spokesman told the Herald.",
            "told the Herald",
        ),
        (
            "The claims of shelling are false, a ministry spokesman told reporters.",
            "told reporters",
        ),
        (
            "The claims of shelling are false, a ministry spokesman told CNN.",
            "told CNN",
        ),
    ] {
        let q = only(text);
        assert_eq!(
            rows(std::slice::from_ref(&q)),
            [(
                QuoteKind::Indirect,
                "The claims of shelling are false",
                Some("told"),
                Some("a ministry spokesman"),
                Some(channel)
            )],
            "{text}"
        );
    }
}

#[test]
fn relative_clauses_are_spoken_as_polnear_marks_them() {
    // A relative clause between the name and the cue belongs to the speaker phrase.
    let q = only("The official, who asked not to be named, said most of the dead were civilians.");
    assert_eq!(
        (q.text.as_str(), q.speaker_text.map(|s| s.text)),
        (
            "most of the dead were civilians",
            Some("The official, who asked not to be named,".into())
        )
    );
    // A cue inside the relative clause is spoken by the pronoun, which resolves to the
    // antecedent through the entity mentions (the main clause may hold a statement of its
    // own: "gave no figures").
    for (text, pronoun) in [
        (
            "Mr. Dalen, who said the troops would stay, left on Friday.",
            "who",
        ),
        (
            "Mr. Dalen, who told reporters the troops would stay, left on Friday.",
            "who",
        ),
        (
            "The ministry, which said the troops would stay, gave no figures.",
            "which",
        ),
    ] {
        let quotes = quotes_of(text);
        let clause = text.find(pronoun).unwrap_or(0)..text.rfind(',').unwrap_or(0);
        let inside: Vec<_> = quotes
            .iter()
            .filter(|q| {
                q.cue
                    .as_ref()
                    .is_some_and(|c| clause.contains(&c.span.start))
            })
            .collect();
        assert!(!inside.is_empty(), "{text}: {:#?}", rows(&quotes));
        for q in inside {
            let speaker = q.speaker_text.as_ref().map(|s| s.text.as_str());
            assert_eq!(speaker, Some(pronoun), "{text}: {:#?}", rows(&quotes));
        }
    }
}

#[test]
fn according_to_before_and_after() {
    let q = only("According to the ministry, 20 soldiers died.");
    assert_eq!(
        (q.text.as_str(), q.speaker_text.map(|s| s.text)),
        ("20 soldiers died", Some("the ministry".into()))
    );
    let q = only("Twenty soldiers died, according to local officials.");
    assert_eq!(q.cue.map(|c| c.text).as_deref(), Some("according to"));
    assert_eq!(
        (q.text.as_str(), q.speaker_text.map(|s| s.text)),
        ("Twenty soldiers died", Some("local officials".into()))
    );
}

#[test]
fn a_paraphrase_with_a_quoted_fragment_is_mixed() {
    let q = only("He said the plan was “a disaster” for the region.");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.text, "the plan was “a disaster” for the region");
}

#[test]
fn block_quote_after_a_source_lead_in() {
    let text = "Critics were quick to respond.\n\nFrom NRO's The Corner:\n\n\
                The policy is a mistake. It will fail.\n\nIt always fails.\n\n\
                I could not agree more with them.";
    let quotes = quotes_of(text);
    let block: Vec<Row> = rows(&quotes)
        .into_iter()
        .filter(|r| r.0 == QuoteKind::Block)
        .collect();
    assert_eq!(
        block,
        [(
            QuoteKind::Block,
            "The policy is a mistake. It will fail.\n\nIt always fails.",
            Some("From"),
            Some("NRO's The Corner"),
            None
        )]
    );
}

#[test]
fn update_with_agency_dateline_is_a_block_credited_to_the_agency() {
    let text =
        "Fighting resumed on Friday.\n\nOfficials gave no figures.\n\nMore later.\n\nUPDATE:\n\n\
                BEIJING (AP) – China urged restraint on Saturday.";
    let quotes = quotes_of(text);
    let block = quotes.iter().find(|q| q.kind == QuoteKind::Block);
    assert_eq!(
        block.map(|q| q.text.as_str()),
        Some("BEIJING (AP) – China urged restraint on Saturday.")
    );
    assert_eq!(
        block
            .and_then(|q| q.speaker_text.as_ref())
            .map(|s| s.text.as_str()),
        Some("AP")
    );
}

#[test]
fn transcript_turns_are_direct_quotes() {
    let text = "Partial transcript as follows:\n\nWALLACE: Will she be there tomorrow night?\n\n\
                PENCE: She will not be attending the debate.";
    let speakers: Vec<Option<String>> = quotes_of(text)
        .into_iter()
        .map(|q| q.speaker_text.map(|s| s.text))
        .collect();
    assert_eq!(
        speakers,
        [Some("WALLACE".to_string()), Some("PENCE".to_string())]
    );
}

#[test]
fn speakers_resolve_to_mentions() {
    let text = "Mikheil Saakashvili spoke on Friday. “We will not give up,” he said.";
    let mention = |start: usize, end: usize, kind| Mention {
        span: Span::new(start, end),
        text: text[start..end].to_string(),
        entity_type: EntityType::Person,
        kind,
        role: None,
        local_entity: Some(0),
    };
    let doc = Document::new("t", text, "test");
    let mentions = [mention(0, 19, MentionKind::Name)];
    let out = crate::annotate(&doc, &crate::test_support::seg_of(text), &mentions, &[]);
    assert_eq!(out.items.len(), 1);
    assert_eq!(out.items[0].speaker_mention, Some(0));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn spans_are_valid_and_never_panic(
            text in "\\PC{0,300}|[a-zA-Z ,.:!?\"“”‘’'«»„―—\n-]{0,300}|((said|he|told|according to|Mr. X|“|”|,|\\.|\n\n| ) ){0,60}"
        ) {
            let doc = Document::new("t", text.clone(), "test");
            let out = crate::annotate(&doc, &parallax_core::Segmentation::default(), &[], &[]);
            for q in &out.items {
                prop_assert_eq!(q.span.slice(&text).ok(), Some(q.text.as_str()));
                for a in [&q.cue, &q.speaker_text, &q.channel].into_iter().flatten() {
                    prop_assert_eq!(a.span.slice(&text).ok(), Some(a.text.as_str()));
                }
            }
            for d in &out.diagnostics {
                if let Some(span) = d.span {
                    prop_assert!(span.slice(&text).is_ok());
                }
            }
        }
    }
}

#[test]
fn rubric_labels_are_not_speakers() {
    assert!(
        quotes_of("Opinion: Kelidze's reckless gamble will cost Marenia dearly\n\nHe left.")
            .is_empty()
    );
    let quotes = quotes_of("Pence: Flowers won't be at the debate\n\nThe rest.");
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].speaker_text.as_ref().map(|s| s.text.as_str()),
        Some("Pence")
    );
}

/// (cue, speaker, content) of the single quotation of `text`.
fn attribution(text: &str) -> (String, String, String) {
    let q = only(text);
    (
        q.cue.map(|c| c.text).unwrap_or_default(),
        q.speaker_text.map(|s| s.text).unwrap_or_default(),
        q.text,
    )
}

#[test]
fn polnear_attribution_conventions() {
    for (text, cue, speaker, content) in [
        // A verb coordinated with the main verb is spoken by the subject.
        (
            "Sanders met voters in Iowa and said that he would win.",
            "said",
            "Sanders",
            "that he would win",
        ),
        // Shares of people are speakers.
        (
            "About 4 in 10 say they want more liberal policies.",
            "say",
            "About 4 in 10",
            "they want more liberal policies",
        ),
        // Shares of a group and documents with their authors are whole phrases.
        (
            "Even some of those hardliners said the deal was fair.",
            "said",
            "some of those hardliners",
            "the deal was fair",
        ),
        (
            "A study by Pew Research found that turnout fell.",
            "found",
            "A study by Pew Research",
            "that turnout fell",
        ),
        (
            "Mrs. Clinton and her allies say the plan was bad.",
            "say",
            "Mrs. Clinton and her allies",
            "the plan was bad",
        ),
        // A name with several appositions before the cue is one speaker phrase.
        (
            "Dean Johnson, a salesman from Sumter, South Carolina, said he would vote.",
            "said",
            "Dean Johnson, a salesman from Sumter, South Carolina,",
            "he would vote",
        ),
        // Weak cues take a clause without "that"; time words before "that" are skipped.
        (
            "U.S. intelligence officials believe Beijing has cut its hacking.",
            "believe",
            "U.S. intelligence officials",
            "Beijing has cut its hacking",
        ),
        (
            "A Quinnipiac University poll found last week that Clinton would win.",
            "found",
            "A Quinnipiac University poll",
            "that Clinton would win",
        ),
        // Negations and "do" join the cue; so does a preposition before the object.
        (
            "At his stops, he did not directly criticize his opponent.",
            "did not directly criticize",
            "he",
            "his opponent",
        ),
        (
            "In a later vote, he warned of the dangers of technology.",
            "warned of",
            "he",
            "the dangers of technology",
        ),
        // A closing "according to" source runs to the end of its clause.
        (
            "The consultant broke the agreement, according to a document provided by his lawyer.",
            "according to",
            "a document provided by his lawyer",
            "The consultant broke the agreement",
        ),
        // The listener of "told" ends before time words.
        (
            "Rubio told reporters Tuesday that the plan is bad.",
            "told",
            "Rubio",
            "that the plan is bad",
        ),
        // The head of a relative clause speaks, not the clause's object.
        (
            "Democrats in Iowa who watched the Saturday debate said Clinton won.",
            "said",
            "Democrats in Iowa who watched the Saturday debate",
            "Clinton won",
        ),
        // A closing mark or a dash before the name is not part of the speaker.
        (
            "- Donald Trump said the wall would be built.",
            "said",
            "Donald Trump",
            "the wall would be built",
        ),
        // A contracted negation joins the cue; an aside after the name is not the speaker's.
        (
            "Mr. Sanders, meanwhile, isn’t saying whether he will endorse her.",
            "isn’t saying",
            "Mr. Sanders",
            "whether he will endorse her",
        ),
        // An organization after "of the" belongs to an inverted speaker's name.
        (
            "''There's no way,'' said Mr. Burman of the Tax Policy Center.",
            "said",
            "Mr. Burman of the Tax Policy Center",
            "There's no way,",
        ),
        // A participle after the head stays in the phrase with its time words.
        (
            "A news report published Wednesday said Carter used a personal email account.",
            "said",
            "A news report published Wednesday",
            "Carter used a personal email account",
        ),
        // A number with its determiner: "All three candidates".
        (
            "All three candidates have said they would cut taxes.",
            "have said",
            "All three candidates",
            "they would cut taxes",
        ),
    ] {
        assert_eq!(
            attribution(text),
            (cue.to_string(), speaker.to_string(), content.to_string()),
            "{text}"
        );
    }
}

#[test]
fn a_name_label_with_a_colon_credits_the_quote() {
    let text =
        "What the forecasters learned.\n\n- Carl Bialik: “One of the biggest lessons is humility.”";
    let q = only(text);
    assert_eq!(
        (
            q.kind,
            q.cue.map(|c| c.text),
            q.speaker_text.map(|s| s.text)
        ),
        (
            QuoteKind::Direct,
            Some(":".to_string()),
            Some("Carl Bialik".to_string())
        )
    );
}

#[test]
fn a_coordinated_verb_credits_the_quote_and_the_next_statement_does_not() {
    let text = "Hayek confirmed she had been and said, “America has a problem.” The star then \
                recalled an incident at a theater.";
    let quotes = quotes_of(text);
    let direct: Vec<_> = rows(&quotes)
        .into_iter()
        .filter(|r| r.0 == QuoteKind::Direct)
        .collect();
    assert_eq!(
        direct,
        [(
            QuoteKind::Direct,
            "America has a problem.",
            Some("said"),
            Some("Hayek"),
            None
        )]
    );
}

#[test]
fn a_relative_clause_statement_ends_before_the_main_cue() {
    let text = "Barkley, who said he typically votes Democratic, said one candidate he likes is \
                John Kasich.";
    let quotes = quotes_of(text);
    let spoken: Vec<_> = rows(&quotes).into_iter().map(|r| (r.1, r.3)).collect();
    assert_eq!(
        spoken,
        [
            ("he typically votes Democratic", Some("who")),
            ("one candidate he likes is John Kasich", Some("Barkley")),
        ]
    );
}

#[test]
fn a_thing_called_by_its_name_is_not_a_statement() {
    for text in [
        "Parents started a program called Sandy Hook Promise after the shooting.",
        "Supporters set up a website called “Cape Breton If Donald Trump Wins.”",
        "They fished a meandering mountain stream called Miracle Run.",
    ] {
        let quotes = quotes_of(text);
        assert!(
            quotes
                .iter()
                .all(|q| q.cue.as_ref().is_none_or(|c| c.text != "called")),
            "{text}: {:#?}",
            rows(&quotes)
        );
    }
}

#[test]
fn an_indefinite_speaker_calling_someone_something_still_speaks() {
    let quotes = quotes_of("A spokesman called Trump a liar on Tuesday.");
    assert!(
        quotes
            .iter()
            .any(|q| q.cue.as_ref().is_some_and(|c| c.text == "called")),
        "{:#?}",
        rows(&quotes)
    );
}

#[test]
fn a_contracted_auxiliary_belongs_to_the_cue() {
    let q = only("They’ve said the plan will fail within a year.");
    assert_eq!(q.cue.map(|c| c.text).as_deref(), Some("’ve said"));
    assert_eq!(q.speaker_text.map(|s| s.text).as_deref(), Some("They"));
}

/// (content, cue, speaker) of every quotation of `text`.
fn triples(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    quotes_of(text)
        .into_iter()
        .map(|q| {
            (
                q.text,
                q.cue.map(|c| c.text),
                q.speaker_text.map(|s| s.text),
            )
        })
        .collect()
}

/// The cue and speaker credited with the quotation whose text holds `words`.
fn credit_of(text: &str, words: &str) -> (Option<String>, Option<String>) {
    quotes_of(text)
        .into_iter()
        .find(|q| q.text.contains(words))
        .map(|q| (q.cue.map(|c| c.text), q.speaker_text.map(|s| s.text)))
        .unwrap_or_default()
}

#[test]
fn a_next_sentence_that_goes_on_to_its_own_report_does_not_credit_the_quote() {
    // (A title first: a first paragraph alone is read as the headline.)
    let text = "Blumenthal record\n\nThe Post described him as “a Vietnam veteran.” The Weekly \
                reported on May 23, 2008, that Mr. Blumenthal “was met with applause when he \
                spoke.”";
    let (cue, speaker) = credit_of(text, "a Vietnam veteran");
    assert_ne!(cue.as_deref(), Some("reported"), "{:?}", triples(text));
    assert_ne!(speaker.as_deref(), Some("The Weekly"));
    let (cue, speaker) = credit_of(text, "was met with applause");
    assert_eq!(
        (cue.as_deref(), speaker.as_deref()),
        (Some("reported"), Some("The Weekly"))
    );
    // A next sentence that is only the attribution still credits it.
    let text = "“We will win the vote.” Clinton said on Tuesday.";
    assert_eq!(credit_of(text, "We will win").1.as_deref(), Some("Clinton"));
}

#[test]
fn an_object_after_a_verb_is_not_an_inverted_speaker() {
    // The subject past its apposition speaks, not the object after "described".
    let text = "On May 26, 2009, The Connecticut Post, a Bridgeport newspaper, described Mr. \
                Blumenthal as “a Vietnam veteran.”";
    let (cue, speaker) = credit_of(text, "a Vietnam veteran");
    assert_eq!(
        (cue.as_deref(), speaker.as_deref()),
        (
            Some("described"),
            Some("The Connecticut Post, a Bridgeport newspaper,")
        )
    );
    let text = "The New Haven Register on July 20, 2006, described him as “a veteran of the \
                war,” and on April 6, 2007, said that he had “served in the Marines.”";
    assert_eq!(
        credit_of(text, "a veteran of the war").1.as_deref(),
        Some("The New Haven Register")
    );
    assert_eq!(
        credit_of(text, "served in the Marines").1.as_deref(),
        Some("The New Haven Register")
    );
    // "…, said the official." still inverts.
    let text = "The talks will resume next week, said the Russian Defence Ministry.";
    assert_eq!(attribution(text).1.as_str(), "the Russian Defence Ministry");
}

#[test]
fn a_show_named_in_quotation_marks_is_no_quote() {
    let text = "Speaking on ABC's \"This Week,\" Sen. John McCain, R-Ariz., said Steele's \
                comments were \"wildly inaccurate.\"";
    let got = triples(text);
    assert!(
        got.iter().all(|(t, _, _)| !t.contains("This Week")),
        "{got:?}"
    );
    let (cue, speaker) = credit_of(text, "wildly inaccurate");
    assert_eq!(cue.as_deref(), Some("said"));
    assert_eq!(speaker.as_deref(), Some("Sen. John McCain, R-Ariz.,"));
    // A quote after "on" that is speech (not title case) stays a quote.
    let text = "He said on Tuesday, “we are not going anywhere near that deal.”";
    assert_eq!(credit_of(text, "we are not going").1.as_deref(), Some("He"));
}

#[test]
fn a_participle_after_said_is_spoken_by_its_speaker() {
    let text = "The framework that governs trade is of extreme importance, he said, adding, \
                \"Free trade is a very important contributor to prosperity.\"";
    assert_eq!(credit_of(text, "Free trade").1.as_deref(), Some("he"));
}

#[test]
fn a_subject_with_its_party_and_state_speaks_past_the_comma() {
    let text = "Rep. Steve King (R-Iowa), tweeted on Friday \"Labrador is pro amnesty. No fair \
                trying to redefine amnesty.\"";
    let (cue, speaker) = credit_of(text, "Labrador is pro amnesty");
    assert_eq!(cue.as_deref(), Some("tweeted"));
    assert_eq!(speaker.as_deref(), Some("Rep. Steve King (R-Iowa)"));
}

#[test]
fn a_quote_reported_by_others_is_its_inner_speakers() {
    let text = "“We got wiped out in the Midwest,” aides said Mr. Ryan told his colleagues \
                behind closed doors.";
    let (cue, speaker) = credit_of(text, "wiped out");
    assert_eq!(
        (cue.as_deref(), speaker.as_deref()),
        (Some("told"), Some("Mr. Ryan"))
    );
    // The outer report is no indirect quotation of its own, and the quote-only sentence
    // after it continues the inner speaker.
    let text = "Ryan\n\n“We got wiped out in the Midwest,” aides said Mr. Ryan told his \
                colleagues behind closed doors. “Ultimately, we’re responsible.”";
    assert_eq!(credit_of(text, "Ultimately").1.as_deref(), Some("Mr. Ryan"));
    // A plain listener after the cue is no inner speaker.
    let text = "“We got wiped out,” he told reporters on Tuesday.";
    assert_eq!(credit_of(text, "wiped out").1.as_deref(), Some("he"));
}

#[test]
fn summarized_is_a_cue() {
    let text = "“It’s completely inconsistent with this latest statement,” summarized Senor.";
    assert_eq!(credit_of(text, "inconsistent").1.as_deref(), Some("Senor"));
}

#[test]
fn an_attribution_after_a_clause_going_on_with_the_quote_credits_it() {
    let text = "Trade\n\n\"China will fight back firmly\" if the U.S. persists in its \
                \"protectionism,\" the ministry said in a statement.";
    assert_eq!(
        credit_of(text, "China will fight").1.as_deref(),
        Some("the ministry")
    );
    let text = "Trade\n\n“What do we need to comply” with the request, said one official \
                briefed on the matter.";
    assert_eq!(
        credit_of(text, "What do we need").1.as_deref(),
        Some("one official briefed on the matter"),
        "{:?}",
        triples(text)
    );
    // A clause of the outlet's own that goes on to its own report is no attribution.
    let text = "Trade\n\n“We will not pay for the wall, ever, in any form.” And Jones, the \
                chair, said the vote was close.";
    assert_ne!(
        credit_of(text, "We will not pay").1.as_deref(),
        Some("the chair")
    );
}

#[test]
fn a_document_with_its_author_speaks() {
    let text = "Report\n\nBut the report, by White House Counsel Robert Bauer, concluded that \
                \"allegations of improper conduct rest on factual errors.\"";
    assert_eq!(
        credit_of(text, "allegations").1.as_deref(),
        Some("the report, by White House Counsel Robert Bauer,")
    );
    // "reads" credits a document.
    let text = "Report\n\n\"Such discussions are consistent with the law,\" the memo reads.";
    assert_eq!(
        credit_of(text, "Such discussions"),
        (Some("reads".to_string()), Some("the memo".to_string()))
    );
}

#[test]
fn a_report_in_an_opening_subordinate_clause_ends_at_its_comma() {
    let text = "Talks\n\nWhile Spain said it would act, the talks stalled.";
    let got = triples(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "it would act");
    assert_eq!(got[0].2.as_deref(), Some("Spain"));
}

#[test]
fn adding_ones_voice_is_no_speech() {
    let got = triples("Debate\n\nSenator Smith added his voice to the debate on Tuesday.");
    assert!(got.is_empty(), "{got:?}");
    // "added that …" still reports.
    let got = triples("Debate\n\nSenator Smith added that the debate was over.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn as_someone_put_it_credits_the_quote() {
    let text = "Libya\n\nAs Sen. Rand Paul, R-Ky., put it, \"Libya has to have been one of the \
                hottest of hot spots around the world.\"";
    assert_eq!(
        credit_of(text, "Libya has to have been"),
        (
            Some("put it".to_string()),
            Some("Sen. Rand Paul, R-Ky.,".to_string())
        )
    );
    // "put it" with no "as" opening the sentence is no attribution.
    let text = "Libya\n\nHe put it, \"plainly and simply,\" on the table.";
    assert_ne!(credit_of(text, "plainly").0.as_deref(), Some("put it"));
}

/// Asserts that no quotation in `text` is credited to the words `junk`.
fn assert_no_speaker(text: &str, junk: &str) {
    let speakers: Vec<_> = triples(text).into_iter().map(|t| t.2).collect();
    assert!(
        !speakers.iter().any(|s| s.as_deref() == Some(junk)),
        "{text}: {speakers:?}"
    );
}

#[test]
fn that_is_no_speaker_and_a_relative_that_names_its_noun() {
    // A relative "that" gives way to its noun; a demonstrative "that" is no speaker.
    for text in [
        "The council passed a rule that bans parking on the square after dark.",
        "Voters backed a measure that says schools must open later.",
        // A demonstrative "that", not a relative pronoun.
        "Perhaps that explains why the mayor stayed home on Sunday.",
        "That said, the mayor argued the bridge would hold.",
    ] {
        for junk in ["that", "That", "Perhaps"] {
            assert_no_speaker(text, junk);
        }
    }
    // The noun phrase is the speaker, not "that".
    let (_, speaker) = credit_of(
        "The mayor cited a city report that said the bridge was unsafe.",
        "the bridge was unsafe",
    );
    assert_eq!(speaker.as_deref(), Some("a city report"));
    // A clause-opening "That" is the determiner of the speaker phrase.
    let (_, speaker) = credit_of(
        "That memo warned the levee could fail within days.",
        "the levee could fail",
    );
    assert_eq!(speaker.as_deref(), Some("That memo"));
}

#[test]
fn words_that_head_no_noun_phrase_are_not_speakers() {
    for (text, junk) in [
        // A predicative adjective before a gerund.
        (
            "It is worth noting that the council never voted on the plan.",
            "worth",
        ),
        // A lone letter.
        ("Q said the road would reopen next month.", "Q"),
        // An adverb between the auxiliary and the verb.
        (
            "Ms. Ortiz has further claimed that the count was wrong.",
            "further",
        ),
        // A sentence-opening participle or adverb before the subject.
        (
            "Taking a cautious line, the board delayed the vote, citing unpaid bills.",
            "Taking",
        ),
        (
            "Shortly after the storm hit, the governor spoke, warning of floods.",
            "Shortly",
        ),
    ] {
        assert_no_speaker(text, junk);
    }
    let (_, speaker) = credit_of(
        "Ms. Ortiz has further claimed that the count was wrong.",
        "the count was wrong",
    );
    assert_eq!(speaker.as_deref(), Some("Ms. Ortiz"));
}

#[test]
fn a_speaker_phrase_never_opens_with_of() {
    let q = only("Eighty-five percent of Democrats and 64% of independents questioned said the Senate should have passed it.");
    let speaker = q.speaker_text.map(|s| s.text);
    assert_eq!(speaker.as_deref(), Some("64% of independents questioned"));
}

#[test]
fn a_source_familiar_with_the_matter_is_the_speaker_not_the_matter() {
    for (text, speaker) in [
        (
            "A person familiar with the matter said the deal was done.",
            "A person familiar with the matter",
        ),
        (
            "Sources close to the president said he would sign it.",
            "Sources close to the president",
        ),
        (
            "The source familiar with the details of the investigation told Breitbart News that \
             no misconduct was found.",
            "The source familiar with the details of the investigation",
        ),
    ] {
        let q = only(text);
        assert_eq!(q.speaker_text.map(|s| s.text).as_deref(), Some(speaker));
    }
}
