//! Disputes: non-numeric contested facts, where one actor's statement is denied by another
//! ("Georgia says it shot down two jets; Russia denies any entered its airspace").
//!
//! Disputes read the coded events of the events layer (the dossier's `events`, each report
//! with its trigger's span) instead of keeping verb lists of their own. A quotation *holds*
//! the coded events whose trigger lies inside its words.
//!
//! A quotation is a *denial* when the events layer says its speaker denies or rejects
//! something: it holds an event not asserted for the reason `denied` whose denying word
//! stands outside the quoted words (the cue: "Moscow *denied* that any jets entered"), or its
//! cue is itself the trigger of a REJECT event that the events layer coded as a denial (mode
//! `denial`: "Mr Gunness *denied* militants were at the school") or whose object names a
//! statement ("*dismissed* the accusations"; not "*declined* to comment", a refusal to act,
//! nor "*refused* to give a statement"), or its words call something untrue ("are false", "a lie", "baseless"). Every other attributed quotation
//! of the same story is a candidate *claim*. A denial contradicts a claim when a different
//! speaker made the claim and the two are about the same thing:
//!
//! - they hold coded events of one family (material conflict: shelled, fired on, killed,
//!   entered the airspace…; see `EventType::family`) and share at least one content word, or
//! - they share at least two content words.
//!
//! Content words are folded, lightly stemmed words minus function words, reporting and
//! meta words ("claims", "reports"), generic actors ("forces", "officials") and the words of
//! the quotation's event triggers (an event counts through its family); a claim's
//! speaker counts among its words, so "the separatists' claims are false" meets a claim by
//! "separatist leader Eduard Vasko". Each denial answers its best-matching claim only; the
//! claims that are the same statement in several outlets (one quote group) are one dispute.
//! Headline quotations are not claims: they restate the body. Candidates come from an
//! inverted index over (story, word or event family), so the cost follows the number of
//! denials and the postings they touch, not the square of the quotes.

use crate::stories::features::term;
use crate::words::words_in;
use parallax_core::{
    Dispute, DisputeStatement, Dossier, DossierQuote, EventType, NonAssertion, ParagraphRole, Span,
    UNKNOWN_OUTLET,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// The mode the events layer gives a REJECT event that denies a statement ("denied").
const DENIAL_MODE: &str = "denial";

/// How many words of a rejection's object may stand before its statement noun ("the
/// Sudanese government's accusations").
const STATEMENT_REACH: usize = 5;

/// The word lists of disputes (`data/*.txt`, each file saying what its words are for).
struct Lists {
    /// Words that call a statement untrue wherever they stand.
    falsity: HashSet<&'static str>,
    /// Words before "lie"/"lies" that make it the noun.
    lie_markers: HashSet<&'static str>,
    /// Nouns of reported statements: the object of a rejection that makes it a denial.
    statement_nouns: HashSet<&'static str>,
    /// Words that say what kind of statement it is, or name a generic actor.
    meta: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    use crate::wordlists::entries;
    static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
        falsity: entries(include_str!("../data/falsity_words.txt")).collect(),
        lie_markers: entries(include_str!("../data/lie_markers.txt")).collect(),
        statement_nouns: entries(include_str!("../data/statement_nouns.txt")).collect(),
        meta: entries(include_str!("../data/meta_words.txt")).collect(),
    });
    &LISTS
}

/// One coded event as disputes read it: where its trigger stands, and what it is.
#[derive(Debug, Clone, Copy)]
struct Coded<'d> {
    trigger: Span,
    trigger_text: &'d str,
    event_type: EventType,
    reason: Option<NonAssertion>,
    /// Where the word that denies or doubts it stands, in the same document.
    modality: Option<Span>,
    /// A REJECT event the events layer coded as a denial of a statement ("denied").
    denial: bool,
}

/// The coded events of each document, in trigger order.
fn coded_by_doc(dossier: &Dossier) -> HashMap<&str, Vec<Coded<'_>>> {
    let mut out: HashMap<&str, Vec<Coded>> = HashMap::new();
    for (event, report) in dossier
        .events
        .iter()
        .flat_map(|e| e.reports.iter().map(move |r| (e, r)))
    {
        out.entry(report.evidence.doc.as_str())
            .or_default()
            .push(Coded {
                trigger: report.evidence.span,
                trigger_text: &report.evidence.text,
                event_type: report.event_type,
                reason: report.reason,
                modality: report.modality.as_ref().map(|m| m.span),
                denial: event.mode.as_deref() == Some(DENIAL_MODE),
            });
    }
    for list in out.values_mut() {
        list.sort_by_key(|c| c.trigger.start);
    }
    out
}

