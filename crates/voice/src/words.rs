//! Closed word classes for the label rules: determiners, prepositions, copulas, descriptor
//! nouns ("president", "dictator", "rebel leader") and the like.
//!
//! A token's class is a set of flags computed once from its lowercased form; open classes
//! (modifiers) are recognized by form as well as by list: hyphenated words ("pro-Western"),
//! adjectival suffixes ("Georgian", "separatist"), capitalized words and evaluative words.

use crate::vocab;

/// The flags of one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u32);

const DETERMINER: u32 = 1;
const POSSESSIVE_PRONOUN: u32 = 1 << 1;
const POSSESSIVE_MARK: u32 = 1 << 2;
const PREPOSITION: u32 = 1 << 3;
const CONJUNCTION: u32 = 1 << 4;
const RELATIVE: u32 = 1 << 5;
const SUBORDINATOR: u32 = 1 << 6;
const PRONOUN: u32 = 1 << 7;
const COPULA: u32 = 1 << 8;
const AUXILIARY: u32 = 1 << 9;
const PARTICIPLE: u32 = 1 << 10;
const HEDGE: u32 = 1 << 11;
const NEGATION: u32 = 1 << 12;
const REPORTING: u32 = 1 << 13;
const HONORIFIC: u32 = 1 << 14;
const TIME: u32 = 1 << 15;
const DESCRIPTOR: u32 = 1 << 16;
const MODIFIER: u32 = 1 << 17;
const NUMBER: u32 = 1 << 18;
const VERBAL: u32 = 1 << 19;
const EVALUATIVE: u32 = 1 << 20;

const FUNCTION: u32 = DETERMINER
    | POSSESSIVE_PRONOUN
    | PREPOSITION
    | CONJUNCTION
    | RELATIVE
    | SUBORDINATOR
    | PRONOUN
    | COPULA
    | AUXILIARY
    | PARTICIPLE
    | HEDGE
    | NEGATION
    | REPORTING
    | HONORIFIC
    | TIME;

/// Nouns that describe a person or group by role, stance or character. Plurals match too.
pub(crate) const DESCRIPTORS: &[&str] = &[
    "activist",
    "adviser",
    "advisor",
    "aide",
    "ally",
    "ambassador",
    "analyst",
    "architect",
    "army",
    "autocrat",
    "backer",
    "boss",
    "brigade",
    "butcher",
    "candidate",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "challenger",
    "champion",
    "chancellor",
    "chief",
    "cleric",
    "colonel",
    "commander",
    "commissioner",
    "counterpart",
    "criminal",
    "critic",
    "czar",
    "demagogue",
    "deputy",
    "despot",
    "dictator",
    "diplomat",
    "director",
    "dissident",
    "emir",
    "envoy",
    "extremist",
    "fighter",
    "figurehead",
    "firebrand",
    "founder",
    "gangster",
    "general",
    "government",
    "governor",
    "guerrilla",
    "hardliner",
    "hawk",
    "head",
    "hero",
    "incumbent",
    "insurgent",
    "junta",
    "king",
    "kingpin",
    "lawmaker",
    "leader",
    "legislator",
    "liar",
    "loyalist",
    "madman",
    "marshal",
    "mastermind",
    "maverick",
    "mayor",
    "mercenary",
    "militant",
    "militia",
    "minister",
    "moderate",
    "monster",
    "murderer",
    "nationalist",
    "negotiator",
    "occupier",
    "official",
    "oligarch",
    "opponent",
    "patriot",
    "peacekeeper",
    "peacemaker",
    "populist",
    "predecessor",
    "premier",
    "president",
    "prime",
    "prince",
    "protege",
    "puppet",
    "queen",
    "radical",
    "rebel",
    "reformer",
    "regime",
    "representative",
    "rival",
    "ruler",
    "secretary",
    "senator",
    "separatist",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sponsor",
    "statesman",
    "strongman",
    "successor",
    "sultan",
    "supporter",
    "terrorist",
    "thug",
    "tsar",
    "tycoon",
    "tyrant",
    "victim",
    "villain",
    "warlord",
    "warmonger",
    "zealot",
];

/// Adjectives that commonly modify a descriptor ("former", "embattled", "self-styled").
pub(crate) const MODIFIERS: &[&str] = &[
    "acting",
    "authoritarian",
    "beleaguered",
    "brutal",
    "controversial",
    "corrupt",
    "current",
    "de",
    "defence",
    "defense",
    "defiant",
    "democratic",
    "deposed",
    "disgraced",
    "elected",
    "embattled",
    "exiled",
    "facto",
    "fiery",
    "foreign",
    "former",
    "hardline",
    "interim",
    "interior",
    "longtime",
    "military",
    "new",
    "notorious",
    "ousted",
    "outgoing",
    "party",
    "police",
    "policy",
    "powerful",
    "rebel",
    "security",
    "senior",
    "state",
    "top",
    "veteran",
    "war",
    "wartime",
    "would-be",
];

