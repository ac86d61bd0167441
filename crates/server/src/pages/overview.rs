//! `/`: the corpus at a glance — counts, date range, stories, outlets, the most mentioned
//! entities and how the outlets' claims compare.

use super::{doc_link, layout, number, outlet_link, status_class, status_label};
use crate::links;
use crate::live::Snapshot;
use crate::state::ALL_STORY;
use axum::response::Html;
use maud::html;
use parallax_core::ClaimStatus;

const TOP_ENTITIES: usize = 16;
const TOP_CONFLICTS: usize = 8;
const LATEST: usize = 10;
const STORIES: usize = 50;

pub async fn page(Snapshot(state): Snapshot) -> Html<String> {
    let corpus = &state.corpus;
    let d = &corpus.dossier;
    let count = |s: ClaimStatus| d.claims.iter().filter(|c| c.status == s).count();
    let conflicts: Vec<&parallax_core::Claim> = d
        .claims
        .iter()
        .filter(|c| c.status == ClaimStatus::Conflict)
        .take(TOP_CONFLICTS)
        .collect();
    let latest: Vec<&parallax_core::DossierDocument> = d
        .documents
        .iter()
        .rev()
        .filter(|x| x.published.is_some())
        .take(LATEST)
        .collect();
    let body = html! {
        h1 { "Corpus overview" }
        div.cards {
            div.card { b { (number(d.documents.len() as f64)) } span { "articles" } }
            div.card { b { (corpus.outlet_docs.len()) } span { "outlets" } }
            div.card { b { (number(d.stories.len().max(1) as f64)) } span { "stories" } }
            div.card { b { (number(d.entities.len() as f64)) } span { "entities" } }
            div.card { b { (number(d.quotes.len() as f64)) } span { "quotations" } }
            div.card { b { (number(d.figures.len() as f64)) } span { "figures" } }
            div.card { b { (number(d.claims.len() as f64)) } span { "claims compared" } }
            @if let Some((first, last)) = &corpus.date_range {
                div.card.wide { b { (first) " → " (last) } span { "published" } }
            }
        }
        div.grid2 {
            section {
                h2 { "Stories" }
                table {
                    thead { tr { th { "Story" } th.num { "Articles" } th { "Outlets" } th { "From" } th { "To" } } }
                    tbody {
                        @for s in corpus.stories.iter().filter(|s| s.id != ALL_STORY).take(STORIES) {
                            tr {
                                td { a href=(links::story(&s.id)) { (s.label) } }
                                td.num { (s.documents.len()) }
                                td { (s.outlets.len()) }
                                td.num { (s.first_published.as_deref().map(crate::state::day).unwrap_or("")) }
                                td.num { (s.last_published.as_deref().map(crate::state::day).unwrap_or("")) }
                            }
                        }
                        @if let Some(all) = corpus.story(ALL_STORY) {
                            tr.all {
                                td { a href=(links::story(ALL_STORY)) { "The whole corpus as one story" } }
                                td.num { (all.documents.len()) }
                                td { (all.outlets.len()) }
                                td.num { (all.first_published.as_deref().map(crate::state::day).unwrap_or("")) }
                                td.num { (all.last_published.as_deref().map(crate::state::day).unwrap_or("")) }
                            }
                        }
                    }
                }
                @if corpus.stories.len() > STORIES + 1 {
                    p.note { "First " (STORIES) " stories; all are in " a href="/api/stories" { "/api/stories" } "." }
                }
            }
            section {
                h2 { "Claims across outlets" }
                div.statusbar {
                    span.tag.st-conflict { (count(ClaimStatus::Conflict)) " conflict" }
                    span.tag.st-hedges { (count(ClaimStatus::WithinHedges)) " within hedges" }
                    span.tag.st-agree { (count(ClaimStatus::Agree)) " agree" }
                    span.tag.st-single { (count(ClaimStatus::SingleSource)) " one outlet" }
                }
                @if !conflicts.is_empty() {
                    table {
                        thead { tr { th { "Conflicting claim" } th { "Low / best / high" } th { "Outlets" } } }
                        tbody {
                            @for c in &conflicts {
                                tr {
                                    td {
                                        a href={ (links::story(c.story.as_deref().unwrap_or(ALL_STORY))) "#claim-" (links::encode(&c.id)) } {
                                            (format!("{:?}", c.category).to_lowercase()) ": " (c.subject)
                                        }
                                        " " span class={ "tag " (status_class(c.status)) } { (status_label(c.status)) }
                                    }
                                    td.num { (super::estimate(c.low)) " / " (super::estimate(c.best)) " / " (super::estimate(c.high)) }
                                    td { (c.outlets.join(", ")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        div.grid2 {
            section {
                h2 { "Outlets" }
                table {
                    thead { tr { th { "Outlet" } th.num { "Articles" } th.num { "Opinion" } th.num { "Exclusive claims" } th.num { "Omitted claims" } } }
                    tbody {
                        @for o in &d.outlets {
                            tr {
                                td { (outlet_link(&o.outlet)) }
                                td.num { (o.documents.len()) }
                                td.num { (format!("{:.0}%", o.opinion_share * 100.0)) }
                                td.num { (o.exclusive_claims.len()) }
                                td.num { (o.omitted_claims.len()) }
                            }
                        }
                        @if d.outlets.is_empty() {
                            @for (name, docs) in &corpus.outlet_docs {
                                tr { td { (outlet_link(name)) } td.num { (docs.len()) } td {} td {} td {} }
                            }
                        }
                    }
                }
            }
            section {
                h2 { "Most mentioned entities" }
                table {
                    thead { tr { th { "Entity" } th { "Type" } th.num { "Mentions" } th.num { "Articles" } th.num { "Quoted" } } }
                    tbody {
                        @for &e in corpus.top_entities.iter().take(TOP_ENTITIES) {
                            @let entity = &d.entities[e];
                            tr {
                                td { a href=(links::entity(&entity.id)) { (entity.name) } }
                                td { span.tag { (entity.entity_type.as_str()) } }
                                td.num { (entity.mentions.len()) }
                                td.num { (corpus.entity_docs[e].len()) }
                                td.num { (corpus.said_by[e].len()) }
                            }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Latest articles" }
            table {
                thead { tr { th { "Published" } th { "Outlet" } th { "Title" } } }
                tbody {
                    @for doc in &latest {
                        tr {
                            td.num { (doc.published.as_deref().unwrap_or("")) }
                            td { @if let Some(o) = &doc.outlet { (outlet_link(o)) } }
                            td { (doc_link(corpus, &doc.id)) }
                        }
                    }
                }
            }
        }
    };
    layout("Overview", "", body)
}
