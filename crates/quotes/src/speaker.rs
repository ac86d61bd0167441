//! The speaker phrase next to a cue, found without a parser: a pronoun, or a run of name and
//! noun words closed on the left by a determiner ("the influential US daily") or by a clause
//! boundary, and on the right by punctuation or a clause word.

use crate::context::Ctx;
use crate::cue::Cue;
use crate::lexicon;
use parallax_core::Span;

/// Longest speaker phrase, in tokens.
const MAX_WORDS: usize = 10;

/// Prepositions that attach a determined noun phrase to the noun before it, inside one
/// speaker phrase: "Republicans on the House Financial Services Committee".
const ATTACHING: [&str; 7] = ["on", "in", "at", "of", "to", "for", "from"];

/// The speaker phrase ending just before token `end` (exclusive), not reaching before token
/// `floor`. Time words and adverbs between speaker and cue are skipped ("Trump on Tuesday said").
/// A phrase opening with a determiner takes in the noun it is attached to by a preposition
/// ("Others in the African-American community", "The GOP's complaint to the D.C. Court"), as
/// PolNeAR's sources are whole noun phrases; so does a source described by what it knows ("A
/// person familiar with the matter").
pub fn before(ctx: &Ctx, floor: usize, end: usize) -> Option<Span> {
    let phrase = attached_before(ctx, floor, end)?;
    // "A person familiar with the matter said", "the source familiar with the details of the
    // investigation told": the source is the noun before the adjective, never what it knows.
    let first = ctx.token_from(phrase.start);
    if first >= floor + 3
        && ["with", "to", "on", "in"].contains(&ctx.word(first - 1))
        && lexicon::is_source_adjective(ctx.word(first - 2))
    {
        let adjective = first - 2;
        if let Some(head) = simple_before(ctx, floor, adjective) {
            if ctx.tokens_in(head).end == adjective {
                return Some(Span::new(head.start, phrase.end));
            }
        }
    }
    Some(phrase)
}

/// [`before`] without the source described by what it knows.
fn attached_before(ctx: &Ctx, floor: usize, end: usize) -> Option<Span> {
    let phrase = simple_before(ctx, floor, end)?;
    let first = ctx.token_from(phrase.start);
    // "64% of independents questioned said": a phrase never opens with "of"; the share
    // before it opens the phrase, and with none the phrase starts after it.
    if ctx.word(first) == "of" {
        let mut start = first;
        while start > floor && {
            let w = ctx.word(start - 1);
            w == "%" || is_number(w) || lexicon::is(w, "percent")
        } {
            start -= 1;
        }
        if start < first {
            let start = quantity_start(ctx, floor, start);
            return Some(Span::new(ctx.tok(start).start, phrase.end));
        }
        let rest = first + 1;
        return (rest < end && ctx.is_word(rest))
            .then(|| Span::new(ctx.tok(rest).start, phrase.end));
    }
    if first < floor + 2 {
        return Some(phrase);
    }
    let prep = first - 1;
    let noun = prep - 1;
    // "some of those hardliners", "47 percent of Republicans": a share of the phrase.
    if ctx.word(prep) == "of" && PARTITIVES.iter().any(|q| lexicon::is(ctx.word(noun), q)) {
        let number = noun > floor && is_number(ctx.word(noun - 1));
        let start = quantity_start(ctx, floor, if number { noun - 1 } else { noun });
        return Some(Span::new(ctx.tok(start).start, phrase.end));
    }
    // "A study by Pew Research", "the poll by CNN": a document and its author.
    if ["by", "from", "of"].contains(&ctx.word(prep)) && lexicon::is_document(ctx.word(noun)) {
        if let Some(head) = simple_before(ctx, floor, prep) {
            if ctx.tokens_in(head).end == prep {
                return Some(Span::new(head.start, phrase.end));
            }
        }
    }
    // "He and the developer", "Mrs. Clinton and her allies": a name or pronoun opening the
    // clause coordinated with the phrase.
    if lexicon::is(ctx.word(prep), "and") {
        if let Some(left) = simple_before(ctx, floor, prep) {
            let tokens = ctx.tokens_in(left);
            let opens = tokens.start == floor || matches!(ctx.word(tokens.start - 1), "," | ":");
            let named = tokens
                .end
                .checked_sub(1)
                .is_some_and(|l| ctx.is_capitalized(l) || ctx.is_pronoun(l));
            if tokens.end == prep && opens && named {
                return Some(Span::new(left.start, phrase.end));
            }
        }
    }
    let plain_noun = ATTACHING.iter().any(|p| ctx.word(prep) == *p)
        && ctx.is_word(noun)
        && !ctx.is_cue_verb(noun)
        && !lexicon::is_adverbial(ctx.word(noun))
        && !lexicon::is_phrase_break(ctx.word(noun))
        && !ctx.is_pronoun(noun);
    let head = simple_before(ctx, floor, prep).filter(|h| ctx.tokens_in(*h).end == prep);
    // "The transcript of the debate shows", "Recent polls in Pennsylvania and Virginia
    // have shown": a noun phrase opening the clause keeps its modifier whatever its head.
    if let Some(head) = head.filter(|h| plain_noun && ctx.tokens_in(*h).start == floor) {
        return Some(Span::new(head.start, phrase.end));
    }
    if !ctx.is_determiner(first) {
        return Some(phrase);
    }
    let attaches = plain_noun
        && (ctx.is_capitalized(noun)
            || ctx.word(noun).ends_with('s')
            || lexicon::is_role(ctx.word(noun)));
    match head {
        Some(head) if attaches => Some(Span::new(head.start, phrase.end)),
        _ => Some(phrase),
    }
}

