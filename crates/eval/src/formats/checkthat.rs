//! CheckThat! subjectivity TSV: `sentence_id<TAB>sentence<TAB>label[<TAB>solved_conflict]`.
//!
//! Quirks handled: the header line is present in some files and absent in others; a file may
//! start with a BOM; labels are `SUBJ`/`OBJ` in any case (the long forms are accepted too);
//! sentences contain `"` that are text, not CSV quoting, so fields are split on tabs only —
//! except that a few sentences were written CSV-quoted (`"He called it ""a sham."""`); those
//! are unquoted, since otherwise the whole sentence would read as one quotation.

use crate::{read_text, EvalError};
use std::path::{Path, PathBuf};

/// One gold sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectivitySentence {
    pub id: String,
    pub sentence: String,
    pub subjective: bool,
}

/// Where the CheckThat 2023 English files sit in the dataset folder.
const SPLIT_DIR: &str = "2023";

/// A split file of the 2023 English release: `path` itself when it is a file, else the named
/// split (`train_en.tsv`, `dev_en.tsv`, `test_en_gold.tsv`) in the dataset folder `path`.
pub fn split_file(path: &Path, split: &str) -> PathBuf {
    if path.is_file() {
        return path.to_path_buf();
    }
    let nested = path.join(SPLIT_DIR).join(split);
    if nested.is_file() {
        nested
    } else {
        path.join(split)
    }
}

/// Reads a subjectivity TSV file.
pub fn read(path: &Path) -> Result<Vec<SubjectivitySentence>, EvalError> {
    parse(&read_text(path)?).map_err(|message| EvalError::format(path, message))
}

/// Parses the text of a subjectivity TSV file; the error names the offending line.
pub fn parse(text: &str) -> Result<Vec<SubjectivitySentence>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sentences = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(id), Some(sentence), Some(label)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!(
                "line {}: expected at least 3 tab-separated fields",
                number + 1
            ));
        };
        if number == 0 && id.trim().eq_ignore_ascii_case("sentence_id") {
            continue;
        }
        let subjective = match label.trim().to_ascii_uppercase().as_str() {
            "SUBJ" | "SUBJECTIVE" => true,
            "OBJ" | "OBJECTIVE" => false,
            other => return Err(format!("line {}: unknown label `{other}`", number + 1)),
        };
        sentences.push(SubjectivitySentence {
            id: id.trim().to_string(),
            sentence: unquote_csv(sentence),
            subjective,
        });
    }
    Ok(sentences)
}

/// The content of a CSV-quoted field (outer quotes, every inner quote doubled); any other
/// text unchanged.
fn unquote_csv(field: &str) -> String {
    let inner = field.strip_prefix('"').and_then(|f| f.strip_suffix('"'));
    match inner {
        Some(inner) if !inner.is_empty() && !inner.replace("\"\"", "").contains('"') => {
            inner.replace("\"\"", "\"")
        }
        _ => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoted_sentences_are_unquoted() {
        let tsv = "d1\t\"It was, he said, \"\"a sham.\"\"\"\tSUBJ\nd2\t\"Go,\" he said.\tOBJ\n";
        let items = parse(tsv).unwrap();
        assert_eq!(items[0].sentence, "It was, he said, \"a sham.\"");
        assert_eq!(items[1].sentence, "\"Go,\" he said.");
    }

    #[test]
    fn reads_files_with_and_without_header() {
        let with_header = "\u{feff}sentence_id\tsentence\tlabel\n\
                           a1\tThe council met on \"Tuesday\".\tOBJ\n\
                           a2\tWhat a shameful vote!\tsubj\n";
        let items = parse(with_header).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].sentence, "The council met on \"Tuesday\".");
        assert!(!items[0].subjective && items[1].subjective);

        let without_header =
            "b1\tRates rose 2%.\tOBJ\tFalse\r\nb2\tThey ought to resign.\tSUBJ\tTrue\r\n";
        let items = parse(without_header).unwrap();
        assert_eq!(
            items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["b1", "b2"]
        );
        assert!(items[1].subjective);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(parse("c1\tno label here\n").unwrap_err().contains("line 1"));
        assert!(parse("c1\tsentence\tNEUTRAL\n")
            .unwrap_err()
            .contains("NEUTRAL"));
    }
}
