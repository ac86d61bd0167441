//! The streaming story index: each added article joins the best-matching story or opens a
//! new one, at a cost that does not grow with the corpus.
//!
//! Retrieval goes through an inverted index from salient terms and entity names to the
//! stories that used them; each posting list keeps only the [`MAX_POSTINGS`] most recently
//! extended stories, and only the [`MAX_CANDIDATES`] best-hit stories are scored. A story's
//! term centroid is pruned to [`CENTROID_TERMS`] terms. Document frequencies (of terms and of
//! entity names) are counted as articles arrive, so the tf-idf weights need no second pass.
//!
//! With a [`StoryConfig::merge_threshold`], the story an article joined or opened is then
//! scored, centroid against centroid, with the stories retrieved for it, and merged into the
//! best one when close enough: a greedy stream splits early articles it cannot yet place, and
//! the merge heals that. Merged stories are followed with [`StoryIndex::resolve`].
//!
//! With a [`StoryConfig::mutual_floor`], that story's nearest story is then looked up the same
//! way, and that story's own nearest; two stories that are each other's nearest (mutual
//! nearest neighbours) are reported as one by [`StoryIndex::resolve`] without merging their
//! centroids. The test is relative, so two halves of one development that read alike only
//! faintly still pair when nothing else reads more alike; and since each story has one
//! nearest story, pairs never chain into larger groups. Pairs are read off the stories' last
//! comparisons, so a pair can form or part as later articles arrive.

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

/// A sparse vector: hashed key and weight.
type SparseVector = Vec<(u64, f64)>;

/// How coarse the stories are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryConfig {
    /// Minimum score for an article to join an existing story.
    pub threshold: f64,
    /// Articles published within this many days of a story's span are not penalized.
    pub window_days: f64,
    /// Share of the score given to entity overlap when both sides name entities.
    pub entity_weight: f64,
    /// Entity overlap as the share of the article's tf-idf entity weight the story names
    /// (`true`), or as the plain share of its salient entities (`false`).
    pub weighted_entities: bool,
    /// Entity agreement may raise the score above the text cosine but never lower it: two
    /// events of the same kind with different actors still read alike.
    pub entities_only_raise: bool,
    /// Score an article against the story's recent members as well as its centroid.
    pub nearest_member: bool,
    /// After a story grows, merge it with the most similar other story (centroid against
    /// centroid, same score) when that score reaches this; `None` never merges.
    pub merge_threshold: Option<f64>,
    /// Pair two stories scoring at least this when each is the other's best-scoring candidate
    /// (mutual nearest neighbours): [`StoryIndex::resolve`] reports them as one; `None` never
    /// pairs.
    pub mutual_floor: Option<f64>,
    /// An entity of the article counts as named by the story in proportion to the share of
    /// the story's members naming it, up to this share (`0.0`: named once is enough).
    pub entity_support: f64,
}

impl StoryConfig {
    /// One real-world event or development per story (the dossier's stories).
    pub const EVENT: StoryConfig = StoryConfig {
        threshold: 0.25,
        window_days: 3.0,
        entity_weight: 0.25,
        weighted_entities: false,
        entities_only_raise: false,
        nearest_member: true,
        merge_threshold: None,
        mutual_floor: None,
        entity_support: 0.0,
    };
    /// Coarser stories: events of the same kind and place grouped together. Centroid-only
    /// scoring (no nearest-member chaining), heavier idf-weighted entity agreement that can
    /// only raise the text score and counts a name fully only when a tenth of the story's
    /// members name it, story merging so that early splits heal as evidence accumulates, and
    /// mutual-nearest pairing of stories.
    pub const TOPIC: StoryConfig = StoryConfig {
        threshold: 0.225,
        window_days: 14.0,
        entity_weight: 0.5,
        weighted_entities: true,
        entities_only_raise: true,
        nearest_member: false,
        merge_threshold: Some(0.55),
        mutual_floor: Some(0.075),
        entity_support: 0.1,
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
    /// Sum of the members' normalized entity vectors.
    entity_centroid: HashMap<u64, f64>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    size: usize,
    /// The story this one was merged into, if any.
    merged_into: Option<usize>,
    /// The best-scoring other story when last compared, if above the pairing floor.
    nearest: Option<usize>,
}

/// The keys an article counts once each in the index's document frequencies: its terms, and
/// its entities tagged apart from terms.
pub fn df_keys(features: &DocFeatures) -> impl Iterator<Item = u64> + '_ {
    let terms = features.terms.iter().map(|&(t, _)| t);
    terms.chain(features.entities.iter().map(|&(e, _)| e ^ ENTITY_TAG))
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

