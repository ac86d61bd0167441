//! `parallax serve [--store DIR] [--addr 127.0.0.1:PORT]`.

use crate::Outcome;
use anyhow::{bail, Result};
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
    let _ = (&args.store, &args.addr);
    bail!("the web app is not built yet")
}
