//! Cues: the reporting verb or phrase that signals an attribution ("said", "has told",
//! "according to", "called on"), found token by token.

use crate::context::Ctx;
use crate::lexicon;
use parallax_core::{ParagraphRole, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb, with its auxiliaries and particle.
    Verb,
    /// "according to": the speaker follows, the content is the rest of the sentence.
    According,
}

/// The learned classifier's decision on one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    No,
    Cue,
    /// A cue that takes the next word as its particle ("referring to").
    WithParticle,
    /// A noun-like rule cue ("shows", "claims") the classifier scores as a verb: its speaker
    /// need not be a name.
    Sure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub kind: CueKind,
    /// First token of the cue (an auxiliary when there is one).
    pub first: usize,
    /// The verb's token.
    pub verb: usize,
    /// The token after the cue (after its particle).
    pub next: usize,
    /// A verb that is a cue only when a clause or quotation follows it ("thinks", "showed").
    pub weak: bool,
    /// A form that is as often a noun ("states", "tweets"): its speaker must be a pronoun or
    /// a name.
    pub noun_like: bool,
}

/// The cues among tokens `range`: the rule lexicon's, vetoed or completed by the learned
/// classifier when the context carries its decisions.
pub fn find(ctx: &Ctx, range: std::ops::Range<usize>) -> Vec<Cue> {
    let mut cues = Vec::new();
    for i in range.clone() {
        let Some(learned) = &ctx.learned else {
            cues.extend(rule_cue(ctx, range.clone(), i));
            continue;
        };
        let verdict = learned.get(i).copied().unwrap_or(Verdict::No);
        if verdict == Verdict::No {
            continue;
        }
        match (rule_cue(ctx, range.clone(), i), verdict) {
            (_, Verdict::No) => {}
            (Some(cue), Verdict::WithParticle) if cue.next == i + 1 && i + 1 < range.end => {
                // The lexicon knows the verb; the training data its particle ("pointed to").
                cues.push(verb_cue(
                    ctx,
                    range.clone(),
                    i,
                    i + 2,
                    cue.weak,
                    cue.noun_like,
                ))
            }
            (Some(cue), Verdict::Sure) => cues.push(Cue {
                noun_like: false,
                ..cue
            }),
            (Some(cue), _) => cues.push(cue),
            (None, verdict) => cues.extend(learned_cue(ctx, range.clone(), i, verdict)),
        }
    }
    cues
}

/// Per token of the text, whether the rule lexicon takes it for a cue head (the verb, or
/// "according" of "according to"), each sentence read on its own.
pub fn rule_heads(ctx: &Ctx) -> Vec<bool> {
    let mut out = vec![false; ctx.seg.tokens.len()];
    for sentence in &ctx.seg.sentences {
        let range = ctx.tokens_in(sentence.span);
        for i in range.clone() {
            if let (Some(cue), Some(o)) = (rule_cue(ctx, range.clone(), i), out.get_mut(i)) {
                *o = cue.verb == i;
            }
        }
    }
    out
}

/// A cue the classifier found where the lexicon has none: the word at `i` with its
/// auxiliaries and, when the vocabulary pairs them, the particle after it.
fn learned_cue(
    ctx: &Ctx,
    range: std::ops::Range<usize>,
    i: usize,
    verdict: Verdict,
) -> Option<Cue> {
    // The classifier learned its cues from article bodies: in a headline ("President lays
    // wreath at memorial") only the lexicon's verbs of saying attribute.
    let in_headline = || {
        ctx.seg
            .paragraph_at(ctx.tok(i).start)
            .and_then(|p| ctx.seg.paragraphs.get(p))
            .is_some_and(|p| p.role == ParagraphRole::Headline)
    };
    if !ctx.is_word(i) || lexicon::is_not_cue(ctx.word(i)) || in_headline() {
        return None;
    }
    let next = match verdict {
        Verdict::WithParticle if i + 1 < range.end => i + 2,
        _ => i + 1,
    };
    Some(verb_cue(ctx, range, i, next, false, false))
}

/// The rule lexicon's cue whose head is token `i`, if any.
fn rule_cue(ctx: &Ctx, range: std::ops::Range<usize>, i: usize) -> Option<Cue> {
    let w = ctx.word(i);
    if !ctx.is_cue_verb(i) && !w.starts_with(['a', 'A']) {
        return None;
    }
    if lexicon::is(w, "according") && lexicon::is(ctx.word(i + 1), "to") && i + 1 < range.end {
        return Some(Cue {
            span: ctx.cover(i, i + 1),
            kind: CueKind::According,
            first: i,
            verb: i,
            next: i + 2,
            weak: false,
            noun_like: false,
        });
    }
    // Cue verbs are lowercase words; the cheap test spares most tokens the lookup.
    let lowercase = w.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    if !lowercase || !ctx.is_cue_verb(i) || !is_finite_use(ctx, range.start, i) {
        return None;
    }
    let mut next = i + 1;
    let mut weak = false;
    match lexicon::required_particles(w) {
        Some([]) => weak = true,
        Some(particles) => {
            if !particles.iter().any(|p| lexicon::is(ctx.word(i + 1), p)) {
                return None;
            }
            next = i + 2;
        }
        None => {
            let next_word = ctx.word(i + 1);
            if lexicon::OPTIONAL_PARTICLES
                .iter()
                .any(|(v, p)| lexicon::is(w, v) && lexicon::is(next_word, p))
            {
                next = i + 2;
            }
        }
    }
    let noun_like = lexicon::is_noun_like(w);
    if noun_like && !opens_clause(ctx, next) {
        return None;
    }
    Some(verb_cue(ctx, range, i, next, weak, noun_like))
}

