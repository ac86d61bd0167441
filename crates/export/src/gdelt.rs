//! What the GDELT-style outputs share: cleaning free text of the delimiters the formats cannot
//! escape, GDELT's date-time stamps, and the PLOVER → CAMEO code table of the Event rows.
//!
//! GDELT files are tab-separated with one record per line, and their compound fields nest
//! delimiters (`;` between items, `#` or `,` or `|` between an item's parts) with no escape
//! mechanism; so every piece of text is cleaned of the delimiters of its level (replaced by a
//! space) and of tabs and line breaks.

use std::collections::HashMap;
use std::sync::OnceLock;

/// `text` with tabs, line breaks and every character of `forbidden` replaced by a space, and
/// runs of spaces collapsed.
pub fn clean(text: &str, forbidden: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let blank = c.is_whitespace() || forbidden.contains(&c);
        if blank {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A number as GDELT's fields hold one: digits without grouping (a comma separates fields),
/// no fraction for whole numbers.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// `YYYYMMDDHHMMSS` (UTC) of an instant in microseconds.
pub fn stamp(micros: i64) -> String {
    chrono::DateTime::from_timestamp_micros(micros)
        .map(|t| t.format("%Y%m%d%H%M%S").to_string())
        .unwrap_or_default()
}

/// GDELT's geographic resolution of a geocoded place from its GeoNames feature code and ISO
/// country: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
pub fn geo_type(feature_code: &str, country_code: Option<&str>) -> &'static str {
    let us = country_code == Some("US");
    match feature_code {
        code if code.starts_with("PCL") => "1",
        code if code.starts_with("ADM") && us => "2",
        code if code.starts_with("ADM") => "5",
        _ if us => "3",
        _ => "4",
    }
}

/// The CAMEO event code standing for a PLOVER category (and mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CameoCode {
    /// The full code (`190`, `0871`).
    pub code: String,
}

impl CameoCode {
    /// The three-digit base code (`EventBaseCode`).
    pub fn base(&self) -> &str {
        &self.code[..self.code.len().min(3)]
    }

    /// The two-digit root code (`EventRootCode`).
    pub fn root(&self) -> &str {
        &self.code[..self.code.len().min(2)]
    }
}

/// The committed table (see its header for how it was made).
const PLOVER_CAMEO: &str = include_str!("../data/plover_cameo.txt");

/// (category, mode) → CAMEO code; mode `-` is the category's most general code.
fn table() -> &'static HashMap<(String, String), String> {
    static TABLE: OnceLock<HashMap<(String, String), String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PLOVER_CAMEO
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let (category, mode, code) = (parts.next()?, parts.next()?, parts.next()?);
                Some(((category.to_string(), mode.to_string()), code.to_string()))
            })
            .collect()
    })
}

/// The CAMEO code of a PLOVER event: its (category, mode) when the table has that pair, else
/// the category's most general code; `None` for a category the table does not know.
pub fn cameo(category: &str, mode: Option<&str>) -> Option<CameoCode> {
    let category = category.trim().to_ascii_uppercase();
    let table = table();
    mode.map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty())
        .and_then(|m| table.get(&(category.clone(), m)))
        .or_else(|| table.get(&(category, "-".to_string())))
        .map(|code| CameoCode { code: code.clone() })
}

