//! `parallax train TASK TRAIN [--dev DEV] --out MODEL`.

use crate::Outcome;
use anyhow::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Model to train: `ner`, `subjectivity`, `quotes` (the cue classifier), `tone` (the
    /// target-dependent tone model, from the newsmtsc folder), `bias` (the loaded-terms
    /// lexicon, from basil-dev), `events` (the event type model, from the plover-gsr folder) or
    /// `geocode` (the geocoder's evidence weights; TRAIN is the geoparsing folder).
    task: String,
    /// Training data (a file, or the dataset folder).
    train: PathBuf,
    /// Development data, scored after training.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    let summary =
        parallax_eval::train::train(&args.task, &args.train, args.dev.as_deref(), &args.out)?;
    println!("{}", serde_json::to_string_pretty(&summary)?);
    Ok(Outcome::Success)
}
