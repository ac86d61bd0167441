//! `parallax analyze`: ingest, analyze each article (reusing stored analyses), store, build the
//! dossier, write `dossier.json` and `report.html` (and any `--export` formats) through the
//! export formats of `parallax-export`; then say which store holds how many articles, and what
//! was skipped or not read, one line per reason.

use crate::export::{export, SelectArgs};
use crate::summary::{self, thousands};
use crate::Outcome;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_core::{Analysis, Document, SkippedInput};
use parallax_ingest::{FieldNames, Limits, Manifest};
use parallax_store::Store;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Documents stored per transaction: a crash loses at most this much finished work.
const STORE_BATCH: usize = 256;

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders of articles (.txt .md .html .htm .jsonl .warc .warc.gz); folders are read recursively.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output folder for dossier.json and report.html, or `-` for the dossier JSON on stdout.
    #[arg(long, default_value = "parallax-out")]
    out: PathBuf,
    /// Folder of the embedded store that keeps analyses between runs.
    #[arg(long, default_value = "parallax-data")]
    store: PathBuf,
    /// CSV or JSON Lines file giving metadata (outlet, published, title, url) per path or url.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Do not show progress.
    #[arg(short, long)]
    quiet: bool,
    /// Exit non-zero when any input was skipped.
    #[arg(long)]
    strict: bool,
    /// Also write this export format into the output folder (jsonl, csv, parquet, gkg, events;
    /// see docs/export.md); may be given several times.
    #[arg(long = "export", value_name = "FORMAT")]
    exports: Vec<String>,
    /// Which field of a JSON record (or manifest column) holds a piece of an article, when it
    /// is not one of the usual names: `--field text=content_original --field published=date`
    /// (pieces: text, title, published, outlet, url, authors, path). Repeatable.
    #[arg(long = "field", value_name = "PIECE=NAME")]
    fields: Vec<String>,
    /// What to do with an article in another language than English: `analyze` segments and
    /// stores it without the English-only annotators (a warning names them), `skip` leaves it
    /// out.
    #[arg(long, value_enum, default_value_t = OtherLanguages::Analyze)]
    other_languages: OtherLanguages,
    /// List every skipped input, not one line per reason.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OtherLanguages {
    Analyze,
    Skip,
}