/// Words that take a share of the phrase after "of": "some of", "most of", "percent of".
const PARTITIVES: [&str; 14] = [
    "some", "most", "many", "all", "each", "one", "none", "several", "both", "half", "percent",
    "majority", "few", "number",
];

/// [`before`] without the prepositional attachment.
fn simple_before(ctx: &Ctx, floor: usize, end: usize) -> Option<Span> {
    let whole_end = end;
    let mut end = end;
    while end > floor && is_time_or_adverb(ctx, end - 1) {
        end -= 1;
    }
    if end == floor {
        return None;
    }
    let last = end - 1;
    if ctx.is(last, ",") {
        return apposition_before(ctx, floor, last);
    }
    if lexicon::is_relative(ctx.word(last)) {
        return relative_speaker(ctx, floor, last);
    }
    if ctx.is_pronoun(last) {
        // "If you told Sessions …", "when you discuss things": the second person is the
        // reader, or anyone, never a source the article names.
        return (!lexicon::is(ctx.word(last), "you")).then(|| ctx.tok(last));
    }
    let mut first = end;
    let mut words = 0;
    let mut j = end;
    // A parenthesis right before the cue belongs to the name: "Mike Pence (R-IN) said".
    if ctx.is(last, ")") {
        let open = (floor..last).rev().take(6).find(|&k| ctx.is(k, "("))?;
        j = open;
    }
    while j > floor {
        let k = j - 1;
        let w = ctx.word(k);
        if !ctx.is_word(k) {
            let joins = matches!(w, "'s" | "’s" | "-" | "&" | "'" | "’");
            if !joins || first == end && !ctx.is(last, ")") {
                break;
            }
        } else if ctx.is_determiner(k) || k == floor && lexicon::is(w, "that") && first < end {
            // A clause-opening "That" before a noun is its determiner: "That cable warned".
            first = k;
            break;
        } else if name_link(ctx, k, floor) || joins_nouns(ctx, k, floor, first < end) {
            // "Commission on Presidential Debates", "Mr. Grassley and Mr. Leahy",
            // "advisers to Mr. Obama": the phrase goes on to the left.
        } else if first < end
            && only_name(ctx, first, last)
            && !ctx.is_capitalized(k)
            && !lexicon::is_role(w)
        {
            // A name is preceded by its title or role, not by any lowercase word:
            // "In a Bloomberg interview Trump declared".
            break;
        } else if lexicon::is_phrase_break(w)
            || ctx.is_pronoun(k)
            || ctx.is_cue_verb(k)
                && first < end
                && !noun_modifier(ctx, k, first)
                && !(ctx.is_capitalized(k) && only_name(ctx, first, last))
            || matches!(w, "him" | "them" | "me" | "us" | "Him" | "Them" | "Me")
        {
            break;
        }
        first = k;
        words += 1;
        if words >= MAX_WORDS {
            return None;
        }
        j = k;
    }
    // Joining marks only join words: a dash or quotation mark left at the front belongs to
    // what came before ("'' Mr. Bush said", "- Donald Trump said").
    while first < last && !ctx.is_word(first) {
        first += 1;
    }
    if first == end {
        return None;
    }
    let first = quantity_start(ctx, floor, first);
    if let Some(head) = relative_head(ctx, floor, first) {
        return plausible(ctx, first, last).then(|| Span::new(head.start, ctx.tok(last).end));
    }
    // "A news report published Wednesday said": the head comes before the participle, which
    // stays in the phrase with its time words, as PolNeAR's sources keep modifiers.
    if last > first && is_participle(ctx, last) && !plausible(ctx, first, last) {
        return plausible(ctx, first, last - 1).then(|| ctx.cover(first, whole_end - 1));
    }
    let span = ctx.cover(first, last);
    plausible(ctx, first, last).then_some(span)
}

/// Whether token `k` is a time word or adverb between a speaker and its cue ("Trump on
/// Tuesday said"), and not the end of a name ("A reporter for USA Today said").
fn is_time_or_adverb(ctx: &Ctx, k: usize) -> bool {
    let name_end = ctx.word(k) == "Today" && k > 0 && ctx.is_capitalized(k - 1);
    !name_end && lexicon::is_adverbial(ctx.word(k))
}

