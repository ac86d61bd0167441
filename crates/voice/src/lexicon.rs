//! A small hand-written lexicon of the cues that separate an author's opinion from reporting.
//!
//! Word n-grams learn these from data too, but the training set is small (about a thousand
//! sentences), so grouping the cues into classes lets one weight per class generalize to cue
//! words the training sentences never used. Entries are normalized as [`crate::tokens`] emits
//! them (lowercase, ASCII apostrophes); phrases are space-separated tokens.

use crate::tokens::Tokens;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A class of cues, one classifier feature each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Words of judgement and emotion ("disgrace", "absurd", "sadly").
    Evaluative,
    /// Modal verbs of obligation and prediction ("should", "must", "will have to").
    Modal,
    /// Stance adverbs and hedges that show the writer's attitude ("clearly", "arguably").
    Stance,
    /// Words that strengthen a judgement ("extremely", "utterly").
    Intensifier,
    /// The author or reader addressed: first and second person.
    Personal,
    /// Attribution verbs and phrases, the mark of reporting ("said", "according to").
    Attribution,
    /// Words for verifiable detail: dates, units, officials' titles.
    Factual,
}

impl Cue {
    pub const ALL: [Cue; 7] = [
        Cue::Evaluative,
        Cue::Modal,
        Cue::Stance,
        Cue::Intensifier,
        Cue::Personal,
        Cue::Attribution,
        Cue::Factual,
    ];

    /// A stable name, hashed into the feature index.
    pub fn name(self) -> &'static str {
        match self {
            Cue::Evaluative => "evaluative",
            Cue::Modal => "modal",
            Cue::Stance => "stance",
            Cue::Intensifier => "intensifier",
            Cue::Personal => "personal",
            Cue::Attribution => "attribution",
            Cue::Factual => "factual",
        }
    }

    fn entries(self) -> &'static [&'static str] {
        match self {
            Cue::Evaluative => EVALUATIVE,
            Cue::Modal => MODAL,
            Cue::Stance => STANCE,
            Cue::Intensifier => INTENSIFIER,
            Cue::Personal => PERSONAL,
            Cue::Attribution => ATTRIBUTION,
            Cue::Factual => FACTUAL,
        }
    }
}

const EVALUATIVE: &[&str] = &[
    "absurd",
    "appalling",
    "atrocious",
    "awful",
    "bad",
    "bizarre",
    "brilliant",
    "callous",
    "catastrophic",
    "cowardly",
    "crazy",
    "cruel",
    "dangerous",
    "deplorable",
    "despicable",
    "dishonest",
    "disastrous",
    "disgrace",
    "disgraceful",
    "disgusting",
    "dreadful",
    "dumb",
    "egregious",
    "evil",
    "excellent",
    "fabulous",
    "fantastic",
    "foolish",
    "fraud",
    "glorious",
    "good",
    "great",
    "grotesque",
    "hateful",
    "heroic",
    "hideous",
    "horrible",
    "horrific",
    "hypocrisy",
    "hypocritical",
    "idiotic",
    "ignorant",
    "immoral",
    "incompetent",
    "insane",
    "laughable",
    "lazy",
    "ludicrous",
    "magnificent",
    "mindless",
    "monstrous",
    "nasty",
    "nonsense",
    "obscene",
    "outrage",
    "outrageous",
    "pathetic",
    "pointless",
    "preposterous",
    "reckless",
    "ridiculous",
    "scandal",
    "scandalous",
    "shameful",
    "shameless",
    "shocking",
    "silly",
    "sinister",
    "specious",
    "stupid",
    "terrible",
    "terrific",
    "tragic",
    "tragedy",
    "unacceptable",
    "unbelievable",
    "unfair",
    "unjust",
    "vile",
    "wicked",
    "wonderful",
    "worse",
    "worst",
    "best",
    "better",
    "wrong",
    "misguided",
    "naive",
    "sensible",
    "wise",
    "sane",
    "so-called",
    "beautiful",
    "ugly",
    "lie",
    "lies",
    "propaganda",
    "sham",
    "hoax",
    "farce",
    "bogus",
    "delusional",
    "woke",
    "radical",
    "extremist",
    "elite",
    "elites",
    "regime",
    "thugs",
    "tyranny",
    "mob",
    "insult",
    "betrayal",
    "failure",
    "failed",
    "mess",
];

