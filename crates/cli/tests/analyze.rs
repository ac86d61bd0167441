//! `parallax analyze` end to end: every input format, the store, bad input and exit codes.

mod common;

use common::*;

#[test]
fn analyzes_the_text_corpus_with_its_manifest() {
    let text = fixtures().join("corpus/text");
    let manifest = text.join("manifest.csv");
    let (dossier, dir, output) = analyze(&[&text], &["--manifest", manifest.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let docs = dossier["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 7);
    let outlets: std::collections::BTreeSet<&str> =
        docs.iter().filter_map(|d| d["outlet"].as_str()).collect();
    assert_eq!(outlets.len(), 6, "{outlets:?}");
    assert!(docs
        .iter()
        .all(|d| d["published"].is_string() && d["title"].is_string()));
    for key in ["entities", "quotes", "figures", "times", "documents"] {
        assert!(dossier[key].is_array(), "missing {key}");
    }
    assert_spans_exact(&dossier);
    let report = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    assert!(report.contains("Meridian Wire"));
    assert_only_our_script(&report);
}

#[test]
fn reads_html_jsonl_and_warc_variants() {
    let corpus = fixtures().join("corpus");
    for (input, expected) in [("html", 7), ("articles.jsonl", 7), ("crawl.warc.gz", 3)] {
        let (dossier, _dir, output) = analyze(&[&corpus.join(input)], &[]);
        assert!(output.status.success(), "{input}: {}", stderr(&output));
        let docs = dossier["documents"].as_array().unwrap();
        assert_eq!(docs.len(), expected, "{input}");
        for doc in docs {
            assert!(
                doc["outlet"].is_string(),
                "{input}: no outlet in {}",
                doc["source"]
            );
            assert!(
                doc["published"].is_string(),
                "{input}: no date in {}",
                doc["source"]
            );
            let text = doc["text"].as_str().unwrap();
            assert!(
                !text.contains("Share on Facebook")
                    && !text.contains("Most read")
                    && !text.contains("reader42"),
                "{input}: boilerplate left in {text}"
            );
        }
        assert_spans_exact(&dossier);
    }
}

#[test]
fn second_run_reuses_the_store() {
    let text = fixtures().join("corpus/text");
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let args = |out: &str| {
        vec![
            "analyze".to_string(),
            text.display().to_string(),
            "--store".into(),
            store.display().to_string(),
            "--out".into(),
            dir.path().join(out).display().to_string(),
        ]
    };
    let run = |out: &str| {
        let a = args(out);
        parallax(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    assert!(run("a").status.success());
    let second = run("b");
    assert!(second.status.success());
    assert!(stderr(&second).contains("(7 reused"), "{}", stderr(&second));
}

#[test]
fn bad_files_are_skipped_with_a_reason_and_the_rest_analyzed() {
    let (_dir, inputs) = inputs_with_one_good_article();
    std::fs::write(inputs.join("latin1.txt"), b"Caf\xe9 society\n").unwrap();
    std::fs::write(inputs.join("empty.txt"), b"").unwrap();
    std::fs::write(
        inputs.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    std::fs::write(
        inputs.join("broken.jsonl"),
        "{\"title\": \"x\", \"maintext\": \"Fine text here.\"}\n{not json\n",
    )
    .unwrap();
    let (dossier, _d, output) = analyze(&[&inputs], &[]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    // The Latin-1 file is decoded, and says so; the other three are skipped.
    let documents = dossier["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3, "{err}");
    let latin1 = documents
        .iter()
        .find(|d| d["source"].as_str().unwrap().ends_with("latin1.txt"))
        .expect("latin1.txt analyzed");
    assert!(latin1["text"]
        .as_str()
        .unwrap()
        .starts_with("Caf\u{e9} society"));
    let notes = latin1["diagnostics"].to_string();
    assert!(notes.contains("decoded as windows-1252"), "{notes}");
    for name in ["empty.txt", "binary.txt", "broken.jsonl"] {
        assert!(err.contains(name), "no diagnostic naming {name}: {err}");
    }
    assert_eq!(dossier["skipped"].as_array().unwrap().len(), 3);

    let (_dossier, _d, strict) = analyze(&[&inputs], &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn nothing_analyzable_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let missing = dir.path().join("does-not-exist");
    let (_dossier, _d, output) = analyze(&[&dir.path().join("empty.txt"), &missing], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("does-not-exist"));
}

#[test]
fn dossier_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixtures().join("corpus/text/01-meridian-shelling.txt");
    let output = parallax(&[
        "analyze",
        "-q",
        file.to_str().unwrap(),
        "--out",
        "-",
        "--store",
        dir.path().join("s").to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let dossier: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(dossier["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn hostile_html_is_never_executed_in_the_report() {
    let page = fixtures().join("adversarial/hostile.html");
    let (dossier, dir, output) = analyze(&[&page], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_spans_exact(&dossier);
    let report = std::fs::read_to_string(dir.path().join("out/report.html")).unwrap();
    let lower = report.to_lowercase();
    assert_only_our_script(&report);
    assert!(!lower.contains("<img src=x"), "img injection in report");
    // The report draws its own map as an SVG; any other SVG came from the page.
    assert!(
        lower
            .match_indices("<svg")
            .all(|(i, _)| lower[i..].starts_with("<svg class=\"map\"")),
        "svg injection in report"
    );
    assert!(
        !lower.contains("href=\"javascript:"),
        "javascript: link in report"
    );
    assert!(!lower.contains("<iframe"), "iframe in report");
    assert!(report.contains("default-src 'none'"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(parallax(&["analyze"]).status.code(), Some(2));
    assert_eq!(
        parallax(&["eval", "no-such-task", "x"]).status.code(),
        Some(2)
    );
}

/// The report's one script is its own sorting and filtering (allowed by hash in its CSP); any
/// other script tag came from an article.
fn assert_only_our_script(report: &str) {
    let lower = report.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 1, "script tag in report");
    assert!(
        report.contains("<script>// Sorting and filtering of the report's tables"),
        "the report's script is its own"
    );
}
