//! Which spans of an article name places.
//!
//! - A proper-name mention the entity layer typed GPE or LOC is a place mention, whole
//!   ("Basra", "the Gulf of Aden" as tagged; grown to "Gulf of Aden" when only "Gulf" or
//!   "Aden" was tagged and the gazetteer knows the whole), unless a hyphen and a word of
//!   `lexicon/not_places.txt` follow it: "a Gaza-style blockade" describes, it does not
//!   locate; nor is a lone word of `lexicon/not_alone.txt` ("the West").
//! - Inside any other proper name (an organization, a facility, an event: "Basra Provincial
//!   Council", "Baghdad International Airport", "Boston Marathon"), the longest run of
//!   capitalized words that the gazetteer knows as a country, a region or a place of at least
//!   [`EMBEDDED_MIN_POPULATION`] people is a place mention. People's names are not searched
//!   ("Paris Hilton").
//! - A capitalized word that names a place right before a title written with a person's name
//!   ("Basra governor Asaad al-Eidani": the title is the mention's role) is found the same way
//!   in the words just before the mention.

use crate::fold::fold;
use crate::gazetteer::{Gazetteer, Kind};
use parallax_core::{EntityType, Mention, MentionKind, Span};
use std::sync::OnceLock;

/// The smallest population of a place found inside another name.
pub const EMBEDDED_MIN_POPULATION: u64 = 100_000;

/// A span of the text that names a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    /// The entity mention that is or holds it.
    pub mention: Option<usize>,
}

fn not_place_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::lexicon_lines(include_str!("../lexicon/not_places.txt"))
            .map(str::to_string)
            .collect()
    })
}

fn alone_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::lexicon_lines(include_str!("../lexicon/not_alone.txt"))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Whether a whole mention is a word that names no place alone ("the West").
fn no_place_alone(name: &str) -> bool {
    alone_words().iter().any(|w| w.eq_ignore_ascii_case(name))
}

/// Whether `text[end..]` makes the place before it a description ("-style").
fn describes(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix('-')) else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    not_place_words().contains(&word)
}

/// The words of `text[span]`: runs of letters, digits, apostrophes and periods, as spans.
fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let slice = &text[span.range()];
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || c == '\'' || c == '.' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(span.start + s, span.start + i));
                start = None;
            }
            _ => {}
        }
    }
    // A trailing period ends a sentence or an abbreviation, not a name.
    for w in &mut out {
        while w.end > w.start && text[w.range()].ends_with('.') {
            w.end -= 1;
        }
    }
    out.retain(|w| !w.is_empty());
    out
}

fn notable(gazetteer: &Gazetteer, key: &str) -> bool {
    gazetteer.lookup(key).iter().any(|&i| {
        let e = gazetteer.entry(i);
        matches!(e.kind, Kind::Country | Kind::Admin1 | Kind::Continent)
            || (e.kind != Kind::Admin2 && e.population >= EMBEDDED_MIN_POPULATION)
    })
}

