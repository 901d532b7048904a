//! The rules: one article's sentences and mentions in, typed facts out, each
//! with its evidence and the name of the rule that produced it.
//!
//! Sentences are read in order with a little discourse state: the date
//! mentioned last (for "a day earlier"), the delegation spoken of last (for
//! "He was accompanied by"), the meeting spoken of last (for agreements).
//! Meetings are collected as mentions and merged at the end into one
//! meeting per date, place and kind.

use crate::dates::{self, DateExpr};
use crate::document::Document;
use crate::fact::*;
use crate::lexicon::{first_word, Lexicon};
use crate::mention::{self, Mentions, NameMention};
use crate::names::{person_key, surname_key};
use crate::text::{self, Sentence, Token, TokenKind};
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeMap, HashMap};

/// Words that cancel a meeting or agreement near them ("expected", "would").
const STRONG_HEDGES: [&str; 37] = [
    "expected",
    "prospects",
    "prospect",
    "possibility",
    "possible",
    "readiness",
    "invited",
    "invitation",
    "proposed",
    "propose",
    "proposal",
    "requested",
    "request",
    "offer",
    "would",
    "could",
    "might",
    "require",
    "requires",
    "hope",
    "hopes",
    "wish",
    "want",
    "wants",
    "consider",
    "if",
    "whether",
    "unless",
    "not",
    "no",
    "never",
    "declined",
    "refused",
    "rejected",
    "won't",
    "urged",
    "until",
];

/// Words that cancel a meeting only when it has no date ("ready to").
const WEAK_HEDGES: [&str; 7] = [
    "ready", "plan", "plans", "planned", "upcoming", "next", "may",
];

/// Negations that cancel an agreement kind named right after them.
const NEGATIONS: [&str; 8] = [
    "no", "not", "without", "failed", "never", "nor", "neither", "didn't",
];

/// Office heads that say nothing on their own ("the head of the ruling
/// faction" leaves `Head`): not recorded as roles.
const GENERIC_TITLES: [&str; 11] = [
    "Prince",
    "Head",
    "Chief",
    "Director",
    "Deputy",
    "Chair",
    "Chairman",
    "Member",
    "Commander",
    "Secretary",
    "Minister",
];

/// Verbs of reporting: a date right after one is the day something was said.
const REPORTING: [&str; 10] = [
    "told",
    "said",
    "says",
    "stated",
    "announced",
    "added",
    "reported",
    "dismissed",
    "noted",
    "confirmed",
];

/// Verbs of agreeing.
const AGREE_WORDS: [&str; 16] = [
    "agreed",
    "agree",
    "agreeing",
    "pledged",
    "communique",
    "communiqué",
    "agrees",
    "agreement",
    "agreements",
    "deal",
    "accord",
    "consented",
    "commitment",
    "committed",
    "signed",
    "reached",
];

/// Verbs of agreeing that need a second word ("led to", "resulted in").
const RESULT_PHRASES: [&str; 3] = ["led to", "resulted in", "pursuant to"];

/// One meeting as a sentence mentions it, before merging.
#[derive(Debug, Clone)]
struct MeetingMention {
    kind: MeetingKind,
    date: Option<NaiveDate>,
    year: Option<i32>,
    place: Option<String>,
    venue: Option<String>,
    /// Names its own event ("met", "between X and Y"): never merged away.
    explicit: bool,
    /// Called earlier than another ("the recent call", "a previous meeting").
    earlier: bool,
    /// Named with "the" and no place of its own ("opened the meeting",
    /// "the expanded talks"): the article's main event, when of its days.
    anaphoric: bool,
    sentence: usize,
    /// Index of the merged meeting, set by `merge_meetings`.
    merged: Option<usize>,
}

impl MeetingMention {
    fn is_bare(&self) -> bool {
        self.date.is_none() && self.year.is_none() && self.place.is_none()
    }
}

/// A fact whose meeting is still a mention index.
#[derive(Debug, Clone)]
enum Pending {
    Ready(Fact),
    Meeting(usize),
    Chair(usize, PersonKey),
    Participant(usize, PersonKey),
    Leader(usize, String, PersonKey),
    Member(usize, String, PersonKey),
    Agreement(usize, AgreementKind, Option<u64>),
}

/// Discourse state carried from sentence to sentence.
#[derive(Debug, Default)]
struct Discourse {
    last_date: Option<NaiveDate>,
    speech_date: Option<NaiveDate>,
    /// The delegation spoken of last: meeting mention, country, leader.
    delegation: Option<(usize, String, Option<PersonKey>)>,
    /// The last dated or placed talks or meeting mention (not a phone call).
    last_meeting: Option<usize>,
    /// The last dated or placed talks or summit mention.
    last_talks: Option<usize>,
    /// The last dated or placed mention of any kind, phone calls included.
    last_event: Option<usize>,
    /// The last meeting mention of any kind, including rounds known only by year.
    last_any: Option<usize>,
    /// `last_any` as it stood before the current sentence ("at the time").
    prior_any: Option<usize>,
    /// Whether the previous sentence listed delegation members.
    listing: bool,
    /// The earlier year's talks a leader also led ("just as in 2022").
    earlier_year: Option<(usize, String, PersonKey)>,
    /// A day the sentence gave that no meeting took, and the sentence.
    loose_date: Option<(NaiveDate, usize)>,
    /// The country named last ("the kingdom's adviser": of that country).
    last_country: Option<String>,
    /// Agreements dated by their own verb ("agreed on Tuesday to ...") whose
    /// event the next sentence names ("The commitment came during a call").
    orphan: Option<Orphan>,
}

/// Agreements waiting for the event the next sentence names.
#[derive(Debug, Clone)]
struct Orphan {
    date: NaiveDate,
    sentence: usize,
    /// The meeting to fall back on when the next sentence names none.
    fallback: usize,
    agreements: Vec<(AgreementKind, Option<u64>, Evidence)>,
}

/// Everything the extractor learned about one article, with enough left
/// unresolved to date an undated article from the others.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The facts.
    pub facts: ArticleFacts,
    /// For undated articles: (place, kind, weekday) of meetings whose day is
    /// known only as a weekday, to be matched against dated articles.
    pub anchors: Vec<(String, MeetingKind, Weekday)>,
    /// Weekdays the article mentions, for choosing an inferred date.
    pub weekdays: Vec<Weekday>,
    /// Surnames used alone that the article never spells out in full.
    pub bare_surnames: Vec<String>,
    /// Per sentence: the rules that fired (for `extract --explain`).
    pub trace: Vec<Vec<&'static str>>,
    /// The sentences, for explanation.
    pub sentences: Vec<String>,
}

/// Extracts the facts of `doc`. `reference` is the article's date when known
/// (stated or inferred from other articles).
/// `known` gives the country other articles give a person ("French
/// President Emmanuel Macron"), for articles that leave it out.
pub fn extract(
    doc: &Document,
    reference: Option<NaiveDate>,
    date_inferred: bool,
    known: &HashMap<PersonKey, String>,
    lex: &Lexicon,
) -> Extracted {
    let clean = text::clean(&doc.text);
    let sentences = text::sentences(&clean, lex);
    let analysed: Vec<(Vec<Token>, Mentions)> = sentences
        .iter()
        .map(|s| {
            let t = text::tokens(&s.text, lex);
            let m = mention::analyse(&t, lex);
            (t, m)
        })
        .collect();
    let mut x = Extractor {
        doc,
        lex,
        reference,
        people: BTreeMap::new(),
        surnames: HashMap::new(),
        person_country: HashMap::new(),
        known,
        mentions: Vec::new(),
        pending: Vec::new(),
        discourse: Discourse::default(),
        anchors: Vec::new(),
        weekdays: Vec::new(),
        bare_surnames: Vec::new(),
        trace: vec![Vec::new(); sentences.len()],
        dateline: None,
        dateline_at: None,
        lead_day: None,
        kind_quantity: HashMap::new(),
        office_holders: HashMap::new(),
        span_days: 1,
        headline_summit: false,
    };
    // full names first, so a later "Lavrov" finds "Sergey Lavrov"; not from
    // a headline, whose capitals make names of "Kim Sign Joint Statement"
    let body: Vec<&Mentions> = sentences
        .iter()
        .zip(&analysed)
        .filter(|(s, (t, _))| !is_title_case(s, t))
        .map(|(_, (_, m))| m)
        .collect();
    for m in &body {
        for n in &m.names {
            if n.end - n.start >= 2 {
                x.surnames
                    .entry(surname_key(&n.text))
                    .or_insert_with(|| n.text.clone());
            }
        }
    }
    // family name first ("Kim Jong Un" ... "Kim brought"), where no name
    // ends in that word and the name has no particle
    let mut first_words: Vec<(String, String)> = Vec::new();
    for m in &body {
        for n in &m.names {
            let words: Vec<&str> = n.text.split_whitespace().collect();
            if words.len() >= 2 && !mention::has_particle(&n.text) {
                first_words.push((surname_key(words[0]), n.text.clone()));
            }
        }
    }
    for (key, full) in first_words {
        x.surnames.entry(key).or_insert(full);
    }
    if let Some((i, city)) = analysed
        .iter()
        .enumerate()
        .take(8)
        .find_map(|(i, (t, _))| dateline(t, lex).map(|c| (i, c)))
    {
        x.dateline = Some(city);
        x.dateline_at = Some(i);
    }
    // "... at Historic Singapore Summit": the headline names the main event
    x.headline_summit = sentences
        .iter()
        .zip(&analysed)
        .take(2)
        .any(|(s, (t, _))| is_title_case(s, t) && t.iter().any(|t| t.lower() == "summit"));
    for (s, (tokens, m)) in sentences.iter().zip(&analysed) {
        x.sentence(s, tokens, m);
    }
    x.finish(
        sentences.len(),
        date_inferred,
        sentences.iter().map(|s| s.text.clone()).collect(),
    )
}

struct Extractor<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    reference: Option<NaiveDate>,
    people: BTreeMap<PersonKey, String>,
    surnames: HashMap<String, String>,
    person_country: HashMap<PersonKey, String>,
    /// Countries of people as other articles give them.
    known: &'a HashMap<PersonKey, String>,
    mentions: Vec<MeetingMention>,
    pending: Vec<(Pending, Evidence)>,
    discourse: Discourse,
    anchors: Vec<(String, MeetingKind, Weekday)>,
    weekdays: Vec<Weekday>,
    bare_surnames: Vec<String>,
    trace: Vec<Vec<&'static str>>,
    /// The city of the dateline ("RIYADH, Saudi Arabia (AP) —").
    dateline: Option<String>,
    /// The sentence that opens with the dateline.
    dateline_at: Option<usize>,
    /// The first day the dateline's sentence gives (reported within days):
    /// the day of the event the article leads with.
    lead_day: Option<NaiveDate>,
    /// The number each agreement kind was last given ("a 30-day ceasefire").
    kind_quantity: HashMap<AgreementKind, u64>,
    /// The people the article gave each office, in order.
    office_holders: HashMap<String, Vec<PersonKey>>,
    /// How many days the article's event lasted ("four days of talks").
    span_days: u32,
    /// Whether the headline calls the article's event a summit.
    headline_summit: bool,
}

/// The city a dateline opens with: capitals, then a comma, dash or bracket.
/// A city the gazetteer lacks counts when a region, country or agency
/// follows it ("WOODSIDE, Calif. —", "SOCHI, Russia (AP) —").
fn dateline(tokens: &[Token], lex: &Lexicon) -> Option<String> {
    for len in [1, 2, 3] {
        let words = tokens.get(..len)?;
        let all_caps = words.iter().all(|t| {
            t.kind == TokenKind::Word
                && t.text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        });
        let next = tokens.get(len).map(|t| t.text.as_str());
        let phrase = words
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if all_caps && matches!(next, Some("," | "—" | "–" | "-" | "(")) {
            if let Some(city) = lex.city(&phrase) {
                return Some(city.to_string());
            }
            let then = tokens.get(len + 1);
            let introduces = match next {
                Some(",") => then.is_some_and(|t| t.is_capitalized()),
                _ => false,
            };
            let plain = words.iter().all(|t| {
                t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !lex.non_names.contains(t.lower())
            });
            if introduces && plain && lex.country(&phrase).is_none() {
                return Some(title_case(&phrase));
            }
        }
        // "Geneva, Jan 10 (AFP) -": a known city in title case, then the day
        let titled = words
            .iter()
            .all(|t| t.kind == TokenKind::Word && t.is_capitalized());
        let day_follows = tokens
            .get(len + 1)
            .is_some_and(|t| dates::month_number(&t.text).is_some())
            && tokens
                .get(len + 2)
                .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()));
        if titled && next == Some(",") && day_follows {
            if let Some(city) = lex.city(&phrase) {
                return Some(city.to_string());
            }
        }
    }
    None
}

/// "SHARM EL-SHEIKH" as "Sharm El-Sheikh".
fn title_case(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut start = true;
    for c in phrase.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

/// A sentence with its tokens and mentions, and what was resolved of them.
struct Ctx<'s> {
    sentence: &'s Sentence,
    tokens: &'s [Token],
    m: &'s Mentions,
    /// Person per name mention.
    persons: Vec<Option<PersonKey>>,
    /// Resolved dates with their token position.
    dates: Vec<(usize, Option<NaiveDate>, DateExpr)>,
    /// Meeting mentions of this sentence (index into `mentions`) and the token
    /// of their cue.
    meetings: Vec<(usize, usize)>,
    lower: Vec<&'s str>,
    /// Each token's lowercase word with its position, sorted: where a
    /// phrase can start, found by its first word.
    starts: Vec<(&'s str, usize)>,
    /// A bit per hashed word of the sentence, so most phrases whose first
    /// word is not there are ruled out without a search.
    words: WordBits,
}

/// A 256-bit filter of the words of a sentence: a clear bit means the word
/// is not there; a set one that it may be.
#[derive(Default)]
struct WordBits([u64; 4]);

impl WordBits {
    fn bit(word: &str) -> (usize, u64) {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        word.hash(&mut h);
        let n = h.finish() >> 56;
        ((n >> 6) as usize & 3, 1 << (n & 63))
    }

    fn insert(&mut self, word: &str) {
        let (i, b) = Self::bit(word);
        self.0[i] |= b;
    }

    fn may_hold(&self, word: &str) -> bool {
        let (i, b) = Self::bit(word);
        self.0[i] & b != 0
    }
}

impl<'s> Ctx<'s> {
    fn new(
        sentence: &'s Sentence,
        tokens: &'s [Token],
        m: &'s Mentions,
        persons: Vec<Option<PersonKey>>,
    ) -> Ctx<'s> {
        let lower: Vec<&str> = tokens.iter().map(Token::lower).collect();
        let mut starts: Vec<(&str, usize)> = lower.iter().copied().zip(0..).collect();
        starts.sort_unstable();
        let mut words = WordBits::default();
        lower.iter().for_each(|w| words.insert(w));
        Ctx {
            sentence,
            tokens,
            m,
            persons,
            dates: Vec::new(),
            meetings: Vec::new(),
            lower,
            starts,
            words,
        }
    }

    fn word(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// Whether the words starting at `i` read `phrase`.
    fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, w)| self.word(i + k) == w)
    }

    /// Token index of the first occurrence of `phrase` at or after `from`.
    fn find(&self, phrase: &str, from: usize) -> Option<usize> {
        let first = first_word(phrase);
        if !self.words.may_hold(first) {
            return None;
        }
        let at = self.starts.partition_point(|(w, _)| *w < first);
        self.starts[at..]
            .iter()
            .take_while(|(w, _)| *w == first)
            .map(|&(_, i)| i)
            .find(|&i| i >= from && self.phrase_at(i, phrase))
    }

    /// The name mention that starts at or after `i`, skipping an office.
    fn person_after(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j < self.tokens.len() && matches!(self.word(j), "the" | "former" | ",") {
            j += 1;
        }
        if let Some((o, target)) = self.m.offices.iter().find(|(o, _)| o.start == j) {
            if target.is_some() {
                return *target;
            }
            j = o.end;
        }
        // allow ranks and a country adjective between
        for _ in 0..3 {
            if let Some(n) = self.m.names.iter().position(|n| n.start == j) {
                return Some(n);
            }
            j += 1;
        }
        None
    }

    /// Name mentions whose first token is in `from..to`.
    fn names_in(&self, from: usize, to: usize) -> Vec<usize> {
        (0..self.m.names.len())
            .filter(|&n| self.m.names[n].start >= from && self.m.names[n].start < to)
            .collect()
    }

    /// The name mentions starting in `from..to` that are not owners:
    /// "Putin's foreign policy aide" lists the aide, not Putin.
    fn listed_names(&self, from: usize, to: usize) -> Vec<usize> {
        self.names_in(from, to)
            .into_iter()
            .filter(|&n| {
                self.tokens
                    .get(self.m.names[n].end)
                    .is_none_or(|t| t.kind != TokenKind::Possessive)
            })
            .collect()
    }

    /// The nearest name mention ending before token `i`.
    fn person_before(&self, i: usize) -> Option<usize> {
        self.m.names.iter().rposition(|n| n.end <= i)
    }

    /// The country named right before `delegation`/`side`, by its start token.
    fn country_before(&self, i: usize) -> Option<String> {
        let window = i.saturating_sub(4)..i;
        self.m
            .countries
            .iter()
            .rev()
            .find(|c| window.contains(&c.start))
            .map(|c| c.country.clone())
    }

    fn in_quotes(&self) -> bool {
        self.sentence.text.contains(['"', '“', '”'])
    }
}

