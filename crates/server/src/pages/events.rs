//! The story page's events table: who did what to whom, where and when (PLOVER categories and
//! our own DISASTER and CRIME kinds), merged across outlets, each report's trigger linked to
//! its sentence in its article. The same events are in `/api/events?story=…`.

use super::{context, cut_note, outlet_link, LIST_LIMIT};
use crate::links;
use crate::state::Corpus;
use maud::{html, Markup};
use parallax_core::{DossierEvent, Story};
use parallax_report::events::{names, what};

/// Reports shown per event: one event of a large corpus can be reported by thousands.
const REPORTS: usize = 8;

pub fn section(corpus: &Corpus, story: &Story) -> Markup {
    let events: Vec<&DossierEvent> = corpus
        .dossier
        .events
        .iter()
        .filter(|e| Corpus::in_story(&story.id, e.story.as_deref()))
        .collect();
    html! {
        section #events {
            h2 { "Events" }
            p.note { "Who did what to whom, where and when, merged across the outlets that report it. An event reported inside a quotation is the speaker's account. Click a report to see its sentence." }
            @if events.is_empty() { p.empty { "No event was coded in this story." } }
            @else {
                div.scroll {
                    table.events {
                        thead { tr {
                            th { "Who" } th { "Did what" } th { "To whom" } th { "Where" } th { "When" } th { "Outlets" } th { "Reports" }
                        } }
                        tbody {
                            @for e in events.iter().take(LIST_LIMIT) { (row(corpus, e)) }
                        }
                    }
                }
                (cut_note(events.len().min(LIST_LIMIT), events.len(), &format!("/api/events{}", links::query(&[("story", &story.id)]))))
            }
        }
    }
}

fn row(corpus: &Corpus, e: &DossierEvent) -> Markup {
    html! {
        tr id={ "event-" (e.id) } class=[(!e.asserted).then_some("unasserted")] {
            td { (names(&e.source)) }
            td {
                strong { (what(e)) }
                @for d in &e.disagreements { " " span.tag.st-conflict { "outlets disagree: " (d) } }
            }
            td { (names(&e.target)) }
            td {
                (e.location.as_deref().unwrap_or("—"))
                // The gazetteer's place, when it says more than the words of the text.
                @if let Some(p) = e.place.as_ref().filter(|p| e.location.as_deref() != Some(p.name.as_str()) || p.country.as_ref().is_some_and(|c| *c != p.name)) {
                    " " span.note { "(" (p.name) @if let Some(c) = &p.country { @if *c != p.name { ", " (c) } } ")" }
                }
            }
            td {
                (e.date.as_deref().unwrap_or("—"))
                @if e.date_from_anchor { " " span.note { "(publication date)" } }
            }
            td {
                @for o in &e.outlets { (outlet_link(o)) " " }
                br; span.note { (e.num_sources) " outlets, " (e.num_articles) " articles" }
            }
            td {
                @for r in e.reports.iter().take(REPORTS) {
                    div.report {
                        span.tag { (r.outlet) }
                        @if let Some(by) = &r.reported_by { " " span.note { "according to " (by) } }
                        @if let Some(reason) = r.reason { " " span.note { "(" (reason.as_str()) ")" } }
                        br;
                        (context(corpus, &r.evidence.doc, r.evidence.span))
                    }
                }
                @if e.reports.len() > REPORTS { div.note { "and " (e.reports.len() - REPORTS) " more reports" } }
            }
        }
    }
}
