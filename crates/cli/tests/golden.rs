//! Golden tests: the per-article analysis of the fixture corpus, written as one readable file
//! per article under `fixtures/expected/`, compared line by line.
//!
//! Refresh after an intended change with `PARALLAX_UPDATE_GOLDEN=1 cargo test --test golden`
//! and review the diff of `fixtures/expected/` like any other change.

mod common;

use common::*;
use parallax_core::{Analysis, Document};
use std::fmt::Write;

fn render(doc: &Document, a: &Analysis) -> String {
    let mut out = String::new();
    let t = &doc.text;
    let _ = writeln!(
        out,
        "# {}",
        doc.meta.title.as_deref().unwrap_or("(untitled)")
    );
    let _ = writeln!(out, "outlet: {}", doc.meta.outlet.as_deref().unwrap_or("-"));
    let _ = writeln!(
        out,
        "published: {}",
        doc.meta.published.as_deref().unwrap_or("-")
    );
    if let Some(anchor) = &a.time_anchor {
        let _ = writeln!(out, "time anchor: {} ({:?})", anchor.date, anchor.source);
    }
    let _ = writeln!(out, "\n## paragraphs");
    for p in &a.segmentation.paragraphs {
        let text = p.span.text(t);
        let head: String = text.chars().take(60).collect();
        let _ = writeln!(
            out,
            "{:<11} {}{}",
            format!("{:?}", p.role),
            head,
            if head.len() < text.len() { "…" } else { "" }
        );
    }
    let _ = writeln!(
        out,
        "\n## sentences: {}, tokens: {}",
        a.segmentation.sentences.len(),
        a.segmentation.tokens.len()
    );
    let _ = writeln!(out, "\n## entities");
    for e in &a.local_entities {
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .filter_map(|&m| a.mentions.get(m))
            .map(|m| format!("{} [{:?}]", m.text, m.kind))
            .collect();
        let roles = if e.roles.is_empty() {
            String::new()
        } else {
            format!(" roles={}", e.roles.join("; "))
        };
        let _ = writeln!(
            out,
            "{:<7} {}{} :: {}",
            e.entity_type.as_str(),
            e.name,
            roles,
            mentions.join(" | ")
        );
    }
    let _ = writeln!(out, "\n## quotes");
    for q in &a.quotes {
        let _ = writeln!(
            out,
            "{:?} «{}» cue={} speaker={} channel={}",
            q.kind,
            q.text,
            q.cue.as_ref().map_or("-", |c| c.text.as_str()),
            q.speaker_text.as_ref().map_or("-", |c| c.text.as_str()),
            q.channel.as_ref().map_or("-", |c| c.text.as_str()),
        );
    }
    let _ = writeln!(out, "\n## figures");
    for f in &a.figures {
        let n = |v: Option<f64>| v.map_or("-".to_string(), |v| v.to_string());
        let _ = writeln!(
            out,
            "«{}» value={} low={} high={} hedge={} counted={} category={:?}{}",
            f.text,
            n(f.value),
            n(f.low),
            n(f.high),
            f.hedge.as_deref().unwrap_or("-"),
            f.counted.as_ref().map_or("-", |c| c.text.as_str()),
            f.category,
            if f.quote.is_some() {
                " (in a quote)"
            } else {
                ""
            },
        );
    }
    let _ = writeln!(out, "\n## times");
    for time in &a.times {
        let _ = writeln!(
            out,
            "«{}» {:?} {}{}",
            time.text,
            time.timex_type,
            time.value,
            if time.relative { " (relative)" } else { "" }
        );
    }
    let _ = writeln!(out, "\n## voice");
    let opinion: Vec<usize> = a
        .voice
        .iter()
        .filter(|v| v.voice == parallax_core::Voice::Opinion)
        .map(|v| v.sentence)
        .collect();
    let _ = writeln!(out, "opinion sentences: {opinion:?} of {}", a.voice.len());
    let _ = writeln!(out, "\n## labels");
    for l in &a.labels {
        let entity = l.local_entity.and_then(|e| a.local_entities.get(e));
        let _ = writeln!(
            out,
            "{:?} «{}» -> {} ({:?})",
            l.form,
            l.text,
            entity.map_or("-", |e| e.name.as_str()),
            l.voice
        );
    }
    let _ = writeln!(out, "\n## tone");
    for tone in &a.tones {
        let name = a
            .local_entities
            .get(tone.local_entity)
            .map_or("-", |e| e.name.as_str());
        let words: Vec<&str> = tone.evidence.iter().map(|w| w.text.as_str()).collect();
        let _ = writeln!(
            out,
            "{name}: {:?} {:.2} over {} sentences [{}]",
            tone.tone,
            tone.score,
            tone.sentences,
            words.join(", ")
        );
    }
    let _ = writeln!(out, "\n## sentence tones (not neutral)");
    for t in a
        .sentence_tones
        .iter()
        .filter(|t| t.tone != parallax_core::Tone::Neutral)
    {
        let name = a
            .local_entities
            .get(t.local_entity)
            .map_or("-", |e| e.name.as_str());
        let words: Vec<&str> = t.evidence.iter().map(|w| w.text.as_str()).collect();
        let _ = writeln!(
            out,
            "s{} {name}: {:?} {:.2} ({:?}) [{}]",
            t.sentence,
            t.tone,
            t.score,
            t.voice,
            words.join(", ")
        );
    }
    let loaded: Vec<String> = a
        .loaded_terms
        .iter()
        .map(|t| format!("{} ({:?})", t.text, t.voice))
        .collect();
    let _ = writeln!(out, "\n## loaded terms\n{}", loaded.join(", "));
    let _ = writeln!(out, "\n## events");
    for e in &a.events {
        let actors = |list: &[parallax_core::EventActor]| -> String {
            let names: Vec<String> = list
                .iter()
                .map(|x| match &x.sector {
                    Some(s) => format!("{} [{}: {s}]", x.name, x.text),
                    None => format!("{} [{}]", x.name, x.text),
                })
                .collect();
            if names.is_empty() {
                "-".to_string()
            } else {
                names.join(" + ")
            }
        };
        let reporter = e
            .quote
            .and_then(|q| a.quotes.get(q))
            .and_then(|q| q.speaker_text.as_ref())
            .map_or("author".to_string(), |s| s.text.clone());
        let _ = writeln!(
            out,
            "{} «{}» mode={} source={} target={} where={} when={}{} reported_by={}{}",
            e.event_type.as_str(),
            e.trigger.text,
            e.mode.as_deref().unwrap_or("-"),
            actors(&e.source),
            actors(&e.target),
            e.location.as_ref().map_or("-".to_string(), |l| {
                match e
                    .place
                    .and_then(|p| a.places.get(p))
                    .and_then(|p| p.place.as_ref())
                {
                    Some(g) => format!(
                        "{} ({}, {})",
                        l.text,
                        g.name,
                        g.country.as_deref().unwrap_or("-")
                    ),
                    None => l.text.clone(),
                }
            }),
            e.date.as_ref().map_or("-", |d| d.value.as_str()),
            if e.date.as_ref().is_some_and(|d| d.from_anchor) {
                " (anchor)"
            } else {
                ""
            },
            reporter,
            match e.reason {
                Some(r) => format!(" NOT ASSERTED: {}", r.as_str()),
                None => String::new(),
            },
        );
    }
    out
}

