//! Labels: the descriptions a text attaches to each entity it mentions.
//!
//! Four forms, found with rules over the sentence's tokens around each entity mention:
//!
//! - **appositive**: a noun phrase set off by a comma beside a name, after it ("Eduard
//!   Kokoity, the rebel leader,") or before it ("the rebel leader, Eduard Kokoity");
//! - **premodifier**: descriptive words before a name in the same noun phrase ("Georgia's
//!   pro-Western president Mikheil Saakashvili"), ending in a role or descriptor noun;
//! - **predicate**: a noun phrase after a copula ("X is a puppet", "X, who is a former
//!   general", "he has become the face of the war");
//! - **epithet**: a description standing in for the name ("the Georgian dictator"), when the
//!   entity annotator resolved that nominal mention to the entity.
//!
//! Each label keeps its byte span and whether it is the author's voice or inside a quotation
//! ([`crate::speech`]). The rules are deliberately conservative: a phrase that might be a
//! clause (it holds a verb, a pronoun or a subordinator) is not a label.

use crate::speech::QuoteMask;
use crate::words::{is_capitalized, is_punctuation, WordClass};
use parallax_core::{Document, Label, LabelForm, Mention, MentionKind, Segmentation, Span};
use std::cell::Cell;

/// Most tokens a label may have.
const MAX_LABEL_TOKENS: usize = 10;
/// Longest name mention looked back over when checking what a label ends in.
const MAX_NAME_BYTES: usize = 200;
/// Most tokens a premodifier may have.
const MAX_PREMODIFIER_TOKENS: usize = 6;

/// The labels attached to the entity mentions of `doc`, in text order. Mentions and quotes
/// whose spans do not fit the text are skipped.
pub fn labels(
    doc: &Document,
    seg: &Segmentation,
    mentions: &[Mention],
    mask: &QuoteMask,
) -> Vec<Label> {
    let mut out: Vec<Label> = Vec::new();
    // The classified tokens of the last sentence seen: mentions come in text order, so each
    // sentence's tokens are classified once.
    let mut current: Option<(usize, Tokens)> = None;
    for (index, mention) in mentions.iter().enumerate() {
        if mention.span.slice(&doc.text).is_err() {
            continue;
        }
        // "radical Islamic extremists": the words around a name written as an adjective
        // describe the noun it qualifies, not the people it names; only that noun itself
        // may be the label ("the Kordanian regime", an epithet).
        let modifier = parallax_core::modifiers::is_modifier(&doc.text, mention);
        let Some((at, sentence)) = seg
            .sentence_at(mention.span.start)
            .and_then(|i| Some((i, seg.sentences.get(i)?)))
        else {
            continue;
        };
        let view = match &mut current {
            Some((seen, view)) if *seen == at => view,
            slot => {
                let range = seg.tokens_in(sentence.span);
                let Some(tokens) = seg.tokens.get(range) else {
                    continue;
                };
                &slot.insert((at, Tokens::new(&doc.text, tokens))).1
            }
        };
        for (span, form) in find(view, mention) {
            if modifier && form != LabelForm::Epithet {
                continue;
            }
            let Some(text) = span.slice(&doc.text).ok() else {
                continue;
            };
            let (voice, quote) = mask.speech_of(span);
            out.push(Label {
                span,
                text: text.to_string(),
                form,
                mention: index,
                local_entity: mention.local_entity,
                voice,
                quote,
            });
        }
    }
    // "the conference will include Sen. Rand Paul, Rep. Paul Ryan, Gov. Chris Christie": a
    // phrase that ends inside another name is that person, a list item, not a description.
    let names: Vec<Span> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| m.span)
        .collect();
    out.retain(|l| l.form != LabelForm::Appositive || !ends_in_a_name(l.span, &names));
    out.sort_by_key(|l| (l.span.start, l.span.end, l.mention));
    out.dedup_by(|a, b| a.span == b.span && a.local_entity == b.local_entity && a.form == b.form);
    out
}

