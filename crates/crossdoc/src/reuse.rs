//! Text reuse: passages shared between articles of different outlets (pasted agency copy, a
//! press release quoted whole, a paragraph lifted with small edits).
//!
//! The stage is near-linear in the corpus size:
//! 1. every sentence's word 5-grams are hashed; one in [`SAMPLE_EVERY`] shingles is kept,
//!    chosen by hash value so that two copies of a passage keep the same ones;
//! 2. an inverted index maps each kept shingle to the sentences that contain it. A shingle
//!    found in more than [`MAX_SHINGLE_DOCS`] documents is a stock phrase and is dropped. The
//!    cap is high because agency copy run by many outlets of a one-story corpus is the reuse
//!    a reader most needs to see; the anchors below keep the pairs a shingle produces linear
//!    in its documents, and a stock phrase's pairs fail the whole-sentence verification;
//! 3. sentences of different outlets that share a shingle are candidate pairs, and each is
//!    verified with the edit-tolerant [`similarity`]. A sentence is compared with at most
//!    [`ANCHORS`](crate::postings::ANCHORS) sentences per shingle, the earliest of other
//!    outlets (see [`postings`](crate::postings)): every pair when a passage has at most nine
//!    copies, and a cost linear in the copies when agency copy runs in many outlets;
//! 4. aligned sentence pairs of the same two documents that follow each other merge into one
//!    passage, and passages that share sentences merge across documents (agency copy run by
//!    several outlets is one passage with several members).
//!
//! Pairs within one outlet are never compared: a byline, a newsletter pitch or a standard
//! disclaimer repeated across one outlet's pages is not reuse.

pub mod similarity;

use crate::assemble::publication_key;
use crate::postings::anchors;
use crate::words::{sentence_spans, shingles, word_hashes};
use parallax_core::{Analysis, Document, Evidence, ReusePassage, Span};
use similarity::{similarity_sorted, PARAPHRASE_THRESHOLD};
use std::collections::HashMap;

/// Words per shingle: long enough that a shared shingle is rarely a coincidence.
const SHINGLE_WORDS: usize = 5;
/// Keep one shingle in this many (those whose hash is a multiple of it).
const SAMPLE_EVERY: u64 = 2;
/// A shingle in more documents than this is a stock phrase, not evidence of reuse. (It was 50
/// before pairs went through anchors, which dropped agency copy run by more than 50 outlets.)
const MAX_SHINGLE_DOCS: usize = 1000;
/// Sentence pairs may skip at most this many sentences and still belong to one passage
/// (an inserted or dropped sentence in a lifted paragraph).
const MAX_GAP: usize = 1;
/// A passage must have at least this many words on its shortest side: a shared short phrase
/// ("The company declined to comment.") is not reuse.
const MIN_PASSAGE_WORDS: usize = 12;

/// One sentence of the corpus, as words hashed for comparison (in text order until its
/// shingles are indexed, then sorted).
struct SentenceWords {
    span: Span,
    hashes: Vec<u64>,
}

/// An aligned sentence pair: (document, sentence) on each side and their similarity.
#[derive(Clone, Copy)]
struct Aligned {
    a: (usize, usize),
    b: (usize, usize),
    score: f64,
}

/// Finds the passages shared between documents of different outlets.
pub fn find_reuse(corpus: &[(&Document, &Analysis)]) -> Vec<ReusePassage> {
    let mut sentences: Vec<Vec<SentenceWords>> = corpus
        .iter()
        .map(|(doc, analysis)| {
            sentence_spans(doc, analysis)
                .into_iter()
                .map(|span| SentenceWords {
                    span,
                    hashes: word_hashes(&doc.text, span),
                })
                .collect()
        })
        .collect();
    let outlets: Vec<&str> = corpus
        .iter()
        .map(|(doc, _)| doc.meta.outlet.as_deref().unwrap_or(doc.id.as_str()))
        .collect();
    let index = shingle_index(&mut sentences);
    let passages = align(&index, &sentences, &outlets);
    group(corpus, &sentences, &passages)
}

/// One posting of the shingle index: (shingle, document, sentence).
type Posting = (u64, u32, u32);

