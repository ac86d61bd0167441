//! Finding the input files: explicit files, and folders walked recursively in a stable
//! (sorted) order so that runs over the same folder are reproducible.
//!
//! Nothing a user pointed at vanishes silently: a FIFO, device or socket (or a link to one)
//! with an article's extension, and a file whose name is not valid UTF-8 (its name could not
//! be shown or matched against a manifest faithfully), are listed as skipped with the reason.
//! Files a folder walk passes over — other file types, and a dataset's README, licence or
//! manifest (`data/not_articles.txt`) — are listed as not read ([`Discovery::not_read`]), so
//! that a run can say what it left out.

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
    /// `.xml`, `.rss`, `.atom`: RSS or Atom, checked by the root element when read
    Feed,
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
            "xml" | "rss" | "atom" => Some(Format::Feed),
            _ => None,
        }
    }
}

/// Expands `inputs` into the list of files to read. Folders are walked recursively in sorted
/// order and contribute only files of a supported format; hidden entries (names starting with
/// `.`) inside folders are skipped. Paths that cannot be read, and explicitly named files of an
/// unsupported type, come back as [`SkippedInput`]s. A file reached twice is listed once.
pub fn discover(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<SkippedInput>) {
    let found = discover_inputs(inputs);
    (found.files, found.skipped)
}

/// What [`discover_inputs`] found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, in order.
    pub files: Vec<PathBuf>,
    /// Inputs that cannot be read, with the reason.
    pub skipped: Vec<SkippedInput>,
    /// Files inside folders that are not read because of their type or name, with the reason.
    pub not_read: Vec<SkippedInput>,
}

/// [`discover`], also listing the files the folder walks passed over.
pub fn discover_inputs(inputs: &[PathBuf]) -> Discovery {
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
    Discovery {
        files: walk.files,
        skipped: walk.skipped,
        not_read: walk.not_read,
    }
}

/// Whether a file name is a dataset's paperwork (README, licence, manifest…), not news.
pub fn is_paperwork(path: &Path) -> bool {
    static NAMES: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        crate::wordlist::entries(include_str!("../data/not_articles.txt")).collect()
    });
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .is_some_and(|stem| names.contains(stem.to_ascii_lowercase().as_str()))
}

/// Why a folder walk passes over a file, if it does.
fn passed_over(path: &Path) -> Option<String> {
    if is_paperwork(path) {
        return Some("a README, licence or manifest file, not news: not analyzed (name it on the command line to analyze it)".to_string());
    }
    if Format::of(path).is_none() {
        let ext = path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
            .unwrap_or_else(|| "no extension".into());
        return Some(format!("not an article file type ({ext})"));
    }
    None
}

const NOT_UTF8_PATH: &str =
    "the path is not valid UTF-8 (shown with \u{FFFD} for the bad bytes): rename it to read it";

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    skipped: Vec<SkippedInput>,
    not_read: Vec<SkippedInput>,
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
                Ok(meta) => match passed_over(&path) {
                    None => self.file(&path, &meta),
                    Some(reason) => self.not_read.push(SkippedInput {
                        source: path.display().to_string(),
                        reason,
                    }),
                },
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
        assert_eq!(Format::of(Path::new("world.rss")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("feed.XML")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("x.atom")), Some(Format::Feed));
    }

    #[test]
    fn paperwork_in_folders_is_listed_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "README.md",
            "LICENSE",
            "license.txt",
            "a.txt",
            "manifest.jsonl",
            "b.csv",
            "c.CSV",
            "d.pdf",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let found = discover_inputs(&[root.to_path_buf(), root.join("README.md")]);
        assert_eq!(
            found.files,
            vec![root.join("a.txt"), root.join("README.md")]
        );
        let reasons: Vec<(String, &str)> = found
            .not_read
            .iter()
            .map(|s| {
                (
                    s.source.rsplit('/').next().unwrap().to_string(),
                    s.reason.as_str(),
                )
            })
            .collect();
        assert_eq!(reasons.len(), 7, "{reasons:?}");
        let paperwork = "a README, licence or manifest file, not news: not analyzed (name it on the command line to analyze it)";
        assert_eq!(reasons[0], ("LICENSE".to_string(), paperwork));
        assert_eq!(reasons[1].1, paperwork);
        assert_eq!(reasons[2].1, "not an article file type (.csv)");
        assert_eq!(reasons[3].1, "not an article file type (.csv)");
        assert_eq!(reasons[4].1, "not an article file type (.pdf)");
        assert_eq!(reasons[6], ("manifest.jsonl".to_string(), paperwork));
        assert!(is_paperwork(Path::new("x/CHANGELOG.md")));
        assert!(!is_paperwork(Path::new("x/readmes-of-the-world.txt")));
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
