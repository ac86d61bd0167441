//! Quote alignment: the same statement quoted by several articles, grouped.
//!
//! Quotes are compared by their folded words (lowercase ASCII letters and digits). Candidate
//! pairs come from an inverted index over word trigrams, so only quotes that share wording are
//! compared; a pair is the same statement when the shorter quote's trigrams are mostly (≥ 60%)
//! contained in the longer's — verbatim copies and trimmed quotes — or when its words are
//! mostly (≥ 80%) contained and at least a quarter of its trigrams are — light rewording
//! ("will not" → "will never"). Groups are the connected components; the canonical wording is the longest
//! member. Quotes of fewer than four words are not grouped: they are too common to identify a
//! statement.
//!
//! Quotes with identical folded words are one class and are compared once, so a statement
//! quoted by many articles costs one lookup per copy; trigrams found in more than
//! [`MAX_POSTINGS`] quotes are formulaic and neither find candidates nor count as shared.

use crate::words::hash_str;
use parallax_core::{Dossier, QuoteGroup};
use std::collections::{BTreeMap, BTreeSet, HashMap};

const MIN_WORDS: usize = 4;
const MIN_CONTAINMENT: f64 = 0.6;
const MIN_WORD_CONTAINMENT: f64 = 0.8;
const MIN_REWORDED_CONTAINMENT: f64 = 0.25;
/// Trigrams shared by more quotes than this are formulaic and not used to find candidates.
const MAX_POSTINGS: usize = 64;

fn folded_words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The distinct trigram hashes of `words`, sorted.
fn trigrams(words: &[String]) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<u64> = words
        .windows(3)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many values two sorted, deduplicated lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Identical quotes (same folded words), compared once: every pair of them across documents
/// is the same statement exactly when the class's own trigram test passes.
struct Class {
    /// Its quotes, in dossier order.
    quotes: Vec<usize>,
    /// Its only document, or `None` when its quotes span several.
    single_doc: Option<usize>,
    grams: Vec<u64>,
    /// The trigrams found in at most [`MAX_POSTINGS`] quotes, sorted.
    usable: Vec<u64>,
    /// Distinct folded-word hashes, sorted.
    words: Vec<u64>,
}

/// Whether quotes with these trigrams and words are the same statement.
fn same_statement(a: &Class, b: &Class, shared_grams: usize) -> bool {
    let smaller = a.grams.len().min(b.grams.len()).max(1) as f64;
    let trigram_containment = shared_grams as f64 / smaller;
    if trigram_containment < MIN_REWORDED_CONTAINMENT {
        return false;
    }
    let shared_words = shared(&a.words, &b.words) as f64;
    let word_containment = shared_words / a.words.len().min(b.words.len()).max(1) as f64;
    trigram_containment >= MIN_CONTAINMENT || word_containment >= MIN_WORD_CONTAINMENT
}

