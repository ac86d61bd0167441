//! HTML pages: main-content extraction and page metadata.
//!
//! The article body is found by `dom_smoothie` (a port of Mozilla's Readability) and then
//! cleaned by our own pass over what it kept ([`clean`]: furniture by tag and class words;
//! [`filter`]: headline and furniture lines), because Readability keeps share bars, captions,
//! bylines and "read more" boxes that sit inside the article container.

mod blocks;
mod clean;
mod filter;
mod lead;
mod meta;
mod nesting;
mod overlap;

use clean::Scope;
use dom_query::Document;
use dom_smoothie::{Config, ParsePolicy, Readability};
use overlap::WordRuns;
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
    let title = meta.title.clone();
    let title = title.as_deref();
    // Taken before the page is cleaned in place below.
    let container = marked_container(&page);
    let page_furniture = WordRuns::of(
        clean::furniture_tag_paragraphs(&page)
            .iter()
            .map(String::as_str),
    );
    let lead = meta::description(&page).and_then(|d| lead::shown_lead(&page, &d));

    let mut best = match readability_content(html, url, None) {
        Some((content, byline)) => {
            let mut text = clean_text(&Document::from(content.as_str()), Scope::Article, title);
            text.removed.bylines.extend(byline);
            // Readability sees only the container it picks, not that the page put it in its
            // footer or sidebar (a site blurb, a contact box).
            if text.share_in(&page_furniture) > MAX_FURNITURE_SHARE {
                diagnostics.push(Diagnostic::info(
                    "ingest",
                    "Readability chose text from the page's footer, navigation or sidebar; using the whole page without them",
                ));
                clean_text(&page, Scope::Article, title)
            } else {
                text
            }
        }
        None => {
            diagnostics.push(Diagnostic::info(
                "ingest",
                "no article container found; using the whole page without navigation",
            ));
            clean_text(&page, Scope::Article, title)
        }
    };
    // Readability keeps one container and its like siblings; pages that split their text over
    // sections, posts or an ingredients table lose most of it, while the page's own markup
    // says where the content is.
    if let Some(container) = container {
        let marked = clean_text(&Document::from(container.as_str()), Scope::Marked, title);
        if (best.len() as f64) < MARKED_SHARE * marked.len() as f64 {
            diagnostics.push(Diagnostic::info(
                "ingest",
                "the article text is taken from the page's <main> (or only <article>) element: Readability's choice held much less of its text",
            ));
            best = marked;
        } else if marked.len() >= MIN_MARKED
            && marked.len() * 2 >= best.len()
            && best.shared_with(&marked) < MIN_SHARED
        {
            // Readability scored a block the marked container shows only as furniture (an
            // author box, a newsletter form, a comment thread) or does not hold at all.
            diagnostics.push(Diagnostic::info(
                "ingest",
                "the article text is taken from the page's <main> (or only <article>) element: Readability's choice was mostly furniture there",
            ));
            best = marked;
        }
    }
    // Readability first drops elements whose names look unlikely (`comment`, `sidebar`, …);
    // when what is left is short and keeping them gives much more, those names were probably
    // on the article itself (a little more is just the comments).
    if best.len() < SHORT_TEXT {
        if let Some((content, byline)) = readability_content(html, url, Some(ParsePolicy::Moderate))
        {
            let mut relaxed = clean_text(&Document::from(content.as_str()), Scope::Article, title);
            if relaxed.len() > RELAXED_GAIN * best.len() {
                relaxed.removed.bylines.extend(byline);
                best = relaxed;
            }
        }
    }
    let Candidate {
        mut filtered,
        mut removed,
    } = best;
    if let Some(lead) = lead {
        // The body may hold the description inside a longer first paragraph.
        let body = lead::normalize(&filtered.paragraphs.join(" "));
        if !body.contains(&lead.description) && !body.contains(&lead::normalize(&lead.text)) {
            diagnostics.push(Diagnostic::info(
                "ingest",
                "the lead the page shows as its description was put back in front of the body",
            ));
            filtered.paragraphs.insert(0, lead.text);
        }
    }
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

/// Readability's text is replaced by the marked container's when it holds less than this
/// share of the container's text.
const MARKED_SHARE: f64 = 0.7;

/// Readability's text is replaced by the whole page's when more than this share of it sits in
/// the page's footer, navigation or sidebar.
const MAX_FURNITURE_SHARE: f64 = 0.5;

/// Readability's text is replaced by the marked container's when less than this share of it
/// is text the container keeps…
const MIN_SHARED: f64 = 0.3;

/// …and the container keeps at least this much text (in bytes) and at least half as much as
/// Readability's choice: a container much shorter than that choice left out a live blog's
/// or a forum's posts by their names, rather than Readability picking furniture.
const MIN_MARKED: usize = 150;

/// Article texts shorter than this (in bytes) make Readability run again without dropping
/// unlikely-named elements first.
const SHORT_TEXT: usize = 1000;

/// How many times longer the text of the second Readability run must be to be taken.
const RELAXED_GAIN: usize = 2;

