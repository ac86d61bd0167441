//! The streaming story index: each added article joins the best-matching story or opens a
//! new one, at a cost that does not grow with the corpus.
//!
//! Retrieval goes through an inverted index from salient terms and entity names to the
//! stories that used them; each posting list keeps only the [`MAX_POSTINGS`] most recently
//! extended stories, and only the [`MAX_CANDIDATES`] best-hit stories are scored. A story's
//! term centroid is pruned to [`CENTROID_TERMS`] terms. Document frequencies are counted as
//! articles arrive, so the tf-idf weights need no second pass.

use super::features::DocFeatures;
use std::collections::HashMap;

/// Terms of one article's vector (its most salient by tf-idf).
const DOC_TERMS: usize = 40;
/// Terms kept in a story's centroid.
const CENTROID_TERMS: usize = 200;
/// Of an article's terms, how many are looked up in the inverted index.
const QUERY_TERMS: usize = 15;
/// Entity names looked up per article.
const QUERY_ENTITIES: usize = 15;
/// Stories kept per posting list (the most recently extended).
const MAX_POSTINGS: usize = 64;
/// Stories scored per added article.
const MAX_CANDIDATES: usize = 32;
/// Member vectors kept per story (the most recent) for the nearest-member similarity.
const MEMBER_VECTORS: usize = 8;
/// Entity keys and term keys share the posting map; entities are tagged to keep them apart.
const ENTITY_TAG: u64 = 0x5a5a_5a5a_5a5a_5a5a;

/// How coarse the stories are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryConfig {
    /// Minimum score for an article to join an existing story.
    pub threshold: f64,
    /// Articles published within this many days of a story's span are not penalized.
    pub window_days: f64,
    /// Share of the score given to entity overlap when both sides name entities.
    pub entity_weight: f64,
}

impl StoryConfig {
    /// One real-world event or development per story (the dossier's stories).
    pub const EVENT: StoryConfig = StoryConfig {
        threshold: 0.25,
        window_days: 3.0,
        entity_weight: 0.25,
    };
    /// Coarser stories: events of the same kind and place grouped together.
    pub const TOPIC: StoryConfig = StoryConfig {
        threshold: 0.075,
        window_days: 14.0,
        entity_weight: 0.25,
    };
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig::EVENT
    }
}

/// One story as the index keeps it.
#[derive(Debug, Clone, Default)]
struct StoryState {
    /// Sum of the members' normalized term vectors, pruned to the heaviest terms.
    centroid: HashMap<u64, f64>,
    /// The most recent members' vectors, oldest first.
    members: Vec<Vec<(u64, f64)>>,
    entities: HashMap<u64, u32>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    size: usize,
}

/// A stream of articles clustered into stories.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    config: StoryConfig,
    documents: usize,
    df: HashMap<u64, u32>,
    postings: HashMap<u64, Vec<usize>>,
    stories: Vec<StoryState>,
}

impl StoryIndex {
    pub fn new(config: StoryConfig) -> Self {
        StoryIndex {
            config,
            ..StoryIndex::default()
        }
    }

    /// Number of stories opened so far.
    pub fn len(&self) -> usize {
        self.stories.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// Adds one article and returns the index of the story it joined or opened.
    pub fn add(&mut self, features: DocFeatures) -> usize {
        self.documents += 1;
        for &(t, _) in &features.terms {
            *self.df.entry(t).or_default() += 1;
        }
        let vector = self.vector(&features);
        let entities: Vec<u64> = features
            .entities
            .iter()
            .take(QUERY_ENTITIES)
            .map(|e| e ^ ENTITY_TAG)
            .collect();
        let best = self
            .candidates(&vector, &entities)
            .into_iter()
            .map(|s| (self.score(s, &vector, &entities, features.day), s))
            .filter(|(score, _)| *score >= self.config.threshold)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let story = match best {
            Some((_, s)) => s,
            None => {
                self.stories.push(StoryState::default());
                self.stories.len() - 1
            }
        };
        self.extend(story, &vector, &entities, features.day);
        story
    }

    /// The article's normalized tf-idf vector over its most salient terms, heaviest first.
    fn vector(&self, features: &DocFeatures) -> Vec<(u64, f64)> {
        let n = self.documents as f64;
        let mut weighted: Vec<(u64, f64)> = features
            .terms
            .iter()
            .map(|&(t, tf)| {
                let df = f64::from(self.df.get(&t).copied().unwrap_or(1));
                let idf = ((n + 1.0) / (df + 1.0)).ln() + 1.0;
                (t, (1.0 + f64::from(tf).ln()) * idf)
            })
            .collect();
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(DOC_TERMS);
        let norm = weighted.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut weighted {
                *w /= norm;
            }
        }
        weighted
    }

