//! `/entity/{id}`: one resolved actor — its names and roles, what it said, what was said about
//! it, how each outlet names it (labels linked to their sentences, tone), and how often each
//! outlet mentions it.

use super::framing::{labels_cell, tone_cell};
use super::{context, cut_note, layout, outlet_link, LIST_LIMIT};
use crate::error::AppError;
use crate::links;
use crate::live::Snapshot;
use crate::state::Corpus;
use axum::{extract::Path, response::Html};
use maud::{html, Markup};
use std::collections::BTreeMap;

pub async fn page(
    Snapshot(state): Snapshot,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let corpus = &state.corpus;
    let &e = corpus
        .entity_index
        .get(&id)
        .ok_or_else(|| AppError::not_found("entity"))?;
    let entity = &corpus.dossier.entities[e];
    let mut by_outlet: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &entity.mentions {
        *by_outlet
            .entry(corpus.outlet_of(&m.evidence.doc))
            .or_default() += 1;
    }
    let most = by_outlet.values().copied().max().unwrap_or(1).max(1);
    let body = html! {
        h1 { (entity.name) " " span.tag.big { (entity.entity_type.as_str()) } }
        dl.facts {
            @if !entity.aliases.is_empty() { dt { "Also called" } dd { (entity.aliases.join(" · ")) } }
            @if !entity.roles.is_empty() { dt { "Roles" } dd { (entity.roles.join(" · ")) } }
            dt { "Mentioned" } dd { (entity.mentions.len()) " times in " (corpus.entity_docs[e].len()) " articles · "
                a href={ "/search" (links::query(&[("q", &entity.name), ("entity", &entity.id)])) } { "search its articles" } }
        }
        div.grid2 {
            section {
                h2 { "What it said" }
                (quote_list(corpus, &corpus.said_by[e], false))
            }
            section {
                h2 { "What was said about it" }
                (quote_list(corpus, &corpus.said_about[e], true))
            }
        }
        (framing(corpus, &entity.id))
        section {
            h2 { "Mentions per outlet" }
            table.bars {
                @for (outlet, n) in &by_outlet {
                    tr {
                        td.w-outlet { (outlet_link(outlet)) }
                        td { div.bar style={ "width:" (n * 100 / most) "%" } {} }
                        td.num { (n) }
                    }
                }
            }
        }
        section {
            h2 { "Mentions" }
            table {
                thead { tr { th { "Outlet" } th { "As" } th { "In its sentence" } } }
                tbody {
                    @for m in entity.mentions.iter().take(LIST_LIMIT) {
                        tr {
                            td.w-outlet { (outlet_link(corpus.outlet_of(&m.evidence.doc))) }
                            td { span.tag { (format!("{:?}", m.kind).to_lowercase()) } }
                            td { (context(corpus, &m.evidence.doc, m.evidence.span)) }
                        }
                    }
                }
            }
            (cut_note(entity.mentions.len().min(LIST_LIMIT), entity.mentions.len(), &format!("/api/entities/{}", links::encode(&entity.id))))
        }
    };
    Ok(layout(&entity.name, "", body))
}

/// "How each outlet names it": per outlet, the labels it attaches to the entity (each linked
/// to its first sentence, repeats counted) and its tone toward it in its own voice.
fn framing(corpus: &Corpus, id: &str) -> Markup {
    let views = crate::api::outlet_framing(corpus, id);
    html! {
        section {
            h2 { "How each outlet names it" }
            @if views.is_empty() { p.empty { "No outlet labels it or speaks of it in its own voice." } }
            @else {
                table {
                    thead { tr { th { "Outlet" } th { "Labels" } th { "Tone" } } }
                    tbody {
                        @for (outlet, actor) in &views {
                            tr {
                                td.w-outlet { (outlet_link(outlet)) }
                                td { (labels_cell(corpus, &actor.labels, &format!("/api/entities/{}", links::encode(id)))) }
                                td { (tone_cell(corpus, actor)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn quote_list(corpus: &Corpus, quotes: &[usize], with_speaker: bool) -> Markup {
    html! {
        @if quotes.is_empty() { p.empty { "Nothing found." } }
        @for &q in quotes.iter().take(LIST_LIMIT) {
            @let quote = &corpus.dossier.quotes[q];
            div.quote {
                (context(corpus, &quote.evidence.doc, quote.evidence.span))
                div.meta {
                    (outlet_link(corpus.outlet_of(&quote.evidence.doc)))
                    " · " span.tag { (format!("{:?}", quote.kind).to_lowercase()) }
                    @if with_speaker {
                        " · "
                        @match &quote.speaker {
                            Some(s) => (super::entity_link(corpus, s)),
                            None => (quote.speaker_text.as_deref().unwrap_or("unattributed")),
                        }
                    }
                    @if let Some(g) = &quote.group { " · " span.tag { "quoted by several outlets (" (g) ")" } }
                }
            }
        }
        (cut_note(quotes.len().min(LIST_LIMIT), quotes.len(), "/api/quotes"))
    }
}