/// Whether token `k` is a lowercase "-ed" participle ("published", "released").
fn is_participle(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Things that are named, not speaking: "a group called Citizens for Trump".
const NAMED_THINGS: [&str; 16] = [
    "group",
    "program",
    "website",
    "site",
    "party",
    "movement",
    "organization",
    "project",
    "initiative",
    "app",
    "book",
    "film",
    "show",
    "event",
    "move",
    "effort",
];

/// Whether a bare "called" (or "named", "dubbed") after `speaker` names a thing rather than
/// reports it: an indefinite phrase whose head is a [`NAMED_THINGS`] noun ("a program called
/// Sandy Hook Promise", "a website called “…”"), or that only a name follows.
pub fn is_named_thing(ctx: &Ctx, cue: &Cue, speaker: Span) -> bool {
    let bare_naming = cue.first == cue.verb
        && cue.next == cue.verb + 1
        && ["called", "named", "dubbed"]
            .iter()
            .any(|v| lexicon::is(ctx.word(cue.verb), v));
    if !bare_naming {
        return false;
    }
    let tokens = ctx.tokens_in(speaker);
    let Some(head) = tokens.end.checked_sub(1) else {
        return false;
    };
    ["a", "an"]
        .iter()
        .any(|d| lexicon::is(ctx.word(tokens.start), d))
        && (NAMED_THINGS.iter().any(|n| lexicon::is(ctx.word(head), n))
            || only_a_name_follows(ctx, cue.next))
}

/// Whether a capitalized name starts at token `start` and nothing of the clause follows it:
/// "a meandering mountain stream called Miracle Run." names the stream, while "a spokesman
/// called Trump a liar" goes on to what he was called.
fn only_a_name_follows(ctx: &Ctx, start: usize) -> bool {
    let mut k = start;
    while ctx.is_capitalized(k) || k > start && name_link(ctx, k, start) {
        k += 1;
    }
    k > start && (!ctx.is_word(k) || lexicon::is_phrase_break(ctx.word(k)))
}

/// Words that join clauses: a relative clause before a cue does not run across them.
const CLAUSE_LINKS: [&str; 12] = [
    "and", "but", "or", "because", "when", "while", "if", "since", "although", "though", "whether",
    "so",
];

/// Most tokens of a relative clause between its head and the phrase ending it.
const MAX_RELATIVE: usize = 12;

/// The head noun phrase of a relative clause that ends in the phrase starting at token
/// `first`: "Democrats in Iowa [who watched the Saturday debate] said" — the object of the
/// clause's verb is not the speaker, the head of the clause is, and PolNeAR's source spans
/// the head with its clause. The clause holds no comma or quotation mark, its relative
/// pronoun is followed by a verb-like lowercase word, and a "that" must follow a noun, not
/// a verb ("said that").
fn relative_head(ctx: &Ctx, floor: usize, first: usize) -> Option<Span> {
    let relative = (floor..first)
        .rev()
        .take(MAX_RELATIVE)
        .take_while(|&k| {
            ctx.is_word(k) && !CLAUSE_LINKS.iter().any(|c| lexicon::is(ctx.word(k), c))
        })
        .find(|&k| lexicon::is_relative(ctx.word(k)))?;
    let next = relative + 1;
    let verb_like = next < first
        && !ctx.is_capitalized(next)
        && !ctx.is_determiner(next)
        && !ctx.is_pronoun(next);
    if relative == floor || !verb_like {
        return None;
    }
    let noun = relative - 1;
    if lexicon::is(ctx.word(relative), "that")
        && (ctx.is_cue_verb(noun) || ctx.word(noun).ends_with("ed") || ctx.is_pronoun(noun))
    {
        return None;
    }
    simple_before(ctx, floor, relative).filter(|h| ctx.tokens_in(*h).end == relative)
}

/// Words that qualify a number before it: "about", "more than", "as many as", "only", "all
/// three", "the two".
const QUANTIFIERS: [&str; 17] = [
    "about", "nearly", "almost", "roughly", "only", "just", "over", "than", "more", "fewer",
    "some", "least", "at", "many", "all", "the", "those",
];

/// Number words that open a share of people: "Six in 10", "two-thirds of".
const NUMBER_WORDS: [&str; 16] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "half",
    "third",
    "quarter",
    "two-thirds",
    "three-quarters",
    "majority",
];

/// Whether `w` is a number in digits or one of [`NUMBER_WORDS`].
pub(crate) fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.iter().any(|n| lexicon::is(w, n))
}

