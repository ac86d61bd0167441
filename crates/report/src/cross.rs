//! The report's cross-source sections: the claims table with outlets as columns, aligned
//! quotations, disputes (statements and their denials, per story), shared passages, stories,
//! the timeline and outlet profiles.

use crate::limits;
use crate::sections::{evidence, ranked_stories, Index};
use maud::{html, Markup};
use parallax_core::text::format_estimate as estimate;
use parallax_core::{Claim, ClaimStatus, Dossier, Story};
use std::collections::{BTreeSet, HashMap};

fn status_label(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::SingleSource => "one outlet only",
        ClaimStatus::Agree => "agree",
        ClaimStatus::WithinHedges => "differ within hedges",
        ClaimStatus::Conflict => "conflict",
    }
}

/// Each story's label, by story id.
fn story_labels(dossier: &Dossier) -> HashMap<&str, &str> {
    dossier
        .stories
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect()
}

/// A row naming the story the following rows belong to: claims and timeline entries are laid
/// out story by story, and without it dates seem to run backwards where a story ends.
fn story_row(labels: &HashMap<&str, &str>, story: Option<&str>, columns: usize) -> Markup {
    let label = story
        .and_then(|s| labels.get(s))
        .copied()
        .unwrap_or("Articles in no story");
    html! {
        tr.story-row { th colspan=(columns) { "Story: " (label) } }
    }
}

/// A link to a claim's row that says what it is about: its counted group and the figure
/// `outlet` gives (its latest), else the best estimate — "people: at least 15".
fn claim_link(claims: &HashMap<&str, &Claim>, id: &str, outlet: Option<&str>) -> Markup {
    let Some(claim) = claims.get(id) else {
        return html! { a href={ "#claim-" (id) } { (id) } };
    };
    let figure = outlet
        .and_then(|o| {
            claim
                .figures
                .iter()
                .rev()
                .find(|f| f.outlet.as_deref() == Some(o))
        })
        .map(|f| f.text.clone())
        .unwrap_or_else(|| estimate(claim.best));
    html! {
        a.term href={ "#claim-" (id) } title=(format!("{:?}", claim.category).to_lowercase()) {
            (claim.subject) ": " (figure)
        }
    }
}

/// An outlet's figures of one claim, oldest first; those it revised later are struck through.
fn outlet_figures(
    claim: &Claim,
    outlet: &str,
    figures: &HashMap<&str, &parallax_core::DossierFigure>,
    index: &Index,
) -> Markup {
    let mine: Vec<&parallax_core::ClaimFigure> = claim
        .figures
        .iter()
        .filter(|f| f.outlet.as_deref() == Some(outlet))
        .collect();
    html! {
        @for (i, f) in mine.iter().enumerate() {
            @let superseded = i + 1 < mine.len() && mine[i + 1].revises.is_some();
            div {
                @if let Some(fig) = figures.get(f.figure.as_str()) {
                    a href={ "#" (index.sentence_anchor_of(&fig.doc, fig.figure.span)) } title=(f.asserted_by.as_deref().unwrap_or("")) {
                        @if superseded { s { (f.text) } } @else { (f.text) }
                    }
                }
                div.ctx {
                    (f.asserted_by.as_deref().filter(|by| Some(*by) != f.outlet.as_deref()).unwrap_or("the outlet"))
                    @if let Some(p) = &f.published { ", " (p.get(..10).unwrap_or(p)) }
                }
            }
        }
    }
}

pub fn claims(dossier: &Dossier, index: &Index) -> Markup {
    let shown = limits::cut(&dossier.claims, limits::ROWS);
    let outlets: BTreeSet<&str> = shown
        .iter()
        .flat_map(|c| c.outlets.iter().map(String::as_str))
        .collect();
    // A column per outlet reads well for a handful of outlets; with more, most cells are empty
    // and the table is many screens wide, so each row lists its own outlets in one column.
    let columns = outlets.len() <= limits::OUTLET_COLUMNS;
    let labels = story_labels(dossier);
    let figures: HashMap<&str, &parallax_core::DossierFigure> =
        dossier.figures.iter().map(|f| (f.id.as_str(), f)).collect();
    html! {
        section #claims {
            h2 { "Claims, outlet by outlet" }
            p.ctx { "Each row groups figures about the same thing. A cell gives each figure, who asserts it and when; an outlet's earlier figures that it revised are struck through. Low / best / high follow UCDP's practice (see docs/dossier.md); a vague amount is shown as its words and the range they stand for." }
            @if shown.is_empty() { p.ctx { "No claim was found in these articles (docs/dossier.md says which figures make a claim)." } }
            @else { div.scroll { table {
                tr {
                    th { "What" } th { "Status" } th { "Low / best / high" }
                    @if columns { @for o in &outlets { th { (o) } } } @else { th { "Figures by outlet" } }
                }
                @for (i, c) in shown.iter().enumerate() {
                    @if i == 0 || shown[i - 1].story != c.story {
                        (story_row(&labels, c.story.as_deref(), 3 + if columns { outlets.len() } else { 1 }))
                    }
                    tr #{ "claim-" (c.id) } class={ "status-" (format!("{:?}", c.status).to_lowercase()) } {
                        td { strong { (c.described()) } }
                        td { span.tag { (status_label(c.status)) } }
                        td.num {
                            (estimate(c.low)) " / " (estimate(c.best)) " / " (estimate(c.high))
                            @for vague in c.vague_amounts() { div.ctx { (vague) } }
                        }
                        @if columns {
                            @for o in &outlets { td { (outlet_figures(c, o, &figures, index)) } }
                        } @else {
                            td {
                                @for o in &c.outlets {
                                    div.claim-outlet { span.tag { (o) } div { (outlet_figures(c, o, &figures, index)) } }
                                }
                            }
                        }
                    }
                }
            } } }
            (limits::note(shown.len(), dossier.claims.len(), "claims"))
        }
    }
}

