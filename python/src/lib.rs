//! `parallax._parallax`: the native half of the Python package (the Python half, `parallax/`,
//! gives it its signatures, type hints and docstrings).
//!
//! It is an edge like the CLI: it reads inputs through `parallax-ingest`, runs the
//! per-document pipeline and the cross-document stages, and hands out the export tables as
//! pyarrow tables (the same builders as the Parquet files, so the same schemas). The analysis
//! runs with the GIL released. Failures become Python exceptions naming the input.

use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_pyarrow::{IntoPyArrow, PyArrowType};
use arrow_schema::{DataType, Field, Schema};
use parallax_core::{Analysis, Document, Dossier as CoreDossier, SkippedInput};
use parallax_export::{Options, Partition, Selection, Source};
use pyo3::exceptions::{PyException, PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

pyo3::create_exception!(
    _parallax,
    ParallaxError,
    PyException,
    "An input, store or export Parallax could not use; the message names it."
);

/// A dossier with the analyses it was built from.
#[pyclass(module = "parallax._parallax", frozen)]
struct Dossier {
    dossier: CoreDossier,
    analyses: Vec<Analysis>,
}

fn selection(story: Option<String>, since: Option<String>, until: Option<String>) -> Selection {
    Selection {
        story,
        since,
        until,
    }
}

#[pymethods]
impl Dossier {
    /// The dossier as JSON (the `dossier.json` format).
    fn json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.dossier)
            .map_err(|e| ParallaxError::new_err(e.to_string()))
    }

    /// Every export table as a pyarrow Table, by name.
    #[pyo3(signature = (story=None, since=None, until=None))]
    fn tables<'py>(
        &self,
        py: Python<'py>,
        story: Option<String>,
        since: Option<String>,
        until: Option<String>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let selection = selection(story, since, until);
        let tables = py.detach(|| {
            let source = Source::new(&self.dossier, &self.analyses, &selection);
            parallax_export::formats::arrow::tables(&source)
        });
        let tables = tables.map_err(|e| ParallaxError::new_err(e.to_string()))?;
        let out = PyDict::new(py);
        for (name, schema, batches) in tables {
            let table = arrow_pyarrow::Table::try_new(batches, schema)
                .map_err(|e| ParallaxError::new_err(format!("table {name}: {e}")))?;
            out.set_item(name, table.into_pyarrow(py)?)?;
        }
        Ok(out)
    }

    /// Writes an export format (jsonl, csv, parquet, gkg, dossier, report) into `out`; returns
    /// the files written.
    #[pyo3(signature = (out, format, story=None, since=None, until=None, partition="auto"))]
    #[allow(clippy::too_many_arguments)]
    fn export(
        &self,
        py: Python<'_>,
        out: PathBuf,
        format: &str,
        story: Option<String>,
        since: Option<String>,
        until: Option<String>,
        partition: &str,
    ) -> PyResult<Vec<String>> {
        let partition = match partition {
            "auto" => Partition::Auto,
            "day" => Partition::Day,
            "none" => Partition::None,
            other => {
                return Err(PyValueError::new_err(format!(
                    "partition {other:?}: expected 'auto', 'day' or 'none'"
                )))
            }
        };
        let format =
            parallax_export::format(format).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let selection = selection(story, since, until);
        let written = py.detach(|| {
            let source = Source::new(&self.dossier, &self.analyses, &selection);
            format.write(&source, &out, &Options { partition })
        });
        written
            .map(|files| files.iter().map(|p| p.display().to_string()).collect())
            .map_err(|e| ParallaxError::new_err(e.to_string()))
    }

    /// Number of analyzed documents.
    fn __len__(&self) -> usize {
        self.dossier.documents.len()
    }

    /// Inputs that could not be analyzed, as (source, reason) pairs.
    #[getter]
    fn skipped(&self) -> Vec<(String, String)> {
        self.dossier
            .skipped
            .iter()
            .map(|s| (s.source.clone(), s.reason.clone()))
            .collect()
    }

    fn __repr__(&self) -> String {
        let d = &self.dossier;
        format!(
            "<parallax.Dossier: {} documents, {} entities, {} quotes, {} figures, {} claims, {} stories>",
            d.documents.len(),
            d.entities.len(),
            d.quotes.len(),
            d.figures.len(),
            d.claims.len(),
            d.stories.len()
        )
    }
}

