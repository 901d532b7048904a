//! Synthetic corpora for scale tests: the sample articles of `data/sample`
//! with their people, offices, cities, venues, dates and numbers varied
//! (`data/corpus/variations.tsv`), so that every article is new text the
//! extractor has to read in full, and linking meets many people and
//! meetings. Deterministic for a seed.

use crate::error::{Error, Result};
use chrono::{Duration, NaiveDate};
use regex::{Captures, Regex};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const VARIATIONS_FILE: &str = "data/corpus/variations.tsv";
const VARIATIONS: &str = include_str!("../data/corpus/variations.tsv");

/// The articles varied, in a fixed order.
const TEMPLATES: [&str; 3] = [
    include_str!("../data/sample/01_istanbul_first_round.txt"),
    include_str!("../data/sample/02_lavrov_rubio_call.txt"),
    include_str!("../data/sample/03_istanbul_second_round.txt"),
];

/// Articles per folder of a generated corpus.
const PER_FOLDER: u64 = 1000;

/// How far dates move: up to this many weeks either way.
const WEEKS: u64 = 520;

/// A family of things to vary: what the samples write, what may replace it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Family {
    kind: String,
    found: Vec<String>,
    into: Vec<String>,
}

/// What the generator varies, from `data/corpus/variations.tsv`.
#[derive(Debug, Clone)]
pub struct Variations {
    families: Vec<Family>,
    given: Vec<String>,
    surnames: Vec<String>,
    /// Every name the samples write that a family varies, longest first.
    slots: Regex,
    /// Lowercased slot -> (family index, its position in the family).
    slot_of: HashMap<String, (usize, usize)>,
    dates: Regex,
    numbers: Regex,
}

impl Variations {
    /// The built-in variations.
    pub fn builtin() -> Result<Self> {
        Self::parse(VARIATIONS)
    }

    fn parse(text: &str) -> Result<Self> {
        let bad = |line: usize, message: String| Error::Lexicon {
            file: VARIATIONS_FILE,
            line,
            message,
        };
        let split = |s: &str| -> Vec<String> {
            s.split('|')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let mut families = Vec::new();
        let (mut given, mut surnames) = (Vec::new(), Vec::new());
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(kind), Some(found), Some(into), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad(i + 1, "expected kind<TAB>found<TAB>into".into()));
            };
            let (found, into) = (split(found), split(into));
            match kind {
                "given" => {
                    given = into;
                    continue;
                }
                "surname" => {
                    surnames = into;
                    continue;
                }
                "person" if !found.is_empty() && into.is_empty() => {}
                "city" | "venue" | "office" if !found.is_empty() && !into.is_empty() => {}
                _ => {
                    return Err(bad(
                        i + 1,
                        format!("{kind:?} needs what it varies and what replaces it"),
                    ))
                }
            }
            families.push(Family {
                kind: kind.to_owned(),
                found,
                into,
            });
        }
        if given.is_empty() || surnames.is_empty() {
            return Err(bad(0, "no given names or no surnames".into()));
        }
        let mut slot_of = HashMap::new();
        for (f, family) in families.iter().enumerate() {
            for (k, found) in family.found.iter().enumerate() {
                slot_of.insert(found.to_lowercase(), (f, k));
                if family.kind == "person" {
                    if let Some(surname) = found.split_whitespace().last() {
                        slot_of.insert(surname.to_lowercase(), (f, k));
                    }
                }
            }
        }
        let mut names: Vec<&String> = slot_of.keys().collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation = names
            .iter()
            .map(|n| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|");
        let slots = Regex::new(&format!(r"(?i)\b(?:{alternation})\b"))
            .map_err(|e| bad(0, e.to_string()))?;
        Ok(Variations {
            families,
            given,
            surnames,
            slots,
            slot_of,
            dates: dates_regex(),
            numbers: numbers_regex(),
        })
    }

    /// Article `n` of the corpus for `seed`: a sample article with new
    /// people, offices, places, dates and numbers.
    pub fn article(&self, seed: u64, n: u64) -> String {
        let mut rng = Rng::new(seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let template = TEMPLATES[(n % TEMPLATES.len() as u64) as usize];
        // one choice per slot, for the whole article
        let mut surnames_taken = Vec::new();
        let chosen: Vec<Vec<String>> = self
            .families
            .iter()
            .map(|family| {
                family
                    .found
                    .iter()
                    .map(|_| {
                        if family.kind == "person" {
                            let surname = loop {
                                let s = rng.pick(&self.surnames);
                                if !surnames_taken.contains(&s) {
                                    break s;
                                }
                            };
                            surnames_taken.push(surname.clone());
                            format!("{} {surname}", rng.pick(&self.given))
                        } else {
                            rng.pick(&family.into)
                        }
                    })
                    .collect()
            })
            .collect();
        let varied = self.slots.replace_all(template, |c: &Captures<'_>| {
            let found = &c[0];
            let Some(&(f, k)) = self.slot_of.get(&found.to_lowercase()) else {
                return found.to_owned();
            };
            let mut new = chosen[f][k].clone();
            let family = &self.families[f];
            if family.kind == "person" && !found.contains(' ') {
                new = new.split_whitespace().last().unwrap_or(&new).to_owned();
            }
            same_case(found, &new)
        });
        let weeks = rng.below(2 * WEEKS + 1) as i64 - WEEKS as i64;
        let shifted = shift_dates(&self.dates, &varied, Duration::weeks(weeks));
        let mut numbers: HashMap<String, String> = HashMap::new();
        self.numbers
            .replace_all(&shifted, |c: &Captures<'_>| {
                numbers
                    .entry(c[0].to_owned())
                    .or_insert_with(|| thousands(100 + rng.below(9900)))
                    .clone()
            })
            .into_owned()
    }
}

