//! The embedded store: documents and their analyses in one SQLite file inside a folder.
//!
//! The store is what makes `parallax analyze` incremental. A document is keyed by its id (a
//! content hash of its text); its analysis is reused when it was made by the same pipeline
//! version from the same metadata (metadata such as the publication date changes the analysis,
//! e.g. relative dates). Every write is one SQLite transaction in WAL mode, so a crash or a bad
//! file mid-run never leaves a half-written document: what was stored before stays intact.
//!
//! The full-text index ([`search`]) lives in the same database and is written in the same
//! transaction as each document.
//!
//! # Example
//!
//! ```
//! use parallax_core::Document;
//! use parallax_store::Store;
//!
//! let dir = tempfile::tempdir()?;
//! let doc = Document::new("d1", "Police arrested 12 protesters.", "a.txt");
//! let analysis = parallax_pipeline::analyze(&doc);
//! let mut store = Store::open(dir.path())?;
//! store.put(&[(doc, analysis)])?;
//! assert_eq!(store.len()?, 1);
//! // Reopened later, the store gives back what was put.
//! let again = Store::open_existing(dir.path())?;
//! assert_eq!(again.all()?[0].0.id, "d1");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod manage;
pub mod search;

pub use manage::{Selection, StoreInfo, StoredArticle};

use parallax_core::{Analysis, Document};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// File name of the database inside the store folder.
pub const DATABASE_FILE: &str = "parallax.sqlite";

