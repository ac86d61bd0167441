//! The fixture corpus analyzed and assembled once per test binary, and every table's rows
//! collected in memory as the reference the written files are read back against.

#![allow(dead_code)]

use parallax_core::{Analysis, Document, Dossier};
use parallax_export::{Cell, Sink, Source, TableSchema, TABLES};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The fixture articles (text with manifest), analyzed, and their dossier.
pub fn fixture() -> &'static (Vec<(Document, Analysis)>, Dossier) {
    static CORPUS: OnceLock<(Vec<(Document, Analysis)>, Dossier)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let text = repo_root().join("fixtures/corpus/text");
        let manifest = parallax_ingest::Manifest::load(&text.join("manifest.csv")).unwrap();
        let (files, _) = parallax_ingest::discover(&[text]);
        let limits = parallax_ingest::Limits::default();
        let docs: Vec<Document> = files
            .iter()
            .flat_map(|f| parallax_ingest::read_file(f, &manifest, &limits).documents)
            .collect();
        let corpus: Vec<(Document, Analysis)> = docs
            .into_iter()
            .map(|d| {
                let a = parallax_pipeline::analyze(&d);
                (d, a)
            })
            .collect();
        let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
        (corpus, dossier)
    })
}

/// An owned cell, to compare what was written with what was read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Time(i64),
    List(Vec<String>),
}

impl From<&Cell<'_>> for Value {
    fn from(cell: &Cell) -> Value {
        match *cell {
            Cell::Null => Value::Null,
            Cell::Str(s) => Value::Str(s.to_string()),
            Cell::Int(n) => Value::Int(n),
            Cell::Float(x) => Value::Float(x),
            Cell::Bool(b) => Value::Bool(b),
            Cell::Time(t) => Value::Time(t),
            Cell::List(l) => Value::List(l.to_vec()),
        }
    }
}

/// Collects rows.
#[derive(Default)]
pub struct Memory(pub Vec<Vec<Value>>);

impl Sink for Memory {
    fn row(&mut self, cells: &[Cell]) -> Result<(), parallax_export::ExportError> {
        self.0.push(cells.iter().map(Value::from).collect());
        Ok(())
    }
}

/// Every table's rows for `source`.
pub fn rows(source: &Source) -> Vec<(&'static TableSchema, Vec<Vec<Value>>)> {
    TABLES
        .iter()
        .map(|t| {
            let mut memory = Memory::default();
            parallax_export::tables::write_table(*t, source, &mut memory).unwrap();
            (t.schema(), memory.0)
        })
        .collect()
}