/// The inverted index as one vector of postings sorted by shingle, then document and sentence
/// (16 bytes per posting and no per-key allocation, which matters at tens of thousands of
/// articles), keeping only the shingles found in 2 to [`MAX_SHINGLE_DOCS`] documents. Once the
/// shingles are taken, each sentence's word hashes are sorted for [`similarity_sorted`].
fn shingle_index(sentences: &mut [Vec<SentenceWords>]) -> Vec<Posting> {
    let mut index: Vec<Posting> = Vec::new();
    for (d, doc_sentences) in sentences.iter_mut().enumerate() {
        for (s, sentence) in doc_sentences.iter_mut().enumerate() {
            let mut kept: Vec<u64> = shingles(&sentence.hashes, SHINGLE_WORDS)
                .into_iter()
                .filter(|h| h % SAMPLE_EVERY == 0)
                .collect();
            kept.sort_unstable();
            kept.dedup();
            index.extend(kept.into_iter().map(|h| (h, d as u32, s as u32)));
            sentence.hashes.sort_unstable();
        }
    }
    index.sort_unstable();
    let mut usable = Vec::with_capacity(index.len() / 4);
    for group in index.chunk_by(|x, y| x.0 == y.0) {
        let mut docs = group.iter().map(|p| p.1).collect::<Vec<u32>>();
        docs.dedup();
        if (2..=MAX_SHINGLE_DOCS).contains(&docs.len()) {
            usable.extend_from_slice(group);
        }
    }
    usable
}

/// Aligned sentence pairs between documents of different outlets, chained into pair passages.
///
/// Documents are taken in order; each sentence is compared with the [`anchors`] of its
/// shingles' posting lists (the earliest sentences of other documents and outlets that share
/// a shingle with it), verified with the edit-tolerant [`similarity`](similarity::similarity),
/// and the aligned pairs of each document with each earlier one are chained at once, so no
/// corpus-wide list of candidate pairs is ever held.
fn align(
    index: &[Posting],
    sentences: &[Vec<SentenceWords>],
    outlets: &[&str],
) -> Vec<PairPassage> {
    // Where each posting's list starts, and the postings by (document, sentence, position):
    // the order documents are streamed in.
    let mut list_start: Vec<u32> = Vec::with_capacity(index.len());
    let mut by_sentence: Vec<(u32, u32, u32)> = Vec::with_capacity(index.len());
    for (p, posting) in index.iter().enumerate() {
        let start = match list_start.last() {
            Some(&start) if index[p - 1].0 == posting.0 => start,
            _ => p as u32,
        };
        list_start.push(start);
        by_sentence.push((posting.1, posting.2, p as u32));
    }
    by_sentence.sort_unstable();
    let mut passages = Vec::new();
    let mut partners: Vec<(u32, u32)> = Vec::new();
    for doc_postings in by_sentence.chunk_by(|x, y| x.0 == y.0) {
        let d = doc_postings[0].0;
        let comparable = |x: &Posting| x.1 != d && outlets[x.1 as usize] != outlets[d as usize];
        let mut aligned: Vec<Aligned> = Vec::new();
        for sentence_postings in doc_postings.chunk_by(|x, y| x.1 == y.1) {
            let s = sentence_postings[0].1;
            partners.clear();
            for &(_, _, p) in sentence_postings {
                let earlier = &index[list_start[p as usize] as usize..p as usize];
                partners.extend(anchors(earlier, comparable).map(|x| (x.1, x.2)));
            }
            partners.sort_unstable();
            partners.dedup();
            let b = (d as usize, s as usize);
            for &(pd, ps) in &partners {
                let a = (pd as usize, ps as usize);
                let score =
                    similarity_sorted(&sentences[a.0][a.1].hashes, &sentences[b.0][b.1].hashes);
                if score >= PARAPHRASE_THRESHOLD {
                    aligned.push(Aligned { a, b, score });
                }
            }
        }
        aligned.sort_unstable_by_key(|p| (p.a.0, p.a.1, p.b.1));
        for pairs in aligned.chunk_by(|x, y| x.a.0 == y.a.0) {
            chain(pairs, sentences, &mut passages);
        }
    }
    // Pair passages in (earlier document, later document) order, as the grouping expects.
    passages.sort_by_key(|p| (p.a.0, p.b.0));
    passages
}

/// A run of aligned sentences between two documents: inclusive sentence ranges on each side.
struct PairPassage {
    a: (usize, usize, usize),
    b: (usize, usize, usize),
    scores: Vec<f64>,
}

/// Merges the aligned pairs of two documents (sorted by position) that follow each other on
/// both sides into runs, keeping the runs long enough to be reuse.
fn chain(pairs: &[Aligned], sentences: &[Vec<SentenceWords>], out: &mut Vec<PairPassage>) {
    let mut open: Vec<PairPassage> = Vec::new();
    for p in pairs {
        let follows = |run: &PairPassage| {
            let step_a = p.a.1.wrapping_sub(run.a.2);
            let step_b = p.b.1.wrapping_sub(run.b.2);
            (1..=MAX_GAP + 1).contains(&step_a) && (1..=MAX_GAP + 1).contains(&step_b)
        };
        match open.iter_mut().rev().find(|run| follows(run)) {
            Some(run) => {
                run.a.2 = p.a.1;
                run.b.2 = p.b.1;
                run.scores.push(p.score);
            }
            None => open.push(PairPassage {
                a: (p.a.0, p.a.1, p.a.1),
                b: (p.b.0, p.b.1, p.b.1),
                scores: vec![p.score],
            }),
        }
    }
    out.extend(open.into_iter().filter(|run| {
        words_of(sentences, run.a).min(words_of(sentences, run.b)) >= MIN_PASSAGE_WORDS
    }));
}

