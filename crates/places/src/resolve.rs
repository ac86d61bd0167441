//! Choosing the gazetteer entry a place name refers to, from what the article says.
//!
//! Every occurrence of one name in an article is one site (one sense per article): its
//! candidates are the entries any of whose names fold to it. Each candidate is scored as a
//! sum of weighed evidence ([`Weights`]):
//!
//! - **prominence**: `ln(1 + population)`, and a prior per kind (a country before a region,
//!   a region before a district, a capital before a town);
//! - **qualifier**: the name is followed by its region or country ("Alexandria, La.",
//!   "Cambridge, Massachusetts", "TBILISI, Georgia"); a qualifier on any occurrence counts
//!   for all;
//! - **named regions**: the candidate's country, or its first-level region, is named
//!   elsewhere in the article, as a place or through a nationality ("Iraqi officials");
//! - **the outlet's country**, from its web address's country domain (`.co.uk`, `.ie`);
//! - **neighbours**: the other places of the article, each at its best candidate so far,
//!   lying within [`NEAR_KM`] of the candidate, in its region or in its country (two rounds).
//!
//! A site is resolved when one candidate leads the next by at least the margin, or when all
//! the candidates within the margin lie within [`SAME_PLACE_KM`] of the best (Brussels the
//! city and Brussels the capital region), and, for a place of fewer than [`SMALL_PLACE`]
//! people or one named by an alternate name only, the article supports it; otherwise it stays open with its candidates ranked.
//! Names of countries and regions are never evidence for themselves: a named country supports
//! the places in it, not its own name.

use crate::fold::fold;
use crate::gazetteer::{Gazetteer, Kind, NONE};
use std::collections::{HashMap, HashSet};

/// Places smaller than this are taken only with support from the article.
pub const SMALL_PLACE: u64 = 10_000;

/// Distance within which two candidates are one pin on a map (a city and its namesake region).
pub const SAME_PLACE_KM: f64 = 50.0;

/// Distance within which another place of the article counts as a neighbour.
pub const NEAR_KM: f64 = 250.0;

/// How much each kind of evidence weighs. The committed values (`data/weights.tsv`) are
/// chosen by `parallax train geocode` on the tuning half of GeoWebNews and LGL (see
/// docs/models.md); `parallax eval geocode` reports the other half.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub population: f32,
    pub continent: f32,
    pub country: f32,
    pub admin1: f32,
    pub admin2: f32,
    pub capital: f32,
    pub qualifier: f32,
    pub country_named: f32,
    pub admin1_named: f32,
    pub outlet_country: f32,
    pub near: f32,
    pub same_admin1: f32,
    pub same_country: f32,
    /// Added to a first-level region that holds a place of the same name.
    pub region_with_namesake: f32,
    /// Added when the name is only one of the entry's alternate names, not its own.
    pub alternate_name: f32,
    /// The lead the best candidate needs over the next to be taken as resolved.
    pub margin: f32,
}

/// Field names of [`Weights`], in the order of [`Weights::values`].
pub const WEIGHT_NAMES: [&str; 16] = [
    "population",
    "continent",
    "country",
    "admin1",
    "admin2",
    "capital",
    "qualifier",
    "country_named",
    "admin1_named",
    "outlet_country",
    "near",
    "same_admin1",
    "same_country",
    "region_with_namesake",
    "alternate_name",
    "margin",
];

impl Default for Weights {
    /// Hand-set starting values (the trainer's starting point).
    fn default() -> Self {
        Weights::from_values([
            0.35, 3.0, 4.0, 1.5, 0.5, 2.0, 8.0, 3.0, 3.0, 1.0, 2.0, 1.5, 2.0, -3.0, -1.0, 1.0,
        ])
    }
}

impl Weights {
    pub fn values(&self) -> [f32; 16] {
        [
            self.population,
            self.continent,
            self.country,
            self.admin1,
            self.admin2,
            self.capital,
            self.qualifier,
            self.country_named,
            self.admin1_named,
            self.outlet_country,
            self.near,
            self.same_admin1,
            self.same_country,
            self.region_with_namesake,
            self.alternate_name,
            self.margin,
        ]
    }

