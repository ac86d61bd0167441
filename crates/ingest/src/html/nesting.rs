//! Capping how deeply a page nests its elements, before the page is parsed.
//!
//! The HTML parser checks element scopes by walking the stack of open elements, and the
//! Readability port matches selectors against each element's descendants: both cost time in
//! proportion to the nesting depth for every element, so a page of 100,000 nested `<div>`s
//! (1.1 MB) took minutes. Browsers bound the depth of the tree they build for the same reason
//! (Chromium's HTML parser stops nesting at 512). Here a linear scan over the raw markup
//! follows the open elements the way the parser would, approximately, and drops the tags of
//! elements that would open deeper than [`MAX_DEPTH`]: their text stays, in the innermost
//! element that was kept, so a pathological page costs time in proportion to its length.
//!
//! The scan only has to be right about depth, never about the tree: it skips comments,
//! doctypes and the content of raw-text elements (`script`, `style`, …), honours `/>`, and does
//! not count void elements or elements whose end tag is optional (`p`, `li`, `td`, …), which
//! the parser closes by itself. A page whose depth stays under the cap is returned unchanged
//! (borrowed), so ordinary pages are parsed exactly as written.

use memchr::memchr;
use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest element nesting kept. Real article pages nest about 15 to 40 elements deep
/// (measured over the WCXB and Scrapinghub pages, see `docs/robustness.md`); the parser's
/// and Readability's cost on a pathological page grows with this number times its length.
pub const MAX_DEPTH: usize = 128;

/// Elements that never have content.
const VOID: [&str; 18] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: the parser closes them when a sibling starts, so
/// they do not nest however many are written.
const OPTIONAL_END: [&str; 20] = [
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// What the cap did to a page.
#[derive(Debug, PartialEq)]
pub struct Capped<'a> {
    pub html: Cow<'a, str>,
    /// Start tags dropped because they opened deeper than the cap.
    pub dropped: usize,
    /// The deepest nesting the page asked for.
    pub deepest: usize,
}

/// The page with every element that would open deeper than `max` reduced to its content.
pub fn cap_depth(html: &str, max: usize) -> Capped<'_> {
    let mut scan = Scan {
        html,
        out: None,
        copied: 0,
        open: Vec::new(),
        open_names: HashMap::new(),
        kept: 0,
        dropped: 0,
        deepest: 0,
    };
    scan.run(max);
    let (dropped, deepest) = (scan.dropped, scan.deepest);
    let html = match scan.out {
        Some(mut out) => {
            out.push_str(&html[scan.copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    };
    Capped {
        html,
        dropped,
        deepest,
    }
}

struct Scan<'a> {
    html: &'a str,
    /// The rewritten page, made only once a first tag is dropped.
    out: Option<String>,
    /// Input bytes before this are already in `out`.
    copied: usize,
    /// Open elements, innermost last, each with whether its tags are kept.
    open: Vec<(String, bool)>,
    /// How many of `open` carry each name: an end tag that closes nothing is found in
    /// constant time instead of by walking the stack.
    open_names: HashMap<String, usize>,
    /// Entries of `open` that are kept.
    kept: usize,
    dropped: usize,
    deepest: usize,
}

impl Scan<'_> {
    fn run(&mut self, max: usize) {
        let bytes = self.html.as_bytes();
        let mut pos = 0;
        while let Some(offset) = memchr(b'<', &bytes[pos..]) {
            let start = pos + offset;
            let rest = &bytes[start + 1..];
            pos = if rest.starts_with(b"!--") {
                find(bytes, start + 4, b"-->").map_or(bytes.len(), |i| i + 3)
            } else if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
                find(bytes, start, b">").map_or(bytes.len(), |i| i + 1)
            } else if rest.first() == Some(&b'/')
                && rest.get(1).is_some_and(u8::is_ascii_alphabetic)
            {
                let (name, end) = tag(bytes, start + 2);
                self.end_tag(&name, start, end);
                end
            } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                let (name, end) = tag(bytes, start + 1);
                let self_closing = end >= 2 && bytes[end - 2] == b'/';
                let end = if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                    raw_text_end(bytes, end, &name)
                } else {
                    if !self_closing
                        && !VOID.contains(&name.as_str())
                        && !OPTIONAL_END.contains(&name.as_str())
                    {
                        self.start_tag(name, start, end, max);
                    }
                    end
                };
                end
            } else {
                start + 1
            };
        }
    }

    fn start_tag(&mut self, name: String, start: usize, end: usize, max: usize) {
        let keep = self.kept < max;
        if keep {
            self.kept += 1;
        } else {
            self.drop_tag(start, end);
            self.dropped += 1;
        }
        *self.open_names.entry(name.clone()).or_default() += 1;
        self.open.push((name, keep));
        self.deepest = self.deepest.max(self.open.len());
    }

    /// Closes the innermost open element of that name and those inside it (which the parser
    /// closes implicitly); an end tag that closes nothing is left for the parser to ignore.
    fn end_tag(&mut self, name: &str, start: usize, end: usize) {
        if self.open_names.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        while let Some((open, keep)) = self.open.pop() {
            if keep {
                self.kept -= 1;
            }
            if let Some(n) = self.open_names.get_mut(&open) {
                *n -= 1;
            }
            if open == name {
                if !keep {
                    self.drop_tag(start, end);
                }
                return;
            }
        }
    }

    fn drop_tag(&mut self, start: usize, end: usize) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.html.len()));
        out.push_str(&self.html[self.copied..start]);
        self.copied = end;
    }
}

