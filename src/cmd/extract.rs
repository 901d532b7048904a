//! `delegraph extract`: what the extractor finds in articles, without a
//! store: each fact beside the sentence it came from, the articles' graphs
//! as N-Quads (the map step of a distributed build), or the summaries that
//! let separate runs link their articles as one run would.

use crate::error::{Error, Result};
use crate::extract::Extracted;
use crate::fact::{ArticleFacts, Fact, MeetingKey};
use crate::link::{Links, Scan};
use crate::mapping;
use crate::pipeline::{self, Corpus, Knowledge};
use crate::progress::Progress;
use clap::{Args, ValueEnum};
use oxigraph::io::{RdfFormat, RdfSerializer};
use serde::de::DeserializeOwned;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Facts grouped by sentence, for reading.
    Text,
    /// One JSON document: articles, people, meetings and facts with evidence.
    Json,
    /// Each article's named graph, one after another, as a build would
    /// write it (without the ontology and labels graphs).
    Nquads,
    /// The summary pass 1 keeps (meeting days, people's countries), one
    /// JSON line; summaries of several runs concatenate.
    Scan,
    /// The summary pass 2 keeps (names, meetings, venues, titles), one JSON
    /// line; summaries of several runs concatenate.
    Links,
}

/// Arguments of `delegraph extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Articles to read: `.txt` files, folders (walked recursively), or `-`
    /// for standard input. Several articles are linked as in `build`
    /// (an undated article takes its date from the others).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// Show every sentence with the rules that fired on it, including
    /// sentences that gave no fact.
    #[arg(long)]
    pub explain: bool,
    /// Link with the `--format scan` summaries in FILE (JSON lines, from
    /// any number of runs) instead of scanning only these articles.
    #[arg(long, value_name = "FILE")]
    pub scan: Vec<PathBuf>,
    /// Link with the `--format links` summaries in FILE (JSON lines, from
    /// any number of runs made with the same `--scan`).
    #[arg(long, value_name = "FILE", requires = "scan")]
    pub links: Vec<PathBuf>,
}

/// Runs `delegraph extract`.
pub fn run(args: &ExtractArgs, out: &mut dyn Write) -> Result<()> {
    if args.format == ExtractFormat::Scan && !args.scan.is_empty() {
        return Err(Error::Usage {
            message: "--format scan makes the summary --scan reads; give it no --scan".into(),
        });
    }
    if args.format == ExtractFormat::Links && !args.links.is_empty() {
        return Err(Error::Usage {
            message: "--format links makes the summary --links reads; give it no --links".into(),
        });
    }
    let corpus = Corpus::open(&args.paths)?;
    let progress = Progress::hidden();
    let write = |e: std::io::Error| Error::Write {
        target: "standard output".into(),
        source: e,
    };
    // Warnings come from the first pass that reads the articles.
    let mut warned = false;
    let mut warn = |warnings: Vec<String>| {
        if !warned {
            for w in &warnings {
                eprintln!("delegraph: warning: {w}");
            }
            warned = true;
        }
    };
    let scan = if args.scan.is_empty() {
        let (scan, warnings) = pipeline::scan(&corpus, &progress)?;
        warn(warnings);
        scan
    } else {
        read_summaries::<Scan>(&args.scan, "scan", Scan::merge)?
    };
    if args.format == ExtractFormat::Scan {
        return write_summary(&scan, out).map_err(write);
    }
    let links = if args.links.is_empty() {
        let (links, warnings) = pipeline::links(&corpus, &scan, &progress)?;
        warn(warnings);
        links
    } else {
        read_summaries::<Links>(&args.links, "links", Links::merge)?
    };
    if args.format == ExtractFormat::Links {
        return write_summary(&links, out).map_err(write);
    }
    let knowledge = Knowledge::new(scan, links);
    let warnings = match args.format {
        ExtractFormat::Nquads => {
            let replaced = super::replaced(&corpus);
            pipeline::write(
                &corpus,
                &knowledge,
                &progress,
                |i, e| {
                    if replaced.contains(&i) {
                        return Ok(Vec::new());
                    }
                    let mut serializer =
                        RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
                    for quad in mapping::article_quads(&e.facts) {
                        serializer.serialize_quad(&quad)?;
                    }
                    serializer.finish()
                },
                |_, bytes| out.write_all(&bytes.map_err(write)?).map_err(write),
            )?
        }
        ExtractFormat::Json => {
            let mut first = true;
            out.write_all(b"[").map_err(write)?;
            let warnings = pipeline::write(
                &corpus,
                &knowledge,
                &progress,
                |_, e| {
                    let value = json_of(&e, args.explain);
                    serde_json::to_string_pretty(&value).map_err(std::io::Error::from)
                },
                |_, text| {
                    let text = text.map_err(write)?;
                    out.write_all(if first { b"\n" } else { b",\n" })
                        .map_err(write)?;
                    first = false;
                    // each element one level in, as in a pretty-printed array
                    for (k, line) in text.lines().enumerate() {
                        if k > 0 {
                            out.write_all(b"\n").map_err(write)?;
                        }
                        out.write_all(b"  ").map_err(write)?;
                        out.write_all(line.as_bytes()).map_err(write)?;
                    }
                    Ok(())
                },
            )?;
            out.write_all(if first { b"]\n" } else { b"\n]\n" })
                .map_err(write)?;
            warnings
        }
        ExtractFormat::Text => pipeline::write(
            &corpus,
            &knowledge,
            &progress,
            |_, e| {
                let mut text = Vec::new();
                write_text(&e, args.explain, &mut text).map(|()| text)
            },
            |_, text| out.write_all(&text.map_err(write)?).map_err(write),
        )?,
        ExtractFormat::Scan | ExtractFormat::Links => Vec::new(),
    };
    warn(warnings);
    Ok(())
}

