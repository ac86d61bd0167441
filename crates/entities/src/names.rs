//! Name recognition over a document: the tagger's spans per sentence, title-case headlines
//! read against the rest of the document ([`headline`]), datelines, the titles and
//! honorifics moved out of person names into roles, a leading preposition or conjunction
//! the tagger took into a name ("While Spain", "Unlike Trump") left out, and a person's name
//! before a body the person leads ("the Obama administration") made that body's name.

use crate::dateline;
use crate::headline;
use crate::lexicon::lists::lists;
use crate::lexicon::{lexicon, normalize, normalized_key, Kind};
use crate::roles::{gender_of_first_name, title_at_start, title_before, Gender, Title};
use crate::tagger::{Class, Model, TokenSpan};
use crate::tokens::SentenceTokens;
use crate::types::refine;
use parallax_core::function_words::{class_of, FunctionWord};
use parallax_core::{EntityType, Span};
use std::collections::HashSet;

/// A proper-name mention before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub span: Span,
    pub entity_type: EntityType,
    /// The name's words, as written.
    pub words: Vec<String>,
    pub role: Option<String>,
    /// Gender evidence from an honorific, a title or the first name.
    pub gender: Gender,
    pub sentence: usize,
}

/// The names in every sentence, in text order.
pub fn recognize(text: &str, sentences: &[SentenceTokens], model: &Model) -> Vec<Name> {
    let mut out = Vec::new();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.spans.iter().map(|t| t.text(text)).collect())
        .collect();
    let mut tagged = model.document_spans(&words);
    let headline: Vec<bool> = words
        .iter()
        .map(|w| headline::is_title_case(w, |w| model.is_common(w)))
        .collect();
    let mut body = headline::BodyNames::default();
    for ((words, spans), _) in words
        .iter()
        .zip(&tagged)
        .zip(&headline)
        .filter(|(_, h)| !**h)
    {
        body.add(words, spans);
    }
    if !body.is_empty() {
        for ((words, spans), _) in words
            .iter()
            .zip(tagged.iter_mut())
            .zip(&headline)
            .filter(|(_, h)| **h)
        {
            *spans = body.rescue(words, spans);
        }
    }
    // Words the tagger read as part of a person's name somewhere in the document.
    let person_words: HashSet<String> = words
        .iter()
        .zip(&tagged)
        .flat_map(|(words, spans)| {
            spans
                .iter()
                .filter(|s| s.class == Class::Per)
                .flat_map(|s| words.get(s.start..s.end).unwrap_or_default())
        })
        .map(|w| normalize(w))
        .collect();
    for (index, ((sentence, words), mut spans)) in
        sentences.iter().zip(&words).zip(tagged).enumerate()
    {
        if let Some(found) = dateline::find(words) {
            spans.retain(|s| found.iter().all(|d| s.end <= d.start || d.end <= s.start));
            spans.extend(found);
        }
        add_known_organizations(words, &mut spans);
        split_run_on_names(words, &mut spans, &person_words);
        take_month_given_names(words, &mut spans);
        spans.retain(|s| !is_picture_credit(words, s));
        spans.sort_by_key(|s| s.start);
        for span in spans {
            if let Some(name) = name_of(text, sentence, words, span, index, &person_words) {
                out.push(name);
            }
        }
    }
    out
}

