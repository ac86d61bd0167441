//! The dossier: the cross-source picture of a corpus, as written to `dossier.json`.
//!
//! Its shape is documented in `docs/dossier.md`; [`DOSSIER_VERSION`] changes whenever a field
//! changes meaning or disappears. Every item that quotes an article carries `doc`, `span`,
//! `text` and the `sentence` span that contains it.

use crate::{
    Anchor, Diagnostic, EntityType, Figure, MentionKind, QuoteKind, Span, TimeAnchor, TimeExpr,
};
use serde::{Deserialize, Serialize};

/// Version of the dossier format described in `docs/dossier.md`.
pub const DOSSIER_VERSION: u32 = 1;

/// What a document without a known outlet is listed under.
pub const UNKNOWN_OUTLET: &str = "unknown outlet";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    pub format: String,
    pub version: u32,
    pub documents: Vec<DossierDocument>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<DossierQuote>,
    pub figures: Vec<DossierFigure>,
    pub times: Vec<DossierTime>,
    /// Articles grouped by the real-world story they report.
    #[serde(default)]
    pub stories: Vec<Story>,
    /// Passages shared between articles of different outlets.
    #[serde(default)]
    pub reuse: Vec<ReusePassage>,
    /// The same statement as quoted by several articles.
    #[serde(default)]
    pub quote_groups: Vec<QuoteGroup>,
    /// Figures about the same thing, reconciled across outlets.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Non-numeric contested facts: a statement and the other side's denials of it.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// One timeline per story: dated items in time order with the outlets that report them.
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    /// Coded events, each merged across the outlets that report it.
    #[serde(default)]
    pub events: Vec<crate::DossierEvent>,
    /// Per story, the places its articles name, geocoded, with every mention.
    #[serde(default)]
    pub places: Vec<DossierPlace>,
    /// Per outlet: its articles, stories, exclusive claims and omissions.
    #[serde(default)]
    pub outlets: Vec<OutletProfile>,
    /// Inputs that could not be analyzed at all, with the reason.
    #[serde(default)]
    pub skipped: Vec<SkippedInput>,
}

impl Dossier {
    /// Each document's outlet name, by document id.
    pub fn outlets_by_doc(&self) -> std::collections::HashMap<&str, &str> {
        self.documents
            .iter()
            .map(|d| (d.id.as_str(), d.outlet_name()))
            .collect()
    }

