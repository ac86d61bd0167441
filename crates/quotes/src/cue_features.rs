//! Hashed features of a candidate cue token for the learned cue classifier ([`crate::cue_model`]).
//!
//! Each feature is a template number and up to two words, hashed (FNV-1a, words lowercased
//! on the fly, no allocation) into `2^bits` slots. The features describe the word itself
//! (form, ending, whether the rule lexicon knows it), its neighbours, and the clause around
//! it: quotation marks before and after it in the sentence, a following "that", comma or
//! colon, a capitalized or pronoun subject before it, its place in the sentence.

use crate::context::Ctx;
use crate::lexicon;
use crate::stem;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// How many features [`extract`] writes at most.
pub const MAX_FEATURES: usize = 40;

struct Hasher(u64);

impl Hasher {
    fn new(template: u8) -> Self {
        let mut h = Hasher(FNV_OFFSET);
        h.byte(template);
        h
    }

    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(FNV_PRIME);
    }

    fn word(&mut self, w: &str) {
        for b in w.bytes() {
            self.byte(b.to_ascii_lowercase());
        }
        self.byte(0xff);
    }
}

/// The slot of template `t` with words `a` and `b`.
fn slot(t: u8, a: &str, b: &str, bits: u32) -> u32 {
    let mut h = Hasher::new(t);
    h.word(a);
    h.word(b);
    let mask = (1u64 << bits) - 1;
    // Fold the high bits in: FNV's low bits mix poorly.
    ((h.0 ^ (h.0 >> 29)) & mask) as u32
}

/// A coarse class of token `i`: its form rather than its word.
fn class<'a>(ctx: &Ctx<'a>, i: usize) -> &'a str {
    let w = ctx.word(i);
    if w.is_empty() {
        "<none>"
    } else if ctx.is_mark(i) {
        "<mark>"
    } else if ctx.is_pronoun(i) {
        "<pron>"
    } else if ctx.is_determiner(i) {
        "<det>"
    } else if ctx.is_capitalized(i) {
        "<cap>"
    } else if ctx.is_word(i) {
        "<low>"
    } else {
        w
    }
}

/// The last three bytes of `w` when they are ASCII.
fn suffix(w: &str) -> &str {
    let n = w.len();
    if n > 4 && w.is_char_boundary(n - 3) {
        &w[n - 3..]
    } else {
        ""
    }
}

/// Writes the feature slots of token `i` of the sentence of tokens `sentence` into `out`
/// (cleared first). `rule` says whether the rule lexicon finds a cue at `i`, `known` whether
/// the model's vocabulary holds the word's stem.
pub fn extract(
    ctx: &Ctx,
    sentence: std::ops::Range<usize>,
    i: usize,
    (rule, known): (bool, bool),
    bits: u32,
    out: &mut Vec<u32>,
) {
    out.clear();
    let word = |k: isize| -> &str {
        let at = i as isize + k;
        if at < sentence.start as isize || at >= sentence.end as isize {
            ""
        } else {
            ctx.word(at as usize)
        }
    };
    let cls = |k: isize| -> &str {
        let at = i as isize + k;
        if at < sentence.start as isize || at >= sentence.end as isize {
            "<none>"
        } else {
            class(ctx, at as usize)
        }
    };
    let w0 = word(0);
    let mut push = |t: u8, a: &str, b: &str| out.push(slot(t, a, b, bits));
    push(0, "", "");
    push(1, w0, "");
    push(2, suffix(w0), "");
    push(3, word(-1), "");
    push(4, word(1), "");
    push(5, word(-2), "");
    push(6, word(2), "");
    push(7, word(-1), w0);
    push(8, w0, word(1));
    push(9, cls(-1), cls(1));
    push(10, cls(-2), cls(-1));
    push(11, cls(1), cls(2));
    push(12, w0, cls(1));
    push(13, cls(-1), w0);
    let rule_s = if rule { "rule" } else { "norule" };
    push(14, rule_s, "");
    push(15, rule_s, cls(1));
    let lex = if ctx.is_cue_verb(i) { "cue" } else { "other" };
    push(16, lex, cls(-1));
    push(17, lex, word(1));
    // Quotation marks in the sentence before and after the token.
    let marks_before = (sentence.start..i)
        .filter(|&k| ctx.is_mark(k))
        .take(2)
        .count();
    let marks_after = (i + 1..sentence.end)
        .filter(|&k| ctx.is_mark(k))
        .take(2)
        .count();
    let before = ["q0", "q1", "q2+"][marks_before.min(2)];
    let after = ["q0", "q1", "q2+"][marks_after.min(2)];
    push(18, before, after);
    push(19, before, w0);
    push(20, after, w0);
    // Place in the sentence.
    let from_start = i - sentence.start;
    let to_end = sentence.end.saturating_sub(i + 1);
    let place = |n: usize| {
        ["0", "1", "2", "3-5", "6+"][match n {
            0..=2 => n,
            3..=5 => 3,
            _ => 4,
        }]
    };
    push(21, place(from_start), place(to_end));
    push(22, place(to_end), lex);
    // A "that" or a mark shortly after; a comma right before; a name before.
    let that_after = (i + 1..(i + 6).min(sentence.end)).any(|k| lexicon::is(ctx.word(k), "that"));
    push(23, if that_after { "that" } else { "-" }, lex);
    let comma_before = (sentence.start..i).rev().take(8).any(|k| ctx.is(k, ","));
    push(24, if comma_before { "comma" } else { "-" }, lex);
    let name_before = (sentence.start..i)
        .rev()
        .take(6)
        .any(|k| ctx.is_capitalized(k) && k > sentence.start);
    push(25, if name_before { "name" } else { "-" }, lex);
    push(26, if name_before { "name" } else { "-" }, w0);
    push(27, suffix(w0), cls(1));
    push(28, suffix(w0), cls(-1));
    let aux = i > sentence.start && ctx.is_auxiliary(i - 1);
    push(29, if aux { "aux" } else { "-" }, suffix(w0));
    // The stem carries what is learned of one form to the others ("endorsed", "endorses").
    let st = stem::stem(w0);
    push(30, st, "");
    push(31, st, cls(1));
    push(32, st, cls(-1));
    let source = match (rule, known) {
        (true, _) => "rule",
        (false, true) => "known",
        (false, false) => "shaped",
    };
    push(33, source, cls(-1));
    push(34, source, word(1));
    push(35, source, suffix(w0));
    let to_after = lexicon::is(word(1), "to");
    push(36, if to_after { "to" } else { "-" }, st);
    push(37, if that_after { "that" } else { "-" }, st);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seg_of;

    #[test]
    fn features_are_deterministic_and_bounded() {
        let text = "“It works,” he said on Friday.";
        let seg = seg_of(text);
        let ctx = Ctx::new(text, &seg);
        let mut a = Vec::new();
        let mut b = Vec::new();
        let n = seg.tokens.len();
        let said = (0..n).find(|&i| ctx.word(i) == "said").unwrap();
        extract(&ctx, 0..n, said, (true, true), 16, &mut a);
        extract(&ctx, 0..n, said, (true, true), 16, &mut b);
        assert_eq!(a, b);
        assert!(a.len() <= MAX_FEATURES);
        assert!(a.iter().all(|&s| s < 1 << 16));
    }
}
