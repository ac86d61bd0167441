//! Training of the cue classifier ([`crate::cue_model`]): gold cue spans become head tokens,
//! head tokens become labelled candidates, and an averaged perceptron learns the weights.
//!
//! The head of a gold cue is its first token that is neither an auxiliary nor an adverb
//! ("has also said" → "said"). Words are counted by their stem ([`crate::stem`]), so one
//! form's cues make the others candidates. The vocabulary holds the head stems seen at least
//! [`MIN_HEAD_COUNT`] times, and "head particle" pairs ("referring to", "called for") whose
//! particle belongs to the gold cue in most of the head's cues. Training is deterministic: a
//! fixed-seed shuffle and no hash-map iteration order.

use crate::context::Ctx;
use crate::cue_features;
use crate::cue_model::CueModel;
use crate::lexicon;
use crate::lexicon::OwnedWordSet;
use crate::stem::stem;
use parallax_core::{Segmentation, Span};
use std::collections::BTreeMap;

/// How often a word must head a gold cue to become a candidate.
pub const MIN_HEAD_COUNT: usize = 2;
/// The least share of a word's occurrences that head a gold cue for it to become a candidate:
/// rarer heads ("in", "for") cost more classifier time than the cues they bring.
pub const MIN_HEAD_RATE: f64 = 0.1;

/// Particles a cue takes in when most of its cues followed by them do ("responded to",
/// "warned against"); not "in", "by" or "during", which open adverbials ("said in a
/// statement").
const PARTICLES: [&str; 14] = [
    "to", "of", "about", "on", "for", "at", "against", "with", "over", "into", "out", "up", "off",
    "upon",
];
/// How often such a particle must be taken in.
const CONDITIONAL_PARTICLE_COUNT: usize = 3;

/// One candidate token with its features and whether it heads a gold cue.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub features: Vec<u32>,
    pub positive: bool,
}

/// The head token of each gold cue span (lowercase words only).
pub fn heads(text: &str, seg: &Segmentation, cues: &[Span]) -> Vec<usize> {
    let ctx = Ctx::new(text, seg);
    cues.iter()
        .filter_map(|&cue| {
            ctx.tokens_in(cue).find(|&i| {
                !lexicon::is_auxiliary(ctx.word(i)) && !lexicon::is_adverbial(ctx.word(i))
            })
        })
        .collect()
}

/// Counts of cue heads and of the particles that follow them inside the gold cue.
#[derive(Debug, Default)]
pub struct VocabularyCounts {
    heads: BTreeMap<String, usize>,
    /// Occurrences of every lowercase word.
    seen: BTreeMap<String, usize>,
    particles: BTreeMap<(String, String), usize>,
    /// Gold cue heads followed by each word, whether or not the cue takes it in.
    followed: BTreeMap<(String, String), usize>,
}

impl VocabularyCounts {
    /// Adds the heads of one document's gold `cues`.
    pub fn add(&mut self, text: &str, seg: &Segmentation, cues: &[Span]) {
        let ctx = Ctx::new(text, seg);
        for i in 0..seg.tokens.len() {
            let w = ctx.word(i);
            if w.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) {
                *self.seen.entry(stem(w).to_string()).or_default() += 1;
            }
        }
        for (&cue, head) in cues.iter().zip(heads(text, seg, cues)) {
            let w = ctx.word(head);
            if !w.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let w = stem(w);
            *self.heads.entry(w.to_string()).or_default() += 1;
            let next = ctx.tok(head + 1);
            if head + 1 < seg.tokens.len() && ctx.is_word(head + 1) {
                let key = (w.to_string(), ctx.word(head + 1).to_ascii_lowercase());
                if cue.contains(next) {
                    *self.particles.entry(key.clone()).or_default() += 1;
                }
                *self.followed.entry(key).or_default() += 1;
            }
        }
    }

    /// The vocabulary: frequent heads that head a cue often enough when they occur, and "head particle" pairs taken in most of the head's
    /// cues.
    pub fn vocabulary(&self) -> OwnedWordSet {
        let mut out: OwnedWordSet = self
            .heads
            .iter()
            .filter(|(w, &n)| {
                let seen = self.seen.get(*w).copied().unwrap_or(n).max(n);
                n >= MIN_HEAD_COUNT && n as f64 >= MIN_HEAD_RATE * seen as f64
            })
            .map(|(w, _)| w.clone())
            .collect();
        for (key, &n) in &self.particles {
            let (w, p) = key;
            let total = self.heads.get(w).copied().unwrap_or(0);
            // Or a particle taken in by most of the head's cues that it follows ("respond
            // to", "warned against"), though not by most of all the head's cues.
            let followed = self.followed.get(key).copied().unwrap_or(0);
            let particle = PARTICLES.contains(&p.as_str())
                && n >= CONDITIONAL_PARTICLE_COUNT
                && 2 * n > followed;
            if n >= MIN_HEAD_COUNT && (2 * n > total || particle) && out.contains(w) {
                out.insert(format!("{w} {p}"));
            }
        }
        out
    }
}

