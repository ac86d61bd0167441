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
//!
//! The index keeps words as written (no stemming), so a `"phrase"` matches exactly. A bare word
//! is widened at query time against the index's vocabulary ([`Searcher::search`]): by its
//! English (Snowball) stem, so "tanks" finds "tank" and "tanked"; and, for a capitalized word
//! (a name, as people type them) or a word no article has, of six letters or more, by
//! spellings one edit away (two from ten letters on) sharing its first two letters, so
//! "Zelensky" finds "Zelenskiy" and "Zelenskyy". At most [`ALTERNATIVES`] spellings per word,
//! the most frequent first.

use parallax_core::{Analysis, Document};
use rusqlite::{params, Connection, OpenFlags, Transaction};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search, row);
CREATE TABLE IF NOT EXISTS search_items (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL, kind TEXT NOT NULL, outlet TEXT, published TEXT,
    span_start INTEGER, span_end INTEGER
);";

/// Index terms a prefix expands to at most (the most frequent): FTS5 evaluates a `prefix*`
/// by merging every matching term's list on each lookup, which made snippets slow.
const PREFIX_TERMS: usize = 16;

/// Index pages merged at most by the compaction after a small write (FTS5 pages are 4 KB), so
/// adding a few articles to a large store stays fast while repeated adds keep merging.
const MERGE_PAGES: i64 = 256;

/// Merges the index's b-trees after `added` of `total` stored documents were written. Every
/// write adds b-trees (segments) that each query must open and merge, which made a store
/// written in many batches several times slower to search than a merged one. A write of at
/// least a twentieth of the store merges everything ('optimize', cost proportional to the
/// index); a smaller one does a bounded share of that work ('merge' with a negative page count
/// makes every b-tree eligible).
pub(crate) fn compact(conn: &Connection, added: usize, total: usize) -> rusqlite::Result<()> {
    if added == 0 {
        return Ok(());
    }
    if added.saturating_mul(20) >= total {
        conn.execute("INSERT INTO search (search) VALUES ('optimize')", [])?;
    } else {
        conn.execute(
            "INSERT INTO search (search, rank) VALUES ('merge', ?1)",
            params![-MERGE_PAGES],
        )?;
    }
    Ok(())
}

/// Drops an index of another layout so [`CREATE_INDEX`] can make the current one.
pub(crate) const DROP_INDEX: &str =
    "DROP TABLE IF EXISTS search_vocab; DROP TABLE IF EXISTS search; DROP TABLE IF EXISTS search_items;";

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
    terms: Vec<Term>,
    fts: String,
}

/// One term of a query: quoted words, possibly a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    words: String,
    /// Written in quotation marks: matched exactly as written.
    quoted: bool,
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
        let fts = render(&terms, &mut |_| None);
        Ok(Query { terms, fts })
    }

    /// The FTS5 expression.
    pub fn as_fts(&self) -> &str {
        &self.fts
    }

    /// The FTS5 expression with each one-word prefix term and each bare word replaced by the
    /// alternatives `expand` gives for it (index terms out).
    fn expanded(&self, expand: &mut dyn FnMut(Widen) -> Option<Vec<String>>) -> String {
        render(&self.terms, expand)
    }
}

