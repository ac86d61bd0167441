//! Feature extraction: each token of a sentence becomes a list of hashed feature buckets.
//!
//! Features are the classic ones for news NER: the word and its neighbours (±2), word bigrams,
//! prefixes and suffixes up to four characters, the word's shape ("Xxxx", "X.X.", "d-d") and
//! its neighbours' shapes, gazetteer hits with the token's position in the matched phrase, and
//! whether the word is one that the training data shows in lowercase (so a capitalized common
//! word is probably capitalized only by position). Capitalization is useless in all-caps
//! headlines, so shape features are kept apart there (conjoined with an all-caps flag), and in
//! number-heavy sentences (sports tables) with a table flag.

use super::hashing::bucket;
use crate::hash::{word_key, Fnv, KeyMap, KeySet};
use crate::lexicon::{normalize, GazMatch, Kind, Lexicon};

/// What feature extraction reads besides the tokens.
pub struct FeatureContext<'a> {
    pub lexicon: &'a Lexicon,
    /// Word keys of words seen in lowercase in the training text.
    pub common: &'a KeySet,
    /// log2 of the number of weight rows.
    pub bits: u32,
}

/// The buckets of every token of one sentence; token `i` owns
/// `buckets[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Default, Clone)]
pub struct SentenceFeatures {
    pub buckets: Vec<u32>,
    pub offsets: Vec<usize>,
}

impl SentenceFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn token(&self, i: usize) -> &[u32] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.buckets.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Facts about one token computed once and read by the templates of its neighbours too.
struct TokenInfo {
    norm: String,
    shape: String,
    key: u64,
    common: bool,
    init_cap: bool,
}

fn shape_of(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        // Runs collapse so that "Xxxxx" and "Xxx" share a shape.
        if last != Some(s) {
            out.push(s);
            last = Some(s);
        }
    }
    out
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ':' | '/'))
}

/// The first `n` characters of `s` (all of it when shorter).
fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    (s.chars().count() >= n).then(|| &s[..end])
}

/// The last `n` characters of `s`, when it has at least `n`.
fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count < n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map_or(0, |(i, _)| i);
    Some(&s[start..])
}

/// Whether a sentence is in capitals (a headline or dateline: nearly every word in capitals,
/// so case says nothing) and whether it is a table row (sports results: many numbers).
fn sentence_modes(tokens: &[&str]) -> (bool, bool) {
    let lettered = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count();
    let caps = tokens.iter().filter(|t| is_all_caps(t)).count();
    let numbers = tokens.iter().filter(|t| is_number(t)).count();
    let all_caps = lettered > 0 && caps * 10 >= lettered * 7;
    let table = tokens.len() >= 4 && numbers * 10 >= tokens.len() * 4;
    (all_caps, table)
}

/// How a document writes each of its words elsewhere: capitalized inside a sentence in mixed
/// case (a name there), and in lowercase (a common word there). This is what tells a tagger
/// that "JAPAN" in a headline or "Police" opening a sentence is or is not a name.
#[derive(Debug, Default, Clone)]
pub struct DocContext {
    flags: KeyMap<u8>,
}

const CAP_INSIDE: u8 = 1;
const LOWER: u8 = 2;

impl DocContext {
    /// The casing evidence of a document's sentences.
    pub fn new(sentences: &[Vec<&str>]) -> Self {
        let mut flags: KeyMap<u8> = KeyMap::default();
        for tokens in sentences {
            let (all_caps, _) = sentence_modes(tokens);
            for (i, t) in tokens.iter().enumerate() {
                let first = t.chars().next();
                let bit = if first.is_some_and(char::is_lowercase) {
                    LOWER
                } else if i > 0
                    && !all_caps
                    && first.is_some_and(char::is_uppercase)
                    && !is_all_caps(t)
                {
                    CAP_INSIDE
                } else {
                    continue;
                };
                *flags.entry(word_key(&normalize(t))).or_default() |= bit;
            }
        }
        DocContext { flags }
    }

    fn flags(&self, key: u64) -> u8 {
        self.flags.get(&key).copied().unwrap_or(0)
    }
}

/// Template ids: part of every feature's hash, so that equal strings from different templates
/// do not share a weight.
#[derive(Clone, Copy)]
#[repr(u8)]
enum T {
    Bias = 1,
    Word,
    Raw,
    Prev,
    Next,
    Prev2,
    Next2,
    PrevWord,
    WordNext,
    Prefix,
    Suffix,
    Shape,
    PrevShape,
    NextShape,
    ShapeTrigram,
    FirstShape,
    Common,
    PrevCommon,
    NextCommon,
    Gaz,
    PrevGaz,
    NextGaz,
    TableShape,
    Length,
    PrevWordShape,
    ShapeNextWord,
    CapsGaz,
    DocCase,
}

