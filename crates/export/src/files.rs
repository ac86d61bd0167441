//! Output files written atomically: into a temporary file beside the target, renamed into
//! place when complete, so a crash or a failed export never leaves a truncated table where a
//! good one was.

use crate::ExportError;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written; [`AtomicFile::commit`] moves it into place.
pub struct AtomicFile {
    pub path: PathBuf,
    tmp: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file for `path` (and its folder).
    pub fn create(path: &Path) -> Result<AtomicFile, ExportError> {
        let io = |source| ExportError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("export");
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&tmp).map_err(io)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            writer: Some(BufWriter::with_capacity(1 << 20, file)),
        })
    }

    /// The writer of the temporary file.
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        self.writer.as_mut().expect("writer taken only by commit")
    }

    /// Takes the writer (for encoders that own theirs); give the file back to
    /// [`AtomicFile::commit_file`].
    pub fn take(&mut self) -> BufWriter<File> {
        self.writer.take().expect("writer taken once")
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(mut self) -> Result<PathBuf, ExportError> {
        let writer = self.take();
        self.commit_file(writer)
    }

    /// [`AtomicFile::commit`] for a writer taken with [`AtomicFile::take`].
    pub fn commit_file(self, writer: BufWriter<File>) -> Result<PathBuf, ExportError> {
        let io = |source| ExportError::Io {
            path: self.path.clone(),
            source,
        };
        let file = writer.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&self.tmp, &self.path).map_err(io)?;
        Ok(self.path.clone())
    }

    /// Writes `bytes` to `path` atomically.
    pub fn write(path: &Path, bytes: &[u8]) -> Result<PathBuf, ExportError> {
        let mut file = AtomicFile::create(path)?;
        file.writer()
            .write_all(bytes)
            .map_err(|source| ExportError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        file.commit()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed: remove the temporary file.
        if self.tmp.exists() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
