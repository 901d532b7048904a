//! `delegraph gen-corpus` (hidden: for scale tests and `scripts/bench.sh`):
//! writes a synthetic corpus of a given size, see [`crate::corpus`].

use crate::corpus;
use crate::error::Result;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `delegraph gen-corpus`.
#[derive(Debug, Clone, Args)]
pub struct GenCorpusArgs {
    /// How much text to write: bytes, or with a unit: `10MB`, `1GB` (powers
    /// of ten).
    #[arg(long, value_parser = parse_size)]
    pub size: u64,
    /// The folder to write the articles into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Runs `delegraph gen-corpus` and says what it wrote on standard error.
pub fn run(args: &GenCorpusArgs) -> Result<()> {
    let made = corpus::generate(&args.out, args.size, args.seed)?;
    eprintln!(
        "wrote {} article(s), {} bytes, to {}",
        made.articles,
        made.bytes,
        args.out.display()
    );
    Ok(())
}

/// `10MB` -> 10 000 000.
fn parse_size(text: &str) -> Result<u64, String> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let number: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a size; write 10MB, 1GB or bytes"))?;
    let unit = match &text[digits.len()..] {
        "" | "B" => 1,
        "KB" | "kB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        other => return Err(format!("unknown unit {other:?}; use KB, MB or GB")),
    };
    number
        .checked_mul(unit)
        .ok_or_else(|| format!("{text:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_bytes_or_powers_of_ten() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("1GB"), Ok(1_000_000_000));
        assert!(parse_size("1GiB").is_err());
        assert!(parse_size("MB").is_err());
    }
}
