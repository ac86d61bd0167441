//! Full-text search over the stored articles and their quotations (SQLite FTS5, bm25 ranking).
//!
//! One FTS5 row per article (title and text) and one per quotation (its words), written by
//! [`index_items`] inside the same transaction as the document, so `parallax analyze` keeps the
//! index current; stores made before the index existed are backfilled when opened. A row's id is
//! `document rowid × 65536 + item number`, so re-indexing a document deletes its rows by a rowid
//! range instead of scanning the table.
//!
//! What filters and facets read (document, kind, outlet, date) sits in the plain table
//! `search_items` under the same id, not in the FTS5 row: reading a column of an FTS5 row loads
//! the whole row, text included, which made counting facets over many matches slow.
//!
//! User queries never reach FTS5 as syntax: [`Query::parse`] turns words, `"phrases"`, `OR`,
//! `-excluded` words and `prefix*` into a well-formed FTS5 expression with every term quoted,
//! so a query cannot fail to parse or address columns, and its cost is bounded by
//! [`MAX_QUERY_CHARS`] and [`MAX_TERMS`].

use parallax_core::{Analysis, Document};
use rusqlite::{params, Connection, OpenFlags, Transaction};
use std::path::{Path, PathBuf};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most words and phrases in one query.
pub const MAX_TERMS: usize = 16;
/// Most hits returned in one page.
pub const MAX_PAGE: usize = 100;
/// Shortest stem a `prefix*` term may have: shorter prefixes expand to most of the vocabulary.
const MIN_PREFIX_CHARS: usize = 3;
/// Items per document addressable in the rowid scheme (the article plus its quotations).
const ROWS_PER_DOC: i64 = 65_536;
/// Version of the index layout, kept in `meta` under `search`; another value means rebuild.
pub(crate) const SEARCH_VERSION: i64 = 2;
/// Start and end of a highlighted stretch in snippets: control characters no article keeps
/// (ingest normalizes text), so they cannot be forged by content.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

pub(crate) const CREATE_INDEX: &str = "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS search_items (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL, kind TEXT NOT NULL, outlet TEXT, published TEXT,
    span_start INTEGER, span_end INTEGER
);";

/// Drops an index of another layout so [`CREATE_INDEX`] can make the current one.
pub(crate) const DROP_INDEX: &str =
    "DROP TABLE IF EXISTS search; DROP TABLE IF EXISTS search_items;";

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Article,
    Quote,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Article => "article",
            HitKind::Quote => "quote",
        }
    }

    pub fn parse(s: &str) -> Option<HitKind> {
        match s {
            "article" => Some(HitKind::Article),
            "quote" => Some(HitKind::Quote),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QueryError {
    #[error("the query is empty")]
    Empty,
    #[error("the query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
    #[error("the query has more than {MAX_TERMS} words and phrases")]
    TooManyTerms,
    #[error("a query needs at least one word that is not excluded")]
    OnlyExclusions,
    #[error("prefix searches need at least {MIN_PREFIX_CHARS} letters before the *")]
    ShortPrefix,
}

/// A parsed user query, rendered as a safe FTS5 expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    fts: String,
}

/// One term of a query: quoted words, possibly a prefix.
#[derive(Debug)]
struct Term {
    words: String,
    prefix: bool,
    excluded: bool,
    /// Joined to the previous term by OR instead of AND.
    or: bool,
}

impl Query {
    /// Parses `words "a phrase" -excluded OR alternative prefix*`.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        if input.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong);
        }
        let terms = split_terms(input);
        if terms.is_empty() {
            return Err(QueryError::Empty);
        }
        if terms.len() > MAX_TERMS {
            return Err(QueryError::TooManyTerms);
        }
        if terms.iter().all(|t| t.excluded) {
            return Err(QueryError::OnlyExclusions);
        }
        if terms
            .iter()
            .any(|t| t.prefix && t.words.chars().count() < MIN_PREFIX_CHARS)
        {
            return Err(QueryError::ShortPrefix);
        }
        // FTS5's NOT is binary ("a NOT b"), so exclusions follow the positive part.
        let mut positive = String::new();
        for t in terms.iter().filter(|t| !t.excluded) {
            if !positive.is_empty() {
                positive.push_str(if t.or { " OR " } else { " AND " });
            }
            positive.push_str(&quoted(t));
        }
        let mut fts = format!("({positive})");
        for t in terms.iter().filter(|t| t.excluded) {
            fts = format!("{fts} NOT {}", quoted(t));
        }
        Ok(Query { fts })
    }

    /// The FTS5 expression.
    pub fn as_fts(&self) -> &str {
        &self.fts
    }
}

