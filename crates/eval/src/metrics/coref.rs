//! Coreference metrics over two clusterings of mentions (a key and a response): MUC (Vilain
//! et al. 1995), B-cubed (Bagga & Baldwin 1998), entity-based CEAF (CEAF-e, φ4; Luo 2005)
//! and the CoNLL F1, the mean of the three F1s (Pradhan et al. 2012, 2014).
//!
//! Mentions are `usize` ids; a clustering is a list of clusters. The key and the response may
//! hold different mentions (a key mention missing from the response counts against recall,
//! a spurious response mention against precision), as in the reference scorer. Empty
//! clusters are ignored; a mention should appear in at most one cluster of each side.
//!
//! CEAF-e needs the best one-to-one alignment of key and response clusters. It is found with
//! the Hungarian algorithm on each connected component of the "shares a mention" graph
//! separately (clusters sharing no mention have similarity 0), so a large corpus of small
//! components costs little.

use std::collections::{BTreeSet, HashMap};

/// Precision and recall of one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
}

impl Prf {
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision, self.recall);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// MUC, B-cubed and CEAF-e of one response against one key.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CorefScores {
    pub muc: Prf,
    pub bcubed: Prf,
    pub ceafe: Prf,
}

impl CorefScores {
    /// The CoNLL F1: the unweighted mean of the MUC, B-cubed and CEAF-e F1 scores.
    pub fn conll_f1(&self) -> f64 {
        (self.muc.f1() + self.bcubed.f1() + self.ceafe.f1()) / 3.0
    }
}

/// Scores `response` against `key` with every metric.
pub fn score(key: &[Vec<usize>], response: &[Vec<usize>]) -> CorefScores {
    CorefScores {
        muc: muc(key, response),
        bcubed: bcubed(key, response),
        ceafe: ceafe(key, response),
    }
}

fn non_empty(clusters: &[Vec<usize>]) -> Vec<&Vec<usize>> {
    clusters.iter().filter(|c| !c.is_empty()).collect()
}

/// Mention → index of its cluster.
fn cluster_of(clusters: &[&Vec<usize>]) -> HashMap<usize, usize> {
    clusters
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |&m| (m, i)))
        .collect()
}

fn div(num: f64, den: f64) -> f64 {
    if den == 0.0 {
        0.0
    } else {
        num / den
    }
}

/// MUC: links. Recall is Σ(|K| − |p(K)|) / Σ(|K| − 1) over key clusters K, where p(K) is the
/// partition of K by the response (a mention absent from the response is a part of its own);
/// precision swaps the roles.
pub fn muc(key: &[Vec<usize>], response: &[Vec<usize>]) -> Prf {
    let (key, response) = (non_empty(key), non_empty(response));
    let side = |gold: &[&Vec<usize>], other: &[&Vec<usize>]| -> f64 {
        let of = cluster_of(other);
        let (mut num, mut den) = (0usize, 0usize);
        for cluster in gold {
            let mut parts = BTreeSet::new();
            let mut loose = 0;
            for m in cluster.iter() {
                match of.get(m) {
                    Some(&c) => {
                        parts.insert(c);
                    }
                    None => loose += 1,
                }
            }
            num += cluster.len() - (parts.len() + loose);
            den += cluster.len() - 1;
        }
        div(num as f64, den as f64)
    };
    Prf {
        recall: side(&key, &response),
        precision: side(&response, &key),
    }
}

/// B-cubed: recall is the mean over key mentions of |K ∩ R| / |K| (K the mention's key
/// cluster, R its response cluster; 0 when absent from the response); precision the mean over
/// response mentions of |K ∩ R| / |R|.
pub fn bcubed(key: &[Vec<usize>], response: &[Vec<usize>]) -> Prf {
    let (key, response) = (non_empty(key), non_empty(response));
    let side = |gold: &[&Vec<usize>], other: &[&Vec<usize>]| -> f64 {
        let of = cluster_of(other);
        let (mut num, mut den) = (0.0, 0.0);
        for cluster in gold {
            let mut overlap: HashMap<usize, usize> = HashMap::new();
            for m in cluster.iter() {
                if let Some(&c) = of.get(m) {
                    *overlap.entry(c).or_default() += 1;
                }
            }
            let n = cluster.len() as f64;
            num += overlap.values().map(|&k| (k * k) as f64).sum::<f64>() / n;
            den += n;
        }
        div(num, den)
    };
    Prf {
        recall: side(&key, &response),
        precision: side(&response, &key),
    }
}

