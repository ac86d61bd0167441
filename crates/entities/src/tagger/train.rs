//! Training: an averaged structured perceptron (Collins 2002) over the hashed features, decoded
//! with the same constrained Viterbi as at run time.
//!
//! Training is deterministic: sentences are visited in an order shuffled by a fixed-seed
//! generator, and nothing depends on hash-map iteration order. After training, weights whose
//! averaged magnitude is below `prune` are dropped and the rest quantized to `i16`, which keeps
//! the committed model to a few megabytes.

use super::features::{DocContext, FeatureContext, FeatureScratch, SentenceFeatures};
use super::model::{viterbi, Model, Transitions};
use super::row_index::RowIndex;
use super::tags::{tags_of, Tag, TokenSpan, NUM_TAGS};
use crate::hash::{word_key, KeyMap, KeySet};
use crate::lexicon::{lexicon, normalize};

/// One gold document: its sentences, read together for the document-level features.
#[derive(Debug, Clone, Default)]
pub struct TrainingDocument {
    pub sentences: Vec<TrainingSentence>,
}

/// One gold sentence: its tokens and its entities as token ranges.
#[derive(Debug, Clone)]
pub struct TrainingSentence {
    pub tokens: Vec<String>,
    pub entities: Vec<TokenSpan>,
}

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// log2 of the number of feature rows.
    pub bits: u32,
    pub seed: u64,
    /// Perceptrons trained, each over its own order of the sentences; the model is the mean
    /// of their averaged weights.
    pub runs: usize,
    /// Averaged weights below this magnitude are dropped from the saved model.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 20,
            bits: 20,
            seed: 0x5eed_cafe,
            runs: 4,
            prune: 0.05,
        }
    }
}

/// A lowercase word must be seen this often to count as a common word.
const COMMON_MIN_COUNT: u32 = 2;

/// Trains a model: the mean of [`TrainOptions::runs`] averaged perceptrons, each trained over
/// its own order of the sentences. `on_epoch` sees each run's averaged model (for dev
/// figures) with the run's number and the epoch: after every epoch when there is one run,
/// after the last epoch of each run otherwise.
pub fn train(
    documents: &[TrainingDocument],
    options: &TrainOptions,
    on_epoch: &mut dyn FnMut(usize, usize, &Model),
) -> Model {
    let sentences = documents.iter().flat_map(|d| &d.sentences);
    let common = common_words(sentences);
    let context = FeatureContext {
        lexicon: lexicon(),
        common: &common,
        bits: options.bits,
    };
    let mut data: Vec<(SentenceFeatures, Vec<Tag>)> = Vec::new();
    let mut scratch = FeatureScratch::default();
    for document in documents {
        let tokens: Vec<Vec<&str>> = document
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let doc = DocContext::new(&tokens, &common);
        for (sentence, tokens) in document.sentences.iter().zip(&tokens) {
            let mut features = SentenceFeatures::default();
            context.extract(tokens, &doc, &mut scratch, &mut features);
            data.push((features, tags_of(&sentence.entities, tokens.len())));
        }
    }

    let mut mean = Averaged::new(options.bits);
    let runs = options.runs.max(1);
    for run in 0..runs {
        let mut state = Perceptron::new(options.bits);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = XorShift(options.seed.wrapping_add(run as u64 * 0x9e37_79b9).max(1));
        for epoch in 1..=options.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let (features, gold) = &data[i];
                state.learn(features, gold);
            }
            if runs == 1 || epoch == options.epochs {
                on_epoch(run, epoch, &state.averaged().quantized(options, &common));
            }
        }
        mean.add(&state.averaged());
    }
    mean.scale(1.0 / runs as f32);
    mean.quantized(options, &common)
}