impl Extractor<'_> {
    fn evidence(&self, s: &Sentence, rule: &'static str) -> Evidence {
        let chars = |byte: usize| self.doc.text.get(..byte).map_or(0, |t| t.chars().count());
        Evidence {
            char_start: chars(s.span.start),
            char_end: chars(s.span.end),
            article: self.doc.id.clone(),
            sentence: s.index,
            start: s.span.start,
            end: s.span.end,
            text: s.text.clone(),
            rule,
        }
    }

    fn emit(&mut self, ctx: &Ctx, rule: &'static str, p: Pending) {
        let ev = self.evidence(ctx.sentence, rule);
        if !self.trace[ctx.sentence.index].contains(&rule) {
            self.trace[ctx.sentence.index].push(rule);
        }
        self.pending.push((p, ev));
    }

    /// The person a name mention stands for, registering the full name.
    fn resolve_name(&mut self, text: &str) -> PersonKey {
        let full = if text.split_whitespace().count() >= 2 {
            text.to_string()
        } else {
            match self.surnames.get(&surname_key(text)) {
                Some(full) => full.clone(),
                None => {
                    if !self.bare_surnames.contains(&text.to_string()) {
                        self.bare_surnames.push(text.to_string());
                    }
                    text.to_string()
                }
            }
        };
        let key = person_key(&full);
        let entry = self
            .people
            .entry(key.clone())
            .or_insert_with(|| full.clone());
        if full.len() > entry.len() {
            *entry = full;
        }
        key
    }

    fn sentence(&mut self, s: &Sentence, tokens: &[Token], m: &Mentions) {
        if is_title_case(s, tokens) {
            return; // a headline: its capitals say nothing about names
        }
        // names: a single word counts only when the article spells it out
        // in full somewhere, or an office introduces it
        let mut persons = Vec::with_capacity(m.names.len());
        for (k, n) in m.names.iter().enumerate() {
            let single = n.end - n.start == 1;
            let known = self.surnames.contains_key(&surname_key(&n.text));
            let introduced = m.offices.iter().any(|(_, t)| *t == Some(k));
            let at_start = n.start == 0;
            let keep = !single || known || (introduced && !at_start);
            persons.push(keep.then(|| self.resolve_name(&n.text)));
        }
        // "the Kremlin aide said": the one person the article gave that office
        let with_anaphors = self.office_anaphors(tokens, m, &mut persons);
        let m = with_anaphors.as_ref().unwrap_or(m);
        let mut ctx = Ctx::new(s, tokens, m, persons);
        self.discourse.prior_any = self.discourse.last_any;
        // "four days of negotiations", "a two-day summit"
        for k in 0..tokens.len() {
            let days = (k + 2 < tokens.len()
                && tokens[k + 1].lower() == "days"
                && tokens[k + 2].lower() == "of")
                .then(|| number_at_token(&tokens[k]))
                .flatten();
            if let Some(d) = days.filter(|d| *d <= 14) {
                self.span_days = self.span_days.max(d as u32);
            }
        }
        self.resolve_dates(&mut ctx);
        self.countries_of_people(&ctx);
        self.meetings(&mut ctx);
        self.roles(&ctx);
        self.roles_in_clauses(&ctx);
        self.counterparts(&ctx);
        self.shared_offices(&ctx);
        self.delegations(&ctx);
        self.agreements(&ctx);
        self.note_quantities(&ctx);
        self.chairs(&ctx);
        if let Some(o) = self
            .discourse
            .orphan
            .take_if(|o| o.sentence < ctx.sentence.index)
        {
            for (kind, q, ev) in o.agreements {
                self.pending
                    .push((Pending::Agreement(o.fallback, kind, q), ev));
            }
        }
        if let Some(d) = ctx.dates.iter().rev().find_map(|(_, d, _)| *d) {
            self.discourse.last_date = Some(d);
        }
        // a day no meeting of this sentence took, for the next one
        let taken: Vec<NaiveDate> = ctx
            .meetings
            .iter()
            .filter_map(|(i, _)| self.mentions[*i].date)
            .collect();
        self.discourse.loose_date = ctx
            .dates
            .iter()
            .filter(|(_, _, e)| {
                matches!(
                    e,
                    DateExpr::Weekday { .. } | DateExpr::MonthDay { .. } | DateExpr::Absolute(_)
                )
            })
            .find_map(|(_, d, _)| d.filter(|d| !taken.contains(d)))
            .filter(|_| ctx.meetings.is_empty() && ctx.tokens.len() > 8)
            .map(|d| (d, ctx.sentence.index));
        if let Some(c) = ctx.m.countries.last() {
            self.discourse.last_country = Some(c.country.clone());
        }
    }

    /// Mentions with a name for each office that points back to its one
    /// holder ("the Kremlin aide", "the foreign minister"), with `persons`
    /// kept in step; none when the sentence has no such office.
    fn office_anaphors(
        &self,
        tokens: &[Token],
        m: &Mentions,
        persons: &mut Vec<Option<PersonKey>>,
    ) -> Option<Mentions> {
        let mut found: Vec<(NameMention, PersonKey)> = Vec::new();
        for (o, target) in &m.offices {
            let definite = o.start > 0 && tokens[o.start - 1].lower() == "the";
            if target.is_some() || !definite || o.delegation_role || o.former {
                continue;
            }
            let Some([holder]) = self.office_holders.get(&o.title).map(Vec::as_slice) else {
                continue;
            };
            if m.names.iter().any(|n| n.start < o.end && o.start < n.end) {
                continue;
            }
            let text = self.people.get(holder).cloned().unwrap_or_default();
            found.push((
                NameMention {
                    start: o.start,
                    end: o.end,
                    text,
                },
                holder.clone(),
            ));
        }
        if found.is_empty() {
            return None;
        }
        let mut all: Vec<(NameMention, Option<PersonKey>, Option<usize>)> = m
            .names
            .iter()
            .cloned()
            .zip(persons.drain(..))
            .enumerate()
            .map(|(k, (n, p))| (n, p, Some(k)))
            .collect();
        all.extend(found.into_iter().map(|(n, p)| (n, Some(p), None)));
        all.sort_by_key(|(n, _, _)| n.start);
        let mut out = m.clone();
        let renumber: HashMap<usize, usize> = all
            .iter()
            .enumerate()
            .filter_map(|(new, (_, _, old))| old.map(|o| (o, new)))
            .collect();
        for (_, t) in out.offices.iter_mut() {
            *t = t.and_then(|k| renumber.get(&k).copied());
        }
        out.names = all.iter().map(|(n, _, _)| n.clone()).collect();
        *persons = all.into_iter().map(|(_, p, _)| p).collect();
        Some(out)
    }

    /// Resolves the sentence's date mentions against the article's date.
    fn resolve_dates(&mut self, ctx: &mut Ctx) {
        let mut previous = self.discourse.last_date;
        let quoted = ctx.in_quotes();
        for dm in dates::mentions(&ctx.sentence.text) {
            let Some(tok) = ctx.tokens.iter().position(|t| t.start >= dm.start) else {
                continue;
            };
            // "since 2022": not the date of anything here
            let prev = |k: usize| if tok >= k { ctx.word(tok - k) } else { "" };
            if matches!(prev(1), "since" | "before" | "until" | "over" | "than")
                || (matches!(prev(1), "early" | "late" | "mid")
                    && matches!(prev(2), "since" | "before" | "until"))
            {
                continue;
            }
            if let DateExpr::Weekday { day, .. } = dm.expr {
                self.weekdays.push(day);
            }
            let reference = match (&dm.expr, quoted) {
                (DateExpr::Deictic(_), true) => self.discourse.speech_date.or(self.reference),
                _ => self.reference,
            };
            let resolved = dm.expr.resolve(reference, previous);
            if resolved.is_some() {
                previous = resolved;
            }
            ctx.dates.push((tok, resolved, dm.expr));
        }
        // an explicit month-day next to a weekday ("next Monday, June 2") wins
        if ctx
            .dates
            .iter()
            .any(|(_, _, e)| matches!(e, DateExpr::MonthDay { .. } | DateExpr::Absolute(_)))
        {
            let explicit: Vec<(usize, Option<NaiveDate>)> = ctx
                .dates
                .iter()
                .filter(|(_, _, e)| matches!(e, DateExpr::MonthDay { .. } | DateExpr::Absolute(_)))
                .map(|(t, d, _)| (*t, *d))
                .collect();
            for (t, d, e) in ctx.dates.iter_mut() {
                if matches!(e, DateExpr::Weekday { .. }) {
                    if let Some((_, ed)) = explicit.iter().find(|(et, _)| et.abs_diff(*t) <= 3) {
                        *d = *ed;
                    }
                }
            }
        }
        if self.dateline_at == Some(ctx.sentence.index) && !quoted {
            self.lead_day = ctx
                .dates
                .iter()
                .filter(|(_, _, e)| matches!(e, DateExpr::Weekday { .. } | DateExpr::Absolute(_)))
                .find_map(|(_, d, _)| d.filter(|_| reported_within_days(*d, self.reference)));
        }
        let speech = ["told", "said", "says", "stated", "announced"];
        if self.discourse.speech_date.is_none() && ctx.lower.iter().any(|w| speech.contains(w)) {
            self.discourse.speech_date = ctx
                .dates
                .iter()
                .find(|(_, d, e)| {
                    d.is_some() && matches!(e, DateExpr::Weekday { .. } | DateExpr::Absolute(_))
                })
                .and_then(|(_, d, _)| *d);
        }
    }

    /// Learns the country of people from offices and possessives
    /// ("Ukraine's Vladimir Zelenskyy").
    fn countries_of_people(&mut self, ctx: &Ctx) {
        for (o, target) in &ctx.m.offices {
            if let (Some(t), Some(c)) = (target, &o.country) {
                if let Some(Some(p)) = ctx.persons.get(*t) {
                    self.person_country
                        .entry(p.clone())
                        .or_insert_with(|| c.clone());
                }
            }
        }
        for c in &ctx.m.countries {
            if c.possessive {
                if let Some(n) = ctx.m.names.iter().position(|n| n.start == c.end + 1) {
                    if let Some(Some(p)) = ctx.persons.get(n) {
                        self.person_country
                            .entry(p.clone())
                            .or_insert_with(|| c.country.clone());
                    }
                }
            }
        }
    }

    /// Finds meeting cues and makes a mention of each that is not hedged.
    fn meetings(&mut self, ctx: &mut Ctx) {
        let n = ctx.tokens.len();
        let mut cues: Vec<(usize, usize, MeetingKind)> = Vec::new();
        let mut i = 0;
        while i < n {
            // only the cues that start with this word, longest first
            let found = self
                .lex
                .meeting_starts
                .get(ctx.word(i))
                .into_iter()
                .flatten()
                .map(|&k| &self.lex.meeting_words[k])
                .find(|(w, _)| ctx.phrase_at(i, w))
                .map(|(w, k)| (w.split(' ').count(), *k, w.as_str()));
            if let Some((len, kind, word)) = found {
                let ok = match word {
                    // "call" the noun, not "called for"
                    "call" => {
                        i > 0
                            && matches!(
                                ctx.word(i - 1),
                                "the"
                                    | "a"
                                    | "recent"
                                    | "phone"
                                    | "their"
                                    | "his"
                                    | "this"
                                    | "that"
                            )
                    }
                    // "conditions must be met": no meeting
                    "met" => {
                        i == 0
                            || !matches!(
                                ctx.word(i - 1),
                                "be" | "been" | "being" | "is" | "are" | "was" | "were"
                            )
                    }
                    // "a one-on-one conversation": a call only when said so
                    "conversation" => ctx.lower.iter().any(|w| {
                        matches!(
                            w as &str,
                            "phone" | "telephone" | "call" | "video" | "phoned"
                        )
                    }),
                    _ => true,
                };
                // "held talks with Saudi Crown Prince Mohammed bin Salman":
                // one person meeting another, not delegations
                let kind = if kind == MeetingKind::Talks
                    && ctx.word(i + len) == "with"
                    && ctx.person_after(i + len + 1).is_some()
                {
                    MeetingKind::Meeting
                } else {
                    kind
                };
                // "the delegations met": talks
                let kind = if kind == MeetingKind::Meeting
                    && (i.saturating_sub(3)..i)
                        .any(|k| matches!(ctx.word(k), "delegations" | "negotiators" | "sides"))
                {
                    MeetingKind::Talks
                } else {
                    kind
                };
                if ok {
                    cues.push((i, len, kind));
                }
                i += len;
            } else {
                i += 1;
            }
        }
        // "The Israeli negotiating team ... arrived in the Qatari capital on
        // Monday": a delegation's arrival is the talks it came for
        for v in 0..n {
            let arrived = matches!(ctx.word(v), "arrived" | "arrives" | "landed")
                && matches!(ctx.word(v + 1), "in" | "at");
            let team = (v.saturating_sub(16)..v).any(|k| {
                matches!(
                    ctx.word(k),
                    "delegation" | "delegations" | "team" | "negotiators" | "envoys"
                )
            });
            if arrived && team && !cues.iter().any(|c| c.0.abs_diff(v) < 8) {
                cues.push((v, 1, MeetingKind::Talks));
                cues.sort();
            }
        }
        // "Xi hosted Iranian President Ebrahim Raisi in Beijing", "Trump
        // received Netanyahu in the Oval Office": a meeting with a guest
        for v in 0..n {
            let host = matches!(ctx.word(v), "hosted" | "hosting" | "received" | "welcomed");
            if host
                && ctx.word(v + 1) != "by"
                && ctx.person_after(v + 1).is_some()
                && !cues.iter().any(|c| c.0.abs_diff(v) < 6)
            {
                cues.push((v, 1, MeetingKind::Meeting));
                cues.sort();
            }
        }
        // "The two sides signed an agreement in Doha on Saturday": a signing
        // is a meeting even when no meeting word names it
        // ("The document was signed at the Sheraton": that signing)
        if let Some(i) = self.signing(ctx) {
            let dated = ctx.dates.iter().any(|d| d.1.is_some());
            let definite = (i.saturating_sub(6)..i).any(|k| matches!(ctx.word(k), "the" | "this"));
            if (cues.is_empty() && dated) || (definite && !cues.iter().any(|c| c.0.abs_diff(i) < 4))
            {
                cues.push((i, 1, MeetingKind::Meeting));
                cues.sort();
            }
        }
        // "a meeting between Putin and Zelensky could take place": the
        // modal after the two names
        let modal_after_between = |cue: usize, len: usize| {
            ctx.word(cue + len) == "between"
                && (cue + len..(cue + len + 12).min(n))
                    .take_while(|&k| ctx.word(k) != ",")
                    .any(|k| matches!(ctx.word(k), "could" | "would" | "might" | "may" | "should"))
        };
        // "What was not agreed: ... the meeting between the presidents"
        let refused = ["not agreed", "not agree", "no agreement", "failed to agree"]
            .iter()
            .filter_map(|p| ctx.find(p, 0))
            .min();
        // strong hedges: eight words before the cue, four after it
        let hedged: Vec<bool> = cues
            .iter()
            .map(|&(cue, len, _)| {
                refused.is_some_and(|r| r < cue)
                    || modal_after_between(cue, len)
                    || (cue.saturating_sub(8)..cue)
                        .chain(cue + len..(cue + len + 4).min(n))
                        .any(|k| STRONG_HEDGES.contains(&ctx.word(k)))
            })
            .collect();
        let cue_positions: Vec<usize> = cues
            .iter()
            .zip(&hedged)
            .filter(|(_, h)| !**h)
            .map(|((c, _, _), _)| *c)
            .collect();
        // a city is the place of a meeting when introduced as one: "in
        // Istanbul", "a visit to Kiev", "the Istanbul talks", "Istanbul's
        // Dolmabahce Palace"; not "Moscow's delegation" or "urged Kiev"
        let places: Vec<(usize, String)> = ctx
            .m
            .cities
            .iter()
            .filter(|(t, _)| {
                let before = if *t > 0 { ctx.word(t - 1) } else { "" };
                let len = ctx
                    .m
                    .cities
                    .iter()
                    .find(|(s, _)| s == t)
                    .map(|(_, c)| c.split(' ').count())
                    .unwrap_or(1);
                let after = ctx.tokens.get(t + len);
                matches!(before, "in" | "at" | "to" | "hosted")
                    || after.is_some_and(|a| {
                        self.lex.meeting_starts.contains_key(a.lower())
                            || matches!(a.lower(), "peace" | "round")
                    })
                    // "Istanbul's Dolmabahce Palace", not "Washington's team"
                    || (after.is_some_and(|a| a.kind == TokenKind::Possessive)
                        && ctx.m.venues.iter().any(|(v, _)| *v == t + len + 1))
            })
            .cloned()
            .chain(self.capitals_named(ctx))
            .collect();
        let consumed = if cues.iter().any(|(_, _, k)| *k == MeetingKind::PhoneCall) {
            None
        } else {
            self.phone_call_by_verb(ctx, !places.is_empty())
        };
        for ((cue, len, kind), hedged_strong) in cues.into_iter().zip(hedged) {
            let around = |d_before: usize, d_after: usize| {
                (cue.saturating_sub(d_before)..cue).chain(cue + len..(cue + len + d_after).min(n))
            };
            let hedged_weak = around(6, 6).any(|k| WEAK_HEDGES.contains(&ctx.word(k)));
            // date: the dates whose nearest cue this is, within its clause
            let near = ctx
                .dates
                .iter()
                .filter(|(t, _, _)| {
                    Some(*t) != consumed && owner_of_date(&cue_positions, *t, ctx) == Some(cue)
                })
                .min_by_key(|(t, _, _)| t.abs_diff(cue))
                .or_else(|| {
                    // "agreed on Monday ... at their first summit": the one
                    // day the sentence gives, when no cue claims it and this
                    // cue names no place either
                    let unowned: Vec<_> = ctx
                        .dates
                        .iter()
                        .filter(|(t, d, _)| {
                            d.is_some()
                                && Some(*t) != consumed
                                && !is_spoken_date(ctx, *t)
                                && owner_of_date(&cue_positions, *t, ctx).is_none()
                        })
                        .collect();
                    let placed = places.iter().any(|(t, _)| t.abs_diff(cue) <= 12);
                    match unowned[..] {
                        [only] if !placed && cue_positions.len() == 1 => Some(only),
                        _ => None,
                    }
                });
            let (date, year) = match near {
                Some((_, Some(d), _)) => (Some(*d), None),
                Some((_, None, e)) => (None, e.year()),
                None => (None, None),
            };
            // "Putin agreed on Tuesday ... The commitment came during a call"
            let orphan = self.discourse.orphan.take_if(|o| {
                date.is_none() && year.is_none() && o.sentence + 1 == ctx.sentence.index
            });
            let date = date.or(orphan.as_ref().map(|o| o.date));
            // "Putin told Erdogan on Monday that ... The two presidents held
            // talks in Sochi": the day the sentence before gave no event
            let loose = self
                .discourse
                .loose_date
                .filter(|(_, at)| at + 1 == ctx.sentence.index)
                .map(|(d, _)| d);

            let weekday = near.and_then(|(_, _, e)| match e {
                DateExpr::Weekday { day, .. } => Some(*day),
                _ => None,
            });
            if hedged_strong || (hedged_weak && date.is_none()) {
                continue;
            }
            let place = if kind == MeetingKind::PhoneCall {
                None
            } else {
                places
                    .iter()
                    .filter(|(t, c)| place_owner(&cue_positions, *t, c) == Some(cue))
                    .min_by_key(|(t, _)| t.abs_diff(cue))
                    .map(|(_, c)| c.clone())
                    // the dateline's city for what happened within days
                    .or_else(|| {
                        let recent = reported_within_days(date, self.reference);
                        let dateline_sentence = self.dateline_at == Some(ctx.sentence.index);
                        self.dateline
                            .clone()
                            .filter(|_| recent && dateline_sentence)
                    })
                    // "met over dinner in the city": the dateline's city
                    .or_else(|| ctx.find("in the city", 0).and(self.dateline.clone()))
                    // "the first two rounds": earlier rounds of the talks the
                    // article is about, held where they are
                    .or_else(|| {
                        (matches!(ctx.word(cue), "round" | "rounds") && date.is_some())
                            .then(|| self.main_talks_place())
                            .flatten()
                    })
            };
            // the venue belongs to the cue nearest it
            let venue = if kind == MeetingKind::PhoneCall {
                None
            } else {
                ctx.m
                    .venues
                    .iter()
                    .find(|(t, _)| {
                        cue_positions.iter().min_by_key(|c| c.abs_diff(*t)) == Some(&cue)
                    })
                    .or(ctx
                        .m
                        .venues
                        .first()
                        .filter(|_| !cue_positions.contains(&cue)))
                    .map(|(_, v)| v.clone())
            };
            // "at the Kremlin": the city a named venue is in
            let place = place.or_else(|| {
                let v = venue.as_deref()?;
                self.lex.venue_city(v).map(str::to_string)
            });
            let after = ctx.word(cue + len);
            // "on a visit to the United Arab Emirates": no day, no city, no
            // meeting of its own
            let own_place = places
                .iter()
                .any(|(t, c)| place_owner(&cue_positions, *t, c) == Some(cue));
            let visit = matches!(
                ctx.word(cue),
                "visit" | "hosted" | "hosting" | "received" | "welcomed"
            ) && (date.is_some() || own_place);
            let explicit = kind != MeetingKind::Talks
                && (ctx.word(cue) == "met"
                    || visit
                    || after == "between"
                    // "met with X", not "opened the meeting with an address"
                    || (after == "with" && !(cue > 0 && ctx.word(cue - 1) == "the"))
                    || ctx.find("took place", 0).is_some());
            // "hosted Raisi in Beijing last month": another time than the news
            let vague = near.is_some_and(|(_, d, e)| d.is_none() && matches!(e, DateExpr::Vague));
            let earlier = vague
                || (cue.saturating_sub(3)..cue).any(|k| {
                    matches!(
                        ctx.word(k),
                        "recent" | "previous" | "earlier" | "last" | "latest" | "prior" | "another"
                    )
                });
            let earlier_here = |cue: usize| {
                (cue.saturating_sub(3)..cue).any(|k| {
                    matches!(
                        ctx.word(k),
                        "recent" | "previous" | "earlier" | "last" | "latest" | "prior" | "another"
                    )
                })
            };
            let own_place = places.iter().any(|(t, _)| t.abs_diff(cue) <= 8);
            // (only for an event placed in its own words: "held talks in Sochi")
            let date = date.or(loose
                .filter(|_| year.is_none() && own_place && place.is_some() && !earlier_here(cue)));
            let anaphoric = !own_place
                && kind != MeetingKind::PhoneCall
                && (cue.saturating_sub(3)..cue).any(|k| ctx.word(k) == "the")
                && !(cue.saturating_sub(3)..cue).any(|k| {
                    matches!(
                        ctx.word(k),
                        "a" | "an" | "first" | "next" | "second" | "third"
                    )
                });
            if let (Some(p), Some(w), None) = (&place, weekday, self.reference) {
                self.anchors.push((p.clone(), kind, w));
            }
            let idx = self.mentions.len();
            self.mentions.push(MeetingMention {
                kind,
                date,
                year,
                place,
                venue,
                explicit,
                sentence: ctx.sentence.index,
                earlier,
                anaphoric,
                merged: None,
            });
            ctx.meetings.push((idx, cue));
            self.emit(ctx, "meeting-cue", Pending::Meeting(idx));
            for (kind, q, ev) in orphan.map(|o| o.agreements).unwrap_or_default() {
                self.pending.push((Pending::Agreement(idx, kind, q), ev));
            }
            // "the rounds were held on May 16 and June 2": one per day
            if matches!(
                ctx.word(cue),
                "rounds" | "meetings" | "calls" | "summits" | "sessions"
            ) {
                let days: Vec<NaiveDate> = ctx
                    .dates
                    .iter()
                    .filter(|(t, _, _)| owner_of_date(&cue_positions, *t, ctx) == Some(cue))
                    .filter_map(|(_, d, _)| *d)
                    .filter(|d| Some(*d) != date)
                    .collect();
                for d in days {
                    let mut other = self.mentions[idx].clone();
                    other.date = Some(d);
                    other.venue = None;
                    let j = self.mentions.len();
                    self.mentions.push(other);
                    ctx.meetings.push((j, cue));
                    self.emit(ctx, "meeting-cue", Pending::Meeting(j));
                }
            }
            if !in_comparison(ctx, cue) {
                self.note_meeting(idx);
            }
        }
        // an anaphoric talks mention "held a day earlier in Istanbul" in an
        // undated article still anchors through the weekday it points to
        if self.reference.is_none() {
            for (idx, _) in &ctx.meetings {
                let m = &self.mentions[*idx];
                if let (Some(p), true) = (&m.place, m.date.is_none()) {
                    let base = ctx.dates.iter().find_map(|(_, _, e)| match e {
                        DateExpr::Anaphoric(k) => Some(*k),
                        _ => None,
                    });
                    if let (Some(k), Some(w)) = (base, self.last_weekday()) {
                        let day = shift_weekday(w, k);
                        self.anchors.push((p.clone(), m.kind, day));
                    }
                }
            }
        }
    }

    /// The place of the first dated talks the article spoke of.
    fn main_talks_place(&self) -> Option<String> {
        self.mentions
            .iter()
            .find(|m| m.kind == MeetingKind::Talks && m.date.is_some() && !m.earlier)
            .and_then(|m| m.place.clone())
    }

    /// "in the Saudi capital": the capital of the country named, as a place.
    fn capitals_named(&self, ctx: &Ctx) -> Vec<(usize, String)> {
        ctx.m
            .countries
            .iter()
            .filter(|c| {
                c.start > 0
                    && matches!(ctx.word(c.start - 1), "the" | "its")
                    && matches!(ctx.word(c.end), "capital" | "capital's")
            })
            .filter_map(|c| {
                let city = self.lex.capitals.get(&c.country)?;
                Some((c.start, city.clone()))
            })
            .collect()
    }

    /// Updates the discourse with a new meeting mention.
    fn note_meeting(&mut self, idx: usize) {
        let m = &self.mentions[idx];
        self.discourse.last_any = Some(idx);
        // "last week's talks in Jeddah": background, not what follows is about
        if m.is_bare() || (m.date.is_none() && m.year.is_some()) || m.earlier {
            return;
        }
        self.discourse.last_event = Some(idx);
        match m.kind {
            MeetingKind::PhoneCall => {}
            MeetingKind::Talks | MeetingKind::Summit => {
                self.discourse.last_talks = Some(idx);
                self.discourse.last_meeting = Some(idx);
            }
            MeetingKind::Meeting => self.discourse.last_meeting = Some(idx),
        }
    }

    /// "Lavrov told U.S. Secretary of State Marco Rubio on Wednesday": two
    /// officials of different countries speaking on a given day, with no
    /// place, spoke by phone.
    fn phone_call_by_verb(&mut self, ctx: &mut Ctx, has_place: bool) -> Option<usize> {
        if has_place {
            return None;
        }
        for v in 0..ctx.tokens.len() {
            let spoke = matches!(ctx.word(v), "told" | "informed" | "briefed")
                || (matches!(ctx.word(v), "spoke" | "talked")
                    && matches!(ctx.word(v + 1), "with" | "to"));
            if !spoke {
                continue;
            }
            let Some(a) = ctx
                .person_before(v)
                .and_then(|n| ctx.persons.get(n).cloned().flatten())
            else {
                continue;
            };
            let Some(b) = ctx
                .person_after(v + 1)
                .and_then(|n| ctx.persons.get(n).cloned().flatten())
            else {
                continue;
            };
            let (Some(ca), Some(cb)) = (self.country_of(&a), self.country_of(&b)) else {
                continue;
            };
            if ca == cb {
                continue;
            }
            let date = ctx.dates.iter().find(|(t, d, e)| {
                *t > v && *t <= v + 14 && d.is_some() && !matches!(e, DateExpr::Year(_))
            });
            let Some((date_token, Some(d), _)) = date else {
                continue;
            };
            let (date_token, d) = (*date_token, *d);
            let idx = self.mentions.len();
            self.mentions.push(MeetingMention {
                kind: MeetingKind::PhoneCall,
                date: Some(d),
                year: None,
                place: None,
                venue: None,
                explicit: true,
                sentence: ctx.sentence.index,
                earlier: false,
                anaphoric: false,
                merged: None,
            });
            ctx.meetings.push((idx, v));
            self.emit(ctx, "spoke-on-a-day", Pending::Meeting(idx));
            self.emit(ctx, "spoke-on-a-day", Pending::Participant(idx, a));
            self.emit(ctx, "spoke-on-a-day", Pending::Participant(idx, b));
            self.note_meeting(idx);
            return Some(date_token);
        }
        None
    }

    fn last_weekday(&self) -> Option<Weekday> {
        self.weekdays.last().copied()
    }

    /// The country of an office's owner: "Trump's senior adviser" (the
    /// owner's country), "the kingdom's national security adviser" (the
    /// country the article spoke of last).
    fn owner_country(&self, ctx: &Ctx, start: usize) -> Option<String> {
        if start < 2 || ctx.tokens[start - 1].kind != TokenKind::Possessive {
            return None;
        }
        if let Some(n) = ctx.m.names.iter().position(|n| n.end == start - 1) {
            let owner = ctx.persons.get(n).cloned().flatten()?;
            return self.country_of(&owner);
        }
        let noun = ctx.word(start - 2);
        let pointing = start >= 3 && matches!(ctx.word(start - 3), "the" | "that");
        if !(pointing && self.lex.country_nouns.contains(noun)) {
            return None;
        }
        let here = ctx.m.countries.iter().rev().find(|c| c.end < start);
        here.map(|c| c.country.clone())
            .or_else(|| self.discourse.last_country.clone())
    }

    /// Roles: an office attached to a person, not former, not a delegation role.
    fn roles(&mut self, ctx: &Ctx) {
        for (o, target) in &ctx.m.offices {
            let Some(t) = target else { continue };
            let Some(Some(person)) = ctx.persons.get(*t) else {
                continue;
            };
            // "the head of the ruling ... faction": a bare head word says nothing
            if o.former || o.delegation_role || GENERIC_TITLES.contains(&o.title.as_str()) {
                continue;
            }
            let rule = if o.start < ctx.m.names[*t].start {
                "office-before-name"
            } else {
                "office-after-name"
            };
            // "King Hamad bin Isa Al Khalifa of Bahrain", "Crown Prince
            // Mohammed bin Zayed of Abu Dhabi"
            let after_name = {
                let end = ctx.m.names[*t].end;
                (ctx.word(end) == "of" && o.start < ctx.m.names[*t].start)
                    .then(|| {
                        ctx.m
                            .countries
                            .iter()
                            .find(|c| c.start == end + 1)
                            .map(|c| c.country.clone())
                            .or_else(|| {
                                let city = ctx.m.cities.iter().find(|(s, _)| *s == end + 1)?;
                                self.lex.country_of_capital(&city.1)
                            })
                    })
                    .flatten()
            };
            let country = o
                .country
                .clone()
                .or(after_name)
                .or_else(|| self.owner_country(ctx, o.start))
                .or_else(|| self.country_of(person));
            let holders = self.office_holders.entry(o.title.clone()).or_default();
            if !holders.contains(person) {
                holders.push(person.clone());
            }
            self.emit(
                ctx,
                rule,
                Pending::Ready(Fact::Role {
                    person: person.clone(),
                    title: o.title.clone(),
                    country,
                    as_of: self.reference,
                }),
            );
        }
    }

    /// "The foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and
    /// Jeyhun Bayramov", "the Saudi and Iranian foreign ministers, NAME and
    /// NAME": one office shared out over the countries and names in order.
    fn shared_offices(&mut self, ctx: &Ctx) {
        let n = ctx.tokens.len();
        for h in 0..n {
            let Some(singular) = ctx.word(h).strip_suffix('s') else {
                continue;
            };
            if !self.lex.is_office_head(singular) {
                continue;
            }
            // modifiers before the head ("foreign"), countries before them
            let mut m = h;
            while m > 0 && !self.lex.office_word(ctx.word(m - 1)).is_empty() {
                m -= 1;
            }
            let mut words: Vec<String> = ctx.tokens[m..h].iter().map(|t| t.text.clone()).collect();
            words.push(singular.to_owned());
            let title = mention::canonical_title(&words, self.lex);
            let before: Vec<String> = ctx
                .m
                .countries
                .iter()
                .filter(|c| c.end <= m && m - c.end <= 3 && !c.possessive)
                .map(|c| c.country.clone())
                .collect();
            let mut after_at = h + 1;
            let mut countries = before;
            if ctx.word(h + 1) == "of" {
                let listed: Vec<&mention::CountryMention> = ctx
                    .m
                    .countries
                    .iter()
                    .filter(|c| c.start > h + 1 && c.start <= h + 6)
                    .collect();
                if let Some(last) = listed.last() {
                    after_at = last.end;
                }
                countries = listed.iter().map(|c| c.country.clone()).collect();
            }
            if countries.len() < 2 {
                // "Presidents Joe Biden and Vladimir Putin", "Foreign
                // ministers NAME of Britain, NAME of France": the office
                // for each name listed right after it
                // (a whole office: not "the ministers, NAME and NAME")
                if countries.is_empty() && (m < h || ctx.tokens[m].is_capitalized()) {
                    self.office_over_names(ctx, h + 1, &title);
                }
                continue;
            }
            if ctx.word(after_at) != "," {
                continue;
            }
            let names: Vec<usize> = ctx
                .names_in(after_at + 1, (after_at + 1 + 4 * countries.len()).min(n))
                .into_iter()
                .take(countries.len())
                .collect();
            if names.len() != countries.len() {
                continue;
            }
            let pairs = names.into_iter().zip(countries.into_iter().map(Some));
            self.share_office(ctx, &title, pairs);
        }
    }

    /// The office `title` for each name mention, with its country if known.
    fn share_office(
        &mut self,
        ctx: &Ctx,
        title: &str,
        names: impl IntoIterator<Item = (usize, Option<String>)>,
    ) {
        for (n, country) in names {
            if let Some(Some(p)) = ctx.persons.get(n).cloned() {
                self.emit(
                    ctx,
                    "shared-office",
                    Pending::Ready(Fact::Role {
                        person: p,
                        title: title.to_owned(),
                        country,
                        as_of: self.reference,
                    }),
                );
            }
        }
    }

    /// The office `title` for each of two or more names listed from token
    /// `k` (after an optional comma), each with the country given as
    /// "NAME of COUNTRY" or "COUNTRY's NAME", if any.
    fn office_over_names(&mut self, ctx: &Ctx, mut k: usize, title: &str) {
        if ctx.word(k) == "," {
            k += 1;
        }
        let mut listed: Vec<(usize, Option<String>)> = Vec::new();
        loop {
            let owner = ctx
                .m
                .countries
                .iter()
                .find(|c| c.start == k && c.possessive);
            let mut country = owner.map(|c| c.country.clone());
            if let Some(c) = owner {
                k = c.end + 1;
            }
            let Some(n) = ctx.m.names.iter().position(|name| name.start == k) else {
                break;
            };
            k = ctx.m.names[n].end;
            if ctx.word(k) == "of" {
                if let Some(c) = ctx.m.countries.iter().find(|c| c.start == k + 1) {
                    country = country.or_else(|| Some(c.country.clone()));
                    k = c.end;
                }
            }
            listed.push((n, country));
            match ctx.word(k) {
                "," if ctx.word(k + 1) == "and" => k += 2,
                "," | "and" => k += 1,
                _ => break,
            }
        }
        if listed.len() >= 2 {
            self.share_office(ctx, title, listed);
        }
    }

    /// "Foreign Minister Hakan Fidan held talks with his Russian
    /// counterpart, Sergei Lavrov": the owner's office, of the country the
    /// adjective names.
    fn counterparts(&mut self, ctx: &Ctx) {
        for k in 0..ctx.tokens.len() {
            if ctx.word(k) != "counterpart" || k < 2 {
                continue;
            }
            let country = ctx
                .m
                .countries
                .iter()
                .find(|c| c.end == k && !c.possessive)
                .map(|c| c.country.clone());
            let owner_at = if country.is_some() { k - 2 } else { k - 1 };
            if !matches!(ctx.word(owner_at), "his" | "her") {
                continue;
            }
            let Some(Some(owner)) = ctx.person_before(owner_at).map(|n| ctx.persons[n].clone())
            else {
                continue;
            };
            let title = self
                .office_holders
                .iter()
                .filter(|(_, holders)| holders.contains(&owner))
                .map(|(t, _)| t.clone())
                .min();
            let Some(Some(p)) = ctx.person_after(k + 1).map(|n| ctx.persons[n].clone()) else {
                continue;
            };
            if let Some(title) = title {
                self.emit(
                    ctx,
                    "counterpart",
                    Pending::Ready(Fact::Role {
                        person: p,
                        title,
                        country,
                        as_of: self.reference,
                    }),
                );
            }
        }
    }

    /// "Igor Kostyukov, who heads the Main Directorate of the General Staff":
    /// an office given in a relative clause.
    fn roles_in_clauses(&mut self, ctx: &Ctx) {
        for k in 0..ctx.tokens.len() {
            if ctx.word(k) != "who" || k < 2 || ctx.word(k - 1) != "," {
                continue;
            }
            let Some(n) = ctx.m.names.iter().position(|n| n.end == k - 1) else {
                continue;
            };
            let Some(Some(person)) = ctx.persons.get(n).cloned() else {
                continue;
            };
            // "who now serves as", "who last week became"
            let mut v = k + 1;
            while matches!(
                ctx.word(v),
                "now"
                    | "currently"
                    | "recently"
                    | "also"
                    | "still"
                    | "last"
                    | "this"
                    | "week"
                    | "month"
                    | "has"
                    | "had"
                    | "was"
                    | "since"
            ) && v < k + 5
            {
                v += 1;
            }
            let verb = ctx.word(v);
            let (prefix, from) = match verb {
                "heads" | "leads" | "runs" => ("Head", v + 1),
                "chairs" => ("Chair", v + 1),
                "directs" => ("Director", v + 1),
                "is" | "serves" | "became" | "becomes" | "become" | "appointed" | "named" => {
                    ("", v + 1 + usize::from(ctx.word(v + 1) == "as"))
                }
                _ => continue,
            };
            let mut j = from;
            if matches!(ctx.word(j), "the" | "a" | "an") {
                j += 1;
            }
            let title = if prefix.is_empty() {
                // "who is Ukraine's defense minister"
                match ctx.m.offices.iter().find(|(o, _)| o.start == j) {
                    Some((o, _)) if !o.former && !o.delegation_role => {
                        Some((o.title.clone(), o.country.clone()))
                    }
                    _ => None,
                }
            } else {
                // "heads the Main Directorate of the General Staff"
                let start = j;
                while ctx.tokens.get(j).is_some_and(|t| {
                    t.is_capitalized() || matches!(t.text.as_str(), "of" | "the" | "for" | "and")
                }) {
                    j += 1;
                }
                while j > start && matches!(ctx.word(j - 1), "of" | "the" | "for" | "and") {
                    j -= 1;
                }
                let words: Vec<String> = ctx.tokens[start..j]
                    .iter()
                    .map(|t| t.text.clone())
                    .collect();
                let names_delegation = words
                    .iter()
                    .any(|w| self.lex.not_offices.contains(&w.to_lowercase()));
                (j > start && !names_delegation).then(|| {
                    let body = if ctx.word(start - 1) == "the" {
                        format!("{prefix} of the {}", words.join(" "))
                    } else {
                        format!("{prefix} of {}", words.join(" "))
                    };
                    (body, None)
                })
            };
            if let Some((title, country)) = title {
                let country = country.or_else(|| self.country_of(&person));
                self.emit(
                    ctx,
                    "office-in-clause",
                    Pending::Ready(Fact::Role {
                        person,
                        title,
                        country,
                        as_of: self.reference,
                    }),
                );
            }
        }
    }

    /// The meeting a delegation or agreement in this sentence belongs to:
    /// one the sentence names (not a phone call), else the last one spoken of.
    fn meeting_here(&self, ctx: &Ctx) -> Option<usize> {
        let here = |want: &dyn Fn(&MeetingMention) -> bool| {
            ctx.meetings
                .iter()
                .filter(|(_, c)| !in_comparison(ctx, *c))
                .map(|(i, _)| *i)
                .find(|i| want(&self.mentions[*i]))
        };
        let dated =
            |m: &MeetingMention| m.date.is_some() || (m.place.is_some() && m.year.is_none());
        here(&|m| m.kind != MeetingKind::PhoneCall && m.kind != MeetingKind::Meeting && dated(m))
            .or(self.discourse.last_talks)
            .or_else(|| here(&|m| m.kind != MeetingKind::PhoneCall && dated(m)))
            .or(self.discourse.last_meeting)
            .or_else(|| here(&|m| m.kind != MeetingKind::PhoneCall))
    }

    /// A year-only talks mention for "just as in 2022".
    fn year_meeting(&mut self, ctx: &Ctx, year: i32) -> usize {
        if let Some(i) = self
            .mentions
            .iter()
            .position(|m| m.year == Some(year) && m.kind == MeetingKind::Talks)
        {
            return i;
        }
        self.mentions.push(MeetingMention {
            kind: MeetingKind::Talks,
            date: None,
            year: Some(year),
            place: None,
            venue: None,
            explicit: true,
            sentence: ctx.sentence.index,
            earlier: false,
            anaphoric: false,
            merged: None,
        });
        self.mentions.len() - 1
    }

    fn country_of(&self, p: &PersonKey) -> Option<String> {
        self.person_country
            .get(p)
            .or_else(|| self.known.get(p))
            .cloned()
    }

    /// Delegation leaders and members.
    fn delegations(&mut self, ctx: &Ctx) {
        let mut listed = false;
        let negated = [
            "not included",
            "not part",
            "not join",
            "not joining",
            "not attend",
            "declined",
            "absent",
            "excluded",
            "not be",
        ]
        .iter()
        .any(|p| ctx.find(p, 0).is_some());
        let meeting = self.meeting_here(ctx);
        // leaders
        for i in 0..ctx.tokens.len() {
            let w = ctx.word(i);
            if !matches!(
                w,
                "delegation" | "delegations" | "team" | "side" | "negotiator" | "negotiators"
            ) {
                continue;
            }
            let country = ctx.country_before(i).or_else(|| {
                // "Our delegation": the speaker's country
                (i > 0 && matches!(ctx.word(i - 1), "our" | "my"))
                    .then(|| self.speaker_country(ctx))
                    .flatten()
            });
            // "X delegation (, ) (was|is|will be) led|headed by NAME"
            let mut j = i + 1;
            while j < ctx.tokens.len()
                && matches!(
                    ctx.word(j),
                    "," | "was"
                        | "is"
                        | "will"
                        | "be"
                        | "again"
                        | "once"
                        | "previously"
                        | "initially"
                        | "also"
                        | "which"
                        | "being"
                        | "has"
                        | "been"
                )
            {
                j += 1;
            }
            if matches!(ctx.word(j), "led" | "headed") && ctx.word(j + 1) == "by" {
                if let (Some(c), Some(n)) = (country.clone(), ctx.person_after(j + 2)) {
                    if let Some(Some(p)) = ctx.persons.get(n).cloned() {
                        if let Some(mt) = meeting {
                            self.leader(ctx, "delegation-led-by", mt, &c, &p);
                            self.extra_years(ctx, &c, &p, true);
                            // "led by Mossad director David Barnea and Shin
                            // Bet head Ronen Bar": the second is a member
                            let end = ctx.m.names[n].end;
                            let second = (ctx.word(end) == "and")
                                .then(|| ctx.person_after(end + 1))
                                .flatten()
                                .map(|k| {
                                    // "Shin Bet head Ronen Bar": the name the
                                    // office after a body's name introduces
                                    let after = ctx.m.names[k].end;
                                    ctx.m
                                        .offices
                                        .iter()
                                        .find(|(o, _)| o.start <= after && after < o.end)
                                        .and_then(|(_, t)| *t)
                                        .unwrap_or(k)
                                });
                            if let Some(Some(q)) = second.map(|k| ctx.persons[k].clone()) {
                                self.member(ctx, "delegation-led-by", mt, &c, &q);
                            }
                        }
                    }
                }
                // "..., and Bahrain's by its foreign minister, NAME"
                if let Some(mt) = meeting {
                    for (c, p) in self.elliptical_leaders(ctx, j + 2) {
                        self.leader(ctx, "delegation-led-by", mt, &c, &p);
                    }
                }
                continue;
            }
            // "X's chief negotiator, NAME" / "head of the X delegation NAME"
            if let Some((o, Some(t))) = ctx
                .m
                .offices
                .iter()
                .find(|(o, _)| o.delegation_role && o.start <= i && i < o.end)
            {
                let c = o.country.clone().or(country.clone());
                if let (Some(c), Some(Some(p)), Some(mt)) =
                    (c, ctx.persons.get(*t).cloned(), meeting)
                {
                    self.leader(ctx, "delegation-head-office", mt, &c, &p);
                }
                continue;
            }
            // "NAME led|heads|to lead X's delegation"
            if i >= 2 {
                let verb = (i.saturating_sub(5)..i).rev().find(|&k| {
                    matches!(
                        ctx.word(k),
                        "led"
                            | "leads"
                            | "lead"
                            | "heads"
                            | "headed"
                            | "head"
                            | "leading"
                            | "heading"
                    )
                });
                if let (Some(v), Some(c)) = (verb, country.clone()) {
                    if let Some(p) = self.subject_of(ctx, v) {
                        if let Some(mt) = meeting {
                            let mt = if ctx.phrase_at(i + 1, "at the time") {
                                self.discourse.prior_any.unwrap_or(mt)
                            } else {
                                mt
                            };
                            self.leader(ctx, "person-led-delegation", mt, &c, &p);
                        }
                    }
                }
            }
        }
        // "The ministers, Mirzoyan of Armenia and Bayramov of Azerbaijan,
        // headed their countries' delegations": each leads their own
        let respective = (0..ctx.tokens.len()).find(|&k| {
            matches!(ctx.word(k), "led" | "headed" | "lead" | "head")
                && ctx.word(k + 1) == "their"
                && (k + 2..(k + 5).min(ctx.tokens.len()))
                    .any(|t| matches!(ctx.word(t), "delegations" | "teams" | "sides"))
        });
        if let (Some(v), Some(mt)) = (respective, meeting) {
            for n in ctx.names_in(0, v) {
                let Some(Some(p)) = ctx.persons.get(n).cloned() else {
                    continue;
                };
                let end = ctx.m.names[n].end;
                let named = (ctx.word(end) == "of")
                    .then(|| ctx.m.countries.iter().find(|c| c.start == end + 1))
                    .flatten()
                    .map(|c| c.country.clone());
                if let Some(c) = named.or_else(|| self.country_of(&p)) {
                    self.leader(ctx, "led-their-delegations", mt, &c, &p);
                }
            }
        }
        // "NAME, who also led the failed 2022 peace talks"
        if let Some(v) =
            (0..ctx.tokens.len()).find(|&k| ctx.word(k) == "led" && ctx.word(k + 1) == "the")
        {
            let year = ctx
                .dates
                .iter()
                .find(|(t, _, e)| *t > v && *t <= v + 4 && e.year().is_some())
                .and_then(|(_, _, e)| e.year());
            if let (Some(y), Some(p)) = (year, self.subject_of(ctx, v)) {
                if let Some(c) = self
                    .country_of(&p)
                    .or_else(|| self.discourse.delegation.as_ref().map(|d| d.1.clone()))
                {
                    let mt = self.year_meeting(ctx, y);
                    self.leader(ctx, "led-earlier-talks", mt, &c, &p);
                }
            }
        }
        // "NAME, a participant in the 2022 negotiations"
        if let Some(k) = ctx.find("participant in the", 0) {
            let year = ctx
                .dates
                .iter()
                .find(|(t, _, e)| *t > k && *t <= k + 5 && e.year().is_some())
                .and_then(|(_, _, e)| e.year());
            if let (Some(y), Some(n)) = (year, ctx.person_before(k)) {
                if let Some(Some(p)) = ctx.persons.get(n).cloned() {
                    if let Some(c) = self
                        .country_of(&p)
                        .or_else(|| self.discourse.delegation.as_ref().map(|d| d.1.clone()))
                    {
                        let mt = self.year_meeting(ctx, y);
                        self.member(ctx, "participant-in-earlier-talks", mt, &c, &p);
                    }
                }
            }
        }
        // "Rudenko and Slutsky, who took part in the talks three years ago":
        // members of that year's talks, even if not of these
        self.members_years_ago(ctx);
        if negated {
            self.discourse.listing = false;
            return;
        }
        // members: "accompanied by LIST", "experts included LIST",
        // "LIST took part in the talks", "the X side was represented by LIST"
        let triggers = [
            "accompanied by",
            "included",
            "includes",
            "include",
            "comprised",
            "consisted of",
            "represented by",
            "joined by",
            "brought",
            "with him were",
            "with her were",
            "alongside him were",
            "beside him were",
        ];
        // every list in the sentence: "The American delegation also
        // included A and B; Putin was accompanied by C and D"
        let mut found: Vec<(usize, &str)> = triggers
            .iter()
            .filter_map(|t| ctx.find(t, 0).map(|k| (k, *t)))
            .collect();
        found.sort();
        found.dedup_by_key(|(k, _)| *k);
        for (i, &(k, trig)) in found.iter().enumerate() {
            let from = k + trig.split(' ').count();
            let next = found.get(i + 1).map_or(ctx.tokens.len(), |(n, _)| *n);
            // a list with semicolons runs on, unless another list follows
            let stop = if next < ctx.tokens.len() {
                (from..next).find(|&t| ctx.word(t) == ";").unwrap_or(next)
            } else {
                next
            };
            // "Macron and Putin were accompanied by their foreign ministers,
            // A and B": each subject with the one named in its place
            if self.respective_groups(ctx, trig, k, from..stop) {
                listed = true;
                continue;
            }
            let deleg = self.delegation_for(ctx, k);
            if let Some((mt, c, leader)) = deleg {
                // "Trump was joined by A and B, and Kim by C and D"
                let ellipsis = (from..stop).find_map(|t| {
                    if ctx.word(t) != "and" {
                        return None;
                    }
                    let n = ctx.m.names.iter().position(|n| n.start == t + 1)?;
                    (ctx.word(ctx.m.names[n].end) == "by").then_some((t, n))
                });
                let end = ellipsis.map_or(stop, |(t, _)| t);
                // "He was again accompanied by ...": as in the earlier year
                let again = (k.saturating_sub(3)..k).any(|t| ctx.word(t) == "again");
                if let (true, Some((ymt, yc, yp))) = (again, self.discourse.earlier_year.clone()) {
                    if leader.as_ref() == Some(&yp) && yc == c {
                        self.group(ctx, trig, (ymt, yc, None), from..end);
                    }
                }
                listed |= self.group(ctx, trig, (mt, c, leader), from..end);
                if let Some((_, n)) = ellipsis {
                    let second = ctx.persons.get(n).cloned().flatten();
                    let country = second.as_ref().and_then(|p| self.country_of(p));
                    if let (Some(p), Some(c2)) = (second, country) {
                        let from = ctx.m.names[n].end + 1;
                        listed |= self.group(ctx, trig, (mt, c2, Some(p)), from..stop);
                    }
                }
            }
        }
        for verb in [
            "participated in",
            "took part in",
            "attended",
            "were part of",
            "was part of",
            "among its members",
            "among the members",
            "among its delegates",
        ] {
            let Some(k) = ctx.find(verb, 0) else { continue };
            // "Fomin was among its members": the delegation just named
            let talks_follow = verb.starts_with("among")
                || (k..(k + 8).min(ctx.tokens.len()))
                    .any(|t| matches!(ctx.word(t), "talks" | "negotiations" | "delegation"));
            if !talks_follow {
                continue;
            }
            // "...; Deputy Defense Minister Alexander Fomin was among its
            // members": the names of that clause
            let from = if verb.starts_with("among") {
                (0..k)
                    .rev()
                    .find(|&t| ctx.word(t) == ";")
                    .map_or(0, |t| t + 1)
            } else {
                0
            };
            if let Some((mt, c, _)) = self.discourse.delegation.clone() {
                for n in ctx.names_in(from, k) {
                    if let Some(Some(p)) = ctx.persons.get(n).cloned() {
                        if self.country_of(&p).is_none_or(|pc| pc == c) {
                            self.member(ctx, "took-part-in", mt, &c, &p);
                            listed = true;
                        }
                    }
                }
            }
        }
        // "From the president's office — NAME." continuing a list
        if !listed
            && self.discourse.listing
            && ctx.tokens.len() <= 14
            && ctx
                .tokens
                .iter()
                .any(|t| matches!(t.text.as_str(), "—" | "–" | "-" | ":"))
        {
            if let Some((mt, c, _)) = self.discourse.delegation.clone() {
                let verbs = ctx.lower.iter().any(|w| {
                    w.ends_with("ed") || matches!(w as &str, "is" | "was" | "are" | "were" | "said")
                });
                if !verbs {
                    for n in 0..ctx.m.names.len() {
                        let full = ctx.m.names[n].end - ctx.m.names[n].start >= 2;
                        let possessive = ctx
                            .tokens
                            .get(ctx.m.names[n].end)
                            .is_some_and(|t| t.kind == TokenKind::Possessive);
                        if let (true, false, Some(Some(p))) =
                            (full, possessive, ctx.persons.get(n).cloned())
                        {
                            self.member(ctx, "delegation-list-continued", mt, &c, &p);
                            listed = true;
                        }
                    }
                }
            }
        }
        self.discourse.listing = listed;
    }

    /// "and Bahrain's by its foreign minister, NAME": the country and leader
    /// of each delegation a "led by" leaves its verb out for, after `from`.
    fn elliptical_leaders(&self, ctx: &Ctx, from: usize) -> Vec<(String, PersonKey)> {
        let mut out = Vec::new();
        for c in ctx.m.countries.iter().filter(|c| c.start > from) {
            let by = c.end + usize::from(c.possessive);
            if !matches!(ctx.word(c.start - 1), "and" | ";" | "while") || ctx.word(by) != "by" {
                continue;
            }
            let mut k = by + 1;
            if matches!(ctx.word(k), "its" | "his" | "her" | "their") {
                k += 1;
            }
            let person = ctx.person_after(k).or_else(|| {
                ctx.m
                    .offices
                    .iter()
                    .find(|(o, _)| o.start == k)
                    .and_then(|(_, t)| *t)
            });
            if let Some(Some(p)) = person.map(|n| ctx.persons.get(n).cloned().flatten()) {
                out.push((c.country.clone(), p));
            }
        }
        out
    }

    /// "X and Y were accompanied by their ministers, A and B" (or "..., A
    /// and B respectively"): as many people listed as there are subjects,
    /// each joins the delegation of the subject in the same place. Whether
    /// the sentence had that shape and gave the groups.
    fn respective_groups(
        &mut self,
        ctx: &Ctx,
        trig: &str,
        k: usize,
        list: std::ops::Range<usize>,
    ) -> bool {
        let paired =
            ctx.word(list.start) == "their" || list.clone().any(|t| ctx.word(t) == "respectively");
        if !paired {
            return false;
        }
        // the subjects: NAME and NAME [were] TRIGGER
        let verb = usize::from(matches!(ctx.word(k.saturating_sub(1)), "were" | "are"));
        let Some(second) = ctx.m.names.iter().position(|n| n.end + verb == k) else {
            return false;
        };
        let start = ctx.m.names[second].start;
        let Some(first) = ctx
            .m
            .names
            .iter()
            .position(|n| start >= 2 && n.end + 1 == start && ctx.word(start - 1) == "and")
        else {
            return false;
        };
        let listed = ctx.listed_names(list.start, list.end);
        if listed.len() != 2 {
            return false;
        }
        let Some(mt) = self.meeting_here(ctx) else {
            return false;
        };
        let mut any = false;
        for (subject, member) in [(first, listed[0]), (second, listed[1])] {
            let Some(Some(p)) = ctx.persons.get(subject).cloned() else {
                continue;
            };
            let Some(c) = self.country_of(&p) else {
                continue;
            };
            let name = &ctx.m.names[member];
            any |= self.group(ctx, trig, (mt, c, Some(p)), name.start..name.end);
        }
        any
    }

    /// The members named in `range` after a list trigger, for the
    /// delegation (meeting, country, person accompanied); whether any.
    fn group(
        &mut self,
        ctx: &Ctx,
        trig: &str,
        (mt, c, leader): (usize, String, Option<PersonKey>),
        range: std::ops::Range<usize>,
    ) -> bool {
        let mut listed = false;
        let named = ctx.listed_names(range.start, range.end);
        // "The U.S. side was represented by Steve Witkoff": one person
        // representing a side leads it
        if trig == "represented by" && leader.is_none() && named.len() == 1 {
            if let Some(Some(p)) = ctx.persons.get(named[0]).cloned() {
                self.leader(ctx, "represented-by-one", mt, &c, &p);
            }
        }
        // "Trump was accompanied by ...", "Kim brought ...": the one
        // accompanied heads the group, unless a leader is known
        if let Some(l) = &leader {
            let has_leader = self
                .pending
                .iter()
                .any(|(p, _)| matches!(p, Pending::Leader(m, lc, _) if *m == mt && *lc == c));
            let owned = ctx
                .lower
                .windows(2)
                .any(|w| w[0] == "'s" && matches!(w[1] as &str, "team" | "delegation" | "side"));
            if !has_leader && (matches!(trig, "accompanied by" | "brought" | "joined by") || owned)
            {
                self.leader(ctx, "accompanied-leader", mt, &c, l);
            }
        }
        for n in named {
            if let Some(Some(p)) = ctx.persons.get(n).cloned() {
                if Some(&p) != leader.as_ref() {
                    self.member(ctx, "delegation-list", mt, &c, &p);
                    listed = true;
                }
            }
        }
        listed
    }

    /// "NAME and NAME, who took part in the talks three years ago".
    fn members_years_ago(&mut self, ctx: &Ctx) {
        let Some(reference) = self.reference else {
            return;
        };
        let Some(ago) = ctx.find("years ago", 0) else {
            return;
        };
        let Some(verb) = [
            "took part in",
            "participated in",
            "attended",
            "were part of",
        ]
        .iter()
        .filter_map(|v| ctx.find(v, 0))
        .find(|&v| v < ago && ago - v <= 8) else {
            return;
        };
        let years = match ctx.word(ago - 1) {
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            w => match w.parse::<i32>() {
                Ok(n) => n,
                Err(_) => return,
            },
        };
        let talks = (verb..ago).any(|t| matches!(ctx.word(t), "talks" | "negotiations"));
        if !talks {
            return;
        }
        let end = (0..verb)
            .rev()
            .find(|&t| ctx.word(t) == "who")
            .unwrap_or(verb);
        let fallback = self.discourse.delegation.as_ref().map(|d| d.1.clone());
        let mt = self.year_meeting(ctx, reference.year() - years);
        for n in ctx.names_in(0, end) {
            let Some(Some(p)) = ctx.persons.get(n).cloned() else {
                continue;
            };
            if let Some(c) = self.country_of(&p).or(fallback.clone()) {
                self.member(ctx, "took-part-years-ago", mt, &c, &p);
            }
        }
    }

    /// "just as in 2022": the leader also led the delegation of that year.
    fn extra_years(&mut self, ctx: &Ctx, country: &str, person: &PersonKey, leader: bool) {
        let years: Vec<i32> = ctx
            .dates
            .iter()
            .filter_map(|(t, _, e)| {
                e.year()
                    .filter(|_| *t >= 2 && ctx.word(t - 1) == "in" && ctx.word(t - 2) == "as")
            })
            .collect();
        for y in years {
            if self.reference.is_some_and(|r| r.year() == y) {
                continue;
            }
            let mt = self.year_meeting(ctx, y);
            if leader {
                self.leader(ctx, "led-as-in-year", mt, country, person);
                self.discourse.earlier_year = Some((mt, country.to_string(), person.clone()));
            }
        }
    }

    /// The delegation a member list at token `k` belongs to.
    fn delegation_for(&self, ctx: &Ctx, k: usize) -> Option<(usize, String, Option<PersonKey>)> {
        // "the U.S. side was represented by", "the Russian delegation included"
        let here = (k.saturating_sub(6)..k)
            .find(|&t| matches!(ctx.word(t), "delegation" | "side" | "team"));
        if let Some(t) = here {
            if let Some(c) = ctx.country_before(t) {
                let mt = self.meeting_here(ctx)?;
                return Some((mt, c, None));
            }
            // "Biden's team at the table included": Biden's delegation, his lead
            let owner = (t.saturating_sub(2)..t)
                .find(|&k| ctx.tokens[k].kind == TokenKind::Possessive)
                .and_then(|k| ctx.m.names.iter().position(|n| n.end == k))
                .and_then(|n| ctx.persons.get(n).cloned().flatten());
            if let Some(p) = owner {
                let c = self.country_of(&p)?;
                let mt = self.meeting_here(ctx)?;
                return Some((mt, c, Some(p)));
            }
        }
        // "Hamas was represented by its chief negotiator"
        let side = ctx
            .m
            .countries
            .iter()
            .find(|c| c.end + 1 == k && matches!(ctx.word(c.end), "was" | "were" | "is"))
            .map(|c| c.country.clone());
        if let Some(c) = side {
            let mt = self.meeting_here(ctx)?;
            return Some((mt, c, None));
        }
        // "He was accompanied by": the delegation spoken of last; "NAME was
        // accompanied by": NAME's delegation
        let subject = ctx
            .person_before(k)
            .and_then(|n| ctx.persons.get(n).cloned().flatten());
        if let Some(p) = subject {
            if let Some(d) = self
                .discourse
                .delegation
                .clone()
                .filter(|d| d.2.as_ref() == Some(&p))
            {
                return Some(d);
            }
            let talks_here = ctx.lower.iter().any(|w| {
                matches!(
                    w as &str,
                    "talks" | "negotiations" | "delegation" | "summit"
                )
            });
            // "Trump was accompanied by", right after the meeting was named
            let named_subject = ctx.person_before(k).is_some_and(|n| {
                let end = ctx.m.names[n].end;
                k == end || (k == end + 1 && matches!(ctx.word(end), "was" | "is" | "were"))
            });
            let recent_meeting = self
                .discourse
                .last_meeting
                .is_some_and(|m| ctx.sentence.index.saturating_sub(self.mentions[m].sentence) <= 3);
            if !(talks_here || named_subject && recent_meeting) {
                return None;
            }
            let c = self.country_of(&p)?;
            let mt = self.meeting_here(ctx)?;
            return Some((mt, c, Some(p)));
        }
        self.discourse.delegation.clone()
    }

    /// The person who does the verb at token `v`: the antecedent of `who`,
    /// else the nearest name before it.
    fn subject_of(&self, ctx: &Ctx, v: usize) -> Option<PersonKey> {
        let who = (v.saturating_sub(8)..v)
            .rev()
            .find(|&k| ctx.word(k) == "who");
        let n = match who {
            Some(w) => ctx.person_before(w),
            None => ctx.person_before(v),
        }?;
        ctx.persons.get(n).cloned().flatten()
    }

    /// The country of whoever speaks a quoted sentence ("Lavrov added, ...").
    fn speaker_country(&self, ctx: &Ctx) -> Option<String> {
        let verb = ctx.lower.iter().position(|w| {
            matches!(
                w as &str,
                "said" | "added" | "says" | "stated" | "told" | "noted"
            )
        })?;
        let n = ctx
            .person_before(verb)
            .or_else(|| ctx.names_in(verb, ctx.tokens.len()).first().copied())?;
        let p = ctx.persons.get(n).cloned().flatten()?;
        self.country_of(&p)
    }

    /// `p` led `country`'s delegation at meeting `mt` (and so was in it).
    fn leader(&mut self, ctx: &Ctx, rule: &'static str, mt: usize, country: &str, p: &PersonKey) {
        self.emit(
            ctx,
            rule,
            Pending::Leader(mt, country.to_string(), p.clone()),
        );
        self.member(ctx, rule, mt, country, p);
        if self.mentions[mt].year.is_none() {
            self.discourse.delegation = Some((mt, country.to_string(), Some(p.clone())));
        }
    }

    /// `p` was in `country`'s delegation at meeting `mt`.
    fn member(&mut self, ctx: &Ctx, rule: &'static str, mt: usize, country: &str, p: &PersonKey) {
        self.person_country
            .entry(p.clone())
            .or_insert_with(|| country.to_string());
        self.emit(
            ctx,
            rule,
            Pending::Member(mt, country.to_string(), p.clone()),
        );
    }

    /// Agreements: a sentence that agrees on something names its kinds.
    fn agreements(&mut self, ctx: &Ctx) {
        let n = ctx.tokens.len();
        let verb = (0..n).find(|&i| {
            AGREE_WORDS.contains(&ctx.word(i)) || RESULT_PHRASES.iter().any(|p| ctx.phrase_at(i, p))
        });
        // "the arrangement is to run for 120 days": what a deal holds
        let content = || {
            let contents = &self.lex.agreements.contents;
            contents.iter().find_map(|c| ctx.find(c, 0))
        };
        let Some(trig) = verb.or_else(content) else {
            return;
        };
        let hedgeable = verb.is_some();
        // a hedged trigger ("urged to agree", "unless Russia agreed")
        let hedges = [
            "urged", "unless", "if", "would", "could", "hope", "against", "ready", "want", "call",
            "calls", "called",
        ];
        // "broke up with no deal", "without an agreement", "failed to agree";
        // "an agreement is closer than ever", "a deal is within reach"
        let denied = (trig.saturating_sub(3)..trig)
            .any(|k| matches!(ctx.word(k), "no" | "without" | "failed" | "not" | "never"))
            || (trig + 1..(trig + 4).min(n)).any(|k| {
                matches!(
                    ctx.word(k),
                    "closer" | "close" | "near" | "nearer" | "within" | "possible" | "likely"
                )
            });
        if hedgeable
            && (denied || (trig.saturating_sub(4)..trig).any(|k| hedges.contains(&ctx.word(k))))
        {
            return;
        }
        let text = ctx.lower.join(" ");
        let has = |w: &str| contains_words(&text, w);
        let cues = &self.lex.agreements;
        let drafting = cues.drafting.iter().any(|w| has(w));
        // the meeting spoken of; an article about a call agrees on the call
        // "spoke by phone on Feb. 12 and agreed to ...": the sentence's own
        // dated event first, a call included
        let own = ctx.meetings.iter().map(|(i, _)| *i).find(|&i| {
            let m = &self.mentions[i];
            m.date.is_some() && !m.earlier
        });
        let Some(mut mt) = own.or(self.meeting_here(ctx)).or(self.discourse.last_event) else {
            return;
        };
        // "agreed to start negotiations, following a phone conversation":
        // not the bare talks, but the dated event the sentence names
        if self.mentions[mt].is_bare() {
            let dated = ctx
                .meetings
                .iter()
                .map(|(i, _)| *i)
                .find(|&i| !self.mentions[i].is_bare());
            if let Some(d) = dated.or(self.discourse.last_event) {
                mt = d;
            }
        }
        let mut found: Vec<(AgreementKind, Option<u64>)> = Vec::new();
        // a meeting after the article's date is what was agreed ("agreed to
        // meet again on June 2"), not where: the agreement belongs to the
        // meeting spoken of, and it is an agreement to further talks
        let future =
            |m: &MeetingMention| matches!((m.date, self.reference), (Some(d), Some(r)) if d > r);
        if future(&self.mentions[mt]) {
            let current = [
                self.discourse.last_talks,
                self.discourse.last_meeting,
                self.discourse.last_event,
            ]
            .into_iter()
            .flatten()
            .find(|&c| !future(&self.mentions[c]))
            .or_else(|| {
                // the sentence's own future talks took the discourse: the
                // last event spoken of before them
                (0..self.mentions.len()).rev().find(|&c| {
                    let m = &self.mentions[c];
                    !future(m) && !m.is_bare() && !m.earlier && m.year.is_none()
                })
            });
            if let Some(current) = current {
                if self.mentions[mt].kind != MeetingKind::PhoneCall {
                    found.push((AgreementKind::FurtherTalks, None));
                }
                mt = current;
            }
        }
        for (kind, words) in &cues.kinds {
            let Some((pos, _)) = words
                .iter()
                .filter_map(|w| ctx.find(w, 0).map(|p| (p, w)))
                .min_by_key(|(p, _)| *p)
            else {
                continue;
            };
            // "talks on a Gaza ceasefire", "discussed a prisoner swap": a topic
            let topic = (pos.saturating_sub(6)..pos).any(|k| {
                matches!(
                    ctx.word(k),
                    "discussed" | "discuss" | "discussing" | "about"
                ) || (ctx.word(k) == "on"
                    && k > 0
                    && matches!(ctx.word(k - 1), "talks" | "negotiations" | "consultations"))
            });
            let negated = topic
                || (pos.saturating_sub(3)..pos).any(|k| NEGATIONS.contains(&ctx.word(k)))
                || (pos + 1..(pos + 5).min(n)).any(|k| matches!(ctx.word(k), "not" | "never"))
                || (pos.saturating_sub(3)..pos)
                    .any(|k| matches!(ctx.word(k), "potential" | "possible"))
                // "did not accept the full ceasefire", "rejected a truce"
                || (pos.saturating_sub(6)..pos).any(|k| {
                    matches!(ctx.word(k), "rejected" | "rejects" | "refused" | "refuses" | "declined")
                        || (ctx.word(k) == "not" && matches!(ctx.word(k + 1), "accept" | "agree" | "sign" | "endorse"))
                });
            let mut kind = *kind;
            // "the remains of prisoners of war": bodies, not an exchange
            if kind == AgreementKind::PrisonerExchange
                && (pos.saturating_sub(3)..pos).any(|k| ctx.word(k) == "remains")
            {
                continue;
            }
            if kind == AgreementKind::Ceasefire && drafting {
                kind = AgreementKind::CeasefireProposals;
            } else if negated {
                continue;
            }
            // "an immediate 30-day ceasefire" said before "the truce" was agreed
            let quantity =
                quantity_near(ctx, pos).or_else(|| self.kind_quantity.get(&kind).copied());
            if !found.iter().any(|(k, _)| *k == kind) {
                found.push((kind, quantity));
            }
        }
        // "agreed that negotiations between the Taliban and other Afghans
        // would begin on March 10": talks to come
        let talks_to_come = (0..n).any(|i| {
            matches!(ctx.word(i), "talks" | "negotiations" | "dialogue")
                && (i + 1..(i + 10).min(n)).any(|k| {
                    matches!(ctx.word(k), "begin" | "start" | "resume" | "continue")
                        && matches!(ctx.word(k - 1), "would" | "will" | "to" | "should")
                })
        });
        if talks_to_come && !found.iter().any(|(k, _)| *k == AgreementKind::FurtherTalks) {
            found.push((AgreementKind::FurtherTalks, None));
        }
        // "proposals ... for a settlement" without the word ceasefire
        if drafting
            && !found
                .iter()
                .any(|(k, _)| *k == AgreementKind::CeasefireProposals)
            && cues.settlement.iter().any(|w| has(w))
            && [
                "prepare", "draft", "drafting", "outline", "exchange", "present",
            ]
            .iter()
            .any(|w| has(w))
        {
            found.push((AgreementKind::CeasefireProposals, None));
        }
        // "signed an agreement that sets out a timetable", "the two sides
        // agreed to restore their embassies", "under the deal, troops will
        // leave": something else was agreed, beside any further talks
        if found.iter().all(|(k, _)| *k == AgreementKind::FurtherTalks) {
            let further = !found.is_empty();
            if let Some(q) = self.other_agreement(ctx, trig, further) {
                found.push((AgreementKind::Other, q));
            }
        }
        // "agreed on Tuesday to ...": the day is the agreement's own; when no
        // event of that day is named here, the next sentence may name it
        let own_date = ctx
            .dates
            .iter()
            .filter(|(t, _, _)| *t > trig && *t <= trig + 2)
            .find_map(|(_, d, _)| *d);
        if let Some(d) = own_date.filter(|d| self.mentions[mt].date != Some(*d)) {
            let same_day = ctx
                .meetings
                .iter()
                .map(|(i, _)| *i)
                .find(|&i| self.mentions[i].date == Some(d));
            match same_day {
                Some(i) => mt = i,
                None if !found.is_empty() => {
                    let ev = self.evidence(ctx.sentence, "agreed-on-a-day");
                    self.trace[ctx.sentence.index].push("agreed-on-a-day");
                    self.discourse.orphan = Some(Orphan {
                        date: d,
                        sentence: ctx.sentence.index,
                        fallback: mt,
                        agreements: found.into_iter().map(|(k, q)| (k, q, ev.clone())).collect(),
                    });
                    return;
                }
                None => {}
            }
        }
        for (kind, q) in found {
            self.emit(ctx, "agreed-on", Pending::Agreement(mt, kind, q));
        }
    }

    /// The token of "signed" when the sentence signs a document ("signed an
    /// agreement", "an arrangement ... was signed"), not "did not sign".
    fn signing(&self, ctx: &Ctx) -> Option<usize> {
        let n = ctx.tokens.len();
        let documents = &self.lex.agreements.documents;
        let is_document = |k: usize| documents.iter().any(|d| ctx.word(k) == d);
        // not "did not sign", "No document ... was signed"
        let denied = |k: usize| (k.saturating_sub(3)..k).any(|j| NEGATIONS.contains(&ctx.word(j)));
        (0..n).find(|&i| {
            ctx.word(i) == "signed"
                && !denied(i)
                && (i.saturating_sub(12)..(i + 7).min(n)).any(|k| is_document(k) && !denied(k))
        })
    }

    /// Whether the sentence agrees on something no kind names, and the
    /// number it gives ("cut its forces to 8,600 within 135 days").
    fn other_agreement(&self, ctx: &Ctx, trig: usize, further: bool) -> Option<Option<u64>> {
        let n = ctx.tokens.len();
        let cues = &self.lex.agreements;
        let signed = self.signing(ctx);
        // "the two sides agreed to restore ...", "committed to start ..."
        let agreed_to = matches!(
            ctx.word(trig),
            "agreed" | "agreeing" | "agree" | "committed" | "pledged" | "consented"
        ) && !(trig > 0
            && matches!(
                ctx.word(trig - 1),
                "is" | "are" | "was" | "were" | "remains" | "remain" | "be" | "been" | "stay"
            ))
            && {
                let mut k = trig + 1;
                // "agreed on Tuesday to stop strikes"
                while k < n && ctx.dates.iter().any(|(t, _, _)| *t == k) || ctx.word(k) == "on" {
                    k += 1;
                    if k > trig + 4 {
                        break;
                    }
                }
                match ctx.word(k) {
                    // "committed to finding a solution": a stance
                    "to" => {
                        !(matches!(
                            ctx.word(k + 1),
                            "talks"
                                | "negotiations"
                                | "meet"
                                | "the"
                                | "a"
                                | "an"
                                | "continue"
                                | "hold"
                        ) || ctx.word(k + 1).ends_with("ing"))
                    }
                    "that" => true,
                    _ => false,
                }
            };
        let content = cues.contents.iter().find_map(|c| ctx.find(c, 0));
        let from = match (content, signed, agreed_to && !further) {
            (Some(c), _, _) => c,
            (None, Some(i), _) => i,
            (None, None, true) => trig,
            (None, None, false) => return None,
        };
        let quantity = (from..(from + 16).min(n))
            .filter_map(|k| number_at(ctx, k))
            .find(|q| !(1900..=2100).contains(q));
        Some(quantity.filter(|_| content.is_some() || signed.is_none()))
    }

    /// Remembers the number each agreement kind is given in the sentence
    /// ("a 30-day ceasefire"), agreed or not, for a later sentence that
    /// agrees on it without one.
    fn note_quantities(&mut self, ctx: &Ctx) {
        for (kind, words) in &self.lex.agreements.kinds {
            let pos = words.iter().filter_map(|w| ctx.find(w, 0)).min();
            if let Some(q) = pos.and_then(|p| quantity_near(ctx, p)) {
                self.kind_quantity.insert(*kind, q);
            }
        }
    }

    /// Chairs: "chaired by NAME", "opened by NAME", "hosted by NAME".
    fn chairs(&mut self, ctx: &Ctx) {
        // "Turkish Foreign Minister Hakan Fidan opened the meeting"
        for k in 0..ctx.tokens.len() {
            if !matches!(
                ctx.word(k),
                "opened"
                    | "chaired"
                    | "hosted"
                    | "moderated"
                    | "mediated"
                    | "presided"
                    | "brokered"
            ) {
                continue;
            }
            let object = (k + 1..(k + 5).min(ctx.tokens.len())).any(|t| {
                matches!(
                    ctx.word(t),
                    "talks" | "meeting" | "session" | "negotiations" | "summit"
                )
            })
                // "Biden hosted Xi": the host of a meeting with a guest
                || (ctx.word(k) == "hosted"
                    && ctx.person_after(k + 1).is_some()
                    && !ctx.meetings.is_empty());
            // "Wang Yi, who had brokered the meeting"
            let Some(n) = ctx
                .m
                .names
                .iter()
                .rposition(|n| n.end == k || (n.end + 1 == k && ctx.word(n.end) == "also"))
                .or_else(|| {
                    let who = (k.saturating_sub(3)..k).find(|&w| ctx.word(w) == "who")?;
                    ctx.m.names.iter().rposition(|n| n.end + 1 == who)
                })
            else {
                continue;
            };
            if !object {
                continue;
            }
            let Some(Some(p)) = ctx.persons.get(n).cloned() else {
                continue;
            };
            if let Some(mt) = self.meeting_here(ctx) {
                self.emit(ctx, "chaired", Pending::Chair(mt, p));
            }
        }
        // "with Oman's foreign minister, Badr al-Busaidi, carrying messages
        // between them": the mediator of indirect talks
        for phrase in [
            "carrying messages between",
            "carried messages between",
            "shuttling between",
            "shuttled between",
            "acted as mediator",
            "acting as mediator",
            "acted as a mediator",
            "acting as a mediator",
        ] {
            let Some(k) = ctx.find(phrase, 0) else {
                continue;
            };
            let Some(Some(p)) = ctx
                .person_before(k)
                .map(|n| ctx.persons.get(n).cloned().flatten())
            else {
                continue;
            };
            if let Some(mt) = self.meeting_here(ctx) {
                self.emit(ctx, "mediated", Pending::Chair(mt, p));
            }
        }
        for verb in [
            "chaired by",
            "opened by",
            "hosted by",
            "moderated by",
            "presided over by",
            "mediated by",
        ] {
            // "were opened on Monday by Blinken": a few words may come between
            let first = verb.split(' ').next().unwrap_or(verb);
            let Some(k) = ctx.find(verb, 0).or_else(|| {
                let v = ctx.find(first, 0)?;
                let by = (v + 1..(v + 6).min(ctx.tokens.len())).find(|&t| ctx.word(t) == "by")?;
                Some(by + 1 - verb.split(' ').count())
            }) else {
                continue;
            };
            let Some(n) = ctx.person_after(k + verb.split(' ').count()) else {
                continue;
            };
            let Some(Some(p)) = ctx.persons.get(n).cloned() else {
                continue;
            };
            if let Some(mt) = self.meeting_here(ctx) {
                self.emit(ctx, "chaired-by", Pending::Chair(mt, p));
            }
        }
    }

    /// Merges meeting mentions into meetings and turns pending facts into facts.
    fn finish(mut self, sentences: usize, date_inferred: bool, texts: Vec<String>) -> Extracted {
        let meetings = self.merge_meetings();
        let key_of = |i: usize| -> Option<MeetingKey> {
            let m = self.mentions.get(i)?;
            meetings.get(m.merged?).map(|(k, _)| k.clone())
        };
        let mut facts: Vec<Found> = Vec::new();
        for (p, evidence) in std::mem::take(&mut self.pending) {
            let fact = match p {
                Pending::Ready(f) => Some(f),
                Pending::Meeting(i) => key_of(i).map(|meeting| Fact::Meeting { meeting }),
                Pending::Chair(i, person) => {
                    key_of(i).map(|meeting| Fact::Chair { meeting, person })
                }
                Pending::Participant(i, person) => {
                    key_of(i).map(|meeting| Fact::Participant { meeting, person })
                }
                Pending::Leader(i, country, person) => {
                    key_of(i).map(|meeting| Fact::DelegationLeader {
                        meeting,
                        country,
                        person,
                    })
                }
                Pending::Member(i, country, person) => {
                    key_of(i).map(|meeting| Fact::DelegationMember {
                        meeting,
                        country,
                        person,
                    })
                }
                Pending::Agreement(i, kind, quantity) => key_of(i).map(|meeting| Fact::Agreement {
                    meeting,
                    kind,
                    quantity,
                }),
            };
            if let Some(fact) = fact {
                if !facts.iter().any(|f| f.fact == fact) {
                    facts.push(Found { fact, evidence });
                }
            }
        }
        // the article's own countries first, then other articles' (looked
        // up per role: `known` grows with the corpus)
        let (own, known) = (&self.person_country, self.known);
        fill_role_countries(&mut facts, |p| own.get(p).or_else(|| known.get(p)));
        drop_generic_titles(&mut facts);
        let mut people: Vec<Person> = self
            .people
            .iter()
            .filter(|(k, _)| facts.iter().any(|f| f.fact.person() == Some(k)))
            .map(|(key, name)| Person {
                key: key.clone(),
                name: name.clone(),
            })
            .collect();
        people.sort_by(|a, b| a.key.cmp(&b.key));
        let meetings: Vec<Meeting> = meetings
            .into_iter()
            .map(|(key, venue)| Meeting {
                key,
                venue,
                countries: Vec::new(),
            })
            .collect();
        let meetings = with_countries(meetings, &facts);
        Extracted {
            facts: ArticleFacts {
                article: ArticleMeta {
                    id: self.doc.id.clone(),
                    title: self.doc.title(),
                    date: self.reference,
                    date_inferred,
                    sentences,
                },
                people,
                meetings,
                facts,
            },
            anchors: self.anchors,
            weekdays: self.weekdays,
            bare_surnames: self.bare_surnames,
            trace: self.trace,
            sentences: texts,
        }
    }

    /// Meetings still without a date or a place, told of as the article's
    /// own events:
    /// - "VIENNA (Reuters) - ... reached agreement on Tuesday", then "the
    ///   talks in Vienna": an undated meeting in the dateline's city took
    ///   place on the day the dateline's sentence gives;
    /// - "the ministers met on Thursday" and "the session at a hotel in
    ///   Antalya": when every dated meeting without a place has one day and
    ///   every undated meeting with a place has one place, they are one
    ///   event, on that day in that place.
    fn date_and_place_the_lead_event(&mut self) {
        let own_undated = |m: &MeetingMention| {
            m.date.is_none() && m.year.is_none() && !m.earlier && m.kind != MeetingKind::PhoneCall
        };
        if let (Some(city), Some(day)) = (self.dateline.clone(), self.lead_day) {
            for m in self.mentions.iter_mut() {
                if own_undated(m) && m.place.as_deref() == Some(city.as_str()) {
                    m.date = Some(day);
                }
            }
        }
        let mut places: Vec<String> = self
            .mentions
            .iter()
            .filter(|m| own_undated(m))
            .filter_map(|m| m.place.clone())
            .collect();
        places.sort();
        places.dedup();
        let reference = self.reference;
        let unplaced_day = |m: &MeetingMention| {
            m.date
                .filter(|_| m.place.is_none() && m.kind != MeetingKind::PhoneCall && !m.earlier)
                .filter(|d| reported_within_days(Some(*d), reference))
        };
        let mut days: Vec<NaiveDate> = self.mentions.iter().filter_map(unplaced_day).collect();
        days.sort();
        days.dedup();
        if let ([place], [day]) = (&places[..], &days[..]) {
            let (place, day) = (place.clone(), *day);
            for m in self.mentions.iter_mut() {
                if own_undated(m) && m.place.as_ref() == Some(&place) {
                    m.date = Some(day);
                } else if unplaced_day(m).is_some() {
                    m.place = Some(place.clone());
                }
            }
        }
    }

    /// One meeting per date, place and kind. A bare mention ("the talks")
    /// joins the nearest meeting of its kind; a dated one without a place
    /// takes the place of a meeting on the same day.
    fn merge_meetings(&mut self) -> Vec<(MeetingKey, Option<String>)> {
        let mut out: Vec<(MeetingKey, Option<String>)> = Vec::new();
        // "the meeting", "the session": the talks, when the article has talks
        // and the mention names no event of its own
        // (not when the article has a meeting of its own: a signing)
        let talks_exist = self
            .mentions
            .iter()
            .any(|m| m.kind == MeetingKind::Talks && !m.is_bare())
            && self
                .mentions
                .iter()
                .find(|m| m.date.is_some() && m.place.is_some() && !m.earlier)
                .is_none_or(|m| m.kind != MeetingKind::Meeting);
        for m in self.mentions.iter_mut() {
            if m.kind == MeetingKind::Meeting
                && !m.explicit
                && talks_exist
                && m.date.is_none()
                && m.year.is_none()
            {
                m.kind = MeetingKind::Talks;
            }
        }
        // places for dated meetings without one: another meeting that day
        let placed: Vec<(NaiveDate, String)> = self
            .mentions
            .iter()
            .filter_map(|m| Some((m.date?, m.place.clone()?)))
            .collect();
        for m in self.mentions.iter_mut() {
            if m.place.is_none() && m.kind != MeetingKind::PhoneCall {
                if let Some(d) = m.date {
                    m.place = placed
                        .iter()
                        .find(|(pd, _)| *pd == d)
                        .map(|(_, p)| p.clone());
                }
            }
        }
        // the dateline's city for the article's own events (reported within days)
        if let Some(city) = &self.dateline {
            for m in self.mentions.iter_mut() {
                // (an undated event that names itself, "the two leaders met",
                // is the article's own too)
                let recent = match m.date {
                    Some(_) => reported_within_days(m.date, self.reference),
                    None => m.year.is_none() && (!m.is_bare() || m.explicit) && !m.earlier,
                };
                if m.place.is_none() && m.kind != MeetingKind::PhoneCall && recent {
                    m.place = Some(city.clone());
                }
            }
        }
        // a placed mention without date joins a dated one of its kind and place
        let dated: Vec<(MeetingKind, String, NaiveDate)> = self
            .mentions
            .iter()
            .filter_map(|m| Some((m.kind, m.place.clone()?, m.date?)))
            .collect();
        for m in self.mentions.iter_mut() {
            if m.date.is_none() && m.year.is_none() && !m.earlier {
                if let Some(p) = &m.place {
                    let same: Vec<NaiveDate> = dated
                        .iter()
                        .filter(|(k, dp, _)| *k == m.kind && dp == p)
                        .map(|(_, _, d)| *d)
                        .collect();
                    if let Some(d) = same.first() {
                        m.date = Some(*d);
                        continue;
                    }
                    // "the talks at the Élysée Palace" of an article about
                    // one summit in Paris: that summit, whatever it is called
                    let mut events: Vec<(MeetingKind, NaiveDate)> = dated
                        .iter()
                        .filter(|(k, dp, _)| dp == p && *k != MeetingKind::PhoneCall)
                        .map(|(k, _, d)| (*k, *d))
                        .collect();
                    events.sort();
                    events.dedup();
                    if let ([(k, d)], false) = (&events[..], m.earlier) {
                        m.date = Some(*d);
                        m.kind = *k;
                    }
                }
            }
        }
        self.date_and_place_the_lead_event();
        // "a joint statement, signed on Friday at the close of several days
        // of talks": a signing or meeting the same day and place as talks
        // or a summit is part of them (unless it names its own event)
        let events: Vec<(NaiveDate, String, MeetingKind)> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, MeetingKind::Talks | MeetingKind::Summit))
            .filter_map(|m| Some((m.date?, m.place.clone()?, m.kind)))
            .collect();
        for m in self.mentions.iter_mut() {
            if m.kind != MeetingKind::Meeting || m.explicit {
                continue;
            }
            let (Some(d), Some(p)) = (m.date, m.place.clone()) else {
                continue;
            };
            if let Some((_, _, k)) = events.iter().find(|(ed, ep, _)| *ed == d && *ep == p) {
                m.kind = *k;
            }
        }
        // "opened the meeting with a dinner on Wednesday", "the expanded
        // talks on Thursday": the main event, on one of its days
        let main = self
            .mentions
            .iter()
            .position(|m| m.date.is_some() && m.place.is_some() && !m.earlier);
        if let Some(main) = main {
            // a meeting the headline calls a summit is one
            if self.headline_summit && self.mentions[main].kind == MeetingKind::Meeting {
                let (date, place) = (self.mentions[main].date, self.mentions[main].place.clone());
                for m in self.mentions.iter_mut() {
                    if m.kind == MeetingKind::Meeting && m.date == date && m.place == place {
                        m.kind = MeetingKind::Summit;
                    }
                }
            }
            let (date, place, kind) = {
                let m = &self.mentions[main];
                (m.date, m.place.clone(), m.kind)
            };
            // "ended four days of negotiations on Thursday ... The talks in
            // Arlington were opened on Monday": one event over its days
            let span = i64::from(self.span_days.max(1));
            for m in self.mentions.iter_mut() {
                let gap = match (m.date, date) {
                    (Some(a), Some(b)) => (a - b).num_days().abs(),
                    _ => i64::MAX,
                };
                let same_event = self.span_days > 1
                    && gap < span
                    && m.kind == kind
                    && m.place == place
                    && !m.explicit;
                if (m.anaphoric && gap <= 1 || same_event) && m.kind != MeetingKind::PhoneCall {
                    m.date = date;
                    m.place = place.clone();
                    if kind == MeetingKind::Summit || m.kind == MeetingKind::Meeting {
                        m.kind = kind;
                    }
                }
            }
        }
        let n = self.mentions.len();
        for i in 0..n {
            let m = &self.mentions[i];
            // "the first conversation between the two leaders" in an article
            // about a dated call: that call
            let call_exists = m.kind == MeetingKind::PhoneCall
                && !m.earlier
                && self
                    .mentions
                    .iter()
                    .any(|o| o.kind == MeetingKind::PhoneCall && o.date.is_some());
            if m.is_bare() && (!m.explicit || call_exists) {
                // nearest non-bare mention of the same kind; "the talks" at
                // a summit when the article names no other talks
                let near_of = |want: &dyn Fn(MeetingKind) -> bool| {
                    (0..n)
                        .filter(|&j| {
                            j != i && want(self.mentions[j].kind) && !self.mentions[j].is_bare()
                        })
                        .min_by_key(|&j| (self.mentions[j].sentence.abs_diff(m.sentence), j))
                };
                let in_person = |k: MeetingKind| k != MeetingKind::PhoneCall;
                let target = near_of(&|k| k == m.kind).or_else(|| {
                    if in_person(m.kind) {
                        near_of(&in_person)
                    } else {
                        None
                    }
                });
                if let Some(j) = target {
                    let key = key_of_mention(&self.mentions[j]);
                    let slot = slot_for(&mut out, key, self.mentions[i].venue.clone());
                    self.mentions[i].merged = Some(slot);
                }
                continue;
            }
            let key = key_of_mention(m);
            let venue = m.venue.clone();
            let slot = slot_for(&mut out, key, venue);
            self.mentions[i].merged = Some(slot);
        }
        out
    }
}

