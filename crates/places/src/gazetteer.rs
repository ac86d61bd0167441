//! The embedded gazetteer: GeoNames continents, countries, first- and second-level regions and
//! populated places, with their alternate names, and the oceans, seas and world regions of
//! `data/features.tsv` (no GeoNames id: `geonames_id` 0), read once from the committed file
//! `data/gazetteer.tsv.gz` (made by `data/build_gazetteer.py`; its layout is described there).
//!
//! A damaged file is an error ([`GazetteerError`]) that the annotator turns into a diagnostic;
//! it never panics. Names are found by their folded key ([`crate::fold`]): the keys' hashes
//! are kept sorted beside the entries they name, so a lookup is a binary search.

use crate::fold::{fold, fold_into, key_hash};
use parallax_core::GeoPlace;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Continent,
    Country,
    /// A first-level region: state, province.
    Admin1,
    /// A second-level region: county, district.
    Admin2,
    /// A country's capital city.
    Capital,
    /// Any other populated place.
    Place,
    Ocean,
    Sea,
    /// A gulf or a bay.
    Gulf,
    /// A region of several countries ("Middle East", "Korean Peninsula").
    Region,
}

impl Kind {
    fn parse(field: &str) -> Option<Kind> {
        Some(match field {
            "L" => Kind::Continent,
            "C" => Kind::Country,
            "1" => Kind::Admin1,
            "2" => Kind::Admin2,
            "K" => Kind::Capital,
            "P" => Kind::Place,
            "O" => Kind::Ocean,
            "S" => Kind::Sea,
            "G" => Kind::Gulf,
            "R" => Kind::Region,
            _ => return None,
        })
    }

    /// GeoNames feature class and code.
    pub fn feature(self) -> (&'static str, &'static str) {
        match self {
            Kind::Continent => ("L", "CONT"),
            Kind::Country => ("A", "PCLI"),
            Kind::Admin1 => ("A", "ADM1"),
            Kind::Admin2 => ("A", "ADM2"),
            Kind::Capital => ("P", "PPLC"),
            Kind::Place => ("P", "PPL"),
            Kind::Ocean => ("H", "OCN"),
            Kind::Sea => ("H", "SEA"),
            Kind::Gulf => ("H", "GULF"),
            Kind::Region => ("L", "RGN"),
        }
    }

    /// Whether it is a wide area (a continent, a sea, a world region): too wide to tell
    /// which of another name's candidates lie near it.
    pub fn is_area(self) -> bool {
        matches!(
            self,
            Kind::Continent | Kind::Ocean | Kind::Sea | Kind::Gulf | Kind::Region
        )
    }

    /// Whether it is a region that contains other places (a country or a region).
    pub fn is_region(self) -> bool {
        matches!(
            self,
            Kind::Continent | Kind::Country | Kind::Admin1 | Kind::Admin2
        )
    }
}

/// No country or region.
pub const NONE: u32 = u32::MAX;

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub geonames_id: u32,
    pub kind: Kind,
    pub name: Box<str>,
    pub lat: f32,
    pub lon: f32,
    /// Index of its country's entry ([`NONE`] for continents).
    pub country: u32,
    /// ISO 3166 alpha-2 code of its country (zeros for continents).
    pub country_code: [u8; 2],
    /// Index of its first-level region's entry ([`NONE`] when unknown or itself a country).
    pub admin1: u32,
    pub population: u64,
    /// Hash of its own name's folded key (to tell its name from its alternate names).
    pub name_key: u64,
    /// Its point as a unit vector (x, y, z), so that nearness is a dot product, not
    /// trigonometry, in the geocoder's inner loop.
    pub xyz: [f32; 3],
}

impl Entry {
    /// Whether another entry lies within `km` of this one (great-circle distance).
    pub fn within_km(&self, other: &Entry, km: f64) -> bool {
        let dot: f32 = self.xyz.iter().zip(&other.xyz).map(|(a, b)| a * b).sum();
        f64::from(dot) >= (km / EARTH_RADIUS_KM).cos()
    }
}

/// Mean radius of the Earth.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

