//! Word lists of attribution: reporting verbs, the auxiliaries written with them, pronouns
//! and the words that end a speaker noun phrase.
//!
//! The lists are general English reporting vocabulary (the verbs of saying, asking, claiming
//! and judging that newswire attribution uses); the stance verbs were checked against the
//! training split of PolNeAR, never against its development or test split.
//! Lookups are case-insensitive on ASCII and never allocate.

use parallax_core::word_filter::WordFilter;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: the sets hold short words, for which SipHash's setup dominates the lookup.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;
/// A hash set of owned words with the FNV hasher.
pub type OwnedWordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// Word-class bits of [`classes`].
pub const CUE_VERB: u8 = 8;
pub const PRONOUN: u8 = 16;
pub const DETERMINER: u8 = 32;
pub const AUXILIARY: u8 = 64;

/// Inflected forms of verbs that introduce a statement ("said", "warns", "insisted").
const CUE_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "writing",
    "written",
    "note",
    "notes",
    "noted",
    "noting",
    "ask",
    "asks",
    "asked",
    "asking",
    "announce",
    "announces",
    "announced",
    "announcing",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "warn",
    "warns",
    "warned",
    "warning",
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "deny",
    "denies",
    "denied",
    "denying",
    "explain",
    "explains",
    "explained",
    "explaining",
    "argue",
    "argues",
    "argued",
    "arguing",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "report",
    "reports",
    "reported",
    "reporting",
    "declare",
    "declares",
    "declared",
    "declaring",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "respond",
    "responds",
    "responded",
    "responding",
    "reply",
    "replies",
    "replied",
    "replying",
    "state",
    "states",
    "stated",
    "stating",
    "summarize",
    "summarizes",
    "summarized",
    "summarizing",
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "conclude",
    "concludes",
    "concluded",
    "concluding",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "urge",
    "urges",
    "urged",
    "urging",
    "predict",
    "predicts",
    "predicted",
    "predicting",
    "promise",
    "promises",
    "promised",
    "promising",
    "vow",
    "vows",
    "vowed",
    "vowing",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "reveal",
    "reveals",
    "revealed",
    "revealing",
    "complain",
    "complains",
    "complained",
    "complaining",
    "contend",
    "contends",
    "contended",
    "contending",
    "assert",
    "asserts",
    "asserted",
    "asserting",
    "allege",
    "alleges",
    "alleged",
    "alleging",
    "concede",
    "concedes",
    "conceded",
    "conceding",
    "reiterate",
    "reiterates",
    "reiterated",
    "reiterating",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasizing",
    "emphasise",
    "emphasised",
    "observe",
    "observes",
    "observed",
    "comment",
    "comments",
    "commented",
    "remark",
    "remarks",
    "remarked",
    "testify",
    "testifies",
    "testified",
    "estimate",
    "estimates",
    "estimated",
    "indicate",
    "indicates",
    "indicated",
    "indicating",
    "caution",
    "cautions",
    "cautioned",
    "boast",
    "boasts",
    "boasted",
    "joke",
    "jokes",
    "joked",
    "quip",
    "quipped",
    "recount",
    "recounted",
    "shout",
    "shouted",
    "yell",
    "yelled",
    "exclaim",
    "exclaimed",
    "answer",
    "answered",
    "mention",
    "mentioned",
    "agree",
    "agrees",
    "agreed",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "argue",
    "maintain",
    "maintains",
    "maintained",
    "counter",
    "countered",
    "retort",
    "retorted",
    "wonder",
    "wondered",
    "demand",
    "demands",
    "demanded",
    "demanding",
    "call",
    "calls",
    "called",
    "calling",
    "point",
    "points",
    "pointed",
    "pointing",
    "continue",
    "continues",
    "continued",
    "charge",
    "charges",
    "charged",
    "criticize",
    "criticized",
    "criticizes",
    "criticised",
    "praise",
    "praised",
    "praises",
    "describe",
    "describes",
    "described",
    "describing",
    "cite",
    "cites",
    "cited",
    "citing",
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "quote",
    "quoted",
];

