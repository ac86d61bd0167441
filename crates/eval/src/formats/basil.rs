//! BASIL (Fan et al. 2019): 70 events, each reported by three outlets, with the author's
//! feeling toward each main entity per article and biased phrases per sentence.
//!
//! `articles/YYYY/<event>_<n>.json` holds the article (`title`, `source`, `date`,
//! `body-paragraphs` as lists of sentences, `main-entities`); `annotations/YYYY/<event>_<n>_ann.json`
//! its gold (`article-level-annotations` with `author_feeling_<Entity_Name>` in `pos`, `neu`,
//! `neg`; `phrase-level-annotations` with `bias` `lex` or `inf`, `quote`, `id` — `p<N>`, the
//! N-th body sentence counted across paragraphs from 0, or `title` — and `start`/`end`,
//! character offsets into that sentence). The article is rebuilt as one text here: the title,
//! a blank line, and the paragraphs (sentences joined by a space) separated by blank lines, so
//! each gold phrase becomes a byte span of that text.

use crate::EvalError;
use parallax_core::Span;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One article with its gold.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The event (`triplet-uuid`): the three outlets' articles share it.
    pub event: String,
    /// The file stem (`<event>_<n>`).
    pub id: String,
    pub outlet: String,
    pub date: Option<String>,
    pub title: String,
    pub text: String,
    /// Byte span of the title, then of each body sentence, in `text`.
    pub sentences: Vec<Span>,
    /// The author's feeling toward each main entity: (name with spaces, −1/0/+1).
    pub feelings: Vec<(String, i8)>,
    /// Lexical-bias phrases.
    pub lexical: Vec<Phrase>,
}

/// A biased phrase: its byte span in the article text and whether it is inside a quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub span: Span,
    pub quoted: bool,
}

#[derive(Deserialize)]
struct RawArticle {
    #[serde(default)]
    title: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(rename = "triplet-uuid", default)]
    triplet: String,
    #[serde(rename = "body-paragraphs", default)]
    paragraphs: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    #[serde(rename = "article-level-annotations", default)]
    article: BTreeMap<String, Value>,
    #[serde(rename = "phrase-level-annotations", default)]
    phrases: Vec<RawPhrase>,
}

#[derive(Deserialize)]
struct RawPhrase {
    #[serde(default)]
    bias: String,
    #[serde(default)]
    quote: String,
    #[serde(default)]
    id: String,
    start: Option<usize>,
    end: Option<usize>,
}

