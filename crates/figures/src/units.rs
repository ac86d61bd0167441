//! Units written around a number: percent signs and words, currency symbols, names and codes.
//!
//! Currencies are normalized to ISO 4217 codes so that "$5 million" and "5 million dollars"
//! compare equal across outlets.

use crate::lexer::{adjacent, Tok, TokKind};

/// A unit found next to a number: its normalized name and the token range it adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub name: &'static str,
    /// Token range of the unit words (before or after the number).
    pub first: usize,
    pub end: usize,
}

impl Unit {
    pub fn is_money(&self) -> bool {
        CODES.contains(&self.name)
    }
}

/// The currencies recognized, as ISO 4217 codes.
const CODES: [&str; 36] = [
    "USD", "EUR", "GBP", "RUB", "JPY", "CNY", "GEL", "UAH", "INR", "CHF", "CAD", "AUD", "HKD",
    "NZD", "SGD", "TWD", "FRF", "BEF", "EGP", "MXN", "KRW", "ZAR", "TRY", "ILS", "PLN", "SEK",
    "NOK", "ESP", "NLG", "FIM", "DEM", "IQD", "SAR", "BRL", "AED", "KZT",
];

/// The unit symbol a (lowercase) measure word or abbreviation stands for.
pub fn dimension(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "km",
        "m" | "meter" | "meters" | "metre" | "metres" => "m",
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => "cm",
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => "mm",
        "mile" | "miles" => "mi",
        "ft" | "foot" | "feet" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" => "yd",
        "kg" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilos" => "kg",
        "gram" | "grams" | "gramme" | "grammes" => "g",
        "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "ton" | "tons" | "tonne" | "tonnes" => "t",
        "percentage" => return None,
        "liter" | "liters" | "litre" | "litres" => "l",
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => "ml",
        "gallon" | "gallons" => "gal",
        "barrel" | "barrels" => "bbl",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "ha",
        "km2" => "km2",
        "mph" => "mph",
        "kph" | "kmph" => "km/h",
        "kw" => "kW",
        "mw" => "MW",
        "gw" => "GW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "psi" => "psi",
        _ => return None,
    })
}

/// Whether a figure's unit is a measure (one of the symbols [`dimension`] returns).
pub fn is_dimension(name: &str) -> bool {
    [
        "km", "m", "cm", "mm", "mi", "ft", "in", "yd", "kg", "g", "lb", "oz", "t", "l", "ml",
        "gal", "bbl", "acre", "ha", "km2", "m2", "mi2", "mph", "km/h", "kW", "MW", "GW", "kWh",
        "MWh", "GWh", "TWh", "psi",
    ]
    .contains(&name)
}

/// A measure written after the number at token `at`: "40 km", "square meters", "metric
/// tons", or glued by a hyphen ("3-inch", "six-mile").
fn measure_after(toks: &[Tok<'_>], at: usize) -> Option<Unit> {
    let next = toks.get(at)?;
    let lower = |t: &Tok<'_>| {
        (t.kind != TokKind::Punct && t.text.len() <= 12).then(|| t.text.to_lowercase())
    };
    if next.is_punct('-') {
        let w = toks.get(at + 1).filter(|w| adjacent(next, w))?;
        let before = at.checked_sub(1).and_then(|i| toks.get(i))?;
        if !adjacent(before, next) {
            return None;
        }
        let name = dimension(&lower(w)?)?;
        return Some(Unit {
            name,
            first: at,
            end: at + 2,
        });
    }
    let w = lower(next)?;
    if w == "square" || w == "sq" {
        let name = match dimension(&lower(toks.get(at + 1)?)?)? {
            "km" => "km2",
            "m" => "m2",
            "mi" => "mi2",
            _ => return None,
        };
        return Some(Unit {
            name,
            first: at,
            end: at + 2,
        });
    }
    if w == "metric" {
        let t = toks.get(at + 1)?;
        return (dimension(&lower(t)?)? == "t").then_some(Unit {
            name: "t",
            first: at,
            end: at + 2,
        });
    }
    let name = dimension(&w)?;
    Some(Unit {
        name,
        first: at,
        end: at + 1,
    })
}

/// The unit a suffix glued to digits names: a measure ("75ml", "1.8m", "200lbs") or a
/// currency written with letters ("100元").
pub fn glued_unit(suffix: &str) -> Option<&'static str> {
    dimension(&suffix.to_ascii_lowercase()).or_else(|| symbol(suffix))
}

/// The currency a symbol stands for.
fn symbol(c: &str) -> Option<&'static str> {
    match c {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "₽" => Some("RUB"),
        "¥" => Some("JPY"),
        "₾" => Some("GEL"),
        "₹" => Some("INR"),
        "₴" => Some("UAH"),
        "元" => Some("CNY"),
        "₩" => Some("KRW"),
        "₺" => Some("TRY"),
        "₪" => Some("ILS"),
        _ => None,
    }
}