fn quoted(t: &Term) -> String {
    let mut s = format!("\"{}\"", t.words.replace('"', "\"\""));
    if t.prefix {
        s.push('*');
    }
    s
}

/// Splits a query into terms: `"…"` phrases (an unclosed quote runs to the end), `-word`
/// exclusions, `OR` between terms, words. Characters FTS5 treats as syntax are dropped from
/// bare words; they are separators to the tokenizer anyway.
fn split_terms(input: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut or_next = false;
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let (excluded, body) = match rest.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let (words, prefix, after) = if let Some(inner) = body.strip_prefix('"') {
            let end = inner.find('"').unwrap_or(inner.len());
            let after = inner.get(end + 1..).unwrap_or("");
            (clean(&inner[..end]), false, after)
        } else {
            let end = body.find(char::is_whitespace).unwrap_or(body.len());
            let word = &body[..end];
            if word == "OR" && !excluded {
                or_next = !terms.is_empty();
                rest = body[end..].trim_start();
                continue;
            }
            let prefix = word.ends_with('*');
            (clean(word), prefix, &body[end..])
        };
        if !words.is_empty() {
            terms.push(Term {
                words,
                prefix,
                excluded,
                or: or_next,
            });
        }
        or_next = false;
        rest = after.trim_start();
    }
    terms
}

/// Letters, digits and spaces only: FTS5's tokenizer splits on everything else anyway.
fn clean(s: &str) -> String {
    let kept: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Restrictions on a search besides the query.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub outlet: Option<String>,
    /// Published on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Published on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    pub kind: Option<HitKind>,
    /// Only these documents (an entity's or a story's articles).
    pub docs: Option<Vec<String>>,
}

/// One hit, best first.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub doc: String,
    pub kind: HitKind,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// For a quotation, its span in the article.
    pub span: Option<(usize, usize)>,
    /// A short excerpt with matches between [`MARK_START`] and [`MARK_END`].
    pub snippet: String,
    /// bm25 score (lower is better, as FTS5 reports it).
    pub score: f64,
}

