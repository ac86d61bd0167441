//! The corpus held in memory while serving: the dossier built from the store at startup and the
//! id → item maps and reverse indexes every page and API answer is a lookup in.
//!
//! Path parameters are only ever keys into these maps, never file names.

use crate::names::NameIndex;
use parallax_core::{Dossier, Span, Story};
use std::collections::{BTreeMap, HashMap};

/// Id of the story that stands for the whole corpus; always present.
pub const ALL_STORY: &str = "all";

/// One annotation of an article, for highlighting it in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A mention of the entity with this index.
    Entity(usize),
    Quote(usize),
    Figure(usize),
    Time(usize),
}

impl Mark {
    pub fn kind(self) -> &'static str {
        match self {
            Mark::Entity(_) => "entity",
            Mark::Quote(_) => "quote",
            Mark::Figure(_) => "figure",
            Mark::Time(_) => "time",
        }
    }
}

/// The dossier plus its indexes.
pub struct Corpus {
    pub dossier: Dossier,
    /// Stories of the dossier, then the whole-corpus story [`ALL_STORY`].
    pub stories: Vec<Story>,
    pub doc_index: HashMap<String, usize>,
    pub entity_index: HashMap<String, usize>,
    pub quote_index: HashMap<String, usize>,
    pub figure_index: HashMap<String, usize>,
    pub claim_index: HashMap<String, usize>,
    pub story_index: HashMap<String, usize>,
    pub group_index: HashMap<String, usize>,
    /// Outlet name → indexes of its documents, in dossier order.
    pub outlet_docs: BTreeMap<String, Vec<usize>>,
    /// Per document: its annotations with their spans, in text order.
    pub doc_marks: Vec<Vec<(Span, Mark)>>,
    /// Per document: the stories (indexes into `stories`) that contain it, besides "all".
    pub doc_stories: Vec<Vec<usize>>,
    /// Per document: the quote groups (indexes into `dossier.quote_groups`) with a member in it.
    pub doc_quote_groups: Vec<Vec<usize>>,
    /// Per document: the shared passages (indexes into `dossier.reuse`) with a member in it.
    pub doc_passages: Vec<Vec<usize>>,
    /// Per entity: quotes it said.
    pub said_by: Vec<Vec<usize>>,
    /// Per entity: quotes that mention it.
    pub said_about: Vec<Vec<usize>>,
    /// Per entity: documents that mention it, in dossier order, without repeats.
    pub entity_docs: Vec<Vec<usize>>,
    /// Entities by number of mentions, most first.
    pub top_entities: Vec<usize>,
    /// Every entity's names, for matching a search against them.
    pub entity_names: NameIndex,
    /// First and last publication dates (`YYYY-MM-DD`).
    pub date_range: Option<(String, String)>,
}

