//! Paragraph-level cleanup after extraction: the headline (which belongs in the title, not the
//! body), bylines, and furniture that carries no markup clue: "Advertisement", "Read more: …",
//! share-button rows, "You may also like" lists, newsletter and follow prompts, copyright lines.

use super::blocks::Block;
use crate::wordlist::entries;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Whole paragraphs (lower-cased, surrounding punctuation trimmed) that are labels of furniture.
static LABELS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| entries(include_str!("../../data/furniture_labels.txt")).collect());

/// Labels that head a list of links to other stories; the short lines after them go too.
static LIST_HEADINGS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| entries(include_str!("../../data/link_list_headings.txt")).collect());

/// Openings of short paragraphs that are page furniture, lower-cased.
static FURNITURE_STARTS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../../data/furniture_starts.txt")).collect());

/// Phrases of paywall, sign-up and click-through prompts, lower-cased.
static READER_PROMPTS: LazyLock<Vec<&str>> =
    LazyLock::new(|| entries(include_str!("../../data/reader_prompts.txt")).collect());

/// Names on share-button rows.
const SOCIAL: [&str; 14] = [
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "pint",
    "linkedin",
    "reddit",
    "email",
    "e-mail",
    "print",
    "telegram",
    "tweet",
    "share",
    "messenger",
];

/// A paragraph with more of its text in links than this is a link to another page…
const MAX_LINK_SHARE: f64 = 0.8;
/// …unless it is longer than this many words.
const MAX_LINK_WORDS: usize = 40;

/// Prompts to the reader are at most this many words long.
const MAX_PROMPT_WORDS: usize = 40;

/// Rows of labels are at most this many words long.
const MAX_LABEL_ROW_WORDS: usize = 6;

/// Paragraphs longer than this (in words) are never treated as furniture by their first words.
const MAX_FURNITURE_WORDS: usize = 14;

/// What the filter kept and what it learnt.
#[derive(Debug, Default)]
pub struct Filtered {
    pub paragraphs: Vec<String>,
    pub dropped: usize,
    /// Byline paragraphs removed from the body, e.g. `By Ann Lee - 11/18/19`.
    pub bylines: Vec<String>,
}

/// Drops furniture paragraphs, bylines near the top, and a leading paragraph that repeats the
/// title.
pub fn drop_furniture(blocks: Vec<Block>, title: Option<&str>) -> Filtered {
    let title_key = title.map(key).filter(|t| !t.is_empty());
    let mut out = Filtered::default();
    let mut in_link_list = false;
    for (i, block) in blocks.into_iter().enumerate() {
        if block.link_share > MAX_LINK_SHARE
            && block.text.split_whitespace().count() <= MAX_LINK_WORDS
        {
            out.dropped += 1;
            continue;
        }
        let p = block.text;
        let label = label(&p);
        if in_link_list && is_link_line(&p) {
            out.dropped += 1;
            continue;
        }
        in_link_list = is_list_heading(&label);
        if i < 4 && is_byline(&p) {
            out.bylines.push(p);
            out.dropped += 1;
            continue;
        }
        let repeats_title = i < 3 && title_key.as_deref() == Some(key(&p).as_str());
        if repeats_title || LABELS.contains(label.as_str()) || in_link_list || is_furniture(&p) {
            out.dropped += 1;
            continue;
        }
        out.paragraphs.push(p);
    }
    out
}

/// A heading over links to other stories: a known one, or a short "More … stories" /
/// "Related …" / "Recommended …" line.
fn is_list_heading(label: &str) -> bool {
    let short = label.split_whitespace().count() <= 6;
    LIST_HEADINGS.contains(label)
        || short
            && (label.starts_with("related ")
                || label.starts_with("recommended ")
                || label.starts_with("most popular")
                || (label.starts_with("more ") && label.ends_with("stories")))
}

/// A timestamp line: short, with a year and a time of day (`Updated 11:21 pm CST, Tuesday,
/// November 19, 2019`), or opened by "Updated"/"Posted"/"Published" and a number.
fn is_timestamp(lower: &str, words: usize) -> bool {
    if words > 15 {
        return false;
    }
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let has_time = lower
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    if is_time_of_day(lower) || has_year && is_date(lower, words) {
        return true;
    }
    let opener = ["updated", "posted", "published", "last updated"]
        .iter()
        .any(|o| lower.starts_with(o));
    (has_year && has_time) || (opener && lower.chars().any(|c| c.is_ascii_digit()))
}

