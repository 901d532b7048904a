//! Word lists (countries, cities, offices, ranks, venues, cue words) loaded
//! from the data files under `data/lexicon/`, embedded at build time.
//!
//! Lookups are case-insensitive unless a list says otherwise. Nothing here
//! names a person: people are found from context.

use crate::error::{Error, Result};
use crate::fact::{AgreementKind, MeetingKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../data/lexicon/countries.tsv");
const METONYMS: &str = include_str!("../data/lexicon/metonyms.tsv");
const CITIES: &str = include_str!("../data/lexicon/cities.tsv");
const REGIONS: &str = include_str!("../data/lexicon/regions.txt");
const OFFICES: &str = include_str!("../data/lexicon/offices.txt");
const NOT_OFFICES: &str = include_str!("../data/lexicon/not-offices.txt");
const RANKS: &str = include_str!("../data/lexicon/ranks.txt");
const ROLE_SYNONYMS: &str = include_str!("../data/lexicon/role-synonyms.tsv");
const VENUES: &str = include_str!("../data/lexicon/venues.txt");
const CAPITALS: &str = include_str!("../data/lexicon/capitals.tsv");
const GIVEN_NAMES: &str = include_str!("../data/lexicon/given-names.tsv");
const VENUE_NAMES: &str = include_str!("../data/lexicon/venue-names.tsv");
const COUNTRY_NOUNS: &str = include_str!("../data/lexicon/country-nouns.txt");
const MEETING_WORDS: &str = include_str!("../data/lexicon/meeting-words.tsv");
const AGREEMENT_WORDS: &str = include_str!("../data/lexicon/agreement-words.tsv");
const ABBREVIATIONS: &str = include_str!("../data/lexicon/abbreviations.txt");
const NON_NAMES: &str = include_str!("../data/lexicon/non-names.txt");
const CUES: &str = include_str!("../data/lexicon/cues.tsv");
const NAME_PARTICLES: &str = include_str!("../data/lexicon/name-particles.txt");
const OFFICE_COUNTRIES: &str = include_str!("../data/lexicon/office-countries.tsv");

/// The named cue-word lists of `data/lexicon/cues.tsv` that the rules look
/// tokens up in. Each value names one list; the file says what each is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Words that cancel a meeting or agreement near them.
    StrongHedge,
    /// Words that cancel only an undated meeting.
    WeakHedge,
    /// Negations that cancel an agreement kind named right after them.
    Negation,
    /// Words that put a weekday after them in the coming week.
    FutureMarker,
    /// Verbs of reporting: a date right after one is the day of speaking.
    ReportingVerb,
    /// Office heads that say nothing on their own.
    GenericTitle,
    /// Words of agreeing.
    AgreeWord,
    /// Phrases that agree by their result ("led to").
    ResultPhrase,
    /// Phrases that say something was not agreed.
    Refusal,
    /// Words that hedge the word of agreeing right after them.
    AgreementHedge,
    /// Verbs of agreeing that take what was agreed after them.
    AgreeVerb,
    /// Verbs of turning a proposal down.
    RejectVerb,
    /// Verbs of accepting, turned down by a "not" before them.
    AcceptVerb,
    /// Words that make a truce one of trade.
    TradeWord,
    /// Words of talking about a thing without agreeing on it.
    DiscussWord,
    /// Words of nearness to a deal.
    NearWord,
    /// Verbs of starting or carrying on talks.
    ResumeVerb,
    /// Nouns for the parties of an agreement.
    PartyNoun,
    /// Words that make a conversation a call.
    CallWord,
    /// Nouns of a delegation.
    DelegationNoun,
    /// Nouns of delegations in the plural.
    DelegationsNoun,
    /// Phrases that introduce a delegation's members.
    MemberList,
    /// Member phrases whose subject leads the delegation.
    CompanionList,
    /// Phrases of a member seated with his leader.
    SeatedWith,
    /// Phrases that keep someone out of a delegation.
    Absence,
    /// Phrases of taking part in talks.
    Participation,
    /// Phrases of being in a delegation already named.
    Membership,
    /// Nouns of those who arrive for talks.
    TravellerNoun,
    /// Verbs of arriving.
    ArrivalVerb,
    /// Verbs of having a guest.
    HostVerb,
    /// Verbs of chairing.
    ChairVerb,
    /// Nouns of what a chair opens or hosts.
    SessionNoun,
    /// The passive of the chair verbs ("chaired by").
    ChairedBy,
    /// Phrases of mediating indirect talks.
    MediatorPhrase,
    /// Nouns for the dateline's city, unnamed ("in this city").
    CityNoun,
    /// Verbs of leading a delegation.
    LeadVerb,
    /// Nouns of talks as such.
    TalksNoun,
    /// Words that place an event before another.
    EarlierWord,
    /// Plural nouns that list earlier events.
    SeriesNoun,
    /// Verbs of telling someone something.
    BriefingVerb,
    /// Verbs of speaking with someone.
    SpeakingVerb,
    /// Pronouns that are also family names ("He Lifeng"), as names only
    /// before another name word.
    PronounSurname,
    /// Phrases that close a "with A and B alongside him" list of companions.
    CompanionClose,
    /// Words that make a handing over of prisoners mutual (an exchange).
    MutualWord,
    /// What binds the sides to a deal's terms ("are to", "will").
    Obligation,
    /// Words that give an event a second name ("the gathering, billed as
    /// the Peace Summit").
    AliasPhrase,
    /// Words that set an event apart from the main one ("held separate
    /// talks on Sunday").
    SeparateWord,
    /// The leaders of states as a group ("the presidents agreed to meet
    /// again": a leaders meeting, not talks).
    LeaderNoun,
    /// Words that hold a meeting at a distance ("held their summit by
    /// video link"): a meeting in no one place.
    RemoteMarker,
}

