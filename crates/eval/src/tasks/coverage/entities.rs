//! Who is who: gold name mentions matched to the dossier's entity mentions, the pairwise merge
//! scores over them, and the identity of a system entity (which gold actor it stands for).
//!
//! Matching is one to one within an article: every (gold mention, system mention) pair whose
//! spans overlap is a candidate, and candidates are taken greedily — an exact span first, then
//! the longer overlap, then a proper-name mention before a pronoun or description, then text
//! order — so one system mention ("Rep. Bob Etheridge (D-N.C.)") never stands for two gold
//! mentions. A gold mention left without a partner is unmatched and takes no part in pairs.
//!
//! Pairs: over the matched gold mentions of one story, every unordered pair is *gold-same*
//! when both mentions are of one gold entity and *system-same* when both matched mentions
//! belong to one dossier entity. Merge precision = pairs both gold- and system-same / pairs
//! system-same; merge recall = the same / pairs gold-same. Counted from the contingency table
//! of (gold entity, system entity), so the cost is linear in the mentions.

use crate::formats::coverage::GoldMention;
use parallax_core::{Dossier, MentionKind, Span};
use std::collections::HashMap;

/// A mention of a dossier entity, placed in one of the story's articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SystemMention {
    pub span: Span,
    /// Index into `dossier.entities`.
    pub entity: usize,
    pub kind: MentionKind,
}

/// The dossier's entity mentions per article (in the story's article order).
pub(crate) fn system_mentions(dossier: &Dossier, doc_ids: &[&str]) -> Vec<Vec<SystemMention>> {
    let index: HashMap<&str, usize> = doc_ids.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut out = vec![Vec::new(); doc_ids.len()];
    for (entity, e) in dossier.entities.iter().enumerate() {
        for m in &e.mentions {
            if let Some(&doc) = index.get(m.evidence.doc.as_str()) {
                out[doc].push(SystemMention {
                    span: m.evidence.span,
                    entity,
                    kind: m.kind,
                });
            }
        }
    }
    out
}

/// Length of the overlap of two spans (0 when they do not overlap).
pub(crate) fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// For each gold mention, the dossier entity of the system mention it is matched to.
pub(crate) fn match_mentions(
    gold: &[GoldMention],
    system: &[Vec<SystemMention>],
) -> Vec<Option<usize>> {
    let mut candidates = Vec::new();
    for (g, m) in gold.iter().enumerate() {
        for (s, sm) in system.get(m.doc).into_iter().flatten().enumerate() {
            let shared = overlap(m.span, sm.span);
            if shared > 0 {
                let rank = (
                    sm.span != m.span,
                    usize::MAX - shared,
                    sm.kind != MentionKind::Name,
                    sm.span.start,
                );
                candidates.push((rank, g, m.doc, s));
            }
        }
    }
    candidates.sort();
    let mut out = vec![None; gold.len()];
    let mut used = std::collections::HashSet::new();
    for (_, g, doc, s) in candidates {
        if out[g].is_none() && used.insert((doc, s)) {
            out[g] = Some(system[doc][s].entity);
        }
    }
    out
}

/// Pair counts of one set of matched mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Pairs {
    /// Pairs of one gold entity and one system entity.
    pub both: u64,
    pub gold_same: u64,
    pub system_same: u64,
}

impl Pairs {
    pub fn add(&mut self, other: Pairs) {
        self.both += other.both;
        self.gold_same += other.gold_same;
        self.system_same += other.system_same;
    }

    /// What `self` counts beyond `part` (the pairs of `self` not in `part`).
    pub fn minus(self, part: Pairs) -> Pairs {
        Pairs {
            both: self.both - part.both,
            gold_same: self.gold_same - part.gold_same,
            system_same: self.system_same - part.system_same,
        }
    }

    pub fn precision(&self) -> f64 {
        fraction(self.both, self.system_same)
    }

    pub fn recall(&self) -> f64 {
        fraction(self.both, self.gold_same)
    }
}

