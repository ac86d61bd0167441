//! CoNLL NER columns: one token a line with its tag in the last column, a blank line between
//! sentences, and `-DOCSTART-` lines between documents.
//!
//! Works for the two-column files of ../shared/data/conll2003-en (`token TAG`) and the original
//! four-column release (`token POS CHUNK TAG`); tags may be BIO or IOB1, since entity spans
//! are read the way conlleval reads them.
//!
//! The conll2003-en train and dev files had their `-DOCSTART-` lines removed. Reuters stories
//! there open with a headline and then a dateline sentence ("BRUSSELS 1996-08-22"), so a file
//! without any `-DOCSTART-` is split into documents before each such headline; document-level
//! features need the boundaries.

use crate::EvalError;
use std::path::Path;

/// One gold sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// The sentences of one document (everything between two `-DOCSTART-` lines; a file without
/// them is one document).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllDocument {
    pub sentences: Vec<ConllSentence>,
}

/// Reads a CoNLL file.
pub fn read(path: &Path) -> Result<Vec<ConllDocument>, EvalError> {
    parse(&crate::read_text(path)?).map_err(|m| EvalError::format(path, m))
}

/// Parses CoNLL text; the error names the first malformed line.
pub fn parse(text: &str) -> Result<Vec<ConllDocument>, String> {
    let mut docs = vec![ConllDocument::default()];
    let mut sentence = ConllSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
            continue;
        }
        let mut columns = line.split_whitespace();
        let token = columns.next().unwrap_or_default();
        if token == "-DOCSTART-" {
            flush(&mut docs, &mut sentence);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDocument::default());
            }
            continue;
        }
        let tag = columns
            .last()
            .ok_or_else(|| format!("line {}: no tag column", n + 1))?;
        if tag != "O" && !(tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(format!("line {}: unknown tag `{tag}`", n + 1));
        }
        sentence.tokens.push(token.to_string());
        sentence.tags.push(tag.to_string());
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    if !text.contains("-DOCSTART-") {
        docs = docs.into_iter().flat_map(split_at_datelines).collect();
    }
    Ok(docs)
}

/// Whether a sentence is a Reuters dateline: a few words then an ISO date.
fn is_dateline(sentence: &ConllSentence) -> bool {
    let n = sentence.tokens.len();
    let is_date = |t: &str| {
        let b = t.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && t.chars().filter(char::is_ascii_digit).count() == 8
    };
    (2..=6).contains(&n) && sentence.tokens.last().is_some_and(|t| is_date(t))
}

/// Splits a document before every headline that a dateline follows.
fn split_at_datelines(doc: ConllDocument) -> Vec<ConllDocument> {
    let mut out = vec![ConllDocument::default()];
    let starts: Vec<bool> = (0..doc.sentences.len())
        .map(|i| doc.sentences.get(i + 1).is_some_and(is_dateline))
        .collect();
    for (sentence, starts) in doc.sentences.into_iter().zip(starts) {
        if starts && out.last().is_some_and(|d| !d.sentences.is_empty()) {
            out.push(ConllDocument::default());
        }
        if let Some(last) = out.last_mut() {
            last.sentences.push(sentence);
        }
    }
    out
}

fn flush(docs: &mut [ConllDocument], sentence: &mut ConllSentence) {
    if !sentence.tokens.is_empty() {
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(std::mem::take(sentence));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- O\n\nVARENO B-LOC\n2026-01-05 O\n\nAna B-PER\nPetrov I-PER\nleft O\n. O\n\n\
                    -DOCSTART- O\n\nTelco NNP B-NP B-ORG\nrose VBD B-VP O\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].tokens, ["Ana", "Petrov", "left", "."]);
        assert_eq!(docs[0].sentences[1].tags[1], "I-PER");
        assert_eq!(docs[1].sentences[0].tags, ["B-ORG", "O"]);
    }

    #[test]
    fn splits_documents_at_datelines_without_docstart() {
        let text = "TELCO B-ORG\nWINS O\n\nVARENO B-LOC\n2026-01-05 O\n\nIt O\nwon O\n\n\
                    RAIN O\n\nOSLO B-LOC\n2026-01-06 O\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].sentences[0].tokens, ["RAIN"]);
    }

    #[test]
    fn rejects_unknown_tags() {
        assert!(parse("Ana PERSON\n").unwrap_err().contains("line 1"));
    }
}
