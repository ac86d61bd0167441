//! What an export reads: a dossier, the per-document analyses it was built from, a selection
//! of documents, and the indexes every table needs to join rows by stable ids.
//!
//! Item ids in the tables are stable: `DOC:s3` is the third sentence of document `DOC` (a
//! content hash), `DOC:q2` its second quotation, `DOC:f1`, `DOC:t4`, `DOC:m7` its first
//! figure, fourth time expression and seventh entity mention (mentions numbered in text
//! order). They stay the same when other articles are added to the corpus, unlike the
//! dossier's running `q17`, `f3`, `t9`. Cross-document ids (`e:…` entities, `s1` stories, `g1`
//! quote groups, `c1` claims, `d1` disputes, `r1` passages) are the dossier's own.

use crate::schema::{day, micros};
use parallax_core::{Analysis, Dossier, DossierDocument, Span};
use std::collections::HashMap;
use std::ops::Range;

/// Which documents an export covers: all, or those of one story and/or a range of
/// publication days (UTC, inclusive; undated documents fall outside any range).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub story: Option<String>,
    /// `YYYY-MM-DD`.
    pub since: Option<String>,
    /// `YYYY-MM-DD`.
    pub until: Option<String>,
}

impl Selection {
    pub fn is_all(&self) -> bool {
        self.story.is_none() && self.since.is_none() && self.until.is_none()
    }
}

/// Where one document's items sit in the dossier's lists.
#[derive(Debug, Clone, Default)]
pub struct DocumentIndex {
    pub quotes: Range<usize>,
    pub figures: Range<usize>,
    pub times: Range<usize>,
    /// `(entity, mention)` positions in `dossier.entities`, in text order.
    pub mentions: Vec<(usize, usize)>,
    /// `(event, report)` positions in `dossier.events`, in text order of the triggers.
    pub events: Vec<(usize, usize)>,
    /// `(place, mention)` positions in `dossier.places`, in text order.
    pub places: Vec<(usize, usize)>,
    pub story: Option<usize>,
    /// Publication instant, microseconds UTC.
    pub published: Option<i64>,
    /// Byte offsets at every 64th byte → characters before it (see [`Source::chars`]); empty
    /// for ASCII text, whose character offsets are its byte offsets.
    char_checkpoints: Vec<u32>,
}

/// An export's input, indexed.
pub struct Source<'a> {
    pub dossier: &'a Dossier,
    analyses: HashMap<&'a str, &'a Analysis>,
    pub index: Vec<DocumentIndex>,
    doc_by_id: HashMap<&'a str, usize>,
    selected: Vec<bool>,
    /// Dossier quote id → position in `dossier.quotes`; likewise figures.
    quote_by_id: HashMap<&'a str, usize>,
    figure_by_id: HashMap<&'a str, usize>,
    /// Stable ids of the dossier's quotes, figures and times, by position.
    quote_ids: Vec<String>,
    figure_ids: Vec<String>,
    time_ids: Vec<String>,
    /// Claim id of each figure (by position in `dossier.figures`) that belongs to a claim.
    claim_of_figure: HashMap<usize, &'a str>,
}

