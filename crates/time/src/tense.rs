//! Whether the clause around a time expression speaks of the future.
//!
//! News reporting is past tense by default, so a bare weekday or month points back from the
//! anchor; a future marker in the same sentence ("will", "'ll", "next", "is due to",
//! "scheduled") turns it forward.

use parallax_figures::lexer::{Tok, TokKind};

const BACK: usize = 10;
const AHEAD: usize = 6;

fn is_future_marker(t: &Tok<'_>) -> bool {
    [
        "will",
        "ll",
        "shall",
        "upcoming",
        "scheduled",
        "due",
        "planned",
        "plans",
        "expected",
        "until",
        "till",
    ]
    .iter()
    .any(|w| t.is(w))
}

fn is_past_marker(t: &Tok<'_>) -> bool {
    ["said", "was", "were", "had", "did", "ago", "last"]
        .iter()
        .any(|w| t.is(w))
}

fn ends_sentence(t: &Tok<'_>) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "." | "!" | "?" | ";")
}

/// Whether token `k` ends a sentence: not the period of a title or initial glued to it ("Mr.",
/// "Gov.", "U.S."), which the tense scan reads through.
fn ends_sentence_at(toks: &[Tok<'_>], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return true;
    };
    let abbreviation = t.is_punct('.')
        && k > 0
        && toks.get(k - 1).is_some_and(|p| {
            p.end == t.start && p.kind == TokKind::Word && p.text.len() <= 3 && p.is_capitalized()
        });
    ends_sentence(t) && !abbreviation
}

/// Whether tokens `k` and `k + 1` are a comma and a coordinating conjunction, which open a
/// clause with a tense of its own ("signed it late Tuesday, and planned to send it on").
fn joins_clauses(toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is_punct(','))
        && toks.get(k + 1).is_some_and(|t| {
            ["and", "but", "while", "although", "whereas"]
                .iter()
                .any(|w| t.is(w))
        })
}

/// Whether the clause around token `i` speaks of an election ("re-election", "the November
/// elections", "the midterms").
pub fn near_election(toks: &[Tok<'_>], i: usize) -> bool {
    let words = ["election", "elections", "reelection", "midterm", "midterms"];
    let before = (i.saturating_sub(BACK)..i.min(toks.len()))
        .rev()
        .take_while(|&k| !ends_sentence_at(toks, k));
    let after =
        (i + 1..(i + 1 + AHEAD).min(toks.len())).take_while(|&k| !ends_sentence_at(toks, k));
    before
        .chain(after)
        .any(|k| words.iter().any(|w| toks[k].is(w)))
}

/// Whether the sentence around token `i` is about the future; the nearest tense marker wins.
pub fn is_future(toks: &[Tok<'_>], i: usize) -> bool {
    let mut best: Option<(usize, bool)> = None;
    let mut note = |distance: usize, t: &Tok<'_>| {
        let verdict = if is_future_marker(t) {
            Some(true)
        } else if is_past_marker(t) {
            Some(false)
        } else {
            None
        };
        if let Some(v) = verdict {
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, v));
            }
        }
    };
    for (k, t) in toks[..i.min(toks.len())]
        .iter()
        .rev()
        .take(BACK)
        .enumerate()
    {
        if ends_sentence_at(toks, i - k - 1) || joins_clauses(toks, i - k - 1) {
            break;
        }
        note(k + 1, t);
    }
    for (k, t) in toks.iter().skip(i + 1).take(AHEAD).enumerate() {
        if ends_sentence_at(toks, i + 1 + k) || joins_clauses(toks, i + 1 + k) {
            break;
        }
        note(k + 1, t);
    }
    // "The election is Thursday": a day right after a present "is" is to come.
    let copula = i > 0 && toks.get(i - 1).is_some_and(|p| p.is("is") || p.is("are"));
    if copula && best.is_none_or(|(d, _)| d > 1) {
        return true;
    }
    best.is_some_and(|(_, future)| future)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_figures::lexer::tokenize;

    fn future_at(text: &str, word: &str) -> bool {
        let toks = tokenize(text);
        let i = toks.iter().position(|t| t.text == word).unwrap_or(0);
        is_future(&toks, i)
    }

    #[test]
    fn tense_of_clause() {
        assert!(!future_at(
            "Russian troops entered Gori on Saturday.",
            "Saturday"
        ));
        assert!(future_at(
            "The ministers will meet on Saturday.",
            "Saturday"
        ));
        assert!(!future_at("He will go. They met on Saturday.", "Saturday"));
        assert!(future_at("Talks are scheduled for Monday.", "Monday"));
        // A coordinated clause keeps its own tense.
        assert!(!future_at(
            "The committee signed off on the bill late Tuesday, and planned to send it on.",
            "Tuesday"
        ));
        assert!(future_at(
            "They met on Monday, and will meet again on Friday.",
            "Friday"
        ));
    }
}
