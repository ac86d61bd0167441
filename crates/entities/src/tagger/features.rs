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
use crate::lexicon::{normalize, normalized_key, GazMatch, Kind, Lexicon};
use rustc_hash::FxHashMap;

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

    fn clear(&mut self) {
        self.buckets.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }

    pub fn token(&self, i: usize) -> &[u32] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.buckets.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Facts about one token computed once per sentence and read by the templates of its
/// neighbours too. `norm` and `shape` are byte ranges into [`FeatureScratch::text`].
#[derive(Debug, Clone, Copy, Default)]
struct TokenInfo {
    norm: (u32, u32),
    shape: (u32, u32),
    key: u64,
    /// Characters in the normalized word.
    norm_chars: u32,
    common: bool,
    casing: Casing,
}

/// What one pass over a token's characters tells about its case and content.
#[derive(Debug, Clone, Copy, Default)]
struct Casing {
    /// First character uppercase.
    init_cap: bool,
    /// First character lowercase.
    init_lower: bool,
    /// Some letter, and no lowercase one.
    all_caps: bool,
    /// Some letter.
    lettered: bool,
    /// Digits with number punctuation only.
    number: bool,
}

fn casing_of(word: &str) -> Casing {
    let first = word.chars().next();
    let (mut lettered, mut lower, mut digit, mut numeric) = (false, false, false, true);
    for c in word.chars() {
        lettered |= c.is_alphabetic();
        lower |= c.is_lowercase();
        digit |= c.is_ascii_digit();
        numeric &= c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ':' | '/');
    }
    Casing {
        init_cap: first.is_some_and(char::is_uppercase),
        init_lower: first.is_some_and(char::is_lowercase),
        all_caps: lettered && !lower,
        lettered,
        number: digit && numeric,
    }
}

/// Appends the word's shape: letters as `X`/`x`, digits as `d`, other characters as
/// themselves, runs collapsed so that "Xxxxx" and "Xxx" share a shape.
fn push_shape(word: &str, out: &mut String) {
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
        if last != Some(s) {
            out.push(s);
            last = Some(s);
        }
    }
}

#[cfg(test)]
fn shape_of(word: &str) -> String {
    let mut out = String::new();
    push_shape(word, &mut out);
    out
}

/// Appends [`normalize`]`(word)`, without allocating for ASCII words.
fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&normalize(word));
    }
}

/// The first `n` characters of `s` (of `chars` characters), when it has at least `n`.
fn prefix(s: &str, chars: usize, n: usize) -> Option<&str> {
    if chars < n {
        None
    } else if chars == s.len() {
        s.get(..n)
    } else {
        let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        s.get(..end)
    }
}

/// The last `n` characters of `s` (of `chars` characters), when it has at least `n`.
fn suffix(s: &str, chars: usize, n: usize) -> Option<&str> {
    if chars < n {
        None
    } else if chars == s.len() {
        s.get(s.len() - n..)
    } else {
        let start = s.char_indices().nth(chars - n).map_or(0, |(i, _)| i);
        s.get(start..)
    }
}

/// Whether a sentence is in capitals (a headline or dateline: nearly every word in capitals,
/// so case says nothing) and whether it is a table row (sports results: many numbers).
fn sentence_modes(casings: impl Iterator<Item = Casing>) -> (bool, bool) {
    let (mut tokens, mut lettered, mut caps, mut numbers) = (0usize, 0usize, 0usize, 0usize);
    for c in casings {
        tokens += 1;
        lettered += usize::from(c.lettered);
        caps += usize::from(c.all_caps);
        numbers += usize::from(c.number);
    }
    let all_caps = lettered > 0 && caps * 10 >= lettered * 7;
    let table = tokens >= 4 && numbers * 10 >= tokens * 4;
    (all_caps, table)
}

