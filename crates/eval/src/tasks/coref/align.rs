//! Placing gold mentions in the analyzed text and reading the system's clustering of them.
//!
//! **Tokens to bytes:** gold tokens are found in the document text left to right: right after
//! the previous one (whitespace skipped), else at the first place within a window where it and
//! the next four tokens follow each other (so a lone "-" or a date far ahead cannot derail the
//! alignment); a token found nowhere stays unplaced (ECB+ gives each ECB+ article's URL and
//! byline as tokens, which the text lacks), and a mention none of whose tokens is placed is
//! dropped and counted.
//!
//! **Head rule:** a gold mention's head is its last token before the first post-modifier
//! (a preposition, relative pronoun, comma or bracket after the first token), with a final
//! possessive `'s` skipped: "the president of Georgia" → "president", "Mikheil Saakashvili"
//! → "Saakashvili".
//!
//! **Matching rule:** a gold mention is matched to a predicted mention (name, nominal or
//! pronoun) whose span overlaps the gold head; among several, one with exactly the gold span,
//! else the shortest, else the first. Gold mentions sharing one predicted mention share its
//! cluster.
//!
//! **Response clustering:** the documents of a group (an ECB+ topic, a MEANTIME topic folder)
//! are resolved together as the dossier does: stories first ([`parallax_crossdoc::stories`]),
//! then [`parallax_crossdoc::resolve::resolve_in_stories`]; a matched gold
//! mention takes its predicted mention's corpus-wide entity; one whose predicted mention has
//! no local entity takes that mention alone; an unmatched gold mention is a singleton.

use parallax_core::{Analysis, Document, Span};
use parallax_crossdoc::assemble::story_of_documents;
use parallax_crossdoc::resolve::resolve_in_stories;
use std::collections::HashMap;

/// How far past the previous token a gold token is looked for, in bytes.
const WINDOW: usize = 2000;
/// How many consecutive tokens must match where a token is found away from the cursor.
const RUN: usize = 5;

/// One gold mention placed in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// Index of the document in the corpus.
    pub doc: usize,
    pub span: Span,
    pub head: Span,
    /// The lowercased head word (for the same-head baseline).
    pub head_word: String,
    /// The gold words, joined by spaces (for reading errors).
    pub words: String,
    /// The gold chain (cross-document identity).
    pub chain: String,
    /// The gold class or type, for per-class rows.
    pub class: String,
}

/// Byte spans of `tokens` in `text`, `None` for tokens not found.
pub fn place_tokens<S: AsRef<str>>(text: &str, tokens: &[S]) -> Vec<Option<Span>> {
    let mut at = 0;
    (0..tokens.len())
        .map(|k| {
            let token = tokens[k].as_ref();
            if token.is_empty() {
                return None;
            }
            let here = skip_space(text, at);
            let start = if text.get(here..).is_some_and(|t| t.starts_with(token)) {
                here
            } else {
                resync(text, at, &tokens[k..])?
            };
            at = start + token.len();
            Some(Span::new(start, at))
        })
        .collect()
}

/// `at` moved past whitespace.
fn skip_space(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.find(|c: char| !c.is_whitespace()))
        .map_or(text.len(), |n| at + n)
}

/// How many of `tokens` (at most [`RUN`]) follow each other from `at`, whitespace between.
fn run_at<S: AsRef<str>>(text: &str, mut at: usize, tokens: &[S]) -> Option<usize> {
    let mut n = 0;
    for token in tokens.iter().take(RUN) {
        let token = token.as_ref();
        if !text.get(at..)?.starts_with(token) || token.is_empty() {
            break;
        }
        n += 1;
        at = skip_space(text, at + token.len());
    }
    Some(n)
}

/// The first place within [`WINDOW`] bytes after `at` where the next [`RUN`] tokens (or all
/// that are left) follow each other.
fn resync<S: AsRef<str>>(text: &str, at: usize, tokens: &[S]) -> Option<usize> {
    let token = tokens.first()?.as_ref();
    let need = tokens.len().min(RUN);
    let mut end = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = text.get(at..end)?;
    window
        .match_indices(token)
        .map(|(i, _)| at + i)
        .find(|&start| run_at(text, start, tokens) == Some(need))
}

const POST_MODIFIERS: [&str; 17] = [
    "of", "in", "at", "on", "for", "from", "with", "by", "to", "who", "whom", "which", "that",
    "whose", ",", "(", "-LRB-",
];

/// The offset of the head among a mention's tokens (see the module's head rule).
pub fn head_offset<S: AsRef<str>>(tokens: &[S]) -> usize {
    let stop = tokens
        .iter()
        .skip(1)
        .position(|t| POST_MODIFIERS.contains(&t.as_ref().to_lowercase().as_str()))
        .map_or(tokens.len(), |p| p + 1);
    let mut head = stop.saturating_sub(1);
    while head > 0 && matches!(tokens[head].as_ref(), "'s" | "'" | "’s" | "’") {
        head -= 1;
    }
    head
}

/// Builds a gold mention from its tokens' placed spans (the whole mention and the head token);
/// `None` when none of its tokens was placed.
pub fn gold_mention(
    doc: usize,
    placed: &[Option<Span>],
    words: &[&str],
    chain: String,
    class: String,
) -> Option<GoldMention> {
    let spans: Vec<Span> = placed.iter().flatten().copied().collect();
    let (first, last) = (spans.first()?, spans.last()?);
    let h = head_offset(words);
    let head = placed
        .get(h)
        .copied()
        .flatten()
        .or_else(|| {
            placed[..h.min(placed.len())]
                .iter()
                .rev()
                .flatten()
                .next()
                .copied()
        })
        .unwrap_or(*last);
    Some(GoldMention {
        doc,
        span: first.cover(*last),
        head,
        head_word: words.get(h).map_or_else(String::new, |w| w.to_lowercase()),
        words: words.join(" "),
        chain,
        class,
    })
}