fn key_of_mention(m: &MeetingMention) -> MeetingKey {
    MeetingKey {
        date: m.date,
        year: if m.date.is_some() { None } else { m.year },
        place: m.place.clone(),
        kind: m.kind,
    }
}

fn slot_for(
    out: &mut Vec<(MeetingKey, Option<String>)>,
    key: MeetingKey,
    venue: Option<String>,
) -> usize {
    if let Some(i) = out.iter().position(|(k, _)| *k == key) {
        if out[i].1.is_none() {
            out[i].1 = venue;
        }
        return i;
    }
    out.push((key, venue));
    out.len() - 1
}

/// The number next to an agreement cue at `pos` (not a year).
/// Looks four words back and six ahead, not past a clause or list break
/// ("a six-week ceasefire and the release of 33 hostages": 33 is not the
/// ceasefire's), and takes the nearest number, digits before words.
fn quantity_near(ctx: &Ctx, pos: usize) -> Option<u64> {
    let n = ctx.tokens.len();
    let breaks = |k: usize| matches!(ctx.word(k), "and" | ";" | "while" | "but");
    let mut from = pos;
    while from > pos.saturating_sub(4) && !breaks(from - 1) {
        from -= 1;
    }
    let mut to = pos + 1;
    while to < (pos + 6).min(n) && !breaks(to) {
        to += 1;
    }
    let by_distance = |digits_only: bool| {
        (from..to)
            .filter(|&k| !digits_only || ctx.tokens[k].kind == TokenKind::Number)
            .filter_map(|k| number_at(ctx, k).map(|q| (k.abs_diff(pos), q)))
            .filter(|(_, q)| !(1900..=2100).contains(q))
            .min()
            .map(|(_, q)| q)
    };
    by_distance(true).or_else(|| by_distance(false))
}

