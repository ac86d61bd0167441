//! Cross-document entity resolution: one entity per real-world actor.
//!
//! Each document's local entities (already resolved within the document: titles, surnames,
//! pronouns) are merged across documents with a union-find over these rules, each a hash
//! lookup, so the cost is linear in the number of local entities:
//! 1. **Same name**: equal name keys ([`crate::names::key_words`]: a person's name without
//!    initials, suffixes and nicknames, an organization's without its legal form, aliases
//!    written as their canonical name) within the same type class. A son's generation ("Jr.",
//!    "III") stays in a person's key, as it does within a document: "Bobby Kennedy Jr." is not
//!    his father "Robert F. Kennedy" named in another article. The elder's ("Sr.") is dropped
//!    ([`generation_word`]): "W. Mark Felt Sr." is the "Mark Felt" of other articles.
//!    Initials left out of the key still tell people apart ([`InitialsJoin`]): "George W.
//!    Bush" is not "George H.W. Bush"; a name written without any joins the one initials the
//!    corpus writes for it ("Donald Trump" is "Donald J. Trump").
//! 2. **Same spelling skeleton**: equal consonant skeletons ([`crate::names`]) within the same
//!    type class, for names whose skeleton is long enough (≥ 4 letters) to be distinctive —
//!    transliterations and misspellings —, initials kept apart as in rule 1.
//! 3. **Aliases across types**: a name that is wholly an alias of another actor
//!    (`data/aliases.txt`: "the Kremlin" → Russia, "U.S." → United States) joins that actor
//!    whatever type the tagger gave either.
//! 4. **Short forms** ([`short_forms`]): acronyms, organizations' trade descriptors and partial
//!    names.
//! 5. **Lone names of people** ([`people`]): a surname or first name alone joins the person
//!    the corpus names in full with it, by titles and salience; where several people share it
//!    and none is the clear subject, it stays apart.
//! 6. **Demonym to country**: a nationality (NORP) joins the place in the corpus whose name it
//!    is with its demonym ending removed ("Russian" → Russia, "Marenian" → Marenia, "Iraqi" →
//!    Iraq), so that "Russian forces" count as Russia acting; the merged entity is a GPE.
//! 7. **Dominant type**: a name tagged with different types in different places takes its
//!    dominant type (at least 60% of its mentions) and becomes one entity; for one-word names
//!    the name's spelling skeleton is compared, so that a misspelt "Budapset" the tagger took
//!    for a person joins Budapest.
//!
//! **Unnamed actors** (local entities with no name mention: "the gunman", "police", "the
//! migrant caravan") take no part in these rules: they join each other only within one
//! story, by type and the singular of their head noun with the names that modify it
//! ("caravans" → caravan; "a Marenian official" is not "a Kordanian official"), since "the
//! gunman" of one story is not the gunman of another; one owned by a possessive ("her
//! family") never does. Without stories they stay apart.
//!
//! Type classes: places (GPE, LOC) match each other, since outlets and taggers disagree on
//! them; every other type matches only itself. The merged entity takes its members' most
//! common type, its most used name as canonical name (a person's full name before a lone
//! surname, an actor's own name before another name for it: "United States", not "White
//! House" or "U.S.", written from the alias list when no member writes it), every other name
//! as an alias, and every role.

mod people;
mod short_forms;

use crate::lists::lists;
use crate::names::{exact_key, key_words, skeleton, skeleton_of};
use parallax_core::{Analysis, EntityType, LocalEntity, MentionKind};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A corpus-wide entity before it is laid out in the dossier.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedEntity {
    pub name: String,
    pub entity_type: EntityType,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// (document index, local entity index) of every member.
    pub members: Vec<(usize, usize)>,
}

/// The result of resolution: the entities and where each local entity went.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    /// (document index, local entity index) → index into `entities`.
    pub of_local: HashMap<(usize, usize), usize>,
}

fn type_class(t: EntityType) -> u8 {
    match t {
        EntityType::Gpe | EntityType::Loc => 0,
        EntityType::Person => 1,
        EntityType::Org => 2,
        EntityType::Fac => 3,
        EntityType::Norp => 4,
        EntityType::Event => 5,
        EntityType::Misc => 6,
    }
}

pub(crate) struct UnionFind(Vec<usize>);

impl UnionFind {
    /// `n` elements, each its own set.
    pub(crate) fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// One local entity as the rules read it.
pub(crate) struct Local<'a> {
    pub doc: usize,
    /// Index of the entity among its document's local entities.
    pub local: usize,
    pub entity: &'a LocalEntity,
    /// The name key's words ([`key_words`]).
    pub words: Vec<String>,
    /// `words` joined by spaces.
    pub key: String,
    /// How many mentions it has (at least one).
    pub mentions: usize,
    /// The offices its titles hold ("president"; "Rep." and "Congressman" are both
    /// `representative`: [`parallax_core::names::office`]).
    pub roles: BTreeSet<String>,
    /// An unnamed actor: it has mentions, and none of them is a name.
    pub unnamed: bool,
    /// The son's generation ending `words` ("jr" of "donald trump jr"), if any: computed once
    /// here, read by every rule that compares names without it.
    pub generation: Option<&'static str>,
    /// A person's initials as written, which the key leaves out ("hw" of "George H.W. Bush",
    /// "w" of "George W. Bush"); empty when none is written.
    pub initials: String,
}