pub fn quote_groups(dossier: &Dossier, index: &Index) -> Markup {
    let quotes: HashMap<&str, &parallax_core::DossierQuote> =
        dossier.quotes.iter().map(|q| (q.id.as_str(), q)).collect();
    html! {
        section #quote-groups {
            h2 { "The same statement across outlets" }
            @for g in limits::cut(&dossier.quote_groups, limits::ROWS) {
                div.group {
                    p { "“" (g.canonical) "” " span.tag { (g.outlets.len()) " outlets" } }
                    table {
                        tr { th { "Outlet" } th { "Attributed to" } th { "As quoted" } }
                        @for q in g.quotes.iter().take(limits::MEMBERS).filter_map(|id| quotes.get(id.as_str())) {
                            tr {
                                td { (index.outlet(&q.evidence.doc)) }
                                td { (q.speaker_text.as_deref().unwrap_or("unattributed")) }
                                td { (evidence(index, &q.evidence.doc, q.evidence.span)) }
                            }
                        }
                    }
                    (limits::more(g.quotes.len().min(limits::MEMBERS), g.quotes.len()))
                }
            }
            (limits::note(dossier.quote_groups.len().min(limits::ROWS), dossier.quote_groups.len(), "shared statements"))
        }
    }
}

fn dispute_side(index: &Index, s: &parallax_core::DisputeStatement) -> Markup {
    html! {
        div {
            strong { (s.speaker_text.as_deref().unwrap_or("unattributed")) }
            " " span.tag { (s.outlet.as_deref().unwrap_or(parallax_core::UNKNOWN_OUTLET)) }
            @if let Some(p) = &s.published { " " span.ctx { (p) } }
            br;
            (evidence(index, &s.evidence.doc, s.evidence.span))
        }
    }
}

/// Disputes grouped by story: each statement beside the other side's denials.
pub fn disputes(dossier: &Dossier, index: &Index) -> Markup {
    let labels: HashMap<&str, &str> = dossier
        .stories
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    let mut by_story: Vec<(Option<&str>, Vec<&parallax_core::Dispute>)> = Vec::new();
    for d in limits::cut(&dossier.disputes, limits::ROWS) {
        let story = d.story.as_deref();
        match by_story.iter_mut().find(|(s, _)| *s == story) {
            Some((_, list)) => list.push(d),
            None => by_story.push((story, vec![d])),
        }
    }
    html! {
        section #disputes {
            h2 { "Disputes" }
            p.ctx { "Statements that another side denies or calls untrue, story by story (see docs/dossier.md)." }
            @if dossier.disputes.is_empty() { p.ctx { "No quoted statement is denied by another speaker." } }
            @for (story, list) in &by_story {
                h3 { (story.and_then(|s| labels.get(s).copied()).unwrap_or("Articles in no story")) }
                table {
                    tr { th { "About" } th { "Statement" } th { "Denied by" } }
                    @for d in list {
                        tr #{ "dispute-" (d.id) } {
                            td { (d.about.join(", ")) }
                            td { (dispute_side(index, &d.claim)) }
                            td { @for denial in limits::cut(&d.denials, limits::MEMBERS) { (dispute_side(index, denial)) } (limits::more(d.denials.len().min(limits::MEMBERS), d.denials.len())) }
                        }
                    }
                }
            }
            (limits::note(dossier.disputes.len().min(limits::ROWS), dossier.disputes.len(), "disputes"))
        }
    }
}