/// CEAF-e: the best one-to-one alignment of key and response clusters under
/// φ4(K, R) = 2|K ∩ R| / (|K| + |R|); recall is its total over the number of key clusters,
/// precision over the number of response clusters.
pub fn ceafe(key: &[Vec<usize>], response: &[Vec<usize>]) -> Prf {
    let (key, response) = (non_empty(key), non_empty(response));
    let of_response = cluster_of(&response);
    // Overlap counts between key cluster k and response cluster r.
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, cluster) in key.iter().enumerate() {
        for m in cluster.iter() {
            if let Some(&r) = of_response.get(m) {
                *shared.entry((k, r)).or_default() += 1;
            }
        }
    }
    // Connected components of the bipartite graph (key i ↔ node i, response j ↔ node K + j).
    let mut parent: Vec<usize> = (0..key.len() + response.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(k, r) in shared.keys() {
        let (a, b) = (find(&mut parent, k), find(&mut parent, key.len() + r));
        parent[a.max(b)] = a.min(b);
    }
    let mut components: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for k in 0..key.len() {
        components
            .entry(find(&mut parent, k))
            .or_default()
            .0
            .push(k);
    }
    for r in 0..response.len() {
        let root = find(&mut parent, key.len() + r);
        components.entry(root).or_default().1.push(r);
    }
    let mut total = 0.0;
    for (keys, responses) in components.values() {
        if keys.is_empty() || responses.is_empty() {
            continue;
        }
        let weights: Vec<Vec<f64>> = keys
            .iter()
            .map(|&k| {
                responses
                    .iter()
                    .map(|&r| {
                        let both = shared.get(&(k, r)).copied().unwrap_or(0) as f64;
                        2.0 * both / (key[k].len() + response[r].len()) as f64
                    })
                    .collect()
            })
            .collect();
        total += max_assignment(&weights);
    }
    Prf {
        recall: div(total, key.len() as f64),
        precision: div(total, response.len() as f64),
    }
}

