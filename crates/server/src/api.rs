//! The JSON API under `/api/`: everything the pages show, paginated (`?page=&per_page=`,
//! at most [`MAX_PER_PAGE`] items), documented by the OpenAPI file served at
//! `/api/openapi.json`.

use crate::error::AppError;
use crate::live::Snapshot;
use crate::search::{run_pooled, SearchParams};
use crate::state::{Corpus, Mark};
use crate::Shared;
use axum::{
    extract::{Path, Query},
    http::header,
    response::{IntoResponse, Json, Response},
    routing::get,
    Router,
};
use parallax_core::{
    Claim, DossierDocument, DossierFigure, DossierQuote, DossierTime, EntityMention, OutletActor,
    OutletLabel, OutletProfile,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub const DEFAULT_PER_PAGE: usize = 50;
pub const MAX_PER_PAGE: usize = 100;
const OPENAPI: &str = include_str!("../assets/openapi.json");

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/documents", get(documents))
        .route("/documents/{id}", get(document))
        .route("/entities", get(entities))
        .route("/entities/{id}", get(entity))
        .route("/quotes", get(quotes))
        .route("/figures", get(figures))
        .route("/claims", get(claims))
        .route("/places", get(places))
        .route("/events", get(events))
        .route("/stories", get(stories))
        .route("/stories/{id}/disputes", get(story_disputes))
        .route("/stories/{id}/timeline", get(story_timeline))
        .route("/stories/{id}/reuse", get(story_reuse))
        .route("/stories/{id}/quote_groups", get(story_quote_groups))
        .route("/outlets", get(outlets))
        .route("/search", get(search))
        .fallback(get(|| async { ApiError(AppError::not_found("API route")) }))
}

/// An [`AppError`] answered as JSON.
pub struct ApiError(pub AppError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0.status, Json(json!({ "error": self.0.message }))).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

/// Serializes while the corpus is borrowed.
fn json<T: Serialize>(value: T) -> ApiResult {
    Ok(Json(value).into_response())
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// Pagination and the filters the list endpoints accept.
#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    pub page: Option<usize>,
    pub per_page: Option<usize>,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub doc: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub status: String,
    /// An event type (`/api/events`): PLOVER's name or DISASTER / CRIME.
    #[serde(default, rename = "type")]
    pub event_type: String,
}

#[derive(Debug, Serialize)]
pub struct PageOf<T> {
    pub page: usize,
    pub per_page: usize,
    pub total: usize,
    pub items: Vec<T>,
}

fn paginate<T: Clone + Serialize, I: Iterator<Item = T>>(items: I, p: &ListParams) -> PageOf<T> {
    let page = p.page.unwrap_or(1).max(1);
    let per_page = p
        .per_page
        .unwrap_or(DEFAULT_PER_PAGE)
        .clamp(1, MAX_PER_PAGE);
    let mut total = 0;
    let mut out = Vec::new();
    let skip = (page - 1).saturating_mul(per_page);
    for item in items {
        if total >= skip && out.len() < per_page {
            out.push(item);
        }
        total += 1;
    }
    PageOf {
        page,
        per_page,
        total,
        items: out,
    }
}

fn opt(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    pub source: &'a str,
    pub sentences: usize,
    pub chars: usize,
}

async fn documents(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(
        c.dossier
            .documents
            .iter()
            .filter(|d| opt(&p.outlet).is_none_or(|o| d.outlet.as_deref() == Some(o)))
            .filter(|d| opt(&p.story).is_none_or(|st| c.story_has_doc(st, &d.id)))
            .map(summary),
        &p,
    ))
}

fn summary(d: &DossierDocument) -> DocumentSummary<'_> {
    DocumentSummary {
        id: &d.id,
        title: d.title.as_deref(),
        outlet: d.outlet.as_deref(),
        published: d.published.as_deref(),
        url: d.url.as_deref(),
        source: &d.source,
        sentences: d.sentences.len(),
        chars: d.text.chars().count(),
    }
}

#[derive(Serialize)]
struct DocumentDetail<'a> {
    document: &'a DossierDocument,
    stories: Vec<&'a str>,
    entities: Vec<EntityRef<'a>>,
    quotes: Vec<&'a DossierQuote>,
    figures: Vec<&'a DossierFigure>,
    times: Vec<&'a DossierTime>,
}

