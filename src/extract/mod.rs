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
use crate::lexicon::{first_word, Cue, Lexicon};
use crate::mention::{self, Mentions, NameMention};
use crate::names::{ends_in_patronymic, person_key, surname_key};
use crate::text::{self, Sentence, Token, TokenKind};
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeMap, HashMap};

mod agreements;
mod chairs;
mod ctx;
mod delegations;
mod meetings;
mod merge;
mod roles;

use ctx::Ctx;

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
    /// Set apart from the main event ("held separate talks on Sunday"):
    /// not one of its days.
    separate: bool,
    /// Held at a distance ("their summit by video link"): in no one place.
    remote: bool,
    sentence: usize,
    /// Index of the merged meeting, set by `merge_meetings`.
    merged: Option<usize>,
}

impl MeetingMention {
    fn is_bare(&self) -> bool {
        self.date.is_none() && self.year.is_none() && self.place.is_none() && self.venue.is_none()
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
    /// The meeting mention the last agreement was made at ("Under the
    /// agreement, ..." goes on about it).
    agreed_at: Option<usize>,
    /// The last sentence that gave a deal's terms ("Under the agreement,
    /// ..."): the next may go on giving them ("Both sides are to return
    /// prisoners of war within 60 days").
    terms_at: Option<usize>,
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
        dateline_country: None,
        dateline_at: None,
        lead_at: None,
        lead_day: None,
        kind_quantity: HashMap::new(),
        office_holders: HashMap::new(),
        span_days: 1,
        headline_summit: false,
        sides: None,
        government: None,
    };
    // full names first, so a later "Lavrov" finds "Sergey Lavrov"; not from
    // a headline, whose capitals make names of "Kim Sign Joint Statement"
    let body: Vec<&Mentions> = sentences
        .iter()
        .zip(&analysed)
        .filter(|(s, (t, _))| !is_title_case(s, t))
        .map(|(_, (_, m))| m)
        .collect();
    // not a father's name ("Mohammed bin Salman" is no "King Salman")
    for m in &body {
        for n in &m.names {
            if n.end - n.start >= 2 && !ends_in_patronymic(&n.text) {
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
            if words.len() >= 2 && !mention::has_particle(&n.text, lex) {
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
        // "CARTAGENA, Colombia —", else the country whose capital it is
        let (tokens, m) = &analysed[i];
        x.dateline_country = (m.countries.iter())
            .find(|c| c.start > 0 && c.start <= 4 && tokens[c.start - 1].text == ",")
            .map(|c| c.country.clone())
            .or_else(|| lex.country_of_capital(&city));
        x.dateline = Some(city);
        x.dateline_at = Some(i);
    }
    // the lead: the dateline's sentence, or else the first of the body
    x.lead_at = x.dateline_at.or_else(|| {
        (sentences.iter().zip(&analysed).take(8))
            .position(|(s, (t, _))| !s.is_heading && t.len() >= 12)
    });
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
    /// The country of the dateline: the one it names, or whose capital it
    /// is. An office the article gives without a country is of this one
    /// ("SEOUL — President Moon Jae-in").
    dateline_country: Option<String>,
    /// The sentence that opens with the dateline.
    dateline_at: Option<usize>,
    /// The lead sentence: the dateline's, or the first of the body.
    lead_at: Option<usize>,
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
    /// The two sides the article last named as a pair of countries ("Japan
    /// and China"), with the sentence that named them.
    sides: Option<(String, String, usize)>,
    /// The country whose government the article last named ("the
    /// Colombian government and the ELN"): the government's delegation.
    government: Option<String>,
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
        // words a city's name can be made of: not "PM" or "By"
        let plain = words.iter().all(|t| {
            t.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !lex.non_names.contains(t.lower())
        });
        let day_follows = tokens
            .get(len + 1)
            .is_some_and(|t| dates::month_number(&t.text).is_some())
            && tokens
                .get(len + 2)
                .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()));
        if all_caps && matches!(next, Some("," | "—" | "–" | "-" | "(" | ":")) {
            if let Some(city) = lex.city(&phrase) {
                return Some(city.to_string());
            }
            // "GUATEMALA, Aug. 7 (EFE) -", "KUWAIT (Reuters) -": a country
            // named for its capital, when the day or the agency follows (not
            // a headline's "INDIA, PAKISTAN SIGN ...")
            if next == Some("(") || (next == Some(",") && day_follows) {
                let capital = lex
                    .country_proper(&phrase)
                    .and_then(|c| lex.capitals.get(c));
                if let Some(capital) = capital {
                    return Some(capital.clone());
                }
            }
            let then = tokens.get(len + 1);
            let introduces = match next {
                Some(",") => then.is_some_and(|t| t.is_capitalized()),
                _ => false,
            };
            if introduces && plain && lex.country(&phrase).is_none() {
                return Some(text::title_case(&phrase));
            }
        }
        // "Geneva, Jan 10 (AFP) -": a known city in title case, then the day
        let titled = words
            .iter()
            .all(|t| t.kind == TokenKind::Word && t.is_capitalized());
        if titled && next == Some(",") && day_follows {
            if let Some(city) = lex.city(&phrase) {
                return Some(city.to_string());
            }
        }
        // "Crans-Montana, Switzerland (dpa) -": a city the gazetteer lacks,
        // then its country and the agency or a dash
        let country_then_agency = (1..=3).any(|n| {
            let Some(country) = tokens.get(len + 1..len + 1 + n) else {
                return false;
            };
            let name = country.iter().map(|t| t.text.as_str()).collect::<Vec<_>>();
            lex.country(&name.join(" ")).is_some()
                && matches!(
                    tokens.get(len + 1 + n).map(|t| t.text.as_str()),
                    Some("(" | "—" | "–" | "-")
                )
        });
        if titled
            && next == Some(",")
            && country_then_agency
            && plain
            && lex.country(&phrase).is_none()
        {
            return Some(lex.city(&phrase).unwrap_or(&phrase).to_string());
        }
    }
    None
}

