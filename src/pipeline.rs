//! The extraction side of the pipeline: articles in, linked facts out, one
//! article at a time, so memory stays flat however large the corpus.
//!
//! Linking needs what every article says (an undated article takes its date
//! from a dated article about the same meeting, a surname used alone takes
//! the full name another article gives; see [`crate::link`]). So the
//! articles are read three times, each pass on every core, keeping only
//! small summaries between passes:
//!
//! 1. **scan**: extract each article knowing nothing of the others; keep the
//!    days dated articles give meetings and the countries given to people
//!    ([`Scan`]).
//! 2. **link**: extract again with the dates and countries the scan gives;
//!    keep full names, placed meetings, venues and titles ([`Links`]).
//! 3. **write**: extract again (as in pass 2), link the article with the
//!    merged summaries ([`Knowledge`]) and hand it on, in input order.
//!
//! The result is what extracting every article in memory and linking them
//! there would give, in input order, whatever the number of threads.

use crate::document::{expand_paths, Document};
use crate::error::{Error, Result};
use crate::extract::{extract, Extracted};
use crate::fact::PersonKey;
use crate::lexicon::lexicon;
use crate::link::{Linker, Links, Scan};
use crate::progress::Progress;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// Articles each thread takes per step of a pass: enough to keep every core
/// busy, few enough that a step's results are small.
const ARTICLES_PER_THREAD: usize = 16;

/// The articles of a run. Files are read again by each pass, so only their
/// paths stay in memory; standard input is read once and held.
pub struct Corpus {
    sources: Vec<Source>,
    bytes: u64,
}

enum Source {
    /// A file; `walked` when found in a folder, where an empty file is
    /// skipped rather than an error.
    File {
        path: PathBuf,
        walked: bool,
        bytes: u64,
    },
    /// A document already in memory.
    Held(Document),
}

/// One article visited by a pass.
struct Visit<T> {
    /// What the pass made of it; none when it was skipped.
    value: Option<T>,
    /// Trouble reading it, for standard error.
    warning: Option<String>,
    /// Its size, for progress.
    bytes: u64,
}

impl Corpus {
    /// The `.txt` articles under `paths` (folders walked recursively and
    /// sorted, `-` for standard input, read now). A file named on the
    /// command line must exist; it is read, like every other, by the passes.
    pub fn open(paths: &[PathBuf]) -> Result<Corpus> {
        let mut sources = Vec::new();
        for path in paths {
            let walked = path.is_dir();
            for file in expand_paths(std::slice::from_ref(path))? {
                if file.as_os_str() == "-" {
                    sources.push(Source::Held(Document::read_stdin()?));
                } else {
                    let bytes = std::fs::metadata(&file).map_or(0, |m| m.len());
                    sources.push(Source::File {
                        path: file,
                        walked,
                        bytes,
                    });
                }
            }
        }
        Ok(Corpus::from_sources(sources))
    }

    /// Documents already in memory, in this order.
    pub fn from_documents(docs: &[Document]) -> Corpus {
        Corpus::from_sources(docs.iter().cloned().map(Source::Held).collect())
    }

    fn from_sources(sources: Vec<Source>) -> Corpus {
        let bytes = sources.iter().map(Source::bytes).sum();
        Corpus { sources, bytes }
    }

