//! Finding event candidates in one sentence: trigger patterns matched left to right (the
//! longest pattern at a word wins), then the modality around each trigger decides whether it
//! is an event of its own, governs another ("threatened to strike": one THREATEN event whose
//! content is the strike), or is not asserted (denied, planned, hypothetical, negated).

use crate::lexicon::{Lexicon, Modality, Slot};
use crate::sentence::Sentence;
use parallax_core::{EventType, NonAssertion};

/// A matched pattern: tokens `[first, last)` and the index of the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub first: usize,
    pub last: usize,
    pub pattern: usize,
}

/// Words that may stand between the slots of a pattern: at most this many.
const MAX_GAP: usize = 2;

/// The end of `slots` matched from token `i`, if they match.
fn match_slots(s: &Sentence, i: usize, slots: &[Slot]) -> Option<usize> {
    let (head, rest) = slots.split_first()?;
    if !head.iter().any(|w| w == s.stem(i)) {
        return None;
    }
    let mut at = i + 1;
    for slot in rest {
        let mut found = None;
        for k in at..(at + MAX_GAP + 1).min(s.len()) {
            if !s.is_word(k) {
                break;
            }
            if slot.iter().any(|w| w == s.stem(k)) {
                found = Some(k);
                break;
            }
        }
        at = found? + 1;
    }
    Some(at)
}

/// Whether token `i` is a month or the modal "May" written as a name ("in March"), not a verb.
fn is_month_name(s: &Sentence, i: usize) -> bool {
    i > 0 && s.toks[i].capital && matches!(s.stem(i), "march" | "may")
}

/// Whether token `i` is, as written, a word that is never a trigger.
fn never_trigger(s: &Sentence, text: &str, i: usize, lex: &Lexicon) -> bool {
    let t = s.toks[i].span;
    text.get(t.start..t.end).is_some_and(|w| {
        w.len() <= lex.max_len && lex.not_triggers.contains(w.to_ascii_lowercase().as_str())
    })
}

/// Every trigger match of the sentence, left to right, not overlapping.
pub fn triggers(s: &Sentence, text: &str, lex: &Lexicon) -> Vec<Match> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let stem = s.stem(i);
        let found = if stem.is_empty()
            || is_month_name(s, i)
            || (lex.first.contains_key(stem) && never_trigger(s, text, i, lex))
        {
            None
        } else {
            lex.first.get(stem).and_then(|list| {
                list.iter().find_map(|&p| {
                    match_slots(s, i, &lex.triggers[p].slots).map(|last| Match {
                        first: i,
                        last,
                        pattern: p,
                    })
                })
            })
        };
        match found {
            Some(m) => {
                out.push(m);
                i = m.last;
            }
            None => i += 1,
        }
    }
    out
}

/// The first mode word of the sentence, if any.
pub fn mode_word(s: &Sentence, lex: &Lexicon) -> Option<&'static str> {
    (0..s.len()).find_map(|i| {
        let list = lex.mode_first.get(s.stem(i))?;
        list.iter()
            .find(|&&m| match_slots(s, i, &lex.modes[m].slots).is_some())
            .map(|&m| lex.modes[m].mode)
    })
}

/// The type and mode the sentence gives a one-word trigger of several senses ("strike" in a
/// sentence about workers and wages is a labour strike; a type `None` is no event), if it
/// gives one.
fn sense(
    s: &Sentence,
    m: &Match,
    lex: &Lexicon,
) -> Option<(Option<EventType>, Option<&'static str>)> {
    if m.last != m.first + 1 {
        return None;
    }
    let senses = lex.senses.get(s.stem(m.first))?;
    senses
        .iter()
        .find(|sense| {
            (sense.context.is_empty() || (0..s.len()).any(|k| sense.context.contains(s.stem(k))))
                && !(0..s.len()).any(|k| sense.unless.contains(s.stem(k)))
        })
        .map(|sense| (sense.event_type, sense.mode))
}

/// How many words may stand between an indefinite article and the noun trigger it opens ("a
/// serious threat"), and between a verb of judging and that article ("consider the bill a
/// threat").
const ARTICLE_REACH: usize = 2;
const VERB_REACH: usize = 4;

