//! Cross-document entity resolution: one entity per real-world actor.
//!
//! Each document's local entities (already resolved within the document: titles, surnames,
//! pronouns) are merged across documents with a union-find over three rules, each a hash
//! lookup, so the cost is linear in the number of local entities:
//! 1. **Same name**: equal exact keys within the same type class.
//! 2. **Same spelling skeleton**: equal consonant skeletons ([`crate::names`]) within the same
//!    type class, for names whose skeleton is long enough (≥ 4 letters) to be distinctive —
//!    transliterations and misspellings.
//! 3. **Surname alone**: a one-word person name joins the multi-word person whose last word
//!    has the same skeleton, but only when exactly one such person exists in the corpus; two
//!    different people who share a surname are never merged on the surname alone.
//!
//! 4. **Demonym to country**: a nationality (NORP) joins the place in the corpus whose name it
//!    is with its demonym ending removed ("Russian" → Russia, "Marenian" → Marenia, "Iraqi" →
//!    Iraq), so that "Russian forces" count as Russia acting; the merged entity is a GPE.
//!
//! Type classes: places (GPE, LOC) match each other, since outlets and taggers disagree on
//! them; every other type matches only itself. The merged entity takes its members' most
//! common type, its most used name as canonical name, every other name as an alias, and
//! every role.