/// The longest runs of capitalized words inside `span` that name a notable place, only
/// separated by spaces or hyphens.
fn embedded(text: &str, span: Span, gazetteer: &Gazetteer) -> Vec<Span> {
    let words = words(text, span);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut best = None;
        for j in (i..words.len().min(i + 4)).rev() {
            let run = Span::new(words[i].start, words[j].end);
            let capitalized = words[i..=j]
                .iter()
                .all(|w| parallax_core::text::is_capitalized(&text[w.range()]));
            let joined = words[i..j]
                .iter()
                .zip(&words[i + 1..=j])
                .all(|(a, b)| text[a.end..b.start].chars().all(|c| c == ' ' || c == '-'));
            if capitalized && joined && notable(gazetteer, &fold(&text[run.range()])) {
                best = Some((j, run));
                break;
            }
        }
        match best {
            Some((j, run)) => {
                out.push(run);
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Capitalized words (up to three) right after `at`, as one span; `None` when none.
fn capitalized_after(text: &str, at: usize) -> Option<Span> {
    let rest = &text[at..];
    let mut end = at;
    for (n, word) in rest.split(' ').enumerate().take(3) {
        let clean = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !parallax_core::text::is_capitalized(clean) {
            break;
        }
        end = at + rest.split(' ').take(n).map(|w| w.len() + 1).sum::<usize>() + clean.len();
        if clean.len() != word.len() {
            break;
        }
    }
    (end > at).then(|| Span::new(at, end))
}

/// `span` grown to a name "X of Y" the gazetteer holds when the entity layer tagged only one
/// side of it ("Gulf" and "Aden" of "Gulf of Aden"), else `span`.
fn with_of(text: &str, span: Span, gazetteer: &Gazetteer) -> Span {
    let known = |s: Span| !gazetteer.lookup(&fold(&text[s.range()])).is_empty();
    // "Gulf" + " of Aden".
    if text[span.end..].starts_with(" of ") {
        if let Some(after) = capitalized_after(text, span.end + 4) {
            let mut words: Vec<usize> = text[after.range()]
                .match_indices(' ')
                .map(|(i, _)| after.start + i)
                .collect();
            words.push(after.end);
            for &end in words.iter().rev() {
                let longer = Span::new(span.start, end);
                if known(longer) {
                    return longer;
                }
            }
        }
    }
    // "Gulf of " + "Aden": up to three capitalized words before " of ".
    if let Some(before) = text[..span.start].strip_suffix(" of ") {
        let mut start = before.len();
        for _ in 0..3 {
            let word_start = before[..start].rfind(' ').map_or(0, |i| i + 1);
            if !parallax_core::text::is_capitalized(&before[word_start..start]) {
                break;
            }
            start = word_start;
            let longer = Span::new(start, span.end);
            if known(longer) {
                return longer;
            }
            if start == 0 {
                break;
            }
            start -= 1;
        }
    }
    span
}

/// The place mentions of a text, in text order.
pub fn find(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for (index, m) in mentions.iter().enumerate() {
        if m.kind != MentionKind::Name || m.span.slice(text).is_err() {
            continue;
        }
        let spans = match m.entity_type {
            EntityType::Gpe | EntityType::Loc => vec![with_of(text, m.span, gazetteer)],
            EntityType::Org | EntityType::Fac | EntityType::Event | EntityType::Misc => {
                embedded(text, m.span, gazetteer)
            }
            EntityType::Person => match &m.role {
                // The title is written before the name: look at up to four words before it.
                Some(_) => {
                    let from = parallax_core::text::floor_char_boundary(
                        text,
                        m.span.start.saturating_sub(40),
                    );
                    let before = Span::new(from, m.span.start);
                    let found = embedded(text, before, gazetteer);
                    // Only the run nearest the name, and only when nothing but the title's
                    // words lies between ("Basra governor", not "in Basra, the governor").
                    found
                        .into_iter()
                        .last()
                        .filter(|run| {
                            text[run.end..m.span.start]
                                .chars()
                                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                        })
                        .into_iter()
                        .collect()
                }
                None => Vec::new(),
            },
            EntityType::Norp => Vec::new(),
        };
        for span in spans {
            if describes(text, span.end) || no_place_alone(&text[span.range()]) {
                continue;
            }
            out.push(Found {
                span,
                mention: Some(index),
            });
        }
    }
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    // Overlapping finds keep the first, longest one.
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        if kept.last().is_none_or(|k| k.span.end <= f.span.start) {
            kept.push(f);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_style_suffix_is_a_description() {
        let text = "a Gaza-style blockade near Gaza-based groups";
        assert!(describes(text, 6));
        assert!(!describes(text, 31));
    }

    #[test]
    fn a_name_of_two_sides_is_found_whole() {
        let g = crate::gazetteer::embedded().unwrap();
        let text = "Pirates struck in the Gulf of Aden, off Aden, on Friday.";
        let gulf = Span::new(22, 26);
        let aden = Span::new(30, 34);
        assert_eq!(&text[with_of(text, gulf, g).range()], "Gulf of Aden");
        assert_eq!(&text[with_of(text, aden, g).range()], "Gulf of Aden");
        let alone = Span::new(40, 44);
        assert_eq!(&text[alone.range()], "Aden");
        assert_eq!(with_of(text, alone, g), alone);
    }

    #[test]
    fn words_drop_trailing_periods() {
        let text = "Cambridge, Mass. and St. Louis.";
        let ws: Vec<&str> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| &text[w.range()])
            .collect();
        assert_eq!(ws, ["Cambridge", "Mass", "and", "St", "Louis"]);
    }
}
