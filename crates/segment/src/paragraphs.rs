//! Paragraphs and their roles.
//!
//! Paragraphs are separated by blank lines. Within a block, lines that are list items
//! (bullets, numbered items, "Aug 7 – …" timeline entries) are paragraphs of their own.
//! Roles, decided from the paragraph's own text and its neighbours:
//! - **headline**: the first paragraph when it is one short line without final punctuation;
//! - **byline**: a short "By …" line near the top, or an "Updated 10:02 AM" stamp there;
//! - **update**: a paragraph opening with "UPDATE" or with a date label ("3 March:", "Saturday,
//!   14:20 GMT –": an entry of a live page, see [`crate::labels`]), and the paragraphs after it
//!   (an update is appended at the bottom; an entry runs to the next one);
//! - **block quote**: paragraphs quoted with `>`; an embedded post ("… — Jane Roe (@janeroe)
//!   May 9, 2031"); the paragraph after a lead-in that ends with a colon and names a source
//!   ("From NRO's The Corner:", "Via Fox:", "Here is the statement from Sen. Roe's office:");
//!   and a paragraph opening with an agency dateline ("BEIJING (AP) –") anywhere but at the top
//!   of the article. Only those open pasted copy. The paragraphs after the opening one continue
//!   it until the author's own voice resumes ([`crate::pasted`]): a paragraph that is itself a
//!   lead-in or a caption ("WATCH: …"), that opens as commentary ("Of course", "In other
//!   words"), that speaks of the copy by the lead-in's noun ("disputed the entire story" after
//!   "From the ABC News story:"), that has a first-person singular word outside quotation
//!   marks where the copy has none, a first-person plural or second-person one where the copy
//!   is in the third person, or no first-person singular word where the copy speaks as "I" (a
//!   pasted letter); or an update;
//! - **list**: bullets, numbered items, timeline entries and factbox headers;
//! - **body**: everything else.

use crate::labels::{date_label, has_agency_dateline, starts_update};
use crate::pasted::{is_caption, is_embedded_post, is_source_lead_in, Run};
use parallax_core::{calendar, Paragraph, ParagraphRole, Span};

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
    is_timeline_entry(line) || is_factbox_line(line)
}

/// A factbox line: a short label and its value, "Population: approximately 36,000 (2001
/// census)", "Area: 120 square kilometres" — not a transcript turn, whose words run on.
fn is_factbox_line(line: &str) -> bool {
    let Some((label, value)) = line.split_once(": ") else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    line.len() <= 80
        && (1..=3).contains(&label_words)
        && label.starts_with(|c: char| c.is_uppercase())
        && value.split_whitespace().count() <= 8
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
    let is_month = calendar::month(first).is_some();
    let rest_numeric = words.all(|w| w.trim_end_matches(',').bytes().all(|b| b.is_ascii_digit()));
    (is_month && rest_numeric && !date_part.is_empty())
        || (date_part.len() == 4 && date_part.bytes().all(|b| b.is_ascii_digit()))
}