/// Analyzes documents on every core, in the pipeline's batches, and builds the dossier.
fn build(documents: Vec<Document>, skipped: Vec<SkippedInput>) -> Dossier {
    let analyses: Vec<Analysis> = documents
        .par_chunks(parallax_pipeline::BATCH)
        .flat_map_iter(|batch| {
            let refs: Vec<&Document> = batch.iter().collect();
            parallax_pipeline::analyze_batch(&refs)
        })
        .collect();
    let corpus: Vec<(Document, Analysis)> = documents.into_iter().zip(analyses).collect();
    let dossier = parallax_crossdoc::build_dossier(&corpus, &skipped);
    Dossier {
        dossier,
        analyses: corpus.into_iter().map(|(_, a)| a).collect(),
    }
}

/// Analyzes article files and folders (`paths`) and article records (`records`: label and
/// JSON object text), with an optional manifest.
#[pyfunction]
#[pyo3(signature = (paths, records, manifest=None))]
fn analyze(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    records: Vec<(String, String)>,
    manifest: Option<PathBuf>,
) -> PyResult<Dossier> {
    let manifest = match &manifest {
        Some(path) => parallax_ingest::Manifest::load(path).map_err(|e| {
            ParallaxError::new_err(format!("cannot use manifest {}: {e}", path.display()))
        })?,
        None => parallax_ingest::Manifest::default(),
    };
    let mut documents = Vec::new();
    for (label, json) in &records {
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| PyValueError::new_err(format!("{label}: {e}")))?;
        let article = parallax_ingest::article(&value, &parallax_ingest::FieldNames::default())
            .map_err(|e| PyValueError::new_err(format!("{label}: {e}")))?;
        documents.push(parallax_ingest::record_document(
            article,
            label.clone(),
            &manifest,
        ));
    }
    let dossier = py.detach(|| {
        let (files, mut skipped) = parallax_ingest::discover(&paths);
        let limits = parallax_ingest::Limits::default();
        let outcomes: Vec<_> = files
            .par_iter()
            .map(|f| parallax_ingest::read_file(f, &manifest, &limits))
            .collect();
        for outcome in outcomes {
            skipped.extend(outcome.skipped);
            documents.extend(outcome.documents);
        }
        let mut seen = HashSet::new();
        documents.retain(|d| {
            let first = seen.insert(d.id.clone());
            if !first {
                skipped.push(SkippedInput {
                    source: d.source.clone(),
                    reason: format!("same text as an earlier input (document {})", d.id),
                });
            }
            first
        });
        if documents.is_empty() {
            return Err(skipped);
        }
        Ok(build(documents, skipped))
    });
    dossier.map_err(|skipped| {
        let reasons: Vec<String> = skipped
            .iter()
            .map(|s| format!("{}: {}", s.source, s.reason))
            .collect();
        ParallaxError::new_err(format!(
            "nothing could be analyzed; {}",
            if reasons.is_empty() {
                "no inputs".into()
            } else {
                reasons.join("; ")
            }
        ))
    })
}

/// A store written by `parallax analyze --store`.
#[pyclass(module = "parallax._parallax")]
struct Store {
    path: PathBuf,
}

#[pymethods]
impl Store {
    #[new]
    fn new(path: PathBuf) -> PyResult<Store> {
        if !path.join(parallax_store::DATABASE_FILE).is_file() {
            return Err(ParallaxError::new_err(format!(
                "no store at {}: run `parallax analyze ARTICLES --store {}` first",
                path.display(),
                path.display()
            )));
        }
        open(&path)?;
        Ok(Store { path })
    }

    /// Number of stored documents.
    fn __len__(&self) -> PyResult<usize> {
        open(&self.path)?
            .len()
            .map_err(|e| ParallaxError::new_err(e.to_string()))
    }

    /// The dossier of every stored document.
    fn dossier(&self, py: Python<'_>) -> PyResult<Dossier> {
        let path = self.path.clone();
        // The store's connection stays on the thread that opens it, without the GIL.
        let built = py.detach(move || {
            let store = parallax_store::Store::open(&path).map_err(|e| e.to_string())?;
            let corpus = store.all().map_err(|e| e.to_string())?;
            let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
            Ok::<_, String>(Dossier {
                dossier,
                analyses: corpus.into_iter().map(|(_, a)| a).collect(),
            })
        });
        built.map_err(|e| {
            ParallaxError::new_err(format!("cannot read store {}: {e}", self.path.display()))
        })
    }

    #[getter]
    fn path(&self) -> String {
        self.path.display().to_string()
    }

    fn __repr__(&self) -> String {
        format!("<parallax.Store {}>", self.path.display())
    }
}