    /// How many articles there are to read (empty files in folders count,
    /// though the passes skip them).
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether there is no article at all.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The size of all articles in bytes.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The identifier article `index` has (its file name), without reading it.
    pub fn article_id(&self, index: usize) -> Option<String> {
        match self.sources.get(index)? {
            Source::File { path, .. } => Some(
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string()),
            ),
            Source::Held(doc) => Some(doc.id.clone()),
        }
    }

    /// Reads article `index` and applies `work` to it.
    fn visit<T>(&self, index: usize, work: impl Fn(&Document) -> T) -> Result<Visit<T>> {
        let source = &self.sources[index];
        let doc = match source {
            Source::Held(doc) => doc.clone(),
            Source::File { path, walked, .. } => match Document::read(path) {
                Ok(doc) => doc,
                Err(Error::Empty { path }) if *walked => {
                    return Ok(Visit {
                        value: None,
                        warning: Some(format!("{}: empty file skipped", path.display())),
                        bytes: source.bytes(),
                    })
                }
                // binary or oversized files are skipped, and the build goes on
                Err(e @ (Error::Binary { .. } | Error::TooLarge { .. })) => {
                    return Ok(Visit {
                        value: None,
                        warning: Some(e.to_string()),
                        bytes: source.bytes(),
                    })
                }
                Err(e) => return Err(e),
            },
        };
        let warning = doc.lossy.then(|| {
            format!(
                "{}: not valid UTF-8; invalid bytes were replaced with U+FFFD",
                doc.path.display()
            )
        });
        Ok(Visit {
            value: Some(work(&doc)),
            warning,
            bytes: source.bytes(),
        })
    }

    /// One pass: `work` on every article, in parallel a step at a time;
    /// `fold` on each result in input order. The first error in input order
    /// stops the pass.
    fn pass<T: Send>(
        &self,
        progress: &Progress,
        work: impl Fn(usize, &Document) -> T + Sync,
        mut fold: impl FnMut(usize, Visit<T>) -> Result<()>,
    ) -> Result<()> {
        let step = (rayon::current_num_threads() * ARTICLES_PER_THREAD).max(1);
        let mut start = 0;
        while start < self.sources.len() {
            let end = (start + step).min(self.sources.len());
            let visits: Vec<Result<Visit<T>>> = (start..end)
                .into_par_iter()
                .map(|i| self.visit(i, |doc| work(i, doc)))
                .collect();
            for (i, visit) in (start..end).zip(visits) {
                let visit = visit?;
                progress.advance(visit.bytes);
                fold(i, visit)?;
            }
            start = end;
        }
        Ok(())
    }
}

impl Source {
    fn bytes(&self) -> u64 {
        match self {
            Source::File { bytes, .. } => *bytes,
            Source::Held(doc) => doc.text.len() as u64,
        }
    }
}

/// Pass 1: what every article says of meeting days and people's countries,
/// and the warnings reading them gave (in input order).
pub fn scan(corpus: &Corpus, progress: &Progress) -> Result<(Scan, Vec<String>)> {
    let lex = lexicon();
    let none = HashMap::new();
    let mut scan = Scan::default();
    let mut warnings = Vec::new();
    progress.pass("scan 1/3");
    corpus.pass(
        progress,
        |_, doc| Scan::of_article(&extract(doc, doc.stated_date(), false, &none, lex)),
        |_, visit| {
            warnings.extend(visit.warning);
            if let Some(s) = visit.value {
                scan.merge(s);
            }
            Ok(())
        },
    )?;
    Ok((scan, warnings))
}

/// Pass 2: what linking needs from every article, extracted with what the
/// scan of all articles (`scan`) gives, and the warnings reading them gave.
pub fn links(corpus: &Corpus, scan: &Scan, progress: &Progress) -> Result<(Links, Vec<String>)> {
    let lex = lexicon();
    let known = scan.known_countries();
    let mut links = Links::default();
    let mut warnings = Vec::new();
    progress.pass("link 2/3");
    corpus.pass(
        progress,
        |_, doc| {
            let (date, inferred) = article_date(doc, scan);
            Links::of_article(&extract(doc, date, inferred, &known, lex))
        },
        |_, visit| {
            warnings.extend(visit.warning);
            if let Some(l) = visit.value {
                links.merge(l);
            }
            Ok(())
        },
    )?;
    Ok((links, warnings))
}

