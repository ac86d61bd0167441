//! Datelines: the place (and agency) that open a wire story, "BEIJING (AP) –" or
//! "TBILISI, Georgia (Reuters) -".
//!
//! The tagger learned CoNLL's own datelines ("BRUSSELS 1996-08-22"), but not the agency form;
//! this rule marks the capitalized place and the agency in parentheses when a sentence opens
//! with one to three all-capital words followed by a comma and a region, by an agency in
//! parentheses, or by a dash when the capitalized words are a place the lexicon knows.

use crate::lexicon::{lexicon, Kind};
use crate::tagger::{Class, TokenSpan};

const DASHES: [&str; 4] = ["-", "–", "—", "--"];

fn is_caps_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
}

fn is_known_place(words: &[&str]) -> bool {
    let places = Kind::Country.bit() | Kind::City.bit() | Kind::Region.bit();
    lexicon().kinds_of_words(words) & places != 0
}

/// The dateline's place and agency, when the sentence opens with one.
pub fn find(words: &[&str]) -> Option<Vec<TokenSpan>> {
    let place_len = words.iter().take(4).take_while(|w| is_caps_word(w)).count();
    if place_len == 0 || place_len > 3 {
        return None;
    }
    let mut out = vec![TokenSpan {
        start: 0,
        end: place_len,
        class: Class::Loc,
    }];
    let mut i = place_len;
    if words.get(i) == Some(&",") {
        // "TBILISI, Georgia": the region or country after the comma is a place too.
        let region = words[i + 1..]
            .iter()
            .take(3)
            .take_while(|w| parallax_core::text::is_capitalized(w))
            .count();
        if region == 0 {
            return None;
        }
        out.push(TokenSpan {
            start: i + 1,
            end: i + 1 + region,
            class: Class::Loc,
        });
        i += 1 + region;
    }
    match words.get(i) {
        Some(&"(") => {
            let agency = words.get(i + 1)?;
            if words.get(i + 2) != Some(&")")
                || lexicon().kinds_of_words(&[agency]) & Kind::Agency.bit() == 0
            {
                return None;
            }
            out.push(TokenSpan {
                start: i + 1,
                end: i + 2,
                class: Class::Org,
            });
        }
        // "SOCCER - JAPAN GET LUCKY WIN" is a headline: a bare dash needs a known place.
        Some(w) if DASHES.contains(w) && is_known_place(&words[..place_len]) => {}
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_place_and_agency() {
        let spans = find(&["BEIJING", "(", "AP", ")", "–", "Chinese", "officials"]).unwrap();
        assert_eq!(
            spans[0],
            TokenSpan {
                start: 0,
                end: 1,
                class: Class::Loc
            }
        );
        assert_eq!(
            spans[1],
            TokenSpan {
                start: 2,
                end: 3,
                class: Class::Org
            }
        );
        let spans = find(&["TBILISI", ",", "Georgia", "(", "Reuters", ")", "-"]).unwrap();
        assert_eq!(spans.len(), 3);
        assert!(find(&["NEW", "YORK", "-", "Stocks"]).is_some());
        assert!(find(&["BRUSSELS", "1996-08-22"]).is_none());
        assert!(find(&["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"]).is_none());
        assert!(find(&["The", "(", "AP", ")"]).is_none());
    }
}
