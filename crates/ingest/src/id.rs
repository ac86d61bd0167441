//! Stable document ids: the same text always gets the same id, across runs and machines, so
//! the store can recognise articles it has already analyzed.

use sha2::{Digest, Sha256};
use std::fmt::Write;

/// `d` followed by the first 16 hex digits of the SHA-256 of the text.
pub fn document_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut id = String::with_capacity(17);
    id.push('d');
    for byte in digest.iter().take(8) {
        let _ = write!(id, "{byte:02x}");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable_and_content_based() {
        let a = document_id("Hello world");
        assert_eq!(a, document_id("Hello world"));
        assert_ne!(a, document_id("Hello world."));
        assert_eq!(a.len(), 17);
        assert!(a.starts_with('d'));
        // SHA-256("Hello world") starts with 64ec88ca00b268e5.
        assert_eq!(a, "d64ec88ca00b268e5");
    }
}
