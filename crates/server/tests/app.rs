//! The app end to end in process: the fixture corpus and the hostile page are ingested,
//! analyzed and stored, then every route is requested through the router.

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use parallax_server::app;
use parallax_server::live::Live;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Ingests and analyzes `paths` (the fixture manifest supplies outlets and dates).
fn analyzed(paths: &[PathBuf]) -> Vec<(parallax_core::Document, parallax_core::Analysis)> {
    let manifest =
        parallax_ingest::Manifest::load(&fixtures().join("corpus/text/manifest.csv")).unwrap();
    let (files, _) = parallax_ingest::discover(paths);
    let mut items = Vec::new();
    for f in &files {
        let outcome = parallax_ingest::read_file(f, &manifest, &parallax_ingest::Limits::default());
        for doc in outcome.documents {
            let analysis = parallax_pipeline::analyze(&doc);
            items.push((doc, analysis));
        }
    }
    items
}

/// One store for all tests: the text corpus with its manifest plus the hostile HTML page.
fn state() -> Arc<Live> {
    static STATE: OnceLock<(tempfile::TempDir, Arc<Live>)> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let items = analyzed(&[
                fixtures().join("corpus/text"),
                fixtures().join("adversarial/hostile.html"),
            ]);
            assert!(items.len() >= 7, "fixtures ingested: {}", items.len());
            parallax_store::Store::open(dir.path())
                .unwrap()
                .put(&items)
                .unwrap();
            let state = Arc::new(Live::load(dir.path()).unwrap());
            (dir, state)
        })
        .1
        .clone()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn request(method: Method, uri: &str) -> Answer {
    request_to(state(), method, uri).await
}

