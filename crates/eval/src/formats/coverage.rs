//! The real-coverage gold (`eval/coverage/*.toml`): one file per story, standoff annotations
//! pointing into articles of `../shared/data` by character offsets. The format and the
//! annotation guidelines are documented in `eval/coverage/README.md`; this module reads a
//! file ([`parse`]) and places its rows in the article texts ([`place`]), turning character
//! offsets into byte spans and checking every row's `text` against the words it points at.
//!
//! A row's `text` is only a check, never the source of truth: it is the annotated words
//! themselves (newlines written as spaces) or, for long spans, `HEAD … TAIL` — the span's text
//! must start with HEAD and end with TAIL. A row whose check fails is an error naming the story
//! and the row, so a misplaced annotation can never be scored silently.

use parallax_core::Span;
use serde::Deserialize;

/// Which part of the set a story belongs to (fixed once by a seeded shuffle; see the README).
pub use crate::Split;

/// The dataset an article is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// `basil-dev/articles/…json` ([`super::basil`]).
    Basil,
    /// `geoparsing/GWN.xml`, article `id` = its `file` attribute ([`super::geowebnews`]).
    Gwn,
    /// `ecbplus-docs/documents.jsonl`, article `id` = its `doc_id` ([`super::ecbplus`]).
    Ecbplus,
}

/// One story file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    pub story: String,
    pub split: Split,
    pub articles: Vec<ArticleRef>,
    #[serde(default)]
    pub entities: Vec<EntityDef>,
    #[serde(default)]
    pub mentions: Vec<MentionRow>,
    #[serde(default)]
    pub quotes: Vec<QuoteRow>,
    #[serde(default)]
    pub figures: Vec<FigureRow>,
    #[serde(default)]
    pub dates: Vec<DateRow>,
}

/// Where an article is and the metadata a user's manifest would give it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRef {
    /// Short name the rows use (`nyt`, `fox`, `ap-latest`).
    pub key: String,
    pub source: SourceKind,
    /// Path under the data folder.
    pub path: String,
    /// The article inside a collection file (GeoWebNews `file`, ECB+ `doc_id`).
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time.
    #[serde(default)]
    pub published: Option<String>,
}

/// A real-world actor of the story.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    /// The id rows use (`steele`).
    pub id: String,
    pub name: String,
    /// PERSON, ORG, GPE, LOC, FAC, NORP, EVENT or MISC.
    #[serde(rename = "type")]
    pub entity_type: String,
}

/// `[article, start, end, text, entity]`: a proper-name mention of an entity.
#[derive(Debug, Clone, Deserialize)]
pub struct MentionRow(pub String, pub usize, pub usize, pub String, pub String);

/// `[start, end, text]`: the words that name an unnamed source ("a senior official").
#[derive(Debug, Clone, Deserialize)]
pub struct WordsRow(pub usize, pub usize, pub String);

/// A quoted passage (the words inside the marks) and who said it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRow {
    pub doc: String,
    pub at: [usize; 2],
    pub text: String,
    /// An entity id, or `none` when the marked words are not speech (a title, a show's name).
    #[serde(default)]
    pub speaker: Option<String>,
    /// For a source the text does not name: the words that describe it.
    #[serde(default)]
    pub source: Option<WordsRow>,
}

/// A number in the text and who asserts it, or why it is not a claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureRow {
    pub doc: String,
    pub at: [usize; 2],
    pub text: String,
    /// `outlet` (the article's own voice) or an entity id.
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub source: Option<WordsRow>,
    #[serde(default)]
    pub generic: Option<Generic>,
    /// What is counted, in the annotator's words (for people reading the file).
    #[serde(default)]
    pub what: Option<String>,
}

/// Why a number is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generic {
    /// A count of a generic noun ("two countries", "three times").
    Count,
    /// A person's age.
    Age,
}

/// A relative time expression and the TIMEX3 value it denotes (`none`: not a time at all).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRow {
    pub doc: String,
    pub at: [usize; 2],
    pub text: String,
    pub value: String,
}

/// Reads one story file's TOML.
pub fn parse(toml_text: &str) -> Result<StoryFile, String> {
    toml::from_str(toml_text).map_err(|e| e.to_string())
}

/// Who a quotation or figure is credited to in the gold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// The article's own voice (figures only).
    Outlet,
    /// An entity of the story, by id.
    Entity(String),
    /// A source the text does not name; the span of the words describing it.
    Words(Span),
    /// Marked words that are not speech (quotes only).
    NotSpeech,
}

/// A gold mention placed in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// Index into the story's articles.
    pub doc: usize,
    pub span: Span,
    pub entity: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    pub doc: usize,
    pub span: Span,
    pub who: Who,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldFigure {
    pub doc: usize,
    pub span: Span,
    /// `None` for a generic count or an age.
    pub who: Option<Who>,
    pub generic: Option<Generic>,
    pub what: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDate {
    pub doc: usize,
    pub span: Span,
    /// The TIMEX3 value, or `None` for words that are no time expression.
    pub value: Option<String>,
}

/// A story's gold with byte spans into its articles' texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacedGold {
    pub mentions: Vec<GoldMention>,
    pub quotes: Vec<GoldQuote>,
    pub figures: Vec<GoldFigure>,
    pub dates: Vec<GoldDate>,
}