    pub fn from_values(v: [f32; 16]) -> Weights {
        Weights {
            population: v[0],
            continent: v[1],
            country: v[2],
            admin1: v[3],
            admin2: v[4],
            capital: v[5],
            qualifier: v[6],
            country_named: v[7],
            admin1_named: v[8],
            outlet_country: v[9],
            near: v[10],
            same_admin1: v[11],
            same_country: v[12],
            region_with_namesake: v[13],
            alternate_name: v[14],
            margin: v[15],
        }
    }

    /// The text form: one `name<TAB>value` line per weight, `#` comments allowed.
    pub fn to_text(&self) -> String {
        WEIGHT_NAMES
            .iter()
            .zip(self.values())
            .map(|(n, v)| format!("{n}\t{v}\n"))
            .collect()
    }

    /// Reads the text form; every weight must be given once, as a finite number.
    pub fn parse(text: &str) -> Result<Weights, String> {
        let mut values = [f32::NAN; 16];
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("`{line}` is not `name<TAB>value`"))?;
            let i = WEIGHT_NAMES
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| format!("unknown weight `{name}`"))?;
            values[i] = value
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("weight `{name}` is not a number"))?;
        }
        match WEIGHT_NAMES.iter().zip(values).find(|(_, v)| v.is_nan()) {
            Some((name, _)) => Err(format!("weight `{name}` is missing")),
            None => Ok(Weights::from_values(values)),
        }
    }

    /// The committed weights (`data/weights.tsv`).
    pub fn embedded() -> Result<Weights, String> {
        static WEIGHTS: std::sync::OnceLock<Result<Weights, String>> = std::sync::OnceLock::new();
        WEIGHTS
            .get_or_init(|| Weights::parse(include_str!("../data/weights.tsv")))
            .clone()
    }
}

/// The outcome for one site: candidates ranked best first, with their scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub ranked: Vec<(u32, f32)>,
    /// Whether the best candidate leads by the margin (or is the only one).
    pub decided: bool,
}

impl Resolution {
    /// The chosen entry, when the text decides.
    pub fn place(&self) -> Option<u32> {
        self.decided
            .then(|| self.ranked.first().map(|c| c.0))
            .flatten()
    }

    /// The best candidate, decided or not.
    pub fn best(&self) -> Option<u32> {
        self.ranked.first().map(|c| c.0)
    }
}

/// One distinct place name of the article.
#[derive(Debug)]
struct Site {
    key_hash: u64,
    candidates: Vec<u32>,
    /// Region entries a qualifier after any occurrence names.
    qualifiers: HashSet<u32>,
}

/// What an article says that bears on its place names.
pub struct Context<'g> {
    gazetteer: &'g Gazetteer,
    weights: Weights,
    sites: Vec<Site>,
    /// Country and first-level region entries named in the article, with the keys (site
    /// indices, or `usize::MAX` for a nationality) that named them.
    named: HashMap<u32, HashSet<usize>>,
    outlet_country: u32,
    resolutions: Vec<Resolution>,
}

/// Most candidates kept per name, by prominence ("San José" names hundreds of places).
const MAX_CANDIDATES: usize = 64;

pub(crate) fn abbreviations() -> &'static HashMap<String, (String, String)> {
    static TABLE: std::sync::OnceLock<HashMap<String, (String, String)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        crate::lexicon_lines(include_str!("../lexicon/region_abbreviations.txt"))
            .filter_map(|line| {
                let mut f = line.split('|');
                let (abbr, country, code) = (f.next()?, f.next()?, f.next()?);
                Some((abbr.to_string(), (country.to_string(), code.to_string())))
            })
            .collect()
    })
}

