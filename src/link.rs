//! Cross-article linking from summaries, so that articles can stream.
//!
//! Linking needs facts from every article, but never every article at once:
//! each article contributes a small summary, summaries merge in any order,
//! and the merged summary is then applied to one article at a time.
//!
//! - [`Scan`], from a first extraction that knows nothing of the other
//!   articles: the days dated articles give their meetings (an undated
//!   article takes its date from them) and the countries articles give each
//!   person with an office.
//! - [`Links`], from an extraction that knows those dates and countries:
//!   full names by surname, the placed meetings with how many facts are about
//!   each, the venues each article writes and the offices each person holds.
//!   [`Links::finish`] turns it into a [`Linker`], which links an article
//!   exactly as if every article were in memory: a surname used alone takes
//!   the one full name other articles give, a dated meeting the one place
//!   others give it, a venue the spelling most articles use, and a one-word
//!   title goes when the person holds a longer office that contains it.
//!
//! Both summaries serialize to JSON, so the passes can also run as separate
//! processes on separate machines (`delegraph extract --format scan|links`).
//! Where a choice could depend on the order articles come in, the summary
//! keeps what makes it canonical (an article's id, the smaller name).

use crate::extract::Extracted;
use crate::fact::{Fact, Meeting, MeetingKey, MeetingKind, PersonKey};
use crate::names::{ends_in_patronymic, fold_accents, person_key, surname_key};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the first pass keeps: meeting days of dated articles and the
/// countries articles give people.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scan {
    /// (city, kind, weekday counted from Monday) -> the earliest day a dated
    /// article gives a meeting of that kind in that city on that weekday.
    #[serde(with = "pairs")]
    days: BTreeMap<(String, MeetingKind, u32), NaiveDate>,
    /// person -> country -> how many role facts give the person that country.
    #[serde(with = "pairs")]
    votes: BTreeMap<PersonKey, BTreeMap<String, usize>>,
}

impl Scan {
    /// The summary of one article, extracted without knowledge of the others.
    pub fn of_article(e: &Extracted) -> Scan {
        let mut scan = Scan::default();
        let article = &e.facts.article;
        if article.date.is_some() && !article.date_inferred {
            for m in &e.facts.meetings {
                if let (Some(day), Some(place)) = (m.key.date, &m.key.place) {
                    let key = (
                        place.clone(),
                        m.key.kind,
                        day.weekday().num_days_from_monday(),
                    );
                    scan.days
                        .entry(key)
                        .and_modify(|d| *d = (*d).min(day))
                        .or_insert(day);
                }
            }
        }
        for f in &e.facts.facts {
            if let Fact::Role {
                person,
                country: Some(c),
                ..
            } = &f.fact
            {
                *scan
                    .votes
                    .entry(person.clone())
                    .or_default()
                    .entry(c.clone())
                    .or_default() += 1;
            }
        }
        scan
    }

    /// Adds another summary to this one; the order of merging never matters.
    pub fn merge(&mut self, other: Scan) {
        for (key, day) in other.days {
            self.days
                .entry(key)
                .and_modify(|d| *d = (*d).min(day))
                .or_insert(day);
        }
        for (person, votes) in other.votes {
            let mine = self.votes.entry(person).or_default();
            for (country, n) in votes {
                *mine.entry(country).or_default() += n;
            }
        }
    }

    /// The country articles give each person with an office, by majority
    /// (ties go to the first name in code point order, so input order does
    /// not matter).
    pub fn known_countries(&self) -> HashMap<PersonKey, String> {
        self.votes
            .iter()
            .filter_map(|(person, votes)| {
                let best = votes
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
                Some((person.clone(), best.0.clone()))
            })
            .collect()
    }

    /// The date an undated article was most likely written, from what its
    /// extraction without knowledge found: the day of the dated meeting it
    /// describes (same city and kind on a weekday it names), moved forward
    /// to the latest weekday it names within three days.
    pub fn infer_date(&self, undated: &Extracted) -> Option<NaiveDate> {
        let anchor = undated
            .anchors
            .iter()
            .filter_map(|(place, kind, weekday)| {
                self.days
                    .get(&(place.clone(), *kind, weekday.num_days_from_monday()))
                    .copied()
            })
            .min()?;
        let forward = undated
            .weekdays
            .iter()
            .map(|w: &Weekday| {
                (w.num_days_from_monday() as i64 - anchor.weekday().num_days_from_monday() as i64)
                    .rem_euclid(7)
            })
            .filter(|d| *d <= 3)
            .max()
            .unwrap_or(0);
        Some(anchor + Duration::days(forward))
    }
}

