//! Paragraph-level cleanup after extraction: the headline (which belongs in the title, not the
//! body), bylines, and short furniture lines that carry no markup clue ("Advertisement",
//! "Read more: …", "Sign up for our newsletter").

/// Leading words of short paragraphs that are page furniture, lower-cased.
const FURNITURE_STARTS: [&str; 24] = [
    "advertisement",
    "read more",
    "read also",
    "related:",
    "related articles",
    "related stories",
    "see also",
    "sign up",
    "subscribe",
    "follow us",
    "share this",
    "share on",
    "click here",
    "photo:",
    "image:",
    "credit:",
    "photograph:",
    "(photo",
    "copyright ©",
    "©",
    "all rights reserved",
    "this article was",
    "more from",
    "recommended",
];

/// Paragraphs longer than this (in words) are never treated as furniture.
const MAX_FURNITURE_WORDS: usize = 14;

/// Drops furniture paragraphs and a leading paragraph that repeats the title. Returns the kept
/// paragraphs and the number dropped.
pub fn drop_furniture(paragraphs: Vec<String>, title: Option<&str>) -> (Vec<String>, usize) {
    let before = paragraphs.len();
    let title_key = title.map(key);
    let mut kept: Vec<String> = Vec::with_capacity(before);
    for (i, p) in paragraphs.into_iter().enumerate() {
        let repeats_title = title_key
            .as_deref()
            .is_some_and(|t| !t.is_empty() && key(&p) == t);
        if (repeats_title && i < 3) || is_furniture(&p) {
            continue;
        }
        kept.push(p);
    }
    let dropped = before - kept.len();
    (kept, dropped)
}

fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_furniture(paragraph: &str) -> bool {
    if paragraph.split_whitespace().count() > MAX_FURNITURE_WORDS {
        return false;
    }
    let lower = paragraph.trim().to_lowercase();
    FURNITURE_STARTS.iter().any(|s| lower.starts_with(s))
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

    #[test]
    fn drops_title_and_furniture_lines() {
        let paras = vec![
            "Flood hits the valley".to_string(),
            "Water rose overnight.".to_string(),
            "Advertisement".to_string(),
            "Read more: Earlier floods".to_string(),
            "Read more about the flood risk in the long analysis that the council published last spring and which many residents still dispute today.".to_string(),
        ];
        let (kept, dropped) = drop_furniture(paras, Some("Flood hits the valley!"));
        assert_eq!(dropped, 3);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0], "Water rose overnight.");
    }

    #[test]
    fn authors_from_bylines() {
        assert_eq!(
            byline_authors("By Ann Lee and Bo Chen, Staff"),
            vec!["Ann Lee", "Bo Chen"]
        );
        assert_eq!(byline_authors("by"), Vec::<String>::new());
        assert_eq!(byline_authors("Ann Lee | Updated 5pm"), vec!["Ann Lee"]);
    }
}