/// The region entries named by the words right after a place name: ", Mass.", ", Georgia",
/// " (Iraq)".
fn qualifier(gazetteer: &Gazetteer, text: &str, end: usize) -> Vec<u32> {
    let Some(rest) = text.get(end..) else {
        return Vec::new();
    };
    let rest = match rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")) {
        Some(r) => r,
        None => return Vec::new(),
    };
    // Up to three capitalized words, stopping at punctuation other than a period inside an
    // abbreviation.
    let mut words: Vec<&str> = Vec::new();
    let mut consumed = 0;
    for word in rest.split(' ').take(3) {
        let clean = word.trim_end_matches([',', ')', ';', ':']);
        if !clean.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.push(clean);
        consumed += 1;
        if clean.len() != word.len() {
            break;
        }
    }
    let mut out = Vec::new();
    for n in (1..=consumed).rev() {
        let phrase = words[..n].join(" ");
        let bare = phrase.trim_end_matches('.');
        if let Some((country, code)) = abbreviations()
            .get(&phrase)
            .or_else(|| abbreviations().get(bare))
        {
            // A postal code counts only in capitals ("LA", not "La" the article).
            if phrase.len() > 2 || phrase.chars().all(|c| c.is_ascii_uppercase()) {
                out.extend(gazetteer.admin1(country, code));
            }
        }
        let key = fold(bare);
        out.extend(
            gazetteer
                .lookup(&key)
                .iter()
                .copied()
                .filter(|&i| gazetteer.entry(i).kind.is_region()),
        );
        if !out.is_empty() {
            break;
        }
    }
    out
}

impl<'g> Context<'g> {
    /// The context of an article whose place names are at `spans` of `text`. `nationalities`
    /// are the countries its nationality words name ("Iraqi" → "Iraq"); `url` its address.
    pub fn new(
        gazetteer: &'g Gazetteer,
        weights: Weights,
        text: &str,
        spans: &[parallax_core::Span],
        nationalities: &[&str],
        url: Option<&str>,
    ) -> (Context<'g>, Vec<usize>) {
        let mut sites: Vec<Site> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut site_of = Vec::with_capacity(spans.len());
        for span in spans {
            let name = span.slice(text).unwrap_or("");
            let key = fold(name);
            let site = *by_key.entry(key.clone()).or_insert_with(|| {
                let key = key.clone();
                let mut candidates = demonym_candidates(gazetteer, name)
                    .unwrap_or_else(|| gazetteer.lookup(&key).to_vec());
                candidates.sort_unstable();
                candidates.dedup();
                candidates.sort_by_key(|&i| std::cmp::Reverse(gazetteer.entry(i).population));
                candidates.truncate(MAX_CANDIDATES);
                sites.push(Site {
                    key_hash: crate::fold::key_hash(&key),
                    candidates,
                    qualifiers: HashSet::new(),
                });
                sites.len() - 1
            });
            sites[site]
                .qualifiers
                .extend(qualifier(gazetteer, text, span.end));
            site_of.push(site);
        }
        let mut named: HashMap<u32, HashSet<usize>> = HashMap::new();
        for (s, site) in sites.iter().enumerate() {
            for &c in &site.candidates {
                let e = gazetteer.entry(c);
                if matches!(e.kind, Kind::Country | Kind::Admin1) {
                    named.entry(c).or_default().insert(s);
                }
            }
            for &q in &site.qualifiers {
                named.entry(q).or_default().insert(usize::MAX);
            }
        }
        for nationality in nationalities {
            for &c in gazetteer.lookup(&fold(nationality)) {
                if gazetteer.entry(c).kind == Kind::Country {
                    named.entry(c).or_default().insert(usize::MAX);
                }
            }
        }
        let outlet_country = url
            .and_then(|u| outlet_country(gazetteer, u))
            .unwrap_or(NONE);
        let mut context = Context {
            gazetteer,
            weights,
            sites,
            named,
            outlet_country,
            resolutions: Vec::new(),
        };
        context.resolve_all();
        (context, site_of)
    }

    /// Whether `region` is named in the article by something other than site `own`.
    fn named_by_other(&self, region: u32, own: usize) -> bool {
        region != NONE
            && self
                .named
                .get(&region)
                .is_some_and(|by| by.iter().any(|&s| s != own))
    }

