//! Target-dependent features: what a sentence says about one actor in it.
//!
//! The same sentence gives different features for each actor it names, because every feature
//! but the sentence's bag of words is taken relative to the target's tokens ([`View`]): the
//! words within [`NEAR`] tokens on either side (marked left or right, and again with their
//! exact distance up to [`CLOSE`]), word pairs in that window, the target's own words ("the
//! regime"), and counts from the polarity lexicon ([`crate::polarity`]) with a negator up to
//! [`crate::tone::NEGATION_REACH`] words before a polar word reversing it (a negated word is
//! also hashed as a word of its own, "not a coward"), split by whether the
//! polar word is nearer the target or another actor, and the words of the target's own clause
//! (clauses bounded by punctuation and conjunctions of contrast or cause). Other actors read as `<other>`, the
//! target as `<target>`, a masked quotation as `<quote>`, so that "X praised Y" and
//! "Y praised X" differ for each of them. Names are hashed into `2^bits` slots as in
//! [`crate::features`]; groups are scaled as there (`weight / sqrt(occurrences)` for the word
//! groups, `ln(1 + count)` times the lexicon weight for counts).

use crate::features::{bytes_hash, finish, pair, seed};
use crate::tone::view::{is_clause_boundary, Kind, View};
use crate::tone::NEGATION_REACH;
use crate::vocab;

/// Tokens on either side of the target read as its context.
pub const NEAR: usize = 6;
/// Context tokens also read with their exact distance.
pub const CLOSE: usize = 3;

/// How features are weighted; stored in the model so prediction matches training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ToneConfig {
    pub bits: u8,
    /// The sentence's words and word pairs.
    pub sentence_weight: f32,
    /// The words around the target.
    pub near_weight: f32,
    /// The target's own words.
    pub target_weight: f32,
    /// Lexicon counts and shape flags.
    pub lexicon_weight: f32,
    /// The words of the target's own clause.
    pub clause_weight: f32,
}

impl Default for ToneConfig {
    fn default() -> Self {
        ToneConfig {
            bits: 18,
            sentence_weight: 1.0,
            near_weight: 2.0,
            target_weight: 0.5,
            lexicon_weight: 0.5,
            clause_weight: 1.0,
        }
    }
}

/// How many feature groups there are.
pub const GROUPS: usize = 5;

/// Feature groups, each scaled on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Sentence = 0,
    Near = 1,
    Target = 2,
    Lexicon = 3,
    Clause = 4,
}

/// What every target of one sentence shares, computed once per sentence: each token's
/// negation, polarity, whether it is a loaded word, and the hashes of its word features.
pub struct Reading<'v> {
    pub view: &'v View,
    negated: Vec<bool>,
    polar: Vec<i8>,
    loaded: Vec<bool>,
    /// Per token: the hash states of its sentence, left, right and clause word features
    /// (a negated word's with the negated tags); unused for mentions and quotations.
    hashes: Vec<[u64; 4]>,
}

impl<'v> Reading<'v> {
    pub fn new(view: &'v View) -> Self {
        let negated = negation(view);
        let mut polar = Vec::with_capacity(view.tokens.len());
        let mut loaded = Vec::with_capacity(view.tokens.len());
        let mut hashes = Vec::with_capacity(view.tokens.len());
        for (token, &negated) in view.tokens.iter().zip(&negated) {
            let entry = if token.kind == Kind::Word {
                vocab::lookup(&token.word)
            } else {
                vocab::Entry::default()
            };
            let value = entry.polarity();
            polar.push(if negated { -value } else { value });
            loaded.push(entry.is_loaded());
            let tag = |t: u8| if negated { t.to_ascii_uppercase() } else { t };
            let word = token.word.as_bytes();
            hashes.push([
                bytes_hash(seed(tag(b'w')), word),
                bytes_hash(seed(tag(b'l')), word),
                bytes_hash(seed(tag(b'r')), word),
                bytes_hash(seed(b'c'), word),
            ]);
        }
        Reading {
            view,
            negated,
            polar,
            loaded,
            hashes,
        }
    }
}

/// The sentence seen from one target: the view, the target's token positions, each token's
/// distance to the nearest target token and whether it comes before it.
pub struct Targeted<'v> {
    pub view: &'v View,
    reading: &'v Reading<'v>,
    /// Per token: (distance to the nearest target token, whether the token is left of it).
    place: Vec<(usize, bool)>,
    targets: Vec<usize>,
    /// Per token, whether it is in a clause holding a target token.
    in_clause: Vec<bool>,
    /// The words of the target's mention ("the", "regime"), normalized.
    target_words: &'v [String],
}

