//! Quotations and their attribution: direct, indirect, mixed and block quotes, each with its
//! cue, speaker phrase, speaker mention and channel.
//!
//! The rules read the segmentation (paragraph roles, sentences, tokens) and the text; they
//! need no entity mentions, which only link a found speaker phrase to an entity. Passes, in
//! order of precedence (a later pass never takes text an earlier one claimed):
//! 1. [`block`]: block-quote paragraphs (pasted copy, embedded posts);
//! 2. [`transcript`]: "NAME: …" lines;
//! 3. [`direct`]: paired quotation marks ([`marks`]) with a cue after or before them;
//! 4. [`indirect`]: reporting verbs and "according to" with a reported clause.
//!
//! Cues come from the rule lexicon ([`lexicon`]) and from a learned classifier
//! ([`cue_model`], trained on PolNeAR by `parallax train quotes`, see [`train`]) that adds the
//! cue words the lexicon lacks; speaker and content are found by the rules either way.
//!
//! A quote-only sentence or paragraph without its own cue continues the statement of the
//! nearest preceding attributed quotation in the same or the previous paragraph, and takes
//! its cue, speaker and channel.
//!
//! Multi-paragraph quotations are one quotation whose span runs from after the first opening
//! mark to before the last closing mark, so it includes the paragraph breaks and the
//! continuation paragraphs' opening marks: a contiguous span keeps `text == &doc.text[span]`.
//! Nested quotations stay inside their outer quotation and are not separate items.
//!
//! # Example
//!
//! ```
//! use parallax_core::Document;
//!
//! let doc = Document::new(
//!     "d1",
//!     "\"We will not retreat,\" the mayor said on Monday.",
//!     "example.txt",
//! );
//! let seg = parallax_segment::segment(&doc.text);
//! // Entity mentions let a speaker be resolved to a person; without them the speaker's words
//! // are still found.
//! let quotes = parallax_quotes::annotate(&doc, &seg, &[], &[]);
//! let quote = &quotes.items[0];
//! assert!(quote.text.contains("We will not retreat"));
//! assert_eq!(quote.speaker_text.as_ref().map(|s| s.text.as_str()), Some("the mayor"));
//! assert_eq!(quote.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
//! ```

mod authors;
mod block;
mod channel;
mod context;
mod cue;
mod cue_features;
pub mod cue_model;
mod direct;
mod found;
mod indirect;
mod lexicon;
mod marks;
mod resolve;
mod speaker;
mod stem;
pub mod train;
mod transcript;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

use context::Ctx;
pub use cue_model::CueModel;
use found::Found;
pub use lexicon::OwnedWordSet;
use parallax_core::{
    Anchor, Annotated, Diagnostic, Document, LocalEntity, Mention, Quote, Segmentation, Span,
};

/// Finds quotations in `doc` and attributes each to a speaker among `mentions`.
///
/// A speaker's entity is reached through its mention's `local_entity`; `entities` gives the
/// titles and roles a description ("the senator") must fit. When `seg` has no sentences the
/// text is segmented here.
pub fn annotate(
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    entities: &[LocalEntity],
) -> Annotated<Quote> {
    match cue_model::embedded() {
        Ok(model) => annotate_with(Some(model), doc, seg, mentions, entities),
        Err(e) => {
            let mut out = annotate_with(None, doc, seg, mentions, entities);
            out.diagnostics.push(Diagnostic::warning(
                "quotes",
                format!("cue model unusable, rule cues only: {e}"),
            ));
            out
        }
    }
}

/// [`annotate`] with a given cue classifier (e.g. one being trained); `None` uses the rule
/// lexicon's cues alone.
pub fn annotate_with(
    model: Option<&CueModel>,
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    entities: &[LocalEntity],
) -> Annotated<Quote> {
    let own;
    let seg = if seg.sentences.is_empty() {
        own = parallax_segment::segment(&doc.text);
        &own
    } else {
        seg
    };
    let mut ctx = Ctx::new(&doc.text, seg);
    if let Some(model) = model {
        let rules = cue::rule_heads(&ctx);
        ctx.learned = Some(model.decide(&ctx, &rules));
    }
    let (pairs, diagnostics) = marks::pair(ctx.text, &seg.paragraphs);
    let mut found = Vec::new();
    block::find(&ctx, &mut found);
    transcript::find(&ctx, &mut found);
    let fragments = direct::find(&ctx, &pairs, &mut found);
    let fragments = indirect::find(&ctx, &pairs, &fragments, &mut found);
    direct::keep_statements(&ctx, &fragments, &mut found);
    found.sort_by_key(|f| (f.span.start, f.span.end));
    continue_speakers(&ctx, &mut found);
    // Final speaker and cue spans: a contracted auxiliary moves from the speaker to the cue,
    // and a relative "that" gives way to its noun phrase.
    let attributions: Vec<(Option<Span>, Option<Span>)> = found
        .iter()
        .map(|f| match (f.speaker, f.cue) {
            (Some(speaker), Some(cue)) => {
                let (speaker, cue) = speaker::split_clitic(ctx.text, speaker, cue);
                (Some(speaker::named(&ctx, speaker)), Some(cue))
            }
            other => other,
        })
        .collect();
    let mut speakers: Vec<Option<Span>> = attributions.iter().map(|a| a.0).collect();
    let scope = resolve::Scope {
        text: ctx.text,
        seg,
        mentions,
        entities,
    };
    let mut resolved = resolve::speakers(&scope, &found, &speakers);
    resolve::refer_back(&scope, &mut speakers, &mut resolved);
    let items = found
        .iter()
        .zip(attributions.iter().zip(speakers.iter().zip(resolved)))
        .filter_map(|(f, (&(_, cue), (&speaker, mention)))| {
            to_quote(ctx.text, f, speaker, cue, mention)
        })
        .collect();
    Annotated { items, diagnostics }
}

/// Gives each continuing quotation the attribution of the last attributed one before it in
/// the same or the previous paragraph.
fn continue_speakers(ctx: &Ctx, found: &mut [Found]) {
    let mut last: Option<(usize, Found)> = None;
    for f in found.iter_mut() {
        let paragraph = ctx.seg.paragraph_at(f.span.start).unwrap_or(0);
        if f.continues {
            if let Some((at, prev)) = &last {
                if paragraph <= at + 1 {
                    f.cue = prev.cue;
                    f.speaker = prev.speaker;
                    f.channel = prev.channel;
                }
            }
        }
        if f.speaker.is_some() {
            last = Some((paragraph, f.clone()));
        }
    }
}

fn to_quote(
    text: &str,
    f: &Found,
    speaker: Option<Span>,
    cue: Option<Span>,
    speaker_mention: Option<usize>,
) -> Option<Quote> {
    let anchor = |s: Option<Span>| s.and_then(|s| Anchor::new(text, s));
    Some(Quote {
        span: f.span,
        text: f.span.slice(text).ok()?.to_string(),
        kind: f.kind,
        cue: anchor(cue),
        speaker_text: anchor(speaker),
        speaker_mention,
        channel: anchor(f.channel),
    })
}