/// Adds the organizations of the lexicon written as names ("Foreign Ministry": two words or
/// more, each capitalized, in a sentence not in capitals) that the tagger left out and that
/// overlap none of its spans. A miscellaneous span of the tagger inside such a name is a part
/// of it taken for an adjective ("Islamic" of "Islamic State" read as a people): the whole
/// name replaces it.
fn add_known_organizations(words: &[&str], spans: &mut Vec<TokenSpan>) {
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let in_capitals =
        |w: &&str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    if words.iter().filter(|w| in_capitals(w)).count() * 2 > words.len() {
        return;
    }
    let keys: Vec<u64> = words.iter().map(|w| normalized_key(w)).collect();
    let mut matches = Vec::new();
    lexicon().longest_matches(&keys, &mut matches);
    for m in matches {
        let known = m.kinds & Kind::Organization.bit() != 0 && m.end - m.start >= 2;
        let written = words
            .get(m.start..m.end)
            .is_some_and(|w| w.iter().all(capitalized));
        // Only a part read as a nationality or other adjective gives way: "UN" and
        // "Security Council" are two bodies to CoNLL and MEANTIME alike.
        let inside = |s: &TokenSpan| {
            s.class == Class::Misc
                && m.start <= s.start
                && s.end <= m.end
                && s.end - s.start < m.end - m.start
        };
        let free = spans
            .iter()
            .all(|s| s.end <= m.start || m.end <= s.start || inside(s));
        if known && written && free {
            spans.retain(|s| !inside(s));
            spans.push(TokenSpan {
                start: m.start,
                end: m.end,
                class: Class::Org,
            });
        }
    }
}

/// Splits a name the tagger ran over "nor" or "or" into the two names it joins: "Neither
/// Bannon nor Banks has responded" names Bannon and Banks, not a body called "Bannon nor
/// Banks". A one-word side the document names as a person elsewhere is that person.
///
/// A run of company names, each a word ("Facebook Twitter Pinterest": the share buttons a page
/// prints), is that many companies.
///
/// And a person's name the tagger ran over a lowercase preposition other than "of" ("Follow
/// Chuck on Twitter", a byline's footer): a person is named without one, so the name ends
/// before it; what follows is kept only as the place or body the gazetteer knows it for
/// ("Twitter"), never as the person, whom every later "Twitter" would otherwise join.
fn split_run_on_names(words: &[&str], spans: &mut Vec<TokenSpan>, person_words: &HashSet<String>) {
    let is_or = |i: usize| words.get(i).is_some_and(|w| *w == "nor" || *w == "or");
    let is_preposition = |i: usize| {
        words.get(i).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && *w != "of"
                && class_of(w).is(FunctionWord::PREPOSITION)
        })
    };
    let mut split = Vec::new();
    spans.retain(|s| {
        let inside = s.start + 1..s.end.saturating_sub(1);
        if let Some(at) = inside.clone().find(|&i| is_or(i)) {
            for (start, end) in [(s.start, at), (at + 1, s.end)] {
                let person = end == start + 1
                    && words
                        .get(start)
                        .is_some_and(|w| person_words.contains(&normalize(w)));
                let class = if person { Class::Per } else { s.class };
                split.push(TokenSpan { start, end, class });
            }
            return false;
        }
        // "Facebook Twitter Pinterest", a page's share buttons: each word a body of its own.
        let run_of_companies = |ws: &[&str]| {
            ws.len() >= 2 && ws.iter().all(|w| is_company(w)) && known_class(ws).is_none()
        };
        if words.get(s.start..s.end).is_some_and(run_of_companies) {
            split.extend((s.start..s.end).map(|i| TokenSpan {
                start: i,
                end: i + 1,
                class: Class::Org,
            }));
            return false;
        }
        if s.class != Class::Per {
            return true;
        }
        let Some(at) = inside.clone().find(|&i| is_preposition(i)) else {
            return true;
        };
        split.push(TokenSpan {
            start: s.start,
            end: at,
            class: Class::Per,
        });
        if let Some(class) = words.get(at + 1..s.end).and_then(known_class) {
            split.push(TokenSpan {
                start: at + 1,
                end: s.end,
                class,
            });
        }
        false
    });
    spans.extend(split);
}

/// Whether the gazetteer knows `word` alone as a company ("Facebook", "Twitter").
fn is_company(word: &str) -> bool {
    lexicon().kinds_of_words(&[word]) & Kind::Company.bit() != 0
}

/// The class the gazetteer gives a whole name: a place's or a body's, else none.
fn known_class(words: &[&str]) -> Option<Class> {
    let kinds = lexicon().kinds_of_words(words);
    let place = Kind::Country.bit() | Kind::City.bit() | Kind::Region.bit() | Kind::Place.bit();
    let body =
        Kind::Organization.bit() | Kind::Company.bit() | Kind::Agency.bit() | Kind::Club.bit();
    if kinds & place != 0 {
        Some(Class::Loc)
    } else if kinds & body != 0 {
        Some(Class::Org)
    } else {
        None
    }
}

