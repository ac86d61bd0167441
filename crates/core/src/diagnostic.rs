//! Diagnostics: what a stage could not read or decide, recorded instead of failing.
//!
//! Per-document stages cannot fail; anything they could not do becomes a diagnostic that
//! travels with the document into the dossier, so a user sees what was skipped and why.

use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: a choice the pipeline made that a reader may want to know about.
    Info,
    /// Part of the input could not be used; the rest was.
    Warning,
    /// The input could not be used at all.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stage that raised it, e.g. `ingest`, `quotes`.
    pub stage: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn new(severity: Severity, stage: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            stage: stage.to_string(),
            message: message.into(),
            span: None,
        }
    }

    pub fn info(stage: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, stage, message)
    }

    pub fn warning(stage: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, stage, message)
    }

    pub fn error(stage: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, stage, message)
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}