#[derive(Serialize)]
struct EntityRef<'a> {
    id: &'a str,
    name: &'a str,
    span: parallax_core::Span,
}

async fn document(Snapshot(s): Snapshot, Path(id): Path<String>) -> ApiResult {
    let c = &s.corpus;
    let &d = c
        .doc_index
        .get(&id)
        .ok_or(ApiError(AppError::not_found("document")))?;
    let dossier = &c.dossier;
    let mut detail = DocumentDetail {
        document: &dossier.documents[d],
        stories: c.doc_stories[d]
            .iter()
            .map(|&s| c.stories[s].id.as_str())
            .collect(),
        entities: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        times: Vec::new(),
    };
    for (span, mark) in &c.doc_marks[d] {
        match *mark {
            Mark::Entity(e) => detail.entities.push(EntityRef {
                id: &dossier.entities[e].id,
                name: &dossier.entities[e].name,
                span: *span,
            }),
            Mark::Quote(q) => detail.quotes.push(&dossier.quotes[q]),
            Mark::Figure(f) => detail.figures.push(&dossier.figures[f]),
            Mark::Time(t) => detail.times.push(&dossier.times[t]),
        }
    }
    json(detail)
}

#[derive(Clone, Serialize)]
struct EntitySummary<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    entity_type: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    /// How many mentions; left out of an entity's detail, whose `mentions` is their page.
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<usize>,
    documents: usize,
    quotes_said: usize,
}

fn entity_summary(c: &Corpus, e: usize) -> EntitySummary<'_> {
    let entity = &c.dossier.entities[e];
    EntitySummary {
        id: &entity.id,
        name: &entity.name,
        entity_type: entity.entity_type.as_str(),
        aliases: &entity.aliases,
        roles: &entity.roles,
        mentions: Some(entity.mentions.len()),
        documents: c.entity_docs[e].len(),
        quotes_said: c.said_by[e].len(),
    }
}

/// Entities, most mentioned first.
async fn entities(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(
        c.top_entities.iter().map(|&e| entity_summary(c, e)),
        &p,
    ))
}

#[derive(Serialize)]
struct EntityDetail<'a> {
    #[serde(flatten)]
    summary: EntitySummary<'a>,
    /// Its mentions, paginated by `page` and `per_page` like every list here.
    mentions: PageOf<&'a EntityMention>,
    said: PageOf<&'a DossierQuote>,
    said_about: PageOf<&'a DossierQuote>,
    /// How each outlet names it and its tone toward it; labels paginated like the lists.
    outlets: Vec<OutletFraming<'a>>,
}

/// One outlet's labels for an entity and its tone toward it.
#[derive(Serialize)]
struct OutletFraming<'a> {
    outlet: &'a str,
    labels: PageOf<&'a OutletLabel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tone: Option<ToneSummary>,
}

/// An outlet's tone toward an actor, without its per-article breakdown.
#[derive(Serialize)]
struct ToneSummary {
    tone: &'static str,
    score: f64,
    sentences: usize,
    documents: usize,
}

/// Each outlet's view of entity `id` (labels and tone), in outlet order.
pub fn outlet_framing<'c>(c: &'c Corpus, id: &str) -> Vec<(&'c str, &'c OutletActor)> {
    c.dossier
        .outlets
        .iter()
        .filter_map(|o| {
            let actor = o.actors.iter().find(|a| a.entity == id)?;
            Some((o.outlet.as_str(), actor))
        })
        .collect()
}

/// One entity; its mentions and quotations are pages (`?page=&per_page=`) because a central
/// actor of a large corpus has hundreds of thousands.
async fn entity(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
    Query(p): Query<ListParams>,
) -> ApiResult {
    let c = &s.corpus;
    let &e = c
        .entity_index
        .get(&id)
        .ok_or(ApiError(AppError::not_found("entity")))?;
    json(EntityDetail {
        summary: EntitySummary {
            mentions: None,
            ..entity_summary(c, e)
        },
        mentions: paginate(c.dossier.entities[e].mentions.iter(), &p),
        said: paginate(c.said_by[e].iter().map(|&q| &c.dossier.quotes[q]), &p),
        said_about: paginate(c.said_about[e].iter().map(|&q| &c.dossier.quotes[q]), &p),
        outlets: outlet_framing(c, &c.dossier.entities[e].id)
            .into_iter()
            .map(|(outlet, actor)| OutletFraming {
                outlet,
                labels: paginate(actor.labels.iter(), &p),
                tone: actor.tone.as_ref().map(|t| ToneSummary {
                    tone: t.tone.as_str(),
                    score: t.score,
                    sentences: t.sentences,
                    documents: t.documents.len(),
                }),
            })
            .collect(),
    })
}