impl<'a> Source<'a> {
    /// Indexes `dossier` with the analyses of its documents (any order; documents without
    /// one export without sentence voice).
    pub fn new(
        dossier: &'a Dossier,
        analyses: impl IntoIterator<Item = &'a Analysis>,
        selection: &Selection,
    ) -> Source<'a> {
        let analyses: HashMap<&str, &Analysis> =
            analyses.into_iter().map(|a| (a.doc.as_str(), a)).collect();
        let doc_by_id: HashMap<&str, usize> = dossier
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut index: Vec<DocumentIndex> = dossier
            .documents
            .iter()
            .map(|d| DocumentIndex {
                published: micros(d.published.as_deref()),
                char_checkpoints: char_checkpoints(&d.text),
                ..DocumentIndex::default()
            })
            .collect();
        let mut quote_ids = Vec::with_capacity(dossier.quotes.len());
        spread(
            &mut index,
            &doc_by_id,
            dossier.quotes.iter().map(|q| q.evidence.doc.as_str()),
            |ix| &mut ix.quotes,
            |doc, n| quote_ids.push(format!("{doc}:q{n}")),
        );
        let mut figure_ids = Vec::with_capacity(dossier.figures.len());
        spread(
            &mut index,
            &doc_by_id,
            dossier.figures.iter().map(|f| f.doc.as_str()),
            |ix| &mut ix.figures,
            |doc, n| figure_ids.push(format!("{doc}:f{n}")),
        );
        let mut time_ids = Vec::with_capacity(dossier.times.len());
        spread(
            &mut index,
            &doc_by_id,
            dossier.times.iter().map(|t| t.doc.as_str()),
            |ix| &mut ix.times,
            |doc, n| time_ids.push(format!("{doc}:t{n}")),
        );
        for (e, entity) in dossier.entities.iter().enumerate() {
            for (m, mention) in entity.mentions.iter().enumerate() {
                if let Some(&d) = doc_by_id.get(mention.evidence.doc.as_str()) {
                    index[d].mentions.push((e, m));
                }
            }
        }
        for (e, event) in dossier.events.iter().enumerate() {
            for (r, report) in event.reports.iter().enumerate() {
                if let Some(&d) = doc_by_id.get(report.evidence.doc.as_str()) {
                    index[d].events.push((e, r));
                }
            }
        }
        for (p, place) in dossier.places.iter().enumerate() {
            for (m, mention) in place.mentions.iter().enumerate() {
                if let Some(&d) = doc_by_id.get(mention.doc.as_str()) {
                    index[d].places.push((p, m));
                }
            }
        }
        for ix in &mut index {
            ix.mentions.sort_by_key(|&(e, m)| {
                let span = dossier.entities[e].mentions[m].evidence.span;
                (span.start, span.end, e)
            });
            ix.events.sort_by_key(|&(e, r)| {
                let span = dossier.events[e].reports[r].evidence.span;
                (span.start, span.end, e)
            });
            ix.places.sort_by_key(|&(p, m)| {
                let span = dossier.places[p].mentions[m].span;
                (span.start, span.end, p)
            });
        }
        for (s, story) in dossier.stories.iter().enumerate() {
            for doc in &story.documents {
                if let Some(&d) = doc_by_id.get(doc.as_str()) {
                    index[d].story = Some(s);
                }
            }
        }
        let quote_by_id = dossier
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let figure_by_id: HashMap<&str, usize> = dossier
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        let claim_of_figure = dossier
            .claims
            .iter()
            .flat_map(|c| {
                c.figures
                    .iter()
                    .filter_map(|f| figure_by_id.get(f.figure.as_str()))
                    .map(move |&f| (f, c.id.as_str()))
            })
            .collect();
        let mut source = Source {
            dossier,
            analyses,
            index,
            doc_by_id,
            selected: Vec::new(),
            quote_by_id,
            figure_by_id,
            quote_ids,
            figure_ids,
            time_ids,
            claim_of_figure,
        };
        source.selected = (0..dossier.documents.len())
            .map(|d| source.matches(d, selection))
            .collect();
        source
    }

    fn matches(&self, d: usize, selection: &Selection) -> bool {
        if let Some(story) = &selection.story {
            let in_story = self.index[d]
                .story
                .is_some_and(|s| self.dossier.stories[s].id == *story);
            if !in_story {
                return false;
            }
        }
        if selection.since.is_none() && selection.until.is_none() {
            return true;
        }
        let Some(published) = self.index[d].published else {
            return false;
        };
        let day = day(published);
        selection
            .since
            .as_ref()
            .is_none_or(|s| day.as_str() >= s.as_str())
            && selection
                .until
                .as_ref()
                .is_none_or(|u| day.as_str() <= u.as_str())
    }

    /// Positions of the selected documents, in dossier order (publication order).
    pub fn documents(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.dossier.documents.len()).filter(|&d| self.selected[d])
    }

    /// How many documents are selected.
    pub fn selected_count(&self) -> usize {
        self.selected.iter().filter(|s| **s).count()
    }

    pub fn document(&self, d: usize) -> &'a DossierDocument {
        &self.dossier.documents[d]
    }

    pub fn analysis(&self, d: usize) -> Option<&'a Analysis> {
        self.analyses
            .get(self.dossier.documents[d].id.as_str())
            .copied()
    }

    /// Position of a document by id.
    pub fn doc(&self, id: &str) -> Option<usize> {
        self.doc_by_id.get(id).copied()
    }

    /// Whether the document with this id is selected.
    pub fn is_selected(&self, id: &str) -> bool {
        self.doc(id).is_some_and(|d| self.selected[d])
    }

    /// The UTC publication day of a document, `None` when undated.
    pub fn day(&self, d: usize) -> Option<String> {
        self.index[d].published.map(day)
    }

    /// The character (Unicode scalar value) offset of byte offset `at` in document `d`: what
    /// Python's `str` indexing, pandas and most spreadsheets count.
    pub fn chars(&self, d: usize, at: usize) -> i64 {
        let text = self.dossier.documents[d].text.as_bytes();
        let checkpoints = &self.index[d].char_checkpoints;
        let at = at.min(text.len());
        if checkpoints.is_empty() {
            return at as i64;
        }
        let block = at / 64;
        let before = checkpoints[block] as usize;
        (before + count_chars(&text[block * 64..at])) as i64
    }

    /// Sentence position and the span of the sentence holding `span`'s start (the sentence
    /// span widened to cover `span`); `None` when no sentence holds it.
    pub fn sentence(&self, d: usize, span: Span) -> Option<(usize, Span)> {
        let doc = &self.dossier.documents[d];
        let (n, sentence) = doc.sentence_containing(span);
        doc.sentences
            .get(n)
            .filter(|s| s.start <= span.start)
            .map(|_| (n, sentence))
    }

    pub fn quote_id(&self, position: usize) -> &str {
        &self.quote_ids[position]
    }

    pub fn figure_id(&self, position: usize) -> &str {
        &self.figure_ids[position]
    }

    pub fn time_id(&self, position: usize) -> &str {
        &self.time_ids[position]
    }

    /// Stable id of the quote the dossier calls `id` (`q17`).
    pub fn stable_quote(&self, id: &str) -> Option<&str> {
        self.quote_by_id
            .get(id)
            .map(|&q| self.quote_ids[q].as_str())
    }

    /// Stable id of the figure the dossier calls `id` (`f3`).
    pub fn stable_figure(&self, id: &str) -> Option<&str> {
        self.figure_by_id
            .get(id)
            .map(|&f| self.figure_ids[f].as_str())
    }

    /// Position in `dossier.figures` of the figure the dossier calls `id`.
    pub fn figure_position(&self, id: &str) -> Option<usize> {
        self.figure_by_id.get(id).copied()
    }

    /// Position in `dossier.quotes` of the quote the dossier calls `id`.
    pub fn quote_position(&self, id: &str) -> Option<usize> {
        self.quote_by_id.get(id).copied()
    }

    pub fn claim_of_figure(&self, position: usize) -> Option<&'a str> {
        self.claim_of_figure.get(&position).copied()
    }

    pub fn story_id(&self, d: usize) -> Option<&'a str> {
        self.index[d]
            .story
            .map(|s| self.dossier.stories[s].id.as_str())
    }

    /// The id of the entity with a mention at exactly `span` in document `d`.
    pub fn entity_at(&self, d: usize, span: Span) -> Option<&'a str> {
        let mentions = &self.index[d].mentions;
        let key = |&(e, m): &(usize, usize)| {
            let s = self.dossier.entities[e].mentions[m].evidence.span;
            (s.start, s.end)
        };
        let from = mentions.partition_point(|x| key(x) < (span.start, span.end));
        mentions[from..]
            .first()
            .filter(|x| key(x) == (span.start, span.end))
            .map(|&(e, _)| self.dossier.entities[e].id.as_str())
    }

    /// The id of the story place with a mention at exactly `span` in document `d`.
    pub fn place_at(&self, d: usize, span: Span) -> Option<&'a str> {
        let places = &self.index[d].places;
        let key = |&(p, m): &(usize, usize)| {
            let s = self.dossier.places[p].mentions[m].span;
            (s.start, s.end)
        };
        let from = places.partition_point(|x| key(x) < (span.start, span.end));
        places[from..]
            .first()
            .filter(|x| key(x) == (span.start, span.end))
            .map(|&(p, _)| self.dossier.places[p].id.as_str())
    }

    /// The outlet of the document with this id, as the dossier names it.
    pub fn outlet(&self, id: &str) -> Option<&'a str> {
        self.doc(id)
            .and_then(|d| self.dossier.documents[d].outlet.as_deref())
    }
}

