//! The word lists of the events annotator, read once from the commented data files under
//! `lexicon/` (triggers, modality, actor nouns, mode words, clause boundaries, words never
//! triggers), and the one stem function both the lists and the text are matched through.

use parallax_core::EventType;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A word's matching stem, from its lowercase form: a few English suffixes off ("-ies", "-ied",
/// "-ing", "-ed", "-es", "-s"), then a final "e" and a doubled final consonant, so that
/// "shelled", "shelling" and "shells" meet "shell", and "strikes", "striking" meet "strike".
/// Irregular forms ("struck", "fought") are listed in the data files as words of their own.
pub fn stem(lower: &str) -> &str {
    // The lists are ASCII; a word that is not is left whole (and slicing stays on boundaries).
    if !lower.is_ascii() {
        return lower;
    }
    let b = lower.as_bytes();
    let n = b.len();
    let mut s = if n > 4 && (lower.ends_with("ies") || lower.ends_with("ied")) {
        // "rallies", "denied": the "y" is restored below by comparing stems of "-y" words the
        // same way ("rally" → "rall", "deny" → "den"), so both sides drop it.
        &lower[..n - 3]
    } else if n >= 6 && lower.ends_with("ing") {
        &lower[..n - 3]
    } else if (n >= 5 && lower.ends_with("ed"))
        || (n >= 5
            && lower.ends_with("es")
            && (lower[..n - 2].ends_with(['s', 'x', 'z']) || lower[..n - 2].ends_with("ch")))
    {
        &lower[..n - 2]
    } else if n >= 4
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        &lower[..n - 1]
    } else {
        lower
    };
    if s.len() >= 4 && s.ends_with('y') {
        s = &s[..s.len() - 1];
    }
    if s.len() >= 4 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    let sb = s.as_bytes();
    if sb.len() >= 4 {
        let (a, z) = (sb[sb.len() - 2], sb[sb.len() - 1]);
        if a == z && !matches!(z, b'a' | b'e' | b'i' | b'o' | b'u' | b's') {
            s = &s[..s.len() - 1];
        }
    }
    s
}

/// One slot of a pattern: the stems it accepts.
pub type Slot = Vec<String>;

/// A trigger pattern with the event it codes.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub event_type: EventType,
    pub mode: Option<&'static str>,
    pub slots: Vec<Slot>,
}

/// A mode-word pattern.
#[derive(Debug, Clone)]
pub struct ModeWord {
    pub mode: &'static str,
    pub slots: Vec<Slot>,
}

/// A sense of a trigger word decided by its sentence (`lexicon/senses.txt`).
#[derive(Debug, Clone)]
pub struct Sense {
    /// `None`: in this sense the word codes no event ("struck a different tone").
    pub event_type: Option<EventType>,
    pub mode: Option<&'static str>,
    /// Stems of which one must stand in the sentence (none listed: any sentence will do).
    pub context: FxHashSet<String>,
    /// Stems of which none may stand in the sentence (written `!word`).
    pub unless: FxHashSet<String>,
}

/// What a modality word does to the event it governs (see `lexicon/modality.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    Threaten,
    Promise,
    Demand,
    Refuse,
    Deny,
    Plan,
    Future,
    Hypothetical,
    Negation,
    /// A noun of reported statements ("claims"): after a refusal or denial, a denial.
    Claim,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Threaten => "threaten",
            Modality::Promise => "promise",
            Modality::Demand => "demand",
            Modality::Refuse => "refuse",
            Modality::Deny => "deny",
            Modality::Plan => "plan",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Negation => "negation",
            Modality::Claim => "claim",
        }
    }

    fn parse(name: &str) -> Option<Modality> {
        Some(match name {
            "threaten" => Modality::Threaten,
            "promise" => Modality::Promise,
            "demand" => Modality::Demand,
            "refuse" => Modality::Refuse,
            "deny" => Modality::Deny,
            "plan" => Modality::Plan,
            "future" => Modality::Future,
            "hypothetical" => Modality::Hypothetical,
            "negation" => Modality::Negation,
            "claim" => Modality::Claim,
            _ => return None,
        })
    }
}