/// The start of a phrase that opens at token `first`, moved back over a share ("Six in 10
/// voters", "four out of 10 voters") and the words qualifying its number ("Only about 4 in
/// 10", "as many as 40 percent"), not before token `floor`.
fn quantity_start(ctx: &Ctx, floor: usize, first: usize) -> usize {
    // "Not everyone finds …", "not all Republicans agree".
    let universal = ["everyone", "everybody", "all", "every"]
        .iter()
        .any(|q| lexicon::is(ctx.word(first), q));
    if universal && first > floor && lexicon::is(ctx.word(first - 1), "not") {
        return first - 1;
    }
    if !is_number(ctx.word(first)) {
        return first;
    }
    let mut first = first;
    let share = |k: usize| k >= floor && is_number(ctx.word(k));
    if first >= floor + 2 && lexicon::is(ctx.word(first - 1), "in") && share(first - 2) {
        first -= 2;
    } else if first >= floor + 3
        && lexicon::is(ctx.word(first - 1), "of")
        && lexicon::is(ctx.word(first - 2), "out")
        && share(first - 3)
    {
        first -= 3;
    }
    while first > floor && {
        let w = ctx.word(first - 1);
        QUANTIFIERS.iter().any(|q| lexicon::is(w, q))
            || lexicon::is(w, "as") && lexicon::is(ctx.word(first), "many")
    } {
        first -= 1;
    }
    first
}

/// Whether the cue-verb form at `k` is a noun modifying the phrase that starts right after it,
/// after a word that is not itself a cue: "Some state officials", "and state officials".
fn noun_modifier(ctx: &Ctx, k: usize, first: usize) -> bool {
    first == k + 1
        && k > 0
        && lexicon::is_noun_like(ctx.word(k))
        && (ctx.is_word(k - 1) && !ctx.is_cue_verb(k - 1) && !ctx.is_pronoun(k - 1))
}

/// Whether the phrase so far is a capitalized name, as far as token `last`. A capitalized
/// plural ("Republicans") is a group noun that adjectives may precede, not a name.
fn only_name(ctx: &Ctx, first: usize, last: usize) -> bool {
    let plural = first == last && ctx.word(last).ends_with('s');
    !plural && (first..=last).all(|i| ctx.is_capitalized(i) || !ctx.is_word(i))
}

/// Whether token `k` ("and", or a preposition after a noun of people) links two parts of one
/// speaker phrase, given that a part to its right was taken (`taken`).
fn joins_nouns(ctx: &Ctx, k: usize, floor: usize, taken: bool) -> bool {
    if !taken || k <= floor {
        return false;
    }
    let w = ctx.word(k);
    let left = ctx.word(k - 1);
    if lexicon::is(w, "and") {
        // "Joseph and other community members", "Federal and state officials".
        return ctx.is_capitalized(k - 1) && ctx.is_word(k + 1)
            || left.ends_with('s') && ctx.is_word(k - 1);
    }
    ["in", "to", "at", "for", "with", "from"].contains(&w)
        && (lexicon::is_people_noun(left) || lexicon::is(left, "others"))
}

/// The speaker phrase of a cue right after a relative pronoun at token `relative` ("officials
/// who said", "the senator, who said"): the pronoun itself, as PolNeAR's sources are (the
/// pronoun resolves to its antecedent through the entity mentions, see `resolve`).
///
/// "that" is a relative pronoun only after a noun phrase ([`that_antecedent`]); after
/// anything else it is a demonstrative ("had that remark stricken", "Perhaps that
/// explains", "That said,"), and no speaker.
fn relative_speaker(ctx: &Ctx, floor: usize, relative: usize) -> Option<Span> {
    if lexicon::is(ctx.word(relative), "that") && that_antecedent(ctx, floor, relative).is_none() {
        return None;
    }
    Some(ctx.tok(relative))
}

/// The noun phrase before the relative "that" at token `relative` ("a city report that
/// said" → "a city report"). A lone word opening the sentence is an adverb or a conjunction
/// before a demonstrative ("Perhaps that explains", "Yet that"), not a noun.
fn that_antecedent(ctx: &Ctx, floor: usize, relative: usize) -> Option<Span> {
    before(ctx, floor, relative).filter(|_| relative > floor + 1 || !ctx.is_capitalized(floor))
}

/// The final words of a speaker phrase: a relative "that" gives way to the noun phrase it
/// stands for, as a reader names the report in "a city report that said", not "that". The
/// pronoun stays while quotations are found, since PolNeAR marks it as the source and the
/// rules weigh a pronoun and a noun phrase differently.
pub fn named(ctx: &Ctx, speaker: Span) -> Span {
    let tokens = ctx.tokens_in(speaker);
    if tokens.len() != 1 || !lexicon::is(ctx.word(tokens.start), "that") {
        return speaker;
    }
    let floor = ctx
        .seg
        .sentence_at(speaker.start)
        .and_then(|i| ctx.seg.sentences.get(i))
        .map_or(0, |s| ctx.token_from(s.span.start));
    that_antecedent(ctx, floor, tokens.start).unwrap_or(speaker)
}

