//! Pasted copy: what opens a run of paragraphs pasted from another source, and where the
//! author's own voice resumes (see the module doc of [`crate::paragraphs`]).

use crate::wordlists::{
    COMMENTARY_OPENERS, LEAD_INS, SINGULAR_PRONOUNS, SOURCE_NOUNS, VOICE_PRONOUNS,
};

/// Longest lead-in sentence, in bytes.
const LEAD_IN_BYTES: usize = 200;
/// Longest caption line ("WATCH: …"), in bytes.
const CAPTION_BYTES: usize = 120;

/// A run of pasted paragraphs in progress.
#[derive(Debug, Clone)]
pub struct Run {
    /// The person the opening paragraph speaks in, outside quotation marks.
    person: Person,
    /// The noun by which the lead-in named the copy ("story" in "From the ABC News story:").
    noun: Option<&'static str>,
    /// Whether the lead-in introduces what someone said ("The governor added:") rather than
    /// a document or agency copy.
    speech: bool,
    /// Whether the opening paragraph opens with a quotation mark: the copy is a quotation,
    /// and what follows it without one is the author's.
    quoted: bool,
}

impl Run {
    /// The run opened by paragraph `first`, after the lead-in `lead_in` when there is one.
    pub fn open(first: &str, lead_in: Option<&str>) -> Run {
        Run {
            person: person_of(first),
            noun: lead_in.and_then(source_noun),
            speech: lead_in.and_then(lead_in_kind) == Some(true),
            quoted: opens_quoted(first),
        }
    }

    /// Whether `para` goes on pasting, rather than being the author's voice again.
    pub fn continues(&self, para: &str) -> bool {
        let trimmed = para.trim_end();
        // A quotation, or what someone said, goes on only in quotation marks or, for speech
        // in the first or second person, in that person.
        let in_person = self.person != Person::Third && has_voice_pronoun(para);
        if self.quoted && !opens_quoted(para) || self.speech && !opens_quoted(para) && !in_person {
            return false;
        }
        !(trimmed.ends_with(':')
            || is_caption(para)
            || self.person != Person::Singular && has_pronoun(&SINGULAR_PRONOUNS, para)
            || self.person == Person::Third && has_pronoun(&VOICE_PRONOUNS, para)
            || self.person == Person::Singular && !has_voice_pronoun(para)
            || opens_as_commentary(para)
            || self.noun.is_some_and(|n| speaks_of(para, n)))
    }
}

/// The person pasted copy speaks in: agency copy and reports in the third, a statement as
/// "we", an opinion column as "I".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Person {
    Third,
    Plural,
    Singular,
}

/// The person `para` speaks in outside quotation marks.
fn person_of(para: &str) -> Person {
    if has_pronoun(&SINGULAR_PRONOUNS, para) {
        Person::Singular
    } else if has_pronoun(&VOICE_PRONOUNS, para) {
        Person::Plural
    } else {
        Person::Third
    }
}

/// A paragraph ending with a colon whose last sentence names a source: "From NRO's The
/// Corner:", "Via Fox:", "Commenter Dave writes:".
pub fn is_source_lead_in(para: &str) -> bool {
    lead_in_kind(para).is_some()
}

/// For a lead-in, whether it introduces speech (`true`: "The governor added:") or a document
/// (`false`: "From the poll:", "Here is the statement:"); `None` for any other paragraph.
fn lead_in_kind(para: &str) -> Option<bool> {
    let trimmed = para.trim_end();
    if !trimmed.ends_with(':') {
        return None;
    }
    let sentence = last_sentence(trimmed);
    if sentence.len() > LEAD_IN_BYTES {
        return None;
    }
    let kinds: Vec<bool> = words(sentence)
        .filter_map(|w| LEAD_INS.iter().find(|(l, _)| l.eq_ignore_ascii_case(w)))
        .map(|(_, speech)| *speech)
        .collect();
    if kinds.is_empty() {
        None
    } else {
        Some(kinds.iter().all(|s| *s))
    }
}

