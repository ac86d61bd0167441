//! Direct quotations: paired marks attributed by a cue after the quote ("…," he said / said
//! Mr X) or before it ("X said: “…”", "He told CNN: “…”", "according to X, “…”").
//!
//! A quote without a cue of its own is kept when it is a whole sentence or paragraph (it
//! continues the previous speaker, see `lib.rs`) or long enough to be a statement; a short
//! unattributed fragment is a scare quote, returned separately so an indirect attribution
//! around it can make it a mixed quote.

use crate::context::Ctx;
use crate::cue::{self, Cue, CueKind};
use crate::found::{Found, Taken};
use crate::marks::Pair;
use crate::{channel, indirect, lexicon, speaker};
use parallax_core::{QuoteKind, Span};

/// Tokens allowed between a closing mark and the cue after it, room for a speaker with a long
/// apposition ("…," Scott Pruitt, the attorney general of Oklahoma, said).
const AFTER_WINDOW: usize = 30;
/// Tokens allowed between a cue and the opening mark after it ("said on Tuesday in Ohio: “").
const BEFORE_GAP: usize = 10;
/// Words an unattributed quote needs to count as a statement rather than a scare quote.
const STATEMENT_WORDS: usize = 6;

/// Appends the attributed and statement-like direct quotes of `pairs` to `found`; returns the
/// unattributed fragments.
pub fn find(ctx: &Ctx, pairs: &[Pair], found: &mut Vec<Found>) -> Vec<Pair> {
    let mut fragments = Vec::new();
    let mut taken = Taken::of(found);
    for pair in pairs.iter().filter(|p| !p.nested) {
        let inner = pair.inner().trim(ctx.text);
        if inner.is_empty() || taken.overlaps(pair.outer()) {
            continue;
        }
        if is_title(ctx, pair) {
            fragments.push(*pair);
            continue;
        }
        let mut quote = Found::new(inner, QuoteKind::Direct);
        let attribution = asked_by(ctx, pair)
            .map(|(c, s)| (c, s, None))
            .or_else(|| after_quote(ctx, pair))
            .or_else(|| colon_label(ctx, pair).map(|(c, s)| (c, s, None)))
            .or_else(|| before_quote(ctx, pair, found).map(|(c, s)| (c, s, None)));
        if let Some((cue, speaker, outer)) = attribution {
            quote.cue = Some(cue.span);
            quote.outer_cue = outer;
            quote.speaker = Some(speaker);
            let window = ctx
                .seg
                .sentence_at(cue.span.start)
                .and_then(|s| ctx.seg.sentences.get(s));
            quote.channel = window.and_then(|w| channel::find(ctx, &cue, w.span));
            taken.add(&quote);
            found.push(quote);
        } else if stands_alone(ctx, pair) {
            quote.continues = true;
            taken.add(&quote);
            found.push(quote);
        } else {
            fragments.push(*pair);
        }
    }
    fragments
}

/// Appends the fragments long enough to be statements as unattributed direct quotations.
pub fn keep_statements(ctx: &Ctx, fragments: &[Pair], found: &mut Vec<Found>) {
    let mut taken = Taken::of(found);
    for pair in fragments {
        let inner = pair.inner().trim(ctx.text);
        let words = inner.text(ctx.text).split_whitespace().count();
        if words >= STATEMENT_WORDS && !taken.overlaps(inner) {
            let quote = Found::new(inner, QuoteKind::Direct);
            taken.add(&quote);
            found.push(quote);
        }
    }
}