pub fn reuse(dossier: &Dossier, index: &Index) -> Markup {
    html! {
        section #reuse {
            h2 { "Shared passages" }
            @if dossier.reuse.is_empty() { p.ctx { "No passage is shared between outlets." } }
            @for r in limits::cut(&dossier.reuse, limits::ROWS) {
                div.group {
                    p { span.tag { "similarity " (format!("{:.2}", r.similarity)) }
                        @if let Some(origin) = &r.origin { "likely origin: " strong { (index.outlet(origin)) } } }
                    @let (whole, named) = r.members.split_at(r.members.len().min(limits::PASSAGE_TEXTS));
                    @let named = limits::cut(named, limits::MEMBERS);
                    table {
                        tr { th { "Outlet" } th { "Passage" } }
                        @for m in whole { tr { td { (index.outlet(&m.doc)) } td { (evidence(index, &m.doc, m.span)) } } }
                    }
                    @if !named.is_empty() {
                        p.ctx { "Also in: "
                            @for m in named { a href={ "#" (index.sentence_anchor_of(&m.doc, m.span)) } { (index.outlet(&m.doc)) } " " }
                            (limits::more(whole.len() + named.len(), r.members.len()))
                        }
                    }
                }
            }
            (limits::note(dossier.reuse.len().min(limits::ROWS), dossier.reuse.len(), "shared passages"))
        }
    }
}

/// The stories covered by several articles, most outlets first, as a table; the stories told by
/// one article folded into one list of titles.
pub fn stories(dossier: &Dossier, index: &Index) -> Markup {
    let (covered, single): (Vec<&Story>, Vec<&Story>) = ranked_stories(dossier)
        .into_iter()
        .partition(|s| s.documents.len() > 1);
    let shown = limits::cut(&covered, limits::STORIES);
    let listed = limits::cut(&single, limits::SINGLE_STORIES);
    html! {
        @if !dossier.stories.is_empty() {
            section #stories {
                h2 { "Stories" }
                @if covered.is_empty() { p.ctx { "No story is told by more than one article." } }
                @else {
                    p.ctx { "Stories told by several articles, those most outlets cover first." }
                    table {
                        tr { th { "Story" } th { "Articles" } th { "Outlets" } th { "From" } th { "To" } }
                        @for s in shown {
                            tr { td { @if let Some(doc) = s.documents.first() { a href={ "#" (index.article_anchor(doc)) } { (s.label) } } @else { (s.label) } } td { (s.documents.len()) } td { (s.outlets.join(", ")) }
                                 td.when { (s.first_published.as_deref().unwrap_or("")) } td.when { (s.last_published.as_deref().unwrap_or("")) } }
                        }
                    }
                    (limits::note(shown.len(), covered.len(), "stories told by several articles"))
                }
                @if !single.is_empty() {
                    details.single-stories {
                        summary { (crate::sections::number(single.len() as f64)) " stories told by a single article" }
                        ul.article-lines {
                            @for s in listed {
                                li {
                                    @if let Some(doc) = s.documents.first() {
                                        a href={ "#" (index.article_anchor(doc)) } { (s.label) }
                                    } @else { (s.label) }
                                    " " span.ctx { (s.outlets.join(", ")) @if let Some(p) = &s.first_published { " · " (p.get(..10).unwrap_or(p)) } }
                                }
                            }
                        }
                        (limits::note(listed.len(), single.len(), "single-article stories"))
                    }
                }
            }
        }
    }
}

pub fn timeline(dossier: &Dossier, index: &Index) -> Markup {
    let labels = story_labels(dossier);
    let shown = limits::cut(&dossier.timeline, limits::ROWS);
    html! {
        section #timeline {
            h2 { "Timeline" }
            table {
                tr { th { "Date" } th { "Reported by" } th { "What the articles date to it" } }
                @for (i, t) in shown.iter().enumerate() {
                    @if i == 0 || shown[i - 1].story != t.story {
                        (story_row(&labels, t.story.as_deref(), 3))
                    }
                    tr {
                        td.num { (t.date) }
                        td { (t.outlets.join(", ")) }
                        td { @for e in limits::cut(&t.evidence, limits::MEMBERS) { div { span.tag { (index.outlet(&e.doc)) } (evidence(index, &e.doc, e.span)) } } (limits::more(t.evidence.len().min(limits::MEMBERS), t.evidence.len())) }
                    }
                }
            }
            (limits::note(shown.len(), dossier.timeline.len(), "timeline entries"))
        }
    }
}

pub fn outlets(dossier: &Dossier) -> Markup {
    let claims: HashMap<&str, &Claim> = dossier.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    html! {
        section #outlets {
            h2 { "Outlets" }
            table {
                tr { th { "Outlet" } th { "Articles" } th { "Opinion share" } th { "Claims only it makes" } th { "Widely reported claims it omits" } }
                @for o in &dossier.outlets {
                    tr {
                        td { strong { (o.outlet) } }
                        td { (o.documents.len()) }
                        td.num { (format!("{:.0}%", o.opinion_share * 100.0)) }
                        td { @for c in &o.exclusive_claims { (claim_link(&claims, c, Some(&o.outlet))) " " } }
                        td { @for c in &o.omitted_claims { (claim_link(&claims, c, None)) " " } }
                    }
                }
            }
        }
    }
}
