//! Standard metrics shared by the tasks: precision/recall/F1 counts and per-class tallies;
//! coreference metrics (MUC, B-cubed, CEAF-e, CoNLL F1) in [`coref`].

pub mod coref;

use std::collections::BTreeMap;

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// `num / den`, or 0 when `den` is 0.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Per-class counts for classification tasks, from (gold, predicted) label pairs.
#[derive(Debug, Clone, Default)]
pub struct Confusion {
    pub per_class: BTreeMap<String, Counts>,
    pub correct: usize,
    pub total: usize,
}

impl Confusion {
    pub fn add(&mut self, gold: &str, predicted: &str) {
        self.total += 1;
        if gold == predicted {
            self.correct += 1;
            self.per_class.entry(gold.to_string()).or_default().tp += 1;
        } else {
            self.per_class.entry(gold.to_string()).or_default().fn_ += 1;
            self.per_class.entry(predicted.to_string()).or_default().fp += 1;
        }
    }

    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total)
    }

    /// Unweighted mean of the per-class F1 scores.
    pub fn macro_f1(&self) -> f64 {
        if self.per_class.is_empty() {
            return 0.0;
        }
        self.per_class.values().map(Counts::f1).sum::<f64>() / self.per_class.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts() {
        let c = Counts {
            tp: 8,
            fp: 2,
            fn_: 8,
        };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 2.0 * 0.8 * 0.5 / 1.3).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn macro_f1_averages_classes() {
        let mut m = Confusion::default();
        m.add("SUBJ", "SUBJ");
        m.add("OBJ", "OBJ");
        m.add("OBJ", "SUBJ");
        assert!((m.accuracy() - 2.0 / 3.0).abs() < 1e-9);
        assert!(m.macro_f1() > 0.6 && m.macro_f1() < 0.7);
    }
}
