//! Coded events in one article: who did what to whom, where and when, in PLOVER's eighteen
//! categories, each tied to its trigger words and sentence.
//!
//! Specification, per sentence (byline paragraphs are skipped):
//!
//! 1. **Triggers.** The sentence's words are stemmed once ([`lexicon::stem`]) and matched
//!    against our trigger patterns (`lexicon/triggers.txt`, written from PLOVER's category
//!    definitions), left to right, longest pattern first. Each match has a lexical type and
//!    maybe a mode ("shelled": FIGHT, heavy weapons).
//! 2. **Modality** (`lexicon/modality.txt`). The nearest modality word within a few words
//!    before a trigger, with no punctuation between, decides what the trigger is:
//!    - governed by a threat, promise, demand or refusal that is itself a trigger
//!      ("threatened to strike", "agreed to withdraw", "demanded that X release"), it is the
//!      content of that event: one event, the governor's type, its target sought through the
//!      content, its mode the content's;
//!    - governed by a denial ("denied its drones entered"), it is kept with `asserted:
//!      false`, reason `denied`, and the denial word is no event of its own;
//!    - planned or future ("will withdraw", "plans to impose"): a conflictual event becomes a
//!      THREATEN, a cooperative one an AGREE, neither asserted;
//!    - hypothetical ("could strike", "if") or negated ("did not attack"): kept, not asserted.
//! 3. **Actors** ([`actors`]): the source is the first actor phrase after the last clause
//!    boundary before the trigger (a reporting verb is a boundary, so "Syria says Israel
//!    struck" gives Israel), the target the first after it; a passive swaps them and takes the
//!    source from its "by" phrase; a subject "under" the event ("Trump is not under
//!    investigation") is its target, and no source is named. Inside a quotation the clause starts at the quotation.
//!    Actors are named through the entity layer ("Iranian drones" → Iran, military).
//!    A place after a locative preposition is the location, and the target only when no
//!    other actor follows (PLOVER codes the place's government) and it does not locate
//!    another actor named just before it ("the Justice Department in Washington", "the
//!    U.S. Embassy in Athens": the place of that office, aimed at by nobody). A participle
//!    after a comma continuing an event of the same family (", killing four guards") is part
//!    of that event, not another. A trigger with neither a source nor a target codes no
//!    event ("wide support for the bill"), unless it is a physical event (material
//!    conflict, protest, mobilization) with its place, a mode word or a passive trigger
//!    ("an explosion in Kabul", "grenades exploded", "weapons were seized").
//! 4. **Location**: the first place mention after a locative preposition ("in Gori"), after
//!    the trigger if one is, else anywhere in the sentence; linked to the geocoded place
//!    (`places` layer) it overlaps.
//! 5. **Date**: the first calendar date expression of the sentence (its TIMEX3 value, a year
//!    at least), else the article's anchor date, marked `from_anchor`.
//! 6. **Reporter**: an event whose trigger stands inside a quotation is reported by its
//!    speaker (`quote`), else by the author.
//! 7. **Type**: the statistical model ([`model`]) rescores the lexicon's type from the
//!    candidate's features; it overrides the lexicon only with a type of the same family that
//!    scores higher ([`decide`]).
//!    A damaged model file becomes a diagnostic and the lexicon's types stand.
//! 8. **Mode**: a material-conflict or protest event takes the sentence's first mode word
//!    (`lexicon/modes.txt`: "roadside bomb", "tear gas") over its trigger's mode.
//!
//! Pure and total: spans that do not fit the text are skipped, never a panic.
//!
//! # Example
//!
//! The events annotator reads the layers made before it; here they come from the segmenter
//! alone, so actors are read from the words around each trigger.
//!
//! ```
//! use parallax_core::{Document, EventType};
//!
//! let doc = Document::new("d1", "Police arrested 12 protesters in the capital.", "example.txt");
//! let seg = parallax_segment::segment(&doc.text);
//! let layers = parallax_events::Layers {
//!     segmentation: &seg,
//!     mentions: &[],
//!     local_entities: &[],
//!     times: &[],
//!     time_anchor: None,
//!     quotes: &[],
//!     places: &[],
//! };
//! let events = parallax_events::annotate(&doc, &layers);
//! let arrest = &events.items[0];
//! assert_eq!(arrest.trigger.text, "arrested");
//! assert_eq!(arrest.event_type, EventType::Coerce);
//! assert!(arrest.asserted);
//! ```