fn words_of(sentences: &[Vec<SentenceWords>], (d, first, last): (usize, usize, usize)) -> usize {
    sentences[d]
        .get(first..=last)
        .map_or(0, |run| run.iter().map(|s| s.hashes.len()).sum())
}

/// The (document, sentence) nodes of one merged passage and its aligned pairs' scores.
type Component = (Vec<(usize, usize)>, Vec<f64>);

/// Merges pair passages that share sentences into multi-member passages, with evidence,
/// origin and deterministic ids.
fn group(
    corpus: &[(&Document, &Analysis)],
    sentences: &[Vec<SentenceWords>],
    passages: &[PairPassage],
) -> Vec<ReusePassage> {
    let mut nodes: HashMap<(usize, usize), usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut node = |key: (usize, usize), parent: &mut Vec<usize>| -> usize {
        *nodes.entry(key).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let mut roots_of_passage = Vec::with_capacity(passages.len());
    for p in passages {
        let mut members = Vec::new();
        for (d, first, last) in [p.a, p.b] {
            for s in first..=last {
                members.push(node((d, s), &mut parent));
            }
        }
        for pair in members.windows(2) {
            union(&mut parent, pair[0], pair[1]);
        }
        roots_of_passage.push(members.first().copied());
    }
    let mut components: HashMap<usize, Component> = HashMap::new();
    for (&key, &n) in &nodes {
        components
            .entry(find(&mut parent, n))
            .or_default()
            .0
            .push(key);
    }
    for (p, root) in passages.iter().zip(roots_of_passage) {
        if let Some(root) = root {
            let root = find(&mut parent, root);
            if let Some(c) = components.get_mut(&root) {
                c.1.extend(&p.scores);
            }
        }
    }
    // Members and passages are listed in the dossier's publication order (undated last).
    let mut order: Vec<&Document> = corpus.iter().map(|(d, _)| *d).collect();
    order.sort_by(|a, b| publication_key(a).cmp(&publication_key(b)));
    let rank: HashMap<&str, (usize, bool)> = order
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), (i, d.meta.published.is_some())))
        .collect();
    let mut out: Vec<ReusePassage> = components
        .into_values()
        .map(|(mut keys, scores)| {
            keys.sort_unstable();
            let mut members = evidence_runs(corpus, sentences, &keys);
            members.sort_by_key(|m| member_key(&rank, m));
            let origin = members
                .iter()
                .find(|m| rank.get(m.doc.as_str()).is_some_and(|r| r.1))
                .map(|m| m.doc.clone());
            let similarity = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
            ReusePassage {
                id: String::new(),
                similarity: similarity.clamp(0.0, 1.0),
                origin,
                members,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        let kx = x.members.first().map(|m| member_key(&rank, m));
        let ky = y.members.first().map(|m| member_key(&rank, m));
        kx.cmp(&ky)
    });
    for (i, passage) in out.iter_mut().enumerate() {
        passage.id = format!("r{}", i + 1);
    }
    out
}

/// One evidence item per run of nearby sentences of one document within a component.
fn evidence_runs(
    corpus: &[(&Document, &Analysis)],
    sentences: &[Vec<SentenceWords>],
    keys: &[(usize, usize)],
) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None;
    let flush = |run: Option<(usize, usize, usize)>, out: &mut Vec<Evidence>| {
        let Some((d, first, last)) = run else {
            return;
        };
        let (Some(a), Some(b)) = (sentences[d].get(first), sentences[d].get(last)) else {
            return;
        };
        let doc = corpus[d].0;
        let span = a.span.cover(b.span);
        if let Ok(text) = span.slice(&doc.text) {
            out.push(Evidence {
                doc: doc.id.clone(),
                span,
                text: text.to_string(),
                sentence: span,
            });
        }
    };
    for &(d, s) in keys {
        run = match run {
            Some((rd, first, last)) if rd == d && s <= last + MAX_GAP + 1 => Some((d, first, s)),
            previous => {
                flush(previous, &mut out);
                Some((d, s, s))
            }
        };
    }
    flush(run, &mut out);
    out
}

