//! The labels that open a section written at another time or by another hand: "UPDATE:" and
//! its dated forms ("UPDATE 3 March:", "Update (Saturday, 14:00):"), the date label of a live
//! page's entry ("3 March:", "Saturday, 9 August, 14:20 GMT –"), and an agency dateline
//! ("BEIJING (AP) –", "TBILISI, Aug. 9 (Reuters) -"). The time annotator reads a label's date
//! as the anchor of the section it opens.

use crate::wordlists::{holds, DATE_LABEL_WORDS};
use parallax_core::calendar;

/// How far into a paragraph a label's colon or dash can be.
const LABEL_BYTES: usize = 60;

/// Whether `para` opens with "UPDATE" or "Updated" (any case) as a word of its own.
pub fn starts_update(para: &str) -> bool {
    let word_end = para
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(para.len());
    let word = &para[..word_end];
    (word.eq_ignore_ascii_case("update") || word.eq_ignore_ascii_case("updated"))
        && (word_end == para.len() || !para[word_end..].starts_with(|c: char| c.is_alphanumeric()))
}

/// The byte length of the label opening `para`, colon or dash included, when `para` opens an
/// update or a dated entry: "UPDATE:", "UPDATE 3 March:", "3 March:", "Saturday, 9 August –".
/// An "UPDATE" without colon or dash is a label of one word.
pub fn section_label(para: &str) -> Option<usize> {
    if starts_update(para) {
        return Some(label_end(para).map_or_else(|| "update".len().min(para.len()), |(_, e)| e));
    }
    date_label(para)
}

/// The byte length of a date label opening `para` ("3 March:", "Saturday, 14:20 GMT –"): only
/// date and time words before the colon or dash, among them a month or a weekday.
pub fn date_label(para: &str) -> Option<usize> {
    let (label_stop, end) = label_end(para)?;
    let label = &para[..label_stop];
    let mut named = false;
    for word in label.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        if word.is_empty() {
            continue;
        }
        if calendar::month(word).is_some() || calendar::weekday(word).is_some() {
            named = true;
        } else if !(is_number_like(word) || holds(&DATE_LABEL_WORDS, word)) {
            return None;
        }
    }
    named.then_some(end)
}

/// Digits, an ordinal ("9th") or a clock time ("14:20", "2.30").
fn is_number_like(word: &str) -> bool {
    let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// Where the label of `para` stops and where the text after its colon or dash starts: the
/// first ": " (or a colon ending the paragraph), " – ", " — " or " - " within
/// [`LABEL_BYTES`].
fn label_end(para: &str) -> Option<(usize, usize)> {
    let head = &para[..parallax_core::text::floor_char_boundary(para, LABEL_BYTES)];
    let colon = head
        .char_indices()
        .find(|&(i, c)| c == ':' && para[i + 1..].chars().next().is_none_or(char::is_whitespace));
    let colon = colon.map(|(i, _)| (i, i + 1));
    let dash = [" – ", " — ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, i + d.len())))
        .min();
    let (stop, end) = match (colon, dash) {
        (Some(c), Some(d)) => c.min(d),
        (c, d) => c.or(d)?,
    };
    (stop > 0).then_some((stop, end))
}

/// "BEIJING (AP) –", "TBILISI, Georgia (Reuters) -".
pub fn has_agency_dateline(para: &str) -> bool {
    agency_dateline(para).is_some()
}

/// The byte offsets of the agency's parentheses in a dateline opening `para`: `(open,
/// close)` around "AP" in "BEIJING, Aug. 9 (AP) –".
pub fn agency_dateline(para: &str) -> Option<(usize, usize)> {
    let head = &para[..parallax_core::text::floor_char_boundary(para, LABEL_BYTES)];
    let open = head.find(" (")?;
    let close = open + head[open..].find(')')?;
    let place = &head[..open];
    let after = head[close + 1..].trim_start();
    let place_is_caps = place.split(',').next().is_some_and(|p| {
        let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
    });
    (place_is_caps && after.starts_with(['-', '–', '—'])).then_some((open + 1, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_and_date_labels() {
        assert_eq!(section_label("UPDATE: The toll rose."), Some(7));
        assert_eq!(section_label("UPDATE 3 March: Today"), Some(15));
        assert_eq!(section_label("Update (Saturday, 14:00): more"), Some(25));
        assert_eq!(section_label("3 March: Today the town"), Some(8));
        assert_eq!(
            section_label("Saturday, 9 August, 14:20 GMT – Troops"),
            Some(34)
        );
        assert_eq!(section_label("UPDATE"), Some(6));
        assert_eq!(section_label("WASHINGTON, May 9 – The"), None);
        assert_eq!(section_label("May 9 (Reuters) - The"), None);
        assert_eq!(section_label("Updates to the law: none"), None);
        assert_eq!(section_label("The ministry said: no"), None);
    }

    #[test]
    fn dateline_detection() {
        assert!(has_agency_dateline("BEIJING (AP) – The government said"));
        assert!(has_agency_dateline("TBILISI, Georgia (Reuters) - Shelling"));
        assert!(has_agency_dateline("TBILISI, Aug. 9 (Reuters) - Shelling"));
        assert!(!has_agency_dateline("The ministry (which declined) - said"));
    }
}
