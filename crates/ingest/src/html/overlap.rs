//! Whether a paragraph of one text appears in another, in time linear in their lengths: a
//! paragraph counts as held when every run of [`WINDOW`] consecutive words in it occurs in the
//! other text (a paragraph shorter than that, when its whole run of words does). Comparing
//! word runs rather than whole paragraphs lets block boundaries differ between two extractions
//! of the same page, and hashing them, rather than searching one text for the other, keeps a
//! huge page cheap.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Words per run.
const WINDOW: usize = 4;

/// The hashes of every run of 1 to [`WINDOW`] consecutive words of some texts.
#[derive(Debug, Default)]
pub struct WordRuns(HashSet<u64>);

impl WordRuns {
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut runs = HashSet::new();
        for text in texts {
            let words: Vec<&str> = text.split_whitespace().collect();
            for size in 1..=WINDOW {
                runs.extend(words.windows(size).map(hash));
            }
        }
        WordRuns(runs)
    }

    /// Whether every run of words of `paragraph` occurs in these texts.
    pub fn hold(&self, paragraph: &str) -> bool {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        let size = words.len().min(WINDOW);
        size > 0 && words.windows(size).all(|w| self.0.contains(&hash(w)))
    }
}

fn hash(words: &[&str]) -> u64 {
    let mut hasher = DefaultHasher::new();
    words.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_held_across_block_boundaries() {
        let runs = WordRuns::of([
            "The river rose  overnight in the valley.",
            "Officials said.",
        ]);
        assert!(runs.hold("river rose overnight in"));
        assert!(runs.hold("Officials said."));
        assert!(runs.hold("valley."));
        assert!(!runs.hold("The river rose in the valley."));
        assert!(!runs.hold(""));
    }
}
