//! The trained model at run time: quantized feature weights, tag transition weights, and the
//! learned list of lowercase words; scoring of a sentence and Viterbi decoding.

use super::features::{
    CachedFeatures, DocContext, FeatureContext, FeatureScratch, LocalCache, Role, SentenceFeatures,
    ROLES,
};
use super::row_index::RowIndex;
use super::tags::{spans_of, Tag, TokenSpan, NUM_TAGS};
use crate::hash::KeySet;
use crate::lexicon::{lexicon, normalized_key};
use std::sync::LazyLock;

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
    /// Which feature buckets have a row in `rows`.
    pub(crate) index: RowIndex,
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

    /// Whether the training text writes `word` in lowercase: a common word, not a name.
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(&normalized_key(word))
    }

    /// Number of weight rows kept (a measure of the model's size).
    pub fn num_rows(&self) -> usize {
        self.rows.len()
    }

    /// The best tag sequence for `tokens`, a sentence of the document described by `doc`,
    /// left in `buffers.tags`; `cache` holds the document's token-local features so far.
    fn tag<'t>(
        &self,
        tokens: &[&'t str],
        doc: &DocContext,
        cache: &mut LocalCache<'t>,
        buffers: &mut Buffers,
    ) {
        self.features().extract_cached(
            tokens,
            doc,
            &mut buffers.scratch,
            cache,
            &mut buffers.features,
        );
        self.emissions(buffers);
        viterbi_into(
            &buffers.emissions,
            &self.transitions,
            &mut buffers.back,
            &mut buffers.tags,
        );
    }

    /// The entities the model finds in `tokens`, a sentence on its own, as token ranges.
    pub fn spans(&self, tokens: &[&str]) -> Vec<TokenSpan> {
        let doc = DocContext::new(&[tokens.to_vec()], &self.common);
        let mut buffers = Buffers::default();
        self.tag(tokens, &doc, &mut LocalCache::default(), &mut buffers);
        spans_of(&buffers.tags)
    }

    /// The entities in each sentence of a document, as token ranges.
    pub fn document_spans(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenSpan>> {
        let doc = DocContext::new(sentences, &self.common);
        let mut buffers = Buffers::default();
        let mut cache = LocalCache::default();
        sentences
            .iter()
            .map(|tokens| {
                self.tag(tokens, &doc, &mut cache, &mut buffers);
                spans_of(&buffers.tags)
            })
            .collect()
    }

    /// Each token's tag scores: the sum of its features' weight rows, times the scale. The
    /// row sums of the cache entries new in this sentence are kept first; a token then adds
    /// its own entry's and its neighbours' to those of its contextual features.
    fn emissions(&self, buffers: &mut Buffers) {
        let Buffers {
            features,
            rows,
            ends,
            local_sums,
            emissions,
            ..
        } = buffers;
        self.row_sums(&features.added, rows, ends, |acc| local_sums.push(acc));
        emissions.clear();
        let entries = &features.entries;
        let mut i = 0usize;
        self.row_sums(&features.context, rows, ends, |mut acc| {
            // Token `i + offset` is `role` to token `i`.
            for (offset, role) in [
                (0, Role::Own),
                (-1, Role::Prev),
                (1, Role::Next),
                (-2, Role::Prev2),
                (2, Role::Next2),
            ] {
                let sum = i
                    .checked_add_signed(offset)
                    .and_then(|j| entries.get(j))
                    .and_then(|&e| local_sums.get(e as usize * ROLES + role as usize));
                if let Some(sum) = sum {
                    for (a, s) in acc.iter_mut().zip(sum) {
                        *a += s;
                    }
                }
            }
            emissions.push(acc.map(|a| a as f32 * self.scale));
            i += 1;
        });
    }

    /// Calls `each` with each token's sum of the weight rows of its buckets in `features`.
    ///
    /// The table look-ups are memory-bound, so they are done in two passes: first every
    /// bucket's row number (independent loads the processor overlaps, no branches), keeping
    /// the rows that exist; then the sums over rows known to exist.
    fn row_sums(
        &self,
        features: &SentenceFeatures,
        rows: &mut Vec<u32>,
        ends: &mut Vec<usize>,
        mut each: impl FnMut([i32; NUM_TAGS]),
    ) {
        rows.clear();
        rows.resize(features.buckets.len(), 0);
        ends.clear();
        let mut kept = 0;
        for i in 0..features.len() {
            for &b in features.token(i) {
                let row = self.index.slot(b);
                if let Some(slot) = rows.get_mut(kept) {
                    *slot = row;
                }
                kept += usize::from(row != 0);
            }
            ends.push(kept);
        }
        let mut start = 0;
        for &end in ends.iter() {
            let mut acc = [0i32; NUM_TAGS];
            for &row in rows.get(start..end).unwrap_or(&[]) {
                if let Some(weights) = self.rows.get(row as usize - 1) {
                    for (a, w) in acc.iter_mut().zip(weights) {
                        *a += i32::from(*w);
                    }
                }
            }
            each(acc);
            start = end;
        }
    }
}

