//! RSS (2.0, 1.0, 0.9x) and Atom feeds: one article per item, its text from the item's full
//! content (`content:encoded`, Atom `content`), else its `description` / `summary`, extracted
//! from HTML as pages are; its title, link, date (published, else updated) and authors from
//! the item. Parsing is feed-rs's.
//!
//! A feed is recognised by its content, not its name: the root element (after the XML
//! declaration, comments and a doctype) is `<rss>`, `<feed>` or `<rdf:RDF>` ([`feed_root`]).
//! So a `.xml` file that is a sitemap is refused with its root named, and a feed saved as
//! `.html` is still read as a feed.

use crate::IngestError;
use parallax_core::{Diagnostic, DocumentMeta};

/// The root elements of feeds.
const FEED_ROOTS: [&str; 3] = ["rss", "feed", "rdf:rdf"];

/// The name of the document's root element (lowercased), if the bytes are XML or HTML
/// markup whose first element can be found within the first bytes.
pub fn root_element(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let mut rest = head;
    loop {
        rest = rest.trim_ascii_start();
        if let Some(after) = rest.strip_prefix(b"<?") {
            rest = &after[memchr::memmem::find(after, b"?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix(b"<!--") {
            rest = &after[memchr::memmem::find(after, b"-->")? + 3..];
        } else if let Some(after) = rest.strip_prefix(b"<!") {
            rest = &after[memchr::memchr(b'>', after)? + 1..];
        } else {
            let after = rest.strip_prefix(b"<")?;
            let end = after
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))?;
            let name = std::str::from_utf8(&after[..end]).ok()?;
            return Some(name.to_ascii_lowercase());
        }
    }
}

/// Whether the bytes are a feed, judged by their root element.
pub fn is_feed(bytes: &[u8]) -> bool {
    root_element(bytes).is_some_and(|root| FEED_ROOTS.contains(&root.as_str()))
}

/// One item of a feed: where it is (`item 3`), and its text (still HTML when `html`) and
/// metadata, or why it has none.
#[derive(Debug)]
pub struct FeedItem {
    pub label: String,
    pub article: Result<ItemText, IngestError>,
}

/// An item's body and what the feed says about it.
#[derive(Debug)]
pub struct ItemText {
    pub body: String,
    /// Whether `body` is HTML (to be extracted) or plain text.
    pub html: bool,
    pub meta: DocumentMeta,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a feed's items. `text` is the whole decoded file; a feed that cannot be parsed at
/// all is one error.
pub fn parse_feed(text: &str) -> Result<Vec<FeedItem>, IngestError> {
    // The text is already decoded: an XML declaration naming another encoding must not make
    // the parser decode it a second time.
    let body = strip_xml_declaration(text);
    let feed = match feed_rs::parser::parse(body.as_bytes()) {
        Ok(feed) => feed,
        // feed-rs knows an RSS feed by its version attribute, which some feeds leave out.
        Err(feed_rs::parser::ParseFeedError::ParseError(_)) if without_version(body) => {
            let versioned = body.replacen("<rss", "<rss version=\"2.0\"", 1);
            feed_rs::parser::parse(versioned.as_bytes())
                .map_err(|e| IngestError::Feed(e.to_string()))?
        }
        Err(e) => return Err(IngestError::Feed(e.to_string())),
    };
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    Ok(feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| FeedItem {
            label: format!("item {}", i + 1),
            article: item(entry, feed_title.as_deref()),
        })
        .collect())
}

fn item(entry: feed_rs::model::Entry, feed_title: Option<&str>) -> Result<ItemText, IngestError> {
    let mut diagnostics = Vec::new();
    let content = entry
        .content
        .as_ref()
        .and_then(|c| Some((c.body.as_deref()?, c.content_type.to_string())))
        .filter(|(body, _)| !body.trim().is_empty());
    let (body, content_type) = match content {
        Some((body, kind)) => (body.to_string(), kind),
        None => {
            let summary = entry
                .summary
                .as_ref()
                .filter(|s| !s.content.trim().is_empty())
                .ok_or(IngestError::FeedItemEmpty)?;
            diagnostics.push(Diagnostic::info(
                "ingest",
                "the feed item has no full content: its description (often a summary) is the text",
            ));
            (summary.content.clone(), summary.content_type.to_string())
        }
    };
    // RSS leaves the type unsaid and usually carries escaped HTML.
    let html = content_type.contains("html") || body.contains('<');
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|u| !u.is_empty());
    let published = entry
        .published
        .or(entry.updated)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let meta = DocumentMeta {
        title: entry
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty()),
        // Without a link the feed's own title is the best name of the outlet; with one, the
        // link's domain names it (see `meta::make_document`).
        outlet: url
            .is_none()
            .then(|| feed_title.map(str::to_string))
            .flatten(),
        published,
        url,
        authors: entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(plain))
            .filter(|n| !n.is_empty())
            .collect(),
    };
    Ok(ItemText {
        body,
        html,
        meta,
        diagnostics,
    })
}

