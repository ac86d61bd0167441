//! Quotation marks: finding them, telling quotes from apostrophes, and pairing them.
//!
//! Marks are paired per paragraph with a stack, so nested quotes close inside their outer
//! quote. A double quote left open at the end of a paragraph continues when the next paragraph
//! opens with a double mark (the newswire convention for multi-paragraph quotes). Right single
//! marks that cannot close an open single quote are apostrophes ("the United States’
//! pipeline", "don’t", "’90s"), so they never break the pairing of the marks around them.
//! Whatever cannot be paired is reported as a warning with its span.

use parallax_core::{Diagnostic, Paragraph, Span};

/// A pair of quotation marks and the text between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// The opening mark (of the first paragraph when the quote runs across paragraphs).
    pub open: Span,
    /// The closing mark.
    pub close: Span,
    /// Whether the pair sits inside another pair.
    pub nested: bool,
}

impl Pair {
    /// The quoted text, between the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open.end, self.close.start.max(self.open.end))
    }

    /// The quoted text with its marks.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.end)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Curly and low double marks: “…”, „…“.
    Double,
    /// Straight double marks, and doubled apostrophes: "…", ''…''. Kept apart from curly
    /// marks because pasted copy mixes the two styles.
    Straight,
    Single,
    Angle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight double quote whose direction only the pairing state can tell.
    Either,
    /// A right single mark after a plural "s" followed by a lowercase word: a possessive more
    /// often than a closing quote, so it closes only when no better closer follows.
    WeakClose,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    family: Family,
    role: Role,
    /// A low opening mark („), closed by “ as well as by ”.
    low: bool,
}

/// Finds every pairable quotation in `paragraphs` of `text`, and warnings for the rest.
pub fn pair(text: &str, paragraphs: &[Paragraph]) -> (Vec<Pair>, Vec<Diagnostic>) {
    let units = pairing_units(text, paragraphs);
    let paragraphs = &units[..];
    let mut pairs = Vec::new();
    let mut diagnostics = Vec::new();
    // The opening mark of a double quote carried into the next paragraph.
    let mut carried: Option<Mark> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let marks = scan(text, paragraph.span);
        let mut stack: Vec<Mark> = Vec::new();
        let mut rest = &marks[..];
        if let Some(open) = carried.take() {
            // The continuation paragraph's own opening mark is consumed by the carried quote.
            if let Some((first, tail)) = marks.split_first() {
                if starts_paragraph(text, paragraph.span, first.span) && opens(first, open.family) {
                    rest = tail;
                }
            }
            stack.push(open);
        }
        for (i, mark) in rest.iter().enumerate() {
            let later = rest.get(i + 1..).unwrap_or(&[]);
            step(*mark, later, &mut stack, &mut pairs, &mut diagnostics);
        }
        // Unclosed singles inside the paragraph are most likely apostrophes typed as quotes.
        while stack.last().is_some_and(|m| m.family == Family::Single) {
            if let Some(m) = stack.pop() {
                if text.get(m.span.range()) == Some("‘") {
                    diagnostics.push(unpaired(m.span, "opening"));
                }
            }
        }
        if let Some(bottom) = stack.first().copied() {
            let continues = paragraphs.get(index + 1).is_some_and(|next| {
                scan(text, next.span).first().is_some_and(|m| {
                    starts_paragraph(text, next.span, m.span) && opens(m, bottom.family)
                })
            });
            if continues && bottom.family != Family::Single && stack.len() == 1 {
                carried = Some(bottom);
            } else if stack.len() == 1 && resumes_quote(text, paragraph.span, &bottom, &pairs) {
                // "“…,” she said. “I recommend that …" with no closing mark and no next
                // paragraph taking the quote on: the writer dropped the closing mark, and the
                // quotation runs to the end of its paragraph.
                let end = paragraph.span.trim(text).end;
                pairs.push(Pair {
                    open: bottom.span,
                    close: Span::new(end, end),
                    nested: false,
                });
            } else {
                for m in &stack {
                    diagnostics.push(unpaired(m.span, "opening"));
                }
            }
        }
    }
    pairs.sort_by_key(|p| (p.open.start, p.close.end));
    (pairs, diagnostics)
}