/// Schema version; a store with another version is refused rather than misread.
const SCHEMA_VERSION: i64 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create store folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("store {path} has schema version {found}, this parallax expects {SCHEMA_VERSION}")]
    Schema { path: PathBuf, found: i64 },
    #[error("{0} holds no Parallax store (no {DATABASE_FILE}): give the folder `parallax analyze --store` wrote, or run `parallax analyze --store {0} …` first")]
    Missing(PathBuf),
    #[error("store {path}: stored record for {doc} is corrupt: {source}")]
    Corrupt {
        path: PathBuf,
        doc: String,
        source: serde_json::Error,
    },
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the store in `dir`, creating the folder and database when missing.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        let conn = Connection::open(&path).map_err(|source| StoreError::Sqlite {
            path: path.clone(),
            source,
        })?;
        let store = Store { conn, path };
        store.init()?;
        Ok(store)
    }

    /// Opens the store in `dir` only if one is there: a mistyped path is an error that
    /// creates nothing.
    pub fn open_existing(dir: &Path) -> Result<Store, StoreError> {
        if !dir.join(DATABASE_FILE).is_file() {
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        Store::open(dir)
    }

    fn sql<T>(&self, result: rusqlite::Result<T>) -> Result<T, StoreError> {
        result.map_err(|source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        })
    }

    /// Creates what is missing of the schema, in one transaction: a process killed while
    /// creating a store leaves either no tables or all of them.
    fn init(&self) -> Result<(), StoreError> {
        self.sql(self.conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;",
        ))?;
        let tx = self.sql(self.conn.unchecked_transaction())?;
        self.sql(tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS documents (
                 id TEXT PRIMARY KEY,
                 source TEXT NOT NULL,
                 document TEXT NOT NULL,
                 added_at INTEGER NOT NULL DEFAULT (unixepoch())
             );
             CREATE TABLE IF NOT EXISTS analyses (
                 doc TEXT PRIMARY KEY REFERENCES documents(id),
                 pipeline_version TEXT NOT NULL,
                 meta TEXT NOT NULL,
                 analysis TEXT NOT NULL
             );",
        ))?;
        self.sql(tx.execute_batch(search::CREATE_INDEX))?;
        let found: Option<i64> = self.sql(
            tx.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional(),
        )?;
        match found {
            None => {
                self.sql(tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?1)",
                    params![SCHEMA_VERSION],
                ))?;
            }
            Some(SCHEMA_VERSION) => {}
            Some(found) => {
                return Err(StoreError::Schema {
                    path: self.path.clone(),
                    found,
                })
            }
        }
        self.sql(tx.commit())?;
        self.backfill_search()
    }

    /// Indexes every stored document when the index is missing or of another version (a store
    /// written before search existed), in one transaction.
    fn backfill_search(&self) -> Result<(), StoreError> {
        let version: Option<i64> = self.sql(
            self.conn
                .query_row("SELECT value FROM meta WHERE key = 'search'", [], |r| {
                    r.get(0)
                })
                .optional(),
        )?;
        if version == Some(search::SEARCH_VERSION) {
            return Ok(());
        }
        let items = self.all()?;
        let rowids: Vec<i64> = {
            let mut stmt = self.sql(
                self.conn
                    .prepare("SELECT rowid FROM documents WHERE id = ?1"),
            )?;
            items
                .iter()
                .map(|(d, _)| self.sql(stmt.query_row(params![d.id], |r| r.get(0))))
                .collect::<Result<_, _>>()?
        };
        let tx = self.sql(self.conn.unchecked_transaction())?;
        self.sql(tx.execute_batch(search::DROP_INDEX))?;
        self.sql(tx.execute_batch(search::CREATE_INDEX))?;
        for ((doc, analysis), rowid) in items.iter().zip(rowids) {
            self.sql(search::index_items(&tx, rowid, doc, analysis))?;
        }
        self.sql(tx.execute(
            "INSERT INTO meta (key, value) VALUES ('search', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![search::SEARCH_VERSION],
        ))?;
        self.sql(tx.commit())?;
        self.compact_search(items.len())
    }

    /// The stored analysis of `doc`, if one was made by `pipeline_version` from the same
    /// metadata as `doc` has now.
    pub fn reusable_analysis(
        &self,
        doc: &Document,
        pipeline_version: &str,
    ) -> Result<Option<Analysis>, StoreError> {
        let row: Option<(String, String, String)> = self.sql(
            self.conn
                .query_row(
                    "SELECT pipeline_version, meta, analysis FROM analyses WHERE doc = ?1",
                    params![doc.id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional(),
        )?;
        let Some((version, meta, analysis)) = row else {
            return Ok(None);
        };
        if version != pipeline_version || meta != meta_key(doc) {
            return Ok(None);
        }
        serde_json::from_str(&analysis)
            .map(Some)
            .map_err(|source| StoreError::Corrupt {
                path: self.path.clone(),
                doc: doc.id.clone(),
                source,
            })
    }

    /// Stores documents with their analyses, all in one transaction.
    pub fn put(&mut self, items: &[(Document, Analysis)]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let wrap = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        {
            let mut put_doc = tx
                .prepare_cached(
                    "INSERT INTO documents (id, source, document) VALUES (?1, ?2, ?3)
                     ON CONFLICT(id) DO UPDATE SET source = excluded.source, document = excluded.document
                     RETURNING rowid",
                )
                .map_err(wrap)?;
            let mut put_analysis = tx
                .prepare_cached(
                    "INSERT INTO analyses (doc, pipeline_version, meta, analysis) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(doc) DO UPDATE SET pipeline_version = excluded.pipeline_version,
                         meta = excluded.meta, analysis = excluded.analysis",
                )
                .map_err(wrap)?;
            for (doc, analysis) in items {
                let doc_json = serde_json::to_string(doc).unwrap_or_default();
                let analysis_json = serde_json::to_string(analysis).unwrap_or_default();
                let rowid: i64 = put_doc
                    .query_row(params![doc.id, doc.source, doc_json], |r| r.get(0))
                    .map_err(wrap)?;
                put_analysis
                    .execute(params![
                        doc.id,
                        analysis.pipeline_version,
                        meta_key(doc),
                        analysis_json
                    ])
                    .map_err(wrap)?;
                search::index_items(&tx, rowid, doc, analysis).map_err(wrap)?;
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('generation', 1)
                 ON CONFLICT(key) DO UPDATE SET value = value + 1",
                [],
            )
            .map_err(wrap)?;
        }
        tx.commit().map_err(wrap)
    }

    /// Merges the search index after a run that stored `added` documents (see
    /// [`search::compact`]): call it once per run, after the last [`Store::put`].
    pub fn compact_search(&self, added: usize) -> Result<(), StoreError> {
        let total = self.len()?;
        self.sql(search::compact(&self.conn, added, total))
    }

    /// A counter that every [`Store::put`] raises, in the same transaction as its documents: a
    /// reader that sees it unchanged has seen every document. 0 for a store never written.
    pub fn generation(&self) -> Result<i64, StoreError> {
        let found: Option<i64> = self.sql(
            self.conn
                .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
                    r.get(0)
                })
                .optional(),
        )?;
        Ok(found.unwrap_or(0))
    }

    /// Number of stored documents.
    pub fn len(&self) -> Result<usize, StoreError> {
        let n: i64 = self.sql(
            self.conn
                .query_row("SELECT count(*) FROM documents", [], |r| r.get(0)),
        )?;
        Ok(n as usize)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// Every stored document with its analysis, in id order.
    pub fn all(&self) -> Result<Vec<(Document, Analysis)>, StoreError> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT d.id, d.document, a.analysis FROM documents d JOIN analyses a ON a.doc = d.id ORDER BY d.id",
        ))?;
        let mut rows = self.sql(stmt.query([]))?;
        let mut out = Vec::new();
        // Each row is parsed straight from SQLite's buffer: holding every row's JSON text
        // before parsing doubled the peak memory of loading a large store.
        while let Some(row) = self.sql(rows.next())? {
            let id: String = self.sql(row.get(0))?;
            let text = |i: usize| -> Result<&str, StoreError> {
                self.sql(row.get_ref(i).and_then(|v| {
                    v.as_str().map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e))
                    })
                }))
            };
            let corrupt = |source| StoreError::Corrupt {
                path: self.path.clone(),
                doc: id.clone(),
                source,
            };
            let doc = serde_json::from_str(text(1)?).map_err(corrupt)?;
            let analysis = serde_json::from_str(text(2)?).map_err(corrupt)?;
            out.push((doc, analysis));
        }
        Ok(out)
    }
}

