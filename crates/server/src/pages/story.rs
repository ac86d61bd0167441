//! `/story/{id}`: one story side by side — the claims table with outlets as columns, disputes
//! (a statement beside the other side's denials), the same statements as each outlet quoted
//! them, shared passages, the timeline and the articles. Each section's full list is also an
//! API endpoint (`/api/stories/{id}/disputes`, `…/timeline`, `…/reuse`, `…/quote_groups`).
//! `/story/all` is the whole corpus read as one story.

use super::{
    context, cut_note, doc_link, estimate, layout, outlet_link, status_class, status_label,
    LIST_LIMIT,
};
use crate::error::AppError;
use crate::links;
use crate::live::Snapshot;
use crate::state::{day, Corpus};
use axum::{extract::Path, response::Html};
use maud::{html, Markup};
use parallax_core::{Claim, ClaimFigure, Story};
use std::collections::{BTreeSet, HashMap};

/// Statements and passages shown, and articles shown for each: a statement of a large corpus
/// can be quoted by thousands of articles.
const GROUPS: usize = 50;
const MEMBERS: usize = 12;
/// Figures shown per outlet in a claims cell, latest last.
const CELL_FIGURES: usize = 3;

pub async fn page(
    Snapshot(state): Snapshot,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let corpus = &state.corpus;
    let story = corpus
        .story(&id)
        .ok_or_else(|| AppError::not_found("story"))?;
    let body = html! {
        h1 { (story.label) }
        p.lead {
            (story.documents.len()) " articles from " (story.outlets.len()) " outlets"
            @if let (Some(a), Some(b)) = (&story.first_published, &story.last_published) { ", " (day(a)) " to " (day(b)) }
            " · "
            a href={ "/search" (links::query(&[("story", &story.id)])) } { "search within this story" }
        }
        nav.toc {
            a href="#claims" { "Claims" } a href="#disputes" { "Disputes" } a href="#quotes" { "Aligned quotations" }
            a href="#passages" { "Shared passages" } a href="#timeline" { "Timeline" } a href="#events" { "Events" } a href="#places" { "Places" } a href="#articles" { "Articles" }
        }
        (claims(corpus, story))
        (disputes(corpus, story))
        (quote_groups(corpus, story))
        (passages(corpus, story))
        (timeline(corpus, story))
        (super::events::section(corpus, story))
        (places(corpus, story))
        (articles(corpus, story))
    };
    Ok(layout(&story.label, "", body))
}

fn claims(corpus: &Corpus, story: &Story) -> Markup {
    let claims: Vec<&Claim> = corpus
        .dossier
        .claims
        .iter()
        .filter(|c| Corpus::in_story(&story.id, c.story.as_deref()))
        .collect();
    let shown = &claims[..claims.len().min(LIST_LIMIT)];
    let outlets: BTreeSet<&str> = shown
        .iter()
        .flat_map(|c| c.outlets.iter().map(String::as_str))
        .collect();
    html! {
        section #claims {
            h2 { "Claims, outlet by outlet" }
            p.note { "Each row gathers figures about the same thing. A cell shows that outlet's figures, latest last; revised ones are struck through. Click a figure to see it in its article." }
            @if claims.is_empty() { p.empty { "No figure is reported by more than one article of this story." } }
            @else {
                div.scroll {
                    table.claims {
                        thead { tr {
                            th { "What" } th { "Status" } th.num { "Low / best / high" }
                            @for o in &outlets { th { (outlet_link(o)) } }
                        } }
                        tbody {
                            @for c in shown {
                                tr id={ "claim-" (c.id) } {
                                    td { strong { (c.described()) } }
                                    td { span class={ "tag " (status_class(c.status)) } { (status_label(c.status)) } }
                                    td.num {
                                        (estimate(c.low)) " / " (estimate(c.best)) " / " (estimate(c.high))
                                        @for vague in c.vague_amounts() { div.note { (vague) } }
                                    }
                                    @let by_outlet = by_outlet(c);
                                    @for o in &outlets { td { (claim_cell(corpus, by_outlet.get(o).map_or(&[][..], Vec::as_slice))) } }
                                }
                            }
                        }
                    }
                }
                (cut_note(shown.len(), claims.len(), &format!("/api/claims{}", links::query(&[("story", &story.id)]))))
            }
        }
    }
}

/// A claim's figures per outlet, in claim order (one pass: a claim of a large corpus holds
/// tens of thousands of figures).
fn by_outlet(claim: &Claim) -> HashMap<&str, Vec<&ClaimFigure>> {
    let mut map: HashMap<&str, Vec<&ClaimFigure>> = HashMap::new();
    for f in &claim.figures {
        if let Some(o) = f.outlet.as_deref() {
            map.entry(o).or_default().push(f);
        }
    }
    map
}

