//! `read_file` end to end on small files written to a temporary folder: every supported format,
//! and every kind of bad input, each reported once with the file (or record) and the reason.

use parallax_ingest::{read_file, FieldNames, Limits, Manifest};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn reason_of(path: &Path) -> String {
    let outcome = read_file(path, &Manifest::default(), &Limits::default());
    assert!(
        outcome.documents.is_empty(),
        "{path:?} should give no document"
    );
    assert_eq!(outcome.skipped.len(), 1, "{path:?}: {:?}", outcome.skipped);
    assert_eq!(outcome.skipped[0].source, path.display().to_string());
    outcome.skipped[0].reason.clone()
}

#[test]
fn plain_text_with_manifest_and_inferred_title() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        b"\xef\xbb\xbfRiver bursts its banks\r\n\r\nWater rose.\r\n",
    );
    let b = write(dir.path(), "b.md", b"Water rose again today.\nMore.\n");
    let manifest = write(
        dir.path(),
        "manifest.csv",
        b"path,outlet,published\nb.md,The Courier,2024-03-01\n",
    );
    let manifest = Manifest::load(&manifest).unwrap();

    let doc = read_file(&a, &manifest, &Limits::default())
        .documents
        .remove(0);
    assert_eq!(doc.text, "River bursts its banks\n\nWater rose.\n");
    assert_eq!(doc.meta.title.as_deref(), Some("River bursts its banks"));
    assert_eq!(doc.source, a.display().to_string());
    assert_eq!(doc.id, parallax_ingest::document_id(&doc.text));
    let messages: Vec<&str> = doc.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("CRLF")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("byte-order mark")),
        "{messages:?}"
    );

    let doc = read_file(&b, &manifest, &Limits::default())
        .documents
        .remove(0);
    assert_eq!(doc.meta.outlet.as_deref(), Some("The Courier"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-01"));
    assert_eq!(doc.meta.title, None, "a sentence is not a headline");
}

#[test]
fn bad_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(reason_of(&write(d, "empty.txt", b"")).contains("empty"));
    assert!(reason_of(&write(d, "blank.txt", b" \n\n ")).contains("empty"));
    assert!(reason_of(&write(d, "bin.txt", b"GIF89a\0\0\x01")).contains("binary"));
    assert!(reason_of(&write(
        d,
        "sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url/></urlset>"
    ))
    .contains("root element is <urlset>, not an RSS or Atom feed"));
    assert!(reason_of(&write(d, "bad.json", b"[{\"text\": ")).contains("malformed JSON"));
    assert!(reason_of(&write(d, "bad.warc", b"not a warc at all")).contains("malformed WARC"));
    assert!(reason_of(&write(d, "bad.warc.gz", b"not gzip")).contains("gzip"));
    assert!(reason_of(&write(
        d,
        "nav.html",
        b"<html><body><nav>Home</nav></body></html>"
    ))
    .contains("no article text"));
    assert!(reason_of(&d.join("missing.txt")).contains("cannot read"));
    assert!(reason_of(&write(d, "a.pdf", b"%PDF")).contains("unsupported"));

    let big = write(d, "big.txt", &vec![b'a'; 2048]);
    let limits = Limits {
        max_file_bytes: 1024,
        ..Limits::default()
    };
    let outcome = read_file(&big, &Manifest::default(), &limits);
    assert!(outcome.skipped[0]
        .reason
        .contains("over the 1024-byte limit"));
}

#[test]
fn json_lines_skip_only_the_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.jsonl",
        b"{\"title\":\"A\",\"maintext\":\"First.\",\"url\":\"https://www.courier.example/a\"}\n{bad json\n{\"text\":\"Second.\",\"source_domain\":\"star.example\"}\n",
    );
    let outcome = read_file(&path, &Manifest::default(), &Limits::default());
    assert_eq!(outcome.documents.len(), 2);
    assert_eq!(
        outcome.documents[0].source,
        format!("{}#line 1", path.display())
    );
    assert_eq!(
        outcome.documents[0].meta.outlet.as_deref(),
        Some("courier.example")
    );
    assert_eq!(
        outcome.documents[1].meta.outlet.as_deref(),
        Some("star.example")
    );
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(
        outcome.skipped[0].source,
        format!("{}#line 2", path.display())
    );
}

