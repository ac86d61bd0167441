//! Golden test of the places layer: the fictional articles of `fixtures/places/` (one town
//! name in two countries: Tripoli, Libya and Tripoli, Lebanon) analyzed one by one, their
//! place mentions and the dossier's places written to `fixtures/expected/places/`.
//!
//! Refresh after an intended change with
//! `PARALLAX_UPDATE_GOLDEN=1 cargo test --release -p parallax-cli --test golden_places` and
//! review the diff.

mod common;

use common::*;
use parallax_core::{Analysis, Document, GeoPlace};
use std::fmt::Write;

fn place(g: &GeoPlace) -> String {
    format!(
        "{} [{} {}{}{}] {:.2},{:.2}",
        g.name,
        g.feature_code,
        g.country_code.as_deref().unwrap_or("-"),
        g.admin1
            .as_deref()
            .map_or(String::new(), |a| format!(" / {a}")),
        if g.geonames_id == 0 {
            String::new()
        } else {
            format!(" geonames:{}", g.geonames_id)
        },
        g.lat,
        g.lon
    )
}

fn render(doc: &Document, a: &Analysis) -> String {
    let mut out = format!(
        "# {}\n## places\n",
        doc.meta.title.as_deref().unwrap_or("-")
    );
    for p in &a.places {
        let what = match &p.place {
            Some(g) => place(g),
            None => format!(
                "undecided: {}",
                p.candidates
                    .iter()
                    .map(place)
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        };
        let _ = writeln!(
            out,
            "{}..{} {} => {}",
            p.span.start, p.span.end, p.text, what
        );
    }
    out
}

fn check(path: &std::path::Path, actual: &str, update: bool, mismatches: &mut Vec<String>) {
    if update {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .chain(std::iter::repeat(""))
            .zip(actual.lines().chain(std::iter::repeat("")))
            .take(expected.lines().count().max(actual.lines().count()))
            .filter(|(e, a)| e != a)
            .take(5)
            .map(|(e, a)| format!("  expected: {e}\n  actual:   {a}"))
            .collect();
        mismatches.push(format!("{}:\n{}", path.display(), diff.join("\n")));
    }
}

#[test]
fn place_fixtures_match_expected_files() {
    let dir = fixtures().join("places");
    let manifest = parallax_ingest::Manifest::load(&dir.join("manifest.csv")).expect("manifest");
    let expected_dir = fixtures().join("expected/places");
    let update = std::env::var_os("PARALLAX_UPDATE_GOLDEN").is_some();
    let (files, _) = parallax_ingest::discover(std::slice::from_ref(&dir));
    let mut mismatches = Vec::new();
    let mut corpus = Vec::new();
    for file in files {
        let outcome =
            parallax_ingest::read_file(&file, &manifest, &parallax_ingest::Limits::default());
        for doc in outcome.documents {
            let analysis = parallax_pipeline::analyze(&doc);
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            let path = expected_dir.join(format!("{stem}.txt"));
            check(&path, &render(&doc, &analysis), update, &mut mismatches);
            corpus.push((doc, analysis));
        }
    }
    assert_eq!(corpus.len(), 2, "both fixture articles read");
    let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
    let mut out = String::from("# dossier places\n");
    for p in &dossier.places {
        let _ = writeln!(
            out,
            "{} story={} {} => {} mentions={} outlets={}",
            p.id,
            p.story.as_deref().unwrap_or("-"),
            p.name,
            p.place.as_ref().map_or("undecided".into(), place),
            p.mentions.len(),
            p.outlets.join(", ")
        );
    }
    check(
        &expected_dir.join("dossier-places.txt"),
        &out,
        update,
        &mut mismatches,
    );
    assert!(
        mismatches.is_empty(),
        "golden files differ (refresh with PARALLAX_UPDATE_GOLDEN=1 if intended):\n{}",
        mismatches.join("\n")
    );
    // What the fixtures are for: one name, two countries, each decided by its neighbours.
    let tripoli: Vec<(&str, Option<&str>)> = dossier
        .places
        .iter()
        .filter(|p| p.name == "Tripoli")
        .map(|p| {
            (
                p.mentions[0].doc.as_str(),
                p.place.as_ref().and_then(|g| g.country_code.as_deref()),
            )
        })
        .collect();
    let countries: Vec<Option<&str>> = tripoli.iter().map(|t| t.1).collect();
    assert!(
        countries.contains(&Some("LY")) && countries.contains(&Some("LB")),
        "{tripoli:?}"
    );
}