impl<'a> FeatureContext<'a> {
    /// Computes the features of `tokens`, a sentence of the document described by `doc`, into
    /// `out` (cleared first).
    pub fn extract(&self, tokens: &[&str], doc: &DocContext, out: &mut SentenceFeatures) {
        out.buckets.clear();
        out.offsets.clear();
        out.offsets.push(0);
        let infos: Vec<TokenInfo> = tokens
            .iter()
            .map(|t| {
                let norm = normalize(t);
                let key = word_key(&norm);
                TokenInfo {
                    shape: shape_of(t),
                    common: self.common.contains(&key),
                    init_cap: t.chars().next().is_some_and(char::is_uppercase),
                    key,
                    norm,
                }
            })
            .collect();
        let (all_caps, table) = sentence_modes(tokens);
        let mode: u8 = u8::from(all_caps) | (u8::from(table) << 1);

        let keys: Vec<u64> = infos.iter().map(|i| i.key).collect();
        let mut matches = Vec::new();
        self.lexicon.longest_matches(&keys, &mut matches);

        for i in 0..tokens.len() {
            let mut f = Emit {
                bits: self.bits,
                out: &mut out.buckets,
            };
            let info = &infos[i];
            let word = |d: isize| -> &str {
                let j = i as isize + d;
                if j < 0 {
                    "<s>"
                } else {
                    infos.get(j as usize).map_or("</s>", |t| t.norm.as_str())
                }
            };
            let shape = |d: isize| -> &str {
                let j = i as isize + d;
                if j < 0 {
                    "<s>"
                } else {
                    infos.get(j as usize).map_or("</s>", |t| t.shape.as_str())
                }
            };
            f.one(T::Bias, &[]);
            f.one(T::Word, &[&info.norm]);
            f.one(T::Raw, &[tokens[i]]);
            f.one(T::Prev, &[word(-1)]);
            f.one(T::Next, &[word(1)]);
            f.one(T::Prev2, &[word(-2)]);
            f.one(T::Next2, &[word(2)]);
            f.one(T::PrevWord, &[word(-1), &info.norm]);
            f.one(T::WordNext, &[&info.norm, word(1)]);
            for (n, tag) in ["1", "2", "3", "4"].into_iter().enumerate() {
                if let Some(p) = prefix(&info.norm, n + 1) {
                    f.one(T::Prefix, &[tag, p]);
                }
                if let Some(s) = suffix(&info.norm, n + 1) {
                    f.one(T::Suffix, &[tag, s]);
                }
            }
            f.moded(T::Shape, mode, &[&info.shape]);
            f.moded(T::PrevShape, mode, &[shape(-1)]);
            f.moded(T::NextShape, mode, &[shape(1)]);
            f.moded(T::ShapeTrigram, mode, &[shape(-1), &info.shape, shape(1)]);
            f.moded(T::PrevWordShape, mode, &[word(-1), &info.shape]);
            f.moded(T::ShapeNextWord, mode, &[&info.shape, word(1)]);
            if i == 0 {
                f.moded(T::FirstShape, mode, &[&info.shape]);
            }
            f.bytes(
                T::DocCase,
                &[
                    doc.flags(info.key),
                    mode,
                    u8::from(info.init_cap),
                    u8::from(i == 0),
                ],
            );
            if info.common {
                f.moded(
                    T::Common,
                    mode,
                    &[if info.init_cap { "cap" } else { "low" }],
                );
            }
            if i > 0 && infos[i - 1].common {
                f.one(T::PrevCommon, &[]);
            }
            if infos.get(i + 1).is_some_and(|t| t.common) {
                f.one(T::NextCommon, &[]);
            }
            if table {
                f.one(T::TableShape, &[shape(-1), &info.shape]);
            }
            f.bytes(T::Length, &[info.norm.chars().count().min(8) as u8]);
            for (kinds, part) in gazetteer_parts(&matches, i) {
                for kind in Kind::ALL.iter().filter(|k| kinds & k.bit() != 0) {
                    let k = [kind.ordinal(), part];
                    f.bytes(T::Gaz, &k);
                    f.bytes(
                        T::CapsGaz,
                        &[kind.ordinal(), part, mode, u8::from(info.init_cap)],
                    );
                }
            }
            if i > 0 {
                for (kinds, _) in gazetteer_parts(&matches, i - 1) {
                    f.bytes(T::PrevGaz, &kinds.to_le_bytes());
                }
            }
            for (kinds, _) in gazetteer_parts(&matches, i + 1) {
                f.bytes(T::NextGaz, &kinds.to_le_bytes());
            }
            out.offsets.push(out.buckets.len());
        }
    }
}

/// The gazetteer matches covering token `i`: their kinds, and the token's position in each
/// (B, I, L or U as a byte).
fn gazetteer_parts(matches: &[GazMatch], i: usize) -> impl Iterator<Item = (u32, u8)> + '_ {
    matches
        .iter()
        .filter(move |m| m.start <= i && i < m.end)
        .map(move |m| {
            let part = if m.end - m.start == 1 {
                b'U'
            } else if i == m.start {
                b'B'
            } else if i + 1 == m.end {
                b'L'
            } else {
                b'I'
            };
            (m.kinds, part)
        })
}

/// Hashes features of one token into buckets.
struct Emit<'o> {
    bits: u32,
    out: &'o mut Vec<u32>,
}

impl Emit<'_> {
    fn one(&mut self, template: T, parts: &[&str]) {
        let h = parts
            .iter()
            .fold(Fnv::new(template as u8), |h, p| h.bytes(p.as_bytes()));
        self.out.push(bucket(h.finish(), self.bits));
    }

    fn moded(&mut self, template: T, mode: u8, parts: &[&str]) {
        let h = parts
            .iter()
            .fold(Fnv::new(template as u8).bytes(&[mode]), |h, p| {
                h.bytes(p.as_bytes())
            });
        self.out.push(bucket(h.finish(), self.bits));
    }

    fn bytes(&mut self, template: T, bytes: &[u8]) {
        self.out.push(bucket(
            Fnv::new(template as u8).bytes(bytes).finish(),
            self.bits,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_of("Saakashvili"), "Xx");
        assert_eq!(shape_of("U.S."), "X.X.");
        assert_eq!(shape_of("1996-08-22"), "d-d-d");
    }

    #[test]
    fn affixes_respect_char_boundaries() {
        assert_eq!(prefix("são", 2), Some("sã"));
        assert_eq!(suffix("são", 2), Some("ão"));
        assert_eq!(suffix("ab", 3), None);
    }
}
