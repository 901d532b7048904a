//! `delegraph extract`: what the extractor finds in articles, without a
//! store, each fact beside the sentence it came from.

use crate::error::{Error, Result};
use crate::extract::Extracted;
use crate::fact::{ArticleFacts, Fact, MeetingKey};
use crate::pipeline;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Facts grouped by sentence, for reading.
    Text,
    /// One JSON document: articles, people, meetings and facts with evidence.
    Json,
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
}

/// Runs `delegraph extract`.
pub fn run(args: &ExtractArgs, out: &mut dyn Write) -> Result<()> {
    let (docs, warnings) = pipeline::read_documents(&args.paths)?;
    for w in &warnings {
        eprintln!("delegraph: warning: {w}");
    }
    let extracted = pipeline::extract_documents(&docs);
    let write = |e: std::io::Error| Error::Write {
        target: "standard output".into(),
        source: e,
    };
    match args.format {
        ExtractFormat::Json => {
            let value = if args.explain {
                serde_json::json!(extracted
                    .iter()
                    .map(|e| serde_json::json!({
                        "article": e.facts.article,
                        "people": e.facts.people,
                        "meetings": e.facts.meetings,
                        "facts": e.facts.facts,
                        "sentences": e.sentences.iter().zip(&e.trace).enumerate().map(|(i, (s, rules))| {
                            serde_json::json!({"index": i, "text": s, "rules": rules})
                        }).collect::<Vec<_>>(),
                    }))
                    .collect::<Vec<_>>())
            } else {
                serde_json::json!(extracted.iter().map(|e| &e.facts).collect::<Vec<_>>())
            };
            serde_json::to_writer_pretty(&mut *out, &value).map_err(|e| write(e.into()))?;
            writeln!(out).map_err(write)?;
        }
        ExtractFormat::Text => {
            for e in &extracted {
                write_text(e, args.explain, out).map_err(write)?;
            }
        }
    }
    Ok(())
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