/// A verb cue headed by token `i` whose own tokens end before `next`: auxiliaries before it
/// and a colon after it ("said:") join the span.
fn verb_cue(
    ctx: &Ctx,
    range: std::ops::Range<usize>,
    i: usize,
    mut next: usize,
    weak: bool,
    noun_like: bool,
) -> Cue {
    let w = ctx.word(i);
    if ctx.is(next, ":") {
        next += 1;
    }
    let mut first = i;
    while first > range.start
        && (ctx.is_auxiliary(first - 1)
            || is_negation_or_modal(ctx.word(first - 1))
            || is_manner_adverb(ctx.word(first - 1))
            || w.ends_with("ing") && is_progressive(ctx.word(first - 1)))
    {
        first -= 1;
    }
    let last = next.saturating_sub(1).max(i);
    Cue {
        span: ctx.cover(first, last),
        kind: CueKind::Verb,
        first,
        verb: i,
        next,
        weak,
        noun_like,
    }
}

/// Negations, forms of "do" and modals before a cue verb, which PolNeAR's cues include ("did
/// not mention", "doesn't think", "could refuse").
fn is_negation_or_modal(word: &str) -> bool {
    const WORDS: [&str; 48] = [
        "isn't",
        "isn’t",
        "aren't",
        "aren’t",
        "wasn't",
        "wasn’t",
        "weren't",
        "weren’t",
        "hasn't",
        "hasn’t",
        "haven't",
        "haven’t",
        "hadn't",
        "hadn’t",
        "shouldn't",
        "shouldn’t",
        "'ll",
        "’ll",
        "'ve",
        "’ve",
        "'d",
        "’d",
        "not",
        "never",
        "did",
        "does",
        "do",
        "didn't",
        "didn’t",
        "doesn't",
        "doesn’t",
        "don't",
        "don’t",
        "could",
        "can",
        "cannot",
        "can't",
        "can’t",
        "should",
        "may",
        "might",
        "must",
        "won't",
        "won’t",
        "wouldn't",
        "wouldn’t",
        "couldn't",
        "couldn’t",
    ];
    WORDS.iter().any(|w| lexicon::is(word, w))
}

/// A lowercase adverb right before a cue verb, which PolNeAR's cues include ("often says",
/// "forcefully told", "then ruled").
fn is_manner_adverb(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && lexicon::is_adverbial(word)
        && !lexicon::is_time_adverbial(word)
}

/// Forms of "be" that make a progressive with an "-ing" cue ("is demanding").
fn is_progressive(word: &str) -> bool {
    ["is", "are", "was", "were", "'s", "’s", "'re", "’re"]
        .iter()
        .any(|b| lexicon::is(word, b))
}

/// Whether token `i` can open a reported clause or quotation.
fn opens_clause(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    ctx.is_mark(i)
        || matches!(w, ":" | ",")
        || lexicon::is(w, "that")
        || lexicon::is(w, "to")
        || lexicon::is(ctx.word(i + 1), "that")
        || lexicon::is_determiner(w)
        || lexicon::is_pronoun(w) && !lexicon::is(w, "which")
        || ctx.is_capitalized(i)
}

/// Whether the verb at `i` is used as a verb of this sentence rather than as an adjective or
/// a passive ("the said company", "he was told").
fn is_finite_use(ctx: &Ctx, start: usize, i: usize) -> bool {
    let opens_sentence = ctx
        .seg
        .sentence_at(ctx.tok(i).start)
        .and_then(|s| ctx.seg.sentences.get(s))
        .is_some_and(|s| ctx.tokens_in(s.span).start == i);
    if i == start && opens_sentence {
        // A sentence opening with a reporting verb is a headline or an imperative.
        return false;
    }
    if ctx.is_capitalized(i) {
        // Mid-sentence capitals are names and titles: "the United States".
        return false;
    }
    let prev = ctx.word(i - 1);
    if ctx.word(i).ends_with("ing") && is_progressive(prev) {
        return true; // "is demanding", "’s claiming"
    }
    !(lexicon::is_determiner(prev)
        || ["was", "were", "is", "are", "be", "been", "being", "to"]
            .iter()
            .any(|p| lexicon::is(prev, p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seg_of;

    fn cue_texts(text: &str) -> Vec<String> {
        let seg = seg_of(text);
        let ctx = Ctx::new(text, &seg);
        find(&ctx, 0..seg.tokens.len())
            .iter()
            .map(|c| c.span.text(text).to_string())
            .collect()
    }

    #[test]
    fn finds_verbs_with_auxiliaries_and_particles() {
        assert_eq!(
            cue_texts("Trump has also said the plan works."),
            ["has also said"]
        );
        assert_eq!(cue_texts("He called on Moscow to withdraw."), ["called on"]);
        assert_eq!(cue_texts("He called the plan a disaster."), ["called"]);
        assert_eq!(cue_texts("He is demanding a recount."), ["is demanding"]);
        assert_eq!(
            cue_texts("The figure, according to officials, rose."),
            ["according to"]
        );
        assert_eq!(cue_texts("He was told to leave."), Vec::<String>::new());
    }
}
