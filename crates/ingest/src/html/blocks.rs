//! Turning extracted HTML into article text: one paragraph per block element, paragraphs
//! separated by a blank line, `<br>` kept as a line break, whitespace collapsed as a browser
//! would render it.

use dom_query::NodeRef;

/// Elements whose content is never article text. `rt` and `rp` are ruby annotations: the
/// reading printed small above a word (Japanese furigana), which would otherwise run into the
/// word itself ("子こども").
const SKIPPED: [&str; 15] = [
    "script", "style", "noscript", "template", "svg", "button", "iframe", "select", "input",
    "textarea", "object", "embed", "canvas", "rt", "rp",
];

/// Characters a browser does not show: the soft hyphen (a hyphenation hint, `&shy;`), the
/// zero-width space and the byte-order mark. Left in, they split words ("Wehr\u{ad}an\u{ad}lage"),
/// so that the text no longer matches what the page shows.
const INVISIBLE: [char; 3] = ['\u{ad}', '\u{200b}', '\u{feff}'];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 33] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "form",
    "fieldset",
    "address",
    "details",
    "summary",
];

/// One paragraph and how much of its text is link text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    /// Share of the paragraph's non-space characters that sit inside links (0 to 1): a block
    /// that is nearly all link is a pointer to another page, not article text.
    pub link_share: f64,
}

/// The paragraphs of the text under `root`, in document order.
pub fn paragraphs(root: &NodeRef) -> Vec<Block> {
    let mut out = Paragraphs::default();
    // An explicit stack instead of recursion: hostile pages nest elements arbitrarily deep.
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                out.flush();
                continue;
            }
            Step::LeaveLink => {
                out.link_depth = out.link_depth.saturating_sub(1);
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            out.push_text(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        match name.as_str() {
            "br" => out.current.push('\n'),
            "td" | "th" => out.current.push(' '),
            "a" => {
                out.link_depth += 1;
                stack.push(Step::LeaveLink);
            }
            _ => {}
        }
        if BLOCKS.contains(&name.as_str()) {
            out.flush();
            stack.push(Step::Leave);
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    out.flush();
    out.done
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave,
    LeaveLink,
}

#[derive(Default)]
struct Paragraphs {
    done: Vec<Block>,
    current: String,
    link_depth: usize,
    /// Non-space characters of the current paragraph inside links, and in all.
    link_chars: usize,
    all_chars: usize,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        let shown = text.chars().filter(|c| !INVISIBLE.contains(c));
        let visible = shown.clone().filter(|c| !c.is_whitespace()).count();
        self.all_chars += visible;
        if self.link_depth > 0 {
            self.link_chars += visible;
        }
        // Source line breaks are plain whitespace; only `<br>` makes a line break.
        self.current
            .extend(shown.map(|c| if c == '\n' { ' ' } else { c }));
    }

    /// Ends the paragraph being collected: whitespace collapsed within each line, empty lines
    /// dropped.
    fn flush(&mut self) {
        let lines: Vec<String> = self
            .current
            .split('\n')
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|line| !line.is_empty())
            .collect();
        if !lines.is_empty() {
            let link_share = self.link_chars as f64 / self.all_chars.max(1) as f64;
            self.done.push(Block {
                text: lines.join("\n"),
                link_share,
            });
        }
        self.current.clear();
        self.link_chars = 0;
        self.all_chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn paras(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let body = doc.body().unwrap();
        paragraphs(&body).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn link_share_per_paragraph() {
        let doc = Document::from("<p><a href=x>All link</a></p><p>Half <a>link</a></p><p>None</p>");
        let shares: Vec<f64> = paragraphs(&doc.body().unwrap())
            .iter()
            .map(|b| b.link_share)
            .collect();
        assert_eq!(shares, vec![1.0, 0.5, 0.0]);
    }

    #[test]
    fn blocks_become_paragraphs() {
        let got = paras(
            "<div><p>First  <b>bold</b>\n text.</p><p>Line one<br>line two</p>\
             <ul><li>Item</li></ul><script>x()</script><p> </p>tail</div>",
        );
        assert_eq!(
            got,
            vec!["First bold text.", "Line one\nline two", "Item", "tail"]
        );
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(
            paras("<p>Wehr\u{ad}an&shy;lage\u{200b}n</p>"),
            vec!["Wehranlagen"]
        );
    }

    #[test]
    fn ruby_readings_are_skipped() {
        assert_eq!(
            paras("<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>"),
            vec!["子ども"]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<span>".repeat(20_000),
            "</span>".repeat(20_000)
        );
        assert_eq!(paras(&html), vec!["deep"]);
    }
}
