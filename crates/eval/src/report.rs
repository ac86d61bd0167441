//! The result of one evaluation: stable metric keys, per-type breakdowns, a readable table.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvalReport {
    pub task: String,
    /// What was scored: a dataset name or a path.
    pub dataset: String,
    /// How many gold items (sentences, documents, cases) were scored.
    pub items: usize,
    /// Metric name to value; names are stable keys (`precision`, `f1`, `value_f1`, …).
    #[serde(flatten)]
    pub metrics: BTreeMap<String, f64>,
    /// Per type (entity type, class, model), metric name to value.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub per_type: BTreeMap<String, BTreeMap<String, f64>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl EvalReport {
    pub fn new(task: &str, dataset: impl Into<String>) -> Self {
        EvalReport {
            task: task.to_string(),
            dataset: dataset.into(),
            items: 0,
            metrics: BTreeMap::new(),
            per_type: BTreeMap::new(),
            notes: Vec::new(),
        }
    }

    pub fn metric(&mut self, name: &str, value: f64) -> &mut Self {
        self.metrics.insert(name.to_string(), value);
        self
    }

    pub fn type_metric(&mut self, kind: &str, name: &str, value: f64) -> &mut Self {
        self.per_type
            .entry(kind.to_string())
            .or_default()
            .insert(name.to_string(), value);
        self
    }

    /// A plain-text table for people.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "task {}  on {}  ({} items)",
            self.task, self.dataset, self.items
        );
        for (name, value) in &self.metrics {
            let _ = writeln!(out, "  {name:<22} {}", format_value(*value));
        }
        if !self.per_type.is_empty() {
            let columns: Vec<&String> = {
                let mut c: Vec<&String> = self.per_type.values().flat_map(|m| m.keys()).collect();
                c.sort();
                c.dedup();
                c
            };
            let _ = write!(out, "  {:<16}", "type");
            for c in &columns {
                let _ = write!(out, " {c:>10}");
            }
            out.push('\n');
            for (kind, metrics) in &self.per_type {
                let _ = write!(out, "  {kind:<16}");
                for c in &columns {
                    match metrics.get(*c) {
                        Some(v) => {
                            let _ = write!(out, " {:>10}", format_value(*v));
                        }
                        None => {
                            let _ = write!(out, " {:>10}", "-");
                        }
                    }
                }
                out.push('\n');
            }
        }
        for note in &self.notes {
            let _ = writeln!(out, "  note: {note}");
        }
        out
    }
}

fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() >= 1.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.4}")
    }
}