/// Stems of `lexicon/complements.txt`, by section.
#[derive(Debug, Default)]
pub struct Complements {
    /// Verbs of being and posing, right before the article ("poses a threat").
    pub copulas: FxHashSet<String>,
    /// Verbs of judging and naming, their object between ("consider the bill a threat").
    pub verbs: FxHashSet<String>,
    /// Words that may stand between a copula and the article ("is not a threat").
    pub between: FxHashSet<String>,
    /// Words that end the complement between a verb and the article ("killed in a").
    pub breaks: FxHashSet<String>,
}

/// Every list, indexed for the per-token lookups.
#[derive(Debug)]
pub struct Lexicon {
    pub triggers: Vec<Trigger>,
    /// Trigger indices by the stem of their first slot, longest pattern first.
    pub first: FxHashMap<String, Vec<usize>>,
    pub modes: Vec<ModeWord>,
    pub mode_first: FxHashMap<String, Vec<usize>>,
    pub modality: FxHashMap<String, Modality>,
    pub sectors: FxHashMap<String, &'static str>,
    pub boundaries: FxHashSet<String>,
    /// The senses of ambiguous trigger words, by the word's stem, in file order.
    pub senses: FxHashMap<String, Vec<Sense>>,
    /// Words, as written (lowercase), that are never triggers however they stem: the actor
    /// nouns ("aides" is not "aid") and the clause boundaries ("according" is not "accord").
    pub not_triggers: FxHashSet<String>,
    /// Longest word of any list: longer words are never looked up.
    pub max_len: usize,
    /// The sections of `lexicon/complements.txt`: the verbs after which "a threat", "an
    /// attack" describes, not reports, and the words between such a verb and the article.
    pub complements: Complements,
}

fn content_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn slots(pattern: &[&str]) -> Vec<Slot> {
    pattern
        .iter()
        .map(|slot| {
            slot.split('|')
                .map(|w| stem(&w.to_ascii_lowercase()).to_string())
                .collect()
        })
        .collect()
}

