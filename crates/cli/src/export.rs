//! `parallax export`: the stored corpus's dossier in another format (tables as JSON Lines, CSV
//! or Parquet, GDELT-style rows, the dossier JSON, the report), for all articles or a
//! selection (`--story`, `--since`, `--until`). The formats are `parallax-export`'s.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use parallax_export::{Options, Partition, Selection, Source};
use parallax_store::Store;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Folder of the store written by `parallax analyze`.
    #[arg(long, default_value = "parallax-data")]
    store: PathBuf,
    /// Output format: jsonl, csv, parquet, gkg, events, dossier or report (see docs/export.md).
    #[arg(long)]
    format: String,
    /// Output folder.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    select: SelectArgs,
}

/// The selection and layout options `analyze --export` shares.
#[derive(clap::Args, Clone, Default)]
pub struct SelectArgs {
    /// Only the articles of this story (an id of the dossier's `stories`, e.g. s3).
    #[arg(long)]
    story: Option<String>,
    /// Only articles published on or after this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    since: Option<String>,
    /// Only articles published on or before this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    until: Option<String>,
    /// Parquet layout of the per-article tables: one file per table (none), one folder per
    /// publication day (day), or by day from 10,000 articles on (auto).
    #[arg(long, default_value = "auto", value_parser = ["auto", "day", "none"])]
    partition: String,
}

impl SelectArgs {
    fn selection(&self) -> Result<Selection> {
        for (flag, value) in [("--since", &self.since), ("--until", &self.until)] {
            if let Some(day) = value {
                if day.len() != 10 || parallax_core::instant::day_number(day).is_none() {
                    bail!("{flag} {day} is not a day written YYYY-MM-DD");
                }
            }
        }
        Ok(Selection {
            story: self.story.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
        })
    }

    fn options(&self) -> Options {
        Options {
            partition: match self.partition.as_str() {
                "day" => Partition::Day,
                "none" => Partition::None,
                _ => Partition::Auto,
            },
        }
    }
}

pub fn run(args: Args) -> Result<Outcome> {
    // Refuse a bad format or selection before reading the store.
    let format = parallax_export::format(&args.format)?;
    args.select.selection()?;
    if !args.store.join(parallax_store::DATABASE_FILE).exists() {
        bail!(
            "no store at {}: run `parallax analyze ARTICLES --store {}` first",
            args.store.display(),
            args.store.display()
        );
    }
    let store = Store::open(&args.store)
        .with_context(|| format!("cannot open store {}", args.store.display()))?;
    let corpus = store.all().context("cannot read the store")?;
    let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
    export(&dossier, &corpus, format.name(), &args.out, &args.select)
}

/// Writes `format` for the documents `select` picks from the dossier of `corpus`; shared with
/// `parallax analyze --export`.
pub fn export(
    dossier: &parallax_core::Dossier,
    corpus: &[(parallax_core::Document, parallax_core::Analysis)],
    format: &str,
    out: &Path,
    select: &SelectArgs,
) -> Result<Outcome> {
    let format = parallax_export::format(format)?;
    let selection = select.selection()?;
    let source = Source::new(dossier, corpus.iter().map(|(_, a)| a), &selection);
    if let Some(story) = &selection.story {
        if !dossier.stories.iter().any(|s| s.id == *story) {
            bail!(
                "no story {story} in the dossier ({} stories)",
                dossier.stories.len()
            );
        }
    }
    let files = format
        .write(&source, out, &select.options())
        .with_context(|| format!("cannot export {}", format.name()))?;
    eprintln!(
        "exported {} of {} articles as {}: {} files in {}",
        source.selected_count(),
        dossier.documents.len(),
        format.name(),
        files.len(),
        out.display()
    );
    Ok(if source.selected_count() == 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
