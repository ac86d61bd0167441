//! The report's sections, one function each. All text goes through maud's escaping.

use crate::limits;
use maud::{html, Markup};
use parallax_core::{Dossier, DossierDocument, Span, Story, Voice};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Lookups shared by the sections: documents by id, in dossier order, and which articles the
/// report shows whole or as one line (see [`crate::limits`]).
pub struct Index<'d> {
    docs: HashMap<&'d str, &'d DossierDocument>,
    entity_names: HashMap<&'d str, &'d str>,
    /// Articles in the order the report shows them: those of the most covered stories first.
    order: Vec<&'d DossierDocument>,
    /// How each article is shown: its whole text, or one line of the articles list.
    shown: HashMap<&'d str, Shown>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Text,
    Line,
}

/// The stories, those covered by the most outlets (then articles) first; ties keep the
/// dossier's order.
pub fn ranked_stories(dossier: &Dossier) -> Vec<&Story> {
    let mut stories: Vec<&Story> = dossier.stories.iter().collect();
    stories.sort_by_key(|s| std::cmp::Reverse((s.outlets.len(), s.documents.len())));
    stories
}

impl<'d> Index<'d> {
    pub fn new(dossier: &'d Dossier) -> Self {
        let docs: HashMap<&str, &DossierDocument> = dossier
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect();
        let mut order: Vec<&DossierDocument> = Vec::with_capacity(docs.len());
        let mut seen: HashSet<&str> = HashSet::with_capacity(docs.len());
        let in_stories = ranked_stories(dossier).into_iter().flat_map(|s| {
            s.documents
                .iter()
                .filter_map(|id| docs.get(id.as_str()).copied())
        });
        for doc in in_stories.chain(dossier.documents.iter()) {
            if seen.insert(doc.id.as_str()) {
                order.push(doc);
            }
        }
        let shown = order
            .iter()
            .take(limits::ARTICLE_TEXTS + limits::ARTICLE_LINES)
            .enumerate()
            .map(|(i, d)| {
                let how = if i < limits::ARTICLE_TEXTS {
                    Shown::Text
                } else {
                    Shown::Line
                };
                (d.id.as_str(), how)
            })
            .collect();
        Index {
            docs,
            entity_names: dossier
                .entities
                .iter()
                .map(|e| (e.id.as_str(), e.name.as_str()))
                .collect(),
            order,
            shown,
        }
    }

    pub fn outlet(&self, doc: &str) -> &'d str {
        self.docs
            .get(doc)
            .map_or(parallax_core::UNKNOWN_OUTLET, |d| d.outlet_name())
    }
}

fn sentence_anchor(doc: &str, n: usize) -> String {
    format!("s-{doc}-{n}")
}

impl Index<'_> {
    /// The anchor of an article: its text when shown whole, else its line, else the list.
    pub fn article_anchor(&self, doc: &str) -> String {
        match self.shown.get(doc) {
            Some(_) => format!("doc-{doc}"),
            None => "articles".into(),
        }
    }

    /// The anchor of the sentence of `doc` that contains `span`; for an article not shown whole,
    /// its line in the articles list, or the list itself.
    pub fn sentence_anchor_of(&self, doc: &str, span: Span) -> String {
        match self.shown.get(doc) {
            Some(Shown::Text) => {
                let n = self
                    .docs
                    .get(doc)
                    .map_or(0, |d| d.sentence_containing(span).0);
                sentence_anchor(doc, n)
            }
            Some(Shown::Line) => format!("doc-{doc}"),
            None => "articles".into(),
        }
    }
}

/// A link to the sentence of `doc` containing `span`, showing that sentence with `span` marked.
pub fn evidence(index: &Index, doc: &str, span: Span) -> Markup {
    let Some(document) = index.docs.get(doc) else {
        return html! {};
    };
    let (_, sentence) = document.sentence_containing(span);
    let text = &document.text;
    let before = text.get(sentence.start..span.start).unwrap_or("");
    let marked = text.get(span.start..span.end).unwrap_or("");
    let after = text.get(span.end..sentence.end).unwrap_or("");
    html! {
        a.ctx href={ "#" (index.sentence_anchor_of(doc, span)) } {
            (before) mark { (marked) } (after)
        }
    }
}