/// Whether a person or body name is a picture's credit: "Photograph: Yuri Gripas/Reuters",
/// "Photo by Jane Roe", "(AP Photo/Richard Drew)" — a photographer or agency, not an actor of
/// the story, whom the pronoun after the caption would otherwise take.
fn is_picture_credit(words: &[&str], span: &TokenSpan) -> bool {
    if !matches!(span.class, Class::Per | Class::Org) {
        return false;
    }
    let inside = words.get(span.start..span.end).unwrap_or_default();
    let before = |back: usize| span.start.checked_sub(back).and_then(|i| words.get(i));
    let cue = |w: Option<&&str>| w.is_some_and(|w| lists().is_credit_cue(&normalize(w)));
    let slashed =
        inside.iter().any(|w| w.contains('/')) || before(1).is_some_and(|w| w.ends_with('/'));
    let after_cue = matches!(before(1), Some(&":") | Some(&"by")) && cue(before(2));
    (span.class == Class::Per && slashed) || after_cue
}

/// Takes a month that is also a given name into the person's name after it ("June Davis
/// said", "April Ryan asked"), which the tagger cuts off as a date word; not where the word
/// before makes the month a date ("in June", "last May", "that April", "3 May").
fn take_month_given_names(words: &[&str], spans: &mut [TokenSpan]) {
    let lists = lists();
    let taken: HashSet<usize> = spans.iter().flat_map(|s| s.start..s.end).collect();
    for span in spans.iter_mut().filter(|s| s.class == Class::Per) {
        let Some(month) = span.start.checked_sub(1) else {
            continue;
        };
        let given = words.get(month).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && lists.given_name_month(&normalize(w)).is_some()
        });
        let dated = month
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| {
                class_of(w).is(FunctionWord::PREPOSITION
                    | FunctionWord::DETERMINER
                    | FunctionWord::POSSESSIVE)
                    || w.chars().any(|c| c.is_ascii_digit())
                    || lists.is_date_modifier(&normalize(w))
            });
        if given && !dated && !taken.contains(&month) {
            span.start = month;
        }
    }
}