    /// The part of a candidate's score that owes nothing to the article: its size and kind.
    fn prominence(&self, candidate: u32) -> f32 {
        let w = &self.weights;
        let e = self.gazetteer.entry(candidate);
        w.population * (e.population as f32).ln_1p()
            + match e.kind {
                // Wide areas share the continents' prior.
                Kind::Continent | Kind::Ocean | Kind::Sea | Kind::Gulf | Kind::Region => {
                    w.continent
                }
                Kind::Country => w.country,
                Kind::Admin1 => w.admin1,
                Kind::Admin2 => w.admin2,
                Kind::Capital => w.capital,
                Kind::Place => 0.0,
            }
    }

    fn base_score(&self, site: usize, candidate: u32) -> f32 {
        let w = &self.weights;
        let e = self.gazetteer.entry(candidate);
        let mut score = self.prominence(candidate);
        if e.name_key != self.sites[site].key_hash {
            score += w.alternate_name;
        }
        let qualifiers = &self.sites[site].qualifiers;
        if qualifiers.contains(&e.country) || qualifiers.contains(&e.admin1) {
            score += w.qualifier;
        }
        if self.named_by_other(e.country, site) {
            score += w.country_named;
        }
        let region = if e.kind == Kind::Admin1 {
            candidate
        } else {
            e.admin1
        };
        if self.named_by_other(region, site) {
            score += w.admin1_named;
        }
        // A region that holds a place of the same name is rarely the one meant ("New York").
        if e.kind == Kind::Admin1
            && self.sites[site].candidates.iter().any(|&c| {
                let o = self.gazetteer.entry(c);
                o.admin1 == candidate && !o.kind.is_region()
            })
        {
            score += w.region_with_namesake;
        }
        if e.country != NONE && e.country == self.outlet_country || candidate == self.outlet_country
        {
            score += w.outlet_country;
        }
        score
    }

    fn resolve_all(&mut self) {
        let base: Vec<Vec<f32>> = (0..self.sites.len())
            .map(|s| {
                self.sites[s]
                    .candidates
                    .iter()
                    .map(|&c| self.base_score(s, c))
                    .collect()
            })
            .collect();
        let mut scores = base.clone();
        for _round in 0..2 {
            let beliefs: Vec<Vec<(u32, f32)>> = scores
                .iter()
                .zip(&self.sites)
                .map(|(sc, site)| belief(&site.candidates, sc))
                .collect();
            for (s, site) in self.sites.iter().enumerate() {
                for (k, &c) in site.candidates.iter().enumerate() {
                    scores[s][k] = base[s][k] + self.neighbour_score(s, c, &beliefs);
                }
            }
        }
        self.resolutions = scores
            .into_iter()
            .zip(&self.sites)
            .enumerate()
            .map(|(s, (sc, site))| {
                let mut ranked: Vec<(u32, f32)> = site.candidates.iter().copied().zip(sc).collect();
                ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                let decided = match ranked.as_slice() {
                    [] => false,
                    [a] => self.stands_alone(s, a.0, a.1),
                    [a, b, ..] => {
                        (a.1 - b.1 >= self.weights.margin || self.one_place(&ranked, a.1))
                            && self.stands_alone(s, a.0, a.1)
                    }
                };
                Resolution { ranked, decided }
            })
            .collect();
    }

    /// Whether a best candidate may be taken: a place under [`SMALL_PLACE`] people, or one
    /// named only by one of its alternate names, only when the article says something for it
    /// (the name of a hamlet is more often a word: "told the Herald" is not Herald,
    /// California; "Yida" in a story on South Sudan is not Jeddah, one of whose many
    /// spellings it is).
    fn stands_alone(&self, site: usize, candidate: u32, score: f32) -> bool {
        let e = self.gazetteer.entry(candidate);
        let alternate = if e.name_key != self.sites[site].key_hash {
            self.weights.alternate_name
        } else {
            0.0
        };
        let supported = score - self.prominence(candidate) - alternate > 0.01;
        supported
            || e.kind.is_region()
            || e.kind.is_area()
            || (e.population >= SMALL_PLACE && alternate == 0.0)
    }