/// What of a document, besides its text, its analysis depends on.
fn meta_key(doc: &Document) -> String {
    serde_json::to_string(&doc.meta).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::Document;

    fn doc(id: &str, published: Option<&str>) -> Document {
        let mut d = Document::new(id, "Text.", "a.txt");
        d.meta.published = published.map(str::to_string);
        d
    }

    fn analysis(id: &str, version: &str) -> Analysis {
        Analysis {
            doc: id.to_string(),
            pipeline_version: version.to_string(),
            ..Analysis::default()
        }
    }

    #[test]
    fn reuses_only_same_version_and_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .put(&[(doc("d1", Some("2008-08-08")), analysis("d1", "1"))])
            .unwrap();
        assert!(store
            .reusable_analysis(&doc("d1", Some("2008-08-08")), "1")
            .unwrap()
            .is_some());
        assert!(store
            .reusable_analysis(&doc("d1", Some("2008-08-08")), "2")
            .unwrap()
            .is_none());
        assert!(store
            .reusable_analysis(&doc("d1", Some("2008-08-09")), "1")
            .unwrap()
            .is_none());
        assert!(store
            .reusable_analysis(&doc("d2", None), "1")
            .unwrap()
            .is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

        /// Reading an analysis back gives exactly what was written, floats included: a value
        /// one unit in the last place off made a run reusing the store differ from a fresh run.
        #[test]
        fn analyses_round_trip_exactly(values in proptest::collection::vec(proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO, 1..20)) {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(dir.path()).unwrap();
            let d = doc("d1", None);
            let mut a = analysis("d1", "1");
            a.figures = values
                .iter()
                .map(|&v| parallax_core::Figure {
                    span: parallax_core::Span { start: 0, end: 4 },
                    text: "Text".into(),
                    value: Some(v),
                    low: Some(v * 0.1),
                    high: Some(4.1 * 1e6),
                    unit: None,
                    hedge: None,
                    counted: None,
                    category: parallax_core::FigureCategory::Other,
                    quote: None,
                })
                .collect();
            store.put(&[(d.clone(), a.clone())]).unwrap();
            let back = store.reusable_analysis(&d, "1").unwrap().unwrap();
            proptest::prop_assert_eq!(&back, &a);
            proptest::prop_assert_eq!(serde_json::to_string(&back).unwrap(), serde_json::to_string(&a).unwrap());
        }
    }

    #[test]
    fn every_write_raises_the_generation() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        assert_eq!(store.generation().unwrap(), 0);
        store.put(&[(doc("a", None), analysis("a", "1"))]).unwrap();
        let reader = Store::open(dir.path()).unwrap();
        assert_eq!(reader.generation().unwrap(), 1);
        store.put(&[(doc("b", None), analysis("b", "1"))]).unwrap();
        assert_eq!(reader.generation().unwrap(), 2);
    }

    #[test]
    fn persists_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        Store::open(dir.path())
            .unwrap()
            .put(&[(doc("d1", None), analysis("d1", "1"))])
            .unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.len().unwrap(), 1);
        assert_eq!(store.all().unwrap()[0].0.id, "d1");
    }

    fn search(dir: &Path, q: &str) -> Vec<String> {
        let searcher = search::Searcher::open(dir).unwrap();
        let query = search::Query::parse(q).unwrap();
        searcher
            .search(&query, &search::Filters::default(), 0, 10, 10)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.doc)
            .collect()
    }

    #[test]
    fn put_indexes_and_reindexes_for_search() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut d = Document::new("d1", "Troops will not surrender the village.", "a.txt");
        d.meta.outlet = Some("Wire".into());
        store.put(&[(d.clone(), analysis("d1", "1"))]).unwrap();
        assert_eq!(search(dir.path(), "surrender"), vec!["d1"]);
        assert_eq!(search(dir.path(), "\"the village\""), vec!["d1"]);
        assert_eq!(search(dir.path(), "SURR*"), vec!["d1"]);
        assert!(search(dir.path(), "xyz*").is_empty());
        d.text = "Nothing here.".into();
        store.put(&[(d, analysis("d1", "2"))]).unwrap();
        assert!(search(dir.path(), "surrender").is_empty());
        assert_eq!(search(dir.path(), "nothing"), vec!["d1"]);
    }

    #[test]
    fn compaction_merges_the_segments_of_many_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        for i in 0..24 {
            let id = format!("d{i}");
            let d = Document::new(
                &id,
                format!("Convoy {i} reached the river crossing."),
                "a.txt",
            );
            store.put(&[(d, analysis(&id, "1"))]).unwrap();
        }
        let index_rows = |store: &Store| -> i64 {
            store
                .conn
                .query_row("SELECT count(*) FROM search_data", [], |r| r.get(0))
                .unwrap()
        };
        let before = index_rows(&store);
        // A small write among many documents does bounded work; a large one merges all.
        search::compact(&store.conn, 1, 1_000_000).unwrap();
        store.compact_search(24).unwrap();
        assert!(index_rows(&store) < before, "{before} rows not merged");
        assert_eq!(search(dir.path(), "convoy").len(), 10);
        assert_eq!(search(dir.path(), "\"river crossing\"").len(), 10);
    }

    #[test]
    fn backfills_a_store_made_before_search() {
        let dir = tempfile::tempdir().unwrap();
        let d = Document::new("d1", "Shelling in Drevna.", "a.txt");
        Store::open(dir.path())
            .unwrap()
            .put(&[(d, analysis("d1", "1"))])
            .unwrap();
        {
            let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
            conn.execute_batch(
                "DROP TABLE search_vocab; DROP TABLE search; DROP TABLE search_items;
                 DELETE FROM meta WHERE key = 'search';",
            )
            .unwrap();
        }
        Store::open(dir.path()).unwrap();
        assert_eq!(search(dir.path(), "drevna"), vec!["d1"]);
    }

    #[test]
    fn refuses_a_foreign_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(DATABASE_FILE),
            b"not a database at all, just bytes",
        )
        .unwrap();
        assert!(Store::open(dir.path()).is_err());
    }
}
