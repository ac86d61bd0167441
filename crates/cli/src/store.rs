//! `parallax store info|list|remove|clear [--store DIR]`: what a store holds, and taking
//! articles out of it. A path with no store is an error that creates nothing.

use crate::summary::thousands;
use crate::Outcome;
use anyhow::{bail, Result};
use parallax_store::{Selection, Store, StoredArticle};
use std::path::PathBuf;

/// Outlets and months `info` lists before summing up the rest.
const LISTED: usize = 15;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Articles per outlet and month, size on disk, pipeline versions.
    Info(Where),
    /// One line per article: id, date, outlet, title, source.
    List {
        #[command(flatten)]
        at: Where,
        #[command(flatten)]
        select: Select,
    },
    /// Remove the articles that meet every condition given (at least one).
    Remove {
        #[command(flatten)]
        at: Where,
        #[command(flatten)]
        select: Select,
        /// Only list what would be removed.
        #[arg(long)]
        dry_run: bool,
    },
    /// Remove every article (the store folder stays, empty).
    Clear {
        #[command(flatten)]
        at: Where,
        /// Confirm: every article of the store goes.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(clap::Args)]
struct Where {
    /// Folder of the store.
    #[arg(long, default_value = "parallax-data")]
    store: PathBuf,
}

#[derive(clap::Args)]
struct Select {
    /// Document ids (or their first 8 or more characters), as `list` shows them.
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
    /// Articles whose source (file, folder, `file#line 3`) starts with this.
    #[arg(long)]
    source: Option<String>,
    /// Articles of this outlet (case-insensitive).
    #[arg(long)]
    outlet: Option<String>,
    /// Articles published on this date or in this month or year (`2024-03-01`, `2024-03`, `2024`).
    #[arg(long)]
    date: Option<String>,
    /// Articles published before this date.
    #[arg(long)]
    before: Option<String>,
    /// Articles published on or after this date.
    #[arg(long)]
    after: Option<String>,
}

impl Select {
    fn selection(self) -> Selection {
        Selection {
            ids: self.ids,
            source: self.source,
            outlet: self.outlet,
            date: self.date,
            before: self.before,
            after: self.after,
        }
    }
}

fn open(at: &Where) -> Result<Store> {
    // The error names the folder and what to do.
    Ok(Store::open_existing(&at.store)?)
}

pub fn run(args: Args) -> Result<Outcome> {
    match args.action {
        Action::Info(at) => info(&at),
        Action::List { at, select } => {
            let store = open(&at)?;
            let articles = store.list(&select.selection())?;
            for a in &articles {
                println!("{}", line(a));
            }
            eprintln!("{} articles", thousands(articles.len()));
            Ok(Outcome::Success)
        }
        Action::Remove {
            at,
            select,
            dry_run,
        } => {
            let selection = select.selection();
            if selection.is_everything() {
                bail!("say which articles to remove (--id, --source, --outlet, --date, --before, --after), or use `parallax store clear --yes` to remove all");
            }
            let mut store = open(&at)?;
            let chosen = if dry_run {
                store.list(&selection)?
            } else {
                store.remove(&selection)?
            };
            for a in &chosen {
                println!("{}", line(a));
            }
            eprintln!(
                "{} {} articles; the store {} holds {}",
                if dry_run { "would remove" } else { "removed" },
                thousands(chosen.len()),
                at.store.display(),
                thousands(store.len()?)
            );
            Ok(Outcome::Success)
        }
        Action::Clear { at, yes } => {
            if !yes {
                bail!(
                    "`parallax store clear` removes every article of {}: add --yes to do it",
                    at.store.display()
                );
            }
            let removed = open(&at)?.clear()?;
            eprintln!(
                "removed {} articles; the store {} is empty",
                thousands(removed),
                at.store.display()
            );
            Ok(Outcome::Success)
        }
    }
}

fn info(at: &Where) -> Result<Outcome> {
    let info = open(at)?.info()?;
    println!("store        {}", info.path.display());
    println!("articles     {}", thousands(info.articles));
    println!("size         {:.1} MB", info.bytes as f64 / 1e6);
    let versions: Vec<String> = info
        .versions
        .iter()
        .map(|(v, n)| format!("{v} ({})", thousands(*n)))
        .collect();
    println!(
        "analyses     by pipeline {}; this parallax writes {}",
        if versions.is_empty() {
            "none".to_string()
        } else {
            versions.join(", ")
        },
        parallax_pipeline::PIPELINE_VERSION
    );
    let list = |title: &str, counts: &[(Option<String>, usize)], none: &str| {
        println!("{title}");
        for (key, n) in counts.iter().take(LISTED) {
            println!("  {:>7}  {}", thousands(*n), key.as_deref().unwrap_or(none));
        }
        if counts.len() > LISTED {
            let rest: usize = counts[LISTED..].iter().map(|(_, n)| n).sum();
            println!(
                "  {:>7}  in {} more",
                thousands(rest),
                thousands(counts.len() - LISTED)
            );
        }
    };
    list("by outlet", &info.outlets, "(no outlet)");
    list("by month", &info.months, "(undated)");
    Ok(Outcome::Success)
}

/// `id  date  outlet  title  source`, tab-separated.
fn line(a: &StoredArticle) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}",
        a.id,
        a.published.as_deref().unwrap_or("undated"),
        a.outlet.as_deref().unwrap_or("-"),
        a.title.as_deref().unwrap_or("(untitled)"),
        a.source
    )
}
