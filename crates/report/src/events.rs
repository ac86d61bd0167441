//! The events table of the report: per story, who did what to whom, where and when, with the
//! outlets reporting it and each report's trigger marked in its sentence (linked to it).

use crate::sections::{evidence, Index};
use maud::{html, Markup};
use parallax_core::{Dossier, DossierEvent};
use std::collections::HashMap;

/// Actor names joined, or a dash for none.
pub fn names(list: &[String]) -> String {
    if list.is_empty() {
        "—".to_string()
    } else {
        list.join(", ")
    }
}

/// What happened as a reader sees it: the type, its mode, and why it is not asserted.
pub fn what(e: &DossierEvent) -> String {
    let mut s = e.event_type.as_str().to_string();
    if let Some(mode) = &e.mode {
        s.push_str(&format!(" ({mode})"));
    }
    if !e.asserted {
        let reasons: Vec<&str> = e
            .reports
            .iter()
            .filter_map(|r| r.reason.map(|r| r.as_str()))
            .collect();
        s.push_str(&format!(" — not asserted: {}", reasons.join(", ")));
    }
    s
}

pub fn events(dossier: &Dossier, index: &Index) -> Markup {
    let labels: HashMap<&str, &str> = dossier
        .stories
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    let mut by_story: Vec<(Option<&str>, Vec<&DossierEvent>)> = Vec::new();
    for e in crate::limits::cut(&dossier.events, crate::limits::ROWS) {
        let story = e.story.as_deref();
        match by_story.iter_mut().find(|(s, _)| *s == story) {
            Some((_, list)) => list.push(e),
            None => by_story.push((story, vec![e])),
        }
    }
    html! {
        section #events {
            h2 { "Events" }
            p.ctx { "Who did what to whom, where and when (PLOVER categories), merged across the outlets that report it; a report inside a quotation is the speaker's. See docs/dossier.md." }
            @if dossier.events.is_empty() { p.ctx { "No event was coded." } }
            @for (story, list) in &by_story {
                h3 { (story.and_then(|s| labels.get(s).copied()).unwrap_or("Articles in no story")) }
                table {
                    tr { th { "Who" } th { "Did what" } th { "To whom" } th { "Where" } th { "When" } th { "Outlets" } th { "Reports" } }
                    @for e in list {
                        tr #{ "event-" (e.id) } {
                            td { (names(&e.source)) }
                            td { (what(e)) @for d in &e.disagreements { " " span.tag { "outlets disagree: " (d) } } }
                            td { (names(&e.target)) }
                            td {
                                (e.location.as_deref().unwrap_or("—"))
                                @if let Some(p) = &e.place {
                                    " " span.ctx { "(" (p.name) @if let Some(c) = &p.country { ", " (c) } ")" }
                                }
                            }
                            td { (e.date.as_deref().unwrap_or("—")) @if e.date_from_anchor { " " span.ctx { "(publication date)" } } }
                            td { (e.outlets.join(", ")) " " span.ctx { "(" (e.num_sources) " outlets, " (e.num_articles) " articles)" } }
                            td {
                                @for r in crate::limits::cut(&e.reports, crate::limits::MEMBERS) {
                                    div {
                                        span.tag { (r.outlet) }
                                        @if let Some(by) = &r.reported_by { " " span.ctx { "according to " (by) } }
                                        @if !r.source.is_empty() { " " span.ctx { "by " (r.source.join(", ")) } }
                                        br;
                                        (evidence(index, &r.evidence.doc, r.evidence.span))
                                    }
                                }
                                (crate::limits::more(e.reports.len().min(crate::limits::MEMBERS), e.reports.len()))
                            }
                        }
                    }
                }
            }
            (crate::limits::note(dossier.events.len().min(crate::limits::ROWS), dossier.events.len(), "events"))
        }
    }
}