/// Whether `para` opens with a quotation mark or an ellipsis that continues an excerpt.
fn opens_quoted(para: &str) -> bool {
    para.trim_start().starts_with(['"', '“', '«', '„', '…']) || para.trim_start().starts_with("...")
}

/// The last sentence of `para`: after its last ". ", "? " or "! ".
fn last_sentence(para: &str) -> &str {
    let start = [". ", "? ", "! "]
        .iter()
        .filter_map(|end| para.rfind(end).map(|i| i + end.len()))
        .max()
        .unwrap_or(0);
    &para[start..]
}

/// The words of `text`, split at anything but letters, digits and apostrophes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// The last noun of the lead-in's last sentence that names pasted copy.
fn source_noun(lead_in: &str) -> Option<&'static str> {
    let sentence = last_sentence(lead_in.trim_end());
    words(sentence)
        .filter_map(|w| SOURCE_NOUNS.iter().find(|n| n.eq_ignore_ascii_case(w)))
        .last()
        .copied()
}

/// Whether `para` speaks of the copy as "the story", "that poll", "the entire story".
fn speaks_of(para: &str, noun: &str) -> bool {
    let ws: Vec<&str> = words(para).collect();
    ws.iter().enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case(noun)
            && ws[i.saturating_sub(2)..i].iter().any(|d| {
                ["the", "this", "that", "its"]
                    .iter()
                    .any(|x| d.eq_ignore_ascii_case(x))
            })
    })
}

/// Whether a first- or second-person word stands outside the quotation marks of `para`.
pub fn has_voice_pronoun(para: &str) -> bool {
    has_pronoun(&SINGULAR_PRONOUNS, para) || has_pronoun(&VOICE_PRONOUNS, para)
}

/// Whether a word of `pronouns` stands outside the quotation marks of `para`.
fn has_pronoun(pronouns: &[&str], para: &str) -> bool {
    let mut quoted = false;
    let mut word_start: Option<usize> = None;
    let check = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // "I" and the lowercase words as written, or capitalized at a sentence start; never
        // "US" (the country).
        pronouns.iter().any(|p| {
            *p == w
                || p.starts_with(|c: char| c.is_ascii_lowercase())
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.get(..1).is_some_and(|f| f.eq_ignore_ascii_case(&p[..1]))
                    && w.get(1..) == p.get(1..)
        })
    };
    for (i, c) in para.char_indices() {
        let boundary = c.is_whitespace() || matches!(c, '"' | '“' | '”');
        if boundary {
            if let Some(s) = word_start.take() {
                if !quoted && check(&para[s..i]) {
                    return true;
                }
            }
            match c {
                '"' => quoted = !quoted,
                '“' => quoted = true,
                '”' => quoted = false,
                _ => {}
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    word_start.is_some_and(|s| !quoted && check(&para[s..]))
}

/// Whether `para` opens as a comment on the copy ("Of course", "In other words").
fn opens_as_commentary(para: &str) -> bool {
    COMMENTARY_OPENERS.iter().any(|o| {
        para.get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o))
            && para[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || o.ends_with([',', ':']))
    })
}

/// A caption or page furniture line: "WATCH: CASTELLANOS DETAILS …", "READ MORE: …",
/// "Advertisement".
pub fn is_caption(para: &str) -> bool {
    let trimmed = para.trim();
    if trimmed.len() > CAPTION_BYTES || trimmed.contains('\n') {
        return false;
    }
    if trimmed
        .trim_end_matches(':')
        .eq_ignore_ascii_case("advertisement")
    {
        return true;
    }
    let rubric = trimmed.split(':').next().unwrap_or("");
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let caps = |s: &str| s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    (trimmed.contains(':') && letters(rubric) >= 4 && caps(rubric) && rubric.len() < 30)
        || (letters(trimmed) >= 12 && caps(trimmed))
}

/// An embedded social-media post: it ends with "— Name (@handle) May 9, 2031" or holds a
/// "pic.twitter.com/" link.
pub fn is_embedded_post(para: &str) -> bool {
    post_author(para).is_some() || para.contains("pic.twitter.com/")
}