/// The labelled candidates of one document: every candidate token (the rule lexicon's cues
/// and the words whose stem is in `vocabulary`), positive when it is one of `heads`.
pub fn examples(
    text: &str,
    seg: &Segmentation,
    heads: &[usize],
    vocabulary: &OwnedWordSet,
    bits: u32,
) -> Vec<Labelled> {
    let ctx = Ctx::new(text, seg);
    let rules = crate::cue::rule_heads(&ctx);
    let probe = CueModel::zeros(0, vocabulary.clone());
    let mut out = Vec::new();
    for sentence in &seg.sentences {
        let range = ctx.tokens_in(sentence.span);
        for i in range.clone() {
            let rule = rules.get(i).copied().unwrap_or(false);
            if !probe.is_candidate(ctx.word(i), rule) {
                continue;
            }
            let known = probe.knows(ctx.word(i));
            let mut features = Vec::with_capacity(cue_features::MAX_FEATURES);
            cue_features::extract(&ctx, range.clone(), i, (rule, known), bits, &mut features);
            out.push(Labelled {
                features,
                positive: heads.contains(&i),
            });
        }
    }
    out
}

/// Averaged perceptron weights over `examples` after `epochs` passes in a shuffled order.
pub fn fit(examples: &[Labelled], bits: u32, epochs: usize, seed: u64) -> Vec<f32> {
    let size = 1usize << bits;
    let mut w = vec![0f32; size];
    let mut u = vec![0f32; size];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = seed | 1;
    for _ in 0..epochs {
        // Fisher–Yates with xorshift64.
        for k in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(k, (state % (k as u64 + 1)) as usize);
        }
        for &e in &order {
            let ex = &examples[e];
            let score: f32 = ex.features.iter().map(|&s| w[s as usize]).sum();
            let y = if ex.positive { 1.0 } else { -1.0 };
            if y * score <= 0.0 {
                for &s in &ex.features {
                    w[s as usize] += y;
                    u[s as usize] += y * c;
                }
            }
            c += 1.0;
        }
    }
    let mut avg: Vec<f32> = w.iter().zip(&u).map(|(w, u)| w - u / c).collect();
    // Scale so that the mean absolute score of the examples is 1: thresholds then mean the
    // same whatever the number of epochs.
    let total: f32 = examples
        .iter()
        .map(|e| {
            e.features
                .iter()
                .map(|&s| avg[s as usize])
                .sum::<f32>()
                .abs()
        })
        .sum();
    let mean = total / examples.len().max(1) as f32;
    if mean > 0.0 {
        avg.iter_mut().for_each(|x| *x /= mean);
    }
    avg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seg_of;

    #[test]
    fn learns_a_separable_cue() {
        let text = "He said it works. The report shows growth. She eats apples.";
        let seg = seg_of(text);
        let cue = |w: &str| {
            let s = text.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let cues = [cue("said"), cue("shows")];
        let mut counts = VocabularyCounts::default();
        counts.add(text, &seg, &cues);
        counts.add(text, &seg, &cues);
        let vocabulary = counts.vocabulary();
        assert!(vocabulary.contains(stem("shows")));
        let h = heads(text, &seg, &cues);
        let ex = examples(text, &seg, &h, &vocabulary, 12);
        assert!(ex.iter().any(|e| e.positive));
        let weights = fit(&ex, 12, 5, 7);
        let ok = ex.iter().all(|e| {
            (e.features.iter().map(|&s| weights[s as usize]).sum::<f32>() > 0.0) == e.positive
        });
        assert!(ok);
    }
}