/// A name with an apposition before a cue, up to the `comma` before the cue: "Scott Pruitt,
/// the attorney general of Oklahoma, said". A participial clause instead of an apposition
/// ("Trump, speaking to veterans, said") leaves the name alone, and so does a relative clause
/// ("The official, who asked not to be named, said"), whatever verbs it holds.
fn apposition_before(ctx: &Ctx, floor: usize, comma: usize) -> Option<Span> {
    if let Some(run) = subject_run(ctx, floor, comma) {
        return Some(run);
    }
    let relative = (floor..comma)
        .rev()
        .take(20)
        .take_while(|&k| !ctx.is_mark(k))
        .find(|&k| ctx.is(k, ","))
        .filter(|&k| {
            lexicon::is_relative(ctx.word(k + 1)) && !lexicon::is(ctx.word(k + 1), "that")
        });
    if let Some(opening) = relative {
        // "Scott Reed, who managed Bob Dole's campaign, said": the name with its clause.
        if opening == floor || !ctx.is_word(opening - 1) || ctx.is_pronoun(opening - 1) {
            return None;
        }
        let name = before(ctx, floor, opening)?;
        // A one-word name ("Trump, who has a commanding lead, said") is someone already
        // introduced: PolNeAR leaves the clause out about twice as often as it takes it in.
        if ctx.tokens_in(name).len() == 1 {
            return Some(name);
        }
        return Some(Span::new(name.start, ctx.tok(comma).end));
    }
    let opening = (floor..comma)
        .rev()
        .take(20)
        .take_while(|&k| !ctx.is_mark(k) && !ctx.is_cue_verb(k))
        .find(|&k| ctx.is(k, ","))?;
    let name = before(ctx, floor, opening)?;
    let head = ctx.tokens_in(name).end.checked_sub(1)?;
    // "the report, by White House Counsel Robert Bauer, concluded": a document and its
    // author.
    let by = ["by", "from"]
        .iter()
        .any(|w| lexicon::is(ctx.word(opening + 1), w));
    if by && lexicon::is_document(ctx.word(head)) && comma - opening <= 10 {
        return Some(Span::new(name.start, ctx.tok(comma).end));
    }
    if !ctx.is_capitalized(head) {
        // "Mr. Jackson's lawyer, Reid H. Weingarten, said", "one of her lawyers, Tom Kirsch,
        // says": a role, then the name of the one holding it.
        let named = (opening + 1..comma).all(|k| ctx.is_capitalized(k) || !ctx.is_word(k))
            && (opening + 1..comma).any(|k| ctx.is_word(k))
            && comma - opening <= 8;
        return named.then(|| Span::new(name.start, ctx.tok(comma).end));
    }
    // "Clinton, at Monday's debate, said", "Some Democrats, however, say": an aside, not
    // an apposition.
    if !is_aside(ctx.word(opening + 1)) {
        Some(Span::new(name.start, ctx.tok(comma).end))
    } else {
        Some(name)
    }
}

/// Most tokens of a sentence-opening name with its appositions.
const MAX_RUN: usize = 45;

/// A name opening the sentence at token `floor` with several comma-separated appositions up
/// to the `comma` before the cue, taken whole as PolNeAR's sources are: "Dean Johnson, a
/// 55-year-old salesman from Sumter, South Carolina, said", "Carole Bower, 75, a retiree in
/// Carthage, Ill., said". None when a part is an aside ("Clinton, 68, at Monday's debate,").
fn subject_run(ctx: &Ctx, floor: usize, comma: usize) -> Option<Span> {
    if comma > floor + MAX_RUN {
        return None;
    }
    let first_comma = (floor + 1..comma).find(|&k| ctx.is(k, ","))?;
    let head = before(ctx, floor, first_comma)?;
    let head_tokens = ctx.tokens_in(head);
    // A name, or a role named right after it: "A Twitter spokesman, Christopher Abboud,".
    let named = ctx.is_capitalized(head_tokens.end.checked_sub(1)?)
        || ctx.is_capitalized(first_comma + 1) && !ctx.is_determiner(first_comma + 1);
    if head_tokens.start != floor || !named {
        return None;
    }
    if head_tokens.len() == 1 && lexicon::is(ctx.word(first_comma + 1), "who") {
        // See `apposition_before`: a one-word name leaves its relative clause out.
        return Some(head);
    }
    let clean = (floor..comma).all(|k| {
        !is_quote_mark(ctx, k) && (!lowercase_cue(ctx, k) || after_relative(ctx, floor, k))
    });
    let parts_ok = (first_comma..comma)
        .filter(|&k| ctx.is(k, ","))
        .all(|k| !is_aside(ctx.word(k + 1)));
    (clean && parts_ok).then(|| Span::new(head.start, ctx.tok(comma).end))
}

/// Whether token `k` is a cue verb written in lowercase ("Cook Political Report" is a name).
fn lowercase_cue(ctx: &Ctx, k: usize) -> bool {
    ctx.is_cue_verb(k) && !ctx.is_capitalized(k)
}

/// Whether a relative pronoun stands between tokens `from` and `k`, so that a verb at `k`
/// belongs to a relative clause inside the phrase ("a former chair who is supporting Brooks").
fn after_relative(ctx: &Ctx, from: usize, k: usize) -> bool {
    (from..k).any(|j| ["who", "which"].iter().any(|r| lexicon::is(ctx.word(j), r)))
}