/// The number a token gives: digits ("1,000") or a word from two to
/// twelve ("within two months"; "one" and "a" say too little).
fn number_at_token(t: &Token) -> Option<u64> {
    if t.kind == TokenKind::Number {
        return t.text.replace(',', "").parse::<u64>().ok();
    }
    NUMBER_WORDS
        .iter()
        .position(|w| *w == t.lower())
        .map(|i| i as u64 + 2)
}

const NUMBER_WORDS: [&str; 11] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// The number token `k` gives, not "the two sides".
fn number_at(ctx: &Ctx, k: usize) -> Option<u64> {
    let t = ctx.tokens.get(k)?;
    if t.kind == TokenKind::Number {
        return number_at_token(t);
    }
    let words = NUMBER_WORDS;
    // not "the two sides", "both leaders"
    let parties = matches!(
        ctx.word(k + 1),
        "sides" | "countries" | "leaders" | "presidents" | "delegations" | "ministers" | "men"
    );
    words
        .iter()
        .position(|w| *w == ctx.word(k))
        .filter(|_| !parties)
        .map(|i| i as u64 + 2)
}

fn shift_weekday(w: Weekday, days: i64) -> Weekday {
    let n = (w.num_days_from_monday() as i64 + days).rem_euclid(7);
    let mut d = Weekday::Mon;
    for _ in 0..n {
        d = d.succ();
    }
    d
}