/// Given a year in `lower`, whether it is a date alone, the stamp of a post: `7. oktober 2020`,
/// `October 7, 2020`, `2020-10-07`: one or two more numbers (not four groups, as in a phone
/// number), and at most one word (the month's name).
fn is_date(lower: &str, words: usize) -> bool {
    let numbers = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .count();
    let names = lower
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    words <= 4 && (2..=3).contains(&numbers) && names <= 1
}

/// A time of day alone, the stamp of a post: `3:59 PM`, `15:30 Uhr`, `09:00`.
fn is_time_of_day(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let clock = words
        .next()
        .and_then(|w| w.split_once(':'))
        .is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        });
    clock && words.all(|w| ["am", "pm", "a.m.", "p.m.", "uhr", "h"].contains(&w))
}

fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The paragraph lower-cased with surrounding punctuation trimmed, for label matching.
fn label(paragraph: &str) -> String {
    paragraph
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A line in a list of story links: short and not a sentence.
fn is_link_line(paragraph: &str) -> bool {
    paragraph.split_whitespace().count() <= 15
        && !paragraph.trim_end().ends_with(['.', '!', '"', '”', ':'])
}

fn is_byline(paragraph: &str) -> bool {
    let Some(rest) = paragraph
        .strip_prefix("By ")
        .or_else(|| paragraph.strip_prefix("BY "))
    else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_uppercase)
        && paragraph.split_whitespace().count() <= 12
        && !paragraph.trim_end().ends_with('.')
}

fn is_furniture(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let lower = paragraph.trim().to_lowercase();
    let first_line = lower.lines().next().map(label).unwrap_or_default();
    if lower.contains('\n') && LABELS.contains(first_line.as_str()) {
        return true;
    }
    if words.len() <= MAX_LABEL_ROW_WORDS && is_label_row(&lower) {
        return true;
    }
    let social = words
        .iter()
        .filter(|w| {
            SOCIAL.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
        })
        .count();
    if words.len() <= 8 && social >= 2 {
        return true;
    }
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    if words.len() <= 30 && lower.contains('©') {
        return true;
    }
    // A copyright notice may run on with reprint terms.
    if words.len() <= 60 && (lower.starts_with('©') || lower.starts_with("copyright ")) {
        return true;
    }
    if words.len() <= MAX_PROMPT_WORDS && has(&READER_PROMPTS) {
        return true;
    }
    if words.len() <= 30 && has(&["newsletter", "inbox"]) && has(&["subscribe", "sign up"]) {
        return true;
    }
    if words.len() <= 40 && has(&["follow "]) && has(&["on twitter", "on facebook", "on instagram"])
    {
        return true;
    }
    if is_timestamp(&lower, words.len()) {
        return true;
    }
    // A leftover WordPress shortcode such as `[button link=…]Send us…[/button]`.
    if lower.starts_with('[') && lower.contains("[/") {
        return true;
    }
    if words.len() <= 60 && is_caption(&lower) {
        return true;
    }
    words.len() <= MAX_FURNITURE_WORDS && FURNITURE_STARTS.iter().any(|s| opens_with(&lower, s))
}

/// A row of furniture labels run together: a label followed by a few more words ("Bild
/// anzeigen Bild schließen", "Rezept drucken Bei Pinterest speichern"), or short items split by
/// `|` of which one is a label ("Kommentarfeed | Kommentare geschlossen | Trackback-URL").
fn is_label_row(lower: &str) -> bool {
    let starts_with_label = LABELS
        .iter()
        .any(|l| l.contains(' ') && opens_with(lower, l));
    let items: Vec<&str> = lower.split('|').collect();
    let label_items = items.len() > 1
        && items.iter().all(|i| i.split_whitespace().count() <= 3)
        && items.iter().any(|i| LABELS.contains(label(i).as_str()));
    starts_with_label || label_items
}

/// Whether `text` starts with `phrase` as whole words: what follows is not a letter or digit
/// (a phrase ending in punctuation, like `photo:`, may run on).
fn opens_with(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase).is_some_and(|rest| {
        !phrase.ends_with(char::is_alphanumeric) || !rest.starts_with(char::is_alphanumeric)
    })
}

