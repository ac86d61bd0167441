//! MEANTIME scoring (in progress).
use crate::{EvalError, EvalReport};
use std::path::Path;

pub fn run(_gold: &Path, _limit: Option<usize>) -> Result<EvalReport, EvalError> {
    Err(EvalError::NotImplemented("ner on MEANTIME".into()))
}