/// A member's place: its document's rank in publication order, then its position.
fn member_key(rank: &HashMap<&str, (usize, bool)>, member: &Evidence) -> (usize, usize) {
    let doc = rank.get(member.doc.as_str()).map_or(usize::MAX, |r| r.0);
    (doc, member.span.start)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DocumentMeta;
    use proptest::prelude::*;

    fn doc(id: &str, outlet: &str, published: Option<&str>, text: &str) -> Document {
        let mut d = Document::new(id, text, id);
        d.meta = DocumentMeta {
            outlet: Some(outlet.to_string()),
            published: published.map(str::to_string),
            ..DocumentMeta::default()
        };
        d
    }

    fn run(docs: &[Document]) -> Vec<ReusePassage> {
        let analyses: Vec<Analysis> = docs.iter().map(|_| Analysis::default()).collect();
        let corpus: Vec<(&Document, &Analysis)> = docs.iter().zip(&analyses).collect();
        find_reuse(&corpus)
    }

    const WIRE: &str = "Russian armored columns rolled through the central Georgian town of \
        Gori on Tuesday, witnesses said. The ministry in Tbilisi said at least forty civilians \
        had been killed in the shelling of the town since Friday night.";

    #[test]
    fn pasted_paragraph_is_found_with_its_origin() {
        let edited = WIRE.replace("witnesses said", "according to witnesses");
        let docs = [
            doc(
                "late",
                "Daily Mirror",
                Some("2008-08-13T09:00"),
                &format!("Our view.\n{edited}\nMore later."),
            ),
            doc(
                "early",
                "Wire Agency",
                Some("2008-08-12T18:00"),
                &format!("{WIRE}\nEnds."),
            ),
            doc(
                "other",
                "Gazette",
                None,
                "The harvest festival drew large crowds.",
            ),
        ];
        let found = run(&docs);
        assert_eq!(found.len(), 1);
        let passage = &found[0];
        assert_eq!(passage.id, "r1");
        assert_eq!(passage.origin.as_deref(), Some("early"));
        assert_eq!(passage.members.len(), 2);
        assert_eq!(passage.members[0].doc, "early");
        assert!(passage.similarity > 0.8 && passage.similarity <= 1.0);
        for m in &passage.members {
            let d = docs.iter().find(|d| d.id == m.doc).unwrap();
            assert_eq!(m.span.text(&d.text), m.text);
            assert!(m.text.starts_with("Russian armored") && m.text.ends_with("Friday night."));
        }
    }

    #[test]
    fn same_outlet_boilerplate_is_not_reuse() {
        let footer = "Sign up for our free morning newsletter to get the best of our \
                      reporting delivered straight to your inbox every single day.";
        let docs = [
            doc(
                "a",
                "Gazette",
                None,
                &format!("Storm hits the coast.\n{footer}"),
            ),
            doc(
                "b",
                "Gazette",
                None,
                &format!("Elections are called.\n{footer}"),
            ),
        ];
        assert!(run(&docs).is_empty());
    }

    #[test]
    fn agency_copy_in_sixty_outlets_is_one_passage() {
        let docs: Vec<Document> = (0..60)
            .map(|i| {
                let day = format!("2008-08-{:02}", 11 + i / 20);
                let text = format!("Local desk {i} reports.\n{WIRE}");
                doc(&format!("d{i}"), &format!("Outlet {i}"), Some(&day), &text)
            })
            .collect();
        let found = run(&docs);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].members.len(), 60);
        assert_eq!(found[0].origin.as_deref(), Some("d0"));
    }

    #[test]
    fn agency_copy_in_three_outlets_is_one_passage() {
        let docs = [
            doc("a", "A", Some("2008-08-12"), WIRE),
            doc("b", "B", Some("2008-08-11"), WIRE),
            doc("c", "C", None, WIRE),
        ];
        let found = run(&docs);
        assert_eq!(found.len(), 1);
        let members: Vec<&str> = found[0].members.iter().map(|m| m.doc.as_str()).collect();
        assert_eq!(members, ["b", "a", "c"]);
        assert_eq!(found[0].origin.as_deref(), Some("b"));
    }

    proptest! {
        #[test]
        fn spans_are_exact_on_any_text(
            texts in proptest::collection::vec("[a-zé ß.\\n]{0,80}|(ab cd ef gh ij kl [ä. ]{0,10})+", 1..5)
        ) {
            let docs: Vec<Document> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| doc(&format!("d{i}"), &format!("o{i}"), None, t))
                .collect();
            for passage in run(&docs) {
                prop_assert!((0.0..=1.0).contains(&passage.similarity));
                for m in &passage.members {
                    let d = docs.iter().find(|d| d.id == m.doc).unwrap();
                    prop_assert_eq!(m.span.slice(&d.text).ok(), Some(m.text.as_str()));
                }
            }
        }
    }
}