fn warc_record(uri: &str, http: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

#[test]
fn warc_and_warc_gz_pages() {
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Flood</title></head><body><article><p>Water rose overnight in the valley town, officials said on Friday.</p></article></body></html>";
    let warc = format!(
        "{}WARC/1.0\r\nbroken header\r\n\r\n{}",
        warc_record("https://www.courier.example/a", page),
        warc_record("https://star.example/b", page)
    );
    let dir = tempfile::tempdir().unwrap();
    let plain = write(dir.path(), "crawl.warc", warc.as_bytes());
    let outcome = read_file(&plain, &Manifest::default(), &Limits::default());
    assert_eq!(outcome.documents.len(), 2, "{:?}", outcome.skipped);
    let doc = &outcome.documents[0];
    assert!(doc.text.starts_with("Water rose"), "{}", doc.text);
    assert_eq!(doc.source, format!("{}#record 1", plain.display()));
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("https://www.courier.example/a")
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("courier.example"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-01T10:00:00Z"));
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(
        outcome.skipped[0].source,
        format!("{}#record 2", plain.display())
    );

    use std::io::Write;
    let mut gz = Vec::new();
    // Two gzip members, as crawlers write them (one per record).
    for record in [
        warc_record("https://a.example/1", page),
        warc_record("https://a.example/2", page),
    ] {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(record.as_bytes()).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    let zipped = write(dir.path(), "crawl.warc.gz", &gz);
    let outcome = read_file(&zipped, &Manifest::default(), &Limits::default());
    assert_eq!(outcome.documents.len(), 2, "{:?}", outcome.skipped);
}

#[test]
fn html_file_metadata_and_manifest_precedence() {
    let dir = tempfile::tempdir().unwrap();
    let html = br#"<html><head><title>Flood hits the valley | Courier</title>
        <meta property="og:url" content="https://courier.example/flood">
        <meta property="og:site_name" content="The Courier"></head>
        <body><article><h1>Flood hits the valley</h1>
        <p>Water rose overnight in the valley town, officials said on Friday.</p></article></body></html>"#;
    let path = write(dir.path(), "flood.html", html);
    let doc = read_file(&path, &Manifest::default(), &Limits::default())
        .documents
        .remove(0);
    assert_eq!(doc.meta.outlet.as_deref(), Some("The Courier"));
    assert_eq!(doc.meta.title.as_deref(), Some("Flood hits the valley"));
    assert!(!doc.text.contains("Flood hits"), "{}", doc.text);

    let manifest = write(
        dir.path(),
        "m.jsonl",
        b"{\"url\":\"https://courier.example/flood\",\"outlet\":\"Courier (print)\"}\n",
    );
    let manifest = Manifest::load(&manifest).unwrap();
    let doc = read_file(&path, &manifest, &Limits::default())
        .documents
        .remove(0);
    assert_eq!(doc.meta.outlet.as_deref(), Some("Courier (print)"));
}

#[test]
fn a_nul_line_in_json_lines_costs_only_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.jsonl",
        b"{\"text\":\"First.\"}\n\0\0\0\0\0\0\n{\"text\":\"Second.\"}\n",
    );
    let outcome = read_file(&path, &Manifest::default(), &Limits::default());
    assert_eq!(outcome.documents.len(), 2, "{:?}", outcome.skipped);
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(
        outcome.skipped[0].source,
        format!("{}#line 2", path.display())
    );
    assert!(outcome.skipped[0].reason.contains("NUL byte"));
}

#[test]
fn a_damaged_gzip_member_costs_only_its_records() {
    use std::io::Write;
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Water rose overnight in the valley town, officials said on Friday.</p></article></body></html>";
    let members: Vec<Vec<u8>> = (1..=3)
        .map(|i| {
            let record = warc_record(&format!("https://a.example/{i}"), page);
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(record.as_bytes()).unwrap();
            enc.finish().unwrap()
        })
        .collect();
    let mut damaged = members[1].clone();
    let at = damaged.len() / 2;
    damaged[at..at + 8].iter_mut().for_each(|b| *b ^= 0xff);
    let offset = members[0].len();
    let gz = [members[0].clone(), damaged, members[2].clone()].concat();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crawl.warc.gz", &gz);
    let outcome = read_file(&path, &Manifest::default(), &Limits::default());
    let urls: Vec<&str> = outcome
        .documents
        .iter()
        .filter_map(|d| d.meta.url.as_deref())
        .collect();
    assert!(urls.contains(&"https://a.example/1"), "{urls:?}");
    assert!(urls.contains(&"https://a.example/3"), "{urls:?}");
    let named = format!("{}#gzip member at byte {offset}", path.display());
    assert!(
        outcome.skipped.iter().any(|s| s.source == named),
        "{:?}",
        outcome.skipped
    );
}

#[cfg(unix)]
#[test]
fn reading_stops_at_the_limit_and_never_opens_special_files() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    assert!(reason_of(&link).contains("a character device, not a regular file"));
    let fifo = dir.path().join("pipe.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // Would block forever if opened for reading without a writer.
    assert!(reason_of(&fifo).contains("a FIFO"));
}

fn notes(doc: &parallax_core::Document) -> String {
    doc.diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn one_document(path: &Path, manifest: &Manifest) -> parallax_core::Document {
    let mut outcome = read_file(path, manifest, &Limits::default());
    assert_eq!(
        outcome.documents.len(),
        1,
        "{path:?}: {:?}",
        outcome.skipped
    );
    outcome.documents.remove(0)
}

#[test]
fn legacy_encodings_are_decoded_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let doc = one_document(
        &write(
            d,
            "latin1.txt",
            b"Caf\xe9 au lait, said the \x93owner\x94 of the caf\xe9 near the station.",
        ),
        &Manifest::default(),
    );
    assert_eq!(
        doc.text,
        "Caf\u{e9} au lait, said the \u{201c}owner\u{201d} of the caf\u{e9} near the station."
    );
    assert!(
        notes(&doc).contains("decoded as windows-1252"),
        "{}",
        notes(&doc)
    );

    let page = b"<html><head><meta charset=\"iso-8859-1\"><title>Gr\xfc\xdfe</title></head><body><article><p>Die Stadtverwaltung teilte am Freitag mit, dass die Br\xfccke gesperrt bleibt.</p></article></body></html>";
    let doc = one_document(&write(d, "page.html", page), &Manifest::default());
    assert!(doc.text.contains("Br\u{fc}cke"), "{}", doc.text);
    assert_eq!(doc.meta.title.as_deref(), Some("Gr\u{fc}\u{df}e"));
    assert!(
        notes(&doc).contains("decoded as windows-1252 (declared in the document)"),
        "{}",
        notes(&doc)
    );

    let words = "Flood warning\n\nThe river rose overnight, officials said.\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(words.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let doc = one_document(&write(d, "utf16.txt", &utf16), &Manifest::default());
    assert_eq!(doc.text, words);
    assert!(
        notes(&doc).contains("UTF-16LE (byte-order mark)"),
        "{}",
        notes(&doc)
    );

    let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<html><body><article><p>The mayor\u{2019}s office said the bridge stays closed until Monday.</p></article></body></html>";
    let (http, _, _) = encoding_rs::WINDOWS_1252.encode(http);
    let mut warc = format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\nContent-Length: {}\r\n\r\n", http.len()).into_bytes();
    warc.extend_from_slice(&http);
    warc.extend_from_slice(b"\r\n\r\n");
    let doc = one_document(&write(d, "crawl.warc", &warc), &Manifest::default());
    assert!(doc.text.contains("mayor\u{2019}s"), "{}", doc.text);
    assert!(
        notes(&doc).contains("declared by the HTTP Content-Type header"),
        "{}",
        notes(&doc)
    );
}

#[test]
fn mojibake_titles_are_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.jsonl",
        "{\"title\":\"Ã¢â‚¬Ëœ Riverton floods\",\"text\":\"Water rose.\"}\n".as_bytes(),
    );
    let doc = one_document(&path, &Manifest::default());
    assert_eq!(doc.meta.title.as_deref(), Some("\u{2018} Riverton floods"));
    assert!(
        notes(&doc).contains("mojibake repaired in the title"),
        "{}",
        notes(&doc)
    );
}

