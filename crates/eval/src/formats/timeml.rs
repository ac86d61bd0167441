//! TimeML (TempEval-3 `.tml`): the document creation time and the gold TIMEX3 annotations of
//! the `<TEXT>` element, with byte spans into that text once its tags are removed and its
//! entities (`&amp;`) decoded — the text the annotator is run on.

use parallax_core::Span;

/// One TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    pub id: String,
    /// The `value` of the creation-time TIMEX3 in `<DCT>` (`YYYY-MM-DD[Thh:mm]`).
    pub dct: Option<String>,
    /// The content of `<TEXT>` with every tag removed and entities decoded.
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

/// One gold TIMEX3 of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: Span,
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub timex_type: String,
    pub value: String,
}

/// The value of attribute `name` in a tag's attribute text (`tid="t1" type="DATE"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0 || rest[..pos].ends_with(char::is_whitespace);
        let after = &rest[pos + name.len()..];
        let after = after.trim_start();
        if before_ok {
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
                let body = &value[1..];
                return body.find(quote).map(|end| decode(&body[..end]));
            }
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

/// Decodes the five XML entities and numeric character references.
pub(crate) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|i| *i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses one `.tml` document; `id` names it when it has no `<DOCID>`.
pub fn parse(xml: &str, id: &str) -> Result<TimemlDoc, String> {
    let doc_id = between(xml, "<DOCID>", "</DOCID>").map(|s| s.trim().to_string());
    let dct = between(xml, "<DCT>", "</DCT>")
        .and_then(|d| d.find("<TIMEX3").map(|p| &d[p..]))
        .and_then(|t| t.find('>').map(|e| &t[..e]))
        .and_then(|tag| attribute(tag, "value"));
    let body = between(xml, "<TEXT>", "</TEXT>").ok_or("no <TEXT> element")?;

    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(&rest[..lt]));
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(attrs) = tag.strip_prefix("TIMEX3") {
            let timex_type = attribute(attrs, "type").ok_or("TIMEX3 without type")?;
            let value = attribute(attrs, "value").unwrap_or_default();
            if tag.ends_with('/') {
                // An empty TIMEX3 has no extent to find.
            } else {
                open = Some((text.len(), timex_type, value));
            }
        } else if tag == "/TIMEX3" {
            let (start, timex_type, value) = open.take().ok_or("</TIMEX3> without <TIMEX3>")?;
            let span = Span::new(start, text.len());
            timexes.push(GoldTimex {
                span,
                text: text[start..].to_string(),
                timex_type,
                value,
            });
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&decode(rest));
    Ok(TimemlDoc {
        id: doc_id.unwrap_or_else(|| id.to_string()),
        dct,
        text,
        timexes,
    })
}

pub(crate) fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dct_text_and_timexes() {
        let xml = r#"<?xml version="1.0" ?><TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2008-08-12" functionInDocument="CREATION_TIME">Aug 12</TIMEX3></DCT>
<TEXT>
Troops &amp; tanks <EVENT eid="e1" class="OCCURRENCE">moved</EVENT> <TIMEX3 tid="t1" type="DATE" value="2008-08-08">on Friday</TIMEX3>, for <TIMEX3 type="DURATION" value="P5D" tid="t2">five days</TIMEX3>.
</TEXT>
</TimeML>"#;
        let doc = parse(xml, "file").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.id, "X1");
        assert_eq!(doc.dct.as_deref(), Some("2008-08-12"));
        assert_eq!(
            doc.text,
            "\nTroops & tanks moved on Friday, for five days.\n"
        );
        assert_eq!(doc.timexes.len(), 2);
        let t = &doc.timexes[1];
        assert_eq!(
            (t.text.as_str(), t.timex_type.as_str(), t.value.as_str()),
            ("five days", "DURATION", "P5D")
        );
        assert_eq!(&doc.text[t.span.range()], "five days");
    }
}
