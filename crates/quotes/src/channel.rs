//! Channels: how a statement reached the outlet ("told CNN", "in a statement posted on its
//! website", "Interfax quoted him as saying", "told reporters").

use crate::context::Ctx;
use crate::cue::Cue;
use crate::{lexicon, speaker};
use parallax_core::Span;
use regex::Regex;
use std::sync::LazyLock;

/// Channel phrases that name a medium or an occasion, without the "X quoted him as saying"
/// of [`MEDIUM_OR_QUOTED`].
const MEDIUM_PATTERN: &str = r"(?x-u)
        (?-u:\b)(?:in|during)\ (?:a|an|the|his|her|its|their)\ (?:[\w-]+\ ){0,2}?
            (?:statement|interview|tweet|post|email|e-mail|letter|release|speech|op-ed|memo|
               remarks|briefing|appearance|broadcast|podcast|video|message)
            (?:\ (?:posted|published|released|issued)\ (?:on|to)\ (?:its|his|her|their|the)\ 
                  (?:website|Facebook\ page|Twitter\ account|media)
               |\ (?:with|to|on)\ [A-Z][\w.]*(?:\ [A-Z][\w.]*){0,3})?
        | (?-u:\b)on\ (?:Twitter|Facebook|Instagram|(?:his|her|its|their)\ website|television|radio)
        | (?-u:\b)at\ (?:a|an)\ (?:news|press)\ conference";

static MEDIUM: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(MEDIUM_PATTERN).ok());

/// [`MEDIUM`] with "Interfax quoted him as saying", whose search from every capital is slow:
/// used only on text holding "quoted".
static MEDIUM_OR_QUOTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{MEDIUM_PATTERN}
        | (?-u:\b)[A-Z][\w.]*(?:\ [A-Z][\w.]*){{0,3}}\ quoted\ (?:him|her|them|it|\w+)\ as\ saying"
    ))
    .ok()
});

/// Words one of which every [`MEDIUM`] phrase holds: a literal search that spares most
/// sentences the full pattern.
static MEDIUM_WORDS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        "statement|interview|tweet|post|mail|letter|release|speech|op-ed|memo|remarks|\
         briefing|appearance|broadcast|podcast|video|message|Twitter|Facebook|Instagram|\
         website|television|radio|conference|quoted",
    )
    .ok()
});

/// The channel stated around `cue` within `window` of the text, if any.
pub fn find(ctx: &Ctx, cue: &Cue, window: Span) -> Option<Span> {
    find_among(ctx, cue, window, &mediums(ctx, window))
}

/// The [`MEDIUM`] phrases of `window`, found once for all the cues of a sentence.
pub fn mediums(ctx: &Ctx, window: Span) -> Vec<Span> {
    let (Some(words), Ok(slice)) = (MEDIUM_WORDS.as_ref(), window.slice(ctx.text)) else {
        return Vec::new();
    };
    if !words.is_match(slice) {
        return Vec::new();
    }
    let re = if slice.contains("quoted") {
        &MEDIUM_OR_QUOTED
    } else {
        &MEDIUM
    };
    let Some(re) = re.as_ref() else {
        return Vec::new();
    };
    re.find_iter(slice)
        .map(|m| Span::new(window.start + m.start(), window.start + m.end()))
        .collect()
}

/// [`find`] given the [`mediums`] of `window`.
pub fn find_among(ctx: &Ctx, cue: &Cue, window: Span, mediums: &[Span]) -> Option<Span> {
    if let Some((_, channel)) = quoted_as(ctx, cue, ctx.token_from(window.start)) {
        return Some(channel);
    }
    if lexicon::is(ctx.word(cue.verb), "told") || lexicon::is(ctx.word(cue.verb), "tells") {
        if let Some(object) = told_object(ctx, cue) {
            return Some(Span::new(ctx.tok(cue.verb).start, object.end));
        }
    }
    mediums.iter().copied().min_by_key(|m| {
        m.start
            .abs_diff(cue.span.end)
            .min(m.end.abs_diff(cue.span.start))
    })
}

/// "Interfax quoted him as saying": the speaker is the object of "quoted" and the channel is
/// the subject with the verb phrase. Returns (speaker, channel) for a `cue` on "quoted".
pub fn quoted_as(ctx: &Ctx, cue: &Cue, floor: usize) -> Option<(Span, Span)> {
    let verb = ctx.word(cue.verb);
    if !["quoted", "quotes", "quote"]
        .iter()
        .any(|v| lexicon::is(verb, v))
    {
        return None;
    }
    let speaker = speaker::after(ctx, cue.next, cue.next + 12)?;
    let after = ctx.token_from(speaker.end);
    if !(lexicon::is(ctx.word(after), "as") && lexicon::is(ctx.word(after + 1), "saying")) {
        return None;
    }
    let outlet = speaker::before(ctx, floor, cue.first)?;
    Some((speaker, Span::new(outlet.start, ctx.tok(after + 1).end)))
}

/// The listener after "told": a name ("CNN", "The Associated Press") or "reporters".
fn told_object(ctx: &Ctx, cue: &Cue) -> Option<Span> {
    let start = cue.next;
    let first = ctx.word(start);
    if [
        "reporters",
        "journalists",
        "supporters",
        "voters",
        "lawmakers",
    ]
    .iter()
    .any(|w| lexicon::is(first, w))
    {
        return Some(ctx.tok(start));
    }
    let mut last = None;
    let mut k = start;
    while ctx.is_word(k)
        && (ctx.is_capitalized(k) || lexicon::is(ctx.word(k), "the"))
        && k < start + 6
    {
        last = Some(k);
        k += 1;
    }
    last.filter(|&l| ctx.is_capitalized(l))
        .map(|l| ctx.cover(start, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medium_pattern_compiles_and_matches() {
        let re = MEDIUM.as_ref();
        assert!(re.is_some());
        let text = "the ministry said in a statement posted on its website that";
        let m = re.and_then(|r| r.find(text)).map(|m| m.as_str());
        assert_eq!(m, Some("in a statement posted on its website"));
        assert!(MEDIUM_WORDS.as_ref().is_some_and(|r| r.is_match(text)));
        let text = "Interfax quoted him as saying";
        let m = MEDIUM_OR_QUOTED.as_ref().and_then(|r| r.find(text));
        assert_eq!(m.map(|m| m.as_str()), Some(text));
    }
}
