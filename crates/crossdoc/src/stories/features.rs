//! What the story clusterer knows of one article: its salient terms with their counts, the
//! names of the entities it mentions, and its publication day.
//!
//! Terms are the article's normalized words minus function words, lightly stemmed so that
//! "strikes"/"strike" meet; the title's words count twice because a headline names the story.
//! Weights (tf-idf) are computed by the [`StoryIndex`](super::StoryIndex), which keeps the
//! document frequencies as the stream goes.

use crate::names::exact_key;
use crate::words::{hash_str, sentence_spans, words_in};
use parallax_core::{Analysis, Document, MentionKind, Span};
use std::collections::HashMap;

/// The clusterer's view of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFeatures {
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Days since 1970-01-01 of the publication date, when it is well formed.
    pub day: Option<i64>,
    /// Hashed term and its count, sorted by hash.
    pub terms: Vec<(u64, u32)>,
    /// Hashed folded entity name ([`exact_key`]) and its number of mentions, sorted by hash.
    pub entities: Vec<(u64, u32)>,
    /// A readable label: the title, or else the first sentence.
    pub label: String,
}

/// Words that say nothing about which story an article reports.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "but",
    "not",
    "you",
    "all",
    "any",
    "can",
    "had",
    "her",
    "was",
    "one",
    "our",
    "out",
    "has",
    "have",
    "his",
    "him",
    "how",
    "its",
    "may",
    "new",
    "now",
    "old",
    "see",
    "two",
    "who",
    "did",
    "get",
    "got",
    "let",
    "say",
    "she",
    "too",
    "use",
    "that",
    "with",
    "this",
    "they",
    "from",
    "will",
    "would",
    "there",
    "their",
    "what",
    "about",
    "which",
    "when",
    "were",
    "been",
    "being",
    "into",
    "than",
    "them",
    "then",
    "these",
    "those",
    "some",
    "such",
    "said",
    "says",
    "also",
    "after",
    "before",
    "over",
    "more",
    "most",
    "other",
    "only",
    "could",
    "should",
    "while",
    "where",
    "just",
    "like",
    "very",
    "because",
    "during",
    "since",
    "until",
    "told",
    "year",
    "years",
    "week",
    "last",
    "first",
    "according",
    "including",
    "between",
    "against",
    "under",
    "through",
    "each",
    "many",
    "much",
    "made",
    "make",
    "here",
    "well",
    "back",
    "even",
    "still",
    "both",
    "three",
    "four",
    "five",
    "time",
    "times",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "people",
    "reported",
    "report",
    "news",
    "percent",
    "per",
    "cent",
    "mr",
    "mrs",
    "ms",
    "does",
    "doing",
    "done",
    "without",
    "within",
    "among",
    "around",
    "your",
    "yours",
    "ours",
    "himself",
    "herself",
    "itself",
    "themselves",
    "whom",
    "whose",
    "why",
    "yes",
    "off",
    "upon",
    "onto",
    "via",
    "yet",
    "own",
    "same",
    "another",
    "every",
];

/// Builds the clusterer's features of one analyzed article.
pub fn features(doc: &Document, analysis: &Analysis) -> DocFeatures {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let whole = Span::new(0, doc.text.len());
    for word in words_in(&doc.text, whole) {
        if let Some(term) = term(&word.norm) {
            *counts.entry(hash_str(&term)).or_default() += 1;
        }
    }
    if let Some(title) = &doc.meta.title {
        for word in words_in(title, Span::new(0, title.len())) {
            if let Some(term) = term(&word.norm) {
                *counts.entry(hash_str(&term)).or_default() += 1;
            }
        }
    }
    let mut terms: Vec<(u64, u32)> = counts.into_iter().collect();
    terms.sort_unstable();
    let mut mentions: HashMap<u64, u32> = HashMap::new();
    // Named entities only: "the gunman" of one story says nothing of another's.
    for e in analysis
        .local_entities
        .iter()
        .filter(|e| !e.is_unnamed(&analysis.mentions))
    {
        // Each name as the article writes it ("Reggie Bush", "Bush"): other articles may use
        // either; the entity's other mentions count under its longest name.
        let key = exact_key(&e.name);
        let mut rest = u32::try_from(e.mentions.len()).unwrap_or(u32::MAX).max(1);
        for m in e.mentions.iter().filter_map(|&m| analysis.mentions.get(m)) {
            let written = exact_key(&m.text);
            if m.kind == MentionKind::Name && written != key && !written.is_empty() {
                let slot = mentions.entry(hash_str(&written)).or_default();
                *slot = slot.saturating_add(1);
                rest = rest.saturating_sub(1);
            }
        }
        if !key.is_empty() {
            let slot = mentions.entry(hash_str(&key)).or_default();
            *slot = slot.saturating_add(rest.max(1));
        }
    }
    let mut entities: Vec<(u64, u32)> = mentions.into_iter().collect();
    entities.sort_unstable();
    DocFeatures {
        doc: doc.id.clone(),
        outlet: doc.meta.outlet.clone(),
        published: doc.meta.published.clone(),
        day: doc
            .published_date()
            .and_then(parallax_core::instant::day_number),
        terms,
        entities,
        label: label(doc, analysis),
    }
}

/// The index term of a normalized word, or `None` for function words and fragments.
pub(crate) fn term(norm: &str) -> Option<String> {
    let numeric = norm.chars().all(|c| c.is_ascii_digit());
    // Two-letter words and numbers ("ap", "10") are too ambiguous to name a story.
    if norm.len() < 3 || STOPWORDS.contains(&norm) {
        return None;
    }
    let stem = match norm.strip_suffix('s') {
        Some(s) if norm.len() > 4 && !s.ends_with('s') && !numeric => s,
        _ => norm,
    };
    Some(stem.to_string())
}

fn label(doc: &Document, analysis: &Analysis) -> String {
    if let Some(title) = doc.meta.title.as_deref().map(str::trim) {
        if !title.is_empty() {
            return title.to_string();
        }
    }
    sentence_spans(doc, analysis)
        .first()
        .map(|s| s.text(&doc.text).to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_function_words_and_plurals() {
        assert_eq!(term("the"), None);
        assert_eq!(term("strikes").as_deref(), Some("strike"));
        assert_eq!(term("gas").as_deref(), Some("gas"));
        assert_eq!(term("2008").as_deref(), Some("2008"));
    }
}
