//! Training: L2-regularized logistic regression fitted by L-BFGS, and the averaging of
//! several fitted models into one.
//!
//! Full-batch L-BFGS over the whole (small) training set is deterministic — no shuffling, no
//! learning-rate schedule — so the same data and options always give the same model file.

use crate::embed::Embeddings;
use crate::features::{self, FeatureConfig, Sparse};
use crate::model::Model;
use crate::prepare;
use std::collections::VecDeque;

/// One labelled training sentence.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub opinion: bool,
    /// How much the example counts (e.g. below 1 for out-of-domain data).
    pub weight: f32,
}

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub features: FeatureConfig,
    /// Strength of the L2 penalty, per example.
    pub l2: f64,
    pub max_iterations: usize,
    /// Reweights the classes so that each carries half of the total example weight.
    pub balance_classes: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            features: FeatureConfig::default(),
            l2: 1e-4,
            max_iterations: 300,
            balance_classes: true,
        }
    }
}

/// Fits a model to `examples`.
pub fn fit(examples: &[Example], options: &TrainOptions) -> Model {
    fit_with_words(examples, options, None)
}

/// Word vectors and the scale of their feature block (a larger scale is a weaker L2 penalty
/// on the block).
#[derive(Debug, Clone, Copy)]
pub struct WordBlock<'a> {
    pub embeddings: &'a Embeddings,
    pub weight: f32,
}

/// Fits a model to `examples`, with the sentence's mean word vector (times `block.weight`)
/// as extra features when `block` is given; the fitted block becomes the model's word table
/// (each word's vector dotted with the block's weights).
pub fn fit_with_words(
    examples: &[Example],
    options: &TrainOptions,
    block: Option<WordBlock>,
) -> Model {
    let dim = 1usize << options.features.bits;
    let index = block.map(|b| b.embeddings.index());
    let data: Vec<(Sparse, f64, f64)> = examples
        .iter()
        .map(|e| {
            let tokens = prepare(&e.text, &[], &[]).tokens;
            let mut x = features::extract(&tokens, &options.features);
            if let (Some(block), Some(index)) = (block, &index) {
                let mean = block.embeddings.mean(index, &tokens);
                x.extend(
                    mean.iter()
                        .enumerate()
                        .map(|(k, v)| ((dim + k) as u32, v * block.weight)),
                );
            }
            (
                x,
                if e.opinion { 1.0 } else { -1.0 },
                f64::from(e.weight.max(0.0)),
            )
        })
        .collect();
    let data = if options.balance_classes {
        balance(data)
    } else {
        data
    };
    let dims = block.map_or(0, |b| b.embeddings.dims);
    let total: f64 = data
        .iter()
        .map(|(_, _, c)| c)
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    let problem = Problem {
        data: &data,
        total,
        l2: options.l2,
    };
    let w = lbfgs(&problem, dim + dims + 1, options.max_iterations);
    let mut model = Model::zeros(options.features);
    model.bias = w.last().copied().unwrap_or(0.0) as f32;
    for (slot, value) in model.weights.iter_mut().zip(&w) {
        *slot = *value as f32;
    }
    if let Some(block) = block {
        let coefficients = w.get(dim..dim + dims).unwrap_or(&[]);
        let e = block.embeddings;
        model.words = e
            .vocabulary
            .iter()
            .enumerate()
            .map(|(i, word)| {
                let dot: f64 = e
                    .row(i)
                    .iter()
                    .zip(coefficients)
                    .map(|(v, c)| f64::from(*v) * c)
                    .sum();
                (word.clone(), (dot * f64::from(block.weight)) as f32)
            })
            .collect();
    }
    model
}

/// The model whose weights and bias are the means of `models`' — the average of their
/// logits, one linear model again. `None` when `models` is empty or their configs differ.
pub fn average(models: &[Model]) -> Option<Model> {
    let first = models.first()?;
    if models.iter().any(|m| m.config != first.config) {
        return None;
    }
    let n = models.len() as f64;
    let mut mean = Model::zeros(first.config);
    mean.bias = (models.iter().map(|m| f64::from(m.bias)).sum::<f64>() / n) as f32;
    for (at, weight) in mean.weights.iter_mut().enumerate() {
        let sum: f64 = models
            .iter()
            .map(|m| f64::from(m.weights.get(at).copied().unwrap_or(0.0)))
            .sum();
        *weight = (sum / n) as f32;
    }
    // A word missing from one model's table would change that model's mean; averaging
    // assumes the tables share their words (they come from the same vectors).
    if models.iter().any(|m| m.words.len() != first.words.len()) {
        return None;
    }
    for (word, _) in first.words.iter() {
        let sum: f64 = models
            .iter()
            .map(|m| f64::from(m.words.get(word).copied().unwrap_or(0.0)))
            .sum();
        mean.words.insert(word.clone(), (sum / n) as f32);
    }
    Some(mean)
}