/// Whether `span` ends inside one of `names` (spans in text order).
fn ends_in_a_name(span: Span, names: &[Span]) -> bool {
    let after = names.partition_point(|n| n.start < span.end);
    names[..after]
        .iter()
        .rev()
        .take_while(|n| n.end + MAX_NAME_BYTES >= span.end)
        .any(|n| n.start < span.end && span.end <= n.end)
}

/// The tokens of one sentence with their text and word classes. A token's class is computed
/// the first time a rule asks for it, then kept: the rules look only around mentions.
struct Tokens<'t> {
    text: &'t str,
    spans: &'t [Span],
    classes: Vec<Cell<Option<WordClass>>>,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str, spans: &'t [Span]) -> Self {
        Tokens {
            text,
            spans,
            classes: vec![Cell::new(None); spans.len()],
        }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn word(&self, i: usize) -> &'t str {
        self.spans
            .get(i)
            .and_then(|s| s.slice(self.text).ok())
            .unwrap_or_default()
    }

    /// The class of token `i`; past the end, that of an empty word (no flags).
    fn class(&self, i: usize) -> WordClass {
        let Some(cell) = self.classes.get(i) else {
            return WordClass::default();
        };
        cell.get().unwrap_or_else(|| {
            let class = WordClass::of(self.word(i));
            cell.set(Some(class));
            class
        })
    }

    /// Whether token `i` is punctuation only; past the end, as an empty word is.
    fn is_punctuation(&self, i: usize) -> bool {
        is_punctuation(self.word(i))
    }

    /// The span from token `first` to token `last` inclusive.
    fn span(&self, first: usize, last: usize) -> Option<Span> {
        let a = self.spans.get(first)?;
        let b = self.spans.get(last)?;
        (a.start < b.end).then(|| Span::new(a.start, b.end))
    }

    /// Indices `[first, last]` of the tokens of `span`, when it is made of whole tokens.
    fn of(&self, span: Span) -> Option<(usize, usize)> {
        let first = self.spans.partition_point(|t| t.start < span.start);
        let end = self.spans.partition_point(|t| t.end <= span.end);
        (first < end).then(|| (first, end - 1))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == word
    }
}

/// The labels of one mention, as (span, form).
fn find(t: &Tokens, mention: &Mention) -> Vec<(Span, LabelForm)> {
    let mut found = Vec::new();
    let Some((first, last)) = t.of(mention.span) else {
        return found;
    };
    match mention.kind {
        MentionKind::Name => {
            found.extend(name_epithet(t, first, last).map(|s| (s, LabelForm::Epithet)));
            found.extend(premodifier(t, first).map(|s| (s, LabelForm::Premodifier)));
            found.extend(appositive_after(t, last).map(|s| (s, LabelForm::Appositive)));
            found.extend(appositive_before(t, first, last).map(|s| (s, LabelForm::Appositive)));
        }
        MentionKind::Nominal => {
            found.extend(epithet(t, first, last).map(|s| (s, LabelForm::Epithet)));
        }
        MentionKind::Pronoun => {}
    }
    found.extend(predicate(t, last).map(|s| (s, LabelForm::Predicate)));
    found
}

/// "the [Kordanian] regime", "the [North Korean] dictator", "the [Obama] administration": a
/// name (a nationality, as a rule) after a determiner and before modifiers and a descriptor
/// noun, the whole phrase standing for the actor the name resolves to.
fn name_epithet(t: &Tokens, first: usize, last: usize) -> Option<Span> {
    let determiner = first.checked_sub(1)?;
    if !t.class(determiner).is_determiner() {
        return None;
    }
    let mut i = last + 1;
    while i < t.len() && i - last <= MAX_PREMODIFIER_TOKENS {
        let class = t.class(i);
        if class.is_descriptor() && !class.is_function_word() {
            return t.span(first, i);
        }
        if !class.is_modifier() || class.is_function_word() {
            return None;
        }
        i += 1;
    }
    None
}