const MODAL: &[&str] = &[
    "should",
    "shouldn't",
    "must",
    "mustn't",
    "ought",
    "need to",
    "needs to",
    "have to",
    "has to",
    "had better",
    "would",
    "wouldn't",
    "could",
    "couldn't",
    "might",
    "may",
    "let's",
    "let us",
    "will have to",
    "cannot afford",
];

const STANCE: &[&str] = &[
    "clearly",
    "obviously",
    "surely",
    "certainly",
    "undoubtedly",
    "arguably",
    "apparently",
    "evidently",
    "frankly",
    "honestly",
    "indeed",
    "of course",
    "in fact",
    "actually",
    "sadly",
    "unfortunately",
    "fortunately",
    "hopefully",
    "thankfully",
    "ironically",
    "perhaps",
    "maybe",
    "probably",
    "presumably",
    "seemingly",
    "supposedly",
    "allegedly",
    "merely",
    "simply",
    "just",
    "only",
    "even",
    "nothing more than",
    "no doubt",
    "of all",
    "it seems",
    "i think",
    "i believe",
    "we believe",
    "in my view",
    "in other words",
    "after all",
    "yet",
    "instead",
    "rather",
    "nor",
    "never",
    "nothing",
    "why",
    "what if",
    "let alone",
    "needless to say",
    "no wonder",
    "it's time",
    "the point is",
];

const INTENSIFIER: &[&str] = &[
    "very",
    "extremely",
    "incredibly",
    "utterly",
    "totally",
    "absolutely",
    "completely",
    "entirely",
    "really",
    "so",
    "too",
    "deeply",
    "highly",
    "truly",
    "remarkably",
    "hugely",
    "enormously",
    "terribly",
    "awfully",
    "desperately",
    "wildly",
    "vastly",
    "most",
    "much",
    "far",
    "quite",
    "all",
    "every",
    "ever",
    "whatsoever",
    "at all",
    "massive",
    "huge",
    "enormous",
    "tremendous",
    "unprecedented",
    "endless",
    "countless",
    "whole",
];

const PERSONAL: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "you're",
    "you've",
    "you'd",
    "you'll",
    "let's",
];

const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according to",
    "reported",
    "reports",
    "announced",
    "stated",
    "added",
    "explained",
    "noted",
    "claimed",
    "claims",
    "argued",
    "insisted",
    "warned",
    "wrote",
    "writes",
    "asked",
    "replied",
    "confirmed",
    "denied",
    "acknowledged",
    "estimated",
    "testified",
    "tweeted",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "interview",
    "press",
    "officials",
    "official",
    "sources",
    "<quote>",
];

const FACTUAL: &[&str] = &[
    "0",
    "percent",
    "%",
    "$",
    "million",
    "billion",
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "last week",
    "last year",
    "minister",
    "president",
    "department",
    "ministry",
    "agency",
    "company",
    "court",
    "police",
    "government",
    "report",
    "data",
    "study",
    "survey",
];

/// Lexicon entries by their first word: (class index, the remaining words of the phrase).
type Index = HashMap<&'static str, Vec<(usize, Vec<&'static str>)>>;

/// Built once, so counting costs one hash lookup per token.
static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index: Index = HashMap::new();
    for (class, cue) in Cue::ALL.iter().enumerate() {
        for entry in cue.entries() {
            let mut words = entry.split(' ');
            if let Some(first) = words.next() {
                index
                    .entry(first)
                    .or_default()
                    .push((class, words.collect()));
            }
        }
    }
    index
});

/// How many cues of each class occur in `tokens`, in the order of [`Cue::ALL`].
pub fn count(tokens: &Tokens) -> [u32; Cue::ALL.len()] {
    let mut counts = [0u32; Cue::ALL.len()];
    for (at, token) in tokens.iter().enumerate() {
        let Some(entries) = INDEX.get(token) else {
            continue;
        };
        for (class, rest) in entries {
            let matches = rest
                .iter()
                .enumerate()
                .all(|(k, word)| tokens.get(at + 1 + k) == Some(*word));
            if let (true, Some(slot)) = (matches, counts.get_mut(*class)) {
                *slot += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn counts_words_and_phrases() {
        let counts = count(&tokenize(
            "Clearly we should act, according to nothing more than hope.",
        ));
        let of = |cue: Cue| counts[Cue::ALL.iter().position(|c| *c == cue).unwrap_or(0)];
        assert_eq!(of(Cue::Stance), 3); // clearly, nothing more than, nothing
        assert_eq!(of(Cue::Personal), 1);
        assert_eq!(of(Cue::Modal), 1);
        assert_eq!(of(Cue::Attribution), 1);
    }
}
