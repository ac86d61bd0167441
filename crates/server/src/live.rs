//! The corpus as it is now: the served [`AppState`] is a snapshot of the store, replaced whole
//! when `parallax analyze` adds articles while the server runs.
//!
//! The store counts its writes ([`parallax_store::Store::generation`]). A watcher thread polls
//! that counter; when it moves, the dossier is rebuilt off the request path and swapped in under
//! a lock held only for the pointer swap. Each request takes one snapshot ([`Snapshot`]) and
//! answers from it alone, so a page never mixes two versions of the corpus, and requests keep
//! being served from the old snapshot while the new one is built.

use crate::{AppState, ServerError, Shared};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use parallax_store::Store;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// How often the watcher looks at the store's write counter. A look is one indexed read.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// The served snapshot and where it came from.
pub struct Live {
    dir: PathBuf,
    current: RwLock<Arc<AppState>>,
    /// The store connection the watcher reads the write counter through; the mutex also makes
    /// concurrent refreshes wait for each other instead of rebuilding twice.
    watch: Mutex<Store>,
}

impl Live {
    /// Loads the store in `dir`.
    pub fn load(dir: &Path) -> Result<Live, ServerError> {
        let state = AppState::load(dir)?;
        Ok(Live {
            dir: dir.to_path_buf(),
            current: RwLock::new(Arc::new(state)),
            watch: Mutex::new(Store::open(dir)?),
        })
    }

    /// The snapshot requests are answered from now.
    pub fn snapshot(&self) -> Arc<AppState> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Rebuilds the snapshot when the store has been written since it was taken. Returns
    /// whether it did.
    pub fn refresh(&self) -> Result<bool, ServerError> {
        let store = self.watch.lock().unwrap_or_else(PoisonError::into_inner);
        if store.generation()? == self.snapshot().generation {
            return Ok(false);
        }
        let fresh = Arc::new(AppState::load(&self.dir)?);
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = fresh;
        // The old snapshot goes when its last request ends; the loading's scratch now.
        crate::memory::release();
        Ok(true)
    }

    /// Starts the thread that keeps the snapshot current, logging each reload (and each failed
    /// one: the previous snapshot stays served).
    pub fn watch(self: &Arc<Self>) {
        let live = Arc::downgrade(self);
        std::thread::Builder::new()
            .name("store-watcher".to_string())
            .spawn(move || loop {
                std::thread::sleep(POLL_EVERY);
                // The server is gone when the last strong reference is.
                let Some(live) = live.upgrade() else { return };
                let started = Instant::now();
                match live.refresh() {
                    Ok(false) => {}
                    Ok(true) => eprintln!(
                        "store changed: reloaded {} articles in {:.1}s",
                        live.snapshot().corpus.dossier.documents.len(),
                        started.elapsed().as_secs_f64()
                    ),
                    Err(e) => eprintln!("store changed but could not be reloaded: {e}"),
                }
            })
            .map(drop)
            .unwrap_or_else(|e| eprintln!("cannot watch the store for new articles: {e}"));
    }
}

/// The snapshot one request is answered from: an extractor, so every handler takes exactly one.
pub struct Snapshot(pub Arc<AppState>);

impl FromRequestParts<Shared> for Snapshot {
    type Rejection = Infallible;

    async fn from_request_parts(_: &mut Parts, live: &Shared) -> Result<Self, Infallible> {
        Ok(Snapshot(live.snapshot()))
    }
}
