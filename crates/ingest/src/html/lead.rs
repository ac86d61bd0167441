//! The lead (standfirst) of an article, found through the page's own description.
//!
//! Many sites print the lead in the article's header, above the body and outside the container
//! Readability keeps, and repeat it as the page's `<meta name="description">`. A block of the
//! page that shows that description is the lead: it is put back in front of the body when the
//! body lacks it. A description the page does not show (a search-engine summary) adds nothing.

use super::blocks::{self, Block};
use dom_query::Document;

/// Descriptions shorter than this (in characters) are too generic to find a lead by.
const MIN_DESCRIPTION_CHARS: usize = 40;

/// A lead is a paragraph, not a whole page: blocks longer than this (in words) are not one.
const MAX_LEAD_WORDS: usize = 120;

/// Blocks with more of their text in links than this are teasers of other pages.
const MAX_LINK_SHARE: f64 = 0.5;

/// The lead a page shows, and the description that found it (white space normalized, a
/// trailing ellipsis cut).
pub struct Lead {
    pub text: String,
    pub description: String,
}

/// The first block of `page` that shows `description` (whole, or cut short by the site with
/// an ellipsis), if any.
pub fn shown_lead(page: &Document, description: &str) -> Option<Lead> {
    let description = normalize(description.trim_end_matches(['.', '…', ' ']));
    if description.chars().count() < MIN_DESCRIPTION_CHARS {
        return None;
    }
    let root = page.body().unwrap_or_else(|| page.root());
    blocks::paragraphs(&root)
        .into_iter()
        .find(|block| shows(block, &description))
        .map(|block| Lead {
            text: block.text,
            description,
        })
}

fn shows(block: &Block, description: &str) -> bool {
    block.link_share <= MAX_LINK_SHARE
        && block.text.split_whitespace().count() <= MAX_LEAD_WORDS
        && normalize(&block.text).contains(description)
}

/// White space runs as one space, so that line breaks in the markup do not matter.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_block_that_shows_the_description() {
        let page = Document::from(
            r#"<body><nav><a href="/a">The flood in the valley forced hundreds from their homes</a></nav>
            <header><p class="intro">The flood in the valley forced hundreds
            from their homes, officials said.</p></header><article><p>Body.</p></article></body>"#,
        );
        let lead = shown_lead(
            &page,
            "The flood in the valley forced hundreds from their homes…",
        );
        assert_eq!(
            lead.map(|l| l.text).as_deref(),
            Some("The flood in the valley forced hundreds from their homes, officials said.")
        );
        assert!(shown_lead(&page, "Too short to say.").is_none());
        assert!(shown_lead(
            &page,
            "A summary written only for search engines, never shown."
        )
        .is_none());
    }
}
