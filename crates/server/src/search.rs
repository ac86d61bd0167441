//! Search as both the page and the API run it: parameters checked, facets turned into document
//! filters, the store's FTS5 index queried on a blocking thread, and the story and entity facets
//! counted over the best matches.
//!
//! At most [`MAX_SEARCHES`] searches run at once, each on one of as many pooled index
//! connections (each holds a page cache of up to 64 MB): under hundreds of concurrent clients
//! the pool grew to one connection and one blocking thread per client, and the memory never
//! came back. A search waits at most [`SEARCH_WAIT`] for its turn, then is answered 503.

use crate::error::AppError;
use crate::state::{Corpus, Mark, ALL_STORY};
use parallax_store::search::{Filters, HitKind, Query, Results, SearchError, Searcher};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Searches running at once, and so index connections open at most.
pub const MAX_SEARCHES: usize = 4;
/// How long a search waits for one of the [`MAX_SEARCHES`] turns before it is refused.
pub const SEARCH_WAIT: Duration = Duration::from_secs(5);

/// Hits per page unless asked otherwise.
pub const DEFAULT_PER_PAGE: usize = 20;
/// Deepest page reachable: deep pages cost a ranking of every earlier hit.
pub const MAX_PAGE_NUMBER: usize = 50;
/// The story and entity facets count over this many of the best matches.
pub const FACET_DOCS: usize = 500;
/// Entities whose name matches the query, shown beside the hits.
const NAME_MATCHES: usize = 8;

/// The query string of `/search` and `/api/search`.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub entity: String,
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub kind: String,
    pub page: Option<usize>,
    pub per_page: Option<usize>,
}

impl SearchParams {
    pub fn page(&self) -> usize {
        self.page.unwrap_or(1).clamp(1, MAX_PAGE_NUMBER)
    }

    pub fn per_page(&self) -> usize {
        self.per_page
            .unwrap_or(DEFAULT_PER_PAGE)
            .clamp(1, parallax_store::search::MAX_PAGE)
    }
}

/// What a search found.
#[derive(Debug, Default)]
pub struct Answer {
    pub results: Results,
    /// (story index, matching documents among the best matches), most first.
    pub stories: Vec<(usize, usize)>,
    /// (entity index, matching documents among the best matches), most first.
    pub entities: Vec<(usize, usize)>,
    /// Entities whose name or alias contains the query's words.
    pub named: Vec<usize>,
}

/// Read-only index connections, reused across requests (a connection is not shareable). The
/// first one opened is kept as the template the others are connected from, so the document
/// table is read once. Searches take a turn ([`run_pooled`]) before a connection, so at most
/// [`MAX_SEARCHES`] (plus the template) are ever open.
pub struct Searchers {
    dir: PathBuf,
    template: Mutex<Option<Searcher>>,
    idle: Mutex<Vec<Searcher>>,
    turns: Arc<Semaphore>,
}

impl Searchers {
    pub fn new(dir: PathBuf) -> Searchers {
        Searchers {
            dir,
            template: Mutex::new(None),
            idle: Mutex::new(Vec::new()),
            turns: Arc::new(Semaphore::new(MAX_SEARCHES)),
        }
    }

    /// Index connections open now, the template included.
    pub fn open_connections(&self) -> usize {
        let idle = self.idle.lock().map_or(0, |i| i.len());
        let template = self.template.lock().map_or(0, |t| usize::from(t.is_some()));
        idle + template
    }

    fn take(&self) -> Result<Searcher, SearchError> {
        if let Some(s) = self.idle.lock().ok().and_then(|mut idle| idle.pop()) {
            return Ok(s);
        }
        let mut template = self
            .template
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match template.as_ref() {
            Some(t) => t.connect(),
            None => {
                let first = Searcher::open(&self.dir)?;
                let searcher = first.connect()?;
                *template = Some(first);
                Ok(searcher)
            }
        }
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&Searcher) -> Result<T, SearchError>,
    ) -> Result<T, SearchError> {
        let searcher = self.take()?;
        let out = f(&searcher);
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(searcher);
        }
        out
    }
}

