//! A quotation as the rules find it, before anchors and speaker mentions are attached.

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

    /// Whether `span` overlaps this quotation's content or its cue.
    pub fn touches(&self, span: Span) -> bool {
        self.span.overlaps(span)
            || self.cue.is_some_and(|c| c.overlaps(span))
            || self.outer_cue.is_some_and(|c| c.overlaps(span))
    }
}

/// Whether `span` overlaps any of `found` other than block quotations, whose pasted text
/// keeps its own quotations and attributions.
pub fn taken(found: &[Found], span: Span) -> bool {
    found
        .iter()
        .any(|f| f.kind != QuoteKind::Block && f.touches(span))
}
