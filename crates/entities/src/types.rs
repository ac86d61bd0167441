//! From the tagger's four CoNLL classes to Parallax's eight entity types, by lexicon.
//!
//! - LOC becomes GPE when the lexicon knows the phrase as a country, city or region with a
//!   government; FAC when its head word is a facility word ("Airport", "Bridge", "airbase");
//!   otherwise LOC.
//! - MISC becomes NORP for demonyms and religious or political groups ("Russian", "Ossetian");
//!   EVENT for known events and names headed by an event word ("World War II", "Olympic
//!   Games"); otherwise MISC.
//! - ORG stays ORG: names like "Crystal Palace" or "Queen's Park" are clubs far more often
//!   than buildings in news.
//! - PER is PERSON.
//!
//! And back again, for scoring against CoNLL gold: GPE, LOC and FAC are LOC; NORP, EVENT and
//! MISC are MISC.

use crate::lexicon::{lexicon, Kind};
use crate::tagger::Class;
use parallax_core::EntityType;

/// The Parallax type of a name the tagger classed as `class`.
pub fn refine(class: Class, words: &[&str]) -> EntityType {
    let lex = lexicon();
    let whole = lex.kinds_of_words(words);
    let head = words.last().map_or(0, |w| lex.kinds_of_words(&[w]));
    let has = |bits: u32, kind: Kind| bits & kind.bit() != 0;
    let facility =
        has(head, Kind::FacilityWord) || words.iter().any(|w| w.eq_ignore_ascii_case("airbase"));
    // "Trump Jr.", "Bush, Jr.": a short name ending in a son's or father's suffix is a
    // person's, whatever class the tagger gave it (a headline it ran together is not).
    // Roman numerals are left out: "World War II".
    let generational = |w: &&str| {
        parallax_core::names::generation_of(w).is_some() && w.chars().any(char::is_lowercase)
    };
    if (2..=4).contains(&words.len()) && words.last().is_some_and(generational) {
        return EntityType::Person;
    }
    match class {
        Class::Per => EntityType::Person,
        Class::Org => EntityType::Org,
        Class::Loc
            if has(whole, Kind::Country) || has(whole, Kind::City) || has(whole, Kind::Region) =>
        {
            EntityType::Gpe
        }
        Class::Loc if facility && words.len() > 1 => EntityType::Fac,
        Class::Loc => EntityType::Loc,
        Class::Misc if has(whole, Kind::Demonym) || has(whole, Kind::Group) => EntityType::Norp,
        Class::Misc
            if has(whole, Kind::EventWord) || (has(head, Kind::EventWord) && words.len() > 1) =>
        {
            EntityType::Event
        }
        Class::Misc => EntityType::Misc,
    }
}

/// The CoNLL class a Parallax type is scored as.
pub fn conll_class(entity_type: EntityType) -> Class {
    match entity_type {
        EntityType::Person => Class::Per,
        EntityType::Org => Class::Org,
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => Class::Loc,
        EntityType::Norp | EntityType::Event | EntityType::Misc => Class::Misc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refines_by_lexicon() {
        assert_eq!(refine(Class::Loc, &["Georgia"]), EntityType::Gpe);
        assert_eq!(refine(Class::Loc, &["Black", "Sea"]), EntityType::Loc);
        assert_eq!(refine(Class::Loc, &["Vaziani", "airbase"]), EntityType::Fac);
        assert_eq!(
            refine(Class::Loc, &["Heathrow", "Airport"]),
            EntityType::Fac
        );
        assert_eq!(refine(Class::Misc, &["Ossetian"]), EntityType::Norp);
        assert_eq!(
            refine(Class::Misc, &["World", "War", "II"]),
            EntityType::Event
        );
        assert_eq!(
            refine(Class::Misc, &["Olympic", "Games"]),
            EntityType::Event
        );
        assert_eq!(refine(Class::Misc, &["Windows"]), EntityType::Misc);
        assert_eq!(refine(Class::Org, &["Trump", "Jr."]), EntityType::Person);
        assert_eq!(refine(Class::Org, &["Jr."]), EntityType::Org);
        assert_eq!(conll_class(EntityType::Fac), Class::Loc);
        assert_eq!(conll_class(EntityType::Norp), Class::Misc);
    }
}
