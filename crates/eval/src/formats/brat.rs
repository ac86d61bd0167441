//! brat standoff annotations (`.ann`): text-bound annotations (`T`), events (`E`) and
//! relations (`R`) over a `.txt` file. Offsets are character (code point) offsets and a
//! text-bound annotation may have several fragments (`start end;start end`); they are turned
//! into byte spans of the text with [`to_byte_spans`].

use parallax_core::Span;
use std::collections::HashMap;

/// A text-bound annotation: `T3\tContent 22 51;60 70\ttext`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    pub id: String,
    pub label: String,
    /// Fragments as character offsets `[start, end)`.
    pub fragments: Vec<(usize, usize)>,
}

/// An event or relation: its type, an optional trigger id, and role-argument pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub label: String,
    pub trigger: Option<String>,
    pub args: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ann {
    pub text_bounds: HashMap<String, TextBound>,
    /// Events and relations, in file order.
    pub events: Vec<Event>,
}

/// Parses a `.ann` file; returns the 1-based number and reason of the first malformed line.
pub fn parse(ann: &str) -> Result<Ann, (usize, String)> {
    let mut out = Ann::default();
    for (n, line) in ann.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        let bad = |why: &str| (n + 1, format!("{why}: {line}"));
        match id.chars().next() {
            Some('T') => {
                let (label, offsets) = body.split_once(' ').ok_or_else(|| bad("no offsets"))?;
                let mut fragments = Vec::new();
                for fragment in offsets.split(';') {
                    let mut nums = fragment.split_whitespace().map(str::parse::<usize>);
                    match (nums.next(), nums.next()) {
                        (Some(Ok(s)), Some(Ok(e))) if s <= e => fragments.push((s, e)),
                        _ => return Err(bad("bad offsets")),
                    }
                }
                let tb = TextBound {
                    id: id.to_string(),
                    label: label.to_string(),
                    fragments,
                };
                out.text_bounds.insert(id.to_string(), tb);
            }
            Some('E') | Some('R') => {
                let mut parts = body.split_whitespace();
                let head = parts.next().ok_or_else(|| bad("empty event"))?;
                let (label, trigger) = match head.split_once(':') {
                    Some((l, t)) => (l.to_string(), Some(t.to_string())),
                    None => (head.to_string(), None),
                };
                let args = parts
                    .filter_map(|a| a.split_once(':'))
                    .map(|(r, t)| (r.to_string(), t.to_string()))
                    .collect();
                out.events.push(Event {
                    id: id.to_string(),
                    label,
                    trigger,
                    args,
                });
            }
            _ => {} // attributes, normalizations and notes carry nothing scored here
        }
    }
    Ok(out)
}

/// Byte spans of `text` for character-offset `fragments`; `None` when one lies outside.
pub fn to_byte_spans(text: &str, fragments: &[(usize, usize)]) -> Option<Vec<Span>> {
    let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    starts.push(text.len());
    fragments
        .iter()
        .map(|&(s, e)| Some(Span::new(*starts.get(s)?, *starts.get(e)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_bounds_and_events() {
        let ann = "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;14 16\t„ja“ ok\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nA1\tNegated E1\n";
        let parsed = parse(ann).unwrap();
        assert_eq!(parsed.text_bounds["T3"].fragments, vec![(9, 12), (14, 16)]);
        assert_eq!(parsed.events[0].trigger.as_deref(), Some("T2"));
        assert_eq!(
            parsed.events[0].args[1],
            ("Cue".to_string(), "T2".to_string())
        );
        let text = "Ana said „ja“ ok";
        let spans = to_byte_spans(text, &parsed.text_bounds["T3"].fragments).unwrap();
        assert_eq!(spans[0].text(text), "„ja");
        assert!(parse("T1\tSource x y\tAna").is_err());
    }
}