fn open(path: &std::path::Path) -> PyResult<parallax_store::Store> {
    parallax_store::Store::open(path)
        .map_err(|e| ParallaxError::new_err(format!("cannot open store {}: {e}", path.display())))
}

/// A string column's values, whichever string layout it has.
fn strings(array: &ArrayRef) -> Option<Vec<Option<&str>>> {
    let values = match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().collect(),
        DataType::Utf8View => array.as_string_view().iter().collect(),
        _ => return None,
    };
    Some(values)
}

/// A column's values as JSON, for the columns a record can hold: strings, and lists of
/// strings (authors; BASIL's paragraphs). Other columns are not article fields.
fn json_values(array: &ArrayRef) -> Option<Vec<Option<serde_json::Value>>> {
    if let Some(values) = strings(array) {
        return Some(values.into_iter().map(|v| v.map(Into::into)).collect());
    }
    let list = |row: Option<ArrayRef>| -> Option<serde_json::Value> {
        let row = row?;
        let items = strings(&row)?;
        Some(items.into_iter().flatten().collect::<Vec<_>>().into())
    };
    match array.data_type() {
        DataType::List(_) => Some(array.as_list::<i32>().iter().map(list).collect()),
        DataType::LargeList(_) => Some(array.as_list::<i64>().iter().map(list).collect()),
        _ => None,
    }
}

/// The output schema of `analyze_batch`.
fn batch_schema() -> Arc<Schema> {
    let s = |name| Field::new(name, DataType::Utf8, true);
    let i = |name| Field::new(name, DataType::Int64, true);
    Arc::new(Schema::new(vec![
        s("doc_id"),
        s("source"),
        s("pipeline_version"),
        i("sentences"),
        i("mentions"),
        i("quotes"),
        i("figures"),
        i("times"),
        // The publication instant the cross-document stages order by (seconds, UTC).
        i("published_seconds"),
        s("document"),
        s("analysis"),
        s("error"),
    ]))
}

/// Runs the per-article analysis over a record batch of articles, on this thread. Each row
/// is read as the JSON record ingest reads from a file (its string and list-of-string
/// columns), with `fields` (`PIECE=NAME`, as `--field`) naming non-default columns.
#[pyfunction]
#[pyo3(signature = (batch, fields=Vec::new()))]
fn analyze_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    fields: Vec<String>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let batch = batch.0;
    let names = parallax_ingest::FieldNames::parse(&fields)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let schema = batch.schema();
    let columns: Vec<(&str, Vec<Option<serde_json::Value>>)> = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .filter_map(|(field, array)| Some((field.name().as_str(), json_values(array)?)))
        .collect();
    let text_names: Vec<&str> = names.names(parallax_ingest::Field::Text).collect();
    if !columns.iter().any(|(name, _)| text_names.contains(name)) {
        return Err(PyKeyError::new_err(format!(
            "the batch has no text column (tried {}; name another with fields=['text=NAME'])",
            text_names.join(", ")
        )));
    }
    // The label naming a row in errors: its `source` column, else its position.
    let label = |row: usize| -> String {
        columns
            .iter()
            .find(|(name, _)| *name == "source")
            .and_then(|(_, values)| values[row].as_ref()?.as_str().map(str::to_string))
            .unwrap_or_else(|| format!("batch row {row}"))
    };
    let rows: Vec<(String, Result<Document, String>)> = (0..batch.num_rows())
        .map(|row| {
            let object: serde_json::Map<String, serde_json::Value> = columns
                .iter()
                .filter_map(|(name, values)| Some((name.to_string(), values[row].clone()?)))
                .collect();
            let label = label(row);
            let document = parallax_ingest::article(&serde_json::Value::Object(object), &names)
                .map(|a| {
                    parallax_ingest::record_document(
                        a,
                        label.clone(),
                        &parallax_ingest::Manifest::default(),
                    )
                })
                .map_err(|e| e.to_string());
            (label, document)
        })
        .collect();
    let out = py.detach(|| analyze_rows(rows));
    out.map(PyArrowType)
        .map_err(|e| ParallaxError::new_err(e.to_string()))
}

