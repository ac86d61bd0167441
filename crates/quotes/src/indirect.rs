//! Indirect and mixed quotations: a cue with its speaker and the reported clause.
//!
//! Forms, within one sentence:
//! - speaker, cue, content: "X said (that) …", "X told Y (that) …", "X accused Y of …",
//!   "X called on Y to …" (the listener of "told" is the channel, not content);
//! - content, speaker, cue: "…, X said." / "…, said X.";
//! - "according to X, …" and "…, according to X."
//!
//! A content holding a quoted fragment is a mixed quotation.

use crate::context::Ctx;
use crate::cue::{self, Cue, CueKind};
use crate::found::{taken, Found};
use crate::{channel, lexicon, speaker};
use parallax_core::{QuoteKind, Span};

/// Fewest words a reported clause has.
const MIN_CONTENT_WORDS: usize = 2;

/// Appends the indirect and mixed quotations of every sentence to `found`. `fragments` are the
/// unattributed quoted fragments; those inside a content make it mixed.
pub fn find(ctx: &Ctx, fragments: &[Span], found: &mut Vec<Found>) {
    let mut new = Vec::new();
    for sentence in &ctx.seg.sentences {
        let range = ctx.tokens_in(sentence.span);
        for cue in cue::find(ctx, range.clone()) {
            if taken(found, cue.span) || taken(&new, cue.span) {
                continue;
            }
            let Some((speaker, content)) = attribute(ctx, &cue, range.clone()) else { continue };
            let content = clip(ctx, content, found);
            if content.text(ctx.text).split_whitespace().count() < MIN_CONTENT_WORDS {
                continue;
            }
            let mixed = fragments.iter().any(|f| content.contains(*f));
            let mut quote =
                Found::new(content, if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect });
            quote.cue = Some(cue.span);
            quote.speaker = Some(speaker);
            quote.channel = channel::find(ctx, &cue, sentence.span).filter(|c| !c.overlaps(content));
            new.push(quote);
        }
    }
    found.extend(new);
}

/// The speaker and content of `cue` in the sentence of tokens `range`.
fn attribute(ctx: &Ctx, cue: &Cue, range: std::ops::Range<usize>) -> Option<(Span, Span)> {
    let sentence = Span::new(ctx.tok(range.start).start, ctx.tok(range.end.saturating_sub(1)).end);
    let before_cue = Span::new(sentence.start, ctx.tok(cue.first).start);
    match cue.kind {
        CueKind::According => {
            let speaker = speaker::after(ctx, cue.next, range.end)?;
            let content = if cue.first == range.start {
                Span::new(speaker.end, sentence.end)
            } else {
                before_cue
            };
            Some((speaker, ctx.trim_content(content)))
        }
        CueKind::Verb => {
            if let Some(speaker) = speaker::before(ctx, range.start, cue.first) {
                let after = content_after(ctx, cue, range.end, sentence.end);
                if !cue.weak || ctx.word(cue.next).eq_ignore_ascii_case("that") {
                    if let Some(content) = after {
                        return Some((speaker, content));
                    }
                }
                // "…, he said.": the content is what precedes the speaker.
                let at = ctx.token_from(speaker.start);
                let ends_sentence = cue.next >= range.end || !ctx.is_word(cue.next);
                if at > range.start && ctx.is(at - 1, ",") && ends_sentence {
                    let content = Span::new(sentence.start, ctx.tok(at - 1).start);
                    return Some((speaker, ctx.trim_content(content)));
                }
                return None;
            }
            // "…, said the official."
            if cue.first > range.start && ctx.is(cue.first - 1, ",") {
                let speaker = speaker::after(ctx, cue.next, range.end)?;
                return Some((speaker, ctx.trim_content(before_cue)));
            }
            None
        }
    }
}

/// The reported clause after a verb cue: its listener ("told reporters") and a "that" skipped.
fn content_after(ctx: &Ctx, cue: &Cue, end: usize, sentence_end: usize) -> Option<Span> {
    let mut start = cue.next;
    let verb = ctx.word(cue.verb);
    if ["told", "tell", "tells", "telling"].iter().any(|v| lexicon::is(verb, v)) {
        let listener = speaker::after(ctx, start, end)?;
        start = ctx.token_from(listener.end);
    }
    while start < end && channel_token(ctx, start) {
        start += 1;
    }
    if lexicon::is(ctx.word(start), "that") {
        start += 1;
    }
    if start >= end || !ctx.is_word(start) && !ctx.is_mark(start) {
        return None;
    }
    let content = ctx.trim_content(Span::new(ctx.tok(start).start, sentence_end));
    (!content.is_empty()).then_some(content)
}

/// Words that may stand between a cue and its clause without being part of it.
fn channel_token(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.word(i), ",") || lexicon::is_adverbial(ctx.word(i)) && !ctx.is_capitalized(i)
}

/// `content` cut before the first other quotation it runs into.
fn clip(ctx: &Ctx, content: Span, found: &[Found]) -> Span {
    let stop = found
        .iter()
        .flat_map(|f| [Some(f.span), f.cue])
        .flatten()
        .filter(|s| s.start > content.start && s.start < content.end)
        .map(|s| s.start)
        .min();
    match stop {
        Some(stop) => {
            let cut = ctx.token_from(stop);
            // Leave the opening mark of the quotation out as well.
            let end = if cut > 0 && ctx.is_mark(cut - 1) { ctx.tok(cut - 1).start } else { stop };
            ctx.trim_content(Span::new(content.start, end.max(content.start)))
        }
        None => content,
    }
}