/// "…," he said / "…," said the ministry / "…," according to X. The third part is the cue of
/// a report around the attribution ("aides said Mr. Ryan told").
fn after_quote(ctx: &Ctx, pair: &Pair) -> Option<(Cue, Span, Option<Span>)> {
    let index = ctx.seg.sentence_at(pair.close.start)?;
    let sentence = ctx.seg.sentences.get(index)?;
    let mut end = ctx.tokens_in(sentence.span).end;
    let start = ctx.token_from(pair.close.end);
    let next_sentence = start >= end;
    if next_sentence {
        // The quote ends its sentence ("…?” Clinton said." may be split there): the
        // attribution is the next sentence of the same paragraph.
        let next = ctx
            .seg
            .sentences
            .get(index + 1)
            .filter(|n| n.paragraph == sentence.paragraph)?;
        end = ctx.tokens_in(next.span).end;
    }
    // A quotation closed by a full stop ends its sentence even where the segmenter went on
    // ("“… terrorized and traumatized. '' The UN said some 14,000 …"): what follows credits
    // it only as a next sentence would.
    let full_stop = pair.inner().text(ctx.text).trim_end().ends_with('.');
    let next_sentence = next_sentence || full_stop;
    let mut begin = start;
    while begin < end && matches!(ctx.word(begin), "," | "—" | "–" | "-") {
        begin += 1;
    }
    if let Some(dash) = dash_credit(ctx, start, end) {
        return Some((dash.0, dash.1, None));
    }
    let window = begin..end.min(start + AFTER_WINDOW);
    let cues = cue::find(ctx, window.clone());
    let Some(&cue) = cues.first() else {
        return document_reads(ctx, window, end).map(|(c, s)| (c, s, None));
    };
    // The clause may hold a word the cue finder takes ("with the request, said …").
    let late = cues
        .iter()
        .filter(|_| !next_sentence)
        .find_map(|c| after_a_clause(ctx, c, begin, end).map(|s| (*c, s)));
    if let Some((cue, late)) = late {
        return Some((cue, late, None));
    }
    if let Some((speaker, _)) = channel::quoted_as(ctx, &cue, begin) {
        return Some((cue, speaker, None));
    }
    let speaker_first =
        speaker::before(ctx, begin, cue.first).filter(|s| ctx.token_from(s.start) == begin);
    // In the next sentence, "Clinton said." credits the quote, but "The star then recalled
    // an incident …" is a statement of its own.
    // So does "The Weekly reported on May 23 that he …": a next sentence credits the quote
    // only when nothing but its time and place follows the cue.
    if next_sentence
        && speaker_first.is_some()
        && (states_its_own(ctx, &cue) || !closes_its_sentence(ctx, &cue, end))
    {
        return None;
    }
    // "“…,” adding that …", "“…,” saying …": a participle is spoken by the sentence's subject.
    let participle = cue.first == begin
        && begin > start
        && ctx.word(cue.verb).ends_with("ing")
        && !next_sentence;
    // Its comma may stand inside the closing mark ("reported the charges “will include …,”
    // citing someone familiar"): what follows the participle is its object or clause, never
    // an inverted speaker, and the attribution is left to a cue before the quotation.
    let comma_inside = pair.inner().text(ctx.text).trim_end().ends_with(',');
    if cue.kind == CueKind::Verb
        && cue.first == begin
        && comma_inside
        && ctx.word(cue.verb).ends_with("ing")
    {
        return None;
    }
    // "“…,” aides said Mr. Ryan told his colleagues": the quote is what the inner speaker said.
    if let Some((inner, speaker)) = speaker_first.and_then(|_| reported_speaker(ctx, &cue, end)) {
        return Some((inner, speaker, Some(cue.span)));
    }
    let speaker = match cue.kind {
        CueKind::According => speaker::after(ctx, cue.next, end).filter(|_| cue.first == begin),
        CueKind::Verb if participle => {
            let sentence = ctx.seg.sentences.get(index)?;
            speaker::subject(
                ctx,
                ctx.tokens_in(sentence.span).start,
                pair_open(ctx, pair),
            )
        }
        CueKind::Verb => speaker_first
            .or_else(|| speaker::after(ctx, cue.next, end).filter(|_| cue.first == begin)),
    }?;
    Some((cue, speaker, None))
}

