//! Indirect and mixed quotations: a cue with its speaker and the reported clause.
//!
//! Forms, within one sentence:
//! - speaker, cue, content: "X said (that) …", "X told Y (that) …", "X accused Y of …",
//!   "X called on Y to …" (the listener of "told" is the channel, not content);
//! - content, speaker, cue: "…, X said." / "…, said X.";
//! - "according to X, …" and "…, according to X.";
//! - participles: "…, saying …" / "…, adding …", spoken by the sentence's subject.
//!
//! Each token belongs to one attribution at most. Candidates are taken in order of
//! reliability — sentence-final attributions and "according to" first, then the common verbs
//! of saying, then the rest — and a candidate whose cue lies inside an accepted content, or
//! whose content holds an accepted cue, is dropped. A content holding a quoted fragment is a
//! mixed quotation.

use crate::context::Ctx;
use crate::cue::{self, Cue, CueKind};
use crate::found::{Found, Taken};
use crate::marks::Pair;
use crate::{channel, lexicon, speaker};
use parallax_core::span_index::{GrowingSpans, SpanIndex};
use parallax_core::{QuoteKind, Span};

/// Fewest words a reported clause has.
const MIN_CONTENT_WORDS: usize = 2;
/// The verbs of saying whose attributions are the most reliable.
const CORE_VERBS: [&str; 12] = [
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "wrote", "writes", "asked",
    "saying",
];
/// Words a reported clause does not start with.
const NOT_CLAUSE_START: [&str; 12] = [
    "of", "for", "about", "or", "and", "but", "with", "from", "by", "at", "on", "in",
];
/// Verbs whose listener stands between them and the reported clause.
const LISTENER_VERBS: [&str; 8] = [
    "warn", "remind", "assur", "inform", "convinc", "promis", "caution", "notif",
];
/// Prepositions that open a phrase between a cue and its "that" clause.
const PREPOSITIONS: [&str; 10] = [
    "in", "on", "at", "during", "with", "from", "after", "before", "about", "via",
];
/// Words after a comma that end the reported clause ("…, though she acknowledged …").
const CLAUSE_ENDS: [&str; 7] = [
    "though", "although", "while", "whereas", "but", "who", "which",
];

struct Candidate {
    quote: Found,
    /// Its cue, whose channel is looked for once the candidate is accepted.
    cue: Cue,
    /// Lower is more reliable.
    rank: u8,
    /// Content follows the cue (and may be cut at a later attribution).
    forward: bool,
    /// Fewest words its content has.
    min_words: usize,
}

