//! Coded events: who did what to whom, where and when, in one article (the per-document
//! [`Event`]) and across outlets (the dossier's [`DossierEvent`]).
//!
//! The categories are PLOVER's eighteen ([`EventType`]). An event keeps its evidence: the
//! trigger words, the sentence, each actor's words, and who reports it (the author, or the
//! speaker of the quotation it stands in). An event the text does not say happened (denied,
//! threatened, planned, hypothetical or negated) is kept with `asserted: false` and the reason,
//! so that a threat to strike is never counted as a strike.

use crate::{Anchor, Evidence, Span};
use serde::{Deserialize, Serialize};

/// The PLOVER event categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Demand,
    Reject,
    Threaten,
    Protest,
    Coerce,
    Fight,
    Disapprove,
    Assault,
    Retreat,
    Sanction,
    Support,
    Concede,
    Consult,
    Aid,
    Investigate,
    Mobilize,
    Cooperate,
}

impl EventType {
    pub const ALL: [EventType; 18] = [
        EventType::Agree,
        EventType::Demand,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Coerce,
        EventType::Fight,
        EventType::Disapprove,
        EventType::Assault,
        EventType::Retreat,
        EventType::Sanction,
        EventType::Support,
        EventType::Concede,
        EventType::Consult,
        EventType::Aid,
        EventType::Investigate,
        EventType::Mobilize,
        EventType::Cooperate,
    ];

    /// The category's name as PLOVER writes it ("ASSAULT").
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Demand => "DEMAND",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Coerce => "COERCE",
            EventType::Fight => "FIGHT",
            EventType::Disapprove => "DISAPPROVE",
            EventType::Assault => "ASSAULT",
            EventType::Retreat => "RETREAT",
            EventType::Sanction => "SANCTION",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Consult => "CONSULT",
            EventType::Aid => "AID",
            EventType::Investigate => "INVESTIGATE",
            EventType::Mobilize => "MOBILIZE",
            EventType::Cooperate => "COOPERATE",
        }
    }

    /// The category named `name` (PLOVER's spelling, any case).
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(name))
    }

    /// The family two reports of one event may word differently: material conflict (fight,
    /// assault, coerce), verbal conflict (threaten, demand, disapprove, reject), protest,
    /// cooperation (agree, consult, cooperate, support, aid, concede, retreat), and the rest each
    /// its own ("one outlet's shelling is another's attack").
    pub fn family(self) -> &'static str {
        match self {
            EventType::Fight | EventType::Assault | EventType::Coerce => "material-conflict",
            EventType::Threaten
            | EventType::Demand
            | EventType::Disapprove
            | EventType::Reject
            | EventType::Sanction => "verbal-conflict",
            EventType::Protest => "protest",
            EventType::Mobilize => "mobilize",
            EventType::Investigate => "investigate",
            EventType::Agree
            | EventType::Consult
            | EventType::Cooperate
            | EventType::Support
            | EventType::Aid
            | EventType::Concede
            | EventType::Retreat => "cooperation",
        }
    }
}

/// Why an event is not asserted as having happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonAssertion {
    /// Someone denies it happened ("Iran denied its drones entered the airspace").
    Denied,
    /// Someone threatens it ("threatened to strike").
    Threatened,
    /// It is planned, promised, demanded or expected, not done ("plans to withdraw").
    Planned,
    /// It is a condition or a possibility ("could strike", "if talks fail").
    Hypothetical,
    /// The text says it did not happen ("did not attack").
    Negated,
}

impl NonAssertion {
    pub fn as_str(self) -> &'static str {
        match self {
            NonAssertion::Denied => "denied",
            NonAssertion::Threatened => "threatened",
            NonAssertion::Planned => "planned",
            NonAssertion::Hypothetical => "hypothetical",
            NonAssertion::Negated => "negated",
        }
    }
}

/// One actor of an event: the words that name it, and what they resolve to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    pub span: Span,
    pub text: String,
    /// The actor as resolved in the document: the entity's name, the country a nationality
    /// names ("Iranian drones" → "Iran"), or the words themselves.
    pub name: String,
    /// Index into [`crate::Analysis::mentions`] when the actor is an entity mention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<usize>,
    /// Index into [`crate::Analysis::local_entities`] when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_entity: Option<usize>,
    /// The actor's sector when its words say it ("drones", "troops" → military; "police";
    /// "protesters" → civilians).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// TIMEX3 value ("2008-08-08", "2008-08", "2008-W32").
    pub value: String,
    /// Index into [`crate::Analysis::times`] of the sentence's time expression it comes from;
    /// `None` when it is the article's anchor date, the sentence naming no time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<usize>,
    /// True when the date is the article's anchor (publication) date, not stated.
    pub from_anchor: bool,
}

/// One coded event in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// How, where the text says it, in PLOVER's mode names ("airstrike", "heavy-weapons", "demo").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The words that code the event ("struck", "opened fire on").
    pub trigger: Anchor,
    pub source: Vec<EventActor>,
    pub target: Vec<EventActor>,
    /// The place mention of the event ("in Gori").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Anchor>,
    /// Index into [`crate::Analysis::places`] of the geocoded place the location names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// Index into [`crate::Segmentation::sentences`].
    pub sentence: usize,
    /// Index into [`crate::Analysis::quotes`] when the event is reported inside a quotation:
    /// its speaker reports it, not the author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
    /// False when the text does not say it happened; `reason` says why.
    pub asserted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NonAssertion>,
    /// The word that makes it not asserted ("denied", "threatened", "could", "not").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Anchor>,
}

/// One outlet's report of a cross-document event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventReport {
    /// The trigger in its document, with its sentence.
    pub evidence: Evidence,
    pub outlet: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The source and target actors as this report names them (resolved names).
    pub source: Vec<String>,
    pub target: Vec<String>,
    /// The location as the report writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The gazetteer entry the location resolves to, when the text decides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::GeoPlace>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// True when `date` is the article's anchor date, the sentence stating none.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_from_anchor: bool,
    /// Who reports it: the quoted speaker, or `None` for the author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    pub asserted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NonAssertion>,
    /// The word in the same document that makes it not asserted ("denied").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Anchor>,
}

/// The same real-world event as reported by one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierEvent {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// The type most reports give.
    #[serde(rename = "type")]
    pub event_type: EventType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The source and target actors most reports give.
    pub source: Vec<String>,
    pub target: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The gazetteer entry of the first report whose location resolves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::GeoPlace>,
    /// The earliest stated date of the reports, else the earliest anchor date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// True when no report states a date and `date` is an article's anchor date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_from_anchor: bool,
    /// Whether any report asserts it happened.
    pub asserted: bool,
    /// Distinct outlets and articles reporting it (GDELT's NumSources, NumArticles).
    pub num_sources: usize,
    pub num_articles: usize,
    pub outlets: Vec<String>,
    /// Where the reports disagree: "source" (who did it), "target", "asserted" (whether it
    /// happened).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<String>,
    pub reports: Vec<EventReport>,
}