/// "Georgia's pro-Western president [Mikheil Saakashvili]": modifiers ending in a descriptor
/// noun right before the name.
fn premodifier(t: &Tokens, first: usize) -> Option<Span> {
    let head = first.checked_sub(1)?;
    if !t.class(head).is_descriptor() {
        return None;
    }
    let mut start = head;
    while start > 0 && head + 1 - start < MAX_PREMODIFIER_TOKENS {
        let prev = start - 1;
        let class = t.class(prev);
        if class.is_possessive_mark() && prev > 0 && !t.class(prev - 1).is_function_word() {
            // "Georgia's": the possessor closes the phrase.
            start = prev - 1;
            break;
        }
        if class.is_descriptor() || class.is_modifier() {
            start = prev;
        } else {
            break;
        }
    }
    t.span(start, head)
}

/// "[Eduard Kokoity], the rebel leader,": a noun phrase after the name and a comma, closed by
/// punctuation or the sentence's end.
fn appositive_after(t: &Tokens, last: usize) -> Option<Span> {
    let comma = last + 1;
    if !t.is(comma, ",") {
        return None;
    }
    let start = comma + 1;
    if !opens_noun_phrase(t, start) {
        return None;
    }
    let end = noun_phrase_end(t, start)?;
    (closes_apposition(t, end + 1) && describes(t, start, end)).then(|| t.span(start, end))?
}

/// "the rebel leader, [Eduard Kokoity]": a noun phrase before a comma and the name, where the
/// name is not the start of a clause's subject after a fronted phrase.
fn appositive_before(t: &Tokens, first: usize, last: usize) -> Option<Span> {
    let comma = first.checked_sub(1)?;
    if !t.is(comma, ",") || comma == 0 {
        return None;
    }
    // The name closes the apposition: "the rebel leader, Eduard Kokoity, said". A name that
    // runs on into its clause ("Talking about his own firing, Comey said") follows a fronted
    // phrase, and "the army, Kelidze and Orlov" is a list.
    if !closes_apposition(t, last + 1) {
        return None;
    }
    let end = comma - 1;
    let mut start = end;
    while start > 0 && end + 1 - start < MAX_LABEL_TOKENS {
        let prev = start - 1;
        let class = t.class(prev);
        if t.is_punctuation(prev) || class.ends_phrase() {
            break;
        }
        start = prev;
    }
    if start == end && !t.class(start).is_descriptor() {
        return None;
    }
    if !opens_noun_phrase(t, start) || !describes(t, start, end) {
        return None;
    }
    // "In the capital, Kelidze said": a fronted prepositional phrase, not an apposition.
    if start > 0 {
        let boundary = start - 1;
        let fronted = boundary == 0 || t.is_punctuation(boundary - 1);
        if t.class(boundary).is_preposition() && fronted {
            return None;
        }
        if !t.is_punctuation(boundary)
            && !t.class(boundary).is_preposition()
            && !t.class(boundary).is_reporting_verb()
        {
            return None;
        }
    }
    t.span(start, end)
}

/// "[X] is a puppet", "[X], who is a former general": the noun phrase after a copula.
fn predicate(t: &Tokens, last: usize) -> Option<Span> {
    let mut i = last + 1;
    if t.is(i, ",") && t.class(i + 1).is_relative_pronoun() {
        i += 2;
    }
    i = after_copula(t, i)?;
    while t.class(i).is_hedge_adverb() {
        i += 1;
    }
    // A predicate nominal opens with a determiner or possessive ("a puppet", "his ally");
    // "Ostrava is Marenia" and "Kordania was acting" are not labels.
    let class = t.class(i);
    let possessor = t.class(i + 1).is_possessive_mark() && is_capitalized(t.word(i));
    let opens = class.is_determiner() || class.is_possessive_pronoun() || class.is_number_word();
    if !opens && !possessor {
        return None;
    }
    let end = noun_phrase_end(t, i)?;
    has_common_word(t, i, end).then(|| t.span(i, end))?
}

