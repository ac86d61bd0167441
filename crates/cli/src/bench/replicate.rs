//! Replicating an analyzed corpus to a larger one for the cross-document benchmark.
//!
//! Copy `k` of an article keeps its text and analysis (an analysis is a pure function of the
//! document, so a copy's is the original's) and gets its own id, one of [`OUTLETS`] synthetic
//! outlets and a publication date spread over four years, so that the copies of one text fall
//! into different stories, outlets and time windows instead of one giant cluster.

use parallax_core::{Analysis, Document};

/// Number of synthetic outlets the copies are spread over.
pub const OUTLETS: usize = 40;
/// Days the copies' publication dates are spread over.
const SPREAD_DAYS: i64 = 4 * 365;
/// 2020-01-01 as days since 1970-01-01.
const FIRST_DAY: i64 = 18_262;

/// `corpus` repeated until it holds `target` articles (the originals first, unchanged).
pub fn replicate(corpus: &[(Document, Analysis)], target: usize) -> Vec<(Document, Analysis)> {
    let n = corpus.len();
    let mut out: Vec<(Document, Analysis)> = Vec::with_capacity(target.max(n));
    out.extend(corpus.iter().cloned());
    if n == 0 {
        return out;
    }
    for k in n..target {
        let (doc, analysis) = &corpus[k % n];
        let mut doc = doc.clone();
        let mut analysis = analysis.clone();
        doc.id = format!("{}-r{}", doc.id, k / n);
        analysis.doc = doc.id.clone();
        doc.meta.outlet = Some(format!("Outlet {:02}", (k * 7 + k / n) % OUTLETS));
        let day = FIRST_DAY + ((k as i64) * 97 + (k / n) as i64 * 31) % SPREAD_DAYS;
        doc.meta.published = Some(format!("{}T{:02}:00:00Z", civil(day), k % 24));
        out.push((doc, analysis));
    }
    out
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
fn civil(days: i64) -> String {
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(days)))
        .map_or_else(String::new, |day| day.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil(0), "1970-01-01");
        assert_eq!(civil(FIRST_DAY), "2020-01-01");
        assert_eq!(civil(14_099), "2008-08-08");
    }

    #[test]
    fn copies_get_ids_outlets_and_dates() {
        let corpus: Vec<(Document, Analysis)> = (0..3)
            .map(|i| {
                (
                    Document::new(format!("d{i}"), "Text.", "p"),
                    Analysis::default(),
                )
            })
            .collect();
        let out = replicate(&corpus, 10);
        assert_eq!(out.len(), 10);
        assert_eq!(out[0].0.id, "d0");
        assert_eq!(out[4].0.id, "d1-r1");
        assert_eq!(out[4].1.doc, "d1-r1");
        let ids: std::collections::HashSet<&str> = out.iter().map(|(d, _)| d.id.as_str()).collect();
        assert_eq!(ids.len(), 10);
        assert!(out[9].0.published_date().is_some());
        assert!(out[9]
            .0
            .meta
            .outlet
            .as_deref()
            .unwrap()
            .starts_with("Outlet "));
    }
}
