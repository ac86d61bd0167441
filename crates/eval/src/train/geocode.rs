//! `parallax train geocode GEOPARSING --out WEIGHTS`: chooses the geocoder's evidence weights
//! ([`parallax_places::Weights`]) on the tuning half of GeoWebNews and LGL (the split of
//! [`crate::tasks::geocode::split`]; the held halves are never read here).
//!
//! The search is coordinate ascent from the current weights: each weight in turn is tried
//! at a few multiples and offsets of its value, and the change that most raises the 161 km
//! accuracy over both tuning halves together (ties: lower mean of `ln(1 + km)`) is kept;
//! rounds repeat until none helps, at most [`ROUNDS`]. Each article's entity layer is made
//! once, so a trial costs only the geocoding.

use super::TrainSummary;
use crate::formats::geoparsing::{self, GoldArticle};
use crate::tasks::geocode::{scored_toponyms, split, RADIUS_KM};
use crate::{read_text, EvalError};
use parallax_core::{Document, LocalEntity, Span};
use parallax_places::gazetteer::{self, distance_km, Gazetteer};
use parallax_places::resolve::WEIGHT_NAMES;
use parallax_places::Weights;
use std::collections::BTreeMap;
use std::path::Path;

/// Most rounds of coordinate ascent.
pub const ROUNDS: usize = 4;

struct Case {
    doc: Document,
    entities: Vec<LocalEntity>,
    spans: Vec<Span>,
    points: Vec<(f64, f64)>,
}

fn cases(path: &Path) -> Result<Vec<Case>, EvalError> {
    let articles: Vec<GoldArticle> =
        geoparsing::parse(&read_text(path)?).map_err(|m| EvalError::format(path, m))?;
    let (tune, _held) = split(articles.len());
    Ok(tune
        .into_iter()
        .map(|i| {
            let a = &articles[i];
            let mut doc = Document::new(format!("g{i}"), a.text.clone(), "gold");
            doc.meta.url = a.url.clone();
            let entities = parallax_pipeline::analyze(&doc).local_entities;
            let gold = scored_toponyms(a);
            Case {
                spans: gold.iter().map(|t| t.span).collect(),
                points: gold.iter().filter_map(|t| t.point).collect(),
                doc,
                entities,
            }
        })
        .collect())
}

/// (toponyms within 161 km, sum of ln(1 + km)) over all cases.
fn objective(g: &Gazetteer, w: Weights, cases: &[Case]) -> (usize, f64) {
    let mut within = 0;
    let mut log_km = 0.0;
    for case in cases {
        let answers = parallax_places::geocode_with(g, w, &case.doc, &case.entities, &case.spans);
        for (answer, &(lat, lon)) in answers.iter().zip(&case.points) {
            let km = answer
                .place
                .as_ref()
                .or(answer.candidates.first())
                .map_or(20_039.0, |p| distance_km(lat, lon, p.lat, p.lon));
            within += usize::from(km <= RADIUS_KM);
            log_km += km.ln_1p();
        }
    }
    (within, log_km)
}

fn better(a: (usize, f64), b: (usize, f64)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1 - 1e-6)
}

pub fn train(data: &Path, out: &Path) -> Result<TrainSummary, EvalError> {
    let g = gazetteer::embedded().map_err(|e| EvalError::Other(e.to_string()))?;
    let mut all = Vec::new();
    for name in ["GWN.xml", "lgl.xml"] {
        all.extend(cases(&data.join(name))?);
    }
    let start = Weights::embedded().map_err(EvalError::Other)?;
    let mut values = start.values();
    let mut best = objective(g, start, &all);
    let total: usize = all.iter().map(|c| c.spans.len()).sum();
    let start_accuracy = best.0 as f64 / total.max(1) as f64;
    for _round in 0..ROUNDS {
        let mut improved = false;
        for i in 0..values.len() {
            let v = values[i];
            let mut trials = vec![v * 0.5, v * 0.75, v * 1.25, v * 1.5, v + 0.5, v - 0.5];
            if WEIGHT_NAMES[i] == "margin" {
                trials.push(0.0);
            }
            for t in trials {
                let mut candidate = values;
                candidate[i] = (t * 1000.0).round() / 1000.0;
                let score = objective(g, Weights::from_values(candidate), &all);
                if better(score, best) {
                    best = score;
                    values = candidate;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    let weights = Weights::from_values(values);
    let text = format!(
        "# Written by `parallax train geocode` (see docs/models.md): tuning halves of GeoWebNews\n\
         # and LGL, {total} toponyms; 161 km accuracy {start_accuracy:.4} -> {:.4}.\n{}",
        best.0 as f64 / total.max(1) as f64,
        weights.to_text()
    );
    std::fs::write(out, &text).map_err(|e| EvalError::io(out, e))?;
    let mut dev = BTreeMap::new();
    dev.insert("tune_acc_161km_before".to_string(), start_accuracy);
    dev.insert(
        "tune_acc_161km".to_string(),
        best.0 as f64 / total.max(1) as f64,
    );
    Ok(TrainSummary {
        model: out.display().to_string(),
        examples: total,
        bytes: text.len() as u64,
        dev,
    })
}
