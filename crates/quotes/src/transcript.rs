//! Transcript lines and colon headlines: a paragraph opening with a speaker label and a colon
//! ("WALLACE: Let's start…", headline "Pence: Flowers won't be at debate"). The label is the
//! speaker, the colon the cue and the rest of the paragraph the direct quotation.

use crate::context::Ctx;
use crate::found::{Found, Taken};
use parallax_core::{ParagraphRole, QuoteKind, Span};

/// Most words in a speaker label.
const MAX_LABEL_WORDS: usize = 3;
/// Fewest words after the label.
const MIN_CONTENT_WORDS: usize = 3;
/// Section labels that open headlines and paragraphs without naming a speaker.
const RUBRICS: &[&str] = &[
    "opinion",
    "analysis",
    "editorial",
    "comment",
    "commentary",
    "update",
    "updated",
    "exclusive",
    "watch",
    "live",
    "breaking",
    "explainer",
    "review",
    "factbox",
    "timeline",
    "photos",
    "video",
    "correction",
    "note",
    "editor's note",
];

pub fn find(ctx: &Ctx, found: &mut Vec<Found>) {
    let first_start = ctx.seg.paragraphs.first().map_or(0, |p| p.span.start);
    let mut taken = Taken::of(found);
    for paragraph in &ctx.seg.paragraphs {
        if taken.overlaps(paragraph.span) {
            continue;
        }
        // The first paragraph may be a headline the segmentation did not recognize as one
        // because it ends with a period ("Pence: Flowers Won't Be at Debate.").
        let headline =
            paragraph.role == ParagraphRole::Headline || paragraph.span.start == first_start;
        if !(headline || paragraph.role == ParagraphRole::Body) {
            continue;
        }
        let tokens = ctx.tokens_in(paragraph.span);
        let mut first = tokens.start;
        if ctx.is_mark(first) {
            first += 1;
        }
        let Some(colon) =
            (first..tokens.end.min(first + MAX_LABEL_WORDS + 1)).find(|&i| ctx.is(i, ":"))
        else {
            continue;
        };
        // A headline label is a short name ("Pence:"), not a rubric ("The Latest:").
        let label = Span::new(ctx.tok(first).start, ctx.tok(colon).start).trim(ctx.text);
        let rubric = RUBRICS.contains(&label.text(ctx.text).to_lowercase().as_str())
            || (headline && (colon - first > 2 || ctx.is_determiner(first)));
        let label_ok = colon > first
            && !rubric
            && (first..colon).all(|i| {
                let w = ctx.word(i);
                let caps = w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
                ctx.is_word(i) && (caps || headline && ctx.is_capitalized(i))
            });
        if !label_ok || tokens.end.saturating_sub(colon + 1) < MIN_CONTENT_WORDS {
            continue;
        }
        // A transcript turn keeps its final punctuation, a headline loses it; a straight
        // quote closing a multi-paragraph transcript is not part of the turn.
        let rest = Span::new(ctx.tok(colon).end, paragraph.span.end).trim(ctx.text);
        let kept = rest.text(ctx.text).trim_end_matches(['"', '”']).trim_end();
        let content = Span::new(rest.start, rest.start + kept.len());
        let content = if headline {
            ctx.trim_content(content)
        } else {
            content
        };
        if content.is_empty() {
            continue;
        }
        let mut quote = Found::new(content, QuoteKind::Direct);
        quote.cue = Some(ctx.tok(colon));
        quote.speaker = Some(ctx.cover(first, colon - 1));
        taken.add(&quote);
        found.push(quote);
    }
}