/// The cue and speaker of a report of speech right after `cue` ("aides said Mr. Ryan told
/// his colleagues", "officials say he added"): a speaker phrase starting at the token after
/// the cue, then a verb cue, in the sentence ending before token `end`.
fn reported_speaker(ctx: &Ctx, cue: &Cue, end: usize) -> Option<(Cue, Span)> {
    if cue.kind != CueKind::Verb || lexicon::is(ctx.word(cue.next), "that") {
        return None;
    }
    let inner = cue::find(ctx, cue.next..end)
        .into_iter()
        .next()
        .filter(|c| c.kind == CueKind::Verb && c.first > cue.next)?;
    let speaker = speaker::before(ctx, cue.next, inner.first)
        .filter(|s| ctx.token_from(s.start) == cue.next)?;
    let named = ctx.tokens_in(speaker).any(|k| ctx.is_capitalized(k)) || ctx.is_pronoun(cue.next);
    named.then_some((inner, speaker))
}

/// The token of the opening mark of `pair`.
fn pair_open(ctx: &Ctx, pair: &Pair) -> usize {
    ctx.token_from(pair.open.start)
}

/// Whether a verb cue goes on to its own object or clause ("recalled an incident", "added
/// that …"); a listener after "told" does not count.
fn states_its_own(ctx: &Ctx, cue: &Cue) -> bool {
    let next = cue.next;
    cue.kind == CueKind::Verb
        && !indirect::is_told(ctx.word(cue.verb))
        && ctx.is_word(next)
        && (ctx.is_determiner(next) || ctx.is_pronoun(next) || lexicon::is(ctx.word(next), "that"))
}

/// Most tokens of the clause between a quotation and a later attribution ("“…” if the U.S.
/// persists, the ministry said").
const CLAUSE_BETWEEN: usize = 16;

/// Words that open a clause or phrase going on with a quoted sentence after its closing mark.
const CONTINUING: [&str; 14] = [
    "if", "unless", "when", "while", "because", "as", "after", "before", "since", "with", "for",
    "to", "until", "though",
];

/// The speaker of an attribution closing the sentence after a clause that continues the
/// quotation: "“…” if the U.S. persists in its “protectionism,” the ministry said in a
/// statement", "“…” with the request, said one official briefed on the matter". The clause
/// (from token `begin`) opens with a [`CONTINUING`] word and ends in a comma right before the
/// speaker or the inverted cue.
fn after_a_clause(ctx: &Ctx, cue: &Cue, begin: usize, end: usize) -> Option<Span> {
    if cue.kind != CueKind::Verb || cue.first <= begin || cue.first - begin > CLAUSE_BETWEEN {
        return None;
    }
    // The clause opens as the rest of the quoted sentence would: "if …", "with …".
    let continues = CONTINUING.iter().any(|w| lexicon::is(ctx.word(begin), w));
    if !continues {
        return None;
    }
    let comma = (begin..cue.first).rev().find(|&k| ctx.is(k, ","))?;
    if comma == begin {
        return None;
    }
    // The comma may close a quoted word: "its “protectionism,” the ministry said".
    let mut from = comma + 1;
    while from < cue.first && ctx.is_mark(from) {
        from += 1;
    }
    if cue.first == from {
        // The speaker phrase ends before a participle phrase ("one official briefed on …").
        let participle = (cue.next + 1..end)
            .find(|&k| ctx.word(k).ends_with("ed") && !ctx.is_capitalized(k))
            .unwrap_or(end);
        let speaker = speaker::after(ctx, cue.next, participle)?;
        let rest = ctx.token_from(speaker.end);
        // "said one official briefed on the matter": a participle phrase ends the speaker.
        let participle = ctx.word(rest).ends_with("ed")
            && !ctx.is_capitalized(rest)
            && (rest..end).all(|k| !ctx.is_mark(k));
        let closes = !ctx.is_mark(rest)
            && (indirect::ends_sentence(ctx, rest, end)
                || indirect::only_circumstance(ctx, rest, end)
                || participle);
        let speaker = if participle {
            let last = (rest..end).rev().find(|&k| ctx.is_word(k)).unwrap_or(rest);
            Span::new(speaker.start, ctx.tok(last).end)
        } else {
            speaker
        };
        return closes.then_some(speaker);
    }
    let speaker =
        speaker::before(ctx, from, cue.first).filter(|s| ctx.token_from(s.start) == from)?;
    closes_its_sentence(ctx, cue, end).then_some(speaker)
}

