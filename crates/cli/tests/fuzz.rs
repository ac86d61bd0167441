//! Fuzzing, one target per parser of untrusted input, bounded in time.
//!
//! Each target mutates seed inputs (the fixture corpus, plus hostile shapes) with proptest
//! strategies for a fixed time and checks that the parser neither panics nor breaks its
//! contract (documents carry their own content hash, bad input is named with a reason, output
//! stays within its limits). A failing input is shrunk, printed, and written to
//! `target/fuzz-failures/` with the seed that found it.
//!
//! Time per target: `PARALLAX_FUZZ_SECONDS` (default 2; CI runs 10). Seed:
//! `PARALLAX_FUZZ_SEED` (a number) to replay a run; by default each run draws a new one and
//! prints it when a target fails.
//!
//! A new parser (a feed or encoding reader, say) gets a target here: a strategy for its input
//! (usually [`mutated`] over seeds of its format) and a check, passed to [`fuzz`].

mod common;

use parallax_ingest::{Limits, Manifest};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

fn budget() -> Duration {
    let seconds = std::env::var("PARALLAX_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(seconds)
}

fn seed() -> u64 {
    std::env::var("PARALLAX_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        })
}

/// Runs `check` on inputs drawn from `strategy` until the time budget is spent. A check fails
/// by panicking or returning `Err`; the failing input is shrunk and reported.
fn fuzz<S>(target: &str, strategy: S, check: impl Fn(&S::Value) -> Result<(), String>)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
{
    let seed = seed();
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&(target.len() as u64).to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let fails = |value: &S::Value| -> Option<String> {
        match catch_unwind(AssertUnwindSafe(|| check(value))) {
            Ok(Ok(())) => None,
            Ok(Err(message)) => Some(message),
            Err(panic) => Some(format!(
                "panicked: {}",
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        }
    };
    let deadline = Instant::now() + budget();
    let mut cases = 0u64;
    while Instant::now() < deadline {
        let mut tree = strategy.new_tree(&mut runner).expect("strategy");
        cases += 1;
        let Some(mut message) = fails(&tree.current()) else {
            continue;
        };
        // Shrink: keep simplifying while the input still fails.
        let mut steps = 0;
        while steps < 2_000 && tree.simplify() {
            steps += 1;
            match fails(&tree.current()) {
                Some(m) => message = m,
                None => {
                    if !tree.complicate() {
                        break;
                    }
                }
            }
        }
        let input = format!("{:?}", tree.current());
        let dir = common::repo_root().join("target/fuzz-failures");
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join(format!("{target}-{seed}.txt"));
        let _ = std::fs::write(&file, &input);
        panic!(
            "fuzz target {target} failed after {cases} cases (PARALLAX_FUZZ_SEED={seed}): {message}\ninput ({}): {input:.2000}",
            file.display()
        );
    }
    eprintln!("fuzz target {target}: {cases} cases, no failure");
}

/// Pieces that make parsers take unusual paths, spliced into seeds.
const TOKENS: &[&[u8]] = &[
    b"<div>",
    b"</div>",
    b"<p>",
    b"<script>",
    b"</script>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"<svg><path/>",
    b"<table><td>",
    b"\"",
    b"'",
    b"&amp;&#x0;&#xD800;&bogus;",
    b"\0",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\n\n",
    b"{\"text\":\"",
    b"\"}",
    b"[",
    b"]",
    b"\\u0000",
    b"WARC/1.0\r\n",
    b"Content-Length: 18446744073709551615\r\n",
    b"Content-Length: 10\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
    b"path,outlet,published\n",
    b",,,\n",
    b"2031-13-45T99:99:99+99:99",
    "日本語 🙂 é".as_bytes(),
];

/// A seed with up to eight edits: byte flips, spliced tokens, deletions, duplications and
/// truncation, each at a random place.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let edit = (
        any::<u32>(),
        0u8..6,
        any::<u8>(),
        prop::sample::select(TOKENS.to_vec()),
    );
    (
        prop::sample::select(seeds),
        prop::collection::vec(edit, 0..8),
    )
        .prop_map(|(seed, edits)| {
            let mut bytes = seed;
            for (at, kind, byte, token) in edits {
                let at = if bytes.is_empty() {
                    0
                } else {
                    at as usize % bytes.len()
                };
                let span = (byte as usize + 1).min(bytes.len() - at);
                match kind {
                    0 if !bytes.is_empty() => bytes[at] ^= byte | 1,
                    1 => {
                        bytes.splice(at..at, token.iter().copied());
                    }
                    2 => {
                        bytes.drain(at..at + span);
                    }
                    3 => {
                        let copy: Vec<u8> = bytes[at..at + span].to_vec();
                        bytes.splice(at..at, copy);
                    }
                    4 => bytes.truncate(at),
                    _ => {
                        for _ in 0..(byte % 64) {
                            bytes.splice(at..at, token.iter().copied());
                        }
                    }
                }
            }
            bytes
        })
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(common::fixtures().join(path)).unwrap_or_default()
}

fn html_seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = (1..=7)
        .filter_map(|i| {
            let dir = common::fixtures().join("corpus/html");
            let name = std::fs::read_dir(&dir)
                .ok()?
                .flatten()
                .map(|e| e.file_name())
                .find(|n| n.to_string_lossy().starts_with(&format!("0{i}-")))?;
            std::fs::read(dir.join(name)).ok()
        })
        .collect();
    seeds.push(fixture("adversarial/hostile.html"));
    seeds.push(b"<html><body><article><p>Short.</p></article></body></html>".to_vec());
    seeds
}

/// Reads `bytes` as a file named `name` and checks the reader's contract.
fn check_read(bytes: &[u8], name: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let outcome = parallax_ingest::read_file(&path, &Manifest::default(), &Limits::default());
    if outcome.documents.is_empty() && outcome.skipped.is_empty() {
        return Err("neither a document nor a reason".into());
    }
    for doc in &outcome.documents {
        if doc.id != parallax_ingest::document_id(&doc.text) {
            return Err(format!("{}: id is not the text's hash", doc.source));
        }
        if doc.text.trim().is_empty() {
            return Err(format!("{}: empty document", doc.source));
        }
    }
    if let Some(s) = outcome.skipped.iter().find(|s| s.reason.is_empty()) {
        return Err(format!("{}: skipped without a reason", s.source));
    }
    Ok(())
}

#[test]
fn fuzz_text_reader() {
    let seeds = vec![
        fixture("corpus/text/01-meridian-shelling.txt"),
        fixture("corpus/text/04-ledger-opinion.txt"),
        b"Headline\r\n\r\nBody.".to_vec(),
    ];
    fuzz("text", mutated(seeds), |b| check_read(b, "a.txt"));
}

#[test]
fn fuzz_html_reader() {
    fuzz("html", mutated(html_seeds()), |b| check_read(b, "a.html"));
}

#[test]
fn fuzz_html_extraction() {
    fuzz("extract_html", mutated(html_seeds()), |b| {
        let html = String::from_utf8_lossy(b);
        let got = parallax_ingest::extract_html(&html, Some("https://a.example/x"));
        if got.text.contains("\n\n\n") {
            return Err("three newlines in a row".into());
        }
        Ok(())
    });
}

#[test]
fn fuzz_json_reader() {
    let seeds = vec![
        fixture("corpus/articles.jsonl"),
        br#"[{"text":"One."},{"body":"Two.","authors":[{"name":"A"}]}]"#.to_vec(),
        b"{\n  \"text\": \"Pretty.\"\n}\n".to_vec(),
    ];
    fuzz("json", mutated(seeds), |b| check_read(b, "a.jsonl"));
}

#[test]
fn fuzz_warc_reader() {
    let plain =
        parallax_ingest::gunzip(&fixture("corpus/crawl.warc.gz"), 1 << 26).unwrap_or_default();
    fuzz("warc", mutated(vec![plain]), |b| check_read(b, "a.warc"));
}

#[test]
fn fuzz_warc_gz_reader() {
    fuzz(
        "warc_gz",
        mutated(vec![fixture("corpus/crawl.warc.gz")]),
        |b| {
            const LIMIT: u64 = 1 << 22;
            if let Ok(members) = parallax_ingest::gunzip_members(b, LIMIT) {
                let total: usize = members.stretches.iter().map(|s| s.bytes.len()).sum();
                if total as u64 > LIMIT {
                    return Err(format!("{total} bytes decompressed over the {LIMIT} limit"));
                }
            }
            check_read(b, "a.warc.gz")
        },
    );
}

#[test]
fn fuzz_manifest_reader() {
    let seeds = vec![
        fixture("corpus/text/manifest.csv"),
        b"{\"path\":\"a.txt\",\"outlet\":\"X\",\"authors\":[\"A\",\"B\"],\"published\":\"2031-05-09\"}\n"
            .to_vec(),
    ];
    fuzz("manifest", mutated(seeds), |b| {
        for is_csv in [true, false] {
            if let Ok(m) = Manifest::parse(b, is_csv, Path::new("/nonexistent"), "m") {
                let _ = m.for_path(Path::new("/nonexistent/01-meridian-shelling.txt"));
                let _ = m.unmatched(&[Path::new("/nonexistent/a.txt").to_path_buf()]);
                if m.problems().iter().any(|p| p.reason.is_empty()) {
                    return Err("a manifest problem without a reason".into());
                }
            }
        }
        Ok(())
    });
}

#[test]
fn fuzz_search_query() {
    let seeds = vec![
        b"\"prime minister\" OR election -forest shoot*".to_vec(),
        b"troops".to_vec(),
    ];
    fuzz("search_query", mutated(seeds), |b| {
        let q = String::from_utf8_lossy(b);
        let _ = parallax_store::search::Query::parse(&q);
        Ok(())
    });
}

#[test]
fn fuzz_host_header() {
    let access = parallax_server::access::Access::new(
        "127.0.0.1:8642".parse().unwrap(),
        &["dossier.lan".into()],
        None,
    );
    let seeds = vec![
        b"localhost:8642".to_vec(),
        b"[::1]:8642".to_vec(),
        b"attacker.example".to_vec(),
    ];
    fuzz("host_header", mutated(seeds), |b| {
        let host = String::from_utf8_lossy(b);
        let allowed = access.host_allowed(&host);
        // Only names of this machine pass: nothing with a dot-separated foreign label does.
        if allowed && host.to_ascii_lowercase().contains("attacker") {
            return Err(format!("{host:?} accepted"));
        }
        Ok(())
    });
}