fn name_of(
    text: &str,
    sentence: &SentenceTokens,
    words: &[&str],
    span: TokenSpan,
    index: usize,
    person_words: &HashSet<String>,
) -> Option<Name> {
    let mut start = span.start;
    let mut end = span.end.min(words.len());
    let mut role = None;
    let mut gender = Gender::Unknown;
    // "the Obama administration", "the Clinton campaign": a body the person leads, one
    // organization name, in which the person is not mentioned. The tagger reads the surname
    // there as a person, or as an organization of one word that it reads as a person's name
    // elsewhere in the document ("the Senate campaign" is no one's, nor is "the Velmari
    // government" of a story that names no Velmari).
    let surname_like = match span.class {
        Class::Per => true,
        Class::Org => {
            end == start + 1
                && words
                    .get(start)
                    .is_some_and(|w| person_words.contains(&normalize(w)))
        }
        _ => false,
    };
    let leads_body = surname_like
        && words
            .get(end)
            .is_some_and(|w| parallax_core::names::is_person_body(w));
    let complement = title_complement(words, start, end);
    let class = if leads_body {
        end += 1;
        Class::Org
    } else if span.class == Class::Org
        && complement.is_some()
        && words
            .get(end.saturating_sub(1))
            .is_some_and(|w| person_words.contains(&normalize(w)))
    {
        // "Assistant Secretary for Diplomatic Security Charlene Lamb", read as a body: a
        // person whose surname the document names as a person elsewhere.
        Class::Per
    } else {
        span.class
    };
    if class == Class::Per {
        end = with_generation(words, end);
        if let Some((t, cut)) = complement {
            // "Secretary of Labor Elaine Chao": the title with its complement is the role.
            let role_span = cover(sentence, start - 1 - t.len, start + cut)?;
            role = t.is_role.then(|| role_span.text(text).to_string());
            gender = t.gender;
            start += cut;
        } else if let Some(t) = title_at_start(words.get(start..end.saturating_sub(1))?) {
            // A title the tagger took into the name: move it out, keeping at least one word.
            let role_span = cover(sentence, start, start + t.len)?;
            role = t.is_role.then(|| role_span.text(text).to_string());
            gender = t.gender;
            start += t.len;
        } else if let Some(t) = title_before(words.get(..start)?) {
            let role_span = cover(sentence, start - t.len, start)?;
            role = t.is_role.then(|| role_span.text(text).to_string());
            gender = t.gender;
        }
        if gender == Gender::Unknown && end - start > 1 {
            gender = words
                .get(start)
                .map_or(Gender::Unknown, |w| gender_of_first_name(w));
        }
    }
    // A preposition or conjunction the tagger took in ("While Spain", "Unlike Trump"), or
    // the suffix of the name before ("Martin Luther King Jr. Reagan": that name took it).
    while end - start > 1
        && words.get(start).is_some_and(|w| {
            class_of(w).is(FunctionWord::PREPOSITION | FunctionWord::CONJUNCTION)
                || (class == Class::Per && is_generation(w))
        })
    {
        start += 1;
    }
    // A suffix the tagger made a name of its own ("King Jr" as "King" and "Jr"): the name
    // before has taken it, and alone it names nothing.
    if words.get(start..end)?.iter().all(|w| is_generation(w)) {
        return None;
    }
    // A place written after a comma that the tagger ran into the name after it: "Washington,
    // D.C. Jackson's wife" is Jackson's wife, where the sentence splitter missed the end.
    if class == Class::Per && end - start > 1 && ends_address(words, start) {
        start += 1;
    }
    let name_words = words.get(start..end)?;
    Some(Name {
        span: cover(sentence, start, end)?,
        entity_type: refine(class, name_words),
        words: name_words.iter().map(|w| w.to_string()).collect(),
        role,
        gender,
        sentence: index,
    })
}

/// The complement of a title that the tagger took into the name after it: in "Secretary of
/// Labor Elaine Chao" or "Assistant Secretary for Diplomatic Security Charlene Lamb", "of
/// Labor" completes the title and the name is "Elaine Chao". For a name at tokens
/// `start..end` of three words or more after a title and "of" or "for", the title and how
/// many leading words of the name are its complement: those before its first known first
/// name, or else all but the last two (three with a middle initial: "Elaine L. Chao").
fn title_complement(words: &[&str], start: usize, end: usize) -> Option<(Title, usize)> {
    let of = start.checked_sub(1)?;
    if !["of", "for"].contains(words.get(of)?) {
        return None;
    }
    let title = title_before(words.get(..of)?)?;
    let name = words.get(start..end)?;
    let len = name.len();
    if len < 3 {
        return None;
    }
    let first_name = Kind::MaleName.bit() | Kind::FemaleName.bit();
    let known = (1..len - 1).find(|&k| lexicon().kinds_of_words(&[name[k]]) & first_name != 0);
    let initial = parallax_core::names::is_initial(name[len - 2]);
    let cut = known.unwrap_or(if initial { len - 3 } else { len - 2 });
    (cut > 0).then_some((title, cut))
}

/// Whether token `start` is a region or country closing an address ("Washington, D.C.",
/// "Paris, France") rather than a first name: a comma before it, and the lexicon knows it as
/// a place and not as a first name.
fn ends_address(words: &[&str], start: usize) -> bool {
    let Some(word) = words.get(start) else {
        return false;
    };
    let kinds = lexicon().kinds_of_words(&[word]);
    let place = Kind::Region.bit() | Kind::Country.bit();
    let first_name = Kind::MaleName.bit() | Kind::FemaleName.bit();
    start > 0 && words[start - 1] == "," && kinds & place != 0 && kinds & first_name == 0
}

/// Whether `word` is a generational suffix ("Jr.", "III").
fn is_generation(word: &str) -> bool {
    parallax_core::names::generation_of(word).is_some()
}