/// "“…,” the memo reads": "read" credits a quotation only to a document (no lexicon cue, as
/// people read what others wrote).
fn document_reads(ctx: &Ctx, window: std::ops::Range<usize>, end: usize) -> Option<(Cue, Span)> {
    let begin = window.start;
    let verb = window.clone().find(|&k| {
        ["read", "reads"]
            .iter()
            .any(|r| lexicon::is(ctx.word(k), r))
    })?;
    let speaker = speaker::before(ctx, begin, verb).filter(|s| ctx.token_from(s.start) == begin)?;
    let head = ctx.tokens_in(speaker).end.checked_sub(1)?;
    let cue = Cue {
        span: ctx.tok(verb),
        kind: CueKind::Verb,
        first: verb,
        verb,
        next: verb + 1,
        weak: false,
        noun_like: false,
    };
    (lexicon::is_document(ctx.word(head)) && closes_its_sentence(ctx, &cue, end))
        .then_some((cue, speaker))
}

/// Whether the sentence ending before token `end` ends after `cue` but for time, place and
/// medium ("said on Tuesday in a statement.") or a listener ("told reporters.").
fn closes_its_sentence(ctx: &Ctx, cue: &Cue, end: usize) -> bool {
    let mut next = cue.next;
    if indirect::is_told(ctx.word(cue.verb)) {
        if let Some(listener) = speaker::after(ctx, next, end) {
            next = ctx.token_from(listener.end);
        }
    }
    while next < end && (ctx.is(next, ",") || lexicon::is_adverbial(ctx.word(next))) {
        next += 1;
    }
    indirect::ends_sentence(ctx, next, end) || indirect::only_circumstance(ctx, next, end)
}

/// "…" ― Sonya Herridge: a dash and a name closing the sentence credit the quote.
fn dash_credit(ctx: &Ctx, start: usize, end: usize) -> Option<(Cue, Span)> {
    if !matches!(ctx.word(start), "―" | "—" | "–" | "--") {
        return None;
    }
    // The name closes its line, which need not close the sentence: in a list of reader
    // quotes one per line, "― Pamela Padilla" runs on into the next line's quotation.
    let line_end = (start + 1..end)
        .find(|&i| {
            ctx.text
                .get(ctx.tok(i - 1).end..ctx.tok(i).start)
                .is_some_and(|gap| gap.contains('\n'))
        })
        .unwrap_or(end);
    let speaker = speaker::after(ctx, start + 1, line_end)?;
    let rest = ctx.token_from(speaker.end);
    let closes = (rest..line_end).all(|i| !ctx.is_word(i)) && ctx.is_capitalized(start + 1);
    let cue = Cue {
        span: ctx.tok(start),
        kind: CueKind::Verb,
        first: start,
        verb: start,
        next: start + 1,
        weak: false,
        noun_like: false,
    };
    closes.then_some((cue, speaker))
}

