//! Fuzzing with proptest: no input, however malformed, makes a reader panic.

use parallax_ingest::{
    extract_html, gunzip, parse_json_records, parse_warc, read_file, Limits, Manifest,
};
use proptest::prelude::*;

/// HTML-ish strings: tags, entities, quotes and multibyte text mixed at random.
fn htmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"share related\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<br>".to_string()),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                .to_string()
        ),
        Just("</script>".to_string()),
        Just("<meta property=\"og:title\" content=\"".to_string()),
        Just("&amp;&#x1F600;&bogus;".to_string()),
        Just("By Ann Lee".to_string()),
        Just("Advertisement".to_string()),
        "[a-zA-Z ,.\"'<>/=éß日本語🙂\n]{0,40}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn extract_html_never_panics(html in htmlish(), url in prop::option::of("[a-z:/.]{0,20}")) {
        let got = extract_html(&html, url.as_deref());
        prop_assert!(!got.text.contains("\n\n\n"));
    }

    #[test]
    fn extract_html_arbitrary_strings(html in any::<String>()) {
        let _ = extract_html(&html, None);
    }

    #[test]
    fn json_records_never_panic(text in any::<String>(), json in "[\\[\\]{}\":,a-z0-9 \n]{0,80}") {
        let _ = parse_json_records(text.as_bytes());
        let _ = parse_json_records(json.as_bytes());
    }

    #[test]
    fn warc_never_panics(bytes in any::<Vec<u8>>(), tail in any::<Vec<u8>>(), len in any::<u64>()) {
        let _ = parse_warc(&bytes);
        let mut framed = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {len}\r\n\r\n").into_bytes();
        framed.extend(&tail);
        let _ = parse_warc(&framed);
        let mut http = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ".to_vec();
        let body = [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".as_slice(), &tail].concat();
        http.extend(format!("{}\r\n\r\n", body.len()).as_bytes());
        http.extend(&body);
        let _ = parse_warc(&http);
        let _ = gunzip(&bytes, 1 << 20);
    }

    #[test]
    fn read_file_never_panics(bytes in any::<Vec<u8>>(), ext in prop::sample::select(vec!["txt", "html", "jsonl", "json", "warc", "warc.gz", "md"])) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("input.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        let outcome = read_file(&path, &Manifest::default(), &Limits::default());
        prop_assert!(!outcome.documents.is_empty() || !outcome.skipped.is_empty());
        for doc in &outcome.documents {
            prop_assert_eq!(&doc.id, &parallax_ingest::document_id(&doc.text));
        }
    }
}