pub fn summary(dossier: &Dossier) -> Markup {
    let outlets: std::collections::BTreeSet<&str> = dossier
        .documents
        .iter()
        .filter_map(|d| d.outlet.as_deref())
        .collect();
    let dates: Vec<&str> = dossier
        .documents
        .iter()
        .filter_map(|d| d.published.as_deref())
        .collect();
    let first = dates.iter().min().map(|d| d.get(..10).unwrap_or(d));
    let last = dates.iter().max().map(|d| d.get(..10).unwrap_or(d));
    html! {
        p.summary {
            (dossier.documents.len()) " articles from " (outlets.len()) " outlets"
            @if let (Some(first), Some(last)) = (first, last) { ", " (first) " to " (last) }
            " · " (dossier.entities.len()) " entities · " (dossier.quotes.len()) " quotes · "
            (dossier.figures.len()) " figures · " (dossier.times.len()) " dates"
            @if !dossier.skipped.is_empty() { " · " (dossier.skipped.len()) " inputs skipped" }
        }
    }
}

pub fn entities(dossier: &Dossier, index: &Index) -> Markup {
    html! {
        section #entities {
            h2 { "Entities" }
            table {
                tr { th { "Name" } th { "Type" } th { "Also called" } th { "Roles" } th { "Mentions by outlet" } th { "First mention" } }
                @for entity in limits::cut(&dossier.entities, limits::ROWS) {
                    @let mut by_outlet: BTreeMap<&str, usize> = BTreeMap::new();
                    @for m in &entity.mentions { (count(&mut by_outlet, index.outlet(&m.evidence.doc))) }
                    tr #{ "entity-" (entity.id) } {
                        td { strong { (entity.name) } }
                        td { span.tag { (entity.entity_type.as_str()) } }
                        td { (entity.aliases.join("; ")) }
                        td { (entity.roles.join("; ")) }
                        td { (outlet_counts(&by_outlet)) }
                        td { @if let Some(m) = entity.mentions.first() { (evidence(index, &m.evidence.doc, m.evidence.span)) } }
                    }
                }
            }
            (limits::note(dossier.entities.len().min(limits::ROWS), dossier.entities.len(), "entities"))
        }
    }
}

/// Mentions per outlet, the outlets with most first, cut to [`limits::MEMBERS`].
fn outlet_counts(by_outlet: &BTreeMap<&str, usize>) -> Markup {
    let mut counts: Vec<(&str, usize)> = by_outlet.iter().map(|(o, n)| (*o, *n)).collect();
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    html! {
        @for (outlet, n) in limits::cut(&counts, limits::MEMBERS) { span.tag { (outlet) " " (n) } }
        (limits::more(counts.len().min(limits::MEMBERS), counts.len()))
    }
}

fn count<'a>(map: &mut BTreeMap<&'a str, usize>, key: &'a str) -> Markup {
    *map.entry(key).or_default() += 1;
    html! {}
}

pub fn quotes(dossier: &Dossier, index: &Index) -> Markup {
    html! {
        section #quotes {
            h2 { "Quotes" }
            table {
                tr { th { "Speaker" } th { "Quote (in its sentence)" } th { "Kind" } th { "Cue" } th { "Outlet" } }
                @for q in limits::cut(&dossier.quotes, limits::ROWS) {
                    tr {
                        td {
                            @if let Some(name) = q.speaker.as_deref().and_then(|id| index.entity_names.get(id)) {
                                a href={ "#entity-" (q.speaker.as_deref().unwrap_or("")) } { (name) }
                                @if let Some(t) = &q.speaker_text { @if t != name { br; span.ctx { "as “" (t) "”" } } }
                            } @else if let Some(t) = &q.speaker_text { (t) span.ctx { " (unresolved)" } }
                            @else { span.ctx { "unattributed" } }
                        }
                        td { (evidence(index, &q.evidence.doc, q.evidence.span)) }
                        td { span.tag { (format!("{:?}", q.kind).to_lowercase()) } }
                        td { @if let Some(c) = &q.cue { (c.text) } }
                        td { (index.outlet(&q.evidence.doc)) }
                    }
                }
            }
            (limits::note(dossier.quotes.len().min(limits::ROWS), dossier.quotes.len(), "quotes"))
        }
    }
}

