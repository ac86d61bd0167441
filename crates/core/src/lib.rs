//! The Parallax data model, shared by every stage of the pipeline.
//!
//! This crate owns the vocabulary of the whole system — documents, byte spans, per-document
//! annotation layers and the cross-source dossier — and nothing else: it performs no I/O and
//! depends on no other Parallax crate. Every annotation refers to its document by id and to
//! its evidence by a [`Span`] of byte offsets into the document's unchanged `text`.
//!
//! # Example
//!
//! A document is its unchanged text; every annotation points into it by byte span.
//!
//! ```
//! use parallax_core::{Document, Span};
//!
//! let doc = Document::new("d1", "Russia sent 2,000 troops.", "example.txt");
//! let figure = Span::new(12, 17);
//! assert_eq!(figure.slice(&doc.text)?, "2,000");
//! // A span that does not fall on the text is an error, not a panic.
//! assert!(Span::new(12, 99).slice(&doc.text).is_err());
//! # Ok::<(), parallax_core::SpanError>(())
//! ```

pub mod analysis;
pub mod calendar;
pub mod diagnostic;
pub mod document;
pub mod dossier;
pub mod event;
pub mod function_words;
pub mod instant;
pub mod modifiers;
pub mod names;
pub mod outlet_names;
pub mod span;
pub mod span_index;
pub mod text;
pub mod word_filter;

pub use analysis::*;
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, DocumentMeta};
pub use dossier::*;
pub use event::*;
pub use span::{Span, SpanError};