/// Whether `text` (lowercase words joined by spaces) holds `phrase` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    let padded = format!(" {text} ");
    padded.contains(&format!(" {phrase} "))
}

/// A role without a country takes the country the article gives the person.
fn fill_role_countries<'c>(
    facts: &mut [Found],
    country: impl Fn(&PersonKey) -> Option<&'c String>,
) {
    for f in facts.iter_mut() {
        if let Fact::Role {
            person,
            country: c @ None,
            ..
        } = &mut f.fact
        {
            *c = country(person).cloned();
        }
    }
}

/// "Minister Lavrov" beside "Foreign Minister Sergey Lavrov": the bare head
/// adds nothing.
fn drop_generic_titles(facts: &mut Vec<Found>) {
    let titles: Vec<(PersonKey, String)> = facts
        .iter()
        .filter_map(|f| match &f.fact {
            Fact::Role { person, title, .. } => Some((person.clone(), title.clone())),
            _ => None,
        })
        .collect();
    facts.retain(|f| match &f.fact {
        Fact::Role { person, title, .. } => !titles.iter().any(|(p, t)| {
            p == person
                && t != title
                && t.split(' ').count() > title.split(' ').count()
                && t.ends_with(title.as_str())
        }),
        _ => true,
    });
}

/// Records the countries of each meeting's delegations on the meeting.
fn with_countries(mut meetings: Vec<Meeting>, facts: &[Found]) -> Vec<Meeting> {
    for m in meetings.iter_mut() {
        for f in facts {
            if let Fact::DelegationLeader {
                meeting, country, ..
            }
            | Fact::DelegationMember {
                meeting, country, ..
            } = &f.fact
            {
                if *meeting == m.key && !m.countries.contains(country) {
                    m.countries.push(country.clone());
                }
            }
        }
        m.countries.sort();
    }
    meetings
}