/// How a document writes each of its words elsewhere: capitalized inside a sentence in mixed
/// case (a name there), and in lowercase (a common word there). This is what tells a tagger
/// that "JAPAN" in a headline or "Police" opening a sentence is or is not a name. And the
/// longest run of capitalized words the word is part of in the document's mixed-case
/// sentences ("Newmont" in "Newmont Mining Corp"), so that a short later mention ("Newmont")
/// sees the full name's first and last words. And the neighbours of a capitalized word's first
/// few occurrences in mixed-case sentences ("Norilsk officials", "about Norilsk 's debts"), so
/// that each mention sees the contexts of the others (context aggregation, Ratinov & Roth
/// 2009).
#[derive(Debug, Default, Clone)]
pub struct DocContext {
    words: KeyMap<DocWord>,
}

/// What a document tells about one of its words.
#[derive(Debug, Default, Clone, Copy)]
struct DocWord {
    flags: u8,
    /// The longest capitalized run holding the word: its length (0 when none of two words or
    /// more), the word's position in it (B, I or L), and the keys of its first and last words.
    run_len: u8,
    run_part: u8,
    run_first: u64,
    run_last: u64,
    /// Keys of the words before and after the word's first [`CONTEXTS`] distinct contexts.
    contexts: [(u64, u64); CONTEXTS],
    n_contexts: u8,
}

/// Contexts kept per word for context aggregation.
const CONTEXTS: usize = 4;
/// Keys standing for the start and the end of a sentence as a neighbour.
const START_KEY: u64 = 1;
const END_KEY: u64 = 2;

static NO_WORD: DocWord = DocWord {
    flags: 0,
    run_len: 0,
    run_part: 0,
    run_first: 0,
    run_last: 0,
    contexts: [(0, 0); CONTEXTS],
    n_contexts: 0,
};

/// The keys of the words before and after token `i`.
fn neighbours(keys: &[u64], i: usize) -> (u64, u64) {
    let prev = i.checked_sub(1).and_then(|j| keys.get(j));
    let next = keys.get(i + 1);
    (
        prev.copied().unwrap_or(START_KEY),
        next.copied().unwrap_or(END_KEY),
    )
}

const CAP_INSIDE: u8 = 1;
const LOWER: u8 = 2;

impl DocContext {
    /// The casing evidence of a document's sentences; `common` holds the words the training
    /// text writes in lowercase (a sentence's capitalized first word that is one of them is
    /// left out of a run).
    pub fn new(sentences: &[Vec<&str>], common: &KeySet) -> Self {
        let mut words: KeyMap<DocWord> = KeyMap::default();
        let mut casings = Vec::new();
        let mut keys = Vec::new();
        for tokens in sentences {
            casings.clear();
            casings.extend(tokens.iter().map(|t| casing_of(t)));
            keys.clear();
            keys.extend(tokens.iter().map(|t| normalized_key(t)));
            let (all_caps, _) = sentence_modes(casings.iter().copied());
            for (i, (c, key)) in casings.iter().zip(&keys).enumerate() {
                let bit = if c.init_lower {
                    LOWER
                } else if i > 0 && !all_caps && c.init_cap && !c.all_caps {
                    CAP_INSIDE
                } else {
                    continue;
                };
                words.entry(*key).or_default().flags |= bit;
            }
            if all_caps {
                continue;
            }
            for (i, (c, key)) in casings.iter().zip(&keys).enumerate() {
                if !c.init_cap {
                    continue;
                }
                let context = neighbours(&keys, i);
                let entry = words.entry(*key).or_default();
                let n = usize::from(entry.n_contexts);
                if n < CONTEXTS && !entry.contexts[..n].contains(&context) {
                    entry.contexts[n] = context;
                    entry.n_contexts += 1;
                }
            }
            let first_common = keys.first().is_some_and(|k| common.contains(k));
            let cap = |i: usize| casings[i].init_cap;
            for_cap_runs(casings.len(), cap, first_common, |start, end| {
                let len = end - start;
                let (first, last) = (keys[start], keys[end - 1]);
                for (j, key) in keys.iter().enumerate().take(end).skip(start) {
                    let entry = words.entry(*key).or_default();
                    if len > usize::from(entry.run_len) {
                        entry.run_len = len.min(255) as u8;
                        entry.run_part = if j == start {
                            b'B'
                        } else if j + 1 == end {
                            b'L'
                        } else {
                            b'I'
                        };
                        entry.run_first = first;
                        entry.run_last = last;
                    }
                }
            });
        }
        DocContext { words }
    }