impl<'v> Targeted<'v> {
    /// `targets` are indices into the view's tokens (the target's mention tokens).
    pub fn new(reading: &'v Reading<'v>, targets: Vec<usize>, target_words: &'v [String]) -> Self {
        let view = reading.view;
        let n = view.tokens.len();
        let mut place = vec![(usize::MAX, false); n];
        // Two sweeps give each token its nearest target on either side.
        let mut last: Option<usize> = None;
        for (i, slot) in place.iter_mut().enumerate() {
            if targets.contains(&i) {
                last = Some(i);
            }
            if let Some(t) = last {
                *slot = (i - t, false);
            }
        }
        let mut next: Option<usize> = None;
        for i in (0..n).rev() {
            if targets.contains(&i) {
                next = Some(i);
            }
            if let Some(t) = next {
                if t - i < place[i].0 {
                    place[i] = (t - i, true);
                }
            }
        }
        // Clauses: runs of tokens between boundaries; a clause holding a target is its own.
        let mut in_clause = vec![false; n];
        let mut start = 0;
        for i in 0..=n {
            let boundary = i == n
                || (view.tokens[i].kind == Kind::Word && is_clause_boundary(&view.tokens[i].word));
            if boundary {
                if (start..i).any(|j| targets.contains(&j)) {
                    in_clause[start..i].iter_mut().for_each(|c| *c = true);
                }
                start = i + 1;
            }
        }
        Targeted {
            view,
            reading,
            place,
            targets,
            in_clause,
            target_words,
        }
    }

    /// The name token `i` is read as.
    fn name(&self, i: usize) -> &str {
        let Some(token) = self.view.tokens.get(i) else {
            return "";
        };
        match token.kind {
            Kind::Word => &token.word,
            Kind::Mention(_) if self.targets.contains(&i) => "<target>",
            Kind::Mention(_) => "<other>",
            Kind::Quote => "<quote>",
        }
    }

    /// The hash state of token `i`'s word feature `kind` (0 sentence, 1 left, 2 right,
    /// 3 clause, with feature tag `tag`): a word's from the reading (a negated word hashed as
    /// another word: "not a coward"), a mention's or quotation's from its name.
    fn hash(&self, i: usize, kind: usize, tag: u8) -> u64 {
        match self.view.tokens.get(i).map(|t| t.kind) {
            Some(Kind::Word) => self.reading.hashes[i][kind],
            _ => bytes_hash(seed(tag), self.name(i).as_bytes()),
        }
    }

    /// Distance from token `i` to the nearest target token, and whether it is on the left.
    pub fn place(&self, i: usize) -> (usize, bool) {
        self.place.get(i).copied().unwrap_or((usize::MAX, false))
    }

    /// Whether token `i` is in the target's context window.
    pub fn is_near(&self, i: usize) -> bool {
        let (d, _) = self.place(i);
        d > 0 && d <= NEAR
    }

    /// Whether another actor is mentioned in the sentence.
    pub fn has_others(&self) -> bool {
        self.view
            .tokens
            .iter()
            .enumerate()
            .any(|(j, t)| matches!(t.kind, Kind::Mention(_)) && !self.targets.contains(&j))
    }

    /// The words of the context window, for the word-vector block; words a negator reaches
    /// are left out (their vector says what they mean, not what the sentence says).
    pub fn near_words(&self) -> impl Iterator<Item = &str> {
        (0..self.view.tokens.len())
            .filter(|&i| self.is_near(i) && self.is_plain_word(i))
            .map(|i| self.view.tokens[i].word.as_str())
    }

    /// The words of the whole sentence, for the word-vector block (negated words left out).
    pub fn sentence_words(&self) -> impl Iterator<Item = &str> {
        (0..self.view.tokens.len())
            .filter(|&i| self.is_plain_word(i))
            .map(|i| self.view.tokens[i].word.as_str())
    }

    /// Whether token `i` is a word no negator reaches.
    fn is_plain_word(&self, i: usize) -> bool {
        self.view.tokens[i].kind == Kind::Word && self.reading.negated.get(i) != Some(&true)
    }

    /// Whether token `i` is nearer another actor's mention than the target's, outside the
    /// target's own clause.
    pub fn is_nearer_other(&self, i: usize) -> bool {
        self.in_clause.get(i) != Some(&true) && self.distance_to_other(i) < self.place(i).0
    }

