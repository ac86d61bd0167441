//! Finding the input files: explicit files, and folders walked recursively in a stable
//! (sorted) order so that runs over the same folder are reproducible.

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
    /// The format of a path from its extension (case-insensitive), if supported.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
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
            Ok(_) => walk.file(input),
        }
    }
    (walk.files, walk.skipped)
}

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

    fn file(&mut self, path: &Path) {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if self.seen_files.insert(key) {
            self.files.push(path.to_path_buf());
        }
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
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            match std::fs::metadata(&path) {
                Err(e) => self.skip(&path, format!("cannot read: {e}")),
                Ok(meta) if meta.is_dir() => self.dir(&path),
                Ok(_) if Format::of(&path).is_some() => self.file(&path),
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
}