    fn word(&self, key: u64) -> &DocWord {
        self.words.get(&key).unwrap_or(&NO_WORD)
    }
}

/// Calls `f(start, end)` for each run of two or more capitalized words in a sentence of `n`
/// tokens, where `cap(i)` tells whether token `i` is capitalized; a capitalized first word
/// that is a common word (`first_common`) is left out.
fn for_cap_runs(
    n: usize,
    cap: impl Fn(usize) -> bool,
    first_common: bool,
    mut f: impl FnMut(usize, usize),
) {
    let mut i = 0;
    while i < n {
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut start = i;
        while i < n && cap(i) {
            i += 1;
        }
        if start == 0 && first_common {
            start = 1;
        }
        if i >= start + 2 {
            f(start, i);
        }
    }
}

/// Buffers reused from sentence to sentence by [`FeatureContext::extract`].
#[derive(Debug, Default, Clone)]
pub struct FeatureScratch {
    /// Normalized words and shapes of the sentence's tokens, back to back.
    text: String,
    infos: Vec<TokenInfo>,
    keys: Vec<u64>,
    /// Length of the capitalized run each token is in (0 when none, or in capitals).
    runs: Vec<u8>,
    matches: Vec<GazMatch>,
}

impl FeatureScratch {
    fn text(&self, (a, b): (u32, u32)) -> &str {
        self.text.get(a as usize..b as usize).unwrap_or("")
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
    DocRunFirst,
    DocRunLast,
    DocPrev,
    DocNext,
}

/// The word-dependent features already computed in a document: each distinct (token as
/// written, sentence mode) pair gets an entry number, in order of first appearance.
///
/// Why: most of a token's features depend on one token as written and its sentence's mode
/// alone: its own (bias, word, raw word, affixes, length, shape, common-word flag) and those
/// its neighbours read of it (previous and next word at one and two tokens, their shapes).
/// Most tokens of a news article repeat an earlier one ("the", "said", a name). The model
/// keeps, per entry, the sum of the weight rows of each [`Role`], so a repeated token costs
/// one map probe instead of some twenty hashes and table look-ups; the sums are of integers,
/// so the scores are exactly those of the features one by one.
#[derive(Debug, Default)]
pub struct LocalCache<'t> {
    entries: FxHashMap<(&'t str, u8), u32>,
}

impl LocalCache<'_> {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A sentence's features for tagging with a [`LocalCache`].
#[derive(Debug, Default, Clone)]
pub struct CachedFeatures {
    /// Each token's contextual buckets (those that read its neighbours or the document).
    pub context: SentenceFeatures,
    /// Each token's entry in the cache.
    pub entries: Vec<u32>,
    /// The buckets of the entries this sentence added, in entry order, [`ROLES`] groups an
    /// entry, in the order of [`Role`].
    pub added: SentenceFeatures,
}

/// What a cache entry's word is to the token whose score a group of its features adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The token itself.
    Own,
    /// The word before it (its word and its shape)...
    Prev,
    /// ... the word after it ...
    Next,
    /// ... and the words two before and two after.
    Prev2,
    Next2,
}

/// Feature groups per cache entry.
pub const ROLES: usize = 5;

/// Which of a token's features [`FeatureContext::token_features`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Select {
    /// All, in template order (training reads them so).
    All,
    /// Those that read more than one word or the document, and the neighbour features at the
    /// sentence's edges (`<s>`, `</s>`): the rest comes from the cache.
    Context,
    /// The token's own.
    Own,
}

/// What the templates of every token of one sentence read.
struct SentenceView<'s> {
    scratch: &'s FeatureScratch,
    mode: u8,
    table: bool,
}

