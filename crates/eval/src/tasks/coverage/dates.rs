//! Which day: each gold relative time expression against the dossier time overlapping it most.
//!
//! Right when the two values denote the same calendar period: equal once any time-of-day part
//! (`T…`) is set aside, so `2010-07-01TNI` ("Thursday night") and `2010-07-01` agree while
//! `2010-06-24` (the week before) or `2010-W26` (a coarser period) do not. A gold expression
//! with no dossier time over it is wrong (missed). Words marked as no time expression ("Fox
//! News Sunday") are scored apart: a false date when any dossier time overlaps them.

use super::attribution::best_overlap;
use super::{Miss, Run};

/// Tallies of one story's dates.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Dates {
    pub gold: usize,
    pub found: usize,
    pub right: usize,
    pub not_dates: usize,
    pub false_dates: usize,
}

impl Dates {
    pub fn add(&mut self, other: Dates) {
        self.gold += other.gold;
        self.found += other.found;
        self.right += other.right;
        self.not_dates += other.not_dates;
        self.false_dates += other.false_dates;
    }
}

/// The calendar part of a TIMEX3 value: everything before a time-of-day `T`.
pub(crate) fn calendar_part(value: &str) -> &str {
    match value.find('T') {
        Some(t) if t > 0 && value.as_bytes()[t - 1].is_ascii_digit() => &value[..t],
        _ => value,
    }
}

pub(crate) fn score(run: &Run, misses: &mut Vec<Miss>) -> Dates {
    let mut out = Dates::default();
    let times = &run.dossier.times;
    for d in &run.story.gold.dates {
        let found = best_overlap(times, run.doc_ids[d.doc], d.span, |t| {
            (t.doc.as_str(), t.time.span)
        })
        .map(|i| &times[i].time);
        let Some(value) = &d.value else {
            out.not_dates += 1;
            if let Some(t) = found {
                out.false_dates += 1;
                misses.push(run.miss(
                    "false date",
                    d.doc,
                    d.span,
                    "no time expression".into(),
                    format!("{:?} = {}", t.text, t.value),
                ));
            }
            continue;
        };
        out.gold += 1;
        out.found += usize::from(found.is_some());
        match found {
            Some(t) if calendar_part(&t.value) == calendar_part(value) => out.right += 1,
            _ => misses.push(run.miss(
                "date",
                d.doc,
                d.span,
                value.clone(),
                found.map_or("no date found".into(), |t| {
                    format!("{:?} = {}", t.text, t.value)
                }),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_of_day_is_set_aside() {
        assert_eq!(calendar_part("2010-07-01TNI"), "2010-07-01");
        assert_eq!(calendar_part("2010-07-01T14:00"), "2010-07-01");
        assert_eq!(calendar_part("2010-W26-WE"), "2010-W26-WE");
        assert_eq!(calendar_part("2010"), "2010");
        assert_eq!(calendar_part("PRESENT_REF"), "PRESENT_REF");
        assert_eq!(calendar_part("PT2H"), "PT2H");
    }
}