/// Appends the indirect and mixed quotations of every sentence to `found`; cues inside any of
/// `pairs` are not attributions of the article. `fragments` are the
/// unattributed quoted fragments; those inside a content make it mixed. Returns the fragments
/// no content took.
pub fn find(ctx: &Ctx, pairs: &[Pair], fragments: &[Pair], found: &mut Vec<Found>) -> Vec<Pair> {
    let before = Before::new(found, pairs);
    let fragment_spans = SpanIndex::new(fragments.iter().map(|f| f.outer()));
    let mut new: Vec<Found> = Vec::new();
    // The contents and cues of `new` (as [`Taken`] holds them), and its cues alone.
    let mut new_touched = GrowingSpans::default();
    let mut new_cues = GrowingSpans::default();
    for sentence in &ctx.seg.sentences {
        let range = ctx.tokens_in(sentence.span);
        let mut candidates: Vec<Candidate> = Vec::new();
        // The quotations before this pass with their cue in the sentence, latest first.
        let mut cued_here = before.cues.within(sentence.span);
        cued_here.reverse();
        for cue in cue::find(ctx, range.clone()) {
            // A cue inside quotation marks belongs to the quoted speaker's own words.
            if before.touched.overlaps(cue.span) || before.inner.any_contains(cue.span) {
                continue;
            }
            let earlier = candidates
                .iter()
                .rev()
                .map(|c| &c.quote)
                .chain(cued_here.iter().filter_map(|&i| found.get(i)));
            let prior = earlier
                .filter(|f| {
                    f.cue
                        .is_some_and(|c| c.end <= cue.span.start && sentence.span.contains(c))
                })
                .find_map(|f| f.speaker);
            let plain = attribute(ctx, &cue, range.clone(), prior).map(|a| (cue, a));
            // "warned of the dangers", "pointed at the report": the preposition joins the cue.
            let attributed = plain.or_else(|| {
                let cue = with_preposition(ctx, &cue, range.end)?;
                attribute(ctx, &cue, range.clone(), prior).map(|a| (cue, a))
            });
            let Some((cue, (speaker, content, forward))) = attributed else {
                continue;
            };
            let mut quote = Found::new(content, QuoteKind::Indirect);
            quote.cue = Some(cue.span);
            quote.speaker = Some(speaker);
            let verb = ctx.word(cue.verb);
            let rank = if !forward || cue.kind == CueKind::According {
                0
            } else if CORE_VERBS.iter().any(|v| lexicon::is(verb, v)) {
                1
            } else if cue.weak {
                3
            } else {
                2
            };
            candidates.push(Candidate {
                quote,
                cue,
                rank,
                forward,
                // A bare object right after the verb may be one word ("endorsed Clinton");
                // after a preposition one word is an adverbial ("spoke at length"), and so is
                // one word before the speaker ("Overall, the survey found, …").
                min_words: if forward && cue.next == cue.verb + 1 {
                    1
                } else {
                    MIN_CONTENT_WORDS
                },
            });
        }
        cut_at_later_attributions(ctx, &mut candidates);
        candidates.sort_by_key(|c| c.rank);
        let mut mediums = None;
        for mut c in candidates {
            let content = clip(ctx, c.quote.span, &before.stops);
            // (`new` holds no blocks.)
            let conflict = c.quote.cue.is_some_and(|cue| {
                before.touched.overlaps(cue) || new_touched.any_overlapping(cue)
            }) || before.quote_cues.any_overlapping(content)
                || new_cues.any_overlapping(content);
            if conflict || content.text(ctx.text).split_whitespace().count() < c.min_words {
                continue;
            }
            c.quote.span = content;
            let mediums = mediums.get_or_insert_with(|| channel::mediums(ctx, sentence.span));
            c.quote.channel = channel::find_among(ctx, &c.cue, sentence.span, mediums)
                .filter(|ch| !ch.overlaps(content));
            if !fragment_spans.within(content).is_empty() {
                c.quote.kind = QuoteKind::Mixed;
            }
            new_touched.insert(c.quote.span);
            if let Some(cue) = c.quote.cue {
                new_touched.insert(cue);
                new_cues.insert(cue);
            }
            new.push(c.quote);
        }
    }
    let contents = SpanIndex::new(new.iter().map(|q| q.span));
    let left = fragments
        .iter()
        .copied()
        .filter(|f| !contents.any_overlapping(f.outer()))
        .collect();
    found.extend(new);
    left
}

/// The quotations found before this pass (blocks, transcripts, direct quotations) and the
/// pairs of quotation marks, indexed once: every cue and candidate of the article is checked
/// against them, and a pass over all of them per cue made the stage quadratic in the
/// article's length.
struct Before {
    /// The contents and cues of the quotations other than blocks.
    touched: Taken,
    /// The cues of the quotations other than blocks.
    quote_cues: SpanIndex,
    /// The cues of all the quotations, by their index in `found`.
    cues: SpanIndex,
    /// The insides of the pairs of quotation marks.
    inner: SpanIndex,
    /// Where the quotations other than blocks that have a cue start, and their cues: a content
    /// is clipped before them. Ascending.
    stops: Vec<usize>,
}

impl Before {
    fn new(found: &[Found], pairs: &[Pair]) -> Before {
        let quotes = || found.iter().filter(|f| f.kind != QuoteKind::Block);
        let mut stops: Vec<usize> = quotes()
            .filter(|f| f.cue.is_some())
            .flat_map(|f| [Some(f.span), f.cue])
            .flatten()
            .map(|s| s.start)
            .collect();
        stops.sort_unstable();
        Before {
            touched: Taken::of(found),
            quote_cues: SpanIndex::new(quotes().filter_map(|f| f.cue)),
            cues: SpanIndex::indexed(
                found
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| f.cue.map(|c| (c, i))),
            ),
            inner: SpanIndex::new(pairs.iter().map(|p| p.inner())),
            stops,
        }
    }
}

