//! Micro-benchmarks of the per-document hot loops over the fixture corpus's article texts:
//! `cargo bench -p parallax-pipeline`. Throughput is reported in bytes per second.

use divan::counter::BytesCount;
use divan::Bencher;
use parallax_core::Document;

const ARTICLES: [&str; 6] = [
    include_str!("../../../fixtures/corpus/text/01-meridian-shelling.txt"),
    include_str!("../../../fixtures/corpus/text/02-herald-operation.txt"),
    include_str!("../../../fixtures/corpus/text/03-kordania-today.txt"),
    include_str!("../../../fixtures/corpus/text/04-ledger-opinion.txt"),
    include_str!("../../../fixtures/corpus/text/05-dispatch-blog.txt"),
    include_str!("../../../fixtures/corpus/text/06-meridian-toll.txt"),
];

fn main() {
    divan::main();
}

fn documents() -> Vec<Document> {
    ARTICLES
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = Document::new(format!("d{i}"), *text, format!("fixture-{i}"));
            doc.meta.published = Some("2031-05-10T12:00:00Z".to_string());
            doc
        })
        .collect()
}

fn bytes() -> BytesCount {
    BytesCount::new(ARTICLES.iter().map(|a| a.len()).sum::<usize>())
}

#[divan::bench]
fn segment(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        for a in ARTICLES {
            divan::black_box(parallax_segment::segment(a));
        }
    });
}

/// Runs `annotate` over every fixture document with its segmentation precomputed.
fn bench_layer<T>(
    bencher: Bencher,
    annotate: impl Fn(&Document, &parallax_core::Segmentation) -> T + Sync,
) {
    let docs = documents();
    let segs: Vec<_> = docs
        .iter()
        .map(|d| parallax_segment::segment(&d.text))
        .collect();
    bencher.counter(bytes()).bench(|| {
        for (doc, seg) in docs.iter().zip(&segs) {
            divan::black_box(annotate(doc, seg));
        }
    });
}

#[divan::bench]
fn entities(bencher: Bencher) {
    bench_layer(bencher, parallax_entities::annotate);
}

#[divan::bench]
fn time(bencher: Bencher) {
    bench_layer(bencher, parallax_time::annotate);
}

#[divan::bench]
fn figures(bencher: Bencher) {
    bench_layer(bencher, parallax_figures::annotate);
}

#[divan::bench]
fn quotes(bencher: Bencher) {
    bench_layer(bencher, |doc, seg| {
        let entities = parallax_entities::annotate(doc, seg);
        parallax_quotes::annotate(doc, seg, &entities.mentions, &entities.local_entities)
    });
}

#[divan::bench]
fn voice(bencher: Bencher) {
    bench_layer(bencher, |doc, seg| parallax_voice::annotate(doc, seg, &[]));
}

#[divan::bench]
fn whole_pipeline(bencher: Bencher) {
    let docs = documents();
    bencher.counter(bytes()).bench(|| {
        for doc in &docs {
            divan::black_box(parallax_pipeline::analyze(doc));
        }
    });
}

/// The whole per-document stage on one long document made of the fixture articles, at growing
/// lengths: past the 256 KiB the annotators read (see `budget`), the time stops growing.
#[divan::bench(args = [65_536, 262_144, 1_048_576, 4_194_304], sample_count = 3, sample_size = 1)]
fn long_document(bencher: Bencher, bytes: usize) {
    let mut text = String::new();
    while text.len() < bytes {
        for a in ARTICLES {
            text.push_str(a);
            text.push_str("\n\n");
        }
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    let doc = Document::new("long", text, "long.txt");
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| divan::black_box(parallax_pipeline::analyze(&doc)));
}