fn assign_roles(text: &str, paragraphs: &mut [Paragraph]) {
    // The run of pasted copy in progress, and whether an update has begun.
    let mut run: Option<Run> = None;
    let mut in_update = false;
    // Body paragraphs so far: an update below them was appended to the story.
    let mut body_seen = 0;
    for i in 0..paragraphs.len() {
        let para = paragraphs[i].span.text(text);
        if paragraphs[i].role == ParagraphRole::List {
            continue;
        }
        let lead_in = i
            .checked_sub(1)
            .and_then(|p| paragraphs.get(p))
            .filter(|p| p.role != ParagraphRole::List)
            .map(|p| p.span.text(text))
            .filter(|p| is_source_lead_in(p));
        let role = if i == 0 && is_headline(para) {
            ParagraphRole::Headline
        } else if i <= 2 && (is_byline(para) || is_update_stamp(para)) {
            ParagraphRole::Byline
        } else if starts_update(para) || (i > 0 && date_label(para).is_some()) {
            run = None;
            // A bare "UPDATE:" header, or an update appended below the story, runs on over
            // the paragraphs after it; "UPDATE: …" with its text at the top of the story
            // (above the original report) is that one paragraph.
            let header = para.trim_end().ends_with(':') || para.len() < 40;
            in_update = header || body_seen >= 2;
            ParagraphRole::Update
        } else if is_caption(para) {
            run = None;
            if in_update {
                ParagraphRole::Update
            } else {
                ParagraphRole::Body
            }
        } else if para.starts_with('>') || is_embedded_post(para) {
            ParagraphRole::BlockQuote
        } else if lead_in.is_some() || (i > 2 && has_agency_dateline(para)) {
            run = Some(Run::open(para, lead_in));
            ParagraphRole::BlockQuote
        } else if run.as_ref().is_some_and(|r| r.continues(para)) {
            ParagraphRole::BlockQuote
        } else if in_update {
            run = None;
            ParagraphRole::Update
        } else {
            run = None;
            ParagraphRole::Body
        };
        if role == ParagraphRole::Headline {
            run = None;
        }
        if role == ParagraphRole::Body {
            body_seen += 1;
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

/// "Updated 10:02 AM ET, May 9, 2031" near the top: when the page was last changed, not an
/// update section.
fn is_update_stamp(para: &str) -> bool {
    (para.starts_with("Updated") || para.starts_with("UPDATED"))
        && starts_update(para)
        && para.len() < 60
        && !para.contains('\n')
}

fn is_byline(para: &str) -> bool {
    let trimmed = para.trim();
    trimmed.len() <= 80
        && !trimmed.contains('\n')
        && (trimmed.starts_with("By ") || trimmed.starts_with("BY "))
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
    fn factbox_lines_are_list_items() {
        let text = "Drevna\n\nFACTBOX\nPopulation: approximately 36,000 (2001 census)\nArea: 120 \
                    square kilometres\n";
        let r = roles(text);
        assert_eq!(r.len(), 4);
        assert!(r[1..].iter().all(|(role, _)| *role == ParagraphRole::List));
    }

    #[test]
    fn list_lines_are_paragraphs() {
        let text = "Timeline\n\nAug 7 – Shelling begins\nAug 8 - Troops cross\n- a bullet\n";
        let r = roles(text);
        assert_eq!(r.len(), 4);
        assert!(r[1..].iter().all(|(role, _)| *role == ParagraphRole::List));
    }

    #[test]
    fn commentary_between_pasted_paragraphs_stays_the_authors() {
        let text = "Title\n\nIntro text.\n\nFrom the Meridian Wire story:\n\nTroops entered \
                    Drevna, officials said.\n\nResidents fled north.\n\nOf course, nobody \
                    asks why.\n\nThe ministry later disputed the story.\n\nVia Meridian \
                    Wire:\n\nShelling resumed on Sunday.\n";
        let r = roles(text);
        let role = |p: &str| {
            r.iter()
                .find(|(_, t)| t.starts_with(p))
                .map(|(role, _)| *role)
        };
        assert_eq!(role("Troops entered"), Some(ParagraphRole::BlockQuote));
        assert_eq!(role("Residents fled"), Some(ParagraphRole::BlockQuote));
        assert_eq!(role("Of course"), Some(ParagraphRole::Body));
        assert_eq!(role("The ministry later"), Some(ParagraphRole::Body));
        assert_eq!(role("Shelling resumed"), Some(ParagraphRole::BlockQuote));
    }

    #[test]
    fn dated_entries_are_updates() {
        let text = "Live: fighting in Drevna\n\nTroops entered the town.\n\n3 March:\n\nToday \
                    the shelling stopped.\n\nSaturday, 14:20 GMT – Talks began.\n";
        let r = roles(text);
        assert_eq!(r[1].0, ParagraphRole::Body);
        assert!(r[2..]
            .iter()
            .all(|(role, _)| *role == ParagraphRole::Update));
    }
}
