//! `parallax analyze` on hostile and careless input: nothing lost silently, nothing replaced by
//! nothing, and the same input gives the same bytes whether or not the store is reused.

mod common;

use common::*;

#[test]
fn a_run_that_analyzes_nothing_keeps_the_previous_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let (out, store) = (dir.path().join("out"), dir.path().join("store"));
    let article = fixtures().join("corpus/text/01-meridian-shelling.txt");
    assert!(analyze_into(&[&article], &out, &store, &[])
        .status
        .success());
    let dossier = std::fs::read(out.join("dossier.json")).unwrap();
    let report = std::fs::read(out.join("report.html")).unwrap();

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let failed = analyze_into(&[&empty], &out, &store, &[]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("nothing was analyzed"),
        "{}",
        stderr(&failed)
    );
    assert_eq!(std::fs::read(out.join("dossier.json")).unwrap(), dossier);
    assert_eq!(std::fs::read(out.join("report.html")).unwrap(), report);
}

#[test]
fn reusing_the_store_gives_byte_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("figures.txt");
    // Values whose decimal form does not survive a lossy float parse (4.1 × 10⁶ is
    // 4099999.9999999995 in binary).
    std::fs::write(
        &input,
        "Budget talks stall in Lorvik\n\nThe ministry said 4.1 million people had been displaced and that \
         reconstruction would cost $1.047 trillion. At least 2.3 million were without power, \
         officials said on Friday, and 0.7 percent of the grid was working.\n",
    )
    .unwrap();
    let text = fixtures().join("corpus/text");
    let store = dir.path().join("store");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(analyze_into(&[&text, &input], &a, &store, &[])
        .status
        .success());
    let second = analyze_into(&[&text, &input], &b, &store, &[]);
    assert!(second.status.success());
    let (fresh, reused) = (
        std::fs::read_to_string(a.join("dossier.json")).unwrap(),
        std::fs::read_to_string(b.join("dossier.json")).unwrap(),
    );
    assert!(
        fresh.contains("4099999.9999999995"),
        "the test needs such a value"
    );
    assert!(
        fresh == reused,
        "a run reusing the store differs from a fresh run"
    );
    assert_eq!(
        std::fs::read(a.join("report.html")).unwrap(),
        std::fs::read(b.join("report.html")).unwrap()
    );
}

#[test]
fn manifest_rows_with_bad_dates_or_no_file_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Troops entered Drevna on Friday, officials said.\n",
    )
    .unwrap();
    let manifest = dir.path().join("manifest.csv");
    std::fs::write(
        &manifest,
        "path,outlet,published\na.txt,Wire,May 9th\nmissing.txt,Star,2031-05-09\n",
    )
    .unwrap();
    let m = manifest.display().to_string();
    let (dossier, _d, output) = analyze(&[&article], &["--manifest", &m]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("1 \u{d7} the date `May 9th` is not a YYYY-MM-DD date")
            && err.contains("manifest.csv line 2)"),
        "{err}"
    );
    assert!(err.contains("manifest.csv line 3)"), "{err}");
    assert!(
        err.contains("missing.txt matches none of the input files"),
        "{err}"
    );
    assert_eq!(dossier["documents"][0]["outlet"], "Wire");
    assert!(dossier["documents"][0]["published"].is_null());
    let (_dossier, _d, strict) = analyze(&[&article], &["--manifest", &m, "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn special_files_and_undecodable_names_are_skipped_by_name() {
    use std::os::unix::ffi::OsStrExt;
    let (_dir, inputs) = inputs_with_one_good_article();
    std::os::unix::fs::symlink("/dev/zero", inputs.join("zero.txt")).unwrap();
    assert!(std::process::Command::new("mkfifo")
        .arg(inputs.join("pipe.txt"))
        .status()
        .unwrap()
        .success());
    let latin1 = inputs.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&latin1, "Shelling resumed near Drevna, witnesses said.\n").unwrap();

    let (dossier, _d, output) = analyze(&[&inputs], &[]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_eq!(dossier["documents"].as_array().unwrap().len(), 1);
    assert!(
        err.contains("a character device, not a regular file: not read (")
            && err.contains("zero.txt)"),
        "{err}"
    );
    assert!(
        err.contains("a FIFO, not a regular file: not read (") && err.contains("pipe.txt)"),
        "{err}"
    );
    assert!(
        err.contains("the path is not valid UTF-8") && err.contains("caf\u{FFFD}.txt)"),
        "{err}"
    );
    let (_dossier, _d, strict) = analyze(&[&inputs], &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
}
