//! `parallax store` and what `analyze` says about the store and about articles in another
//! language, run as a user runs them.

mod common;

use common::{parallax, stderr};

const ENGLISH: &str = "The river rose overnight and the city closed two bridges on Friday, officials in Dresden said. Engineers will inspect them on Monday. Mayor Hans Mueller said 300 people were evacuated.\n";
const GERMAN: &str = "Der Fluss ist über Nacht gestiegen, und die Stadt hat am Freitag zwei Brücken gesperrt, teilten die Behörden in Dresden mit. Ingenieure werden sie am Montag prüfen. Bürgermeister Hans Müller sagte, dass 300 Menschen evakuiert wurden.\n";

fn corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("en.txt"), ENGLISH).unwrap();
    std::fs::write(input.join("de.txt"), GERMAN).unwrap();
    std::fs::write(input.join("README.md"), "# about this folder\n").unwrap();
    input
}

#[test]
fn store_info_list_remove_clear() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let store = dir.path().join("store");
    let (input, store_arg) = (input.display().to_string(), store.display().to_string());
    let out = dir.path().join("out").display().to_string();
    let run = parallax(&["analyze", &input, "--store", &store_arg, "--out", &out]);
    assert!(run.status.success(), "{}", stderr(&run));
    let said = stderr(&run);
    assert!(
        said.contains(&format!("store {store_arg} holds 2 articles")),
        "{said}"
    );
    assert!(said.contains("not read: 1 files"), "{said}");

    let info = parallax(&["store", "info", "--store", &store_arg]);
    assert!(info.status.success(), "{}", stderr(&info));
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(info.contains("articles     2"), "{info}");

    let gone = parallax(&[
        "store",
        "remove",
        "--store",
        &store_arg,
        "--source",
        &format!("{input}/de"),
    ]);
    assert!(gone.status.success(), "{}", stderr(&gone));
    assert!(
        stderr(&gone).contains("removed 1 articles"),
        "{}",
        stderr(&gone)
    );
    let list = parallax(&["store", "list", "--store", &store_arg]);
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("en.txt"), "{listed}");

    let everything = parallax(&["store", "remove", "--store", &store_arg]);
    assert!(
        !everything.status.success(),
        "a removal says which articles"
    );
    let unconfirmed = parallax(&["store", "clear", "--store", &store_arg]);
    assert!(!unconfirmed.status.success(), "clear asks for --yes");
    let cleared = parallax(&["store", "clear", "--store", &store_arg, "--yes"]);
    assert!(cleared.status.success(), "{}", stderr(&cleared));
    let list = parallax(&["store", "list", "--store", &store_arg]);
    assert!(list.stdout.is_empty());
}

#[test]
fn a_path_without_a_store_is_an_error_that_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo");
    let missing_arg = missing.display().to_string();
    for args in [
        vec!["store", "info", "--store", &missing_arg],
        vec!["store", "clear", "--store", &missing_arg, "--yes"],
    ] {
        let run = parallax(&args);
        assert!(!run.status.success());
        assert!(
            stderr(&run).contains("holds no Parallax store"),
            "{}",
            stderr(&run)
        );
    }
    assert!(!missing.exists(), "nothing was created");
}

#[test]
fn other_languages_are_flagged_or_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    let (dossier, _tmp, run) = common::analyze(&[&input], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let docs = dossier["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let german = docs
        .iter()
        .find(|d| d["source"].as_str().unwrap().ends_with("de.txt"))
        .unwrap();
    let notes = german["diagnostics"].to_string();
    assert!(notes.contains("the text is in German"), "{notes}");
    let names = dossier["entities"].to_string();
    assert!(!names.contains("Freitag"), "{names}");

    let (dossier, _tmp, run) = common::analyze(&[&input], &["--other-languages", "skip"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(dossier["documents"].as_array().unwrap().len(), 1);
    let skipped = dossier["skipped"].to_string();
    assert!(skipped.contains("in German (detected)"), "{skipped}");
}
