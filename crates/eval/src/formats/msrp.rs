//! Microsoft Research Paraphrase Corpus pairs: `Quality<TAB>#1 ID<TAB>#2 ID<TAB>#1 String<TAB>#2 String`.
//!
//! Quirks handled: a BOM and a header line; `Quality` is `1` (paraphrase) or `0`; sentences
//! contain `"` that are text, not CSV quoting, so fields are split on tabs only (the release
//! is known to break naive CSV readers on those quotes).

use crate::{read_text, EvalError};
use std::path::{Path, PathBuf};

/// One labelled sentence pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MsrpPair {
    pub paraphrase: bool,
    pub a: String,
    pub b: String,
}

/// `path` itself when it is a file, else the named split file in the dataset folder.
pub fn split_file(path: &Path, split: &str) -> PathBuf {
    if path.is_file() {
        path.to_path_buf()
    } else {
        path.join(split)
    }
}

/// Reads an MSRP pair file.
pub fn read(path: &Path) -> Result<Vec<MsrpPair>, EvalError> {
    parse(&read_text(path)?).map_err(|message| EvalError::format(path, message))
}

/// Parses the text of an MSRP pair file; the error names the offending line.
pub fn parse(text: &str) -> Result<Vec<MsrpPair>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pairs = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || (number == 0 && line.starts_with("Quality")) {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [quality, _, _, a, b] = fields.as_slice() else {
            return Err(format!(
                "line {}: expected 5 tab-separated fields",
                number + 1
            ));
        };
        let paraphrase = match quality.trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("line {}: unknown quality `{other}`", number + 1)),
        };
        pairs.push(MsrpPair {
            paraphrase,
            a: a.to_string(),
            b: b.to_string(),
        });
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_after_bom_and_header() {
        let text = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n\
                    1\t11\t12\tThe \"bank\" rose.\tThe bank went up.\n\
                    0\t13\t14\tIt rained.\tShares fell.\r\n";
        let pairs = parse(text).unwrap();
        assert_eq!(pairs.len(), 2);
        assert!(pairs[0].paraphrase && !pairs[1].paraphrase);
        assert_eq!(pairs[0].a, "The \"bank\" rose.");
        assert_eq!(pairs[1].b, "Shares fell.");
        assert!(parse("2\ta\tb\tc\td\n").is_err());
        assert!(parse("1\ta\tb\n").is_err());
    }
}
