//! Evaluation task `geocode`: toponym resolution and recognition on GeoWebNews or LGL
//! (`GWN.xml`, `lgl.xml`; see [`crate::formats::geoparsing`]).
//!
//! **Split.** Neither set has one, so one is fixed: articles are ordered by the FNV-1a hash of
//! `geocode/<article index>` and the first half is the tuning half (the weights of
//! `parallax_places::Weights` were chosen on it), the second the held half. The plain keys
//! are the held half's; `tune_`-prefixed keys repeat the figures on the tuning half.
//!
//! **From gold spans** (`acc_161km`, `mean_km`, `median_km`, `auc`, `geonames_accuracy`):
//! every gold toponym with a point (LGL: a `gaztag`; GeoWebNews: a GeoNames id, the set
//! Mordecai reports on) is handed to the geocoder as a place mention, all of an article's at
//! once, with the article's entity layer for its nationalities. The answer is the resolved
//! place or, when the text does not decide, the best candidate; no candidate at all counts as
//! the largest error, 20,039 km (half the Earth's circumference), as in Gritta et al. 2019.
//! `acc_161km` is the share within 161 km (100 miles); `auc` the mean of
//! `ln(1 + km) / ln(1 + 20039)` (the area under their error curve; lower is better);
//! `geonames_accuracy` the share whose GeoNames id is the gold one; `undecided` the share the
//! geocoder left open.
//!
//! **End to end** (`geotag_precision`, `geotag_recall`, `geotag_f1`, `e2e_acc_161km`): the
//! full pipeline's place mentions against the gold toponyms that have a point, a mention
//! matching when its span is exactly a gold span; `e2e_acc_161km` is the 161 km accuracy over
//! the matched ones.

use crate::formats::geoparsing::{self, GoldArticle, GoldToponym};
use crate::{read_text, EvalError, EvalReport};
use parallax_core::{Document, PlaceMention, Span};
use parallax_places::gazetteer::distance_km;
use std::path::{Path, PathBuf};

/// The largest possible error: half the Earth's circumference.
const MAX_KM: f64 = 20_039.0;

/// Accuracy radius: 100 miles.
pub const RADIUS_KM: f64 = 161.0;

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let path = gold_file(gold)?;
    let articles =
        geoparsing::parse(&read_text(&path)?).map_err(|m| EvalError::format(&path, m))?;
    let (tune, held) = split(articles.len());
    let mut report = EvalReport::new("geocode", path.display().to_string());
    let limit = limit.unwrap_or(usize::MAX);
    let held_score = score(&articles, &held[..held.len().min(limit)]);
    let tune_score = score(&articles, &tune[..tune.len().min(limit)]);
    report.items = held_score.errors.len();
    held_score.report(&mut report, "");
    tune_score.report(&mut report, "tune_");
    report.notes.push(format!(
        "no split exists: articles ordered by FNV-1a of `geocode/<index>`; weights tuned on the \
         first half ({} articles), plain keys from the held second half ({} articles)",
        tune.len(),
        held.len()
    ));
    Ok(report)
}

/// `GOLD` itself when a file; in a dataset folder, `GWN.xml`.
fn gold_file(gold: &Path) -> Result<PathBuf, EvalError> {
    if gold.is_file() {
        return Ok(gold.to_path_buf());
    }
    let gwn = gold.join("GWN.xml");
    if gwn.is_file() {
        Ok(gwn)
    } else {
        Err(EvalError::format(gold, "no GWN.xml or lgl.xml given"))
    }
}

/// Article indices of the tuning half and of the held half.
pub fn split(n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (crate::fnv1a(&format!("geocode/{i}")), i));
    let held = order.split_off(n / 2);
    (order, held)
}

/// The gold toponyms scored: those with a point and, in GeoWebNews, a GeoNames id.
pub fn scored_toponyms(article: &GoldArticle) -> Vec<&GoldToponym> {
    article
        .toponyms
        .iter()
        .filter(|t| t.point.is_some())
        .filter(|t| t.geonames_id.is_some())
        .collect()
}

#[derive(Default)]
struct Score {
    errors: Vec<f64>,
    exact: usize,
    undecided: usize,
    system: usize,
    gold: usize,
    matched: usize,
    matched_within: usize,
}

fn document(article: &GoldArticle, index: usize) -> Document {
    let mut doc = Document::new(format!("g{index}"), article.text.clone(), "gold");
    doc.meta.url = article.url.clone();
    doc
}

