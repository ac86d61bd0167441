//! `/outlet/{name}`: what one outlet contributes — its articles and stories, its share of
//! opinion, how it names each actor and its tone toward each (labels and judgements linked to
//! their sentences), the loaded terms it uses, the claims only it makes, and the widely
//! reported claims it leaves out.

use super::framing::{labels_cell, tone_cell};
use super::{cut_note, doc_link, entity_link, layout, status_class, status_label, LIST_LIMIT};
use crate::error::AppError;
use crate::links;
use crate::live::Snapshot;
use crate::state::{Corpus, ALL_STORY};
use axum::{extract::Path, response::Html};
use maud::{html, Markup};
use parallax_core::OutletProfile;

pub async fn page(
    Snapshot(state): Snapshot,
    Path(name): Path<String>,
) -> Result<Html<String>, AppError> {
    let corpus = &state.corpus;
    let docs = corpus
        .outlet_docs
        .get(&name)
        .ok_or_else(|| AppError::not_found("outlet"))?;
    let profile = corpus.dossier.outlets.iter().find(|o| o.outlet == name);
    let body = html! {
        h1 { (name) }
        p.lead {
            (docs.len()) " articles"
            @if let Some(p) = profile {
                " · " (p.stories.len()) " stories · "
                span title="its own sentences, block quotes and bylines left out" {
                    (format!("{:.0}%", p.opinion_share * 100.0)) " of its own sentences read as opinion (" (p.opinion_sentences) " of " (p.sentences) ")"
                }
            }
        }
        @if let Some(p) = profile {
            (framing(corpus, p))
            div.grid2 {
                section {
                    h2 { "Claims only it makes" }
                    (claim_list(corpus, &p.exclusive_claims))
                }
                section {
                    h2 { "Widely reported claims it omits" }
                    (claim_list(corpus, &p.omitted_claims))
                }
            }
        }
        section {
            h2 { "Articles" }
            table {
                thead { tr { th { "Published" } th { "Title" } } }
                tbody {
                    @for &d in docs.iter().take(LIST_LIMIT) {
                        @let doc = &corpus.dossier.documents[d];
                        tr { td.num { (doc.published.as_deref().unwrap_or("undated")) } td { (doc_link(corpus, &doc.id)) } }
                    }
                }
            }
            (cut_note(docs.len().min(LIST_LIMIT), docs.len(), "/api/documents"))
        }
    };
    Ok(layout(&name, "", body))
}

fn claim_list(corpus: &Corpus, ids: &[String]) -> Markup {
    html! {
        @if ids.is_empty() { p.empty { "None." } }
        ul.claims-list {
            @for c in ids.iter().take(LIST_LIMIT).filter_map(|id| corpus.claim_index.get(id)).map(|&i| &corpus.dossier.claims[i]) {
                li {
                    a href={ (links::story(c.story.as_deref().unwrap_or(ALL_STORY))) "#claim-" (links::encode(&c.id)) } {
                        (format!("{:?}", c.category).to_lowercase()) ": " (c.subject)
                    }
                    " " span class={ "tag " (status_class(c.status)) } { (status_label(c.status)) }
                    " " span.note { (c.outlets.join(", ")) }
                }
            }
        }
    }
}

/// Most actors shown, in the order of the dossier's entities (most mentioned first).
const ACTORS_SHOWN: usize = 30;
/// Most loaded terms shown per voice.
const TERMS_SHOWN: usize = 40;

/// How the outlet names and treats each actor, and the loaded terms it uses.
fn framing(corpus: &Corpus, p: &OutletProfile) -> Markup {
    let api = "/api/outlets";
    html! {
        section #actors {
            h2 { "How it names each actor" }
            @if p.actors.is_empty() { p.empty { "It labels no actor and speaks of none in its own voice." } }
            @else {
                table {
                    thead { tr { th { "Actor" } th { "Labels" } th { "Tone (its own voice, and quoted voices)" } } }
                    tbody {
                        @for actor in p.actors.iter().take(ACTORS_SHOWN) {
                            tr {
                                td { (entity_link(corpus, &actor.entity)) }
                                td { (labels_cell(corpus, &actor.labels, api)) }
                                td { (tone_cell(corpus, actor)) }
                            }
                        }
                    }
                }
                (cut_note(p.actors.len().min(ACTORS_SHOWN), p.actors.len(), api))
            }
        }
        section #loaded-terms {
            h2 { "Loaded terms" }
            @if p.loaded_terms.is_empty() { p.empty { "None found." } }
            @else {
                div.grid2 {
                    div {
                        h3 { "In its own voice" }
                        (terms(corpus, p, true))
                    }
                    div {
                        h3 { "Inside quotations" }
                        (terms(corpus, p, false))
                    }
                }
            }
        }
    }
}

/// The loaded terms used in the outlet's own voice (`own`) or inside quotations, each linked to
/// its first such use.
fn terms(corpus: &Corpus, p: &OutletProfile, own: bool) -> Markup {
    let mut chosen: Vec<(&str, usize, Option<&parallax_core::Evidence>)> = p
        .loaded_terms
        .iter()
        .filter_map(|t| {
            let uses = if own { t.author } else { t.quoted };
            // Own-voice evidence comes first; quoted uses follow the `author` own ones.
            let first = if own {
                t.evidence.first()
            } else {
                t.evidence.get(t.author)
            };
            (uses > 0).then_some((t.term.as_str(), uses, first))
        })
        .collect();
    chosen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    html! {
        @if chosen.is_empty() { p.empty { "None." } }
        p.terms {
            @for (term, uses, first) in chosen.iter().take(TERMS_SHOWN) {
                @match first {
                    Some(e) => a.term href=(links::evidence(corpus, &e.doc, e.span)) { (term) },
                    None => span.term { (term) },
                }
                @if *uses > 1 { span.note { " ×" (uses) } }
                " "
            }
        }
    }
}
