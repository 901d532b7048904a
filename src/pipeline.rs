//! The extraction side of the pipeline as one call: paths in, facts out.
//!
//! Reads the articles, extracts each, then links them: an undated article
//! takes its date from a dated article about the same meeting, and a surname
//! used alone takes the full name another article gives.

use crate::document::{expand_paths, Document};
use crate::error::{Error, Result};
use crate::extract::{extract, Extracted};
use crate::fact::*;
use crate::lexicon::lexicon;
use crate::names::{person_key, surname_key};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;
use std::path::PathBuf;

/// What extraction of a set of inputs produced.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// One entry per article read, in input order.
    pub articles: Vec<ArticleFacts>,
    /// Inputs skipped or read with trouble (one line each, for stderr).
    pub warnings: Vec<String>,
}

/// Reads every `.txt` article under `paths` (`-` is standard input),
/// extracts its facts and links the articles together.
pub fn extract_paths(paths: &[PathBuf]) -> Result<Extraction> {
    let (docs, warnings) = read_documents(paths)?;
    let articles = extract_documents(&docs)
        .into_iter()
        .map(|e| e.facts)
        .collect();
    Ok(Extraction { articles, warnings })
}

/// Reads the documents under `paths`. A file named on the command line
/// must be readable and not empty; an empty file met in a folder is skipped
/// with a warning.
pub fn read_documents(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<String>)> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        let walked = path.is_dir();
        for file in expand_paths(std::slice::from_ref(path))? {
            let doc = if file.as_os_str() == "-" {
                Document::read_stdin()
            } else {
                Document::read(&file)
            };
            match doc {
                Ok(d) => {
                    if d.lossy {
                        warnings.push(format!(
                            "{}: not valid UTF-8; invalid bytes were replaced with U+FFFD",
                            file.display()
                        ));
                    }
                    docs.push(d);
                }
                Err(Error::Empty { path }) if walked => {
                    warnings.push(format!("{}: empty file skipped", path.display()));
                }
                // binary or oversized files are skipped, and the build goes on
                Err(e @ (Error::Binary { .. } | Error::TooLarge { .. })) => {
                    warnings.push(e.to_string());
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok((docs, warnings))
}

/// Extracts every document and links them (dates, full names).
pub fn extract_documents(docs: &[Document]) -> Vec<Extracted> {
    let lex = lexicon();
    let none = HashMap::new();
    let mut out: Vec<Extracted> = docs
        .iter()
        .map(|d| extract(d, d.stated_date(), false, &none, lex))
        .collect();
    // undated articles: find a dated article's meeting on the weekday they name
    let mut dates: Vec<(Option<NaiveDate>, bool)> =
        out.iter().map(|e| (e.facts.article.date, false)).collect();
    for (i, date) in dates.iter_mut().enumerate() {
        if date.0.is_none() {
            if let Some(reference) = infer_date(&out, i) {
                *date = (Some(reference), true);
            }
        }
    }
    // then again, each article knowing the countries the others give people
    let known = known_countries(&out);
    if !known.is_empty() || dates.iter().any(|d| d.1) {
        out = docs
            .iter()
            .zip(&dates)
            .map(|(d, (date, inferred))| extract(d, *date, *inferred, &known, lex))
            .collect();
    }
    link_surnames(&mut out);
    link_meetings(&mut out);
    unify_venues(&mut out);
    drop_generic_titles(&mut out);
    out
}

/// One spelling per venue of a meeting: "Çırağan Palace" and "Ciragan
/// Palace" in two articles are one venue, written as most articles write it
/// (ties to the spelling with more accents, then the first in order).
fn unify_venues(all: &mut [Extracted]) {
    let fold = |v: &str| crate::names::fold_accents(v).to_lowercase();
    let mut counts: HashMap<(MeetingKey, String), HashMap<String, usize>> = HashMap::new();
    for m in all.iter().flat_map(|e| e.facts.meetings.iter()) {
        if let Some(v) = &m.venue {
            *counts
                .entry((m.key.clone(), fold(v)))
                .or_default()
                .entry(v.clone())
                .or_default() += 1;
        }
    }
    let accents = |v: &str| v.chars().filter(|c| !c.is_ascii()).count();
    for m in all.iter_mut().flat_map(|e| e.facts.meetings.iter_mut()) {
        let Some(v) = &m.venue else { continue };
        let Some(spellings) = counts.get(&(m.key.clone(), fold(v))) else {
            continue;
        };
        let best = spellings.iter().max_by(|a, b| {
            a.1.cmp(b.1)
                .then(accents(a.0).cmp(&accents(b.0)))
                .then(b.0.cmp(a.0))
        });
        if let Some((best, _)) = best {
            m.venue = Some(best.clone());
        }
    }
}

/// The country articles give each person with an office, by majority (ties
/// go to the first name in order, so input order does not matter).
fn known_countries(all: &[Extracted]) -> HashMap<PersonKey, String> {
    let mut votes: HashMap<PersonKey, HashMap<String, usize>> = HashMap::new();
    for f in all.iter().flat_map(|e| e.facts.facts.iter()) {
        if let Fact::Role {
            person,
            country: Some(c),
            ..
        } = &f.fact
        {
            *votes
                .entry(person.clone())
                .or_default()
                .entry(c.clone())
                .or_default() += 1;
        }
    }
    votes
        .into_iter()
        .filter_map(|(p, v)| {
            let best = v
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            Some((p, best.0))
        })
        .collect()
}

/// A meeting one article dates but does not place takes the place another
/// article gives the same meeting (same day and kind), when only one does:
/// one node per real meeting.
fn link_meetings(all: &mut [Extracted]) {
    let placed: Vec<MeetingKey> = all
        .iter()
        .flat_map(|e| e.facts.meetings.iter())
        .filter(|m| m.key.date.is_some() && m.key.place.is_some())
        .map(|m| m.key.clone())
        .collect();
    let mut weights: HashMap<MeetingKey, usize> = HashMap::new();
    for f in all.iter().flat_map(|e| e.facts.facts.iter()) {
        if let Some(k) = f.fact.meeting() {
            *weights.entry(k.clone()).or_default() += 1;
        }
    }
    for e in all.iter_mut() {
        let mut rekey: HashMap<MeetingKey, MeetingKey> = HashMap::new();
        let written = e.facts.article.date;
        for m in &e.facts.meetings {
            // "last week's talks in Jeddah": the one dated talks in that city
            // that other articles report in the two months before this one
            if let (None, None, Some(place), Some(written)) =
                (m.key.date, m.key.year, &m.key.place, written)
            {
                let mut same: Vec<&MeetingKey> = placed
                    .iter()
                    .filter(|k| k.place.as_ref() == Some(place) && k.kind == m.key.kind)
                    .filter(|k| {
                        k.date
                            .is_some_and(|d| d <= written && (written - d).num_days() <= 60)
                    })
                    .collect();
                same.sort();
                same.dedup();
                // of several, the one most facts are about
                let weight = |k: &MeetingKey| weights.get(k).copied().unwrap_or(0);
                same.sort_by_key(|k| std::cmp::Reverse(weight(k)));
                match same[..] {
                    [only] => {
                        rekey.insert(m.key.clone(), only.clone());
                    }
                    [first, second, ..] if weight(first) > 2 * weight(second) => {
                        rekey.insert(m.key.clone(), first.clone());
                    }
                    _ => {}
                }
                continue;
            }
            if m.key.date.is_none() || m.key.place.is_some() || m.key.kind == MeetingKind::PhoneCall
            {
                continue;
            }
            let mut same: Vec<&MeetingKey> = placed
                .iter()
                .filter(|k| k.date == m.key.date && k.kind == m.key.kind)
                .collect();
            same.sort();
            same.dedup();
            if let [only] = same[..] {
                rekey.insert(m.key.clone(), only.clone());
            }
        }
        if rekey.is_empty() {
            continue;
        }
        let facts = &mut e.facts;
        let re = |k: &mut MeetingKey| {
            if let Some(n) = rekey.get(k) {
                *k = n.clone();
            }
        };
        for m in facts.meetings.iter_mut() {
            re(&mut m.key);
        }
        // two meetings of the article may now be one
        let mut merged: Vec<Meeting> = Vec::new();
        for m in facts.meetings.drain(..) {
            match merged.iter_mut().find(|x| x.key == m.key) {
                Some(x) => {
                    if x.venue.is_none() {
                        x.venue = m.venue;
                    }
                    for c in m.countries {
                        if !x.countries.contains(&c) {
                            x.countries.push(c);
                        }
                    }
                }
                None => merged.push(m),
            }
        }
        facts.meetings = merged;
        for f in facts.facts.iter_mut() {
            if let Some(meeting) = f.fact.meeting_mut() {
                re(meeting);
            }
        }
        let mut seen = Vec::new();
        facts.facts.retain(|f| {
            let keep = !seen.contains(&f.fact);
            if keep {
                seen.push(f.fact.clone());
            }
            keep
        });
    }
}

/// "Secretary Rubio" in one article and "Secretary of State Marco Rubio" in
/// another: the one-word title adds nothing and would be a second office.
fn drop_generic_titles(all: &mut [Extracted]) {
    let titles: Vec<(PersonKey, String)> = all
        .iter()
        .flat_map(|e| e.facts.facts.iter())
        .filter_map(|f| match &f.fact {
            Fact::Role { person, title, .. } => Some((person.clone(), title.clone())),
            _ => None,
        })
        .collect();
    for e in all.iter_mut() {
        e.facts.facts.retain(|f| match &f.fact {
            Fact::Role { person, title, .. } if !title.contains(' ') => !titles
                .iter()
                .any(|(p, t)| p == person && t != title && t.split(' ').any(|w| w == title)),
            _ => true,
        });
    }
}

/// The date an undated article was most likely written: the day of the
/// dated meeting it describes, moved forward to the latest weekday it names
/// within three days.
fn infer_date(all: &[Extracted], i: usize) -> Option<NaiveDate> {
    let undated = &all[i];
    let mut candidates: Vec<NaiveDate> = Vec::new();
    for (place, kind, weekday) in &undated.anchors {
        for (j, other) in all.iter().enumerate() {
            if j == i || other.facts.article.date.is_none() || other.facts.article.date_inferred {
                continue;
            }
            for m in &other.facts.meetings {
                if let Some(d) = m.key.date {
                    if m.key.kind == *kind
                        && m.key.place.as_deref() == Some(place.as_str())
                        && d.weekday() == *weekday
                    {
                        candidates.push(d);
                    }
                }
            }
        }
    }
    candidates.sort();
    let anchor = *candidates.first()?;
    let forward = undated
        .weekdays
        .iter()
        .map(|w| {
            (w.num_days_from_monday() as i64 - anchor.weekday().num_days_from_monday() as i64)
                .rem_euclid(7)
        })
        .filter(|d| *d <= 3)
        .max()
        .unwrap_or(0);
    Some(anchor + Duration::days(forward))
}

/// Replaces a surname-only person with the one full name other articles
/// give for that surname, when there is exactly one.
fn link_surnames(all: &mut [Extracted]) {
    let mut full: HashMap<String, Vec<String>> = HashMap::new();
    for e in all.iter() {
        for p in &e.facts.people {
            if p.name.split_whitespace().count() >= 2 {
                let names = full.entry(surname_key(&p.name)).or_default();
                if !names.iter().any(|n| person_key(n) == p.key) {
                    names.push(p.name.clone());
                }
            }
        }
    }
    for e in all.iter_mut() {
        let mut rekey: HashMap<PersonKey, (PersonKey, String)> = HashMap::new();
        for bare in &e.bare_surnames {
            if let Some([only]) = full.get(&surname_key(bare)).map(Vec::as_slice) {
                rekey.insert(person_key(bare), (person_key(only), only.clone()));
            }
        }
        if rekey.is_empty() {
            continue;
        }
        let facts = &mut e.facts;
        for p in facts.people.iter_mut() {
            if let Some((k, n)) = rekey.get(&p.key) {
                p.key = k.clone();
                p.name = n.clone();
            }
        }
        facts.people.sort_by(|a, b| a.key.cmp(&b.key));
        facts.people.dedup_by(|a, b| a.key == b.key);
        for f in facts.facts.iter_mut() {
            if let Some(person) = f.fact.person_mut() {
                if let Some((k, _)) = rekey.get(person) {
                    *person = k.clone();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(all: &[Extracted], article: &str) -> Vec<(String, Option<String>)> {
        all.iter()
            .filter(|e| e.facts.article.id == article)
            .flat_map(|e| e.facts.facts.iter())
            .filter_map(|f| match &f.fact {
                Fact::Role { title, country, .. } => Some((title.clone(), country.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_article_learns_a_persons_country_from_the_others_whatever_the_order() {
        let a = Document::from_text(
            "a.txt",
            "December 9, 2019\n\nFrench President Emmanuel Macron spoke in Paris on Monday.\n",
        );
        let b = Document::from_text(
            "b.txt",
            "December 10, 2019\n\nPresident Emmanuel Macron hosted talks in Paris on Monday.\n",
        );
        for docs in [vec![a.clone(), b.clone()], vec![b, a]] {
            let all = extract_documents(&docs);
            assert_eq!(
                roles(&all, "b.txt"),
                vec![("President".to_string(), Some("France".to_string()))]
            );
        }
    }

    #[test]
    fn last_weeks_talks_take_the_date_another_article_gives_them() {
        let dated = Document::from_text(
            "a.txt",
            "March 11, 2025\n\nJEDDAH, Saudi Arabia — U.S. and Ukrainian delegations held \
             talks in Jeddah on Tuesday. Ukraine's delegation was headed by Andriy Yermak.\n",
        );
        let later = Document::from_text(
            "b.txt",
            "Published: 19.03.2025\n\nKyiv had signed up to a truce at last week's talks in Jeddah.\n",
        );
        let all = extract_documents(&[dated, later]);
        let b = all.iter().find(|e| e.facts.article.id == "b.txt");
        let keys: Vec<&MeetingKey> = b
            .map(|e| e.facts.meetings.iter().map(|m| &m.key).collect())
            .unwrap_or_default();
        assert!(
            keys.iter().any(|k| k.place.as_deref() == Some("Jeddah")
                && k.date == NaiveDate::from_ymd_opt(2025, 3, 11)),
            "{keys:?}"
        );
    }
}
