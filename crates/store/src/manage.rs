//! Looking after a store: what it holds ([`Store::info`], [`Store::list`]), removing articles by
//! id, source, outlet or date ([`Store::remove`]), and emptying it ([`Store::clear`]), as
//! `parallax store` does. Each removal is one transaction that takes the articles' analyses and
//! search rows with them and raises the write counter, so a running `parallax serve` reloads.

use crate::{search, Store, StoreError, DATABASE_FILE};
use rusqlite::params;
use std::path::PathBuf;

/// What `parallax store info` shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoreInfo {
    pub path: PathBuf,
    pub articles: usize,
    /// Bytes on disk (the database and its write-ahead log).
    pub bytes: u64,
    /// Articles per outlet, most first (no outlet: `None`).
    pub outlets: Vec<(Option<String>, usize)>,
    /// Articles per month of publication (`YYYY-MM`), in order; undated ones under `None`.
    pub months: Vec<(Option<String>, usize)>,
    /// Analyses per pipeline version that made them.
    pub versions: Vec<(String, usize)>,
}

/// One stored article as `parallax store list` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub id: String,
    pub source: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
}

/// Which articles `list` and `remove` act on: those meeting every condition given (none given:
/// all of them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Document ids, or their first characters (at least 8).
    pub ids: Vec<String>,
    /// Sources starting with this (a file, a folder, `file#line 3`).
    pub source: Option<String>,
    /// Outlet, case-insensitively.
    pub outlet: Option<String>,
    /// Published on a date starting with this (`2024`, `2024-03`, `2024-03-01`).
    pub date: Option<String>,
    /// Published before this date.
    pub before: Option<String>,
    /// Published on or after this date.
    pub after: Option<String>,
}

impl Selection {
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }

    /// Whether a stored article meets the selection.
    fn matches(&self, a: &StoredArticle) -> bool {
        let published = a.published.as_deref();
        (self.ids.is_empty()
            || self
                .ids
                .iter()
                .any(|id| a.id == *id || (id.len() >= 8 && a.id.starts_with(id.as_str()))))
            && self
                .source
                .as_ref()
                .is_none_or(|s| a.source.starts_with(s.as_str()))
            && self.outlet.as_ref().is_none_or(|o| {
                a.outlet
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(o))
            })
            && self
                .date
                .as_ref()
                .is_none_or(|d| published.is_some_and(|p| p.starts_with(d.as_str())))
            && self
                .before
                .as_ref()
                .is_none_or(|d| published.is_some_and(|p| p < d.as_str()))
            && self
                .after
                .as_ref()
                .is_none_or(|d| published.is_some_and(|p| p >= d.as_str()))
    }
}

