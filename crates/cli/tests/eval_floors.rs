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
