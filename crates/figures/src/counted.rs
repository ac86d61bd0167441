//! What a figure counts: the noun phrase after the number and the figure's category.
//!
//! Without a parser the noun phrase is read with closed-class stop words: it runs over up to
//! five words after the number, up to the first plural noun, ("armored personnel carriers") and stops at function words,
//! punctuation, adverbs and past participles used as verbs ("15 people killed in ...").
//! The category comes first from a head noun that names the consequence itself ("deaths",
//! "refugees"), then from the nearest cue word around the figure ("were killed", "fled"),
//! then from a head noun that names who is counted ("troops" → forces, "residents" →
//! population).

use crate::lexer::{Tok, TokKind};
use parallax_core::FigureCategory;

/// The counted noun phrase: token range and lowercase head noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub first: usize,
    pub end: usize,
    pub head: String,
}

/// Words that never belong to a counted noun phrase.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "as"
            | "per"
            | "than"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "about"
            | "across"
            | "against"
            | "near"
            | "inside"
            | "outside"
            | "within"
            | "without"
            | "between"
            | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "do"
            | "does"
            | "did"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "they"
            | "their"
            | "them"
            | "he"
            | "she"
            | "his"
            | "her"
            | "we"
            | "our"
            | "you"
            | "your"
            | "i"
            | "my"
            | "said"
            | "say"
            | "says"
            | "told"
            | "tell"
            | "died"
            | "die"
            | "dies"
            | "fled"
            | "flee"
            | "fleeing"
            | "remain"
            | "remained"
            | "remains"
            | "each"
            | "more"
            | "less"
            | "fewer"
            | "most"
            | "also"
            | "still"
            | "now"
            | "then"
            | "there"
            | "here"
            | "not"
            | "no"
            | "if"
            | "when"
            | "where"
            | "while"
            | "because"
            | "so"
            | "such"
            | "out"
            | "up"
            | "down"
            | "off"
            | "percent"
            | "per_cent"
            | "times"
            | "other"
            | "others"
            | "all"
            | "some"
            | "any"
            | "lost"
            | "left"
            | "took"
            | "take"
            | "went"
            | "came"
            | "gathered"
            | "according"
    )
}

/// Whether `w` reads as a plural noun by its ending ("sources", not "press" or "virus").
fn is_plural_noun(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}

/// Participles that can stand as the counted noun themselves ("10 wounded").
fn is_participle_noun(w: &str) -> bool {
    matches!(
        w,
        "wounded" | "injured" | "dead" | "displaced" | "detained" | "arrested" | "missing"
    )
}

fn lower(t: &Tok<'_>) -> String {
    t.text.to_lowercase()
}

/// Reads the counted noun phrase starting at token `at`. `of_allowed` lets a vague or
/// scaled amount take "of" first ("hundreds of people", "millions of dollars").
pub fn noun_phrase(toks: &[Tok<'_>], at: usize, of_allowed: bool) -> Option<Counted> {
    let mut i = at;
    if of_allowed && toks.get(i).is_some_and(|t| t.is("of")) {
        i += 1;
    }
    let first = i;
    let mut end = i;
    let mut head = String::new();
    let mut words = 0;
    while end < toks.len() && words < 5 {
        let t = &toks[end];
        // "five U.S. troops": an initialism's periods do not end the phrase.
        if let Some(after) = initialism_end(toks, end) {
            head = glued_lower(&toks[end..after]);
            end = after;
            words += 1;
            continue;
        }
        if t.kind != TokKind::Word {
            // "T-72 tanks", "Su-25 jets": a model designation is a modifier inside the
            // phrase, and its head when nothing follows ("a dozen T-72s").
            if let Some(after) = designation_end(toks, end).filter(|_| end > first) {
                head = glued_lower(&toks[end - 1..after]);
                end = after;
                words += 1;
                if head.ends_with('s') {
                    break;
                }
                continue;
            }
            // "South-Ossetian": a hyphen between two glued words stays inside the phrase.
            let glued = t.is_punct('-')
                && end > first
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.start == t.end && n.kind == TokKind::Word)
                && toks[end - 1].end == t.start;
            if glued {
                end += 1;
                continue;
            }
            break;
        }
        let w = lower(t);
        // An adverb ends the phrase ("two recently arrived"), but a noun in "-ly" before the
        // plural head is part of it ("two family farmers", "three assembly members").
        let before_plural = toks
            .get(end + 1)
            .is_some_and(|n| n.kind == TokKind::Word && is_plural_noun(&lower(n)));
        if is_stop(&w) || w.ends_with("ly") && w.len() > 4 && !before_plural {
            break;
        }
        // A word right before an agent's "by" is a participle, regular or not ("10 held by
        // Republicans", "three won by Democrats"), unless it is already the plural head.
        let agent_follows = toks.get(end + 1).is_some_and(|n| n.is("by"));
        if agent_follows && !is_plural_noun(&w) && !is_participle_noun(&w) {
            break;
        }
        // A past participle followed by a function word or punctuation is the verb
        // ("15 people killed in"), not an adjective ("armored personnel carriers").
        if w.ends_with("ed") && !is_participle_noun(&w) {
            let next_is_noun = toks.get(end + 1).is_some_and(|n| {
                n.kind == TokKind::Word && !n.is_capitalized() && !is_stop(&lower(n))
            });
            if !next_is_noun || head.ends_with('s') {
                break;
            }
        }
        head = w;
        end += 1;
        words += 1;
        // Counted heads are plural nouns: the phrase ends at the first one ("two sources
        // familiar with ...", "five Chinese entities").
        if is_participle_noun(&head) || is_plural_noun(&head) {
            break;
        }
    }
    // A trailing hyphen is not part of the phrase.
    while end > first && toks.get(end - 1).is_some_and(|t| t.kind == TokKind::Punct) {
        end -= 1;
    }
    (end > first && !head.is_empty()).then_some(Counted { first, end, head })
}