/// One candidate article text: its paragraphs after the filter, and what cleaning removed.
struct Candidate {
    filtered: filter::Filtered,
    removed: clean::Removed,
}

impl Candidate {
    fn len(&self) -> usize {
        self.filtered.paragraphs.iter().map(String::len).sum()
    }

    /// The share of this candidate's text (by bytes) in paragraphs that `other` holds too.
    fn shared_with(&self, other: &Candidate) -> f64 {
        self.share_in(&WordRuns::of(
            other.filtered.paragraphs.iter().map(String::as_str),
        ))
    }

    /// The share of this candidate's text (by bytes) in paragraphs that `runs` hold; 0 for an
    /// empty candidate.
    fn share_in(&self, runs: &WordRuns) -> f64 {
        let shared: usize = self
            .filtered
            .paragraphs
            .iter()
            .filter(|p| runs.hold(p))
            .map(String::len)
            .sum();
        shared as f64 / self.len().max(1) as f64
    }
}

/// The article text of `doc`: furniture removed (in place), then paragraphs filtered.
fn clean_text(doc: &Document, scope: Scope, title: Option<&str>) -> Candidate {
    let removed = clean::remove_furniture(doc, scope);
    let filtered = filter::drop_furniture(body_paragraphs(doc), title);
    Candidate { filtered, removed }
}

/// The HTML of the element the page marks as its main content: its only `<main>` (or
/// `role="main"`) element, else its only `<article>`. A page with several gives none: they
/// are teasers or posts, and which one is meant is Readability's call.
fn marked_container(page: &Document) -> Option<String> {
    ["main, [role=main]", "article"]
        .iter()
        .find_map(|selector| {
            let found = page.select(selector);
            (found.length() == 1).then(|| found.html().to_string())
        })
}

fn body_paragraphs(doc: &Document) -> Vec<blocks::Block> {
    match doc.body() {
        Some(body) => blocks::paragraphs(&body),
        None => blocks::paragraphs(&doc.root()),
    }
}

/// The HTML of the article container Readability chooses, if it finds one, and the byline
/// it recognised. `policy` is Readability's own sequence of ever looser attempts when `None`.
fn readability_content(
    html: &str,
    url: Option<&str>,
    policy: Option<ParsePolicy>,
) -> Option<(String, Option<String>)> {
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    // Readability insists on an absolute URL; a relative or odd one is simply not passed.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::new(html, url, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
        .ok()?;
    let article = match policy {
        Some(policy) => readability.parse_with_policy(policy),
        None => readability.parse(),
    }
    .ok()?;
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

    /// A paragraph of `n` sentences about `topic`, long enough for Readability to score.
    fn prose(topic: &str, n: usize) -> String {
        (0..n)
            .map(|i| format!("The {topic} report, part {i}, says the numbers rose again, and the council, which met on Friday, agreed."))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_marked_main_element_wins_over_a_narrower_choice() {
        // A recipe: Readability scores paragraphs and keeps the introduction, but not the
        // ingredient and step lists beside it, which hold most of the text.
        let items = |topic: &str, n: usize| -> String {
            (0..n)
                .map(|i| format!("<li>{topic} {i}: {}</li>", prose(topic, 1)))
                .collect()
        };
        let html = format!(
            r#"<html><body><header><a href="/">Home</a></header><main><article>
            <div class="intro"><p>{lead}</p><p>{more}</p></div>
            <ul class="ingredients">{ingredients}</ul><ol class="steps">{steps}</ol>
            </article></main></body></html>"#,
            lead = prose("lead", 2),
            more = prose("more", 2),
            ingredients = items("flour", 4),
            steps = items("shelter", 6),
        );
        let got = extract_html(&html, None);
        for kept in ["The lead report", "flour 3:", "shelter 5:"] {
            assert!(got.text.contains(kept), "{kept} missing from: {}", got.text);
        }
    }

    #[test]
    fn short_text_makes_readability_keep_unlikely_named_elements() {
        // Readability's first pass strips `community-…` as unlikely and settles on the notice.
        let html = format!(
            r#"<html><body><div class="notice"><p>{notice}</p></div>
            <div class="community-post"><div><p>{a}</p><p>{b}</p><p>{c}</p></div></div>
            </body></html>"#,
            notice = prose("notice", 6),
            a = prose("water", 5),
            b = prose("river", 5),
            c = prose("shelter", 5),
        );
        let got = extract_html(&html, None);
        assert!(got.text.contains("The shelter report"), "{}", got.text);
    }

    #[test]
    fn shared_text_is_measured_by_paragraph() {
        let candidate = |paragraphs: &[&str]| Candidate {
            filtered: filter::Filtered {
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..Default::default()
            },
            removed: clean::Removed::default(),
        };
        let readability = candidate(&["About the author: she writes.", "Body  one."]);
        let marked = candidate(&["Body one.", "Body two."]);
        let share = readability.shared_with(&marked);
        assert!((share - 10.0 / 39.0).abs() < 1e-9, "{share}");
        assert_eq!(candidate(&[]).shared_with(&marked), 0.0);
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