/// Whether the one-word trigger of `m` is a noun used as a predicate complement: opened by an
/// indefinite article right after a verb of being or posing ("poses a threat", "is not an
/// attack") or a few words after a verb of judging ("they consider the bill a threat"), with
/// no punctuation, preposition or clause word between (`lexicon/complements.txt`). Such a
/// noun says what something is or is seen as; it reports no act. An existential "there has
/// been an attack" and a hedged "what appears to be an attack" still report one.
fn predicate_noun(s: &Sentence, text: &str, m: &Match, lex: &Lexicon) -> bool {
    let word = |k: usize| {
        let t = s.toks[k].span;
        text.get(t.start..t.end).unwrap_or("")
    };
    if m.last != m.first + 1 {
        return false;
    }
    let article = (1..=ARTICLE_REACH + 1)
        .filter_map(|back| m.first.checked_sub(back))
        .take_while(|&k| !is_stop(s, k, text))
        .find(|&k| word(k).eq_ignore_ascii_case("a") || word(k).eq_ignore_ascii_case("an"));
    let Some(article) = article else {
        return false;
    };
    let c = &lex.complements;
    let before: Vec<usize> = (1..=VERB_REACH + 1)
        .filter_map(|back| article.checked_sub(back))
        .take_while(|&k| !is_stop(s, k, text) && !c.breaks.contains(s.stem(k)))
        .collect();
    let copula = match before.as_slice() {
        [k, ..] if c.copulas.contains(s.stem(*k)) => Some(*k),
        [b, k, ..] if c.between.contains(s.stem(*b)) && c.copulas.contains(s.stem(*k)) => Some(*k),
        _ => None,
    };
    match copula {
        // "There has been a massacre" reports one; so does "what appears to be an attack".
        Some(k) => {
            let existential = (1..=2)
                .filter_map(|back| k.checked_sub(back))
                .any(|b| word(b).eq_ignore_ascii_case("there"));
            let to_be = k > 0 && word(k - 1).eq_ignore_ascii_case("to");
            !existential && !to_be
        }
        None => before.iter().any(|&k| c.verbs.contains(s.stem(k))),
    }
}

/// A candidate event of the sentence before its actors are read.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Trigger tokens `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// The type the lexicon gives (after modality retyping).
    pub event_type: EventType,
    /// The type of the trigger pattern itself.
    pub lexical_type: EventType,
    pub mode: Option<&'static str>,
    /// The governed event's tokens and lexical type, when this event governs another.
    pub governed: Option<(usize, usize, EventType)>,
    /// The modality word that governs this event, with its token.
    pub governor: Option<(usize, Modality)>,
    pub reason: Option<NonAssertion>,
}

/// How far before a trigger a modality word may stand.
const WINDOW: usize = 5;
/// How far a denial reaches ("denied that any of its drones had entered").
const DENY_WINDOW: usize = 9;

fn is_stop(s: &Sentence, i: usize, text: &str) -> bool {
    let t = &s.toks[i];
    matches!(
        text.get(t.span.start..t.span.end),
        Some(";" | ":" | "," | "(" | ")" | "." | "?" | "!")
    )
}

/// The nearest modality word before token `first`, within the window its kind allows.
fn governor(s: &Sentence, text: &str, first: usize, lex: &Lexicon) -> Option<(usize, Modality)> {
    let mut k = first;
    let mut distance = 0;
    while k > 0 && distance < DENY_WINDOW {
        k -= 1;
        distance += 1;
        if is_stop(s, k, text) {
            return None;
        }
        if let Some(&m) = lex.modality.get(s.stem(k)) {
            if is_month_name(s, k) {
                continue;
            }
            if m == Modality::Claim {
                // "rejected claims that it shelled", "dismissed the reports of shelling": a
                // denial of what follows. Any other claim noun changes nothing.
                let refusal = (1..=2).filter_map(|back| k.checked_sub(back)).find(|&r| {
                    matches!(
                        lex.modality.get(s.stem(r)),
                        Some(Modality::Refuse | Modality::Deny)
                    )
                });
                match refusal {
                    Some(r) if distance + (k - r) <= DENY_WINDOW => {
                        return Some((r, Modality::Deny))
                    }
                    _ => continue,
                }
            }
            let reach = match m {
                Modality::Deny => DENY_WINDOW,
                Modality::Negation => 3,
                _ => WINDOW,
            };
            return (distance <= reach).then_some((k, m));
        }
    }
    None
}

