//! Training the tone model: multinomial logistic regression (softmax) with an L2 penalty,
//! fitted by the same deterministic full-batch L-BFGS as the voice model
//! ([`crate::train::lbfgs`]).
//!
//! With word vectors, the window's and the sentence's mean vectors (times the block weight)
//! are two extra feature blocks during training; afterwards each word's vector is dotted with
//! each block's class weights, which is all the model file keeps ([`ToneModel::words`]).

use crate::embed::Embeddings;
use crate::tone::features::{self, Reading, Targeted, ToneConfig};
use crate::tone::model::{ToneModel, CLASSES, WORD_WEIGHTS};
use crate::tone::view::View;
use crate::train::{lbfgs, Objective};
use rustc_hash::FxHashMap;

/// One labelled target in a sentence.
#[derive(Debug, Clone)]
pub struct ToneExample {
    pub view: View,
    /// Indices into `view.tokens` of the target's mention tokens.
    pub targets: Vec<usize>,
    /// The target's words, normalized.
    pub target_words: Vec<String>,
    /// 0 negative, 1 neutral, 2 positive.
    pub class: usize,
    pub weight: f32,
}

#[derive(Debug, Clone)]
pub struct ToneTrainOptions {
    pub config: ToneConfig,
    pub l2: f64,
    pub max_iterations: usize,
    /// Reweights the classes so each carries a third of the total example weight.
    pub balance_classes: bool,
    /// The scale of the two word-vector blocks.
    pub word_weight: f32,
}

impl Default for ToneTrainOptions {
    fn default() -> Self {
        ToneTrainOptions {
            config: ToneConfig::default(),
            l2: 1e-3,
            max_iterations: 300,
            balance_classes: true,
            word_weight: 5.0,
        }
    }
}

/// The sparse features of one example, with the word-vector blocks as slots after the hashed
/// ones when `vectors` is given.
pub fn example_features(
    e: &ToneExample,
    options: &ToneTrainOptions,
    vectors: Option<(&Embeddings, &FxHashMap<&str, usize>)>,
) -> Vec<(u32, f32)> {
    let reading = Reading::new(&e.view);
    let t = Targeted::new(&reading, e.targets.clone(), &e.target_words);
    let mut x = features::extract(&t, &options.config);
    if let Some((embeddings, index)) = vectors {
        let hashed = 1usize << options.config.bits;
        for (block, words) in [
            t.near_words().collect::<Vec<_>>(),
            t.sentence_words().collect::<Vec<_>>(),
        ]
        .iter()
        .enumerate()
        {
            let mean = mean_vector(embeddings, index, words);
            let base = hashed + block * embeddings.dims;
            x.extend(
                mean.iter()
                    .enumerate()
                    .map(|(k, v)| ((base + k) as u32, v * options.word_weight)),
            );
        }
    }
    x
}

fn mean_vector(e: &Embeddings, index: &FxHashMap<&str, usize>, words: &[&str]) -> Vec<f32> {
    let mut sum = vec![0f32; e.dims];
    let mut n = 0;
    for word in words {
        if let Some(&row) = index.get(word) {
            sum.iter_mut().zip(e.row(row)).for_each(|(s, v)| *s += v);
            n += 1;
        }
    }
    if n > 0 {
        sum.iter_mut().for_each(|s| *s /= n as f32);
    }
    sum
}

/// Fits a tone model to `examples`, with word vectors when given.
pub fn fit(
    examples: &[ToneExample],
    options: &ToneTrainOptions,
    embeddings: Option<&Embeddings>,
) -> ToneModel {
    let index = embeddings.map(Embeddings::index);
    let vectors = embeddings.zip(index.as_ref());
    let mut class_weight = [0f64; CLASSES];
    for e in examples {
        if let Some(w) = class_weight.get_mut(e.class) {
            *w += f64::from(e.weight.max(0.0));
        }
    }
    let total: f64 = class_weight.iter().sum();
    let present = class_weight.iter().filter(|w| **w > 0.0).count().max(1) as f64;
    let data: Vec<Weighted> = examples
        .iter()
        .filter(|e| e.class < CLASSES)
        .map(|e| {
            let mut c = f64::from(e.weight.max(0.0));
            if options.balance_classes && class_weight[e.class] > 0.0 {
                c *= total / present / class_weight[e.class];
            }
            (example_features(e, options, vectors), e.class, c)
        })
        .collect();
    let dims = embeddings.map_or(0, |e| e.dims);
    let slots = (1usize << options.config.bits) + 2 * dims;
    let problem = Softmax {
        data: &data,
        total: data.iter().map(|d| d.2).sum::<f64>().max(f64::MIN_POSITIVE),
        l2: options.l2,
        slots,
    };
    let w = lbfgs(&problem, slots * CLASSES + CLASSES, options.max_iterations);
    let mut model = ToneModel::zeros(options.config);
    let hashed = (1usize << options.config.bits) * CLASSES;
    for (slot, value) in model.weights.iter_mut().zip(&w[..hashed]) {
        *slot = *value as f32;
    }
    for k in 0..CLASSES {
        model.bias[k] = w[slots * CLASSES + k] as f32;
    }
    if let Some(e) = embeddings {
        let block =
            |b: usize, d: usize, k: usize| w[(hashed / CLASSES + b * dims + d) * CLASSES + k];
        for (i, word) in e.vocabulary.iter().enumerate() {
            let row = e.row(i);
            let mut weights = [0f32; WORD_WEIGHTS];
            for b in 0..2 {
                for k in 0..CLASSES {
                    let dot: f64 = row
                        .iter()
                        .enumerate()
                        .map(|(d, v)| f64::from(*v) * block(b, d, k))
                        .sum();
                    weights[b * CLASSES + k] = (dot * f64::from(options.word_weight)) as f32;
                }
            }
            model.words.insert(word.clone(), weights);
        }
    }
    model
}

