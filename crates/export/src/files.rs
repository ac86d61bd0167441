//! Output files written atomically: into a temporary file beside the target, renamed into
//! place when complete, so a crash or a failed export never leaves a truncated table where a
//! good one was.
//!
//! The temporary file is named after the output and the writing process
//! (`.dossier.json.tmp-PID`). A run killed while writing cannot remove it, so every write
//! first removes the temporaries of its output left by processes that no longer run (on
//! systems without `/proc`, those older than a day); a write that is not committed removes its
//! own when dropped.

use crate::ExportError;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Age after which a temporary file is taken as abandoned where process ids cannot be checked.
const ABANDONED_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

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
        remove_abandoned(dir, name);
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

/// Removes `.NAME.tmp-PID` files in `dir` whose writer is gone. Best effort: a file that
/// cannot be listed or removed is left for a later run.
fn remove_abandoned(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && abandoned(pid, &entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn abandoned(pid: u32, entry: &std::fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > ABANDONED_AFTER)
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed: remove the temporary file.
        if self.tmp.exists() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_killed_writers_temporary_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("dossier.json");
        // A process id that is not running: the largest pid Linux hands out is below 2^22.
        let left = dir.path().join(".dossier.json.tmp-4194305");
        std::fs::write(&left, "half a dossier").unwrap();
        let other = dir.path().join(".report.html.tmp-4194305");
        std::fs::write(&other, "half a report").unwrap();
        AtomicFile::write(&out, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "{}");
        assert!(!left.exists(), "abandoned temporary left behind");
        assert!(other.exists(), "only this output's temporaries are touched");
        assert_eq!(names(dir.path()).len(), 2);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails after the temporary was written.
        let out = dir.path().join("dossier.json");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("x"), "x").unwrap();
        assert!(AtomicFile::write(&out, b"{}").is_err());
        assert_eq!(
            names(dir.path()),
            vec![std::ffi::OsString::from("dossier.json")]
        );
    }
}