/// Whether the cue at `cue` sits in a comparison clause ("as both men had
/// done at the first round"), which names another meeting than this one.
fn in_comparison(ctx: &Ctx, cue: usize) -> bool {
    let clause = (0..cue)
        .rev()
        .find(|&k| matches!(ctx.word(k), "," | ";"))
        .map_or(0, |k| k + 1);
    matches!(ctx.word(clause), "as" | "like")
        || (ctx.word(clause) == "just" && ctx.word(clause + 1) == "as")
}

/// Whether `date` falls in the three days up to the article's date: the
/// events a dateline reports.
fn reported_within_days(date: Option<NaiveDate>, reference: Option<NaiveDate>) -> bool {
    matches!((date, reference), (Some(d), Some(r)) if d <= r && (r - d).num_days() <= 3)
}

/// A headline in title case: most long words capitalised.
fn is_title_case(s: &Sentence, tokens: &[Token]) -> bool {
    let long: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text.chars().count() >= 4)
        .collect();
    s.is_heading
        && long.len() >= 4
        && long.iter().filter(|t| t.is_capitalized()).count() * 10 >= long.len() * 7
}

/// "told reporters on Thursday": the day of a telling, not of an event.
/// Also "said Wednesday", the reporting verb right before the day.
fn is_spoken_date(ctx: &Ctx, date: usize) -> bool {
    date > 0
        && ((ctx.word(date - 1) == "on"
            && (date.saturating_sub(5)..date).any(|k| REPORTING.contains(&ctx.word(k))))
            || REPORTING.contains(&ctx.word(date - 1)))
}