/// X said: "…" / He told CNN on Sunday, "…" / According to X, "…" / …, adding: "…".
fn before_quote(ctx: &Ctx, pair: &Pair, found: &[Found]) -> Option<(Cue, Span)> {
    let sentence = ctx
        .seg
        .sentence_at(pair.open.start)
        .and_then(|s| ctx.seg.sentences.get(s))?;
    let start = ctx.tokens_in(sentence.span).start;
    let open = ctx.token_from(pair.open.start);
    let Some(cue) = cue::find(ctx, start..open).into_iter().last() else {
        return as_put_it(ctx, start, open);
    };
    let gap = cue.next..open;
    // "said that “…”" and a quote that the sentence goes on after are fragments of an
    // indirect attribution, which makes them mixed.
    // "tweeted on Friday “…”": only time words between the cue and the quote.
    let timed = gap.len() <= 3
        && gap
            .clone()
            .all(|k| lexicon::is_adverbial(ctx.word(k)) || lexicon::is(ctx.word(k), "on"));
    let introduces = gap.is_empty()
        || timed
        || gap.len() <= BEFORE_GAP
            && open
                .checked_sub(1)
                .is_some_and(|p| matches!(ctx.word(p), ":" | ","))
            && !lexicon::is(ctx.word(cue.next), "that");
    let after = ctx.token_from(pair.close.end);
    let sentence_end = ctx.tokens_in(sentence.span).end;
    let ends = after >= sentence_end
        || !ctx.is_word(after)
        || ctx.seg.sentence_at(pair.close.start) != ctx.seg.sentence_at(pair.open.start);
    if !introduces || !ends {
        return None;
    }
    let participle =
        cue.first > start && ctx.is(cue.first - 1, ",") && ctx.word(cue.verb).ends_with("ing");
    let speaker = match cue.kind {
        CueKind::According => speaker::after(ctx, cue.next, open),
        // "Hayek confirmed she had been and said, “…”": a coordinated verb is spoken by
        // the sentence's subject, as is a participle's.
        CueKind::Verb if participle || indirect::coordinated(ctx, cue.first, start) => {
            // The speaker of the sentence's earlier attribution, or its subject.
            let prior = found.iter().rev().find(|f| {
                f.cue
                    .is_some_and(|c| c.end <= cue.span.start && sentence.span.contains(c))
            });
            // "…, he said, adding, “…”": the speaker of the cue the participle follows.
            let said = cue::find(ctx, start..cue.first)
                .into_iter()
                .last()
                .filter(|c| c.kind == CueKind::Verb && ctx.is(c.next, ","))
                .and_then(|c| speaker::before(ctx, start, c.first));
            prior
                .and_then(|f| f.speaker)
                .or(said)
                .or_else(|| speaker::subject(ctx, start, cue.first))
        }
        CueKind::Verb => speaker::before(ctx, start, cue.first)
            .filter(|s| !speaker::is_named_thing(ctx, &cue, *s))
            .or_else(|| {
                // "Rep. Steve King (R-Iowa), tweeted on Friday “…”".
                (cue.first > start && ctx.is(cue.first - 1, ","))
                    .then(|| indirect::subject_before(ctx, start, &cue))
                    .flatten()
            }),
    }?;
    Some((cue, speaker))
}

/// "Asked by one of Ms. Rice’s aides, “Is this the final language …,” Mr. Rhodes replied":
/// a quotation right after "Asked by X," opening its sentence is X's question, whoever
/// answers it after.
fn asked_by(ctx: &Ctx, pair: &Pair) -> Option<(Cue, Span)> {
    let sentence = ctx
        .seg
        .sentence_at(pair.open.start)
        .and_then(|s| ctx.seg.sentences.get(s))?;
    let start = ctx.tokens_in(sentence.span).start;
    let open = pair_open(ctx, pair);
    let comma = open.checked_sub(1).filter(|&c| ctx.is(c, ","))?;
    let opens = lexicon::is(ctx.word(start), "asked") && lexicon::is(ctx.word(start + 1), "by");
    if !opens || comma <= start + 2 {
        return None;
    }
    let cue = Cue {
        span: ctx.cover(start, start + 1),
        kind: CueKind::Verb,
        first: start,
        verb: start,
        next: start + 2,
        weak: false,
        noun_like: false,
    };
    Some((cue, ctx.cover(start + 2, comma - 1)))
}

/// "As Sen. Rand Paul, R-Ky., put it, “…”": "as X put it" opening the sentence (from token
/// `start`) right before the opening mark at token `open` credits the quote to X.
fn as_put_it(ctx: &Ctx, start: usize, open: usize) -> Option<(Cue, Span)> {
    let comma = open.checked_sub(1).filter(|&c| ctx.is(c, ","))?;
    let it = comma
        .checked_sub(1)
        .filter(|&i| lexicon::is(ctx.word(i), "it"))?;
    let put = it
        .checked_sub(1)
        .filter(|&p| lexicon::is(ctx.word(p), "put"))?;
    if !lexicon::is(ctx.word(start), "as") || put <= start + 1 {
        return None;
    }
    let speaker =
        speaker::before(ctx, start + 1, put).filter(|s| ctx.token_from(s.start) == start + 1)?;
    let cue = Cue {
        span: ctx.cover(put, it),
        kind: CueKind::Verb,
        first: put,
        verb: put,
        next: comma,
        weak: false,
        noun_like: false,
    };
    Some((cue, speaker))
}

