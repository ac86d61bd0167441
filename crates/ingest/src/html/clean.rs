//! Removing page furniture that is not article text: navigation, share bars, "related" and
//! "read more" boxes, newsletter prompts, comments, captions and credits, bylines. Elements are
//! recognised by tag, ARIA role, hidden-ness and the words of their `class`/`id`.

use super::blocks;
use dom_query::{Document, NodeRef};

/// Tags that hold no article text.
const FURNITURE_TAGS: [&str; 7] = [
    "nav",
    "aside",
    "footer",
    "figcaption",
    "button",
    "menu",
    "dialog",
];

/// Tags that usually hold furniture but that some sites wrap around the whole article (ASP.NET
/// puts every page in a `<form>`), so they are treated like class words.
const LOOSE_FURNITURE_TAGS: [&str; 3] = ["form", "header", "figure"];

const FURNITURE_ROLES: [&str; 7] = [
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "menu",
    "dialog",
    "alert",
];

/// Words of a `class` or `id` that mark furniture (matched against whole words, so that
/// `header` does not match `ad`).
const FURNITURE_WORDS: [&str; 53] = [
    "share",
    "sharing",
    "sharebar",
    "related",
    "recommended",
    "recommendations",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsored",
    "comments",
    "disqus",
    "caption",
    "captions",
    "credit",
    "credits",
    "byline",
    "bylines",
    "author",
    "authors",
    "tags",
    "breadcrumb",
    "breadcrumbs",
    "toolbar",
    "popup",
    "modal",
    "cookie",
    "paywall",
    "outbrain",
    "taboola",
    "nav",
    "navbar",
    "menu",
    "sidebar",
    "widget",
    "readmore",
    "more",
    "trending",
    "footer",
    "masthead",
    "dateline",
    "tooltip",
    "popover",
    "hovercard",
    "rollover",
];

/// Words that mark embedded content (tweets, posts): part of the article even inside a box
/// whose other words look like furniture.
const EMBED_WORDS: [&str; 4] = ["embed", "tweet", "twitter", "instagram"];

/// Words that only mark furniture in combination with "read" / "see" / "also".
const PAIRED_WORDS: [(&str, &str); 3] = [("read", "more"), ("see", "also"), ("most", "popular")];

/// What the cleaning removed that the metadata may still want.
#[derive(Debug, Default)]
pub struct Removed {
    /// Texts of byline elements, e.g. `By Ann Lee and Bo Chen`.
    pub bylines: Vec<String>,
}

/// How sure the cleaning is that the document is the article's container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Readability's choice: an element recognised only by its class or id words is kept when
    /// it holds more than half of the text, since some sites put words like `comments` on the
    /// article's own wrapper, and Readability chose it for its text.
    Article,
    /// A container the page marks (its `<main>`): such elements go whatever their size, since
    /// there a long comment thread is as likely as a wrapper named like one.
    Marked,
}

/// Removes furniture under the document's body.
pub fn remove_furniture(doc: &Document, scope: Scope) -> Removed {
    let mut removed = Removed::default();
    let Some(body) = doc.body().or_else(|| Some(doc.root())) else {
        return removed;
    };
    let total = text_len(&body);
    let candidates: Vec<(NodeRef, Evidence)> = body
        .descendants_it()
        .filter(|n| n.is_element())
        .filter_map(|n| furniture(&n).map(|e| (n, e)))
        .collect();
    for (node, evidence) in candidates {
        if scope == Scope::Article && evidence == Evidence::Name && text_len(&node) * 2 > total {
            continue;
        }
        if has_word(&node, &["byline", "bylines", "author", "authors"]) {
            let text = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() && text.len() < 200 {
                removed.bylines.push(text);
            }
        }
        node.remove_from_parent();
    }
    removed
}

/// The paragraphs of the page's elements that are furniture by their tag (`footer`, `nav`,
/// `aside`, …), for telling whether an article candidate came from them.
pub fn furniture_tag_paragraphs(doc: &Document) -> Vec<String> {
    doc.select(&FURNITURE_TAGS.join(", "))
        .nodes()
        .iter()
        .flat_map(|n| blocks::paragraphs(n))
        .map(|b| b.text)
        .collect()
}