    /// The distance from token `i` to the nearest other actor's mention.
    fn distance_to_other(&self, i: usize) -> usize {
        self.view
            .tokens
            .iter()
            .enumerate()
            .filter(|(j, t)| matches!(t.kind, Kind::Mention(_)) && !self.targets.contains(j))
            .map(|(j, _)| j.abs_diff(i))
            .min()
            .unwrap_or(usize::MAX)
    }
}

/// Per token, whether a negator ("not", "never", "n't"…) up to [`NEGATION_REACH`] words
/// before it reaches it; a contrast ("but") or a clause boundary ends the reach.
pub fn negation(view: &View) -> Vec<bool> {
    let mut out = Vec::with_capacity(view.tokens.len());
    let mut negated_until: Option<usize> = None;
    for (i, token) in view.tokens.iter().enumerate() {
        if token.kind == Kind::Word && is_clause_boundary(&token.word) {
            negated_until = None;
        }
        out.push(negated_until.is_some_and(|until| i <= until));
        if token.kind == Kind::Word
            && (vocab::lookup(&token.word).is_negator() || token.word.ends_with("n't"))
        {
            negated_until = Some(i + NEGATION_REACH);
        }
    }
    out
}

/// Calls `f(group, slot, value)` for every feature of the targeted sentence.
pub fn visit(t: &Targeted, config: &ToneConfig, mut f: impl FnMut(Group, u32, f32)) {
    let mask = (1u64 << config.bits.min(31)) - 1;
    let slot = |h: u64| (finish(h) & mask) as u32;
    let n = t.view.tokens.len();

    // The sentence's words and word pairs.
    let mut previous = seed(b'<');
    for i in 0..n {
        let h = t.hash(i, 0, b'w');
        f(Group::Sentence, slot(h), 1.0);
        f(Group::Sentence, slot(pair(previous, h)), 1.0);
        previous = h;
    }
    f(Group::Sentence, slot(pair(previous, seed(b'>'))), 1.0);

    // The context window: words by side, by exact distance when close, and pairs by side.
    for i in 0..n {
        if !t.is_near(i) {
            continue;
        }
        let (d, left) = t.place(i);
        let side = if left { b'l' } else { b'r' };
        let h = t.hash(i, if left { 1 } else { 2 }, side);
        f(Group::Near, slot(h), 1.0);
        if d <= CLOSE {
            f(Group::Near, slot(pair(h, seed(d as u8))), 1.0);
        }
        if i + 1 < n && t.is_near(i + 1) {
            let next = t.hash(i + 1, if left { 1 } else { 2 }, side);
            f(Group::Near, slot(pair(pair(h, next), seed(b'p'))), 1.0);
        }
    }

    // The words of the target's own clause.
    for i in 0..n {
        if t.in_clause.get(i) == Some(&true) && !t.targets.contains(&i) {
            f(Group::Clause, slot(t.hash(i, 3, b'c')), 1.0);
        }
    }

    // The target's own words.
    for word in t.target_words {
        f(
            Group::Target,
            slot(bytes_hash(seed(b't'), word.as_bytes())),
            1.0,
        );
    }

    // Lexicon counts and the sentence's shape.
    let weight = config.lexicon_weight;
    let mut counts: [u32; 12] = [0; 12];
    let mut others = 0u32;
    let mut quotes = 0u32;
    for i in 0..n {
        match t.view.tokens[i].kind {
            Kind::Mention(_) if !t.targets.contains(&i) => others += 1,
            Kind::Quote => quotes += 1,
            _ => {}
        }
        let value = t.reading.polar.get(i).copied().unwrap_or(0);
        if value == 0 {
            if t.is_near(i) && t.reading.loaded.get(i) == Some(&true) {
                counts[8] += 1;
            }
            continue;
        }
        let negative = usize::from(value > 0);
        counts[negative] += 1;
        let (d, _) = t.place(i);
        if d <= NEAR {
            counts[2 + negative] += 1;
        }
        if t.in_clause.get(i) == Some(&true) {
            counts[10 + negative] += 1;
        }
        if t.distance_to_other(i) < d {
            counts[4 + negative] += 1;
        } else {
            counts[6 + negative] += 1;
        }
    }
    counts[9] = u32::from(t.targets.first() == Some(&0));
    const NAMES: [&[u8]; 12] = [
        b"neg",
        b"pos",
        b"neg near",
        b"pos near",
        b"neg other",
        b"pos other",
        b"neg own",
        b"pos own",
        b"loaded near",
        b"target first",
        b"neg clause",
        b"pos clause",
    ];
    let mut cue = |name: &[u8], count: u32| {
        if count > 0 {
            let value = (1.0 + count as f32).ln() * weight;
            f(Group::Lexicon, slot(bytes_hash(seed(b'x'), name)), value);
        }
    };
    for (name, count) in NAMES.iter().zip(counts) {
        cue(name, count);
    }
    cue(b"others", others);
    cue(b"quotes", quotes);
}

