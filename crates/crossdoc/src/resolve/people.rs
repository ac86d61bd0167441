//! Lone names of people across documents: which full name a document's "Biden", "Xi" or
//! "Bloomberg" is.
//!
//! A lone name (one word once initials and suffixes are dropped) is matched to the persons of
//! the corpus named in full whose last word is spelt like it, or, when none is, whose first
//! word is ("Xi" → "Xi Jinping", "Kim" → "Kim Jong-un"). Spelt like it: the same word, or the
//! same consonant skeleton of at least four letters with spellings at least 0.8 alike
//! (normalized Levenshtein), so "Zelenskiy" meets "Zelensky" while "Davos" does not meet
//! "Davis", "Nato" "Nieto", nor "Chileans" "Collins" ([`spelling_key`], [`spelt_alike`]). A person is not a candidate
//! when the lone name's own document names it and still kept the two apart; a lone name whose
//! document did so joins another namesake only by a shared title. Among the rest:
//!
//! - a lone name written with a title keeps to the candidates carrying a title with the same
//!   head word ("President Biden" → "President Joe Biden", not "Jill Biden");
//! - **one candidate:** joined, unless the lone name is a person of its own across the corpus:
//!   its lone mentions outnumber the candidate's and carry titles the candidate never does;
//! - **several:** the candidate named in at least twice as many documents as any other, the
//!   subject of the story, wins; otherwise the lone name stays apart: the corpus does not
//!   say which of them it is.
//!
//! Where stories are known, a lone name looks only at the persons named in full in its own
//! story, in a document sharing at least [`SHARED_NAMES`] names with its own (the same news
//! told apart by the story clustering), or in at least [`WIDELY_NAMED`] documents: the
//! "Davis" of a Chicago teachers' strike is not the Kim Davis of another story that the
//! corpus names once, while a lone "Biden" is the Joe Biden that coverage names everywhere.
//!
//! A generation kept in the keys ("trump jr": see the parent module) is matched as well: a lone
//! "Trump Jr." is a candidate only for the full names of that generation, and a lone "Trump"
//! only for those without one.
//!
//! A two-word name joins the one longer full name of the corpus with its first and last words
//! (a middle name written out: "Hillary Clinton" is "Hillary Rodham Clinton"), unless a
//! document names both and kept them apart, or several longer names have those words.
//!
//! A one-word name of another type than person (a tagger's "Bloomberg" organization) is that
//! person too when exactly one full name ends with it and no longer name of another type
//! holds the word before its last ("Bloomberg News", "Ford Motor"; not "Rubio Comey"); it
//! then counts as a person.

use super::{split_generation, Local, UnionFind};
use crate::names::skeleton;
use parallax_core::names::is_person_body;
use parallax_core::EntityType;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What the full-name persons of one root say together.
#[derive(Debug, Default)]
struct Person {
    docs: BTreeSet<usize>,
    roles: BTreeSet<String>,
    mentions: usize,
}