/// Places every row of `story` in `texts` (the articles' texts, in the order of
/// `story.articles`), checking the references and each row's check text.
pub fn place(story: &StoryFile, texts: &[String]) -> Result<PlacedGold, String> {
    if texts.len() != story.articles.len() {
        return Err(format!(
            "{} articles listed, {} texts given",
            story.articles.len(),
            texts.len()
        ));
    }
    let offsets: Vec<CharOffsets> = texts.iter().map(|t| CharOffsets::new(t)).collect();
    let doc_of = |key: &str, row: &str| -> Result<usize, String> {
        story
            .articles
            .iter()
            .position(|a| a.key == key)
            .ok_or_else(|| format!("{row}: no article with key `{key}`"))
    };
    let span_of = |doc: usize, at: [usize; 2], check: &str, row: &str| -> Result<Span, String> {
        let span = offsets[doc].span(at[0], at[1]).ok_or_else(|| {
            format!(
                "{row}: characters {}..{} are outside the text",
                at[0], at[1]
            )
        })?;
        let found = span.text(&texts[doc]);
        if !matches_check(found, check) {
            return Err(format!(
                "{row}: the text at {}..{} is {found:?}, not {check:?}",
                at[0], at[1]
            ));
        }
        Ok(span)
    };
    let entity = |id: &str, row: &str| -> Result<String, String> {
        if story.entities.iter().any(|e| e.id == id) {
            Ok(id.to_string())
        } else {
            Err(format!("{row}: unknown entity `{id}`"))
        }
    };
    let words = |doc: usize, w: &WordsRow, row: &str| span_of(doc, [w.0, w.1], &w.2, row);
    let mut gold = PlacedGold::default();
    for (i, m) in story.mentions.iter().enumerate() {
        let row = format!("mention {} ({:?})", i + 1, m.3);
        let doc = doc_of(&m.0, &row)?;
        gold.mentions.push(GoldMention {
            doc,
            span: span_of(doc, [m.1, m.2], &m.3, &row)?,
            entity: entity(&m.4, &row)?,
        });
    }
    for (i, q) in story.quotes.iter().enumerate() {
        let row = format!("quote {} ({:?})", i + 1, q.text);
        let doc = doc_of(&q.doc, &row)?;
        let who = match (&q.speaker, &q.source) {
            (Some(s), None) if s == "none" => Who::NotSpeech,
            (Some(s), None) => Who::Entity(entity(s, &row)?),
            (None, Some(w)) => Who::Words(words(doc, w, &row)?),
            _ => return Err(format!("{row}: give exactly one of `speaker` and `source`")),
        };
        gold.quotes.push(GoldQuote {
            doc,
            span: span_of(doc, q.at, &q.text, &row)?,
            who,
        });
    }
    for (i, f) in story.figures.iter().enumerate() {
        let row = format!("figure {} ({:?})", i + 1, f.text);
        let doc = doc_of(&f.doc, &row)?;
        let who = match (&f.by, &f.source, f.generic) {
            (Some(b), None, None) if b == "outlet" => Some(Who::Outlet),
            (Some(b), None, None) => Some(Who::Entity(entity(b, &row)?)),
            (None, Some(w), None) => Some(Who::Words(words(doc, w, &row)?)),
            (None, None, Some(_)) => None,
            _ => {
                return Err(format!(
                    "{row}: give exactly one of `by`, `source` and `generic`"
                ))
            }
        };
        gold.figures.push(GoldFigure {
            doc,
            span: span_of(doc, f.at, &f.text, &row)?,
            who,
            generic: f.generic,
            what: f.what.clone(),
        });
    }
    for (i, d) in story.dates.iter().enumerate() {
        let row = format!("date {} ({:?})", i + 1, d.text);
        let doc = doc_of(&d.doc, &row)?;
        gold.dates.push(GoldDate {
            doc,
            span: span_of(doc, d.at, &d.text, &row)?,
            value: (d.value != "none").then(|| d.value.clone()),
        });
    }
    Ok(gold)
}

/// Whether `found` (the span's text) fits the row's check text: equal once newlines are
/// spaces, or `HEAD … TAIL` with `found` starting with HEAD and ending with TAIL.
pub fn matches_check(found: &str, check: &str) -> bool {
    let found = found.replace('\n', " ");
    if found == check {
        return true;
    }
    // The quoted words may hold " … " themselves: any of its places may be the cut.
    check.match_indices('…').any(|(at, ellipsis)| {
        let (Some(head), Some(tail)) = (
            check[..at].strip_suffix(' '),
            check[at + ellipsis.len()..].strip_prefix(' '),
        ) else {
            return false;
        };
        !head.is_empty()
            && !tail.is_empty()
            && found.len() >= head.len() + tail.len()
            && found.starts_with(head)
            && found.ends_with(tail)
    })
}