#[test]
fn feeds_are_read_item_by_item_whatever_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let rss = r#"<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courier</title>
<item><title>Bridge closed</title><link>https://www.courier.example/bridge</link><pubDate>Sat, 02 Mar 2024 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The bridge over the river was closed on Saturday after the water rose overnight.</p><p>Engineers will inspect it on Monday, the city said.</p>]]></content:encoded></item>
<item><title>Empty</title></item></channel></rss>"#;
    for name in ["world.rss", "world.xml", "saved-feed.html"] {
        let path = write(dir.path(), name, rss.as_bytes());
        let outcome = read_file(&path, &Manifest::default(), &Limits::default());
        assert_eq!(outcome.documents.len(), 1, "{name}: {:?}", outcome.skipped);
        let doc = &outcome.documents[0];
        assert_eq!(doc.source, format!("{}#item 1", path.display()));
        assert!(
            doc.text.contains("Engineers will inspect it on Monday"),
            "{}",
            doc.text
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Bridge closed"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("courier.example"));
        assert_eq!(doc.meta.published.as_deref(), Some("2024-03-02T09:30:00Z"));
        assert_eq!(outcome.skipped.len(), 1);
        assert_eq!(
            outcome.skipped[0].source,
            format!("{}#item 2", path.display())
        );
        assert!(outcome.skipped[0].reason.contains("no content"));
    }
}

