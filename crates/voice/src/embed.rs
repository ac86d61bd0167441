//! Word vectors learned from unlabelled news text, for the words the labelled sentences lack.
//!
//! A few thousand labelled sentences leave most evaluative words unseen or seen once; word
//! vectors learned from a larger body of plain news text let the classifier weigh a word it
//! has never seen labelled by the company it keeps ("ridiculous" near "absurd"). The method is
//! the classic count-based one (Levy, Goldberg & Dagan 2015): co-occurrence counts within
//! [`WINDOW`] words (weighted `1/distance`) among the [`VOCABULARY`] most frequent tokens,
//! positive pointwise mutual information with the context distribution smoothed by
//! [`CONTEXT_SMOOTHING`], and a truncated SVD (`U·sqrt(S)`, rows scaled to unit length)
//! computed by randomized subspace iteration from a fixed seed.
//!
//! Everything is sequential and seeded, so the same text always gives the same vectors. The
//! classifier uses a sentence's mean word vector as a feature block; since that block is
//! linear, the trained model stores only each word's dot product with the block's weights
//! ([`crate::model::Model::words`]), never the vectors.

use crate::tokens::Tokens;
use rustc_hash::FxHashMap;

/// Tokens kept: the most frequent, at least [`MIN_COUNT`] times in the text.
pub const VOCABULARY: usize = 20_000;
pub const MIN_COUNT: u32 = 3;
/// Words on either side counted as context.
pub const WINDOW: usize = 4;
/// Exponent of the context distribution (`0.75`, as in word2vec's negative sampling).
pub const CONTEXT_SMOOTHING: f64 = 0.75;
/// Extra random directions of the randomized SVD, and its power iterations.
const OVERSAMPLE: usize = 10;
const POWER_ITERATIONS: usize = 4;

/// Unit-length vectors of `dims` dimensions for the words of `vocabulary`.
#[derive(Debug, Clone, PartialEq)]
pub struct Embeddings {
    pub vocabulary: Vec<String>,
    pub dims: usize,
    /// `vocabulary.len() * dims` numbers, one row per word.
    pub vectors: Vec<f32>,
}

impl Embeddings {
    /// The vector of the `index`th word.
    pub fn row(&self, index: usize) -> &[f32] {
        self.vectors
            .get(index * self.dims..(index + 1) * self.dims)
            .unwrap_or(&[])
    }

    /// A map from each word to its row.
    pub fn index(&self) -> FxHashMap<&str, usize> {
        self.vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i))
            .collect()
    }

    /// The mean vector of the sentence's words that have one (zeros when none has).
    pub fn mean(&self, index: &FxHashMap<&str, usize>, tokens: &Tokens) -> Vec<f32> {
        let mut sum = vec![0f32; self.dims];
        let mut n = 0;
        for token in tokens.iter() {
            if let Some(&row) = index.get(token) {
                sum.iter_mut().zip(self.row(row)).for_each(|(s, v)| *s += v);
                n += 1;
            }
        }
        if n > 0 {
            sum.iter_mut().for_each(|s| *s /= n as f32);
        }
        sum
    }
}