/// The token after a copula starting at `i` ("is", "was", "has become", "will be"), if any.
fn after_copula(t: &Tokens, i: usize) -> Option<usize> {
    let class = t.class(i);
    if class.is_copula() {
        return Some(i + 1);
    }
    if class.is_copula_auxiliary() && t.class(i + 1).is_copula_participle() {
        return Some(i + 2);
    }
    None
}

/// "the Georgian dictator" standing for the entity: the mention minus its determiner, when
/// it says more than a bare determiner and noun would ("the ministry" is not a label).
fn epithet(t: &Tokens, first: usize, last: usize) -> Option<Span> {
    let start = if t.class(first).is_determiner() {
        first + 1
    } else {
        first
    };
    (start <= last && is_descriptive(t, start, last)).then(|| t.span(start, last))?
}

/// Whether a noun phrase can start at `i`: a determiner, a possessive ("Georgia's", "his"),
/// a descriptor noun or a modifier.
fn opens_noun_phrase(t: &Tokens, i: usize) -> bool {
    let class = t.class(i);
    if class.is_determiner() || class.is_possessive_pronoun() || class.is_number_word() {
        return true;
    }
    if t.class(i + 1).is_possessive_mark() && is_capitalized(t.word(i)) {
        return true;
    }
    (class.is_descriptor() || class.is_modifier()) && !class.is_function_word()
}

/// The last token of the noun phrase starting at `start`, or `None` when it holds what looks
/// like a verb or a clause before it ends.
fn noun_phrase_end(t: &Tokens, start: usize) -> Option<usize> {
    let mut end = start;
    let mut i = start;
    while i < t.len() && i - start < MAX_LABEL_TOKENS {
        let class = t.class(i);
        // "our closest, most important neighbor": a comma between modifiers of one noun.
        let coordinated = t.is(i, ",") && i > start && coordinates(t, i + 1);
        if t.is_punctuation(i) && !class.is_possessive_mark() && !coordinated {
            break;
        }
        if class.ends_phrase() && !(class.is_preposition() && t.is(i, "of")) {
            if class.is_clause_word() {
                return None;
            }
            break;
        }
        if class.looks_verbal() {
            return None;
        }
        end = i;
        i += 1;
    }
    if i - start >= MAX_LABEL_TOKENS && i < t.len() && !t.is_punctuation(i) {
        return None;
    }
    // Trailing function words ("the leader of") are not part of the phrase.
    while end > start && t.class(end).is_function_word() {
        end -= 1;
    }
    (!t.class(end).is_function_word()).then_some(end)
}

/// Whether the words from `i` on continue a noun phrase after a comma: a modifier, or "most"
/// or "more" before one, and a noun (a lowercase word that is no function word) follows
/// before any punctuation.
fn coordinates(t: &Tokens, i: usize) -> bool {
    let mut j = i;
    if t.is(j, "most") || t.is(j, "more") {
        j += 1;
    }
    let class = t.class(j);
    let lowercase = t.word(j).chars().next().is_some_and(char::is_lowercase);
    if !lowercase || class.is_function_word() || class.looks_verbal() || class.ends_phrase() {
        return false;
    }
    let next = t.class(j + 1);
    !t.is_punctuation(j + 1)
        && j + 1 < t.len()
        && !next.ends_phrase()
        && !next.looks_verbal()
        && t.word(j + 1).chars().next().is_some_and(char::is_lowercase)
}

/// Whether the token at `i` can close an apposition: punctuation or the sentence's end.
fn closes_apposition(t: &Tokens, i: usize) -> bool {
    i >= t.len()
        || matches!(
            t.word(i),
            "," | "." | ";" | ":" | ")" | "—" | "–" | "!" | "?" | "”" | "\""
        )
}

