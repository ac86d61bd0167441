//! Per-document annotation layers: what the annotators say about one document.
//!
//! Every item that quotes the document carries its `span` and the exact `text` of that span,
//! so a consumer never needs the document to show the evidence, and a test can check
//! `&doc.text[span] == item.text` for every item.

use crate::{Diagnostic, Span};
use serde::{Deserialize, Serialize};

/// A span together with the exact text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub span: Span,
    pub text: String,
}

impl Anchor {
    /// The anchor of `span` in `text`; `None` when the span is not a valid slice.
    pub fn new(text: &str, span: Span) -> Option<Anchor> {
        span.slice(text).ok().map(|t| Anchor {
            span,
            text: t.to_string(),
        })
    }
}

/// What a paragraph is doing in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphRole {
    Headline,
    Byline,
    Body,
    /// Text pasted from another source, introduced as such ("From NRO's The Corner:").
    BlockQuote,
    /// An "UPDATE:" section added after first publication.
    Update,
    /// A factbox, timeline or bulleted list.
    List,
}

impl ParagraphRole {
    /// The role's name as serialized ("block_quote").
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphRole::Headline => "headline",
            ParagraphRole::Byline => "byline",
            ParagraphRole::Body => "body",
            ParagraphRole::BlockQuote => "block_quote",
            ParagraphRole::Update => "update",
            ParagraphRole::List => "list",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub role: ParagraphRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// The layers every annotator reads: paragraphs, sentences and tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Word and punctuation tokens, in text order.
    pub tokens: Vec<Span>,
}

impl Segmentation {
    /// Index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// Index of the paragraph containing byte offset `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= at).then_some(i)
    }

    /// Token index range `[first, last)` of the tokens inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.tokens.partition_point(|t| t.start < span.start);
        let last = self.tokens.partition_point(|t| t.end <= span.end);
        first..last.max(first)
    }
}

/// Entity types, after OntoNotes' names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    /// Countries, cities and regions with a government.
    Gpe,
    Loc,
    /// Facilities: airbases, bridges, buildings.
    Fac,
    /// Nationalities, religious and political groups ("Georgian", "Ossetian").
    Norp,
    Event,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 8] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Fac,
        EntityType::Norp,
        EntityType::Event,
        EntityType::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name ("Mikheil Saakashvili").
    Name,
    /// A pronoun resolved to an earlier mention ("he").
    Pronoun,
    /// A description ("Georgia's president", "the ministry").
    Nominal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub kind: MentionKind,
    /// A title or role written with the mention ("President", "rebel leader"), kept for the
    /// entity's roles but removed for matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Index into [`Analysis::local_entities`]: the within-document entity this mention is of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_entity: Option<usize>,
}

/// An entity as resolved within one document: its mentions and what it is called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalEntity {
    /// The longest proper name used for it in the document.
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Indices into [`Analysis::mentions`].
    pub mentions: Vec<usize>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// For a nationality, the country it names as an actor ("Russian" forces → "Russia"), as
    /// the lexicon writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl LocalEntity {
    /// Whether one of its mentions is a proper name. An entity without one is an unnamed actor
    /// ("the gunman", "a senior official"): the dossier keeps it for its pronouns, but stages
    /// that report on named actors (tone, event actors) leave it out.
    pub fn is_named(&self, mentions: &[Mention]) -> bool {
        self.mentions
            .iter()
            .any(|&k| mentions.get(k).is_some_and(|m| m.kind == MentionKind::Name))
    }

    /// Whether it is an unnamed actor: it has mentions, and none of them is a name.
    pub fn is_unnamed(&self, mentions: &[Mention]) -> bool {
        !self.mentions.is_empty() && !self.is_named(mentions)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
    Block,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content (inside the marks for direct quotes).
    pub span: Span,
    pub text: String,
    pub kind: QuoteKind,
    /// The reporting verb or phrase ("said", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Anchor>,
    /// The words that name the speaker ("he", "the ministry", "Mikheil Saakashvili").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<Anchor>,
    /// Index into [`Analysis::mentions`] of the speaker's mention, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<usize>,
    /// How the statement reached the outlet ("told CNN", "in a statement").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Anchor>,
}

