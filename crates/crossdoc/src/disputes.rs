//! Disputes: non-numeric contested facts, where one actor's statement is denied by another
//! ("Georgia says it shot down two jets; Russia denies any entered its airspace").
//!
//! A quotation is a *denial* when its cue is a denial verb ("denied", "rejected",
//! "dismissed", "refuted") or when its words call something untrue ("are false", "a lie",
//! "baseless"). Every other attributed quotation of the same story is a candidate *claim*.
//! A denial contradicts a claim when a different speaker made the claim and the two are about
//! the same thing:
//!
//! - they share an event class (attacking: shelled, fired on, targeted, killed…; crossing:
//!   entered, crossed, invaded…) and at least one content word, or
//! - they share at least two content words.
//!
//! Content words are folded, lightly stemmed words minus function words, reporting and
//! meta words ("claims", "reports") and generic actors ("forces", "officials"); a claim's
//! speaker counts among its words, so "the separatists' claims are false" meets a claim by
//! "separatist leader Eduard Vasko". Each denial answers its best-matching claim only; the
//! claims that are the same statement in several outlets (one quote group) are one dispute.
//! Headline quotations are not claims: they restate the body. Candidates come from an
//! inverted index over (story, word), so the cost follows the number of denials and the
//! postings they touch, not the square of the quotes.

use crate::stories::features::term;
use crate::words::words_in;
use parallax_core::{
    Dispute, DisputeStatement, Dossier, DossierQuote, ParagraphRole, Span, UNKNOWN_OUTLET,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Cue words that make a quotation a denial.
const DENIAL_CUES: &[&str] = &[
    "deny",
    "denied",
    "denies",
    "denying",
    "reject",
    "rejected",
    "rejects",
    "rejecting",
    "dismiss",
    "dismissed",
    "dismisses",
    "dismissing",
    "refute",
    "refuted",
    "refutes",
    "refuting",
    "rebut",
    "rebutted",
    "rebuts",
    "contradict",
    "contradicted",
    "contradicts",
];

/// Words that call a statement untrue wherever they stand.
const FALSITY_WORDS: &[&str] = &[
    "false",
    "falsely",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "fabrication",
    "fabrications",
    "fake",
    "nonsense",
    "disinformation",
    "lie",
    "lies",
];

/// Words before "lie"/"lies" that make it the noun ("a lie", "are lies"), not the verb
/// ("the town lies in ruins").
const LIE_MARKERS: &[&str] = &[
    "a", "an", "are", "were", "as", "of", "outright", "blatant", "pure", "big", "total",
    "complete", "all", "more", "is", "was",
];

/// Words that say what kind of statement it is, or name a generic actor: no subject matter.
const META_WORDS: &[&str] = &[
    "claim",
    "claimed",
    "claiming",
    "allegation",
    "alleged",
    "accusation",
    "accused",
    "suggestion",
    "suggested",
    "statement",
    "denial",
    "report",
    "reports",
    "true",
    "truth",
    "force",
    "forces",
    "troop",
    "troops",
    "official",
    "officials",
    "government",
    "country",
    "region",
    "side",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "leader",
    "president",
    "minister",
    "had",
    "have",
    "any",
];

/// Event classes: stems (as [`stem`] makes them) whose events a denial and a claim may word
/// differently.
const EVENT_CLASSES: &[(&str, &[&str])] = &[
    (
        "attack",
        &[
            "attack", "assault", "shell", "bomb", "bombard", "strik", "struck", "fir", "shoot",
            "shot", "target", "hit", "kill", "raid", "ambush", "massacr", "dead", "death",
            "murder", "tortur",
        ],
    ),
    (
        "incursion",
        &[
            "enter",
            "cross",
            "invad",
            "invasion",
            "incursion",
            "violat",
            "violation",
            "airspac",
            "occupi",
            "occupy",
            "seiz",
            "captur",
        ],
    ),
];

/// Postings longer than this (per story and word) are too common to find candidates.
const MAX_POSTINGS: usize = 256;

/// The matching view of one quotation.
#[derive(Debug, Default)]
struct Statement {
    /// Content-word stems of the quoted words.
    words: HashSet<String>,
    /// Content-word stems of the speaker's words.
    speaker_words: HashSet<String>,
    classes: HashSet<&'static str>,
}

/// A word's matching stem: the story clusterer's term, without "-ing", "-ed" and a final "e"
/// so that "shelling"/"shelled" and "fire"/"fired" meet.
fn stem(norm: &str) -> Option<String> {
    if META_WORDS.contains(&norm) || DENIAL_CUES.contains(&norm) || FALSITY_WORDS.contains(&norm) {
        return None;
    }
    let t = term(norm)?;
    if t.chars().all(|c| c.is_ascii_digit()) || META_WORDS.contains(&t.as_str()) {
        return None;
    }
    let mut s = t.as_str();
    for suffix in ["ing", "ed"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.len() >= 3 {
                s = rest;
                break;
            }
        }
    }
    let s = s.strip_suffix('e').filter(|r| r.len() >= 3).unwrap_or(s);
    Some(s.to_string())
}