fn unit_vector(lat: f32, lon: f32) -> [f32; 3] {
    let (lat, lon) = (f64::from(lat).to_radians(), f64::from(lon).to_radians());
    [
        (lat.cos() * lon.cos()) as f32,
        (lat.cos() * lon.sin()) as f32,
        lat.sin() as f32,
    ]
}

/// Why the gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("gazetteer file: {0}")]
    File(#[from] parallax_modelfile::FileError),
    #[error("gazetteer file is not UTF-8")]
    Utf8,
    #[error("gazetteer file does not start with the header `PXGAZ<TAB>1`")]
    Header,
    #[error("gazetteer file, line {line}: {reason}")]
    Line { line: usize, reason: &'static str },
}

/// The gazetteer in memory.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Hashes of folded names, sorted; `postings[i]` is an entry named by `keys[i]`.
    keys: Vec<u64>,
    postings: Vec<u32>,
    /// Country entries by ISO code, and first-level regions by (ISO code, GeoNames code).
    countries: HashMap<[u8; 2], u32>,
    regions: HashMap<([u8; 2], Box<str>), u32>,
}

/// The committed gazetteer file.
const EMBEDDED: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

/// The embedded gazetteer, read on first use and kept for the life of the process.
pub fn embedded() -> Result<&'static Gazetteer, &'static GazetteerError> {
    static GAZETTEER: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
    GAZETTEER
        .get_or_init(|| {
            let mut g = Gazetteer::from_gzip(EMBEDDED)?;
            let countries = crate::lexicon_lines(include_str!("../lexicon/country_aliases.txt"))
                .filter_map(|line| line.split_once('|'))
                .filter_map(|(alias, code)| Some((alias, g.country(code)?)));
            // The abbreviations of regions written with periods ("W.Va.", "Kan.") name them;
            // the bare postal codes ("IN", "ME") are too often words.
            let regions = crate::resolve::abbreviations()
                .iter()
                .filter(|(abbr, _)| abbr.contains('.'))
                .filter_map(|(abbr, (country, code))| {
                    Some((abbr.as_str(), g.admin1(country, code)?))
                });
            let continents: Vec<(&str, u32)> =
                crate::lexicon_lines(include_str!("../lexicon/continent_aliases.txt"))
                    .filter_map(|line| line.split_once('|'))
                    .filter_map(|(alias, name)| {
                        let found = g.lookup(&fold(name)).iter().copied();
                        let continent = found
                            .clone()
                            .find(|&i| g.entry(i).kind == Kind::Continent)?;
                        Some((alias, continent))
                    })
                    .collect();
            let aliases: Vec<(&str, u32)> = countries.chain(regions).chain(continents).collect();
            g.add_aliases(&aliases);
            Ok(g)
        })
        .as_ref()
}

/// One record's fields, before regions are linked.
struct Record<'a> {
    entry: Entry,
    country_code: &'a str,
    admin1_code: &'a str,
    alternates: &'a str,
}