/// What a figure counts, by its consequence in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureCategory {
    Fatalities,
    Injuries,
    Displaced,
    Forces,
    Population,
    Protesters,
    Arrests,
    Economic,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The number expression with its hedge ("at least 15", "hundreds").
    pub span: Span,
    pub text: String,
    /// The value the text states; `None` for vague amounts ("hundreds").
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The unit or counted noun head ("people", "tanks", "percent", "USD").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The hedge as written ("at least", "some", "up to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// The noun phrase counted ("armored personnel carriers").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Anchor>,
    pub category: FigureCategory,
    /// Index into [`Analysis::quotes`] when the figure sits inside a quotation or attribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    pub text: String,
    /// ISO 8601 or TIMEX3 value: `2008-08-08`, `2008-08`, `199X`, `P5D`, `2008-08-07TNI`.
    pub value: String,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// Whether the value depended on the document's anchor date.
    #[serde(default)]
    pub relative: bool,
    /// The date of the section it was read against, when that section states its own (an
    /// update, a live page's dated entry, pasted copy with a dated dateline) and the value was
    /// relative to it; `None` when the document's anchor was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_anchor: Option<TimeAnchor>,
    /// Whether the text leaves the value open: a relative expression in an update that states
    /// no date of its own (written on some later day), or a weekday the update's context
    /// contradicts. The value is the earliest reading.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub uncertain: bool,
}

/// Where a document's reference date for relative time expressions came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorSource {
    Metadata,
    Text,
    /// A date the section itself states: an update's label, a dateline, a lead-in.
    Section,
}

impl AnchorSource {
    /// The name the dossier's JSON and the exported tables give this source.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorSource::Metadata => "metadata",
            AnchorSource::Text => "text",
            AnchorSource::Section => "section",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeAnchor {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub source: AnchorSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    Reporting,
    Opinion,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceVoice {
    /// Index into [`Segmentation::sentences`].
    pub sentence: usize,
    pub voice: Voice,
    /// Probability of `voice`, in `[0.5, 1]`.
    pub confidence: f32,
}

/// Whose words a piece of framing is: the author's own, or inside a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speech {
    Author,
    Quoted,
}

/// How a label is attached to the entity it describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelForm {
    /// A noun phrase set off by commas beside a name ("Eduard Kokoity, the rebel leader";
    /// "the rebel leader, Eduard Kokoity").
    Appositive,
    /// Words before a name in the same noun phrase ("Georgia's pro-Western president").
    Premodifier,
    /// A noun phrase after a copula ("X is a puppet", "X, who is a former general").
    Predicate,
    /// A description standing in for the name ("the Georgian dictator"), as resolved to it.
    Epithet,
}

/// A label the text attaches to an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
    pub form: LabelForm,
    /// Index into [`Analysis::mentions`]: the mention the label is attached to.
    pub mention: usize,
    /// Index into [`Analysis::local_entities`], when the mention is resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_entity: Option<usize>,
    pub voice: Speech,
    /// Index into [`Analysis::quotes`] when the label is inside a quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}

/// A loaded (evaluative, emotive or ideological) term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadedTerm {
    pub span: Span,
    pub text: String,
    /// Index into [`Segmentation::sentences`].
    pub sentence: usize,
    pub voice: Speech,
}

/// The tone of a text toward an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Negative,
    Neutral,
    Positive,
}

impl Tone {
    /// A score at least this far from zero is a negative or positive tone.
    pub const THRESHOLD: f64 = 0.15;

    /// The tone a score in `[-1, 1]` stands for.
    pub fn of_score(score: f64) -> Tone {
        if score <= -Tone::THRESHOLD {
            Tone::Negative
        } else if score >= Tone::THRESHOLD {
            Tone::Positive
        } else {
            Tone::Neutral
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Negative => "negative",
            Tone::Neutral => "neutral",
            Tone::Positive => "positive",
        }
    }
}