/// One article as `--format json` writes it.
fn json_of(e: &Extracted, explain: bool) -> serde_json::Value {
    if explain {
        serde_json::json!({
            "article": e.facts.article,
            "people": e.facts.people,
            "meetings": e.facts.meetings,
            "facts": e.facts.facts,
            "sentences": e.sentences.iter().zip(&e.trace).enumerate().map(|(i, (s, rules))| {
                serde_json::json!({"index": i, "text": s, "rules": rules})
            }).collect::<Vec<_>>(),
        })
    } else {
        serde_json::json!(&e.facts)
    }
}

/// A summary as one JSON line.
fn write_summary(summary: &impl serde::Serialize, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, summary)?;
    writeln!(out)
}

/// Merges every summary (one per non-empty line) of `files`.
fn read_summaries<T: DeserializeOwned + Default>(
    files: &[PathBuf],
    kind: &'static str,
    merge: impl Fn(&mut T, T),
) -> Result<T> {
    let mut all = T::default();
    for path in files {
        let file = std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let part = serde_json::from_str(&line).map_err(|e| summary_error(path, n, kind, &e))?;
            merge(&mut all, part);
        }
    }
    Ok(all)
}

fn summary_error(path: &Path, n: usize, kind: &'static str, e: &serde_json::Error) -> Error {
    Error::Summary {
        path: path.to_owned(),
        line: n + 1,
        kind,
        message: e.to_string(),
    }
}

/// `2025-05-16 Istanbul talks`, with `?` for what is unknown.
pub fn meeting_label(k: &MeetingKey) -> String {
    let when = match (k.date, k.year) {
        (Some(d), _) => d.to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => "undated".into(),
    };
    let place = k.place.as_deref().unwrap_or("(no place)");
    format!("{when} {place} {}", k.kind)
}

fn name(a: &ArticleFacts, k: &crate::fact::PersonKey) -> String {
    a.person(k)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| k.0.clone())
}

/// One line describing a fact.
pub fn describe(a: &ArticleFacts, f: &Fact) -> String {
    match f {
        Fact::Role {
            person,
            title,
            country,
            as_of,
        } => format!(
            "role: {} is {}{}{}",
            name(a, person),
            title,
            country
                .as_deref()
                .map(|c| format!(" of {c}"))
                .unwrap_or_default(),
            as_of.map(|d| format!(" (as of {d})")).unwrap_or_default()
        ),
        Fact::Meeting { meeting } => {
            let venue = a.meeting(meeting).and_then(|m| m.venue.clone());
            format!(
                "meeting: {}{}",
                meeting_label(meeting),
                venue.map(|v| format!(" at {v}")).unwrap_or_default()
            )
        }
        Fact::Chair { meeting, person } => format!(
            "chair: {} chaired {}",
            name(a, person),
            meeting_label(meeting)
        ),
        Fact::Participant { meeting, person } => {
            format!(
                "participant: {} took part in {}",
                name(a, person),
                meeting_label(meeting)
            )
        }
        Fact::DelegationLeader {
            meeting,
            country,
            person,
        } => format!(
            "delegation leader: {} led {country}'s delegation at {}",
            name(a, person),
            meeting_label(meeting)
        ),
        Fact::DelegationMember {
            meeting,
            country,
            person,
        } => format!(
            "delegation member: {} in {country}'s delegation at {}",
            name(a, person),
            meeting_label(meeting)
        ),
        Fact::Agreement {
            meeting,
            kind,
            quantity,
        } => format!(
            "agreement: {kind}{} at {}",
            quantity.map(|q| format!(" ({q})")).unwrap_or_default(),
            meeting_label(meeting)
        ),
    }
}

fn write_text(e: &Extracted, explain: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let a = &e.facts;
    let date = match (a.article.date, a.article.date_inferred) {
        (Some(d), false) => format!("{d} (stated)"),
        (Some(d), true) => format!("{d} (inferred from other articles)"),
        (None, _) => "unknown".into(),
    };
    writeln!(
        out,
        "== {}  date {date}  sentences {}  facts {}",
        a.article.id,
        a.article.sentences,
        a.facts.len()
    )?;
    for (i, s) in e.sentences.iter().enumerate() {
        let facts: Vec<_> = a
            .facts
            .iter()
            .filter(|f| f.evidence.sentence == i)
            .collect();
        let rules = e.trace.get(i).cloned().unwrap_or_default();
        if facts.is_empty() && !explain {
            continue;
        }
        writeln!(out, "[{i}] {s}")?;
        if explain {
            let fired = if rules.is_empty() {
                "(none)".to_string()
            } else {
                rules.join(", ")
            };
            writeln!(out, "    rules: {fired}")?;
        }
        for f in facts {
            writeln!(out, "    {}  [{}]", describe(a, &f.fact), f.evidence.rule)?;
        }
    }
    writeln!(out)
}
