//! The tone model: a three-class (negative, neutral, positive) linear classifier over the
//! target-dependent features of [`crate::tone::features`] and two word-vector blocks (the mean
//! vector of the target's context window and of the whole sentence), trained by
//! `parallax train tone` (see docs/models.md).
//!
//! As in the voice model, the word-vector blocks are linear in the mean vector, so the file
//! keeps for each word only its dot product with each class's block weights: six numbers per
//! word (window and sentence blocks, three classes each).
//!
//! File format (gzip-compressed, little-endian): the magic `PXTONE01`, the [`ToneConfig`]
//! (`bits` as one byte, the five group weights as f32), the three class biases and the
//! article calibration (offset, scale) as f32, a
//! scale as f32 and `3·2^bits` weights as i16 multiples of it (slot-major: a slot's three
//! class weights together); then the word table: the number of words (varint), each word
//! (varint length, UTF-8 bytes) in byte order, a scale as f32, and each word's six weights as
//! i16 multiples of it.

use crate::tone::features::{self, Targeted, ToneConfig};
use parallax_modelfile::{FileError, Reader};
use rustc_hash::FxHashMap;

const MAGIC: &[u8; 8] = b"PXTONE01";
/// The largest hash space a model file may declare; guards the allocation against a bad file.
const MAX_BITS: u8 = 22;
/// Classes, in the order of every weight triple: negative, neutral, positive.
pub const CLASSES: usize = 3;
/// The least pull (logit difference from neutral, before group scaling) of an evidence word.
pub const MIN_PULL: f32 = 1.0;
/// Per word: the window block's three class weights, then the sentence block's.
pub const WORD_WEIGHTS: usize = 2 * CLASSES;

#[derive(Debug, thiserror::Error)]
pub enum ToneModelError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("tone model file does not start with {MAGIC:?}")]
    BadMagic,
    #[error("tone model file declares 2^{0} slots, more than 2^{MAX_BITS}")]
    TooLarge(u8),
    #[error("tone model file holds a non-finite number")]
    NotFinite,
    #[error("tone model file's word table is malformed")]
    BadWords,
}

/// Class probabilities: negative, neutral, positive.
pub type Probabilities = [f32; CLASSES];

#[derive(Debug, Clone, PartialEq)]
pub struct ToneModel {
    pub config: ToneConfig,
    pub bias: [f32; CLASSES],
    /// The article calibration (offset, scale): an article's score toward an entity is
    /// `scale · (weighted mean sentence score − offset)`, clamped to `[-1, 1]`.
    pub article: [f32; 2],
    /// `CLASSES · 2^bits` weights, slot-major.
    pub weights: Vec<f32>,
    pub words: FxHashMap<String, [f32; WORD_WEIGHTS]>,
}

impl ToneModel {
    pub fn zeros(config: ToneConfig) -> Self {
        ToneModel {
            config,
            bias: [0.0; CLASSES],
            article: [0.0, 1.0],
            weights: vec![0.0; CLASSES << config.bits],
            words: FxHashMap::default(),
        }
    }

    /// The three class logits of a targeted sentence.
    pub fn logits(&self, t: &Targeted) -> [f32; CLASSES] {
        let mut sums = [[0f32; CLASSES]; features::GROUPS];
        let mut counts = [0u32; features::GROUPS];
        features::visit(t, &self.config, |group, slot, value| {
            let at = slot as usize * CLASSES;
            if let Some(w) = self.weights.get(at..at + CLASSES) {
                for (s, w) in sums[group as usize].iter_mut().zip(w) {
                    *s += w * value;
                }
            }
            counts[group as usize] += 1;
        });
        let scales = features::scales(&self.config, counts);
        let mut logits = self.bias;
        for (group, scale) in sums.iter().zip(scales) {
            for (l, s) in logits.iter_mut().zip(group) {
                *l += s * scale;
            }
        }
        let near = self.mean_words(t.near_words(), 0);
        let sentence = self.mean_words(t.sentence_words(), CLASSES);
        for k in 0..CLASSES {
            logits[k] += near[k] + sentence[k];
        }
        logits
    }

