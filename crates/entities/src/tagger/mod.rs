//! The statistical name tagger: features, model, decoding, training and the model file.
//!
//! The committed model (`crates/entities/model/ner.bin.gz`) is compiled into the crate and
//! decoded once, on first use; a model that cannot be decoded yields a diagnostic from
//! [`model`] instead of a panic.

mod codec;
mod features;
mod hashing;
mod model;
mod row_index;
pub mod tags;
mod train;

pub use codec::{decode, encode, ModelError};
pub use model::Model;
pub use tags::{spans_of_bio, Class, TokenSpan};
pub use train::{train, TrainOptions, TrainingDocument, TrainingSentence};

use std::sync::LazyLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin.gz");

static MODEL: LazyLock<Result<Model, ModelError>> = LazyLock::new(|| decode(MODEL_BYTES));

/// The committed model, or why it could not be loaded.
pub fn model() -> Result<&'static Model, &'static ModelError> {
    MODEL.as_ref()
}

#[cfg(test)]
mod speed;
