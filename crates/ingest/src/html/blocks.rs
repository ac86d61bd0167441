//! Turning extracted HTML into article text: one paragraph per block element, paragraphs
//! separated by a blank line, `<br>` kept as a line break, whitespace collapsed as a browser
//! would render it.

use dom_query::NodeRef;

/// Elements whose content is never article text.
const SKIPPED: [&str; 13] = [
    "script", "style", "noscript", "template", "svg", "button", "iframe", "select", "input",
    "textarea", "object", "embed", "canvas",
];

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

/// The paragraphs of the text under `root`, in document order.
pub fn paragraphs(root: &NodeRef) -> Vec<String> {
    let mut out = Paragraphs::default();
    // An explicit stack instead of recursion: hostile pages nest elements arbitrarily deep.
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                out.flush();
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            // Source line breaks are plain whitespace; only `<br>` makes a line break.
            out.current
                .extend(node.text().chars().map(|c| if c == '\n' { ' ' } else { c }));
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
}

#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
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
            self.done.push(lines.join("\n"));
        }
        self.current.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn paras(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let body = doc.body().unwrap();
        paragraphs(&body)
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
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<span>".repeat(20_000),
            "</span>".repeat(20_000)
        );
        assert_eq!(paras(&html), vec!["deep"]);
    }
}