impl<'a> FeatureContext<'a> {
    /// Computes the features of `tokens`, a sentence of the document described by `doc`, into
    /// `out` (cleared first), using `scratch` for the per-token facts.
    pub fn extract(
        &self,
        tokens: &[&str],
        doc: &DocContext,
        scratch: &mut FeatureScratch,
        out: &mut SentenceFeatures,
    ) {
        out.clear();
        let view = self.prepare(tokens, scratch);
        for (i, raw) in tokens.iter().enumerate() {
            let mut f = Emit {
                bits: self.bits,
                out: &mut out.buckets,
            };
            self.token_features(&view, doc, i, raw, Select::All, &mut f);
            out.offsets.push(out.buckets.len());
        }
    }

    /// [`extract`](Self::extract) split by the cache: `out.context` gets every token's
    /// contextual buckets, `out.entries` its cache entry, and `out.added` the buckets of the
    /// entries added here, by role.
    pub fn extract_cached<'t>(
        &self,
        tokens: &[&'t str],
        doc: &DocContext,
        scratch: &mut FeatureScratch,
        cache: &mut LocalCache<'t>,
        out: &mut CachedFeatures,
    ) {
        out.context.clear();
        out.added.clear();
        out.entries.clear();
        let view = self.prepare(tokens, scratch);
        for (i, raw) in tokens.iter().enumerate() {
            let next = cache.entries.len() as u32;
            let entry = *cache.entries.entry((raw, view.mode)).or_insert(next);
            out.entries.push(entry);
            let mut f = Emit {
                bits: self.bits,
                out: &mut out.context.buckets,
            };
            self.token_features(&view, doc, i, raw, Select::Context, &mut f);
            out.context.offsets.push(out.context.buckets.len());
            if entry == next {
                self.entry_features(&view, doc, i, raw, &mut out.added);
            }
        }
    }

    /// The [`ROLES`] groups of features of a new cache entry, token `i` (written `raw`).
    fn entry_features(
        &self,
        view: &SentenceView<'_>,
        doc: &DocContext,
        i: usize,
        raw: &str,
        out: &mut SentenceFeatures,
    ) {
        let Some(info) = view.scratch.infos.get(i) else {
            return;
        };
        let (norm, shape) = (view.scratch.text(info.norm), view.scratch.text(info.shape));
        let mode = view.mode;
        for role in [Role::Own, Role::Prev, Role::Next, Role::Prev2, Role::Next2] {
            let mut f = Emit {
                bits: self.bits,
                out: &mut out.buckets,
            };
            // What token `j` reads of this word when it is `role` to `j`: the templates of
            // `token_features` with this word in the neighbour's place.
            match role {
                Role::Own => self.token_features(view, doc, i, raw, Select::Own, &mut f),
                Role::Prev => {
                    f.one(T::Prev, &[norm]);
                    f.moded(T::PrevShape, mode, &[shape]);
                }
                Role::Next => {
                    f.one(T::Next, &[norm]);
                    f.moded(T::NextShape, mode, &[shape]);
                }
                Role::Prev2 => f.one(T::Prev2, &[norm]),
                Role::Next2 => f.one(T::Next2, &[norm]),
            }
            out.offsets.push(out.buckets.len());
        }
    }