impl Cue {
    /// Every list, in the order of the enum.
    pub const ALL: [Cue; 49] = [
        Cue::StrongHedge,
        Cue::WeakHedge,
        Cue::Negation,
        Cue::FutureMarker,
        Cue::ReportingVerb,
        Cue::GenericTitle,
        Cue::AgreeWord,
        Cue::ResultPhrase,
        Cue::Refusal,
        Cue::AgreementHedge,
        Cue::AgreeVerb,
        Cue::RejectVerb,
        Cue::AcceptVerb,
        Cue::TradeWord,
        Cue::DiscussWord,
        Cue::NearWord,
        Cue::ResumeVerb,
        Cue::PartyNoun,
        Cue::CallWord,
        Cue::DelegationNoun,
        Cue::DelegationsNoun,
        Cue::MemberList,
        Cue::CompanionList,
        Cue::SeatedWith,
        Cue::Absence,
        Cue::Participation,
        Cue::Membership,
        Cue::TravellerNoun,
        Cue::ArrivalVerb,
        Cue::HostVerb,
        Cue::ChairVerb,
        Cue::SessionNoun,
        Cue::ChairedBy,
        Cue::MediatorPhrase,
        Cue::CityNoun,
        Cue::LeadVerb,
        Cue::TalksNoun,
        Cue::EarlierWord,
        Cue::SeriesNoun,
        Cue::BriefingVerb,
        Cue::SpeakingVerb,
        Cue::PronounSurname,
        Cue::CompanionClose,
        Cue::MutualWord,
        Cue::Obligation,
        Cue::AliasPhrase,
        Cue::SeparateWord,
        Cue::LeaderNoun,
        Cue::RemoteMarker,
    ];

    /// The list's bit in a [`Lexicon::cue_mask`].
    pub fn bit(self) -> u64 {
        const { assert!(Cue::ALL.len() <= 64, "a cue mask has 64 bits") };
        1 << (self as u32)
    }

