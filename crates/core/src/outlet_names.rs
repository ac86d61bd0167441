//! One name per outlet across the corpus.
//!
//! Datasets and feeds spell one outlet several ways: BASIL labels 66 Fox News articles "fox"
//! and four "FOX"; a manifest typed by hand may hold "The  Hill" with a doubled space. Grouped
//! as written, each spelling becomes an outlet of its own in every table of the dossier (the
//! stories' outlets, the framing tables, claims, disputes), and a reader sees two Fox News
//! outlets that disagree with each other.
//!
//! Spellings are the same outlet when they fold to the same key: lowercase (Unicode), runs of
//! whitespace as one space, trimmed. Nothing looser: "The Hill" and "Hill", or "nytimes.com"
//! and "The New York Times", may be different outlets as far as the text can tell, and joining
//! two outlets is worse than showing one twice. The name kept is the spelling most articles
//! carry; on a tie, the first in byte order, so the same corpus always gives the same name.
//! The cross-document stages rename once, where they begin, so every stage and the dossier see
//! one name; `parallax store info` counts articles per outlet by the same names.

use std::collections::{BTreeMap, HashMap};

/// The key under which spellings of one outlet meet.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The outlet names of a corpus (one per article that names its outlet) that are to be
/// written another way: each spelling as written, mapped to the one spelling its outlet goes
/// by. Names already canonical are absent, so an empty map means nothing changes.
pub fn renames<'a>(outlets: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    // fold key -> spelling -> articles carrying it (BTreeMap: ties break by byte order).
    let mut spellings: HashMap<String, BTreeMap<&str, usize>> = HashMap::new();
    for outlet in outlets {
        *spellings
            .entry(fold(outlet))
            .or_default()
            .entry(outlet)
            .or_default() += 1;
    }
    let mut out = HashMap::new();
    for spelled in spellings.values().filter(|s| s.len() > 1) {
        let mut best: Option<(&str, usize)> = None;
        for (&name, &count) in spelled {
            if best.is_none_or(|(_, most)| count > most) {
                best = Some((name, count));
            }
        }
        let Some((canonical, _)) = best else { continue };
        for &name in spelled.keys().filter(|&&n| n != canonical) {
            out.insert(name.to_string(), canonical.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spelling_most_articles_carry_wins() {
        let outlets = ["fox", "FOX", "fox", "nyt"];
        let map = renames(outlets);
        assert_eq!(map.len(), 1, "{map:?}");
        assert_eq!(map["FOX"], "fox");
    }

    #[test]
    fn whitespace_folds_and_ties_break_by_byte_order() {
        let outlets = ["The  Hill", "the hill "];
        let map = renames(outlets);
        assert_eq!(map.len(), 1, "{map:?}");
        assert_eq!(map["the hill "], "The  Hill");
    }

    #[test]
    fn different_names_stay_apart() {
        let outlets = ["The Hill", "Hill"];
        assert!(renames(outlets).is_empty());
    }
}