    /// The mean of the words' block weights starting at `offset` (zeros when no word has any).
    fn mean_words<'a>(
        &self,
        words: impl Iterator<Item = &'a str>,
        offset: usize,
    ) -> [f32; CLASSES] {
        let mut sum = [0f32; CLASSES];
        let mut n = 0u32;
        for word in words {
            if let Some(w) = self.words.get(word) {
                for k in 0..CLASSES {
                    sum[k] += w[offset + k];
                }
                n += 1;
            }
        }
        if n > 0 {
            sum.iter_mut().for_each(|s| *s /= n as f32);
        }
        sum
    }

    /// Up to `most` tokens (indices into the view) of words that pull hardest toward `class`
    /// against neutral through their own word features, strongest first; only words that pull
    /// at least [`MIN_PULL`].
    pub fn pull(&self, t: &Targeted, class: usize, most: usize) -> Vec<usize> {
        let weight = |slot: u32, k: usize| {
            self.weights
                .get(slot as usize * CLASSES + k)
                .copied()
                .unwrap_or(0.0)
        };
        let mut pulls: Vec<(f32, usize)> = t
            .view
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, token)| {
                // Evidence a reader can weigh: content words, not punctuation or closed-class
                // words ("its", "the", "(").
                token.kind == crate::tone::view::Kind::Word
                    && token.word.chars().next().is_some_and(char::is_alphabetic)
                    && crate::vocab::lookup(&token.word).closed_class() == 0
            })
            .map(|(i, token)| {
                let [sentence, near] = features::word_slots(t, i, &self.config);
                let mut pull = 0.0;
                for (slot, scale) in [
                    (sentence, self.config.sentence_weight),
                    (near, self.config.near_weight),
                ] {
                    if let Some(slot) = slot {
                        pull += scale * (weight(slot, class) - weight(slot, 1));
                    }
                }
                if let Some(w) = self.words.get(token.word.as_str()) {
                    if t.is_near(i) {
                        pull += w[class] - w[1];
                    }
                    pull += w[CLASSES + class] - w[CLASSES + 1];
                }
                (pull, i)
            })
            .filter(|(pull, _)| *pull >= MIN_PULL)
            .collect();
        pulls.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        pulls.into_iter().take(most).map(|(_, i)| i).collect()
    }

    /// The class of a targeted sentence (0 negative, 1 neutral, 2 positive) and its
    /// probabilities. In a sentence that names other actors, a tone whose strongest word
    /// ([`ToneModel::pull`]) is nearer another actor than the target and outside the target's
    /// own clause ("Kelidze kept his nerve while Orlov made a reckless gamble", for Kelidze)
    /// is that actor's, and the sentence is neutral toward the target (the class's probability
    /// moved to neutral).
    pub fn classify(&self, t: &Targeted) -> (usize, Probabilities) {
        let mut p = self.probabilities(t);
        let class = argmax(p);
        if class != 1 && t.has_others() {
            let strongest = self.pull(t, class, 1);
            let about = strongest.first().is_none_or(|&i| !t.is_nearer_other(i));
            if !about {
                p[1] += p[class];
                p[class] = 0.0;
                return (1, p);
            }
        }
        (class, p)
    }

    /// The class probabilities of a targeted sentence.
    pub fn probabilities(&self, t: &Targeted) -> Probabilities {
        softmax(self.logits(t))
    }

    /// The gzip-compressed file bytes.
    pub fn encode(&self) -> Result<Vec<u8>, ToneModelError> {
        let mut raw = Vec::with_capacity(64 + self.weights.len() * 2);
        raw.extend_from_slice(MAGIC);
        raw.push(self.config.bits);
        let c = &self.config;
        for value in [
            c.sentence_weight,
            c.near_weight,
            c.target_weight,
            c.lexicon_weight,
            c.clause_weight,
        ] {
            raw.extend_from_slice(&value.to_le_bytes());
        }
        for value in self.bias.iter().chain(&self.article) {
            raw.extend_from_slice(&value.to_le_bytes());
        }
        let scale = parallax_modelfile::scale_of(&self.weights);
        raw.extend_from_slice(&scale.to_le_bytes());
        parallax_modelfile::put_quantized(&mut raw, &self.weights, scale);
        let mut words: Vec<(&String, &[f32; WORD_WEIGHTS])> = self.words.iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        parallax_modelfile::put_varint(&mut raw, words.len() as u64);
        for (word, _) in &words {
            parallax_modelfile::put_varint(&mut raw, word.len() as u64);
            raw.extend_from_slice(word.as_bytes());
        }
        let values: Vec<f32> = words.iter().flat_map(|(_, v)| v.iter().copied()).collect();
        let scale = parallax_modelfile::scale_of(&values);
        raw.extend_from_slice(&scale.to_le_bytes());
        parallax_modelfile::put_quantized(&mut raw, &values, scale);
        Ok(parallax_modelfile::compress(&raw)?)
    }

    /// Reads a model file; any damage is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<ToneModel, ToneModelError> {
        let raw = parallax_modelfile::decompress(bytes)?;
        let mut reader = Reader::new(&raw);
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ToneModelError::BadMagic);
        }
        let bits = reader.u8()?;
        if bits > MAX_BITS {
            return Err(ToneModelError::TooLarge(bits));
        }
        let config = ToneConfig {
            bits,
            sentence_weight: reader.f32()?,
            near_weight: reader.f32()?,
            target_weight: reader.f32()?,
            lexicon_weight: reader.f32()?,
            clause_weight: reader.f32()?,
        };
        let bias = [reader.f32()?, reader.f32()?, reader.f32()?];
        let article = [reader.f32()?, reader.f32()?];
        let scale = reader.f32()?;
        let weights = reader.quantized(CLASSES << bits, scale)?;
        let count = usize::try_from(reader.varint()?).map_err(|_| ToneModelError::BadWords)?;
        let mut names = Vec::new();
        for _ in 0..count {
            let len = usize::try_from(reader.varint()?).map_err(|_| ToneModelError::BadWords)?;
            let name =
                std::str::from_utf8(reader.take(len)?).map_err(|_| ToneModelError::BadWords)?;
            names.push(name.to_string());
        }
        let word_scale = reader.f32()?;
        let values = reader.quantized(names.len() * WORD_WEIGHTS, word_scale)?;
        let mut words = FxHashMap::default();
        for (name, chunk) in names.into_iter().zip(values.chunks_exact(WORD_WEIGHTS)) {
            let mut w = [0f32; WORD_WEIGHTS];
            w.copy_from_slice(chunk);
            words.insert(name, w);
        }
        if words.len() != count {
            return Err(ToneModelError::BadWords);
        }
        let numbers = [
            config.sentence_weight,
            config.near_weight,
            config.target_weight,
            config.lexicon_weight,
            config.clause_weight,
            scale,
            word_scale,
        ];
        if !numbers
            .iter()
            .chain(&bias)
            .chain(&article)
            .all(|v| v.is_finite())
        {
            return Err(ToneModelError::NotFinite);
        }
        Ok(ToneModel {
            config,
            bias,
            article,
            weights,
            words,
        })
    }
}