fn claim_cell(corpus: &Corpus, mine: &[&ClaimFigure]) -> Markup {
    // The latest few figures: in a large corpus one outlet can report a figure many times.
    let skip = mine.len().saturating_sub(CELL_FIGURES);
    html! {
        @if skip > 0 { div.note { (skip) " earlier" } }
        @for (i, f) in mine.iter().enumerate().skip(skip) {
            @let superseded = mine.get(i + 1).is_some_and(|next| next.revises.is_some());
            div.fig {
                @if let Some(&fi) = corpus.figure_index.get(&f.figure) {
                    @let fig = &corpus.dossier.figures[fi];
                    a.claim-cell href=(links::evidence(corpus, &fig.doc, fig.figure.span)) title=(f.asserted_by.as_deref().unwrap_or("")) {
                        @if superseded { s { (f.text) } } @else { (f.text) }
                    }
                } @else { (f.text) }
                @if let Some(by) = &f.asserted_by { @if Some(by.as_str()) != f.outlet.as_deref() { span.by { " — " (by) } } }
                @if let Some(p) = &f.published { span.when { (day(p)) } }
            }
        }
    }
}

fn disputes(corpus: &Corpus, story: &Story) -> Markup {
    let disputes: Vec<&parallax_core::Dispute> = corpus
        .dossier
        .disputes
        .iter()
        .filter(|d| Corpus::in_story(&story.id, d.story.as_deref()))
        .collect();
    let side = |s: &parallax_core::DisputeStatement| {
        html! {
            div.side {
                div.meta {
                    strong { (s.speaker_text.as_deref().unwrap_or("unattributed")) }
                    " · " (outlet_link(corpus.outlet_of(&s.evidence.doc)))
                    @if let Some(p) = &s.published { " · " span.when { (day(p)) } }
                }
                (context(corpus, &s.evidence.doc, s.evidence.span))
            }
        }
    };
    html! {
        section #disputes {
            h2 { "Disputes" }
            p.note { "A quoted statement beside another speaker's denial of it." }
            @if disputes.is_empty() { p.empty { "No quoted statement is denied by another speaker in this story." } }
            @for d in disputes.iter().take(GROUPS) {
                div.group.dispute id={ "dispute-" (d.id) } {
                    @if !d.about.is_empty() { p.note { "About: " (d.about.join(", ")) } }
                    div.sides {
                        div { h3 { "Statement" } (side(&d.claim)) }
                        div { h3 { "Denied by" } @for denial in d.denials.iter().take(MEMBERS) { (side(denial)) } }
                    }
                }
            }
            (cut_note(disputes.len().min(GROUPS), disputes.len(), &format!("/api/stories/{}/disputes", links::encode(&story.id))))
        }
    }
}

fn quote_groups(corpus: &Corpus, story: &Story) -> Markup {
    let groups: Vec<&parallax_core::QuoteGroup> = corpus
        .story_items(
            story,
            &corpus.doc_quote_groups,
            corpus.dossier.quote_groups.len(),
        )
        .into_iter()
        .map(|g| &corpus.dossier.quote_groups[g])
        .collect();
    html! {
        section #quotes {
            h2 { "The same statement, outlet by outlet" }
            @if groups.is_empty() { p.empty { "No statement is quoted by more than one article." } }
            @for g in groups.iter().take(GROUPS) {
                div.group id={ "group-" (g.id) } {
                    p.canonical {
                        "“" (g.canonical) "”"
                        @if let Some(s) = &g.speaker { " — " (super::entity_link(corpus, s)) }
                        " " span.tag { (g.outlets.len()) " outlets" }
                    }
                    table {
                        @for q in g.quotes.iter().filter_map(|id| corpus.quote_index.get(id)).map(|&i| &corpus.dossier.quotes[i]).take(MEMBERS) {
                            tr {
                                td.w-outlet { (outlet_link(corpus.outlet_of(&q.evidence.doc))) }
                                td.w-speaker { (q.speaker_text.as_deref().unwrap_or("unattributed")) }
                                td { (context(corpus, &q.evidence.doc, q.evidence.span)) }
                            }
                        }
                    }
                    @if g.quotes.len() > MEMBERS { p.note { "and " (g.quotes.len() - MEMBERS) " more articles quote it." } }
                }
            }
            (cut_note(groups.len().min(GROUPS), groups.len(), "/api/quotes"))
        }
    }
}