/// Reads every article of the BASIL folder that has an annotation file, in path order.
pub fn read(folder: &Path) -> Result<Vec<Article>, EvalError> {
    let mut out = Vec::new();
    let articles = folder.join("articles");
    let mut years: Vec<std::path::PathBuf> = std::fs::read_dir(&articles)
        .map_err(|e| EvalError::io(&articles, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    years.sort();
    let mut files = Vec::new();
    for year in &years {
        files.extend(crate::files_with_extension(year, "json")?);
    }
    for file in files {
        let Some(stem) = file.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some(year) = file.parent().and_then(|p| p.file_name()) else {
            continue;
        };
        let ann = folder
            .join("annotations")
            .join(year)
            .join(format!("{stem}_ann.json"));
        if !ann.is_file() {
            continue;
        }
        let raw: RawArticle = serde_json::from_str(&crate::read_text(&file)?)
            .map_err(|e| EvalError::format(&file, e.to_string()))?;
        let gold: RawAnnotation = serde_json::from_str(&crate::read_text(&ann)?)
            .map_err(|e| EvalError::format(&ann, e.to_string()))?;
        out.push(article(stem, raw, gold));
    }
    Ok(out)
}

fn article(stem: &str, raw: RawArticle, gold: RawAnnotation) -> Article {
    let mut text = raw.title.clone();
    let mut sentences = vec![Span::new(0, text.len())];
    for paragraph in &raw.paragraphs {
        text.push_str("\n\n");
        for (i, sentence) in paragraph.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(sentence);
            sentences.push(Span::new(start, text.len()));
        }
    }
    let feelings = gold
        .article
        .iter()
        .filter_map(|(key, value)| {
            let entity = key.strip_prefix("author_feeling_")?;
            if entity == "main_event" {
                return None;
            }
            let feeling = match value.as_str()? {
                "neg" => -1,
                "neu" => 0,
                "pos" => 1,
                _ => return None,
            };
            Some((entity.replace('_', " "), feeling))
        })
        .collect();
    let lexical = gold
        .phrases
        .iter()
        .filter(|p| p.bias == "lex")
        .filter_map(|p| {
            let sentence = match p.id.as_str() {
                "title" => sentences.first(),
                id => sentences.get(id.strip_prefix('p')?.parse::<usize>().ok()? + 1),
            }?;
            let slice = sentence.slice(&text).ok()?;
            let byte = |chars: usize| {
                slice
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain([slice.len()])
                    .nth(chars)
            };
            let (start, end) = (byte(p.start?)?, byte(p.end?)?);
            (start < end).then(|| Phrase {
                span: Span::new(sentence.start + start, sentence.start + end),
                quoted: p.quote == "yes",
            })
        })
        .collect();
    Article {
        event: raw.triplet,
        id: stem.to_string(),
        outlet: raw.source,
        date: raw.date,
        title: raw.title,
        text,
        sentences,
        feelings,
        lexical,
    }
}

/// The seed of the event shuffle that fixes the split.
pub const SPLIT_SEED: u64 = 19;
/// Events in the test part: a fifth of the 70.
pub const TEST_EVENTS: usize = 14;

/// The events of the test part: the events sorted, shuffled by a seeded Fisher–Yates (an LCG
/// from [`SPLIT_SEED`]), the first [`TEST_EVENTS`] of them. BASIL has no split of its own.
pub fn test_events(articles: &[Article]) -> Vec<String> {
    let mut events: Vec<String> = articles.iter().map(|a| a.event.clone()).collect();
    events.sort();
    events.dedup();
    let mut state = SPLIT_SEED;
    for i in (1..events.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        events.swap(i, j);
    }
    events.truncate(TEST_EVENTS);
    events.sort();
    events
}

/// The articles split into (training part, test part) by [`test_events`].
pub fn split(articles: Vec<Article>) -> (Vec<Article>, Vec<Article>) {
    let test = test_events(&articles);
    articles.into_iter().partition(|a| !test.contains(&a.event))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_become_byte_spans_of_the_rebuilt_text() {
        let raw: RawArticle = serde_json::from_str(
            r#"{"title": "Grimm charged", "source": "fox", "triplet-uuid": "e1",
                "body-paragraphs": [["Café owners met.", "Grimm dipped into coffers."], ["Then more."]]}"#,
        )
        .unwrap();
        let gold: RawAnnotation = serde_json::from_str(
            r#"{"article-level-annotations": {"author_feeling_Michael_Grimm": "neg", "author_feeling_main_event": "neu"},
                "phrase-level-annotations": [{"bias": "lex", "quote": "no", "id": "p1", "start": 6, "end": 25},
                                             {"bias": "inf", "quote": "no", "id": "p0", "start": 0, "end": 4},
                                             {"bias": "lex", "quote": "yes", "id": "p0", "start": 0, "end": 4}]}"#,
        )
        .unwrap();
        let a = article("e1_1", raw, gold);
        assert_eq!(a.feelings, [("Michael Grimm".to_string(), -1)]);
        assert_eq!(a.lexical.len(), 2);
        assert_eq!(a.lexical[0].span.text(&a.text), "dipped into coffers");
        assert_eq!(a.lexical[1].span.text(&a.text), "Café");
        assert!(a.lexical[1].quoted);
        assert_eq!(a.sentences.len(), 4);
    }
}