async fn quotes(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(
        c.dossier
            .quotes
            .iter()
            .filter(|q| opt(&p.doc).is_none_or(|d| q.evidence.doc == d))
            .filter(|q| opt(&p.speaker).is_none_or(|sp| q.speaker.as_deref() == Some(sp)))
            .filter(|q| opt(&p.outlet).is_none_or(|o| c.outlet_of(&q.evidence.doc) == o))
            .filter(|q| opt(&p.story).is_none_or(|st| c.story_has_doc(st, &q.evidence.doc))),
        &p,
    ))
}

async fn figures(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(
        c.dossier
            .figures
            .iter()
            .filter(|f| opt(&p.doc).is_none_or(|d| f.doc == d))
            .filter(|f| opt(&p.outlet).is_none_or(|o| c.outlet_of(&f.doc) == o))
            .filter(|f| opt(&p.story).is_none_or(|st| c.story_has_doc(st, &f.doc))),
        &p,
    ))
}

async fn claims(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    let status = |claim: &Claim| {
        serde_json::to_value(claim.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    json(paginate(
        c.dossier
            .claims
            .iter()
            .filter(|cl| opt(&p.story).is_none_or(|st| Corpus::in_story(st, cl.story.as_deref())))
            .filter(|cl| opt(&p.outlet).is_none_or(|o| cl.outlets.iter().any(|x| x == o)))
            .filter(|cl| opt(&p.status).is_none_or(|st| status(cl) == st)),
        &p,
    ))
}

async fn places(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(
        c.dossier
            .places
            .iter()
            .filter(|pl| opt(&p.story).is_none_or(|st| Corpus::in_story(st, pl.story.as_deref())))
            .filter(|pl| opt(&p.outlet).is_none_or(|o| pl.outlets.iter().any(|x| x == o))),
        &p,
    ))
}

/// Coded events merged across outlets, filtered by story, outlet, article and type.
async fn events(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(
        c.dossier
            .events
            .iter()
            .filter(|e| opt(&p.story).is_none_or(|st| Corpus::in_story(st, e.story.as_deref())))
            .filter(|e| opt(&p.outlet).is_none_or(|o| e.outlets.iter().any(|x| x == o)))
            .filter(|e| opt(&p.doc).is_none_or(|d| e.reports.iter().any(|r| r.evidence.doc == d)))
            .filter(|e| {
                opt(&p.event_type).is_none_or(|t| e.event_type.as_str().eq_ignore_ascii_case(t))
            }),
        &p,
    ))
}

/// Stories, then the whole corpus as the story `all`.
async fn stories(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    json(paginate(c.stories.iter(), &p))
}

/// One page of the items of story `id` that `items` picks from the corpus, or 404 when there
/// is no such story: the shared body of the `/api/stories/{id}/...` endpoints.
fn story_page<'c, T, I>(
    c: &'c Corpus,
    id: &str,
    p: &ListParams,
    items: impl FnOnce(&'c parallax_core::Story) -> I,
) -> ApiResult
where
    T: Clone + Serialize,
    I: Iterator<Item = T>,
{
    let story = c.story(id).ok_or(ApiError(AppError::not_found("story")))?;
    json(paginate(items(story), p))
}

/// A story's disputes: statements and the other side's denials.
async fn story_disputes(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
    Query(p): Query<ListParams>,
) -> ApiResult {
    let c = &s.corpus;
    story_page(c, &id, &p, |story| {
        c.dossier
            .disputes
            .iter()
            .filter(|d| Corpus::in_story(&story.id, d.story.as_deref()))
    })
}

