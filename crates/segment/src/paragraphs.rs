//! Paragraphs and their roles.
//!
//! Paragraphs are separated by blank lines. Within a block, lines that are list items
//! (bullets, numbered items, "Aug 7 – …" timeline entries) are paragraphs of their own.
//! Roles, decided from the paragraph's own text and its neighbours:
//! - **headline**: the first paragraph when it is one short line without final punctuation;
//! - **byline**: a short "By …" line near the top;
//! - **update**: a paragraph opening with "UPDATE" (and the paragraphs it introduces when it is
//!   only a header line);
//! - **block quote**: paragraphs quoted with `>`; paragraphs after a short lead-in that ends
//!   with a colon and names a source ("From NRO's The Corner:"); and a paragraph opening with an
//!   agency dateline ("BEIJING (AP) –") anywhere but at the top of the article, with the
//!   paragraphs that follow it, until the author's own voice resumes (a paragraph in the first
//!   person, or an update);
//! - **list**: bullets, numbered items, timeline entries and factbox headers;
//! - **body**: everything else.

use parallax_core::{Paragraph, ParagraphRole, Span};

/// Splits `text` into paragraphs with roles.
pub fn split(text: &str) -> Vec<Paragraph> {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for block in blocks(text) {
        let block_text = block.text(text);
        let lines = line_spans(text, block);
        let listy = lines.len() > 1
            && lines.iter().filter(|l| is_list_item(l.text(text))).count() * 2 >= lines.len();
        if listy {
            for line in lines {
                paragraphs.push(Paragraph {
                    span: line,
                    role: ParagraphRole::List,
                });
            }
        } else if !block_text.trim().is_empty() {
            paragraphs.push(Paragraph {
                span: block,
                role: ParagraphRole::Body,
            });
        }
    }
    assign_roles(text, &mut paragraphs);
    paragraphs
}

/// Blocks separated by blank lines, trimmed of surrounding whitespace.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end).trim(text));
            }
        } else {
            start.get_or_insert(line_start);
            end = offset;
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, end).trim(text));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The non-empty lines of a block, trimmed.
fn line_spans(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = block.start;
    for line in block.text(text).split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len()).trim(text);
        offset += line.len();
        if !span.is_empty() {
            out.push(span);
        }
    }
    out
}

fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['-', '*', '•', '–', '—', '·']) {
        return line.chars().nth(1).is_some_and(char::is_whitespace);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return true;
    }
    is_timeline_entry(line)
}