/// Whether token `k` is a quotation mark rather than the apostrophe of a plural possessive
/// ("Sanders’ campaign manager").
fn is_quote_mark(ctx: &Ctx, k: usize) -> bool {
    ctx.is_mark(k)
        && !(matches!(ctx.word(k), "’" | "'")
            && k > 0
            && ctx.word(k - 1).ends_with('s')
            && ctx.tok(k - 1).end == ctx.tok(k).start)
}

/// Whether a phrase opening with `word` after a comma is an aside rather than an apposition.
fn is_aside(word: &str) -> bool {
    word.ends_with("ing")
        || lexicon::is_adverbial(word)
        || [
            "at",
            "in",
            "on",
            "like",
            "during",
            "after",
            "before",
            "with",
            "for",
            "unlike",
            "meanwhile",
            "though",
            "however",
            "too",
            "instead",
            "by",
        ]
        .contains(&word)
}

/// The speaker phrase starting at token `start`, for inverted attributions ("said the
/// ministry", "said Mr. Lavrov"), not reaching token `limit`.
pub fn after(ctx: &Ctx, start: usize, limit: usize) -> Option<Span> {
    if start >= limit {
        return None;
    }
    let first = ctx.word(start);
    // "pledged to act", "emailed to delegates": what follows "to" is an infinitive or a
    // recipient, never the speaker; "adding that …" opens a clause.
    if first == "to" || lexicon::is(first, "that") {
        return None;
    }
    if ctx.is_pronoun(start)
        && !["that", "who", "which", "one"]
            .iter()
            .any(|p| lexicon::is(first, p))
    {
        return Some(ctx.tok(start));
    }
    let mut last = None;
    let mut k = start;
    while k < limit && k < start + MAX_WORDS {
        let w = ctx.word(k);
        let word = ctx.is_word(k);
        // A party and state after a name: "Rep. G.K. Butterfield (D-N.C.)".
        if w == "(" && last.is_some() {
            match (k + 1..limit.min(k + 8)).find(|&j| ctx.is(j, ")")) {
                Some(close) => {
                    last = Some(close);
                    k = close + 1;
                    continue;
                }
                None => break,
            }
        }
        let joins = matches!(w, "'s" | "’s" | "-" | "&" | ".");
        if !(word || joins && last.is_some()) {
            break;
        }
        let breaks = lexicon::is_phrase_break(w) && !name_link(ctx, k, start);
        // "told the paper it was …", "told reporters he would …": a pronoun opens the clause.
        let clause = ctx.is_pronoun(k) && !lexicon::is_relative(w);
        // A document noun that is also a verb form, right after a determiner: "said the
        // report", "said the statement".
        let verb = ctx.is_cue_verb(k) && !(ctx.is_determiner(k - 1) && lexicon::is_document(w));
        if word && k > start && (breaks || verb || clause) {
            break;
        }
        // "Mr. Burman of the Tax Policy Center": an organization after "of the" is part of
        // the name.
        let of_the = lexicon::is(w, "the")
            && ctx.word(k.wrapping_sub(1)) == "of"
            && ctx.is_capitalized(k + 1);
        if word && k > start && (lexicon::is(w, "that") || ctx.is_determiner(k) && !of_the) {
            break;
        }
        if word {
            last = Some(k);
        }
        k += 1;
    }
    let mut last = last?;
    // Time words after a listener are not part of it: "told reporters Tuesday that".
    while last > start && is_time_or_adverb(ctx, last) {
        last -= 1;
    }
    if !plausible(ctx, start, last) {
        return None;
    }
    // "said Kenneth Baer, a former official who runs Crosscut Strategies." — an apposition
    // running to the end of the sentence belongs to the speaker.
    let apposition = ctx.is(last + 1, ",")
        && ctx.is_word(last + 2)
        && !["and", "but", "while", "as", "because", "although", "though"]
            .iter()
            .any(|c| lexicon::is(ctx.word(last + 2), c))
        && (last + 2..limit).all(|k| {
            !ctx.is_mark(k) && (!lowercase_cue(ctx, k) || after_relative(ctx, last + 2, k))
        });
    let end = if apposition {
        (last + 2..limit)
            .rev()
            .find(|&k| ctx.is_word(k))
            .unwrap_or(last)
    } else {
        last
    };
    Some(ctx.cover(start, end))
}

/// Lowercase words inside a name: "Commission on Presidential Debates", "Bill de Blasio",
/// "Osama bin Laden", "Ludwig van Beethoven".
const NAME_LINKS: [&str; 15] = [
    "of", "on", "for", "de", "del", "della", "di", "da", "du", "van", "von", "der", "bin", "ibn",
    "al",
];

/// Whether token `k` is a lowercase link word inside a name (see [`NAME_LINKS`]).
fn name_link(ctx: &Ctx, k: usize, floor: usize) -> bool {
    // "The Register on July 20": a date after "on" is no part of the name.
    let date = |w: &str| {
        parallax_core::calendar::month(w).is_some() || parallax_core::calendar::weekday(w).is_some()
    };
    NAME_LINKS.contains(&ctx.word(k))
        && k > floor
        && ctx.is_capitalized(k - 1)
        && ctx.is_capitalized(k + 1)
        && !date(ctx.word(k + 1))
}

