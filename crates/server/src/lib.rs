//! `parallax serve`: the web app and JSON API over a stored corpus, with full-text search.
//!
//! The store's documents and analyses are read and assembled into the dossier
//! ([`state::Corpus`]), kept in memory with id → item maps; pages ([`pages`]) and the JSON API
//! ([`api`]) are lookups into it. When `parallax analyze` writes to the store while the server
//! runs, the dossier is rebuilt and swapped in ([`live`]). Search ([`search`]) runs on the store's FTS5 index through
//! read-only connections. Every response carries a strict Content-Security-Policy
//! ([`security`]); pages are rendered by maud, which escapes all article text and metadata.
//! Requests must name the server's own host, and carry a token when it is reachable from
//! other machines ([`access`]); connections are capped, timed out and shed when the server is
//! full ([`net`]).
//!
//! # Example
//!
//! The app is an axum router over a stored corpus; a request needs no socket.
//!
//! ```
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use parallax_core::Document;
//! use std::sync::Arc;
//! use tower::ServiceExt;
//!
//! let dir = tempfile::tempdir()?;
//! let doc = Document::new("d1", "Police arrested 12 protesters in Tbilisi.", "a.txt");
//! let analysis = parallax_pipeline::analyze(&doc);
//! parallax_store::Store::open(dir.path())?.put(&[(doc, analysis)])?;
//! let live = Arc::new(parallax_server::live::Live::load(dir.path())?);
//! let runtime = tokio::runtime::Runtime::new()?;
//! let response = runtime.block_on(
//!     parallax_server::app(live).oneshot(Request::get("/api/documents").body(Body::empty())?),
//! )?;
//! assert_eq!(response.status(), StatusCode::OK);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod access;
pub mod api;
pub mod error;
pub mod links;
pub mod live;
pub mod memory;
pub mod names;
pub mod net;
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
    #[error(
        "{0} is reachable from other machines: pass --public to serve there (every request then needs the access token)"
    )]
    NotLoopback(SocketAddr),
    #[error("cannot make an access token: {0}")]
    Token(String),
}

/// How `parallax serve` may be reached.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// Host names accepted besides localhost and the loopback and bound addresses.
    pub allow_hosts: Vec<String>,
    /// Whether binding beyond loopback is intended.
    pub public: bool,
    /// The access token required when public; made at random when `None`.
    pub token: Option<String>,
    /// Connection bounds; [`net::Limits::for_this_process`] sizes them to the open-file limit.
    pub limits: net::Limits,
}

impl AppState {
    /// Reads the store in `dir` (backfilling its search index if it predates search) and builds
    /// the dossier.
    pub fn load(dir: &Path) -> Result<AppState, ServerError> {
        // A mistyped path must not leave an empty store behind.
        let store = Store::open_existing(dir)?;
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

/// [`app`] behind the access rules: what is actually served.
pub fn guarded_app(state: Shared, access: access::Access) -> Router {
    app(state).layer(axum::middleware::from_fn_with_state(
        Arc::new(access),
        access::guard,
    ))
}

/// Loads the store and serves until interrupted (Ctrl-C), reloading when the store changes.
/// An address beyond loopback is refused unless `options.public`, and then needs a token.
pub fn serve(dir: &Path, addr: SocketAddr, options: &ServeOptions) -> Result<(), ServerError> {
    if !addr.ip().is_loopback() && !options.public {
        return Err(ServerError::NotLoopback(addr));
    }
    let token = match (&options.token, options.public) {
        (_, false) => None,
        (Some(t), true) => Some(t.clone()),
        (None, true) => Some(access::new_token().map_err(|e| ServerError::Token(e.to_string()))?),
    };
    let started = std::time::Instant::now();
    let live = Arc::new(live::Live::load(dir)?);
    {
        let state = live.snapshot();
        eprintln!(
            "store {} holds {} articles ({} entities, {} claims), loaded in {:.1}s",
            dir.display(),
            state.corpus.dossier.documents.len(),
            state.corpus.dossier.entities.len(),
            state.corpus.dossier.claims.len(),
            started.elapsed().as_secs_f64()
        );
    }
    live.watch();
    // Loading freed much (the stored JSON, the assembly's scratch): give it back.
    memory::release();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Blocking work is searches, which take one of a few turns: a small pool keeps
        // threads (and their memory arenas) from growing with the number of clients.
        .max_blocking_threads(2 * search::MAX_SEARCHES)
        .build()
        .map_err(ServerError::Runtime)?;
    let limits = options.limits;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        let bound = listener.local_addr().unwrap_or(addr);
        let access = access::Access::new(bound, &options.allow_hosts, token.clone());
        match &token {
            Some(token) => eprintln!(
                "serving http://{bound}/?token={token} (reachable from other machines; every request needs this token; Ctrl-C to stop)"
            ),
            None => eprintln!("serving http://{bound}/ (Ctrl-C to stop)"),
        }
        net::serve(listener, guarded_app(live, access), limits, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        Ok(())
    })
}
