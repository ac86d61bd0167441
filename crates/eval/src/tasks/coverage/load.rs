//! Reading the real-coverage set: the story files of `eval/coverage`, the articles they point
//! at in the data folder (made into documents with the metadata a manifest would give), and
//! the gold placed in those texts.

use crate::formats::basil;
use crate::formats::coverage::{self, ArticleRef, EntityDef, PlacedGold, SourceKind, Split};
use crate::formats::ecbplus::{self, EcbDocument};
use crate::formats::geowebnews::{self, GwnArticle};
use crate::{files_with_extension, read_text, EvalError};
use parallax_core::{Document, DocumentMeta};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One story: its articles as documents and its gold.
#[derive(Debug, Clone)]
pub(crate) struct Story {
    pub id: String,
    /// Each article's key (`nyt`, `fox`, …), in the order of `documents`.
    pub keys: Vec<String>,
    pub entities: Vec<EntityDef>,
    pub documents: Vec<Document>,
    pub gold: PlacedGold,
}

impl Story {
    /// A reader's label for article `doc`: its key and outlet.
    pub fn article_label(&self, doc: usize) -> String {
        let outlet = self.documents[doc].meta.outlet.as_deref().unwrap_or("?");
        format!("{} ({outlet})", self.keys[doc])
    }

    /// The name of entity `id` as the gold gives it.
    pub fn entity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entities
            .iter()
            .find(|e| e.id == id)
            .map_or(id, |e| e.name.as_str())
    }
}

/// The stories of `gold_dir` in `split` (all when `None`), at most `limit` of them, in file
/// name order, with their articles read from `data`.
pub(crate) fn stories(
    gold_dir: &Path,
    data: &Path,
    split: Option<Split>,
    limit: Option<usize>,
) -> Result<Vec<Story>, EvalError> {
    let mut sources = Sources::default();
    let mut out = Vec::new();
    for path in files_with_extension(gold_dir, "toml")? {
        if out.len() >= limit.unwrap_or(usize::MAX) {
            break;
        }
        let file = coverage::parse(&read_text(&path)?).map_err(|m| EvalError::format(&path, m))?;
        if split.is_some_and(|s| s != file.split) {
            continue;
        }
        let mut documents = Vec::new();
        for article in &file.articles {
            documents.push(sources.document(data, article)?);
        }
        let texts: Vec<String> = documents.iter().map(|d| d.text.clone()).collect();
        let gold = coverage::place(&file, &texts).map_err(|m| EvalError::format(&path, m))?;
        out.push(Story {
            id: file.story.clone(),
            keys: file.articles.iter().map(|a| a.key.clone()).collect(),
            entities: file.entities,
            documents,
            gold,
        });
    }
    Ok(out)
}

/// Collection files read once however many articles point into them.
#[derive(Default)]
struct Sources {
    gwn: HashMap<PathBuf, Vec<GwnArticle>>,
    ecb: HashMap<PathBuf, Vec<EcbDocument>>,
}

impl Sources {
    /// The document of `article`: its text rebuilt as the format module documents, its
    /// metadata from the story file, else from the data.
    fn document(&mut self, data: &Path, article: &ArticleRef) -> Result<Document, EvalError> {
        let path = data.join(&article.path);
        let missing = |what: &str| {
            EvalError::format(
                &path,
                format!("no article `{what}` (story key `{}`)", article.key),
            )
        };
        let id = article.id.as_deref().unwrap_or("");
        let (text, own) = match article.source {
            SourceKind::Basil => {
                let a = basil::read(&path)?;
                let meta = DocumentMeta {
                    title: Some(a.title.trim().to_string()),
                    outlet: Some(a.outlet().to_string()),
                    published: a.date.clone(),
                    url: a.url.clone(),
                    authors: Vec::new(),
                };
                (a.text(), meta)
            }
            SourceKind::Gwn => {
                if !self.gwn.contains_key(&path) {
                    self.gwn.insert(path.clone(), geowebnews::read(&path)?);
                }
                let a = self.gwn[&path]
                    .iter()
                    .find(|a| a.file == id)
                    .ok_or_else(|| missing(id))?;
                let meta = DocumentMeta {
                    title: Some(a.title.trim().to_string()),
                    url: Some(a.link.clone()),
                    ..DocumentMeta::default()
                };
                (a.full_text(), meta)
            }
            SourceKind::Ecbplus => {
                if !self.ecb.contains_key(&path) {
                    self.ecb.insert(path.clone(), ecbplus::read(&path)?);
                }
                let d = self.ecb[&path]
                    .iter()
                    .find(|d| d.doc_id == id)
                    .ok_or_else(|| missing(id))?;
                let meta = DocumentMeta {
                    title: Some(d.title.clone()),
                    ..DocumentMeta::default()
                };
                (d.full_text(), meta)
            }
        };
        let source = if id.is_empty() {
            article.path.clone()
        } else {
            format!("{}#{id}", article.path)
        };
        let mut doc = Document::new(parallax_ingest::document_id(&text), text, source);
        doc.meta = DocumentMeta {
            outlet: article.outlet.clone().or(own.outlet),
            published: article.published.clone().or(own.published),
            ..own
        };
        Ok(doc)
    }
}