/// Cue verb forms that are as often nouns ("the swing states", "his tweets", "a report").
const NOUN_LIKE: &[&str] = &[
    "state",
    "states",
    "tweet",
    "tweets",
    "comment",
    "comments",
    "remarks",
    "report",
    "reports",
    "charge",
    "charges",
    "claim",
    "claims",
    "call",
    "calls",
    "note",
    "notes",
    "answer",
    "answers",
    "promise",
    "promises",
    "quote",
    "quotes",
    "estimate",
    "estimates",
    "demand",
    "demands",
    "point",
    "points",
    "show",
    "shows",
    "finds",
    "warning",
    "vows",
    "threatens",
    "boasts",
    "jokes",
    "counter",
    "mention",
    "stress",
    "insist",
    "complains",
    "indicates",
    "question",
    "questions",
    "attack",
    "attacks",
    "blast",
    "voice",
    "thanks",
    "hope",
    "hopes",
    "plan",
    "plans",
    "support",
    "echo",
    "echoes",
    "forecast",
    "signal",
    "signals",
    "slam",
    "hint",
    "hints",
    "pledge",
    "pledges",
    "retweet",
    "retweets",
    "blame",
    "thank",
    "tout",
    "rail",
];

/// Verbs of stance and appraisal that the attribution corpora annotate as cues ("endorsed
/// Clinton", "blasted the plan", "refused to comment"), chosen as the forms that are cues in
/// at least half of their occurrences in PolNeAR's training split.
const STANCE_VERBS: &[&str] = &[
    "endorse",
    "endorses",
    "endorsed",
    "endorsing",
    "decline",
    "declines",
    "declined",
    "declining",
    "express",
    "expresses",
    "expressed",
    "expressing",
    "offered",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "defend",
    "defends",
    "defended",
    "defending",
    "question",
    "questions",
    "questioned",
    "questioning",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "blast",
    "blasts",
    "blasted",
    "blasting",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "denounce",
    "denounces",
    "denounced",
    "denouncing",
    "blame",
    "blames",
    "blamed",
    "blaming",
    "criticizing",
    "criticising",
    "assure",
    "assures",
    "assured",
    "echo",
    "echoes",
    "echoed",
    "discuss",
    "discusses",
    "discussed",
    "discussing",
    "mock",
    "mocks",
    "mocked",
    "mocking",
    "condemn",
    "condemns",
    "condemned",
    "condemning",
    "voice",
    "voiced",
    "remind",
    "reminds",
    "reminded",
    "reminding",
    "slam",
    "slams",
    "slammed",
    "slamming",
    "tout",
    "touts",
    "touted",
    "touting",
    "rail",
    "railed",
    "decry",
    "decries",
    "decried",
    "thank",
    "thanks",
    "thanked",
    "plead",
    "pleaded",
    "praising",
    "lament",
    "laments",
    "lamented",
    "hint",
    "hints",
    "hinted",
    "signal",
    "signals",
    "signaled",
    "signalled",
    "retweet",
    "retweets",
    "retweeted",
    "assail",
    "assails",
    "assailed",
    "referenced",
    "referring",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "seek",
    "seeks",
    "sought",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "pledge",
    "pledges",
    "pledged",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "support",
    "supports",
    "supported",
    "supporting",
    "oppose",
    "opposes",
    "opposed",
    "opposing",
    "recommend",
    "recommends",
    "recommended",
    "encourage",
    "encourages",
    "encouraged",
    "encouraging",
    "applaud",
    "applauded",
    "welcomed",
    "apologized",
    "emailed",
    "forecast",
    "projected",
    "predicts",
    "referred",
    "requested",
    "portrayed",
    "highlighted",
    "touted",
    "championed",
    "implied",
    "mentions",
];

/// Particles taken into the cue when they follow the verb ("called on", "called for").
pub const OPTIONAL_PARTICLES: &[(&str, &str)] = &[
    ("call", "on"),
    ("calls", "on"),
    ("called", "on"),
    ("calling", "on"),
    ("call", "for"),
    ("calls", "for"),
    ("called", "for"),
    ("calling", "for"),
    ("spoke", "of"),
    ("referring", "to"),
    ("complained", "about"),
];

