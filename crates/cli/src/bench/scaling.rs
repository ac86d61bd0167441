//! `parallax bench --scaling`: how each per-document stage's time grows with one document's
//! length. The corpus's article texts are joined (a blank line between them) into one text,
//! which is cut at a paragraph break to 0.25, 1 and 4 MB; each cut is analyzed alone, on one
//! thread, without the text cap or the time budget that bound a real run (they would hide the
//! growth). The stages run once on one article first, so that loading models is not counted.
//! Each stage's time (wall clock, the fastest of three runs) is printed per size with its
//! ratio to the smallest, linear about 4× and 16×, quadratic 16× and 256×, and the ratio of
//! the longest to the one before (4 MB to 1 MB: linear 4×, quadratic 16×), which the load
//! of a shared machine disturbs least, the times being longest.

use anyhow::{bail, Result};
use parallax_core::{Analysis, Document};
use parallax_pipeline::budget::Budget;
use std::time::Duration;

/// Runs per length; the fastest is kept.
const RUNS: usize = 3;

/// The lengths timed, in bytes (MB = 10^6 bytes, as elsewhere in the bench).
pub const SIZES: [usize; 3] = [250_000, 1_000_000, 4_000_000];

/// Each stage's seconds at each of [`SIZES`] (the per-document total last).
pub struct Scaling {
    pub stages: Vec<(&'static str, Vec<f64>)>,
    /// The byte length of each cut (each ends at a paragraph break, so a little under its size).
    pub bytes: Vec<usize>,
    /// The analysis of each cut, to check that a speed change leaves it unchanged.
    pub analyses: Vec<Analysis>,
}

/// Times the stages on the joined text of `docs` at each of [`SIZES`].
pub fn measure(docs: &[Document]) -> Result<Scaling> {
    let Some(first) = docs.first() else {
        bail!("no articles to join");
    };
    let largest = SIZES[SIZES.len() - 1];
    let mut joined = String::with_capacity(largest + 64 * 1024);
    while joined.len() < largest {
        for doc in docs {
            joined.push_str(doc.text.trim());
            joined.push_str("\n\n");
            if joined.len() >= largest {
                break;
            }
        }
    }
    let unbounded = Budget {
        max_text_bytes: usize::MAX,
        max_time: Duration::MAX,
    };
    // Models and tables load on first use: not part of any size's time.
    parallax_pipeline::analyze_batch_budgeted(&[first], &unbounded);
    let mut scaling = Scaling {
        stages: Vec::new(),
        bytes: Vec::new(),
        analyses: Vec::new(),
    };
    for size in SIZES {
        // Cut at the last paragraph break before `size` (ASCII, so a character boundary).
        let cut = joined[..size].rfind("\n\n").unwrap_or(size);
        let text = joined[..cut].to_string();
        let doc = Document {
            id: parallax_ingest::document_id(&text),
            text,
            ..first.clone()
        };
        // The fastest of RUNS runs, stage by stage: the least disturbed by other work.
        let mut fastest: Vec<(&'static str, f64)> = Vec::new();
        let mut analysis = None;
        for _ in 0..RUNS {
            let (mut analyses, times) =
                parallax_pipeline::analyze_batch_budgeted(&[&doc], &unbounded);
            analysis = analyses.pop();
            let total = ("total", times.total().as_secs_f64());
            let stages = times.iter().map(|(n, t)| (n, t.as_secs_f64()));
            for (name, seconds) in stages.chain([total]) {
                match fastest.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, best)) => *best = best.min(seconds),
                    None => fastest.push((name, seconds)),
                }
            }
        }
        for (name, seconds) in fastest {
            match scaling.stages.iter_mut().find(|(n, _)| *n == name) {
                Some((_, all)) => all.push(seconds),
                None => scaling.stages.push((name, vec![seconds])),
            }
        }
        scaling.bytes.push(cut);
        scaling.analyses.extend(analysis);
    }
    Ok(scaling)
}

impl Scaling {
    /// Each stage's time at every size divided by its time at the smallest.
    pub fn ratios(seconds: &[f64]) -> Vec<f64> {
        let base = seconds.first().copied().unwrap_or(0.0).max(1e-9);
        seconds.iter().map(|s| s / base).collect()
    }

    pub fn json(&self) -> serde_json::Value {
        let stages: Vec<_> = self
            .stages
            .iter()
            .map(|(name, seconds)| {
                serde_json::json!({"stage": name, "seconds": seconds, "ratios": Self::ratios(seconds)})
            })
            .collect();
        serde_json::json!({"scaling": {"bytes": self.bytes, "stages": stages}})
    }

    pub fn print(&self) {
        let mb: Vec<String> = self
            .bytes
            .iter()
            .map(|b| format!("{:.2} MB", *b as f64 / 1e6))
            .collect();
        let linear: Vec<String> = self
            .bytes
            .iter()
            .skip(1)
            .map(|b| format!("{:.1}", *b as f64 / self.bytes[0].max(1) as f64))
            .collect();
        println!(
            "one document of {} (the same text, cut longer); seconds per stage on one core, and the ratio to the shortest (linear: {})",
            mb.join(", "),
            linear.join(" and ")
        );
        print!("{:<12}", "stage");
        for m in &mb {
            print!(" {m:>10}");
        }
        for m in mb.iter().skip(1) {
            print!(" {:>9}", format!("×{}", m.trim_end_matches(" MB")));
        }
        let last_two = |v: &[String]| match v {
            [.., a, b] => format!(
                "{}/{}",
                b.trim_end_matches(" MB"),
                a.trim_end_matches(" MB")
            ),
            _ => String::new(),
        };
        print!(" {:>10}", last_two(&mb));
        println!();
        for (name, seconds) in &self.stages {
            print!("{name:<12}");
            for s in seconds {
                print!(" {s:>10.3}");
            }
            for r in Self::ratios(seconds).iter().skip(1) {
                print!(" {r:>9.1}");
            }
            if let [.., a, b] = seconds[..] {
                print!(" {:>10.1}", b / a.max(1e-9));
            }
            println!();
        }
    }
}