    /// Stories sharing the article's top terms or entities, the most-hit first.
    fn candidates(&self, vector: &[(u64, f64)], entities: &[u64]) -> Vec<usize> {
        let mut hits: HashMap<usize, f64> = HashMap::new();
        let keys = vector
            .iter()
            .take(QUERY_TERMS)
            .copied()
            .chain(entities.iter().map(|&e| (e, 1.0 / entities.len() as f64)));
        for (key, weight) in keys {
            for &s in self.postings.get(&key).into_iter().flatten() {
                *hits.entry(s).or_default() += weight;
            }
        }
        let mut ranked: Vec<(usize, f64)> = hits.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(s, _)| s).collect()
    }

    /// Text cosine, blended with entity overlap, scaled down outside the time window.
    fn score(&self, s: usize, vector: &[(u64, f64)], entities: &[u64], day: Option<i64>) -> f64 {
        let Some(story) = self.stories.get(s) else {
            return 0.0;
        };
        let norm = story.centroid.values().map(|w| w * w).sum::<f64>().sqrt();
        let dot: f64 = vector
            .iter()
            .filter_map(|(t, w)| story.centroid.get(t).map(|c| c * w))
            .sum();
        let centroid_cosine = if norm > 0.0 { dot / norm } else { 0.0 };
        // A story drifts as it develops; an article close to any recent member belongs too.
        let cosine = story
            .members
            .iter()
            .map(|m| dot_sparse(vector, m))
            .fold(centroid_cosine, f64::max);
        let mut score = cosine;
        if self.config.entity_weight > 0.0 && !entities.is_empty() && !story.entities.is_empty() {
            let shared = entities
                .iter()
                .filter(|e| story.entities.contains_key(e))
                .count();
            let overlap = shared as f64 / entities.len() as f64;
            let w = self.config.entity_weight;
            score = (1.0 - w) * cosine + w * overlap;
        }
        score * self.time_factor(story, day)
    }

    /// 1 inside the story's dated span widened by the window, decaying outside it; 1 when
    /// either side is undated.
    fn time_factor(&self, story: &StoryState, day: Option<i64>) -> f64 {
        let (Some(day), Some(first), Some(last)) = (day, story.first_day, story.last_day) else {
            return 1.0;
        };
        let gap = if day < first {
            first - day
        } else {
            day.saturating_sub(last).max(0)
        } as f64;
        let window = self.config.window_days.max(1.0);
        if gap <= window {
            1.0
        } else {
            (-(gap - window) / window).exp()
        }
    }

    fn extend(&mut self, s: usize, vector: &[(u64, f64)], entities: &[u64], day: Option<i64>) {
        let Some(story) = self.stories.get_mut(s) else {
            return;
        };
        story.size += 1;
        for &(t, w) in vector {
            *story.centroid.entry(t).or_default() += w;
        }
        if story.centroid.len() > CENTROID_TERMS {
            let mut kept: Vec<(u64, f64)> = story.centroid.drain().collect();
            kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            kept.truncate(CENTROID_TERMS);
            story.centroid = kept.into_iter().collect();
        }
        story.members.push(vector.to_vec());
        if story.members.len() > MEMBER_VECTORS {
            story.members.remove(0);
        }
        for &e in entities {
            *story.entities.entry(e).or_default() += 1;
        }
        if let Some(day) = day {
            story.first_day = Some(story.first_day.map_or(day, |f| f.min(day)));
            story.last_day = Some(story.last_day.map_or(day, |l| l.max(day)));
        }
        let keys = vector
            .iter()
            .take(QUERY_TERMS)
            .map(|(t, _)| *t)
            .chain(entities.iter().copied());
        for key in keys {
            let list = self.postings.entry(key).or_default();
            // Move the story to the recent end so that live stories stay findable.
            list.retain(|&x| x != s);
            list.push(s);
            if list.len() > MAX_POSTINGS {
                list.remove(0);
            }
        }
    }
}

/// Dot product of two sparse vectors (small, so a nested scan beats building a map).
fn dot_sparse(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    a.iter()
        .map(|(t, w)| b.iter().find(|(u, _)| u == t).map_or(0.0, |(_, v)| v * w))
        .sum()
}
