//! Outlet framing, three tables: `labels` (each label an outlet's article attaches to an
//! actor), `tones` (an outlet's tone toward an actor, one row per article), `loaded_terms`
//! (each use of a loaded term, with the outlet's counts of the term).

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::{LabelForm, Speech};

pub struct Labels;
pub struct Tones;
pub struct LoadedTerms;

static LABELS: TableSchema = TableSchema {
    name: "labels",
    per_document: false,
    columns: item_columns!(
        [col("outlet", Label), col("entity_id", Label)],
        [col("form", Label), col("voice", Label)]
    ),
};

static TONES: TableSchema = TableSchema {
    name: "tones",
    per_document: false,
    columns: &[
        col("outlet", Label),
        col("entity_id", Label),
        col("outlet_tone", Label),
        col("outlet_score", Float),
        col("outlet_sentences", Int),
        col("doc_id", Label),
        col("tone", Label),
        col("score", Float),
        col("sentences", Int),
        col("polar_words", List),
    ],
};

static LOADED_TERMS: TableSchema = TableSchema {
    name: "loaded_terms",
    per_document: false,
    columns: item_columns!(
        [
            col("outlet", Label),
            col("term", Label),
            col("author_uses", Int),
            col("quoted_uses", Int),
        ],
        []
    ),
};

impl Table for Labels {
    fn schema(&self) -> &'static TableSchema {
        &LABELS
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for profile in &source.dossier.outlets {
            for actor in &profile.actors {
                for label in &actor.labels {
                    let doc = &label.evidence.doc;
                    let Some(d) = source.doc(doc).filter(|_| source.is_selected(doc)) else {
                        continue;
                    };
                    let at = located(source, d, label.evidence.span);
                    out.row(&row(
                        &[Cell::Str(&profile.outlet), Cell::Str(&actor.entity)],
                        &at,
                        &[Cell::Str(form(label.form)), Cell::Str(speech(label.voice))],
                    ))?;
                }
            }
        }
        Ok(())
    }
}

impl Table for Tones {
    fn schema(&self) -> &'static TableSchema {
        &TONES
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for profile in &source.dossier.outlets {
            for actor in &profile.actors {
                let Some(tone) = &actor.tone else { continue };
                for doc in &tone.documents {
                    if !source.is_selected(&doc.doc) {
                        continue;
                    }
                    let words: Vec<String> = doc.evidence.iter().map(|e| e.text.clone()).collect();
                    out.row(&[
                        Cell::Str(&profile.outlet),
                        Cell::Str(&actor.entity),
                        Cell::Str(tone.tone.as_str()),
                        Cell::Float(tone.score),
                        Cell::count(tone.sentences),
                        Cell::Str(&doc.doc),
                        Cell::Str(doc.tone.as_str()),
                        Cell::Float(doc.score),
                        Cell::count(doc.sentences),
                        Cell::List(&words),
                    ])?;
                }
            }
        }
        Ok(())
    }
}

impl Table for LoadedTerms {
    fn schema(&self) -> &'static TableSchema {
        &LOADED_TERMS
    }

    fn rows(&self, source: &Source, out: &mut dyn Sink) -> Result<(), ExportError> {
        for profile in &source.dossier.outlets {
            for term in &profile.loaded_terms {
                for evidence in &term.evidence {
                    let Some(d) = source
                        .doc(&evidence.doc)
                        .filter(|_| source.is_selected(&evidence.doc))
                    else {
                        continue;
                    };
                    let at = located(source, d, evidence.span);
                    out.row(&row(
                        &[
                            Cell::Str(&profile.outlet),
                            Cell::Str(&term.term),
                            Cell::count(term.author),
                            Cell::count(term.quoted),
                        ],
                        &at,
                        &[],
                    ))?;
                }
            }
        }
        Ok(())
    }
}

fn form(form: LabelForm) -> &'static str {
    match form {
        LabelForm::Appositive => "appositive",
        LabelForm::Premodifier => "premodifier",
        LabelForm::Predicate => "predicate",
        LabelForm::Epithet => "epithet",
    }
}

fn speech(speech: Speech) -> &'static str {
    match speech {
        Speech::Author => "author",
        Speech::Quoted => "quoted",
    }
}
