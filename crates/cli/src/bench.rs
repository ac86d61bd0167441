//! `parallax bench [PATH...]`: times every stage over a real corpus on one core and reports
//! MB/s and articles/s per stage, total wall time and peak memory.
//!
//! Without paths it uses the article text of the news corpora in `--data` (AllSides' 1,300
//! articles from 29 outlets and ECB+'s 982 news documents), read directly from their JSON Lines.
//! The per-document stages run on one thread so the figures are per core, in batches as
//! `parallax analyze` runs them; a summary line gives the stage groups the speed targets name
//! (times and figures together, quotations, the framing stage).
//!
//! `--replicate N` times the cross-document stages, report and store on the analyzed corpus
//! [replicated](replicate) to N articles (varied ids, outlets and dates), reports the peak
//! memory of the cross-document stage alone, and times adding one more article to the story
//! index of all N (the incremental story assignment of a store that size). The crossdoc row is
//! followed by one indented row per cross-document sub-stage (resolution, stories, reuse, quote
//! groups, claims, disputes, timeline, outlets...). `--dossier FILE` writes the dossier built,
//! so a speed change can be checked to leave results unchanged on a large corpus.
//!
//! `--scaling` instead times one document of the corpus's joined text at three lengths and
//! prints each stage's time ratios ([`scaling`]): every stage should be near-linear.

mod replicate;
mod scaling;

use crate::Outcome;
use anyhow::{bail, Result};
use parallax_core::{Analysis, Document};
use parallax_pipeline::StageTimes;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Article files and folders to time; defaults to the news corpora in --data.
    paths: Vec<PathBuf>,
    /// Folder holding the public datasets (used when no paths are given).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Analyze at most this many articles.
    #[arg(long)]
    limit: Option<usize>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Time the cross-document stages on the analyzed corpus replicated to this many articles.
    #[arg(long)]
    replicate: Option<usize>,
    /// Also write the dossier built by the cross-document stages to this file (JSON), to check
    /// that a speed change leaves the results unchanged; with --scaling, the analyses of the
    /// three documents.
    #[arg(long)]
    dossier: Option<PathBuf>,
    /// Instead, time each per-document stage on one document of the articles' joined text at
    /// 0.25, 1 and 4 MB (no text cap) and print the time ratios.
    #[arg(long, conflicts_with = "replicate")]
    scaling: bool,
}

struct Row {
    stage: String,
    seconds: f64,
}

