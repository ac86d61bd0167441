//! Reading a file's bytes through a limit, and only from regular files.
//!
//! The size on disk is checked first, but it can lie (a link to `/dev/zero` reports zero
//! bytes, a file can grow while it is read), so the read itself stops one byte past the
//! limit. Anything that is not a regular file (a FIFO, a device, a socket) is refused before
//! it is opened: opening a FIFO waits for a writer that may never come, and a device can be
//! endless. The file is opened non-blocking and its type checked again on the open handle,
//! so one swapped in between the two checks is refused too.

use crate::IngestError;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// What kind of non-regular file `meta` describes, or `None` for a regular file.
pub fn irregular_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// The bytes of the regular file at `path`, refusing files over `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    let (file, meta) = open_regular(path, limit)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::OverLimit { limit });
    }
    Ok(bytes)
}

/// The regular file at `path`, opened for reading, with its metadata; refused when it is not
/// a regular file or its size on disk is over `limit` bytes (pass `u64::MAX` for files read
/// piece by piece, whose limit applies to each piece).
pub fn open_regular(path: &Path, limit: u64) -> Result<(File, Metadata), IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| IngestError::io(path, e))?;
    check(&meta, limit)?;
    let file = open(path).map_err(|e| IngestError::io(path, e))?;
    let meta = file.metadata().map_err(|e| IngestError::io(path, e))?;
    check(&meta, limit)?;
    Ok((file, meta))
}

fn check(meta: &Metadata, limit: u64) -> Result<(), IngestError> {
    if let Some(kind) = irregular_kind(meta) {
        return Err(IngestError::NotRegular { kind });
    }
    if meta.len() > limit {
        return Err(IngestError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    Ok(())
}

#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_limited(&path, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&path, 4),
            Err(IngestError::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_limited(dir.path(), 4),
            Err(IngestError::NotRegular { kind: "a folder" })
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_longer_than_its_stated_size_is_read_only_to_the_limit() {
        // Files under /proc are regular and say they hold 0 bytes.
        assert_eq!(std::fs::metadata("/proc/self/maps").unwrap().len(), 0);
        assert!(matches!(
            read_limited(Path::new("/proc/self/maps"), 64),
            Err(IngestError::OverLimit { limit: 64 })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_links_to_them_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(
            read_limited(&link, 1024),
            Err(IngestError::NotRegular {
                kind: "a character device"
            })
        ));
    }
}