/// A story's timeline, in date order.
async fn story_timeline(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
    Query(p): Query<ListParams>,
) -> ApiResult {
    let c = &s.corpus;
    story_page(c, &id, &p, |story| {
        c.dossier
            .timeline
            .iter()
            .filter(|t| Corpus::in_story(&story.id, t.story.as_deref()))
    })
}

/// The passages a story's articles share.
async fn story_reuse(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
    Query(p): Query<ListParams>,
) -> ApiResult {
    let c = &s.corpus;
    story_page(c, &id, &p, |story| {
        c.story_items(story, &c.doc_passages, c.dossier.reuse.len())
            .into_iter()
            .map(|r| &c.dossier.reuse[r])
    })
}

/// The statements a story's articles quote alike.
async fn story_quote_groups(
    Snapshot(s): Snapshot,
    Path(id): Path<String>,
    Query(p): Query<ListParams>,
) -> ApiResult {
    let c = &s.corpus;
    story_page(c, &id, &p, |story| {
        c.story_items(story, &c.doc_quote_groups, c.dossier.quote_groups.len())
            .into_iter()
            .map(|g| &c.dossier.quote_groups[g])
    })
}

async fn outlets(Snapshot(s): Snapshot, Query(p): Query<ListParams>) -> ApiResult {
    let c = &s.corpus;
    let profiles: Vec<OutletProfile> = c
        .outlet_docs
        .iter()
        .map(|(name, docs)| {
            c.dossier
                .outlets
                .iter()
                .find(|o| &o.outlet == name)
                .cloned()
                .unwrap_or_else(|| OutletProfile {
                    outlet: name.clone(),
                    documents: docs
                        .iter()
                        .map(|&d| c.dossier.documents[d].id.clone())
                        .collect(),
                    stories: Vec::new(),
                    exclusive_claims: Vec::new(),
                    omitted_claims: Vec::new(),
                    opinion_share: 0.0,
                    sentences: 0,
                    opinion_sentences: 0,
                    actors: Vec::new(),
                    loaded_terms: Vec::new(),
                })
        })
        .collect();
    json(paginate(profiles.into_iter(), &p))
}

async fn search(Snapshot(s): Snapshot, Query(p): Query<SearchParams>) -> ApiResult {
    let answer = run_pooled(s.clone(), p.clone()).await.map_err(ApiError)?;
    let c = &s.corpus;
    let r = &answer.results;
    json(json!({
        "query": p.q,
        "page": p.page(),
        "per_page": p.per_page(),
        "total": r.total,
        "exact": r.exact,
        "hits": r.hits.iter().map(|h| json!({
            "doc": h.doc,
            "kind": h.kind,
            "title": h.title.as_deref().map(strip_marks),
            "outlet": h.outlet,
            "published": h.published,
            "span": h.span.map(|(start, end)| json!({"start": start, "end": end})),
            "snippet": strip_marks(&h.snippet),
            "highlights": marked_ranges(&h.snippet),
            "score": h.score,
        })).collect::<Vec<_>>(),
        "facets": {
            "outlet": r.outlets.iter().map(|(o, n)| json!({"value": o, "count": n})).collect::<Vec<_>>(),
            "kind": r.kinds.iter().map(|(k, n)| json!({"value": k, "count": n})).collect::<Vec<_>>(),
            "story": answer.stories.iter().map(|&(st, n)| json!({"value": c.stories[st].id, "label": c.stories[st].label, "count": n})).collect::<Vec<_>>(),
            "entity": answer.entities.iter().map(|&(e, n)| json!({"value": c.dossier.entities[e].id, "label": c.dossier.entities[e].name, "count": n})).collect::<Vec<_>>(),
        },
        "entities_named": answer.named.iter().map(|&e| entity_summary(c, e)).collect::<Vec<_>>(),
    }))
}

/// The snippet without the index's match markers.
fn strip_marks(s: &str) -> String {
    parallax_store::search::snippet_pieces(s)
        .into_iter()
        .map(|(_, p)| p)
        .collect()
}

/// Character ranges of the marked stretches in the stripped snippet.
fn marked_ranges(s: &str) -> Vec<[usize; 2]> {
    let mut at = 0;
    let mut out = Vec::new();
    for (hot, piece) in parallax_store::search::snippet_pieces(s) {
        let n = piece.chars().count();
        if hot {
            out.push([at, at + n]);
        }
        at += n;
    }
    out
}
