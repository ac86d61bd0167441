//! Runs every evaluation listed in `eval/floors.toml` against the public datasets beside the
//! repository (`../shared/data`) and fails when a figure falls below its floor. Without the
//! datasets it says so and passes, so the suite works for any user; CI always has them.
//! The summary table is printed and also written to `target/eval-summary.txt`.

mod common;

use common::*;

#[test]
fn every_eval_reaches_its_floor() {
    let Some(data) = shared_data() else {
        eprintln!("skipping the evals: ../shared/data is absent");
        return;
    };
    let floors = repo_root().join("eval/floors.toml");
    let output = parallax(&[
        "eval",
        "--floors",
        floors.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    let table = String::from_utf8_lossy(&output.stdout);
    println!("{table}");
    let _ = std::fs::write(
        repo_root().join("target/eval-summary.txt"),
        table.as_bytes(),
    );
    assert!(
        output.status.success(),
        "an eval fell below its floor or failed:\n{table}\n{}",
        stderr(&output)
    );
}

/// `parallax eval coverage` prints the keys and, with `--errors`, each miss with its
/// sentence. One story keeps it to a fraction of a second.
#[test]
fn coverage_reports_its_keys_and_misses() {
    let Some(data) = shared_data() else {
        eprintln!("skipping the coverage eval: ../shared/data is absent");
        return;
    };
    let output = parallax(&[
        "eval",
        "coverage",
        data.to_str().unwrap(),
        "--split",
        "dev",
        "--limit",
        "1",
        "--json",
        "--errors",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    for key in [
        "speaker_accuracy",
        "entity_merge_precision",
        "entity_merge_recall",
        "relative_date_accuracy",
        "generic_count_claims",
        "figure_assertion_accuracy",
    ] {
        let value = report[key].as_f64().unwrap_or(-1.0);
        assert!(value >= 0.0, "{key} missing or negative: {report}");
    }
    assert_eq!(report["stories"].as_f64(), Some(1.0));
    let errors = report["errors"].as_array().expect("errors listed");
    assert!(errors.iter().all(|e| {
        let sentence = e["sentence"].as_str().unwrap_or("");
        sentence.contains("[[") && !e["kind"].as_str().unwrap_or("").is_empty()
    }));
}
