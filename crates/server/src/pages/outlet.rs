//! `/outlet/{name}`: what one outlet contributes — its articles and stories, the claims only it
//! makes, the widely reported claims it leaves out, and its share of opinion.

use super::{cut_note, doc_link, layout, status_class, status_label, LIST_LIMIT};
use crate::error::AppError;
use crate::links;
use crate::live::Snapshot;
use crate::state::{Corpus, ALL_STORY};
use axum::{extract::Path, response::Html};
use maud::{html, Markup};

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
                " · " (p.stories.len()) " stories · " (format!("{:.0}%", p.opinion_share * 100.0)) " of its sentences read as opinion"
            }
        }
        @if let Some(p) = profile {
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