pub fn run(args: Args) -> Result<Outcome> {
    let fields = FieldNames::parse(&args.fields)?;
    if args.out.as_os_str() == "-" && !args.exports.is_empty() {
        anyhow::bail!("--export writes files: give an output folder with --out");
    }
    for format in &args.exports {
        parallax_export::format(format)?;
    }
    let manifest = match &args.manifest {
        Some(path) => Manifest::load_with(path, fields)
            .with_context(|| format!("cannot use manifest {}", path.display()))?,
        None => Manifest::with_fields(fields),
    };
    let found = parallax_ingest::discover_inputs(&args.paths);
    // The manifest describes the articles; it is not one, wherever it sits.
    let is_manifest = |source: &std::path::Path| {
        args.manifest
            .as_ref()
            .is_some_and(|m| std::fs::canonicalize(m).ok() == std::fs::canonicalize(source).ok())
    };
    let files: Vec<PathBuf> = found
        .files
        .into_iter()
        .filter(|f| !is_manifest(f))
        .collect();
    let not_read: Vec<SkippedInput> = found
        .not_read
        .into_iter()
        .filter(|s| !is_manifest(std::path::Path::new(&s.source)))
        .collect();
    let mut skipped = found.skipped;
    skipped.extend(manifest.problems().iter().cloned());
    skipped.extend(manifest.unmatched(&files));
    let limits = Limits::default();
    let outcomes: Vec<_> = files
        .par_iter()
        .map(|f| parallax_ingest::read_file(f, &manifest, &limits))
        .collect();
    let mut documents: Vec<Document> = Vec::new();
    let mut seen = HashSet::new();
    for outcome in outcomes {
        skipped.extend(outcome.skipped);
        for doc in outcome.documents {
            if seen.insert(doc.id.clone()) {
                documents.push(doc);
            } else {
                skipped.push(SkippedInput {
                    source: doc.source.clone(),
                    reason: format!("same text as an earlier input (document {})", doc.id),
                });
            }
        }
    }

    if args.other_languages == OtherLanguages::Skip {
        documents.retain(|doc| match parallax_pipeline::language::unsupported(&doc.text) {
            Some(language) => {
                skipped.push(SkippedInput {
                    source: doc.source.clone(),
                    reason: format!(
                        "in {} (detected): not analyzed, as --other-languages skip asks (the annotators read English only)",
                        language.name
                    ),
                });
                false
            }
            None => true,
        });
    }

    let mut store = Store::open(&args.store)
        .with_context(|| format!("cannot open store {}", args.store.display()))?;
    let progress = progress_bar(documents.len() as u64, args.quiet);
    let mut corpus: Vec<(Document, Analysis)> = Vec::with_capacity(documents.len());
    let mut reused = 0;
    for chunk in documents.chunks(STORE_BATCH) {
        let mut fresh = Vec::new();
        let mut results = Vec::with_capacity(chunk.len());
        for doc in chunk {
            // An analysis cut short by its time budget is tried again.
            match store
                .reusable_analysis(doc, parallax_pipeline::PIPELINE_VERSION)?
                .filter(|a| !parallax_pipeline::stopped_by_budget(a))
            {
                Some(analysis) => {
                    reused += 1;
                    progress.inc(1);
                    results.push(Some(analysis));
                }
                None => {
                    fresh.push(doc);
                    results.push(None);
                }
            }
        }
        // Each thread takes a batch and runs it stage by stage (warm caches).
        let analyzed: Vec<Analysis> = fresh
            .par_chunks(parallax_pipeline::BATCH)
            .flat_map_iter(|batch| {
                let analyses = parallax_pipeline::analyze_batch(batch);
                progress.inc(batch.len() as u64);
                analyses
            })
            .collect();
        let new_items: Vec<(Document, Analysis)> =
            fresh.iter().map(|d| (*d).clone()).zip(analyzed).collect();
        store.put(&new_items).context("cannot write to the store")?;
        let mut new_iter = new_items.into_iter();
        for (doc, result) in chunk.iter().zip(results) {
            match result {
                Some(analysis) => corpus.push((doc.clone(), analysis)),
                None => corpus.extend(new_iter.next()),
            }
        }
    }
    progress.finish_and_clear();
    store
        .compact_search(corpus.len() - reused)
        .context("cannot merge the search index")?;

    let dossier = parallax_crossdoc::build_dossier(&corpus, &skipped);
    let keep_previous = corpus.is_empty() && args.out.as_os_str() != "-";
    if args.out.as_os_str() == "-" {
        println!("{}", serde_json::to_string_pretty(&dossier)?);
    } else if keep_previous {
        // A run that analyzed nothing (every input bad or missing) must not replace a good
        // dossier with an empty one.
        eprintln!(
            "nothing was analyzed: {} left as it was",
            args.out.display()
        );
    } else {
        let quiet = SelectArgs::default();
        for format in ["dossier", "report"] {
            write_format(&dossier, &corpus, format, &args.out)?;
        }
        for format in &args.exports {
            export(&dossier, &corpus, format, &args.out, &quiet)?;
        }
    }

    let outlets: HashSet<&str> = corpus
        .iter()
        .filter_map(|(d, _)| d.meta.outlet.as_deref())
        .collect();
    if !args.quiet || !skipped.is_empty() {
        eprintln!(
            "analyzed {} articles from {} outlets ({} reused from the store {}); {} entities, {} quotes, {} figures, {} dates",
            corpus.len(),
            outlets.len(),
            reused,
            args.store.display(),
            dossier.entities.len(),
            dossier.quotes.len(),
            dossier.figures.len(),
            dossier.times.len()
        );
    }
    if args.out.as_os_str() != "-" && !args.quiet && !keep_previous {
        eprintln!(
            "wrote {} and {}",
            args.out.join("dossier.json").display(),
            args.out.join("report.html").display()
        );
    }
    if !args.quiet {
        let held = store.len().context("cannot count the store's articles")?;
        let earlier = held.saturating_sub(corpus.len());
        eprintln!(
            "store {} holds {} articles{}",
            args.store.display(),
            thousands(held),
            if earlier > 0 {
                format!(
                    ", {} of them from earlier runs: `parallax serve --store {}` shows them all (give --store another folder to keep a corpus apart)",
                    thousands(earlier),
                    args.store.display()
                )
            } else {
                String::new()
            }
        );
    }
    let heading = format!(
        "skipped {} inputs (all listed in the dossier's `skipped`)",
        thousands(skipped.len())
    );
    if args.verbose && !skipped.is_empty() {
        eprintln!("{heading}:");
        for s in &skipped {
            eprintln!("  {}: {}", s.source, s.reason);
        }
    } else {
        for line in summary::lines(&heading, &skipped) {
            eprintln!("{line}");
        }
    }
    if !args.quiet {
        let heading = format!(
            "not read: {} files in the folders",
            thousands(not_read.len())
        );
        for line in summary::lines(&heading, &not_read) {
            eprintln!("{line}");
        }
    }
    let failed = corpus.is_empty() || (args.strict && !skipped.is_empty());
    Ok(if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// Writes one of the outputs every run makes (the dossier JSON, the report) for every document.
fn write_format(
    dossier: &parallax_core::Dossier,
    corpus: &[(Document, Analysis)],
    format: &str,
    out: &std::path::Path,
) -> Result<()> {
    let source = parallax_export::Source::new(
        dossier,
        corpus.iter().map(|(_, a)| a),
        &parallax_export::Selection::default(),
    );
    parallax_export::format(format)?
        .write(&source, out, &parallax_export::Options::default())
        .with_context(|| format!("cannot write the {format} into {}", out.display()))?;
    Ok(())
}

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} analyzing {pos}/{len} articles [{bar:30}] {per_sec} eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}