/// `new` written in the case of `found`: capitals for a dateline
/// (`ISTANBUL`), lowercase for an office in running text (`defense
/// minister`).
fn same_case(found: &str, new: &str) -> String {
    let letters = || found.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        new.to_uppercase()
    } else if letters().all(char::is_lowercase) {
        new.to_lowercase()
    } else {
        new.to_owned()
    }
}

/// `May 16, 2025`, `May 16` and `17.05.2025`: the dates the samples write.
fn dates_regex() -> Regex {
    Regex::new(
        r"(?x)
          \b(?P<month>January|February|March|April|May|June|July|August|September
                     |October|November|December)
            \ (?P<day>\d{1,2})(?:,\ (?P<year>\d{4}))?\b          # May 16, 2025 / May 16
        | \b(?P<dd>\d{2})\.(?P<mm>\d{2})\.(?P<yyyy>\d{4})\b      # 17.05.2025
        ",
    )
    .expect("valid regex")
}

/// `1,000`: the numbers the samples write with a thousands comma.
fn numbers_regex() -> Regex {
    Regex::new(r"\b\d{1,3}(?:,\d{3})+\b").expect("valid regex")
}

/// Moves every date of `text` by `by`. A date without a year is taken in
/// the year of the article's first full date (the samples' own).
fn shift_dates(re: &Regex, text: &str, by: Duration) -> String {
    let year = re
        .captures_iter(text)
        .find_map(|c| c.name("year").or(c.name("yyyy")))
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .unwrap_or(2025);
    re.replace_all(text, |c: &Captures<'_>| {
        let original = c[0].to_owned();
        if let (Some(dd), Some(mm), Some(yyyy)) = (c.name("dd"), c.name("mm"), c.name("yyyy")) {
            let date = NaiveDate::parse_from_str(
                &format!("{}-{}-{}", yyyy.as_str(), mm.as_str(), dd.as_str()),
                "%Y-%m-%d",
            );
            return date.map_or(original, |d| (d + by).format("%d.%m.%Y").to_string());
        }
        let (Some(month), Some(day)) = (c.name("month"), c.name("day")) else {
            return original;
        };
        let with_year = c.name("year").map(|y| y.as_str().to_owned());
        let y = with_year.clone().unwrap_or_else(|| year.to_string());
        match NaiveDate::parse_from_str(
            &format!("{} {} {y}", month.as_str(), day.as_str()),
            "%B %d %Y",
        ) {
            Ok(d) if with_year.is_some() => (d + by).format("%B %-d, %Y").to_string(),
            Ok(d) => (d + by).format("%B %-d").to_string(),
            Err(_) => original,
        }
    })
    .into_owned()
}

/// `4,270` for 4270.
fn thousands(n: u64) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// SplitMix64: small, fast and the same on every platform and version, so
/// a seed always gives the same corpus.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick(&mut self, from: &[String]) -> String {
        from.get(self.below(from.len() as u64) as usize)
            .cloned()
            .unwrap_or_default()
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    /// Articles written.
    pub articles: u64,
    /// Their size in bytes.
    pub bytes: u64,
}