/// The analysis of each row (in the pipeline's batches, on this thread) as `batch_schema`.
fn analyze_rows(
    rows: Vec<(String, Result<Document, String>)>,
) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let documents: Vec<&Document> = rows.iter().filter_map(|(_, d)| d.as_ref().ok()).collect();
    let mut analyses = Vec::with_capacity(documents.len());
    for chunk in documents.chunks(parallax_pipeline::BATCH) {
        analyses.extend(parallax_pipeline::analyze_batch(chunk));
    }
    let mut analyses = analyses.into_iter();
    let mut strings: Vec<StringBuilder> = (0..3).map(|_| StringBuilder::new()).collect();
    let (mut document_json, mut analysis_json, mut errors) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut counts: Vec<Int64Builder> = (0..6).map(|_| Int64Builder::new()).collect();
    for (label, document) in &rows {
        match document {
            Ok(doc) => {
                let analysis = analyses.next().unwrap_or_default();
                strings[0].append_value(&doc.id);
                strings[1].append_value(&doc.source);
                strings[2].append_value(&analysis.pipeline_version);
                for (builder, n) in counts.iter_mut().zip([
                    analysis.segmentation.sentences.len(),
                    analysis.mentions.len(),
                    analysis.quotes.len(),
                    analysis.figures.len(),
                    analysis.times.len(),
                ]) {
                    builder.append_value(n as i64);
                }
                counts[5].append_option(doc.published_instant());
                document_json.append_value(serde_json::to_string(doc).unwrap_or_default());
                analysis_json.append_value(serde_json::to_string(&analysis).unwrap_or_default());
                errors.append_null();
            }
            Err(reason) => {
                strings[0].append_null();
                strings[1].append_value(label);
                strings[2].append_null();
                counts.iter_mut().for_each(|b| b.append_null());
                document_json.append_null();
                analysis_json.append_null();
                errors.append_value(reason);
            }
        }
    }
    let mut columns: Vec<ArrayRef> = strings
        .iter_mut()
        .map(|b| Arc::new(b.finish()) as ArrayRef)
        .collect();
    columns.extend(counts.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
    columns.push(Arc::new(document_json.finish()));
    columns.push(Arc::new(analysis_json.finish()));
    columns.push(Arc::new(errors.finish()));
    RecordBatch::try_new(batch_schema(), columns)
}

/// The stored pairs of a batch with `document` and `analysis` JSON columns (as
/// `analyze_batch` writes them), with the row each came from; rows whose document failed
/// (null `document`) are left out.
fn stored_pairs(batch: &RecordBatch) -> PyResult<Vec<(usize, Document, Analysis)>> {
    let schema = batch.schema();
    let column = |name: &str| -> PyResult<Vec<Option<&str>>> {
        let index = schema.index_of(name).map_err(|_| {
            PyKeyError::new_err(format!(
                "the batch has no {name:?} column (as analyze_batch writes it)"
            ))
        })?;
        strings(batch.column(index))
            .ok_or_else(|| PyValueError::new_err(format!("column {name:?} is not a string column")))
    };
    let (documents, analyses) = (column("document")?, column("analysis")?);
    let mut out = Vec::with_capacity(batch.num_rows());
    for (row, (document, analysis)) in documents.into_iter().zip(analyses).enumerate() {
        let (Some(document), Some(analysis)) = (document, analysis) else {
            continue;
        };
        let document: Document = serde_json::from_str(document)
            .map_err(|e| PyValueError::new_err(format!("row {row}: document: {e}")))?;
        let analysis: Analysis = serde_json::from_str(analysis)
            .map_err(|e| PyValueError::new_err(format!("row {row}: analysis: {e}")))?;
        out.push((row, document, analysis));
    }
    Ok(out)
}

/// A batch of `doc_id` and one integer column named `name`.
fn doc_values(
    mut ids: StringBuilder,
    mut values: Int64Builder,
    name: &str,
) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let schema = Arc::new(Schema::new(vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new(name, DataType::Int64, false),
    ]));
    RecordBatch::try_new(
        schema,
        vec![Arc::new(ids.finish()), Arc::new(values.finish())],
    )
}

/// The keys each article counts in the story clusterer's document frequencies (a batch as
/// `analyze_batch` writes it): one row per `doc_id` and `key` (the 64-bit hash, as a signed
/// integer). A distributed run sums them by window to seed each window's clusterer.
#[pyfunction]
fn story_keys_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let pairs = stored_pairs(&batch.0)?;
    let out = py.detach(|| {
        let (mut ids, mut keys) = (StringBuilder::new(), Int64Builder::new());
        for (_, doc, analysis) in &pairs {
            let features = parallax_crossdoc::stories::features(doc, analysis);
            for key in parallax_crossdoc::stories::df_keys(&features) {
                ids.append_value(&doc.id);
                keys.append_value(key as i64);
            }
        }
        doc_values(ids, keys, "key")
    });
    out.map(PyArrowType)
        .map_err(|e| ParallaxError::new_err(e.to_string()))
}

