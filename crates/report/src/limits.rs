//! How much of a large dossier the one-file report shows, so that it opens in a browser in
//! seconds at 10,000 articles (at 1,300 AllSides articles the unbounded report was 45 MB and
//! took Chromium 99 s to open).
//!
//! Every list the report draws is cut to a fixed number of rows, taken in the order the section
//! already gives (most covered stories first, entities by prominence, claims and timeline story
//! by story); the page says, under each cut list, how many rows it shows of how many, and that
//! the whole list is in `dossier.json` and in `parallax serve`. Article texts are shown whole for
//! the first [`ARTICLE_TEXTS`] articles of the stories covered by several outlets; every other
//! article is one line (title, outlet, date, link) that the evidence of its items points to.
//! So the report's size is bounded by these constants, not by the corpus.

use maud::{html, Markup};

/// Rows of each per-item table (entities, quotes, figures, dates, events, claims, timeline,
/// places, disputes, quote groups, shared passages).
pub const ROWS: usize = 250;
/// Members shown of one group (outlets of a shared passage or statement, reports of an event or
/// a timeline date, outlets per actor in the framing tables, outlets of an entity's mentions).
pub const MEMBERS: usize = 12;
/// Members of a shared passage shown with their text (the others are named and linked: the
/// passages are near-identical).
pub const PASSAGE_TEXTS: usize = 3;
/// Most outlets the claims table gives a column each; with more, a row lists its own outlets.
pub const OUTLET_COLUMNS: usize = 10;
/// Labels shown per actor and outlet in the framing tables.
pub const LABELS: usize = 6;
/// Stories drawn as a row of the stories table (the rest are counted in a line).
pub const STORIES: usize = 300;
/// Single-article stories listed by title in the folded list.
pub const SINGLE_STORIES: usize = 1_000;
/// Stories whose places get a map (each map carries the world outline).
pub const MAPS: usize = 12;
/// Articles whose whole text, sentence by sentence, is in the report.
pub const ARTICLE_TEXTS: usize = 60;
/// Articles listed by title, outlet and date (beyond those shown whole).
pub const ARTICLE_LINES: usize = 2_000;

/// The first `cap` items of `items`.
pub fn cut<T>(items: &[T], cap: usize) -> &[T] {
    &items[..items.len().min(cap)]
}

/// "and N more" after a group cut to `shown` of `total` members: nothing when none was cut.
pub fn more(shown: usize, total: usize) -> Markup {
    html! {
        @if shown < total { span.ctx { " and " (total - shown) " more" } }
    }
}

/// A line saying that a list was cut: nothing when all `total` rows are shown.
pub fn note(shown: usize, total: usize, what: &str) -> Markup {
    html! {
        @if shown < total {
            // The counts let report.js say that its filter searches the rows shown only.
            p.limit data-shown=(shown) data-total=(total) {
                "Showing " (crate::sections::number(shown as f64)) " of "
                (crate::sections::number(total as f64)) " " (what)
                ". The report keeps to a size a browser opens quickly; every item is in dossier.json and in "
                code { "parallax serve" } "."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_and_says_so() {
        assert_eq!(cut(&[1, 2, 3], 2), &[1, 2]);
        assert_eq!(cut(&[1], 5), &[1]);
        assert!(note(3, 3, "rows").into_string().is_empty());
        let said = note(400, 1234, "quotes").into_string();
        assert!(said.contains("Showing 400 of 1,234 quotes"), "{said}");
        assert!(said.contains(r#"data-total="1234""#), "{said}");
        assert!(more(2, 2).into_string().is_empty());
        assert!(more(12, 40).into_string().contains("and 28 more"));
    }
}
