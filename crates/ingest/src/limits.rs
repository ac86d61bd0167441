//! Resource limits that keep one oversized or hostile input from exhausting the machine.

/// Limits applied while reading inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read at all, in bytes (on disk, before decompression), for files read
    /// whole; JSON Lines files, read record by record, may be of any size.
    pub max_file_bytes: u64,
    /// Largest record (line) of a JSON Lines file, in bytes.
    pub max_record_bytes: u64,
    /// Largest decompressed size of a `.warc.gz` file, in bytes: guards against gzip bombs.
    pub max_decompressed_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_record_bytes: 20 * 1024 * 1024,
            max_decompressed_bytes: 200 * 1024 * 1024,
        }
    }
}
