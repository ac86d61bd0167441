//! Evaluation task `subjectivity`: sentence voice against CheckThat! SUBJ/OBJ labels.
//!
//! Each gold sentence is annotated as a one-sentence document, so the gold unit is scored
//! as it is and segmentation errors do not enter the figure; opinion is scored as `SUBJ` and
//! reporting as `OBJ`.
//!
//! When the BABE/MBIC dataset sits beside the CheckThat folder, the report's notes add
//! sentence-level bias detection by loaded terms on BABE's held-out fifth: a sentence is
//! called biased when `parallax_voice::loaded_terms` finds any term in it.

use crate::formats::babe::{self, Bias};
use crate::formats::checkthat::{self, SubjectivitySentence};
use crate::metrics::Confusion;
use crate::{EvalError, EvalReport};
use parallax_core::{Document, Paragraph, ParagraphRole, Segmentation, Sentence, Span, Voice};
use parallax_voice::Model;
use std::path::Path;

/// The standard evaluation split: the CheckThat 2023 English gold test file.
pub const TEST_SPLIT: &str = "test_en_gold.tsv";

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let path = checkthat::split_file(gold, TEST_SPLIT);
    let mut sentences = checkthat::read(&path)?;
    if let Some(limit) = limit {
        sentences.truncate(limit);
    }
    let model = parallax_voice::embedded_model()
        .map_err(|e| EvalError::Other(format!("voice model unusable: {e}")))?;
    let confusion = score(model, &sentences);
    let mut report = report(&confusion, &path.display().to_string(), sentences.len());
    if let Some(folder) = crate::train::subjectivity::babe_folder(gold) {
        report
            .notes
            .push(bias_note(&folder.join(babe::EXPERT_FILE))?);
    }
    Ok(report)
}

/// The confusion of `model`'s voice against the gold labels, through the annotator's own path.
pub fn score(model: &Model, sentences: &[SubjectivitySentence]) -> Confusion {
    let mut confusion = Confusion::default();
    for (index, gold) in sentences.iter().enumerate() {
        let doc = Document::new(
            format!("checkthat-{index}"),
            gold.sentence.clone(),
            &gold.id,
        );
        let annotated = parallax_voice::annotate_with(model, &doc, &one_sentence(&doc.text), &[]);
        let predicted = annotated.items.first().map(|v| v.voice == Voice::Opinion);
        confusion.add(label(gold.subjective), predicted.map_or("none", label));
    }
    confusion
}

/// The report with the task's stable keys: `macro_f1`, `accuracy`, per-class P/R/F1.
pub fn report(confusion: &Confusion, dataset: &str, items: usize) -> EvalReport {
    let mut report = EvalReport::new("subjectivity", dataset);
    report.items = items;
    report.metric("macro_f1", confusion.macro_f1());
    report.metric("accuracy", confusion.accuracy());
    for (class, counts) in &confusion.per_class {
        report.type_metric(class, "precision", counts.precision());
        report.type_metric(class, "recall", counts.recall());
        report.type_metric(class, "f1", counts.f1());
    }
    report
}

/// Loaded-term bias detection on BABE's held-out sentences with an agreed bias label.
fn bias_note(file: &Path) -> Result<String, EvalError> {
    let mut confusion = Confusion::default();
    for sentence in babe::read(file)?
        .iter()
        .filter(|s| babe::is_held_out(&s.text))
    {
        let gold = match sentence.bias {
            Bias::Biased => "biased",
            Bias::NonBiased => "non-biased",
            Bias::NoAgreement => continue,
        };
        let span = Span::new(0, sentence.text.len());
        let found = !parallax_voice::loaded_terms(&sentence.text, span).is_empty();
        confusion.add(gold, if found { "biased" } else { "non-biased" });
    }
    let biased = confusion
        .per_class
        .get("biased")
        .copied()
        .unwrap_or_default();
    Ok(format!(
        "babe-mbic held-out bias detection by loaded terms ({} sentences): precision {:.3}, \
         recall {:.3}, f1 {:.3}, accuracy {:.3}, macro_f1 {:.3}",
        confusion.total,
        biased.precision(),
        biased.recall(),
        biased.f1(),
        confusion.accuracy(),
        confusion.macro_f1()
    ))
}

fn label(subjective: bool) -> &'static str {
    if subjective {
        "SUBJ"
    } else {
        "OBJ"
    }
}

/// A segmentation of `text` as one paragraph holding one sentence.
fn one_sentence(text: &str) -> Segmentation {
    let span = Span::new(0, text.len());
    Segmentation {
        paragraphs: vec![Paragraph {
            span,
            role: ParagraphRole::Body,
        }],
        sentences: vec![Sentence { span, paragraph: 0 }],
        tokens: Vec::new(),
    }
}