/// "Aug 7 – Georgian troops …", "August 8: …", "2008 - …".
fn is_timeline_entry(line: &str) -> bool {
    let head: String = line.chars().take(16).collect();
    let Some(dash) = head.find([':', '–', '—', '-']) else {
        return false;
    };
    let date_part = head[..dash].trim();
    let mut words = date_part.split_whitespace();
    let first = words.next().unwrap_or("");
    let is_month = MONTHS.iter().any(|m| {
        first.trim_end_matches('.').eq_ignore_ascii_case(m)
            || (first.len() >= 3
                && m.to_ascii_lowercase()
                    .starts_with(&first.trim_end_matches('.').to_ascii_lowercase()))
    });
    let rest_numeric = words.all(|w| w.trim_end_matches(',').bytes().all(|b| b.is_ascii_digit()));
    (is_month && rest_numeric && !date_part.is_empty())
        || (date_part.len() == 4 && date_part.bytes().all(|b| b.is_ascii_digit()))
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn assign_roles(text: &str, paragraphs: &mut [Paragraph]) {
    let mut in_block_quote = false;
    let mut in_update = false;
    for i in 0..paragraphs.len() {
        let para = paragraphs[i].span.text(text);
        if paragraphs[i].role == ParagraphRole::List {
            continue;
        }
        let role = if i == 0 && is_headline(para) {
            ParagraphRole::Headline
        } else if i <= 2 && is_byline(para) {
            ParagraphRole::Byline
        } else if starts_update(para) {
            in_block_quote = false;
            // A bare "UPDATE:" header introduces the paragraphs after it.
            in_update = para.trim_end().ends_with(':') || para.len() < 40;
            ParagraphRole::Update
        } else if para.starts_with('>') {
            ParagraphRole::BlockQuote
        } else if (i > 0 && is_source_lead_in(paragraphs[i - 1].span.text(text)))
            || (i > 2 && has_agency_dateline(para))
        {
            in_block_quote = true;
            ParagraphRole::BlockQuote
        } else if in_block_quote && !is_first_person(para) {
            ParagraphRole::BlockQuote
        } else if in_update {
            ParagraphRole::Update
        } else {
            in_block_quote = false;
            ParagraphRole::Body
        };
        if role == ParagraphRole::Body || role == ParagraphRole::Headline {
            in_block_quote = false;
        }
        paragraphs[i].role = role;
    }
}

fn is_headline(para: &str) -> bool {
    !para.contains('\n')
        && para.len() <= 200
        && !para.trim_end().ends_with(['.', ',', ';', ':'])
        && para.split_whitespace().count() <= 25
}

fn is_byline(para: &str) -> bool {
    let trimmed = para.trim();
    trimmed.len() <= 80
        && !trimmed.contains('\n')
        && (trimmed.starts_with("By ") || trimmed.starts_with("BY "))
}

fn starts_update(para: &str) -> bool {
    let upper: String = para.chars().take(7).collect();
    upper == "UPDATE:" || upper == "UPDATE " || upper.starts_with("Update:") || upper == "UPDATED"
}

/// A short paragraph ending with a colon that introduces a pasted source.
fn is_source_lead_in(para: &str) -> bool {
    let trimmed = para.trim_end();
    if !trimmed.ends_with(':') || trimmed.len() > 200 {
        return false;
    }
    let lower = trimmed.to_lowercase();
    [
        "from ",
        "writes",
        "wrote",
        "reports",
        "reported",
        "statement",
        "read:",
        "reads:",
        "says:",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// "BEIJING (AP) –", "TBILISI, Georgia (Reuters) -".
pub fn has_agency_dateline(para: &str) -> bool {
    let head: &str = match para.char_indices().nth(60) {
        Some((i, _)) => &para[..i],
        None => para,
    };
    let Some(open) = head.find(" (") else {
        return false;
    };
    let Some(close) = head[open..].find(')').map(|c| open + c) else {
        return false;
    };
    let place = &head[..open];
    let after = head[close + 1..].trim_start();
    let place_is_caps = place.split(',').next().is_some_and(|p| {
        let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
    });
    place_is_caps && after.starts_with(['-', '–', '—'])
}

fn is_first_person(para: &str) -> bool {
    let first = para.split_whitespace().next().unwrap_or("");
    matches!(first, "I" | "I'm" | "I’m" | "We" | "My" | "Our" | "Me")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(ParagraphRole, &str)> {
        split(text)
            .into_iter()
            .map(|p| (p.role, p.span.text(text)))
            .collect()
    }

    #[test]
    fn headline_byline_body() {
        let text = "Troops enter Varosa\n\nBy Ana Petrov\n\nTroops entered the city.\n";
        assert_eq!(
            roles(text),
            [
                (ParagraphRole::Headline, "Troops enter Varosa"),
                (ParagraphRole::Byline, "By Ana Petrov"),
                (ParagraphRole::Body, "Troops entered the city."),
            ]
        );
    }

    #[test]
    fn block_quote_after_source_lead_in_until_author_resumes() {
        let text = "Title here\n\nIntro text.\n\nFrom the Corner:\n\nPasted one.\n\nPasted two.\n\nI think this is wrong.\n";
        let r = roles(text);
        assert_eq!(r[3], (ParagraphRole::BlockQuote, "Pasted one."));
        assert_eq!(r[4], (ParagraphRole::BlockQuote, "Pasted two."));
        assert_eq!(r[5].0, ParagraphRole::Body);
    }

    #[test]
    fn update_and_mid_article_agency_dateline() {
        let text = "Title\n\nOne.\n\nTwo.\n\nThree.\n\nUPDATE:\n\nVAROSA (Reuters) - Agency copy.\n\nMore agency copy.\n";
        let r = roles(text);
        assert_eq!(r[4], (ParagraphRole::Update, "UPDATE:"));
        assert_eq!(r[5].0, ParagraphRole::BlockQuote);
        assert_eq!(r[6].0, ParagraphRole::BlockQuote);
    }

    #[test]
    fn list_lines_are_paragraphs() {
        let text = "Timeline\n\nAug 7 – Shelling begins\nAug 8 - Troops cross\n- a bullet\n";
        let r = roles(text);
        assert_eq!(r.len(), 4);
        assert!(r[1..].iter().all(|(role, _)| *role == ParagraphRole::List));
    }

    #[test]
    fn dateline_detection() {
        assert!(has_agency_dateline("BEIJING (AP) – The government said"));
        assert!(has_agency_dateline("TBILISI, Georgia (Reuters) - Shelling"));
        assert!(!has_agency_dateline("The ministry (which declined) - said"));
    }
}