/// Full names with one surname: the one person all articles give, or more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
enum FullName {
    /// One person; the spelling of the article with the smallest id (the
    /// smaller spelling when ids tie).
    One {
        key: PersonKey,
        name: String,
        article: String,
    },
    /// Two people or more: a surname alone names none of them.
    Many,
}

impl FullName {
    fn merge(&mut self, other: FullName) {
        match (&mut *self, other) {
            (FullName::Many, _) => {}
            (_, FullName::Many) => *self = FullName::Many,
            (
                FullName::One { key, name, article },
                FullName::One {
                    key: k,
                    name: n,
                    article: a,
                },
            ) => {
                if *key != k {
                    *self = FullName::Many;
                } else if (&a, &n) < (&*article, &*name) {
                    *name = n;
                    *article = a;
                }
            }
        }
    }
}

/// The meetings of an article that names a venue, with its date: enough to
/// link its meetings again once every placed meeting is known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Venues {
    written: Option<NaiveDate>,
    meetings: Vec<(MeetingKey, Option<String>)>,
}

/// What the second pass keeps: what linking surnames, meetings, venues and
/// titles reads from every article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    /// surname key -> the full name(s) articles give.
    #[serde(with = "pairs")]
    surnames: BTreeMap<String, FullName>,
    /// Meetings with a day and a city.
    placed: BTreeSet<MeetingKey>,
    /// meeting -> how many facts are about it.
    #[serde(with = "pairs")]
    weights: BTreeMap<MeetingKey, usize>,
    /// The meetings of each article that names a venue (with how many
    /// articles have just these).
    #[serde(with = "pairs")]
    venues: BTreeMap<Venues, usize>,
    /// (person, the surnames used alone that stand for the person, title)
    /// of every office.
    titles: BTreeSet<(PersonKey, Vec<String>, String)>,
}

impl Links {
    /// The summary of one article, extracted with the dates and countries
    /// the [`Scan`] gives and not yet linked.
    pub fn of_article(e: &Extracted) -> Links {
        let mut links = Links::default();
        let facts = &e.facts;
        for p in &facts.people {
            if p.name.split_whitespace().count() >= 2 && !ends_in_patronymic(&p.name) {
                links.add_name(
                    surname_key(&p.name),
                    FullName::One {
                        key: p.key.clone(),
                        name: p.name.clone(),
                        article: facts.article.id.clone(),
                    },
                );
            }
        }
        for m in &facts.meetings {
            if m.key.date.is_some() && m.key.place.is_some() {
                links.placed.insert(m.key.clone());
            }
        }
        for f in &facts.facts {
            if let Some(k) = f.fact.meeting() {
                *links.weights.entry(k.clone()).or_default() += 1;
            }
            if let Fact::Role { person, title, .. } = &f.fact {
                let bare: Vec<String> = e
                    .bare_surnames
                    .iter()
                    .filter(|b| &person_key(b) == person)
                    .cloned()
                    .collect();
                links.titles.insert((person.clone(), bare, title.clone()));
            }
        }
        if facts.meetings.iter().any(|m| m.venue.is_some()) {
            let record = Venues {
                written: facts.article.date,
                meetings: facts
                    .meetings
                    .iter()
                    .map(|m| (m.key.clone(), m.venue.clone()))
                    .collect(),
            };
            *links.venues.entry(record).or_default() += 1;
        }
        links
    }

    fn add_name(&mut self, surname: String, name: FullName) {
        match self.surnames.get_mut(&surname) {
            Some(known) => known.merge(name),
            None => {
                self.surnames.insert(surname, name);
            }
        }
    }

    /// Adds another summary to this one; the order of merging never matters.
    pub fn merge(&mut self, other: Links) {
        for (surname, name) in other.surnames {
            self.add_name(surname, name);
        }
        self.placed.extend(other.placed);
        for (k, n) in other.weights {
            *self.weights.entry(k).or_default() += n;
        }
        for (record, n) in other.venues {
            *self.venues.entry(record).or_default() += n;
        }
        self.titles.extend(other.titles);
    }