/// Scales each class's weights so both classes sum to the same total.
fn balance(mut data: Vec<(Sparse, f64, f64)>) -> Vec<(Sparse, f64, f64)> {
    let sum = |label: f64, data: &[(Sparse, f64, f64)]| -> f64 {
        data.iter()
            .filter(|(_, y, _)| *y == label)
            .map(|(_, _, c)| c)
            .sum()
    };
    let (positive, negative) = (sum(1.0, &data), sum(-1.0, &data));
    if positive > 0.0 && negative > 0.0 {
        let half = (positive + negative) / 2.0;
        for (_, y, c) in &mut data {
            *c *= if *y > 0.0 {
                half / positive
            } else {
                half / negative
            };
        }
    }
    data
}

/// A smooth loss to minimize over a weight vector, with its gradient.
pub trait Objective {
    /// The loss at `w`, writing its gradient into `grad` (same length as `w`).
    fn loss_and_gradient(&self, w: &[f64], grad: &mut [f64]) -> f64;
}

/// The regularized mean logistic loss; the last coordinate of `w` is the unpenalized bias.
struct Problem<'a> {
    data: &'a [(Sparse, f64, f64)],
    total: f64,
    l2: f64,
}

impl Objective for Problem<'_> {
    fn loss_and_gradient(&self, w: &[f64], grad: &mut [f64]) -> f64 {
        let bias_at = w.len() - 1;
        let mut loss = 0.0;
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (x, y, c) in self.data {
            let margin = y * (w[bias_at] + dot(w, x));
            // log(1 + e^-m), computed without overflow for large |m|.
            loss += c * if margin > 0.0 {
                (-margin).exp().ln_1p()
            } else {
                -margin + margin.exp().ln_1p()
            };
            let d = -c * y / (1.0 + margin.exp());
            for (slot, value) in x {
                grad[*slot as usize] += d * f64::from(*value);
            }
            grad[bias_at] += d;
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

fn dot(w: &[f64], x: &Sparse) -> f64 {
    x.iter()
        .map(|(slot, value)| w[*slot as usize] * f64::from(*value))
        .sum()
}

/// Limited-memory BFGS with a backtracking (Armijo) line search, from `w = 0`.
pub fn lbfgs(problem: &impl Objective, dim: usize, max_iterations: usize) -> Vec<f64> {
    const MEMORY: usize = 10;
    let mut w = vec![0.0; dim];
    let mut grad = vec![0.0; dim];
    let mut loss = problem.loss_and_gradient(&w, &mut grad);
    let mut history: VecDeque<(Vec<f64>, Vec<f64>, f64)> = VecDeque::new();
    let mut next_grad = vec![0.0; dim];
    for _ in 0..max_iterations {
        let direction = two_loop(&grad, &history);
        let slope: f64 = direction.iter().zip(&grad).map(|(d, g)| d * g).sum();
        if slope >= 0.0 {
            break;
        }
        let mut step = 1.0;
        let mut next = vec![0.0; dim];
        let mut next_loss;
        loop {
            for ((n, wi), d) in next.iter_mut().zip(&w).zip(&direction) {
                *n = wi + step * d;
            }
            next_loss = problem.loss_and_gradient(&next, &mut next_grad);
            if next_loss <= loss + 1e-4 * step * slope || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = next.iter().zip(&w).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = next_grad.iter().zip(&grad).map(|(a, b)| a - b).collect();
        let sy: f64 = s.iter().zip(&y).map(|(a, b)| a * b).sum();
        let improvement = loss - next_loss;
        w = next;
        std::mem::swap(&mut grad, &mut next_grad);
        loss = next_loss;
        if sy > 1e-12 {
            if history.len() == MEMORY {
                history.pop_front();
            }
            history.push_back((s, y, 1.0 / sy));
        }
        if improvement.abs() < 1e-9 * loss.abs().max(1.0) {
            break;
        }
    }
    w
}

/// The L-BFGS search direction `-H g` from the stored curvature pairs.
fn two_loop(grad: &[f64], history: &VecDeque<(Vec<f64>, Vec<f64>, f64)>) -> Vec<f64> {
    let mut q = grad.to_vec();
    let mut alphas = Vec::with_capacity(history.len());
    for (s, y, rho) in history.iter().rev() {
        let alpha = rho * s.iter().zip(&q).map(|(a, b)| a * b).sum::<f64>();
        q.iter_mut().zip(y).for_each(|(qi, yi)| *qi -= alpha * yi);
        alphas.push(alpha);
    }
    if let Some((s, y, _)) = history.back() {
        let yy: f64 = y.iter().map(|v| v * v).sum();
        let sy: f64 = s.iter().zip(y).map(|(a, b)| a * b).sum();
        if yy > 0.0 {
            q.iter_mut().for_each(|qi| *qi *= sy / yy);
        }
    }
    for ((s, y, rho), alpha) in history.iter().zip(alphas.into_iter().rev()) {
        let beta = rho * y.iter().zip(&q).map(|(a, b)| a * b).sum::<f64>();
        q.iter_mut()
            .zip(s)
            .for_each(|(qi, si)| *qi += si * (alpha - beta));
    }
    q.iter_mut().for_each(|qi| *qi = -*qi);
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, opinion: bool) -> Example {
        Example {
            text: text.to_string(),
            opinion,
            weight: 1.0,
        }
    }

    /// Options for toy problems: a small hash space, a weak penalty.
    fn small_options() -> TrainOptions {
        TrainOptions {
            features: FeatureConfig {
                bits: 12,
                ..FeatureConfig::default()
            },
            l2: 1e-3,
            ..TrainOptions::default()
        }
    }

    #[test]
    fn learns_a_separable_toy_problem_deterministically() {
        let examples = [
            example("This is an absurd and shameful policy.", true),
            example("We should be ashamed of this disgrace.", true),
            example("Frankly, the plan is ridiculous.", true),
            example(
                "The ministry said 40 people were detained on Monday.",
                false,
            ),
            example("Police reported two arrests in the capital.", false),
            example(
                "The company announced a merger worth 3 billion dollars.",
                false,
            ),
        ];
        let options = small_options();
        let model = fit(&examples, &options);
        for e in &examples {
            let p = model.probability(&prepare(&e.text, &[], &[]).tokens);
            assert_eq!(p > 0.5, e.opinion, "{}: {p}", e.text);
        }
        assert_eq!(model, fit(&examples, &options));
        let other = fit(
            &examples,
            &TrainOptions {
                l2: 1e-2,
                ..options.clone()
            },
        );
        let mean =
            average(&[model.clone(), other.clone()]).unwrap_or(Model::zeros(options.features));
        assert!((mean.bias - (model.bias + other.bias) / 2.0).abs() < 1e-6);
        for e in &examples {
            let p = mean.probability(&prepare(&e.text, &[], &[]).tokens);
            assert_eq!(p > 0.5, e.opinion, "{}: {p}", e.text);
        }
        assert!(average(&[]).is_none());
    }

    #[test]
    fn word_vectors_carry_labels_to_words_seen_only_unlabelled() {
        use crate::tokens::tokenize;
        // Unlabelled text: "ridiculous" keeps company with "absurd", "told" with "said".
        let mut texts = Vec::new();
        for adjective in ["absurd", "ridiculous", "shameful"] {
            for _ in 0..6 {
                texts.push(tokenize(&format!("this policy is {adjective} and wrong")));
            }
        }
        for verb in ["said", "told", "reported"] {
            for _ in 0..6 {
                texts.push(tokenize(&format!("the ministry {verb} on monday that")));
            }
        }
        let embeddings = crate::embed::learn(&texts, 4);
        let examples = [
            example("An absurd plan.", true),
            example("Absurd and shameful.", true),
            example("Officials said so.", false),
            example("The police reported it.", false),
        ];
        let options = small_options();
        let block = WordBlock {
            embeddings: &embeddings,
            weight: 5.0,
        };
        let model = fit_with_words(&examples, &options, Some(block));
        assert_eq!(model.words.len(), embeddings.vocabulary.len());
        assert!(model.words["ridiculous"] > model.words["told"]);
        assert_eq!(model, fit_with_words(&examples, &options, Some(block)));
        let decoded = Model::decode(&model.encode().unwrap()).unwrap();
        let tokens = tokenize("A ridiculous idea, he told them.");
        assert!((decoded.score(&tokens) - model.score(&tokens)).abs() < 1e-2);
    }
}