/// Pass 3: each article extracted, linked with `knowledge` and turned into
/// something by `prepare` (in parallel), then given to `sink` with its
/// index, in input order. Skipped articles reach neither. Returns the
/// warnings reading the articles gave.
pub fn write<T: Send>(
    corpus: &Corpus,
    knowledge: &Knowledge,
    progress: &Progress,
    prepare: impl Fn(usize, Extracted) -> T + Sync,
    mut sink: impl FnMut(usize, T) -> Result<()>,
) -> Result<Vec<String>> {
    let mut warnings = Vec::new();
    progress.pass("write 3/3");
    corpus.pass(
        progress,
        |i, doc| prepare(i, knowledge.extract(doc)),
        |i, visit| {
            warnings.extend(visit.warning);
            match visit.value {
                Some(value) => sink(i, value),
                None => Ok(()),
            }
        },
    )?;
    Ok(warnings)
}

/// Passes 1 and 2: what linking an article needs from all the others, and
/// the warnings reading the articles gave.
pub fn learn(corpus: &Corpus, progress: &Progress) -> Result<(Knowledge, Vec<String>)> {
    let (scan, warnings) = scan(corpus, progress)?;
    let (links, _) = links(corpus, &scan, progress)?;
    Ok((Knowledge::new(scan, links), warnings))
}

/// What every article of a corpus gives the others: the scan's dates and
/// countries and the links' names, meetings, venues and titles.
pub struct Knowledge {
    scan: Scan,
    known: HashMap<PersonKey, String>,
    linker: Linker,
}

impl Knowledge {
    /// From the merged summaries of passes 1 and 2.
    pub fn new(scan: Scan, links: Links) -> Knowledge {
        Knowledge {
            known: scan.known_countries(),
            scan,
            linker: links.finish(),
        }
    }

    /// An article extracted with what the others give and linked to them.
    pub fn extract(&self, doc: &Document) -> Extracted {
        let (date, inferred) = article_date(doc, &self.scan);
        let mut e = extract(doc, date, inferred, &self.known, lexicon());
        self.linker.link(&mut e);
        e
    }
}

/// The date to extract an article with, and whether it was inferred: the
/// one it states, or else the one the scan's meetings give the meetings it
/// names by weekday (found by extracting it knowing nothing else, as pass 1
/// did).
fn article_date(doc: &Document, scan: &Scan) -> (Option<NaiveDate>, bool) {
    if let Some(date) = doc.stated_date() {
        return (Some(date), false);
    }
    let alone = extract(doc, None, false, &HashMap::new(), lexicon());
    match scan.infer_date(&alone) {
        Some(date) => (Some(date), true),
        None => (None, false),
    }
}

/// Reads the documents under `paths`. A file named on the command line
/// must be readable and not empty; an empty file met in a folder is skipped
/// with a warning.
pub fn read_documents(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<String>)> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    let corpus = Corpus::open(paths)?;
    for i in 0..corpus.len() {
        let visit = corpus.visit(i, Document::clone)?;
        warnings.extend(visit.warning);
        docs.extend(visit.value);
    }
    Ok((docs, warnings))
}

/// Extracts every document and links them (dates, names, meetings, venues),
/// in the order given.
pub fn extract_documents(docs: &[Document]) -> Vec<Extracted> {
    let corpus = Corpus::from_documents(docs);
    let progress = Progress::hidden();
    let mut out = Vec::with_capacity(docs.len());
    // documents in memory are never read again, so nothing here can fail
    let run = learn(&corpus, &progress).and_then(|(knowledge, _)| {
        write(
            &corpus,
            &knowledge,
            &progress,
            |_, e| e,
            |_, e| {
                out.push(e);
                Ok(())
            },
        )
    });
    drop(run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{Fact, MeetingKey};

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

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let docs: Vec<Document> = (0..40)
            .map(|i| {
                Document::from_text(
                    &format!("{i:02}.txt"),
                    "May 16, 2025\n\nRussian Foreign Minister Sergey Lavrov held talks in \
                     Istanbul on Friday.\n",
                )
            })
            .collect();
        let ids = |threads: usize| -> Vec<String> {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            pool.install(|| extract_documents(&docs))
                .into_iter()
                .map(|e| e.facts.article.id)
                .collect()
        };
        let expected: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids(1), expected);
        assert_eq!(ids(3), expected);
    }
}