/// A name's spelling key (of its last, first or only word: [`spelling_key`]) and the
/// generation its key keeps.
type Lone = (String, Option<&'static str>);

/// Skeletons shorter than this are shared by unrelated words ("Davis" and "Davos", "Nieto"
/// and "Nato", "Shrier" and "Sorry"): such a word meets only its own spelling.
const DISTINCT_SKELETON: usize = 4;
/// How alike (normalized Levenshtein) two words of one skeleton must be spelt to be one name:
/// "Zelenskiy" and "Zelensky" are 0.89 alike; "Christ" and "Christie" (both "crst") 0.75,
/// "Chileans" and "Collins" (both "clns") 0.5.
const ALIKE: f64 = 0.8;

/// In how many documents a person must be named in full for a lone name of another story to
/// join them: a public figure the corpus keeps naming, not someone one article quotes.
const WIDELY_NAMED: usize = 2;
/// How many names (keys) two documents of different stories must share for a lone name of one
/// to join a person named in full only in the other.
const SHARED_NAMES: usize = 2;

/// The key a lone name and a full name's word meet by: the spelling skeleton when it is long
/// enough to tell names apart, else the word itself.
fn spelling_key(word: &str) -> String {
    let sk = skeleton(word);
    if sk.len() >= DISTINCT_SKELETON {
        sk
    } else {
        format!("={word}")
    }
}

/// Whether two words of one [`spelling_key`] are one name spelt two ways.
fn spelt_alike(a: &str, b: &str) -> bool {
    a == b || strsim::normalized_levenshtein(a, b) >= ALIKE
}

/// Joins lone names to persons; returns the locals that joined as persons although typed
/// otherwise.
pub(super) fn join(
    locals: &[Local],
    story_of: &[Option<usize>],
    uf: &mut UnionFind,
) -> HashSet<usize> {
    middle_names(locals, uf);
    let is_person = |l: &Local| l.entity.entity_type == EntityType::Person;
    // Full-name persons by root, and the roots by last and first word skeleton.
    let mut persons: BTreeMap<usize, Person> = BTreeMap::new();
    for (n, l) in locals.iter().enumerate() {
        if is_person(l) && l.words.len() >= 2 {
            let p = persons.entry(uf.find(n)).or_default();
            p.docs.insert(l.doc);
            p.roles.extend(l.roles.iter().cloned());
            p.mentions += l.mentions;
        }
    }
    // Each key's roots, with the words that gave the key.
    let mut by_last: HashMap<Lone, BTreeMap<usize, BTreeSet<&str>>> = HashMap::new();
    let mut by_first: HashMap<Lone, BTreeMap<usize, BTreeSet<&str>>> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        let (name, generation) = split_generation(l);
        if is_person(l) && name.len() >= 2 {
            let root = uf.find(n);
            if let (Some(first), Some(last)) = (name.first(), name.last()) {
                by_last
                    .entry((spelling_key(last), generation))
                    .or_default()
                    .entry(root)
                    .or_default()
                    .insert(last.as_str());
                by_first
                    .entry((spelling_key(first), generation))
                    .or_default()
                    .entry(root)
                    .or_default()
                    .insert(first.as_str());
            }
        }
    }
    // Docs each root is named in, to respect what each document kept apart.
    let mut root_docs: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        root_docs.entry(uf.find(n)).or_default().insert(l.doc);
    }
    // The lone mentions of each skeleton across the corpus, with their titles.
    let mut lone: HashMap<Lone, (usize, BTreeSet<String>)> = HashMap::new();
    for l in locals.iter().filter(|l| is_person(l)) {
        let (name, generation) = split_generation(l);
        let [word] = name else { continue };
        let slot = lone.entry((spelling_key(word), generation)).or_default();
        slot.0 += l.mentions;
        slot.1.extend(l.roles.iter().cloned());
    }
    // Words that longer names of other types hold before their last word: a name built on a
    // person's surname leads with it ("Bloomberg News", "Walt Disney Company"), while a
    // tagger's run ending in one ("Rubio Comey", "A.M. Since Comey") says nothing of it.
    // A run of capitals ("COMEY CRAZY COVFEFE LIVEWIRE") is a shouted headline the tagger
    // read as a name, not an organization.
    // A body named after the person who leads it ("Obama administration") holds a person's
    // name, and says the word is one.
    let shouted = |l: &Local| !l.entity.name.chars().any(char::is_lowercase);
    let led = |l: &Local| l.words.last().is_some_and(|w| is_person_body(w));
    let held: HashSet<&str> = locals
        .iter()
        .filter(|l| !is_person(l) && l.words.len() > 1 && !shouted(l) && !led(l))
        .flat_map(|l| l.words[..l.words.len() - 1].iter().map(String::as_str))
        .collect();

    // Each document's names, to tell related documents of different stories.
    let mut doc_names: HashMap<usize, HashSet<&str>> = HashMap::new();
    if !story_of.is_empty() {
        for l in locals.iter().filter(|l| !l.unnamed && !l.key.is_empty()) {
            doc_names.entry(l.doc).or_default().insert(l.key.as_str());
        }
    }

    let mut joins = Vec::new();
    let mut as_person = HashSet::new();
    for (n, l) in locals.iter().enumerate() {
        let (name, generation) = split_generation(l);
        let [word] = name else { continue };
        if skeleton(word).len() < 2 {
            continue;
        }
        let key = (spelling_key(word), generation);
        // The roots a key's index holds whose words are spelt like this one.
        let alike_roots = |index: &HashMap<Lone, BTreeMap<usize, BTreeSet<&str>>>| -> Vec<usize> {
            index.get(&key).map_or_else(Vec::new, |roots| {
                roots
                    .iter()
                    .filter(|(_, words)| words.iter().any(|w| spelt_alike(word, w)))
                    .map(|(&root, _)| root)
                    .collect()
            })
        };
        // No rule before this one joins a lone name to a full name, so a root whose documents
        // include the lone name's own was kept apart from it there.
        let own_doc = |root: &usize| root_docs.get(root).is_some_and(|d| d.contains(&l.doc));
        // A person this lone name may be: named in full in its story, in a related
        // document, or widely.
        let story = |d: &usize| story_of.get(*d).copied().flatten();
        let related = |d: &usize| {
            let (Some(a), Some(b)) = (doc_names.get(d), doc_names.get(&l.doc)) else {
                return false;
            };
            a.intersection(b).nth(SHARED_NAMES - 1).is_some()
        };
        let reachable = |root: &usize| match story(&l.doc) {
            None => true,
            Some(own) => persons.get(root).is_some_and(|p| {
                p.docs.len() >= WIDELY_NAMED
                    || p.docs.iter().any(|d| story(d) == Some(own) || related(d))
            }),
        };
        if is_person(l) {
            let mut found = alike_roots(&by_last);
            if found.is_empty() {
                found = alike_roots(&by_first);
            }
            let named = found.len();
            found.retain(|r| !own_doc(r));
            let titled: Vec<usize> = found
                .iter()
                .copied()
                .filter(|r| l.roles.iter().any(|t| persons[r].roles.contains(t)))
                .collect();
            if !titled.is_empty() {
                found = titled;
            } else if found.len() < named {
                // Its own document names a namesake and keeps it apart: only a title decides.
                continue;
            }
            let chosen = match found.as_slice() {
                [] => None,
                [one] => {
                    let p = &persons[one];
                    let (count, titles) = &lone[&key];
                    let own_person =
                        *count > p.mentions && !titles.is_empty() && titles.is_disjoint(&p.roles);
                    (!own_person).then_some(*one)
                }
                several => {
                    let docs = |r: &usize| persons[r].docs.len();
                    let top = several.iter().max_by_key(|r| docs(r)).copied();
                    top.filter(|t| several.iter().all(|r| r == t || docs(t) >= 2 * docs(r)))
                }
            };
            // Chosen among every namesake, so that leaving out the unreachable ones never
            // makes an ambiguous name look certain; then kept only when reachable.
            if let Some(root) = chosen.filter(|r| reachable(r)) {
                joins.push((n, root));
            }
        } else if l.entity.entity_type != EntityType::Gpe && !held.contains(word.as_str()) {
            if let [root] = alike_roots(&by_last)[..] {
                if !reachable(&root) {
                    continue;
                }
                joins.push((n, root));
                as_person.insert(n);
            }
        }
    }
    for (n, root) in joins {
        uf.union(n, root);
    }
    as_person
}