    pub fn empty() -> Self {
        Dossier {
            format: "parallax-dossier".to_string(),
            version: DOSSIER_VERSION,
            documents: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            figures: Vec::new(),
            times: Vec::new(),
            stories: Vec::new(),
            reuse: Vec::new(),
            quote_groups: Vec::new(),
            claims: Vec::new(),
            disputes: Vec::new(),
            timeline: Vec::new(),
            events: Vec::new(),
            places: Vec::new(),
            outlets: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedInput {
    pub source: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierDocument {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub paragraphs: Vec<crate::Paragraph>,
    pub sentences: Vec<Span>,
    /// Each sentence's voice, parallel to `sentences` (empty when the voice annotator did not
    /// run).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voice: Vec<SentenceVoiceMark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_anchor: Option<TimeAnchor>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Characters of an untitled article's first line shown as its heading.
pub const HEADING_CHARS: usize = 80;

/// The voice of one sentence: reporting or the author's opinion, and the probability of it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentenceVoiceMark {
    pub voice: crate::Voice,
    pub confidence: f32,
}

impl DossierDocument {
    /// The outlet's name, or [`UNKNOWN_OUTLET`].
    pub fn outlet_name(&self) -> &str {
        self.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
    }

    /// What to call the article: its title, else its first line cut to [`HEADING_CHARS`]
    /// characters at a word (with "…"), so an untitled article is still recognisable.
    pub fn heading(&self) -> std::borrow::Cow<'_, str> {
        if let Some(title) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return std::borrow::Cow::Borrowed(title);
        }
        let line = self
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        if line.is_empty() {
            return std::borrow::Cow::Borrowed("(empty article)");
        }
        if line.chars().count() <= HEADING_CHARS {
            return std::borrow::Cow::Borrowed(line);
        }
        let cut = line
            .char_indices()
            .nth(HEADING_CHARS)
            .map_or(line.len(), |(i, _)| i);
        let cut = line[..cut]
            .rfind(' ')
            .filter(|&i| i > cut / 2)
            .unwrap_or(cut);
        std::borrow::Cow::Owned(format!("{}\u{2026}", line[..cut].trim_end()))
    }

    /// Index and span of the sentence containing the start of `span`, widened to cover all of
    /// `span`; the span itself (at the index it would have) when no sentence contains it.
    pub fn sentence_containing(&self, span: Span) -> (usize, Span) {
        let n = self.sentences.partition_point(|s| s.end <= span.start);
        let sentence = self
            .sentences
            .get(n)
            .copied()
            .filter(|s| s.start <= span.start)
            .unwrap_or(span);
        (n, sentence.cover(span))
    }
}

/// A reference to evidence: a span of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub span: Span,
    pub text: String,
    /// The sentence containing the span.
    pub sentence: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    #[serde(flatten)]
    pub evidence: Evidence,
    pub kind: MentionKind,
}

/// One real-world actor, resolved across documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<EntityMention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierQuote {
    pub id: String,
    #[serde(flatten)]
    pub evidence: Evidence,
    pub kind: QuoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Anchor>,
    /// Entity id of the speaker, when resolved.
    pub speaker: Option<String>,
    pub speaker_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Anchor>,
    /// Id of the quote group this statement belongs to, when other articles quote it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierFigure {
    pub id: String,
    pub doc: String,
    pub sentence: Span,
    #[serde(flatten)]
    pub figure: Figure,
    /// Entity id of who asserts it, when a quotation or attribution names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Who asserts it, as text: the speaker's words without a relative clause ("the official,
    /// who asked not to be named," → "the official"), else the outlet.
    pub asserted_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierTime {
    pub id: String,
    pub doc: String,
    pub sentence: Span,
    #[serde(flatten)]
    pub time: TimeExpr,
    /// The reference date used to normalize it, when it was relative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<TimeAnchor>,
}

/// Articles that report the same real-world story or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    /// A readable label: the title of the story's first article.
    pub label: String,
    /// Document ids, in publication order.
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// One passage found in several articles: pasted agency copy, a press release, a lifted paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusePassage {
    pub id: String,
    /// Similarity of the members' texts in [0, 1] (1 is verbatim).
    pub similarity: f64,
    /// The document that most likely had it first (the earliest published member).
    pub origin: Option<String>,
    pub members: Vec<Evidence>,
}

/// One statement quoted by several articles, verbatim, trimmed or lightly reworded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    pub id: String,
    /// The fullest wording among the members.
    pub canonical: String,
    /// Ids of the member quotes, in document order.
    pub quotes: Vec<String>,
    pub outlets: Vec<String>,
    /// Entity id of the speaker when the members that resolve one agree on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// How the figures of one claim relate to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Only one outlet makes the claim.
    SingleSource,
    /// Every outlet gives the same number.
    Agree,
    /// The numbers differ but their hedged ranges overlap ("at least 15" and "27").
    WithinHedges,
    /// The hedged ranges do not overlap.
    Conflict,
}

/// One outlet's figure within a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimFigure {
    /// Id of the figure in `figures`.
    pub figure: String,
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: Option<String>,
    pub asserted_by: Option<String>,
    /// Id of the same outlet's earlier figure that this one revises, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
}

/// Figures about the same thing (same story, category and counted group), side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    pub category: crate::FigureCategory,
    /// The counted group, e.g. "people", "peacekeepers", "armored vehicles".
    pub subject: String,
    pub status: ClaimStatus,
    /// UCDP-style estimates over each outlet's latest figure (see docs/dossier.md).
    pub low: Option<f64>,
    pub best: Option<f64>,
    pub high: Option<f64>,
    pub outlets: Vec<String>,
    pub figures: Vec<ClaimFigure>,
}

/// Counted groups already plural or without a plural (besides words ending in "s", "men" or
/// "ing").
const NO_PLURAL: [&str; 7] = [
    "people",
    "police",
    "personnel",
    "staff",
    "equipment",
    "population",
    "children",
];