pub fn run(args: Args) -> Result<Outcome> {
    let started = Instant::now();
    let ingest_clock = Instant::now();
    let mut docs = if args.paths.is_empty() {
        default_corpus(&args.data)?
    } else {
        ingest(&args.paths)
    };
    if let Some(limit) = args.limit {
        docs.truncate(limit);
    }
    let ingest_time = ingest_clock.elapsed();
    if docs.is_empty() {
        bail!("no articles to time");
    }
    if args.scaling {
        let scaling = scaling::measure(&docs)?;
        if let Some(path) = &args.dossier {
            let file = std::io::BufWriter::new(std::fs::File::create(path)?);
            serde_json::to_writer(file, &scaling.analyses)?;
        }
        match args.json {
            true => println!("{}", serde_json::to_string_pretty(&scaling.json())?),
            false => scaling.print(),
        }
        return Ok(Outcome::Success);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let analyzed = docs.len();
    let mut stage_times = StageTimes::default();
    let mut analyses: Vec<Analysis> = Vec::with_capacity(docs.len());
    // In batches, as `parallax analyze` runs them.
    for batch in docs.chunks(parallax_pipeline::BATCH) {
        let refs: Vec<&Document> = batch.iter().collect();
        let (batch_analyses, times) = parallax_pipeline::analyze_batch_timed(&refs);
        stage_times.add(&times);
        analyses.extend(batch_analyses);
    }
    let tokens: usize = analyses.iter().map(|a| a.segmentation.tokens.len()).sum();
    let mut corpus: Vec<(Document, Analysis)> = docs.into_iter().zip(analyses).collect();
    let recognition = time_recognition(&corpus);
    let events_cpu = time_events(&corpus);
    if let Some(target) = args.replicate {
        corpus = replicate::replicate(&corpus, target);
    }
    let before_crossdoc = reset_peak_memory();
    let clock = Instant::now();
    let (dossier, sub_stages) = parallax_crossdoc::build_dossier_timed(&corpus, &[]);
    let crossdoc_time = clock.elapsed();
    let crossdoc_peak = before_crossdoc.then(peak_memory_bytes).flatten();
    if let Some(path) = &args.dossier {
        let file = std::io::BufWriter::new(std::fs::File::create(path)?);
        serde_json::to_writer_pretty(file, &dossier)?;
    }
    let incremental = args.replicate.map(|_| time_one_story_assignment(&corpus));
    let clock = Instant::now();
    let html = parallax_report::render(&dossier);
    let report_time = clock.elapsed();
    let export = time_parquet_export(&corpus, &dossier)?;
    let store_dir = std::env::temp_dir().join(format!("parallax-bench-{}", std::process::id()));
    let clock = Instant::now();
    parallax_store::Store::open(&store_dir)?.put(&corpus)?;
    let store_time = clock.elapsed();
    let _ = std::fs::remove_dir_all(&store_dir);

    let mut rows = vec![Row {
        stage: "ingest".into(),
        seconds: ingest_time.as_secs_f64(),
    }];
    for (name, time) in stage_times.iter() {
        rows.push(Row {
            stage: name.to_string(),
            seconds: time.as_secs_f64(),
        });
    }
    let per_doc: Duration = stage_times.total();
    rows.push(Row {
        stage: "per-document total".into(),
        seconds: per_doc.as_secs_f64(),
    });
    rows.push(Row {
        stage: "crossdoc".into(),
        seconds: crossdoc_time.as_secs_f64(),
    });
    for (name, time) in &sub_stages.0 {
        rows.push(Row {
            stage: format!("  {name}"),
            seconds: time.as_secs_f64(),
        });
    }
    rows.push(Row {
        stage: "report".into(),
        seconds: report_time.as_secs_f64(),
    });
    rows.push(Row {
        stage: "store".into(),
        seconds: store_time.as_secs_f64(),
    });
    rows.push(Row {
        stage: "export (Parquet)".into(),
        seconds: export.seconds,
    });

    let articles = corpus.len();
    let crossdoc_articles = articles;
    let (articles, bytes) = match args.replicate {
        // Per-document figures are over the corpus analyzed once, before replication.
        Some(_) => (analyzed, bytes),
        None => (articles, bytes),
    };
    let mb = bytes as f64 / 1e6;
    // The cross-document rows run over the replicated corpus: scale their rates to it.
    let scale = |stage: &str| match stage {
        "crossdoc" | "report" | "store" | "export (Parquet)" => {
            crossdoc_articles as f64 / articles as f64
        }
        // Crossdoc sub-stages are listed indented under it.
        s if s.starts_with("  ") => crossdoc_articles as f64 / articles as f64,
        _ => 1.0,
    };
    let peak = peak_memory_bytes();
    // The stage groups the project's speed targets name.
    let rate = |stages: &[&str]| {
        let seconds: f64 = stages
            .iter()
            .map(|name| stage_times.get(name).as_secs_f64())
            .sum();
        mb / seconds.max(1e-9)
    };
    let times_and_figures = rate(&["time", "figures"]);
    let quotes = rate(&["quotes"]);
    let framing = rate(&["voice", "framing"]);
    if args.json {
        let stages: Vec<_> = rows
            .iter()
            .map(|r| serde_json::json!({"stage": r.stage.trim_start(), "crossdoc_sub_stage": r.stage.starts_with("  "), "seconds": r.seconds, "mb_per_s": mb * scale(&r.stage) / r.seconds.max(1e-9), "articles_per_s": articles as f64 * scale(&r.stage) / r.seconds.max(1e-9)}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "articles": articles, "bytes": bytes, "tokens": tokens,
                "entity_tokens_per_s": tokens as f64 / stage_times.get("entities").as_secs_f64().max(1e-9),
                "entity_recognition_tokens_per_s": tokens as f64 / recognition.0.as_secs_f64().max(1e-9),
                "entity_recognition_tokens_per_cpu_s": recognition.1.map(|cpu| tokens as f64 / cpu.as_secs_f64().max(1e-9)),
                "wall_seconds": started.elapsed().as_secs_f64(), "peak_memory_bytes": peak,
                "report_bytes": html.len(), "stages": stages,
                "times_and_figures_mb_per_s": times_and_figures, "quotes_mb_per_s": quotes,
                "framing_mb_per_s": framing,
                "events_mb_per_cpu_s": events_cpu.map(|cpu| mb / cpu.as_secs_f64().max(1e-9)),
                "crossdoc_articles": crossdoc_articles,
                "crossdoc_articles_per_s": crossdoc_articles as f64 / crossdoc_time.as_secs_f64().max(1e-9),
                "crossdoc_peak_memory_bytes": crossdoc_peak,
                "export_parquet_bytes": export.bytes,
                "export_added_memory_bytes": export.added_memory,
                "one_story_assignment_seconds": incremental.map(|(_, one)| one.as_secs_f64()),
                "story_index_build_seconds": incremental.map(|(all, _)| all.as_secs_f64()),
            }))?
        );
    } else {
        println!(
            "{articles} articles, {mb:.2} MB, {tokens} tokens; per-document stages on one core"
        );
        println!(
            "{:<20} {:>9} {:>10} {:>12}",
            "stage", "seconds", "MB/s", "articles/s"
        );
        for r in &rows {
            let s = r.seconds.max(1e-9) / scale(&r.stage);
            println!(
                "{:<20} {:>9.3} {:>10.2} {:>12.0}",
                r.stage,
                r.seconds,
                mb / s,
                articles as f64 / s
            );
        }
        println!(
            "entity recognition (tagger and typing): {:.0} tokens/s wall, {} tokens per CPU second; whole entity stage (with within-document resolution): {:.0} tokens/s",
            tokens as f64 / recognition.0.as_secs_f64().max(1e-9),
            recognition
                .1
                .map(|cpu| format!("{:.0}", tokens as f64 / cpu.as_secs_f64().max(1e-9)))
                .unwrap_or_else(|| "unknown".into()),
            tokens as f64 / stage_times.get("entities").as_secs_f64().max(1e-9)
        );
        println!(
            "per core: times and figures together {times_and_figures:.1} MB/s; quotations {quotes:.1} MB/s; framing (voice and framing) {framing:.1} MB/s"
        );
        if let Some(cpu) = events_cpu {
            println!(
                "events stage alone, again over the analyzed corpus: {:.1} MB per CPU second",
                mb / cpu.as_secs_f64().max(1e-9)
            );
        }
        if args.replicate.is_some() {
            println!(
                "crossdoc, report and store over {crossdoc_articles} replicated articles: crossdoc {:.0} articles/s, peak memory {}",
                crossdoc_articles as f64 / crossdoc_time.as_secs_f64().max(1e-9),
                crossdoc_peak
                    .map(|b| format!("{:.0} MiB", b as f64 / 1048576.0))
                    .unwrap_or_else(|| "unknown".into())
            );
        }
        if let Some((all, one)) = incremental {
            println!(
                "story index: {crossdoc_articles} articles streamed in {:.2}s; adding one more took {:.3} ms",
                all.as_secs_f64(),
                one.as_secs_f64() * 1e3
            );
        }
        println!(
            "Parquet export of {crossdoc_articles} articles: {:.2}s, {:.0} MiB written, memory added over what was resident {}",
            export.seconds,
            export.bytes as f64 / 1048576.0,
            export
                .added_memory
                .map(|b| format!("{:.0} MiB", b as f64 / 1048576.0))
                .unwrap_or_else(|| "unknown".into())
        );
        println!(
            "wall time {:.2}s; peak memory {}",
            started.elapsed().as_secs_f64(),
            peak.map(|b| format!("{:.0} MiB", b as f64 / 1048576.0))
                .unwrap_or_else(|| "unknown".into())
        );
    }
    Ok(Outcome::Success)
}