/// The label of a factbox line whose value the figure starting at token `first` is:
/// "Population: approximately 36,000 (2001 census)" counts the population. The label is one
/// or two words opening their line, right before a colon.
pub fn line_label(text: &str, toks: &[Tok<'_>], first: usize) -> Option<Counted> {
    let colon = first.checked_sub(1).filter(|&c| toks[c].is_punct(':'))?;
    let label = colon.checked_sub(1)?;
    let opens_line = |k: usize| {
        k.checked_sub(1).is_none_or(|p| {
            text.get(toks[p].end..toks[k].start)
                .is_some_and(|gap| gap.contains('\n'))
        })
    };
    let word = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Word);
    let start = if word(label) && opens_line(label) {
        label
    } else if label > 0 && word(label) && word(label - 1) && opens_line(label - 1) {
        label - 1
    } else {
        return None;
    };
    Some(Counted {
        first: start,
        end: colon,
        head: lower(&toks[label]),
    })
}

/// The lowercase text of a run of glued tokens ("U.S.", "T-72s").
fn glued_lower(run: &[Tok<'_>]) -> String {
    run.iter()
        .map(|t| t.text)
        .collect::<String>()
        .to_lowercase()
}

/// End of the initialism starting at token `at` ("U.S.", "U.N.", "U.S.C."): at least two
/// capital letters, each glued to the period after it.
fn initialism_end(toks: &[Tok<'_>], at: usize) -> Option<usize> {
    let mut end = at;
    while let (Some(letter), Some(dot)) = (toks.get(end), toks.get(end + 1)) {
        let shape = letter.kind == TokKind::Word
            && letter.text.len() == 1
            && letter.text.bytes().all(|b| b.is_ascii_uppercase())
            && dot.is_punct('.')
            && letter.end == dot.start
            && (end == at || toks[end - 1].end == letter.start);
        if !shape {
            break;
        }
        end += 2;
    }
    (end - at >= 4).then_some(end)
}

/// End of a model designation's number part when token `at` is the hyphen of one: a word
/// glued to a hyphen glued to digits ("T-72", "Su-25", "MiG-29K", "T-72s").
fn designation_end(toks: &[Tok<'_>], at: usize) -> Option<usize> {
    let (prev, dash, num) = (
        toks.get(at.checked_sub(1)?)?,
        toks.get(at)?,
        toks.get(at + 1)?,
    );
    let shape = prev.kind == TokKind::Word
        && dash.is_punct('-')
        && prev.end == dash.start
        && dash.end == num.start
        && matches!(
            num.kind,
            TokKind::Digits | TokKind::DigitsAlpha | TokKind::Mixed
        );
    shape.then_some(at + 2)
}

/// Whether the noun is a unit of time: such amounts are durations, not figures.
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "night"
            | "nights"
            | "weekend"
            | "weekends"
            | "am"
            | "pm"
    )
}

/// Category named by a head noun that is the consequence itself.
fn strong_head(w: &str) -> Option<FigureCategory> {
    use FigureCategory::*;
    Some(match w {
        "dead" | "deaths" | "fatalities" | "bodies" | "casualties" | "victims" => Fatalities,
        "wounded" | "injured" | "injuries" => Injuries,
        "refugees" | "displaced" | "evacuees" | "homeless" | "idps" => Displaced,
        "protesters" | "protestors" | "demonstrators" | "marchers" | "rioters" => Protesters,
        "arrests" | "detainees" | "prisoners" | "detentions" | "arrested" | "detained" => Arrests,
        _ => return None,
    })
}

/// Category named by a head noun that says who or what is counted.
fn weak_head(w: &str) -> Option<FigureCategory> {
    use FigureCategory::*;
    Some(match w {
        "troops" | "soldiers" | "servicemen" | "peacekeepers" | "tanks" | "vehicles"
        | "carriers" | "aircraft" | "planes" | "jets" | "helicopters" | "warships" | "ships"
        | "personnel" | "fighters" | "reservists" | "paratroopers" | "marines" | "artillery"
        | "missiles" | "rockets" | "battalions" | "brigades" | "divisions" | "sailors"
        | "bombers" | "gunboats" | "guns" | "howitzers" | "militiamen" | "volunteers" => Forces,
        "residents" | "inhabitants" | "population" | "citizens" | "villagers" | "voters" => {
            Population
        }
        _ => return None,
    })
}

/// Category named by a cue word near the figure.
fn cue(w: &str) -> Option<FigureCategory> {
    use FigureCategory::*;
    Some(match w {
        "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "dying" | "deaths"
        | "death" | "perished" | "slain" | "massacred" | "lives" | "fatalities" | "executed" => {
            Fatalities
        }
        "wounded" | "wounding" | "injured" | "injuring" | "hurt" | "injuries" => Injuries,
        "fled" | "flee" | "fleeing" | "displaced" | "homeless" | "refugees" | "evacuated"
        | "uprooted" | "evacuees" => Displaced,
        "arrested" | "detained" | "jailed" | "arrests" | "custody" | "detention" => Arrests,
        "protesters" | "demonstrators" | "gathered" | "rallied" | "marched" | "protested"
        | "rally" | "demonstration" | "crowd" => Protesters,
        "live" | "lived" | "inhabited" | "population" => Population,
        "deployed" | "troops" | "mobilized" | "stationed" => Forces,
        _ => return None,
    })
}

/// Whether the "lives" at token `at` is the verb of dwelling ("a user who lives near Austin",
/// "she lives in Gaza"), not the noun of lives lost ("claimed 20 lives in the valley"): right
/// after a relative or personal pronoun.
fn dwells(toks: &[Tok<'_>], at: usize) -> bool {
    toks[at].is("lives")
        && at
            .checked_sub(1)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| {
                ["who", "whom", "that", "which", "he", "she", "it"]
                    .iter()
                    .any(|w| t.is(w))
            })
}

/// Whether a token ends a clause for the purpose of the cue window.
fn is_clause_break(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Punct && !t.is_punct('-') && !t.is_punct('\'') && !t.is_punct('’')
}

/// Words before "bodies" that make them institutions (`data/body_institutions.txt`).
static BODY_INSTITUTIONS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        parallax_core::text::data_lines(include_str!("../data/body_institutions.txt")).collect()
    });

