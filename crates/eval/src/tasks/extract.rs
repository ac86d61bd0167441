//! Evaluation task `extract`: HTML main-content extraction scored against gold article bodies.
//!
//! On the ScrapingHub/Zyte article-extraction benchmark the measure is that benchmark's own
//! (`evaluate.py`): texts are split into `\w+` tokens, 4-token shingles of prediction and gold
//! are matched as multisets, precision and recall are computed per page and averaged over the
//! pages where they are defined, and F1 is their harmonic mean. On WCXB it is that benchmark's
//! word-level measure: lower-cased `\w+` tokens matched as multisets, per-page precision,
//! recall and F1 averaged over pages. On trafilatura's benchmark it is trafilatura's snippet
//! measure (`tests/eval_common.py`): each page's `with` snippets found in the extraction are
//! true positives, its `without` snippets found are false positives (white space normalized),
//! counted over all pages; pages are read from their bytes as `parallax analyze` reads a file
//! (legacy encodings decoded), and a page that cannot be decoded counts as an empty extraction.
//! That set has no split of its own: [`snippets`] scores its dev half, its held test half
//! ([`trafilatura::split`]) or all of it (the figure `run` gives and the floor checks), and
//! lists each page's missed and leaked snippets.

use crate::formats::{aeb, trafilatura, wcxb};
use crate::metrics::Counts;
use crate::{EvalError, EvalReport, Split};
use parallax_ingest::{extract_html, gunzip, Limits};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// How many of the worst-scoring pages a report names, to show where extraction fails.
const WORST_SHOWN: usize = 5;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    if trafilatura::is_benchmark(gold) {
        return snippets(gold, &SnippetOptions { split: None, limit }).map(|(report, _)| report);
    }
    let is_wcxb = if gold.is_dir() {
        !gold.join("ground-truth.json").is_file() && wcxb::split_dir(gold).is_some()
    } else {
        gold.parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "ground-truth")
    };
    if is_wcxb {
        run_wcxb(gold, limit)
    } else {
        run_aeb(gold, limit)
    }
}

fn run_aeb(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let mut pages = aeb::load(gold)?;
    pages.truncate(limit.unwrap_or(usize::MAX));
    let mut report = EvalReport::new("extract", gold.display().to_string());
    let (mut precisions, mut recalls, mut exact) = (Vec::new(), Vec::new(), 0);
    let mut per_page = Vec::new();
    for page in &pages {
        let path = aeb::html_path(gold, &page.key).ok_or_else(|| {
            EvalError::format(gold, format!("no HTML file for page {}", page.key))
        })?;
        let predicted = extract_html(&read_page(&path)?, page.url.as_deref()).text;
        let counts = shingle_counts(&page.body, &predicted);
        if counts.tp + counts.fp > 0 {
            precisions.push(counts.precision());
        }
        if counts.tp + counts.fn_ > 0 {
            recalls.push(counts.recall());
        }
        if words(&page.body) == words(&predicted) {
            exact += 1;
        }
        per_page.push((page.key.clone(), counts.f1()));
    }
    let (precision, recall) = (mean(&precisions), mean(&recalls));
    report.items = pages.len();
    report
        .metric("precision", precision)
        .metric("recall", recall)
        .metric("f1", harmonic(precision, recall))
        .metric("accuracy", ratio(exact, pages.len()));
    report.notes.push("token 4-shingle P/R averaged over pages (article-extraction-benchmark's evaluate.py); accuracy = exact token match".into());
    note_worst(&mut report, per_page);
    Ok(report)
}

fn run_wcxb(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let mut pages = wcxb::load(gold)?;
    pages.truncate(limit.unwrap_or(usize::MAX));
    let split =
        wcxb::split_dir(gold).ok_or_else(|| EvalError::format(gold, "no WCXB split folder"))?;
    let mut report = EvalReport::new("extract", gold.display().to_string());
    let mut all = Vec::new();
    let mut by_type: HashMap<String, Vec<[f64; 3]>> = HashMap::new();
    let mut per_page = Vec::new();
    for page in &pages {
        let path = wcxb::html_path(&split, &page.id).ok_or_else(|| {
            EvalError::format(&split, format!("no HTML file for page {}", page.id))
        })?;
        let predicted = extract_html(&read_page(&path)?, page.url.as_deref()).text;
        let scores = word_scores(&page.main_content, &predicted);
        all.push(scores);
        by_type
            .entry(page.page_type.clone())
            .or_default()
            .push(scores);
        per_page.push((page.id.clone(), scores[2]));
    }
    report.items = pages.len();
    let [p, r, f] = mean3(&all);
    report
        .metric("precision", p)
        .metric("recall", r)
        .metric("f1", f);
    for (kind, scores) in &by_type {
        let [p, r, f] = mean3(scores);
        report
            .type_metric(kind, "precision", p)
            .type_metric(kind, "recall", r)
            .type_metric(kind, "f1", f);
        report.type_metric(kind, "pages", scores.len() as f64);
    }
    report
        .notes
        .push("lower-cased word P/R/F1 averaged over pages (WCXB evaluate.py)".into());
    note_worst(&mut report, per_page);
    Ok(report)
}

