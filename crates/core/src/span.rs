//! Byte spans into a document's unchanged text.
//!
//! A span is a half-open byte range `[start, end)`. Spans are the evidence links of the whole
//! product, so constructing one that does not fall on UTF-8 character boundaries is an error
//! rather than a silent adjustment.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's `text`. Serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why a span could not be made or applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span [{start}, {end}) is reversed")]
    Reversed { start: usize, end: usize },
    #[error("span [{start}, {end}) exceeds text length {len}")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span [{start}, {end}) does not fall on character boundaries")]
    NotCharBoundary { start: usize, end: usize },
}

impl Span {
    /// Makes a span without checking it against any text.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers, or why it cannot be taken from `text`.
    pub fn slice<'t>(&self, text: &'t str) -> Result<&'t str, SpanError> {
        if self.start > self.end {
            return Err(SpanError::Reversed {
                start: self.start,
                end: self.end,
            });
        }
        if self.end > text.len() {
            return Err(SpanError::OutOfBounds {
                start: self.start,
                end: self.end,
                len: text.len(),
            });
        }
        text.get(self.range()).ok_or(SpanError::NotCharBoundary {
            start: self.start,
            end: self.end,
        })
    }

    /// The text this span covers; the empty string when the span does not fit `text`.
    /// Used where spans were produced by this crate's own checked constructors.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.slice(text).unwrap_or("")
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// This span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let Ok(s) = self.slice(text) else {
            return *self;
        };
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span {
            start: self.start + lead,
            end: self.start + lead + trimmed.len(),
        }
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_on_char_boundaries_only() {
        let text = "Tbilisi – Gori";
        assert_eq!(Span::new(0, 7).slice(text), Ok("Tbilisi"));
        assert!(matches!(
            Span::new(0, 9).slice(text),
            Err(SpanError::NotCharBoundary { .. })
        ));
        assert!(matches!(
            Span::new(3, 2).slice(text),
            Err(SpanError::Reversed { .. })
        ));
        assert!(matches!(
            Span::new(0, 99).slice(text),
            Err(SpanError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn trims_whitespace() {
        let text = "  said he. ";
        assert_eq!(Span::new(0, text.len()).trim(text).text(text), "said he.");
    }

    #[test]
    fn serializes_as_pair() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
        assert_eq!(
            serde_json::from_str::<Span>(&json).unwrap(),
            Span::new(3, 9)
        );
    }
}