/// The largest total weight of a one-to-one assignment of rows to columns of a non-negative
/// rectangular matrix (Hungarian algorithm, O(n³) in the larger side).
pub fn max_assignment(weights: &[Vec<f64>]) -> f64 {
    let rows = weights.len();
    let columns = weights.iter().map(Vec::len).max().unwrap_or(0);
    let n = rows.max(columns);
    if n == 0 {
        return 0.0;
    }
    let weight = |i: usize, j: usize| {
        weights
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(0.0)
    };
    let top = (0..rows)
        .flat_map(|i| (0..columns).map(move |j| (i, j)))
        .map(|(i, j)| weight(i, j))
        .fold(0.0, f64::max);
    // Minimize cost = top − weight over an n×n matrix (1-based potentials, Jonker-style).
    let cost = |i: usize, j: usize| top - weight(i, j);
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut matched = vec![0usize; n + 1]; // column j → row (1-based), 0 = free
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        matched[0] = i;
        let mut j0 = 0;
        let mut min = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = matched[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if used[j] {
                    continue;
                }
                let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if reduced < min[j] {
                    min[j] = reduced;
                    way[j] = j0;
                }
                if min[j] < delta {
                    delta = min[j];
                    j1 = j;
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[matched[j]] += delta;
                    v[j] -= delta;
                } else {
                    min[j] -= delta;
                }
            }
            j0 = j1;
            if matched[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            matched[j0] = matched[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n)
        .filter(|&j| matched[j] != 0)
        .map(|j| weight(matched[j] - 1, j - 1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    // Pradhan et al. (2014), "Scoring coreference partitions of predicted mentions", Fig. 1:
    // key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}.
    fn pradhan() -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let key = vec![vec![0, 1, 2], vec![3, 4, 5, 6]];
        let response = vec![vec![0, 1], vec![2, 3], vec![5, 6, 7, 8]];
        (key, response)
    }

    #[test]
    fn muc_textbook() {
        let (key, response) = pradhan();
        let m = muc(&key, &response);
        assert!(close(m.recall, 2.0 / 5.0) && close(m.precision, 2.0 / 5.0));
        // Vilain et al. (1995): key {A,B,C,D}, response {A,B} {C,D}: R 2/3, P 1.
        let m = muc(&[vec![0, 1, 2, 3]], &[vec![0, 1], vec![2, 3]]);
        assert!(close(m.recall, 2.0 / 3.0) && close(m.precision, 1.0));
        // All singletons: no links on either side.
        let m = muc(&[vec![0, 1]], &[vec![0], vec![1]]);
        assert_eq!((m.recall, m.precision), (0.0, 0.0));
    }

    #[test]
    fn bcubed_textbook() {
        let (key, response) = pradhan();
        let b = bcubed(&key, &response);
        assert!(close(
            b.recall,
            (4.0 / 3.0 + 1.0 / 3.0 + 1.0 / 4.0 + 4.0 / 4.0) / 7.0
        ));
        assert!(close(
            b.precision,
            (4.0 / 2.0 + 1.0 / 2.0 + 1.0 / 2.0 + 4.0 / 4.0) / 8.0
        ));
        // Eight response mentions: precision 4/8 = 0.50, as in the paper.
        // Singletons against one chain of three: recall 1/3, precision 1.
        let b = bcubed(&[vec![0, 1, 2]], &[vec![0], vec![1], vec![2]]);
        assert!(close(b.recall, 1.0 / 3.0) && close(b.precision, 1.0));
    }

    #[test]
    fn ceafe_textbook() {
        let (key, response) = pradhan();
        let c = ceafe(&key, &response);
        // Best alignment {a,b,c}↔{a,b} (φ4 = 4/5) and {d,e,f,g}↔{f,g,h,i} (φ4 = 4/8).
        assert!(close(c.recall, 1.3 / 2.0) && close(c.precision, 1.3 / 3.0));
        let s = score(&key, &response);
        let expected = (0.4 + s.bcubed.f1() + 2.0 * 0.65 * (1.3 / 3.0) / (0.65 + 1.3 / 3.0)) / 3.0;
        assert!(close(s.conll_f1(), expected));
        // MUC 0.40, B-cubed 0.45, CEAF-e 0.52 as in the paper.
        assert!((s.bcubed.f1() - 0.4545).abs() < 1e-3);
        assert!((s.conll_f1() - 0.4582).abs() < 1e-3);
    }

    #[test]
    fn identical_clusterings_score_one() {
        let key = vec![vec![0, 1, 2], vec![3], vec![4, 5]];
        let s = score(&key, &key);
        for prf in [s.muc, s.bcubed, s.ceafe] {
            assert!(close(prf.precision, 1.0) && close(prf.recall, 1.0));
        }
        assert!(close(s.conll_f1(), 1.0));
        assert_eq!(score(&[], &[]).conll_f1(), 0.0);
    }

    #[test]
    fn hungarian_finds_the_best_assignment() {
        // Greedy would take 0.9 then 0.1; the best is 0.8 + 0.7.
        assert!(close(
            max_assignment(&[vec![0.9, 0.8], vec![0.7, 0.1]]),
            1.5
        ));
        assert!(close(
            max_assignment(&[vec![0.5], vec![0.6], vec![0.1]]),
            0.6
        ));
        assert!(close(max_assignment(&[vec![0.2, 0.3, 0.9]]), 0.9));
        assert_eq!(max_assignment(&[]), 0.0);
    }
}
