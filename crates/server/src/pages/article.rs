//! `/doc/{id}`: one article with every annotation highlighted — entity mentions, quotations,
//! figures and dates — each kind toggled by a checkbox (pure CSS, `:has()`), and
//! `?hl=START-END#s-N` marking the span an item links to and landing on its sentence.
//!
//! The text is cut at every annotation boundary into segments; each segment is one escaped
//! element whose classes name the annotations covering it, so overlapping annotations (a figure
//! inside a quotation) need no nesting.

use super::{entity_link, layout, outlet_link};
use crate::error::AppError;
use crate::links;
use crate::live::Snapshot;
use crate::state::{day, Corpus, Mark};
use axum::{
    extract::{Path, Query},
    response::Html,
};
use maud::{html, Markup};
use parallax_core::{text::floor_char_boundary, DossierDocument, Span, Voice};
use serde::Deserialize;

const KINDS: [(&str, &str); 4] = [
    ("entity", "Entities"),
    ("quote", "Quotations"),
    ("figure", "Figures"),
    ("time", "Dates"),
];

#[derive(Debug, Default, Deserialize)]
pub struct DocParams {
    /// `START-END`: the byte span to highlight.
    #[serde(default)]
    pub hl: String,
}

/// The span of `hl` if it is well-formed and lies inside `text` on char boundaries.
fn parse_hl(hl: &str, text: &str) -> Option<Span> {
    let (a, b) = hl.split_once('-')?;
    let (start, end) = (a.parse::<usize>().ok()?, b.parse::<usize>().ok()?);
    (start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
        .then(|| Span::new(start, end))
}

pub async fn page(
    Snapshot(state): Snapshot,
    Path(id): Path<String>,
    Query(params): Query<DocParams>,
) -> Result<Html<String>, AppError> {
    let corpus = &state.corpus;
    let &d = corpus
        .doc_index
        .get(&id)
        .ok_or_else(|| AppError::not_found("article"))?;
    let doc = &corpus.dossier.documents[d];
    let hl = parse_hl(&params.hl, &doc.text);
    let title = doc.title.as_deref().unwrap_or("(untitled)");
    let body = html! {
        div.article-page {
            article.doc {
                p.kicker {
                    @if let Some(o) = &doc.outlet { (outlet_link(o)) } @else { "unknown outlet" }
                    " · " (doc.published.as_deref().unwrap_or("undated"))
                    @if !doc.authors.is_empty() { " · " (doc.authors.join(", ")) }
                }
                h1 { (title) }
                p.source { "Source: " code { (doc.url.as_deref().unwrap_or(&doc.source)) } }
                @if !corpus.doc_stories[d].is_empty() {
                    p.source { "Stories: "
                        @for &s in &corpus.doc_stories[d] { a href=(links::story(&corpus.stories[s].id)) { (corpus.stories[s].label) } " " }
                    }
                }
                div.filters {
                    "Highlight: "
                    @for (kind, label) in KINDS {
                        label class={ "f k-" (kind) } {
                            input id={ "f-" (kind) } type="checkbox" checked;
                            " " (label) " (" (corpus.doc_marks[d].iter().filter(|(_, m)| m.kind() == kind).count()) ")"
                        }
                    }
                    @let opinions = doc.voice.iter().filter(|v| v.voice == Voice::Opinion).count();
                    label.f.k-opinion title="sentences the voice classifier reads as the author's opinion rather than reporting" {
                        input #f-opinion type="checkbox" checked;
                        " Opinion (" (opinions) " of " (doc.voice.len()) " sentences)"
                    }
                }
                div.text { (text(corpus, d, doc, hl)) }
                @for diag in &doc.diagnostics {
                    p.diag { (format!("{:?}", diag.severity).to_lowercase()) " (" (diag.stage) "): " (diag.message) }
                }
            }
            aside.panel { (panel(corpus, d, doc)) }
        }
    };
    Ok(layout(title, "", body))
}

/// The article's paragraphs, sentences targetable as `#s-N`.
fn text(corpus: &Corpus, d: usize, doc: &DossierDocument, hl: Option<Span>) -> Markup {
    let whole = [parallax_core::Paragraph {
        span: Span::new(0, doc.text.len()),
        role: parallax_core::ParagraphRole::Body,
    }];
    let paragraphs = if doc.paragraphs.is_empty() {
        &whole[..]
    } else {
        &doc.paragraphs[..]
    };
    let marks = &corpus.doc_marks[d];
    html! {
        @for p in paragraphs {
            p class={ "role-" (p.role.as_str()) } {
                @for (n, piece) in pieces(doc, p.span) {
                    @match n {
                        Some(n) => {
                            @let opinion = doc.voice.get(n).filter(|v| v.voice == Voice::Opinion);
                            span.s.target[hl.is_some_and(|h| piece.start <= h.start && h.start < piece.end)].opinion[opinion.is_some()] id={ "s-" (n) }
                                title=[opinion.map(|v| format!("the author's opinion ({:.0}% sure)", v.confidence * 100.0))] {
                                (segments(corpus, doc, marks, piece, hl))
                            }
                        }
                        None => (segments(corpus, doc, marks, piece, hl)),
                    }
                }
            }
        }
    }
}

/// The paragraph cut into sentences (numbered) and the gaps between them.
fn pieces(doc: &DossierDocument, para: Span) -> Vec<(Option<usize>, Span)> {
    let mut out = Vec::new();
    let mut at = para.start;
    let first = doc.sentences.partition_point(|s| s.end <= para.start);
    for (n, s) in doc.sentences.iter().enumerate().skip(first) {
        if s.start >= para.end {
            break;
        }
        let (start, end) = (s.start.max(at), s.end.min(para.end));
        if start > at {
            out.push((None, Span::new(at, start)));
        }
        if end > start {
            out.push((Some(n), Span::new(start, end)));
            at = end;
        }
    }
    if para.end > at {
        out.push((None, Span::new(at, para.end)));
    }
    out
}

/// `piece` cut at every annotation and highlight boundary, each segment one element.
fn segments(
    corpus: &Corpus,
    doc: &DossierDocument,
    marks: &[(Span, Mark)],
    piece: Span,
    hl: Option<Span>,
) -> Markup {
    let text = &doc.text;
    let mut cuts = vec![piece.start, piece.end];
    for (s, _) in marks.iter().filter(|(s, _)| s.overlaps(piece)) {
        cuts.extend([s.start, s.end]);
    }
    if let Some(h) = hl {
        cuts.extend([h.start, h.end]);
    }
    let mut cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|&c| c >= piece.start && c <= piece.end)
        .map(|c| floor_char_boundary(text, c))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    html! {
        @for w in cuts.windows(2) {
            @let seg = Span::new(w[0], w[1]);
            @let words = text.get(seg.start..seg.end).unwrap_or("");
            @let over: Vec<Mark> = marks.iter().filter(|(s, _)| s.start <= seg.start && s.end >= seg.end && !s.is_empty()).map(|(_, m)| *m).collect();
            @let lit = hl.is_some_and(|h| h.start <= seg.start && h.end >= seg.end);
            @if over.is_empty() && !lit { (words) }
            @else {
                @let class = classes(&over, lit);
                @let tip = describe(corpus, &over);
                @match over.iter().find_map(|m| if let Mark::Entity(e) = m { Some(*e) } else { None }) {
                    Some(e) => a class=(class) href=(links::entity(&corpus.dossier.entities[e].id)) title=(tip) { (words) },
                    None => span class=(class) title=(tip) { (words) },
                }
            }
        }
    }
}