fn ingest(paths: &[PathBuf]) -> Vec<Document> {
    let (files, _) = parallax_ingest::discover(paths);
    let manifest = parallax_ingest::Manifest::default();
    let limits = parallax_ingest::Limits::default();
    files
        .iter()
        .flat_map(|f| parallax_ingest::read_file(f, &manifest, &limits).documents)
        .collect()
}

/// The article text of the news corpora in `data`, with outlet and date where they have them.
fn default_corpus(data: &Path) -> Result<Vec<Document>> {
    let sources = [
        (
            "allsides-bias-subset/test_1300.jsonl",
            "content_original",
            "source",
            "date",
        ),
        ("ecbplus-docs/documents.jsonl", "text", "", ""),
    ];
    let mut docs = Vec::new();
    for (file, text_field, outlet_field, date_field) in sources {
        let path = data.join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(body) = value.get(text_field).and_then(|v| v.as_str()) else {
                continue;
            };
            let mut doc = Document::new(
                parallax_ingest::document_id(body),
                body,
                format!("{}#{}", path.display(), n + 1),
            );
            doc.meta.outlet = value
                .get(outlet_field)
                .and_then(|v| v.as_str())
                .map(str::to_string);
            doc.meta.published = value
                .get(date_field)
                .and_then(|v| v.as_str())
                .map(str::to_string);
            doc.meta.title = value
                .get("title")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            docs.push(doc);
        }
    }
    if docs.is_empty() {
        bail!(
            "no news corpora found under {}; give article paths to time instead",
            data.display()
        );
    }
    Ok(docs)
}

