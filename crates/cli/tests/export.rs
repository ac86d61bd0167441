//! `parallax export` and `parallax analyze --export` end to end on the fixture corpus.

mod common;

use common::*;

/// Analyzes the text fixtures into a fresh store; returns the folder holding `store` and `out`.
fn analyzed() -> tempfile::TempDir {
    let text = fixtures().join("corpus/text");
    let manifest = text.join("manifest.csv");
    let (_, dir, output) = analyze(&[&text], &["--manifest", manifest.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

#[test]
fn exports_a_store_in_every_table_format() {
    let dir = analyzed();
    let store = dir.path().join("store");
    for format in [
        "jsonl", "csv", "parquet", "gkg", "events", "dossier", "report",
    ] {
        let out = dir.path().join(format);
        let output = parallax(&[
            "export",
            "--store",
            store.to_str().unwrap(),
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("exported 7 of 7 articles"),
            "{}",
            stderr(&output)
        );
        assert!(
            std::fs::read_dir(&out).unwrap().count() > 0,
            "{format} wrote nothing"
        );
    }
    let sentences = std::fs::read_to_string(dir.path().join("csv/sentences.csv")).unwrap();
    assert!(sentences.starts_with("\u{feff}sentence_id,doc_id,"));
    let gkg = std::fs::read_to_string(dir.path().join("gkg/gkg.csv")).unwrap();
    assert_eq!(gkg.lines().count(), 7);
    assert!(gkg.lines().all(|l| l.split('\t').count() == 27));
}

#[test]
fn selects_by_story_and_days() {
    let dir = analyzed();
    let store = dir.path().join("store");
    let dossier: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/dossier.json")).unwrap(),
    )
    .unwrap();
    let story = &dossier["stories"][0];
    let out = dir.path().join("story");
    let output = parallax(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "jsonl",
        "--out",
        out.to_str().unwrap(),
        "--story",
        story["id"].as_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let documents = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    assert_eq!(
        documents.lines().count(),
        story["documents"].as_array().unwrap().len()
    );
    let out = dir.path().join("days");
    let output = parallax(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "jsonl",
        "--out",
        out.to_str().unwrap(),
        "--since",
        "2031-05-10",
        "--until",
        "2031-05-10",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let documents = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    assert!(documents.lines().count() >= 1);
    assert!(
        documents
            .lines()
            .all(|l| l.contains("\"published\":\"2031-05-10T")),
        "{documents}"
    );
}

#[test]
fn bad_requests_are_refused_with_their_reason() {
    let dir = analyzed();
    let store = dir.path().join("store");
    let out = dir.path().join("x");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "--store",
            store.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        parallax(&args)
    };
    let unknown = run(&["--format", "xlsx"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("unknown export format \"xlsx\""),
        "{}",
        stderr(&unknown)
    );
    let bad_day = run(&["--format", "csv", "--since", "May 2031"]);
    assert_eq!(bad_day.status.code(), Some(2));
    assert!(
        stderr(&bad_day).contains("--since May 2031"),
        "{}",
        stderr(&bad_day)
    );
    let no_story = run(&["--format", "csv", "--story", "s999"]);
    assert!(
        stderr(&no_story).contains("no story s999"),
        "{}",
        stderr(&no_story)
    );
    let missing = parallax(&[
        "export",
        "--store",
        "/nonexistent/store",
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no store at /nonexistent/store"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn analyze_writes_exports_in_the_same_run() {
    let text = fixtures().join("corpus/text");
    let (_, dir, output) = analyze(&[&text], &["--export", "parquet", "--export", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = dir.path().join("out");
    for file in [
        "dossier.json",
        "report.html",
        "quotes.parquet",
        "claims.csv",
    ] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    let (_, _, bad) = analyze(&[&text], &["--export", "xlsx"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn coded_events_become_gdelt_rows_and_table_rows() {
    let events = fixtures().join("events");
    let manifest = events.join("manifest.csv");
    let (dossier, dir, output) = analyze(
        &[&events],
        &[
            "--manifest",
            manifest.to_str().unwrap(),
            "--export",
            "events",
            "--export",
            "csv",
            "--export",
            "jsonl",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = dir.path().join("out");
    let gdelt = std::fs::read_to_string(out.join("gdelt_events.csv")).unwrap();
    let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 61), "{gdelt}");
    // Every asserted event of the dossier is a row; the aircraft that "entered Sarkan
    // airspace", which Velmar denies, is not.
    let asserted: Vec<&serde_json::Value> = dossier["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["asserted"] == true)
        .collect();
    assert_eq!(rows.len(), asserted.len(), "{gdelt}");
    assert!(asserted.len() < dossier["events"].as_array().unwrap().len());
    // The depot strike both outlets report: FIGHT, CAMEO root 19 (material conflict), two
    // outlets, dated by the day the text states.
    let depot = rows
        .iter()
        .find(|r| r[31..34] == ["2", "2", "2"])
        .unwrap_or_else(|| panic!("no event reported by both outlets:\n{gdelt}"));
    assert_eq!((depot[28], depot[29]), ("19", "4"));
    assert_eq!(depot[1], "20310602");
    assert!(depot[60].starts_with("https://"), "{}", depot[60]);
    // The ceasefire agreed in Geneva: root 03, placed by its words only, since the text does
    // not say which Geneva (no coordinates are made up).
    let agree = rows.iter().find(|r| r[28] == "03").expect("an AGREE row");
    assert_eq!((agree[52], agree[56], agree[51]), ("Geneva", "", ""));
    // The table keeps every report, asserted or not, with the GDELT row's event id.
    let table = std::fs::read_to_string(out.join("events.csv")).unwrap();
    assert!(table.starts_with("\u{feff}report_id,event_id,doc_id,"));
    let records: Vec<serde_json::Value> = std::fs::read_to_string(out.join("events.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let reports: usize = dossier["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reports"].as_array().unwrap().len())
        .sum();
    assert_eq!(records.len(), reports);
    assert!(records
        .iter()
        .any(|r| r["asserted"] == false && r["reason"] == "denied"));
    let places = std::fs::read_to_string(out.join("places.csv")).unwrap();
    assert!(places.contains("Geneva"), "{places}");
}