/// Whether tokens `[start, end]` hold a lowercase content word, a descriptor or a modifier,
/// so that a bare name is not taken for a label.
fn has_common_word(t: &Tokens, start: usize, end: usize) -> bool {
    content_words(t, start, end).any(|i| {
        let class = t.class(i);
        class.is_descriptor()
            || class.is_modifier()
            || t.word(i).chars().next().is_some_and(char::is_lowercase)
    })
}

/// Whether tokens `[start, end]` describe rather than name: a lowercase content word or a
/// descriptor noun ("leader", "Commandant"). Capitalized words alone make a name or a place
/// ("Sarah Palin" in a list of names, "N.Y." after "New York", "R-Wis."), not a label.
fn describes(t: &Tokens, start: usize, end: usize) -> bool {
    content_words(t, start, end).any(|i| {
        t.class(i).is_descriptor() || t.word(i).chars().next().is_some_and(char::is_lowercase)
    })
}

/// Whether tokens `[start, end]` say more than one plain noun ("ministry", "president") would:
/// a plain noun standing for an entity only repeats its type.
fn is_descriptive(t: &Tokens, start: usize, end: usize) -> bool {
    let mut content = content_words(t, start, end);
    match (content.next(), content.next()) {
        (Some(_), Some(_)) => has_common_word(t, start, end),
        (Some(only), None) => t.class(only).is_evaluative(),
        _ => false,
    }
}

