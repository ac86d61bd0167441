//! Block quotations: runs of paragraphs the segmentation marks as pasted from another source
//! (role `BlockQuote`) or added as an update (role `Update`), kept as one quotation whose
//! source is the lead-in ("From NRO's The Corner:", "Jones writes:") or the agency of a
//! dateline ("BEIJING (AP) –").

use crate::context::Ctx;
use crate::found::Found;
use crate::{cue, lexicon, speaker};
use parallax_core::{ParagraphRole, QuoteKind, Span};

/// Appends one block quotation per run of block-quote or update paragraphs.
pub fn find(ctx: &Ctx, found: &mut Vec<Found>) {
    let paragraphs = &ctx.seg.paragraphs;
    let is_block = |i: usize| {
        paragraphs
            .get(i)
            .is_some_and(|p| matches!(p.role, ParagraphRole::BlockQuote | ParagraphRole::Update))
    };
    let mut i = 0;
    while i < paragraphs.len() {
        if !is_block(i) {
            i += 1;
            continue;
        }
        let first = i;
        while is_block(i + 1) {
            i += 1;
        }
        let (Some(start), Some(end)) = (paragraphs.get(first), paragraphs.get(i)) else {
            break;
        };
        let run = Span::new(start.span.start, end.span.end);
        let content = without_update_label(ctx.text, run);
        if !content.is_empty() {
            let mut block = Found::new(content, QuoteKind::Block);
            let lead_in = first.checked_sub(1).and_then(|p| paragraphs.get(p));
            if let Some(lead_in) = lead_in.filter(|p| p.role == ParagraphRole::Body) {
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

/// `run` without a leading "UPDATE:" label.
fn without_update_label(text: &str, run: Span) -> Span {
    let s = run.text(text);
    let label = ["UPDATE:", "Update:", "UPDATED:", "UPDATE"]
        .iter()
        .find(|l| s.starts_with(**l));
    let skip = label.map_or(0, |l| l.len());
    Span::new(run.start + skip, run.end).trim(text)
}

/// Speaker and cue from a lead-in paragraph ending in a colon.
fn source_from_lead_in(ctx: &Ctx, lead_in: Span, block: &mut Found) {
    let s = lead_in.text(ctx.text).trim_end();
    if !s.ends_with(':') {
        return;
    }
    let tokens = ctx.tokens_in(lead_in);
    if let Some(c) = cue::find(ctx, tokens.clone()).last() {
        block.cue = Some(c.span);
        block.speaker = speaker::before(ctx, tokens.start, c.first)
            .or_else(|| speaker::after(ctx, c.next, tokens.end));
        return;
    }
    // "From NRO's The Corner:": the source is everything after "From".
    let from = tokens.clone().find(|&t| lexicon::is(ctx.word(t), "from"));
    if let Some(from) = from {
        let colon = tokens.end.saturating_sub(1);
        if from + 1 < colon {
            block.cue = Some(ctx.tok(from));
            block.speaker = Some(ctx.cover(from + 1, colon - 1));
        }
    }
}

/// The agency named in a dateline at the start of `content`: "(AP)" in "BEIJING (AP) –".
fn dateline_agency(text: &str, content: Span) -> Option<Span> {
    let s = content.text(text);
    let head = s.get(..parallax_core::text::floor_char_boundary(s, 60))?;
    if !parallax_segment::paragraphs::has_agency_dateline(head) {
        return None;
    }
    let open = head.find(" (")? + 2;
    let close = open + head.get(open..)?.find(')')?;
    Some(Span::new(content.start + open, content.start + close))
}