/// The byte span of the author's name in an embedded post's credit line ("— Jane Roe
/// (@janeroe) May 9, 2031"): `(start, end)` of "Jane Roe".
pub fn post_author(para: &str) -> Option<(usize, usize)> {
    let handle = para.rfind(" (@")?;
    para[handle..].find(')')?;
    let dash = ["— ", "– ", "- "]
        .iter()
        .filter_map(|d| para[..handle].rfind(d).map(|i| i + d.len()))
        .max()?;
    let name = &para[dash..handle];
    (!name.is_empty() && name.len() <= 60 && !name.contains(['.', '!', '?', '\n']))
        .then_some((dash, handle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_ins_name_a_source() {
        assert!(is_source_lead_in("From NRO's The Corner:"));
        assert!(is_source_lead_in("Via Fox:"));
        assert!(is_source_lead_in(
            "We have followed it all weekend. From Meridian Wire:"
        ));
        assert!(is_source_lead_in(
            "Here is the full statement from Senator Jane Roe's office:"
        ));
        assert!(!is_source_lead_in("The clip can be found on Twitter:"));
        assert!(!is_source_lead_in("From Meridian Wire, more on the story."));
    }

    #[test]
    fn the_author_resumes() {
        let run = Run::open(
            "DREVNA (Meridian Wire) – Troops entered the town, officials said.",
            Some("From the Meridian Wire story:"),
        );
        assert!(run.continues("Residents fled north, the agency said."));
        assert!(!run.continues("Nobody here believes a word of it, as you can guess."));
        assert!(!run.continues("The ministry disputed the entire story on Friday."));
        assert!(!run.continues("Of course, the ministry denies everything."));
        assert!(!run.continues("WATCH: TROOPS ENTER DREVNA"));
        assert!(run.continues("\"We will stay,\" a soldier told the agency."));
        // What someone said runs on only in quotation marks or in the speaker's person.
        let said = Run::open(
            "It's typical of her. She knows nothing.",
            Some("The governor added:"),
        );
        assert!(!said.continues("Her comments came as the facts are still being gathered."));
        assert!(said.continues("“She has no idea,” he said."));
        // A quoted excerpt ends with the first paragraph out of quotation marks.
        let excerpt = Run::open(
            "\"Just 24 percent of the contributors …\"",
            Some("The Times reports:"),
        );
        assert!(excerpt.continues("\"Without this network …\""));
        assert!(!excerpt.continues("Clinton has gotten into trouble with rich donors."));
        // A statement in the first person goes on in the first person.
        let statement = Run::open("We condemn the violence in Drevna.", None);
        assert!(statement.continues("We call on all sides to stop."));
        assert!(!statement.continues("I just hope this ends soon."));
        // A pasted letter in the first person ends where the narration in the third resumes.
        let letter = Run::open(
            "Dear Sasha, I get that you are teens.",
            Some("Read it via Gawker:"),
        );
        assert!(letter.continues("I hope you learn."));
        assert!(!letter.continues("The daughters join their father every year."));
    }

    #[test]
    fn voice_pronouns_outside_quotes() {
        assert!(has_voice_pronoun("This is what I mean."));
        assert!(has_voice_pronoun("Our readers know."));
        assert!(!has_voice_pronoun("\"We will stay,\" he said."));
        assert!(!has_voice_pronoun("The US said it would stay."));
    }

    #[test]
    fn embedded_posts_and_captions() {
        let post = "Drevna is burning. pic.twitter.com/x1 — Jane Roe (@janeroe) May 9, 2031";
        assert!(is_embedded_post(post));
        assert_eq!(
            post_author(post).map(|(s, e)| &post[s..e]),
            Some("Jane Roe")
        );
        assert!(is_caption("WATCH: CASTELLANOS DETAILS NEW PLAN"));
        assert!(is_caption("Advertisement:"));
        assert!(!is_caption("Watch the video: it is long."));
    }
}