impl Corpus {
    pub fn new(dossier: Dossier) -> Corpus {
        let index = |ids: Vec<&str>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_string(), i))
                .collect()
        };
        let doc_index = index(dossier.documents.iter().map(|d| d.id.as_str()).collect());
        let entity_index = index(dossier.entities.iter().map(|e| e.id.as_str()).collect());
        let quote_index = index(dossier.quotes.iter().map(|q| q.id.as_str()).collect());
        let figure_index = index(dossier.figures.iter().map(|f| f.id.as_str()).collect());
        let claim_index = index(dossier.claims.iter().map(|c| c.id.as_str()).collect());
        let group_index = index(dossier.quote_groups.iter().map(|g| g.id.as_str()).collect());

        let mut stories = dossier.stories.clone();
        stories.push(whole_corpus(&dossier));
        let story_index = index(stories.iter().map(|s| s.id.as_str()).collect());

        let n_docs = dossier.documents.len();
        let mut outlet_docs: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, d) in dossier.documents.iter().enumerate() {
            if let Some(o) = &d.outlet {
                outlet_docs.entry(o.clone()).or_default().push(i);
            }
        }

        let mut doc_stories = vec![Vec::new(); n_docs];
        for (s, story) in stories
            .iter()
            .enumerate()
            .filter(|(_, s)| s.id != ALL_STORY)
        {
            for d in story.documents.iter().filter_map(|d| doc_index.get(d)) {
                doc_stories[*d].push(s);
            }
        }

        let mut doc_marks: Vec<Vec<(Span, Mark)>> = vec![Vec::new(); n_docs];
        let mut entity_docs = vec![Vec::new(); dossier.entities.len()];
        for (e, entity) in dossier.entities.iter().enumerate() {
            for m in &entity.mentions {
                if let Some(&d) = doc_index.get(&m.evidence.doc) {
                    doc_marks[d].push((m.evidence.span, Mark::Entity(e)));
                    if entity_docs[e].last() != Some(&d) {
                        entity_docs[e].push(d);
                    }
                }
            }
            entity_docs[e].sort_unstable();
            entity_docs[e].dedup();
        }
        let mut said_by = vec![Vec::new(); dossier.entities.len()];
        for (q, quote) in dossier.quotes.iter().enumerate() {
            if let Some(&d) = doc_index.get(&quote.evidence.doc) {
                doc_marks[d].push((quote.evidence.span, Mark::Quote(q)));
            }
            if let Some(&e) = quote.speaker.as_ref().and_then(|s| entity_index.get(s)) {
                said_by[e].push(q);
            }
        }
        for (f, figure) in dossier.figures.iter().enumerate() {
            if let Some(&d) = doc_index.get(&figure.doc) {
                doc_marks[d].push((figure.figure.span, Mark::Figure(f)));
            }
        }
        for (t, time) in dossier.times.iter().enumerate() {
            if let Some(&d) = doc_index.get(&time.doc) {
                doc_marks[d].push((time.time.span, Mark::Time(t)));
            }
        }
        // A story page lists the groups and passages of its own documents; indexing them per
        // document keeps that proportional to the story, not to the corpus.
        let mut doc_quote_groups = vec![Vec::new(); n_docs];
        for (g, group) in dossier.quote_groups.iter().enumerate() {
            for q in group.quotes.iter().filter_map(|q| quote_index.get(q)) {
                if let Some(&d) = doc_index.get(&dossier.quotes[*q].evidence.doc) {
                    doc_quote_groups[d].push(g);
                }
            }
        }
        let mut doc_passages = vec![Vec::new(); n_docs];
        for (r, passage) in dossier.reuse.iter().enumerate() {
            for m in &passage.members {
                if let Some(&d) = doc_index.get(&m.doc) {
                    doc_passages[d].push(r);
                }
            }
        }
        for list in doc_quote_groups.iter_mut().chain(doc_passages.iter_mut()) {
            list.dedup();
        }

        for marks in &mut doc_marks {
            marks.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        }

        // A quote is about an entity when one of the entity's mentions lies inside it; the
        // speaker's own name inside the quote's span does not count.
        let mut said_about = vec![Vec::new(); dossier.entities.len()];
        for marks in &doc_marks {
            let quotes: Vec<(Span, usize)> = marks
                .iter()
                .filter_map(|(s, m)| match m {
                    Mark::Quote(q) => Some((*s, *q)),
                    _ => None,
                })
                .collect();
            for (span, mark) in marks {
                let Mark::Entity(e) = mark else { continue };
                for (qspan, q) in &quotes {
                    let speaker = dossier.quotes[*q].speaker.as_deref();
                    if qspan.contains(*span)
                        && speaker != Some(dossier.entities[*e].id.as_str())
                        && said_about[*e].last() != Some(q)
                    {
                        said_about[*e].push(*q);
                    }
                }
            }
        }
        for list in &mut said_about {
            list.sort_unstable();
            list.dedup();
        }

        let mut top_entities: Vec<usize> = (0..dossier.entities.len()).collect();
        top_entities.sort_by_key(|&e| std::cmp::Reverse(dossier.entities[e].mentions.len()));
        let entity_names = NameIndex::new(&dossier.entities, &top_entities);

        let dates: Vec<&str> = dossier
            .documents
            .iter()
            .filter_map(|d| d.published.as_deref())
            .map(day)
            .collect();
        let date_range = dates
            .iter()
            .min()
            .zip(dates.iter().max())
            .map(|(a, b)| (a.to_string(), b.to_string()));

        Corpus {
            dossier,
            stories,
            doc_index,
            entity_index,
            quote_index,
            figure_index,
            claim_index,
            story_index,
            group_index,
            outlet_docs,
            doc_marks,
            doc_stories,
            doc_quote_groups,
            doc_passages,
            said_by,
            said_about,
            entity_docs,
            top_entities,
            entity_names,
            date_range,
        }
    }

    /// The story with `id`.
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.story_index.get(id).map(|&s| &self.stories[s])
    }

    /// The items of `story` under a per-document index (`doc_quote_groups`, `doc_passages`), in
    /// dossier order without repeats; every item for the whole-corpus story.
    pub fn story_items(&self, story: &Story, per_doc: &[Vec<usize>], all: usize) -> Vec<usize> {
        if story.id == ALL_STORY {
            return (0..all).collect();
        }
        let mut items: Vec<usize> = story
            .documents
            .iter()
            .filter_map(|d| self.doc_index.get(d))
            .flat_map(|&d| per_doc[d].iter().copied())
            .collect();
        items.sort_unstable();
        items.dedup();
        items
    }

    /// Whether `doc` belongs to the story `story_id`.
    pub fn story_has_doc(&self, story_id: &str, doc: &str) -> bool {
        if story_id == ALL_STORY {
            return self.doc_index.contains_key(doc);
        }
        let (Some(&s), Some(&d)) = (self.story_index.get(story_id), self.doc_index.get(doc)) else {
            return false;
        };
        self.doc_stories[d].contains(&s)
    }

    /// Whether a claim (or timeline entry) tagged with `tag` belongs to `story_id`.
    pub fn in_story(story_id: &str, tag: Option<&str>) -> bool {
        story_id == ALL_STORY || tag == Some(story_id)
    }

    pub fn outlet_of(&self, doc: &str) -> &str {
        self.doc_index
            .get(doc)
            .map_or(parallax_core::UNKNOWN_OUTLET, |&d| {
                self.dossier.documents[d].outlet_name()
            })
    }

    pub fn entity_name(&self, id: &str) -> Option<&str> {
        self.entity_index
            .get(id)
            .map(|&e| self.dossier.entities[e].name.as_str())
    }

    /// The number of the sentence of `doc` that contains `at`.
    pub fn sentence_of(&self, doc: &str, at: usize) -> usize {
        self.doc_index.get(doc).map_or(0, |&d| {
            self.dossier.documents[d]
                .sentences
                .partition_point(|s| s.end <= at)
        })
    }
}

/// The day part of a timestamp.
pub fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

fn whole_corpus(dossier: &Dossier) -> Story {
    let mut outlets: Vec<String> = dossier
        .documents
        .iter()
        .filter_map(|d| d.outlet.clone())
        .collect();
    outlets.sort();
    outlets.dedup();
    let published: Vec<&String> = dossier
        .documents
        .iter()
        .filter_map(|d| d.published.as_ref())
        .collect();
    Story {
        id: ALL_STORY.to_string(),
        label: "All articles".to_string(),
        documents: dossier.documents.iter().map(|d| d.id.clone()).collect(),
        outlets,
        first_published: published.iter().min().map(|s| s.to_string()),
        last_published: published.iter().max().map(|s| s.to_string()),
    }
}
