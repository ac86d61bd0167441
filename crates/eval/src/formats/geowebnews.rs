//! GeoWebNews (`geoparsing/GWN.xml`): 200 web news articles, each an `<article file="N">` with
//! `<title>`, `<link>` and `<text>` (and toponyms, not read here). Text is the element content
//! with XML entities decoded. The article text used by the real-coverage gold is the title, a
//! blank line, then `<text>` unchanged.

use super::timeml::{between, decode};
use crate::{read_text, EvalError};
use std::path::Path;

/// One GeoWebNews article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GwnArticle {
    /// The `file` attribute: the article's number in the collection.
    pub file: String,
    pub title: String,
    pub link: String,
    pub text: String,
}

impl GwnArticle {
    /// The article text: title, blank line, body.
    pub fn full_text(&self) -> String {
        format!("{}\n\n{}", self.title.trim(), self.text)
    }
}

/// Reads every article of `GWN.xml`.
pub fn read(path: &Path) -> Result<Vec<GwnArticle>, EvalError> {
    parse(&read_text(path)?).map_err(|message| EvalError::format(path, message))
}

/// Parses the collection; the error names the article that is malformed.
pub fn parse(xml: &str) -> Result<Vec<GwnArticle>, String> {
    let mut articles = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<article ") {
        let tail = &rest[start..];
        let end = tail
            .find("</article>")
            .ok_or_else(|| format!("article {} is not closed", articles.len() + 1))?;
        let body = &tail[..end];
        let open_end = body.find('>').unwrap_or(0);
        let file = body[..open_end]
            .split_once("file=\"")
            .and_then(|(_, v)| v.split_once('"'))
            .map(|(v, _)| v.to_string())
            .ok_or_else(|| format!("article {} has no file attribute", articles.len() + 1))?;
        let field =
            |name: &str| between(body, &format!("<{name}>"), &format!("</{name}>")).map(decode);
        let text = field("text").ok_or_else(|| format!("article {file} has no <text>"))?;
        articles.push(GwnArticle {
            title: field("title").unwrap_or_default(),
            link: field("link").unwrap_or_default(),
            text,
            file,
        });
        rest = &tail[end + "</article>".len()..];
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_articles_with_entities_decoded() {
        let xml = "<articles>\n<article file=\"0\">\n<title>A &amp; B</title>\n\
                   <link>http://x.example/a</link>\n<text>Said &quot;no&quot;.\nMore.</text>\n\
                   <toponyms></toponyms></article>\n<article file=\"1\"><text>T</text></article>";
        let articles = parse(xml).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].file, "0");
        assert_eq!(articles[0].full_text(), "A & B\n\nSaid \"no\".\nMore.");
        assert_eq!(articles[1].title, "");
        assert!(parse("<article file=\"2\"><text>open").is_err());
    }
}
