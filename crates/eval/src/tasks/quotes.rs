//! Evaluation task `quotes`: attribution (cue, source, content) on PolNeAR's brat standoff
//! files, scored as the citron project scores PARC 3.0.
//!
//! Gold: each `Attribution` event of an article's `.ann` file (the first annotator's file in
//! name order when several annotated the article) with its `Cue`, `Source` and `Content` spans.
//! Predicted: the quotations of `parallax_quotes::annotate` that have a cue, grouped by cue
//! (so "“…,” he said, “…”" is one attribution with two contents, as in the gold). A direct
//! quotation's content is scored with its marks, as the annotators marked it. Span lists are
//! compared after merging fragments separated only by whitespace.
//!
//! Metrics (citron's definitions): exact — a predicted cue counts when some gold cue is the
//! same span list; a predicted source (content) counts when some gold attribution whose cue
//! overlaps has the same source (content) span list; recall symmetrically. Overlap — tokens
//! shared by predicted and gold spans, summed over all predicted × gold attribution pairs,
//! over the predicted (precision) and gold (recall) token counts. Items are documents.
//!
//! Agreement: on the articles several annotators marked, each later annotator is scored
//! against the first with the same metrics (`agreement_*`), the ceiling a system is read against.

use crate::formats::brat;
use crate::metrics::{ratio, Counts};
use crate::{read_text, EvalError, EvalReport};
use parallax_core::{Document, QuoteKind, Segmentation, Span};
use parallax_quotes::CueModel;
use std::path::{Path, PathBuf};

/// One attribution: span lists of its cue, sources and contents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Attribution {
    cue: Vec<Span>,
    sources: Vec<Span>,
    contents: Vec<Span>,
}

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let model = parallax_quotes::cue_model::embedded()
        .map_err(|e| EvalError::Other(format!("cue model unusable: {e}")))?;
    run_with(gold, limit, Some(model))
}

/// [`run`] with a given cue classifier (`None`: the rule lexicon alone). Each article is
/// read and segmented once: the system is scored against its first annotator and, where
/// several marked it, each later annotator too, as the annotators' own agreement (a ceiling
/// for any system), reported as `agreement_*` metrics.
pub fn run_with(
    gold: &Path,
    limit: Option<usize>,
    model: Option<&CueModel>,
) -> Result<EvalReport, EvalError> {
    let articles = annotated_articles(gold)?;
    let mut tally = Tally::default();
    let mut agreement = Tally::default();
    let mut items = 0;
    let mut agreed = 0;
    for (text_path, anns) in articles.into_iter().take(limit.unwrap_or(usize::MAX)) {
        let Some((first, others)) = anns.split_first() else {
            continue;
        };
        let text = read_text(&text_path)?;
        let seg = parallax_segment::segment(&text);
        let reference = read_attributions(&text, first)?;
        let predicted = predict(&text, &seg, model);
        tally.add(&seg, &predicted, &reference);
        items += 1;
        for other in others {
            agreement.add(&seg, &read_attributions(&text, other)?, &reference);
        }
        agreed += usize::from(!others.is_empty());
    }
    if items == 0 {
        return Err(EvalError::format(gold, "no .ann files with matching texts"));
    }
    let mut report = EvalReport::new("quotes", gold.display().to_string());
    report.items = items;
    tally.report(&mut report, "");
    if agreed > 0 {
        agreement.report(&mut report, "agreement_");
        report.notes.push(format!(
            "agreement_*: later annotators scored against the first on the {agreed} articles several annotators marked"
        ));
    }
    Ok(report)
}

/// The attributions of the annotation file `path` over the article `text`.
fn read_attributions(text: &str, path: &Path) -> Result<Vec<Attribution>, EvalError> {
    let ann = brat::parse(&read_text(path)?)
        .map_err(|(line, why)| EvalError::format(path, format!("line {line}: {why}")))?;
    Ok(gold_attributions(text, &ann))
}

/// (text, annotation) file pairs of the split at `gold`: a dataset folder (its `test` split),
/// a split folder with `text/` and `attributions/`, or one `.ann` file.
pub(crate) fn documents(gold: &Path) -> Result<Vec<(PathBuf, PathBuf)>, EvalError> {
    let out: Vec<(PathBuf, PathBuf)> = annotated_articles(gold)?
        .into_iter()
        // One annotator per article: the first file in name order.
        .filter_map(|(text, anns)| anns.into_iter().next().map(|ann| (text, ann)))
        .collect();
    if out.is_empty() {
        return Err(EvalError::format(gold, "no .ann files with matching texts"));
    }
    Ok(out)
}