fn is_day(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Runs the search of `params` on a blocking thread once one of the [`MAX_SEARCHES`] turns is
/// free; 503 when none frees up within [`SEARCH_WAIT`].
pub async fn run_pooled(
    state: Arc<crate::AppState>,
    params: SearchParams,
) -> Result<Answer, AppError> {
    let turn = tokio::time::timeout(SEARCH_WAIT, state.searchers.turns.clone().acquire_owned())
        .await
        .ok()
        .and_then(Result::ok)
        .ok_or_else(|| AppError::busy("too many searches at once: retry in a moment"))?;
    tokio::task::spawn_blocking(move || {
        let answer = run(&state.corpus, &state.searchers, &params);
        drop(turn);
        answer
    })
    .await
    .unwrap_or_else(|e| Err(AppError::internal(e.to_string())))
}

/// Runs the search of `params` (blocking: call it off the async threads).
pub fn run(
    corpus: &Corpus,
    searchers: &Searchers,
    params: &SearchParams,
) -> Result<Answer, AppError> {
    let query = Query::parse(&params.q).map_err(|e| AppError::bad_request(e.to_string()))?;
    let mut filters = Filters::default();
    if !params.outlet.is_empty() {
        filters.outlet = Some(params.outlet.clone());
    }
    for (value, slot, name) in [
        (&params.from, &mut filters.from, "from"),
        (&params.to, &mut filters.to, "to"),
    ] {
        if !value.is_empty() {
            if !is_day(value) {
                return Err(AppError::bad_request(format!(
                    "`{name}` must be a date written YYYY-MM-DD"
                )));
            }
            *slot = Some(value.clone());
        }
    }
    if !params.kind.is_empty() {
        filters.kind = Some(HitKind::parse(&params.kind).ok_or_else(|| {
            AppError::bad_request("`kind` must be `article` or `quote`".to_string())
        })?);
    }
    filters.docs = doc_filter(corpus, params)?;

    let per_page = params.per_page();
    let offset = (params.page() - 1) * per_page;
    let results = searchers
        .with(|s| s.search(&query, &filters, offset, per_page, FACET_DOCS))
        .map_err(|e| match e {
            SearchError::Query(q) => AppError::bad_request(q.to_string()),
            other => AppError::internal(other.to_string()),
        })?;

    let mut stories: HashMap<usize, usize> = HashMap::new();
    let mut entities: HashMap<usize, usize> = HashMap::new();
    for d in results
        .top_docs
        .iter()
        .filter_map(|d| corpus.doc_index.get(d))
    {
        for &s in &corpus.doc_stories[*d] {
            *stories.entry(s).or_default() += 1;
        }
        let mut seen: Vec<usize> = corpus.doc_marks[*d]
            .iter()
            .filter_map(|(_, m)| match m {
                Mark::Entity(e) => Some(*e),
                _ => None,
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for e in seen {
            *entities.entry(e).or_default() += 1;
        }
    }
    Ok(Answer {
        results,
        stories: most_first(stories, 10),
        entities: most_first(entities, 12),
        named: named_entities(corpus, &params.q),
    })
}

fn most_first(counts: HashMap<usize, usize>, keep: usize) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(keep);
    v
}

/// The documents an entity or story facet restricts the search to.
fn doc_filter(corpus: &Corpus, params: &SearchParams) -> Result<Option<Vec<String>>, AppError> {
    let ids = |docs: &[usize]| -> Vec<String> {
        docs.iter()
            .map(|&d| corpus.dossier.documents[d].id.clone())
            .collect()
    };
    let mut docs: Option<Vec<String>> = None;
    if !params.entity.is_empty() {
        let &e = corpus
            .entity_index
            .get(&params.entity)
            .ok_or_else(|| AppError::bad_request("no such entity".to_string()))?;
        docs = Some(ids(&corpus.entity_docs[e]));
    }
    if !params.story.is_empty() && params.story != ALL_STORY {
        let story = corpus
            .story(&params.story)
            .ok_or_else(|| AppError::bad_request("no such story".to_string()))?;
        docs = Some(match docs {
            Some(d) => d
                .into_iter()
                .filter(|id| story.documents.contains(id))
                .collect(),
            None => story.documents.clone(),
        });
    }
    Ok(docs)
}

/// Entities whose name or an alias contains every word of the query (case-insensitive).
fn named_entities(corpus: &Corpus, q: &str) -> Vec<usize> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 && *w != "OR")
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    corpus.entity_names.matching(&words, NAME_MATCHES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_checked() {
        assert!(is_day("2031-05-09"));
        assert!(!is_day("2031-5-9"));
        assert!(!is_day("2031-05-09' OR 1"));
    }
}