/// Assigns each document the range of consecutive items that carry its id (the dossier lists
/// items in document order), calling `id(doc, n)` with each item's 1-based number in its
/// document.
fn spread<'d>(
    index: &mut [DocumentIndex],
    doc_by_id: &HashMap<&str, usize>,
    docs: impl Iterator<Item = &'d str>,
    range: impl Fn(&mut DocumentIndex) -> &mut Range<usize>,
    mut id: impl FnMut(&str, usize),
) {
    let mut last: Option<(&str, usize)> = None;
    for (i, doc) in docs.enumerate() {
        let n = match last {
            Some((prev, n)) if prev == doc => n + 1,
            _ => 1,
        };
        last = Some((doc, n));
        id(doc, n);
        if let Some(&d) = doc_by_id.get(doc) {
            let r = range(&mut index[d]);
            if r.start == r.end {
                *r = i..i + 1;
            } else {
                r.end = i + 1;
            }
        }
    }
}

/// Characters before every 64th byte, or nothing for ASCII text.
fn char_checkpoints(text: &str) -> Vec<u32> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut total = 0u32;
    for block in text.as_bytes().chunks(64) {
        out.push(total);
        total += count_chars(block) as u32;
    }
    out.push(total);
    out
}

/// Characters starting in `bytes`: every byte that is not a UTF-8 continuation byte.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one_document(text: &str) -> Dossier {
        let mut dossier = Dossier::empty();
        dossier.documents.push(DossierDocument {
            id: "d1".into(),
            text: text.into(),
            title: None,
            outlet: None,
            published: None,
            source: "x".into(),
            url: None,
            authors: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            voice: Vec::new(),
            time_anchor: None,
            diagnostics: Vec::new(),
        });
        dossier
    }

    proptest! {
        #[test]
        fn character_offsets_count_scalar_values(text in "\\PC{0,300}", cut in 0usize..400) {
            let dossier = one_document(&text);
            let source = Source::new(&dossier, [], &Selection::default());
            let at = parallax_core::text::floor_char_boundary(&text, cut.min(text.len()));
            prop_assert_eq!(source.chars(0, at), text[..at].chars().count() as i64);
        }
    }

    #[test]
    fn non_ascii_offsets() {
        let text = "Tbilisi – Gori, “quoted” ".repeat(10);
        let dossier = one_document(&text);
        let source = Source::new(&dossier, [], &Selection::default());
        for (at, _) in text.char_indices() {
            assert_eq!(source.chars(0, at), text[..at].chars().count() as i64);
        }
    }
}