    /// The list's name in `cues.tsv`.
    pub fn name(self) -> &'static str {
        match self {
            Cue::StrongHedge => "strong-hedge",
            Cue::WeakHedge => "weak-hedge",
            Cue::Negation => "negation",
            Cue::FutureMarker => "future-marker",
            Cue::ReportingVerb => "reporting-verb",
            Cue::GenericTitle => "generic-title",
            Cue::AgreeWord => "agree-word",
            Cue::ResultPhrase => "result-phrase",
            Cue::Refusal => "refusal",
            Cue::AgreementHedge => "agreement-hedge",
            Cue::AgreeVerb => "agree-verb",
            Cue::RejectVerb => "reject-verb",
            Cue::AcceptVerb => "accept-verb",
            Cue::TradeWord => "trade-word",
            Cue::DiscussWord => "discuss-word",
            Cue::NearWord => "near-word",
            Cue::ResumeVerb => "resume-verb",
            Cue::PartyNoun => "party-noun",
            Cue::CallWord => "call-word",
            Cue::DelegationNoun => "delegation-noun",
            Cue::DelegationsNoun => "delegations-noun",
            Cue::MemberList => "member-list",
            Cue::CompanionList => "companion-list",
            Cue::SeatedWith => "seated-with",
            Cue::Absence => "absence",
            Cue::Participation => "participation",
            Cue::Membership => "membership",
            Cue::TravellerNoun => "traveller-noun",
            Cue::ArrivalVerb => "arrival-verb",
            Cue::HostVerb => "host-verb",
            Cue::ChairVerb => "chair-verb",
            Cue::SessionNoun => "session-noun",
            Cue::ChairedBy => "chaired-by",
            Cue::MediatorPhrase => "mediator-phrase",
            Cue::CityNoun => "city-noun",
            Cue::LeadVerb => "lead-verb",
            Cue::TalksNoun => "talks-noun",
            Cue::EarlierWord => "earlier-word",
            Cue::SeriesNoun => "series-noun",
            Cue::BriefingVerb => "briefing-verb",
            Cue::SpeakingVerb => "speaking-verb",
            Cue::PronounSurname => "pronoun-surname",
            Cue::CompanionClose => "companion-close",
            Cue::MutualWord => "mutual-word",
            Cue::Obligation => "obligation",
            Cue::AliasPhrase => "alias-phrase",
            Cue::SeparateWord => "separate-word",
            Cue::LeaderNoun => "leader-noun",
            Cue::RemoteMarker => "remote-marker",
        }
    }
}

/// What a word can be inside an office phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeWord {
    /// Names the office itself (`minister`).
    Head,
    /// Qualifies a head (`deputy`, `foreign`).
    Modifier,
    /// Names a body (`ministry`, `directorate`).
    Org,
}

/// Cue words for agreements, by what they signal.
#[derive(Debug, Clone, Default)]
pub struct AgreementCues {
    /// Cues of each agreement kind (not the drafting and settlement lists).
    pub kinds: Vec<(AgreementKind, Vec<String>)>,
    /// Words of drafting ("proposals", "memorandum").
    pub drafting: Vec<String>,
    /// Words of a settlement or truce ("ceasefire", "settlement").
    pub settlement: Vec<String>,
    /// Nouns of a signed text ("agreement", "accord", "joint statement").
    pub documents: Vec<String>,
    /// Openings that give a deal's content ("under the deal").
    pub contents: Vec<String>,
}

/// All the word lists, parsed once.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Lowercased alias (names, adjectives) -> canonical country.
    pub countries: HashMap<String, String>,
    /// Lowercased aliases written in capitals (`us`, `un`): they match only
    /// in capitals, so the pronoun "us" and the name "Un" are no countries.
    pub acronyms: HashSet<String>,
    /// Lowercased metonym (`kremlin`) -> canonical country.
    pub metonyms: HashMap<String, String>,
    /// Lowercased city alias -> canonical city.
    pub cities: HashMap<String, String>,
    /// Lowercased region names (never persons, never cities).
    pub regions: HashSet<String>,
    /// Lowercased office word -> its kinds.
    pub office_words: HashMap<String, Vec<OfficeWord>>,
    /// Lowercased words that make a phrase a delegation role, not an office.
    pub not_offices: HashSet<String>,
    /// Ranks and honours, as token sequences (lowercased).
    pub ranks: Vec<Vec<String>>,
    /// Lowercased office wording -> canonical office.
    pub role_synonyms: HashMap<String, String>,
    /// Lowercased venue head words.
    pub venues: HashSet<String>,
    /// Given-name variants to their canonical form (lowercase: `mike` -> `michael`).
    pub given_names: HashMap<String, String>,
    /// Venues known by name (lowercase words) with the city they are in.
    pub venue_names: Vec<(Vec<String>, String, String)>,
    /// Nouns that point back to a country named before ("the kingdom").
    pub country_nouns: HashSet<String>,
    /// Canonical country to the canonical name of its capital.
    pub capitals: HashMap<String, String>,
    /// Meeting cue phrases (lowercased), longest first, with their kind.
    pub meeting_words: Vec<(String, MeetingKind)>,
    /// First word of a meeting cue -> the cues it starts (indexes into
    /// `meeting_words`, in its order).
    pub meeting_starts: HashMap<String, Vec<usize>>,
    /// Agreement cue words.
    pub agreements: AgreementCues,
    /// Abbreviations that do not end a sentence (case-sensitive).
    pub abbreviations: HashSet<String>,
    /// Lowercased office -> the one country that has it (`secretary of state`).
    pub office_countries: HashMap<String, String>,
    /// Particles that may sit inside a person's name (`bin`, `al-`, `von`).
    pub particles: HashSet<String>,
    /// Capitalised words that are never part of a name (lowercased).
    pub non_names: HashSet<String>,
    /// The first word of every city, region, country and metonym, so a
    /// token that starts none is passed over without building a phrase.
    pub place_starts: HashSet<String>,
    /// The cue lists, indexed by `Cue as usize` (see [`Lexicon::cue`]).
    cues: Vec<Vec<String>>,
    /// Each one-word cue with a bit per list that holds it, so a token's
    /// lists are one lookup.
    cue_masks: HashMap<String, u64>,
}

