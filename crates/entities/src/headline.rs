//! Names in headlines written in title case ("Tara Reid Finally Checks Into Rehab For
//! Undisclosed Reasons").
//!
//! Capitals there mark every word, so the tagger, which learned capitals as the sign of a
//! name, takes whole headlines for organizations ("Cordial Ties Have Soured", "Bloomberg
//! Tells"). In such a sentence a tagged span is replaced by the names it contains that the
//! rest of the document also writes, with their type there (longest first, so "Tara Reid"
//! and not "Reid"; a person's surname or first name alone counts as that person's name), and
//! by the phrases the lexicon knows; a span with neither is dropped. A headline whose
//! document writes no other sentence keeps what the tagger found.
//!
//! A sentence is in title case when it has at least four words with letters, every one of
//! them capitalized but the short words a headline leaves in lowercase ("of", "in", "the"),
//! at least two of them common words capitalized ("Finally", "Checks": a list of names has
//! none), not all in capitals (a headline all in capitals is the tagger's own case: CoNLL is
//! full of them), and no digits, brackets, semicolons or more than two commas (a table row or
//! a squad list is not a headline).

use crate::lexicon::{lexicon, normalize, Kind};
use crate::tagger::{Class, TokenSpan};
use parallax_core::function_words::{class_of, FunctionWord};
use std::collections::HashMap;

/// Most words a name may have in the body index.
const MAX_NAME: usize = 6;

/// Words a title-case headline may leave in lowercase: articles, prepositions, conjunctions.
fn is_minor(word: &str) -> bool {
    class_of(word)
        .is(FunctionWord::DETERMINER | FunctionWord::PREPOSITION | FunctionWord::CONJUNCTION)
}

/// Whether a sentence of these words is a title-case headline (see the module doc);
/// `is_common` tells the words the tagger's training text writes in lowercase.
pub fn is_title_case(words: &[&str], is_common: impl Fn(&str) -> bool) -> bool {
    let mut lettered = 0;
    let mut common = 0;
    let mut mixed = false;
    let mut commas = 0;
    for w in words {
        match *w {
            "," => commas += 1,
            "(" | ")" | ";" => return false,
            _ => {}
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        lettered += 1;
        if first.is_uppercase() {
            mixed |= w.chars().any(char::is_lowercase);
            common += usize::from(is_common(w));
        } else if !is_minor(w) {
            return false;
        }
    }
    lettered >= 4 && commas <= 2 && common >= 2 && mixed
}

/// The names of the document's other sentences: normalized words → class.
#[derive(Debug, Default)]
pub struct BodyNames {
    names: HashMap<Vec<String>, Class>,
}

impl BodyNames {
    /// Adds the tagger's spans of one sentence that is not a title-case headline.
    pub fn add(&mut self, words: &[&str], spans: &[TokenSpan]) {
        for span in spans {
            let Some(name) = words.get(span.start..span.end) else {
                continue;
            };
            let name: Vec<String> = name.iter().map(|w| normalize(w)).collect();
            if span.class == Class::Per && name.len() > 1 {
                for part in [name.first(), name.last()].into_iter().flatten() {
                    self.names.entry(vec![part.clone()]).or_insert(Class::Per);
                }
            }
            self.names.insert(name, span.class);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The spans a headline's tagged `spans` become (see the module doc).
    pub fn rescue(&self, words: &[&str], spans: &[TokenSpan]) -> Vec<TokenSpan> {
        let norm: Vec<String> = words.iter().map(|w| normalize(w)).collect();
        let known = Kind::Country.bit()
            | Kind::City.bit()
            | Kind::Region.bit()
            | Kind::Place.bit()
            | Kind::Organization.bit()
            | Kind::Company.bit()
            | Kind::Club.bit()
            | Kind::Demonym.bit()
            | Kind::Group.bit()
            | Kind::Agency.bit();
        let mut out = Vec::new();
        for span in spans {
            let end = span.end.min(words.len());
            let mut i = span.start;
            while i < end {
                let longest = (i + 1..=end.min(i + MAX_NAME)).rev().find_map(|j| {
                    if let Some(&class) = self.names.get(&norm[i..j]) {
                        return Some((j, class));
                    }
                    let kinds = lexicon().kinds_of_words(&words[i..j]);
                    (kinds & known != 0).then_some((j, span.class))
                });
                match longest {
                    Some((j, class)) => {
                        out.push(TokenSpan {
                            start: i,
                            end: j,
                            class,
                        });
                        i = j;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_headlines_from_sentences_and_tables() {
        let common = |w: &str| {
            matches!(
                w.to_lowercase().as_str(),
                "finally" | "checks" | "into" | "rehab" | "reasons" | "speaks"
            )
        };
        let h = |s: &str| is_title_case(&s.split(' ').collect::<Vec<_>>(), common);
        assert!(h(
            "Tara Reid Finally Checks Into Rehab For Undisclosed Reasons"
        ));
        assert!(!h("Tara Reid has checked into Promises Treatment Center ."));
        assert!(!h("RUSSIA AND GEORGIA TRADE BLAME"));
        assert!(!h("Manchester United 3 Chelsea 1"));
        assert!(!h("Obama Speaks"));
        assert!(!h("Defenders - Dan Petrescu , Daniel Prodan , Anton Dobos"));
    }

    #[test]
    fn keeps_the_names_the_body_writes() {
        let mut body = BodyNames::default();
        let sentence = ["Tara", "Reid", "entered", "Promises", "Treatment", "Center"];
        body.add(
            &sentence,
            &[
                TokenSpan {
                    start: 0,
                    end: 2,
                    class: Class::Per,
                },
                TokenSpan {
                    start: 3,
                    end: 6,
                    class: Class::Org,
                },
            ],
        );
        let headline = ["Reid", "Finally", "Checks", "Into", "Rehab", "In", "Malibu"];
        let whole = TokenSpan {
            start: 0,
            end: 7,
            class: Class::Org,
        };
        let out = body.rescue(&headline, &[whole]);
        assert_eq!(
            out,
            [TokenSpan {
                start: 0,
                end: 1,
                class: Class::Per
            }]
        );
    }
}