    /// What linking each article needs, from the summary of them all.
    pub fn finish(self) -> Linker {
        let mut linker = Linker {
            surnames: self
                .surnames
                .into_iter()
                .filter_map(|(surname, name)| match name {
                    FullName::One { name, .. } => Some((surname, name)),
                    FullName::Many => None,
                })
                .collect(),
            placed_in: HashMap::new(),
            placed_on: HashMap::new(),
            weights: self.weights.into_iter().collect(),
            venues: HashMap::new(),
            titles: HashMap::new(),
        };
        // `placed` iterates in key order, which begins with the day
        for key in self.placed {
            if let (Some(date), Some(place)) = (key.date, &key.place) {
                let by_city = linker.placed_in.entry((place.clone(), key.kind));
                by_city.or_default().push(key.clone());
                linker
                    .placed_on
                    .entry((date, key.kind))
                    .or_default()
                    .push(key);
            }
        }
        for (record, n) in self.venues {
            let mut meetings: Vec<Meeting> = record
                .meetings
                .into_iter()
                .map(|(key, venue)| Meeting {
                    key,
                    venue,
                    countries: Vec::new(),
                })
                .collect();
            let rekey = linker.meeting_rekey(record.written, &meetings);
            if !rekey.is_empty() {
                meetings = merge_meetings(meetings, &rekey);
            }
            for m in meetings {
                if let Some(v) = m.venue {
                    *linker
                        .venues
                        .entry((m.key, fold_venue(&v)))
                        .or_default()
                        .entry(v)
                        .or_default() += n;
                }
            }
        }
        for (person, bare, title) in self.titles {
            let person = bare
                .iter()
                .rev()
                .find_map(|b| linker.surnames.get(&surname_key(b)))
                .map_or(person, |full| person_key(full));
            linker.titles.entry(person).or_default().push(title);
        }
        linker
    }
}

/// Links one article at a time with what every article gives.
#[derive(Debug, Clone, Default)]
pub struct Linker {
    /// surname key -> the one full name articles give it.
    surnames: HashMap<String, String>,
    /// Meetings with a day and a city by (city, kind), each list sorted by
    /// day.
    placed_in: HashMap<(String, MeetingKind), Vec<MeetingKey>>,
    /// The same meetings by (day, kind), in key order.
    placed_on: HashMap<(NaiveDate, MeetingKind), Vec<MeetingKey>>,
    /// meeting -> how many facts are about it.
    weights: HashMap<MeetingKey, usize>,
    /// (meeting, folded venue) -> spelling -> how many articles use it.
    venues: HashMap<(MeetingKey, String), HashMap<String, usize>>,
    /// person -> the titles of the offices articles give them.
    titles: HashMap<PersonKey, Vec<String>>,
}

impl Linker {
    /// Links an article: surnames, then meetings, venues and titles.
    pub fn link(&self, e: &mut Extracted) {
        self.link_surnames(e);
        self.link_meetings(e);
        self.unify_venues(e);
        self.drop_generic_titles(e);
    }