/// Whether the double mark `open`, left open at the end of `paragraph`, resumes a quotation
/// after its attribution: it opens a sentence after a quotation that closed earlier in the
/// paragraph ("“…,” she said. “…"). A stray mark anywhere else is no quotation.
fn resumes_quote(text: &str, paragraph: Span, open: &Mark, pairs: &[Pair]) -> bool {
    let opens_sentence = text
        .get(paragraph.start..open.span.start)
        .map(str::trim_end)
        .is_some_and(|before| before.ends_with(['.', '!', '?']));
    let quoted_before = pairs
        .iter()
        .rev()
        .any(|p| !p.nested && p.open.start >= paragraph.start && p.close.end <= open.span.start);
    open.family != Family::Single && opens_sentence && quoted_before
}

/// Shortest line that cannot come from hard-wrapped text.
const LONG_LINE: usize = 100;

/// The units marks are paired in: the paragraphs, except that a paragraph whose paragraphs
/// are written one per line (single newlines, some line longer than hard-wrapped text has)
/// is split into its lines, so that one stray mark cannot pair every later quote of the
/// article wrongly.
fn pairing_units(text: &str, paragraphs: &[Paragraph]) -> Vec<Paragraph> {
    let mut units = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let body = p.span.text(text);
        let unwrapped = body.contains('\n') && body.split('\n').any(|l| l.len() > LONG_LINE);
        if !unwrapped {
            units.push(p.clone());
            continue;
        }
        let mut offset = p.span.start;
        for line in body.split_inclusive('\n') {
            let span = Span::new(offset, offset + line.len()).trim(text);
            offset += line.len();
            if !span.is_empty() {
                units.push(Paragraph { span, ..p.clone() });
            }
        }
    }
    units
}

/// Applies one mark to the pairing state.
fn step(
    mark: Mark,
    later: &[Mark],
    stack: &mut Vec<Mark>,
    pairs: &mut Vec<Pair>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let top_family = stack.last().map(|m| m.family);
    match (mark.family, mark.role) {
        (Family::Single, Role::Open) => stack.push(mark),
        (Family::Single, Role::Close | Role::WeakClose) => {
            let better_follows = mark.role == Role::WeakClose
                && later
                    .iter()
                    .take_while(|m| m.family == Family::Single)
                    .any(|m| m.role == Role::Close);
            if top_family == Some(Family::Single) && !better_follows {
                if let Some(open) = stack.pop() {
                    pairs.push(Pair {
                        open: open.span,
                        close: mark.span,
                        nested: !stack.is_empty(),
                    });
                }
            }
            // Otherwise an apostrophe: nothing to pair, nothing to report.
        }
        (family, role) => {
            let closes = match role {
                Role::Close | Role::WeakClose => true,
                Role::Either => stack.iter().any(|m| m.family == family),
                // “ after „ closes it: „German style“.
                Role::Open => {
                    stack.last().is_some_and(|m| m.low) && !mark.low && family == Family::Double
                }
            };
            if !closes {
                stack.push(mark);
                return;
            }
            if !stack.iter().any(|m| m.family == family) {
                // “…," or "…”: a closing mark of the other double style closes the quote
                // open on top when nothing of its own style is open.
                let mixed = role == Role::Close
                    && stack.last().is_some_and(|top| {
                        matches!(
                            (top.family, family),
                            (Family::Double, Family::Straight) | (Family::Straight, Family::Double)
                        )
                    });
                if let Some(open) = mixed.then(|| stack.pop()).flatten() {
                    pairs.push(Pair {
                        open: open.span,
                        close: mark.span,
                        nested: !stack.is_empty(),
                    });
                    return;
                }
                diagnostics.push(unpaired(mark.span, "closing"));
                return;
            }
            // Singles left open inside the closing quote were apostrophes.
            while stack.last().is_some_and(|m| m.family != family) {
                stack.pop();
            }
            if let Some(open) = stack.pop() {
                pairs.push(Pair {
                    open: open.span,
                    close: mark.span,
                    nested: !stack.is_empty(),
                });
            }
        }
    }
}

fn unpaired(span: Span, which: &str) -> Diagnostic {
    Diagnostic::warning("quotes", format!("unpaired {which} quotation mark")).at(span)
}

/// Whether `mark` opens a quote of `family`.
fn opens(mark: &Mark, family: Family) -> bool {
    mark.family == family && matches!(mark.role, Role::Open | Role::Either)
}

/// Whether only whitespace precedes `mark` in `paragraph`.
fn starts_paragraph(text: &str, paragraph: Span, mark: Span) -> bool {
    text.get(paragraph.start..mark.start)
        .is_some_and(|s| s.trim().is_empty())
}