pub mod actors;
pub mod features;
pub mod find;
pub mod lexicon;
pub mod model;
pub mod sentence;
#[cfg(test)]
mod tests;

use parallax_core::span_index::SpanIndex;
use parallax_core::{
    Anchor, Annotated, Diagnostic, Document, Event, EventDate, EventType, LocalEntity, Mention,
    ParagraphRole, PlaceMention, Quote, Segmentation, Span, TimeAnchor, TimeExpr, TimexType,
};

/// The layers the events annotator reads.
#[derive(Debug, Clone, Copy)]
pub struct Layers<'a> {
    pub segmentation: &'a Segmentation,
    pub mentions: &'a [Mention],
    pub local_entities: &'a [LocalEntity],
    pub times: &'a [TimeExpr],
    pub time_anchor: Option<&'a TimeAnchor>,
    pub quotes: &'a [Quote],
    /// Geocoded place names: an event's location is linked to the one it overlaps.
    pub places: &'a [PlaceMention],
}

/// The hash space of the type model's features when it is trained.
pub const BITS: u32 = 12;

/// The events of `doc`, typed by the committed model.
pub fn annotate(doc: &Document, layers: &Layers) -> Annotated<Event> {
    match model::embedded() {
        Ok(m) => Annotated::new(
            code(doc, layers, Some(m), m.bits)
                .into_iter()
                .map(|c| c.0)
                .collect(),
        ),
        Err(e) => Annotated {
            items: code(doc, layers, None, BITS)
                .into_iter()
                .map(|c| c.0)
                .collect(),
            diagnostics: vec![Diagnostic::error(
                "events",
                format!(
                    "event type model unreadable ({e}); event types come from the lexicon alone"
                ),
            )],
        },
    }
}

/// Every event of `doc` with its feature slots (in a `bits` space), typed by `model` where one
/// is given, else by the lexicon. The trainer reads the features.
pub fn code(
    doc: &Document,
    layers: &Layers,
    model: Option<&model::TypeModel>,
    bits: u32,
) -> Vec<(Event, Vec<u32>)> {
    let lex = lexicon::lexicon();
    let text = doc.text.as_str();
    let seg = layers.segmentation;
    let mut out = Vec::new();
    let mut s = sentence::Sentence::default();
    let quotes = SpanIndex::new(layers.quotes.iter().map(|q| q.span));
    for (index, sent) in seg.sentences.iter().enumerate() {
        if seg
            .paragraphs
            .get(sent.paragraph)
            .is_some_and(|p| p.role == ParagraphRole::Byline)
        {
            continue;
        }
        let toks = seg.tokens_in(sent.span);
        let Some(spans) = seg.tokens.get(toks) else {
            continue;
        };
        s.read(text, spans);
        let mentions = in_span(layers.mentions, sent.span, |m| m.span);
        let mut matches = find::triggers(&s, text, lex);
        // A word inside a name is no trigger ("Asia-Pacific Economic Cooperation").
        if let Some(names) = layers.mentions.get(mentions.clone()) {
            matches.retain(|m| {
                let at = s.toks[m.first].span;
                !names.iter().any(|n| {
                    n.kind == parallax_core::MentionKind::Name
                        && n.entity_type != parallax_core::EntityType::Norp
                        && n.span.contains(at)
                })
            });
        }
        if matches.is_empty() {
            continue;
        }
        let candidates = find::candidates(&s, text, &matches, lex);
        if candidates.is_empty() {
            continue;
        }
        let phrases = actors::phrases(
            &s,
            text,
            layers.mentions,
            mentions,
            layers.local_entities,
            lex,
        );
        let mode_word = find::mode_word(&s, lex);
        let date = date_of(layers, sent.span);
        let mut previous_family: Option<&str> = None;
        for c in &candidates {
            // ", killing four guards": the consequence of the event before it, not another.
            let consequence = c.first > 0
                && text.get(s.toks[c.first - 1].span.start..s.toks[c.first - 1].span.end)
                    == Some(",")
                && text
                    .get(s.toks[c.first].span.start..s.toks[c.first].span.end)
                    .is_some_and(|w| w.ends_with("ing"))
                && previous_family == Some(c.event_type.family());
            previous_family = Some(c.event_type.family());
            if consequence {
                continue;
            }
            let Some(trigger_span) = s
                .toks
                .get(c.first)
                .zip(s.toks.get(c.last.saturating_sub(1)))
                .map(|(a, b)| Span::new(a.span.start, b.span.end))
            else {
                continue;
            };
            let Some(trigger) = Anchor::new(text, trigger_span) else {
                continue;
            };
            let quote = quotes.containing(trigger_span).first().copied();
            // Inside a quotation the clause starts where the quotation does.
            let (clause, reach) = match quote.and_then(|q| layers.quotes.get(q)) {
                Some(q) => (s.tok_at(q.span.start), s.tok_at(q.span.end)),
                None => (0, s.len()),
            };
            let roles = actors::roles(&s, text, &phrases, lex, clause, c.first, c.last, reach);
            // Who did what to whom: with neither a source nor a target the words code no
            // event ("the deal", "support for the bill"), as GDELT codes none without an
            // actor; only a physical event with its place, its weapon or what underwent it
            // stands alone, as ACLED codes it ("an explosion in Kabul", "grenades
            // exploded", "weapons were seized").
            let physical = matches!(
                c.event_type.family(),
                "material-conflict" | "protest" | "mobilize"
            );
            if roles.source.is_empty()
                && roles.target.is_empty()
                && !(physical && (roles.location.is_some() || mode_word.is_some() || roles.passive))
            {
                continue;
            }
            let features = features::extract(&s, c, &roles, bits);
            let event_type = decide(model, &features, c.event_type);
            let material = matches!(event_type.family(), "material-conflict" | "protest");
            let mode = match (material, mode_word) {
                (true, Some(m)) => Some(m),
                _ => c.mode,
            };
            out.push((
                Event {
                    event_type,
                    mode: mode.map(str::to_string),
                    trigger,
                    source: roles.source,
                    target: roles.target,
                    place: roles
                        .location
                        .as_ref()
                        .and_then(|l| layers.places.iter().position(|p| p.span.overlaps(l.span))),
                    location: roles.location,
                    date: date.clone(),
                    sentence: index,
                    quote,
                    asserted: c.reason.is_none(),
                    reason: c.reason,
                    modality: c
                        .governor
                        .filter(|_| c.reason.is_some())
                        .and_then(|(k, _)| s.toks.get(k))
                        .and_then(|t| Anchor::new(text, t.span)),
                },
                features,
            ));
        }
    }
    out
}