/// Buffers reused from sentence to sentence while tagging a document.
#[derive(Debug, Default)]
struct Buffers {
    scratch: FeatureScratch,
    features: CachedFeatures,
    /// Sums of the weight rows of each entry of the document's [`LocalCache`], [`ROLES`] an
    /// entry.
    local_sums: Vec<[i32; NUM_TAGS]>,
    /// Weight rows (1-based) of the sentence's features that have weights.
    rows: Vec<u32>,
    /// Where each token's kept rows end in `rows`.
    ends: Vec<usize>,
    emissions: Vec<[f32; NUM_TAGS]>,
    back: Vec<[u8; NUM_TAGS]>,
    tags: Vec<Tag>,
}

/// Each tag's well-formed predecessors and how many there are: Inside and Last tags have two,
/// so Viterbi's inner loop runs about a third as often as over all pairs.
static PREDECESSORS: LazyLock<([[u8; NUM_TAGS]; NUM_TAGS], [usize; NUM_TAGS])> =
    LazyLock::new(|| {
        let mut preds = [[0u8; NUM_TAGS]; NUM_TAGS];
        let mut n_preds = [0usize; NUM_TAGS];
        for t in 0..NUM_TAGS {
            for p in 0..NUM_TAGS {
                if Tag(p as u8).may_precede(Tag(t as u8)) {
                    preds[t][n_preds[t]] = p as u8;
                    n_preds[t] += 1;
                }
            }
        }
        (preds, n_preds)
    });

/// The highest-scoring well-formed BILOU sequence.
pub fn viterbi(emissions: &[[f32; NUM_TAGS]], transitions: &Transitions) -> Vec<Tag> {
    let mut out = Vec::new();
    viterbi_into(emissions, transitions, &mut Vec::new(), &mut out);
    out
}

/// [`viterbi`] into `out`, with `back` as the back-pointer buffer.
fn viterbi_into(
    emissions: &[[f32; NUM_TAGS]],
    transitions: &Transitions,
    back: &mut Vec<[u8; NUM_TAGS]>,
    out: &mut Vec<Tag>,
) {
    out.clear();
    back.clear();
    let Some(first) = emissions.first() else {
        return;
    };
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    for t in 0..NUM_TAGS {
        if Tag(t as u8).can_start() {
            score[t] = transitions.start[t] + first[t];
        }
    }
    let (preds, n_preds) = &*PREDECESSORS;
    back.push([0u8; NUM_TAGS]);
    for emission in &emissions[1..] {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        let mut pointers = [0u8; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for &p in &preds[t][..n_preds[t]] {
                let s = score[p as usize] + transitions.pair[p as usize][t];
                if s > best.0 {
                    best = (s, p);
                }
            }
            next[t] = best.0 + emission[t];
            pointers[t] = best.1;
        }
        back.push(pointers);
        score = next;
    }
    let mut last = (f32::NEG_INFINITY, 0usize);
    for (t, (score, end)) in score.iter().zip(&transitions.end).enumerate() {
        let s = score + end;
        if Tag(t as u8).can_end() && s > last.0 {
            last = (s, t);
        }
    }
    out.resize(emissions.len(), Tag::O);
    let mut t = last.1;
    for (tag, pointers) in out.iter_mut().zip(back.iter()).rev() {
        *tag = Tag(t as u8);
        t = pointers[t] as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::tags::{tags_of, Class};

    #[test]
    fn cached_scores_equal_the_sums_over_every_feature() {
        let model = crate::tagger::model().expect("committed model decodes");
        let doc: Vec<Vec<&str>> = [
            "Angela Merkel met Emmanuel Macron in Paris .",
            "MERKEL AND MACRON MEET IN PARIS",
            "Merkel said the talks in Paris went well , Merkel said .",
            "Results : 1. Merkel 3 2. Macron 4 3. Paris 5",
            "Merkel",
            "Merkel said .",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let context = DocContext::new(&doc, &model.common);
        let mut buffers = Buffers::default();
        let mut cache = LocalCache::default();
        let mut scratch = FeatureScratch::default();
        let mut all = SentenceFeatures::default();
        for tokens in &doc {
            model.tag(tokens, &context, &mut cache, &mut buffers);
            model
                .features()
                .extract(tokens, &context, &mut scratch, &mut all);
            let mut expected = Vec::new();
            model.row_sums(&all, &mut Vec::new(), &mut Vec::new(), |acc| {
                expected.push(acc.map(|a| a as f32 * model.scale))
            });
            assert_eq!(buffers.emissions, expected, "{tokens:?}");
        }
        // Later sentences read words the first ones put in the cache.
        assert!(cache.len() < doc.iter().map(Vec::len).sum::<usize>());
    }

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
