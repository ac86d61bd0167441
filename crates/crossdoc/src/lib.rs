//! Cross-document stages: they read stored per-document analyses and build the dossier.
//!
//! - [`names`] folds names into matching keys (case, accents, honorifics, transliteration).
//! - [`resolve`] merges each document's local entities into corpus-wide entities.
//! - [`assemble`] builds the [`Dossier`](parallax_core::Dossier) with every item's evidence.
//!
//! Nothing here touches disk; the CLI hands in what the store holds.

pub mod assemble;
pub mod names;
pub mod resolve;

pub use assemble::build_dossier;