/// Whether the counted phrase `[first, end)` names bodies that are institutions ("state
/// legislative bodies"), not the dead.
pub fn institutional_bodies(toks: &[Tok<'_>], counted: &Counted) -> bool {
    counted.head == "bodies"
        && toks.get(counted.first..counted.end).is_some_and(|words| {
            words
                .iter()
                .any(|t| BODY_INSTITUTIONS.contains(lower(t).as_str()))
        })
}

/// The figure's category from its head noun and the words around `[first, end)`.
pub fn category(toks: &[Tok<'_>], first: usize, end: usize, head: Option<&str>) -> FigureCategory {
    if let Some(c) = head.and_then(strong_head) {
        return c;
    }
    const BEFORE: usize = 4;
    const AFTER: usize = 6;
    let mut best: Option<(usize, FigureCategory)> = None;
    let mut consider = |distance: usize, at: usize| {
        let t = &toks[at];
        if dwells(toks, at) {
            return;
        }
        if let Some(c) = cue(&lower(t)) {
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, c));
            }
        }
    };
    let from = end.min(toks.len());
    for (k, t) in toks[from..].iter().take(AFTER).enumerate() {
        if is_clause_break(t) {
            break;
        }
        consider(k, from + k);
    }
    let to = first.min(toks.len());
    for (k, t) in toks[..to].iter().rev().take(BEFORE).enumerate() {
        if is_clause_break(t) {
            break;
        }
        consider(k + 1, to - 1 - k);
    }
    best.map(|(_, c)| c)
        .or_else(|| head.and_then(weak_head))
        .unwrap_or(FigureCategory::Other)
}
