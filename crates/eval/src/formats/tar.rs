//! A minimal reader for gzip-compressed tar archives (`.tar.gz`), enough for the archives the
//! datasets ship: regular files with ustar/GNU headers, the ustar name prefix, and GNU long
//! names (`L` entries). Other entry kinds (directories, links, pax headers) are skipped.

use flate2::read::GzDecoder;
use std::io::Read;

const BLOCK: usize = 512;

/// One regular file of an archive: its path as stored and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub data: Vec<u8>,
}

/// Decompresses and reads every regular file of a `.tar.gz` archive, in archive order.
pub fn read_tar_gz(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    let mut raw = Vec::new();
    GzDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|e| format!("not gzip: {e}"))?;
    read_tar(&raw)
}

/// Reads every regular file of an uncompressed tar archive.
pub fn read_tar(raw: &[u8]) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    let mut at = 0;
    let mut long_name: Option<String> = None;
    while at + BLOCK <= raw.len() {
        let header = &raw[at..at + BLOCK];
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let size = octal(&header[124..136]).ok_or_else(|| format!("bad size at byte {at}"))?;
        let start = at + BLOCK;
        let end = start
            .checked_add(size)
            .filter(|&e| e <= raw.len())
            .ok_or_else(|| format!("entry at byte {at} runs past the end"))?;
        let data = &raw[start..end];
        match header[156] {
            b'L' => long_name = Some(c_string(data)),
            b'0' | 0 => {
                let path = long_name.take().unwrap_or_else(|| {
                    let name = c_string(&header[0..100]);
                    let prefix = if &header[257..262] == b"ustar" {
                        c_string(&header[345..500])
                    } else {
                        String::new()
                    };
                    if prefix.is_empty() {
                        name
                    } else {
                        format!("{prefix}/{name}")
                    }
                });
                entries.push(Entry {
                    path,
                    data: data.to_vec(),
                });
            }
            _ => long_name = None,
        }
        at = start + size.div_ceil(BLOCK) * BLOCK;
    }
    Ok(entries)
}

/// The text up to the first NUL byte.
fn c_string(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// An octal number field (NUL- or space-terminated, possibly space-padded).
fn octal(field: &[u8]) -> Option<usize> {
    let text = c_string(field);
    let digits = text.trim();
    if digits.is_empty() {
        return Some(0);
    }
    usize::from_str_radix(digits, 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(name: &str, size: usize, kind: u8) -> Vec<u8> {
        let mut h = vec![0u8; BLOCK];
        h[..name.len()].copy_from_slice(name.as_bytes());
        let size = format!("{size:011o}\0");
        h[124..136].copy_from_slice(size.as_bytes());
        h[156] = kind;
        h[257..263].copy_from_slice(b"ustar ");
        h
    }

    fn padded(data: &[u8]) -> Vec<u8> {
        let mut d = data.to_vec();
        d.resize(data.len().div_ceil(BLOCK) * BLOCK, 0);
        d
    }

    #[test]
    fn reads_files_long_names_and_skips_directories() {
        let long = format!("{}/file.conll", "d".repeat(120));
        let mut raw = header("./a/", 0, b'5');
        raw.extend(header("./a/x.txt", 5, b'0'));
        raw.extend(padded(b"hello"));
        raw.extend(header("././@LongLink", long.len() + 1, b'L'));
        raw.extend(padded(format!("{long}\0").as_bytes()));
        raw.extend(header("truncated", 600, b'0'));
        raw.extend(padded(&[b'z'; 600]));
        raw.extend(vec![0u8; 2 * BLOCK]);
        let entries = read_tar(&raw).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].path, "./a/x.txt");
        assert_eq!(entries[0].data, b"hello");
        assert_eq!(entries[1].path, long);
        assert_eq!(entries[1].data.len(), 600);
    }

    #[test]
    fn rejects_truncated_archives_and_bad_gzip() {
        let mut raw = header("x", 5000, b'0');
        raw.extend(vec![0u8; BLOCK]);
        assert!(read_tar(&raw).is_err());
        assert!(read_tar_gz(b"not gzip at all").is_err());
        assert_eq!(read_tar(&[]).unwrap(), Vec::new());
    }
}