impl Claim {
    /// What the claim counts, in words a reader expects: "people killed", "troops wounded",
    /// "tanks", "protesters".
    pub fn described(&self) -> String {
        let subject = self.subject.as_str();
        let code = self.category == crate::FigureCategory::Economic
            && subject.len() == 3
            && subject.chars().all(|c| c.is_ascii_alphabetic());
        let group = if code {
            // A currency code ("usd"): written as codes are; "job" stays a word.
            subject.to_uppercase()
        } else if ["s", "men", "ing"].iter().any(|end| subject.ends_with(end))
            || NO_PLURAL.contains(&subject)
        {
            subject.to_string()
        } else {
            format!("{subject}s")
        };
        let verb = match self.category {
            crate::FigureCategory::Fatalities => " killed",
            crate::FigureCategory::Injuries => " injured",
            crate::FigureCategory::Displaced => " displaced",
            crate::FigureCategory::Arrests => " arrested",
            _ => "",
        };
        format!("{group}{verb}")
    }

    /// Each vague amount among the claim's figures as its words and the range they stand for
    /// ("hundreds: 100\u{2013}999"), once each: a reader must not take a bound for a count.
    pub fn vague_amounts(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in self.figures.iter().filter(|f| f.value.is_none()) {
            let (Some(low), Some(high)) = (f.low, f.high) else {
                continue;
            };
            let line = format!(
                "{}: {}\u{2013}{}",
                f.text.to_lowercase(),
                crate::text::format_amount(low),
                crate::text::format_amount(high)
            );
            if !out.contains(&line) {
                out.push(line);
            }
        }
        out
    }
}

/// One side of a dispute: a quoted or attributed statement with who made it and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeStatement {
    /// Id of the quote in `quotes`.
    pub quote: String,
    #[serde(flatten)]
    pub evidence: Evidence,
    /// Entity id of the speaker, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub speaker_text: Option<String>,
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// A contested non-numeric fact: one actor's statement and another actor's denials of it
/// ("Georgia says it shot down two jets; Russia denies any entered its airspace").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The words the claim and its denials share: what the dispute is about.
    pub about: Vec<String>,
    pub claim: DisputeStatement,
    pub denials: Vec<DisputeStatement>,
}

/// A place of one story: the mentions that name it, across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierPlace {
    /// `pl1`, `pl2`, … in dossier order.
    pub id: String,
    /// The story (id in [`Dossier::stories`]), when the articles belong to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The gazetteer's name of the place, or the words used when it stays open.
    pub name: String,
    /// The place, when the mentions resolve to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::GeoPlace>,
    /// When the text does not decide: what it may be, most likely first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<crate::GeoPlace>,
    pub outlets: Vec<String>,
    /// Each mention, its span the place name.
    pub mentions: Vec<Evidence>,
}

/// One dated item of a story's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The normalized date (TIMEX3 value, day granularity or coarser).
    pub date: String,
    pub outlets: Vec<String>,
    /// The sentences that date something to this day, with the time expression as span.
    pub evidence: Vec<Evidence>,
    /// Ids of the events (in [`Dossier::events`]) dated to this day, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

/// What one outlet contributes to the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletProfile {
    pub outlet: String,
    pub documents: Vec<String>,
    pub stories: Vec<String>,
    /// Claims only this outlet makes.
    pub exclusive_claims: Vec<String>,
    /// Claims in its stories that at least two other outlets make and it does not.
    pub omitted_claims: Vec<String>,
    /// Share of its own sentences (block quotes left out) classified as opinion.
    pub opinion_share: f64,
    /// Its own sentences (block quotes left out), and how many of them read as opinion.
    #[serde(default)]
    pub sentences: usize,
    #[serde(default)]
    pub opinion_sentences: usize,
    /// Per actor: the labels this outlet attaches to it and its tone toward it, in the order
    /// of `entities` (most mentioned first).
    #[serde(default)]
    pub actors: Vec<OutletActor>,
    /// Loaded terms this outlet uses, most used in its own voice first.
    #[serde(default)]
    pub loaded_terms: Vec<OutletTerm>,
}

/// How one outlet names and treats one actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletActor {
    /// Entity id.
    pub entity: String,
    /// Every label attached to the actor in the outlet's articles, in document then text order.
    pub labels: Vec<OutletLabel>,
    /// The outlet's tone toward the actor, over the author-voice sentences mentioning it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<ActorTone>,
    /// What the people it quotes say of the actor: the quotations whose tone toward it is not
    /// neutral, in document then text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quoted_tones: Vec<QuotedTone>,
}