/// Moves a contracted auxiliary from the end of a speaker right before its cue into the cue:
/// "She’ll present" is the speaker "She" and the cue "’ll present", as PolNeAR marks them
/// (the tokens keep "she’ll" whole).
pub fn split_clitic(text: &str, speaker: Span, cue: Span) -> (Span, Span) {
    const CLITICS: [&str; 10] = [
        "’ll", "'ll", "’re", "'re", "’ve", "'ve", "’d", "'d", "’m", "'m",
    ];
    let Some(words) = text.get(speaker.start..speaker.end) else {
        return (speaker, cue);
    };
    let adjacent = speaker.end <= cue.start
        && text
            .get(speaker.end..cue.start)
            .is_some_and(|gap| gap.trim().is_empty());
    let clitic = CLITICS.iter().find(|c| {
        words
            .strip_suffix(**c)
            .and_then(|rest| rest.chars().last())
            .is_some_and(char::is_alphabetic)
    });
    match clitic {
        Some(c) if adjacent => {
            let at = speaker.end - c.len();
            (Span::new(speaker.start, at), Span::new(at, cue.end))
        }
        _ => (speaker, cue),
    }
}

/// The subject phrase opening the sentence that starts at token `start`, for participial
/// cues (", saying …", ", adding …") whose speaker is the main clause's subject. An opening
/// adverbial phrase ("On Sunday,") is skipped.
pub fn subject(ctx: &Ctx, start: usize, limit: usize) -> Option<Span> {
    let mut start = start;
    let skip_marks = |mut k: usize| {
        while k < limit && !ctx.is_word(k) {
            k += 1;
        }
        k
    };
    start = skip_marks(start);
    // An opening adverbial ("On Sunday,", "Ten minutes later,") is no subject.
    let comma = (start..limit.min(start + 8)).find(|&i| ctx.is(i, ","));
    let time_word = |k: usize| {
        let w = ctx.word(k);
        lexicon::is_time_adverbial(&w.to_ascii_lowercase())
            || ["later", "ago", "minutes", "hours", "days"]
                .iter()
                .any(|t| lexicon::is(w, t))
            || parallax_core::calendar::weekday(w).is_some()
            || ctx.is_capitalized(k) && parallax_core::calendar::month(w).is_some()
    };
    let timed = |c: usize| {
        (start..c).any(time_word) && (start + 1..c).all(|k| !ctx.is_capitalized(k) || time_word(k))
    };
    if lexicon::is_phrase_break(ctx.word(start)) || opens_adjunct(ctx, start) {
        // The comma may sit inside a closing quotation mark: "Speaking on “Fox News
        // Sunday,” Sen. Jim DeMint …".
        start = skip_marks((start..limit).find(|&i| ctx.is(i, ","))? + 1);
    } else if let Some(c) = comma.filter(|&c| timed(c)) {
        start = c + 1;
        // The year of a date: "On May 26, 2009, The Connecticut Post".
        let year = ctx.word(start);
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && ctx.is(start + 1, ",") {
            start += 2;
        }
    }
    // Without a parser the phrase would run on into the verb ("Clinton spoke out Tuesday"):
    // a name ends at the first lowercase word after it.
    let name_end = (start..limit)
        .skip_while(|&i| !ctx.is_capitalized(i) || i == start && ctx.is_determiner(i))
        .find(|&i| ctx.is_word(i) && !ctx.is_capitalized(i) && !name_link(ctx, i, start));
    after(ctx, start, name_end.unwrap_or(limit).min(limit))
}

/// Whether the sentence-opening word at `start` opens an adverbial clause before the subject:
/// a participle taking an object ("Making a false virtue of necessity, the CDC …", "Citing
/// the report, she …") or an adverb ("Shortly after the story broke, Carlson …"). A name
/// ending in "-ing" is followed by a capital or a comma, not by a lowercase word.
fn opens_adjunct(ctx: &Ctx, start: usize) -> bool {
    let w = ctx.word(start);
    let next_lowercase = ctx.is_word(start + 1) && !ctx.is_capitalized(start + 1);
    let participle = w.len() > 4 && w.ends_with("ing") && next_lowercase;
    participle || lexicon::is_adverbial(&w.to_ascii_lowercase()) && next_lowercase
}

/// Word endings of adjectives and participles, which do not head a speaker phrase.
const ADJECTIVE_ENDINGS: [&str; 5] = ["ory", "ous", "ive", "ing", "ed"];