/// Byte offset of every character of a text, for turning character offsets into byte spans.
struct CharOffsets(Vec<usize>);

impl CharOffsets {
    fn new(text: &str) -> Self {
        let mut offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        offsets.push(text.len());
        CharOffsets(offsets)
    }

    /// The byte span of characters `start..end`, when inside the text and not reversed.
    fn span(&self, start: usize, end: usize) -> Option<Span> {
        (start <= end)
            .then(|| Some(Span::new(*self.0.get(start)?, *self.0.get(end)?)))
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = r#"
story = "demo"
split = "dev"
articles = [
  { key = "a", source = "basil", path = "basil-dev/articles/2010/x_1.json", outlet = "The Courier", published = "2010-07-02" },
]
entities = [
  { id = "kelidze", name = "Tamaz Kelidze", type = "PERSON" },
]

mentions = [
  ["a", 0, 7, "Kelidze", "kelidze"],
]
quotes = [
  { doc = "a", at = [20, 52], text = "We will … a village.", speaker = "kelidze" },
  { doc = "a", at = [20, 27], text = "We will", source = [66, 75, "officials"] },
]
figures = [
  { doc = "a", at = [57, 59], text = "15", source = [66, 75, "officials"], what = "dead" },
  { doc = "a", at = [57, 59], text = "15", generic = "age" },
]
dates = [
  { doc = "a", at = [81, 87], text = "Friday", value = "2010-07-02" },
  { doc = "a", at = [0, 7], text = "Kelidze", value = "none" },
]
"#;

    // Characters and bytes differ: the curly quotes are three bytes each.
    const TEXT: &str =
        "Kelidze said “ … ” “We will not surrender a village.” At 15 dead, officials said Friday.";

    #[test]
    fn rows_are_placed_as_byte_spans_and_checked() {
        let story = parse(STORY).unwrap();
        let gold = place(&story, &[TEXT.to_string()]).unwrap();
        assert_eq!(gold.mentions[0].span.text(TEXT), "Kelidze");
        assert_eq!(
            gold.quotes[0].span.text(TEXT),
            "We will not surrender a village."
        );
        assert_eq!(gold.quotes[0].who, Who::Entity("kelidze".into()));
        match &gold.quotes[1].who {
            Who::Words(span) => assert_eq!(span.text(TEXT), "officials"),
            other => panic!("{other:?}"),
        }
        assert_eq!(gold.figures[1].who, None);
        assert_eq!(gold.figures[1].generic, Some(Generic::Age));
        assert_eq!(gold.dates[0].span.text(TEXT), "Friday");
        assert_eq!(gold.dates[0].value.as_deref(), Some("2010-07-02"));
        assert_eq!(gold.dates[1].value, None);
    }

    #[test]
    fn a_misplaced_row_is_an_error_naming_it() {
        let story = parse(&STORY.replace("[81, 87]", "[80, 86]")).unwrap();
        let error = place(&story, &[TEXT.to_string()]).unwrap_err();
        assert!(error.contains("date 1"), "{error}");
        let story = parse(&STORY.replace("\"kelidze\"],", "\"vasko\"],")).unwrap();
        assert!(place(&story, &[TEXT.to_string()])
            .unwrap_err()
            .contains("unknown entity `vasko`"));
        let story = parse(&STORY.replace("[81, 87]", "[81, 900]")).unwrap();
        assert!(place(&story, &[TEXT.to_string()])
            .unwrap_err()
            .contains("outside the text"));
    }

    #[test]
    fn a_row_must_say_who_exactly_once() {
        let story = parse(&STORY.replace(
            "text = \"15\", generic = \"age\"",
            "text = \"15\", generic = \"age\", by = \"outlet\"",
        ))
        .unwrap();
        assert!(place(&story, &[TEXT.to_string()])
            .unwrap_err()
            .contains("exactly one"));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        assert!(parse(&STORY.replace("split = \"dev\"", "split = \"dev\"\nsplt = 1")).is_err());
        assert!(parse(&STORY.replace("split = \"dev\"", "split = \"train\"")).is_err());
    }

    #[test]
    fn check_texts_may_abbreviate_long_spans() {
        assert!(matches_check("a b\nc", "a b c"));
        assert!(matches_check(
            "We will not surrender",
            "We will … surrender"
        ));
        assert!(!matches_check("We will not surrender", "We will … retreat"));
        assert!(!matches_check("ab", "ab … ab"));
        assert!(!matches_check("We", "We … "));
        // An ellipsis inside the quoted words does not hide the cut.
        assert!(matches_check(
            "I did these things. … I used money for my campaign.",
            "I did these things. … … for my campaign."
        ));
    }
}