/// Which pages of trafilatura's benchmark to score.
#[derive(Debug, Clone, Copy, Default)]
pub struct SnippetOptions {
    /// One half of the set; `None` scores all of it.
    pub split: Option<Split>,
    /// Score at most this many pages (of the half).
    pub limit: Option<usize>,
}

/// A page of trafilatura's benchmark whose extraction missed a `with` snippet or kept a
/// `without` one, with the text extracted.
#[derive(Debug, Clone, Serialize)]
pub struct SnippetMiss {
    pub url: String,
    pub file: String,
    pub missed: Vec<String>,
    pub leaked: Vec<String>,
    /// `None` when the page could not be decoded.
    pub extracted: Option<String>,
}

/// Scores extraction on trafilatura's benchmark (`gold` is its folder) and lists the pages it
/// got wrong.
pub fn snippets(
    gold: &Path,
    options: &SnippetOptions,
) -> Result<(EvalReport, Vec<SnippetMiss>), EvalError> {
    let (pages, files) = trafilatura::load(gold)?;
    let mut pages = trafilatura::split(pages, options.split);
    pages.truncate(options.limit.unwrap_or(usize::MAX));
    let mut report = EvalReport::new("extract", gold.display().to_string());
    let mut totals = [0usize; 4];
    let (mut legacy, mut undecodable, mut missing) = (0, 0, 0);
    let mut per_page = Vec::new();
    let mut misses = Vec::new();
    for page in &pages {
        let Some(bytes) = files.get(&page.file) else {
            missing += 1;
            continue;
        };
        let extracted = match parallax_ingest::decode_markup(bytes, None) {
            Ok((html, notes)) => {
                if notes.iter().any(|d| d.message.contains("decoded as")) {
                    legacy += 1;
                }
                Some(extract_html(&html, Some(&page.url)).text)
            }
            Err(_) => {
                undecodable += 1;
                None
            }
        };
        let (missed, leaked) = trafilatura::misses(page, extracted.as_deref());
        let counts = [
            page.with.len() - missed.len(),
            leaked.len(),
            missed.len(),
            page.without.len() - leaked.len(),
        ];
        for (total, n) in totals.iter_mut().zip(counts) {
            *total += n;
        }
        let snippets = page.with.len() + page.without.len();
        let wrong = missed.len() + leaked.len();
        per_page.push((page.url.clone(), ratio(snippets - wrong, snippets)));
        if wrong > 0 {
            misses.push(SnippetMiss {
                url: page.url.clone(),
                file: page.file.clone(),
                missed: missed.into_iter().cloned().collect(),
                leaked: leaked.into_iter().cloned().collect(),
                extracted,
            });
        }
    }
    if missing > 0 {
        return Err(EvalError::format(
            &gold.join(trafilatura::ARCHIVE_FILE),
            format!(
                "{missing} pages of {} have no file in the archive",
                trafilatura::GOLD_FILE
            ),
        ));
    }
    let [tp, fp, fn_, tn] = totals;
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    report.items = pages.len();
    report
        .metric("precision", precision)
        .metric("recall", recall)
        .metric("accuracy", ratio(tp + tn, tp + fp + fn_ + tn))
        .metric("f1", ratio(2 * tp, 2 * tp + fp + fn_))
        .metric("pages_in_legacy_encodings", legacy as f64)
        .metric("pages_not_decoded", undecodable as f64);
    report.notes.push(format!(
        "trafilatura's snippet measure (tests/eval_common.py): {tp} of {} `with` snippets found, {fp} of {} `without` snippets found; {legacy} pages decoded from a legacy encoding, {undecodable} not decodable",
        tp + fn_,
        fp + tn
    ));
    report.notes.push(match options.split {
        Some(half) => format!(
            "{} half of the set (pages ordered by FNV-1a of \"trafilatura-eval:\" + URL; dev is the first half)",
            half.as_str()
        ),
        None => "whole set (the floor's figure); --split dev|test scores one half".to_string(),
    });
    per_page.sort_by(|a, b| a.1.total_cmp(&b.1));
    let worst: Vec<String> = per_page
        .iter()
        .take(WORST_SHOWN)
        .map(|(url, share)| format!("{url} ({share:.2} of its snippets right)"))
        .collect();
    if !worst.is_empty() {
        report
            .notes
            .push(format!("worst pages: {}", worst.join(", ")));
    }
    Ok((report, misses))
}