    /// The per-token facts, capitalized runs and gazetteer matches of a sentence, in `scratch`.
    fn prepare<'s>(&self, tokens: &[&str], scratch: &'s mut FeatureScratch) -> SentenceView<'s> {
        scratch.text.clear();
        scratch.infos.clear();
        scratch.keys.clear();
        for t in tokens {
            let start = scratch.text.len();
            push_normalized(t, &mut scratch.text);
            let end = scratch.text.len();
            push_shape(t, &mut scratch.text);
            let norm = &scratch.text[start..end];
            let key = word_key(norm);
            let norm_chars = if norm.is_ascii() {
                norm.len()
            } else {
                norm.chars().count()
            };
            scratch.keys.push(key);
            scratch.infos.push(TokenInfo {
                norm: (start as u32, end as u32),
                shape: (end as u32, scratch.text.len() as u32),
                key,
                norm_chars: norm_chars as u32,
                common: self.common.contains(&key),
                casing: casing_of(t),
            });
        }
        let (all_caps, table) = sentence_modes(scratch.infos.iter().map(|i| i.casing));
        let mode: u8 = u8::from(all_caps) | (u8::from(table) << 1);
        scratch.runs.clear();
        scratch.runs.resize(tokens.len(), 0);
        if !all_caps {
            let infos = &scratch.infos;
            let first_common = infos.first().is_some_and(|i| i.common);
            let cap = |i: usize| infos[i].casing.init_cap;
            let runs = &mut scratch.runs;
            for_cap_runs(infos.len(), cap, first_common, |start, end| {
                runs[start..end].fill((end - start).min(255) as u8);
            });
        }
        self.lexicon
            .longest_matches(&scratch.keys, &mut scratch.matches);
        SentenceView {
            scratch,
            mode,
            table,
        }
    }

    /// The features of token `i` (written `raw`) that `select` asks for, in template order.
    fn token_features(
        &self,
        view: &SentenceView<'_>,
        doc: &DocContext,
        i: usize,
        raw: &str,
        select: Select,
        f: &mut Emit<'_>,
    ) {
        let SentenceView {
            scratch,
            mode,
            table,
        } = *view;
        let infos = &scratch.infos;
        let Some(info) = infos.get(i) else {
            return;
        };
        let word = |j: isize| -> &str {
            if j < 0 {
                "<s>"
            } else {
                infos
                    .get(j as usize)
                    .map_or("</s>", |t| scratch.text(t.norm))
            }
        };
        let shape = |j: isize| -> &str {
            if j < 0 {
                "<s>"
            } else {
                infos
                    .get(j as usize)
                    .map_or("</s>", |t| scratch.text(t.shape))
            }
        };
        let at = i as isize;
        let norm = scratch.text(info.norm);
        let own_shape = scratch.text(info.shape);
        let init_cap = info.casing.init_cap;
        let (prev, next) = (word(at - 1), word(at + 1));
        let (prev_shape, next_shape) = (shape(at - 1), shape(at + 1));
        let chars = info.norm_chars as usize;
        let own = select != Select::Context;
        let context = select != Select::Own;
        // A neighbour feature is computed here in training, and at the sentence's edges, where
        // no cache entry stands for the neighbour.
        let edge = |j: isize| j < 0 || j as usize >= infos.len();
        let near = |j: isize| select == Select::All || (context && edge(j));
        if own {
            f.one(T::Bias, &[]);
            f.one(T::Word, &[norm]);
            f.one(T::Raw, &[raw]);
        }
        if near(at - 1) {
            f.one(T::Prev, &[prev]);
        }
        if near(at + 1) {
            f.one(T::Next, &[next]);
        }
        if near(at - 2) {
            f.one(T::Prev2, &[word(at - 2)]);
        }
        if near(at + 2) {
            f.one(T::Next2, &[word(at + 2)]);
        }
        if context {
            f.one(T::PrevWord, &[prev, norm]);
            f.one(T::WordNext, &[norm, next]);
        }
        if own {
            for (n, tag) in ["1", "2", "3", "4"].into_iter().enumerate() {
                if let Some(p) = prefix(norm, chars, n + 1) {
                    f.one(T::Prefix, &[tag, p]);
                }
                if let Some(s) = suffix(norm, chars, n + 1) {
                    f.one(T::Suffix, &[tag, s]);
                }
            }
            f.moded(T::Shape, mode, &[own_shape]);
        }
        if near(at - 1) {
            f.moded(T::PrevShape, mode, &[prev_shape]);
        }
        if near(at + 1) {
            f.moded(T::NextShape, mode, &[next_shape]);
        }
        if context {
            f.moded(T::ShapeTrigram, mode, &[prev_shape, own_shape, next_shape]);
            f.moded(T::PrevWordShape, mode, &[prev, own_shape]);
            f.moded(T::ShapeNextWord, mode, &[own_shape, next]);
            if i == 0 {
                f.moded(T::FirstShape, mode, &[own_shape]);
            }
            self.document_features(view, doc, i, f);
        }
        if own && info.common {
            f.moded(T::Common, mode, &[if init_cap { "cap" } else { "low" }]);
        }
        if context {
            if i > 0 && infos[i - 1].common {
                f.one(T::PrevCommon, &[]);
            }
            if infos.get(i + 1).is_some_and(|t| t.common) {
                f.one(T::NextCommon, &[]);
            }
            if table {
                f.one(T::TableShape, &[prev_shape, own_shape]);
            }
        }
        if own {
            f.bytes(T::Length, &[chars.min(8) as u8]);
        }
        if context {
            gazetteer_features(&scratch.matches, i, mode, init_cap, f);
        }
    }

    /// What the document tells of token `i`'s word elsewhere: the longer name holding it, its
    /// other contexts, and how it is written.
    fn document_features(
        &self,
        view: &SentenceView<'_>,
        doc: &DocContext,
        i: usize,
        f: &mut Emit<'_>,
    ) {
        let scratch = view.scratch;
        let Some(info) = scratch.infos.get(i) else {
            return;
        };
        let init_cap = info.casing.init_cap;
        let seen = doc.word(info.key);
        // A longer name elsewhere in the document that holds this word.
        if seen.run_len > scratch.runs[i] {
            f.part_word(T::DocRunFirst, seen.run_part, seen.run_first);
            f.part_word(T::DocRunLast, seen.run_part, seen.run_last);
        }
        if init_cap {
            let here = neighbours(&scratch.keys, i);
            let others = seen.contexts.iter().take(usize::from(seen.n_contexts));
            for &(p, n) in others.filter(|&&c| c != here) {
                f.part_word(T::DocPrev, 0, p);
                f.part_word(T::DocNext, 0, n);
            }
        }
        f.bytes(
            T::DocCase,
            &[seen.flags, view.mode, u8::from(init_cap), u8::from(i == 0)],
        );
    }
}

