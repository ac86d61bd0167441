//! Evaluation of every annotator against public gold data, and training of the statistical
//! models from it.
//!
//! Each task (`ner`, `timex`, `quotes`, …) has a reader for its gold format in [`formats`], a
//! runner in [`tasks`] that runs the matching annotator and scores it with the task's standard
//! metrics from [`metrics`], and returns an [`EvalReport`] whose metric names are stable keys.
//!
//! # Example
//!
//! Each task returns an [`EvalReport`] whose metric names are stable keys; the scoring itself is
//! in [`metrics`].
//!
//! ```
//! use parallax_eval::metrics::Counts;
//!
//! let counts = Counts { tp: 8, fp: 2, fn_: 2 };
//! assert_eq!((counts.precision(), counts.recall()), (0.8, 0.8));
//! assert!((counts.f1() - 0.8).abs() < 1e-12);
//! ```

pub mod formats;
pub mod metrics;
pub mod report;
pub mod tasks;
pub mod train;

pub use report::EvalReport;

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("no annotator for task `{0}` exists yet; nothing was scored")]
    NotImplemented(String),
    #[error("unknown task `{0}`; known tasks: {known}", known = tasks::TASKS.join(", "))]
    UnknownTask(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error("{0}")]
    Other(String),
}

impl EvalError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn format(path: &Path, message: impl Into<String>) -> Self {
        EvalError::Format {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}

/// Which half of a gold set an item belongs to, for sets scored by halves: `Dev` is looked at
/// while tuning, `Test` is held and read once per finished change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    Dev,
    Test,
}

impl Split {
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

/// 64-bit FNV-1a hash of a string: the fixed seed of the splits made for gold sets that ship
/// without one, stable across runs, platforms and Rust versions (unlike `std`'s hasher).
pub(crate) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The files of folder `dir` (not its subfolders) whose extension is `extension`, sorted.
pub(crate) fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads a whole file as UTF-8 (a leading BOM removed), naming the file on failure.
pub fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::io(path, e))?;
    let text =
        String::from_utf8(bytes).map_err(|e| EvalError::format(path, format!("not UTF-8: {e}")))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Runs the evaluation of `task` on the gold data at `gold` (a file, or a dataset folder whose
/// standard evaluation split is then used), scoring at most `limit` items when given.
pub fn run(task: &str, gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    tasks::run(task, gold, limit)
}