/// Words a cue verb may carry on its left as part of the cue ("has said", "also told").
const CUE_AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "later",
    "previously",
    "once",
    "again",
];

/// Verbs that are cues only with a particle ("called on", "pointed out").
const PARTICLE_CUES: &[(&str, &[&str])] = &[
    ("point", &["out", "to"]),
    ("points", &["out", "to"]),
    ("pointed", &["out", "to"]),
    ("pointing", &["out", "to"]),
    ("continue", &[]),
    ("continues", &[]),
    ("continued", &[]),
    ("show", &[]),
    ("shows", &[]),
    ("showed", &[]),
    ("found", &[]),
    ("finds", &[]),
    ("quote", &[]),
    ("quoted", &[]),
    ("think", &[]),
    ("thinks", &[]),
    ("thought", &[]),
    ("believe", &[]),
    ("believes", &[]),
    ("believed", &[]),
];

/// Personal and relative pronouns that can name a speaker.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "who", "which", "that",
];

/// Words that open a noun phrase: the speaker phrase stops after taking one.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "another", "some", "many", "several", "most", "both", "each", "every", "no", "one", "two",
    "three",
];

/// Words a speaker phrase never contains: clause links, prepositions, verbs of being.
const PHRASE_BREAKS: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "because",
    "when",
    "while",
    "as",
    "if",
    "since",
    "after",
    "before",
    "than",
    "where",
    "so",
    "then",
    "though",
    "although",
    "whether",
    "until",
    "unless",
    "in",
    "on",
    "at",
    "with",
    "from",
    "by",
    "to",
    "into",
    "about",
    "during",
    "over",
    "under",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    // The auxiliaries of the passive with "get": "what gets written off as …" has no
    // speaker.
    "get",
    "gets",
    "got",
    "gotten",
    "getting",
    "not",
    "also",
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "what",
    "how",
    "why",
    "said",
    "says",
    "told",
    "there",
    "here",
    "just",
    "even",
    "only",
    "now",
    "still",
    "yet",
    "however",
    "meanwhile",
    "instead",
    "like",
    "thing",
    "things",
    "more",
];

/// Words between a speaker and the cue that belong to neither ("Trump on Tuesday said"):
/// these, which place the statement in time, and [`ADVERBIALS`].
const TIME_ADVERBIALS: &[&str] = &[
    "on",
    "last",
    "this",
    "next",
    "today",
    "yesterday",
    "tonight",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "earlier",
];

/// The other words between a speaker and the cue ("Trump repeatedly said").
const ADVERBIALS: &[&str] = &[
    "later",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "recently",
    "repeatedly",
    "often",
    "publicly",
    "privately",
    "flatly",
    "quickly",
    "even",
    "never",
    "always",
    "already",
    "just",
    "reportedly",
    "then",
    "now",
    "first",
    "initially",
    "ultimately",
    "however",
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "did",
    "once",
    "again",
    "previously",
    "long",
    // Adverbs without "-ly" between a subject and its verb: "They likewise called him …",
    // "it soon found its way", "ever called Donald Trump a racist".
    "likewise",
    "soon",
    "ever",
    // Degree adverbs between an auxiliary and its verb: "Adams has further claimed", "have
    // so far expressed" (the "so" before it ends the phrase).
    "further",
    "far",
];

/// Nominal heads that name organisations rather than people ("the ministry said").
const ORG_NOUNS: &str = include_str!("../lexicon/org_nouns.txt");

/// Nouns for a medium that reports ("the website reported").
const MEDIA_NOUNS: &str = include_str!("../lexicon/media_nouns.txt");

/// Documents that speak for their authors ("the statement said").
const DOCUMENTS: &str = include_str!("../lexicon/documents.txt");

/// Adjectives describing an unnamed source by what it knows ("a person familiar with").
const SOURCE_ADJECTIVES: &str = include_str!("../lexicon/source_adjectives.txt");

/// Nouns for a member of a party ("The Arizona Republican said").
const PARTY_MEMBERS: &str = include_str!("../lexicon/party_members.txt");

/// Words that are never attribution cues, whatever the learned classifier says ("Troops
/// storm the border town").
const NOT_CUES: &str = include_str!("../lexicon/not_cues.txt");