/// The currency a (lowercase) name stands for.
fn currency_word(w: &str) -> Option<&'static str> {
    match w {
        "dollar" | "dollars" => Some("USD"),
        "euro" | "euros" => Some("EUR"),
        "pound" | "pounds" | "sterling" => Some("GBP"),
        "ruble" | "rubles" | "rouble" | "roubles" => Some("RUB"),
        "yen" => Some("JPY"),
        "yuan" | "renminbi" | "rmb" => Some("CNY"),
        "lari" => Some("GEL"),
        "hryvnia" | "hryvnias" => Some("UAH"),
        "rupee" | "rupees" => Some("INR"),
        "franc" | "francs" => Some("CHF"),
        "peso" | "pesos" => Some("MXN"),
        "won" => Some("KRW"),
        "rand" => Some("ZAR"),
        "lira" | "liras" => Some("TRY"),
        "shekel" | "shekels" => Some("ILS"),
        "zloty" | "zlotys" => Some("PLN"),
        "krona" | "kronor" => Some("SEK"),
        "krone" | "kroner" => Some("NOK"),
        "peseta" | "pesetas" => Some("ESP"),
        "guilder" | "guilders" => Some("NLG"),
        "markka" | "markkaa" => Some("FIM"),
        "mark" | "marks" | "deutschmark" | "deutschmarks" => Some("DEM"),
        "dinar" | "dinars" => Some("IQD"),
        "riyal" | "riyals" => Some("SAR"),
        _ => None,
    }
}

/// The currency a country adjective before a currency name narrows it to ("australian
/// dollars"); `None` when the word is not such an adjective.
fn national(adjective: &str, currency: &'static str) -> Option<&'static str> {
    Some(match (adjective, currency) {
        ("australian", "USD") => "AUD",
        ("canadian", "USD") => "CAD",
        ("singapore", "USD") => "SGD",
        ("taiwan", "USD") => "TWD",
        ("zealand", "USD") => "NZD",
        ("french", "CHF") => "FRF",
        ("belgian", "CHF") => "BEF",
        ("egyptian", "GBP") => "EGP",
        (
            "japanese" | "chinese" | "swiss" | "us" | "american" | "british" | "russian" | "dutch"
            | "finnish" | "german" | "mexican" | "indian" | "african" | "israeli" | "turkish"
            | "polish" | "swedish" | "norwegian" | "spanish" | "iraqi" | "saudi" | "georgian"
            | "ukrainian" | "korean",
            c,
        ) => c,
        _ => return None,
    })
}

/// The currency an ISO 4217 code stands for; codes count only in capitals ("500 EUR").
fn currency_code(w: &str) -> Option<&'static str> {
    CODES.iter().find(|c| **c == w).copied()
}

/// A currency written before the number: "$", "US$", "USD", "€", "EUR".
pub fn before(toks: &[Tok<'_>], at: usize) -> Option<Unit> {
    let prev = at.checked_sub(1).and_then(|i| toks.get(i))?;
    if prev.kind == TokKind::Punct {
        let name = symbol(prev.text)?;
        // "US$", "C$", "HK $": country letters before the dollar sign.
        let country = at.checked_sub(2).and_then(|i| toks.get(i)).and_then(|t| {
            let code = match t.text.to_ascii_lowercase().as_str() {
                "us" => "USD",
                "c" | "ca" | "can" => "CAD",
                "a" | "au" => "AUD",
                "hk" => "HKD",
                "nz" => "NZD",
                "s" => "SGD",
                _ => return None,
            };
            // A single letter counts only glued to the sign ("C$"), never the article "a".
            let glued = adjacent(t, prev);
            (prev.text == "$" && t.kind == TokKind::Word && (glued || t.text.len() > 1))
                .then_some(code)
        });
        let (name, first) = match country {
            Some(code) => (code, at - 2),
            None => (name, at - 1),
        };
        return Some(Unit {
            name,
            first,
            end: at,
        });
    }
    let name = currency_code(prev.text)?;
    Some(Unit {
        name,
        first: at - 1,
        end: at,
    })
}

/// A unit written after the number ending at token `at`: "%", "percent", "per cent",
/// "dollars", "US dollars", "euros".
pub fn after(toks: &[Tok<'_>], at: usize) -> Option<Unit> {
    let next = toks.get(at)?;
    if next.is_punct('%') {
        return Some(Unit {
            name: "percent",
            first: at,
            end: at + 1,
        });
    }
    if next.is("percent") || next.is("pct") || next.is("percents") || next.is("percentage") {
        return Some(Unit {
            name: "percent",
            first: at,
            end: at + 1,
        });
    }
    if next.is("per") && toks.get(at + 1).is_some_and(|t| t.is("cent")) {
        return Some(Unit {
            name: "percent",
            first: at,
            end: at + 2,
        });
    }
    if next.is("US")
        && toks
            .get(at + 1)
            .is_some_and(|t| t.is("dollars") || t.is("dollar"))
    {
        return Some(Unit {
            name: "USD",
            first: at,
            end: at + 2,
        });
    }
    // "100₾", "100 €": a currency sign written after the amount.
    if let Some(name) = (next.kind == TokKind::Punct)
        .then(|| symbol(next.text))
        .flatten()
    {
        return Some(Unit {
            name,
            first: at,
            end: at + 1,
        });
    }
    if let Some(name) = currency_code(next.text) {
        return Some(Unit {
            name,
            first: at,
            end: at + 1,
        });
    }
    let word = |t: &Tok<'_>| {
        (t.kind == TokKind::Word && t.text.len() <= 12).then(|| t.text.to_ascii_lowercase())
    };
    // "125 million australian dollars", "10,000 swiss francs".
    let adjective = word(next).and_then(|adj| {
        let cur = toks
            .get(at + 1)
            .and_then(word)
            .and_then(|w| currency_word(&w))?;
        national(&adj, cur)
    });
    if let Some(name) = adjective {
        return Some(Unit {
            name,
            first: at,
            end: at + 2,
        });
    }
    let currency = word(next).and_then(|w| currency_word(&w));
    match currency {
        Some(name) => Some(Unit {
            name,
            first: at,
            end: at + 1,
        }),
        None => measure_after(toks, at),
    }
}
