//! Finding the input files: explicit files, and folders walked recursively in a stable
//! (sorted) order so that runs over the same folder are reproducible.
//!
//! Nothing a user pointed at vanishes silently: a FIFO, device or socket (or a link to one)
//! with an article's extension, and a file whose name is not valid UTF-8 (its name could not
//! be shown or matched against a manifest faithfully), are listed as skipped with the reason.

use parallax_core::SkippedInput;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The input formats Parallax reads, decided by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`
    Text,
    /// `.html`, `.htm`
    Html,
    /// `.jsonl`, `.ndjson`, `.json` (JSON Lines, one object, or an array of objects)
    Json,
    /// `.warc`
    Warc,
    /// `.warc.gz`
    WarcGz,
}

impl Format {
    /// The format of a path from its extension (case-insensitive), if supported. A name that
    /// is not valid UTF-8 still has its extension read.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.as_encoded_bytes().to_ascii_lowercase();
        let name = String::from_utf8_lossy(&name);
        if name.ends_with(".warc.gz") {
            return Some(Format::WarcGz);
        }
        match name.rsplit_once('.')?.1 {
            "txt" | "md" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" | "json" => Some(Format::Json),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// Expands `inputs` into the list of files to read. Folders are walked recursively in sorted
/// order and contribute only files of a supported format; hidden entries (names starting with
/// `.`) inside folders are skipped. Paths that cannot be read, and explicitly named files of an
/// unsupported type, come back as [`SkippedInput`]s. A file reached twice is listed once.
pub fn discover(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<SkippedInput>) {
    let mut walk = Walk::default();
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) => walk.skip(input, format!("cannot read: {e}")),
            Ok(meta) if meta.is_dir() => walk.dir(input),
            Ok(_) if Format::of(input).is_none() => {
                walk.skip(input, crate::IngestError::Unsupported.to_string())
            }
            Ok(meta) => walk.file(input, &meta),
        }
    }
    (walk.files, walk.skipped)
}

const NOT_UTF8_PATH: &str =
    "the path is not valid UTF-8 (shown with \u{FFFD} for the bad bytes): rename it to read it";

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    skipped: Vec<SkippedInput>,
    seen_files: HashSet<PathBuf>,
    /// Canonical folders already walked, so symlink cycles end.
    seen_dirs: HashSet<PathBuf>,
}

impl Walk {
    fn skip(&mut self, path: &Path, reason: String) {
        self.skipped.push(SkippedInput {
            source: path.display().to_string(),
            reason,
        });
    }

    /// Lists a file of a supported format once, unless it cannot be read faithfully.
    fn file(&mut self, path: &Path, meta: &std::fs::Metadata) {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.seen_files.insert(key) {
            return;
        }
        if let Some(kind) = crate::read::irregular_kind(meta) {
            return self.skip(path, crate::IngestError::NotRegular { kind }.to_string());
        }
        if path.to_str().is_none() {
            return self.skip(path, NOT_UTF8_PATH.to_string());
        }
        self.files.push(path.to_path_buf());
    }

    fn dir(&mut self, dir: &Path) {
        let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.seen_dirs.insert(key) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.skip(dir, format!("cannot read folder: {e}")),
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => self.skip(dir, format!("cannot list folder entry: {e}")),
            }
        }
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if hidden {
                continue;
            }
            match std::fs::metadata(&path) {
                Err(e) => self.skip(&path, format!("cannot read: {e}")),
                Ok(meta) if meta.is_dir() => self.dir(&path),
                Ok(meta) if Format::of(&path).is_some() => self.file(&path, &meta),
                Ok(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("x.md")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("x.jsonl")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("x.json")), Some(Format::Json));
        assert_eq!(Format::of(Path::new("crawl.warc.gz")), Some(Format::WarcGz));
        assert_eq!(Format::of(Path::new("crawl.warc")), Some(Format::Warc));
        assert_eq!(Format::of(Path::new("x.gz")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn walks_folders_sorted_skipping_hidden_and_unsupported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        for name in ["b.txt", "a.html", ".hidden.txt", "notes.pdf", "sub/c.jsonl"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let missing = root.join("missing.txt");
        let explicit_pdf = root.join("notes.pdf");
        let (files, skipped) = discover(&[
            root.to_path_buf(),
            missing.clone(),
            explicit_pdf,
            root.join("b.txt"),
        ]);
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            vec![
                PathBuf::from("a.html"),
                PathBuf::from("b.txt"),
                PathBuf::from("sub/c.jsonl")
            ]
        );
        assert_eq!(skipped.len(), 2);
        assert_eq!(skipped[0].source, missing.display().to_string());
        assert!(skipped[0].reason.contains("cannot read"));
        assert!(skipped[1].reason.contains("unsupported"));
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_and_undecodable_names_are_reported_not_dropped() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("good.txt"), "x").unwrap();
        let fifo = std::ffi::CString::new(root.join("pipe.txt").as_os_str().as_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
        let latin1 = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
        std::fs::write(&latin1, "x").unwrap();
        let (files, skipped) = discover(&[root.to_path_buf(), root.join("pipe.txt")]);
        assert_eq!(files, vec![root.join("good.txt")]);
        let reasons: Vec<String> = skipped
            .iter()
            .map(|s| format!("{}: {}", s.source, s.reason))
            .collect();
        assert_eq!(skipped.len(), 3, "{reasons:?}");
        assert!(
            reasons[0].contains("caf\u{FFFD}.txt: the path is not valid UTF-8"),
            "{reasons:?}"
        );
        assert!(reasons[1].contains("pipe.txt: a FIFO"), "{reasons:?}");
        assert!(
            reasons[2].contains("zero.txt: a character device"),
            "{reasons:?}"
        );
    }
}