fn fraction(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Pairs over the matched gold mentions accepted by `keep`.
pub(crate) fn pairs(
    gold: &[GoldMention],
    matched: &[Option<usize>],
    keep: impl Fn(&GoldMention) -> bool,
) -> Pairs {
    let mut cells: HashMap<(&str, usize), u64> = HashMap::new();
    let mut rows: HashMap<&str, u64> = HashMap::new();
    let mut columns: HashMap<usize, u64> = HashMap::new();
    for (m, entity) in gold.iter().zip(matched) {
        let Some(entity) = *entity else { continue };
        if !keep(m) {
            continue;
        }
        *cells.entry((m.entity.as_str(), entity)).or_default() += 1;
        *rows.entry(m.entity.as_str()).or_default() += 1;
        *columns.entry(entity).or_default() += 1;
    }
    let choose2 = |n: &u64| n * n.saturating_sub(1) / 2;
    Pairs {
        both: cells.values().map(choose2).sum(),
        gold_same: rows.values().map(choose2).sum(),
        system_same: columns.values().map(choose2).sum(),
    }
}

/// Which gold entity each dossier entity stands for, per article: the gold entity most of its
/// matched mentions in that article are of, else (no matched mention there) most of its matched
/// mentions in the story; ties go to the gold id first in alphabetical order.
pub(crate) struct Identities {
    per_doc: HashMap<(usize, usize), String>,
    per_story: HashMap<usize, String>,
}

impl Identities {
    pub fn new(gold: &[GoldMention], matched: &[Option<usize>]) -> Identities {
        let mut per_doc: HashMap<(usize, usize), HashMap<&str, usize>> = HashMap::new();
        let mut per_story: HashMap<usize, HashMap<&str, usize>> = HashMap::new();
        for (m, entity) in gold.iter().zip(matched) {
            if let Some(entity) = *entity {
                *per_doc
                    .entry((m.doc, entity))
                    .or_default()
                    .entry(&m.entity)
                    .or_default() += 1;
                *per_story
                    .entry(entity)
                    .or_default()
                    .entry(&m.entity)
                    .or_default() += 1;
            }
        }
        fn plurality(votes: HashMap<&str, usize>) -> String {
            let mut votes: Vec<(&str, usize)> = votes.into_iter().collect();
            votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            votes[0].0.to_string()
        }
        Identities {
            per_doc: per_doc
                .into_iter()
                .map(|(k, v)| (k, plurality(v)))
                .collect(),
            per_story: per_story
                .into_iter()
                .map(|(k, v)| (k, plurality(v)))
                .collect(),
        }
    }

    /// The gold entity dossier entity `entity` stands for in article `doc`.
    pub fn of(&self, doc: usize, entity: usize) -> Option<&str> {
        self.per_doc
            .get(&(doc, entity))
            .or_else(|| self.per_story.get(&entity))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(doc: usize, start: usize, end: usize, entity: &str) -> GoldMention {
        GoldMention {
            doc,
            span: Span::new(start, end),
            entity: entity.into(),
        }
    }

    fn sys(start: usize, end: usize, entity: usize) -> SystemMention {
        SystemMention {
            span: Span::new(start, end),
            entity,
            kind: MentionKind::Name,
        }
    }

    #[test]
    fn matching_is_one_to_one_and_prefers_exact_spans() {
        let g = vec![gold(0, 0, 13, "etheridge"), gold(0, 18, 22, "nc")];
        // One system mention covers both gold mentions; the state also has its own mention.
        let s = vec![vec![sys(0, 23, 0), sys(18, 22, 1)]];
        assert_eq!(match_mentions(&g, &s), vec![Some(0), Some(1)]);
        // Without the state's own mention, only the longer overlap is matched.
        let s = vec![vec![sys(0, 23, 0)]];
        assert_eq!(match_mentions(&g, &s), vec![Some(0), None]);
        // A mention in another article never matches.
        assert_eq!(match_mentions(&[gold(1, 0, 13, "x")], &s), vec![None]);
    }

    #[test]
    fn pairs_count_precision_and_recall() {
        // Gold: Joe ×3, Jill ×1. System: all four together (Jill merged into Joe).
        let g = vec![
            gold(0, 0, 1, "joe"),
            gold(0, 2, 3, "joe"),
            gold(1, 0, 1, "joe"),
            gold(1, 2, 3, "jill"),
        ];
        let matched = vec![Some(0), Some(0), Some(0), Some(0)];
        let p = pairs(&g, &matched, |_| true);
        assert_eq!((p.both, p.gold_same, p.system_same), (3, 3, 6));
        assert_eq!(p.precision(), 0.5);
        assert_eq!(p.recall(), 1.0);
        // Split instead: Joe in two entities across the articles; unmatched mentions left out.
        let matched = vec![Some(0), Some(0), Some(1), None];
        let p = pairs(&g, &matched, |_| true);
        assert_eq!((p.both, p.gold_same, p.system_same), (1, 3, 1));
        let within = pairs(&g, &matched, |m| m.doc == 0);
        assert_eq!(
            p.minus(within),
            Pairs {
                both: 0,
                gold_same: 2,
                system_same: 0
            }
        );
    }

    #[test]
    fn identity_is_the_plurality_in_the_article_then_the_story() {
        let g = vec![
            gold(0, 0, 1, "joe"),
            gold(0, 2, 3, "jill"),
            gold(0, 4, 5, "joe"),
            gold(1, 0, 1, "jill"),
        ];
        let matched = vec![Some(7), Some(7), Some(7), Some(7)];
        let ids = Identities::new(&g, &matched);
        assert_eq!(ids.of(0, 7), Some("joe"));
        assert_eq!(ids.of(1, 7), Some("jill"));
        // No matched mention in article 2: the story-wide plurality (a tie, alphabetical).
        assert_eq!(ids.of(2, 7), Some("jill"));
        assert_eq!(ids.of(0, 8), None);
    }
}
