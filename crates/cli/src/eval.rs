//! `parallax eval TASK GOLD` scores one annotator; `parallax eval --floors FILE` runs every
//! evaluation listed in the floors file whose data exists and fails when a figure falls below
//! its floor (this is what CI runs).

use crate::Outcome;
use anyhow::{bail, Context, Result};
use parallax_eval::{EvalError, EvalReport};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Task: ner, timex, quotes, numbers, subjectivity, extract, stories, reuse, events, coref,
    /// coverage.
    task: Option<String>,
    /// Gold data: a file, or a dataset folder (its standard evaluation split is used). For
    /// `coverage`, the data folder holding the articles (default ../shared/data).
    gold: Option<PathBuf>,
    /// Print one JSON object with stable metric keys instead of a table.
    #[arg(long)]
    json: bool,
    /// Score at most this many gold items.
    #[arg(long)]
    limit: Option<usize>,
    /// Check every figure in this floors file (e.g. eval/floors.toml) instead of one task.
    #[arg(long, conflicts_with_all = ["task", "gold"])]
    floors: Option<PathBuf>,
    /// Folder holding the datasets named in the floors file.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// coverage: the stories to score (dev, the default; test, read once per finished
    /// change; or all). extract on trafilatura-eval: the pages to score (all, the default and
    /// the floor's figure; dev, the half to tune on; test, the held half, read once per
    /// finished change).
    #[arg(long, value_parser = ["dev", "test", "all"])]
    split: Option<String>,
    /// coverage: also list every miss with its sentence. extract on trafilatura-eval: also
    /// list every page with missed `with` and leaked `without` snippets (with --json, and the
    /// text extracted).
    #[arg(long)]
    errors: bool,
}

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(floors) = &args.floors {
        return check_floors(floors, &args.data, args.json);
    }
    if args.task.as_deref() == Some("coverage") {
        return coverage(&args);
    }
    if args.split.is_some() || args.errors {
        if let (Some("extract"), Some(gold)) = (args.task.as_deref(), &args.gold) {
            if parallax_eval::formats::trafilatura::is_benchmark(gold) {
                return extract_snippets(&args, gold);
            }
        }
        bail!(
            "--split and --errors are options of `parallax eval coverage` and of \
             `parallax eval extract` on trafilatura's benchmark only"
        );
    }
    let (Some(task), Some(gold)) = (&args.task, &args.gold) else {
        bail!("give a TASK and a GOLD path, or --floors FILE (see `parallax eval --help`)");
    };
    match parallax_eval::run(task, gold, args.limit) {
        Ok(report) => {
            if args.json {
                println!("{}", serde_json::to_string(&report)?);
            } else {
                print!("{}", report.table());
            }
            Ok(Outcome::Success)
        }
        Err(error @ EvalError::NotImplemented(_)) => {
            eprintln!("parallax: {error}");
            Ok(Outcome::Failure)
        }
        Err(error) => Err(error.into()),
    }
}

/// `parallax eval coverage [DATA] [--split dev|test|all] [--errors]`.
fn coverage(args: &Args) -> Result<Outcome> {
    use parallax_eval::tasks::coverage;
    let data = args.gold.clone().unwrap_or_else(|| args.data.clone());
    let options = coverage::Options {
        split: split_option(args.split.as_deref(), Some(parallax_eval::Split::Dev)),
        limit: args.limit,
    };
    let outcome = coverage::evaluate(&data, &coverage::gold_dir(), &options)?;
    if args.json {
        let mut value = serde_json::to_value(&outcome.report)?;
        if args.errors {
            value["errors"] = serde_json::to_value(&outcome.misses)?;
        }
        println!("{value}");
    } else {
        print!("{}", outcome.report.table());
        if args.errors {
            for m in &outcome.misses {
                println!(
                    "\n[{}] {} · {}\n  words:    {}\n  expected: {}\n  got:      {}\n  sentence: {}",
                    m.kind, m.story, m.article, m.words, m.expected, m.got, m.sentence
                );
            }
        }
    }
    Ok(Outcome::Success)
}

/// `parallax eval extract TRAFILATURA-EVAL [--split dev|test|all] [--errors]`.
fn extract_snippets(args: &Args, gold: &Path) -> Result<Outcome> {
    use parallax_eval::tasks::extract;
    let options = extract::SnippetOptions {
        split: split_option(args.split.as_deref(), None),
        limit: args.limit,
    };
    let (report, misses) = extract::snippets(gold, &options)?;
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if args.errors {
            value["errors"] = serde_json::to_value(&misses)?;
        }
        println!("{value}");
    } else {
        print!("{}", report.table());
        if args.errors {
            for m in &misses {
                println!("\n{} · {}", m.file, m.url);
                for s in &m.missed {
                    println!("  missed: {s}");
                }
                for s in &m.leaked {
                    println!("  leaked: {s}");
                }
            }
        }
    }
    Ok(Outcome::Success)
}

