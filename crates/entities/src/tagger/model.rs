//! The trained model at run time: quantized feature weights, tag transition weights, and the
//! learned list of lowercase words; scoring of a sentence and Viterbi decoding.

use super::features::{DocContext, FeatureContext, SentenceFeatures};
use super::tags::{spans_of, Tag, TokenSpan, NUM_TAGS};
use crate::hash::KeySet;
use crate::lexicon::lexicon;

/// Scores of a tag given the previous one, and of starting and ending a sentence with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions {
    pub pair: [[f32; NUM_TAGS]; NUM_TAGS],
    pub start: [f32; NUM_TAGS],
    pub end: [f32; NUM_TAGS],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions {
            pair: [[0.0; NUM_TAGS]; NUM_TAGS],
            start: [0.0; NUM_TAGS],
            end: [0.0; NUM_TAGS],
        }
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) bits: u32,
    /// Weight of one quantization step.
    pub(crate) scale: f32,
    /// Feature bucket → 1 + row in `rows`, or 0 when the bucket has no weights.
    pub(crate) index: Vec<u32>,
    pub(crate) rows: Vec<[i16; NUM_TAGS]>,
    pub(crate) transitions: Transitions,
    /// Word keys of words the training text shows in lowercase.
    pub(crate) common: KeySet,
}

impl Model {
    /// The context that computes this model's features.
    pub fn features(&self) -> FeatureContext<'_> {
        FeatureContext {
            lexicon: lexicon(),
            common: &self.common,
            bits: self.bits,
        }
    }

    /// Number of weight rows kept (a measure of the model's size).
    pub fn num_rows(&self) -> usize {
        self.rows.len()
    }

    /// The best tag sequence for `tokens`, a sentence of the document described by `doc`.
    fn tag(&self, tokens: &[&str], doc: &DocContext, features: &mut SentenceFeatures) -> Vec<Tag> {
        self.features().extract(tokens, doc, features);
        let emissions = self.emissions(features);
        viterbi(&emissions, &self.transitions)
    }

    /// The entities the model finds in `tokens`, a sentence on its own, as token ranges.
    pub fn spans(&self, tokens: &[&str]) -> Vec<TokenSpan> {
        let doc = DocContext::new(&[tokens.to_vec()]);
        spans_of(&self.tag(tokens, &doc, &mut SentenceFeatures::default()))
    }

    /// The entities in each sentence of a document, as token ranges.
    pub fn document_spans(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenSpan>> {
        let doc = DocContext::new(sentences);
        let mut features = SentenceFeatures::default();
        sentences
            .iter()
            .map(|tokens| spans_of(&self.tag(tokens, &doc, &mut features)))
            .collect()
    }

    fn emissions(&self, features: &SentenceFeatures) -> Vec<[f32; NUM_TAGS]> {
        (0..features.len())
            .map(|i| {
                let mut acc = [0i32; NUM_TAGS];
                for &b in features.token(i) {
                    let row = self.index.get(b as usize).copied().unwrap_or(0) as usize;
                    if let Some(weights) = row.checked_sub(1).and_then(|r| self.rows.get(r)) {
                        for (a, w) in acc.iter_mut().zip(weights) {
                            *a += i32::from(*w);
                        }
                    }
                }
                acc.map(|a| a as f32 * self.scale)
            })
            .collect()
    }
}

/// The highest-scoring well-formed BILOU sequence.
pub fn viterbi(emissions: &[[f32; NUM_TAGS]], transitions: &Transitions) -> Vec<Tag> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let tags: [Tag; NUM_TAGS] = std::array::from_fn(|t| Tag(t as u8));
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    for (t, tag) in tags.iter().enumerate() {
        if tag.can_start() {
            score[t] = transitions.start[t] + emissions[0][t];
        }
    }
    // Each tag's well-formed predecessors, listed once: Inside and Last tags have two, so the
    // inner loop runs about a third as often as over all pairs.
    let mut preds = [[0u8; NUM_TAGS]; NUM_TAGS];
    let mut n_preds = [0usize; NUM_TAGS];
    for (t, tag) in tags.iter().enumerate() {
        for (p, prev) in tags.iter().enumerate() {
            if prev.may_precede(*tag) {
                preds[t][n_preds[t]] = p as u8;
                n_preds[t] += 1;
            }
        }
    }
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for &p in &preds[t][..n_preds[t]] {
                let s = score[p as usize] + transitions.pair[p as usize][t];
                if s > best.0 {
                    best = (s, p);
                }
            }
            next[t] = best.0 + emissions[i][t];
            back[i][t] = best.1;
        }
        score = next;
    }
    let mut last = (f32::NEG_INFINITY, 0usize);
    for (t, tag) in tags.iter().enumerate() {
        let s = score[t] + transitions.end[t];
        if tag.can_end() && s > last.0 {
            last = (s, t);
        }
    }
    let mut out = vec![Tag::O; n];
    let mut t = last.1;
    for i in (0..n).rev() {
        out[i] = Tag(t as u8);
        t = back[i][t] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::tags::{tags_of, Class};

    #[test]
    fn viterbi_follows_emissions_within_bilou() {
        // Emissions favour U-PER on token 0 and B-ORG, L-ORG on tokens 1 and 2.
        let gold = tags_of(
            &[
                TokenSpan {
                    start: 0,
                    end: 1,
                    class: Class::Per,
                },
                TokenSpan {
                    start: 1,
                    end: 3,
                    class: Class::Org,
                },
            ],
            3,
        );
        let mut emissions = vec![[0.0; NUM_TAGS]; 3];
        for (e, t) in emissions.iter_mut().zip(&gold) {
            e[t.index()] = 1.0;
        }
        assert_eq!(viterbi(&emissions, &Transitions::default()), gold);
        assert!(viterbi(&[], &Transitions::default()).is_empty());
    }
}
