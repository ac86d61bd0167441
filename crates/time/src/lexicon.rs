//! The closed vocabularies of English time expressions: months, weekdays, seasons, parts of
//! the day and duration units, each with its TIMEX3 code.

use parallax_core::calendar::{MONTHS, WEEKDAYS};
use parallax_core::word_filter::WordFilter;
use parallax_figures::lexer::Tok;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The lowercase form of a short ASCII word token: a slice of the document text lowercased
/// once ([`crate::context::Ctx::w`]).
pub struct Lower<'a>(pub &'a str);

impl<'a> Lower<'a> {
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

/// Month number of a month name or abbreviation (1–12).
pub fn month(w: &str) -> Option<u32> {
    entry(w).and_then(|e| e.month)
}

/// Whether the month word is an abbreviation (which may take a trailing period).
pub fn is_month_abbreviation(w: &str) -> bool {
    w.len() <= 4 && w != "may" && w != "june" && w != "july"
}

/// ISO weekday number (Monday = 1) of a weekday name or abbreviation.
pub fn weekday(w: &str) -> Option<u32> {
    entry(w).and_then(|e| e.weekday)
}

/// Full weekday names only (abbreviations are too ambiguous on their own).
pub fn weekday_full(w: &str) -> Option<u32> {
    weekday(w).filter(|_| w.len() >= 6)
}

/// Month and day of a fixed-date holiday named by `w` and, for two-word names, the word
/// after it ("christmas eve", "independence day", "new year's day" read as "new" + "year").
pub fn holiday(w: &str, next: Option<&str>) -> Option<(u32, u32, usize)> {
    Some(match (w, next) {
        ("christmas", Some("eve")) => (12, 24, 2),
        ("christmas", Some("day")) => (12, 25, 2),
        ("christmas", _) => (12, 25, 1),
        ("independence", Some("day")) => (7, 4, 2),
        ("juneteenth", _) => (6, 19, 1),
        ("halloween", _) => (10, 31, 1),
        _ => return None,
    })
}

/// TIMEX3 season code.
pub fn season(w: &str) -> Option<&'static str> {
    entry(w).and_then(|e| e.season)
}

/// TIMEX3 part-of-day code.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    entry(w).and_then(|e| e.part_of_day)
}

/// A calendar unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration of `n` units ("P5D", "PT3H", "P20Y"); `n = None` for "PXD".
    pub fn duration(self, n: Option<f64>) -> String {
        let amount = |k: f64| match n {
            Some(v) => format_amount(v * k),
            None => "X".to_string(),
        };
        match self {
            Unit::Second => format!("PT{}S", amount(1.0)),
            Unit::Minute => format!("PT{}M", amount(1.0)),
            Unit::Hour => format!("PT{}H", amount(1.0)),
            Unit::Day => format!("P{}D", amount(1.0)),
            Unit::Week => format!("P{}W", amount(1.0)),
            Unit::Month => format!("P{}M", amount(1.0)),
            Unit::Quarter => format!("P{}Q", amount(1.0)),
            Unit::Year => format!("P{}Y", amount(1.0)),
            Unit::Decade => match n {
                Some(_) => format!("P{}Y", amount(10.0)),
                None => "PXDE".to_string(),
            },
            Unit::Century => match n {
                Some(_) => format!("P{}Y", amount(100.0)),
                None => "PXCE".to_string(),
            },
        }
    }
}

/// A number as TIMEX3 writes it: integers without a decimal point.
pub fn format_amount(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The unit a (lowercase) word names, and whether it is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    entry(w).and_then(|e| e.unit)
}

/// Whether a time expression can open with the word token `t`, lowercased by `lower`: every
/// such word is in the vocabulary table, and most words are turned away by the filter before
/// they are lowercased or looked up.
pub fn is_start_word<'a>(t: &Tok<'_>, lower: impl FnOnce() -> Option<Lower<'a>>) -> bool {
    start_filter().may_contain(t.text) && lower().is_some_and(|w| table().contains_key(w.as_str()))
}

/// What the vocabulary knows of one lowercase word. Every word in the table can open a time
/// expression ([`may_start`]); most have one of these meanings too.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    month: Option<u32>,
    weekday: Option<u32>,
    season: Option<&'static str>,
    part_of_day: Option<&'static str>,
    unit: Option<(Unit, bool)>,
}

const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];

const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

const UNITS: &[(&str, Unit, bool)] = &[
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("secs", Unit::Second, true),
    ("sec", Unit::Second, false),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("mins", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("hrs", Unit::Hour, true),
    ("hr", Unit::Hour, false),
    ("h", Unit::Hour, false),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yrs", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

/// Words that open time expressions without naming a month, weekday, season, part of day or
/// unit ("the 1990s", "last week", "every Monday", "end of day", "w/c 3 May", "Mondays").
/// Number words are added from parallax-figures.
const OTHER_STARTS: &[&str] = &[
    "the",
    "last",
    "this",
    "next",
    "past",
    "coming",
    "previous",
    "current",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "tonite",
    "once",
    "twice",
    "another",
    "overnight",
    "now",
    "currently",
    "recently",
    "lately",
    "every",
    "each",
    "daily",
    "everyday",
    "nightly",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "fiscal",
    "early",
    "late",
    "mid",
    "recent",
    "few",
    "many",
    "noon",
    "noonish",
    "christmas",
    "independence",
    "juneteenth",
    "halloween",
    "midday",
    "midnight",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "end",
    "eod",
    "eom",
    "eoy",
    "mornings",
    "afternoons",
    "evenings",
    "nights",
    "w",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
];

/// The vocabulary, keyed by lowercase word, built once: one hash lookup answers every
/// question about a word, where a chain of `match`es cost hundreds of instructions per word.
fn table() -> &'static FxHashMap<&'static str, Entry> {
    static TABLE: OnceLock<FxHashMap<&'static str, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<&'static str, Entry> = FxHashMap::default();
        for &(w, m) in &MONTHS {
            table.entry(w).or_default().month = Some(m);
        }
        for &(w, d) in &WEEKDAYS {
            table.entry(w).or_default().weekday = Some(d);
        }
        for &(w, code) in SEASONS {
            table.entry(w).or_default().season = Some(code);
        }
        for &(w, code) in PARTS_OF_DAY {
            table.entry(w).or_default().part_of_day = Some(code);
        }
        for &(w, unit, plural) in UNITS {
            table.entry(w).or_default().unit = Some((unit, plural));
        }
        for w in OTHER_STARTS
            .iter()
            .copied()
            .chain(parallax_figures::number::start_words())
        {
            table.entry(w).or_default();
        }
        table
    })
}

/// The quick rejection in front of the table lookup of [`may_start`].
fn start_filter() -> &'static WordFilter {
    static FILTER: OnceLock<WordFilter> = OnceLock::new();
    FILTER.get_or_init(|| WordFilter::new(table().keys().copied()))
}

fn entry(w: &str) -> Option<&'static Entry> {
    table().get(w)
}