/// A one-word term of a query to widen against the index's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Widen<'a> {
    /// `prefix*`, lowercased.
    Prefix(&'a str),
    /// A bare word as typed (its case tells a name).
    Word(&'a str),
}

/// Renders terms as FTS5: the positive terms joined by AND/OR, then each exclusion (FTS5's
/// NOT is binary, "a NOT b").
fn render(terms: &[Term], expand: &mut dyn FnMut(Widen) -> Option<Vec<String>>) -> String {
    let mut one = |t: &Term| -> String {
        let lower = t.words.to_lowercase();
        let widen = match (t.prefix, t.quoted) {
            _ if t.words.contains(' ') => None,
            (true, _) => Some(Widen::Prefix(&lower)),
            (false, false) => Some(Widen::Word(&t.words)),
            (false, true) => None,
        };
        if let Some(widen) = widen {
            if let Some(alternatives) = expand(widen) {
                let quoted: Vec<String> = alternatives
                    .iter()
                    .map(|a| format!("\"{}\"", a.replace('"', "\"\"")))
                    .collect();
                return format!("({})", quoted.join(" OR "));
            }
        }
        quoted(t)
    };
    let mut positive = String::new();
    for t in terms.iter().filter(|t| !t.excluded) {
        if !positive.is_empty() {
            positive.push_str(if t.or { " OR " } else { " AND " });
        }
        positive.push_str(&one(t));
    }
    let mut fts = format!("({positive})");
    for t in terms.iter().filter(|t| t.excluded) {
        fts = format!("{fts} NOT {}", one(t));
    }
    fts
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
        let quoted = body.starts_with('"');
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
                quoted,
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

/// A page of hits with facet counts over the matches examined.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Results {
    /// Matches passing the filters among those examined.
    pub total: usize,
    /// Whether every match was examined (else `total` is a lower bound; see [`SCAN_LIMIT`]).
    pub exact: bool,
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

/// Matches examined at most, newest first, per search: counts and facets cover these, and
/// [`Results::exact`] says whether that was all of them. Walking matches costs per match, so a
/// term found in most of a large corpus would otherwise cost time in proportion to the corpus.
pub const SCAN_LIMIT: usize = 5_000;

/// Matches scored by bm25 at most, per search. Scoring costs per match, so for a term found in
/// most of a large corpus the ranking is over the newest this-many matches (from the newest one
/// passing the filters): recent reports first, at a bounded cost.
pub const RANK_WINDOW: usize = 1000;

/// What filters and facets need of each indexed document, keyed by the document's rowid.
#[derive(Debug, Default)]
struct DocTable {
    /// Indexed by the document's rowid (dense from 1): a search looks up every match it scans.
    by_rowid: Vec<Option<DocInfo>>,
    rowid_of: HashMap<String, i64>,
}

impl DocTable {
    fn get(&self, rowid: i64) -> Option<&DocInfo> {
        usize::try_from(rowid)
            .ok()
            .and_then(|i| self.by_rowid.get(i))
            .and_then(Option::as_ref)
    }
}

#[derive(Debug)]
struct DocInfo {
    id: String,
    outlet: Option<String>,
    published: Option<String>,
}

/// A read-only connection to a store's search index; one per thread. The document table it
/// filters with is read when the first connection opens and shared by [`Searcher::connect`];
/// documents stored after that are not searched until a new [`Searcher::open`].
pub struct Searcher {
    conn: Connection,
    path: PathBuf,
    docs: Arc<DocTable>,
}

impl Searcher {
    /// Opens the index of the store in `dir` read-only. Open the store with
    /// [`crate::Store::open`] first so a store made before the index has it backfilled.
    pub fn open(dir: &Path) -> Result<Searcher, SearchError> {
        let path = dir.join(crate::DATABASE_FILE);
        let conn = connect(&path)?;
        let mut searcher = Searcher {
            conn,
            path,
            docs: Arc::default(),
        };
        searcher.docs = Arc::new(searcher.load_docs()?);
        Ok(searcher)
    }

    /// Another connection to the same index, sharing the document table.
    pub fn connect(&self) -> Result<Searcher, SearchError> {
        Ok(Searcher {
            conn: connect(&self.path)?,
            path: self.path.clone(),
            docs: self.docs.clone(),
        })
    }

    fn sql<T>(&self, r: rusqlite::Result<T>) -> Result<T, SearchError> {
        r.map_err(|source| SearchError::Sqlite {
            path: self.path.clone(),
            source,
        })
    }

    fn load_docs(&self) -> Result<DocTable, SearchError> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT id / ?1, doc, outlet, published FROM search_items WHERE id % ?1 = 0",
        ))?;
        let rows = self.sql(
            stmt.query_map(params![ROWS_PER_DOC], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocInfo {
                        id: r.get(1)?,
                        outlet: r.get(2)?,
                        published: r.get(3)?,
                    },
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        let mut table = DocTable::default();
        for (rowid, info) in rows {
            table.rowid_of.insert(info.id.clone(), rowid);
            let Ok(slot) = usize::try_from(rowid) else {
                continue;
            };
            if table.by_rowid.len() <= slot {
                table.by_rowid.resize_with(slot + 1, || None);
            }
            table.by_rowid[slot] = Some(info);
        }
        Ok(table)
    }

    /// Searches: hits `offset..offset+limit` (limit at most [`MAX_PAGE`]), counts and facets over
    /// the newest [`SCAN_LIMIT`] matches, and the documents of the best `facet_docs` matches.
    pub fn search(
        &self,
        query: &Query,
        filters: &Filters,
        offset: usize,
        limit: usize,
        facet_docs: usize,
    ) -> Result<Results, SearchError> {
        let fts = self.expand_prefixes(query)?;
        let wanted: Option<HashSet<i64>> = filters.docs.as_ref().map(|ids| {
            ids.iter()
                .filter_map(|id| self.docs.rowid_of.get(id).copied())
                .collect()
        });
        let to = filters.to.as_ref().map(|t| format!("{t}\u{7f}"));
        let passes = |rowid: i64| -> bool {
            let doc_rowid = rowid.div_euclid(ROWS_PER_DOC);
            let Some(info) = self.docs.get(doc_rowid) else {
                return false;
            };
            let kind = kind_of(rowid);
            filters.kind.is_none_or(|k| k == kind)
                && filters
                    .outlet
                    .as_ref()
                    .is_none_or(|o| info.outlet.as_ref() == Some(o))
                && filters
                    .from
                    .as_ref()
                    .is_none_or(|f| info.published.as_ref().is_some_and(|p| p >= f))
                && to
                    .as_ref()
                    .is_none_or(|t| info.published.as_ref().is_some_and(|p| p < t))
                && wanted.as_ref().is_none_or(|w| w.contains(&doc_rowid))
        };

        // The newest matches: the candidates, their counts and facets.
        let mut stmt = self.sql(self.conn.prepare_cached(
            "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        ))?;
        let mut all: Vec<i64> = self.sql(
            stmt.query_map(params![fts, SCAN_LIMIT as i64 + 1], |r| r.get(0))
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        let mut out = Results {
            exact: all.len() <= SCAN_LIMIT,
            ..Results::default()
        };
        all.truncate(SCAN_LIMIT);
        let mut outlets: HashMap<&str, usize> = HashMap::new();
        let mut kinds: HashMap<HitKind, usize> = HashMap::new();
        let mut first_candidate = None;
        let mut candidates: HashSet<i64> = HashSet::new();
        for (i, &rowid) in all.iter().enumerate() {
            if !passes(rowid) {
                continue;
            }
            out.total += 1;
            *kinds.entry(kind_of(rowid)).or_default() += 1;
            if let Some(o) = self
                .docs
                .get(rowid.div_euclid(ROWS_PER_DOC))
                .and_then(|d| d.outlet.as_deref())
            {
                *outlets.entry(o).or_default() += 1;
            }
            let first = *first_candidate.get_or_insert(i);
            if i < first + RANK_WINDOW {
                candidates.insert(rowid);
            }
        }
        out.outlets = outlets
            .into_iter()
            .map(|(o, n)| (o.to_string(), n))
            .collect();
        out.outlets
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.kinds = kinds.into_iter().collect();
        out.kinds.sort_by_key(|(k, _)| k.as_str());
        let Some(first) = first_candidate else {
            return Ok(out);
        };

        // Score the window of matches that holds the candidates to rank.
        let hi = all[first];
        let lo = all[(first + RANK_WINDOW - 1).min(all.len() - 1)];
        let mut stmt = self.sql(self.conn.prepare_cached(
            "SELECT rowid, bm25(search, 4.0, 1.0) FROM search
             WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
        ))?;
        let mut ranked: Vec<(i64, f64)> = self.sql(
            stmt.query_map(params![fts, lo, hi], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>()),
        )?;
        ranked.retain(|(rowid, _)| candidates.contains(rowid));
        ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));

        let mut seen = HashSet::new();
        out.top_docs = ranked
            .iter()
            .take(facet_docs)
            .filter_map(|(rowid, _)| self.docs.get(rowid.div_euclid(ROWS_PER_DOC)))
            .filter(|d| seen.insert(d.id.as_str()))
            .map(|d| d.id.clone())
            .collect();

        let mut stmt = self.sql(self.conn.prepare_cached(
            "SELECT i.doc, search.title, i.outlet, i.published, i.span_start, i.span_end,
                    snippet(search, 1, char(2), char(3), '…', 24),
                    highlight(search, 0, char(2), char(3))
             FROM search JOIN search_items i ON i.id = search.rowid
             WHERE search MATCH ?1 AND search.rowid = ?2",
        ))?;
        for &(rowid, score) in ranked.iter().skip(offset).take(limit.min(MAX_PAGE)) {
            let hit = self.sql(stmt.query_row(params![fts, rowid], |r| {
                let start: Option<i64> = r.get(4)?;
                let end: Option<i64> = r.get(5)?;
                Ok(Hit {
                    doc: r.get(0)?,
                    kind: kind_of(rowid),
                    title: r.get::<_, Option<String>>(7)?.or(r.get(1)?),
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    span: start
                        .zip(end)
                        .map(|(s, e)| (s.max(0) as usize, e.max(0) as usize)),
                    snippet: r.get(6)?,
                    score,
                })
            }))?;
            out.hits.push(hit);
        }
        Ok(out)
    }
}

impl Searcher {
    /// The query with its one-word prefixes spelled out as the index terms they match.
    fn expand_prefixes(&self, query: &Query) -> Result<String, SearchError> {
        let mut stmt = self.sql(self.conn.prepare_cached(
            "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 ORDER BY doc DESC LIMIT ?3",
        ))?;
        let mut failed = None;
        let mut vocabulary = |prefix: &str, limit: usize| -> Vec<String> {
            let upper = format!("{prefix}\u{10FFFF}");
            match stmt
                .query_map(params![prefix, upper, limit as i64], |r| r.get(0))
                .and_then(|rows| rows.collect::<Result<Vec<String>, _>>())
            {
                Ok(terms) => terms,
                Err(e) => {
                    failed = Some(e);
                    Vec::new()
                }
            }
        };
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let fts = query.expanded(&mut |widen| match widen {
            Widen::Prefix(prefix) => {
                Some(vocabulary(prefix, PREFIX_TERMS)).filter(|t| !t.is_empty())
            }
            Widen::Word(word) => {
                let spellings = variants(word, &stemmer, &mut vocabulary);
                (spellings.len() > 1).then_some(spellings)
            }
        });
        match failed {
            Some(source) => Err(SearchError::Sqlite {
                path: self.path.clone(),
                source,
            }),
            None => Ok(fts),
        }
    }
}

/// Spellings of a query word searched for at most (the word itself included).
pub const ALTERNATIVES: usize = 8;

/// Index terms read at most when looking for a word's variants.
const VARIANT_SCAN: usize = 4_000;

/// The spellings a bare query word is searched as: itself, index terms with its stem, and for
/// a name-like or unknown word, index terms an edit or two away (see the module doc). `vocabulary`
/// gives index terms starting with a prefix, the most frequent first.
fn variants(
    word: &str,
    stemmer: &rust_stemmers::Stemmer,
    vocabulary: &mut dyn FnMut(&str, usize) -> Vec<String>,
) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out = vec![lower.clone()];
    let stem = stemmer.stem(&lower).into_owned();
    if stem.chars().count() >= 3 {
        for term in vocabulary(&stem, VARIANT_SCAN) {
            if out.len() < ALTERNATIVES && !out.contains(&term) && stemmer.stem(&term) == stem {
                out.push(term);
            }
        }
    }
    let length = lower.chars().count();
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    // Five-letter names have too many real words an edit away ("Trump", "tramp").
    if length < 6 {
        return out;
    }
    let start: String = lower.chars().take(2).collect();
    let nearby = vocabulary(&start, VARIANT_SCAN);
    let known = nearby.contains(&lower);
    if !capitalized && known {
        return out;
    }
    let edits = if length >= 10 { 2 } else { 1 };
    for term in nearby {
        if out.len() >= ALTERNATIVES {
            break;
        }
        if !out.contains(&term) && strsim::damerau_levenshtein(&term, &lower) <= edits {
            out.push(term);
        }
    }
    out
}

/// Row 0 of a document is its article; the others are its quotations.
fn kind_of(rowid: i64) -> HitKind {
    if rowid.rem_euclid(ROWS_PER_DOC) == 0 {
        HitKind::Article
    } else {
        HitKind::Quote
    }
}

fn connect(path: &Path) -> Result<Connection, SearchError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|c| {
        // A larger page cache and memory-mapped reads: the index is read on every query.
        c.execute_batch("PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;")?;
        Ok(c)
    });
    conn.map_err(|source| SearchError::Sqlite {
        path: path.to_path_buf(),
        source,
    })
}