fn mode_of(word: &'static str) -> Option<&'static str> {
    (word != "-").then_some(word)
}

fn index(first: &mut FxHashMap<String, Vec<usize>>, slots: &[Slot], i: usize) {
    if let Some(slot) = slots.first() {
        for w in slot {
            first.entry(w.clone()).or_default().push(i);
        }
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut max_len = 0;
        let mut triggers = Vec::new();
        for line in content_lines(include_str!("../lexicon/triggers.txt")) {
            let fields: Vec<&'static str> = line.split_whitespace().collect();
            let (Some(t), Some(m)) = (fields.first(), fields.get(1)) else {
                continue;
            };
            let Some(event_type) = EventType::parse(t) else {
                continue;
            };
            if fields.len() < 3 {
                continue;
            }
            triggers.push(Trigger {
                event_type,
                mode: mode_of(m),
                slots: slots(&fields[2..]),
            });
        }
        let mut modes = Vec::new();
        for line in content_lines(include_str!("../lexicon/modes.txt")) {
            let fields: Vec<&'static str> = line.split_whitespace().collect();
            if fields.len() >= 2 {
                modes.push(ModeWord {
                    mode: fields[0],
                    slots: slots(&fields[1..]),
                });
            }
        }
        let mut modality = FxHashMap::default();
        let mut section = None;
        for line in content_lines(include_str!("../lexicon/modality.txt")) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Modality::parse(name);
            } else if let Some(m) = section {
                modality.entry(stem(line).to_string()).or_insert(m);
                max_len = max_len.max(line.len());
            }
        }
        let mut sectors = FxHashMap::default();
        for line in content_lines(include_str!("../lexicon/actors.txt")) {
            let mut words = line.split_whitespace();
            let Some(sector) = words.next() else { continue };
            for w in words {
                sectors.entry(stem(w).to_string()).or_insert(sector);
                max_len = max_len.max(w.len());
            }
        }
        let mut senses: FxHashMap<String, Vec<Sense>> = FxHashMap::default();
        for line in content_lines(include_str!("../lexicon/senses.txt")) {
            let fields: Vec<&'static str> = line.split_whitespace().collect();
            let (Some(word), Some(t), Some(m)) = (fields.first(), fields.get(1), fields.get(2))
            else {
                continue;
            };
            let event_type = match *t {
                "-" => None,
                t => match EventType::parse(t) {
                    Some(e) => Some(e),
                    None => continue,
                },
            };
            let (unless, context): (Vec<&str>, Vec<&str>) =
                fields[3..].iter().partition(|w| w.starts_with('!'));
            let stems = |ws: Vec<&str>| -> FxHashSet<String> {
                ws.iter()
                    .map(|w| stem(&w.trim_start_matches('!').to_ascii_lowercase()).to_string())
                    .collect()
            };
            let (context, unless) = (stems(context), stems(unless));
            let list = senses.entry(stem(word).to_string()).or_default();
            // Lines of the same word, type and mode add context words to one sense.
            match list
                .iter_mut()
                .find(|s| s.event_type == event_type && s.mode == mode_of(m))
            {
                Some(sense) => {
                    sense.context.extend(context);
                    sense.unless.extend(unless);
                }
                None => list.push(Sense {
                    event_type,
                    mode: mode_of(m),
                    context,
                    unless,
                }),
            }
        }
        let boundaries = content_lines(include_str!("../lexicon/clauses.txt"))
            .flat_map(str::split_whitespace)
            .map(|w| stem(w).to_string())
            .collect();
        let not_triggers = content_lines(include_str!("../lexicon/clauses.txt"))
            .flat_map(str::split_whitespace)
            .chain(content_lines(include_str!("../lexicon/not_triggers.txt")))
            .chain(
                content_lines(include_str!("../lexicon/actors.txt"))
                    .flat_map(|l| l.split_whitespace().skip(1)),
            )
            .map(str::to_string)
            .collect();
        let mut complements = Complements::default();
        let mut section = &mut complements.copulas;
        for line in content_lines(include_str!("../lexicon/complements.txt")) {
            match line {
                "[copulas]" => section = &mut complements.copulas,
                "[verbs]" => section = &mut complements.verbs,
                "[between]" => section = &mut complements.between,
                "[breaks]" => section = &mut complements.breaks,
                w => {
                    section.insert(stem(w).to_string());
                }
            }
        }
        let mut first = FxHashMap::default();
        for (i, t) in triggers.iter().enumerate() {
            index(&mut first, &t.slots, i);
        }
        let mut mode_first = FxHashMap::default();
        for (i, m) in modes.iter().enumerate() {
            index(&mut mode_first, &m.slots, i);
        }
        for list in first.values_mut().chain(mode_first.values_mut()) {
            list.sort_by_key(|&i| std::cmp::Reverse(i));
        }
        for list in first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(triggers[i].slots.len()));
        }
        for list in mode_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(modes[i].slots.len()));
        }
        for slot in triggers
            .iter()
            .flat_map(|t| &t.slots)
            .chain(modes.iter().flat_map(|m| &m.slots))
        {
            for w in slot {
                max_len = max_len.max(w.len() + 4);
            }
        }
        Lexicon {
            triggers,
            first,
            modes,
            mode_first,
            modality,
            sectors,
            boundaries,
            senses,
            not_triggers,
            max_len,
            complements,
        }
    }
}

/// The lexicon, read on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_meet_their_base_form() {
        for (a, b) in [
            ("shelled", "shell"),
            ("shelling", "shell"),
            ("shells", "shell"),
            ("strikes", "strike"),
            ("striking", "strike"),
            ("denied", "deny"),
            ("rallies", "rally"),
            ("marches", "march"),
            ("stopped", "stop"),
            ("threatened", "threaten"),
            ("arrested", "arrest"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("was"), stem("war"));
        assert_eq!(stem("its"), "its");
    }

    #[test]
    fn every_data_file_line_is_read() {
        let lex = lexicon();
        assert!(lex.triggers.len() > 250);
        assert!(lex.first.contains_key(stem("shelled")));
        assert_eq!(
            lex.modality.get(stem("threatened")),
            Some(&Modality::Threaten)
        );
        assert_eq!(lex.sectors.get(stem("drones")), Some(&"military"));
        assert!(lex.boundaries.contains(stem("said")));
        let strike = &lex.senses[stem("strike")];
        let labour = strike
            .iter()
            .find(|s| s.event_type == Some(EventType::Protest))
            .unwrap();
        assert!(labour.context.contains(stem("workers")));
        assert!(labour.context.contains(stem("strikers")));
    }
}
