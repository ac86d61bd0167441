//! BASIL (Fan et al. 2019): 70 events, each reported by three outlets, with the author's
//! feeling toward each main entity per article and biased phrases per sentence.
//!
//! `articles/YYYY/<event>_<n>.json` holds one article: `title`, `date`, `source` (`nyt`, `fox`,
//! `hpo`), `url`, `triplet-uuid` (the event) and `body-paragraphs`, a list of paragraphs each
//! given as a list of sentences. `annotations/YYYY/<event>_<n>_ann.json` holds its gold:
//! `article-level-annotations` with `author_feeling_<Entity_Name>` in `pos`, `neu`, `neg`;
//! `phrase-level-annotations` with `bias` `lex` or `inf`, `quote`, `id` — `p<N>`, the N-th body
//! sentence counted across paragraphs from 0, or `title` — and `start`/`end`, character
//! offsets into that sentence.
//!
//! The article text is rebuilt the way a reader sees the page: the title, a blank line, then
//! the paragraphs separated by blank lines, each paragraph's sentences trimmed and joined by one
//! space (empty sentences and paragraphs left out). Character offsets into this text are what
//! the real-coverage gold (`eval/coverage`) points at; each gold phrase becomes a byte span of
//! it.

use crate::{read_text, EvalError};
use parallax_core::Span;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One BASIL article as its file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BasilArticle {
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    /// `nyt`, `fox` or `hpo` (case varies across files).
    pub source: String,
    #[serde(default)]
    pub url: Option<String>,
    /// The event: the three outlets' articles share it.
    #[serde(rename = "triplet-uuid", default)]
    pub triplet: String,
    #[serde(rename = "body-paragraphs")]
    pub paragraphs: Vec<Vec<String>>,
}

/// Where one sentence of the file landed in the rebuilt text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placed {
    /// Its trimmed span in the text (`None` for an empty sentence, left out).
    span: Option<Span>,
    /// Bytes trimmed from its start (the gold's offsets count from the untrimmed sentence).
    lead: usize,
}

impl BasilArticle {
    /// The article text: title, blank line, paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        self.layout().0
    }

    /// The text and where each sentence went: the title first, then every body sentence of the
    /// file in order (the empty ones included, so that `p<N>` indexes it as `N + 1`).
    fn layout(&self) -> (String, Vec<Placed>) {
        let title = self.title.trim();
        let mut text = title.to_string();
        let mut placed = vec![Placed {
            span: Some(Span::new(0, text.len())),
            lead: self.title.len() - self.title.trim_start().len(),
        }];
        for paragraph in &self.paragraphs {
            let mut first = true;
            for sentence in paragraph {
                let trimmed = sentence.trim();
                let lead = sentence.len() - sentence.trim_start().len();
                if trimmed.is_empty() {
                    placed.push(Placed { span: None, lead });
                    continue;
                }
                text.push_str(if first { "\n\n" } else { " " });
                first = false;
                let start = text.len();
                text.push_str(trimmed);
                placed.push(Placed {
                    span: Some(Span::new(start, text.len())),
                    lead,
                });
            }
        }
        (text, placed)
    }

    /// The outlet's name for the `source` code (`hpo` is HuffPost).
    pub fn outlet(&self) -> &str {
        match self.source.to_ascii_lowercase().as_str() {
            "nyt" => "The New York Times",
            "fox" => "Fox News",
            "hpo" => "HuffPost",
            _ => self.source.as_str(),
        }
    }
}

/// Reads one article file.
pub fn read(path: &Path) -> Result<BasilArticle, EvalError> {
    serde_json::from_str(&read_text(path)?).map_err(|e| EvalError::format(path, e.to_string()))
}

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
    /// Byte span of the title, then of each non-empty body sentence, in `text`.
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
pub fn read_annotated(folder: &Path) -> Result<Vec<Article>, EvalError> {
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
        let raw = read(&file)?;
        let gold: RawAnnotation = serde_json::from_str(&read_text(&ann)?)
            .map_err(|e| EvalError::format(&ann, e.to_string()))?;
        out.push(article(stem, raw, gold));
    }
    Ok(out)
}

fn article(stem: &str, raw: BasilArticle, gold: RawAnnotation) -> Article {
    let (text, placed) = raw.layout();
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
            let index = match p.id.as_str() {
                "title" => 0,
                id => id.strip_prefix('p')?.parse::<usize>().ok()? + 1,
            };
            let sentence = placed.get(index)?;
            let span = sentence.span?;
            let slice = span.slice(&text).ok()?;
            // Character offsets into the untrimmed sentence, to bytes of the trimmed one.
            let lead_chars = match index {
                0 => &raw.title,
                _ => raw.paragraphs.iter().flatten().nth(index - 1)?,
            }[..sentence.lead]
                .chars()
                .count();
            let byte = |chars: usize| {
                slice
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain([slice.len()])
                    .nth(chars.saturating_sub(lead_chars))
            };
            let (start, end) = (byte(p.start?)?, byte(p.end?)?);
            (start < end).then(|| Phrase {
                span: Span::new(span.start + start, span.start + end),
                quoted: p.quote == "yes",
            })
        })
        .collect();
    Article {
        event: raw.triplet.clone(),
        id: stem.to_string(),
        outlet: raw.source.clone(),
        date: raw.date.clone(),
        sentences: placed.iter().filter_map(|p| p.span).collect(),
        title: raw.title,
        text,
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
    fn text_joins_title_paragraphs_and_sentences() {
        let article: BasilArticle = serde_json::from_str(
            r#"{"title": " Steele Criticized ", "date": "2010-07-02", "source": "NYT",
                "body-paragraphs": [["WASHINGTON — One. ", "Two."], [], ["", "Three."]]}"#,
        )
        .unwrap();
        assert_eq!(
            article.text(),
            "Steele Criticized\n\nWASHINGTON — One. Two.\n\nThree."
        );
        assert_eq!(article.outlet(), "The New York Times");
        assert_eq!(article.date.as_deref(), Some("2010-07-02"));
    }

    #[test]
    fn a_file_without_paragraphs_is_an_error() {
        assert!(
            serde_json::from_str::<BasilArticle>(r#"{"title": "T", "source": "fox"}"#).is_err()
        );
    }

    #[test]
    fn phrases_become_byte_spans_of_the_rebuilt_text() {
        let raw: BasilArticle = serde_json::from_str(
            r#"{"title": "Grimm charged", "source": "fox", "triplet-uuid": "e1",
                "body-paragraphs": [["Café owners met.", "", " Grimm dipped into coffers."], ["Then more."]]}"#,
        )
        .unwrap();
        let gold: RawAnnotation = serde_json::from_str(
            r#"{"article-level-annotations": {"author_feeling_Michael_Grimm": "neg", "author_feeling_main_event": "neu"},
                "phrase-level-annotations": [{"bias": "lex", "quote": "no", "id": "p2", "start": 7, "end": 26},
                                             {"bias": "inf", "quote": "no", "id": "p0", "start": 0, "end": 4},
                                             {"bias": "lex", "quote": "yes", "id": "p0", "start": 0, "end": 4}]}"#,
        )
        .unwrap();
        let a = article("e1_1", raw, gold);
        assert_eq!(a.event, "e1");
        assert_eq!(a.feelings, [("Michael Grimm".to_string(), -1)]);
        assert_eq!(a.lexical.len(), 2);
        assert_eq!(a.lexical[0].span.text(&a.text), "dipped into coffers");
        assert_eq!(a.lexical[1].span.text(&a.text), "Café");
        assert!(a.lexical[1].quoted);
        assert_eq!(a.sentences.len(), 4);
    }
}