/// A quoted speaker's tone toward an actor in one quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotedTone {
    /// The quotation (its content) as evidence.
    #[serde(flatten)]
    pub evidence: Evidence,
    /// Entity id of the speaker, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The words naming the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<String>,
    pub tone: crate::Tone,
    pub score: f64,
    /// The words that weighed most toward the tone.
    #[serde(default)]
    pub words: Vec<Evidence>,
}

/// The tone of one author-voice sentence toward an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToneSentence {
    /// The sentence's span in the article.
    pub sentence: Span,
    pub tone: crate::Tone,
    pub score: f64,
    /// The words that weighed most toward the tone (none when neutral).
    #[serde(default)]
    pub words: Vec<Evidence>,
}

/// One label as written, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletLabel {
    #[serde(flatten)]
    pub evidence: Evidence,
    pub form: crate::LabelForm,
    pub voice: crate::Speech,
}

/// Tone toward an actor over several articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorTone {
    pub tone: crate::Tone,
    /// Mean of the articles' scores weighted by their sentences, in `[-1, 1]`.
    pub score: f64,
    pub sentences: usize,
    pub documents: Vec<DocumentTone>,
}

/// Tone toward an actor in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentTone {
    pub doc: String,
    pub tone: crate::Tone,
    pub score: f64,
    pub sentences: usize,
    /// The words that moved the score.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Each author-voice sentence's tone toward the actor, in text order.
    #[serde(default)]
    pub by_sentence: Vec<ToneSentence>,
}

/// A loaded term as used by one outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletTerm {
    /// The term, lowercased.
    pub term: String,
    /// Uses in the outlet's own voice.
    pub author: usize,
    /// Uses inside quotations.
    pub quoted: usize,
    /// Up to [`MAX_TERM_EVIDENCE`] uses, own voice first.
    pub evidence: Vec<Evidence>,
}

/// Most uses of a loaded term kept as evidence per outlet.
pub const MAX_TERM_EVIDENCE: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: Option<&str>, text: &str) -> DossierDocument {
        DossierDocument {
            id: "d".into(),
            text: text.into(),
            title: title.map(str::to_string),
            outlet: None,
            published: None,
            source: "s".into(),
            url: None,
            authors: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            voice: Vec::new(),
            time_anchor: None,
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn claims_read_as_words() {
        let mut claim = Claim {
            id: "c".into(),
            story: None,
            category: crate::FigureCategory::Fatalities,
            subject: "people".into(),
            status: ClaimStatus::Conflict,
            low: Some(100.0),
            best: Some(100.0),
            high: Some(999.0),
            outlets: Vec::new(),
            figures: Vec::new(),
        };
        assert_eq!(claim.described(), "people killed");
        claim.category = crate::FigureCategory::Forces;
        claim.subject = "tank".into();
        assert_eq!(claim.described(), "tanks");
        for (subject, described) in [("job", "jobs"), ("women", "women"), ("running", "running")] {
            claim.subject = subject.into();
            assert_eq!(claim.described(), described);
        }
        claim.category = crate::FigureCategory::Economic;
        claim.subject = "usd".into();
        assert_eq!(claim.described(), "USD");
        claim.figures.push(ClaimFigure {
            figure: "f".into(),
            doc: "d".into(),
            outlet: None,
            published: None,
            text: "hundreds".into(),
            value: None,
            low: Some(100.0),
            high: Some(999.0),
            hedge: None,
            asserted_by: None,
            revises: None,
        });
        let mut capitalized = claim.figures[0].clone();
        capitalized.text = "Hundreds".into();
        claim.figures.push(capitalized);
        assert_eq!(claim.vague_amounts(), vec!["hundreds: 100\u{2013}999"]);
    }

    #[test]
    fn untitled_articles_are_headed_by_their_first_line() {
        assert_eq!(doc(Some("Flood"), "Text.").heading(), "Flood");
        assert_eq!(
            doc(Some(" "), "\n\nWater rose.\nMore.").heading(),
            "Water rose."
        );
        let long = "word ".repeat(40);
        let untitled = doc(None, &long);
        let heading = untitled.heading();
        assert!(
            heading.ends_with("word\u{2026}") && heading.chars().count() <= HEADING_CHARS + 1,
            "{heading}"
        );
        assert_eq!(doc(None, "  ").heading(), "(empty article)");
    }
}