fn read_page(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::io(path, e))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        gunzip(&bytes, Limits::default().max_decompressed_bytes)
            .map_err(|e| EvalError::format(path, e.to_string()))?
    } else {
        bytes
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn note_worst(report: &mut EvalReport, mut per_page: Vec<(String, f64)>) {
    per_page.sort_by(|a, b| a.1.total_cmp(&b.1));
    let worst: Vec<String> = per_page
        .iter()
        .take(WORST_SHOWN)
        .map(|(k, f)| format!("{k} ({f:.3})"))
        .collect();
    if !worst.is_empty() {
        report
            .notes
            .push(format!("lowest page F1: {}", worst.join(", ")));
    }
}

/// Tokens as Python's `\w+` finds them: runs of letters, digits and underscores.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The benchmark's shingles: every run of 4 consecutive tokens, or all tokens as one shingle
/// when there are fewer than 4.
fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], usize> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let n = 4.min(tokens.len());
    for window in tokens.windows(n) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// Shingle matches of one page as TP/FP/FN.
fn shingle_counts(gold: &str, predicted: &str) -> Counts {
    let (gold_tokens, pred_tokens) = (words(gold), words(predicted));
    let (gold, pred) = (shingles(&gold_tokens), shingles(&pred_tokens));
    let mut counts = Counts::default();
    for (shingle, &g) in &gold {
        let p = pred.get(shingle).copied().unwrap_or(0);
        counts.tp += g.min(p);
        counts.fn_ += g.saturating_sub(p);
    }
    for (shingle, &p) in &pred {
        counts.fp += p.saturating_sub(gold.get(shingle).copied().unwrap_or(0));
    }
    counts
}

/// WCXB's per-page word precision, recall and F1.
fn word_scores(gold: &str, predicted: &str) -> [f64; 3] {
    let lower = |t: &str| {
        words(&t.to_lowercase())
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (gold, pred) = (lower(gold), lower(predicted));
    if gold.is_empty() {
        return if pred.is_empty() { [1.0; 3] } else { [0.0; 3] };
    }
    if pred.is_empty() {
        return [0.0; 3];
    }
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for w in &gold {
        *bag.entry(w).or_insert(0) += 1;
    }
    let mut overlap = 0;
    for w in &pred {
        if let Some(n) = bag.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            overlap += 1;
        }
    }
    let p = overlap as f64 / pred.len() as f64;
    let r = overlap as f64 / gold.len() as f64;
    [p, r, harmonic(p, r)]
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

fn mean3(values: &[[f64; 3]]) -> [f64; 3] {
    let column = |i: usize| mean(&values.iter().map(|v| v[i]).collect::<Vec<_>>());
    [column(0), column(1), column(2)]
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    crate::metrics::ratio(num, den)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_measure_matches_the_benchmark() {
        // Gold: a b c d e (shingles abcd, bcde); prediction adds one token at the end.
        let c = shingle_counts("a b, c d e", "a b c d e f");
        assert_eq!((c.tp, c.fp, c.fn_), (2, 1, 0));
        // Fewer than four tokens: one shingle of all of them.
        let c = shingle_counts("just two", "just two");
        assert_eq!((c.tp, c.fp, c.fn_), (1, 0, 0));
        let c = shingle_counts("", "x");
        assert_eq!((c.tp, c.fp, c.fn_), (0, 1, 0));
        assert_eq!(
            words("It’s 4.5%—snake_case ok"),
            vec!["It", "s", "4", "5", "snake_case", "ok"]
        );
    }

    #[test]
    fn word_measure_matches_wcxb() {
        let [p, r, f] = word_scores("The cat sat", "the cat the dog");
        assert!((p - 0.5).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((f - harmonic(0.5, 2.0 / 3.0)).abs() < 1e-9);
        assert_eq!(word_scores("", ""), [1.0; 3]);
        assert_eq!(word_scores("x", ""), [0.0; 3]);
    }
}
