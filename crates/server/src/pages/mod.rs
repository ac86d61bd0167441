//! The server-rendered pages: routes, the shared layout and the small widgets every page uses.
//! All text goes through maud, which escapes it; URLs are built by [`crate::links`].

mod article;
mod entity;
mod events;
mod framing;
mod outlet;
mod overview;
mod search;
mod story;

use crate::error::AppError;
use crate::links;
use crate::state::Corpus;
use crate::Shared;
use axum::{
    http::{header, StatusCode},
    response::{Html, IntoResponse, Response},
    routing::get,
    Router,
};
use maud::{html, Markup, DOCTYPE};
use parallax_core::{ClaimStatus, Span};

const STYLE: &str = include_str!("../../assets/style.css");

/// Items shown per list before "first N of M" (lists beyond are in the JSON API).
pub const LIST_LIMIT: usize = 200;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(overview::page))
        .route("/story/{id}", get(story::page))
        .route("/entity/{id}", get(entity::page))
        .route("/outlet/{name}", get(outlet::page))
        .route("/doc/{id}", get(article::page))
        .route("/search", get(search::page))
        .route("/static/style.css", get(style))
        // Browsers ask for it on every site; an empty answer keeps their consoles clean.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
        .into_response()
}

pub async fn not_found() -> Response {
    error_page(&AppError::not_found("page"))
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        error_page(&self)
    }
}

fn error_page(error: &AppError) -> Response {
    let body = layout(
        error.status.canonical_reason().unwrap_or("Error"),
        "",
        html! {
            h1 { (error.status.as_u16()) " — " (error.status.canonical_reason().unwrap_or("error")) }
            p.lead { (error.message) }
            p { a href="/" { "Back to the overview" } }
        },
    );
    (error.status, body).into_response()
}

/// A whole page: header with navigation and search box, then `main`.
pub fn layout(title: &str, query: &str, main: Markup) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="referrer" content="no-referrer";
                    title { (title) " · Parallax" }
                    link rel="stylesheet" href="/static/style.css";
                }
                body {
                    header.top {
                        a.brand href="/" { span.logo { "∥" } "Parallax" }
                        form.searchbox action="/search" method="get" role="search" {
                            input type="search" name="q" value=(query) placeholder="Search articles and quotes — \"phrases\", OR, -exclude" maxlength="256" aria-label="Search";
                            button type="submit" { "Search" }
                        }
                        nav {
                            a href="/" { "Overview" }
                            a href="/story/all" { "All articles" }
                            a href="/api/openapi.json" { "API" }
                        }
                    }
                    main { (main) }
                }
            }
        }
        .into_string(),
    )
}

/// The sentence around `span` of `doc`, with the span marked, linking to it in the article.
/// Long sentences are cut to a window around the span.
pub fn context(corpus: &Corpus, doc: &str, span: Span) -> Markup {
    let Some(&d) = corpus.doc_index.get(doc) else {
        return html! {};
    };
    let document = &corpus.dossier.documents[d];
    let text = &document.text;
    let (_, sentence) = document.sentence_containing(span);
    const WINDOW: usize = 160;
    let start = parallax_core::text::floor_char_boundary(
        text,
        sentence.start.max(span.start.saturating_sub(WINDOW)),
    );
    let end = parallax_core::text::ceil_char_boundary(text, sentence.end.min(span.end + WINDOW));
    let before = text.get(start..span.start).unwrap_or("");
    let marked = text.get(span.start..span.end).unwrap_or("");
    let after = text.get(span.end..end.max(span.end)).unwrap_or("");
    html! {
        a.ctx href=(links::evidence(corpus, doc, span)) {
            @if start > sentence.start { "…" }
            (before) mark { (marked) } (after)
            @if end < sentence.end { "…" }
        }
    }
}

/// A link to an article by its title, with outlet and day.
pub fn doc_link(corpus: &Corpus, doc: &str) -> Markup {
    let Some(&d) = corpus.doc_index.get(doc) else {
        return html! { (doc) };
    };
    let document = &corpus.dossier.documents[d];
    html! {
        a href=(links::doc(doc)) { (document.heading()) }
    }
}

pub fn outlet_link(name: &str) -> Markup {
    html! { a.outlet-name href=(links::outlet(name)) { (name) } }
}

pub fn entity_link(corpus: &Corpus, id: &str) -> Markup {
    match corpus.entity_name(id) {
        Some(name) => html! { a href=(links::entity(id)) { (name) } },
        None => html! {},
    }
}

/// "first N of M" when a list was cut.
pub fn cut_note(shown: usize, total: usize, api: &str) -> Markup {
    html! {
        @if shown < total {
            p.note { "Showing the first " (shown) " of " (total) "; all of them are in " a href=(api) { (api) } "." }
        }
    }
}

pub fn status_label(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::SingleSource => "one outlet",
        ClaimStatus::Agree => "agree",
        ClaimStatus::WithinHedges => "within hedges",
        ClaimStatus::Conflict => "conflict",
    }
}

pub fn status_class(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::SingleSource => "st-single",
        ClaimStatus::Agree => "st-agree",
        ClaimStatus::WithinHedges => "st-hedges",
        ClaimStatus::Conflict => "st-conflict",
    }
}

pub use parallax_core::text::format_number as number;

pub use parallax_core::text::format_estimate as estimate;