/// The author's tone toward one entity in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityTone {
    /// Index into [`Analysis::local_entities`].
    pub local_entity: usize,
    pub tone: Tone,
    /// The author-voice sentences' scores toward the entity, averaged with each sentence's
    /// salience (see `parallax_voice::tone`), in `[-1, 1]`.
    pub score: f32,
    /// How many author-voice sentences it was measured on.
    pub sentences: usize,
    /// The polar words that moved the score, outside quotations.
    #[serde(default)]
    pub evidence: Vec<Anchor>,
}

/// The tone of one sentence toward one entity it mentions, in the author's voice or in a
/// quoted one (then the tone is the quoted speaker's toward the entity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceTone {
    /// Index into [`Segmentation::sentences`].
    pub sentence: usize,
    /// Index into [`Analysis::local_entities`].
    pub local_entity: usize,
    /// Index into [`Analysis::mentions`]: the entity's first mention the judgement is about.
    pub mention: usize,
    pub tone: Tone,
    /// Probability of positive minus probability of negative, in `[-1, 1]`.
    pub score: f32,
    pub voice: Speech,
    /// Index into [`Analysis::quotes`] when the judgement is inside a quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
    /// The words that weighed most toward the tone (none when neutral).
    #[serde(default)]
    pub evidence: Vec<Anchor>,
}

/// A gazetteer entry: one place on Earth as GeoNames records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoPlace {
    pub geonames_id: u32,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames feature class: `A` (country, region), `P` (populated place), `L` (continent).
    pub feature_class: String,
    /// GeoNames feature code: `CONT`, `PCLI`, `ADM1`, `ADM2`, `PPLC` (capital) or `PPL`.
    pub feature_code: String,
    /// The country's name, when the place is in (or is) one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ISO 3166 alpha-2 code of the country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The first-level region (state, province) it lies in, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    pub population: u64,
}

/// A place named in the text, resolved to a gazetteer entry or left open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub text: String,
    /// Index into [`Analysis::mentions`] of the entity mention that names it or holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<usize>,
    /// The place it refers to, when the text decides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<GeoPlace>,
    /// When the text does not decide: the places it may be, most likely first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<GeoPlace>,
}

/// What an annotator returns: its items, and what it could not do. Annotators never fail.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotated<T> {
    pub items: Vec<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Annotated<T> {
    pub fn new(items: Vec<T>) -> Self {
        Annotated {
            items,
            diagnostics: Vec::new(),
        }
    }
}

impl<T> Default for Annotated<T> {
    fn default() -> Self {
        Annotated {
            items: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// Everything the per-document stage found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub doc: String,
    /// Version of the pipeline that produced it; a stored analysis of another version is redone.
    pub pipeline_version: String,
    pub segmentation: Segmentation,
    pub mentions: Vec<Mention>,
    pub local_entities: Vec<LocalEntity>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub times: Vec<TimeExpr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_anchor: Option<TimeAnchor>,
    #[serde(default)]
    pub voice: Vec<SentenceVoice>,
    /// Labels attached to entity mentions.
    #[serde(default)]
    pub labels: Vec<Label>,
    /// Loaded terms, in text order.
    #[serde(default)]
    pub loaded_terms: Vec<LoadedTerm>,
    /// The author's tone toward each entity mentioned in the author's voice.
    #[serde(default)]
    pub tones: Vec<EntityTone>,
    /// The tone of each sentence toward each entity it mentions, author's voice and quoted.
    #[serde(default)]
    pub sentence_tones: Vec<SentenceTone>,
    /// Coded events (who did what to whom), in text order.
    #[serde(default)]
    pub events: Vec<crate::Event>,
    /// Place names, geocoded.
    #[serde(default)]
    pub places: Vec<PlaceMention>,
    pub diagnostics: Vec<Diagnostic>,
}