fn classes(marks: &[Mark], lit: bool) -> String {
    let mut kinds: Vec<&str> = marks.iter().map(|m| m.kind()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut class: Vec<String> = kinds.iter().map(|k| format!("k-{k}")).collect();
    if lit {
        class.push("hl".into());
    }
    class.join(" ")
}

/// A tooltip naming what covers a segment.
fn describe(corpus: &Corpus, marks: &[Mark]) -> String {
    let d = &corpus.dossier;
    let parts: Vec<String> = marks
        .iter()
        .map(|m| match *m {
            Mark::Entity(e) => format!(
                "{} ({})",
                d.entities[e].name,
                d.entities[e].entity_type.as_str()
            ),
            Mark::Quote(q) => match d.quotes[q].speaker_text.as_deref() {
                Some(s) => format!("quotation by {s}"),
                None => "quotation".to_string(),
            },
            Mark::Figure(f) => {
                let fig = &d.figures[f].figure;
                format!(
                    "figure {}{}",
                    fig.value.map(super::number).unwrap_or_default(),
                    fig.counted
                        .as_ref()
                        .map(|c| format!(" {}", c.text))
                        .unwrap_or_default()
                )
            }
            Mark::Time(t) => format!("date {}", d.times[t].time.value),
        })
        .collect();
    parts.join("; ")
}

/// The side panel: the article's quotations, figures, dates and entities, each linking to its
/// span.
fn panel(corpus: &Corpus, d: usize, doc: &DossierDocument) -> Markup {
    let dossier = &corpus.dossier;
    let marks = &corpus.doc_marks[d];
    let here = |span: Span| links::evidence(corpus, &doc.id, span);
    let mut entities: Vec<(usize, usize)> = Vec::new();
    for (_, m) in marks {
        if let Mark::Entity(e) = m {
            match entities.iter_mut().find(|(x, _)| x == e) {
                Some((_, n)) => *n += 1,
                None => entities.push((*e, 1)),
            }
        }
    }
    entities.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    html! {
        h2 { "Quotations" }
        @for (_, m) in marks { @if let Mark::Quote(q) = m {
            @let quote = &dossier.quotes[*q];
            div.item {
                a href=(here(quote.evidence.span)) { "“" (clip(&quote.evidence.text, 140)) "”" }
                div.meta {
                    @match &quote.speaker { Some(s) => (entity_link(corpus, s)), None => (quote.speaker_text.as_deref().unwrap_or("unattributed")) }
                    @if let Some(g) = &quote.group { " · " span.tag title=(g) { "also in other outlets" } }
                }
            }
        } }
        h2 { "Figures" }
        @for (_, m) in marks { @if let Mark::Figure(f) = m {
            @let fig = &dossier.figures[*f];
            div.item {
                a href=(here(fig.figure.span)) { (fig.figure.text) }
                " " span.note { (fig.figure.counted.as_ref().map(|c| c.text.as_str()).unwrap_or("")) }
                @if let Some(by) = &fig.asserted_by { div.meta { "asserted by " (by) } }
            }
        } }
        h2 { "Dates" }
        @for (_, m) in marks { @if let Mark::Time(t) = m {
            @let time = &dossier.times[*t];
            div.item { a href=(here(time.time.span)) { (time.time.text) } " " span.note { "→ " (time.time.value) } }
        } }
        h2 { "Entities" }
        @for (e, n) in &entities {
            @let entity = &dossier.entities[*e];
            div.item { a href=(links::entity(&entity.id)) { (entity.name) } " " span.tag { (entity.entity_type.as_str()) } " " span.note { "×" (n) } }
        }
        @if let Some(p) = &doc.published { p.note { "Published " (day(p)) } }
    }
}

/// At most `max` characters of `s`, with an ellipsis when cut.
pub(super) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_spans_are_checked() {
        let text = "héllo world";
        assert_eq!(parse_hl("0-3", text), Some(Span::new(0, 3)));
        assert_eq!(parse_hl("2-3", text), None);
        assert_eq!(parse_hl("7-12", text), Some(Span::new(7, 12)));
        assert_eq!(parse_hl("5-3", text), None);
        assert_eq!(parse_hl("x-3", text), None);
        assert_eq!(parse_hl("0-99", text), None);
    }
}