/// The quotation marks of `span`, each classified by its neighbours. Only the bytes that can
/// begin a mark are looked at: ASCII quotes and the lead bytes of U+2018–U+201E, U+2039/203A
/// (0xE2) and of « » (0xC2).
fn scan(text: &str, span: Span) -> Vec<Mark> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let bytes = slice.as_bytes();
    let mut marks = Vec::new();
    let mut i = 0;
    while let Some(found) = bytes.get(i..).and_then(|rest| {
        rest.iter()
            .position(|b| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
    }) {
        let at = i + found;
        let Some(mut c) = slice.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let mut end = at + c.len_utf8();
        i = end;
        let rest = slice.get(end..).unwrap_or("");
        if c == '\'' && rest.starts_with('\'') {
            // Two apostrophes stand for a double quote in some wire copy: ''like this''.
            c = '"';
            end += 1;
            i = end;
        }
        if !matches!(
            c,
            '"' | '\'' | '‘' | '’' | '“' | '”' | '„' | '‹' | '›' | '«' | '»'
        ) {
            continue;
        }
        let prev = text
            .get(..span.start + at)
            .and_then(|s| s.chars().next_back());
        let next = slice.get(end..).and_then(|s| s.chars().next());
        if let Some((family, role)) = classify(c, prev, next) {
            let span = Span::new(span.start + at, span.start + end);
            marks.push(Mark {
                span,
                family,
                role,
                low: c == '„',
            });
        }
    }
    marks
}

/// What a character is as a quotation mark, given the characters around it; `None` for
/// characters that are not marks and for apostrophes.
fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<(Family, Role)> {
    let before_space = prev
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    let after_space = next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-'
            )
    });
    let prev_word = prev.is_some_and(char::is_alphanumeric);
    let next_word = next.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' => Some((Family::Double, Role::Open)),
        // A right mark opening a word after a space is a mistyped opening mark
        // (”Mr. Trump embodies …”).
        '”' if before_space && next_word => Some((Family::Double, Role::Open)),
        '”' => Some((Family::Double, Role::Close)),
        '«' | '‹' => Some((Family::Angle, Role::Open)),
        '»' | '›' => Some((Family::Angle, Role::Close)),
        '"' => Some((
            Family::Straight,
            match (before_space, after_space) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            },
        )),
        '‘' | '\'' | '’' => {
            if prev_word && next_word {
                return None; // don’t, O’Brien
            }
            if next.is_some_and(|n| n.is_ascii_digit()) {
                return None; // ’90s
            }
            if before_space && next_word && c != '’' {
                return Some((Family::Single, Role::Open));
            }
            if !before_space && !next_word && c != '‘' {
                let plural = prev == Some('s') && next.is_some_and(char::is_whitespace);
                return Some((
                    Family::Single,
                    if plural { Role::WeakClose } else { Role::Close },
                ));
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::seg_of;

    fn inner_texts(text: &str) -> Vec<String> {
        let seg = seg_of(text);
        let (pairs, _) = pair(text, &seg.paragraphs);
        pairs
            .iter()
            .map(|p| p.inner().text(text).to_string())
            .collect()
    }

    #[test]
    fn straight_and_curly_marks_do_not_pair_with_each_other() {
        let text = "\"Kevin was snoring.\n\n“Here he is,” she said.";
        assert_eq!(inner_texts(text), ["Here he is,"]);
    }

    #[test]
    fn unwrapped_lines_are_paired_on_their_own() {
        let long = "x".repeat(LONG_LINE);
        // A stray opening mark does not pair with a mark on a later line.
        let text = format!("\"A stray mark opens here. {long}\nThen he said \" and left.");
        assert!(inner_texts(&text).is_empty());
        // Hard-wrapped text keeps quotes that run across its lines.
        assert_eq!(
            inner_texts("\"We will win\nsoon,\" she said."),
            ["We will win\nsoon,"]
        );
    }

    #[test]
    fn a_closing_mark_of_the_other_double_style_closes_the_quote() {
        assert_eq!(
            inner_texts("“We will win so much,\" Trump said. \"Believe me.”"),
            ["We will win so much,", "Believe me."]
        );
    }

    #[test]
    fn a_quote_resumed_after_its_attribution_runs_to_the_paragraph_end() {
        assert_eq!(
            inner_texts("“We know,” she said. “I recommend that you read it.\n\nHe replied."),
            ["We know,", "I recommend that you read it."]
        );
        // A stray mark that resumes nothing stays unpaired.
        assert_eq!(
            inner_texts("The crowd “cheered. “Fine,” she said."),
            ["Fine,"]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            inner_texts("We agree. ''There's a lot,'' said Mr. Burman."),
            ["There's a lot,"]
        );
    }
}
