//! Article metadata from a page's head: `<title>`, Open Graph and `article:` meta tags, other
//! common meta names, and JSON-LD `NewsArticle`/`Article` objects.

use crate::dates::normalize_date;
use dom_query::Document;
use parallax_core::DocumentMeta;
use serde_json::Value;

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: [&str; 9] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// Everything the page says about itself.
pub fn page_meta(doc: &Document, url: Option<&str>) -> DocumentMeta {
    let tags = MetaTags::read(doc);
    let ld = json_ld_article(doc);
    let ld_str = |key: &str| ld.as_ref().and_then(|a| named_string(a.get(key)?));
    let site = tags
        .first(&["og:site_name", "application-name"])
        .or_else(|| ld.as_ref().and_then(|a| named_string(a.get("publisher")?)));
    let title_tag = doc.select("title").text().trim().to_string();
    let title = tags
        .first(&["og:title", "twitter:title", "dc.title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| {
            (!title_tag.is_empty()).then(|| strip_site_suffix(&title_tag, site.as_deref()))
        });
    let published = tags
        .first(&[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "dc.date.issued",
            "dc.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ])
        .or_else(|| ld_str("datePublished"))
        .and_then(|d| normalize_date(&d));
    let mut authors = ld
        .as_ref()
        .and_then(|a| a.get("author"))
        .map(names)
        .unwrap_or_default();
    if authors.is_empty() {
        authors = tags
            .all(&[
                "author",
                "article:author",
                "dc.creator",
                "sailthru.author",
                "parsely-author",
            ])
            .into_iter()
            .filter(|a| !a.contains("://"))
            .collect();
    }
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.to_string());
    let page_url = url
        .map(str::to_string)
        .or_else(|| canonical.filter(|c| c.contains("://")))
        .or_else(|| tags.first(&["og:url"]));
    DocumentMeta {
        title: title.map(|t| collapse(&t)),
        outlet: site,
        published,
        url: page_url,
        authors,
    }
}

/// The page's own summary of itself: its Open Graph, plain or Twitter description.
pub fn description(doc: &Document) -> Option<String> {
    MetaTags::read(doc).first(&["og:description", "description", "twitter:description"])
}

/// `<meta>` name/property/itemprop (lower-cased) to content, in document order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Document) -> MetaTags {
        let mut tags = Vec::new();
        for node in doc.select("meta").nodes() {
            let key = node
                .attr("property")
                .or_else(|| node.attr("name"))
                .or_else(|| node.attr("itemprop"));
            let (Some(key), Some(content)) = (key, node.attr("content")) else {
                continue;
            };
            let content = content.trim();
            if !content.is_empty() {
                tags.push((key.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
        MetaTags(tags)
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        })
    }

    fn all(&self, keys: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (key, value) in &self.0 {
            if keys.contains(&key.as_str()) && !out.contains(value) {
                out.push(value.clone());
            }
        }
        out
    }
}

/// The first JSON-LD object whose `@type` is an article type, searching `@graph` and arrays.
fn json_ld_article(doc: &Document) -> Option<serde_json::Map<String, Value>> {
    for node in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = node.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return Some(found.clone());
        }
    }
    None
}

fn find_article(value: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    // JSON-LD nests only a few levels; the bound keeps hostile input from recursing deeply.
    if depth > 6 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                return Some(object);
            }
            object
                .get("@graph")
                .and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// A string, or the `name` of an object, or the first of an array of those.
fn named_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => named_string(o.get("name")?),
        Value::Array(items) => items.iter().find_map(named_string),
        _ => None,
    }
}

fn names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(named_string).collect(),
        other => named_string(other).into_iter().collect(),
    }
}

/// `Headline | Site` becomes `Headline` when the last part is the site's name or short.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()))
                || tail.split_whitespace().count() <= 3;
            if is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_and_json_ld() {
        let html = r#"<html><head><title>Flood hits the valley | The Courier</title>
            <meta property="og:site_name" content="The Courier">
            <meta property="article:published_time" content="2024-03-01T09:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"x"},
              {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2024-03-02",
               "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],
               "publisher":{"name":"Courier Media"}}]}</script>
            <link rel="canonical" href="https://courier.example/flood">
            </head><body></body></html>"#;
        let meta = page_meta(&Document::from(html), None);
        assert_eq!(meta.title.as_deref(), Some("LD headline"));
        assert_eq!(meta.outlet.as_deref(), Some("The Courier"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-01T09:00:00Z"));
        assert_eq!(meta.authors, vec!["Ann Lee", "Bo Chen"]);
        assert_eq!(meta.url.as_deref(), Some("https://courier.example/flood"));
    }

    #[test]
    fn title_tag_fallback_and_meta_author() {
        let html = r#"<title>Flood hits the valley | The Courier</title>
            <meta name="author" content="Ann Lee"><meta name="date" content="2024-03-01">"#;
        let meta = page_meta(&Document::from(html), Some("https://x.example/a"));
        assert_eq!(meta.title.as_deref(), Some("Flood hits the valley"));
        assert_eq!(meta.authors, vec!["Ann Lee"]);
        assert_eq!(meta.published.as_deref(), Some("2024-03-01"));
        assert_eq!(meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(meta.outlet, None);
    }
}
