//! NewsMTSC (Hamborg and Donnay 2021): sentences of political news with the sentiment toward
//! each named target, one JSON object per line.
//!
//! Each line has `sentence_normalized`, `primary_gid` (the article and sentence it came from)
//! and `targets[]` with `from`/`to` (character offsets, `to` exclusive), `mention`,
//! `polarity` (2 negative, 4 neutral, 6 positive) and optional `further_mentions` (the same
//! target again in the sentence). Offsets are turned into byte ranges here; a target whose
//! offsets do not hold its mention is looked up by its text, and skipped if absent.

use crate::EvalError;
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;

/// The default evaluation file: the test set with a real-world class distribution.
pub const DEFAULT_SPLIT: &str = "devtest_rw.jsonl";

/// One sentence and its targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The article key (the `primary_gid` up to its sentence number), for grouping.
    pub article: String,
    pub text: String,
    pub targets: Vec<Target>,
}

/// One target: its mentions in the sentence (byte ranges, first the primary one) and the
/// sentiment toward it: −1, 0 or +1.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub mentions: Vec<Range<usize>>,
    pub polarity: i8,
}

#[derive(Deserialize)]
struct Line {
    sentence_normalized: String,
    #[serde(default)]
    primary_gid: String,
    targets: Vec<RawTarget>,
}

#[derive(Deserialize)]
struct RawTarget {
    from: usize,
    to: usize,
    mention: String,
    polarity: f64,
    #[serde(default)]
    further_mentions: Vec<RawMention>,
}

#[derive(Deserialize)]
struct RawMention {
    from: usize,
    to: usize,
    mention: String,
}

/// The file to read for `path`: the file itself, or [`DEFAULT_SPLIT`] inside a folder.
pub fn split_file(path: &Path, default: &str) -> std::path::PathBuf {
    if path.is_dir() {
        path.join(default)
    } else {
        path.to_path_buf()
    }
}

pub fn read(path: &Path) -> Result<Vec<Sentence>, EvalError> {
    let text = crate::read_text(path)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: Line = serde_json::from_str(line)
            .map_err(|e| EvalError::format(path, format!("line {}: {e}", n + 1)))?;
        out.push(sentence(raw));
    }
    Ok(out)
}

fn sentence(raw: Line) -> Sentence {
    let text = raw.sentence_normalized;
    let targets = raw
        .targets
        .iter()
        .filter_map(|t| {
            let polarity = match t.polarity.round() as i64 {
                2 => -1,
                4 => 0,
                6 => 1,
                _ => return None,
            };
            let primary = locate(&text, t.from, t.to, &t.mention)?;
            let mut mentions = vec![primary];
            mentions.extend(
                t.further_mentions
                    .iter()
                    .filter_map(|m| locate(&text, m.from, m.to, &m.mention)),
            );
            Some(Target { mentions, polarity })
        })
        .collect();
    // "allsides_1000_401_25_Reality Leigh Winner_0_6": source, article, …, sentence.
    let article = raw
        .primary_gid
        .split('_')
        .take(3)
        .collect::<Vec<_>>()
        .join("_");
    Sentence {
        article,
        text,
        targets,
    }
}

/// The byte range of a mention given by character offsets, or found by its text.
fn locate(text: &str, from: usize, to: usize, mention: &str) -> Option<Range<usize>> {
    let byte = |chars: usize| {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .nth(chars)
    };
    if let (Some(start), Some(end)) = (byte(from), byte(to)) {
        if text.get(start..end) == Some(mention) {
            return Some(start..end);
        }
    }
    let start = text.find(mention).filter(|_| !mention.is_empty())?;
    Some(start..start + mention.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_targets_as_byte_ranges() {
        let line = r#"{"primary_gid": "allsides_1_2_3_X_0_1", "sentence_normalized": "Café owner Trump, he said.", "targets": [{"from": 11, "to": 16, "mention": "Trump", "polarity": 2.0, "further_mentions": [{"from": 18, "to": 20, "mention": "he"}]}, {"from": 0, "to": 3, "mention": "nope", "polarity": 4.0}]}"#;
        let s = sentence(serde_json::from_str(line).unwrap());
        assert_eq!(s.article, "allsides_1_2");
        assert_eq!(s.targets.len(), 1);
        let t = &s.targets[0];
        assert_eq!(t.polarity, -1);
        assert_eq!(&s.text[t.mentions[0].clone()], "Trump");
        assert_eq!(&s.text[t.mentions[1].clone()], "he");
    }
}