/// Words that never head a speaker phrase ("it's worth noting").
const NOT_HEADS: &str = include_str!("../lexicon/not_heads.txt");

/// The words of a word-list file: one a line, `#` starting a comment.
pub fn words_of(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|w| !w.is_empty())
}

struct Lists {
    /// Every word of the cue verb, pronoun, determiner and auxiliary lists with its classes.
    classes: std::collections::HashMap<&'static str, u8, BuildHasherDefault<Fnv>>,
    /// The keys of `classes`' words: most words miss it and skip the hash lookup.
    class_filter: WordFilter,
    cue_verbs: WordSet,
    auxiliaries: WordSet,
    pronouns: WordSet,
    determiners: WordSet,
    breaks: WordSet,
    adverbials: WordSet,
    org_nouns: WordSet,
    media_nouns: WordSet,
    not_cues: WordSet,
    not_heads: WordSet,
    documents: WordSet,
    source_adjectives: WordSet,
    party_members: WordSet,
    roles: WordSet,
    noun_like: WordSet,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    classes: {
        let mut m = std::collections::HashMap::default();
        let lists: [(&[&'static str], u8); 5] = [
            (CUE_VERBS, CUE_VERB),
            (STANCE_VERBS, CUE_VERB),
            (PRONOUNS, PRONOUN),
            (DETERMINERS, DETERMINER),
            (CUE_AUXILIARIES, AUXILIARY),
        ];
        for (list, class) in lists {
            for w in list {
                *m.entry(*w).or_insert(0) |= class;
            }
        }
        m
    },
    class_filter: WordFilter::new(
        [
            CUE_VERBS,
            STANCE_VERBS,
            PRONOUNS,
            DETERMINERS,
            CUE_AUXILIARIES,
        ]
        .into_iter()
        .flatten()
        .copied(),
    ),
    cue_verbs: CUE_VERBS.iter().chain(STANCE_VERBS).copied().collect(),
    auxiliaries: CUE_AUXILIARIES.iter().copied().collect(),
    pronouns: PRONOUNS.iter().copied().collect(),
    determiners: DETERMINERS.iter().copied().collect(),
    breaks: PHRASE_BREAKS.iter().copied().collect(),
    adverbials: ADVERBIALS.iter().chain(TIME_ADVERBIALS).copied().collect(),
    org_nouns: words_of(ORG_NOUNS).collect(),
    media_nouns: words_of(MEDIA_NOUNS).collect(),
    not_cues: words_of(NOT_CUES).collect(),
    not_heads: words_of(NOT_HEADS).collect(),
    documents: words_of(DOCUMENTS).collect(),
    source_adjectives: words_of(SOURCE_ADJECTIVES).collect(),
    party_members: words_of(PARTY_MEMBERS).collect(),
    roles: words_of(ROLES).collect(),
    noun_like: NOUN_LIKE.iter().copied().collect(),
});

/// `word` in lowercase when it is short ASCII, written into `buf`; `None` otherwise (no list
/// holds a longer or non-ASCII word).
fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

fn in_set(set: &WordSet, word: &str) -> bool {
    if word.len() > 24 {
        return false;
    }
    // Most words are already lowercase: look them up without copying.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return set.contains(word);
    }
    let mut buf = [0u8; 24];
    lower(word, &mut buf).is_some_and(|w| set.contains(w))
}

/// The word-class bits of `word` (in any case): [`CUE_VERB`], [`PRONOUN`], [`DETERMINER`],
/// [`AUXILIARY`]; one lookup for all four lists.
pub fn classes(word: &str) -> u8 {
    if word.len() > 24 || !LISTS.class_filter.may_contain(word) {
        return 0;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return LISTS.classes.get(word).copied().unwrap_or(0);
    }
    let mut buf = [0u8; 24];
    lower(word, &mut buf).map_or(0, |w| LISTS.classes.get(w).copied().unwrap_or(0))
}

/// Whether `word` is a form of a reporting verb.
pub fn is_cue_verb(word: &str) -> bool {
    in_set(&LISTS.cue_verbs, word)
}

