//! Connections: how many are served at once, how long each may wait or work, and what a client
//! gets when the server is full.
//!
//! Without bounds, idle sockets alone lock everyone out: with the common limit of 1,024 open
//! files, 1,100 clients that connect and send nothing leave no descriptor to accept anyone
//! else with. So:
//! - at most [`Limits::max_connections`] connections are served at once; a connection beyond
//!   that is answered at once with `503 Service Unavailable` and `Retry-After` and closed (load
//!   shedding), and beyond [`Limits::max_shedding`] such answers in flight it is closed
//!   unanswered, so a flood costs descriptors only for as long as it takes to close them. Both
//!   are sized from the process's open-file limit ([`Limits::for_this_process`]): 256 and 512
//!   under the common 1,024;
//! - a client has [`Limits::header_read_timeout`] to send a request's headers, counted from
//!   when the connection opens or its previous response ends, so an idle keep-alive
//!   connection is closed after that long too;
//! - a request's handling has [`Limits::request_timeout`], after which it is answered 503;
//! - a connection buffers at most [`Limits::max_buffer`] bytes of request (the requests are GETs
//!   without body and a short query: see `security`);
//! - once requests stop for a while, freed memory is returned to the system ([`crate::memory`]).

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
    /// The limits for the common 1,024 open files.
    fn default() -> Self {
        Limits::for_open_files(1024)
    }
}

impl Limits {
    /// Limits that leave room under `open_files` descriptors: a quarter for connections
    /// served (at most 256), half for 503 answers (at most 512), the rest for the store and
    /// the process.
    pub fn for_open_files(open_files: u64) -> Limits {
        let share = |part: u64, most: usize| ((open_files / part) as usize).clamp(8, most);
        Limits {
            max_connections: share(4, 256),
            max_shedding: share(2, 512),
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_buffer: 16 * 1024,
        }
    }

    /// The limits for this process's open-file limit.
    pub fn for_this_process() -> Limits {
        #[cfg(unix)]
        {
            let mut limit = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // SAFETY: getrlimit writes the struct it is given and nothing else.
            if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
                return Limits::for_open_files(limit.rlim_cur);
            }
        }
        Limits::default()
    }
}

/// Accepts and serves connections within `limits` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let quiet = Arc::new(crate::memory::Quiet::default());
    tokio::spawn(quiet.clone().watch());
    let app = app.layer(axum::middleware::from_fn_with_state(
        (limits.request_timeout, quiet),
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

/// Answers a connection the server has no room for: 503 with Retry-After, written at once (an
/// empty socket takes it whole), then the write side is closed and what the client sends is
/// read and discarded until it closes too, for at most half a second, so that closing
/// does not reset the connection before the client has read the answer. The short wait keeps
/// the [`Limits::max_shedding`] answers turning over under a flood.
async fn shed(mut stream: TcpStream) {
    const BUSY: &str = "the server is busy: retry in a moment\n";
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: {RETRY_AFTER_SECONDS}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{BUSY}",
        BUSY.len()
    );
    let _ = tokio::time::timeout(Duration::from_millis(500), async {
        stream.write_all(response.as_bytes()).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 2048];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<_, std::io::Error>(())
    })
    .await;
}

/// Answers 503 with Retry-After when a request's handling takes longer than `limit`.
async fn request_timeout(
    axum::extract::State((limit, quiet)): axum::extract::State<(
        Duration,
        Arc<crate::memory::Quiet>,
    )>,
    request: Request<Body>,
    next: Next,
) -> Response {
    quiet.request();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_leave_room_under_the_open_file_limit() {
        let common = Limits::for_open_files(1024);
        assert_eq!((common.max_connections, common.max_shedding), (256, 512));
        let small = Limits::for_open_files(256);
        assert_eq!((small.max_connections, small.max_shedding), (64, 128));
        let large = Limits::for_open_files(1 << 20);
        assert_eq!((large.max_connections, large.max_shedding), (256, 512));
    }
}
