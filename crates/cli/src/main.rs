//! The `parallax` command: a thin edge over the library crates.
//!
//! Exit codes: 0 success; 1 the command ran but failed (nothing could be analyzed, an eval
//! fell below its floor, a task has no annotator); 2 bad usage or unusable configuration
//! (clap's own code for usage errors, an unreadable manifest or store).

mod analyze;
mod bench;
mod eval;
mod export;
mod serve;
mod store;
mod summary;
mod train;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Cross-source news dossiers: who said what, which figures conflict, and where each item came from."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze articles and write the dossier (dossier.json) and the HTML report (report.html).
    Analyze(analyze::Args),
    /// Export the stored corpus's dossier as tables (JSON Lines, CSV, Parquet), GDELT-style rows,
    /// the dossier JSON or the report.
    Export(export::Args),
    /// Score an annotator against gold data, or check every figure against its floor.
    Eval(eval::Args),
    /// Time every stage over a corpus and report throughput and peak memory.
    Bench(bench::Args),
    /// Train a statistical model from gold data.
    Train(train::Args),
    /// Serve the web app and JSON API over the stored corpus.
    Serve(serve::Args),
    /// What a store holds; remove articles from it, or empty it.
    Store(store::Args),
}

/// What a command's outcome means for the process.
pub enum Outcome {
    Success,
    Failure,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Export(args) => export::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Train(args) => train::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Store(args) => store::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(error) => {
            eprintln!("parallax: error: {}", describe(&error));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes joined by ": ", without a cause whose text an outer message
/// already quotes (library errors name their source in their own message).
fn describe(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_already_quoted_are_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let error = anyhow::Error::new(io).context("cannot read gold.tsv: no such file");
        assert_eq!(describe(&error), "cannot read gold.tsv: no such file");
        let error = anyhow::anyhow!("disk full").context("cannot write dossier.json");
        assert_eq!(describe(&error), "cannot write dossier.json: disk full");
    }
}