/// Compares `actual` with the expected file at `path`, or writes it when updating.
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
            .zip(actual.lines().chain(std::iter::repeat("")))
            .filter(|(e, a)| e != a)
            .take(5)
            .map(|(e, a)| format!("  expected: {e}\n  actual:   {a}"))
            .collect();
        mismatches.push(format!("{}:\n{}", path.display(), diff.join("\n")));
    }
}

/// The event fixtures (fictional, `fixtures/events/`): an airstrike reported by two outlets
/// crediting different actors, a denial, a threat, a protest, an agreement, an event inside a
/// quotation. Each article's analysis, and the events of their dossier merged across outlets.
#[test]
fn event_fixtures_match_expected_files() {
    let dir = fixtures().join("events");
    let manifest = parallax_ingest::Manifest::load(&dir.join("manifest.csv")).expect("manifest");
    let expected_dir = fixtures().join("expected/events");
    let update = std::env::var_os("PARALLAX_UPDATE_GOLDEN").is_some();
    let (files, skipped) = parallax_ingest::discover(std::slice::from_ref(&dir));
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut mismatches = Vec::new();
    let mut corpus = Vec::new();
    for file in files {
        let outcome =
            parallax_ingest::read_file(&file, &manifest, &parallax_ingest::Limits::default());
        for doc in outcome.documents {
            let analysis = parallax_pipeline::analyze(&doc);
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            check(
                &expected_dir.join(format!("{stem}.txt")),
                &render(&doc, &analysis),
                update,
                &mut mismatches,
            );
            corpus.push((doc, analysis));
        }
    }
    let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
    let mut out = String::new();
    for e in &dossier.events {
        let _ = writeln!(
            out,
            "{} {}{} source={} target={} where={} when={}{} asserted={} outlets={} ({} sources, {} articles) disagree={}",
            e.id,
            e.event_type.as_str(),
            e.mode.as_deref().map_or(String::new(), |m| format!(" ({m})")),
            e.source.join(" + "),
            e.target.join(" + "),
            e.location.as_deref().unwrap_or("-"),
            e.date.as_deref().unwrap_or("-"),
            if e.date_from_anchor { " (anchor)" } else { "" },
            e.asserted,
            e.outlets.join(", "),
            e.num_sources,
            e.num_articles,
            e.disagreements.join(", "),
        );
        for r in &e.reports {
            let _ = writeln!(
                out,
                "    {}: «{}» by {} reported by {}",
                r.outlet,
                r.evidence.text,
                r.source.join(" + "),
                r.reported_by.as_deref().unwrap_or("author")
            );
        }
    }
    for t in &dossier.timeline {
        if !t.events.is_empty() {
            let _ = writeln!(out, "timeline {}: {}", t.date, t.events.join(", "));
        }
    }
    check(
        &expected_dir.join("dossier-events.txt"),
        &out,
        update,
        &mut mismatches,
    );
    assert!(
        mismatches.is_empty(),
        "golden files differ (refresh with PARALLAX_UPDATE_GOLDEN=1 if intended):\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn fixture_corpus_matches_expected_files() {
    let text_dir = fixtures().join("corpus/text");
    let manifest =
        parallax_ingest::Manifest::load(&text_dir.join("manifest.csv")).expect("manifest");
    let expected_dir = fixtures().join("expected");
    let update = std::env::var_os("PARALLAX_UPDATE_GOLDEN").is_some();
    let (files, skipped) = parallax_ingest::discover(std::slice::from_ref(&text_dir));
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut mismatches = Vec::new();
    for file in files {
        let outcome =
            parallax_ingest::read_file(&file, &manifest, &parallax_ingest::Limits::default());
        for doc in outcome.documents {
            let analysis = parallax_pipeline::analyze(&doc);
            let actual = render(&doc, &analysis);
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            let path = expected_dir.join(format!("{stem}.txt"));
            if update {
                std::fs::create_dir_all(&expected_dir).unwrap();
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected != actual {
                let diff: Vec<String> = expected
                    .lines()
                    .zip(actual.lines().chain(std::iter::repeat("")))
                    .filter(|(e, a)| e != a)
                    .take(5)
                    .map(|(e, a)| format!("  expected: {e}\n  actual:   {a}"))
                    .collect();
                mismatches.push(format!("{}:\n{}", path.display(), diff.join("\n")));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "golden files differ (refresh with PARALLAX_UPDATE_GOLDEN=1 if intended):\n{}",
        mismatches.join("\n")
    );
}