/// The cue a place at token `t` belongs to: the cue right after it ("the
/// Istanbul talks"), else the nearest cue before it ("held talks with the
/// crown prince in Riyadh, hosted Raisi in Beijing"), else the first after.
fn place_owner(cues: &[usize], t: usize, city: &str) -> Option<usize> {
    let len = city.split(' ').count();
    if let Some(c) = cues.iter().find(|&&c| c == t + len) {
        return Some(*c);
    }
    cues.iter()
        .filter(|&&c| c < t)
        .max()
        .or_else(|| cues.iter().filter(|&&c| c > t).min())
        .copied()
}

/// The cue a date belongs to: the nearest cue within twelve tokens with no
/// clause break (comma, semicolon, dash) between them, or within three.
fn owner_of_date(cues: &[usize], date: usize, ctx: &Ctx) -> Option<usize> {
    cues.iter()
        .copied()
        .filter(|&c| {
            let (a, b) = if c < date { (c, date) } else { (date, c) };
            let dist = b - a;
            let broken = (a..b).any(|k| {
                matches!(
                    ctx.tokens[k].text.as_str(),
                    "," | ";" | "—" | "–" | "(" | ")"
                )
            });
            // "told reporters on Thursday that ... the talks": the day of the telling
            // unless the event came first: "said on Tuesday ... after talks"
            let spoken = c > date && is_spoken_date(ctx, date) && dist > 3;
            let before_telling =
                (c.saturating_sub(6)..c).any(|k| matches!(ctx.word(k), "after" | "following"));
            if spoken && before_telling {
                return dist <= 40;
            }
            !spoken && (dist <= 6 || (dist <= 12 && !broken))
        })
        // an event is usually named before its date: "met X in Y on Thursday"
        .min_by_key(|&c| if c < date { date - c } else { 2 * (c - date) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::names::person_key;

    /// The facts of one short article, dated by its date line.
    fn facts_of(text: &str) -> Vec<Fact> {
        let doc = Document::from_text("t.txt", text);
        extract(&doc, doc.stated_date(), false, &HashMap::new(), lexicon())
            .facts
            .facts
            .into_iter()
            .map(|f| f.fact)
            .collect()
    }

    fn leader_of(facts: &[Fact], country: &str) -> Option<PersonKey> {
        facts.iter().find_map(|f| match f {
            Fact::DelegationLeader {
                country: c, person, ..
            } if c == country => Some(person.clone()),
            _ => None,
        })
    }

    fn agreements(facts: &[Fact]) -> Vec<(AgreementKind, Option<u64>, Option<NaiveDate>)> {
        facts
            .iter()
            .filter_map(|f| match f {
                Fact::Agreement {
                    meeting,
                    kind,
                    quantity,
                } => Some((*kind, *quantity, meeting.date)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_phrase_is_found_where_its_words_first_start_at_or_after_a_token() {
        let lex = lexicon();
        let clean = text::clean("The talks ended, and talks will go on after the talks end.\n");
        let sentence = text::sentences(&clean, lex).remove(0);
        let tokens = text::tokens(&sentence.text, lex);
        let m = mention::analyse(&tokens, lex);
        let ctx = Ctx::new(&sentence, &tokens, &m, Vec::new());
        // The(0) talks(1) ended(2) ,(3) and(4) talks(5) will(6) go(7) on(8)
        // after(9) the(10) talks(11) end(12) .(13)
        assert_eq!(ctx.find("talks", 0), Some(1));
        assert_eq!(ctx.find("talks", 2), Some(5));
        assert_eq!(ctx.find("talks", 6), Some(11));
        assert_eq!(ctx.find("talks", 12), None);
        assert_eq!(ctx.find("the talks end", 0), Some(10));
        assert_eq!(ctx.find("talks end", 0), Some(11));
        assert_eq!(ctx.find("talks will", 0), Some(5));
        assert_eq!(ctx.find("the", 1), Some(10));
        // a last word past the sentence's end, and words it lacks
        assert_eq!(ctx.find("end . more", 0), None);
        assert_eq!(ctx.find("ceasefire", 0), None);
        assert_eq!(ctx.find("talks began", 0), None);
    }

    #[test]
    fn a_definite_office_points_back_to_its_one_holder() {
        let facts = facts_of(
            "May 16, 2025\n\nRussian and Ukrainian delegations held talks in Istanbul on \
             Friday. Kremlin aide Vladimir Medinsky spoke first.\n\nThe Kremlin aide \
             headed Russia's team.\n",
        );
        assert_eq!(
            leader_of(&facts, "Russia"),
            Some(person_key("Vladimir Medinsky"))
        );
    }

    #[test]
    fn elliptical_delegations_take_the_verb_of_the_first() {
        let facts = facts_of(
            "September 15, 2020\n\nWASHINGTON — Israel and Bahrain signed agreements on \
             Tuesday in Washington. The Israeli delegation was led by Prime Minister \
             Benjamin Netanyahu, and Bahrain's by its foreign minister, Abdullatif Al \
             Zayani.\n",
        );
        assert_eq!(
            leader_of(&facts, "Bahrain"),
            Some(person_key("Abdullatif Al Zayani"))
        );
    }

    #[test]
    fn an_agreement_dated_by_its_verb_waits_for_the_event_of_that_day() {
        let facts = facts_of(
            "Published: 19.03.2025\n\nRussian President Vladimir Putin agreed on Tuesday to \
             a 30-day ceasefire on energy targets, which Kyiv had backed at last week's \
             talks in Jeddah.\n\nThe commitment came during a telephone call with U.S. \
             President Donald Trump.\n",
        );
        let tuesday = NaiveDate::from_ymd_opt(2025, 3, 18);
        assert!(
            agreements(&facts).contains(&(AgreementKind::Ceasefire, Some(30), tuesday)),
            "{:?}",
            agreements(&facts)
        );
        let call_on_tuesday = facts.iter().any(|f| {
            matches!(f, Fact::Meeting { meeting }
                if meeting.kind == MeetingKind::PhoneCall && meeting.date == tuesday)
        });
        assert!(call_on_tuesday);
    }

    #[test]
    fn a_stance_is_not_an_agreement_but_a_signed_deal_is() {
        let stance = facts_of(
            "May 16, 2025\n\nDelegations held talks in Istanbul on Friday. Russia is \
             committed to finding a settlement, a spokesman said.\n",
        );
        assert!(agreements(&stance).is_empty(), "{:?}", agreements(&stance));
        let signed = facts_of(
            "February 29, 2020\n\nDOHA, Qatar — The United States and the Taliban signed \
             an agreement in the Qatari capital on Saturday. Under the deal, the U.S. will \
             cut its forces to 8,600 within 135 days.\n",
        );
        let day = NaiveDate::from_ymd_opt(2020, 2, 29);
        assert!(
            agreements(&signed).contains(&(AgreementKind::Other, Some(8600), day)),
            "{:?}",
            agreements(&signed)
        );
        let in_doha = signed.iter().any(
            |f| matches!(f, Fact::Meeting { meeting } if meeting.place.as_deref() == Some("Doha")),
        );
        assert!(in_doha);
    }

    #[test]
    fn two_subjects_accompanied_by_their_ministers_each_get_theirs() {
        let facts = facts_of(
            "June 3, 2024\n\nThe summit of Greek Prime Minister Kostas Andreou and \
             Turkish President Ali Demir began in Athens on Monday. Andreou and Demir were \
             accompanied by their foreign ministers, Eleni Pappas and Murat Kaya.\n",
        );
        let members: Vec<(String, PersonKey)> = facts
            .iter()
            .filter_map(|f| match f {
                Fact::DelegationMember {
                    country, person, ..
                } => Some((country.clone(), person.clone())),
                _ => None,
            })
            .collect();
        for (country, name) in [
            ("Greece", "Kostas Andreou"),
            ("Greece", "Eleni Pappas"),
            ("Turkey", "Ali Demir"),
            ("Turkey", "Murat Kaya"),
        ] {
            assert!(
                members.contains(&(country.into(), person_key(name))),
                "{name} in {country}'s delegation: {members:?}"
            );
        }
        assert_eq!(members.len(), 4, "{members:?}");
        assert_eq!(
            leader_of(&facts, "Greece"),
            Some(person_key("Kostas Andreou"))
        );
        assert_eq!(leader_of(&facts, "Turkey"), Some(person_key("Ali Demir")));
    }

    #[test]
    fn a_plural_office_before_names_goes_to_each_with_its_country() {
        let facts = facts_of(
            "May 1, 2023\n\nForeign ministers Anna Berg of Sweden, Pedro Alves of \
             Portugal and Jan Novak of Poland met in Vienna on Monday. Presidents Kostas \
             Andreou and Ali Demir spoke by phone. Their defence ministers, Norway's Ola \
             Lunde and Finland's Aino Virtanen, joined later. The ministers, Carl Holm and \
             Eva Lind, left.\n",
        );
        let roles: Vec<(PersonKey, String, Option<String>)> = facts
            .iter()
            .filter_map(|f| match f {
                Fact::Role {
                    person,
                    title,
                    country,
                    ..
                } => Some((person.clone(), title.clone(), country.clone())),
                _ => None,
            })
            .collect();
        let has = |name: &str, title: &str, country: Option<&str>| {
            roles.contains(&(person_key(name), title.into(), country.map(Into::into)))
        };
        assert!(
            has("Anna Berg", "Foreign Minister", Some("Sweden")),
            "{roles:?}"
        );
        assert!(
            has("Pedro Alves", "Foreign Minister", Some("Portugal")),
            "{roles:?}"
        );
        assert!(
            has("Jan Novak", "Foreign Minister", Some("Poland")),
            "{roles:?}"
        );
        assert!(has("Kostas Andreou", "President", None), "{roles:?}");
        assert!(has("Ali Demir", "President", None), "{roles:?}");
        assert!(
            has("Ola Lunde", "Defense Minister", Some("Norway")),
            "{roles:?}"
        );
        assert!(
            has("Aino Virtanen", "Defense Minister", Some("Finland")),
            "{roles:?}"
        );
        // a bare "ministers" names no whole office
        assert!(
            !roles.iter().any(|(p, _, _)| *p == person_key("Carl Holm")),
            "{roles:?}"
        );
    }

    /// The (date, place) of each meeting found in `text`.
    fn meeting_keys(text: &str) -> Vec<(Option<NaiveDate>, Option<String>)> {
        facts_of(text)
            .into_iter()
            .filter_map(|f| match f {
                Fact::Meeting { meeting } => Some((meeting.date, meeting.place)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_undated_meeting_in_the_dateline_city_is_on_the_leads_day() {
        let keys = meeting_keys(
            "Neighbours seal border deal after marathon Lisbon talks\n\nPublished 9 March \
             2023\n\nLISBON (Reuters) - Two neighbours reached a long-sought deal on Tuesday \
             to settle a border dispute.\n\nThe final round was held at a palace hotel and \
             was chaired by a mediator.\n",
        );
        let day = NaiveDate::from_ymd_opt(2023, 3, 7);
        assert!(keys.contains(&(day, Some("Lisbon".into()))), "{keys:?}");
        assert!(keys.iter().all(|(d, _)| d.is_some()), "{keys:?}");
    }

    #[test]
    fn a_day_without_place_and_a_place_without_day_are_one_event() {
        let keys = meeting_keys(
            "2023-03-09T10:00:00Z\n\nThe two foreign ministers held talks on Thursday \
             for the first time in a year.\n\nA mediator chaired the session at a hotel \
             in Antalya.\n",
        );
        let day = NaiveDate::from_ymd_opt(2023, 3, 9);
        assert!(keys.contains(&(day, Some("Antalya".into()))), "{keys:?}");
        assert!(
            keys.iter().all(|k| *k == (day, Some("Antalya".into()))),
            "{keys:?}"
        );
    }

    #[test]
    fn a_dateline_in_title_case_with_its_day_and_the_city_it_names() {
        let keys = meeting_keys(
            "Mon 6 Mar 2023 - 18:00 GMT\n\nLisbon, Mar 6 (AFP) - Two neighbours ended \
             talks on Monday.\n\nTheir envoys had met over dinner in the city on Sunday.\n",
        );
        assert!(
            keys.contains(&(NaiveDate::from_ymd_opt(2023, 3, 6), Some("Lisbon".into()))),
            "{keys:?}"
        );
        assert!(
            keys.contains(&(NaiveDate::from_ymd_opt(2023, 3, 5), Some("Lisbon".into()))),
            "{keys:?}"
        );
    }

    #[test]
    fn an_office_shared_over_a_list_goes_to_each_in_order() {
        let facts = facts_of(
            "May 1, 2023\n\nThe foreign ministers of Armenia and Azerbaijan, Ararat \
             Mirzoyan and Jeyhun Bayramov, began talks in Washington on Monday.\n",
        );
        let role_of = |name: &str| {
            facts.iter().find_map(|f| match f {
                Fact::Role {
                    person,
                    title,
                    country,
                    ..
                } if *person == person_key(name) => Some((title.clone(), country.clone())),
                _ => None,
            })
        };
        assert_eq!(
            role_of("Ararat Mirzoyan"),
            Some(("Foreign Minister".into(), Some("Armenia".into())))
        );
        assert_eq!(
            role_of("Jeyhun Bayramov"),
            Some(("Foreign Minister".into(), Some("Azerbaijan".into())))
        );
    }

    #[test]
    fn earlier_rounds_listed_by_day_are_each_a_meeting_where_the_talks_are() {
        let facts = facts_of(
            "July 24, 2025\n\nISTANBUL — Russian and Ukrainian delegations held talks in \
             Istanbul on Wednesday. The first two rounds were held on May 16 and June 2.\n",
        );
        for (m, d) in [(5, 16), (6, 2)] {
            let day = NaiveDate::from_ymd_opt(2025, m, d);
            let found = facts.iter().any(|f| {
                matches!(f, Fact::Meeting { meeting }
                    if meeting.date == day && meeting.place.as_deref() == Some("Istanbul"))
            });
            assert!(found, "no round on {day:?}");
        }
    }
}