/// What exporting the dossier to Parquet cost.
struct ExportCost {
    seconds: f64,
    /// Bytes of Parquet written.
    bytes: u64,
    /// Peak resident memory during the export above the resident memory before it.
    added_memory: Option<u64>,
}

/// Exports `dossier` to Parquet in a temporary folder (partitioned by day from 10,000
/// articles, as `parallax export` does) and measures time, size and added memory.
fn time_parquet_export(
    corpus: &[(Document, Analysis)],
    dossier: &parallax_core::Dossier,
) -> Result<ExportCost> {
    let dir = std::env::temp_dir().join(format!("parallax-bench-export-{}", std::process::id()));
    let resident = resident_memory_bytes();
    let measured = reset_peak_memory();
    let clock = Instant::now();
    let source = parallax_export::Source::new(
        dossier,
        corpus.iter().map(|(_, a)| a),
        &parallax_export::Selection::default(),
    );
    let files = parallax_export::format("parquet")?.write(
        &source,
        &dir,
        &parallax_export::Options::default(),
    )?;
    let seconds = clock.elapsed().as_secs_f64();
    let added_memory = measured
        .then(peak_memory_bytes)
        .flatten()
        .zip(resident)
        .map(|(peak, before)| peak.saturating_sub(before));
    let bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExportCost {
        seconds,
        bytes,
        added_memory,
    })
}

/// Resident memory of this process now (VmRSS), where the platform reports it.
fn resident_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Streams `corpus` into a story index, then times adding one more article (a copy of the
/// first with a new id): returns (time for all, time for the one).
/// Wall and CPU time of entity recognition alone over the analyzed corpus, on this thread:
/// the tokens, the tagger and the typing of names, without the within-document resolution
/// that the entity stage's time also holds. CPU time is the per-core figure on a shared
/// machine, where wall time also counts the time other processes held the core.
fn time_recognition(corpus: &[(Document, Analysis)]) -> (Duration, Option<Duration>) {
    let Ok(model) = parallax_entities::tagger::model() else {
        return (Duration::ZERO, None);
    };
    let cpu = thread_cpu_time();
    let clock = Instant::now();
    let mut names = 0usize;
    for (doc, analysis) in corpus {
        let sentences = parallax_entities::tokens::sentences(&doc.text, &analysis.segmentation);
        names += parallax_entities::names::recognize(&doc.text, &sentences, model).len();
    }
    let elapsed = clock.elapsed();
    let cpu = thread_cpu_time()
        .zip(cpu)
        .map(|(after, before)| after.saturating_sub(before));
    // Keeps the work observable so that it cannot be optimized away.
    std::hint::black_box(names);
    (elapsed, cpu)
}

/// CPU time of the events stage alone, run again over the analyzed corpus on this thread: on a
/// shared machine the stage's wall time also counts the time other processes held the core.
fn time_events(corpus: &[(Document, Analysis)]) -> Option<Duration> {
    let before = thread_cpu_time()?;
    let mut events = 0usize;
    for (doc, a) in corpus {
        let layers = parallax_events::Layers {
            segmentation: &a.segmentation,
            mentions: &a.mentions,
            local_entities: &a.local_entities,
            times: &a.times,
            time_anchor: a.time_anchor.as_ref(),
            quotes: &a.quotes,
            places: &a.places,
        };
        events += parallax_events::annotate(doc, &layers).items.len();
    }
    std::hint::black_box(events);
    Some(thread_cpu_time()?.saturating_sub(before))
}

/// Time this thread has spent on a CPU (Linux schedstat), where the platform reports it.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        stat.split_whitespace().next()?.parse().ok()?,
    ))
}

fn time_one_story_assignment(corpus: &[(Document, Analysis)]) -> (Duration, Duration) {
    use parallax_crossdoc::stories::{features, StoryConfig, StoryIndex};
    let clock = Instant::now();
    let mut index = StoryIndex::new(StoryConfig::default());
    for (doc, analysis) in corpus {
        index.add(features(doc, analysis));
    }
    let all = clock.elapsed();
    let Some((doc, analysis)) = corpus.first() else {
        return (all, Duration::ZERO);
    };
    let mut late = doc.clone();
    late.id = format!("{}-late", doc.id);
    let clock = Instant::now();
    index.add(features(&late, analysis));
    (all, clock.elapsed())
}

/// Resets the peak resident memory mark to the current size (Linux `clear_refs` 5), so the
/// next [`peak_memory_bytes`] is the peak since now; false where that is not possible.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Peak resident memory of this process (VmHWM), where the platform reports it.
fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
