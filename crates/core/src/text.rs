//! Small, allocation-light helpers over UTF-8 text shared by annotators.

/// The largest char boundary of `text` at or below `at`.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or above `at`.
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `phrase` up to a relative clause that follows its head, without trailing commas or
/// spaces: "the official, who asked not to be named," → "the official", "GOP sources who
/// provided the draft" → "GOP sources". A phrase that starts with the pronoun is kept whole.
pub fn without_relative_clause(phrase: &str) -> &str {
    const RELATIVE: [&str; 5] = ["who", "whom", "whose", "which", "that"];
    let is_break = |c: char| c.is_whitespace() || c == ',';
    let mut end = phrase.len();
    let mut rest = phrase;
    while let Some(start) = rest.find(|c: char| !is_break(c)) {
        let word_start = phrase.len() - rest.len() + start;
        let word = &rest[start..];
        let word = &word[..word.find(is_break).unwrap_or(word.len())];
        if word_start > 0 && RELATIVE.iter().any(|r| word.eq_ignore_ascii_case(r)) {
            end = word_start;
            break;
        }
        rest = &rest[start + word.len()..];
    }
    phrase[..end].trim_end_matches(is_break)
}

/// Whether the word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A number for people: thousands separators ("30,000", "2,291,666.5") and at most three
/// decimals, trailing zeros dropped (a median of two stated values may be fractional).
pub fn format_number(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let fixed = format!("{:.3}", v.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut out = String::with_capacity(fixed.len() + whole.len() / 3 + 1);
    if v < 0.0 && (whole != "0" || !fraction.is_empty()) {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// An amount for people: below a million as [`format_number`] writes it, from a million up in
/// words with at most four significant digits, cut rather than rounded so that a bound never
/// reads past itself ("716 billion", "13.62 million" for 13,625,777, "999.9 billion" for the
/// top of "billions"). A reader compares "$716 billion" with "882 billion" at a glance, not
/// "716,000,000,000" with "882,000,000,000".
pub fn format_amount(v: f64) -> String {
    const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    let Some(&(scale, name)) = SCALES.iter().find(|(s, _)| v.is_finite() && v.abs() >= *s) else {
        return format_number(v);
    };
    let x = v.abs() / scale;
    let digits = 4 - (x.log10().floor() as i32 + 1).clamp(1, 4);
    let step = 10f64.powi(digits);
    // The epsilon keeps 4.6 from reading as 4.599 through binary fractions.
    let cut = (x * step + 1e-9).trunc() / step;
    let sign = if v < 0.0 { "-" } else { "" };
    format!("{sign}{} {name}", format_number(cut))
}

/// A claim's estimate as [`format_amount`] writes it, or "—" when the claim has none (a low
/// estimate of an upper bound, say); the report and the web app print estimates alike.
pub fn format_estimate(v: Option<f64>) -> String {
    v.map(format_amount).unwrap_or_else(|| "—".into())
}

/// The entries of a word-list file compiled into the crate (`data/*.txt`): its lines without
/// `#` comments and blank lines, trimmed. One reader for every list of closed-class words.
pub fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

#[cfg(test)]
mod tests {

    #[test]
    fn amounts_from_a_million_are_in_words() {
        assert_eq!(format_amount(750_000.0), "750,000");
        assert_eq!(format_amount(716e9), "716 billion");
        assert_eq!(format_amount(4.6e6), "4.6 million");
        assert_eq!(format_amount(13_625_777.0), "13.62 million");
        assert_eq!(format_amount(999_999_999_999.0), "999.9 billion");
        assert_eq!(format_amount(6.5e12), "6.5 trillion");
        assert_eq!(format_amount(-2e6), "-2 million");
    }
    use super::*;

    #[test]
    fn relative_clauses_are_cut_from_phrases() {
        assert_eq!(
            without_relative_clause("the official, who asked not to be named,"),
            "the official"
        );
        assert_eq!(
            without_relative_clause("GOP sources who provided the draft to CNN"),
            "GOP sources"
        );
        assert_eq!(
            without_relative_clause("Mr Kelidze, who has led the country since 2024,"),
            "Mr Kelidze"
        );
        assert_eq!(without_relative_clause("Dmitri Orlov,"), "Dmitri Orlov");
        assert_eq!(without_relative_clause("who"), "who");
        assert_eq!(
            without_relative_clause("Whoopi Goldberg"),
            "Whoopi Goldberg"
        );
        assert_eq!(without_relative_clause(""), "");
        assert_eq!(
            without_relative_clause("the envoy,\u{a0}who spoke"),
            "the envoy"
        );
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(format_number(30000.0), "30,000");
        assert_eq!(format_number(-1500.0), "-1,500");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(2291666.5), "2,291,666.5");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(-0.0001), "0");
        assert_eq!(format_number(f64::INFINITY), "inf");
    }

    #[test]
    fn boundaries_move_off_multibyte_chars() {
        let text = "a–b";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 4);
        assert_eq!(floor_char_boundary(text, 99), text.len());
    }
}