pub use parallax_core::text::format_number as number;

pub fn figures(dossier: &Dossier, index: &Index) -> Markup {
    html! {
        section #figures {
            h2 { "Figures" }
            table {
                tr { th { "Value" } th { "Range" } th { "Hedge" } th { "Counts" } th { "Category" } th { "Asserted by" } th { "Outlet" } th { "Sentence" } }
                @for f in limits::cut(&dossier.figures, limits::ROWS) {
                    tr {
                        td.num { @if let Some(v) = f.figure.value { (number(v)) } @else { "—" } }
                        td.num {
                            (f.figure.low.map(number).unwrap_or_else(|| "…".into())) " – "
                            (f.figure.high.map(number).unwrap_or_else(|| "…".into()))
                        }
                        td { (f.figure.hedge.as_deref().unwrap_or("")) }
                        td { (f.figure.counted.as_ref().map(|c| c.text.as_str()).or(f.figure.unit.as_deref()).unwrap_or("")) }
                        td { span.tag { (format!("{:?}", f.figure.category).to_lowercase()) } }
                        td { (f.asserted_by.as_deref().unwrap_or("")) }
                        td { (index.outlet(&f.doc)) }
                        td { (evidence(index, &f.doc, f.figure.span)) }
                    }
                }
            }
            (limits::note(dossier.figures.len().min(limits::ROWS), dossier.figures.len(), "figures"))
        }
    }
}

pub fn times(dossier: &Dossier, index: &Index) -> Markup {
    let mut order: Vec<&parallax_core::DossierTime> = dossier.times.iter().collect();
    order.sort_by(|a, b| a.time.value.cmp(&b.time.value));
    html! {
        section #times {
            h2 { "Dates and times, in time order" }
            table {
                tr { th { "Value" } th { "Type" } th { "As written" } th { "Anchored on" } th { "Outlet" } th { "Sentence" } }
                @for t in limits::cut(&order, limits::ROWS) {
                    tr {
                        td.num { (t.time.value) }
                        td { span.tag { (format!("{:?}", t.time.timex_type).to_uppercase()) } }
                        td { (t.time.text) }
                        td { @if let Some(a) = &t.anchor { (a.date) " (" (format!("{:?}", a.source).to_lowercase()) ")" } }
                        td { (index.outlet(&t.doc)) }
                        td { (evidence(index, &t.doc, t.time.span)) }
                    }
                }
            }
            (limits::note(order.len().min(limits::ROWS), order.len(), "dates"))
        }
    }
}

pub fn skipped(dossier: &Dossier) -> Markup {
    html! {
        @if !dossier.skipped.is_empty() {
            section #skipped {
                h2 { "Inputs that could not be analyzed" }
                table {
                    tr { th { "Input" } th { "Reason" } }
                    @for s in limits::cut(&dossier.skipped, limits::ROWS) { tr { td { (s.source) } td { (s.reason) } } }
                }
                (limits::note(dossier.skipped.len().min(limits::ROWS), dossier.skipped.len(), "skipped inputs"))
            }
        }
    }
}

