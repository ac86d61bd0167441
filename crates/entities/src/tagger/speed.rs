//! Tagger-only speed check over CoNLL-2003's test set (ignored by default: it needs the data in
//! `../shared/data`). Prints tokens per second of wall time and of this thread's CPU time, and a
//! checksum of every span found, so that a speed change can be shown not to change the output.
//!
//! `cargo test --release -p parallax-entities tagger_speed -- --ignored --nocapture`

use super::model;
use std::time::Instant;

/// CoNLL documents as sentences of tokens (`-DOCSTART-` separates documents).
fn conll_documents(text: &str) -> Vec<Vec<Vec<&str>>> {
    let mut docs: Vec<Vec<Vec<&str>>> = vec![Vec::new()];
    let mut sentence = Vec::new();
    for line in text.lines() {
        let word = line.split_whitespace().next();
        match word {
            None => {
                if !sentence.is_empty() {
                    docs.last_mut()
                        .into_iter()
                        .for_each(|d| d.push(sentence.clone()));
                    sentence.clear();
                }
            }
            Some("-DOCSTART-") => docs.push(Vec::new()),
            Some(w) => sentence.push(w),
        }
    }
    if let (false, Some(d)) = (sentence.is_empty(), docs.last_mut()) {
        d.push(sentence);
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// This thread's CPU time in nanoseconds (Linux), when readable.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

#[test]
#[ignore = "needs ../shared/data/conll2003-en; run with --ignored --nocapture"]
fn tagger_speed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/conll2003-en/test.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let docs = conll_documents(&text);
    let model = model().expect("committed model decodes");
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let mut checksum = 0u64;
    let mut spans = 0usize;
    for doc in &docs {
        for (s, found) in model.document_spans(doc).iter().enumerate() {
            for span in found {
                spans += 1;
                let v = (s as u64) << 40
                    | (span.start as u64) << 24
                    | (span.end as u64) << 8
                    | span.class as u64;
                checksum = checksum.rotate_left(7) ^ v;
            }
        }
    }
    eprintln!("{tokens} tokens, {spans} spans, checksum {checksum:016x}");
    // Five batches of four rounds; the machine is shared, so the best batch is the least
    // disturbed one and the median the typical one.
    let rounds = 4;
    let mut cpu_rates = Vec::new();
    let mut wall_rates = Vec::new();
    for _ in 0..5 {
        let cpu0 = thread_cpu_ns();
        let wall = Instant::now();
        let mut found = 0usize;
        for _ in 0..rounds {
            for doc in &docs {
                found += model
                    .document_spans(doc)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>();
            }
        }
        let wall = wall.elapsed().as_secs_f64();
        assert_eq!(found, spans * rounds);
        let n = (tokens * rounds) as f64;
        wall_rates.push(n / wall);
        if let (Some(a), Some(b)) = (cpu0, thread_cpu_ns()) {
            cpu_rates.push(n / ((b - a) as f64 / 1e9));
        }
    }
    for (what, rates) in [("wall", &mut wall_rates), ("cpu", &mut cpu_rates)] {
        rates.sort_by(f64::total_cmp);
        if let (Some(best), Some(median)) = (rates.last(), rates.get(rates.len() / 2)) {
            eprintln!("{what} time: best {best:.0} tokens/s, median {median:.0} tokens/s");
        }
    }
}
