//! A quotation as the rules find it, before anchors and speaker mentions are attached.

use parallax_core::span_index::GrowingSpans;
use parallax_core::{QuoteKind, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    pub speaker: Option<Span>,
    pub channel: Option<Span>,
    /// A direct quotation that is a whole sentence or paragraph with no attribution of its
    /// own: it continues the previous speaker's statement.
    pub continues: bool,
    /// The cue of a report around the attribution ("said" of "“…,” aides said Mr. Ryan
    /// told"), which is no attribution of its own.
    pub outer_cue: Option<Span>,
}

impl Found {
    pub fn new(span: Span, kind: QuoteKind) -> Self {
        Found {
            span,
            kind,
            cue: None,
            speaker: None,
            channel: None,
            continues: false,
            outer_cue: None,
        }
    }
}

/// The bytes the quotations found so far hold, content and cues, for asking whether a
/// new candidate overlaps one of them. Block quotations are left out: their pasted text
/// keeps its own quotations and attributions. The set grows as quotations are found, and
/// a lookup reads only the spans near the candidate, so that checking every pair of marks
/// against every quotation found before it does not make the pass quadratic.
#[derive(Debug, Default)]
pub struct Taken(GrowingSpans);

impl Taken {
    /// The set holding `found`.
    pub fn of(found: &[Found]) -> Taken {
        let mut taken = Taken::default();
        found.iter().for_each(|f| taken.add(f));
        taken
    }

    /// Adds the content and cues of `f`, unless it is a block quotation.
    pub fn add(&mut self, f: &Found) {
        if f.kind == QuoteKind::Block {
            return;
        }
        [Some(f.span), f.cue, f.outer_cue]
            .into_iter()
            .flatten()
            .for_each(|s| self.0.insert(s));
    }

    /// Whether `span` overlaps one of the quotations' contents or cues.
    pub fn overlaps(&self, span: Span) -> bool {
        self.0.any_overlapping(span)
    }
}
