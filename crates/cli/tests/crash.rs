//! `parallax analyze` killed with SIGKILL at several points of a run: after each kill the store
//! passes SQLite's integrity checks (the database and its full-text index), and a rerun
//! completes with every article stored exactly once and the same dossier, byte for byte, as a
//! run that was never interrupted. No temporary output file survives the rerun.

#![cfg(unix)]

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Articles in the test corpus: enough for a run to span several store transactions.
const ARTICLES: usize = 1200;

/// A JSON Lines corpus of distinct articles made from the fixture texts.
fn corpus(dir: &Path) -> PathBuf {
    let texts: Vec<String> = std::fs::read_dir(fixtures().join("corpus/text"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut lines = String::new();
    for i in 0..ARTICLES {
        let text = format!(
            "{}\n\nUpdate {i}: officials said {} more people had left the town.",
            texts[i % texts.len()],
            i * 7 + 3
        );
        let record = serde_json::json!({
            "text": text,
            "outlet": format!("Outlet {}", i % 9),
            "published": format!("2031-05-{:02}T{:02}:00:00Z", 9 + i % 5, i % 24),
            "url": format!("https://outlet{}.example/{i}", i % 9),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

fn analyze_args(input: &Path, out: &Path, store: &Path) -> Vec<String> {
    vec![
        "analyze".into(),
        "-q".into(),
        input.display().to_string(),
        "--out".into(),
        out.display().to_string(),
        "--store".into(),
        store.display().to_string(),
    ]
}

fn check_integrity(store: &Path) -> usize {
    let db = rusqlite::Connection::open(store.join(parallax_store::DATABASE_FILE)).unwrap();
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "SQLite integrity check");
    let tables: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'documents', 'analyses', 'search', 'search_items')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if tables == 0 {
        return 0; // killed before the schema was committed: an empty database
    }
    assert_eq!(tables, 5, "a store with only part of its schema");
    db.execute("INSERT INTO search (search) VALUES ('integrity-check')", [])
        .expect("full-text index integrity check");
    let documents: i64 = db
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    let analyses: i64 = db
        .query_row("SELECT count(*) FROM analyses", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        documents, analyses,
        "every stored document has its analysis"
    );
    documents as usize
}

#[test]
fn analyze_survives_kill_9_at_any_point() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());

    // The reference: one uninterrupted run.
    let reference_out = dir.path().join("reference");
    let reference = parallax(
        &analyze_args(&input, &reference_out, &dir.path().join("reference-store"))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(reference.status.success(), "{}", stderr(&reference));
    let expected = std::fs::read(reference_out.join("dossier.json")).unwrap();

    let (out, store) = (dir.path().join("out"), dir.path().join("store"));
    let mut stored = 0;
    for delay_ms in [150, 400, 900, 1600, 2500, 4000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(analyze_args(&input, &out, &store))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        if store.join(parallax_store::DATABASE_FILE).exists() {
            let now = check_integrity(&store);
            assert!(now >= stored, "stored articles went from {stored} to {now}");
            assert!(now <= ARTICLES);
            stored = now;
        }
        eprintln!("killed after {delay_ms} ms: {stored} articles stored");
        if finished {
            break;
        }
    }

    let rerun = parallax(
        &analyze_args(&input, &out, &store)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(
        check_integrity(&store),
        ARTICLES,
        "each article stored once"
    );
    let got = std::fs::read(out.join("dossier.json")).unwrap();
    assert!(
        got == expected,
        "the dossier after kills and a rerun differs from an uninterrupted run's"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}