fn class_of(stem: &str) -> Option<&'static str> {
    EVENT_CLASSES
        .iter()
        .find(|(_, stems)| stems.contains(&stem))
        .map(|(class, _)| *class)
}

fn stems(text: &str) -> Vec<String> {
    words_in(text, Span::new(0, text.len()))
        .iter()
        .filter_map(|w| stem(&w.norm))
        .collect()
}

fn statement(quote: &DossierQuote) -> Statement {
    let words: HashSet<String> = stems(&quote.evidence.text).into_iter().collect();
    let classes = words.iter().filter_map(|w| class_of(w)).collect();
    let speaker_words = quote
        .speaker_text
        .as_deref()
        .map(|s| stems(s).into_iter().collect())
        .unwrap_or_default();
    Statement {
        words,
        speaker_words,
        classes,
    }
}

/// Whether the quotation denies something: by its cue or by calling something untrue.
pub fn is_denial(quote: &DossierQuote) -> bool {
    let cue_denies = quote.cue.as_ref().is_some_and(|cue| {
        words_in(&cue.text, Span::new(0, cue.text.len()))
            .iter()
            .any(|w| DENIAL_CUES.contains(&w.norm.as_str()))
    });
    cue_denies || calls_untrue(&quote.evidence.text)
}

fn calls_untrue(text: &str) -> bool {
    let words = words_in(text, Span::new(0, text.len()));
    words.iter().enumerate().any(|(i, w)| {
        let previous = i.checked_sub(1).map(|p| words[p].norm.as_str());
        match w.norm.as_str() {
            "lie" | "lies" => previous.is_some_and(|p| LIE_MARKERS.contains(&p)),
            "true" => previous == Some("not"),
            word => FALSITY_WORDS.contains(&word),
        }
    })
}

/// The folded speaker: its entity id when resolved, else its words.
fn speaker_key(quote: &DossierQuote) -> Option<String> {
    quote.speaker.clone().or_else(|| {
        quote
            .speaker_text
            .as_deref()
            .map(|t| crate::names::words(t).join(" "))
            .filter(|k| !k.is_empty())
    })
}

/// How strongly `denial` answers `claim`, with the stems it is about: `None` when it does not.
fn score(denial: &Statement, claim: &Statement) -> Option<(usize, Vec<String>)> {
    let mut shared: Vec<String> = denial
        .words
        .iter()
        .filter(|w| class_of(w).is_none())
        .filter(|w| claim.words.contains(*w) || claim.speaker_words.contains(*w))
        .cloned()
        .collect();
    let classes: HashSet<&str> = denial
        .classes
        .intersection(&claim.classes)
        .copied()
        .collect();
    let matches = (!classes.is_empty() && !shared.is_empty()) || shared.len() >= 2;
    let score = shared.len() + classes.len();
    // What it is about: the shared words and the denial's words of the shared event classes.
    shared.extend(
        denial
            .words
            .iter()
            .filter(|w| class_of(w).is_some_and(|c| classes.contains(c)))
            .cloned(),
    );
    shared.sort();
    matches.then_some((score, shared))
}

/// Whether the quote stands in a headline paragraph of its document.
fn in_headline(dossier_doc: Option<&parallax_core::DossierDocument>, span: Span) -> bool {
    dossier_doc.is_some_and(|d| {
        d.paragraphs.iter().any(|p| {
            p.role == ParagraphRole::Headline
                && p.span.start <= span.start
                && span.end <= p.span.end
        })
    })
}