fn text_len(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

/// How an element was recognised as furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// By what it is: its tag, role, or being hidden.
    Markup,
    /// Only by a loosely used tag or the words of its class or id.
    Name,
}

fn furniture(node: &NodeRef) -> Option<Evidence> {
    if is_furniture_markup(node) {
        return Some(Evidence::Markup);
    }
    // A link's text is part of its sentence whatever the link's class says.
    if node
        .node_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("a"))
    {
        return None;
    }
    let loose = node
        .node_name()
        .is_some_and(|n| LOOSE_FURNITURE_TAGS.contains(&n.to_ascii_lowercase().as_str()));
    (loose || is_furniture_name(node)).then_some(Evidence::Name)
}

fn is_furniture_markup(node: &NodeRef) -> bool {
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if FURNITURE_TAGS.contains(&name.as_str()) {
        return true;
    }
    if node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.as_ref() == "true")
    {
        return true;
    }
    let style = node
        .attr("style")
        .map(|s| s.to_ascii_lowercase().replace(' ', ""))
        .unwrap_or_default();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    node.attr("role")
        .is_some_and(|r| FURNITURE_ROLES.contains(&r.to_ascii_lowercase().as_str()))
}

fn is_furniture_name(node: &NodeRef) -> bool {
    let words = attr_words(node);
    if words.iter().any(|w| EMBED_WORDS.contains(&w.as_str())) {
        return false;
    }
    words.iter().any(|w| FURNITURE_WORDS.contains(&w.as_str()))
        || PAIRED_WORDS
            .iter()
            .any(|(a, b)| words.iter().any(|w| w == a) && words.iter().any(|w| w == b))
}

fn has_word(node: &NodeRef, wanted: &[&str]) -> bool {
    attr_words(node)
        .iter()
        .any(|w| wanted.contains(&w.as_str()))
}

/// The lower-cased words of an element's `class` and `id`, split at anything not a letter or
/// digit and at camelCase humps (`shareBar` gives `share`, `bar`).
fn attr_words(node: &NodeRef) -> Vec<String> {
    let mut words = Vec::new();
    for value in [node.attr("class"), node.attr("id")].into_iter().flatten() {
        let mut word = String::new();
        let mut prev_lower = false;
        for c in value.chars() {
            let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            prev_lower = c.is_lowercase();
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_furniture_keeps_article() {
        let html = r#"<body><nav>Home News</nav>
            <div class="article-body">
              <div class="byline">By Ann Lee</div>
              <p>Water rose overnight in the valley, officials said on Friday morning.</p>
              <div class="shareBar">Share on X</div>
              <figure><img src="a.jpg"><figcaption>Photo: J. Doe</figcaption></figure>
              <div class="related-links">Related: other story</div>
              <div class="read-more">Read more</div>
              <p style="display: none">hidden</p>
              <p class="lead">The second paragraph keeps its class word lead.</p>
            </div></body>"#;
        let doc = Document::from(html);
        let removed = remove_furniture(&doc, Scope::Article);
        let text = doc.select("body").text();
        assert!(text.contains("Water rose"));
        assert!(text.contains("second paragraph"));
        for gone in [
            "Home News",
            "By Ann Lee",
            "Share on X",
            "Photo",
            "Related",
            "Read more",
            "hidden",
        ] {
            assert!(!text.contains(gone), "{gone} should be removed");
        }
        assert_eq!(removed.bylines, vec!["By Ann Lee"]);
    }

    #[test]
    fn text_of_furniture_tags() {
        let doc = Document::from(
            "<body><p>Story.</p><footer><p>About  us.</p></footer><nav>Home</nav></body>",
        );
        assert_eq!(furniture_tag_paragraphs(&doc), vec!["About us.", "Home"]);
    }

    #[test]
    fn keeps_a_wrapper_that_holds_most_text() {
        let html = r#"<body><div class="story has-comments"><p>All the article text is here, long enough.</p></div><div>x</div></body>"#;
        let doc = Document::from(html);
        remove_furniture(&doc, Scope::Article);
        assert!(doc.select("body").text().contains("All the article"));
        let doc = Document::from(html);
        remove_furniture(&doc, Scope::Marked);
        assert!(!doc.select("body").text().contains("All the article"));
    }
}
