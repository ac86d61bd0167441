//! The declared table of per-document stages: each row names a stage and the function that runs
//! it over one document's work in progress. The runner ([`crate::analyze_batch_timed`]) walks
//! the table in order, over a whole batch per row, and times each row; `parallax bench` reads
//! the same table for its rows. A new annotator is a new row (and a new field of
//! [`parallax_core::Analysis`] that its function fills).
//!
//! Each function reads the layers earlier rows have filled and writes its own, appending its
//! diagnostics in table order. Links between layers are made by the row that runs once both
//! exist (a figure inside a time expression is dropped by the figures row; a figure inside a
//! quotation is given that quotation by the quotes row).

use parallax_core::span_index::SpanIndex;
use parallax_core::{Analysis, Document};
use parallax_figures::lexer::Tok;

/// One document's analysis while the stages fill it, with what rows share but the analysis does
/// not keep.
pub struct Work<'a> {
    pub analysis: Analysis,
    /// The number-aware tokens the time and figures rows both read, made once by the time row.
    pub number_tokens: Vec<Tok<'a>>,
}

/// One row of the table: a stage's name (as `parallax bench` prints it) and its function.
#[derive(Clone, Copy)]
pub struct Stage {
    pub name: &'static str,
    pub run: for<'a> fn(&'a Document, &mut Work<'a>),
}

/// The per-document stages, in the order they run.
pub const STAGES: &[Stage] = &[
    Stage {
        name: "segment",
        run: segment,
    },
    Stage {
        name: "entities",
        run: entities,
    },
    Stage {
        name: "places",
        run: places,
    },
    Stage {
        name: "time",
        run: time,
    },
    Stage {
        name: "figures",
        run: figures,
    },
    Stage {
        name: "quotes",
        run: quotes,
    },
    Stage {
        name: "voice",
        run: voice,
    },
    Stage {
        name: "framing",
        run: framing,
    },
    Stage {
        name: "events",
        run: events,
    },
];

fn segment<'a>(doc: &'a Document, w: &mut Work<'a>) {
    w.analysis.segmentation = parallax_segment::segment(&doc.text);
}

fn entities<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let layer = parallax_entities::annotate(doc, &w.analysis.segmentation);
    w.analysis.mentions = layer.mentions;
    w.analysis.local_entities = layer.local_entities;
    w.analysis.diagnostics.extend(layer.diagnostics);
}

fn places<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let a = &mut w.analysis;
    let layer = parallax_places::annotate(doc, &a.mentions, &a.local_entities);
    a.places = layer.items;
    a.diagnostics.extend(layer.diagnostics);
}

fn time<'a>(doc: &'a Document, w: &mut Work<'a>) {
    // Times and figures read the same number-aware tokens; they are made once, here.
    w.number_tokens = parallax_figures::lexer::tokenize(&doc.text);
    let layer = parallax_time::annotate_tokens(doc, &w.analysis.segmentation, &w.number_tokens);
    w.analysis.times = layer.times;
    w.analysis.time_anchor = layer.anchor;
    w.analysis.diagnostics.extend(layer.diagnostics);
}

fn figures<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let mut layer = parallax_figures::annotate_tokens(doc, &w.number_tokens);
    w.number_tokens = Vec::new();
    // A number inside a time expression ("1991-92", "five days") is part of a date or a
    // duration, not a numeric claim. The times are indexed once: reading all of them per
    // figure made the row quadratic in the document's length.
    let times = SpanIndex::new(w.analysis.times.iter().map(|t| t.span));
    layer.items.retain(|f| !times.any_overlapping(f.span));
    w.analysis.figures = layer.items;
    w.analysis.diagnostics.extend(layer.diagnostics);
}

fn quotes<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let a = &mut w.analysis;
    let layer = parallax_quotes::annotate(doc, &a.segmentation, &a.mentions, &a.local_entities);
    a.quotes = layer.items;
    // A figure inside a quotation is asserted by that quotation's speaker: the innermost one
    // (the first of equal length), so that "officials said at least 15 were killed" inside
    // a pasted agency story is the officials' figure. The quotations are indexed once, not
    // read whole per figure.
    let quoted = SpanIndex::new(a.quotes.iter().map(|q| q.span));
    for figure in &mut a.figures {
        figure.quote = quoted
            .containing(figure.span)
            .into_iter()
            .min_by_key(|&i| a.quotes.get(i).map_or(usize::MAX, |q| q.span.len()));
    }
    a.diagnostics.extend(layer.diagnostics);
}

fn voice<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let a = &mut w.analysis;
    let layer = parallax_voice::annotate(doc, &a.segmentation, &a.quotes);
    a.voice = layer.items;
    a.diagnostics.extend(layer.diagnostics);
}

fn framing<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let a = &mut w.analysis;
    let framing = parallax_voice::frame(
        doc,
        &a.segmentation,
        &a.mentions,
        &a.local_entities,
        &a.quotes,
    );
    a.labels = framing.labels;
    a.loaded_terms = framing.loaded_terms;
    a.tones = framing.tones;
    a.sentence_tones = framing.sentence_tones;
    a.diagnostics.extend(framing.diagnostics);
}

fn events<'a>(doc: &'a Document, w: &mut Work<'a>) {
    let a = &mut w.analysis;
    let layer = parallax_events::annotate(
        doc,
        &parallax_events::Layers {
            segmentation: &a.segmentation,
            mentions: &a.mentions,
            local_entities: &a.local_entities,
            times: &a.times,
            time_anchor: a.time_anchor.as_ref(),
            quotes: &a.quotes,
            places: &a.places,
        },
    );
    a.events = layer.items;
    a.diagnostics.extend(layer.diagnostics);
}