/// What a quotation is matched on: its story, words, speaker's words and speaker. Two
/// quotations with the same identity match the same way, so copies of one statement (agency
/// copy in many outlets) are scored once.
type Identity<'d> = (&'d str, &'d str, Option<&'d str>, Option<&'d str>);

fn identity<'d>(story: &'d str, quote: &'d DossierQuote) -> Identity<'d> {
    (
        story,
        quote.evidence.text.as_str(),
        quote.speaker_text.as_deref(),
        quote.speaker.as_deref(),
    )
}

/// A posting-list key: a content word, or an event class.
fn posting_key(word: &str) -> String {
    class_of(word).map_or_else(|| word.to_string(), |c| format!("#{c}"))
}

/// The dispute items of `dossier`: each claim with the denials that answer it, within stories.
///
/// Claims identical to an earlier claim of their story (same words, same speaker) are left
/// out of the index: a denial that matches them matches the earlier one equally, and ties go
/// to the earlier claim. Identical denials share one search. Both keep the cost of a
/// statement copied across many outlets linear in its copies.
pub fn find(dossier: &Dossier, story_of: &HashMap<String, String>) -> Vec<Dispute> {
    let docs: HashMap<&str, &parallax_core::DossierDocument> = dossier
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let quotes = &dossier.quotes;
    let story = |q: &DossierQuote| story_of.get(&q.evidence.doc).map(String::as_str);
    let mut denials: Vec<usize> = Vec::new();
    let mut statements: HashMap<usize, Statement> = HashMap::new();
    // Per (story, key): the claims it finds, and how many claims (copies included) had it.
    let mut postings: HashMap<(&str, String), (Vec<usize>, usize)> = HashMap::new();
    let mut claim_seen: HashSet<Identity> = HashSet::new();
    for (i, q) in quotes.iter().enumerate() {
        if speaker_key(q).is_none() {
            continue;
        }
        let Some(s) = story(q) else { continue };
        if is_denial(q) {
            denials.push(i);
            continue;
        }
        if in_headline(docs.get(q.evidence.doc.as_str()).copied(), q.evidence.span) {
            continue;
        }
        let copy = !claim_seen.insert(identity(s, q));
        let st = statement(q);
        let keys = st
            .words
            .iter()
            .chain(&st.speaker_words)
            .map(|w| posting_key(w))
            .collect::<HashSet<String>>();
        for key in keys {
            let (list, pushed) = postings.entry((s, key)).or_default();
            // The list holds the first MAX_POSTINGS claims with the key; a copy takes its
            // place in that count but is not listed, as its original is.
            if *pushed < MAX_POSTINGS {
                *pushed += 1;
                if !copy {
                    list.push(i);
                }
            }
        }
        if !copy {
            statements.insert(i, st);
        }
    }
    // Per claim key (its quote group, else itself): the claim quotes and the denials.
    let mut answered: BTreeMap<String, (usize, Vec<usize>, Vec<String>)> = BTreeMap::new();
    let mut searched: HashMap<Identity, Option<(usize, Vec<String>)>> = HashMap::new();
    for &d in &denials {
        let Some(s) = story(&quotes[d]) else { continue };
        let best = searched
            .entry(identity(s, &quotes[d]))
            .or_insert_with(|| {
                let st = statement(&quotes[d]);
                let denier = speaker_key(&quotes[d]);
                let mut candidates: Vec<usize> = st
                    .words
                    .iter()
                    .filter_map(|w| postings.get(&(s, posting_key(w))))
                    .flat_map(|(list, _)| list)
                    .copied()
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                candidates
                    .into_iter()
                    .filter(|&c| speaker_key(&quotes[c]) != denier)
                    .filter_map(|c| score(&st, statements.get(&c)?).map(|(n, about)| (n, c, about)))
                    .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
                    .map(|(_, claim, about)| (claim, about))
            })
            .clone();
        let Some((claim, about)) = best else {
            continue;
        };
        let key = quotes[claim]
            .group
            .clone()
            .unwrap_or_else(|| quotes[claim].id.clone());
        let entry = answered
            .entry(key)
            .or_insert_with(|| (claim, Vec::new(), Vec::new()));
        entry.0 = entry.0.min(claim);
        entry.1.push(d);
        for word in about {
            if !entry.2.contains(&word) {
                entry.2.push(word);
            }
        }
    }
    let mut found: Vec<(usize, Vec<usize>, Vec<String>)> = answered.into_values().collect();
    found.sort_by_key(|(claim, _, _)| *claim);
    found
        .into_iter()
        .enumerate()
        .map(|(n, (claim, mut denied_by, about))| {
            denied_by.sort_unstable();
            denied_by.dedup();
            Dispute {
                id: format!("d{}", n + 1),
                story: story(&quotes[claim]).map(str::to_string),
                about: about_words(&quotes[denied_by[0]], &about),
                claim: statement_item(&quotes[claim], &docs),
                denials: denied_by
                    .iter()
                    .map(|&d| statement_item(&quotes[d], &docs))
                    .collect(),
            }
        })
        .collect()
}

