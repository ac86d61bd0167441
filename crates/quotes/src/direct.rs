//! Direct quotations: paired marks attributed by a cue after the quote ("…," he said / said
//! Mr X) or before it ("X said: “…”", "He told CNN: “…”", "according to X, “…”").
//!
//! A quote without a cue of its own is kept when it is a whole sentence or paragraph (it
//! continues the previous speaker, see `lib.rs`) or long enough to be a statement; a short
//! unattributed fragment is a scare quote, returned separately so an indirect attribution
//! around it can make it a mixed quote.

use crate::context::Ctx;
use crate::cue::{self, Cue, CueKind};
use crate::found::{taken, Found};
use crate::marks::Pair;
use crate::{channel, speaker};
use parallax_core::{QuoteKind, Span};

/// Tokens allowed between a closing mark and the cue after it ("…," the senator from Ohio said).
const AFTER_WINDOW: usize = 12;
/// Tokens allowed between a cue and the opening mark after it ("said on Tuesday in Ohio: “").
const BEFORE_GAP: usize = 10;
/// Words an unattributed quote needs to count as a statement rather than a scare quote.
const STATEMENT_WORDS: usize = 6;

/// Appends the attributed and statement-like direct quotes of `pairs` to `found`; returns the
/// unattributed fragments.
pub fn find(ctx: &Ctx, pairs: &[Pair], found: &mut Vec<Found>) -> Vec<Span> {
    let mut fragments = Vec::new();
    for pair in pairs.iter().filter(|p| !p.nested) {
        let inner = pair.inner().trim(ctx.text);
        if inner.is_empty() || taken(found, pair.outer()) {
            continue;
        }
        let mut quote = Found::new(inner, QuoteKind::Direct);
        if let Some((cue, speaker)) = after_quote(ctx, pair).or_else(|| before_quote(ctx, pair)) {
            quote.cue = Some(cue.span);
            quote.speaker = Some(speaker);
            let window = ctx.seg.sentence_at(cue.span.start).and_then(|s| ctx.seg.sentences.get(s));
            quote.channel = window.and_then(|w| channel::find(ctx, &cue, w.span));
            found.push(quote);
        } else if stands_alone(ctx, pair) {
            quote.continues = true;
            found.push(quote);
        } else if inner.text(ctx.text).split_whitespace().count() >= STATEMENT_WORDS {
            found.push(quote);
        } else {
            fragments.push(pair.outer());
        }
    }
    fragments
}

/// "…," he said / "…," said the ministry / "…," according to X.
fn after_quote(ctx: &Ctx, pair: &Pair) -> Option<(Cue, Span)> {
    let sentence = ctx.seg.sentence_at(pair.close.start).and_then(|s| ctx.seg.sentences.get(s))?;
    let end = ctx.tokens_in(sentence.span).end;
    let start = ctx.token_from(pair.close.end);
    let mut begin = start;
    while begin < end && matches!(ctx.word(begin), "," | "—" | "–" | "-") {
        begin += 1;
    }
    let window = begin..end.min(start + AFTER_WINDOW);
    let cue = cue::find(ctx, window).into_iter().next()?;
    let speaker = match cue.kind {
        CueKind::According => speaker::after(ctx, cue.next, end).filter(|_| cue.first == begin),
        CueKind::Verb => speaker::before(ctx, begin, cue.first)
            .filter(|s| ctx.token_from(s.start) == begin)
            .or_else(|| speaker::after(ctx, cue.next, end).filter(|_| cue.first == begin)),
    }?;
    Some((cue, speaker))
}

/// X said: "…" / He told CNN on Sunday, "…" / According to X, "…".
fn before_quote(ctx: &Ctx, pair: &Pair) -> Option<(Cue, Span)> {
    let sentence = ctx.seg.sentence_at(pair.open.start).and_then(|s| ctx.seg.sentences.get(s))?;
    let start = ctx.tokens_in(sentence.span).start;
    let open = ctx.token_from(pair.open.start);
    let cue = cue::find(ctx, start..open).into_iter().last()?;
    let gap = cue.next..open;
    let introduces = gap.is_empty()
        || gap.len() <= BEFORE_GAP
            && open.checked_sub(1).is_some_and(|p| matches!(ctx.word(p), ":" | "," | "that"));
    if !introduces {
        return None;
    }
    let speaker = match cue.kind {
        CueKind::According => speaker::after(ctx, cue.next, open),
        CueKind::Verb => speaker::before(ctx, start, cue.first),
    }?;
    Some((cue, speaker))
}

/// Whether the quote is all its sentence or paragraph holds, apart from punctuation.
fn stands_alone(ctx: &Ctx, pair: &Pair) -> bool {
    let outer = pair.outer();
    let unit = ctx
        .seg
        .sentence_at(outer.start)
        .and_then(|s| ctx.seg.sentences.get(s))
        .map(|s| s.span.cover(outer));
    let Some(unit) = unit else { return false };
    let before = Span::new(unit.start, outer.start).text(ctx.text);
    let after = Span::new(outer.end, unit.end.max(outer.end)).text(ctx.text);
    let bare = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    bare(before) && bare(after)
}
