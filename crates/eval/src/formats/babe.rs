//! BABE / MBIC media-bias CSV: `;`-separated, double-quote quoting (`""` inside a quoted
//! field is one `"`, and quoted fields may span lines), header row naming the columns.
//!
//! Only the columns the tasks need are kept: the sentence, its bias label, its opinion label
//! and the words annotators marked as biased. A BOM before the header is dropped, and the
//! opinion label's typographic apostrophe (`Expresses writer’s opinion`) is matched as is or
//! as ASCII.

use crate::{read_text, EvalError};
use std::path::Path;

/// Whether the annotators found the sentence biased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bias {
    Biased,
    NonBiased,
    NoAgreement,
}

/// How much of the writer's opinion the sentence carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opinion {
    EntirelyFactual,
    SomewhatFactual,
    WritersOpinion,
    NoAgreement,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BabeSentence {
    pub text: String,
    pub bias: Bias,
    pub opinion: Opinion,
    pub biased_words: Vec<String>,
}

/// The file holding every expert-labelled BABE sentence (SG1 is nearly a subset of it).
pub const EXPERT_FILE: &str = "final_labels_SG2.csv";

/// Whether a sentence belongs to the held-out fifth used to evaluate what is learned from the
/// rest (the dataset has no official split). Decided by a hash of the text, so the same
/// sentence is held out from every file it appears in.
pub fn is_held_out(text: &str) -> bool {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    hash % 5 == 0
}

/// Reads a BABE/MBIC CSV file.
pub fn read(path: &Path) -> Result<Vec<BabeSentence>, EvalError> {
    parse(&read_text(path)?).map_err(|message| EvalError::format(path, message))
}

/// Parses the text of a BABE/MBIC CSV file.
pub fn parse(text: &str) -> Result<Vec<BabeSentence>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = records(text).into_iter();
    let header = records.next().ok_or("empty file")?;
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or(format!("no `{name}` column"))
    };
    let (text_at, bias_at, opinion_at, words_at) = (
        column("text")?,
        column("label_bias")?,
        column("label_opinion")?,
        column("biased_words")?,
    );
    let mut sentences = Vec::new();
    for (number, record) in records.enumerate() {
        let field = |at: usize| record.get(at).map(String::as_str).unwrap_or_default();
        let row = number + 2;
        let bias = match field(bias_at).trim() {
            "Biased" => Bias::Biased,
            "Non-biased" => Bias::NonBiased,
            "No agreement" | "" => Bias::NoAgreement,
            other => return Err(format!("record {row}: unknown bias label `{other}`")),
        };
        let opinion = match field(opinion_at).trim().replace('\u{2019}', "'").as_str() {
            "Entirely factual" => Opinion::EntirelyFactual,
            "Somewhat factual but also opinionated" => Opinion::SomewhatFactual,
            "Expresses writer's opinion" => Opinion::WritersOpinion,
            "No agreement" | "" => Opinion::NoAgreement,
            other => return Err(format!("record {row}: unknown opinion label `{other}`")),
        };
        sentences.push(BabeSentence {
            text: field(text_at).to_string(),
            bias,
            opinion,
            biased_words: word_list(field(words_at)),
        });
    }
    Ok(sentences)
}

/// The distinct full-article texts of a BABE/MBIC file that has an `article` column (MBIC's),
/// in file order; none when the column is missing.
pub fn articles(path: &Path) -> Result<Vec<String>, EvalError> {
    let text = read_text(path)?;
    let mut records = records(text.strip_prefix('\u{feff}').unwrap_or(&text)).into_iter();
    let Some(at) = records
        .next()
        .and_then(|header| header.iter().position(|h| h.trim() == "article"))
    else {
        return Ok(Vec::new());
    };
    let mut seen = std::collections::HashSet::new();
    Ok(records
        .filter_map(|mut record| (at < record.len()).then(|| record.swap_remove(at)))
        .filter(|article| !article.trim().is_empty() && seen.insert(article.clone()))
        .collect())
}

/// The words of a Python list literal such as `['bizarre', "women's"]`.
fn word_list(field: &str) -> Vec<String> {
    let inner = field.trim().trim_start_matches('[').trim_end_matches(']');
    inner
        .split(',')
        .map(|w| {
            w.trim()
                .trim_matches(|c| c == '\'' || c == '"')
                .trim()
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The records of `;`-separated CSV text, each a list of unquoted fields.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (';', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(
                    std::mem::take(&mut field)
                        .trim_end_matches('\r')
                        .to_string(),
                );
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_fields_and_labels() {
        let csv = "\u{feff}text;outlet;label_bias;label_opinion;biased_words\n\
                   \"The \"\"reform\"\" is a sham; a farce.\";Daily;Biased;Expresses writer\u{2019}s opinion;['sham', 'farce']\n\
                   Rates rose.;Wire;Non-biased;Entirely factual;[]\r\n\
                   \"Two\nlines\";Wire;No agreement;No agreement;[]\n";
        let rows = parse(csv).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].text, "The \"reform\" is a sham; a farce.");
        assert_eq!(rows[0].bias, Bias::Biased);
        assert_eq!(rows[0].opinion, Opinion::WritersOpinion);
        assert_eq!(rows[0].biased_words, ["sham", "farce"]);
        assert_eq!(rows[1].opinion, Opinion::EntirelyFactual);
        assert!(rows[1].biased_words.is_empty());
        assert_eq!(rows[2].text, "Two\nlines");
    }

    #[test]
    fn unknown_labels_are_errors() {
        let csv = "text;label_bias;label_opinion;biased_words\nA.;Maybe;Entirely factual;[]\n";
        assert!(parse(csv).unwrap_err().contains("Maybe"));
    }
}