/// The shared words as the denial writes them, in its order (the stems when it does not).
fn about_words(denial: &DossierQuote, stems_shared: &[String]) -> Vec<String> {
    let text = &denial.evidence.text;
    let mut out: Vec<String> = Vec::new();
    for w in words_in(text, Span::new(0, text.len())) {
        if stem(&w.norm).is_some_and(|s| stems_shared.contains(&s)) && !out.contains(&w.norm) {
            out.push(w.norm);
        }
    }
    if out.is_empty() {
        stems_shared.to_vec()
    } else {
        out
    }
}

fn statement_item(
    quote: &DossierQuote,
    docs: &HashMap<&str, &parallax_core::DossierDocument>,
) -> DisputeStatement {
    let doc = docs.get(quote.evidence.doc.as_str());
    DisputeStatement {
        quote: quote.id.clone(),
        evidence: quote.evidence.clone(),
        speaker: quote.speaker.clone(),
        speaker_text: quote.speaker_text.clone(),
        outlet: Some(doc.map_or(UNKNOWN_OUTLET, |d| d.outlet_name()).to_string()),
        published: doc.and_then(|d| d.published.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Anchor, DossierDocument, Evidence, QuoteKind};

    fn doc(id: &str, outlet: &str) -> DossierDocument {
        DossierDocument {
            id: id.into(),
            text: String::new(),
            title: None,
            outlet: Some(outlet.into()),
            published: Some("2008-08-10".into()),
            source: id.into(),
            url: None,
            authors: vec![],
            paragraphs: vec![],
            sentences: vec![],
            voice: Vec::new(),
            time_anchor: None,
            diagnostics: vec![],
        }
    }

    fn quote(id: &str, doc: &str, cue: &str, speaker: &str, text: &str) -> DossierQuote {
        DossierQuote {
            id: id.into(),
            evidence: Evidence {
                doc: doc.into(),
                span: Span::new(0, text.len()),
                text: text.into(),
                sentence: Span::new(0, text.len()),
            },
            kind: QuoteKind::Indirect,
            cue: Some(Anchor {
                span: Span::new(0, cue.len()),
                text: cue.into(),
            }),
            speaker: None,
            speaker_text: Some(speaker.into()),
            speaker_span: None,
            channel: None,
            group: None,
        }
    }

    fn dossier(quotes: Vec<DossierQuote>) -> (Dossier, HashMap<String, String>) {
        let mut d = Dossier::empty();
        d.documents = vec![doc("a", "Wire"), doc("b", "Herald"), doc("c", "Other")];
        d.quotes = quotes;
        let story_of = [("a", "s1"), ("b", "s1"), ("c", "s2")]
            .iter()
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .collect();
        (d, story_of)
    }

    #[test]
    fn denial_cues_and_untrue_words_make_denials() {
        let q = |cue: &str, text: &str| quote("q", "a", cue, "x", text);
        assert!(is_denial(&q(
            "denied",
            "that its aircraft had bombed the town"
        )));
        assert!(is_denial(&q("said", "The claims of shelling are false")));
        assert!(is_denial(&q("called", "the reports \"a lie\"")));
        assert!(is_denial(&q("said", "that is simply not true")));
        assert!(!is_denial(&q("said", "the town lies in ruins")));
        assert!(!is_denial(&q("said", "Every target was a military one")));
    }

    #[test]
    fn a_denial_answers_the_other_sides_claim_in_its_story() {
        let (d, story_of) = dossier(vec![
            quote(
                "q1",
                "a",
                "said",
                "Georgian officials",
                "Georgian forces shot down two Russian jets over Gori",
            ),
            quote(
                "q2",
                "a",
                "said",
                "the ministry",
                "the ministry would protect Russian citizens",
            ),
            quote(
                "q3",
                "b",
                "denied",
                "Moscow",
                "that any Russian jets had entered Georgian airspace",
            ),
            // Same words, other story: not a candidate.
            quote(
                "q4",
                "c",
                "said",
                "Tbilisi",
                "two Russian jets crashed over Gori",
            ),
        ]);
        let found = find(&d, &story_of);
        assert_eq!(found.len(), 1);
        let dispute = &found[0];
        assert_eq!(dispute.story.as_deref(), Some("s1"));
        assert_eq!(dispute.claim.quote, "q1");
        assert_eq!(dispute.claim.outlet.as_deref(), Some("Wire"));
        assert_eq!(dispute.denials.len(), 1);
        assert_eq!(dispute.denials[0].quote, "q3");
        assert_eq!(dispute.denials[0].speaker_text.as_deref(), Some("Moscow"));
        assert_eq!(dispute.about, ["russian", "jets", "georgian"]);
    }

    #[test]
    fn an_event_class_and_one_word_suffice_and_the_claimant_counts() {
        let (d, story_of) = dossier(vec![
            quote(
                "q1",
                "a",
                "According to",
                "Orlov",
                "10 peacekeepers were killed when Marenian tanks fired on their base",
            ),
            quote(
                "q2",
                "a",
                "said",
                "Orlov",
                "his country would protect its peacekeepers",
            ),
            quote(
                "q3",
                "a",
                "accused",
                "Separatist leader Eduard Vasko",
                "Lorvik of shelling residential streets",
            ),
            quote(
                "q4",
                "b",
                "denied",
                "President Kelidze",
                "that his forces had targeted the peacekeepers",
            ),
            quote(
                "q5",
                "b",
                "said",
                "a ministry spokesman",
                "The separatists' claims of indiscriminate shelling are false",
            ),
        ]);
        let found = find(&d, &story_of);
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|x| (x.claim.quote.as_str(), x.denials[0].quote.as_str()))
            .collect();
        assert_eq!(pairs, [("q1", "q4"), ("q3", "q5")]);
        assert_eq!(found[0].about, ["targeted", "peacekeepers"]);
        assert_eq!(found[1].about, ["separatists", "shelling"]);
    }

    #[test]
    fn the_same_speaker_and_unrelated_claims_are_not_disputes() {
        let (d, story_of) = dossier(vec![
            quote(
                "q1",
                "a",
                "said",
                "Orlov",
                "tanks shelled the peacekeepers' base",
            ),
            quote(
                "q2",
                "b",
                "denied",
                "Orlov",
                "that tanks had shelled the base",
            ),
            quote(
                "q3",
                "b",
                "said",
                "Kelidze",
                "the ceasefire talks would resume in Geneva",
            ),
            quote(
                "q4",
                "b",
                "rejected",
                "Marchetti",
                "calls for sanctions on the region",
            ),
        ]);
        assert!(find(&d, &story_of).is_empty());
    }

    #[test]
    fn one_claim_quoted_by_two_outlets_is_one_dispute() {
        let mut q1 = quote(
            "q1",
            "a",
            "accused",
            "Vasko",
            "Lorvik of shelling residential streets",
        );
        let mut q2 = quote(
            "q2",
            "b",
            "accused",
            "Vasko",
            "Lorvik of shelling residential streets",
        );
        q1.group = Some("g1".into());
        q2.group = Some("g1".into());
        let (d, story_of) = dossier(vec![
            q1,
            q2,
            quote(
                "q3",
                "b",
                "dismissed",
                "Lorvik",
                "reports of shelling in residential streets",
            ),
            quote(
                "q4",
                "a",
                "rejected",
                "the ministry",
                "claims that it shelled residential areas",
            ),
        ]);
        let found = find(&d, &story_of);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].claim.quote, "q1");
        let denials: Vec<&str> = found[0].denials.iter().map(|x| x.quote.as_str()).collect();
        assert_eq!(denials, ["q3", "q4"]);
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("shelling"), stem("shelled"));
        assert_eq!(stem("fired"), stem("fire"));
        assert_eq!(stem("targeted").as_deref(), Some("target"));
        assert_eq!(stem("forces"), None);
        assert_eq!(class_of("bomb"), Some("attack"));
    }
}