/// The index of the largest probability (neutral on ties).
pub fn argmax(p: Probabilities) -> usize {
    (0..CLASSES).fold(1, |best, k| if p[k] > p[best] { k } else { best })
}

/// The softmax of three logits.
pub fn softmax(logits: [f32; CLASSES]) -> Probabilities {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let max = if max.is_finite() { max } else { 0.0 };
    let exp = logits.map(|l| (l - max).exp());
    let sum: f32 = exp.iter().sum();
    if sum.is_finite() && sum > 0.0 {
        exp.map(|e| e / sum)
    } else {
        [0.0, 1.0, 0.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let mut model = ToneModel::zeros(ToneConfig {
            bits: 5,
            ..ToneConfig::default()
        });
        model.bias = [0.5, -0.25, 0.0];
        model.article = [-0.1, 2.0];
        model.weights[7] = 1.5;
        model
            .words
            .insert("reckless".into(), [1.0, 0.0, -1.0, 0.5, 0.0, -0.5]);
        let decoded = ToneModel::decode(&model.encode().unwrap()).unwrap();
        assert_eq!(decoded.config, model.config);
        assert_eq!(decoded.bias, model.bias);
        assert_eq!(decoded.article, model.article);
        assert!((decoded.weights[7] - 1.5).abs() < 1e-3);
        assert!((decoded.words["reckless"][2] + 1.0).abs() < 1e-3);
        assert!(ToneModel::decode(b"").is_err());
        let bytes = model.encode().unwrap();
        assert!(ToneModel::decode(&bytes[..bytes.len() / 2]).is_err());
        let header = parallax_modelfile::compress(b"PXTONE01\x1f").unwrap();
        assert!(matches!(
            ToneModel::decode(&header),
            Err(ToneModelError::TooLarge(31))
        ));
    }

    #[test]
    fn softmax_sums_to_one() {
        let p = softmax([1.0, 2.0, 3.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[2] > p[1] && p[1] > p[0]);
        assert_eq!(softmax([f32::NAN; 3]), [0.0, 1.0, 0.0]);
    }
}
