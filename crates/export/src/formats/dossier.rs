//! The dossier as one JSON document (`dossier.json`, format in `docs/dossier.md`).

use super::Format;
use crate::files::AtomicFile;
use crate::source::Source;
use crate::{ExportError, Options};
use std::path::{Path, PathBuf};

pub struct DossierJson;

/// The dossier's file name.
pub const FILE: &str = "dossier.json";

impl Format for DossierJson {
    fn name(&self) -> &'static str {
        "dossier"
    }

    fn summary(&self) -> &'static str {
        "the dossier as one JSON document (dossier.json)"
    }

    fn write(&self, source: &Source, out: &Path, _: &Options) -> Result<Vec<PathBuf>, ExportError> {
        let path = out.join(FILE);
        let dossier = crate::subset::selected(source);
        let json = serde_json::to_vec_pretty(&*dossier).map_err(|e| ExportError::Encode {
            path: path.clone(),
            message: e.to_string(),
        })?;
        Ok(vec![AtomicFile::write(&path, &json)?])
    }
}
