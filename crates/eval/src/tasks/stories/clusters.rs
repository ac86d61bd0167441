//! Clustering agreement metrics over a contingency table: B-cubed precision/recall/F1,
//! pairwise precision/recall/F1 and the adjusted Rand index.

use crate::metrics::Counts;
use std::collections::HashMap;

/// Agreement of a predicted clustering with a gold clustering of the same items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub pairwise: Counts,
    pub ari: f64,
}

impl Agreement {
    pub fn bcubed_f1(&self) -> f64 {
        harmonic(self.bcubed_precision, self.bcubed_recall)
    }
}

/// Compares `predicted` with `gold` (cluster labels per item, same order and length).
pub fn agreement(predicted: &[usize], gold: &[usize]) -> Agreement {
    let n = predicted.len().min(gold.len());
    let mut cells: HashMap<(usize, usize), usize> = HashMap::new();
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut columns: HashMap<usize, usize> = HashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *cells.entry((p, g)).or_default() += 1;
        *rows.entry(p).or_default() += 1;
        *columns.entry(g).or_default() += 1;
    }
    let mut precision = 0.0;
    let mut recall = 0.0;
    for (&(p, g), &count) in &cells {
        let squared = (count * count) as f64;
        precision += squared / rows.get(&p).copied().unwrap_or(1) as f64;
        recall += squared / columns.get(&g).copied().unwrap_or(1) as f64;
    }
    let pairs = |counts: &mut dyn Iterator<Item = usize>| -> usize {
        counts.map(|c| c * c.saturating_sub(1) / 2).sum()
    };
    let same_both = pairs(&mut cells.values().copied());
    let same_predicted = pairs(&mut rows.values().copied());
    let same_gold = pairs(&mut columns.values().copied());
    let total = n * n.saturating_sub(1) / 2;
    let expected = if total == 0 {
        0.0
    } else {
        same_predicted as f64 * same_gold as f64 / total as f64
    };
    let max_index = (same_predicted + same_gold) as f64 / 2.0;
    let ari = if (max_index - expected).abs() < 1e-12 {
        1.0
    } else {
        (same_both as f64 - expected) / (max_index - expected)
    };
    let n = n.max(1) as f64;
    Agreement {
        bcubed_precision: precision / n,
        bcubed_recall: recall / n,
        pairwise: Counts {
            tp: same_both,
            fp: same_predicted - same_both,
            fn_: same_gold - same_both,
        },
        ari,
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_merged_clusterings() {
        let gold = [0, 0, 1, 1];
        let same = agreement(&[5, 5, 7, 7], &gold);
        assert_eq!(same.bcubed_f1(), 1.0);
        assert_eq!(same.pairwise.f1(), 1.0);
        assert!((same.ari - 1.0).abs() < 1e-9);
        let merged = agreement(&[0, 0, 0, 0], &gold);
        assert!((merged.bcubed_precision - 0.5).abs() < 1e-9);
        assert_eq!(merged.bcubed_recall, 1.0);
        assert_eq!((merged.pairwise.tp, merged.pairwise.fp), (2, 4));
        assert!(merged.ari.abs() < 1e-9);
    }
}