/// Groups the dossier's quotes and returns the groups and, per quote index, its group index.
///
/// Quotes with the same folded words form one class and are compared as one, so a statement
/// copied into many articles costs one lookup per copy; distinct wordings are compared through
/// the trigram index, whose postings are capped.
pub fn align(dossier: &Dossier) -> (Vec<QuoteGroup>, Vec<Option<usize>>) {
    let n = dossier.quotes.len();
    let mut doc_index: HashMap<&str, usize> = HashMap::new();
    let mut class_of: HashMap<Vec<String>, usize> = HashMap::new();
    let mut classes: Vec<Class> = Vec::new();
    let mut quote_doc: Vec<usize> = Vec::with_capacity(n);
    for (q, quote) in dossier.quotes.iter().enumerate() {
        let next_doc = doc_index.len();
        let doc = *doc_index
            .entry(quote.evidence.doc.as_str())
            .or_insert(next_doc);
        let folded = folded_words(&quote.evidence.text);
        let next = classes.len();
        let c = match class_of.get(&folded) {
            Some(&c) => c,
            None => {
                let mut words: Vec<u64> = folded.iter().map(|w| hash_str(w)).collect();
                words.sort_unstable();
                words.dedup();
                let grams = if folded.len() < MIN_WORDS {
                    Vec::new()
                } else {
                    trigrams(&folded)
                };
                class_of.insert(folded, next);
                classes.push(Class {
                    quotes: Vec::new(),
                    single_doc: Some(doc),
                    grams,
                    usable: Vec::new(),
                    words,
                });
                next
            }
        };
        let class = &mut classes[c];
        if class.single_doc != Some(doc) && !class.quotes.is_empty() {
            class.single_doc = None;
        }
        class.quotes.push(q);
        quote_doc.push(doc);
    }
    drop(class_of);
    // How many quotes have each trigram: those in more than MAX_POSTINGS are formulaic and
    // neither find candidates nor count as shared.
    let mut quotes_with: HashMap<u64, usize> = HashMap::new();
    for class in &classes {
        for &t in &class.grams {
            *quotes_with.entry(t).or_default() += class.quotes.len();
        }
    }
    for class in &mut classes {
        class.usable = class
            .grams
            .iter()
            .copied()
            .filter(|t| quotes_with.get(t).is_some_and(|&q| q <= MAX_POSTINGS))
            .collect();
    }
    drop(quotes_with);
    // A class spanning several documents is one connected set when its copies match each
    // other; when they do not, its quotes only meet through other classes, so it is split
    // into one class per document (quotes of one document are never compared).
    let mut joined: Vec<bool> = Vec::with_capacity(classes.len());
    let mut final_classes: Vec<Class> = Vec::with_capacity(classes.len());
    for class in classes {
        let self_match =
            !class.usable.is_empty() && same_statement(&class, &class, class.usable.len());
        if class.single_doc.is_some() || self_match {
            joined.push(class.single_doc.is_none());
            final_classes.push(class);
            continue;
        }
        let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &q in &class.quotes {
            by_doc.entry(quote_doc[q]).or_default().push(q);
        }
        for (doc, quotes) in by_doc {
            joined.push(false);
            final_classes.push(Class {
                quotes,
                single_doc: Some(doc),
                grams: class.grams.clone(),
                usable: class.usable.clone(),
                words: class.words.clone(),
            });
        }
    }
    let classes = final_classes;
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (c, class) in classes.iter().enumerate() {
        for &t in &class.usable {
            postings.entry(t).or_default().push(c);
        }
    }
    let mut parent: Vec<usize> = (0..classes.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // A class's quotes join a group when they match across documents: with each other (above),
    // or with another class.
    let mut counts: Vec<usize> = vec![0; classes.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (a, class) in classes.iter().enumerate() {
        // Shared usable trigrams per later class, counted from the postings.
        for t in &class.usable {
            let Some(list) = postings.get(t) else {
                continue;
            };
            for &b in &list[list.partition_point(|&b| b <= a)..] {
                if counts[b] == 0 {
                    touched.push(b);
                }
                counts[b] += 1;
            }
        }
        touched.sort_unstable();
        for &b in &touched {
            let other = &classes[b];
            let one_doc = class.single_doc.is_some() && class.single_doc == other.single_doc;
            if !one_doc && same_statement(class, other, counts[b]) {
                joined[a] = true;
                joined[b] = true;
                let (x, y) = (find(&mut parent, a), find(&mut parent, b));
                parent[x.max(y)] = x.min(y);
            }
            counts[b] = 0;
        }
        touched.clear();
    }
    // Quote-level components: a joined class's quotes under its class root, others alone.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, class) in classes.iter().enumerate() {
        if joined[c] {
            let root = find(&mut parent, c);
            members.entry(root).or_default().extend(&class.quotes);
        }
    }
    for m in members.values_mut() {
        m.sort_unstable();
    }
    let mut components: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() > 1).collect();
    components.sort_unstable_by_key(|m| m[0]);
    let outlet_of = dossier.outlets_by_doc();
    let mut groups = Vec::new();
    let mut group_of = vec![None; n];
    for quotes in &components {
        let canonical = quotes
            .iter()
            .map(|&q| &dossier.quotes[q].evidence.text)
            .max_by_key(|t| t.len())
            .cloned()
            .unwrap_or_default();
        let outlets: BTreeSet<String> = quotes
            .iter()
            .map(|&q| {
                outlet_of
                    .get(dossier.quotes[q].evidence.doc.as_str())
                    .copied()
                    .unwrap_or(parallax_core::UNKNOWN_OUTLET)
                    .to_string()
            })
            .collect();
        let speakers: BTreeSet<&str> = quotes
            .iter()
            .filter_map(|&q| dossier.quotes[q].speaker.as_deref())
            .collect();
        for &q in quotes {
            group_of[q] = Some(groups.len());
        }
        groups.push(QuoteGroup {
            id: format!("g{}", groups.len() + 1),
            canonical,
            quotes: quotes
                .iter()
                .map(|&q| dossier.quotes[q].id.clone())
                .collect(),
            outlets: outlets.into_iter().collect(),
            speaker: (speakers.len() == 1)
                .then(|| speakers.into_iter().next().map(str::to_string))
                .flatten(),
        });
    }
    (groups, group_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{DossierDocument, DossierQuote, Evidence, QuoteKind, Span};

    fn quote(id: &str, doc: &str, text: &str) -> DossierQuote {
        DossierQuote {
            id: id.into(),
            evidence: Evidence {
                doc: doc.into(),
                span: Span::new(0, text.len()),
                text: text.into(),
                sentence: Span::new(0, text.len()),
            },
            kind: QuoteKind::Direct,
            cue: None,
            speaker: None,
            speaker_text: None,
            speaker_span: None,
            channel: None,
            group: None,
        }
    }

    #[test]
    fn groups_verbatim_trimmed_and_reworded_across_documents() {
        let mut d = Dossier::empty();
        for (id, outlet) in [("a", "Wire"), ("b", "Herald"), ("c", "Today")] {
            d.documents.push(DossierDocument {
                id: id.into(),
                text: String::new(),
                title: None,
                outlet: Some(outlet.into()),
                published: None,
                source: id.into(),
                url: None,
                authors: vec![],
                paragraphs: vec![],
                sentences: vec![],
                voice: Vec::new(),
                time_anchor: None,
                diagnostics: vec![],
            });
        }
        d.quotes = vec![
            quote("q1", "a", "We will not surrender a single village. Ostrava is Marenia, and it always will be,"),
            quote("q2", "b", "We will not surrender a single village,"),
            quote("q3", "c", "we will never surrender a single village"),
            quote("q4", "c", "Every target was a military one,"),
            quote("q5", "a", "We will not surrender a single village"),
        ];
        let (groups, of) = align(&d);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].outlets, ["Herald", "Today", "Wire"]);
        assert_eq!(of, [Some(0), Some(0), Some(0), None, Some(0)]);
        assert!(groups[0]
            .canonical
            .starts_with("We will not surrender a single village. Ostrava"));
    }
}