/// Learns `dims`-dimensional vectors from tokenized sentences (or paragraphs).
pub fn learn(texts: &[Tokens], dims: usize) -> Embeddings {
    // The vocabulary: most frequent first, ties in byte order.
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for tokens in texts {
        for token in tokens.iter() {
            *counts.entry(token).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(&str, u32)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= MIN_COUNT)
        .collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(VOCABULARY);
    let vocabulary: Vec<String> = ranked.iter().map(|(w, _)| w.to_string()).collect();
    let n = vocabulary.len();
    let index: FxHashMap<&str, u32> = ranked
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();

    // Symmetric co-occurrence counts, weighted by 1/distance.
    let mut pairs: FxHashMap<u64, f64> = FxHashMap::default();
    for tokens in texts {
        let ids: Vec<Option<u32>> = tokens.iter().map(|t| index.get(t).copied()).collect();
        for (i, a) in ids.iter().enumerate() {
            let Some(a) = *a else { continue };
            for d in 1..=WINDOW {
                let Some(Some(b)) = ids.get(i + d) else {
                    continue;
                };
                let weight = 1.0 / d as f64;
                *pairs.entry(key(a, *b)).or_insert(0.0) += weight;
                *pairs.entry(key(*b, a)).or_insert(0.0) += weight;
            }
        }
    }
    let mut cells: Vec<(u64, f64)> = pairs.into_iter().collect();
    cells.sort_unstable_by_key(|(k, _)| *k);

    // Positive PMI, with the context distribution smoothed.
    let mut row_sum = vec![0f64; n];
    let mut col_sum = vec![0f64; n];
    for (k, v) in &cells {
        row_sum[(k >> 32) as usize] += v;
        col_sum[(k & 0xffff_ffff) as usize] += v;
    }
    let smoothed: Vec<f64> = col_sum.iter().map(|c| c.powf(CONTEXT_SMOOTHING)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let mut matrix = Sparse {
        starts: vec![0; n + 1],
        cols: Vec::new(),
        values: Vec::new(),
    };
    for (k, v) in &cells {
        let (r, c) = ((k >> 32) as usize, (k & 0xffff_ffff) as usize);
        let pmi = (v * smoothed_total / (row_sum[r] * smoothed[c])).ln();
        if pmi > 0.0 {
            matrix.cols.push(c as u32);
            matrix.values.push(pmi);
            matrix.starts[r + 1] = matrix.cols.len();
        }
    }
    for r in 0..n {
        matrix.starts[r + 1] = matrix.starts[r + 1].max(matrix.starts[r]);
    }

    let vectors = top_left_singular(&matrix, n, dims);
    Embeddings {
        vocabulary,
        dims,
        vectors,
    }
}

fn key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// A square sparse matrix in compressed rows.
struct Sparse {
    starts: Vec<usize>,
    cols: Vec<u32>,
    values: Vec<f64>,
}

impl Sparse {
    /// `self · x` for a dense `n × l` matrix `x` (row-major).
    fn times(&self, x: &[f64], l: usize) -> Vec<f64> {
        let n = self.starts.len() - 1;
        let mut out = vec![0f64; n * l];
        for r in 0..n {
            let row = &mut out[r * l..(r + 1) * l];
            for at in self.starts[r]..self.starts[r + 1] {
                let (c, v) = (self.cols[at] as usize, self.values[at]);
                row.iter_mut()
                    .zip(&x[c * l..(c + 1) * l])
                    .for_each(|(o, xi)| *o += v * xi);
            }
        }
        out
    }

    /// `selfᵀ · x`.
    fn transposed_times(&self, x: &[f64], l: usize) -> Vec<f64> {
        let n = self.starts.len() - 1;
        let mut out = vec![0f64; n * l];
        for r in 0..n {
            let xr = &x[r * l..(r + 1) * l];
            for at in self.starts[r]..self.starts[r + 1] {
                let (c, v) = (self.cols[at] as usize, self.values[at]);
                out[c * l..(c + 1) * l]
                    .iter_mut()
                    .zip(xr)
                    .for_each(|(o, xi)| *o += v * xi);
            }
        }
        out
    }
}

/// Rows of `U·sqrt(S)` for the top `dims` singular triplets of `matrix` (`n × n`), each row
/// scaled to unit length, by randomized subspace iteration (Halko, Martinsson & Tropp 2011).
fn top_left_singular(matrix: &Sparse, n: usize, dims: usize) -> Vec<f32> {
    let l = (dims + OVERSAMPLE).min(n);
    if n == 0 || dims == 0 {
        return Vec::new();
    }
    let mut state = 0x5eed_u64;
    let mut q: Vec<f64> = (0..n * l).map(|_| gaussian(&mut state)).collect();
    q = matrix.times(&q, l);
    orthonormalize(&mut q, n, l);
    for _ in 0..POWER_ITERATIONS {
        let mut z = matrix.transposed_times(&q, l);
        orthonormalize(&mut z, n, l);
        q = matrix.times(&z, l);
        orthonormalize(&mut q, n, l);
    }
    // B = Qᵀ A (l × n); B Bᵀ = Qᵀ A Aᵀ Q, whose eigenvectors rotate Q onto U.
    let at_q = matrix.transposed_times(&q, l); // Aᵀ Q, n × l: row j holds B[:, j].
    let mut gram = vec![0f64; l * l];
    for row in at_q.chunks_exact(l) {
        for i in 0..l {
            for j in i..l {
                gram[i * l + j] += row[i] * row[j];
            }
        }
    }
    for i in 0..l {
        for j in 0..i {
            gram[i * l + j] = gram[j * l + i];
        }
    }
    let (values, vectors) = jacobi_eigen(gram, l);
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|a, b| values[*b].total_cmp(&values[*a]).then(a.cmp(b)));
    let dims = dims.min(l);
    let mut out = vec![0f32; n * dims];
    for r in 0..n {
        let qr = &q[r * l..(r + 1) * l];
        let row = &mut out[r * dims..(r + 1) * dims];
        for (k, &e) in order.iter().take(dims).enumerate() {
            // Singular value = sqrt(eigenvalue); U·sqrt(S) scales by its square root.
            let scale = values[e].max(0.0).sqrt().sqrt();
            let u: f64 = (0..l).map(|i| qr[i] * vectors[i * l + e]).sum();
            row[k] = (u * scale) as f32;
        }
        let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|v| *v /= norm);
        }
    }
    out
}