/// Ends a forward content before a later attribution of the same sentence that follows a
/// comma or conjunction: "X said A, and Y said B".
fn cut_at_later_attributions(ctx: &Ctx, candidates: &mut [Candidate]) {
    // A later speaker, or a later cue whose speaker came before this content ("Barkley, who
    // said he votes Democratic, said …").
    let starts: Vec<Span> = candidates
        .iter()
        .flat_map(|c| [c.quote.speaker, c.quote.cue])
        .flatten()
        .collect();
    for c in candidates.iter_mut().filter(|c| c.forward) {
        let content = c.quote.span;
        let cut = starts
            .iter()
            .filter(|s| s.start > content.start && s.start < content.end)
            .filter_map(|s| {
                let at = ctx.token_from(s.start).checked_sub(1)?;
                let w = ctx.word(at);
                (w == "," || w == ";" || lexicon::is(w, "and") || lexicon::is(w, "but"))
                    .then(|| ctx.tok(at).start)
            })
            .min();
        if let Some(cut) = cut {
            c.quote.span = ctx.trim_content(Span::new(content.start, cut));
        }
    }
}

/// The speaker and content of `cue` in the sentence of tokens `range`, and whether the
/// content follows the cue. `prior` is the speaker of an earlier attribution in the sentence.
fn attribute(
    ctx: &Ctx,
    cue: &Cue,
    range: std::ops::Range<usize>,
    prior: Option<Span>,
) -> Option<(Span, Span, bool)> {
    let sentence = Span::new(
        ctx.tok(range.start).start,
        ctx.tok(range.end.saturating_sub(1)).end,
    );
    let before_cue = Span::new(sentence.start, ctx.tok(cue.first).start);
    if cue.kind == CueKind::According {
        // "According to X, …": the speaker ends at the comma.
        let comma = (cue.next..range.end).find(|&i| ctx.is(i, ","));
        let limit = if cue.first == range.start {
            comma.unwrap_or(range.end)
        } else {
            range.end
        };
        let found = speaker::after(ctx, cue.next, limit);
        if cue.first == range.start {
            let speaker = found?;
            let content = ctx.trim_content(Span::new(speaker.end, sentence.end));
            return Some((speaker, content, true));
        }
        let whole = source_to_clause_end(ctx, cue.next, range.end);
        let speaker = whole.or(found)?;
        return Some((speaker, ctx.trim_content(before_cue), false));
    }
    if let Some((speaker, channel)) = channel::quoted_as(ctx, cue, range.start) {
        let start = ctx.token_from(channel.end);
        if start >= range.end {
            return None;
        }
        let content = ctx.trim_content(Span::new(ctx.tok(start).start, sentence.end));
        return Some((speaker, content, true));
    }
    let after_comma = cue.first > range.start && ctx.is(cue.first - 1, ",");
    if after_comma && participle(ctx, cue) {
        let speaker = prior.or_else(|| speaker::subject(ctx, range.start, cue.first))?;
        let content = content_after(ctx, cue, range.end, sentence.end)?;
        return Some((speaker, content, true));
    }
    // "X met voters and said …": a verb coordinated with the main clause's verb is spoken
    // by the sentence's subject.
    if coordinated(ctx, cue.first, range.start) {
        let speaker = prior.or_else(|| speaker::subject(ctx, range.start, cue.first))?;
        let content = content_after(ctx, cue, range.end, sentence.end)?;
        return Some((speaker, content, true));
    }
    // "He sent an e-mail to RNC members saying he hoped …": a participle after the one a
    // message went to is spoken by the sentence's subject, not by its recipients.
    let object = |s: &Span| {
        let at = ctx.token_from(s.start);
        at > range.start && ctx.word(at - 1) == "to"
    };
    if let Some(speaker) = speaker::before(ctx, range.start, cue.first)
        .filter(|s| !speaker::is_named_thing(ctx, cue, *s))
    {
        let subject = || {
            speaker::subject(ctx, range.start, cue.first)
                .filter(|s| ctx.tokens_in(*s).any(|k| ctx.is_capitalized(k)))
        };
        if let Some(speaker) = (object(&speaker) && participle(ctx, cue))
            .then(|| prior.or_else(subject))
            .flatten()
        {
            let content = content_after(ctx, cue, range.end, sentence.end)?;
            return Some((speaker, content, true));
        }
        if cue.noun_like && !names_someone(ctx, speaker) {
            return None;
        }
        if !cue.weak || weak_takes_clause(ctx, cue.next, range.end) {
            if let Some(content) = content_after(ctx, cue, range.end, sentence.end) {
                return Some((speaker, content, true));
            }
        }
        // "…, he said." / "…, he told the Herald.": the content is what precedes the speaker.
        let at = ctx.token_from(speaker.start);
        let ends_sentence = ends_sentence(ctx, cue.next, range.end)
            || only_circumstance(ctx, cue.next, range.end)
            || is_told(ctx.word(cue.verb))
                && speaker::after(ctx, cue.next, range.end).is_some_and(|listener| {
                    ends_sentence(ctx, ctx.token_from(listener.end), range.end)
                });
        if at > range.start && ctx.is(at - 1, ",") && ends_sentence {
            let content = Span::new(sentence.start, ctx.tok(at - 1).start);
            return Some((speaker, ctx.trim_content(content), false));
        }
        return None;
    }
    // "…, said the official."
    // The speaker closes the sentence, but for time and place or a participle: in "…,
    // described Mr. Blumenthal as …" the phrase after the verb is its object.
    if after_comma && !cue.noun_like {
        let speaker = speaker::after(ctx, cue.next, range.end)?;
        let rest = ctx.token_from(speaker.end);
        let participle = ctx.is(rest, ",") && ctx.word(rest + 1).ends_with("ing");
        let closes = ends_sentence(ctx, rest, range.end)
            || only_circumstance(ctx, rest, range.end)
            || participle;
        if closes {
            return Some((speaker, ctx.trim_content(before_cue), false));
        }
    }
    // "The Connecticut Post, a Bridgeport newspaper …, described him as …", "The Register on
    // July 20, 2006, described him": the sentence's subject past its apposition or time.
    if after_comma && !cue.noun_like {
        let speaker = subject_before(ctx, range.start, cue)?;
        let content = content_after(ctx, cue, range.end, sentence.end)?;
        return Some((speaker, content, true));
    }
    None
}