/// Resolves the local entities of `analyses` into corpus-wide entities, with no story
/// known: unnamed actors stay apart.
pub fn resolve(analyses: &[&Analysis]) -> Resolution {
    resolve_in_stories(analyses, &[])
}

/// Resolves the local entities of `analyses`, document `d` being of story `story_of[d]`.
pub fn resolve_in_stories(analyses: &[&Analysis], story_of: &[Option<usize>]) -> Resolution {
    let index: Vec<(usize, usize)> = analyses
        .iter()
        .enumerate()
        .flat_map(|(d, a)| (0..a.local_entities.len()).map(move |i| (d, i)))
        .collect();
    let locals: Vec<Local> = index
        .iter()
        .map(|&(d, i)| {
            let analysis = analyses[d];
            let entity = &analysis.local_entities[i];
            let unnamed = entity.is_unnamed(&analysis.mentions);
            let mut words = if unnamed {
                Vec::new()
            } else {
                key_words(&entity.name, entity.entity_type)
            };
            let initials = if entity.entity_type == EntityType::Person && !unnamed {
                written_initials(&entity.name)
            } else {
                String::new()
            };
            let mut generation = generation_word(entity.entity_type, &words);
            if generation.is_some_and(parallax_core::names::is_elder) {
                words.pop();
                generation = None;
            }
            Local {
                doc: d,
                local: i,
                entity,
                key: words.join(" "),
                words,
                mentions: entity.mentions.len().max(1),
                roles: entity
                    .roles
                    .iter()
                    .filter_map(|r| parallax_core::names::office(r))
                    .collect(),
                unnamed,
                generation,
                initials,
            }
        })
        .collect();
    let mut uf = UnionFind::new(locals.len());

    // Unnamed actors: within a story, by type and head noun.
    let mut by_head: HashMap<(usize, u8, String), usize> = HashMap::new();
    for (n, l) in locals.iter().enumerate().filter(|(_, l)| l.unnamed) {
        let Some(story) = story_of.get(l.doc).copied().flatten() else {
            continue;
        };
        let Some(head) = unnamed_key(&l.entity.name) else {
            continue;
        };
        let key = (story, type_class(l.entity.entity_type), head);
        match by_head.get(&key) {
            Some(&m) => uf.union(n, m),
            None => {
                by_head.insert(key, n);
            }
        }
    }

    // Rules 1 and 2: same key, same skeleton, initials not told apart.
    let mut by_key: HashMap<(u8, &str), usize> = HashMap::new();
    let mut same_key = InitialsJoin::default();
    let mut same_skeleton = InitialsJoin::default();
    for (n, l) in locals.iter().enumerate() {
        if l.key.is_empty() {
            continue;
        }
        let class = type_class(l.entity.entity_type);
        by_key.entry((class, &l.key)).or_insert(n);
        same_key.add(&mut uf, n, (class, l.key.clone(), None), &l.initials);
        // The generation word counts for no letters of the name ("Don Jr." is not
        // "Dionne Jr."), but a son and his father keep apart.
        let (name, generation) = split_generation(l);
        let sk = skeleton_of(name);
        if sk.replace(' ', "").len() >= 4 {
            same_skeleton.add(&mut uf, n, (class, sk, generation), &l.initials);
        }
    }
    same_key.finish(&mut uf);
    same_skeleton.finish(&mut uf);
    // The first local of each key, whatever its type.
    let mut any_class: HashMap<&str, usize> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        if !l.key.is_empty() {
            any_class.entry(l.key.as_str()).or_insert(n);
        }
    }

    // Rule 3: a name that is wholly an alias joins its actor across types.
    for (n, l) in locals.iter().enumerate() {
        if l.key.is_empty() || exact_key(&l.entity.name) == l.key {
            continue;
        }
        if lists()
            .alias_of(&crate::names::words(&l.entity.name))
            .is_some()
        {
            for class in 0..=6 {
                if let Some(&m) = by_key.get(&(class, l.key.as_str())) {
                    uf.union(n, m);
                }
            }
        }
    }

    // Rules 4 and 5.
    short_forms::join(&locals, &mut uf);
    let as_person = people::join(&locals, story_of, &mut uf);

    // Rule 6: a demonym joins its country, whatever type the tagger gave either.
    // The annotator's lexicon names the country ("French" → France); the stem rule covers
    // demonyms it does not list. Nationalities of one country join each other even when the
    // corpus never names it ("Russian", "Russians").
    let mut by_country: HashMap<String, usize> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        let country = l
            .entity
            .country
            .as_deref()
            .map(|c| key_words(c, EntityType::Gpe).join(" "));
        let named = country
            .as_deref()
            .and_then(|c| any_class.get(c))
            .or_else(|| demonym_stem(&l.key).and_then(|stem| any_class.get(stem)));
        if let Some(&m) = named {
            uf.union(n, m);
        }
        if let Some(country) = country {
            let first = *by_country.entry(country).or_insert(n);
            uf.union(n, first);
        }
    }

    // Rule 7: a name tagged with different types takes its dominant type (at least 60% of its
    // mentions) and becomes one entity. One-word names compare by skeleton.
    let mut votes: HashMap<String, BTreeMap<u8, (usize, Vec<usize>)>> = HashMap::new();
    for (n, l) in locals.iter().enumerate() {
        if l.key.is_empty() {
            continue;
        }
        let key = match l.words.as_slice() {
            [word] if skeleton(word).len() >= 4 => format!("~{}", skeleton(word)),
            _ => l.key.clone(),
        };
        let slot = votes
            .entry(key)
            .or_default()
            .entry(type_class(l.entity.entity_type))
            .or_default();
        slot.0 += l.mentions;
        slot.1.push(n);
    }
    for classes in votes.values().filter(|c| c.len() > 1) {
        let total: usize = classes.values().map(|(v, _)| v).sum();
        let top = classes.values().map(|(v, _)| *v).max().unwrap_or(0);
        if top * 10 >= total * 6 {
            let all: Vec<usize> = classes
                .values()
                .flat_map(|(_, ns)| ns.iter().copied())
                .collect();
            for pair in all.windows(2) {
                uf.union(pair[0], pair[1]);
            }
        }
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..locals.len() {
        let root = uf.find(n);
        groups.entry(root).or_default().push(n);
    }
    let mut resolution = Resolution::default();
    for members in groups.into_values() {
        let entity = merge(analyses, &locals, &members, &as_person);
        let index_of = resolution.entities.len();
        for &m in &members {
            resolution.of_local.insert(index[m], index_of);
        }
        resolution.entities.push(entity);
    }
    resolution
}