    /// Replaces a surname-only person with the one full name articles give
    /// for that surname, when there is exactly one.
    fn link_surnames(&self, e: &mut Extracted) {
        let mut rekey: HashMap<PersonKey, (PersonKey, String)> = HashMap::new();
        for bare in &e.bare_surnames {
            if let Some(only) = self.surnames.get(&surname_key(bare)) {
                rekey.insert(person_key(bare), (person_key(only), only.clone()));
            }
        }
        if rekey.is_empty() {
            return;
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

    /// Which meetings of an article written on `written` are another
    /// article's: "last week's talks in Jeddah" the one dated talks in that
    /// city other articles report in the two months before (of several, the
    /// one most facts are about); a dated meeting with no city the one
    /// meeting others place on that day, when only one does.
    fn meeting_rekey(
        &self,
        written: Option<NaiveDate>,
        meetings: &[Meeting],
    ) -> HashMap<MeetingKey, MeetingKey> {
        let mut rekey: HashMap<MeetingKey, MeetingKey> = HashMap::new();
        let weight = |k: &MeetingKey| self.weights.get(k).copied().unwrap_or(0);
        for m in meetings {
            if let (None, None, Some(place), Some(written)) =
                (m.key.date, m.key.year, &m.key.place, written)
            {
                let in_city = self
                    .placed_in
                    .get(&(place.clone(), m.key.kind))
                    .map_or(&[][..], Vec::as_slice);
                // the two months up to the day it was written
                let from = in_city.partition_point(|k| {
                    k.date
                        .is_some_and(|d| d < written && (written - d).num_days() > 60)
                });
                let to = in_city.partition_point(|k| k.date.is_some_and(|d| d <= written));
                let mut same: Vec<&MeetingKey> = in_city[from..to.max(from)].iter().collect();
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
            let same = m
                .key
                .date
                .and_then(|d| self.placed_on.get(&(d, m.key.kind)))
                .map_or(&[][..], Vec::as_slice);
            if let [only] = same {
                rekey.insert(m.key.clone(), only.clone());
            }
        }
        rekey
    }

    /// A meeting one article dates but does not place takes the place
    /// another article gives the same meeting: one node per real meeting.
    fn link_meetings(&self, e: &mut Extracted) {
        let facts = &mut e.facts;
        let rekey = self.meeting_rekey(facts.article.date, &facts.meetings);
        if rekey.is_empty() {
            return;
        }
        facts.meetings = merge_meetings(std::mem::take(&mut facts.meetings), &rekey);
        for f in facts.facts.iter_mut() {
            if let Some(meeting) = f.fact.meeting_mut() {
                if let Some(n) = rekey.get(meeting) {
                    *meeting = n.clone();
                }
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

    /// One spelling per venue of a meeting: "Çırağan Palace" and "Ciragan
    /// Palace" in two articles are one venue, written as most articles write
    /// it (ties to the spelling with more accents, then the first in code
    /// point order).
    fn unify_venues(&self, e: &mut Extracted) {
        let accents = |v: &str| v.chars().filter(|c| !c.is_ascii()).count();
        for m in e.facts.meetings.iter_mut() {
            let Some(v) = &m.venue else { continue };
            let Some(spellings) = self.venues.get(&(m.key.clone(), fold_venue(v))) else {
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

    /// "Secretary Rubio" in one article and "Secretary of State Marco
    /// Rubio" in another: the one-word title adds nothing and would be a
    /// second office.
    fn drop_generic_titles(&self, e: &mut Extracted) {
        e.facts.facts.retain(|f| match &f.fact {
            Fact::Role { person, title, .. } if !title.contains(' ') => {
                !self.titles.get(person).is_some_and(|titles| {
                    titles
                        .iter()
                        .any(|t| t != title && t.split(' ').any(|w| w == title))
                })
            }
            _ => true,
        });
    }
}

/// Rekeys an article's meetings; two that become one keep the first's
/// venue (or else the second's) and both their countries.
fn merge_meetings(meetings: Vec<Meeting>, rekey: &HashMap<MeetingKey, MeetingKey>) -> Vec<Meeting> {
    let mut merged: Vec<Meeting> = Vec::new();
    for mut m in meetings {
        if let Some(n) = rekey.get(&m.key) {
            m.key = n.clone();
        }
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
    merged
}

fn fold_venue(v: &str) -> String {
    fold_accents(v).to_lowercase()
}

/// Maps written as sorted lists of pairs: JSON objects only take string keys.
mod pairs {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &BTreeMap<K, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter())
    }

    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::extract;
    use crate::lexicon::lexicon;

    fn extracted(id: &str, text: &str) -> Extracted {
        let doc = Document::from_text(id, text);
        extract(&doc, doc.stated_date(), false, &HashMap::new(), lexicon())
    }

    fn articles() -> [Extracted; 2] {
        [
            extracted(
                "a.txt",
                "March 11, 2025\n\nUkraine's delegation was headed by Andriy Yermak at \
                 talks in Jeddah on Tuesday. French President Emmanuel Macron spoke.\n",
            ),
            extracted(
                "b.txt",
                "March 14, 2025\n\nAndrii Yermak, the head of Ukraine's presidential \
                 office, met officials at the Kremlin in Moscow on Friday.\n",
            ),
        ]
    }

    #[test]
    fn undated_talks_in_a_city_are_the_ones_held_there_in_the_two_months_before() {
        let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2025, m, d);
        let key = |date: Option<NaiveDate>, place: Option<&str>, kind: MeetingKind| MeetingKey {
            date,
            year: None,
            place: place.map(str::to_string),
            kind,
        };
        let talks = |m: u32, d: u32| key(day(m, d), Some("Jeddah"), MeetingKind::Talks);
        let mut links = Links::default();
        // 63 days before, 3 days before, 6 days after an article of 14 March;
        // a summit there, and talks elsewhere, the same day
        for k in [
            talks(1, 10),
            talks(3, 11),
            talks(3, 20),
            key(day(3, 12), Some("Jeddah"), MeetingKind::Summit),
            key(day(3, 12), Some("Riyadh"), MeetingKind::Talks),
            key(day(3, 20), Some("Riyadh"), MeetingKind::Talks),
        ] {
            links.placed.insert(k);
        }
        let linker = links.finish();
        let undated = |kind| Meeting {
            key: key(None, Some("Jeddah"), kind),
            venue: None,
            countries: Vec::new(),
        };
        let rekey = |written, m: &Meeting| {
            linker
                .meeting_rekey(written, std::slice::from_ref(m))
                .remove(&m.key)
        };
        let jeddah = undated(MeetingKind::Talks);
        assert_eq!(rekey(day(3, 14), &jeddah), Some(talks(3, 11)));
        // talks after the article are not the ones it looks back on
        assert_eq!(rekey(day(3, 9), &jeddah), Some(talks(1, 10)));
        // both ends count: 10 January is sixty days before 11 March, and
        // 11 March the day itself, so two talks and neither is chosen
        assert_eq!(rekey(day(3, 11), &jeddah), None);
        // sixty-one days before is out of the window
        assert_eq!(rekey(day(3, 12), &jeddah), Some(talks(3, 11)));
        assert_eq!(rekey(day(3, 21), &jeddah), None);
        // a summit is not talks
        assert_eq!(
            rekey(day(3, 14), &undated(MeetingKind::Summit)),
            Some(key(day(3, 12), Some("Jeddah"), MeetingKind::Summit))
        );
        assert_eq!(rekey(None, &jeddah), None);
        // a dated meeting with no city: the one placed meeting of that kind
        // that day, when there is only one
        let dated = |d, kind| Meeting {
            key: key(day(3, d), None, kind),
            venue: None,
            countries: Vec::new(),
        };
        assert_eq!(
            rekey(day(3, 14), &dated(11, MeetingKind::Talks)),
            Some(talks(3, 11))
        );
        assert_eq!(
            rekey(day(3, 14), &dated(12, MeetingKind::Talks)),
            Some(key(day(3, 12), Some("Riyadh"), MeetingKind::Talks))
        );
        assert_eq!(rekey(day(3, 14), &dated(13, MeetingKind::Talks)), None);
        assert_eq!(rekey(day(3, 24), &dated(20, MeetingKind::Talks)), None);
    }

    #[test]
    fn scans_merge_in_any_order_and_survive_json() {
        let [a, b] = articles();
        let mut ab = Scan::of_article(&a);
        ab.merge(Scan::of_article(&b));
        let mut ba = Scan::of_article(&b);
        ba.merge(Scan::of_article(&a));
        assert_eq!(ab, ba);
        assert!(!ab.votes.is_empty() && !ab.days.is_empty(), "{ab:?}");
        let json = serde_json::to_string(&ab).expect("serialize");
        assert_eq!(serde_json::from_str::<Scan>(&json).expect("parse"), ab);
    }

    #[test]
    fn links_merge_in_any_order_and_survive_json() {
        let [a, b] = articles();
        let mut ab = Links::of_article(&a);
        ab.merge(Links::of_article(&b));
        let mut ba = Links::of_article(&b);
        ba.merge(Links::of_article(&a));
        assert_eq!(ab, ba);
        // one person, two spellings: the article with the smaller id gives it
        let Some(FullName::One { name, .. }) = ab.surnames.get(&surname_key("Yermak")) else {
            panic!("one full name for Yermak: {:?}", ab.surnames);
        };
        assert_eq!(name, "Andriy Yermak");
        let json = serde_json::to_string(&ab).expect("serialize");
        assert_eq!(serde_json::from_str::<Links>(&json).expect("parse"), ab);
    }

    #[test]
    fn two_people_with_one_surname_leave_it_unlinked() {
        let mut one = FullName::One {
            key: person_key("Kim Jong Un"),
            name: "Kim Jong Un".into(),
            article: "b.txt".into(),
        };
        one.merge(FullName::One {
            key: person_key("Un Suk"),
            name: "Un Suk".into(),
            article: "a.txt".into(),
        });
        assert_eq!(one, FullName::Many);
    }

    #[test]
    fn an_undated_article_takes_the_day_of_the_meeting_it_names_by_weekday() {
        let dated = extracted(
            "a.txt",
            "March 11, 2025\n\nU.S. and Ukrainian delegations held talks in Jeddah on Tuesday.\n",
        );
        let undated = extracted(
            "b.txt",
            "The talks in Jeddah on Tuesday ended late. On Wednesday, Kyiv welcomed them.\n",
        );
        let scan = Scan::of_article(&dated);
        assert_eq!(
            scan.infer_date(&undated),
            NaiveDate::from_ymd_opt(2025, 3, 12),
            "{:?}",
            undated.anchors
        );
        assert_eq!(Scan::default().infer_date(&undated), None);
    }
}