/// Adjectival endings ("Georgian", "Japanese", "separatist", "heroic", "national").
const MODIFIER_SUFFIXES: &[&str] = &[
    "ian", "ese", "ish", "ist", "ic", "al", "ive", "ous", "ary", "ful", "less", "ern",
];

impl WordClass {
    /// The class of a token as written.
    pub fn of(word: &str) -> WordClass {
        let mut buffer = [0u8; 32];
        let Some(lower) = ascii_lower(word, &mut buffer) else {
            // Non-ASCII words: only the typographic possessive and capitalization matter.
            let mut flags = 0;
            if matches!(word, "’s" | "’S" | "’") {
                flags |= POSSESSIVE_MARK;
            } else if is_capitalized(word) {
                flags |= MODIFIER;
            }
            return WordClass(flags);
        };
        let entry = vocab::lookup_bytes(lower);
        let mut flags = entry.closed_class();
        // Plurals of descriptors ("leaders"), but not "boss" → "bos".
        let plural_of_descriptor = || {
            lower
                .strip_suffix(b"s")
                .filter(|s| !s.ends_with(b"s"))
                .is_some_and(|stem| vocab::lookup_bytes(stem).is_descriptor())
        };
        if entry.is_descriptor() || plural_of_descriptor() {
            flags |= DESCRIPTOR;
        }
        let evaluative = entry.is_evaluative();
        if evaluative {
            flags |= EVALUATIVE;
        }
        if flags & FUNCTION == 0 {
            let suffixed = lower.len() >= 5
                && MODIFIER_SUFFIXES
                    .iter()
                    .any(|s| lower.ends_with(s.as_bytes()));
            let hyphenated = lower.contains(&b'-') && lower.iter().any(u8::is_ascii_alphabetic);
            if entry.is_listed_modifier()
                || suffixed
                || hyphenated
                || evaluative
                || is_capitalized(word)
            {
                flags |= MODIFIER;
            } else if lower.len() > 4 && lower.ends_with(b"ed") && flags & DESCRIPTOR == 0 {
                flags |= VERBAL;
            }
        }
        WordClass(flags)
    }

    fn has(self, flag: u32) -> bool {
        self.0 & flag != 0
    }

    pub fn is_determiner(self) -> bool {
        self.has(DETERMINER)
    }
    pub fn is_possessive_pronoun(self) -> bool {
        self.has(POSSESSIVE_PRONOUN)
    }
    pub fn is_possessive_mark(self) -> bool {
        self.has(POSSESSIVE_MARK)
    }
    pub fn is_preposition(self) -> bool {
        self.has(PREPOSITION)
    }
    pub fn is_relative_pronoun(self) -> bool {
        self.has(RELATIVE)
    }
    pub fn is_copula(self) -> bool {
        self.has(COPULA)
    }
    pub fn is_copula_auxiliary(self) -> bool {
        self.has(AUXILIARY)
    }
    pub fn is_copula_participle(self) -> bool {
        self.has(PARTICIPLE)
    }
    pub fn is_hedge_adverb(self) -> bool {
        self.has(HEDGE)
    }
    pub fn is_negation(self) -> bool {
        self.has(NEGATION)
    }
    pub fn is_reporting_verb(self) -> bool {
        self.has(REPORTING)
    }
    pub fn is_number_word(self) -> bool {
        self.has(NUMBER)
    }
    pub fn is_descriptor(self) -> bool {
        self.has(DESCRIPTOR) && !self.has(FUNCTION)
    }
    pub fn is_modifier(self) -> bool {
        self.has(MODIFIER)
    }
    pub fn is_evaluative(self) -> bool {
        self.has(EVALUATIVE)
    }
    pub fn is_function_word(self) -> bool {
        self.has(FUNCTION)
    }
    /// A verb form that is not a known modifier ("shelled").
    pub fn looks_verbal(self) -> bool {
        self.has(VERBAL)
    }
    /// A word that cannot continue a noun phrase.
    pub fn ends_phrase(self) -> bool {
        self.has(
            PREPOSITION
                | CONJUNCTION
                | RELATIVE
                | SUBORDINATOR
                | PRONOUN
                | COPULA
                | AUXILIARY
                | PARTICIPLE
                | NEGATION
                | REPORTING,
        )
    }
    /// A word that shows the phrase before it is part of a clause, not a noun phrase.
    pub fn is_clause_word(self) -> bool {
        self.has(PRONOUN | COPULA | AUXILIARY | PARTICIPLE | NEGATION | REPORTING)
    }
}

