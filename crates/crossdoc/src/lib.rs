//! Cross-document stages: they read stored per-document analyses and build the dossier.
//!
//! - [`names`] folds names into matching keys (case, accents, honorifics, transliteration,
//!   nicknames, legal forms, aliases), with the word lists of `lists` (`data/*.txt`).
//! - [`resolve`] merges each document's local entities into corpus-wide entities.
//! - [`assemble`] builds the [`Dossier`](parallax_core::Dossier) with every item's evidence,
//!   then links the cross-source layers:
//! - [`stories`] groups articles into stories, streaming, with an inverted index;
//! - [`postings`] bounds the pairs compared per posting list of an inverted index;
//! - [`reuse`] finds passages shared between outlets and their likely origin;
//! - [`quote_groups`] aligns the same statement across articles;
//! - [`claims`] reconciles figures about the same thing across outlets;
//! - [`events`] merges each article's coded events into events reported across outlets;
//! - [`disputes`] pairs statements with the other side's denials of them;
//! - [`timeline`] orders dated items per story;
//! - [`places`] gathers each story's geocoded place mentions by place, across outlets;
//! - [`outlets`] profiles each outlet's exclusive claims, omissions and opinion share.
//!
//! Nothing here touches disk; the CLI hands in what the store holds.
//!
//! # Example
//!
//! Two outlets' articles become one dossier, with the person they both name as one entity.
//!
//! ```
//! use parallax_core::Document;
//!
//! let article = |id: &str, outlet: &str, text: &str| {
//!     let mut doc = Document::new(id, text, format!("{id}.txt"));
//!     doc.meta.outlet = Some(outlet.into());
//!     doc.meta.published = Some("2024-03-07".into());
//!     let analysis = parallax_pipeline::analyze(&doc);
//!     (doc, analysis)
//! };
//! let corpus = [
//!     article("a", "Wire", "Mayor Anna Ivanova said 15 people were killed in Gori."),
//!     article("b", "Herald", "Ivanova, the mayor, said 17 people were killed in Gori."),
//! ];
//! let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
//! let ivanova: Vec<_> = dossier.entities.iter().filter(|e| e.name.contains("Ivanova")).collect();
//! assert_eq!(ivanova.len(), 1);
//! assert_eq!(dossier.documents.len(), 2);
//! ```

pub mod assemble;
pub mod claims;
pub mod disputes;
pub mod events;
mod lists;
pub mod names;
pub mod outlets;
pub mod places;
pub mod postings;
pub mod quote_groups;
pub mod resolve;
pub mod reuse;
pub mod stories;
pub mod timeline;
pub mod wordlists;
pub mod words;

pub use assemble::{build_dossier, build_dossier_in_stories, build_dossier_timed, CrossdocTimes};
