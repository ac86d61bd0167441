//! Short forms of longer names across documents: acronyms ("IAEA" for "International Atomic
//! Energy Agency", "GM" for "General Motors") and the partial names of organizations ("Colts"
//! for "Indianapolis Colts", "Apple" for "Apple Computer", "Northrop" for "Northrop
//! Grumman").
//!
//! - **Acronym:** a one-word name written in capitals (2–6 letters, dots allowed) joins the
//!   name of several words, of any type but person, whose initials it is — when exactly one
//!   name of the corpus has those initials (a dotted acronym, "F.B.I.", is no such name).
//! - **Trade descriptors:** an organization named by a shorter organization's words followed
//!   only by words of trade (`data/org_suffixes.txt`: "Group", "Motors", "Computer") joins
//!   it ("Ford Motor" → "Ford", "Chrysler Group" → "Chrysler").
//! - **Partial name:** a one-word organization joins the one longer organization of the
//!   corpus whose first or last word it is ("Colts" → "Indianapolis Colts") — not when
//!   several longer names have it ("Apple TV", "Apple Worldwide Developers Conference"),
//!   and not the first word of a part of a body (`data/org_suffixes.txt`, "body": "House"
//!   is not the "House oversight committee"), and not a body named after the person who
//!   leads it ("Obama" is not the "Obama administration").

use super::{Local, UnionFind};
use crate::lists::lists;
use crate::names::initials;
use parallax_core::names::is_person_body;
use parallax_core::EntityType;
use std::collections::{BTreeSet, HashMap};

/// Applies the module's rules to `locals`.
pub(super) fn join(locals: &[Local], uf: &mut UnionFind) {
    acronyms(locals, uf);
    organizations(locals, uf);
}

/// Whether a name is written as an acronym: 2–6 capital letters, dots allowed.
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase())
}

fn acronyms(locals: &[Local], uf: &mut UnionFind) {
    let mut by_initials: HashMap<String, BTreeSet<&str>> = HashMap::new();
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        // A dotted acronym ("F.B.I.") splits into one-letter words whose initials are the
        // acronym itself: it is a short form, not a second expansion that would make the
        // initials ambiguous.
        if l.entity.entity_type == EntityType::Person || is_acronym(l.entity.name.trim()) {
            continue;
        }
        let i = initials(&l.words);
        if i.len() >= 2 {
            by_initials.entry(i).or_default().insert(&l.key);
            first_of.entry(&l.key).or_insert(n);
        }
    }
    for (n, l) in locals.iter().enumerate() {
        if l.entity.entity_type == EntityType::Person || !is_acronym(l.entity.name.trim()) {
            continue;
        }
        let letters: String = l.words.concat();
        if let Some(keys) = by_initials.get(&letters).filter(|k| k.len() == 1) {
            if let Some(&m) = keys.iter().next().and_then(|k| first_of.get(k)) {
                uf.union(n, m);
            }
        }
    }
}

fn organizations(locals: &[Local], uf: &mut UnionFind) {
    let is_org = |l: &Local| l.entity.entity_type == EntityType::Org && !l.unnamed;
    let mut first_of: HashMap<&[String], usize> = HashMap::new();
    for (n, l) in locals.iter().enumerate().filter(|(_, l)| is_org(l)) {
        first_of.entry(l.words.as_slice()).or_insert(n);
    }
    // Trade descriptors: "Ford Motor Company" → "Ford", "General Motors Corp." → "General Motors".
    for (n, l) in locals.iter().enumerate().filter(|(_, l)| is_org(l)) {
        let mut end = l.words.len();
        while end > 1 && lists().is_descriptor(&l.words[end - 1]) {
            end -= 1;
            if let Some(&m) = first_of.get(&l.words[..end]) {
                uf.union(n, m);
                break;
            }
        }
    }
    // Partial names: one word, the first or last of exactly one longer organization name.
    let mut longer: HashMap<&str, BTreeSet<&[String]>> = HashMap::new();
    // A body named after the person who leads it ("obama administration") holds a person's
    // name, not a short form of its own.
    let led = |l: &Local| l.words.last().is_some_and(|w| is_person_body(w));
    for l in locals
        .iter()
        .filter(|l| is_org(l) && l.words.len() > 1 && !led(l))
    {
        let part = l.words.last().is_some_and(|w| lists().is_body(w));
        let first = l.words.first().filter(|_| !part);
        for w in [first, l.words.last()].into_iter().flatten() {
            longer.entry(w.as_str()).or_default().insert(&l.words);
        }
    }
    for (n, l) in locals.iter().enumerate().filter(|(_, l)| is_org(l)) {
        let [word] = l.words.as_slice() else { continue };
        if word.len() < 3 || lists().is_descriptor(word) {
            continue;
        }
        if let Some(names) = longer.get(word.as_str()).filter(|s| s.len() == 1) {
            if let Some(&m) = names.iter().next().and_then(|w| first_of.get(w)) {
                uf.union(n, m);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_capitals() {
        assert!(is_acronym("IAEA"));
        assert!(is_acronym("U.S."));
        assert!(!is_acronym("Iaea"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("ABCDEFG"));
    }
}