/// A page of hits with facet counts over all matches.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Matches per outlet, most first.
    pub outlets: Vec<(String, usize)>,
    /// Matches per kind.
    pub kinds: Vec<(HitKind, usize)>,
    /// Documents of the best matches (up to `facet_docs`), for facets the caller computes.
    pub top_docs: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("search index {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

/// A read-only connection to a store's search index; one per thread.
pub struct Searcher {
    conn: Connection,
    path: PathBuf,
}

impl Searcher {
    /// Opens the index of the store in `dir` read-only. Open the store with
    /// [`crate::Store::open`] first so a store made before the index has it backfilled.
    pub fn open(dir: &Path) -> Result<Searcher, SearchError> {
        let path = dir.join(crate::DATABASE_FILE);
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| SearchError::Sqlite {
            path: path.clone(),
            source,
        })?;
        Ok(Searcher { conn, path })
    }

    fn sql<T>(&self, r: rusqlite::Result<T>) -> Result<T, SearchError> {
        r.map_err(|source| SearchError::Sqlite {
            path: self.path.clone(),
            source,
        })
    }

    /// Searches: hits `offset..offset+limit` (limit at most [`MAX_PAGE`]), facet counts, and
    /// the documents of the best `facet_docs` matches.
    pub fn search(
        &self,
        query: &Query,
        filters: &Filters,
        offset: usize,
        limit: usize,
        facet_docs: usize,
    ) -> Result<Results, SearchError> {
        let (where_sql, args) = where_clause(query, filters);
        let mut out = Results::default();

        let facet_sql = format!(
            "SELECT i.outlet, i.kind, count(*) FROM search JOIN search_items i ON i.id = search.rowid
             WHERE {where_sql} GROUP BY i.outlet, i.kind"
        );
        let mut stmt = self.sql(self.conn.prepare_cached(&facet_sql))?;
        let rows = self.sql(
            stmt.query_map(rusqlite::params_from_iter(&args), |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        let mut outlets: std::collections::HashMap<String, usize> = Default::default();
        let mut kinds: std::collections::HashMap<HitKind, usize> = Default::default();
        for (outlet, kind, n) in rows {
            let n = n.max(0) as usize;
            out.total += n;
            if let Some(o) = outlet {
                *outlets.entry(o).or_default() += n;
            }
            if let Some(k) = HitKind::parse(&kind) {
                *kinds.entry(k).or_default() += n;
            }
        }
        out.outlets = outlets.into_iter().collect();
        out.outlets
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.kinds = kinds.into_iter().collect();
        out.kinds.sort_by_key(|(k, _)| k.as_str());
        if out.total == 0 {
            return Ok(out);
        }

        // Rank first, then make snippets only for the page: snippet() is the costly part.
        let rank_sql = format!(
            "SELECT search.rowid, i.doc, bm25(search, 4.0, 1.0) AS score
             FROM search JOIN search_items i ON i.id = search.rowid WHERE {where_sql}
             ORDER BY score LIMIT ?"
        );
        let want = (offset + limit.min(MAX_PAGE)).max(facet_docs);
        let mut rank_args = args.clone();
        rank_args.push(Arg::Int(want as i64));
        let mut stmt = self.sql(self.conn.prepare_cached(&rank_sql))?;
        let ranked = self.sql(
            stmt.query_map(rusqlite::params_from_iter(&rank_args), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, f64>(2)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        let mut seen = std::collections::HashSet::new();
        out.top_docs = ranked
            .iter()
            .take(facet_docs)
            .filter(|(_, d, _)| seen.insert(d.clone()))
            .map(|(_, d, _)| d.clone())
            .collect();

        let mut stmt = self.sql(self.conn.prepare_cached(
            "SELECT i.doc, i.kind, search.title, i.outlet, i.published, i.span_start, i.span_end,
                    snippet(search, 1, char(2), char(3), '…', 24),
                    highlight(search, 0, char(2), char(3))
             FROM search JOIN search_items i ON i.id = search.rowid
             WHERE search MATCH ?1 AND search.rowid = ?2",
        ))?;
        for (rowid, _, score) in ranked.iter().skip(offset).take(limit.min(MAX_PAGE)) {
            let hit = self.sql(stmt.query_row(params![query.as_fts(), rowid], |r| {
                let kind: String = r.get(1)?;
                let start: Option<i64> = r.get(5)?;
                let end: Option<i64> = r.get(6)?;
                Ok(Hit {
                    doc: r.get(0)?,
                    kind: HitKind::parse(&kind).unwrap_or(HitKind::Article),
                    title: r.get::<_, Option<String>>(8)?.or(r.get(2)?),
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    span: start
                        .zip(end)
                        .map(|(s, e)| (s.max(0) as usize, e.max(0) as usize)),
                    snippet: r.get(7)?,
                    score: *score,
                })
            }))?;
            out.hits.push(hit);
        }
        Ok(out)
    }
}

#[derive(Debug, Clone)]
enum Arg {
    Text(String),
    Int(i64),
}

impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Arg::Text(s) => s.to_sql(),
            Arg::Int(i) => i.to_sql(),
        }
    }
}

fn where_clause(query: &Query, filters: &Filters) -> (String, Vec<Arg>) {
    let mut sql = String::from("search MATCH ?");
    let mut args = vec![Arg::Text(query.as_fts().to_string())];
    if let Some(outlet) = &filters.outlet {
        sql.push_str(" AND i.outlet = ?");
        args.push(Arg::Text(outlet.clone()));
    }
    if let Some(from) = &filters.from {
        sql.push_str(" AND i.published >= ?");
        args.push(Arg::Text(from.clone()));
    }
    if let Some(to) = &filters.to {
        // Timestamps of that day sort after the bare date: compare with the next character.
        sql.push_str(" AND i.published < ?");
        args.push(Arg::Text(format!("{to}\u{7f}")));
    }
    if let Some(kind) = filters.kind {
        sql.push_str(" AND i.kind = ?");
        args.push(Arg::Text(kind.as_str().to_string()));
    }
    if let Some(docs) = &filters.docs {
        sql.push_str(" AND i.doc IN (SELECT value FROM json_each(?))");
        args.push(Arg::Text(
            serde_json::to_string(docs).unwrap_or_else(|_| "[]".into()),
        ));
    }
    (sql, args)
}

/// Replaces the index rows of each document with its article and quotation rows. `rowid` is the
/// document's rowid in `documents`.
pub(crate) fn index_items(
    tx: &Transaction,
    rowid: i64,
    doc: &Document,
    analysis: &Analysis,
) -> rusqlite::Result<()> {
    let base = rowid.saturating_mul(ROWS_PER_DOC);
    let meta = &doc.meta;
    let end = base.saturating_add(ROWS_PER_DOC);
    tx.prepare_cached("DELETE FROM search WHERE rowid >= ?1 AND rowid < ?2")?
        .execute(params![base, end])?;
    tx.prepare_cached("DELETE FROM search_items WHERE id >= ?1 AND id < ?2")?
        .execute(params![base, end])?;
    let mut fts =
        tx.prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")?;
    let mut item = tx.prepare_cached(
        "INSERT INTO search_items (id, doc, kind, outlet, published, span_start, span_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert = |id: i64, body: &str, kind: HitKind, span: Option<(i64, i64)>| {
        fts.execute(params![id, meta.title, body])?;
        item.execute(params![
            id,
            doc.id,
            kind.as_str(),
            meta.outlet,
            meta.published,
            span.map(|s| s.0),
            span.map(|s| s.1),
        ])
    };
    insert(base, &doc.text, HitKind::Article, None)?;
    for (n, quote) in analysis
        .quotes
        .iter()
        .take((ROWS_PER_DOC - 1) as usize)
        .enumerate()
    {
        insert(
            base + 1 + n as i64,
            &quote.text,
            HitKind::Quote,
            Some((quote.span.start as i64, quote.span.end as i64)),
        )?;
    }
    Ok(())
}

/// Splits a snippet into plain and highlighted pieces (`true` = highlighted), for escaping
/// renderers.
pub fn snippet_pieces(snippet: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut marked = false;
    for (i, part) in snippet.split([MARK_START, MARK_END]).enumerate() {
        if i > 0 {
            marked = !marked;
        }
        if !part.is_empty() {
            out.push((marked, part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_every_term_so_syntax_cannot_leak() {
        let q = Query::parse("surrender NEAR(a b) col:x ^start").unwrap();
        assert_eq!(
            q.as_fts(),
            "(\"surrender\" AND \"NEAR a\" AND \"b\" AND \"col x\" AND \"start\")"
        );
    }

    #[test]
    fn phrases_or_exclusions_and_prefixes() {
        let q = Query::parse("\"single village\" OR peacekeep* -Kordania").unwrap();
        assert_eq!(
            q.as_fts(),
            "(\"single village\" OR \"peacekeep\"*) NOT \"Kordania\""
        );
        assert_eq!(
            Query::parse("\"unclosed phrase").unwrap().as_fts(),
            "(\"unclosed phrase\")"
        );
    }

    #[test]
    fn refuses_what_it_cannot_bound() {
        assert_eq!(Query::parse("  "), Err(QueryError::Empty));
        assert_eq!(Query::parse("\"\" *"), Err(QueryError::Empty));
        assert_eq!(Query::parse("-x"), Err(QueryError::OnlyExclusions));
        assert_eq!(Query::parse("ab*"), Err(QueryError::ShortPrefix));
        assert_eq!(
            Query::parse(&"a ".repeat(17)),
            Err(QueryError::TooManyTerms)
        );
        assert_eq!(Query::parse(&"a".repeat(300)), Err(QueryError::TooLong));
    }

    #[test]
    fn snippet_marks_split() {
        let s = format!("a {MARK_START}b{MARK_END} c");
        assert_eq!(
            snippet_pieces(&s),
            vec![(false, "a "), (true, "b"), (false, " c")]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_query_parses_or_is_refused_cleanly(s in "\\PC{0,80}") {
            let _ = Query::parse(&s);
        }
    }
}
