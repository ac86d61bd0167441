//! The closed vocabularies of English time expressions: months, weekdays, seasons, parts of
//! the day and duration units, each with its TIMEX3 code.

use parallax_figures::lexer::{Tok, TokKind};

/// The lowercase ASCII form of a short word token: the token's own text when it is already
/// lowercase (the common case, no copy), else a copy in a stack buffer — no allocation on the
/// hot path either way.
pub enum Lower<'a> {
    Borrowed(&'a str),
    Owned { buf: [u8; 16], len: usize },
}

impl<'a> Lower<'a> {
    pub fn of(t: &Tok<'a>) -> Option<Lower<'a>> {
        if t.kind != TokKind::Word || t.text.len() > 16 || !t.text.is_ascii() {
            return None;
        }
        if !t.text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(Lower::Borrowed(t.text));
        }
        let mut buf = [0u8; 16];
        for (b, s) in buf.iter_mut().zip(t.text.bytes()) {
            *b = s.to_ascii_lowercase();
        }
        Some(Lower::Owned {
            buf,
            len: t.text.len(),
        })
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Owned { buf, len } => {
                std::str::from_utf8(buf.get(..*len).unwrap_or(&[])).unwrap_or("")
            }
        }
    }
}

/// The lowercase text of token `i` when it is a short ASCII word.
pub fn word<'a>(toks: &[Tok<'a>], i: usize) -> Option<Lower<'a>> {
    toks.get(i).and_then(Lower::of)
}

/// Month number of a month name or abbreviation (1–12).
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether the month word is an abbreviation (which may take a trailing period).
pub fn is_month_abbreviation(w: &str) -> bool {
    w.len() <= 4 && w != "may" && w != "june" && w != "july"
}

/// ISO weekday number (Monday = 1) of a weekday name or abbreviation.
pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
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
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// TIMEX3 part-of-day code.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
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
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "sec" => (Unit::Second, false),
        "minute" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "hr" | "h" => (Unit::Hour, false),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// The rarer opening words, behind a length and first-letter test so that the common words
/// pay one or two comparisons: "end"/"EOD"/"EOM"/"EOY", "w" (of "w/c"), plural parts of day.
#[inline(always)]
fn rare_start(w: &str) -> bool {
    let b = w.as_bytes();
    let last = b.last().copied().unwrap_or(0);
    // Most words fail on the length and one byte, with no jump table on the length.
    (b.len() == 3 && b[0] == b'e' && matches!(w, "end" | "eod" | "eom" | "eoy"))
        || (last == b's'
            && b.len() >= 6
            && matches!(w, "mornings" | "afternoons" | "evenings" | "nights"))
        || w == "w"
}

/// Whether a time expression can start at this token: the cheap test the scan runs on every
/// token before trying the recognizers.
pub fn may_start(t: &Tok<'_>) -> bool {
    match t.kind {
        TokKind::Digits | TokKind::DigitsAlpha | TokKind::Mixed => true,
        TokKind::Punct => matches!(t.text, "'" | "’"),
        TokKind::Word => {
            let Some(lower) = Lower::of(t) else {
                return false;
            };
            let w = lower.as_str();
            // "the" is the commonest word of all and starts many expressions ("the 1990s",
            // "the day before"): answer it before the word lists.
            w == "the"
                || parallax_figures::number::may_start_word(w)
                || month(w).is_some()
                || weekday(w).is_some()
                || (w.ends_with("days") && w.strip_suffix('s').and_then(weekday_full).is_some())
                || unit(w).is_some()
                || season(w).is_some()
                || part_of_day(w).is_some()
                || matches!(
                    w,
                    "the"
                        | "last"
                        | "this"
                        | "next"
                        | "past"
                        | "coming"
                        | "previous"
                        | "current"
                        | "today"
                        | "yesterday"
                        | "tomorrow"
                        | "tonight"
                        | "tonite"
                        | "once"
                        | "twice"
                        | "another"
                        | "overnight"
                        | "now"
                        | "currently"
                        | "recently"
                        | "lately"
                        | "every"
                        | "each"
                        | "daily"
                        | "everyday"
                        | "nightly"
                        | "weekly"
                        | "monthly"
                        | "annually"
                        | "yearly"
                        | "hourly"
                        | "fiscal"
                        | "early"
                        | "late"
                        | "mid"
                        | "recent"
                        | "few"
                        | "many"
                        | "noon"
                        | "noonish"
                        | "christmas"
                        | "independence"
                        | "juneteenth"
                        | "halloween"
                        | "midday"
                        | "midnight"
                        | "twenties"
                        | "thirties"
                        | "forties"
                        | "fifties"
                        | "sixties"
                        | "seventies"
                        | "eighties"
                        | "nineties"
                )
                || rare_start(w)
        }
    }
}