/// Closed-class words by their flags. Each word is in one row; lookups go through
/// [`crate::vocab`], which holds these rows with every other list.
pub(crate) const CLOSED_CLASSES: &[(u32, &[&str])] = &[
    (DETERMINER, &["the", "a", "an", "this", "these", "those"]),
    (DETERMINER | RELATIVE, &["that"]),
    (
        POSSESSIVE_PRONOUN,
        &["his", "her", "its", "their", "our", "my", "your"],
    ),
    (POSSESSIVE_MARK, &["'s", "'"]),
    (
        PREPOSITION,
        &[
            "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "as",
            "after", "before", "against", "about", "over", "under", "between", "during", "since",
            "than", "via", "across", "through", "toward", "towards", "near", "without", "within",
            "amid", "among", "upon", "like",
        ],
    ),
    (CONJUNCTION, &["and", "or", "but", "nor", "yet", "so"]),
    (RELATIVE, &["who", "which", "whose", "whom"]),
    (
        SUBORDINATOR,
        &[
            "when", "where", "while", "because", "although", "though", "if", "whether", "until",
            "unless",
        ],
    ),
    (
        PRONOUN,
        &[
            "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "there",
        ],
    ),
    (
        COPULA,
        &[
            "is", "was", "are", "were", "remains", "remained", "becomes", "became", "seems",
            "seemed", "looks", "looked",
        ],
    ),
    (
        AUXILIARY,
        &[
            "has", "had", "have", "will", "would", "could", "may", "might", "must", "should",
            "can", "shall", "do", "does", "did",
        ],
    ),
    (PARTICIPLE, &["been", "become", "be", "being"]),
    (
        HEDGE,
        &[
            "now",
            "still",
            "also",
            "already",
            "just",
            "clearly",
            "effectively",
            "essentially",
            "simply",
            "really",
            "widely",
            "increasingly",
            "merely",
            "only",
            "truly",
            "indeed",
            "arguably",
            "perhaps",
            "probably",
            "once",
            "seen",
        ],
    ),
    (NEGATION, &["not", "never", "no", "n't", "nothing"]),
    (
        REPORTING,
        &[
            "said",
            "says",
            "say",
            "told",
            "tells",
            "added",
            "adds",
            "announced",
            "declared",
            "according",
            "noted",
            "stated",
            "wrote",
            "insisted",
            "warned",
            "claimed",
            "replied",
            "argued",
            "asked",
            "accused",
            "called",
            "denied",
            "urged",
        ],
    ),
    (
        HONORIFIC,
        &[
            "mr", "mrs", "ms", "dr", "sir", "madam", "mr.", "mrs.", "ms.", "dr.",
        ],
    ),
    (
        TIME,
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "overnight",
        ],
    ),
    (NUMBER, &["one"]),
];

/// `word` lowercased into `buffer` when it is short ASCII (typographic apostrophes folded);
/// `None` otherwise.
fn ascii_lower<'b>(word: &str, buffer: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    const APOSTROPHE: &[u8] = "’".as_bytes();
    let bytes = word.as_bytes();
    let mut len = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (byte, width) = if b.is_ascii() {
            (b.to_ascii_lowercase(), 1)
        } else if bytes[i..].starts_with(APOSTROPHE) {
            (b'\'', APOSTROPHE.len())
        } else {
            return None;
        };
        *buffer.get_mut(len)? = byte;
        len += 1;
        i += width;
    }
    buffer.get(..len)
}

/// Whether `word` starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is punctuation only (no letter or digit).
pub fn is_punctuation(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(DESCRIPTORS.windows(2).all(|w| w[0] < w[1]));
        assert!(MODIFIERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn classes() {
        assert!(WordClass::of("President").is_descriptor());
        assert!(WordClass::of("leaders").is_descriptor());
        assert!(WordClass::of("pro-Western").is_modifier());
        assert!(WordClass::of("Georgian").is_modifier());
        assert!(WordClass::of("’s").is_possessive_mark());
        assert!(WordClass::of("shelled").looks_verbal());
        assert!(!WordClass::of("Friday").is_modifier());
        assert!(WordClass::of("who").is_relative_pronoun());
    }
}
