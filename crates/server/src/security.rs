//! Response headers and request bounds applied to every route.
//!
//! Article text is untrusted: besides escaping (maud), the Content-Security-Policy forbids any
//! script but our own static file, so injected markup could not run even if it slipped through.
//! Requests are bounded: only GET and HEAD, no body, a short query string.

use axum::{
    body::Body,
    http::{header, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

/// Longest query string accepted, in bytes (a 256-character query percent-encoded plus filters).
pub const MAX_QUERY_BYTES: usize = 2048;
/// Longest path accepted, in bytes.
pub const MAX_PATH_BYTES: usize = 512;

/// Refuses what the app never needs, then adds the security headers to whatever is answered.
pub async fn guard(request: Request<Body>, next: Next) -> Response {
    let refused = if request.method() != Method::GET && request.method() != Method::HEAD {
        Some((
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served",
        ))
    } else if request.uri().query().map_or(0, str::len) > MAX_QUERY_BYTES {
        Some((StatusCode::URI_TOO_LONG, "the query string is too long"))
    } else if request.uri().path().len() > MAX_PATH_BYTES {
        Some((StatusCode::URI_TOO_LONG, "the path is too long"))
    } else {
        None
    };
    let mut response = match refused {
        Some(r) => r.into_response(),
        None => next.run(request).await,
    };
    let busy = response.status() == StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if busy {
        // Every "busy" answer says when to come back.
        headers
            .entry(header::RETRY_AFTER)
            .or_insert(HeaderValue::from(crate::net::RETRY_AFTER_SECONDS));
    }
    response
}