impl Gazetteer {
    /// Reads a gzip-compressed gazetteer file.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let raw = parallax_modelfile::decompress(bytes)?;
        let text = std::str::from_utf8(&raw).map_err(|_| GazetteerError::Utf8)?;
        Gazetteer::from_text(text)
    }

    /// Reads the gazetteer's text form.
    pub fn from_text(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut lines = text.lines().enumerate();
        if lines.next().map(|(_, l)| l) != Some("PXGAZ\t1") {
            return Err(GazetteerError::Header);
        }
        let mut records = Vec::new();
        let mut key = String::new();
        for (number, line) in lines {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let bad = |reason| GazetteerError::Line {
                line: number + 1,
                reason,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let [kind, id, name, lat, lon, country, admin1, population, alternates] = fields[..]
            else {
                return Err(bad("expected 9 tab-separated fields"));
            };
            let lat: f32 = lat.parse().map_err(|_| bad("latitude is not a number"))?;
            let lon: f32 = lon.parse().map_err(|_| bad("longitude is not a number"))?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(bad("coordinates out of range"));
            }
            records.push(Record {
                entry: Entry {
                    geonames_id: id.parse().map_err(|_| bad("GeoNames id is not a number"))?,
                    kind: Kind::parse(kind).ok_or_else(|| bad("unknown kind"))?,
                    name: name.into(),
                    lat,
                    lon,
                    country: NONE,
                    country_code: match country.as_bytes() {
                        [a, b] => [*a, *b],
                        [] => [0, 0],
                        _ => return Err(bad("country code is not two letters")),
                    },
                    admin1: NONE,
                    population: population
                        .parse()
                        .map_err(|_| bad("population is not a number"))?,
                    name_key: {
                        fold_into(name, &mut key);
                        key_hash(&key)
                    },
                    xyz: unit_vector(lat, lon),
                },
                country_code: country,
                admin1_code: admin1,
                alternates,
            });
        }
        Ok(Gazetteer::link(records))
    }

    /// Links each record to its country and region and indexes every name.
    fn link(records: Vec<Record>) -> Gazetteer {
        let mut countries: HashMap<&str, u32> = HashMap::new();
        let mut regions: HashMap<(&str, &str), u32> = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            match r.entry.kind {
                Kind::Country => {
                    countries.insert(r.country_code, i as u32);
                }
                Kind::Admin1 => {
                    regions.insert((r.country_code, r.admin1_code), i as u32);
                }
                _ => {}
            }
        }
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(records.len() * 2);
        let mut entries = Vec::with_capacity(records.len());
        let (mut key, mut seen) = (String::new(), Vec::<u64>::new());
        for (i, r) in records.into_iter().enumerate() {
            let mut entry = r.entry;
            entry.country = countries.get(r.country_code).copied().unwrap_or(NONE);
            if entry.kind != Kind::Admin1 && !r.admin1_code.is_empty() {
                entry.admin1 = regions
                    .get(&(r.country_code, r.admin1_code))
                    .copied()
                    .unwrap_or(NONE);
            }
            seen.clear();
            for name in std::iter::once(&*entry.name).chain(r.alternates.split('|')) {
                fold_into(name, &mut key);
                if key.is_empty() {
                    continue;
                }
                let hash = key_hash(&key);
                if !seen.contains(&hash) {
                    seen.push(hash);
                    pairs.push((hash, i as u32));
                }
            }
            entries.push(entry);
        }
        pairs.sort_unstable();
        let code = |c: &str| -> [u8; 2] {
            match c.as_bytes() {
                [a, b] => [*a, *b],
                _ => [0, 0],
            }
        };
        Gazetteer {
            countries: countries.iter().map(|(c, &i)| (code(c), i)).collect(),
            regions: regions
                .iter()
                .map(|(&(c, r), &i)| ((code(c), r.into()), i))
                .collect(),
            entries,
            keys: pairs.iter().map(|p| p.0).collect(),
            postings: pairs.iter().map(|p| p.1).collect(),
        }
    }

    /// Adds names to entries (aliases the data lacks: "U.S.", "W.Va."): the few new pairs are
    /// sorted and merged into the sorted index, not the whole index sorted again.
    pub fn add_aliases(&mut self, aliases: &[(&str, u32)]) {
        let mut new: Vec<(u64, u32)> = aliases
            .iter()
            .filter(|&&(_, entry)| (entry as usize) < self.entries.len())
            .map(|&(alias, entry)| (fold(alias), entry))
            .filter(|(key, _)| !key.is_empty())
            .map(|(key, entry)| (key_hash(&key), entry))
            .collect();
        new.sort_unstable();
        let old = self.keys.iter().copied().zip(self.postings.iter().copied());
        let mut merged: Vec<(u64, u32)> = Vec::with_capacity(self.keys.len() + new.len());
        let mut new = new.into_iter().peekable();
        for pair in old {
            while let Some(&n) = new.peek() {
                if n >= pair {
                    break;
                }
                merged.push(n);
                new.next();
            }
            merged.push(pair);
        }
        merged.extend(new);
        merged.dedup();
        self.keys = merged.iter().map(|p| p.0).collect();
        self.postings = merged.iter().map(|p| p.1).collect();
    }

    /// Indices of the entries one of whose names folds to `key` (see [`crate::fold::fold`]).
    pub fn lookup(&self, key: &str) -> &[u32] {
        let hash = key_hash(key);
        let first = self.keys.partition_point(|&k| k < hash);
        let last = first + self.keys[first..].partition_point(|&k| k == hash);
        &self.postings[first..last]
    }

    /// The country entry of an ISO 3166 alpha-2 code ("GB").
    pub fn country(&self, code: &str) -> Option<u32> {
        let [a, b] = code.as_bytes() else { return None };
        self.countries.get(&[*a, *b]).copied()
    }

    /// The first-level region entry of a country's GeoNames code ("US", "LA").
    pub fn admin1(&self, country: &str, code: &str) -> Option<u32> {
        let [a, b] = country.as_bytes() else {
            return None;
        };
        self.regions.get(&([*a, *b], code.into())).copied()
    }

    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry as the analysis records it.
    pub fn place(&self, index: u32) -> GeoPlace {
        let entry = self.entry(index);
        let (feature_class, feature_code) = entry.kind.feature();
        let country = (entry.country != NONE).then(|| self.entry(entry.country));
        GeoPlace {
            geonames_id: entry.geonames_id,
            name: entry.name.to_string(),
            lat: round3(entry.lat),
            lon: round3(entry.lon),
            feature_class: feature_class.to_string(),
            feature_code: feature_code.to_string(),
            country: country.map(|c| c.name.to_string()),
            country_code: (entry.country_code != [0, 0])
                .then(|| String::from_utf8_lossy(&entry.country_code).into_owned()),
            admin1: (entry.admin1 != NONE).then(|| self.entry(entry.admin1).name.to_string()),
            population: entry.population,
        }
    }
}