/// The type the model prefers over the lexicon's `lexical`: the best-scoring type of the same
/// family (a killing by troops is FIGHT, by a bomber ASSAULT), when it scores higher. The model
/// refines within a family; it never turns an arrest into a criticism.
pub fn decide(model: Option<&model::TypeModel>, features: &[u32], lexical: EventType) -> EventType {
    let Some(m) = model else { return lexical };
    let scores = m.scores(features);
    let mut best = model::class(lexical);
    for (c, &score) in scores.iter().enumerate() {
        if score > scores[best] && EventType::ALL[c].family() == lexical.family() {
            best = c;
        }
    }
    EventType::ALL[best]
}

/// The index range of the `items` (sorted by span start) that start inside `span`.
fn in_span<T>(items: &[T], span: Span, at: impl Fn(&T) -> Span) -> std::ops::Range<usize> {
    let first = items.partition_point(|i| at(i).start < span.start);
    let last = items.partition_point(|i| at(i).start < span.end);
    first..last.max(first)
}

/// The sentence's first date expression, else the article's anchor date.
fn date_of(layers: &Layers, sentence: Span) -> Option<EventDate> {
    let times = in_span(layers.times, sentence, |t| t.span);
    let stated = layers
        .times
        .get(times.clone())
        // A calendar date (a year at least): not "now" (PRESENT_REF) nor a decade ("199X").
        .and_then(|ts| {
            ts.iter().position(|t| {
                t.timex_type == TimexType::Date
                    && t.value.len() >= 4
                    && t.value.bytes().take(4).all(|b| b.is_ascii_digit())
            })
        })
        .map(|i| times.start + i);
    match stated {
        Some(i) => Some(EventDate {
            value: layers.times[i].value.clone(),
            time: Some(i),
            from_anchor: false,
        }),
        None => layers.time_anchor.map(|a| EventDate {
            value: a.date.clone(),
            time: None,
            from_anchor: true,
        }),
    }
}