pub fn articles(index: &Index) -> Markup {
    let mut by_outlet: BTreeMap<&str, Vec<&DossierDocument>> = BTreeMap::new();
    let mut lines: Vec<&DossierDocument> = Vec::new();
    for doc in &index.order {
        match index.shown.get(doc.id.as_str()) {
            Some(Shown::Text) => by_outlet.entry(doc.outlet_name()).or_default().push(doc),
            Some(Shown::Line) => lines.push(doc),
            None => {}
        }
    }
    let whole = index.order.len().min(limits::ARTICLE_TEXTS);
    html! {
        section #articles {
            h2 { "Articles, side by side by outlet" }
            p.legend { span.s.opinion { "Underlined sentences" } " read as the author's opinion; the others report. Hover a marked sentence for the classifier's confidence." }
            (limits::note(whole, index.order.len(), "article texts (those of the stories most outlets cover)"))
            div.outlets {
                @for (outlet, docs) in &by_outlet {
                    div.outlet {
                        h3 { (outlet) " " span.tag { (docs.len()) } }
                        @for doc in docs { (article(doc)) }
                    }
                }
            }
            @if !lines.is_empty() {
                h3 { "Other articles" }
                ul.article-lines {
                    @for doc in &lines { (article_line(doc)) }
                }
                (limits::note(whole + lines.len(), index.order.len(), "articles"))
            }
        }
    }
}

/// An article as one line: its title, outlet, date and address, the target of its items' links.
fn article_line(doc: &DossierDocument) -> Markup {
    html! {
        li #{ "doc-" (doc.id) } {
            strong { (doc.heading()) } " " span.tag { (doc.outlet_name()) }
            span.ctx { (doc.published.as_deref().map_or("undated", |p| p.get(..10).unwrap_or(p))) " · " (doc.url.as_deref().unwrap_or(&doc.source)) }
        }
    }
}

fn article(doc: &DossierDocument) -> Markup {
    // A text whose first paragraph is its headline shows it once, as the heading.
    let heading = doc.heading();
    let headline_in_text = doc.paragraphs.first().is_some_and(|p| {
        p.role == parallax_core::ParagraphRole::Headline
            && doc.text.get(p.span.start..p.span.end).map(str::trim) == Some(heading.trim())
    });
    // Internal diagnostics are for the dossier's JSON, not for readers.
    html! {
        article #{ "doc-" (doc.id) } {
            @if !headline_in_text { h4 { (heading) } }
            div.meta {
                (doc.published.as_deref().unwrap_or("undated"))
                @if !doc.authors.is_empty() { " · " (doc.authors.join(", ")) }
                " · " (doc.url.as_deref().unwrap_or(&doc.source))
            }
            @for p in &doc.paragraphs {
                p class={ "role-" (p.role.as_str()) } {
                    (paragraph_sentences(doc, p.span))
                }
            }
        }
    }
}

/// The paragraph's text with each sentence wrapped in a targetable span.
fn paragraph_sentences(doc: &DossierDocument, para: Span) -> Markup {
    let first = doc.sentences.partition_point(|s| s.end <= para.start);
    let mut pieces: Vec<(Option<usize>, &str)> = Vec::new();
    let mut at = para.start;
    for (n, s) in doc.sentences.iter().enumerate().skip(first) {
        if s.start >= para.end {
            break;
        }
        pieces.push((None, doc.text.get(at..s.start).unwrap_or("")));
        pieces.push((Some(n), doc.text.get(s.start..s.end).unwrap_or("")));
        at = s.end;
    }
    pieces.push((None, doc.text.get(at..para.end.max(at)).unwrap_or("")));
    html! {
        @for (n, text) in pieces {
            @if let Some(n) = n {
                @if let Some(v) = doc.voice.get(n).filter(|v| v.voice == Voice::Opinion) {
                    span.s.opinion id=(sentence_anchor(&doc.id, n)) title=(format!("opinion ({:.0}%)", v.confidence * 100.0)) { (text) }
                } @else {
                    span.s id=(sentence_anchor(&doc.id, n)) { (text) }
                }
            } @else { (text) }
        }
    }
}