/// Each article of the split at `gold` (see [`documents`]) with its annotation files, in name
/// order.
fn annotated_articles(gold: &Path) -> Result<Vec<(PathBuf, Vec<PathBuf>)>, EvalError> {
    if gold.is_file() {
        let name = gold.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let base = article_of(name);
        let text = gold
            .parent()
            .and_then(Path::parent)
            .map(|p| p.join("text").join(format!("{base}.txt")));
        let text = text.ok_or_else(|| EvalError::format(gold, "no text/ folder beside it"))?;
        return Ok(vec![(text, vec![gold.to_path_buf()])]);
    }
    let split = if gold.join("text").is_dir() {
        gold.to_path_buf()
    } else {
        gold.join("test")
    };
    let anns = crate::files_with_extension(&split.join("attributions"), "ann")?;
    let mut out: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for ann in anns {
        let name = ann.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let text = split.join("text").join(format!("{}.txt", article_of(name)));
        match out.last_mut() {
            Some((t, files)) if *t == text => files.push(ann),
            _ if text.is_file() => out.push((text, vec![ann])),
            _ => {}
        }
    }
    Ok(out)
}

/// The article name of an annotation file stem `<article>_<annotator>`.
fn article_of(stem: &str) -> &str {
    stem.rsplit_once('_').map_or(stem, |(article, _)| article)
}

/// The gold cue spans of the annotation file `path` over the article `text`.
pub(crate) fn gold_cues(text: &str, path: &Path) -> Result<Vec<Span>, EvalError> {
    Ok(read_attributions(text, path)?
        .into_iter()
        .flat_map(|a| a.cue)
        .collect())
}

fn gold_attributions(text: &str, ann: &brat::Ann) -> Vec<Attribution> {
    let spans = |id: &str| {
        ann.text_bounds
            .get(id)
            .and_then(|tb| brat::to_byte_spans(text, &tb.fragments))
            .unwrap_or_default()
    };
    ann.events
        .iter()
        .filter(|e| e.label == "Attribution")
        .map(|e| {
            let mut a = Attribution::default();
            for (role, id) in &e.args {
                match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                    "Cue" => a.cue.extend(spans(id)),
                    "Source" => a.sources.extend(spans(id)),
                    "Content" => a.contents.extend(spans(id)),
                    _ => {}
                }
            }
            normalize(text, a)
        })
        .filter(|a| !a.cue.is_empty())
        .collect()
}

fn predict(text: &str, seg: &Segmentation, model: Option<&CueModel>) -> Vec<Attribution> {
    let doc = Document::new("eval", text, "polnear");
    let quotes = parallax_quotes::annotate_with(model, &doc, seg, &[], &[]).items;
    let mut out: Vec<Attribution> = Vec::new();
    for q in quotes {
        let Some(cue) = q.cue else { continue };
        let content = if q.kind == QuoteKind::Direct {
            with_marks(text, q.span)
        } else {
            q.span
        };
        let i = match out.iter().position(|a| a.cue == [cue.span]) {
            Some(i) => i,
            None => {
                out.push(Attribution {
                    cue: vec![cue.span],
                    ..Default::default()
                });
                out.len() - 1
            }
        };
        let a = &mut out[i];
        if let Some(s) = q.speaker_text {
            if !a.sources.contains(&s.span) {
                a.sources.push(s.span);
            }
        }
        a.contents.push(content);
    }
    out.into_iter().map(|a| normalize(text, a)).collect()
}

/// `span` widened by the quotation mark on each side where there is one (`''` counts as one).
fn with_marks(text: &str, span: Span) -> Span {
    const MARKS: [&str; 10] = ["''", "\"", "“", "”", "‘", "’", "'", "«", "»", "„"];
    let before = text
        .get(..span.start)
        .and_then(|s| MARKS.iter().find(|m| s.ends_with(**m)));
    let after = text
        .get(span.end..)
        .and_then(|s| MARKS.iter().find(|m| s.starts_with(**m)));
    Span::new(
        span.start - before.map_or(0, |m| m.len()),
        span.end + after.map_or(0, |m| m.len()),
    )
}

fn normalize(text: &str, mut a: Attribution) -> Attribution {
    for list in [&mut a.cue, &mut a.sources, &mut a.contents] {
        // A few gold spans take in a space or no-break space at an end ("Trump\u{a0}"), which
        // no token holds: compared without it, as citron compares tokens.
        for s in list.iter_mut() {
            *s = s.trim(text);
        }
        list.retain(|s| !s.is_empty());
        list.sort();
        let mut merged: Vec<Span> = Vec::new();
        for s in list.drain(..) {
            match merged.last_mut() {
                Some(last)
                    if s.start <= last.end
                        || text
                            .get(last.end..s.start)
                            .is_some_and(|g| g.trim().is_empty()) =>
                {
                    last.end = last.end.max(s.end);
                }
                _ => merged.push(s),
            }
        }
        *list = merged;
    }
    a
}

