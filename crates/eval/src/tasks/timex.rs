//! Evaluation task `timex`: TIMEX3 recognition and normalization on TempEval-3 TimeML.
//!
//! Each document is rebuilt as the annotator would see it: the `<TEXT>` content without tags,
//! published on its creation time (DCT), which is therefore the anchor. Metrics follow the
//! TempEval-3 scorer:
//! - strict extent: a system expression matches a gold one with exactly the same span;
//! - relaxed extent: it overlaps one. Precision counts system expressions that overlap some
//!   gold expression, recall gold expressions that some system expression overlaps;
//! - attributes (`value`, `type`) are compared on relaxed matches, each gold expression paired
//!   with the system expression that overlaps it most; `value_f1` = value accuracy over those
//!   matches × relaxed F1, as the TempEval-3 scorer computes attribute F1; `type_accuracy` is
//!   the share of relaxed matches with the right type.
//!
//! GOLD may be a `.tml` file, a folder of them (searched recursively), or the dataset folder,
//! in which case its `te3-platinum` test split is used.

use crate::formats::timeml::{self, TimemlDoc};
use crate::metrics::{ratio, Counts};
use crate::{read_text, EvalError, EvalReport};
use parallax_core::{Document, Segmentation, TimeExpr};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let mut files = Vec::new();
    let root = if gold.join("te3-platinum").is_dir() {
        gold.join("te3-platinum")
    } else {
        gold.to_path_buf()
    };
    collect(&root, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(EvalError::format(gold, "no .tml files found"));
    }
    if let Some(n) = limit {
        files.truncate(n);
    }
    let mut score = Score::default();
    for path in &files {
        let xml = read_text(path)?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold_doc = timeml::parse(&xml, &id).map_err(|m| EvalError::format(path, m))?;
        let system = annotate(&gold_doc, path);
        score.add(&gold_doc, &system);
    }
    let mut report = EvalReport::new("timex", root.display().to_string());
    report.items = files.len();
    score.report(&mut report);
    Ok(report)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| EvalError::io(path, e))?;
    for entry in entries {
        let p = entry.map_err(|e| EvalError::io(path, e))?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Runs the time annotator on the document as published on its DCT.
fn annotate(gold: &TimemlDoc, path: &Path) -> Vec<TimeExpr> {
    let mut doc = Document::new(
        gold.id.clone(),
        gold.text.clone(),
        path.display().to_string(),
    );
    doc.meta.published = gold.dct.clone();
    parallax_time::annotate(&doc, &Segmentation::default()).times
}

#[derive(Default)]
struct Score {
    strict: Counts,
    relaxed: Counts,
    matched: usize,
    value_correct: usize,
    type_correct: usize,
    /// Per gold type: gold count, relaxed matches, correct values.
    per_type: BTreeMap<String, [usize; 3]>,
}

impl Score {
    fn add(&mut self, gold: &TimemlDoc, system: &[TimeExpr]) {
        let overlaps = |g: &timeml::GoldTimex, s: &TimeExpr| g.span.overlaps(s.span);
        self.strict.tp += gold
            .timexes
            .iter()
            .filter(|g| system.iter().any(|s| s.span == g.span))
            .count();
        self.strict.fp += system
            .iter()
            .filter(|s| !gold.timexes.iter().any(|g| g.span == s.span))
            .count();
        self.strict.fn_ += gold
            .timexes
            .iter()
            .filter(|g| !system.iter().any(|s| s.span == g.span))
            .count();
        self.relaxed.fp += system
            .iter()
            .filter(|s| !gold.timexes.iter().any(|g| overlaps(g, s)))
            .count();
        for g in &gold.timexes {
            let entry = self.per_type.entry(g.timex_type.clone()).or_default();
            entry[0] += 1;
            let best = system
                .iter()
                .filter(|s| overlaps(g, s))
                .max_by_key(|s| s.span.end.min(g.span.end) - s.span.start.max(g.span.start));
            let Some(s) = best else {
                self.relaxed.fn_ += 1;
                continue;
            };
            self.relaxed.tp += 1;
            self.matched += 1;
            entry[1] += 1;
            if value_matches(&s.value, &g.value) {
                self.value_correct += 1;
                entry[2] += 1;
            }
            if type_name(s.timex_type) == g.timex_type {
                self.type_correct += 1;
            }
        }
    }

    fn report(&self, r: &mut EvalReport) {
        let value_accuracy = ratio(self.value_correct, self.matched);
        r.metric("strict_precision", self.strict.precision())
            .metric("strict_recall", self.strict.recall())
            .metric("strict_f1", self.strict.f1())
            .metric("relaxed_precision", self.relaxed.precision())
            .metric("relaxed_recall", self.relaxed.recall())
            .metric("relaxed_f1", self.relaxed.f1())
            .metric("value_accuracy", value_accuracy)
            .metric("value_f1", value_accuracy * self.relaxed.f1())
            .metric("type_accuracy", ratio(self.type_correct, self.matched));
        for (kind, [gold, matched, correct]) in &self.per_type {
            r.type_metric(kind, "gold", *gold as f64)
                .type_metric(kind, "relaxed_recall", ratio(*matched, *gold))
                .type_metric(kind, "value_accuracy", ratio(*correct, *matched));
        }
        r.notes.push(format!(
            "{} gold TIMEX3 in the texts, {} matched (relaxed); DCT used as each document's anchor",
            self.relaxed.tp + self.relaxed.fn_,
            self.matched
        ));
    }
}

/// Whether a system value normalizes a gold expression: equal, or a span of years
/// ("1991/1992", our one expression for "1991-92") of which the gold value is an end, since
/// TimeML marks each end of such a span as its own expression.
fn value_matches(system: &str, gold: &str) -> bool {
    system == gold
        || system
            .split_once('/')
            .is_some_and(|(a, b)| a == gold || b == gold)
}

/// TimeML's spelling of a type.
fn type_name(t: parallax_core::TimexType) -> &'static str {
    match t {
        parallax_core::TimexType::Date => "DATE",
        parallax_core::TimexType::Time => "TIME",
        parallax_core::TimexType::Duration => "DURATION",
        parallax_core::TimexType::Set => "SET",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_of_years_normalizes_each_end() {
        assert!(value_matches("1991/1992", "1991"));
        assert!(value_matches("1991/1992", "1992"));
        assert!(value_matches("2008-08", "2008-08"));
        assert!(!value_matches("1991/1992", "1993"));
    }
}