/// The system's cluster of a gold mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Response {
    /// A corpus-wide entity: (group, entity index in that group's resolution).
    Entity(usize, usize),
    /// A predicted mention with no local entity: (document, mention index).
    Mention(usize, usize),
    /// Not matched: a singleton of its own (the gold mention's index).
    Unmatched(usize),
}

/// The index of the predicted mention a gold mention matches, by the module's matching rule.
pub fn match_mention(analysis: &Analysis, gold: &GoldMention) -> Option<usize> {
    analysis
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.overlaps(gold.head))
        .min_by_key(|(i, m)| (m.span != gold.span, m.span.len(), *i))
        .map(|(i, _)| i)
}

/// The response cluster of every gold mention when each group of documents (indices into
/// `documents` and `analyses`) is resolved as one dossier. A document in no group is
/// resolved alone.
pub fn responses(
    documents: &[Document],
    analyses: &[Analysis],
    groups: &[Vec<usize>],
    gold: &[GoldMention],
) -> Vec<Response> {
    // (document, local entity) → (group, entity).
    let mut entity_of: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    let mut grouped = vec![false; analyses.len()];
    let mut all_groups: Vec<Vec<usize>> = groups.to_vec();
    for group in groups {
        for &d in group {
            if let Some(g) = grouped.get_mut(d) {
                *g = true;
            }
        }
    }
    all_groups.extend(
        (0..analyses.len())
            .filter(|&d| !grouped[d])
            .map(|d| vec![d]),
    );
    for (g, group) in all_groups.iter().enumerate() {
        let pairs: Vec<(&Document, &Analysis)> = group
            .iter()
            .filter_map(|&d| Some((documents.get(d)?, analyses.get(d)?)))
            .collect();
        let docs: Vec<&Document> = pairs.iter().map(|p| p.0).collect();
        let members: Vec<&Analysis> = pairs.iter().map(|p| p.1).collect();
        let stories = parallax_crossdoc::stories::stories(&pairs);
        let resolution = resolve_in_stories(&members, &story_of_documents(&docs, &stories));
        for (&(local_doc, local), &entity) in &resolution.of_local {
            if let Some(&d) = group.get(local_doc) {
                entity_of.insert((d, local), (g, entity));
            }
        }
    }
    gold.iter()
        .enumerate()
        .map(|(i, m)| {
            let Some(analysis) = analyses.get(m.doc) else {
                return Response::Unmatched(i);
            };
            match match_mention(analysis, m) {
                None => Response::Unmatched(i),
                Some(p) => analysis.mentions[p]
                    .local_entity
                    .and_then(|local| entity_of.get(&(m.doc, local)))
                    .map_or(Response::Mention(m.doc, p), |&(g, e)| {
                        Response::Entity(g, e)
                    }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_tokens_across_detokenized_text() {
        let text = "Internet Explorer issue 'fixed', say Microsoft.";
        let tokens = [
            "Internet",
            "Explorer",
            "issue",
            "'fixed",
            "'",
            ",",
            "say",
            "Microsoft",
            "ZZZ",
        ];
        let placed = place_tokens(text, &tokens);
        let words: Vec<&str> = placed
            .iter()
            .map(|s| s.map_or("-", |s| s.text(text)))
            .collect();
        assert_eq!(
            words,
            [
                "Internet",
                "Explorer",
                "issue",
                "'fixed",
                "'",
                ",",
                "say",
                "Microsoft",
                "-"
            ]
        );
        assert_eq!(place_tokens("é x", &["x"]), [Some(Span::new(3, 4))]);
        // Tokens missing from the text (a URL) do not drag the cursor to a far "-".
        let text = "Lindsay Lohan left. A 90 - day stay.";
        let tokens = [
            "http", ":", "/", "-", "lohan", "Lindsay", "Lohan", "left", ".",
        ];
        let placed = place_tokens(text, &tokens);
        assert_eq!(placed[..5], [None, None, None, None, None]);
        assert_eq!(placed[5], Some(Span::new(0, 7)));
        assert_eq!(placed[8].map(|s| s.text(text)), Some("."));
        assert_eq!(place_tokens("abc", &[""]), [None]);
    }

    #[test]
    fn heads_stop_at_post_modifiers() {
        assert_eq!(head_offset(&["the", "president", "of", "Georgia"]), 1);
        assert_eq!(head_offset(&["Mikheil", "Saakashvili"]), 1);
        assert_eq!(head_offset(&["Georgia", "'s"]), 0);
        assert_eq!(head_offset(&["of"]), 0);
        assert_eq!(head_offset::<&str>(&[]), 0);
        assert_eq!(head_offset(&["Lindsay", "Lohan", ",", "22"]), 1);
    }

    #[test]
    fn gold_mention_uses_placed_tokens() {
        let text = "the president of Georgia";
        let words = ["the", "president", "of", "Georgia"];
        let placed = place_tokens(text, &words);
        let m = gold_mention(3, &placed, &words, "HUM1".into(), "human".into()).unwrap();
        assert_eq!(m.span, Span::new(0, text.len()));
        assert_eq!(m.head.text(text), "president");
        assert_eq!(m.head_word, "president");
        assert!(gold_mention(0, &[None], &["x"], String::new(), String::new()).is_none());
    }
}
