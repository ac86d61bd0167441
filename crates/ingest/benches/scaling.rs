//! How HTML extraction's time grows with a page's size, on the shapes that used to cost the
//! square of it: `cargo bench -p parallax-ingest --bench scaling`. Compare the rows of one
//! shape: ten times the elements should take about ten times as long (it took about a hundred
//! times before nesting was capped, see docs/robustness.md).

use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

/// `n` `<div>`s nested in one another around one paragraph.
fn nested(n: usize) -> String {
    format!(
        "<html><body>{}<p>Troops entered Drevna on Friday, officials said.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    )
}

/// Sibling chains, each as deep as the cap allows, with `n` elements in all.
fn chains(n: usize) -> String {
    let depth = 128;
    let chain = format!(
        "{}<p>Troops entered Drevna on Friday, officials said.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    format!("<html><body>{}</body></html>", chain.repeat(n / depth))
}

/// `n` paragraphs in one article.
fn flat(n: usize) -> String {
    let paragraphs: String = (0..n)
        .map(|i| format!("<p>Paragraph {i}: troops entered Drevna on Friday, officials said.</p>"))
        .collect();
    format!("<html><body><article>{paragraphs}</article></body></html>")
}

fn run(bencher: Bencher, html: String) {
    bencher
        .counter(BytesCount::new(html.len()))
        .bench(|| divan::black_box(parallax_ingest::extract_html(&html, None)));
}

#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn nested_divs(bencher: Bencher, n: usize) {
    run(bencher, nested(n));
}

#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn chains_128_deep(bencher: Bencher, n: usize) {
    run(bencher, chains(n));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 3, sample_size = 1)]
fn flat_paragraphs(bencher: Bencher, n: usize) {
    run(bencher, flat(n));
}