/// The first word of a phrase (its words joined by single spaces): what a
/// phrase is looked up by.
pub fn first_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or(phrase)
}

/// The built-in lexicon, parsed on first use.
///
/// The data files are part of the binary and checked by the unit tests, so a
/// parse failure here is a build defect; it is reported, not panicked on, by
/// [`Lexicon::builtin`].
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().unwrap_or_default())
}

/// Non-empty, non-comment lines with their one-based numbers.
fn lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Splits `canonical<TAB>a|b|c` into the canonical name and its aliases.
fn tab_line(
    file: &'static str,
    line: usize,
    text: &'static str,
) -> Result<(&'static str, Vec<&'static str>)> {
    let (head, rest) = text.split_once('\t').ok_or_else(|| Error::Lexicon {
        file,
        line,
        message: "expected a tab between the name and its aliases".into(),
    })?;
    let aliases = rest
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    Ok((head.trim(), aliases))
}

/// Inserts `key -> value`, refusing an alias that already maps elsewhere.
fn insert_unique(
    map: &mut HashMap<String, String>,
    file: &'static str,
    line: usize,
    key: &str,
    value: &str,
) -> Result<()> {
    let key = key.to_lowercase();
    match map.get(&key) {
        Some(existing) if existing != value => Err(Error::Lexicon {
            file,
            line,
            message: format!("{key:?} maps to both {existing:?} and {value:?}"),
        }),
        _ => {
            map.insert(key, value.to_string());
            Ok(())
        }
    }
}

/// Parses a `canonical<TAB>aliases` file into lowercased alias -> canonical.
fn alias_map(file: &'static str, text: &'static str) -> Result<HashMap<String, String>> {
    let mut map = HashMap::default();
    for (n, l) in lines(text) {
        let (canonical, aliases) = tab_line(file, n, l)?;
        insert_unique(&mut map, file, n, canonical, canonical)?;
        for alias in aliases {
            insert_unique(&mut map, file, n, alias, canonical)?;
        }
    }
    Ok(map)
}

/// Parses a one-word-per-line file into a lowercased set.
fn word_set(text: &'static str) -> HashSet<String> {
    lines(text).map(|(_, l)| l.trim().to_lowercase()).collect()
}

fn meeting_kind(file: &'static str, line: usize, label: &str) -> Result<MeetingKind> {
    MeetingKind::ALL
        .into_iter()
        .find(|k| k.label() == label)
        .ok_or_else(|| Error::Lexicon {
            file,
            line,
            message: format!("unknown meeting kind {label:?}"),
        })
}