/// Writes articles under `out` (`0000/0000000.txt`, a thousand per folder)
/// until they reach `bytes` bytes.
pub fn generate(out: &Path, bytes: u64, seed: u64) -> Result<Generated> {
    let variations = Variations::builtin()?;
    let mut done = Generated {
        articles: 0,
        bytes: 0,
    };
    let fail = |path: PathBuf| {
        move |source| Error::Write {
            target: path.display().to_string(),
            source,
        }
    };
    while done.bytes < bytes {
        let n = done.articles;
        let folder = out.join(format!("{:04}", n / PER_FOLDER));
        if n.is_multiple_of(PER_FOLDER) {
            std::fs::create_dir_all(&folder).map_err(fail(folder.clone()))?;
        }
        let path = folder.join(format!("{n:07}.txt"));
        let text = variations.article(seed, n);
        std::fs::write(&path, &text).map_err(fail(path.clone()))?;
        done.articles += 1;
        done.bytes += text.len() as u64;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::extract;
    use crate::fact::Fact;
    use crate::lexicon::lexicon;

    #[test]
    fn the_variations_parse_and_every_slot_is_in_a_sample() {
        let v = Variations::builtin().expect("variations parse");
        for family in &v.families {
            for found in &family.found {
                assert!(
                    TEMPLATES.iter().any(|t| t.contains(found.as_str())),
                    "{found:?} is in no sample"
                );
            }
        }
    }

    #[test]
    fn new_names_and_places_are_words_the_lexicon_reads_as_such() {
        let v = Variations::builtin().expect("variations parse");
        let lex = lexicon();
        for name in v.given.iter().chain(&v.surnames) {
            let lower = name.to_lowercase();
            assert!(
                !lex.countries.contains_key(&lower)
                    && !lex.cities.contains_key(&lower)
                    && !lex.office_words.contains_key(&lower)
                    && !lex.non_names.contains(&lower)
                    && !lex.metonyms.contains_key(&lower),
                "{name} is a word the lexicon knows"
            );
        }
        for family in v.families.iter().filter(|f| f.kind == "city") {
            for city in &family.into {
                let lower = city.to_lowercase();
                assert!(lex.cities.contains_key(&lower), "{city} is no city");
                assert!(!lex.metonyms.contains_key(&lower), "{city} names a side");
            }
        }
        for family in v.families.iter().filter(|f| f.kind == "venue") {
            for venue in &family.into {
                let head = venue.split_whitespace().last().unwrap_or_default();
                assert!(lex.venues.contains(&head.to_lowercase()), "{venue}");
            }
        }
    }

    #[test]
    fn an_article_is_varied_throughout_and_the_same_for_a_seed() {
        let v = Variations::builtin().expect("variations parse");
        let a = v.article(7, 0);
        assert_eq!(a, v.article(7, 0));
        assert_ne!(a, v.article(8, 0));
        for gone in [
            "Medinsky",
            "Umerov",
            "Fidan",
            "Putin",
            "Zelensky",
            "Kostyukov",
        ] {
            assert!(!a.contains(gone), "{gone} in {a}");
        }
        // seed 7 moves the dates (a move of zero weeks is one draw in 1041)
        assert!(!a.contains("May 16, 2025"), "{a}");
    }

    #[test]
    fn dates_move_by_whole_weeks_and_keep_their_form() {
        let re = dates_regex();
        let text = "May 16, 2025\n\non May 16 and 17.05.2025, then June 3, 2025.";
        assert_eq!(
            shift_dates(&re, text, Duration::weeks(1)),
            "May 23, 2025\n\non May 23 and 24.05.2025, then June 10, 2025."
        );
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn the_extractor_finds_people_and_meetings_in_every_kind_of_article() {
        let v = Variations::builtin().expect("variations parse");
        for n in 0..TEMPLATES.len() as u64 * 2 {
            let doc = Document::from_text(&format!("{n}.txt"), &v.article(3, n));
            let e = extract(&doc, doc.stated_date(), false, &HashMap::new(), lexicon());
            let roles = e
                .facts
                .facts
                .iter()
                .filter(|f| matches!(f.fact, Fact::Role { .. }))
                .count();
            assert!(roles >= 2, "article {n}: {roles} roles in\n{}", doc.text);
            assert!(!e.facts.meetings.is_empty(), "article {n}:\n{}", doc.text);
            assert!(doc.stated_date().is_some(), "article {n}:\n{}", doc.text);
        }
    }

    #[test]
    fn a_corpus_reaches_its_size_in_folders_of_articles() {
        let dir = tempfile::tempdir().expect("temp dir");
        let made = generate(dir.path(), 10_000, 1).expect("generate");
        assert!(made.bytes >= 10_000 && made.articles >= 3, "{made:?}");
        assert!(dir.path().join("0000/0000000.txt").is_file());
    }
}
