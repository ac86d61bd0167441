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
        self.name != "percent"
    }
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
        "yuan" | "renminbi" => Some("CNY"),
        "lari" => Some("GEL"),
        "hryvnia" | "hryvnias" => Some("UAH"),
        "rupee" | "rupees" => Some("INR"),
        "franc" | "francs" => Some("CHF"),
        _ => None,
    }
}

/// The currency an ISO 4217 code stands for; codes count only in capitals ("500 EUR").
fn currency_code(w: &str) -> Option<&'static str> {
    const CODES: [&str; 10] = [
        "USD", "EUR", "GBP", "RUB", "JPY", "CNY", "GEL", "UAH", "INR", "CHF",
    ];
    CODES.iter().find(|c| **c == w).copied()
}

/// A currency written before the number: "$", "US$", "USD", "€", "EUR".
pub fn before(toks: &[Tok<'_>], at: usize) -> Option<Unit> {
    let prev = at.checked_sub(1).and_then(|i| toks.get(i))?;
    if prev.kind == TokKind::Punct {
        let name = symbol(prev.text)?;
        // "US$": the country letters glued to the symbol.
        let first = match at.checked_sub(2).and_then(|i| toks.get(i)) {
            Some(t) if t.is("US") && adjacent(t, prev) => at - 2,
            _ => at - 1,
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
    if next.is("percent") || next.is("pct") {
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
    if let Some(name) = currency_code(next.text) {
        return Some(Unit {
            name,
            first: at,
            end: at + 1,
        });
    }
    if next.kind != TokKind::Word || next.text.len() > 9 {
        return None;
    }
    let name = currency_word(&next.text.to_ascii_lowercase())?;
    Some(Unit {
        name,
        first: at,
        end: at + 1,
    })
}
