//! Evaluation task `bias`: loaded wording against BASIL's lexical-bias phrases (`basil-dev`).
//!
//! On the test part of the event split ([`basil::test_events`]), every loaded term the
//! annotator finds (author's voice and quoted alike, as BASIL marks both) is compared with the
//! gold `lex` phrases:
//! - `token_*`: words (as `parallax_voice::loaded::for_each_word` splits them) inside a gold
//!   phrase against words inside a found term;
//! - `span_*`: a found term is right when it overlaps a gold phrase, a gold phrase is found
//!   when a found term overlaps it;
//! - `sentence_*`: a sentence (the title or a body sentence) holds a gold phrase against holds
//!   a found term.
//!
//! The all-biased baseline (every sentence called biased) is printed beside the sentence figure.

use crate::formats::basil::{self, Article};
use crate::metrics::Counts;
use crate::{EvalError, EvalReport};
use parallax_core::Span;
use std::path::Path;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let (_, mut test) = basil::split(basil::read_annotated(gold)?);
    if let Some(limit) = limit {
        test.truncate(limit);
    }
    let scores = score(&test, |text, sentence| {
        parallax_voice::loaded_terms(text, sentence)
            .into_iter()
            .map(|a| a.span)
            .collect()
    });
    let mut report = EvalReport::new("bias", gold.display().to_string());
    report.items = test.len();
    let sentences = Counts {
        tp: scores.sentences.tp,
        fp: scores.sentences.fp,
        fn_: scores.sentences.fn_,
    };
    let figures = [
        (
            "token",
            scores.tokens.precision(),
            scores.tokens.recall(),
            scores.tokens.f1(),
        ),
        (
            "span",
            scores.spans.precision(),
            scores.spans.recall(),
            scores.spans.f1(),
        ),
        (
            "sentence",
            sentences.precision(),
            sentences.recall(),
            sentences.f1(),
        ),
    ];
    for (name, p, r, f1) in figures {
        report.metric(&format!("{name}_precision"), p);
        report.metric(&format!("{name}_recall"), r);
        report.metric(&format!("{name}_f1"), f1);
    }
    let all = Counts {
        tp: scores.sentences.tp + scores.sentences.fn_,
        fp: scores.sentences.fp + scores.sentences.tn,
        fn_: 0,
    };
    report.notes.push(format!(
        "all-biased baseline: sentence_f1 {:.3}; {} gold phrases in {} test articles",
        all.f1(),
        scores.spans.tp_gold + scores.spans.fn_,
        test.len()
    ));
    Ok(report)
}

/// Token, span and sentence counts of found terms against the gold phrases.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub tokens: Counts,
    pub spans: SpanCounts,
    pub sentences: SentenceCounts,
}

/// Span counts, with gold phrases found and found terms right counted apart.
#[derive(Debug, Default, Clone, Copy)]
pub struct SpanCounts {
    /// Found terms overlapping a gold phrase.
    pub tp: usize,
    pub fp: usize,
    /// Gold phrases overlapped by a found term.
    pub tp_gold: usize,
    pub fn_: usize,
}

impl SpanCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp_gold, self.tp_gold + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Sentence counts, with the true negatives for the baseline.
#[derive(Debug, Default, Clone, Copy)]
pub struct SentenceCounts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores the terms `find(text, sentence)` returns for each sentence of each article.
pub fn score(articles: &[Article], find: impl Fn(&str, Span) -> Vec<Span>) -> Scores {
    let mut s = Scores::default();
    for article in articles {
        let text = &article.text;
        let gold: Vec<Span> = article.lexical.iter().map(|p| p.span).collect();
        let mut found: Vec<Span> = Vec::new();
        for &sentence in &article.sentences {
            let terms = find(text, sentence);
            let has_gold = gold.iter().any(|g| g.overlaps(sentence));
            match (has_gold, !terms.is_empty()) {
                (true, true) => s.sentences.tp += 1,
                (false, true) => s.sentences.fp += 1,
                (true, false) => s.sentences.fn_ += 1,
                (false, false) => s.sentences.tn += 1,
            }
            found.extend(terms);
        }
        for f in &found {
            if gold.iter().any(|g| g.overlaps(*f)) {
                s.spans.tp += 1;
            } else {
                s.spans.fp += 1;
            }
        }
        for g in &gold {
            if found.iter().any(|f| f.overlaps(*g)) {
                s.spans.tp_gold += 1;
            } else {
                s.spans.fn_ += 1;
            }
        }
        parallax_voice::loaded::for_each_word(text, |range, _| {
            let word = Span::new(range.start, range.end);
            let in_gold = gold.iter().any(|g| g.overlaps(word));
            let in_found = found.iter().any(|f| f.overlaps(word));
            match (in_gold, in_found) {
                (true, true) => s.tokens.tp += 1,
                (false, true) => s.tokens.fp += 1,
                (true, false) => s.tokens.fn_ += 1,
                (false, false) => {}
            }
        });
    }
    s
}