/// The model whose weights are the means of `models`' (the mean of their logits): `None` when
/// `models` is empty or their settings differ.
pub fn average(models: &[ToneModel]) -> Option<ToneModel> {
    let first = models.first()?;
    if models
        .iter()
        .any(|m| m.config != first.config || m.words.len() != first.words.len())
    {
        return None;
    }
    let n = models.len() as f32;
    let mut mean = ToneModel::zeros(first.config);
    mean.article = first.article;
    for k in 0..CLASSES {
        mean.bias[k] = models.iter().map(|m| m.bias[k]).sum::<f32>() / n;
    }
    for (at, w) in mean.weights.iter_mut().enumerate() {
        *w = models
            .iter()
            .map(|m| m.weights.get(at).copied().unwrap_or(0.0))
            .sum::<f32>()
            / n;
    }
    for word in first.words.keys() {
        let mut sum = [0f32; WORD_WEIGHTS];
        for m in models {
            if let Some(w) = m.words.get(word) {
                sum.iter_mut().zip(w).for_each(|(s, v)| *s += v / n);
            }
        }
        mean.words.insert(word.clone(), sum);
    }
    Some(mean)
}

/// One training example as the optimizer reads it: sparse features (slot, value), class, weight.
type Weighted = (Vec<(u32, f32)>, usize, f64);

/// The regularized mean softmax cross-entropy; the last [`CLASSES`] coordinates are the
/// unpenalized biases, slot `s`'s class `k` weight is at `s · CLASSES + k`.
struct Softmax<'a> {
    data: &'a [Weighted],
    total: f64,
    l2: f64,
    slots: usize,
}

impl Objective for Softmax<'_> {
    fn loss_and_gradient(&self, w: &[f64], grad: &mut [f64]) -> f64 {
        let bias_at = self.slots * CLASSES;
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut loss = 0.0;
        for (x, y, c) in self.data {
            let mut logits = [0f64; CLASSES];
            for k in 0..CLASSES {
                logits[k] = w[bias_at + k]
                    + x.iter()
                        .map(|(s, v)| w[*s as usize * CLASSES + k] * f64::from(*v))
                        .sum::<f64>();
            }
            let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let exp = logits.map(|l| (l - max).exp());
            let sum: f64 = exp.iter().sum();
            loss += c * (sum.ln() + max - logits[*y]);
            for k in 0..CLASSES {
                let d = c * (exp[k] / sum - f64::from(u8::from(k == *y)));
                for (s, v) in x {
                    grad[*s as usize * CLASSES + k] += d * f64::from(*v);
                }
                grad[bias_at + k] += d;
            }
        }
        loss /= self.total;
        grad.iter_mut().for_each(|g| *g /= self.total);
        for (g, wi) in grad.iter_mut().zip(w).take(bias_at) {
            *g += self.l2 * wi;
            loss += 0.5 * self.l2 * wi * wi;
        }
        loss
    }
}

// `View::new` takes slices of byte ranges: a one-range slice is meant, not a range of numbers.
#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn example(sentence: &str, target: &str, class: usize) -> ToneExample {
        let at = sentence.find(target).unwrap_or(0);
        let view = View::new(sentence, &[at..at + target.len()], &[]);
        ToneExample {
            targets: view.positions(&[0]),
            view,
            target_words: vec![],
            class,
            weight: 1.0,
        }
    }

    #[test]
    fn learns_a_toy_problem_deterministically() {
        let examples = [
            example("Kelidze made a reckless blunder.", "Kelidze", 0),
            example("Orlov is a disgraceful liar.", "Orlov", 0),
            example("Kelidze spoke on Friday.", "Kelidze", 1),
            example("Orlov arrived in the capital.", "Orlov", 1),
            example("Kelidze was a brave and wise leader.", "Kelidze", 2),
            example("Orlov won praise for his courage.", "Orlov", 2),
        ];
        let options = ToneTrainOptions {
            config: ToneConfig {
                bits: 12,
                ..ToneConfig::default()
            },
            l2: 1e-3,
            ..ToneTrainOptions::default()
        };
        let model = fit(&examples, &options, None);
        for e in &examples {
            let reading = Reading::new(&e.view);
            let t = Targeted::new(&reading, e.targets.clone(), &e.target_words);
            let p = model.probabilities(&t);
            let best = (0..CLASSES).max_by(|a, b| p[*a].total_cmp(&p[*b]));
            assert_eq!(best, Some(e.class), "{:?}: {p:?}", e.view);
        }
        assert_eq!(model, fit(&examples, &options, None));
    }
}