fn overlaps_any(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

#[derive(Default)]
struct Tally {
    /// Exact-match counts for cue, source and content.
    exact: [Counts; 3],
    /// Shared, predicted and gold token counts for cue, source and content.
    overlap: [(usize, usize, usize); 3],
}

impl Tally {
    fn add(&mut self, seg: &Segmentation, predicted: &[Attribution], gold: &[Attribution]) {
        type Part = fn(&Attribution) -> &Vec<Span>;
        let parts: [Part; 3] = [|a| &a.cue, |a| &a.sources, |a| &a.contents];
        for (k, part) in parts.iter().enumerate() {
            let matches = |p: &Attribution, g: &Attribution| {
                let same = part(p) == part(g);
                if k == 0 {
                    same
                } else {
                    same && overlaps_any(&p.cue, &g.cue)
                }
            };
            let tp = predicted
                .iter()
                .filter(|p| gold.iter().any(|g| matches(p, g)))
                .count();
            let found = gold
                .iter()
                .filter(|g| predicted.iter().any(|p| matches(p, g)))
                .count();
            self.exact[k].add(Counts {
                tp,
                fp: predicted.len() - tp,
                fn_: gold.len() - found,
            });
            let o = &mut self.overlap[k];
            for p in predicted {
                o.1 += tokens(seg, part(p));
                for g in gold {
                    o.0 += shared_tokens(seg, part(p), part(g));
                }
            }
            o.2 += gold.iter().map(|g| tokens(seg, part(g))).sum::<usize>();
        }
    }

    /// Writes the metrics, each name after `prefix`, and the note on how they are scored.
    fn report(&self, report: &mut EvalReport, prefix: &str) {
        for (name, c) in ["cue", "source_exact", "content_exact"]
            .iter()
            .zip(&self.exact)
        {
            report.metric(&format!("{prefix}{name}_precision"), c.precision());
            report.metric(&format!("{prefix}{name}_recall"), c.recall());
            report.metric(&format!("{prefix}{name}_f1"), c.f1());
        }
        for (name, (shared, predicted, gold)) in
            ["cue", "source", "content"].iter().zip(self.overlap)
        {
            let p = ratio(shared, predicted);
            let r = ratio(shared, gold);
            let f1 = if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            };
            report.metric(&format!("{prefix}{name}_overlap_precision"), p);
            report.metric(&format!("{prefix}{name}_overlap_recall"), r);
            report.metric(&format!("{prefix}{name}_overlap_f1"), f1);
        }
        if !prefix.is_empty() {
            return;
        }
        report.notes.push(
            "exact and token-overlap scores as citron defines them; cue spans include auxiliaries"
                .into(),
        );
    }
}

/// Tokens of `seg` overlapping any of `spans`.
fn tokens(seg: &Segmentation, spans: &[Span]) -> usize {
    spans.iter().map(|s| seg.tokens_in(*s).len()).sum()
}

/// Tokens inside both span lists.
fn shared_tokens(seg: &Segmentation, a: &[Span], b: &[Span]) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            if x.overlaps(*y) {
                let both = Span::new(x.start.max(y.start), x.end.min(y.end));
                n += seg.tokens_in(both).len();
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_cue_and_scores_exact_matches() {
        let text = "“We will win,” he said, “and soon.” Others disagreed.";
        let seg = parallax_segment::segment(text);
        let predicted = predict(text, &seg, parallax_quotes::cue_model::embedded().ok());
        assert_eq!(predicted.len(), 1);
        assert_eq!(predicted[0].contents.len(), 2);
        let gold = vec![predicted[0].clone()];
        let mut tally = Tally::default();
        tally.add(&seg, &predicted, &gold);
        assert_eq!(tally.exact[0].tp, 1);
        assert_eq!(tally.exact[1].tp, 1);
        assert_eq!(tally.exact[2].f1(), 1.0);
        assert_eq!(
            with_marks(text, Span::new(3, 15)).text(text),
            "“We will win,”"
        );
    }
}

#[cfg(test)]
mod dump {
    use super::*;

    /// Development aid: prints missed and spurious attributions of the split in QUOTES_DUMP.
    #[test]
    #[ignore]
    fn dump_errors() {
        let Ok(dir) = std::env::var("QUOTES_DUMP") else {
            return;
        };
        for (t, a) in documents(Path::new(&dir)).unwrap().into_iter() {
            let text = read_text(&t).unwrap();
            let gold = read_attributions(&text, &a).unwrap();
            let seg = parallax_segment::segment(&text);
            let pred = predict(&text, &seg, parallax_quotes::cue_model::embedded().ok());
            let show = |a: &Attribution| {
                let j = |l: &Vec<Span>| {
                    l.iter()
                        .map(|s| s.text(&text).replace('\n', " "))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                format!(
                    "CUE[{}] SRC[{}] CON[{}]",
                    j(&a.cue),
                    j(&a.sources),
                    j(&a.contents)
                )
            };
            for g in &gold {
                match pred.iter().find(|p| overlaps_any(&p.cue, &g.cue)) {
                    None => println!("MISS {}", show(g)),
                    Some(p) if p.sources != g.sources || p.contents != g.contents => {
                        println!("DIFF gold {}\n     pred {}", show(g), show(p))
                    }
                    _ => {}
                }
            }
            for p in &pred {
                if !gold.iter().any(|g| overlaps_any(&p.cue, &g.cue)) {
                    println!("SPUR {}", show(p));
                }
            }
        }
    }
}