/// What an unnamed actor is compared by across documents: the singular of its head noun,
/// after the names that modify it ("the migrant caravan" → `caravan`, "the caravans" →
/// `caravan`, "a Marenian official" → `marenian official`).
/// The generation word ending a person's key words, if the key has one ("donald trump jr").
/// The elder's ("sr") is dropped from the key where it is found: "W. Mark Felt Sr." is the
/// "Mark Felt" of other articles.
fn generation_word(entity_type: EntityType, words: &[String]) -> Option<&'static str> {
    if entity_type != EntityType::Person || words.len() < 2 {
        return None;
    }
    let generation = parallax_core::names::generation_of(words.last()?)?;
    // A regnal name keeps its numeral: "Elizabeth II" is her name, not a generation.
    (parallax_core::names::core_words(words).len() < words.len()).then_some(generation)
}

/// A local's key words without the generation word, and that generation.
/// The initials written in a person's name, lowercase and in order: "hw" for "George H.W.
/// Bush", "" for "George Bush".
fn written_initials(name: &str) -> String {
    crate::names::fold(name)
        .iter()
        .filter(|w| parallax_core::names::is_initial(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A name key of rule 1 or 2: type class, key, generation.
type NameKey = (u8, String, Option<&'static str>);

/// Joins the locals of one name key unless their initials tell them apart: locals written
/// with the same initials, or with none, join each other; those written without any join the
/// one initials of the key when only one is written. So "George W. Bush" and "George H.W.
/// Bush", one key once initials are dropped, stay a son and his father, while "Donald Trump"
/// joins "Donald J. Trump"; a bare "George Bush" next to both stays apart, as the text does not
/// say which one it is.
#[derive(Default)]
struct InitialsJoin {
    first: HashMap<(NameKey, String), usize>,
    written: HashMap<NameKey, BTreeSet<String>>,
}

impl InitialsJoin {
    fn add(&mut self, uf: &mut UnionFind, n: usize, key: NameKey, initials: &str) {
        if !initials.is_empty() {
            self.written
                .entry(key.clone())
                .or_default()
                .insert(initials.to_string());
        }
        match self.first.entry((key, initials.to_string())) {
            std::collections::hash_map::Entry::Occupied(m) => uf.union(n, *m.get()),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(n);
            }
        }
    }

    fn finish(self, uf: &mut UnionFind) {
        for (key, written) in self.written {
            let [initials] = written.iter().collect::<Vec<_>>()[..] else {
                continue;
            };
            let bare = self.first.get(&(key.clone(), String::new()));
            if let (Some(&a), Some(&b)) = (bare, self.first.get(&(key, initials.clone()))) {
                uf.union(a, b);
            }
        }
    }
}

fn split_generation<'a>(l: &'a Local) -> (&'a [String], Option<&'static str>) {
    match l.generation {
        Some(generation) => (&l.words[..l.words.len() - 1], Some(generation)),
        None => (&l.words, None),
    }
}

fn unnamed_key(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "her family": whose family only its own article tells.
    if parallax_core::function_words::class_of(words.first()?)
        .is(parallax_core::function_words::FunctionWord::POSSESSIVE)
    {
        return None;
    }
    let (head, modifiers) = words.split_last()?;
    let mut key: Vec<String> = modifiers
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that" | "these" | "those" | "another"
            )
        })
        .flat_map(|w| crate::names::fold(w))
        .collect();
    key.push(singular(crate::names::fold(head).last()?));
    Some(key.join(" "))
}