/// The slots of token `i`'s own word features: its sentence unigram and, in the context
/// window, its side unigram.
pub fn word_slots(t: &Targeted, i: usize, config: &ToneConfig) -> [Option<u32>; 2] {
    let mask = (1u64 << config.bits.min(31)) - 1;
    let slot = |h: u64| (finish(h) & mask) as u32;
    let sentence = slot(t.hash(i, 0, b'w'));
    let near = t.is_near(i).then(|| {
        let left = t.place(i).1;
        slot(t.hash(i, if left { 1 } else { 2 }, if left { b'l' } else { b'r' }))
    });
    [Some(sentence), near]
}

/// Each group's multiplier for the given occurrence counts.
pub fn scales(config: &ToneConfig, counts: [u32; GROUPS]) -> [f32; GROUPS] {
    let normalized = |weight: f32, count: u32| {
        if count == 0 {
            0.0
        } else {
            weight / (count as f32).sqrt()
        }
    };
    [
        normalized(config.sentence_weight, counts[0]),
        normalized(config.near_weight, counts[1]),
        normalized(config.target_weight, counts[2]),
        1.0,
        normalized(config.clause_weight, counts[4]),
    ]
}

/// The sparse feature vector (slot, value), sorted by slot with each slot once.
pub fn extract(t: &Targeted, config: &ToneConfig) -> Vec<(u32, f32)> {
    let mut raw: Vec<(u32, Group, f32)> = Vec::with_capacity(t.view.tokens.len() * 6);
    let mut counts = [0u32; GROUPS];
    visit(t, config, |group, slot, value| {
        raw.push((slot, group, value));
        counts[group as usize] += 1;
    });
    let scales = scales(config, counts);
    let mut out: Vec<(u32, f32)> = raw
        .into_iter()
        .map(|(slot, group, value)| (slot, value * scales[group as usize]))
        .collect();
    out.sort_unstable_by_key(|(slot, _)| *slot);
    let mut merged: Vec<(u32, f32)> = Vec::with_capacity(out.len());
    for (slot, value) in out {
        match merged.last_mut() {
            Some((last, sum)) if *last == slot => *sum += value,
            _ => merged.push((slot, value)),
        }
    }
    merged
}

// `View::new` takes slices of byte ranges: a one-range slice is meant, not a range of numbers.
#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn targeted_features(sentence: &str, target: &str, other: &str) -> Vec<(u32, f32)> {
        let at = |name: &str| {
            let s = sentence.find(name).unwrap_or(0);
            s..s + name.len()
        };
        let view = View::new(sentence, &[at(target), at(other)], &[]);
        let words = vec![];
        let reading = Reading::new(&view);
        let t = Targeted::new(&reading, view.positions(&[0]), &words);
        extract(&t, &ToneConfig::default())
    }

    #[test]
    fn the_same_sentence_differs_by_target() {
        let s = "Kelidze praised Orlov for his reckless gamble.";
        let a = targeted_features(s, "Kelidze", "Orlov");
        let b = targeted_features(s, "Orlov", "Kelidze");
        assert_ne!(a, b);
        assert!(a.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn negation_reverses_polarity() {
        let view = View::new("He was not reckless but brave.", &[], &[]);
        let polar = Reading::new(&view).polar;
        let words: Vec<(&str, i8)> = view
            .tokens
            .iter()
            .zip(&polar)
            .map(|(t, p)| (t.word.as_str(), *p))
            .collect();
        assert!(words.contains(&("reckless", 1)));
        assert!(words.contains(&("brave", 1)));
    }

    #[test]
    fn places_are_distances_to_the_nearest_target() {
        let s = "a b Kelidze c d";
        let view = View::new(s, &[4..11], &[]);
        let words = vec![];
        let reading = Reading::new(&view);
        let t = Targeted::new(&reading, view.positions(&[0]), &words);
        assert_eq!(t.place(0), (2, true));
        assert_eq!(t.place(2), (0, false));
        assert_eq!(t.place(4), (2, false));
        assert_eq!(t.near_words().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    }
}