/// Derives the generated part of `data/plover_cameo.txt` from the text of PLOVER's
/// CAMEO2PLOVER table: for each (category, mode) pair and for each category alone, the most
/// general CAMEO code that maps to it: one under a root the table gives to that category
/// ("18: ASSAULT") before one under another root, then the fewest digits, then the lowest.
pub fn derive_plover_cameo(cameo2plover: &str) -> String {
    use std::collections::{BTreeMap, HashSet};
    // Each line "CODE: CATEGORY, MODE, CONTEXT # comment", as (code, category, mode).
    let entries: Vec<(&str, String, String)> = cameo2plover
        .lines()
        .filter_map(|line| {
            let (code, rest) = line.split('#').next()?.split_once(':')?;
            let code = code.trim();
            let mut fields = rest.split(',').map(str::trim);
            let category = fields.next()?.to_ascii_uppercase();
            let mode = fields.next().unwrap_or("").to_ascii_lowercase();
            let numeric = code.len() >= 2 && code.bytes().all(|b| b.is_ascii_digit());
            (numeric && !category.is_empty()).then_some((code, category, mode))
        })
        .collect();
    // Root lines ("18: ASSAULT") give a root to a category.
    let own_roots: HashSet<(&str, &str)> = entries
        .iter()
        .filter(|(code, _, _)| code.len() == 2)
        .map(|(code, category, _)| (*code, category.as_str()))
        .collect();
    let mut best: BTreeMap<(String, String), (bool, usize, String)> = BTreeMap::new();
    for (code, category, mode) in entries.iter().filter(|(code, _, _)| code.len() > 2) {
        let rank = (
            !own_roots.contains(&(&code[..2], category.as_str())),
            code.len(),
            code.to_string(),
        );
        let mut offer = |key: (String, String)| {
            if best.get(&key).is_none_or(|old| rank < *old) {
                best.insert(key, rank.clone());
            }
        };
        offer((category.clone(), "-".into()));
        if !mode.is_empty() {
            offer((category.clone(), mode.clone()));
        }
    }
    best.into_iter()
        .map(|((category, mode), (_, _, code))| format!("{category}\t{mode}\t{code}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_no_grouping() {
        assert_eq!(number(2000.0), "2000");
        assert_eq!(number(2.5), "2.5");
    }

    #[test]
    fn cleaning_removes_delimiters_and_breaks() {
        assert_eq!(clean("a;b\tc\n\nd # e", &[';', '#']), "a b c d e");
        assert_eq!(clean("  x  ", &[]), "x");
    }

    #[test]
    fn plover_categories_map_to_cameo_roots() {
        let assault = cameo("ASSAULT", None).unwrap();
        assert_eq!((assault.root(), assault.base()), ("18", "180"));
        assert_eq!(cameo("ASSAULT", Some("firearms")).unwrap().code, "193");
        assert_eq!(cameo("protest", Some("demo")).unwrap().code, "141");
        assert_eq!(cameo("RETREAT", Some("ceasefire")).unwrap().code, "0871");
        assert_eq!(cameo("RETREAT", Some("ceasefire")).unwrap().root(), "08");
        // Older PLOVER names, as the gold-standard records write them.
        assert_eq!(cameo("FIGHT", None).unwrap().root(), "19");
        assert_eq!(cameo("DEMAND", None).unwrap().root(), "10");
        assert_eq!(cameo("NOT-A-CATEGORY", None), None);
    }

    /// The generated part of the committed table is what PLOVER's own table gives;
    /// `PARALLAX_UPDATE_GOLDEN=1` rewrites it.
    #[test]
    fn committed_table_matches_plover() {
        let source = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt"
        );
        let Ok(text) = std::fs::read_to_string(source) else {
            eprintln!("skipped: {source} absent");
            return;
        };
        let derived = derive_plover_cameo(&text);
        let (head, rest) = PLOVER_CAMEO
            .split_once(GENERATED_START)
            .expect("the table marks its generated part");
        let (generated, tail) = rest.split_once(GENERATED_END).expect("and its end");
        if std::env::var_os("PARALLAX_UPDATE_GOLDEN").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/plover_cameo.txt");
            let new = format!("{head}{GENERATED_START}{derived}{GENERATED_END}{tail}");
            std::fs::write(path, new).unwrap();
            return;
        }
        assert_eq!(generated, derived);
    }

    const GENERATED_START: &str = "# --- generated ---\n";
    const GENERATED_END: &str = "# --- end generated ---\n";
}