/// Words the training text writes in lowercase at least [`COMMON_MIN_COUNT`] times.
fn common_words<'a>(sentences: impl Iterator<Item = &'a TrainingSentence>) -> KeySet {
    let mut counts: KeyMap<u32> = KeyMap::default();
    for token in sentences.flat_map(|s| &s.tokens) {
        if token.chars().next().is_some_and(char::is_lowercase) {
            *counts.entry(word_key(&normalize(token))).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= COMMON_MIN_COUNT)
        .map(|(k, _)| k)
        .collect()
}

/// Perceptron weights with the running sums needed for averaging: the averaged weight is
/// `w - u / c` where each update `d` at step `c` adds `c·d` to `u`.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    trans: Transitions,
    trans_u: Transitions,
    c: f32,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let size = (1usize << bits) * NUM_TAGS;
        Perceptron {
            w: vec![0.0; size],
            u: vec![0.0; size],
            trans: Transitions::default(),
            trans_u: Transitions::default(),
            c: 1.0,
        }
    }

    fn emissions(&self, features: &SentenceFeatures) -> Vec<[f32; NUM_TAGS]> {
        (0..features.len())
            .map(|i| {
                let mut acc = [0.0f32; NUM_TAGS];
                for &b in features.token(i) {
                    let base = b as usize * NUM_TAGS;
                    if let Some(row) = self.w.get(base..base + NUM_TAGS) {
                        for (a, w) in acc.iter_mut().zip(row) {
                            *a += w;
                        }
                    }
                }
                acc
            })
            .collect()
    }

    fn learn(&mut self, features: &SentenceFeatures, gold: &[Tag]) {
        let predicted = viterbi(&self.emissions(features), &self.trans);
        if predicted != gold {
            let c = self.c;
            for (i, (&g, &p)) in gold.iter().zip(&predicted).enumerate() {
                if g != p {
                    for &b in features.token(i) {
                        let base = b as usize * NUM_TAGS;
                        bump(&mut self.w, &mut self.u, base + g.index(), 1.0, c);
                        bump(&mut self.w, &mut self.u, base + p.index(), -1.0, c);
                    }
                }
                let (gp, pp) = match i {
                    0 => (None, None),
                    _ => (gold.get(i - 1), predicted.get(i - 1)),
                };
                if (gp, g) != (pp, p) {
                    match (gp, pp) {
                        (Some(gp), Some(pp)) => {
                            self.trans.pair[gp.index()][g.index()] += 1.0;
                            self.trans_u.pair[gp.index()][g.index()] += c;
                            self.trans.pair[pp.index()][p.index()] -= 1.0;
                            self.trans_u.pair[pp.index()][p.index()] -= c;
                        }
                        _ => {
                            self.trans.start[g.index()] += 1.0;
                            self.trans_u.start[g.index()] += c;
                            self.trans.start[p.index()] -= 1.0;
                            self.trans_u.start[p.index()] -= c;
                        }
                    }
                }
            }
            if let (Some(g), Some(p)) = (gold.last(), predicted.last()) {
                if g != p {
                    self.trans.end[g.index()] += 1.0;
                    self.trans_u.end[g.index()] += c;
                    self.trans.end[p.index()] -= 1.0;
                    self.trans_u.end[p.index()] -= c;
                }
            }
        }
        self.c += 1.0;
    }

    /// The averaged weights (`w - u / c`).
    fn averaged(&self) -> Averaged {
        let c = self.c;
        let avg = |w: &f32, u: &f32| w - u / c;
        let mut transitions = Transitions::default();
        let pairs = self.trans.pair.iter().flatten();
        let pairs_u = self.trans_u.pair.iter().flatten();
        for (t, (w, u)) in transitions
            .pair
            .iter_mut()
            .flatten()
            .zip(pairs.zip(pairs_u))
        {
            *t = avg(w, u);
        }
        for (t, (w, u)) in transitions
            .start
            .iter_mut()
            .zip(self.trans.start.iter().zip(&self.trans_u.start))
        {
            *t = avg(w, u);
        }
        for (t, (w, u)) in transitions
            .end
            .iter_mut()
            .zip(self.trans.end.iter().zip(&self.trans_u.end))
        {
            *t = avg(w, u);
        }
        Averaged {
            w: self.w.iter().zip(&self.u).map(|(w, u)| avg(w, u)).collect(),
            transitions,
        }
    }
}