use crate::names::{exact_key, skeleton_key, words};
use parallax_core::{Analysis, EntityType, MentionKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Resolves the local entities of `analyses` into corpus-wide entities.
pub fn resolve(analyses: &[&Analysis]) -> Resolution {
    let locals: Vec<(usize, usize)> = analyses
        .iter()
        .enumerate()
        .flat_map(|(d, a)| (0..a.local_entities.len()).map(move |i| (d, i)))
        .collect();
    let mut uf = UnionFind((0..locals.len()).collect());
    let mut by_exact: HashMap<(u8, String), usize> = HashMap::new();
    let mut by_skeleton: HashMap<(u8, String), usize> = HashMap::new();
    let mut surnames: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut full_by_skeleton: HashMap<String, usize> = HashMap::new();

    for (n, &(d, i)) in locals.iter().enumerate() {
        let entity = &analyses[d].local_entities[i];
        let class = type_class(entity.entity_type);
        let exact = exact_key(&entity.name);
        if exact.is_empty() {
            continue;
        }
        match by_exact.get(&(class, exact.clone())) {
            Some(&m) => uf.union(n, m),
            None => {
                by_exact.insert((class, exact), n);
            }
        }
        let skeleton = skeleton_key(&entity.name);
        if skeleton.replace(' ', "").len() >= 4 {
            match by_skeleton.get(&(class, skeleton.clone())) {
                Some(&m) => uf.union(n, m),
                None => {
                    by_skeleton.insert((class, skeleton.clone()), n);
                }
            }
        }
        if entity.entity_type == EntityType::Person && skeleton.contains(' ') {
            if let Some(last) = skeleton.rsplit(' ').next() {
                surnames
                    .entry(last.to_string())
                    .or_default()
                    .insert(skeleton.clone());
            }
            full_by_skeleton.entry(skeleton).or_insert(n);
        }
    }
    // Rule 3: a lone surname joins the only full name that ends with it.
    for (n, &(d, i)) in locals.iter().enumerate() {
        let entity = &analyses[d].local_entities[i];
        if entity.entity_type != EntityType::Person || words(&entity.name).len() != 1 {
            continue;
        }
        let skeleton = skeleton_key(&entity.name);
        if let Some(full) = surnames.get(&skeleton).filter(|s| s.len() == 1) {
            if let Some(&m) = full.iter().next().and_then(|f| full_by_skeleton.get(f)) {
                uf.union(n, m);
            }
        }
    }

    // Rule 4: a demonym joins its country, whatever type the tagger gave either.
    // Where the name was tagged with several types, the place wins (a demonym names a
    // country), then the lower type class and the earlier mention: never the hash order.
    let mut any_class: HashMap<&str, (u8, usize)> = HashMap::new();
    for ((class, key), &n) in &by_exact {
        let slot = any_class.entry(key.as_str()).or_insert((*class, n));
        *slot = (*slot).min((*class, n));
    }
    // The annotator's lexicon names the country ("French" → France); the stem rule covers
    // demonyms it does not list. Nationalities of one country join each other even when the
    // corpus never names it ("Russian", "Russians").
    let mut by_country: HashMap<String, usize> = HashMap::new();
    for (n, &(d, i)) in locals.iter().enumerate() {
        let entity = &analyses[d].local_entities[i];
        let key = exact_key(&entity.name);
        let country = entity.country.as_deref().map(exact_key);
        let named = country
            .as_deref()
            .and_then(|c| any_class.get(c))
            .or_else(|| demonym_stem(&key).and_then(|stem| any_class.get(stem)));
        if let Some(&(_, m)) = named {
            uf.union(n, m);
        }
        if let Some(country) = country {
            let first = *by_country.entry(country).or_insert(n);
            uf.union(n, first);
        }
    }

    // Rule 5: a one-word name tagged with different types in different places takes its
    // dominant type (at least 60% of its mentions) and becomes one entity.
    let mut votes: HashMap<String, BTreeMap<u8, (usize, Vec<usize>)>> = HashMap::new();
    for (n, &(d, i)) in locals.iter().enumerate() {
        let entity = &analyses[d].local_entities[i];
        let key = exact_key(&entity.name);
        if key.is_empty() || key.contains(' ') {
            continue;
        }
        let slot = votes
            .entry(key)
            .or_default()
            .entry(type_class(entity.entity_type))
            .or_default();
        slot.0 += entity.mentions.len().max(1);
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
        let members: Vec<(usize, usize)> = members.into_iter().map(|n| locals[n]).collect();
        let entity = merge(analyses, &members);
        let index = resolution.entities.len();
        for &m in &members {
            resolution.of_local.insert(m, index);
        }
        resolution.entities.push(entity);
    }
    resolution
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

fn merge(analyses: &[&Analysis], members: &[(usize, usize)]) -> ResolvedEntity {
    let mut type_votes: BTreeMap<EntityType, usize> = BTreeMap::new();
    let mut name_uses: BTreeMap<String, usize> = BTreeMap::new();
    let mut roles = BTreeSet::new();
    // Nationalities among the members, and the countries they name.
    let mut demonyms: BTreeSet<String> = BTreeSet::new();
    let mut countries: BTreeSet<&str> = BTreeSet::new();
    for &(d, i) in members {
        let analysis = analyses[d];
        let entity = &analysis.local_entities[i];
        if let Some(country) = entity.country.as_deref() {
            countries.insert(country);
            demonyms.insert(exact_key(&entity.name));
        }
        *type_votes.entry(entity.entity_type).or_default() += entity.mentions.len().max(1);
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
    // is its fullest form there), never a demonym of another member; ties go to the longer.
    let name = name_uses
        .iter()
        .filter(|(n, _)| !is_demonym(&exact_key(n)))
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default();
    let name = readable_case(name, &name_uses, entity_type);
    let aliases = name_uses.into_keys().filter(|n| *n != name).collect();
    ResolvedEntity {
        name,
        entity_type,
        aliases,
        roles: roles.into_iter().collect(),
        members: members.to_vec(),
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
    fn keeps_namesakes_apart() {
        use EntityType::*;
        let a = analysis(&[("Sergei Lavrov", Person), ("Sergei Ivanov", Person)]);
        let b = analysis(&[("Ivanov", Person), ("Viktor Ivanov", Person)]);
        let r = resolve(&[&a, &b]);
        // "Ivanov" alone could be either Ivanov: it stays on its own.
        assert_eq!(r.entities.len(), 4, "{:?}", names(&r));
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
        let b = analysis(&[("O'BRIEN", Person), ("USSR", Gpe)]);
        let r = resolve(&[&a, &b]);
        let mut found: Vec<&str> = r.entities.iter().map(|e| e.name.as_str()).collect();
        found.sort_unstable();
        assert_eq!(
            found,
            ["Baden-Wurttemberg", "NATO", "O'Brien", "Tbilisi", "USSR"]
        );
        // The corpus's own mixed-case spelling wins over title-casing.
        let c = analysis(&[("MCCAIN", Person)]);
        let d = analysis(&[("McCain", Person)]);
        let r = resolve(&[&c, &d]);
        assert_eq!(r.entities[0].name, "McCain");
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