/// The coded events of `doc` whose trigger lies inside `span`.
fn coded_in<'c, 'd>(
    coded: &'c HashMap<&str, Vec<Coded<'d>>>,
    doc: &str,
    span: Span,
) -> &'c [Coded<'d>] {
    let Some(list) = coded.get(doc) else {
        return &[];
    };
    let first = list.partition_point(|c| c.trigger.start < span.start);
    let last = list.partition_point(|c| c.trigger.start < span.end);
    let mut end = last.max(first);
    while end > first && list[end - 1].trigger.end > span.end {
        end -= 1;
    }
    &list[first..end]
}

/// Postings longer than this (per story and word) are too common to find candidates.
const MAX_POSTINGS: usize = 256;

/// The matching view of one quotation.
#[derive(Debug, Default)]
struct Statement {
    /// Content-word stems of the quoted words, its event triggers' words left out.
    words: HashSet<String>,
    /// Content-word stems of the speaker's words.
    speaker_words: HashSet<String>,
    /// The families of the coded events it holds, with their triggers' stems.
    classes: Vec<(&'static str, Vec<String>)>,
}

impl Statement {
    fn has_class(&self, family: &str) -> bool {
        self.classes.iter().any(|(f, _)| *f == family)
    }
}

/// A word's matching stem: the story clusterer's term, without "-ing", "-ed" and a final "e"
/// so that "shelling"/"shelled" and "fire"/"fired" meet.
fn stem(norm: &str) -> Option<String> {
    let lists = lists();
    if lists.meta.contains(norm) || lists.falsity.contains(norm) {
        return None;
    }
    let t = term(norm)?;
    if t.chars().all(|c| c.is_ascii_digit()) || lists.meta.contains(t.as_str()) {
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

fn stems(text: &str) -> Vec<String> {
    words_in(text, Span::new(0, text.len()))
        .iter()
        .filter_map(|w| stem(&w.norm))
        .collect()
}

fn statement(quote: &DossierQuote, held: &[Coded]) -> Statement {
    let mut classes: Vec<(&'static str, Vec<String>)> = Vec::new();
    for c in held {
        let family = c.event_type.family();
        let trigger = stems(c.trigger_text);
        match classes.iter_mut().find(|(f, _)| *f == family) {
            Some((_, words)) => words.extend(trigger),
            None => classes.push((family, trigger)),
        }
    }
    let words: HashSet<String> = stems(&quote.evidence.text)
        .into_iter()
        .filter(|w| !classes.iter().any(|(_, t)| t.contains(w)))
        .collect();
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

/// Whether the quotation denies something, as the events layer coded it: an event it holds
/// is denied by a word outside its quoted words (its cue), or its cue is the trigger of a
/// REJECT event; or its words call something untrue.
fn is_denial(quote: &DossierQuote, coded: &HashMap<&str, Vec<Coded>>) -> bool {
    let content = quote.evidence.span;
    let doc = quote.evidence.doc.as_str();
    let denied = coded_in(coded, doc, content).iter().any(|c| {
        c.reason == Some(NonAssertion::Denied)
            && c.modality
                .is_some_and(|m| m.end <= content.start || m.start >= content.end)
    });
    let cue_rejects = quote.cue.as_ref().is_some_and(|cue| {
        coded_in(coded, doc, cue.span).iter().any(|c| {
            c.event_type == EventType::Reject
                && (c.denial || names_a_statement(&quote.evidence.text))
        })
    });
    denied || cue_rejects || calls_untrue(&quote.evidence.text)
}

/// Whether the first words of a rejection's object name a statement ("rejected *the
/// accusations*", "dismissed *reports* of shelling"): refusing to act ("declined to comment",
/// "refused to testify") or opposing a measure ("opposed the hiring") denies nothing.
fn names_a_statement(text: &str) -> bool {
    let words = words_in(text, Span::new(0, text.len()));
    words.first().is_some_and(|w| w.norm != "to")
        && words
            .iter()
            .take(STATEMENT_REACH)
            .any(|w| lists().statement_nouns.contains(w.norm.as_str()))
}

fn calls_untrue(text: &str) -> bool {
    let lists = lists();
    let words = words_in(text, Span::new(0, text.len()));
    words.iter().enumerate().any(|(i, w)| {
        let previous = i.checked_sub(1).map(|p| words[p].norm.as_str());
        match w.norm.as_str() {
            "lie" | "lies" => previous.is_some_and(|p| lists.lie_markers.contains(p)),
            "true" => previous == Some("not"),
            word => lists.falsity.contains(word),
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
        .filter(|w| claim.words.contains(*w) || claim.speaker_words.contains(*w))
        .cloned()
        .collect();
    let classes: Vec<&(&'static str, Vec<String>)> = denial
        .classes
        .iter()
        .filter(|(f, _)| claim.has_class(f))
        .collect();
    let matches = (!classes.is_empty() && !shared.is_empty()) || shared.len() >= 2;
    let score = shared.len() + classes.len();
    // What it is about: the shared words and the denial's triggers of the shared families.
    for (_, trigger) in classes {
        for w in trigger {
            if !shared.contains(w) {
                shared.push(w.clone());
            }
        }
    }
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

/// What a quotation is matched on: its story, words, speaker's words and speaker, and the
/// events it holds. Two quotations with the same identity match the same way, so copies of
/// one statement (agency copy in many outlets) are scored once.
type Identity<'d> = (
    &'d str,
    &'d str,
    Option<&'d str>,
    Option<&'d str>,
    Vec<&'static str>,
);

fn identity<'d>(story: &'d str, quote: &'d DossierQuote, st: &Statement) -> Identity<'d> {
    (
        story,
        quote.evidence.text.as_str(),
        quote.speaker_text.as_deref(),
        quote.speaker.as_deref(),
        st.classes.iter().map(|(f, _)| *f).collect(),
    )
}

/// The posting-list keys of a statement: its content words and its event families.
fn posting_keys(st: &Statement, with_speaker: bool) -> HashSet<String> {
    let speaker = if with_speaker {
        Some(&st.speaker_words)
    } else {
        None
    };
    st.words
        .iter()
        .chain(speaker.into_iter().flatten())
        .cloned()
        .chain(st.classes.iter().map(|(f, _)| format!("#{f}")))
        .collect()
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
    let coded = coded_by_doc(dossier);
    let quotes = &dossier.quotes;
    let story = |q: &DossierQuote| story_of.get(&q.evidence.doc).map(String::as_str);
    let mut denials: Vec<usize> = Vec::new();
    let mut statements: HashMap<usize, Statement> = HashMap::new();
    // Per (story, key): the claims it finds, and how many claims (copies included) had it.
    let mut postings: HashMap<(&str, String), (Vec<usize>, usize)> = HashMap::new();
    let mut claim_seen: HashSet<Identity> = HashSet::new();
    let held = |q: &DossierQuote| coded_in(&coded, &q.evidence.doc, q.evidence.span);
    for (i, q) in quotes.iter().enumerate() {
        if speaker_key(q).is_none() {
            continue;
        }
        let Some(s) = story(q) else { continue };
        if is_denial(q, &coded) {
            denials.push(i);
            continue;
        }
        if in_headline(docs.get(q.evidence.doc.as_str()).copied(), q.evidence.span) {
            continue;
        }
        let st = statement(q, held(q));
        let copy = !claim_seen.insert(identity(s, q, &st));
        for key in posting_keys(&st, true) {
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
        let st = statement(&quotes[d], held(&quotes[d]));
        let best = searched
            .entry(identity(s, &quotes[d], &st))
            .or_insert_with(|| {
                let denier = speaker_key(&quotes[d]);
                let mut candidates: Vec<usize> = posting_keys(&st, false)
                    .iter()
                    .filter_map(|k| postings.get(&(s, k.clone())))
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
    use parallax_core::{Anchor, DossierDocument, DossierEvent, EventReport, Evidence, QuoteKind};

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

    /// An event the events layer coded in a test quotation: its trigger words, its type, and
    /// whether its cue denies it. The trigger `CUE` is the quotation's cue itself, and
    /// `CUE:denial` the cue coded as a REJECT event of the mode `denial`.
    type Ev = (&'static str, EventType, bool);

    /// A story corpus of quotations and the events coded in them, each quotation at its own
    /// offsets in its document (cue first, then the quoted words).
    struct Corpus {
        dossier: Dossier,
        next: HashMap<String, usize>,
    }

    impl Corpus {
        fn new() -> Corpus {
            let mut d = Dossier::empty();
            d.documents = vec![doc("a", "Wire"), doc("b", "Herald"), doc("c", "Other")];
            Corpus {
                dossier: d,
                next: HashMap::new(),
            }
        }

        fn quote(
            &mut self,
            id: &str,
            doc: &str,
            cue: &str,
            speaker: &str,
            text: &str,
            events: &[Ev],
        ) -> &mut DossierQuote {
            let base = self.next.entry(doc.to_string()).or_insert(0);
            let cue_span = Span::new(*base, *base + cue.len());
            let content = Span::new(cue_span.end + 1, cue_span.end + 1 + text.len());
            *base = content.end + 100;
            for &(words, event_type, denied) in events {
                let on_cue = words == "CUE" || words == "CUE:denial";
                let trigger = if on_cue {
                    cue_span
                } else {
                    let at = text.find(words).expect("trigger words in the quotation");
                    Span::new(content.start + at, content.start + at + words.len())
                };
                let n = self.dossier.events.len() + 1;
                self.dossier.events.push(DossierEvent {
                    id: format!("ev{n}"),
                    story: None,
                    event_type,
                    mode: (words == "CUE:denial").then(|| DENIAL_MODE.to_string()),
                    source: vec![],
                    target: vec![],
                    location: None,
                    place: None,
                    date: None,
                    date_from_anchor: false,
                    asserted: !denied,
                    num_sources: 1,
                    num_articles: 1,
                    outlets: vec![],
                    disagreements: vec![],
                    reports: vec![EventReport {
                        evidence: Evidence {
                            doc: doc.into(),
                            span: trigger,
                            text: if on_cue { cue.into() } else { words.into() },
                            sentence: content,
                        },
                        outlet: String::new(),
                        event_type,
                        source: vec![],
                        target: vec![],
                        location: None,
                        place: None,
                        date: None,
                        date_from_anchor: false,
                        reported_by: None,
                        asserted: !denied,
                        reason: denied.then_some(NonAssertion::Denied),
                        modality: denied.then(|| Anchor {
                            span: cue_span,
                            text: cue.into(),
                        }),
                    }],
                });
            }
            self.dossier.quotes.push(DossierQuote {
                id: id.into(),
                evidence: Evidence {
                    doc: doc.into(),
                    span: content,
                    text: text.into(),
                    sentence: content,
                },
                kind: QuoteKind::Indirect,
                cue: Some(Anchor {
                    span: cue_span,
                    text: cue.into(),
                }),
                speaker: None,
                speaker_text: Some(speaker.into()),
                speaker_span: None,
                channel: None,
                group: None,
            });
            self.dossier.quotes.last_mut().unwrap()
        }

        fn find(&self) -> Vec<Dispute> {
            let story_of = [("a", "s1"), ("b", "s1"), ("c", "s2")]
                .iter()
                .map(|(d, s)| (d.to_string(), s.to_string()))
                .collect();
            find(&self.dossier, &story_of)
        }

        fn is_denial(&self, id: &str) -> bool {
            let q = self.dossier.quotes.iter().find(|q| q.id == id).unwrap();
            is_denial(q, &coded_by_doc(&self.dossier))
        }
    }

    use EventType::{Agree, Assault, Consult, Demand, Fight, Reject, Sanction};

    #[test]
    fn the_events_layer_and_untrue_words_make_denials() {
        let mut c = Corpus::new();
        c.quote(
            "q1",
            "a",
            "denied",
            "x",
            "that its aircraft had bombed the town",
            &[("bombed", Assault, true)],
        );
        c.quote(
            "q2",
            "a",
            "said",
            "x",
            "The claims of shelling are false",
            &[("shelling", Fight, false)],
        );
        c.quote("q3", "a", "called", "x", "the reports \"a lie\"", &[]);
        c.quote("q4", "a", "said", "x", "that is simply not true", &[]);
        c.quote("q5", "a", "said", "x", "the town lies in ruins", &[]);
        c.quote(
            "q6",
            "a",
            "said",
            "x",
            "Every target was a military one",
            &[],
        );
        c.quote(
            "q7",
            "a",
            "rejected",
            "x",
            "the accusations",
            &[("CUE", Reject, false)],
        );
        // Refusing to act is a rejection, not a denial of a statement.
        c.quote(
            "q9",
            "a",
            "declined",
            "x",
            "to comment on the shelling",
            &[("CUE", Reject, false), ("shelling", Fight, false)],
        );
        // A denial reported inside the quoted words is someone else's, not the speaker's.
        c.quote(
            "q8",
            "a",
            "said",
            "x",
            "Moscow denied the raid",
            &[("raid", Assault, false)],
        );
        c.quote(
            "q10",
            "a",
            "refused",
            "x",
            "to give a statement",
            &[("CUE", Reject, false)],
        );
        // A denial with no event inside: the events layer codes the cue itself.
        c.quote(
            "q11",
            "a",
            "denied",
            "x",
            "militants were at the school",
            &[("CUE:denial", Reject, false)],
        );
        let got: Vec<bool> = [
            "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11",
        ]
        .iter()
        .map(|q| c.is_denial(q))
        .collect();
        assert_eq!(
            got,
            [true, true, true, true, false, false, true, false, false, false, true]
        );
    }

    #[test]
    fn a_denial_answers_the_other_sides_claim_in_its_story() {
        let mut c = Corpus::new();
        c.quote(
            "q1",
            "a",
            "said",
            "Georgian officials",
            "Georgian forces shot down two Russian jets over Gori",
            &[("shot down", Fight, false)],
        );
        c.quote(
            "q2",
            "a",
            "said",
            "the ministry",
            "the ministry would protect Russian citizens",
            &[],
        );
        c.quote(
            "q3",
            "b",
            "denied",
            "Moscow",
            "that any Russian jets had entered Georgian airspace",
            &[("entered Georgian airspace", Fight, true)],
        );
        // Same words, other story: not a candidate.
        c.quote(
            "q4",
            "c",
            "said",
            "Tbilisi",
            "two Russian jets crashed over Gori",
            &[],
        );
        let found = c.find();
        assert_eq!(found.len(), 1);
        let dispute = &found[0];
        assert_eq!(dispute.story.as_deref(), Some("s1"));
        assert_eq!(dispute.claim.quote, "q1");
        assert_eq!(dispute.claim.outlet.as_deref(), Some("Wire"));
        assert_eq!(dispute.denials.len(), 1);
        assert_eq!(dispute.denials[0].quote, "q3");
        assert_eq!(dispute.denials[0].speaker_text.as_deref(), Some("Moscow"));
        assert_eq!(
            dispute.about,
            ["russian", "jets", "entered", "georgian", "airspace"]
        );
    }

    #[test]
    fn an_event_family_and_one_word_suffice_and_the_claimant_counts() {
        let mut c = Corpus::new();
        c.quote(
            "q1",
            "a",
            "According to",
            "Orlov",
            "10 peacekeepers were killed when Marenian tanks fired on their base",
            &[("killed", Assault, false), ("fired on", Fight, false)],
        );
        c.quote(
            "q2",
            "a",
            "said",
            "Orlov",
            "his country would protect its peacekeepers",
            &[],
        );
        c.quote(
            "q3",
            "a",
            "accused",
            "Separatist leader Eduard Vasko",
            "Lorvik of shelling residential streets",
            &[("shelling", Fight, false)],
        );
        c.quote(
            "q4",
            "b",
            "denied",
            "President Kelidze",
            "that his forces had targeted the peacekeepers",
            &[("targeted", Assault, true)],
        );
        c.quote(
            "q5",
            "b",
            "said",
            "a ministry spokesman",
            "The separatists' claims of indiscriminate shelling are false",
            &[("shelling", Fight, false)],
        );
        let found = c.find();
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
        let mut c = Corpus::new();
        c.quote(
            "q1",
            "a",
            "said",
            "Orlov",
            "tanks shelled the peacekeepers' base",
            &[("shelled", Fight, false)],
        );
        c.quote(
            "q2",
            "b",
            "denied",
            "Orlov",
            "that tanks had shelled the base",
            &[("shelled", Fight, true)],
        );
        c.quote(
            "q3",
            "b",
            "said",
            "Kelidze",
            "the ceasefire talks would resume in Geneva",
            &[("ceasefire", Agree, false), ("talks", Consult, false)],
        );
        c.quote(
            "q4",
            "b",
            "rejected",
            "Marchetti",
            "calls for sanctions on the region",
            &[
                ("CUE", Reject, false),
                ("calls for", Demand, false),
                ("sanctions", Sanction, false),
            ],
        );
        assert!(c.find().is_empty());
    }

    #[test]
    fn one_claim_quoted_by_two_outlets_is_one_dispute() {
        let mut c = Corpus::new();
        c.quote(
            "q1",
            "a",
            "accused",
            "Vasko",
            "Lorvik of shelling residential streets",
            &[("shelling", Fight, false)],
        )
        .group = Some("g1".into());
        c.quote(
            "q2",
            "b",
            "accused",
            "Vasko",
            "Lorvik of shelling residential streets",
            &[("shelling", Fight, false)],
        )
        .group = Some("g1".into());
        c.quote(
            "q3",
            "b",
            "dismissed",
            "Lorvik",
            "reports of shelling in residential streets",
            &[("shelling", Fight, true)],
        );
        c.quote(
            "q4",
            "a",
            "rejected",
            "the ministry",
            "claims that it shelled residential areas",
            &[("shelled", Fight, true)],
        );
        let found = c.find();
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
    }
}
