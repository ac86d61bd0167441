//! `events`: one row per report of a coded event: which cross-outlet event it belongs to, its
//! PLOVER type and mode, who did it to whom (names, and entity ids where the actor's words are
//! an entity mention), where (the words, the story place and the gazetteer entry), when,
//! whether the text says it happened, and who reports it. The location is the trigger.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::{Analysis, Event, EventActor, EventReport};

pub struct Events;

static SCHEMA: TableSchema = TableSchema {
    name: "events",
    per_document: true,
    columns: item_columns!(
        [col("report_id", Label), col("event_id", Label)],
        [
            col("type", Label),
            col("mode", Label),
            col("source", List),
            col("source_entity_ids", List),
            col("target", List),
            col("target_entity_ids", List),
            col("location", Text),
            col("place_id", Label),
            col("geonames_id", Int),
            col("place_name", Label),
            col("country_code", Label),
            col("lat", Float),
            col("lon", Float),
            col("date", Label),
            col("date_from_anchor", Bool),
            col("asserted", Bool),
            col("reason", Label),
            col("modality", Text),
            col("modality_byte_start", Int),
            col("modality_byte_end", Int),
            col("reported_by", Text),
            col("outlet", Label),
            col("event_outlets", Int),
            col("event_articles", Int),
            col("event_disagreements", List),
        ]
    ),
};

impl Table for Events {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        let doc_id = &source.document(d).id;
        let analysis = source.analysis(d);
        for (n, &(e, r)) in source.index[d].events.iter().enumerate() {
            let event = &source.dossier.events[e];
            let report = &event.reports[r];
            let coded = analysis.and_then(|a| coded(a, report));
            let source_ids = entity_ids(source, d, coded.map(|(a, ev)| (a, &ev.source[..])));
            let target_ids = entity_ids(source, d, coded.map(|(a, ev)| (a, &ev.target[..])));
            let place_id = coded
                .and_then(|(a, ev)| a.places.get(ev.place?))
                .and_then(|p| source.place_at(d, p.span));
            let place = report.place.as_ref();
            let modality = report.modality.as_ref();
            let report_id = format!("{doc_id}:ev{}", n + 1);
            let at = located(source, d, report.evidence.span);
            out.row(&row(
                &[Cell::Str(&report_id), Cell::Str(&event.id)],
                &at,
                &[
                    Cell::Str(report.event_type.as_str()),
                    Cell::opt_str(
                        coded
                            .and_then(|(_, ev)| ev.mode.as_deref())
                            .or(event.mode.as_deref()),
                    ),
                    Cell::List(&report.source),
                    Cell::List(&source_ids),
                    Cell::List(&report.target),
                    Cell::List(&target_ids),
                    Cell::opt_str(report.location.as_deref()),
                    Cell::opt_str(place_id),
                    Cell::opt_int(place.map(|p| i64::from(p.geonames_id))),
                    Cell::opt_str(place.map(|p| p.name.as_str())),
                    Cell::opt_str(place.and_then(|p| p.country_code.as_deref())),
                    Cell::opt_float(place.map(|p| p.lat)),
                    Cell::opt_float(place.map(|p| p.lon)),
                    Cell::opt_str(report.date.as_deref()),
                    Cell::Bool(report.date_from_anchor),
                    Cell::Bool(report.asserted),
                    Cell::opt_str(report.reason.map(|r| r.as_str())),
                    Cell::opt_str(modality.map(|m| m.text.as_str())),
                    Cell::opt_int(modality.map(|m| m.span.start as i64)),
                    Cell::opt_int(modality.map(|m| m.span.end as i64)),
                    Cell::opt_str(report.reported_by.as_deref()),
                    Cell::Str(&report.outlet),
                    Cell::count(event.num_sources),
                    Cell::count(event.num_articles),
                    Cell::List(&event.disagreements),
                ],
            ))?;
        }
        Ok(())
    }
}

/// The article's own coded event behind `report` (same trigger, same type).
fn coded<'a>(analysis: &'a Analysis, report: &EventReport) -> Option<(&'a Analysis, &'a Event)> {
    analysis
        .events
        .iter()
        .find(|ev| ev.trigger.span == report.evidence.span && ev.event_type == report.event_type)
        .map(|ev| (analysis, ev))
}

/// The entity id of each actor (`""` where its words are no entity mention), in order.
fn entity_ids(
    source: &Source,
    d: usize,
    actors: Option<(&Analysis, &[EventActor])>,
) -> Vec<String> {
    let Some((analysis, actors)) = actors else {
        return Vec::new();
    };
    actors
        .iter()
        .map(|actor| {
            entity_of(source, d, analysis, actor)
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// The dossier entity an actor's words are a mention of: its entity mention, else a mention at
/// exactly its words.
fn entity_of<'s>(
    source: &Source<'s>,
    d: usize,
    analysis: &Analysis,
    actor: &EventActor,
) -> Option<&'s str> {
    actor
        .mention
        .and_then(|m| analysis.mentions.get(m))
        .and_then(|m| source.entity_at(d, m.span))
        .or_else(|| source.entity_at(d, actor.span))
}
