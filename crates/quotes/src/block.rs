//! Block quotations: runs of paragraphs the segmentation marks as pasted from another source
//! (role `BlockQuote`), kept as one quotation whose source is the lead-in ("From NRO's The
//! Corner:", "Jones writes:"), the agency of a dateline ("BEIJING (AP) –") or the author of
//! an embedded post ("— Jane Roe (@janeroe) May 9, 2031"). A dateline or an embedded post
//! opens a block of its own even right after another block. An update written in the
//! outlet's own words is no quotation: only what it pastes is.

use crate::context::Ctx;
use crate::found::Found;
use crate::{cue, lexicon, speaker};
use parallax_core::{ParagraphRole, QuoteKind, Span};
use parallax_segment::{labels, pasted};

/// Appends one block quotation per run of block-quote paragraphs.
pub fn find(ctx: &Ctx, found: &mut Vec<Found>) {
    let paragraphs = &ctx.seg.paragraphs;
    let is_block = |i: usize| {
        paragraphs
            .get(i)
            .is_some_and(|p| p.role == ParagraphRole::BlockQuote)
    };
    // A paragraph that opens pasted copy of another source.
    let opens = |i: usize| {
        paragraphs.get(i).is_some_and(|p| {
            let t = p.span.text(ctx.text);
            labels::has_agency_dateline(t) || pasted::is_embedded_post(t)
        })
    };
    let mut i = 0;
    while i < paragraphs.len() {
        if !is_block(i) {
            i += 1;
            continue;
        }
        let first = i;
        let post = pasted::is_embedded_post(paragraphs[first].span.text(ctx.text));
        while !post && is_block(i + 1) && !opens(i + 1) {
            i += 1;
        }
        let (Some(start), Some(end)) = (paragraphs.get(first), paragraphs.get(i)) else {
            break;
        };
        let run = Span::new(start.span.start, end.span.end);
        let content = run.trim(ctx.text);
        if !content.is_empty() {
            let mut block = Found::new(content, QuoteKind::Block);
            // An embedded post names its author; other pasted copy its lead-in or dateline.
            block.speaker = pasted::post_author(content.text(ctx.text))
                .map(|(s, e)| Span::new(content.start + s, content.start + e));
            let lead_in = first.checked_sub(1).and_then(|p| paragraphs.get(p));
            if let Some(lead_in) = lead_in
                .filter(|p| matches!(p.role, ParagraphRole::Body | ParagraphRole::Update))
                .filter(|_| block.speaker.is_none())
            {
                source_from_lead_in(ctx, lead_in.span, &mut block);
            }
            if block.speaker.is_none() {
                block.speaker = dateline_agency(ctx.text, content);
            }
            found.push(block);
        }
        i += 1;
    }
}

/// Speaker and cue from a lead-in paragraph ending in a colon.
fn source_from_lead_in(ctx: &Ctx, lead_in: Span, block: &mut Found) {
    let s = lead_in.text(ctx.text).trim_end();
    if !s.ends_with(':') {
        return;
    }
    // The lead-in is the paragraph's last sentence: "The agency reporting is grim. From
    // Meridian Wire:" is introduced by its second sentence alone.
    let last = ctx
        .seg
        .sentence_at(lead_in.end.saturating_sub(1))
        .and_then(|s| ctx.seg.sentences.get(s))
        .map_or(lead_in, |s| s.span);
    let tokens = ctx.tokens_in(last);
    if let Some(c) = cue::find(ctx, tokens.clone()).last() {
        block.cue = Some(c.span);
        block.speaker = speaker::before(ctx, tokens.start, c.first)
            .or_else(|| speaker::after(ctx, c.next, tokens.end));
        return;
    }
    let colon = tokens.end.saturating_sub(1);
    // "From NRO's The Corner:", "Via Fox:": the source is everything after "From".
    let from = tokens
        .clone()
        .find(|&t| lexicon::is(ctx.word(t), "from") || lexicon::is(ctx.word(t), "via"));
    if let Some(from) = from {
        if from + 1 < colon {
            block.cue = Some(ctx.tok(from));
            block.speaker = Some(ctx.cover(from + 1, colon - 1));
        }
        return;
    }
    // "a set of response points were circulated by Democrats close to his campaign:": the
    // agent of the passive handed the copy round and speaks its words; like a source after
    // "from", it runs to the colon.
    let by = tokens.clone().rev().find(|&t| {
        lexicon::is(ctx.word(t), "by") && t > tokens.start && passive_verb(ctx.word(t - 1))
    });
    if let Some(by) = by.filter(|&by| by + 1 < colon) {
        block.cue = Some(ctx.cover(by - 1, by));
        block.speaker = Some(ctx.cover(by + 1, colon - 1));
    }
}

/// Whether `word` looks like a passive participle ("circulated", "released", "sent").
fn passive_verb(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && (word.ends_with("ed") || lexicon::is(word, "sent"))
}

/// The agency named in a dateline at the start of `content`: "(AP)" in "BEIJING (AP) –".
fn dateline_agency(text: &str, content: Span) -> Option<Span> {
    let s = content.text(text);
    let head = s.get(..parallax_core::text::floor_char_boundary(s, 60))?;
    let (open, close) = labels::agency_dateline(head)?;
    Some(Span::new(content.start + open + 1, content.start + close))
}

#[cfg(test)]
mod tests {
    use crate::test_support::quotes_of;
    use parallax_core::QuoteKind;

    #[test]
    fn copy_circulated_by_someone_is_theirs() {
        let text = "The senator met veterans.\n\nOn Tuesday, response points were circulated \
                    by aides to the senator:\n\n-Here are the facts: the senator served for \
                    six years. He received no special treatment.\n\n-The senator has been a \
                    champion of veterans.";
        let quotes = quotes_of(text);
        let block = quotes.iter().find(|q| q.kind == QuoteKind::Block);
        assert_eq!(
            block.map(|q| q.text.as_str()),
            Some(
                "-Here are the facts: the senator served for six years. He received no special \
                 treatment.\n\n-The senator has been a champion of veterans."
            )
        );
        assert_eq!(
            block
                .and_then(|q| q.speaker_text.as_ref())
                .map(|s| s.text.as_str()),
            Some("aides to the senator")
        );
    }
}