/// Removes the index rows of the document with `rowid` (its article and quotations).
pub(crate) fn remove_items(tx: &Transaction, rowid: i64) -> rusqlite::Result<()> {
    let base = rowid.saturating_mul(ROWS_PER_DOC);
    let end = base.saturating_add(ROWS_PER_DOC);
    tx.prepare_cached("DELETE FROM search WHERE rowid >= ?1 AND rowid < ?2")?
        .execute(params![base, end])?;
    tx.prepare_cached("DELETE FROM search_items WHERE id >= ?1 AND id < ?2")?
        .execute(params![base, end])?;
    Ok(())
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
    remove_items(tx, rowid)?;
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
    fn prefixes_expand_to_index_terms() {
        let q = Query::parse("Peacekeep* -drevna*").unwrap();
        let fts = q.expanded(&mut |p| match p {
            Widen::Prefix("peacekeep") => Some(vec!["peacekeepers".into(), "peacekeeping".into()]),
            _ => None,
        });
        assert_eq!(
            fts,
            "((\"peacekeepers\" OR \"peacekeeping\")) NOT \"drevna\"*"
        );
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

    #[test]
    fn bare_words_widen_by_stem_and_names_by_spelling() {
        let vocab = [
            "tank",
            "tanks",
            "tanker",
            "tanked",
            "talks",
            "tasks",
            "zelenskiy",
            "zelensky",
            "zelenskyy",
            "zealous",
            "village",
            "villages",
        ];
        let mut vocabulary = |prefix: &str, limit: usize| -> Vec<String> {
            vocab
                .iter()
                .filter(|t| t.starts_with(prefix))
                .take(limit)
                .map(|t| t.to_string())
                .collect()
        };
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        assert_eq!(
            variants("tanks", &stemmer, &mut vocabulary),
            vec!["tanks", "tank", "tanked"],
            "stems, never a word one letter away like \"talks\""
        );
        assert_eq!(
            variants("Zelenskiy", &stemmer, &mut vocabulary),
            vec!["zelenskiy", "zelensky", "zelenskyy"]
        );
        // Lowercase and known: only its stem's forms.
        assert_eq!(
            variants("village", &stemmer, &mut vocabulary),
            vec!["village", "villages"]
        );
        // Lowercase and unknown: a misspelling is tolerated.
        assert_eq!(
            variants("zelenskii", &stemmer, &mut vocabulary),
            vec!["zelenskii", "zelenskiy"]
        );
        let q = Query::parse("\"tanks\" tanks").unwrap();
        let fts = q.expanded(&mut |w| match w {
            Widen::Word(word) => Some(variants(word, &stemmer, &mut vocabulary)),
            Widen::Prefix(_) => None,
        });
        assert_eq!(
            fts, "(\"tanks\" AND (\"tanks\" OR \"tank\" OR \"tanked\"))",
            "a quoted word stays exact"
        );
    }
}