async fn request_to(live: Arc<Live>, method: Method, uri: &str) -> Answer {
    let response = app(live)
        .oneshot(
            Request::builder()
                .method(method)
                .uri(uri)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 16 << 20).await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

async fn get(uri: &str) -> Answer {
    request(Method::GET, uri).await
}

fn hostile_id() -> String {
    state()
        .snapshot()
        .corpus
        .dossier
        .documents
        .iter()
        .find(|d| d.source.ends_with("hostile.html"))
        .map(|d| d.id.clone())
        .expect("hostile page stored")
}

fn assert_safe(html: &str) {
    // The story map is our own inline SVG (parallax-report::map); any other is the article's.
    let lower = html.to_lowercase().replace(
        "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\"",
        "",
    );
    // Escaped, the same words are harmless text: only real tags and attributes are checked.
    assert!(!lower.contains("<script"), "script tag");
    assert!(!lower.contains("<img"), "img tag");
    assert!(!lower.contains("<svg"), "svg tag");
    assert!(!lower.contains("<iframe"), "iframe tag");
    assert!(!lower.contains("href=\"javascript:"), "javascript: link");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for uri in [
        "/",
        "/search?q=surrender",
        "/api/documents",
        "/nope",
        "/static/style.css",
    ] {
        let a = get(uri).await;
        assert_eq!(
            a.headers["content-security-policy"],
            parallax_server::security::CONTENT_SECURITY_POLICY,
            "{uri}"
        );
        assert_eq!(a.headers["x-content-type-options"], "nosniff", "{uri}");
    }
}

#[tokio::test]
async fn hostile_article_is_escaped_on_every_page() {
    let id = hostile_id();
    let page = get(&format!("/doc/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_safe(&page.body);
    assert!(
        page.body.contains("&lt;script&gt;"),
        "the text is shown, escaped"
    );
    for uri in [
        "/".to_string(),
        "/story/all".to_string(),
        "/search?q=inject".to_string(),
        "/search?q=script".to_string(),
    ] {
        let a = get(&uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_safe(&a.body);
    }
    // The API returns the text as data: JSON that browsers must not sniff as HTML.
    let api = get(&format!("/api/documents/{id}")).await;
    assert_eq!(api.headers["content-type"], "application/json");
    assert_eq!(api.headers["x-content-type-options"], "nosniff");
    let outlets = get("/api/outlets").await.body;
    let json: serde_json::Value = serde_json::from_str(&outlets).unwrap();
    for o in json["items"].as_array().unwrap() {
        let name = o["outlet"].as_str().unwrap();
        let page = get(&format!("/outlet/{}", parallax_server::links::encode(name))).await;
        assert_eq!(page.status, StatusCode::OK, "outlet {name}");
        assert_safe(&page.body);
    }
}

#[tokio::test]
async fn search_finds_phrases_with_highlights_and_facets() {
    let page = get("/search?q=surrender").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<mark>surrender</mark>")
            || page.body.contains("<mark>Surrender</mark>")
    );
    let api = get("/api/search?q=%22single+village%22&kind=quote").await;
    assert_eq!(api.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert!(json["total"].as_u64().unwrap() >= 1);
    assert!(json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["kind"] == "quote"));
    assert!(json["facets"]["outlet"].as_array().is_some());
}

#[tokio::test]
async fn bad_queries_are_clean_400s() {
    for uri in [
        "/search?q=-only",
        "/search?q=ab*",
        "/search?q=x&from=yesterday",
        "/search?q=x&kind=poem",
        "/search?q=x&entity=nobody",
        "/api/search?q=-only",
        "/api/search?q=%22",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}");
    }
    let long = format!("/api/search?q={}", "a".repeat(300));
    assert_eq!(get(&long).await.status, StatusCode::BAD_REQUEST);
    let huge = format!("/search?q={}", "a".repeat(5000));
    assert_eq!(get(&huge).await.status, StatusCode::URI_TOO_LONG);
    // FTS5 syntax in the input is only ever words.
    let a = get("/api/search?q=NEAR(drevna+shelling)+OR+title%3Ax+%5E").await;
    assert_eq!(a.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404s_and_writes_are_refused() {
    for uri in [
        "/doc/..%2F..%2Fetc%2Fpasswd",
        "/doc/nope",
        "/entity/nope",
        "/story/nope",
        "/outlet/nope",
        "/api/documents/nope",
        "/api/nothing",
    ] {
        assert_eq!(get(uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    let api = get("/api/entities/nope").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert!(api.body.contains("\"error\""));
    assert_eq!(
        request(Method::POST, "/").await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn claim_cells_link_to_their_highlighted_sentence() {
    let story = get("/story/all").await;
    assert_eq!(story.status, StatusCode::OK);
    let start = story
        .body
        .find("class=\"claim-cell\" href=\"")
        .expect("a claim cell");
    let rest = &story.body[start + "class=\"claim-cell\" href=\"".len()..];
    let href = rest[..rest.find('"').unwrap()].replace("&amp;", "&");
    assert!(
        href.starts_with("/doc/") && href.contains("?hl=") && href.contains("#s-"),
        "{href}"
    );
    let target = href.split('#').next().unwrap();
    let doc = get(target).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(
        doc.body.contains(" hl\"") || doc.body.contains("\"hl\""),
        "highlighted span"
    );
    assert!(doc.body.contains("s target"), "highlighted sentence");
}

#[tokio::test]
async fn story_events_table_links_each_report_to_its_sentence_and_the_api_filters() {
    let story = get("/story/all").await;
    assert_eq!(story.status, StatusCode::OK);
    let table = &story.body[story
        .body
        .find("<section id=\"events\"")
        .expect("events section")..];
    let table = &table[..table.find("</section>").unwrap()];
    assert!(table.contains("<th>Who</th>") && table.contains("<th>To whom</th>"));
    let row = table.find("<tr id=\"event-").expect("an event row");
    let link = &table[row..];
    let start = link
        .find("class=\"ctx\" href=\"")
        .expect("a report linked to its sentence");
    let rest = &link[start + "class=\"ctx\" href=\"".len()..];
    let href = rest[..rest.find('"').unwrap()].replace("&amp;", "&");
    assert!(
        href.starts_with("/doc/") && href.contains("?hl=") && href.contains("#s-"),
        "{href}"
    );
    let doc = get(href.split('#').next().unwrap()).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(doc.body.contains("s target"), "highlighted sentence");

    let all = get("/api/events?per_page=100").await;
    assert_eq!(all.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&all.body).unwrap();
    let items = json["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let first_type = items[0]["type"].as_str().unwrap().to_string();
    let first_doc = items[0]["reports"][0]["evidence"]["doc"]
        .as_str()
        .unwrap()
        .to_string();
    let of_type = get(&format!(
        "/api/events?per_page=100&type={}",
        first_type.to_lowercase()
    ))
    .await;
    let of_type: serde_json::Value = serde_json::from_str(&of_type.body).unwrap();
    let typed = of_type["items"].as_array().unwrap();
    assert!(!typed.is_empty() && typed.iter().all(|e| e["type"] == first_type.as_str()));
    let of_doc = get(&format!("/api/events?per_page=100&doc={first_doc}")).await;
    let of_doc: serde_json::Value = serde_json::from_str(&of_doc.body).unwrap();
    assert!(of_doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["reports"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["evidence"]["doc"] == first_doc.as_str())));
    let none = get("/api/events?type=NO_SUCH_TYPE").await;
    let none: serde_json::Value = serde_json::from_str(&none.body).unwrap();
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn entity_pages_and_api_lists_are_bounded() {
    let list = get("/api/entities?per_page=100000&page=1").await;
    let json: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    assert_eq!(json["per_page"], 100);
    let first = json["items"][0]["id"].as_str().unwrap().to_string();
    let page = get(&format!("/entity/{first}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Mentions per outlet"));
    for uri in [
        "/api/quotes",
        "/api/figures",
        "/api/claims",
        "/api/stories",
        "/api/events",
        "/api/openapi.json",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        serde_json::from_str::<serde_json::Value>(&a.body).unwrap();
    }
}

#[tokio::test]
async fn articles_added_while_serving_appear_after_a_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = parallax_store::Store::open(dir.path()).unwrap();
    store
        .put(&analyzed(&[fixtures().join("adversarial/hostile.html")]))
        .unwrap();
    let live = Arc::new(Live::load(dir.path()).unwrap());
    let count = |a: Answer| -> u64 {
        let json: serde_json::Value = serde_json::from_str(&a.body).unwrap();
        json["total"].as_u64().unwrap()
    };
    let docs = || request_to(live.clone(), Method::GET, "/api/documents");
    let search = || request_to(live.clone(), Method::GET, "/api/search?q=Lorvik");
    assert_eq!(count(docs().await), 1);
    assert_eq!(count(search().await), 0);
    assert!(!live.refresh().unwrap(), "nothing written yet");

    let added = analyzed(&[fixtures().join("corpus/text")]);
    store.put(&added).unwrap();
    // Until the watcher looks, the old snapshot is served whole.
    assert_eq!(count(docs().await), 1);
    assert!(live.refresh().unwrap());
    assert_eq!(count(docs().await), 1 + added.len() as u64);
    assert!(count(search().await) > 0, "new articles are searchable");
    assert!(!live.refresh().unwrap(), "already current");
}

#[tokio::test]
async fn entity_page_shows_each_outlets_labels_linked_to_their_sentences() {
    use parallax_server::links::encode;
    let list = get("/api/entities?per_page=100").await;
    let json: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    let ids: Vec<String> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str().map(str::to_string))
        .collect();
    let mut labelled = None;
    for id in &ids {
        let detail = get(&format!("/api/entities/{}", encode(id))).await;
        let detail: serde_json::Value = serde_json::from_str(&detail.body).unwrap();
        let label = detail["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|o| o["labels"]["items"].as_array().cloned().unwrap_or_default())
            .next();
        if let Some(label) = label {
            labelled = Some((id.clone(), label));
            break;
        }
    }
    let (id, label) = labelled.expect("some fixture entity is labelled");
    let page = get(&format!("/entity/{}", encode(&id))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("How each outlet names it"));
    let text = label["text"].as_str().unwrap();
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(page.body.contains(&escaped), "label {text:?} on the page");
    let link = format!(
        "/doc/{}?hl={}-{}#s-",
        encode(label["doc"].as_str().unwrap()),
        label["span"][0],
        label["span"][1]
    );
    assert!(
        page.body.contains(&link),
        "label linked to its sentence: {link}"
    );
}

/// A request through the access rules, with the given headers.
async fn guarded(
    access: parallax_server::access::Access,
    uri: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let mut builder = Request::builder().uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = parallax_server::guarded_app(state(), access)
        .oneshot(builder.body(Body::empty()).unwrap())
        .await
        .unwrap();
    Answer {
        status: response.status(),
        headers: response.headers().clone(),
        body: String::from_utf8_lossy(&to_bytes(response.into_body(), 16 << 20).await.unwrap())
            .into_owned(),
    }
}

#[tokio::test]
async fn only_requests_naming_this_server_are_answered() {
    use parallax_server::access::Access;
    let local = || {
        Access::new(
            "127.0.0.1:8642".parse().unwrap(),
            &["dossier.lan".into()],
            None,
        )
    };
    for host in [
        "localhost:8642",
        "127.0.0.1:8642",
        "[::1]:8642",
        "dossier.lan",
    ] {
        let a = guarded(local(), "/api/documents", &[("host", host)]).await;
        assert_eq!(a.status, StatusCode::OK, "{host}");
    }
    // DNS rebinding: the attacker's name, pointed at 127.0.0.1.
    let a = guarded(
        local(),
        "/api/documents",
        &[("host", "attacker.example:8642")],
    )
    .await;
    assert_eq!(a.status, StatusCode::MISDIRECTED_REQUEST);
    assert!(!a.body.contains("Drevna"));
    let a = guarded(local(), "/api/documents", &[]).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_public_server_needs_its_token() {
    use parallax_server::access::Access;
    let public = || {
        Access::new(
            "0.0.0.0:8642".parse().unwrap(),
            &[],
            Some("s3cret-token".into()),
        )
    };
    let host = ("host", "192.168.1.20:8642");
    let a = guarded(public(), "/api/documents", &[host]).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert!(!a.body.contains("Drevna"));
    let a = guarded(
        public(),
        "/api/documents",
        &[host, ("authorization", "Bearer wrong")],
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = guarded(
        public(),
        "/api/documents",
        &[host, ("authorization", "Bearer s3cret-token")],
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let a = guarded(
        public(),
        "/api/documents",
        &[host, ("cookie", "a=b; parallax_token=s3cret-token")],
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    // The token in the address becomes a cookie, and the address loses it.
    let a = guarded(public(), "/search?q=troops&token=s3cret-token", &[host]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.headers["location"], "/search?q=troops");
    let cookie = a.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("parallax_token=s3cret-token;") && cookie.contains("HttpOnly"));
    let a = guarded(public(), "/?token=guess", &[host]).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_searches_share_a_bounded_pool() {
    let live = state();
    let tasks: Vec<_> = (0..64)
        .map(|i| {
            let live = live.clone();
            tokio::spawn(async move {
                request_to(live, Method::GET, &format!("/api/search?q=troops+{i}"))
                    .await
                    .status
            })
        })
        .collect();
    for task in tasks {
        let status = task.await.unwrap();
        assert!(
            status == StatusCode::OK || status == StatusCode::SERVICE_UNAVAILABLE,
            "{status}"
        );
    }
    let open = live.snapshot().searchers.open_connections();
    assert!(
        open <= parallax_server::search::MAX_SEARCHES + 1,
        "{open} index connections for 64 concurrent searches"
    );
}
