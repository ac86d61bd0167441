//! Geoparsing gold in the two XML layouts of "A Pragmatic Guide to Geoparsing Evaluation"
//! (Gritta et al. 2019): GeoWebNews (`GWN.xml`: `<toponym>` with `extractedName`, `type`,
//! `start`/`end`, `geonamesID`, `latitude`/`longitude`) and LGL (`lgl.xml`: `<toponym>` with
//! `start`/`end`, `phrase` and a `<gaztag geonameid>` holding `lat`/`lon`).
//!
//! Offsets in both files count characters of the article text; they are turned into byte
//! spans here. A toponym whose offsets do not fit its text is an error naming the article.

use parallax_core::Span;

/// One gold toponym.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub span: Span,
    /// The GeoNames id, where the gold gives one.
    pub geonames_id: Option<u32>,
    /// The gold point, where the toponym is locational.
    pub point: Option<(f64, f64)>,
    /// GeoWebNews' type (`Literal`, `Metonymic`, …) or LGL's feature code (`PPL`, `ADM1`, …).
    pub kind: String,
}

/// One gold article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    pub text: String,
    pub url: Option<String>,
    pub toponyms: Vec<GoldToponym>,
}

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// Byte offsets of every character boundary of `text`, indexed by character count.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

/// Parses a GeoWebNews or LGL file.
pub fn parse(xml: &str) -> Result<Vec<GoldArticle>, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| format!("not well-formed XML: {e}"))?;
    let mut articles = Vec::new();
    for (index, article) in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("article"))
        .enumerate()
    {
        let text = article
            .children()
            .find(|c| c.has_tag_name("text"))
            .map(|t| t.descendants().filter_map(|d| d.text()).collect::<String>())
            .unwrap_or_default();
        let url = child_text(article, "link").or_else(|| child_text(article, "url"));
        let bytes = char_to_byte(&text);
        let mut toponyms = Vec::new();
        let list = article.children().find(|c| c.has_tag_name("toponyms"));
        for t in list
            .iter()
            .flat_map(|l| l.children())
            .filter(|n| n.has_tag_name("toponym"))
        {
            let offset = |name: &str| -> Result<Option<usize>, String> {
                let v: i64 = child_text(t, name)
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| format!("article {index}: a toponym lacks `{name}`"))?;
                if v < 0 {
                    return Ok(None);
                }
                bytes
                    .get(v as usize)
                    .copied()
                    .map(Some)
                    .ok_or_else(|| format!("article {index}: offset {v} is past the text"))
            };
            // GeoWebNews marks a few toponyms of the title with negative offsets; the title is
            // not part of `text`, so they are left out.
            let (Some(start), Some(end)) = (offset("start")?, offset("end")?) else {
                continue;
            };
            let span = Span::new(start, end);
            if span.is_empty() {
                continue;
            }
            let number = |s: Option<&str>| s.and_then(|v| v.parse::<f64>().ok());
            let toponym = if let Some(tag) = t.children().find(|c| c.has_tag_name("gaztag")) {
                GoldToponym {
                    span,
                    geonames_id: tag.attribute("geonameid").and_then(|v| v.parse().ok()),
                    point: number(child_text(tag, "lat")).zip(number(child_text(tag, "lon"))),
                    kind: child_text(tag, "fcode").unwrap_or("").to_string(),
                }
            } else {
                GoldToponym {
                    span,
                    geonames_id: child_text(t, "geonamesID").and_then(|v| v.parse().ok()),
                    point: number(child_text(t, "latitude"))
                        .zip(number(child_text(t, "longitude"))),
                    kind: child_text(t, "type").unwrap_or("").to_string(),
                }
            };
            toponyms.push(toponym);
        }
        toponyms.sort_by_key(|t| t.span);
        articles.push(GoldArticle {
            text,
            url: url.map(str::to_string),
            toponyms,
        });
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_layouts_with_byte_spans() {
        let gwn = "<articles><article><title>t</title><link>http://x.co.uk/a</link>\
            <text>Café in Paris</text><toponyms><toponym><extractedName>Paris</extractedName>\
            <type>Literal</type><start>8</start><end>13</end><geonamesID>2988507</geonamesID>\
            <latitude>48.85</latitude><longitude>2.35</longitude></toponym></toponyms></article></articles>";
        let a = &parse(gwn).unwrap()[0];
        assert_eq!(&a.text[a.toponyms[0].span.range()], "Paris");
        assert_eq!(a.toponyms[0].geonames_id, Some(2988507));
        assert_eq!(a.url.as_deref(), Some("http://x.co.uk/a"));
        let lgl = "<articles><article docid=\"1\"><text><![CDATA[Né in Rome.]]></text>\
            <toponyms><toponym><start>6</start><end>10</end><phrase>Rome</phrase>\
            <gaztag geonameid=\"3169070\"><fcode>PPLC</fcode><lat>41.89</lat><lon>12.48</lon>\
            </gaztag></toponym></toponyms></article></articles>";
        let a = &parse(lgl).unwrap()[0];
        assert_eq!(&a.text[a.toponyms[0].span.range()], "Rome");
        assert_eq!(a.toponyms[0].point, Some((41.89, 12.48)));
        assert!(parse(
            "<articles><article><text>ab</text><toponyms><toponym><start>0</start>\
            <end>9</end></toponym></toponyms></article></articles>"
        )
        .is_err());
    }
}