/// Whether `cue` is a participle ("saying", "adding"), spoken by its clause's subject.
fn participle(ctx: &Ctx, cue: &Cue) -> bool {
    ctx.word(cue.verb).ends_with("ing")
}

/// Most tokens between a sentence's subject and a cue that follows its apposition.
const SUBJECT_GAP: usize = 24;

/// The subject opening the sentence that starts at token `start`, when only an apposition or
/// a phrase of time (no other cue, no quotation mark) stands between it and `cue`, which
/// follows a comma: "Rep. Steve King (R-Iowa), tweeted", "The Post, a Bridgeport daily,
/// described". None when the words after a comma opening the sentence are another clause.
pub(crate) fn subject_before(ctx: &Ctx, start: usize, cue: &Cue) -> Option<Span> {
    let speaker = speaker::subject(ctx, start, cue.first)?;
    let end = ctx.token_from(speaker.end);
    let clean = end < cue.first
        && cue.first - end <= SUBJECT_GAP
        && (end..cue.first).all(|k| !ctx.is_cue_verb(k) && !ctx.is_mark(k))
        && (ctx.is(end, ",") || lexicon::is(ctx.word(end), "on") || ctx.is(end, "("));
    clean.then_some(speaker)
}

/// The source of a closing "…, according to X" as far as the end of its clause, with the
/// modifiers PolNeAR's sources keep ("a document provided by Nunberg's lawyer", "a Crossroads
/// official who wasn't authorized to speak publicly"): from token `start` to the first comma,
/// dash or parenthesis before token `end`. None when a quotation mark intervenes.
fn source_to_clause_end(ctx: &Ctx, start: usize, end: usize) -> Option<Span> {
    let stop = (start..end)
        .find(|&k| matches!(ctx.word(k), "," | ";" | "—" | "–" | "-" | "(" | ":") || ctx.is_mark(k))
        .unwrap_or(end);
    if stop < end && ctx.is_mark(stop) {
        return None;
    }
    let last = (start..stop).rev().find(|&k| ctx.is_word(k))?;
    Some(ctx.trim_content(ctx.cover(start, last)))
}