/// Name: “…” — a name opening its sentence (or following a dash) and a colon right before
/// the quote, as lists of quoted passages credit them ("Carl Bialik: “One of the biggest
/// lessons …”"): the colon is the cue.
fn colon_label(ctx: &Ctx, pair: &Pair) -> Option<(Cue, Span)> {
    let open = ctx.token_from(pair.open.start);
    let colon = open.checked_sub(1).filter(|&c| ctx.is(c, ":"))?;
    let sentence = ctx
        .seg
        .sentence_at(pair.open.start)
        .and_then(|s| ctx.seg.sentences.get(s))?;
    let start = ctx.tokens_in(sentence.span).start;
    // A speaker phrase opens with a word ("- Carl Bialik" gives "Carl Bialik").
    let speaker = speaker::before(ctx, start, colon)?;
    let first = ctx.token_from(speaker.start);
    let opens = first == start || matches!(ctx.word(first - 1), "-" | "—" | "–" | "--");
    let named = (first..colon).all(|i| !ctx.is_word(i) || ctx.is_capitalized(i));
    if !opens || !named || colon - first > 4 {
        return None;
    }
    let cue = Cue {
        span: ctx.tok(colon),
        kind: CueKind::Verb,
        first: colon,
        verb: colon,
        next: open,
        weak: false,
        noun_like: false,
    };
    Some((cue, speaker))
}

/// Most words of a show's or a book's name in quotation marks.
const TITLE_WORDS: usize = 5;

/// Whether the quoted words are a name in title case right after a preposition or a
/// possessive ("Speaking on ABC's “This Week,” Sen. McCain said", "on “Fox News Sunday”"):
/// a show or a title, which no one is credited with saying.
fn is_title(ctx: &Ctx, pair: &Pair) -> bool {
    let open = ctx.token_from(pair.open.start);
    let Some(before) = open.checked_sub(1) else {
        return false;
    };
    let w = ctx.word(before);
    let introduced = ["on", "in", "at", "from"].iter().any(|p| lexicon::is(w, p))
        || matches!(w, "'s" | "’s")
        || w.ends_with("'s") && ctx.is_capitalized(before);
    let words: Vec<usize> = ctx
        .tokens_in(pair.inner())
        .filter(|&k| ctx.is_word(k))
        .collect();
    introduced
        && !words.is_empty()
        && words.len() <= TITLE_WORDS
        && ctx.is_capitalized(words[0])
        && words.iter().all(|&k| {
            ctx.is_capitalized(k)
                || ["the", "of", "a", "and", "to", "for"]
                    .iter()
                    .any(|f| ctx.word(k) == *f)
        })
}

/// Whether the quote is all its sentence or paragraph holds, apart from punctuation.
fn stands_alone(ctx: &Ctx, pair: &Pair) -> bool {
    let outer = pair.outer();
    let unit = ctx
        .seg
        .sentence_at(outer.start)
        .and_then(|s| ctx.seg.sentences.get(s))
        .map(|s| s.span.cover(outer));
    let Some(unit) = unit else { return false };
    let before = Span::new(unit.start, outer.start).text(ctx.text);
    let after = Span::new(outer.end, unit.end.max(outer.end)).text(ctx.text);
    let bare = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    bare(before) && bare(after)
}

#[cfg(test)]
mod tests {
    use crate::test_support::quotes_of;

    #[test]
    fn a_question_after_asked_by_is_the_askers() {
        let quotes = quotes_of(
            "Asked by one of her aides, “Is this the final language,” Mr. Rhodes replied with \
             a single word: “Yup.”",
        );
        let speakers: Vec<(&str, Option<&str>)> = quotes
            .iter()
            .map(|q| {
                (
                    q.text.as_str(),
                    q.speaker_text.as_ref().map(|s| s.text.as_str()),
                )
            })
            .collect();
        assert_eq!(
            speakers,
            [
                ("Is this the final language,", Some("one of her aides")),
                ("Yup.", Some("Mr. Rhodes"))
            ]
        );
    }
}