/// Whether the root element is `<rss>` without a `version` attribute.
fn without_version(body: &str) -> bool {
    let Some(start) = body.find("<rss") else {
        return false;
    };
    let tag = &body[start..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    root_element(body.as_bytes()).as_deref() == Some("rss") && !tag.contains("version")
}

/// `text` without a leading XML declaration.
fn strip_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    match trimmed.strip_prefix("<?xml") {
        Some(rest) => rest.find("?>").map_or(trimmed, |end| &rest[end + 2..]),
        None => trimmed,
    }
}

/// A title or name as plain text: tags removed, white space collapsed.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Courier</title><link>https://courier.example/</link>
<item><title>Flood &amp; fire</title><link>https://courier.example/a</link>
<pubDate>Fri, 01 Mar 2024 08:00:00 +0100</pubDate><dc:creator>Ann Lee</dc:creator>
<description>Short.</description>
<content:encoded><![CDATA[<p>The river rose overnight.</p><p>Two bridges closed.</p>]]></content:encoded></item>
<item><title>Summary only</title><description>&lt;p&gt;Only a summary.&lt;/p&gt;</description></item>
<item><title>Nothing</title></item>
</channel></rss>"#;

    #[test]
    fn roots_are_found_past_declarations_and_comments() {
        assert_eq!(root_element(RSS.as_bytes()).as_deref(), Some("rss"));
        assert!(is_feed(
            b"\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(is_feed(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>"));
        assert!(!is_feed(b"<?xml version='1.0'?><urlset>"));
        assert!(!is_feed(b"<!DOCTYPE html><html><body>"));
        assert_eq!(root_element(b"plain text"), None);
    }

    #[test]
    fn rss_items_become_articles() {
        let items = parse_feed(RSS).unwrap();
        assert_eq!(items.len(), 3);
        let first = items[0].article.as_ref().unwrap();
        assert!(first.html);
        assert!(first.body.contains("Two bridges closed."));
        assert_eq!(first.meta.title.as_deref(), Some("Flood & fire"));
        assert_eq!(first.meta.url.as_deref(), Some("https://courier.example/a"));
        assert_eq!(
            first.meta.published.as_deref(),
            Some("2024-03-01T07:00:00Z")
        );
        assert_eq!(first.meta.authors, vec!["Ann Lee"]);
        assert_eq!(first.meta.outlet, None, "named by the link's domain later");
        let second = items[1].article.as_ref().unwrap();
        assert_eq!(second.body, "<p>Only a summary.</p>");
        assert_eq!(second.meta.outlet.as_deref(), Some("The Courier"));
        assert!(second.diagnostics[0].message.contains("description"));
        assert_eq!(items[2].label, "item 3");
        assert!(matches!(items[2].article, Err(IngestError::FeedItemEmpty)));
    }

    #[test]
    fn atom_entries_become_articles() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Star</title>
<entry><title type="html">&lt;b&gt;Vote&lt;/b&gt; count</title><link href="https://star.example/v"/>
<updated>2024-03-02T10:00:00Z</updated><author><name>Bo Chen</name></author>
<content type="html">&lt;p&gt;Counting went on.&lt;/p&gt;</content></entry></feed>"#;
        let items = parse_feed(atom).unwrap();
        let entry = items[0].article.as_ref().unwrap();
        assert_eq!(entry.meta.title.as_deref(), Some("Vote count"));
        assert_eq!(
            entry.meta.published.as_deref(),
            Some("2024-03-02T10:00:00Z")
        );
        assert!(entry.body.contains("Counting went on."));
    }

    #[test]
    fn a_declaration_of_another_encoding_does_not_decode_twice() {
        let feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\u{e9}</title><description>Caf\u{e9} owners.</description></item></channel></rss>";
        let items = parse_feed(feed).unwrap();
        let item = items[0].article.as_ref().unwrap();
        assert_eq!(item.meta.title.as_deref(), Some("Caf\u{e9}"));
        assert_eq!(item.body, "Caf\u{e9} owners.");
    }
}