fn is_cooperative(t: EventType) -> bool {
    t.family() == "cooperation"
}

/// The event candidates of a sentence from its trigger matches.
pub fn candidates(s: &Sentence, text: &str, matches: &[Match], lex: &Lexicon) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(matches.len());
    // Candidate index by the token its trigger starts at, for governors that are triggers.
    let mut by_first: Vec<(usize, usize)> = Vec::new();
    for m in matches {
        if predicate_noun(s, text, m, lex) {
            continue;
        }
        let pattern = &lex.triggers[m.pattern];
        let (event_type, mode) = match sense(s, m, lex) {
            Some((Some(t), mode)) => (t, mode),
            Some((None, _)) => continue,
            None => (pattern.event_type, pattern.mode),
        };
        let mut c = Candidate {
            first: m.first,
            last: m.last,
            event_type,
            lexical_type: event_type,
            mode,
            governed: None,
            governor: governor(s, text, m.first, lex),
            reason: None,
        };
        let governing = c.governor.and_then(|(k, modality)| {
            by_first
                .iter()
                .find(|(first, _)| *first == k)
                .map(|&(_, i)| (i, modality))
        });
        match (c.governor, governing) {
            // A governing trigger takes this one as its content: one event, the governor's.
            (
                Some((
                    _,
                    Modality::Threaten | Modality::Promise | Modality::Demand | Modality::Refuse,
                )),
                Some((g, _)),
            ) => {
                let gov: &mut Candidate = &mut out[g];
                if gov.governed.is_none() {
                    gov.governed = Some((c.first, c.last, c.lexical_type));
                    if gov.mode.is_none() {
                        gov.mode = c.mode;
                    }
                }
                continue;
            }
            // A denial keeps the denied event, not asserted; the denial word is no event.
            (Some((_, Modality::Deny)), governing) => {
                if let Some((g, _)) = governing {
                    out[g].reason = Some(NonAssertion::Denied);
                    out[g].governed = Some((usize::MAX, usize::MAX, c.lexical_type));
                }
                c.reason = Some(NonAssertion::Denied);
            }
            (Some((_, Modality::Threaten)), None) => {
                c.event_type = EventType::Threaten;
                c.reason = Some(NonAssertion::Threatened);
            }
            (Some((_, Modality::Promise)), None) => {
                c.event_type = EventType::Agree;
                c.reason = Some(NonAssertion::Planned);
            }
            (Some((_, Modality::Demand)), None) => {
                c.event_type = EventType::Demand;
                c.reason = Some(NonAssertion::Planned);
            }
            (Some((_, Modality::Refuse)), None) => {
                c.event_type = EventType::Reject;
                c.reason = Some(NonAssertion::Negated);
            }
            (Some((_, Modality::Plan | Modality::Future)), _) => {
                let t = c.lexical_type;
                c.reason = Some(NonAssertion::Planned);
                if !matches!(
                    t,
                    EventType::Agree | EventType::Threaten | EventType::Demand
                ) {
                    if is_cooperative(t) {
                        c.event_type = EventType::Agree;
                    } else if matches!(t.family(), "material-conflict" | "verbal-conflict") {
                        c.event_type = EventType::Threaten;
                        c.reason = Some(NonAssertion::Threatened);
                    }
                }
            }
            (Some((_, Modality::Hypothetical)), _) => {
                c.reason = Some(NonAssertion::Hypothetical);
            }
            (Some((_, Modality::Negation)), _) => {
                c.reason = Some(NonAssertion::Negated);
            }
            _ => {}
        }
        by_first.push((c.first, out.len()));
        out.push(c);
    }
    // A denial word whose content was a denied event is not an event of its own.
    out.retain(|c| !matches!(c.governed, Some((usize::MAX, _, _))));
    out
}
