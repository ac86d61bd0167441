//! `parallax serve [--store DIR] [--addr 127.0.0.1:PORT]`: the web app and JSON API over the
//! stored corpus (see `parallax-server`).

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
}

pub fn run(args: Args) -> Result<Outcome> {
    let addr: SocketAddr = args
        .addr
        .parse()
        .with_context(|| format!("--addr {} is not an IP address and port", args.addr))?;
    parallax_server::serve(&args.store, addr)?;
    Ok(Outcome::Success)
}
