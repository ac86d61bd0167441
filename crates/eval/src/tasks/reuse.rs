//! Evaluation task `reuse`: the reuse stage's sentence similarity against MSRP paraphrase
//! labels.
//!
//! Each pair is scored with [`sentence_similarity`], the function the reuse stage aligns
//! sentences with, and called a paraphrase at or above [`PARAPHRASE_THRESHOLD`], the
//! threshold the stage ships with. That threshold was chosen on the training split; when the
//! training file is present the report notes the threshold that would be best on it, so a
//! drift between the shipped constant and the data shows.

use crate::formats::msrp::{self, MsrpPair};
use crate::metrics::{ratio, Counts};
use crate::{EvalError, EvalReport};
use parallax_crossdoc::reuse::similarity::{sentence_similarity, PARAPHRASE_THRESHOLD};
use std::path::Path;

/// The standard evaluation split.
pub const TEST_SPLIT: &str = "msr_paraphrase_test.txt";
/// The split thresholds are chosen on.
pub const TRAIN_SPLIT: &str = "msr_paraphrase_train.txt";

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let path = msrp::split_file(gold, TEST_SPLIT);
    let mut pairs = msrp::read(&path)?;
    if let Some(limit) = limit {
        pairs.truncate(limit);
    }
    let scored = scores(&pairs);
    let (counts, correct) = tally(&scored, PARAPHRASE_THRESHOLD);
    let mut report = EvalReport::new("reuse", path.display().to_string());
    report.items = pairs.len();
    report.metric("precision", counts.precision());
    report.metric("recall", counts.recall());
    report.metric("f1", counts.f1());
    report.metric("accuracy", ratio(correct, scored.len()));
    report.metric("threshold", PARAPHRASE_THRESHOLD);
    report.notes.push(format!(
        "paraphrase = similarity >= {PARAPHRASE_THRESHOLD} (word-multiset Dice, the reuse \
         stage's alignment score); precision/recall/f1 of the paraphrase class"
    ));
    let train = msrp::split_file(gold, TRAIN_SPLIT);
    if gold.is_dir() && train.is_file() {
        let train_scores = scores(&msrp::read(&train)?);
        let (best, accuracy) = best_threshold(&train_scores);
        report.notes.push(format!(
            "threshold chosen on {TRAIN_SPLIT}: best train accuracy {accuracy:.4} at {best:.2} \
             (shipped {PARAPHRASE_THRESHOLD})"
        ));
    }
    Ok(report)
}

/// (similarity, gold paraphrase) for every pair.
pub fn scores(pairs: &[MsrpPair]) -> Vec<(f64, bool)> {
    pairs
        .iter()
        .map(|p| (sentence_similarity(&p.a, &p.b), p.paraphrase))
        .collect()
}

/// Counts of the paraphrase class and the number of correct decisions at `threshold`.
pub fn tally(scored: &[(f64, bool)], threshold: f64) -> (Counts, usize) {
    let mut counts = Counts::default();
    let mut correct = 0;
    for &(score, gold) in scored {
        let predicted = score >= threshold;
        correct += usize::from(predicted == gold);
        match (predicted, gold) {
            (true, true) => counts.tp += 1,
            (true, false) => counts.fp += 1,
            (false, true) => counts.fn_ += 1,
            (false, false) => {}
        }
    }
    (counts, correct)
}

/// The accuracy-maximizing threshold on a grid of hundredths, and that accuracy.
pub fn best_threshold(scored: &[(f64, bool)]) -> (f64, f64) {
    (0..=100)
        .map(|i| {
            let t = f64::from(i) / 100.0;
            (t, ratio(tally(scored, t).1, scored.len()))
        })
        .fold((0.0, -1.0), |best, x| if x.1 > best.1 { x } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_and_threshold_choice() {
        let scored = [(0.9, true), (0.6, true), (0.55, false), (0.1, false)];
        let (counts, correct) = tally(&scored, 0.58);
        assert_eq!((counts.tp, counts.fp, counts.fn_, correct), (2, 0, 0, 4));
        let (t, accuracy) = best_threshold(&scored);
        assert!((0.55..0.6).contains(&t) && t > 0.55);
        assert_eq!(accuracy, 1.0);
    }
}