impl Store {
    /// Counts of what the store holds.
    pub fn info(&self) -> Result<StoreInfo, StoreError> {
        let articles = self.list(&Selection::default())?;
        // Outlets counted under the names the dossier gives them ("FOX" with "fox").
        let renames = parallax_core::outlet_names::renames(
            articles.iter().filter_map(|a| a.outlet.as_deref()),
        );
        let mut outlets: Vec<(Option<String>, usize)> = Vec::new();
        let mut months: Vec<(Option<String>, usize)> = Vec::new();
        for a in &articles {
            let outlet = a
                .outlet
                .as_ref()
                .map(|o| renames.get(o).unwrap_or(o).clone());
            bump(&mut outlets, outlet);
            bump(
                &mut months,
                a.published
                    .as_ref()
                    .and_then(|p| p.get(..7))
                    .map(str::to_string),
            );
        }
        outlets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        months.sort_by(|a, b| match (&a.0, &b.0) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (Some(x), Some(y)) => x.cmp(y),
        });
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT pipeline_version, count(*) FROM analyses GROUP BY pipeline_version ORDER BY 2 DESC",
        ))?;
        let versions = self.sql(
            stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        let dir = self.path.parent().map(PathBuf::from).unwrap_or_default();
        let bytes = ["", "-wal", "-shm"]
            .iter()
            .filter_map(|suffix| {
                std::fs::metadata(dir.join(format!("{DATABASE_FILE}{suffix}"))).ok()
            })
            .map(|m| m.len())
            .sum();
        Ok(StoreInfo {
            path: dir,
            articles: articles.len(),
            bytes,
            outlets,
            months,
            versions,
        })
    }

    /// The stored articles meeting `selection`, in order of publication (undated last).
    pub fn list(&self, selection: &Selection) -> Result<Vec<StoredArticle>, StoreError> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT id, source, json_extract(document, '$.outlet'),
                    json_extract(document, '$.published'), json_extract(document, '$.title')
             FROM documents",
        ))?;
        let mut out: Vec<StoredArticle> = self.sql(
            stmt.query_map([], |r| {
                Ok(StoredArticle {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    title: r.get(4)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        out.retain(|a| selection.matches(a));
        out.sort_by(|a, b| match (&a.published, &b.published) {
            (Some(x), Some(y)) => x.cmp(y).then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
        Ok(out)
    }

    /// Removes the articles meeting `selection` with their analyses and search rows, in one
    /// transaction; returns them.
    pub fn remove(&mut self, selection: &Selection) -> Result<Vec<StoredArticle>, StoreError> {
        let chosen = self.list(selection)?;
        if chosen.is_empty() {
            return Ok(chosen);
        }
        let path = self.path.clone();
        let wrap = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        {
            let mut rowid_of = tx
                .prepare("SELECT rowid FROM documents WHERE id = ?1")
                .map_err(wrap)?;
            for article in &chosen {
                let rowid: i64 = rowid_of
                    .query_row(params![article.id], |r| r.get(0))
                    .map_err(wrap)?;
                search::remove_items(&tx, rowid).map_err(wrap)?;
                tx.execute("DELETE FROM analyses WHERE doc = ?1", params![article.id])
                    .map_err(wrap)?;
                tx.execute("DELETE FROM documents WHERE id = ?1", params![article.id])
                    .map_err(wrap)?;
            }
            raise_generation(&tx).map_err(wrap)?;
        }
        tx.commit().map_err(wrap)?;
        Ok(chosen)
    }

    /// Removes every article, then gives the freed space back to the file system; returns how
    /// many there were.
    pub fn clear(&mut self) -> Result<usize, StoreError> {
        let count = self.len()?;
        let cleared = self.conn.transaction().and_then(|tx| {
            tx.execute_batch("DELETE FROM analyses; DELETE FROM documents;")?;
            tx.execute_batch(search::DROP_INDEX)?;
            tx.execute_batch(search::CREATE_INDEX)?;
            raise_generation(&tx)?;
            tx.commit()
        });
        self.sql(cleared)?;
        self.sql(self.conn.execute_batch("VACUUM"))?;
        Ok(count)
    }
}

fn raise_generation(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('generation', 1)
         ON CONFLICT(key) DO UPDATE SET value = value + 1",
        [],
    )
    .map(|_| ())
}

fn bump(counts: &mut Vec<(Option<String>, usize)>, key: Option<String>) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Analysis, Document};

    fn article(text: &str, outlet: &str, published: Option<&str>) -> (Document, Analysis) {
        let mut d = Document::new(text, text, format!("in/{outlet}.txt"));
        d.meta.outlet = Some(outlet.into());
        d.meta.published = published.map(str::to_string);
        let a = Analysis {
            doc: d.id.clone(),
            pipeline_version: "test".into(),
            ..Analysis::default()
        };
        (d, a)
    }

    #[test]
    fn info_list_remove_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .put(&[
                article("One.", "Star", Some("2024-03-01")),
                article("Two.", "Star", Some("2024-04-02T10:00:00Z")),
                article("Three.", "Courier", None),
            ])
            .unwrap();
        let info = store.info().unwrap();
        assert_eq!(info.articles, 3);
        assert_eq!(info.outlets[0], (Some("Star".into()), 2));
        assert_eq!(
            info.months,
            vec![
                (Some("2024-03".into()), 1),
                (Some("2024-04".into()), 1),
                (None, 1)
            ]
        );
        assert_eq!(info.versions, vec![("test".to_string(), 3)]);
        assert!(info.bytes > 0);

        let star = Selection {
            outlet: Some("star".into()),
            ..Selection::default()
        };
        assert_eq!(store.list(&star).unwrap().len(), 2);
        let april = Selection {
            date: Some("2024-04".into()),
            ..Selection::default()
        };
        let generation = store.generation().unwrap();
        let removed = store.remove(&april).unwrap();
        assert_eq!(removed.len(), 1);
        assert_eq!(
            removed[0].published.as_deref(),
            Some("2024-04-02T10:00:00Z")
        );
        assert_eq!(store.len().unwrap(), 2);
        assert!(store.generation().unwrap() > generation);
        let searcher = search::Searcher::open(dir.path()).unwrap();
        let query = search::Query::parse("two").unwrap();
        let found = searcher
            .search(&query, &search::Filters::default(), 0, 10, 0)
            .unwrap();
        assert_eq!(found.total, 0, "its search rows went with it");

        assert_eq!(store.clear().unwrap(), 2);
        assert_eq!(store.len().unwrap(), 0);
        drop(store);
        assert!(Store::open_existing(dir.path()).is_ok());
        let missing = dir.path().join("nowhere");
        let error = Store::open_existing(&missing).err().unwrap().to_string();
        assert!(error.contains("holds no Parallax store"), "{error}");
        assert!(!missing.exists(), "nothing was created");
    }
}