/// The gazetteer features of token `i`: the matches covering it and its neighbours.
fn gazetteer_features(matches: &[GazMatch], i: usize, mode: u8, init_cap: bool, f: &mut Emit<'_>) {
    for (kinds, part) in gazetteer_parts(matches, i) {
        for kind in Kind::ALL.iter().filter(|k| kinds & k.bit() != 0) {
            let k = [kind.ordinal(), part];
            f.bytes(T::Gaz, &k);
            f.bytes(
                T::CapsGaz,
                &[kind.ordinal(), part, mode, u8::from(init_cap)],
            );
        }
    }
    if i > 0 {
        for (kinds, _) in gazetteer_parts(matches, i - 1) {
            f.bytes(T::PrevGaz, &kinds.to_le_bytes());
        }
    }
    for (kinds, _) in gazetteer_parts(matches, i + 1) {
        f.bytes(T::NextGaz, &kinds.to_le_bytes());
    }
}

/// The gazetteer matches covering token `i`: their kinds, and the token's position in each
/// (B, I, L or U as a byte).
fn gazetteer_parts(matches: &[GazMatch], i: usize) -> impl Iterator<Item = (u32, u8)> + '_ {
    // Matches come in order of their start, so those starting after `i` end the search.
    matches
        .iter()
        .take_while(move |m| m.start <= i)
        .filter(move |m| i < m.end)
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

    fn part_word(&mut self, template: T, part: u8, key: u64) {
        let h = Fnv::new(template as u8).bytes(&[part]).word(key);
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
        assert_eq!(prefix("são", 3, 2), Some("sã"));
        assert_eq!(suffix("são", 3, 2), Some("ão"));
        assert_eq!(prefix("abc", 3, 2), Some("ab"));
        assert_eq!(suffix("abc", 3, 2), Some("bc"));
        assert_eq!(suffix("ab", 2, 3), None);
    }
}
