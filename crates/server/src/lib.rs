//! `parallax serve`: the web app and JSON API over a stored corpus, with full-text search.
//!
//! The store's documents and analyses are read and assembled into the dossier
//! ([`state::Corpus`]), kept in memory with id → item maps; pages ([`pages`]) and the JSON API
//! ([`api`]) are lookups into it. When `parallax analyze` writes to the store while the server
//! runs, the dossier is rebuilt and swapped in ([`live`]). Search ([`search`]) runs on the store's FTS5 index through
//! read-only connections. Every response carries a strict Content-Security-Policy
//! ([`security`]); pages are rendered by maud, which escapes all article text and metadata.

pub mod api;
pub mod error;
pub mod links;
pub mod live;
pub mod names;
pub mod pages;
pub mod search;
pub mod security;
pub mod state;

use axum::{routing::get, Router};
use parallax_store::{Store, StoreError};
use state::Corpus;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the handlers share.
pub struct AppState {
    pub corpus: Corpus,
    pub searchers: search::Searchers,
    /// The store's write counter when it was read; see [`live`].
    pub generation: i64,
}

/// What the router holds: the live snapshot of the store.
pub type Shared = Arc<live::Live>;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "the store {0} holds no analyzed articles; run `parallax analyze --store {0} …` first"
    )]
    EmptyStore(PathBuf),
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server failed: {0}")]
    Serve(std::io::Error),
}

impl AppState {
    /// Reads the store in `dir` (backfilling its search index if it predates search) and builds
    /// the dossier.
    pub fn load(dir: &Path) -> Result<AppState, ServerError> {
        let store = Store::open(dir)?;
        // Read before the documents: a write landing in between then triggers another reload
        // rather than being missed.
        let generation = store.generation()?;
        let corpus = store.all()?;
        if corpus.is_empty() {
            return Err(ServerError::EmptyStore(dir.to_path_buf()));
        }
        let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
        drop(corpus);
        Ok(AppState {
            corpus: Corpus::new(dossier),
            searchers: search::Searchers::new(dir.to_path_buf()),
            generation,
        })
    }
}

/// The router of the whole app.
pub fn app(state: Shared) -> Router {
    Router::new()
        .merge(pages::routes())
        .nest("/api", api::routes())
        .fallback(get(pages::not_found))
        .layer(axum::middleware::from_fn(security::guard))
        .layer(axum::extract::DefaultBodyLimit::max(1024))
        .with_state(state)
}

/// Loads the store and serves until interrupted (Ctrl-C), reloading when the store changes.
pub fn serve(dir: &Path, addr: SocketAddr) -> Result<(), ServerError> {
    let started = std::time::Instant::now();
    let live = Arc::new(live::Live::load(dir)?);
    {
        let state = live.snapshot();
        eprintln!(
            "loaded {} articles, {} entities, {} claims from {} in {:.1}s",
            state.corpus.dossier.documents.len(),
            state.corpus.dossier.entities.len(),
            state.corpus.dossier.claims.len(),
            dir.display(),
            started.elapsed().as_secs_f64()
        );
    }
    live.watch();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        let bound = listener.local_addr().unwrap_or(addr);
        if !bound.ip().is_loopback() {
            eprintln!("warning: listening on {bound}, reachable from other machines");
        }
        eprintln!("serving http://{bound}/ (Ctrl-C to stop)");
        axum::serve(listener, app(live))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(ServerError::Serve)
    })
}