/// The split named by `--split`, `default` when none is given (`all` is `None`).
fn split_option(
    name: Option<&str>,
    default: Option<parallax_eval::Split>,
) -> Option<parallax_eval::Split> {
    use parallax_eval::Split;
    match name {
        Some("dev") => Some(Split::Dev),
        Some("test") => Some(Split::Test),
        Some(_) => None,
        None => default,
    }
}

#[derive(Deserialize)]
struct FloorsFile {
    floor: Vec<Floor>,
}

/// A figure's floor (`min`), or for a count of errors its ceiling (`max`).
#[derive(Deserialize)]
struct Floor {
    task: String,
    dataset: String,
    metric: String,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
}

impl Floor {
    fn holds(&self, value: f64) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }

    /// The bound as shown: `0.8850`, or `<= 16` for a ceiling.
    fn bound(&self) -> String {
        match (self.min, self.max) {
            (Some(min), _) => format!("{min:.4}"),
            (None, Some(max)) => format!("<= {max}"),
            (None, None) => "-".into(),
        }
    }
}

fn check_floors(path: &Path, data: &Path, json: bool) -> Result<Outcome> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: FloorsFile =
        toml::from_str(&text).with_context(|| format!("cannot parse {}", path.display()))?;
    let mut reports: BTreeMap<(String, String), Result<EvalReport, String>> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut failed = false;
    if let Some(f) = file
        .floor
        .iter()
        .find(|f| f.min.is_none() && f.max.is_none())
    {
        bail!(
            "{}: the floor of {} {} {} gives neither `min` nor `max`",
            path.display(),
            f.task,
            f.dataset,
            f.metric
        );
    }
    for floor in &file.floor {
        let gold = data.join(&floor.dataset);
        if !gold.exists() {
            rows.push((floor, None, "skipped: data absent".to_string()));
            continue;
        }
        let key = (floor.task.clone(), floor.dataset.clone());
        let report = reports.entry(key).or_insert_with(|| {
            let started = std::time::Instant::now();
            let result = parallax_eval::run(&floor.task, &gold, None).map_err(|e| e.to_string());
            eprintln!(
                "eval {} on {}: {:.1}s",
                floor.task,
                floor.dataset,
                started.elapsed().as_secs_f64()
            );
            result
        });
        match report {
            Ok(report) => match report.metrics.get(&floor.metric) {
                Some(&value) if floor.holds(value) => {
                    rows.push((floor, Some(value), "ok".to_string()))
                }
                Some(&value) => {
                    failed = true;
                    rows.push((floor, Some(value), "BELOW FLOOR".to_string()));
                }
                None => {
                    failed = true;
                    rows.push((floor, None, format!("no metric `{}`", floor.metric)));
                }
            },
            Err(error) => {
                failed = true;
                rows.push((floor, None, format!("FAILED: {error}")));
            }
        }
    }
    if json {
        let out: Vec<_> = rows
            .iter()
            .map(|(f, v, s)| serde_json::json!({"task": f.task, "dataset": f.dataset, "metric": f.metric, "floor": f.min, "ceiling": f.max, "value": v, "status": s}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!(
            "{:<13} {:<28} {:<20} {:>8} {:>8}  status",
            "task", "dataset", "metric", "value", "floor"
        );
        for (f, v, s) in &rows {
            let value = v.map(|v| format!("{v:.4}")).unwrap_or_else(|| "-".into());
            println!(
                "{:<13} {:<28} {:<20} {:>8} {:>8}  {}",
                f.task,
                f.dataset,
                f.metric,
                value,
                f.bound(),
                s
            );
        }
    }
    Ok(if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_floor_has_a_minimum_or_a_ceiling() {
        let file: FloorsFile = toml::from_str(
            "[[floor]]\ntask = \"t\"\ndataset = \"d\"\nmetric = \"f1\"\nmin = 0.5\n\
             [[floor]]\ntask = \"t\"\ndataset = \"d\"\nmetric = \"errors\"\nmax = 3\n",
        )
        .unwrap();
        let (floor, ceiling) = (&file.floor[0], &file.floor[1]);
        assert!(floor.holds(0.5) && !floor.holds(0.49));
        assert!(ceiling.holds(3.0) && !ceiling.holds(4.0));
        assert_eq!(
            (floor.bound(), ceiling.bound()),
            ("0.5000".into(), "<= 3".into())
        );
    }
}