    /// An index that has already counted `documents` articles, with these document
    /// frequencies (keyed by [`df_keys`]), and holds no story yet: a stream resumed after
    /// articles it no longer holds. A distributed run seeds each window of days this way with
    /// the counts of every article published before the window (docs/scale.md).
    pub fn seeded(config: StoryConfig, documents: usize, df: HashMap<u64, u32>) -> Self {
        StoryIndex {
            config,
            documents,
            df,
            ..StoryIndex::default()
        }
    }

    /// Adds one article and returns the index of the story it joined or opened.
    pub fn add(&mut self, features: DocFeatures) -> usize {
        self.documents += 1;
        for key in df_keys(&features) {
            *self.df.entry(key).or_default() += 1;
        }
        let tagged: Vec<(u64, u32)> = features
            .entities
            .iter()
            .map(|&(e, n)| (e ^ ENTITY_TAG, n))
            .collect();
        let vector = self.vector(&features.terms, DOC_TERMS);
        let entity_vector = self.vector(&tagged, QUERY_ENTITIES);
        let entities: Vec<u64> = entity_vector.iter().map(|&(e, _)| e).collect();
        let best = self
            .candidates(&vector, &entities)
            .into_iter()
            .map(|s| (self.score(s, &vector, &entity_vector, features.day), s))
            .filter(|(score, _)| *score >= self.config.threshold)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let story = match best {
            Some((_, s)) => s,
            None => {
                self.stories.push(StoryState::default());
                self.stories.len() - 1
            }
        };
        self.extend(story, &vector, &entity_vector, features.day);
        let wants_nearest =
            self.config.merge_threshold.is_some() || self.config.mutual_floor.is_some();
        let nearest = if wants_nearest {
            self.nearest_story(story)
        } else {
            None
        };
        // A merge changes the survivor's centroid, so its nearest story is looked up afresh;
        // otherwise the one just found still holds.
        let (survivor, nearest) = match self.absorb(story, nearest) {
            Some(kept) => (kept, self.nearest_story(kept)),
            None => (story, nearest),
        };
        self.pair(survivor, nearest);
        survivor
    }

    /// The story that `s` now belongs to, following merges, and with a
    /// [`StoryConfig::mutual_floor`] the lower-numbered of it and its mutual nearest story.
    pub fn resolve(&self, s: usize) -> usize {
        let s = self.root(s);
        let nearest = |s: usize| {
            self.stories
                .get(s)
                .and_then(|st| st.nearest)
                .map(|t| self.root(t))
        };
        match nearest(s) {
            Some(t) if t != s && nearest(t) == Some(s) => s.min(t),
            _ => s,
        }
    }

    /// The story that `s` was merged into, following merges.
    fn root(&self, mut s: usize) -> usize {
        while let Some(next) = self.stories.get(s).and_then(|st| st.merged_into) {
            s = next;
        }
        s
    }

