// Temporary: dump AEB predictions for cross-checking the metric (not committed).
use std::io::Read;
fn main() {
    let dir = std::path::Path::new("/work/shared/data/scrapinghub-aeb");
    let gt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap())
            .unwrap();
    let mut out = serde_json::Map::new();
    for (key, entry) in gt.as_object().unwrap() {
        let bytes = std::fs::read(dir.join("html").join(format!("{key}.html.gz"))).unwrap();
        let mut html = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut html)
            .unwrap();
        let url = entry.get("url").and_then(|u| u.as_str());
        let ex = parallax_ingest::extract_html(&html, url);
        out.insert(
            key.clone(),
            serde_json::json!({"articleBody": ex.text, "title": ex.meta.title}),
        );
    }
    println!("{}", serde_json::Value::Object(out));
}
