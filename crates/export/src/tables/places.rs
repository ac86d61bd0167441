//! `places`: one row per place mention, with the story place it belongs to (`pl1`, the same id
//! for every mention of one place across the story's outlets) and its gazetteer entry when
//! the text decides it, else the candidates it may be. The location is the place name.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;

pub struct Places;

static SCHEMA: TableSchema = TableSchema {
    name: "places",
    per_document: true,
    columns: item_columns!(
        [col("place_id", Label), col("story_id", Label)],
        [
            col("name", Label),
            col("resolved", Bool),
            col("geonames_id", Int),
            col("feature_class", Label),
            col("feature_code", Label),
            col("country", Label),
            col("country_code", Label),
            col("admin1", Label),
            col("lat", Float),
            col("lon", Float),
            col("population", Int),
            col("candidate_ids", List),
            col("candidate_names", List),
            col("outlets", List),
        ]
    ),
};

impl Table for Places {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        for &(p, m) in &source.index[d].places {
            let place = &source.dossier.places[p];
            let geo = place.place.as_ref();
            let candidate_ids: Vec<String> = place
                .candidates
                .iter()
                .map(|c| c.geonames_id.to_string())
                .collect();
            let candidate_names: Vec<String> = place
                .candidates
                .iter()
                .map(|c| match &c.country {
                    Some(country) => format!("{}, {country}", c.name),
                    None => c.name.clone(),
                })
                .collect();
            let at = located(source, d, place.mentions[m].span);
            out.row(&row(
                &[Cell::Str(&place.id), Cell::opt_str(place.story.as_deref())],
                &at,
                &[
                    Cell::Str(&place.name),
                    Cell::Bool(geo.is_some()),
                    Cell::opt_int(geo.map(|g| i64::from(g.geonames_id))),
                    Cell::opt_str(geo.map(|g| g.feature_class.as_str())),
                    Cell::opt_str(geo.map(|g| g.feature_code.as_str())),
                    Cell::opt_str(geo.and_then(|g| g.country.as_deref())),
                    Cell::opt_str(geo.and_then(|g| g.country_code.as_deref())),
                    Cell::opt_str(geo.and_then(|g| g.admin1.as_deref())),
                    Cell::opt_float(geo.map(|g| g.lat)),
                    Cell::opt_float(geo.map(|g| g.lon)),
                    Cell::opt_int(geo.map(|g| g.population as i64)),
                    Cell::List(&candidate_ids),
                    Cell::List(&candidate_names),
                    Cell::List(&place.outlets),
                ],
            ))?;
        }
        Ok(())
    }
}
