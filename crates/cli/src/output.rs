//! Writing output files atomically: a temporary file in the same folder, then a rename, so a
//! crash never leaves a half-written dossier or report where a good one was.
//!
//! The temporary file is named after the output and the writing process
//! (`.dossier.json.tmp-PID`). A run killed while writing cannot remove it, so every write
//! first removes the temporaries of its output left by processes that no longer run (on
//! systems without `/proc`, those older than a day), and a failed write removes its own.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Age after which a temporary file is taken as abandoned where process ids cannot be checked.
const ABANDONED_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    remove_abandoned(dir, name);
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .with_context(|| format!("cannot create {}", tmp.display()))
        .and_then(|mut file| {
            file.write_all(contents)
                .and_then(|_| file.sync_all())
                .with_context(|| format!("cannot write {}", tmp.display()))
        })
        .and_then(|_| {
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot move {} to {}", tmp.display(), path.display()))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_killed_writers_temporary_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("dossier.json");
        // A process id that is not running: the largest pid Linux hands out is below 2^22.
        let left = dir.path().join(".dossier.json.tmp-4194305");
        std::fs::write(&left, "half a dossier").unwrap();
        let other = dir.path().join(".report.html.tmp-4194305");
        std::fs::write(&other, "half a report").unwrap();
        write_atomically(&out, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "{}");
        assert!(!left.exists(), "abandoned temporary left behind");
        assert!(other.exists(), "only this output's temporaries are touched");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_failed_write_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails after the temporary was written.
        let out = dir.path().join("dossier.json");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("x"), "x").unwrap();
        assert!(write_atomically(&out, b"{}").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("dossier.json")]);
    }
}
