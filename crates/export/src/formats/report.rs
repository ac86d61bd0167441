//! The self-contained HTML report (`report.html`, rendered by `parallax-report`).

use super::Format;
use crate::files::AtomicFile;
use crate::source::Source;
use crate::{ExportError, Options};
use std::path::{Path, PathBuf};

pub struct Report;

impl Format for Report {
    fn name(&self) -> &'static str {
        "report"
    }

    fn summary(&self) -> &'static str {
        "the self-contained HTML report (report.html)"
    }

    fn write(&self, source: &Source, out: &Path, _: &Options) -> Result<Vec<PathBuf>, ExportError> {
        let dossier = crate::subset::selected(source);
        let html = parallax_report::render(&dossier);
        Ok(vec![AtomicFile::write(
            &out.join("report.html"),
            html.as_bytes(),
        )?])
    }
}