/// Joins two-word person names to the one longer name with their first and last words.
fn middle_names(locals: &[Local], uf: &mut UnionFind) {
    let ends = |l: &Local| -> Option<(String, String, Option<&'static str>, usize)> {
        if l.entity.entity_type != EntityType::Person {
            return None;
        }
        let (name, generation) = split_generation(l);
        match name {
            [first, .., last] => Some((skeleton(first), skeleton(last), generation, name.len())),
            _ => None,
        }
    };
    // The roots of the longer names by their first and last words, and the documents of each.
    let mut longer: HashMap<(String, String, Option<&'static str>), BTreeSet<usize>> =
        HashMap::new();
    let mut docs_of: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        let root = uf.find(n);
        docs_of.entry(root).or_default().insert(l.doc);
        if let Some((first, last, generation, 3..)) = ends(l) {
            longer
                .entry((first, last, generation))
                .or_default()
                .insert(root);
        }
    }
    let mut joins = Vec::new();
    for (n, l) in locals.iter().enumerate() {
        let Some((first, last, generation, 2)) = ends(l) else {
            continue;
        };
        let Some(roots) = longer.get(&(first, last, generation)) else {
            continue;
        };
        if let [root] = roots.iter().copied().collect::<Vec<_>>()[..] {
            let own = uf.find(n);
            // A document holding both kept them apart: it knows better than their words.
            let apart = own != root && docs_of[&root].intersection(&docs_of[&own]).next().is_some();
            if !apart {
                joins.push((n, root));
            }
        }
    }
    for (n, root) in joins {
        uf.union(n, root);
    }
}
