//! The hashed features of an event candidate for the type model ([`crate::model`]): the
//! lexicon's type and mode of the trigger, the trigger's and its neighbours' stems, the
//! governing modality word and the governed event's type, and the sectors of its actors.

use crate::actors::Roles;
use crate::find::Candidate;
use crate::model::slot;
use crate::sentence::Sentence;

/// The feature slots of candidate `c` of sentence `s` with its actor `roles`.
pub fn extract(s: &Sentence, c: &Candidate, roles: &Roles, bits: u32) -> Vec<u32> {
    let mut f = Vec::with_capacity(16);
    let mut add = |tag: &str, words: &[&str]| f.push(slot(tag, words, bits));
    add("bias", &[]);
    add("lex", &[c.lexical_type.as_str()]);
    add("type", &[c.event_type.as_str()]);
    add("mode", &[c.mode.unwrap_or("-")]);
    add("trig", &[s.stem(c.first)]);
    if c.last > c.first + 1 {
        add("trig2", &[s.stem(c.first), s.stem(c.last - 1)]);
    }
    add(
        "prev",
        &[c.first.checked_sub(1).map_or("<s>", |k| s.stem(k))],
    );
    add(
        "next",
        &[if c.last < s.len() {
            s.stem(c.last)
        } else {
            "</s>"
        }],
    );
    if let Some((k, m)) = c.governor {
        add("gov", &[m.as_str()]);
        add("govword", &[s.stem(k)]);
    }
    if let Some((_, _, t)) = c.governed {
        add("governed", &[t.as_str()]);
        add("lex+governed", &[c.lexical_type.as_str(), t.as_str()]);
    }
    if let Some(r) = c.reason {
        add("reason", &[r.as_str()]);
    }
    fn sector(actors: &[parallax_core::EventActor]) -> &str {
        actors
            .first()
            .map(|a| a.sector.as_deref().unwrap_or("named"))
            .unwrap_or("none")
    }
    add("src", &[sector(&roles.source)]);
    add("tgt", &[sector(&roles.target)]);
    add("lex+src", &[c.lexical_type.as_str(), sector(&roles.source)]);
    f
}