    /// Whether every candidate within the margin of the best (`top`) lies within
    /// [`SAME_PLACE_KM`] of the first: a city and its namesake district or province are one
    /// pin on the map, whichever the text means.
    fn one_place(&self, ranked: &[(u32, f32)], top: f32) -> bool {
        let first = self.gazetteer.entry(ranked[0].0);
        ranked[1..]
            .iter()
            .take_while(|c| top - c.1 < self.weights.margin)
            .all(|c| first.within_km(self.gazetteer.entry(c.0), SAME_PLACE_KM))
    }

    /// Evidence from the other places of the article, each weighed by how likely each of
    /// its candidates is so far ([`belief`]).
    fn neighbour_score(&self, site: usize, candidate: u32, beliefs: &[Vec<(u32, f32)>]) -> f32 {
        let w = &self.weights;
        let e = self.gazetteer.entry(candidate);
        let (mut near, mut same_admin1, mut same_country, mut others) = (0f32, 0f32, 0f32, 0u32);
        for (s, belief) in beliefs.iter().enumerate() {
            if s == site || belief.is_empty() {
                continue;
            }
            others += 1;
            // Per relation, the likeliest of the site's candidates that bears it: many small
            // namesakes in one country must not add up to that country ("Oxford").
            let (mut site_near, mut site_admin1, mut site_country) = (0f32, 0f32, 0f32);
            for &(b, p) in belief {
                let o = self.gazetteer.entry(b);
                if o.kind.is_area() {
                    continue;
                }
                if (!o.kind.is_region() || o.kind == Kind::Admin2) && e.within_km(o, NEAR_KM) {
                    site_near = site_near.max(p);
                }
                if e.admin1 != NONE && (o.admin1 == e.admin1 || b == e.admin1) {
                    site_admin1 = site_admin1.max(p);
                }
                if e.country != NONE && (o.country == e.country || b == e.country) {
                    site_country = site_country.max(p);
                }
            }
            near += site_near;
            same_admin1 += site_admin1;
            same_country += site_country;
        }
        if others == 0 {
            return 0.0;
        }
        let share = |n: f32| n / others as f32;
        w.near * (near.min(3.0) / 3.0)
            + w.same_admin1 * share(same_admin1)
            + w.same_country * share(same_country)
    }

    /// The resolution of the site a span was put in (see [`Context::new`]).
    pub fn resolution(&self, site: usize) -> &Resolution {
        &self.resolutions[site]
    }
}

/// Candidates a site's neighbours weigh: the few best, with softmax probabilities of their
/// scores.
const BELIEF_SIZE: usize = 5;

fn belief(candidates: &[u32], scores: &[f32]) -> Vec<(u32, f32)> {
    let mut ranked: Vec<(u32, f32)> = candidates
        .iter()
        .copied()
        .zip(scores.iter().copied())
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(BELIEF_SIZE);
    let top = ranked.first().map_or(0.0, |c| c.1);
    let total: f32 = ranked.iter().map(|c| (c.1 - top).exp()).sum();
    ranked
        .into_iter()
        .map(|(c, s)| (c, (s - top).exp() / total))
        .collect()
}

/// The country of a web address's country-code domain ("www.bbc.co.uk" → United Kingdom).
/// For a nationality or a people's adjective ("Russian", "European"), the country or continent
/// the entity layer's lexicon gives it.
fn demonym_candidates(gazetteer: &Gazetteer, name: &str) -> Option<Vec<u32>> {
    let country = parallax_entities::lexicon::lexicon().demonym_country(name)?;
    let found: Vec<u32> = gazetteer
        .lookup(&fold(country))
        .iter()
        .copied()
        .filter(|&i| matches!(gazetteer.entry(i).kind, Kind::Country | Kind::Continent))
        .collect();
    (!found.is_empty()).then_some(found)
}

fn outlet_country(gazetteer: &Gazetteer, url: &str) -> Option<u32> {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', ':', '?'])
        .next()?;
    let tld = host.rsplit('.').next()?.to_ascii_uppercase();
    let code = match tld.as_str() {
        "UK" => "GB".to_string(),
        t if t.len() == 2 => t.to_string(),
        _ => return None,
    };
    gazetteer.country(&code)
}
