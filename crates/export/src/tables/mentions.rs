//! `mentions`: one row per mention of a resolved entity (a name, a description such as "the
//! ministry", or a pronoun resolved to it), in text order.

use super::{item_columns, located, row, Sink, Table};
use crate::schema::{col, Cell, Kind::*, TableSchema};
use crate::source::Source;
use crate::ExportError;
use parallax_core::MentionKind;

pub struct Mentions;

static SCHEMA: TableSchema = TableSchema {
    name: "mentions",
    per_document: true,
    columns: item_columns!(
        [col("mention_id", Label), col("entity_id", Label)],
        [col("entity_type", Label), col("kind", Label)]
    ),
};

impl Table for Mentions {
    fn schema(&self) -> &'static TableSchema {
        &SCHEMA
    }

    fn document_rows(
        &self,
        source: &Source,
        d: usize,
        out: &mut dyn Sink,
    ) -> Result<(), ExportError> {
        let doc = source.document(d);
        for (n, &(e, m)) in source.index[d].mentions.iter().enumerate() {
            let entity = &source.dossier.entities[e];
            let mention = &entity.mentions[m];
            let id = format!("{}:m{}", doc.id, n + 1);
            let at = located(source, d, mention.evidence.span);
            out.row(&row(
                &[Cell::Str(&id), Cell::Str(&entity.id)],
                &at,
                &[
                    Cell::Str(entity.entity_type.as_str()),
                    Cell::Str(match mention.kind {
                        MentionKind::Name => "name",
                        MentionKind::Nominal => "nominal",
                        MentionKind::Pronoun => "pronoun",
                    }),
                ],
            ))?;
        }
        Ok(())
    }
}