fn score(articles: &[GoldArticle], indices: &[usize]) -> Score {
    let mut s = Score::default();
    for &i in indices {
        let article = &articles[i];
        let doc = document(article, i);
        let analysis = parallax_pipeline::analyze(&doc);
        // From gold spans.
        let gold = scored_toponyms(article);
        let spans: Vec<Span> = gold.iter().map(|t| t.span).collect();
        let answers = parallax_places::geocode(&doc, &analysis.local_entities, &spans);
        for (t, answer) in gold.iter().zip(&answers) {
            let (lat, lon) = t.point.unwrap_or_default();
            let best = answer.place.as_ref().or(answer.candidates.first());
            if answer.place.is_none() {
                s.undecided += 1;
            }
            match best {
                Some(p) => {
                    s.errors.push(distance_km(lat, lon, p.lat, p.lon));
                    if Some(p.geonames_id) == t.geonames_id {
                        s.exact += 1;
                    }
                }
                None => s.errors.push(MAX_KM),
            }
        }
        // End to end.
        let gold_all: Vec<&GoldToponym> = article
            .toponyms
            .iter()
            .filter(|t| t.point.is_some())
            .collect();
        s.gold += gold_all.len();
        s.system += analysis.places.len();
        for place in &analysis.places {
            if let Some(t) = gold_all.iter().find(|t| t.span == place.span) {
                s.matched += 1;
                if within(t, place) {
                    s.matched_within += 1;
                }
            }
        }
    }
    s
}

fn within(t: &GoldToponym, place: &PlaceMention) -> bool {
    let (Some((lat, lon)), Some(p)) = (t.point, place.place.as_ref().or(place.candidates.first()))
    else {
        return false;
    };
    distance_km(lat, lon, p.lat, p.lon) <= RADIUS_KM
}

impl Score {
    fn report(&self, report: &mut EvalReport, prefix: &str) {
        let n = self.errors.len().max(1) as f64;
        let mut sorted = self.errors.clone();
        sorted.sort_by(f64::total_cmp);
        let median = if sorted.is_empty() {
            0.0
        } else if sorted.len() % 2 == 1 {
            sorted[sorted.len() / 2]
        } else {
            (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
        };
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let within = self.errors.iter().filter(|&&e| e <= RADIUS_KM).count();
        let auc = self
            .errors
            .iter()
            .map(|e| e.ln_1p() / MAX_KM.ln_1p())
            .sum::<f64>()
            / n;
        let p = ratio(self.matched, self.system);
        let r = ratio(self.matched, self.gold);
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        for (key, value) in [
            ("acc_161km", ratio(within, self.errors.len())),
            ("mean_km", self.errors.iter().sum::<f64>() / n),
            ("median_km", median),
            ("auc", auc),
            ("geonames_accuracy", ratio(self.exact, self.errors.len())),
            ("undecided", ratio(self.undecided, self.errors.len())),
            ("geotag_precision", p),
            ("geotag_recall", r),
            ("geotag_f1", f1),
            ("e2e_acc_161km", ratio(self.matched_within, self.matched)),
        ] {
            report.metric(&format!("{prefix}{key}"), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_fixed_and_halves() {
        let (a, b) = split(10);
        assert_eq!((a.len(), b.len()), (5, 5));
        assert_eq!(split(10), (a.clone(), b));
        let mut all: Vec<usize> = a.into_iter().chain(split(10).1).collect();
        all.sort();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
    }
}

#[cfg(test)]
mod dump {
    use super::*;

    /// Development aid: prints the toponyms of the tuning half of the file in GEOCODE_DUMP
    /// that are answered more than 161 km off (never the held half).
    #[test]
    #[ignore]
    fn dump_errors() {
        let Ok(file) = std::env::var("GEOCODE_DUMP") else {
            return;
        };
        let articles = geoparsing::parse(&read_text(Path::new(&file)).unwrap()).unwrap();
        for i in split(articles.len()).0 {
            let article = &articles[i];
            let doc = document(article, i);
            let analysis = parallax_pipeline::analyze(&doc);
            let gold = scored_toponyms(article);
            let spans: Vec<Span> = gold.iter().map(|t| t.span).collect();
            let answers = parallax_places::geocode(&doc, &analysis.local_entities, &spans);
            for (t, answer) in gold.iter().zip(&answers) {
                let (lat, lon) = t.point.unwrap_or_default();
                let best = answer.place.as_ref().or(answer.candidates.first());
                let km = best.map_or(MAX_KM, |p| distance_km(lat, lon, p.lat, p.lon));
                if km > RADIUS_KM {
                    println!(
                        "{i}\t{}\t{:.0}\tgold {:?} ({lat},{lon})\tgot {}",
                        answer.text,
                        km,
                        t.geonames_id,
                        best.map_or("-".into(), |p| format!(
                            "{} {} {:?} {} ({},{})",
                            p.name, p.feature_code, p.admin1, p.geonames_id, p.lat, p.lon
                        ))
                    );
                }
            }
        }
    }
}
