//! `/search`: full-text search over articles and quotations with facets (outlet, story, entity,
//! kind, date range), snippets with the matches marked, and entities whose name matches.

use super::{layout, outlet_link};
use crate::links;
use crate::live::Snapshot;
use crate::search::{run_pooled, Answer, SearchParams, MAX_PAGE_NUMBER};
use crate::state::{day, Corpus};
use axum::{
    extract::Query,
    response::{IntoResponse, Response},
};
use maud::{html, Markup};
use parallax_core::Span;
use parallax_store::search::{snippet_pieces, Hit, HitKind};

pub async fn page(Snapshot(state): Snapshot, Query(params): Query<SearchParams>) -> Response {
    if params.q.trim().is_empty() {
        return layout("Search", "", form(&state.corpus, &params, None)).into_response();
    }
    let answer = run_pooled(state.clone(), params.clone()).await;
    let corpus = &state.corpus;
    match answer {
        Ok(answer) => layout(
            &format!("{} — search", params.q),
            &params.q,
            results(corpus, &params, &answer),
        )
        .into_response(),
        Err(error) => {
            let status = error.status;
            let body = html! {
                (form(corpus, &params, Some(&error.message)))
            };
            (status, layout("Search", &params.q, body)).into_response()
        }
    }
}

/// This search's URL with `key` set to `value` ("" removes it); changing a facet goes back to
/// the first page.
fn with(params: &SearchParams, key: &str, value: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = vec![
        ("q", &params.q),
        ("outlet", &params.outlet),
        ("entity", &params.entity),
        ("story", &params.story),
        ("from", &params.from),
        ("to", &params.to),
        ("kind", &params.kind),
        ("page", ""),
    ];
    for pair in &mut pairs {
        if pair.0 == key {
            pair.1 = value;
        }
    }
    format!("/search{}", links::query(&pairs))
}

fn form(corpus: &Corpus, params: &SearchParams, error: Option<&str>) -> Markup {
    html! {
        h1 { "Search" }
        form.search-form action="/search" method="get" {
            input.q type="search" name="q" value=(params.q) maxlength="256" placeholder="words, \"a phrase\", a OR b, -exclude, prefix*" autofocus;
            select name="outlet" aria-label="Outlet" {
                option value="" { "All outlets" }
                @for name in corpus.outlet_docs.keys() {
                    option value=(name) selected[*name == params.outlet] { (name) }
                }
            }
            select name="kind" aria-label="Kind" {
                option value="" { "Articles and quotations" }
                option value="article" selected[params.kind == "article"] { "Articles" }
                option value="quote" selected[params.kind == "quote"] { "Quotations" }
            }
            label { "from " input type="date" name="from" value=(params.from); }
            label { "to " input type="date" name="to" value=(params.to); }
            @if !params.entity.is_empty() { input type="hidden" name="entity" value=(params.entity); }
            @if !params.story.is_empty() { input type="hidden" name="story" value=(params.story); }
            button type="submit" { "Search" }
        }
        @if let Some(e) = error { p.error { (e) } }
        p.note { "Words must all appear; \"quoted words\" must appear together; OR between words accepts either; -word excludes; word* matches a prefix of at least 3 letters." }
    }
}