/// The particles `verb` needs to be a cue, when it needs one; `Some(&[])` means the verb is a
/// cue only with a following clause or quotation, never on its own with an object.
pub fn required_particles(word: &str) -> Option<&'static [&'static str]> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    PARTICLE_CUES.iter().find(|(v, _)| *v == w).map(|(_, p)| *p)
}

pub fn is_auxiliary(word: &str) -> bool {
    in_set(&LISTS.auxiliaries, word)
}

pub fn is_pronoun(word: &str) -> bool {
    in_set(&LISTS.pronouns, word)
}

/// Relative pronouns, which open a clause about the noun before them and never name a
/// speaker themselves ("the official, who said").
pub fn is_relative(word: &str) -> bool {
    ["who", "whom", "which", "that"].iter().any(|r| is(word, r))
}

pub fn is_determiner(word: &str) -> bool {
    in_set(&LISTS.determiners, word)
}

pub fn is_phrase_break(word: &str) -> bool {
    in_set(&LISTS.breaks, word)
}

/// Nouns ending in "-ly", which the adverb test must not skip.
const LY_NOUNS: &[&str] = &[
    "daily", "weekly", "monthly", "family", "ally", "rally", "assembly", "supply",
];

/// Whether `word` places a statement in time ("yesterday", "last", "week").
pub fn is_time_adverbial(word: &str) -> bool {
    TIME_ADVERBIALS.contains(&word)
}

pub fn is_adverbial(word: &str) -> bool {
    in_set(&LISTS.adverbials, word)
        || word.len() > 4
            && word.ends_with("ly")
            && word.starts_with(|c: char| c.is_ascii_lowercase())
            && !LY_NOUNS.contains(&word)
}

/// Lowercase titles and roles written before a name ("campaign manager Kellyanne Conway").
const ROLES: &str = include_str!("../lexicon/roles.txt");

/// Whether `word` is a title or role noun.
pub fn is_role(word: &str) -> bool {
    in_set(&LISTS.roles, word)
}

/// Whether `word` names people by what they do: a role, or an agent noun ("lawyers",
/// "advisors", "supporters").
pub fn is_people_noun(word: &str) -> bool {
    is_role(word) || word.ends_with("ers") || word.ends_with("ors")
}

/// Whether the cue verb form `word` is also a common noun.
pub fn is_noun_like(word: &str) -> bool {
    in_set(&LISTS.noun_like, word)
}

pub fn is_org_noun(word: &str) -> bool {
    in_set(&LISTS.org_nouns, word)
}

/// Whether `word` names a medium that reports ("website", "newspaper").
pub fn is_medium(word: &str) -> bool {
    in_set(&LISTS.media_nouns, word)
}

/// Whether `word` names a document that speaks for its author ("statement", "report").
/// Whether `word` describes an unnamed source by what it knows ("familiar", "close").
pub fn is_source_adjective(word: &str) -> bool {
    in_set(&LISTS.source_adjectives, word)
}

pub fn is_document(word: &str) -> bool {
    in_set(&LISTS.documents, word)
}

/// Whether `word` names a member of a party ("Republican", "Democrat").
pub fn is_party_member(word: &str) -> bool {
    in_set(&LISTS.party_members, word)
}

/// Whether `word` is never an attribution cue ("storm", "panicked").
pub fn is_not_cue(word: &str) -> bool {
    in_set(&LISTS.not_cues, word)
}

/// Whether `word` never heads a speaker phrase ("worth", "likely").
pub fn is_not_head(word: &str) -> bool {
    in_set(&LISTS.not_heads, word)
}

/// Whether `word` is the lowercase `expected` in any case.
pub fn is(word: &str, expected: &str) -> bool {
    word.eq_ignore_ascii_case(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case() {
        assert!(is_cue_verb("Said"));
        assert!(is_pronoun("He"));
        assert!(!is_cue_verb("sailed"));
        assert_eq!(required_particles("pointed"), Some(&["out", "to"][..]));
        assert!(is_adverbial("repeatedly") && is_adverbial("Tuesday"));
        assert!(!is_cue_verb("ùùùùùùùùùùùùùùùùùùùùùùùùùùùù"));
    }
}