/// Prepositions a verb cue takes into its span when its object follows them ("spoke about",
/// "warned of", "pointed at"), as PolNeAR's cues do.
const CUE_PREPOSITIONS: [&str; 9] = [
    "of", "for", "about", "at", "against", "with", "over", "into", "from",
];

/// `cue` with the preposition after it, when one follows and a word comes after that.
fn with_preposition(ctx: &Ctx, cue: &Cue, end: usize) -> Option<Cue> {
    let p = cue.next;
    let takes = cue.kind == CueKind::Verb
        && p + 1 < end
        && CUE_PREPOSITIONS.iter().any(|w| lexicon::is(ctx.word(p), w))
        && ctx.is_word(p + 1)
        && !approximates(ctx, p);
    takes.then(|| Cue {
        span: ctx.cover(cue.first, p),
        next: p + 1,
        ..*cue
    })
}

/// Whether token `k` opens a hedged number ("said about 8,000 people had fled", "said at
/// least 15 people were killed"): part of the reported clause, not a preposition.
fn approximates(ctx: &Ctx, k: usize) -> bool {
    let (w, next) = (ctx.word(k), ctx.word(k + 1));
    (lexicon::is(w, "about") || lexicon::is(w, "over")) && speaker::is_number(next)
        || lexicon::is(w, "at") && (lexicon::is(next, "least") || lexicon::is(next, "most"))
}

/// Most tokens of the time and place after a closing cue ("…, it said in a statement on
/// Friday.").
const MAX_CIRCUMSTANCE: usize = 10;

/// Whether only time words and prepositional phrases of time, place or medium follow token
/// `k` to the end of the sentence: "…, it said in a statement.", "…, he said Friday at a
/// rally." — no reported clause ("that", a verb of saying, a comma) among them.
pub(crate) fn only_circumstance(ctx: &Ctx, k: usize, end: usize) -> bool {
    let last = (k..end)
        .rev()
        .find(|&i| ctx.is_word(i))
        .map_or(k, |i| i + 1);
    let opens = lexicon::is_adverbial(ctx.word(k))
        || PREPOSITIONS.iter().any(|p| lexicon::is(ctx.word(k), p));
    opens
        && last > k
        && last - k <= MAX_CIRCUMSTANCE
        && (k..last).all(|i| {
            let w = ctx.word(i);
            (ctx.is_word(i) || matches!(w, "'s" | "’s" | "-" | "."))
                && !lexicon::is(w, "that")
                && !ctx.is_cue_verb(i)
                && !ctx.is_mark(i)
        })
        && (last..end).all(|i| !ctx.is_word(i) && !ctx.is_mark(i))
}

