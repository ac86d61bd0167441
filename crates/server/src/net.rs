//! Connections: how many are served at once, how long each may wait or work, and what a client
//! gets when the server is full.
//!
//! Without bounds, idle sockets alone lock everyone out: with the common limit of 1,024 open
//! files, 1,100 clients that connect and send nothing leave no descriptor to accept anyone
//! else with. So:
//! - at most [`Limits::max_connections`] connections are served at once; a connection beyond
//!   that is answered at once with `503 Service Unavailable` and `Retry-After` and closed (load
//!   shedding), and beyond [`Limits::max_shedding`] such answers in flight it is closed
//!   unanswered, so a flood costs descriptors only for as long as it takes to close them;
//! - a client has [`Limits::header_read_timeout`] to send a request's headers, counted from
//!   when the connection opens or its previous response ends, so an idle keep-alive
//!   connection is closed after that long too;
//! - a request's handling has [`Limits::request_timeout`], after which it is answered 503;
//! - a connection buffers at most [`Limits::max_buffer`] bytes of request (the requests are GETs
//!   without body and a short query: see `security`).

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

/// Seconds a client is told to wait before retrying when the server is full or slow.
pub const RETRY_AFTER_SECONDS: u32 = 1;

/// The bounds on connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_connections: usize,
    pub max_shedding: usize,
    pub header_read_timeout: Duration,
    pub request_timeout: Duration,
    pub max_buffer: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Well under the common 1,024 open files, with room for the store's files.
            max_connections: 256,
            max_shedding: 64,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_buffer: 16 * 1024,
        }
    }
}

/// Accepts and serves connections within `limits` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let app = app.layer(axum::middleware::from_fn_with_state(
        limits.request_timeout,
        request_timeout,
    ));
    let serving = Arc::new(Semaphore::new(limits.max_connections));
    let shedding = Arc::new(Semaphore::new(limits.max_shedding));
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors or a connection reset before it was accepted: wait
                    // for connections to close rather than spin.
                    eprintln!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        match serving.clone().try_acquire_owned() {
            Ok(permit) => {
                let service = TowerToHyperService::new(app.clone());
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .header_read_timeout(limits.header_read_timeout)
                        .max_buf_size(limits.max_buffer)
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                    drop(permit);
                });
            }
            Err(_) => match shedding.clone().try_acquire_owned() {
                Ok(permit) => {
                    tokio::spawn(async move {
                        shed(stream).await;
                        drop(permit);
                    });
                }
                Err(_) => drop(stream),
            },
        }
    }
    // Give the requests in flight a moment to finish.
    let _ = tokio::time::timeout(
        Duration::from_secs(2),
        serving.acquire_many(limits.max_connections as u32),
    )
    .await;
}

/// Answers a connection the server has no room for: 503 with Retry-After, then close. The
/// request is read (briefly) first, so that closing does not reset the connection before the
/// client has read the answer.
async fn shed(mut stream: TcpStream) {
    const BUSY: &str = "the server is busy: retry in a moment\n";
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: {RETRY_AFTER_SECONDS}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{BUSY}",
        BUSY.len()
    );
    let mut buffer = [0u8; 2048];
    let _ = tokio::time::timeout(Duration::from_millis(100), stream.read(&mut buffer)).await;
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(response.as_bytes()).await?;
        stream.shutdown().await
    })
    .await;
}

/// Answers 503 with Retry-After when a request's handling takes longer than `limit`.
async fn request_timeout(
    axum::extract::State(limit): axum::extract::State<Duration>,
    request: Request<Body>,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => busy("the request took too long"),
    }
}

/// A 503 answer telling the client when to retry.
pub fn busy(message: &'static str) -> Response {
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, message).into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    response
}