/// Clusters the articles of one partition (a batch as `analyze_batch` writes it) into
/// stories with the one-process clusterer; returns `doc_id` and `story`, the story's number
/// within this batch (`s1` is 1). `prior` (columns `key`, `df`: keys as `story_keys_batch`
/// gives them) and `prior_documents` resume the stream after that many earlier articles.
#[pyfunction]
#[pyo3(signature = (batch, prior=None, prior_documents=0))]
fn stories_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    prior: Option<PyArrowType<RecordBatch>>,
    prior_documents: usize,
) -> PyResult<PyArrowType<RecordBatch>> {
    let pairs = stored_pairs(&batch.0)?;
    let mut df: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    if let Some(PyArrowType(prior)) = prior {
        let column = |name: &str| -> PyResult<Vec<i64>> {
            let index = prior.schema().index_of(name).map_err(|_| {
                PyKeyError::new_err(format!("the prior batch has no {name:?} column"))
            })?;
            let values = prior
                .column(index)
                .as_primitive_opt::<arrow_array::types::Int64Type>()
                .ok_or_else(|| PyValueError::new_err(format!("prior {name:?} is not int64")))?;
            Ok(values.iter().map(Option::unwrap_or_default).collect())
        };
        for (key, count) in column("key")?.into_iter().zip(column("df")?) {
            df.insert(key as u64, u32::try_from(count.max(0)).unwrap_or(u32::MAX));
        }
    }
    let out = py.detach(|| {
        let refs: Vec<(&Document, &Analysis)> = pairs.iter().map(|(_, d, a)| (d, a)).collect();
        let index = parallax_crossdoc::stories::StoryIndex::seeded(
            parallax_crossdoc::stories::StoryConfig::default(),
            prior_documents,
            df,
        );
        let stories = parallax_crossdoc::stories::stories_after(&refs, index);
        let (mut ids, mut numbers) = (StringBuilder::new(), Int64Builder::new());
        for (n, story) in stories.iter().enumerate() {
            for doc in &story.documents {
                ids.append_value(doc);
                numbers.append_value(n as i64 + 1);
            }
        }
        doc_values(ids, numbers, "story")
    });
    out.map(PyArrowType)
        .map_err(|e| ParallaxError::new_err(e.to_string()))
}

/// Builds the dossier of stored analyses (a batch as `analyze_batch` writes it). With
/// `story_column`, that string column gives each article's story and the clusterer does
/// not run: a distributed run builds each story's dossier this way.
#[pyfunction]
#[pyo3(signature = (batch, story_column=None))]
fn dossier_of_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    story_column: Option<&str>,
) -> PyResult<Dossier> {
    let batch = batch.0;
    let pairs = stored_pairs(&batch)?;
    let keys: Option<Vec<String>> = match story_column {
        None => None,
        Some(name) => {
            let index = batch
                .schema()
                .index_of(name)
                .map_err(|_| PyKeyError::new_err(format!("the batch has no {name:?} column")))?;
            let values = strings(batch.column(index)).ok_or_else(|| {
                PyValueError::new_err(format!("column {name:?} is not a string column"))
            })?;
            Some(
                pairs
                    .iter()
                    .map(|(row, _, _)| values[*row].unwrap_or_default().to_string())
                    .collect(),
            )
        }
    };
    Ok(py.detach(|| {
        let corpus: Vec<(Document, Analysis)> = pairs.into_iter().map(|(_, d, a)| (d, a)).collect();
        let dossier = match &keys {
            Some(keys) => parallax_crossdoc::build_dossier_in_stories(&corpus, &[], keys),
            None => parallax_crossdoc::build_dossier(&corpus, &[]),
        };
        Dossier {
            dossier,
            analyses: corpus.into_iter().map(|(_, a)| a).collect(),
        }
    }))
}

#[pymodule]
fn _parallax(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParallaxError", m.py().get_type::<ParallaxError>())?;
    m.add("PIPELINE_VERSION", parallax_pipeline::PIPELINE_VERSION)?;
    m.add(
        "TABLES",
        parallax_export::TABLES
            .iter()
            .map(|t| t.schema().name)
            .collect::<Vec<_>>(),
    )?;
    m.add_class::<Dossier>()?;
    m.add_class::<Store>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add_function(wrap_pyfunction!(story_keys_batch, m)?)?;
    m.add_function(wrap_pyfunction!(stories_batch, m)?)?;
    m.add_function(wrap_pyfunction!(dossier_of_batch, m)?)?;
    Ok(())
}
