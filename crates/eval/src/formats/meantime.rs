//! MEANTIME (NewsReader CAT XML): tokens with sentence numbers, entity mentions anchored to
//! token ids, entity instances with their type, and `REFERS_TO` links from mentions to
//! instances.
//!
//! Instances come at two levels: document-level `<ENTITY>`s, and corpus-level ones that also
//! carry an `instance_id` shared by every document mentioning the same real-world entity
//! (cross-document coreference). A mention linked to both keeps the corpus-level instance.
//!
//! Only what the entity tasks need is read. Attribute values are XML-unescaped; the files use
//! `&amp;` and `&quot;`.

use crate::EvalError;
use regex::Regex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub id: String,
    pub sentence: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    pub id: String,
    /// `NAM`, `NOM`, `PRO`, `PRE.NAM`, … as written (may be empty); `None` when the attribute
    /// is absent, as it is on many mentions added at the corpus level.
    pub syntactic_type: Option<String>,
    pub token_ids: Vec<String>,
    /// `PER`, `ORG`, `LOC`, `PRO`, `FIN` or `MIX`: the type of the instance it refers to.
    pub entity_type: Option<String>,
    /// The instance it refers to: the corpus-level `instance_id` when the instance has one,
    /// else `doc:<m_id>` of the document-level instance; `None` when it refers to none.
    pub instance: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeantimeDocument {
    pub name: String,
    pub tokens: Vec<Token>,
    pub mentions: Vec<EntityMention>,
}

impl MeantimeDocument {
    /// The token texts grouped by sentence, in document order.
    pub fn sentences(&self) -> Vec<Vec<&str>> {
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        let mut last_sentence = None;
        for t in &self.tokens {
            if last_sentence != Some(t.sentence) {
                sentences.push(Vec::new());
                last_sentence = Some(t.sentence);
            }
            if let Some(s) = sentences.last_mut() {
                s.push(t.text.as_str());
            }
        }
        sentences
    }
}

