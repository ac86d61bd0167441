//! `parallax serve [--store DIR] [--addr 127.0.0.1:PORT] [--allow-host NAME] [--public]`: the
//! web app and JSON API over the stored corpus (see `parallax-server`).

use crate::Outcome;
use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folder of the store written by `parallax analyze`.
    #[arg(long, default_value = "parallax-data")]
    store: PathBuf,
    /// Address to listen on; loopback by default.
    #[arg(long, default_value = "127.0.0.1:8642")]
    addr: String,
    /// Also answer requests addressed to this host name (repeatable); by default only
    /// localhost and IP addresses of the server are accepted.
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
    /// Allow an address reachable from other machines; every request then needs the access
    /// token (from PARALLAX_TOKEN, else made at random and printed).
    #[arg(long)]
    public: bool,
}

pub fn run(args: Args) -> Result<Outcome> {
    let addr: SocketAddr = args
        .addr
        .parse()
        .with_context(|| format!("--addr {} is not an IP address and port", args.addr))?;
    let options = parallax_server::ServeOptions {
        allow_hosts: args.allow_hosts,
        public: args.public,
        token: std::env::var("PARALLAX_TOKEN")
            .ok()
            .filter(|t| !t.is_empty()),
        limits: parallax_server::net::Limits::for_this_process(),
    };
    parallax_server::serve(&args.store, addr, &options)?;
    Ok(Outcome::Success)
}