/// The singular of a folded plural noun by the regular rules ("caravans" → "caravan",
/// "gunmen" → "gunman", "authorities" → "authority"); other words unchanged.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("men") {
        return format!("{stem}man");
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() > 2 => stem.to_string(),
        _ => word.to_string(),
    }
}

/// The country name a one-word demonym is made from ("marenian" → "marenia", "iraqi" →
/// "iraq"), when it has a demonym's ending.
fn demonym_stem(key: &str) -> Option<&str> {
    if key.contains(' ') || key.len() < 5 {
        return None;
    }
    key.strip_suffix('n')
        .filter(|s| s.ends_with('a'))
        .or_else(|| key.strip_suffix('i'))
}

/// A canonical name written in capitals (a dateline's "TBILISI", a headline's) as the corpus
/// writes it in mixed case when it does, else title-cased for people and places of five
/// letters or more; organizations keep their capitals ("NATO", "UNICEF").
fn readable_case(name: String, uses: &BTreeMap<String, usize>, entity_type: EntityType) -> String {
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return name;
    }
    let key = exact_key(&name);
    if let Some(mixed) = uses
        .iter()
        .filter(|(n, _)| n.chars().any(char::is_lowercase) && exact_key(n) == key)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
    {
        return mixed.0.clone();
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let readable_type = matches!(
        entity_type,
        EntityType::Person | EntityType::Gpe | EntityType::Loc | EntityType::Fac
    );
    if !readable_type || letters(&name) < 5 || name.split_whitespace().any(|w| letters(w) < 3) {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

fn merge(
    analyses: &[&Analysis],
    locals: &[Local],
    members: &[usize],
    as_person: &HashSet<usize>,
) -> ResolvedEntity {
    let mut type_votes: BTreeMap<EntityType, usize> = BTreeMap::new();
    let mut name_uses: BTreeMap<String, usize> = BTreeMap::new();
    let mut roles = BTreeSet::new();
    // Nationalities among the members, and the countries they name.
    let mut demonyms: BTreeSet<String> = BTreeSet::new();
    let mut countries: BTreeSet<&str> = BTreeSet::new();
    for &n in members {
        let l = &locals[n];
        let analysis = analyses[l.doc];
        let entity = l.entity;
        if let Some(country) = entity.country.as_deref() {
            countries.insert(country);
            demonyms.insert(exact_key(&entity.name));
        }
        let voted = if as_person.contains(&n) {
            EntityType::Person
        } else {
            entity.entity_type
        };
        *type_votes.entry(voted).or_default() += l.mentions;
        roles.extend(entity.roles.iter().cloned());
        // One use per document: a local entity's name is its fullest form there.
        *name_uses.entry(entity.name.clone()).or_default() += 1;
        for &m in &entity.mentions {
            if let Some(mention) = analysis
                .mentions
                .get(m)
                .filter(|m| m.kind == MentionKind::Name)
            {
                name_uses.entry(mention.text.clone()).or_default();
            }
        }
    }
    // A name with its demonym among the members ("Kordania", "Kordanian") is a country, and
    // a place joined by its demonyms is still the place.
    let mut keys: BTreeSet<String> = name_uses.keys().map(|n| exact_key(n)).collect();
    let mut has_demonym = keys.iter().any(|k| {
        demonym_stem(k).is_some_and(|stem| keys.contains(stem))
            || (demonyms.contains(k) && countries.iter().any(|c| keys.contains(&exact_key(c))))
    });
    // Nationalities of one country that no member names stand for that country as an actor
    // ("Russian forces" → Russia): the country's name becomes the entity's.
    let only_nationalities = type_votes.keys().all(|t| *t == EntityType::Norp);
    if let (true, false, [country]) = (
        only_nationalities,
        has_demonym,
        countries.iter().collect::<Vec<_>>().as_slice(),
    ) {
        name_uses.insert((*country).to_string(), usize::MAX);
        keys.insert(exact_key(country));
        has_demonym = true;
    }
    let is_demonym =
        |k: &str| demonyms.contains(k) || demonym_stem(k).is_some_and(|stem| keys.contains(stem));
    let entity_type = if type_votes.contains_key(&EntityType::Gpe) || has_demonym {
        EntityType::Gpe
    } else {
        type_votes
            .iter()
            .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
            .map(|(t, _)| *t)
            .unwrap_or(EntityType::Misc)
    };
    // The canonical name: the name most documents use for it (a document's name for an entity
    // is its fullest form there), never a demonym of another member; a person's full name
    // before a lone name; ties go to the longer.
    let full = |n: &str| {
        entity_type != EntityType::Person
            || parallax_core::names::core_words(&crate::names::words(n)).len() > 1
    };
    let alias = |n: &str| lists().alias_of(&crate::names::words(n));
    let named = name_uses
        .iter()
        .filter(|(n, _)| !is_demonym(&exact_key(n)))
        .max_by(|a, b| {
            full(a.0)
                .cmp(&full(b.0))
                .then(alias(b.0).is_some().cmp(&alias(a.0).is_some()))
                .then(a.1.cmp(b.1))
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default();
    // Only other names of one actor ("White House", "U.S."): the actor's own name.
    let name = match alias(&named) {
        Some(canonical) => canonical.to_string(),
        None => named,
    };
    let name = readable_case(name, &name_uses, entity_type);
    let aliases = name_uses.into_keys().filter(|n| *n != name).collect();
    ResolvedEntity {
        name,
        entity_type,
        aliases,
        roles: roles.into_iter().collect(),
        members: members
            .iter()
            .map(|&n| (locals[n].doc, locals[n].local))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::LocalEntity;

    fn analysis(entities: &[(&str, EntityType)]) -> Analysis {
        Analysis {
            local_entities: entities
                .iter()
                .map(|(name, t)| LocalEntity {
                    name: name.to_string(),
                    entity_type: *t,
                    mentions: vec![],
                    roles: vec![],
                    country: None,
                })
                .collect(),
            ..Analysis::default()
        }
    }

    fn names(r: &Resolution) -> Vec<Vec<String>> {
        r.entities
            .iter()
            .map(|e| {
                let mut v = vec![e.name.clone()];
                v.extend(e.aliases.iter().cloned());
                v
            })
            .collect()
    }

    #[test]
    fn merges_spellings_and_surnames_across_documents() {
        use EntityType::*;
        let a = analysis(&[("Mikheil Saakashvili", Person), ("Tbilisi", Gpe)]);
        let b = analysis(&[
            ("Mikhail Saakashvili", Person),
            ("Tiblisi", Gpe),
            ("Saakashvili", Person),
        ]);
        let c = analysis(&[("Saakashvili", Person), ("Tbilisi", Loc)]);
        let r = resolve(&[&a, &b, &c]);
        assert_eq!(r.entities.len(), 2, "{:?}", names(&r));
        let person = r.entities.iter().find(|e| e.entity_type == Person).unwrap();
        assert_eq!(person.members.len(), 4);
    }

    #[test]
    fn a_lone_name_of_another_story_joins_only_a_widely_named_person() {
        use EntityType::*;
        let kim = analysis(&[("Kim Davis", Person), ("Joe Biden", Person)]);
        let biden = analysis(&[("Joe Biden", Person)]);
        let biden2 = analysis(&[("Senator", Person)]);
        let strike = analysis(&[
            ("Davis", Person),
            ("Biden", Person),
            ("Chicago", Gpe),
            ("Illinois", Gpe),
        ]);
        let all = [&kim, &biden, &biden2, &strike];
        let r = resolve_in_stories(&all, &[Some(0), Some(1), Some(2), Some(3)]);
        let of = |d: usize, i: usize| r.of_local[&(d, i)];
        // Kim Davis is named in one article of another story; Joe Biden in two.
        assert_ne!(of(3, 0), of(0, 0), "{:?}", names(&r));
        assert_eq!(of(3, 1), of(0, 1), "{:?}", names(&r));
        // In one story, or with no stories known, the lone name joins.
        let r = resolve_in_stories(&all, &[Some(0), Some(1), Some(2), Some(0)]);
        assert_eq!(r.of_local[&(3, 0)], r.of_local[&(0, 0)]);
        let r = resolve(&all);
        assert_eq!(r.of_local[&(3, 0)], r.of_local[&(0, 0)]);
        // Another story whose article shares two names with the lone name's: the same news
        // told apart.
        let rowan = analysis(&[("Kim Davis", Person), ("Chicago", Gpe), ("Illinois", Gpe)]);
        let all = [&rowan, &biden, &biden2, &strike];
        let r = resolve_in_stories(&all, &[Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(r.of_local[&(3, 0)], r.of_local[&(0, 0)]);
        // Two namesakes, one out of reach: the name is as ambiguous as before, not the
        // other's.
        let chuck = analysis(&[("Chuck Davis", Person), ("Chicago", Gpe), ("Illinois", Gpe)]);
        let all = [&kim, &chuck, &strike];
        let r = resolve_in_stories(&all, &[Some(0), Some(1), Some(2)]);
        assert_ne!(r.of_local[&(2, 0)], r.of_local[&(1, 0)], "{:?}", names(&r));
    }

    #[test]
    fn a_middle_name_written_out_is_the_same_person() {
        use EntityType::*;
        let a = analysis(&[("Hillary Rodham Clinton", Person)]);
        let b = analysis(&[("Hillary Clinton", Person), ("Bill Clinton", Person)]);
        let r = resolve(&[&a, &b]);
        assert_eq!(r.entities.len(), 2, "{:?}", names(&r));
        // Two longer names with those ends: the short one could be either.
        let c = analysis(&[("John Quincy Adams", Person)]);
        let d = analysis(&[("John Adams", Person)]);
        let e = analysis(&[("John Bailey Adams", Person)]);
        let r = resolve(&[&c, &d, &e]);
        assert_eq!(r.entities.len(), 3, "{:?}", names(&r));
        // A document that names both keeps them apart.
        let f = analysis(&[("George Herbert Bush", Person), ("George Bush", Person)]);
        let r = resolve(&[&f]);
        assert_eq!(r.entities.len(), 2, "{:?}", names(&r));
    }

    #[test]
    fn a_party_is_its_members_and_its_nickname() {
        use EntityType::*;
        let a = analysis(&[("Republicans", Norp), ("Democratic Party", Org)]);
        let b = analysis(&[("GOP", Org), ("Democrats", Norp)]);
        let r = resolve(&[&a, &b]);
        assert_eq!(r.entities.len(), 2, "{:?}", names(&r));
        assert!(r.entities.iter().any(|e| e.name == "Republican Party"));
    }

    #[test]
    fn a_dotted_acronym_does_not_block_its_expansion() {
        use EntityType::*;
        let a = analysis(&[("Federal Bureau of Investigation", Org)]);
        let b = analysis(&[("FBI", Org), ("F.B.I.", Org)]);
        let r = resolve(&[&a, &b]);
        assert_eq!(r.entities.len(), 1, "{:?}", names(&r));
    }

    #[test]
    fn a_surname_tagged_as_organization_is_the_person_unless_an_organization_leads_with_it() {
        use EntityType::*;
        let a = analysis(&[
            ("James Comey", Person),
            ("Comey", Org),
            ("Rubio Comey", Org),
            ("Video of Comey", Org),
            ("COMEY CRAZY COVFEFE LIVEWIRE", Org),
        ]);
        let r = resolve(&[&a]);
        assert!(
            r.entities
                .iter()
                .any(|e| e.name == "James Comey" && e.members.len() == 2),
            "{:?}",
            names(&r)
        );
        let b = analysis(&[
            ("Michael Bloomberg", Person),
            ("Bloomberg", Org),
            ("Bloomberg News", Org),
        ]);
        let r = resolve(&[&b]);
        assert!(
            r.entities
                .iter()
                .any(|e| e.name == "Michael Bloomberg" && e.members.len() == 1),
            "{:?}",
            names(&r)
        );
    }

    #[test]
    fn a_lone_word_joins_a_surname_spelt_like_it_not_one_of_its_skeleton() {
        use EntityType::*;
        // Lone words a tagger took for people, each with the skeleton of a surname of the
        // corpus: "Davos" and "Davis" ("dvs"), "Nato" and "Nieto" ("nt"), "Chileans" and
        // "Collins" ("clns", spelt 0.5 alike).
        let a = analysis(&[
            ("Mike Davis", Person),
            ("Enrique Peña Nieto", Person),
            ("Susan Collins", Person),
            ("Volodymyr Zelensky", Person),
            ("Chris Christie", Person),
        ]);
        let b = analysis(&[
            ("Davos", Person),
            ("Nato", Person),
            ("Chileans", Person),
            ("Christ", Person),
        ]);
        let c = analysis(&[("Zelenskiy", Person), ("Davis", Person)]);
        let r = resolve(&[&a, &b, &c]);
        let with = |name: &str| {
            r.entities
                .iter()
                .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
                .map(|e| e.name.clone())
        };
        assert_eq!(with("Davos").as_deref(), Some("Davos"), "{:?}", names(&r));
        assert_eq!(with("Nato").as_deref(), Some("Nato"), "{:?}", names(&r));
        assert_eq!(
            with("Chileans").as_deref(),
            Some("Chileans"),
            "{:?}",
            names(&r)
        );
        // "Christ" and "Christie" share "crst" but are spelt only 0.75 alike.
        assert_eq!(with("Christ").as_deref(), Some("Christ"), "{:?}", names(&r));
        assert_eq!(with("Zelenskiy").as_deref(), Some("Volodymyr Zelensky"));
        assert_eq!(with("Davis").as_deref(), Some("Mike Davis"));
    }

    #[test]
    fn a_father_and_son_told_apart_by_initials_stay_apart() {
        use EntityType::*;
        let a = analysis(&[("George H.W. Bush", Person), ("George W. Bush", Person)]);
        let b = analysis(&[("George W Bush", Person)]);
        let c = analysis(&[("Donald J. Trump", Person), ("Donald Trump", Person)]);
        let r = resolve(&[&a, &b, &c]);
        assert_eq!(r.entities.len(), 3, "{:?}", names(&r));
    }

    #[test]
    fn keeps_namesakes_apart() {
        use EntityType::*;
        let a = analysis(&[("Sergei Lavrov", Person), ("Sergei Ivanov", Person)]);
        let b = analysis(&[("Ivanov", Person), ("Viktor Ivanov", Person)]);
        let r = resolve(&[&a, &b]);
        // "Ivanov" alone could be either Ivanov: it stays on its own.
        assert_eq!(r.entities.len(), 4, "{:?}", names(&r));
    }

    #[test]
    fn a_son_is_not_his_father_but_the_elder_is_himself() {
        use EntityType::*;
        let a = analysis(&[("Donald Trump", Person), ("Donald Trump Jr.", Person)]);
        let b = analysis(&[("Donald Trump Jr.", Person)]);
        let c = analysis(&[("Donald Trump", Person), ("Trump Jr.", Person)]);
        let r = resolve(&[&a, &b, &c]);
        let found = names(&r);
        assert_eq!(r.entities.len(), 2, "{found:?}");
        let son = r
            .entities
            .iter()
            .find(|e| e.name == "Donald Trump Jr.")
            .expect("the son is an entity");
        assert_eq!(son.members.len(), 3, "{found:?}");
        // Named in different articles, a son is still not his father.
        let a = analysis(&[("Robert F. Kennedy", Person)]);
        let b = analysis(&[("Bobby Kennedy Jr.", Person)]);
        assert_eq!(resolve(&[&a, &b]).entities.len(), 2);
        // The elder's suffix is one man's name written two ways.
        let a = analysis(&[("W. Mark Felt Sr.", Person)]);
        let b = analysis(&[("Mark Felt", Person)]);
        assert_eq!(resolve(&[&a, &b]).entities.len(), 1);
    }

    #[test]
    fn demonyms_join_their_country() {
        use EntityType::*;
        let a = analysis(&[("Marenia", Gpe), ("Marenian", Norp), ("Iraqi", Norp)]);
        let b = analysis(&[("Marenian", Norp), ("Iraq", Gpe), ("Ossetian", Norp)]);
        let r = resolve(&[&a, &b]);
        assert_eq!(r.entities.len(), 3, "{:?}", names(&r));
        assert!(r
            .entities
            .iter()
            .any(|e| e.name == "Marenia" && e.entity_type == Gpe && e.members.len() == 3));
        assert!(r
            .entities
            .iter()
            .any(|e| e.name == "Ossetian" && e.entity_type == Norp));
    }

    #[test]
    fn nationalities_stand_for_their_country_even_when_it_is_not_named() {
        use EntityType::*;
        let with_country = |names: &[(&str, EntityType, Option<&str>)]| Analysis {
            local_entities: names
                .iter()
                .map(|(name, t, country)| LocalEntity {
                    name: name.to_string(),
                    entity_type: *t,
                    mentions: vec![],
                    roles: vec![],
                    country: country.map(str::to_string),
                })
                .collect(),
            ..Analysis::default()
        };
        // "French" has no demonym ending; the annotator's lexicon names its country.
        let a = with_country(&[("French", Norp, Some("France")), ("France", Gpe, None)]);
        let b = with_country(&[("Russian", Norp, Some("Russia"))]);
        let c = with_country(&[("Russians", Norp, Some("Russia"))]);
        let r = resolve(&[&a, &b, &c]);
        assert_eq!(r.entities.len(), 2, "{:?}", names(&r));
        let russia = r.entities.iter().find(|e| e.name == "Russia").unwrap();
        assert_eq!(russia.entity_type, Gpe);
        assert_eq!(russia.aliases, ["Russian", "Russians"]);
        let france = r.entities.iter().find(|e| e.name == "France").unwrap();
        assert_eq!(france.aliases, ["French"]);
    }

    #[test]
    fn names_in_capitals_read_in_mixed_case() {
        use EntityType::*;
        let a = analysis(&[("TBILISI", Gpe), ("NATO", Org), ("BADEN-WURTTEMBERG", Gpe)]);
        let b = analysis(&[("O'BRIEN", Person), ("OSCE", Org)]);
        let r = resolve(&[&a, &b]);
        let mut found: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
        found.sort_unstable();
        assert_eq!(
            found,
            ["Baden-Wurttemberg", "NATO", "O'Brien", "OSCE", "Tbilisi"]
        );
        // The corpus's own mixed-case spelling wins over title-casing.
        let c = analysis(&[("MCCAIN", Person)]);
        let d = analysis(&[("McCain", Person)]);
        let r = resolve(&[&c, &d]);
        assert_eq!(r.entities[0].name, "McCain");
    }

    #[test]
    fn plurals_fold_to_their_singular() {
        assert_eq!(singular("caravans"), "caravan");
        assert_eq!(singular("gunmen"), "gunman");
        assert_eq!(singular("authorities"), "authority");
        assert_eq!(singular("witnesses"), "witness");
        assert_eq!(singular("police"), "police");
        assert_eq!(singular("press"), "press");
        assert_eq!(
            unnamed_key("the migrant caravan").as_deref(),
            Some("caravan")
        );
        assert_eq!(unnamed_key("The caravans").as_deref(), Some("caravan"));
        assert_eq!(
            unnamed_key("a Marenian official").as_deref(),
            Some("marenian official")
        );
        assert_eq!(unnamed_key("her family"), None);
    }

    #[test]
    fn unnamed_actors_join_within_a_story_only() {
        use parallax_core::{Mention, Span};
        let described = |name: &str, t: EntityType| Analysis {
            mentions: vec![Mention {
                span: Span::new(0, name.len()),
                text: name.to_string(),
                entity_type: t,
                kind: MentionKind::Nominal,
                role: None,
                local_entity: Some(0),
            }],
            local_entities: vec![LocalEntity {
                name: name.to_string(),
                entity_type: t,
                mentions: vec![0],
                roles: vec![],
                country: None,
            }],
            ..Analysis::default()
        };
        let a = described("the migrant caravan", EntityType::Norp);
        let b = described("the caravans", EntityType::Norp);
        let c = described("the caravan", EntityType::Norp);
        let d = described("the gunman", EntityType::Person);
        let all = [&a, &b, &c, &d];
        let r = resolve_in_stories(&all, &[Some(0), Some(0), Some(1), Some(0)]);
        assert_eq!(r.entities.len(), 3, "{:?}", names(&r));
        assert_eq!(r.of_local[&(0, 0)], r.of_local[&(1, 0)]);
        assert_ne!(r.of_local[&(0, 0)], r.of_local[&(2, 0)]);
        // No stories: every unnamed actor stays in its document.
        assert_eq!(resolve(&all).entities.len(), 4);
    }

    #[test]
    fn other_names_of_one_actor_join_under_its_own_name() {
        use EntityType::*;
        let a = analysis(&[("U.S.", Gpe), ("the Kremlin", Org), ("IAEA", Org)]);
        let b = analysis(&[
            ("White House", Fac),
            ("Russia", Gpe),
            ("International Atomic Energy Agency", Org),
        ]);
        let c = analysis(&[("GDR", Gpe), ("East Germany", Gpe), ("Élysée", Loc)]);
        let r = resolve(&[&a, &b, &c]);
        let mut found: Vec<(String, Vec<String>)> = r
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.aliases.clone()))
            .collect();
        found.sort();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            found,
            [
                ("East Germany".to_string(), s(&["GDR"])),
                ("France".to_string(), s(&["Élysée"])),
                (
                    "International Atomic Energy Agency".to_string(),
                    s(&["IAEA"])
                ),
                ("Russia".to_string(), s(&["the Kremlin"])),
                ("United States".to_string(), s(&["U.S."])),
                // The seat of the presidency is an actor apart from its country.
                ("White House".to_string(), s(&[])),
            ]
        );
    }

    #[test]
    fn a_chamber_is_not_its_committees() {
        use EntityType::*;
        let a = analysis(&[("House", Org), ("House oversight committee", Org)]);
        let b = analysis(&[("Senate", Org), ("Senate Judiciary Committee", Org)]);
        let c = analysis(&[("Colts", Org), ("Indianapolis Colts", Org)]);
        let r = resolve(&[&a, &b, &c]);
        assert_eq!(r.entities.len(), 5, "{:?}", names(&r));
    }

    #[test]
    fn evenly_split_types_do_not_merge() {
        use EntityType::*;
        let a = analysis(&[("Georgia", Gpe)]);
        let b = analysis(&[("Georgia", Person)]);
        assert_eq!(resolve(&[&a, &b]).entities.len(), 2);
    }

    #[test]
    fn a_dominant_type_absorbs_stray_tags_and_demonyms_make_countries() {
        use EntityType::*;
        let a = analysis(&[("Drevna", Loc), ("Kordania", Person), ("Kordanian", Misc)]);
        let b = analysis(&[("Drevna", Loc), ("Drevna", Person)]);
        let c = analysis(&[("Drevna", Loc)]);
        let r = resolve(&[&a, &b, &c]);
        assert_eq!(r.entities.len(), 2, "{:?}", names(&r));
        let kordania = r.entities.iter().find(|e| e.name == "Kordania").unwrap();
        assert_eq!(kordania.entity_type, Gpe);
        assert_eq!(kordania.aliases, ["Kordanian"]);
    }
}