impl Extractor<'_> {
    pub(super) fn evidence(&self, s: &Sentence, rule: &'static str) -> Evidence {
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

    pub(super) fn emit(&mut self, ctx: &Ctx, rule: &'static str, p: Pending) {
        let ev = self.evidence(ctx.sentence, rule);
        if !self.trace[ctx.sentence.index].contains(&rule) {
            self.trace[ctx.sentence.index].push(rule);
        }
        self.pending.push((p, ev));
    }

    /// The person a name mention stands for, registering the full name.
    pub(super) fn resolve_name(&mut self, text: &str) -> PersonKey {
        let single = text.split_whitespace().count() < 2;
        // "President Ayub Khan" after "Mohammad Ayub Khan": the full name
        let tail_of = |full: &str| {
            full.len() > text.len()
                && full
                    .to_lowercase()
                    .ends_with(&format!(" {}", text.to_lowercase()))
        };
        let full = match self.surnames.get(&surname_key(text)) {
            Some(full) if single || tail_of(full) => full.clone(),
            None if single => {
                if !self.bare_surnames.contains(&text.to_string()) {
                    self.bare_surnames.push(text.to_string());
                }
                text.to_string()
            }
            _ => text.to_string(),
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

    pub(super) fn sentence(&mut self, s: &Sentence, tokens: &[Token], m: &Mentions) {
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
        let mut ctx = Ctx::new(s, tokens, m, persons, self.lex);
        self.discourse.prior_any = self.discourse.last_any;
        if let Some(d) = (0..tokens.len()).filter_map(|k| span_at(&ctx, k)).max() {
            self.span_days = self.span_days.max(d);
        }
        self.resolve_dates(&mut ctx);
        if let Some(d) = self.reference.and_then(|r| opened_span(&ctx, r)) {
            self.span_days = self.span_days.max(d);
        }
        self.countries_of_people(&ctx);
        self.meetings(&mut ctx);
        self.roles(&ctx);
        self.roles_in_clauses(&ctx);
        self.counterparts(&ctx);
        self.sides_of_pairs(&ctx);
        self.note_government(&ctx);
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
            .filter(|(_, _, e)| matches!(e, DateExpr::Weekday { .. }) || e.is_calendar_day())
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
    pub(super) fn office_anaphors(
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
    pub(super) fn resolve_dates(&mut self, ctx: &mut Ctx) {
        let mut previous = self.discourse.last_date;
        let quoted = ctx.in_quotes();
        for dm in dates::mentions(&ctx.sentence.text) {
            let Some(tok) = ctx.tokens.iter().position(|t| t.start >= dm.start) else {
                continue;
            };
            // "since 2022": not the date of anything here
            let prev = |k: usize| if tok >= k { ctx.word(tok - k) } else { "" };
            if matches!(prev(1), "since" | "before" | "until" | "over" | "than")
                || (matches!(prev(1), "early" | "late" | "mid" | "the")
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
            // "the truce would take effect on Sunday": the coming one
            let clause = (tok.saturating_sub(12)..tok)
                .rev()
                .take_while(|&k| !matches!(ctx.word(k), "," | ";"));
            let expr = match dm.expr {
                DateExpr::Weekday { day, direction: 0 }
                    if clause.clone().any(|k| ctx.is(k, Cue::FutureMarker)) =>
                {
                    DateExpr::Weekday { day, direction: 2 }
                }
                ref e => e.clone(),
            };
            let resolved = expr.resolve(reference, previous);
            // "agreed to resume their negotiations in Vienna on April 16",
            // told in December: the coming April (not "was due to start
            // on May 2", told days later)
            let coming = matches!(expr, DateExpr::MonthDay { .. })
                && clause
                    .clone()
                    .any(|k| ctx.is(k, Cue::FutureMarker) || ctx.is(k, Cue::ResumeVerb));
            let resolved = match (resolved, reference) {
                (Some(d), Some(r)) if coming && (r - d).num_days() > 60 => {
                    d.with_year(d.year() + 1)
                }
                _ => resolved,
            };
            if resolved.is_some() {
                previous = resolved;
            }
            ctx.dates.push((tok, resolved, expr));
        }
        // an explicit month-day next to a weekday ("next Monday, June 2") wins
        if ctx.dates.iter().any(|(_, _, e)| e.is_calendar_day()) {
            let explicit: Vec<(usize, Option<NaiveDate>)> = ctx
                .dates
                .iter()
                .filter(|(_, _, e)| e.is_calendar_day())
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
        if self.lead_at == Some(ctx.sentence.index) && !quoted {
            self.lead_day = ctx
                .dates
                .iter()
                .filter(|(_, _, e)| {
                    matches!(
                        e,
                        DateExpr::Weekday { .. } | DateExpr::Absolute(_) | DateExpr::Deictic(_)
                    )
                })
                .find_map(|(_, d, _)| d.filter(|_| reported_within_days(*d, self.reference)));
        }
        if self.discourse.speech_date.is_none() && ctx.any(0..ctx.tokens.len(), Cue::ReportingVerb)
        {
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
    pub(super) fn countries_of_people(&mut self, ctx: &Ctx) {
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
}

/// The number a token gives: digits ("1,000") or a word from two to
/// twelve ("within two months"; "one" and "a" say too little).
pub(super) fn number_at_token(t: &Token) -> Option<u64> {
    if t.kind == TokenKind::Number {
        return t.text.replace(',', "").parse::<u64>().ok();
    }
    number_word(t.lower())
}

/// The number a word from two to twelve gives, in any case.
fn number_word(word: &str) -> Option<u64> {
    NUMBER_WORDS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|i| i as u64 + 2)
}

/// How many days of talks the words at `k` give: "four days of
/// negotiations", "21 days of closed-door talks", "a week of talks", "the
/// 13-day summit", "three-day talks" (not "60 days of calm"). At most 31.
fn span_at(ctx: &Ctx, k: usize) -> Option<u32> {
    let n = ctx.tokens.len();
    let session_within =
        |from: usize, to: usize| (from..to.min(n)).any(|t| ctx.is(t, Cue::SessionNoun));
    let count = |t: &Token| match t.lower() {
        "a" | "one" => Some(1),
        _ => number_at_token(t),
    };
    let t = &ctx.tokens[k];
    let days = match (ctx.word(k + 1), ctx.word(k + 2), ctx.word(k + 3)) {
        ("days", "of", _) if session_within(k + 3, k + 6) => number_at_token(t),
        ("week" | "weeks", "of", _) if session_within(k + 3, k + 6) => count(t).map(|w| w * 7),
        ("-", "day", _) if session_within(k + 3, k + 6) => number_at_token(t),
        _ => {
            // "three-day talks": one token
            let (number, day) = t.text.split_once('-')?;
            (day.eq_ignore_ascii_case("day") && session_within(k + 1, k + 4))
                .then(|| number_word(number))
                .flatten()
        }
    }?;
    u32::try_from(days).ok().filter(|d| *d <= 56)
}

/// "closed a conference that opened on Tuesday", "at the end of talks that
/// began on October 25": the days from that opening to the article's date
/// (`reference`), for the event the sentence closes.
fn opened_span(ctx: &Ctx, reference: NaiveDate) -> Option<u32> {
    let n = ctx.tokens.len();
    (0..n)
        .filter(|&t| ctx.is(t, Cue::SessionNoun))
        .filter_map(|t| {
            let verb = if matches!(ctx.word(t + 1), "that" | "which") {
                t + 2
            } else {
                t + 1
            };
            // (the event the sentence closes, not "the final round of
            // private talks began on Jan. 8" told in passing)
            let closed = (t.saturating_sub(6)..t).any(|k| {
                matches!(
                    ctx.word(k),
                    "closed" | "ended" | "concluded" | "close" | "end"
                )
            });
            if !closed || !matches!(ctx.word(verb), "opened" | "began" | "started" | "convened") {
                return None;
            }
            let day = (ctx.dates.iter())
                .find(|(k, _, _)| *k > verb && *k <= verb + 3)
                .and_then(|(_, d, _)| *d)?;
            let days = (reference - day).num_days() + 1;
            u32::try_from(days).ok().filter(|d| (2..=31).contains(d))
        })
        .max()
}

const NUMBER_WORDS: [&str; 11] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// Whether `date` falls in the three days up to the article's date: the
/// events a dateline reports.
pub(super) fn reported_within_days(date: Option<NaiveDate>, reference: Option<NaiveDate>) -> bool {
    matches!((date, reference), (Some(d), Some(r)) if d <= r && (r - d).num_days() <= 3)
}

/// A headline in title case: most long words capitalised.
pub(super) fn is_title_case(s: &Sentence, tokens: &[Token]) -> bool {
    let long: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text.chars().count() >= 4)
        .collect();
    s.is_heading
        && long.len() >= 4
        && long.iter().filter(|t| t.is_capitalized()).count() * 10 >= long.len() * 7
}

#[cfg(test)]
mod tests;