/// A photo caption or credit: ends in a parenthesis naming a photo or picture agency
/// (`… (AP Photo/Alan Diaz)`) or in a short `Foto: …` credit, or a gallery counter
/// (`Image 2 of 5`).
fn is_caption(lower: &str) -> bool {
    let credit = lower
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .is_some_and(|(_, inside)| {
            ["photo", "getty images", "shutterstock", "reuters/", "afp/"]
                .iter()
                .any(|w| inside.contains(w))
        });
    let counter = {
        let words: Vec<&str> = lower.split_whitespace().collect();
        matches!(words.as_slice(), [kind, n, "of", m] if ["image", "photo", "slide"].contains(kind)
            && n.chars().all(|c| c.is_ascii_digit()) && m.chars().all(|c| c.is_ascii_digit()))
    };
    // A caption sentence closed by its credit: `… el año escolar. Foto: Andina`.
    let trailing_credit = ["foto:", "fotos:", "photo:", "photos:", "bild:"]
        .iter()
        .any(|w| {
            lower.rsplit_once(w).is_some_and(|(before, after)| {
                before.trim_end().ends_with('.')
                    && (1..=3).contains(&after.split_whitespace().count())
            })
        });
    credit || counter || trailing_credit
}

/// Author names from a byline such as `By Ann Lee and Bo Chen, Staff Writers`.
pub fn byline_authors(byline: &str) -> Vec<String> {
    let text = byline.trim();
    let lower = text.to_lowercase();
    let text = if lower.starts_with("by ") {
        text.get(3..).unwrap_or("")
    } else {
        text
    };
    let text = text.split([',', '|', '\n']).next().unwrap_or("");
    let text = text.split(" - ").next().unwrap_or("");
    text.split(" and ")
        .flat_map(|part| part.split('&'))
        .map(str::trim)
        .filter(|name| {
            let words = name.split_whitespace().count();
            (1..=4).contains(&words) && name.chars().next().is_some_and(char::is_uppercase)
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(paragraphs: &[&str]) -> Vec<Block> {
        paragraphs
            .iter()
            .map(|p| Block {
                text: p.to_string(),
                link_share: 0.0,
            })
            .collect()
    }

    fn kept(paragraphs: &[&str], title: Option<&str>) -> Vec<String> {
        drop_furniture(blocks(paragraphs), title).paragraphs
    }

    #[test]
    fn drops_short_link_paragraphs() {
        let mut input = blocks(&["Text.", "CO-FOUNDER PROUD OF EMPLOYEES"]);
        input[1].link_share = 1.0;
        assert_eq!(drop_furniture(input, None).paragraphs, vec!["Text."]);
    }

    #[test]
    fn drops_title_byline_and_furniture_lines() {
        let got = drop_furniture(
            blocks(&[
                "Flood hits the valley",
                "By Ann Lee - 11/18/19 11:04 PM",
                "Water rose overnight.",
                "Advertisement",
                "Whatsapp Facebook Pint Baixar",
                "Read more: Earlier floods",
                "Read more about the flood risk in the long analysis that the council published last spring and which many residents still dispute today.",
                "Get the latest updates in your inbox. Subscribe to our newsletters.",
                "© 2024 The Courier. All rights reserved.",
            ]),
            Some("Flood hits the valley!"),
        );
        assert_eq!(got.paragraphs.len(), 2, "{:?}", got.paragraphs);
        assert_eq!(got.paragraphs[0], "Water rose overnight.");
        assert_eq!(got.bylines, vec!["By Ann Lee - 11/18/19 11:04 PM"]);
        assert_eq!(got.dropped, 7);
    }

    #[test]
    fn drops_link_lists_after_their_heading() {
        let got = kept(
            &[
                "The council met on Friday.",
                "You may also like...",
                "Who will make the Hall in 2020?",
                "Fans want the band back",
                "The meeting ended at noon, officials said.",
            ],
            None,
        );
        assert_eq!(
            got,
            vec![
                "The council met on Friday.",
                "The meeting ended at noon, officials said."
            ]
        );
        assert_eq!(kept(&["Tags\nflood, river"], None), Vec::<String>::new());
        assert_eq!(
            kept(&["By the end of the day, the water had gone."], None).len(),
            1
        );
        assert_eq!(kept(&["Advertisers pulled out."], None).len(), 1);
    }

    #[test]
    fn furniture_in_other_languages() {
        let got = kept(
            &[
                "Der Rat tagte am Freitag.",
                "Rezept drucken",
                "LE PUEDE INTERESAR: La ficha del caso en Nueva York",
                "Mehr zum Thema",
                "Hochwasser im Tal",
                "Die Sitzung endete am Mittag, sagte die Sprecherin.",
                "Czytaj też:",
            ],
            None,
        );
        assert_eq!(
            got,
            vec![
                "Der Rat tagte am Freitag.",
                "Die Sitzung endete am Mittag, sagte die Sprecherin."
            ]
        );
    }

    #[test]
    fn prompts_to_the_reader() {
        let got = kept(
            &[
                "The council met on Friday.",
                "To view the full story, please subscribe to The Courier.",
                "Do you want to be informed of our actions? Sign up here",
                "DHB jetzt auch digital! Einfach hier klicken und registrieren!",
            ],
            None,
        );
        assert_eq!(got, vec!["The council met on Friday."]);
    }

    #[test]
    fn rows_of_labels() {
        assert!(is_label_row("rezept drucken bei pinterest speichern"));
        assert!(is_label_row(
            "kommentarfeed | kommentare geschlossen | trackback-url"
        ));
        assert!(!is_label_row("share prices fell"));
        assert!(!is_label_row("a | b"));
    }

    #[test]
    fn openings_match_whole_words() {
        assert!(opens_with("subscribe now", "subscribe"));
        assert!(opens_with("photo:ap", "photo:"));
        assert!(!opens_with("subscribers said the price rose.", "subscribe"));
        assert_eq!(kept(&["Write today to the council."], None).len(), 1);
    }

    #[test]
    fn timestamps_and_list_headings() {
        assert!(is_timestamp(
            "updated 11:21 pm cst, tuesday, november 19, 2019",
            7
        ));
        assert!(is_timestamp("posted: fri 6:45 pm, feb 16, 2018 |", 8));
        assert!(is_timestamp(
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            8
        ));
        assert!(!is_timestamp("the vote at 10:30 was delayed until 2020 by the council, which met for the third time on a rainy day", 21));
        assert!(!is_timestamp("updated figures show a rise", 5));
        assert!(is_timestamp("3:59 pm", 2));
        assert!(is_timestamp("15:30", 1));
        assert!(is_timestamp("7. oktober 2020", 3));
        assert!(is_timestamp("2020-10-07", 1));
        assert!(!is_timestamp("top 10 of 2020", 4));
        assert!(!is_timestamp("sommer 2020", 2));
        assert!(!is_timestamp("+81 158-23-2012", 2));
        assert!(!is_timestamp("john 3:16", 2));
        assert!(!is_timestamp("2:1", 1));
        assert!(is_list_heading("more great wired stories"));
        assert!(!is_list_heading(
            "more than 200 people were evacuated from the old town and its stories"
        ));
    }

    #[test]
    fn captions_and_gallery_counters() {
        assert!(is_caption(
            "a man loads trims into his truck. (ap photo/alan diaz, file)"
        ));
        assert!(is_caption("image 2 of 5"));
        assert!(is_caption(
            "son tres los periodos de vacaciones durante el año escolar. foto: andina"
        ));
        assert!(!is_caption("foto: andina"));
        assert!(!is_caption("the council (which met on friday) agreed."));
        assert!(!is_caption("the mayor spoke to reporters (in a photo-op)."));
    }

    #[test]
    fn authors_from_bylines() {
        assert_eq!(
            byline_authors("By Ann Lee and Bo Chen, Staff"),
            vec!["Ann Lee", "Bo Chen"]
        );
        assert_eq!(byline_authors("by"), Vec::<String>::new());
        assert_eq!(byline_authors("Ann Lee | Updated 5pm"), vec!["Ann Lee"]);
        assert_eq!(
            byline_authors("By Justine Coleman - 11/18/19 11:04 PM EST"),
            vec!["Justine Coleman"]
        );
    }
}