/// Degrees to three decimals (about 100 m): the precision the file stores.
fn round3(v: f32) -> f64 {
    (f64::from(v) * 1000.0).round() / 1000.0
}

/// Great-circle distance in kilometres between two points given in degrees.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "PXGAZ\t1\n# test\n\
        C\t2635167\tUnited Kingdom\t54\t-2\tGB\t\t66000000\tUK|Britain\n\
        1\t6269131\tEngland\t52.5\t-1.5\tGB\tENG\t53000000\t\n\
        P\t2653941\tCambridge\t52.2\t0.117\tGB\tENG\t145674\t\n";

    #[test]
    fn reads_links_and_finds_names() {
        let g = Gazetteer::from_text(SMALL).unwrap();
        assert_eq!(g.len(), 3);
        let [i] = g.lookup("cambridge") else {
            panic!("one Cambridge")
        };
        let place = g.place(*i);
        assert_eq!(place.country.as_deref(), Some("United Kingdom"));
        assert_eq!(place.admin1.as_deref(), Some("England"));
        assert_eq!(g.lookup("britain").len(), 1);
        assert!(g.lookup("oxford").is_empty());
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        assert!(matches!(
            Gazetteer::from_text("nonsense"),
            Err(GazetteerError::Header)
        ));
        let bad = SMALL.replace("52.2", "north");
        assert!(matches!(
            Gazetteer::from_text(&bad),
            Err(GazetteerError::Line { line: 5, .. })
        ));
        assert!(Gazetteer::from_gzip(b"\x1f\x8b garbage").is_err());
        let truncated = &EMBEDDED[..EMBEDDED.len() / 2];
        assert!(Gazetteer::from_gzip(truncated).is_err());
    }

    #[test]
    fn the_embedded_gazetteer_loads() {
        let g = embedded().expect("embedded gazetteer");
        assert!(g.len() > 100_000);
        assert!(!g.lookup("baghdad").is_empty());
    }

    #[test]
    fn nearness_by_unit_vectors_agrees_with_distance() {
        let g = Gazetteer::from_text(SMALL).unwrap();
        let (cambridge, england) = (g.entry(2), g.entry(1));
        let d = distance_km(52.2, 0.117, 52.5, -1.5);
        assert!(cambridge.within_km(england, d + 1.0));
        assert!(!cambridge.within_km(england, d - 1.0));
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        // London to Paris, about 344 km.
        let d = distance_km(51.507, -0.128, 48.857, 2.352);
        assert!((d - 344.0).abs() < 3.0, "{d}");
    }
}