impl Lexicon {
    /// Parses the built-in data files.
    pub fn builtin() -> Result<Self> {
        let mut lex = Lexicon {
            countries: alias_map("countries.tsv", COUNTRIES)?,
            metonyms: HashMap::default(),
            cities: alias_map("cities.tsv", CITIES)?,
            regions: word_set(REGIONS),
            not_offices: word_set(NOT_OFFICES),
            venues: word_set(VENUES),
            country_nouns: word_set(COUNTRY_NOUNS),
            non_names: word_set(NON_NAMES),
            particles: word_set(NAME_PARTICLES),
            abbreviations: lines(ABBREVIATIONS)
                .map(|(_, l)| l.trim().to_string())
                .collect(),
            ..Lexicon::default()
        };
        for (_, l) in lines(COUNTRIES) {
            for alias in l.split(['\t', '|']) {
                let letters: String = alias.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.len() >= 2 && letters.chars().all(char::is_uppercase) {
                    lex.acronyms.insert(alias.trim().to_lowercase());
                }
            }
        }
        for (n, l) in lines(METONYMS) {
            let (word, countries) = tab_line("metonyms.tsv", n, l)?;
            let [country] = countries[..] else {
                return Err(Error::Lexicon {
                    file: "metonyms.tsv",
                    line: n,
                    message: "expected exactly one country".into(),
                });
            };
            insert_unique(&mut lex.metonyms, "metonyms.tsv", n, word, country)?;
        }
        for (n, l) in lines(OFFICES) {
            let (kind, words) = tab_line("offices.txt", n, l)?;
            let kind = match kind {
                "head" => OfficeWord::Head,
                "modifier" => OfficeWord::Modifier,
                "org" => OfficeWord::Org,
                other => {
                    return Err(Error::Lexicon {
                        file: "offices.txt",
                        line: n,
                        message: format!("unknown office word kind {other:?}"),
                    })
                }
            };
            for w in words {
                lex.office_words
                    .entry(w.to_lowercase())
                    .or_default()
                    .push(kind);
            }
        }
        lex.ranks = lines(RANKS)
            .map(|(_, l)| l.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        lex.ranks
            .sort_by_key(|r: &Vec<String>| std::cmp::Reverse(r.len()));
        for (n, l) in lines(ROLE_SYNONYMS) {
            let (canonical, aliases) = tab_line("role-synonyms.tsv", n, l)?;
            for alias in aliases {
                insert_unique(
                    &mut lex.role_synonyms,
                    "role-synonyms.tsv",
                    n,
                    alias,
                    canonical,
                )?;
            }
        }
        for (n, l) in lines(MEETING_WORDS) {
            let (kind, words) = tab_line("meeting-words.tsv", n, l)?;
            let kind = meeting_kind("meeting-words.tsv", n, kind)?;
            for w in words {
                lex.meeting_words.push((w.to_lowercase(), kind));
            }
        }
        lex.meeting_words
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.split_whitespace().count()));
        for (k, (w, _)) in lex.meeting_words.iter().enumerate() {
            let first = first_word(w).to_string();
            lex.meeting_starts.entry(first).or_default().push(k);
        }
        for (_, l) in lines(GIVEN_NAMES) {
            let (canonical, variants) = tab_line("given-names.tsv", 0, l)?;
            for v in variants {
                lex.given_names
                    .insert(v.to_lowercase(), canonical.to_lowercase());
            }
        }
        for (n, l) in lines(VENUE_NAMES) {
            let (venue, cities) = tab_line("venue-names.tsv", n, l)?;
            let [city] = cities[..] else {
                return Err(Error::Lexicon {
                    file: "venue-names.tsv",
                    line: n,
                    message: "expected one city after the tab".into(),
                });
            };
            let words = venue.split_whitespace().map(str::to_lowercase).collect();
            lex.venue_names
                .push((words, venue.to_string(), city.to_string()));
        }
        for (n, l) in lines(CAPITALS) {
            let (country, cities) = tab_line("capitals.tsv", n, l)?;
            let [city] = cities[..] else {
                return Err(Error::Lexicon {
                    file: "capitals.tsv",
                    line: n,
                    message: "expected one capital after the tab".into(),
                });
            };
            lex.capitals.insert(country.to_string(), city.to_string());
        }
        for (n, l) in lines(AGREEMENT_WORDS) {
            let (kind, words) = tab_line("agreement-words.tsv", n, l)?;
            let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            match kind {
                "drafting" => lex.agreements.drafting = words,
                "settlement" => lex.agreements.settlement = words,
                "document" => lex.agreements.documents = words,
                "content" => lex.agreements.contents = words,
                label => {
                    let kind = AgreementKind::ALL
                        .into_iter()
                        .find(|k| k.label() == label)
                        .ok_or_else(|| Error::Lexicon {
                            file: "agreement-words.tsv",
                            line: n,
                            message: format!("unknown agreement kind {label:?}"),
                        })?;
                    lex.agreements.kinds.push((kind, words));
                }
            }
        }
        for (n, l) in lines(OFFICE_COUNTRIES) {
            let (country, offices) = tab_line("office-countries.tsv", n, l)?;
            for office in offices {
                let (file, key) = ("office-countries.tsv", office.to_lowercase());
                insert_unique(&mut lex.office_countries, file, n, &key, country)?;
            }
        }
        lex.cues = vec![Vec::new(); Cue::ALL.len()];
        let mut seen = [false; Cue::ALL.len()];
        for (n, l) in lines(CUES) {
            let (name, words) = tab_line("cues.tsv", n, l)?;
            let cue = Cue::ALL
                .into_iter()
                .find(|c| c.name() == name)
                .ok_or_else(|| Error::Lexicon {
                    file: "cues.tsv",
                    line: n,
                    message: format!("unknown cue list {name:?}"),
                })?;
            if std::mem::replace(&mut seen[cue as usize], true) {
                return Err(Error::Lexicon {
                    file: "cues.tsv",
                    line: n,
                    message: format!("the list {name:?} is given twice"),
                });
            }
            lex.cues[cue as usize] = words.iter().map(|w| w.to_lowercase()).collect();
        }
        for cue in Cue::ALL {
            for w in lex.cues[cue as usize].iter().filter(|w| !w.contains(' ')) {
                *lex.cue_masks.entry(w.clone()).or_default() |= cue.bit();
            }
        }
        if let Some(c) = Cue::ALL.into_iter().find(|&c| !seen[c as usize]) {
            return Err(Error::Lexicon {
                file: "cues.tsv",
                line: CUES.lines().count(),
                message: format!("the list {:?} is missing", c.name()),
            });
        }
        lex.place_starts = (lex.cities.keys())
            .chain(lex.regions.iter())
            .chain(lex.countries.keys())
            .chain(lex.metonyms.keys())
            .map(|key| first_word(key).to_string())
            .collect();
        Ok(lex)
    }

    /// The one country that has an office, for offices named without one.
    pub fn office_country(&self, title: &str) -> Option<&str> {
        self.office_countries
            .get(&title.to_lowercase())
            .map(String::as_str)
    }

    /// The words and phrases of a cue list.
    pub fn cue(&self, cue: Cue) -> &[String] {
        self.cues.get(cue as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether the lowercase `word` (or phrase) is in a cue list.
    pub fn is_cue(&self, cue: Cue, word: &str) -> bool {
        if word.contains(' ') {
            self.cue(cue).iter().any(|w| w == word)
        } else {
            self.cue_mask(word) & cue.bit() != 0
        }
    }

    /// The lists that hold the lowercase one-word `word`, a bit each
    /// ([`Cue::bit`]).
    pub fn cue_mask(&self, word: &str) -> u64 {
        self.cue_masks.get(word).copied().unwrap_or(0)
    }

    /// The city a venue known by name is in.
    pub fn venue_city(&self, venue: &str) -> Option<&str> {
        self.venue_names
            .iter()
            .find(|(_, name, _)| name.eq_ignore_ascii_case(venue))
            .map(|(_, _, city)| city.as_str())
    }

    /// The country whose capital `city` (canonical) is.
    pub fn country_of_capital(&self, city: &str) -> Option<String> {
        self.capitals
            .iter()
            .filter(|(_, c)| c.as_str() == city)
            .map(|(country, _)| country.clone())
            .min()
    }

    /// The country a name, adjective or metonym stands for (`Russian` -> `Russia`).
    pub fn country(&self, word: &str) -> Option<&str> {
        let key = word.to_lowercase();
        self.country_proper(word)
            .or_else(|| self.metonyms.get(&key).map(String::as_str))
    }

    /// The country a name or adjective stands for, ignoring metonyms.
    pub fn country_proper(&self, word: &str) -> Option<&str> {
        let key = word.to_lowercase();
        if self.acronyms.contains(&key) && word.chars().any(char::is_lowercase) {
            return None;
        }
        self.countries.get(&key).map(String::as_str)
    }

    /// The canonical city for an alias (`Kiev` -> `Kyiv`).
    pub fn city(&self, word: &str) -> Option<&str> {
        self.cities.get(&word.to_lowercase()).map(String::as_str)
    }

    /// What kinds of office word `word` is (empty when none).
    pub fn office_word(&self, word: &str) -> &[OfficeWord] {
        self.office_words
            .get(&word.to_lowercase())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether `word` can head an office phrase.
    pub fn is_office_head(&self, word: &str) -> bool {
        self.office_word(word).contains(&OfficeWord::Head)
    }

    /// The canonical wording of an office (synonyms folded), or `None`.
    pub fn role_synonym(&self, title: &str) -> Option<&str> {
        self.role_synonyms
            .get(&title.to_lowercase())
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses() {
        let lex = Lexicon::builtin().expect("data files parse");
        assert_eq!(lex.country("Russian"), Some("Russia"));
        assert_eq!(lex.country("U.S."), Some("United States"));
        assert_eq!(lex.country("US"), Some("United States"));
        assert_eq!(lex.country("us"), None, "the pronoun is no country");
        assert_eq!(lex.country("Un"), None, "Kim Jong Un");
        assert_eq!(lex.country("Kremlin"), Some("Russia"));
        assert_eq!(lex.country_proper("Kremlin"), None);
        assert_eq!(lex.city("Kiev"), Some("Kyiv"));
        assert_eq!(lex.city("Peking"), Some("Beijing"));
        assert!(lex.is_office_head("Minister"));
        assert!(!lex.is_office_head("Deputy"));
        assert_eq!(lex.role_synonym("kremlin aide"), Some("Presidential Aide"));
        assert!(lex
            .meeting_words
            .iter()
            .any(|(w, k)| w == "phone call" && *k == MeetingKind::PhoneCall));
        assert_eq!(lex.agreements.kinds.len(), 5);
        assert_eq!(
            lex.office_country("Secretary of State"),
            Some("United States")
        );
        assert_eq!(
            lex.office_country("External Affairs Minister"),
            Some("India")
        );
        assert_eq!(lex.office_country("Secretary of State for Defence"), None);
        assert_eq!(lex.country("Soviet"), Some("Soviet Union"));
        assert_eq!(lex.country("PLO"), Some("Palestine"));
    }

    #[test]
    fn capitals_are_known_countries_and_cities() {
        let lex = Lexicon::builtin().expect("the built-in lexicon parses");
        assert!(lex.capitals.len() >= 20);
        for (country, city) in &lex.capitals {
            assert_eq!(lex.country(country), Some(country.as_str()), "{country}");
            assert_eq!(lex.city(city), Some(city.as_str()), "{city}");
        }
    }

    #[test]
    fn canonical_lists_stay_sorted() {
        for (file, text) in [
            ("countries.tsv", COUNTRIES),
            ("metonyms.tsv", METONYMS),
            ("cities.tsv", CITIES),
            ("regions.txt", REGIONS),
            ("venues.txt", VENUES),
            ("non-names.txt", NON_NAMES),
            ("name-particles.txt", NAME_PARTICLES),
            ("office-countries.tsv", OFFICE_COUNTRIES),
            ("ranks.txt", RANKS),
            ("capitals.tsv", CAPITALS),
            ("given-names.tsv", GIVEN_NAMES),
            ("venue-names.tsv", VENUE_NAMES),
        ] {
            let keys: Vec<&str> = lines(text)
                .map(|(_, l)| l.split('\t').next().unwrap_or(l))
                .collect();
            let mut sorted = keys.clone();
            sorted.sort_by_key(|k| k.to_lowercase());
            assert_eq!(keys, sorted, "{file} is not sorted");
        }
    }

    #[test]
    fn every_cue_list_is_given_in_lowercase_without_repeats() {
        let lex = Lexicon::builtin().expect("the built-in lexicon parses");
        for (k, cue) in Cue::ALL.into_iter().enumerate() {
            assert_eq!(cue as usize, k, "Cue::ALL follows the enum");
            let words = lex.cue(cue);
            assert!(!words.is_empty(), "{} is empty", cue.name());
            for (i, w) in words.iter().enumerate() {
                assert_eq!(w, &w.to_lowercase(), "{}: {w}", cue.name());
                assert!(!words[..i].contains(w), "{} repeats {w}", cue.name());
            }
        }
        assert!(lex.is_cue(Cue::LeadVerb, "headed"));
        assert!(lex.is_cue(Cue::CompanionList, "joined at the table by"));
        assert_eq!(
            lex.cue_mask("hosted"),
            Cue::HostVerb.bit() | Cue::ChairVerb.bit()
        );
        assert!(!lex.is_cue(Cue::LeadVerb, "said"));
        assert!(Lexicon::default().cue(Cue::HostVerb).is_empty());
    }

    #[test]
    fn a_duplicate_alias_is_refused() {
        let err = alias_map("t", "A\tx\nB\tx\n").unwrap_err();
        assert!(err.to_string().contains("maps to both"), "{err}");
    }
}