/// The end of a person's name extended over a generational suffix the tagger left out
/// ("Jesse Jackson Jr. pleaded", "Martin Luther King, III"): the suffix tells a son from the
/// father he is named after, so it belongs to the name.
fn with_generation(words: &[&str], end: usize) -> usize {
    let generation_at = |i: usize| words.get(i).is_some_and(|w| is_generation(w));
    if generation_at(end) {
        end + 1
    } else if words.get(end) == Some(&",") && generation_at(end + 1) {
        end + 2
    } else {
        end
    }
}

/// The byte span from token `start` to the end of token `end - 1`.
fn cover(sentence: &SentenceTokens, start: usize, end: usize) -> Option<Span> {
    let first = sentence.spans.get(start)?;
    let last = sentence.spans.get(end.checked_sub(1)?)?;
    (first.start <= last.end).then(|| Span::new(first.start, last.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generational_suffix_joins_the_name_before_it() {
        let words = ["Jesse", "Jackson", "Jr.", "pleaded"];
        assert_eq!(with_generation(&words, 2), 3);
        let words = ["Martin", "Luther", "King", ",", "III", "said"];
        assert_eq!(with_generation(&words, 3), 5);
        let words = ["Jesse", "Jackson", "pleaded"];
        assert_eq!(with_generation(&words, 2), 2);
        let words = ["Jane", "Roe", ",", "PhD"];
        assert_eq!(with_generation(&words, 2), 2);
    }

    #[test]
    fn the_complement_of_a_title_is_not_part_of_the_name() {
        let cut = |words: &[&str], start| {
            title_complement(words, start, words.len() - 1).map(|(t, cut)| (t.len, cut))
        };
        let words = ["Secretary", "of", "Labor", "Elaine", "Chao", "says"];
        assert_eq!(cut(&words, 2), Some((1, 1)));
        let words = [
            "Deputy",
            "Assistant",
            "Secretary",
            "for",
            "Diplomatic",
            "Security",
            "Charlene",
            "Lamb",
            "testified",
        ];
        assert_eq!(cut(&words, 4).map(|(_, cut)| cut), Some(2));
        let words = ["Secretary", "of", "Labor", "Elaine", "L.", "Chao", "says"];
        assert_eq!(cut(&words, 2), Some((1, 1)));
        // No title before "of", or a name too short to hold a complement.
        let words = ["wife", "of", "Labor", "Elaine", "Chao", "says"];
        assert_eq!(cut(&words, 2), None);
        let words = ["Secretary", "of", "Elaine", "Chao", "says"];
        assert_eq!(cut(&words, 2), None);
    }

    fn per(start: usize, end: usize) -> TokenSpan {
        TokenSpan {
            start,
            end,
            class: Class::Per,
        }
    }

    fn org(start: usize, end: usize) -> TokenSpan {
        TokenSpan {
            start,
            end,
            class: Class::Org,
        }
    }

    #[test]
    fn a_month_that_is_a_given_name_starts_the_name_after_it() {
        let taken = |words: &[&str], start| {
            let mut spans = vec![per(start, start + 1)];
            take_month_given_names(words, &mut spans);
            spans[0].start
        };
        assert_eq!(taken(&["June", "Davis", "said"], 1), 0);
        assert_eq!(
            taken(&["announcement", ",", "April", "Ryan", "asked"], 3),
            2
        );
        // A date: after a preposition, a modifier, a determiner or a number.
        assert_eq!(taken(&["In", "June", "Davis", "said"], 2), 2);
        assert_eq!(taken(&["last", "August", "Trump", "said"], 2), 2);
        assert_eq!(taken(&["May", "God", "bless"], 1), 1);
        assert_eq!(taken(&["5", "June", "Davis", "said"], 2), 2);
        // Months that are no given names, and lowercase "may".
        assert_eq!(taken(&["March", "Davis", "said"], 1), 1);
        assert_eq!(taken(&["Davis", "may", "Trump"], 2), 2);
    }

    #[test]
    fn a_picture_credit_names_no_actor() {
        let credit = |words: &[&str], start, end| is_picture_credit(words, &per(start, end));
        assert!(credit(&["Photograph", ":", "Yuri", "Gripas/Reuters"], 2, 4));
        assert!(credit(&["Photo", "by", "Jane", "Roe"], 2, 4));
        assert!(credit(&["(", "AP", "Photo/", "Richard", "Drew", ")"], 3, 5));
        assert!(!credit(&["Yuri", "Gripas", "said"], 0, 2));
        assert!(!credit(&["Told", "by", "Jane", "Roe"], 2, 4));
    }

    #[test]
    fn a_name_run_over_nor_is_two_names() {
        let persons: HashSet<String> = ["bannon".to_string()].into();
        let split = |words: &[&str], span: TokenSpan| {
            let mut spans = vec![span];
            split_run_on_names(words, &mut spans, &persons);
            spans
        };
        let words = ["Neither", "Bannon", "nor", "Banks", "has", "responded"];
        assert_eq!(split(&words, org(1, 4)), vec![per(1, 2), org(3, 4)]);
        // A person's name ends before a preposition; what follows stays only when known.
        let words = ["Follow", "Chuck", "on", "Twitter"];
        let spans = split(&words, per(1, 4));
        assert_eq!(spans[0], per(1, 2));
        assert!(spans.len() <= 2 && spans.iter().all(|s| s.start != 2));
        let words = ["Follow", "Chuck", "on", "Gab", "Social"];
        let spans = split(&words, per(1, 5));
        assert_eq!(spans, vec![per(1, 2)]);
        // "of" and name particles stay.
        let words = ["Catherine", "of", "Aragon"];
        let spans = split(&words, per(0, 3));
        assert_eq!(spans, vec![per(0, 3)]);
        let words = ["Ursula", "von", "der", "Leyen"];
        let spans = split(&words, per(0, 4));
        assert_eq!(spans, vec![per(0, 4)]);
        // Share buttons: one company a word.
        let words = ["Facebook", "Twitter", "Pinterest"];
        let spans = split(&words, org(0, 3));
        assert_eq!(spans.len(), 3);
        // A company whose own name is two companies' stays one.
        let words = ["Thomson", "Reuters"];
        let spans = split(&words, org(0, 2));
        assert_eq!(spans.len(), 1);
        // "and" stays inside a body's name.
        let words = ["Health", "and", "Human", "Services"];
        let spans = split(&words, org(0, 4));
        assert_eq!(spans.len(), 1);
    }

    #[test]
    fn an_address_before_a_name_is_not_part_of_it() {
        assert!(ends_address(&["Washington", ",", "D.C.", "Jackson"], 2));
        assert!(!ends_address(&["Washington", "D.C.", "Jackson"], 1));
        assert!(!ends_address(&["said", ",", "Jesse", "Jackson"], 2));
    }

    #[test]
    fn adds_capitalized_lexicon_organizations_only() {
        let mut spans = Vec::new();
        add_known_organizations(&["the", "Foreign", "Ministry", "said"], &mut spans);
        assert_eq!(
            spans,
            vec![TokenSpan {
                start: 1,
                end: 3,
                class: Class::Org
            }]
        );
        let mut spans = Vec::new();
        add_known_organizations(&["the", "foreign", "ministry", "said"], &mut spans);
        assert!(spans.is_empty());
        let mut spans = vec![TokenSpan {
            start: 0,
            end: 1,
            class: Class::Misc,
        }];
        add_known_organizations(&["Russian", "Foreign", "Ministry"], &mut spans);
        assert_eq!(spans.len(), 2);
        // A span of the tagger that overlaps the phrase keeps it out.
        let mut spans = vec![TokenSpan {
            start: 0,
            end: 2,
            class: Class::Misc,
        }];
        add_known_organizations(&["Russian", "Foreign", "Ministry"], &mut spans);
        assert_eq!(spans.len(), 1);
        // A part of the name the tagger took for a name of its own gives way to it.
        let mut spans = vec![TokenSpan {
            start: 2,
            end: 3,
            class: Class::Misc,
        }];
        add_known_organizations(&["The", "so-called", "Islamic", "State", "has"], &mut spans);
        assert_eq!(
            spans,
            vec![TokenSpan {
                start: 2,
                end: 4,
                class: Class::Org
            }]
        );
    }
}