/// The lower-cased name of the tag whose name starts at `from`, and the offset just after the
/// tag's closing `>` (attribute values in quotes may hold `>`).
fn tag(bytes: &[u8], from: usize) -> (String, usize) {
    let name_end = bytes[from..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(bytes.len(), |i| from + i);
    let name = String::from_utf8_lossy(&bytes[from..name_end]).to_ascii_lowercase();
    let mut quote = None;
    let mut i = name_end;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => {
                // A quote opens a value only right after `=` (spaces allowed).
                let before = bytes[name_end..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_ascii_whitespace());
                if before == Some(&b'=') {
                    quote = Some(b);
                }
            }
            None if b == b'>' => return (name, i + 1),
            None => {}
        }
        i += 1;
    }
    (name, bytes.len())
}

/// The offset after the end tag that closes raw-text element `name` whose content starts at
/// `from` (the end of the input when it is never closed).
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut pos = from;
    while let Some(i) = find(bytes, pos, b"</") {
        let after = i + 2;
        let candidate = bytes.get(after..after + name.len());
        let closes = candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after + name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
        if closes {
            return tag(bytes, after).1;
        }
        pos = after;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = r#"<!doctype html><html><body><div class="a>b"><p>One<p>Two</div>
            <script>if (a < b) { x = "<div><div><div>"; }</script><!-- <div><div> -->
            <ul><li>a<li>b</ul><img src=x><br/><svg><path d="M0"/><path/></svg></body></html>"#;
        let capped = cap_depth(page, 3);
        assert_eq!(capped.dropped, 0);
        assert!(matches!(capped.html, Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_keeps_its_text_in_the_deepest_kept_element() {
        let page = format!(
            "<body>{}deep <b>text</b>{}<p>after</p></body>",
            "<div class=x>".repeat(10),
            "</div>".repeat(10)
        );
        let capped = cap_depth(&page, 4);
        // Six `<div>`s and the `<b>` inside them open deeper than four.
        assert_eq!((capped.dropped, capped.deepest), (7, 11));
        assert_eq!(
            capped.html,
            format!(
                "<body>{}deep text{}<p>after</p></body>",
                "<div class=x>".repeat(4),
                "</div>".repeat(4)
            )
        );
    }

    #[test]
    fn end_tags_close_the_innermost_element_of_their_name() {
        // `</section>` closes the unclosed `<span>` inside it too, as the parser would.
        let page = "<section><span>a</section><div><div>b</div></div>";
        let capped = cap_depth(page, 2);
        assert_eq!(capped.dropped, 0);
        let page = "<div><div><div>x</div>y</div>z</div>";
        assert_eq!(cap_depth(page, 2).html, "<div><div>xy</div>z</div>");
    }

    #[test]
    fn stray_end_tags_close_nothing() {
        let page = format!("{}{}<div>x", "<div>".repeat(3), "</span>".repeat(1000));
        let capped = cap_depth(&page, 3);
        assert_eq!((capped.dropped, capped.deepest), (1, 4));
        assert_eq!(
            capped.html,
            format!("{}{}x", "<div>".repeat(3), "</span>".repeat(1000))
        );
    }
}