fn results(corpus: &Corpus, params: &SearchParams, answer: &Answer) -> Markup {
    let r = &answer.results;
    let page = params.page();
    let per_page = params.per_page();
    let last_page = r.total.div_ceil(per_page).clamp(1, MAX_PAGE_NUMBER);
    html! {
        (form(corpus, params, None))
        div.search-layout {
            aside.facets {
                @if !params.entity.is_empty() || !params.story.is_empty() || !params.outlet.is_empty() || !params.kind.is_empty() {
                    div.active {
                        @if let Some(name) = corpus.entity_name(&params.entity) { span.chip { "entity: " (name) " " a href=(with(params, "entity", "")) title="remove" { "×" } } }
                        @if let Some(story) = corpus.story(&params.story) { span.chip { "story: " (story.label) " " a href=(with(params, "story", "")) title="remove" { "×" } } }
                        @if !params.outlet.is_empty() { span.chip { "outlet: " (params.outlet) " " a href=(with(params, "outlet", "")) title="remove" { "×" } } }
                        @if !params.kind.is_empty() { span.chip { "kind: " (params.kind) " " a href=(with(params, "kind", "")) title="remove" { "×" } } }
                    }
                }
                h3 { "Kind" }
                ul { @for (kind, n) in &r.kinds { li { a href=(with(params, "kind", kind.as_str())) { (kind.as_str()) } span.count { (n) } } } }
                h3 { "Outlet" }
                ul { @for (name, n) in r.outlets.iter().take(20) { li { a href=(with(params, "outlet", name)) { (name) } span.count { (n) } } } }
                @if !answer.stories.is_empty() {
                    h3 { "Story" }
                    ul { @for (s, n) in &answer.stories { li { a href=(with(params, "story", &corpus.stories[*s].id)) { (corpus.stories[*s].label) } span.count { (n) } } } }
                }
                @if !answer.entities.is_empty() {
                    h3 { "Entity" }
                    ul { @for (e, n) in &answer.entities { li { a href=(with(params, "entity", &corpus.dossier.entities[*e].id)) { (corpus.dossier.entities[*e].name) } span.count { (n) } } } }
                    p.note { "Story and entity counts are articles among the best " (crate::search::FACET_DOCS) " matches." }
                }
            }
            div.hits {
                p.lead {
                    (r.total) @if !r.exact { "+" } @if r.total == 1 && r.exact { " match" } @else { " matches" }
                    @if r.total > 0 { " · page " (page) " of " (last_page) }
                    @if !r.exact { span.note { " · counted among the newest " (parallax_store::search::SCAN_LIMIT) " matches; narrow the search for exact counts" } }
                }
                @if !answer.named.is_empty() {
                    div.named {
                        "Entities named like this: "
                        @for &e in &answer.named { a.chip href=(links::entity(&corpus.dossier.entities[e].id)) { (corpus.dossier.entities[e].name) } " " }
                    }
                }
                @for hit in &r.hits { (hit_view(corpus, hit)) }
                @if last_page > 1 {
                    nav.pager {
                        @if page > 1 { a href=(with(params, "page", &(page - 1).to_string())) { "← previous" } }
                        span { "page " (page) " of " (last_page) }
                        @if page < last_page { a href=(with(params, "page", &(page + 1).to_string())) { "next →" } }
                    }
                }
            }
        }
    }
}

fn hit_view(corpus: &Corpus, hit: &Hit) -> Markup {
    let href = match hit.span {
        Some((s, e)) if hit.kind == HitKind::Quote => {
            links::evidence(corpus, &hit.doc, Span::new(s, e))
        }
        _ => links::doc(&hit.doc),
    };
    let document = corpus
        .doc_index
        .get(&hit.doc)
        .map(|&d| &corpus.dossier.documents[d]);
    // An untitled article is named by its first line.
    let untitled = document
        .filter(|_| hit.title.as_deref().is_none_or(|t| t.trim().is_empty()))
        .map(|d| d.heading());
    let speaker = hit
        .span
        .filter(|_| hit.kind == HitKind::Quote)
        .and_then(|(s, e)| quote_speaker(corpus, &hit.doc, Span::new(s, e)));
    html! {
        div.hit {
            div.hit-title {
                span class={ "tag kind-" (hit.kind.as_str()) } { (hit.kind.as_str()) }
                " "
                a href=(href) {
                    @if let Some(heading) = &untitled { (heading) }
                    @else { (marked(hit.title.as_deref().unwrap_or(""))) }
                }
            }
            div.meta {
                @if hit.kind == HitKind::Quote {
                    span.speaker { "said by " @match &speaker { Some(s) => (s), None => "an unattributed speaker" } } " · "
                }
                @if let Some(o) = &hit.outlet { (outlet_link(o)) " · " }
                (hit.published.as_deref().map(day).unwrap_or("undated"))
            }
            p.snippet { (marked(&hit.snippet)) }
        }
    }
}

/// Who said the quotation at `span` of `doc`: the resolved entity's name (linked), else the
/// speaker as written.
fn quote_speaker(corpus: &Corpus, doc: &str, span: Span) -> Option<Markup> {
    let &d = corpus.doc_index.get(doc)?;
    let q = corpus.doc_marks[d]
        .iter()
        .find_map(|(at, mark)| match mark {
            crate::state::Mark::Quote(q) if *at == span => Some(&corpus.dossier.quotes[*q]),
            _ => None,
        })?;
    match (q.speaker.as_deref(), q.speaker_text.as_deref()) {
        (Some(id), _) if corpus.entity_name(id).is_some() => Some(super::entity_link(corpus, id)),
        (_, Some(text)) => Some(html! { (text) }),
        _ => None,
    }
}

/// Text with the index's match markers turned into `<mark>`, everything escaped.
fn marked(s: &str) -> Markup {
    html! {
        @for (hot, piece) in snippet_pieces(s) {
            @if hot { mark { (piece) } } @else { (piece) }
        }
    }
}