fn passages(corpus: &Corpus, story: &Story) -> Markup {
    let reuse: Vec<&parallax_core::ReusePassage> = corpus
        .story_items(story, &corpus.doc_passages, corpus.dossier.reuse.len())
        .into_iter()
        .map(|r| &corpus.dossier.reuse[r])
        .collect();
    html! {
        section #passages {
            h2 { "Shared passages" }
            @if reuse.is_empty() { p.empty { "No passage is shared between outlets." } }
            @for r in reuse.iter().take(GROUPS) {
                div.group {
                    p { span.tag { "similarity " (format!("{:.2}", r.similarity)) }
                        @if let Some(origin) = &r.origin { " likely first in " (doc_link(corpus, origin)) " (" (corpus.outlet_of(origin)) ")" } }
                    table {
                        @for m in r.members.iter().take(MEMBERS) {
                            tr { td.w-outlet { (outlet_link(corpus.outlet_of(&m.doc))) } td { (context(corpus, &m.doc, m.span)) } }
                        }
                    }
                    @if r.members.len() > MEMBERS { p.note { "and " (r.members.len() - MEMBERS) " more articles share it." } }
                }
            }
        }
    }
}

fn timeline(corpus: &Corpus, story: &Story) -> Markup {
    let entries: Vec<&parallax_core::TimelineEntry> = corpus
        .dossier
        .timeline
        .iter()
        .filter(|t| Corpus::in_story(&story.id, t.story.as_deref()))
        .collect();
    html! {
        section #timeline {
            h2 { "Timeline" }
            @if entries.is_empty() { p.empty { "No dated events." } }
            @else {
                ol.timeline {
                    @for t in entries.iter().take(LIST_LIMIT) {
                        li {
                            div.date { (t.date) }
                            div.events {
                                @for e in t.evidence.iter().take(6) {
                                    div { span.tag { (corpus.outlet_of(&e.doc)) } (context(corpus, &e.doc, e.span)) }
                                }
                                @if t.evidence.len() > 6 { div.note { "and " (t.evidence.len() - 6) " more" } }
                            }
                        }
                    }
                }
                (cut_note(entries.len().min(LIST_LIMIT), entries.len(), "/api/stories"))
            }
        }
    }
}

/// The story's places: a map (parallax-report's SVG, no script) whose pins lead to the
/// table rows, each row with the place's mentions linked to their sentences.
fn places(corpus: &Corpus, story: &Story) -> Markup {
    use parallax_report::places::{credit, describe, pins};
    let places: Vec<&parallax_core::DossierPlace> = corpus
        .dossier
        .places
        .iter()
        .filter(|p| Corpus::in_story(&story.id, p.story.as_deref()))
        .collect();
    html! {
        section #places {
            h2 { "Places" }
            @if places.is_empty() { p.empty { "No place was named." } }
            @else {
                (parallax_report::map::svg(&pins(&places, |p| format!("#place-{}", p.id)), &format!("Map of the places of {}", story.label)))
                table {
                    thead { tr { th { "Place" } th { "What it is" } th { "Outlets" } th { "Mentions" } } }
                    tbody {
                        @for p in places.iter().take(LIST_LIMIT) {
                            tr #{ "place-" (p.id) } {
                                td { strong { (p.name) } }
                                td {
                                    @if let Some(g) = &p.place { (describe(g)) }
                                    @else {
                                        "undecided: "
                                        @for (i, c) in p.candidates.iter().enumerate() {
                                            @if i > 0 { "; " }
                                            (c.name) " (" (describe(c)) ")"
                                        }
                                    }
                                }
                                td { @for o in &p.outlets { (outlet_link(o)) " " } }
                                td {
                                    details {
                                        summary { (p.mentions.len()) (if p.mentions.len() == 1 { " mention" } else { " mentions" }) }
                                        @for m in p.mentions.iter().take(MEMBERS) {
                                            div { span.tag { (corpus.outlet_of(&m.doc)) } (context(corpus, &m.doc, m.span)) }
                                        }
                                        @if p.mentions.len() > MEMBERS { div.note { "and " (p.mentions.len() - MEMBERS) " more" } }
                                    }
                                }
                            }
                        }
                    }
                }
                (cut_note(places.len().min(LIST_LIMIT), places.len(), "/api/places"))
            }
            (credit())
        }
    }
}

fn articles(corpus: &Corpus, story: &Story) -> Markup {
    html! {
        section #articles {
            h2 { "Articles" }
            table {
                thead { tr { th { "Published" } th { "Outlet" } th { "Title" } } }
                tbody {
                    @for id in story.documents.iter().take(LIST_LIMIT) {
                        @if let Some(&d) = corpus.doc_index.get(id) {
                            @let doc = &corpus.dossier.documents[d];
                            tr {
                                td.num { (doc.published.as_deref().unwrap_or("undated")) }
                                td { @if let Some(o) = &doc.outlet { (outlet_link(o)) } }
                                td { (doc_link(corpus, id)) }
                            }
                        }
                    }
                }
            }
            (cut_note(story.documents.len().min(LIST_LIMIT), story.documents.len(), "/api/documents"))
        }
    }
}