/// Whether a weak cue ("believe", "found", "shows") whose next token is `next` is followed,
/// past time words, by a reported clause: "that", or a subject opening one ("officials
/// believe Beijing has …", "a poll found last week that …").
fn weak_takes_clause(ctx: &Ctx, next: usize, end: usize) -> bool {
    let mut k = next;
    while k < end && lexicon::is_adverbial(ctx.word(k)) {
        k += 1;
    }
    let w = ctx.word(k);
    lexicon::is(w, "that")
        || k < end
            && (ctx.is_pronoun(k) && !lexicon::is(w, "it")
                || ctx.is_determiner(k)
                || ctx.is_capitalized(k)
                || w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the cue starting at token `first` follows "and" or "but" after other words of its
/// sentence (starting at token `start`), so that it shares the main clause's subject.
pub(crate) fn coordinated(ctx: &Ctx, first: usize, start: usize) -> bool {
    first > start + 2 && {
        let w = ctx.word(first - 1);
        lexicon::is(w, "and") || lexicon::is(w, "but")
    }
}

/// Whether `verb` is a form of "tell", whose listener follows it ("told reporters").
pub(crate) fn is_told(verb: &str) -> bool {
    ["told", "tell", "tells", "telling"]
        .iter()
        .any(|v| lexicon::is(verb, v))
}

/// Whether the sentence ends at token `k` (of a sentence ending before token `end`): no word
/// follows, only closing punctuation.
pub(crate) fn ends_sentence(ctx: &Ctx, k: usize, end: usize) -> bool {
    k >= end || !ctx.is_word(k)
}

/// Whether a speaker phrase is a pronoun or holds a name (a capital past its first word).
fn names_someone(ctx: &Ctx, speaker: Span) -> bool {
    let tokens = ctx.tokens_in(speaker);
    let first = tokens.start;
    tokens.len() == 1 && ctx.is_pronoun(first)
        || tokens
            .clone()
            .any(|i| ctx.is_capitalized(i) && (i > first || !ctx.is_determiner(i)))
}

/// The reported clause after a verb cue, without its listener ("told reporters") or the time
/// and place between cue and clause ("said Friday", "said during a rally in Michigan that").
fn content_after(ctx: &Ctx, cue: &Cue, end: usize, sentence_end: usize) -> Option<Span> {
    let mut start = cue.next;
    let verb = ctx.word(cue.verb);
    let opens_phrase = |i: usize| {
        PREPOSITIONS.iter().any(|p| lexicon::is(ctx.word(i), p)) && !approximates(ctx, i)
    };
    let phrase_first = opens_phrase(start);
    if is_told(verb) {
        let listener = speaker::after(ctx, start, end)?;
        start = ctx.token_from(listener.end);
    }
    while start < end && (ctx.is(start, ",") || lexicon::is_adverbial(ctx.word(start))) {
        start += 1;
    }
    // The listener of "warned voters that …", "reminded them that …" is not content.
    if LISTENER_VERBS
        .iter()
        .any(|v| verb.len() > v.len() && verb.starts_with(v) || lexicon::is(verb, v))
    {
        let that = (start..end.min(start + 5))
            .take_while(|&i| ctx.is_word(i))
            .find(|&i| lexicon::is(ctx.word(i), "that"));
        if let Some(that) = that {
            start = that;
        }
    }
    // A phrase before "that": "said during a Friday rally in Michigan that …".
    if phrase_first || opens_phrase(start) {
        let that = (start..end.min(start + 14))
            // A show's name may stand in the phrase: "said on “Fox News Sunday” that".
            .take_while(|&i| ctx.is_word(i) || ctx.is(i, ",") || ctx.is_mark(i))
            .find(|&i| lexicon::is(ctx.word(i), "that"));
        start = that?;
    }
    let first = ctx.word(start);
    if start >= end
        || !ctx.is_word(start) && !ctx.is_mark(start)
        || NOT_CLAUSE_START.iter().any(|w| lexicon::is(first, w)) && !approximates(ctx, start)
        || start == cue.next && infinitive(ctx, start)
    {
        return None;
    }
    // The clause ends before a comma that opens another clause (", though …", ", who …",
    // ", encouraging …") and before a coordinated reporting verb ("… and said …").
    let mut stop = sentence_end;
    // "said he sympathizes with them, but that the bill undermines …": a second "that" clause
    // after the conjunction is still what was said.
    let second_report =
        |k: usize| lexicon::is(ctx.word(k), "but") && lexicon::is(ctx.word(k + 1), "that");
    let ends_clause = |k: usize| {
        let w = ctx.word(k);
        ctx.is(k - 1, ",")
            && (CLAUSE_ENDS.iter().any(|c| lexicon::is(w, c)) && !second_report(k)
                || w.ends_with("ing") && w.starts_with(|c: char| c.is_ascii_lowercase()))
            || lexicon::is(ctx.word(k - 1), "and") && lexicon::is_cue_verb(w)
    };
    if let Some(k) = (start + 1..end).find(|&k| ends_clause(k) && !inside_quote(ctx, k)) {
        stop = ctx.tok(k - 1).start;
    }
    // "While Spain said it would act, the talks stalled": a cue in a subordinate clause
    // opening the sentence reports as far as the comma closing that clause.
    if opens_subordinate(ctx, cue.first) {
        let comma = (start + 1..end).find(|&k| ctx.is(k, ",") && !inside_quote(ctx, k));
        if let Some(comma) = comma {
            stop = stop.min(ctx.tok(comma).start);
        }
    }
    let content = ctx.trim_content(Span::new(ctx.tok(start).start, stop));
    // "added his voice to the debate", "adds its weight": "add" with a possessed noun is no
    // report of speech.
    let adds = ["add", "adds", "added", "adding"]
        .iter()
        .any(|v| lexicon::is(verb, v));
    let possessed = ["his", "her", "its", "their", "our", "my", "your"]
        .iter()
        .any(|p| lexicon::is(ctx.word(start), p));
    if adds && possessed && start == cue.next {
        return None;
    }
    (!content.is_empty()).then_some(content)
}

/// Subordinators that open a clause before the main one ("While …, the talks stalled").
const SUBORDINATORS: [&str; 10] = [
    "while", "although", "though", "because", "if", "when", "since", "after", "before", "whereas",
];

/// Whether the sentence holding token `k` opens with a [`SUBORDINATORS`] word and no comma
/// stands between it and `k`: `k` is inside the opening subordinate clause.
fn opens_subordinate(ctx: &Ctx, k: usize) -> bool {
    let Some(mut first) = sentence_start(ctx, k) else {
        return false;
    };
    while first < k && !ctx.is_word(first) {
        first += 1;
    }
    SUBORDINATORS
        .iter()
        .any(|w| lexicon::is(ctx.word(first), w))
        && (first..k).all(|i| !ctx.is(i, ","))
}

/// The first token of the sentence holding token `k`.
fn sentence_start(ctx: &Ctx, k: usize) -> Option<usize> {
    let sentence = ctx
        .seg
        .sentence_at(ctx.tok(k).start)
        .and_then(|s| ctx.seg.sentences.get(s))?;
    Some(ctx.tokens_in(sentence.span).start)
}

/// Whether a negated infinitive opens at token `k` ("asked not to be named"): a request, not
/// a reported clause. (PolNeAR does count plain infinitives: "called on Y to …".)
fn infinitive(ctx: &Ctx, k: usize) -> bool {
    lexicon::is(ctx.word(k), "not") && lexicon::is(ctx.word(k + 1), "to")
}

/// Whether token `k` lies between quotation marks, by the parity of the marks before it in
/// its sentence (clause boundaries inside a quotation are the speaker's, not the reporter's).
fn inside_quote(ctx: &Ctx, k: usize) -> bool {
    let Some(first) = sentence_start(ctx, k) else {
        return false;
    };
    let marks = (first..k)
        .filter(|&i| matches!(ctx.word(i), "“" | "”" | "\""))
        .count();
    marks % 2 == 1
}

/// `content` cut before the first attributed quotation it runs into.
fn clip(ctx: &Ctx, content: Span, stops: &[usize]) -> Span {
    let stop = stops
        .get(stops.partition_point(|&s| s <= content.start))
        .copied()
        .filter(|&s| s < content.end);
    match stop {
        Some(stop) => {
            let cut = ctx.token_from(stop);
            // Leave the opening mark of the quotation out as well.
            let end = if cut > 0 && ctx.is_mark(cut - 1) {
                ctx.tok(cut - 1).start
            } else {
                stop
            };
            ctx.trim_content(Span::new(content.start, end.max(content.start)))
        }
        None => content,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::quotes_of;
    use parallax_core::QuoteKind;

    #[test]
    fn a_second_that_clause_after_but_is_still_reported() {
        let quotes = quotes_of(
            "He said he sympathizes with the victims, but that the bill undermines “core \
             interests.”",
        );
        let q = quotes.first();
        assert_eq!(quotes.len(), 1);
        assert_eq!(q.map(|q| q.kind), Some(QuoteKind::Mixed));
        assert_eq!(
            q.map(|q| q.text.as_str()),
            Some("he sympathizes with the victims, but that the bill undermines “core interests.”")
        );
        // "while that …" opens another clause: the reported one ends at its comma.
        let quotes = quotes_of("He said the plan works, while that plan fails.");
        assert_eq!(
            quotes.first().map(|q| q.text.as_str()),
            Some("the plan works")
        );
    }

    #[test]
    fn one_word_before_the_speaker_is_no_reported_clause() {
        let quotes = quotes_of("Overall, the survey found, voters support the plan.");
        assert!(quotes.iter().all(|q| q.text != "Overall"), "{quotes:?}");
    }
}
