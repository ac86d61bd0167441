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

use parallax_core::{Dossier, QuoteGroup};
use std::collections::{BTreeSet, HashMap, HashSet};

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

fn trigrams(words: &[String]) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    words
        .windows(3)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Groups the dossier's quotes and returns the groups and, per quote index, its group index.
pub fn align(dossier: &Dossier) -> (Vec<QuoteGroup>, Vec<Option<usize>>) {
    let folded: Vec<Vec<String>> = dossier
        .quotes
        .iter()
        .map(|q| folded_words(&q.evidence.text))
        .collect();
    let grams: Vec<HashSet<u64>> = folded
        .iter()
        .map(|w| {
            if w.len() < MIN_WORDS {
                HashSet::new()
            } else {
                trigrams(w)
            }
        })
        .collect();
    let words: Vec<HashSet<String>> = folded
        .into_iter()
        .map(|w| w.into_iter().collect())
        .collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, g) in grams.iter().enumerate() {
        for &t in g {
            postings.entry(t).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..grams.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, g) in grams.iter().enumerate() {
        // Shared trigrams per later quote, counted from the postings: no set intersections.
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for t in g {
            if let Some(list) = postings.get(t).filter(|l| l.len() <= MAX_POSTINGS) {
                for &j in list.iter().filter(|&&j| j > i) {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(usize, usize)> = shared.into_iter().collect();
        candidates.sort_unstable();
        for (j, count) in candidates {
            let smaller = g.len().min(grams[j].len()).max(1) as f64;
            let trigram_containment = count as f64 / smaller;
            if trigram_containment < MIN_REWORDED_CONTAINMENT
                || dossier.quotes[i].evidence.doc == dossier.quotes[j].evidence.doc
            {
                continue;
            }
            let shared_words = words[i].intersection(&words[j]).count() as f64;
            let word_containment = shared_words / words[i].len().min(words[j].len()).max(1) as f64;
            let same = trigram_containment >= MIN_CONTAINMENT
                || (word_containment >= MIN_WORD_CONTAINMENT
                    && trigram_containment >= MIN_REWORDED_CONTAINMENT);
            if same {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let outlet_of = dossier.outlets_by_doc();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..grams.len() {
        let root = find(&mut parent, i);
        members.entry(root).or_default().push(i);
    }
    let mut roots: Vec<usize> = members
        .iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(r, _)| *r)
        .collect();
    roots.sort_unstable();
    let mut groups = Vec::new();
    let mut group_of = vec![None; grams.len()];
    for root in roots {
        let quotes = &members[&root];
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
