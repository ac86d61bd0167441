//! HTML pages: main-content extraction and page metadata.
//!
//! The article body is found by `dom_smoothie` (a port of Mozilla's Readability) and then
//! cleaned by our own pass over what it kept ([`clean`]: furniture by tag and class words;
//! [`filter`]: headline and furniture lines), because Readability keeps share bars, captions,
//! bylines and "read more" boxes that sit inside the article container.

mod blocks;
mod clean;
mod filter;
mod meta;
mod nesting;

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use parallax_core::{Diagnostic, DocumentMeta};

/// The result of extracting one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The article body: paragraphs separated by a blank line, without the headline.
    pub text: String,
    /// What the page says about itself (title, site, date, authors, URL).
    pub meta: DocumentMeta,
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the article body and metadata from a page. `url` is the page's address when known
/// (it is also the metadata's URL). Never fails: a page without an article gives empty text.
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    let mut diagnostics = Vec::new();
    let capped = nesting::cap_depth(html, nesting::MAX_DEPTH);
    if capped.dropped > 0 {
        diagnostics.push(Diagnostic::warning(
            "ingest",
            format!(
                "the page nests elements {} deep: the tags of {} elements deeper than {} were dropped and their text kept",
                capped.deepest,
                capped.dropped,
                nesting::MAX_DEPTH
            ),
        ));
    }
    let html = capped.html.as_ref();
    let page = Document::from(html);
    let mut meta = meta::page_meta(&page, url);

    let (paragraphs, mut removed) = match readability_content(html, url) {
        Some((content, byline)) => {
            let fragment = Document::from(content.as_str());
            let mut removed = clean::remove_furniture(&fragment);
            removed.bylines.extend(byline);
            (body_paragraphs(&fragment), removed)
        }
        None => {
            diagnostics.push(Diagnostic::info(
                "ingest",
                "no article container found; using the whole page without navigation",
            ));
            let removed = clean::remove_furniture(&page);
            (body_paragraphs(&page), removed)
        }
    };
    let filtered = filter::drop_furniture(paragraphs, meta.title.as_deref());
    let dropped = filtered.dropped;
    if dropped > 0 {
        diagnostics.push(Diagnostic::info(
            "ingest",
            format!("{dropped} headline or boilerplate paragraph(s) removed from the body"),
        ));
    }
    removed.bylines.extend(filtered.bylines);
    if meta.authors.is_empty() {
        if let Some(authors) = removed
            .bylines
            .iter()
            .map(|b| filter::byline_authors(b))
            .find(|a| !a.is_empty())
        {
            diagnostics.push(Diagnostic::info("ingest", "authors taken from the byline"));
            meta.authors = authors;
        }
    }
    Extracted {
        text: filtered.paragraphs.join("\n\n"),
        meta,
        diagnostics,
    }
}

fn body_paragraphs(doc: &Document) -> Vec<blocks::Block> {
    match doc.body() {
        Some(body) => blocks::paragraphs(&body),
        None => blocks::paragraphs(&doc.root()),
    }
}

/// The HTML of the article container Readability chooses, if it finds one, and the byline
/// it recognised.
fn readability_content(html: &str, url: Option<&str>) -> Option<(String, Option<String>)> {
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    // Readability insists on an absolute URL; a relative or odd one is simply not passed.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::new(html, url, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
        .ok()?;
    let article = readability.parse().ok()?;
    Some((article.content.to_string(), article.byline))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Flood hits the valley | The Courier</title>
        <meta property="og:site_name" content="The Courier">
        <meta property="og:title" content="Flood hits the valley">
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
        <main><article>
          <h1>Flood hits the valley</h1>
          <div class="byline">By Ann Lee and Bo Chen</div>
          <div class="share-tools"><a>Share on Facebook</a> <a>Share on X</a></div>
          <p>Water rose overnight in the valley town of Riverton, forcing hundreds of residents from their homes, officials said on Friday.</p>
          <figure><img src="x.jpg"><figcaption>Residents wade through water. Photo: J. Doe</figcaption></figure>
          <p>The river crested at 6.2 metres, the highest level since records began in 1911, according to the regional water authority.</p>
          <p>Advertisement</p>
          <p>"We have never seen anything like this," said Mayor Ruth Okafor, who toured the flooded streets by boat on Friday afternoon.</p>
          <div class="related-stories"><h3>Related</h3><ul><li><a>Earlier flood warnings ignored</a></li></ul></div>
          <p>Emergency shelters have been opened at two schools, and the army has been asked to help with the evacuation of the old town.</p>
        </article></main>
        <div id="comments"><p>Great article! Totally agree with everything said here.</p></div>
        <footer>© The Courier 2024</footer>
        </body></html>"#;

    #[test]
    fn extracts_body_without_furniture_or_headline() {
        let got = extract_html(PAGE, Some("https://www.courier.example/flood"));
        let paragraphs: Vec<&str> = got.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 4, "{}", got.text);
        assert!(paragraphs[0].starts_with("Water rose overnight"));
        assert!(paragraphs[3].starts_with("Emergency shelters"));
        for gone in [
            "Flood hits",
            "Share",
            "Photo",
            "Advertisement",
            "Related",
            "Great article",
            "©",
            "Home",
        ] {
            assert!(!got.text.contains(gone), "{gone} left in: {}", got.text);
        }
        assert_eq!(got.meta.title.as_deref(), Some("Flood hits the valley"));
        assert_eq!(got.meta.outlet.as_deref(), Some("The Courier"));
        assert_eq!(got.meta.authors, vec!["Ann Lee", "Bo Chen"]);
    }

    #[test]
    fn pages_without_an_article_do_not_fail() {
        for html in [
            "",
            "<html>",
            "<p>Short.</p>",
            "<<<>>>&&&",
            "<body><div><div></div></div></body>",
        ] {
            let got = extract_html(html, Some("not a url"));
            assert!(got.text.len() <= html.len());
        }
    }
}