/// A speaker phrase must end in a name or noun-like word, not a determiner, adverb or number.
fn plausible(ctx: &Ctx, first: usize, last: usize) -> bool {
    let Some(head_at) = (first..=last)
        .rev()
        .find(|&i| ctx.is_word(i) && !ctx.is(i, ")"))
    else {
        return false;
    };
    let head = ctx.word(head_at);
    let any_upper = (first..=last).any(|i| ctx.is_capitalized(i));
    let adjective = !parallax_core::text::is_capitalized(head)
        && ADJECTIVE_ENDINGS.iter().any(|e| head.ends_with(e));
    // A lone letter is an initial, not a name a reader can check ("W concluded"), unless it
    // labels a transcript's turns ("V: …").
    let letter = first == head_at
        && head.len() == 1
        && !ctx.is_pronoun(head_at)
        && !ctx.is(head_at + 1, ":");
    let head_ok = !adjective
        && !letter
        && !lexicon::is_not_head(head)
        && !lexicon::is_phrase_break(head)
        && !["of", "for"].contains(&head)
        && !lexicon::is_determiner(head)
        && !is_time_or_adverb(ctx, head_at)
        && (!head.chars().all(|c| c.is_ascii_digit())
            || head_at > first && lexicon::is(ctx.word(head_at - 1), "in"));
    head_ok && (any_upper || head.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seg_of;

    fn before_cue(text: &str, cue: &str) -> Option<String> {
        let seg = seg_of(text);
        let ctx = Ctx::new(text, &seg);
        let at = text.find(cue)?;
        let end = ctx.token_from(at);
        before(&ctx, 0, end).map(|s| s.text(text).to_string())
    }

    #[test]
    fn a_clause_opening_phrase_keeps_its_modifier() {
        assert_eq!(
            before_cue("The transcript of the debate shows", "shows").as_deref(),
            Some("The transcript of the debate")
        );
        assert_eq!(
            before_cue(
                "Recent polls in Pennsylvania and Virginia have shown",
                "have"
            )
            .as_deref(),
            Some("Recent polls in Pennsylvania and Virginia")
        );
        assert_eq!(
            before_cue("After the talks in Geneva, the minister said", "said").as_deref(),
            Some("the minister")
        );
    }

    #[test]
    fn finds_noun_phrases_before_the_cue() {
        assert_eq!(
            before_cue("the influential US daily wrote", "wrote").as_deref(),
            Some("the influential US daily")
        );
        assert_eq!(before_cue("Ah, he said", "said").as_deref(), Some("he"));
        // Neither the reader nor the auxiliary of a passive is a speaker.
        assert_eq!(before_cue("If you told Sessions", "told"), None);
        assert_eq!(
            before_cue("so much of what gets written off", "written"),
            None
        );
        assert_eq!(
            before_cue("Georgia's president said", "said").as_deref(),
            Some("Georgia's president")
        );
        assert_eq!(
            before_cue("Trump on Tuesday said", "said").as_deref(),
            Some("Trump")
        );
        assert_eq!(
            before_cue("when Gov. Mike Pence (R-IN) said", "said").as_deref(),
            Some("Gov. Mike Pence (R-IN)")
        );
        // Lowercase links inside a name, a name ending in a time word, a negated universal.
        assert_eq!(
            before_cue("Mayor Bill de Blasio described", "described").as_deref(),
            Some("Mayor Bill de Blasio")
        );
        assert_eq!(
            before_cue("Osama bin Laden declared", "declared").as_deref(),
            Some("Osama bin Laden")
        );
        assert_eq!(
            before_cue("A reporter for USA Today reported", "reported").as_deref(),
            Some("A reporter for USA Today")
        );
        assert_eq!(
            before_cue("But not everyone agrees", "agrees").as_deref(),
            Some("not everyone")
        );
    }

    #[test]
    fn takes_whole_noun_phrases() {
        assert_eq!(
            before_cue(
                "Republicans on the House Financial Services Committee said",
                "said"
            )
            .as_deref(),
            Some("Republicans on the House Financial Services Committee")
        );
        assert_eq!(
            before_cue("Joseph and other community members said", "said").as_deref(),
            Some("Joseph and other community members")
        );
        assert_eq!(
            before_cue("Some state officials said", "said").as_deref(),
            Some("Some state officials")
        );
        assert_eq!(
            before_cue("Some Democrats, however, say", "say").as_deref(),
            Some("Some Democrats")
        );
    }

    #[test]
    fn finds_inverted_speakers() {
        let text = "said the Russian Defence Ministry, adding";
        let seg = seg_of(text);
        let ctx = Ctx::new(text, &seg);
        let got = after(&ctx, 1, seg.tokens.len()).map(|s| s.text(text));
        assert_eq!(got, Some("the Russian Defence Ministry"));
        // A document whose noun is also a verb of saying.
        let text = "said the report.";
        let seg = seg_of(text);
        let ctx = Ctx::new(text, &seg);
        let got = after(&ctx, 1, seg.tokens.len()).map(|s| s.text(text));
        assert_eq!(got, Some("the report"));
        // An infinitive or a recipient after "to" is not a speaker.
        let text = "pledged to act quickly";
        let seg = seg_of(text);
        let ctx = Ctx::new(text, &seg);
        assert_eq!(after(&ctx, 1, seg.tokens.len()), None);
    }
}