    /// After story `s` grew: merges it with `nearest`, its most similar other story (see
    /// [`Self::nearest_story`]), when the two centroids are close enough; returns the
    /// surviving story of a merge, `None` when nothing merged.
    fn absorb(&mut self, s: usize, nearest: Option<(f64, usize)>) -> Option<usize> {
        let merge_threshold = self.config.merge_threshold?;
        let (score, other) = nearest?;
        if score < merge_threshold {
            return None;
        }
        let (keep, gone) = if self.stories[other].size >= self.stories[s].size {
            (other, s)
        } else {
            (s, other)
        };
        let absorbed = std::mem::take(&mut self.stories[gone]);
        self.stories[gone].merged_into = Some(keep);
        let Some(into) = self.stories.get_mut(keep) else {
            return Some(keep);
        };
        for (t, w) in absorbed.centroid {
            *into.centroid.entry(t).or_default() += w;
        }
        prune(&mut into.centroid, CENTROID_TERMS);
        for (t, w) in absorbed.entity_centroid {
            *into.entity_centroid.entry(t).or_default() += w;
        }
        prune(&mut into.entity_centroid, CENTROID_TERMS);
        for (t, n) in absorbed.entities {
            *into.entities.entry(t).or_default() += n;
        }
        into.members.extend(absorbed.members);
        while into.members.len() > MEMBER_VECTORS {
            into.members.remove(0);
        }
        into.size += absorbed.size;
        into.first_day = match (into.first_day, absorbed.first_day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        into.last_day = match (into.last_day, absorbed.last_day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        Some(keep)
    }

    /// The best-scoring other story retrieved for story `s`'s centroid, with its score (the
    /// better of the two ends of `s`'s dated span).
    fn nearest_story(&self, s: usize) -> Option<(f64, usize)> {
        let story = self.stories.get(s)?;
        let (vector, evec) = self.story_vectors(s);
        let entities: Vec<u64> = evec.iter().map(|e| e.0).collect();
        let (first, last) = (story.first_day, story.last_day);
        self.candidates(&vector, &entities)
            .into_iter()
            .filter(|&c| c != s)
            .map(|c| {
                let a = self.score(c, &vector, &evec, first);
                let b = self.score(c, &vector, &evec, last);
                (a.max(b), c)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
    }

    /// Records story `s`'s nearest story (`nearest`, from [`Self::nearest_story`]), and that
    /// story's own, for the pairing.
    fn pair(&mut self, s: usize, nearest: Option<(f64, usize)>) {
        let Some(floor) = self.config.mutual_floor else {
            return;
        };
        let above_floor = |found: Option<(f64, usize)>| {
            found.filter(|(score, _)| *score >= floor).map(|(_, t)| t)
        };
        let t = above_floor(nearest);
        if let Some(state) = self.stories.get_mut(s) {
            state.nearest = t;
        }
        if let Some(t) = t {
            let u = above_floor(self.nearest_story(t));
            if let Some(state) = self.stories.get_mut(t) {
                state.nearest = u;
            }
        }
    }

    /// Story `s`'s normalized term centroid and entity centroid (its heaviest entities), as
    /// an article's vectors are, heaviest first.
    fn story_vectors(&self, s: usize) -> (SparseVector, SparseVector) {
        let Some(story) = self.stories.get(s) else {
            return (Vec::new(), Vec::new());
        };
        let mut vector: Vec<(u64, f64)> = story.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        vector.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        normalize(&mut vector);
        let mut evec: Vec<(u64, f64)> = story
            .entity_centroid
            .iter()
            .map(|(&t, &w)| (t, w))
            .collect();
        evec.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        evec.truncate(QUERY_ENTITIES);
        normalize(&mut evec);
        (vector, evec)
    }

    /// The normalized tf-idf vector over the `keep` most salient of `counts`, heaviest first.
    fn vector(&self, counts: &[(u64, u32)], keep: usize) -> Vec<(u64, f64)> {
        let n = self.documents as f64;
        let mut weighted: Vec<(u64, f64)> = counts
            .iter()
            .map(|&(t, tf)| {
                let df = f64::from(self.df.get(&t).copied().unwrap_or(1));
                let idf = ((n + 1.0) / (df + 1.0)).ln() + 1.0;
                (t, (1.0 + f64::from(tf).ln()) * idf)
            })
            .collect();
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(keep);
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
                *hits.entry(self.root(s)).or_default() += weight;
            }
        }
        let mut ranked: Vec<(usize, f64)> = hits.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(s, _)| s).collect()
    }

    /// Text cosine, blended with entity overlap, scaled down outside the time window.
    fn score(&self, s: usize, vector: &[(u64, f64)], evec: &[(u64, f64)], day: Option<i64>) -> f64 {
        let entities: Vec<u64> = evec.iter().map(|e| e.0).collect();
        let Some(story) = self.stories.get(s) else {
            return 0.0;
        };
        let norm = story.centroid.values().map(|w| w * w).sum::<f64>().sqrt();
        let dot: f64 = vector
            .iter()
            .filter_map(|(t, w)| story.centroid.get(t).map(|c| c * w))
            .sum();
        let centroid_cosine = if norm > 0.0 { dot / norm } else { 0.0 };
        // A story drifts as it develops; an article close to any recent member belongs too
        // (at event level: at topic level the nearest member chains look-alike stories).
        let cosine = if self.config.nearest_member {
            story
                .members
                .iter()
                .map(|m| dot_sparse(vector, m))
                .fold(centroid_cosine, f64::max)
        } else {
            centroid_cosine
        };
        let mut score = cosine;
        if self.config.entity_weight > 0.0 && !entities.is_empty() && !story.entities.is_empty() {
            let shared = entities
                .iter()
                .filter(|e| story.entities.contains_key(e))
                .count();
            let overlap = if self.config.weighted_entities {
                // The share of the article's entity weight (tf-idf, so wire services and
                // ubiquitous places count little) that the story also names.
                evec.iter()
                    .map(|(e, w)| w * w * self.support(story, *e))
                    .sum::<f64>()
            } else {
                shared as f64 / entities.len() as f64
            };
            let w = self.config.entity_weight;
            score = (1.0 - w) * cosine + w * overlap;
            if self.config.entities_only_raise {
                score = score.max(cosine);
            }
        }
        score * self.time_factor(story, day)
    }

    /// How far story `story` names entity `e`: 1 when enough of its members do (see
    /// [`StoryConfig::entity_support`]), less when only a few do, 0 when none does.
    fn support(&self, story: &StoryState, e: u64) -> f64 {
        let named = f64::from(story.entities.get(&e).copied().unwrap_or(0));
        if named == 0.0 {
            return 0.0;
        }
        let needed = self.config.entity_support * story.size as f64;
        if named >= needed {
            1.0
        } else {
            named / needed
        }
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

    fn extend(&mut self, s: usize, vector: &[(u64, f64)], evec: &[(u64, f64)], day: Option<i64>) {
        let entities: Vec<u64> = evec.iter().map(|e| e.0).collect();
        let Some(story) = self.stories.get_mut(s) else {
            return;
        };
        for &(e, w) in evec {
            *story.entity_centroid.entry(e).or_default() += w;
        }
        prune(&mut story.entity_centroid, CENTROID_TERMS);
        story.size += 1;
        for &(t, w) in vector {
            *story.centroid.entry(t).or_default() += w;
        }
        prune(&mut story.centroid, CENTROID_TERMS);
        story.members.push(vector.to_vec());
        if story.members.len() > MEMBER_VECTORS {
            story.members.remove(0);
        }
        for &e in &entities {
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

/// Keeps the `keep` heaviest entries of `map`.
fn prune(map: &mut HashMap<u64, f64>, keep: usize) {
    if map.len() > keep {
        let mut kept: Vec<(u64, f64)> = map.drain().collect();
        kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        kept.truncate(keep);
        *map = kept.into_iter().collect();
    }
}

/// Scales `v` to unit length (no-op on the zero vector).
fn normalize(v: &mut [(u64, f64)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in v {
            *w /= norm;
        }
    }
}

/// Dot product of two sparse vectors (small, so a nested scan beats building a map).
fn dot_sparse(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    a.iter()
        .map(|(t, w)| b.iter().find(|(u, _)| u == t).map_or(0.0, |(_, v)| v * w))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seeded_index_weighs_words_as_the_stream_it_resumes() {
        let earlier = [
            article(&[1, 2, 3], &[10]),
            article(&[1, 4], &[10, 11]),
            article(&[1, 2], &[]),
        ];
        let mut streamed = StoryIndex::new(StoryConfig::default());
        let mut df: HashMap<u64, u32> = HashMap::new();
        for features in earlier {
            for key in df_keys(&features) {
                *df.entry(key).or_default() += 1;
            }
            streamed.add(features);
        }
        let seeded = StoryIndex::seeded(StoryConfig::default(), 3, df);
        let next = article(&[1, 2, 5], &[10]);
        assert_eq!(
            seeded.vector(&next.terms, DOC_TERMS),
            streamed.vector(&next.terms, DOC_TERMS)
        );
        let tagged: Vec<(u64, u32)> = next
            .entities
            .iter()
            .map(|&(e, n)| (e ^ ENTITY_TAG, n))
            .collect();
        assert_eq!(
            seeded.vector(&tagged, QUERY_ENTITIES),
            streamed.vector(&tagged, QUERY_ENTITIES)
        );
        // A fresh index weighs them otherwise: the seed is what carries the counts.
        let fresh = StoryIndex::new(StoryConfig::default());
        assert_ne!(
            fresh.vector(&next.terms, DOC_TERMS),
            streamed.vector(&next.terms, DOC_TERMS)
        );
    }

    /// An undated article with the given term and entity keys, each counted once.
    fn article(terms: &[u64], entities: &[u64]) -> DocFeatures {
        DocFeatures {
            doc: String::new(),
            outlet: None,
            published: None,
            day: None,
            terms: terms.iter().map(|&t| (t, 1)).collect(),
            entities: entities.iter().map(|&e| (e, 1)).collect(),
            label: String::new(),
        }
    }

    /// Joins only, at the topic level's scoring.
    const JOIN_ONLY: StoryConfig = StoryConfig {
        merge_threshold: None,
        mutual_floor: None,
        ..StoryConfig::TOPIC
    };

    #[test]
    fn a_name_few_members_use_counts_little() {
        let story_terms: Vec<u64> = (1..=20).collect();
        let other_terms: Vec<u64> = (101..=120).collect();
        // Ten articles of one story; one of them names entity 7.
        let feed = |index: &mut StoryIndex| {
            let first = index.add(article(&story_terms, &[7]));
            for _ in 0..9 {
                assert_eq!(index.add(article(&story_terms, &[])), first);
            }
            first
        };
        // An article sharing no words, only that name, and nothing else of its own.
        let stray = article(&other_terms, &[7]);
        let mut once_is_enough = StoryIndex::new(StoryConfig {
            entity_support: 0.0,
            ..JOIN_ONLY
        });
        let story = feed(&mut once_is_enough);
        assert_eq!(once_is_enough.add(stray.clone()), story);
        let mut needs_support = StoryIndex::new(StoryConfig {
            entity_support: 0.5,
            ..JOIN_ONLY
        });
        let story = feed(&mut needs_support);
        assert_ne!(needs_support.add(stray), story);
    }

    #[test]
    fn mutual_nearest_stories_pair_without_chaining() {
        // Nothing joins: every article opens a story, so only the pairing can group.
        let config = StoryConfig {
            threshold: 2.0,
            mutual_floor: Some(0.05),
            ..JOIN_ONLY
        };
        let mut index = StoryIndex::new(config);
        let alike: Vec<u64> = (1..=20).collect();
        let a = index.add(article(&alike, &[]));
        let quake = index.add(article(&(101..=120).collect::<Vec<_>>(), &[]));
        let b = index.add(article(&alike, &[]));
        assert_eq!(index.resolve(a), index.resolve(b));
        assert_ne!(index.resolve(quake), index.resolve(a));
        // A third look-alike prefers the pair's first story, which keeps its partner: pairs
        // never grow into chains.
        let c = index.add(article(&alike, &[]));
        assert_eq!(index.resolve(a), index.resolve(b));
        assert_ne!(index.resolve(c), index.resolve(a));
        // Without a floor nothing pairs.
        let mut apart = StoryIndex::new(StoryConfig {
            mutual_floor: None,
            ..config
        });
        let a = apart.add(article(&alike, &[]));
        let b = apart.add(article(&alike, &[]));
        assert_ne!(apart.resolve(a), apart.resolve(b));
    }
}