/// Indices of the content words among tokens `[start, end]`.
fn content_words<'a>(t: &'a Tokens, start: usize, end: usize) -> impl Iterator<Item = usize> + 'a {
    (start..=end).filter(|&i| {
        let class = t.class(i);
        !class.is_function_word() && !class.is_possessive_mark() && !t.is_punctuation(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{Anchor, EntityType, Quote, QuoteKind, Speech};
    use proptest::prelude::*;

    /// Mentions of `names` (each the first occurrence at or after the previous one's end).
    fn mentions(text: &str, names: &[(&str, MentionKind)]) -> Vec<Mention> {
        let mut from = 0;
        names
            .iter()
            .enumerate()
            .filter_map(|(i, (name, kind))| {
                let start = from + text.get(from..)?.find(name)?;
                from = start + name.len();
                Some(Mention {
                    span: Span::new(start, start + name.len()),
                    text: name.to_string(),
                    entity_type: EntityType::Person,
                    kind: *kind,
                    role: None,
                    local_entity: Some(i),
                })
            })
            .collect()
    }

    fn found(text: &str, names: &[(&str, MentionKind)], quotes: &[Quote]) -> Vec<Label> {
        let doc = Document::new("d", text, "t");
        let seg = parallax_segment::segment(text);
        let ms = mentions(text, names);
        labels(&doc, &seg, &ms, &QuoteMask::new(quotes))
    }

    fn texts(labels: &[Label]) -> Vec<(&str, LabelForm, Speech)> {
        labels
            .iter()
            .map(|l| (l.text.as_str(), l.form, l.voice))
            .collect()
    }

    use LabelForm::*;
    use MentionKind::*;
    use Speech::*;

    #[test]
    fn appositive_after_the_name() {
        let text = "Eduard Kokoity, the rebel leader, said the town was calm.";
        assert_eq!(
            texts(&found(text, &[("Eduard Kokoity", Name)], &[])),
            [("the rebel leader", Appositive, Author)]
        );
    }

    #[test]
    fn lists_places_and_party_tags_are_not_appositives() {
        // Found on AllSides articles: each of these was taken for a label before.
        let none: [(&str, LabelForm, Speech); 0] = [];
        let text = "Speakers like Mitt Romney, Sarah Palin, Jeb Bush and many more.";
        let names = [
            ("Mitt Romney", Name),
            ("Sarah Palin", Name),
            ("Jeb Bush", Name),
        ];
        assert_eq!(texts(&found(text, &names, &[])), none);
        let text =
            "It will include Sen. Rand Paul, Rep. Paul Ryan, Gov. Chris Christie and others.";
        let names = [
            ("Rand Paul", Name),
            ("Paul Ryan", Name),
            ("Chris Christie", Name),
        ];
        assert_eq!(texts(&found(text, &names, &[])), none);
        let text =
            "The survey was produced by Langer Research Associates of New York, N.Y., on Monday.";
        assert_eq!(texts(&found(text, &[("New York", Name)], &[])), none);
        let text = "We are hoping to post it today, Ryan, R-Wis., said.";
        assert_eq!(texts(&found(text, &[("Ryan", Name)], &[])), none);
        let text = "Talking with ABC News about his own firing, Comey said he would write a book.";
        assert_eq!(texts(&found(text, &[("Comey", Name)], &[])), none);
        // A real apposition among them survives.
        let text = "Bergdahl, a paratrooper, walked off his outpost.";
        assert_eq!(
            texts(&found(text, &[("Bergdahl", Name)], &[])),
            [("a paratrooper", Appositive, Author)]
        );
    }

    #[test]
    fn appositive_before_the_name() {
        let text = "The rebel leader, Eduard Kokoity, said the town was calm.";
        assert_eq!(
            texts(&found(text, &[("Eduard Kokoity", Name)], &[])),
            [("The rebel leader", Appositive, Author)]
        );
        let text = "Kordania's foreign minister, Dmitri Orlov, says his country is right.";
        assert_eq!(
            texts(&found(text, &[("Dmitri Orlov", Name)], &[])),
            [("Kordania's foreign minister", Appositive, Author)]
        );
    }

    #[test]
    fn premodifiers_before_the_name() {
        let text = "Georgia's pro-Western president Mikheil Saakashvili flew to Brussels.";
        assert_eq!(
            texts(&found(text, &[("Mikheil Saakashvili", Name)], &[])),
            [("Georgia's pro-Western president", Premodifier, Author)]
        );
        let text = "Separatist leader Eduard Vasko accused Lorvik of shelling.";
        let labels = found(text, &[("Eduard Vasko", Name), ("Lorvik", Name)], &[]);
        assert_eq!(texts(&labels), [("Separatist leader", Premodifier, Author)]);
        assert_eq!(labels[0].local_entity, Some(0));
    }

    #[test]
    fn predicate_nominals() {
        let text = "Kokoity is a puppet of Moscow. Orlov, who is a former general, disagreed.";
        assert_eq!(
            texts(&found(text, &[("Kokoity", Name), ("Orlov", Name)], &[])),
            [
                ("a puppet of Moscow", Predicate, Author),
                ("a former general", Predicate, Author)
            ]
        );
        let text = "He has become the face of the war.";
        assert_eq!(
            texts(&found(text, &[("He", Pronoun)], &[])),
            [("the face of the war", Predicate, Author)]
        );
    }

    #[test]
    fn a_predicate_runs_over_coordinated_modifiers() {
        let text = "France is our closest, most important neighbor.";
        assert_eq!(
            texts(&found(text, &[("France", Name)], &[])),
            [("our closest, most important neighbor", Predicate, Author)]
        );
        let text = "Kelidze is a general, and Orlov spoke.";
        assert_eq!(
            texts(&found(text, &[("Kelidze", Name)], &[])),
            [("a general", Predicate, Author)]
        );
    }

    #[test]
    fn a_name_before_a_descriptor_is_an_epithet() {
        // The labels of the nationality "Kordanian" written once in `text`.
        let kordanian = |text: &str| {
            let doc = Document::new("d", text, "t");
            let seg = parallax_segment::segment(text);
            let at = text.find("Kordanian").unwrap_or(0);
            let mention = Mention {
                span: Span::new(at, at + "Kordanian".len()),
                text: "Kordanian".into(),
                entity_type: EntityType::Norp,
                kind: Name,
                role: None,
                local_entity: Some(0),
            };
            labels_of(&doc, &seg, mention)
        };
        assert_eq!(
            texts(&kordanian("Critics say the Kordanian regime is lying.")),
            [("Kordanian regime", Epithet, Author)]
        );
        // The word before a nationality written as an adjective is not its label.
        let labels = kordanian("They decried radical Kordanian extremists.");
        assert!(labels.iter().all(|l| l.form == Epithet), "{labels:?}");
        assert!(kordanian("Kordanian troops moved.").is_empty());
    }

    fn labels_of(doc: &Document, seg: &Segmentation, mention: Mention) -> Vec<Label> {
        labels(doc, seg, &[mention], &QuoteMask::default())
    }

    #[test]
    fn epithet_resolved_to_the_entity() {
        let text = "The Georgian dictator has ordered the attack.";
        assert_eq!(
            texts(&found(text, &[("The Georgian dictator", Nominal)], &[])),
            [("Georgian dictator", Epithet, Author)]
        );
        let text = "The ministry said so.";
        assert!(found(text, &[("The ministry", Nominal)], &[]).is_empty());
    }

    #[test]
    fn label_inside_a_quotation_is_quoted() {
        let text = "“Kokoity is a puppet,” the minister said.";
        let start = text.find("Kokoity").unwrap_or(0);
        let end = text.find(",”").unwrap_or(0) + 1;
        let cue = text.find("said").unwrap_or(0);
        let quote = Quote {
            span: Span::new(start, end),
            text: text.get(start..end).unwrap_or("").to_string(),
            kind: QuoteKind::Direct,
            cue: Anchor::new(text, Span::new(cue, cue + 4)),
            speaker_text: None,
            speaker_mention: None,
            channel: None,
        };
        let labels = found(text, &[("Kokoity", Name)], &[quote]);
        assert_eq!(texts(&labels), [("a puppet", Predicate, Quoted)]);
        assert_eq!(labels[0].quote, Some(0));
    }

    #[test]
    fn clauses_and_lists_are_not_labels() {
        let cases: &[(&str, &str)] = &[
            ("Kelidze, the ministry said, was calm.", "Kelidze"),
            ("In the capital, Kelidze said nothing.", "Kelidze"),
            ("Tamaz Kelidze is expected to speak.", "Tamaz Kelidze"),
            ("Kelidze is not a puppet.", "Kelidze"),
            ("On Friday Kelidze spoke.", "Kelidze"),
            (
                "Mr Kelidze, who has led the country since 2024, spoke.",
                "Kelidze",
            ),
            ("The army, Kelidze and Orlov met.", "Kelidze"),
            ("Drevna, the army shelled the town.", "Drevna"),
            ("They told Kelidze to leave.", "Kelidze"),
            ("Ostrava is Marenia, and it always will be.", "Ostrava"),
            ("Kordania was acting to protect its citizens.", "Kordania"),
        ];
        for (text, name) in cases {
            assert!(
                found(text, &[(name, Name)], &[]).is_empty(),
                "{text}: {:?}",
                texts(&found(text, &[(name, Name)], &[]))
            );
        }
    }

    proptest! {
        #[test]
        fn spans_are_text_and_never_panic(text in "\\PC{0,160}", a in 0usize..160, b in 0usize..12) {
            let doc = Document::new("d", text.clone(), "t");
            let seg = parallax_segment::segment(&text);
            let start = parallax_core::text::floor_char_boundary(&text, a);
            let end = parallax_core::text::floor_char_boundary(&text, a + b);
            let mention = Mention {
                span: Span::new(start, end),
                text: text.get(start..end).unwrap_or("").to_string(),
                entity_type: EntityType::Person,
                kind: Name,
                role: None,
                local_entity: Some(0),
            };
            for label in labels(&doc, &seg, &[mention], &QuoteMask::default()) {
                prop_assert_eq!(label.span.slice(&text).ok(), Some(label.text.as_str()));
            }
        }
    }
}