static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| re(r#"<token\s((?:[^>"]|"[^"]*")*)>([^<]*)</token>"#));
static MENTION: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?s)<ENTITY_MENTION\s((?:[^>"]|"[^"]*")*)>(.*?)</ENTITY_MENTION>"#));
static ENTITY: LazyLock<Regex> = LazyLock::new(|| re(r#"<ENTITY\s((?:[^>"]|"[^"]*")*)>"#));
static REFERS: LazyLock<Regex> = LazyLock::new(|| re(r#"(?s)<REFERS_TO\b[^>]*>(.*?)</REFERS_TO>"#));
static ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| re(r#"<(token_anchor|source|target)\s+[^>]*?(?:t_id|m_id)="([^"]*)""#));
static ATTR: LazyLock<Regex> = LazyLock::new(|| re(r#"([A-Za-z_]+)="([^"]*)""#));

fn re(pattern: &str) -> Regex {
    // The patterns are constants checked by the unit tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"))
}

fn attrs(text: &str) -> HashMap<&str, String> {
    ATTR.captures_iter(text)
        .filter_map(|c| Some((c.get(1)?.as_str(), unescape(c.get(2)?.as_str()))))
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses one CAT XML document.
pub fn parse(name: &str, xml: &str) -> Result<MeantimeDocument, String> {
    let mut doc = MeantimeDocument {
        name: name.to_string(),
        ..Default::default()
    };
    for c in TOKEN.captures_iter(xml) {
        let a = attrs(c.get(1).map_or("", |m| m.as_str()));
        let id = a.get("t_id").cloned().ok_or("token without t_id")?;
        let sentence = a
            .get("sentence")
            .and_then(|s| s.parse().ok())
            .ok_or("token without sentence")?;
        doc.tokens.push(Token {
            id,
            sentence,
            text: unescape(c.get(2).map_or("", |m| m.as_str())),
        });
    }
    let mut types: HashMap<String, String> = HashMap::new();
    let mut instances: HashMap<String, String> = HashMap::new();
    for c in ENTITY.captures_iter(xml) {
        let a = attrs(c.get(1).map_or("", |m| m.as_str()));
        if let (Some(id), Some(t)) = (a.get("m_id"), a.get("ent_type")) {
            types.insert(id.clone(), t.clone());
        }
        if let Some(id) = a.get("m_id") {
            let instance = match a.get("instance_id").filter(|i| !i.is_empty()) {
                Some(i) => i.clone(),
                None => format!("doc:{id}"),
            };
            instances.insert(id.clone(), instance);
        }
    }
    let mut refers: HashMap<String, String> = HashMap::new();
    let mut instance_of: HashMap<String, String> = HashMap::new();
    for c in REFERS.captures_iter(xml) {
        let body = c.get(1).map_or("", |m| m.as_str());
        let mut sources = Vec::new();
        let mut target = None;
        for a in ANCHOR.captures_iter(body) {
            let id = a.get(2).map_or("", |m| m.as_str()).to_string();
            match a.get(1).map(|m| m.as_str()) {
                Some("target") => target = Some(id),
                _ => sources.push(id),
            }
        }
        let Some(target) = target else { continue };
        if let Some(instance) = instances.get(&target) {
            for s in &sources {
                let corpus_level = !instance.starts_with("doc:");
                if corpus_level || !instance_of.contains_key(s) {
                    instance_of.insert(s.clone(), instance.clone());
                }
            }
        }
        if let Some(t) = types.get(&target) {
            for s in sources {
                refers.insert(s, t.clone());
            }
        }
    }
    for c in MENTION.captures_iter(xml) {
        let a = attrs(c.get(1).map_or("", |m| m.as_str()));
        let id = a
            .get("m_id")
            .cloned()
            .ok_or("entity mention without m_id")?;
        let token_ids = ANCHOR
            .captures_iter(c.get(2).map_or("", |m| m.as_str()))
            .filter_map(|a| Some(a.get(2)?.as_str().to_string()))
            .collect();
        doc.mentions.push(EntityMention {
            entity_type: refers.get(&id).cloned(),
            instance: instance_of.get(&id).cloned(),
            syntactic_type: a.get("syntactic_type").cloned(),
            token_ids,
            id,
        });
    }
    Ok(doc)
}

/// Reads one `.xml` file, or every `.xml` file under a folder (in path order).
pub fn read(path: &Path) -> Result<Vec<MeantimeDocument>, EvalError> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    files
        .iter()
        .map(|f| {
            let name = f
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            parse(&name, &crate::read_text(f)?).map_err(|m| EvalError::format(f, m))
        })
        .collect()
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path).map_err(|e| EvalError::io(path, e))? {
        let p = entry.map_err(|e| EvalError::io(path, e))?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "xml") {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tokens_mentions_and_types() {
        let xml = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="x">
<token number="0" sentence="0" t_id="1">Ana</token>
<token number="1" sentence="0" t_id="2">Petrov</token>
<token number="2" sentence="1" t_id="3">Q&amp;A</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="5" syntactic_type="NAM">
<token_anchor t_id="1"/>
<token_anchor t_id="2"/>
</ENTITY_MENTION>
<ENTITY TAG_DESCRIPTOR="Ana &quot;P&quot;" ent_type="PER" external_ref="http://x/y" m_id="9"/>
</Markables>
<Relations>
<REFERS_TO r_id="1">
<source m_id="5"/>
<target m_id="9"/>
</REFERS_TO>
</Relations></Document>"#;
        let doc = parse("x", xml).unwrap();
        assert_eq!(doc.tokens.len(), 3);
        assert_eq!(doc.tokens[2].text, "Q&A");
        assert_eq!(doc.tokens[2].sentence, 1);
        assert_eq!(doc.mentions[0].token_ids, ["1", "2"]);
        assert_eq!(doc.mentions[0].syntactic_type.as_deref(), Some("NAM"));
        assert_eq!(doc.mentions[0].entity_type.as_deref(), Some("PER"));
        assert_eq!(doc.mentions[0].instance.as_deref(), Some("doc:9"));
    }

    #[test]
    fn corpus_level_instances_win() {
        let xml = r#"<Document><token sentence="0" t_id="1">GM</token>
<token sentence="0" t_id="2">it</token>
<ENTITY_MENTION m_id="1"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2"><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3"><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY ent_type="ORG" instance_id="ORG123" m_id="20"/>
<ENTITY ent_type="ORG" m_id="21"/>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="21"/></REFERS_TO>
</Document>"#;
        let doc = parse("y", xml).unwrap();
        let instances: Vec<Option<&str>> =
            doc.mentions.iter().map(|m| m.instance.as_deref()).collect();
        assert_eq!(instances, [Some("ORG123"), Some("ORG123"), None]);
    }
}
