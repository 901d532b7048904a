//! `delegraph serve`: the command line's settings turned into
//! [`serve::Settings`](crate::serve::Settings), then the server, which says
//! where it listens on standard error and runs until stopped.

use crate::cli::StoreArgs;
use crate::cmd::parse_duration;
use crate::error::Result;
use crate::serve::{self, Settings};
use clap::Args;
use std::net::SocketAddr;
use std::time::Duration;

/// Settings of `delegraph serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The address and port to listen on. The default takes connections
    /// from this machine only; port 0 takes any free port (the address
    /// bound is printed on standard error).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub bind: SocketAddr,
    /// The longest a query or update may run before it is cancelled and
    /// the answer is 503: seconds (`30`), or with a unit (`30s`, `500ms`, `2m`).
    #[arg(long, value_name = "TIME", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Take SPARQL Update at /update. The store is then opened read-write
    /// and locked: no build can run while the server does (`delegraph
    /// query` still can). Without it /update answers 403.
    #[arg(long)]
    pub allow_update: bool,
    /// The largest request body taken (a POSTed query or update); larger is
    /// 413. Bytes, or with a unit: `64KiB`, `1MiB`.
    #[arg(long, value_name = "SIZE", default_value = "1MiB", value_parser = parse_size)]
    pub max_body: usize,
    /// Refuse a query that gives more results than this (rows, or triples
    /// for CONSTRUCT and DESCRIBE) with 422, rather than send part of them;
    /// the client adds a LIMIT to see the first ones.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub max_rows: usize,
}

/// Runs `delegraph serve`.
pub fn run(args: &ServeArgs) -> Result<()> {
    let settings = Settings {
        store: args.store.store.clone(),
        bind: args.bind,
        timeout: args.timeout,
        allow_update: args.allow_update,
        max_body: args.max_body,
        max_results: args.max_rows,
    };
    serve::serve(&settings, |address, store| {
        let mode = if store.is_writable() {
            "read-write, SPARQL Update at /update"
        } else {
            "read-only"
        };
        eprintln!(
            "serving store {} ({mode}) at http://{address}/ (SPARQL endpoint http://{address}/sparql)",
            store.path().display()
        );
        if !address.ip().is_loopback() {
            eprintln!(
                "warning: {} is not a loopback address: anyone who can reach it can query the store",
                address.ip()
            );
        }
    })
}

/// A size: a number of bytes, or a number with `K`/`KiB`, `M`/`MiB`.
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: usize = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size; write 4096, 64KiB or 1MiB"))?;
    let factor = match unit.trim() {
        "" | "B" => 1,
        "K" | "KiB" | "k" => 1 << 10,
        "M" | "MiB" => 1 << 20,
        other => return Err(format!("unknown unit {other:?}; use KiB or MiB")),
    };
    let size = value
        .checked_mul(factor)
        .ok_or_else(|| format!("{text:?} is too large"))?;
    if size == 0 {
        return Err("the body limit must be more than zero".into());
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_seconds_or_a_unit() {
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        for bad in ["", "soon", "0", "10h", "-1s"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sizes_take_bytes_or_a_unit() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64KiB"), Ok(65536));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert_eq!(parse_size("2M"), Ok(2 << 20));
        for bad in ["", "0", "1GB", "big", "-5"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }
}
