//! Who may talk to the server: the `Host` a request names, and, when the server is reachable
//! from other machines, an access token.
//!
//! **Host.** A web page the user visits can make the browser send requests to
//! `http://attacker.example:8642/`; if that name is then re-pointed to 127.0.0.1 (DNS
//! rebinding), the page reads the corpus with the browser's same-origin blessing. The browser
//! still sends `Host: attacker.example:8642`, so only the names of the bound address are
//! accepted: `localhost`, the loopback addresses, the bound address itself (any address when
//! bound to all interfaces: an address cannot be rebound), and names given with
//! `--allow-host`. Anything else gets 421 Misdirected Request.
//!
//! **Token.** Binding beyond loopback needs an explicit `--public`, and then every request must
//! carry the server's access token: `Authorization: Bearer TOKEN`, the `parallax_token`
//! cookie, or `?token=TOKEN` in the address, which sets the cookie and redirects to the same
//! address without the token, so it stays out of the history and of links.

use axum::{
    body::Body,
    extract::State,
    http::{header, HeaderValue, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// Name of the cookie that carries the token.
pub const COOKIE: &str = "parallax_token";

/// The access rules of one running server.
#[derive(Debug, Clone)]
pub struct Access {
    /// Host names accepted besides IP addresses (lower case, no port).
    names: Vec<String>,
    /// The bound address: the one address (besides loopback) accepted in `Host`, or any
    /// address when it is unspecified (0.0.0.0, ::).
    bound: IpAddr,
    token: Option<String>,
}

impl Access {
    /// Rules for a server bound to `bound`, accepting the extra host `names` and requiring
    /// `token` when given.
    pub fn new(bound: SocketAddr, names: &[String], token: Option<String>) -> Access {
        let mut all = vec!["localhost".to_string()];
        all.extend(names.iter().map(|n| normalize(n)));
        Access {
            names: all,
            bound: bound.ip(),
            token: token.filter(|t| !t.is_empty()),
        }
    }

    /// Whether a request's `Host` value names this server.
    pub fn host_allowed(&self, host: &str) -> bool {
        let name = normalize(strip_port(host));
        if let Ok(ip) = name.trim_matches(['[', ']']).parse::<IpAddr>() {
            return ip.is_loopback() || self.bound.is_unspecified() || ip == self.bound;
        }
        self.names.contains(&name)
    }

    /// Whether a request carries the token (always true when none is required).
    fn token_given(&self, request: &Request<Body>) -> bool {
        let Some(token) = &self.token else {
            return true;
        };
        let headers = request.headers();
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let cookies = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='));
        bearer
            .into_iter()
            .chain(cookies)
            .any(|given| same(given, token))
    }

    /// The token given in the query string, if it is the right one.
    fn token_in_query<'r>(&self, request: &'r Request<Body>) -> Option<&'r str> {
        let token = self.token.as_ref()?;
        request
            .uri()
            .query()?
            .split('&')
            .filter_map(|pair| pair.strip_prefix("token="))
            .find(|given| same(given, token))
    }
}

/// Constant-time comparison, so that timing does not reveal how much of a guess was right.
fn same(given: &str, token: &str) -> bool {
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

fn strip_port(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        // [v6] or [v6]:port; anything else after the bracket is not a host.
        return match rest.split_once(']') {
            Some((ip, "")) => ip,
            Some((ip, port))
                if port
                    .strip_prefix(':')
                    .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
            {
                ip
            }
            _ => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.contains(':') => {
            name
        }
        _ => host,
    }
}

fn normalize(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// A fresh random token (128 bits, hex), or an error when the system has no randomness.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Refuses requests for other hosts and, when a token is required, requests without it.
pub async fn guard(
    State(access): State<Arc<Access>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    match host {
        None => return (StatusCode::BAD_REQUEST, "a Host header is required").into_response(),
        Some(host) if !access.host_allowed(host) => {
            return (
                StatusCode::MISDIRECTED_REQUEST,
                "this server answers only for its own address (see `parallax serve --allow-host`)",
            )
                .into_response()
        }
        Some(_) => {}
    }
    if access.token_given(&request) {
        return next.run(request).await;
    }
    if let Some(token) = access.token_in_query(&request) {
        return with_cookie(&request, token);
    }
    (
        StatusCode::UNAUTHORIZED,
        "this Parallax server needs its access token: open the address `parallax serve` printed (it ends in ?token=…)",
    )
        .into_response()
}

/// Sets the token cookie and sends the browser to the same address without the token.
fn with_cookie(request: &Request<Body>, token: &str) -> Response {
    let uri = request.uri();
    let rest: Vec<&str> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("token="))
        .collect();
    let mut location = uri.path().to_string();
    if !rest.is_empty() {
        location.push('?');
        location.push_str(&rest.join("&"));
    }
    let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(location), Ok(cookie)) = (
        HeaderValue::from_str(&location),
        HeaderValue::from_str(&cookie),
    ) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> Access {
        Access::new(
            "127.0.0.1:8642".parse().unwrap(),
            &["Parallax.Lan".into()],
            None,
        )
    }

    #[test]
    fn only_the_servers_own_names_are_accepted() {
        let a = loopback();
        for ok in [
            "localhost",
            "localhost:8642",
            "LOCALHOST.",
            "127.0.0.1:8642",
            "[::1]:8642",
            "[::1]",
            "parallax.lan:80",
        ] {
            assert!(a.host_allowed(ok), "{ok}");
        }
        for refused in [
            "attacker.example:8642",
            "localhost.attacker.example",
            "192.168.1.10:8642",
            "",
            "127.0.0.1.nip.io",
            "[::1]attacker.example",
        ] {
            assert!(!a.host_allowed(refused), "{refused}");
        }
        let public = Access::new("0.0.0.0:8642".parse().unwrap(), &[], None);
        assert!(public.host_allowed("192.168.1.10:8642"));
        assert!(!public.host_allowed("attacker.example"));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abd", "abc") && !same("ab", "abc") && !same("", "abc"));
        let t = new_token().unwrap();
        assert_eq!(t.len(), 32);
        assert_ne!(t, new_token().unwrap());
    }
}
