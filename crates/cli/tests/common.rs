//! Helpers shared by the integration tests: paths to the fixtures and a runner for the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

pub fn fixtures() -> PathBuf {
    repo_root().join("fixtures")
}

/// The public datasets beside the repository, when present.
pub fn shared_data() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/data");
    dir.is_dir().then_some(dir)
}

pub fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("run parallax")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `parallax analyze -q` on `inputs` into the output folder `out` with the store `store`.
pub fn analyze_into(inputs: &[&Path], out: &Path, store: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["analyze".into(), "-q".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend([
        "--out".into(),
        out.display().to_string(),
        "--store".into(),
        store.display().to_string(),
    ]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    parallax(&refs)
}

/// A folder `in` inside a new temporary folder, holding one good article, `good.txt`.
pub fn inputs_with_one_good_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("good.txt"),
        "Troops entered Drevna on Friday, officials said.\n",
    )
    .unwrap();
    (dir, inputs)
}

/// Runs `parallax analyze` with a fresh store and returns the dossier and the output folder.
pub fn analyze(inputs: &[&Path], extra: &[&str]) -> (serde_json::Value, tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let output = analyze_into(inputs, &out, &dir.path().join("store"), extra);
    let dossier = std::fs::read_to_string(out.join("dossier.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null);
    (dossier, dir, output)
}

/// Checks that every item's `text` is exactly its span of its document's text.
pub fn assert_spans_exact(dossier: &serde_json::Value) {
    let docs: std::collections::HashMap<&str, &str> = dossier["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    let check = |item: &serde_json::Value| {
        let doc = docs[item["doc"].as_str().expect("doc")];
        let span = item["span"].as_array().expect("span");
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&doc[s..e], item["text"].as_str().unwrap(), "item {item}");
    };
    for kind in ["quotes", "figures", "times"] {
        dossier[kind].as_array().expect(kind).iter().for_each(check);
    }
    for entity in dossier["entities"].as_array().expect("entities") {
        entity["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .for_each(check);
    }
}
