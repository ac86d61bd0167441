//! Which of many spans overlap or contain a given one, without reading them all: the lookup
//! the annotators make once per quotation, sentence or mention over a whole document's
//! quotations or mentions. A pass over every span per lookup makes a stage quadratic in the
//! document's length (on one 4 MB text, quotation speakers alone took minutes).
//!
//! The spans are kept sorted by start, each with the largest end among it and the spans
//! before it (the "reach"). The reach never decreases, so a binary search finds the first
//! span that can still reach past a byte: every span before it ends at or before that byte.
//! The spans from there to the last one starting before the looked-up span's end are the
//! only ones that can overlap it; in text with few nested spans they are about as many as
//! actually do.

use crate::Span;

/// Spans sorted for lookups by position; each keeps its index in the list it was built from.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// (span, its index in the input), sorted by start, then by index.
    sorted: Vec<(Span, usize)>,
    /// Per position in `sorted`, the largest end of that span and every span before it.
    reach: Vec<usize>,
}

impl SpanIndex {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanIndex {
        SpanIndex::indexed(spans.into_iter().zip(0..))
    }

    /// The index of some spans, each with the index it is known by (e.g. the quotations that
    /// have a cue, by their index among all quotations).
    pub fn indexed(spans: impl IntoIterator<Item = (Span, usize)>) -> SpanIndex {
        let mut sorted: Vec<(Span, usize)> = spans.into_iter().collect();
        sorted.sort_by_key(|&(s, i)| (s.start, i));
        let reach = sorted
            .iter()
            .scan(0, |end, (s, _)| {
                *end = s.end.max(*end);
                Some(*end)
            })
            .collect();
        SpanIndex { sorted, reach }
    }

    /// The positions in `sorted` of the spans that may overlap `span`: all that do, and some
    /// that do not.
    fn near(&self, span: Span) -> std::ops::Range<usize> {
        let from = self.reach.partition_point(|&end| end <= span.start);
        let to = self.sorted.partition_point(|(s, _)| s.start < span.end);
        from..to.max(from)
    }

    /// The input indices of the spans overlapping `span` ([`Span::overlaps`]), ascending.
    pub fn overlapping(&self, span: Span) -> Vec<usize> {
        let mut found: Vec<usize> = self.sorted[self.near(span)]
            .iter()
            .filter(|(s, _)| s.overlaps(span))
            .map(|&(_, i)| i)
            .collect();
        found.sort_unstable();
        found
    }

    /// Whether one of the spans overlaps `span` ([`Span::overlaps`]).
    pub fn any_overlapping(&self, span: Span) -> bool {
        self.sorted[self.near(span)]
            .iter()
            .any(|(s, _)| s.overlaps(span))
    }

    /// The input indices of the spans that `span` contains, ascending.
    pub fn within(&self, span: Span) -> Vec<usize> {
        let from = self.sorted.partition_point(|(s, _)| s.start < span.start);
        let to = self.sorted.partition_point(|(s, _)| s.start <= span.end);
        let mut found: Vec<usize> = self.sorted[from..to.max(from)]
            .iter()
            .filter(|(s, _)| span.contains(*s))
            .map(|&(_, i)| i)
            .collect();
        found.sort_unstable();
        found
    }

    /// The input indices of the spans containing `span` ([`Span::contains`]), ascending.
    pub fn containing(&self, span: Span) -> Vec<usize> {
        let from = self.reach.partition_point(|&end| end < span.end);
        let to = self.sorted.partition_point(|(s, _)| s.start <= span.start);
        let mut found: Vec<usize> = self.sorted[from..to.max(from)]
            .iter()
            .filter(|(s, _)| s.contains(span))
            .map(|&(_, i)| i)
            .collect();
        found.sort_unstable();
        found
    }

    /// Whether one of the spans contains `span` ([`Span::contains`]).
    pub fn any_contains(&self, span: Span) -> bool {
        let starting = self.sorted.partition_point(|(s, _)| s.start <= span.start);
        starting > 0 && self.reach[starting - 1] >= span.end
    }

    /// The input index of the latest-starting span holding byte `at` (start ≤ `at` < end);
    /// of two starting at the same byte, the later in the input.
    pub fn innermost_at(&self, at: usize) -> Option<usize> {
        let starting = self.sorted.partition_point(|(s, _)| s.start <= at);
        (0..starting)
            .rev()
            .take_while(|&k| self.reach[k] > at)
            .find(|&k| self.sorted[k].0.end > at)
            .map(|k| self.sorted[k].1)
    }
}

/// A set of spans that grows, for the same question as [`SpanIndex::any_overlapping`] while
/// spans are added: kept sorted by start, with the longest span's length, so that only spans
/// starting less than that length before a looked-up span are read.
#[derive(Debug, Clone, Default)]
pub struct GrowingSpans {
    sorted: Vec<Span>,
    longest: usize,
}

impl GrowingSpans {
    pub fn insert(&mut self, span: Span) {
        let at = self.sorted.partition_point(|s| s.start <= span.start);
        self.sorted.insert(at, span);
        self.longest = self.longest.max(span.end.saturating_sub(span.start));
    }

    /// Whether one of the spans overlaps `span` ([`Span::overlaps`]).
    pub fn any_overlapping(&self, span: Span) -> bool {
        let to = self.sorted.partition_point(|s| s.start < span.end);
        self.sorted[..to]
            .iter()
            .rev()
            .take_while(|s| s.start + self.longest >= span.start)
            .any(|s| s.overlaps(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_overlapping(spans: &[Span], span: Span) -> Vec<usize> {
        (0..spans.len())
            .filter(|&i| spans[i].overlaps(span))
            .collect()
    }

    #[test]
    fn lookups_agree_with_reading_every_span() {
        // Nested, disjoint, empty and repeated spans, not in order.
        let spans: Vec<Span> = [
            (10, 50),
            (0, 5),
            (12, 20),
            (30, 30),
            (60, 70),
            (12, 20),
            (3, 100),
            (80, 81),
        ]
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
        let index = SpanIndex::new(spans.iter().copied());
        for start in 0..105 {
            for end in start..105 {
                let probe = Span::new(start, end);
                assert_eq!(index.overlapping(probe), naive_overlapping(&spans, probe));
                let containing: Vec<usize> = (0..spans.len())
                    .filter(|&i| spans[i].contains(probe))
                    .collect();
                assert_eq!(index.containing(probe), containing, "{probe:?}");
                assert_eq!(index.any_contains(probe), !containing.is_empty());
                let within: Vec<usize> = (0..spans.len())
                    .filter(|&i| probe.contains(spans[i]))
                    .collect();
                assert_eq!(index.within(probe), within, "{probe:?}");
                let overlapping = naive_overlapping(&spans, probe);
                assert_eq!(index.any_overlapping(probe), !overlapping.is_empty());
            }
            let innermost = (0..spans.len())
                .filter(|&i| spans[i].start <= start && start < spans[i].end)
                .max_by_key(|&i| (spans[i].start, i));
            assert_eq!(index.innermost_at(start), innermost, "{start}");
        }
        assert_eq!(
            SpanIndex::new([]).overlapping(Span::new(0, 9)),
            Vec::<usize>::new()
        );
        let mut growing = GrowingSpans::default();
        for (k, span) in spans.iter().enumerate() {
            growing.insert(*span);
            for start in 0..105 {
                for end in start..105 {
                    let probe = Span::new(start, end);
                    let any = spans[..=k].iter().any(|s| s.overlaps(probe));
                    assert_eq!(growing.any_overlapping(probe), any, "{probe:?}");
                }
            }
        }
    }
}