#[test]
fn json_lines_with_the_users_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "data.jsonl", b"{\"id\":1,\"content_original\":\"Water rose.\",\"date\":\"2024-03-01\",\"site\":\"Star\"}\n");
    let outcome = read_file(&path, &Manifest::default(), &Limits::default());
    assert!(
        outcome.skipped[0].reason.contains("--field text=NAME"),
        "{:?}",
        outcome.skipped
    );
    let fields = FieldNames::parse(&["text=content_original", "outlet=site"]).unwrap();
    let doc = one_document(&path, &Manifest::with_fields(fields));
    assert_eq!(doc.text, "Water rose.");
    assert_eq!(doc.meta.outlet.as_deref(), Some("Star"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-01"));
}

/// `n` JSON Lines records of about `size` bytes each, numbered so that no two texts are equal.
fn json_lines(n: usize, size: usize) -> Vec<u8> {
    let sentence = "Water rose overnight in the valley town, officials said on Friday. ";
    let body = sentence.repeat(size / sentence.len() + 1);
    (0..n)
        .map(|i| format!("{{\"title\":\"Flood {i}\",\"text\":\"Report {i}. {body}\"}}\n"))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn json_lines_over_the_file_limit_are_read_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let limit = Limits::default().max_file_bytes as usize;
    let bytes = json_lines(limit / 10_000 + 100, 10_000);
    assert!(bytes.len() > limit);
    let path = write(dir.path(), "big.jsonl", &bytes);
    let outcome = read_file(&path, &Manifest::default(), &Limits::default());
    assert!(outcome.skipped.is_empty(), "{:?}", outcome.skipped);
    assert_eq!(outcome.documents.len(), limit / 10_000 + 100);
    let last = outcome.documents.last().unwrap();
    assert_eq!(
        last.source,
        format!("{}#line {}", path.display(), limit / 10_000 + 100)
    );
    // A file that is one JSON array is still read whole, under the file limit.
    let array = write(dir.path(), "big.json", &[b"[", &bytes[..], b"]"].concat());
    assert!(reason_of(&array).contains("-byte limit"));
}

#[test]
fn an_oversized_record_costs_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_record_bytes: 2_000,
        ..Limits::default()
    };
    let small = json_lines(3, 100);
    let huge = json_lines(1, 5_000);
    let mut bytes = Vec::new();
    for (i, line) in small.split_inclusive(|&b| b == b'\n').enumerate() {
        bytes.extend_from_slice(line);
        if i == 0 {
            bytes.extend_from_slice(&huge);
        }
    }
    let path = write(dir.path(), "mixed.jsonl", &bytes);
    let outcome = read_file(&path, &Manifest::default(), &limits);
    let sources: Vec<&str> = outcome
        .documents
        .iter()
        .map(|d| d.source.rsplit('#').next().unwrap())
        .collect();
    assert_eq!(sources, vec!["line 1", "line 3", "line 4"]);
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(
        outcome.skipped[0].source,
        format!("{}#line 2", path.display())
    );
    assert_eq!(
        outcome.skipped[0].reason,
        format!(
            "the record is {} bytes, over the 2000-byte limit for one record",
            huge.len() - 1
        )
    );
}

#[test]
fn binary_json_lines_are_one_reason_and_bad_lines_stay_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let many_bad = "x\n".repeat(2_000);
    let binary = write(dir.path(), "a.jsonl", format!("\0\n{many_bad}").as_bytes());
    let outcome = read_file(&binary, &Manifest::default(), &Limits::default());
    assert_eq!(outcome.skipped.len(), 1, "{:?}", &outcome.skipped[..2]);
    assert!(outcome.skipped[0]
        .reason
        .contains("NUL byte at byte offset 0"));
    // Bad lines without a NUL byte are each reported; a NUL after the window is one more.
    let text = write(
        dir.path(),
        "b.jsonl",
        format!("{many_bad}\0\n{{\"text\":\"Kept.\"}}\n").as_bytes(),
    );
    let outcome = read_file(&text, &Manifest::default(), &Limits::default());
    assert_eq!(outcome.skipped.len(), 2_001);
    assert_eq!(outcome.documents.len(), 1);
    assert!(reason_of(&write(dir.path(), "c.jsonl", b"\n  \n")).contains("empty"));
}