/// Modified Gram–Schmidt on the `l` columns of the row-major `n × l` matrix `x`.
fn orthonormalize(x: &mut [f64], n: usize, l: usize) {
    for j in 0..l {
        for k in 0..j {
            let dot: f64 = (0..n).map(|r| x[r * l + j] * x[r * l + k]).sum();
            for r in 0..n {
                x[r * l + j] -= dot * x[r * l + k];
            }
        }
        let norm = (0..n).map(|r| x[r * l + j].powi(2)).sum::<f64>().sqrt();
        for r in 0..n {
            x[r * l + j] = if norm > 1e-300 {
                x[r * l + j] / norm
            } else {
                0.0
            };
        }
    }
}

/// Eigenvalues and eigenvectors (columns of the row-major result) of a symmetric `l × l`
/// matrix, by cyclic Jacobi rotations.
fn jacobi_eigen(mut a: Vec<f64>, l: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0f64; l * l];
    for i in 0..l {
        v[i * l + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..l)
            .flat_map(|i| (0..l).filter(move |j| *j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * l + j].powi(2))
            .sum();
        let diagonal: f64 = (0..l).map(|i| a[i * l + i].powi(2)).sum();
        if off <= 1e-22 * diagonal.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..l {
            for q in p + 1..l {
                let apq = a[p * l + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * l + q] - a[p * l + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..l {
                    let (akp, akq) = (a[k * l + p], a[k * l + q]);
                    a[k * l + p] = c * akp - s * akq;
                    a[k * l + q] = s * akp + c * akq;
                }
                for k in 0..l {
                    let (apk, aqk) = (a[p * l + k], a[q * l + k]);
                    a[p * l + k] = c * apk - s * aqk;
                    a[q * l + k] = s * apk + c * aqk;
                }
                for k in 0..l {
                    let (vkp, vkq) = (v[k * l + p], v[k * l + q]);
                    v[k * l + p] = c * vkp - s * vkq;
                    v[k * l + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..l).map(|i| a[i * l + i]).collect(), v)
}

/// A standard normal number from a SplitMix64 stream (Box–Muller).
fn gaussian(state: &mut u64) -> f64 {
    let mut uniform = || {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    };
    let (u, v) = (uniform(), uniform());
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn words_in_like_contexts_get_like_vectors_deterministically() {
        let mut texts = Vec::new();
        for (i, adjective) in ["absurd", "ridiculous", "shameful"].iter().enumerate() {
            for _ in 0..5 + i {
                texts.push(tokenize(&format!("this policy is {adjective} and wrong")));
            }
        }
        for (i, verb) in ["said", "told", "reported"].iter().enumerate() {
            for _ in 0..5 + i {
                texts.push(tokenize(&format!("the ministry {verb} on monday that")));
            }
        }
        let e = learn(&texts, 4);
        assert_eq!(e, learn(&texts, 4));
        let index = e.index();
        let cos = |a: &str, b: &str| -> f32 {
            let (a, b) = (e.row(index[a]), e.row(index[b]));
            a.iter().zip(b).map(|(x, y)| x * y).sum()
        };
        assert!(cos("absurd", "ridiculous") > cos("absurd", "said") + 0.3);
        assert!(cos("said", "told") > cos("said", "shameful") + 0.3);
    }
}