/// Averaged perceptron weights in full precision, or the sum or mean of several.
struct Averaged {
    w: Vec<f32>,
    transitions: Transitions,
}

impl Averaged {
    fn new(bits: u32) -> Self {
        Averaged {
            w: vec![0.0; (1usize << bits) * NUM_TAGS],
            transitions: Transitions::default(),
        }
    }

    fn add(&mut self, other: &Averaged) {
        for (a, b) in self.w.iter_mut().zip(&other.w) {
            *a += b;
        }
        let t = &mut self.transitions;
        let o = &other.transitions;
        for (a, b) in t.pair.iter_mut().flatten().zip(o.pair.iter().flatten()) {
            *a += b;
        }
        for (a, b) in t.start.iter_mut().zip(&o.start) {
            *a += b;
        }
        for (a, b) in t.end.iter_mut().zip(&o.end) {
            *a += b;
        }
    }

    fn scale(&mut self, k: f32) {
        let t = &mut self.transitions;
        let all = self.w.iter_mut().chain(t.pair.iter_mut().flatten());
        for a in all.chain(t.start.iter_mut()).chain(t.end.iter_mut()) {
            *a *= k;
        }
    }

    /// The pruned and quantized model.
    fn quantized(&self, options: &TrainOptions, common: &KeySet) -> Model {
        let max = self.w.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let size = 1usize << options.bits;
        let mut kept = Vec::new();
        let mut rows = Vec::new();
        for bucket in 0..size {
            let base = bucket * NUM_TAGS;
            let mut row = [0i16; NUM_TAGS];
            let mut keep = false;
            for (t, q) in row.iter_mut().enumerate() {
                let a = self.w[base + t];
                if a.abs() >= options.prune {
                    *q = (a / scale).round().clamp(-32767.0, 32767.0) as i16;
                    keep |= *q != 0;
                }
            }
            if keep {
                rows.push(row);
                kept.push(bucket as u32);
            }
        }
        Model {
            bits: options.bits,
            scale,
            // Buckets are visited in order, so the index cannot refuse them.
            index: RowIndex::new(size, kept).unwrap_or_default(),
            rows,
            transitions: self.transitions.clone(),
            common: common.clone(),
        }
    }
}

fn bump(w: &mut [f32], u: &mut [f32], at: usize, d: f32, c: f32) {
    if let (Some(w), Some(u)) = (w.get_mut(at), u.get_mut(at)) {
        *w += d;
        *u += c * d;
    }
}

/// A small deterministic generator for shuffling (xorshift64*).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::tags::Class;

    fn sentence(words: &str, entities: &[(usize, usize, Class)]) -> TrainingSentence {
        TrainingSentence {
            tokens: words.split(' ').map(str::to_string).collect(),
            entities: entities
                .iter()
                .map(|&(start, end, class)| TokenSpan { start, end, class })
                .collect(),
        }
    }

    #[test]
    fn learns_a_toy_set_deterministically() {
        let sentences = vec![
            sentence("Peter Blackburn said so .", &[(0, 2, Class::Per)]),
            sentence("the talks in Vareno ended .", &[(3, 4, Class::Loc)]),
            sentence("Vareno Telecom said so .", &[(0, 2, Class::Org)]),
            sentence("he said so .", &[]),
        ];
        let data = vec![TrainingDocument { sentences }];
        let options = TrainOptions {
            epochs: 5,
            bits: 12,
            ..TrainOptions::default()
        };
        let a = train(&data, &options, &mut |_, _, _| {});
        let b = train(&data, &options, &mut |_, _, _| {});
        assert_eq!(a.rows, b.rows);
        let spans = a.spans(&["Peter", "Blackburn", "said", "so", "."]);
        assert_eq!(
            spans,
            vec![TokenSpan {
                start: 0,
                end: 2,
                class: Class::Per
            }]
        );
    }
}
