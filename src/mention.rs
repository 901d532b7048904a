//! Mentions in one sentence: names of people, offices, countries, cities and
//! venues, found over the sentence's tokens with the lexicon.
//!
//! A person is found from context, never from a list of names: a run of
//! capitalised words that are not countries, offices, places or sentence
//! words. Offices are phrases built from the lexicon's office words, with the
//! country they belong to.

use crate::lexicon::{Cue, Lexicon, OfficeWord};
use crate::names;
use crate::text::{Token, TokenKind};
use rustc_hash::FxHashSet as HashSet;

/// Words that join an office head to its complement.
const CONNECTORS: [&str; 4] = ["of", "for", "at", "on"];

/// How a country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryForm {
    /// Name or adjective (`Russia`, `Russian`, `U.S.`).
    Proper,
    /// A capital or institution standing for it (`Kremlin`, `Moscow`).
    Metonym,
}

/// A country named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMention {
    /// First token.
    pub start: usize,
    /// One past the last token (the possessive `'s` not included).
    pub end: usize,
    /// Canonical country.
    pub country: String,
    /// How it was named.
    pub form: CountryForm,
    /// Followed by a possessive `'s`.
    pub possessive: bool,
}

/// An office phrase (`Deputy Head of the Security Service of Ukraine`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeMention {
    /// First token (including `former` and the country adjective).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The office, title-cased, without the country adjective.
    pub title: String,
    /// The country the phrase names (adjective, possessive or complement).
    pub country: Option<String>,
    /// Marked `former` (not held now).
    pub former: bool,
    /// A role in a delegation (`chief negotiator`, `head of the delegation`),
    /// not an office.
    pub delegation_role: bool,
}

/// A run of tokens that reads as a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The name as written, tokens joined by spaces.
    pub text: String,
}

/// The mentions of one sentence.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// Names, in order.
    pub names: Vec<NameMention>,
    /// Offices, in order, each with the name it attaches to (index in `names`).
    pub offices: Vec<(OfficeMention, Option<usize>)>,
    /// Countries, in order.
    pub countries: Vec<CountryMention>,
    /// Cities (canonical), with their first token.
    pub cities: Vec<(usize, String)>,
    /// Venue names (`Dolmabahce Palace`), with their first token.
    pub venues: Vec<(usize, String)>,
}

/// Matches the longest phrase of up to four tokens starting at `i` that `find`
/// accepts; returns its length and value. A token whose word starts no
/// entry (`starts`: the gazetteer's first words) builds no phrase.
fn longest<'a, T>(
    tokens: &[Token],
    i: usize,
    starts: &HashSet<String>,
    find: impl Fn(&str) -> Option<T> + 'a,
) -> Option<(usize, T)> {
    if !starts.contains(tokens.get(i)?.lower()) {
        return None;
    }
    // the words from i (at most four), joined once; shorter phrases are
    // its prefixes
    let words = tokens
        .get(i..)?
        .iter()
        .take(4)
        .take_while(|t| t.kind == TokenKind::Word)
        .count();
    let mut phrase = String::new();
    let mut ends = Vec::with_capacity(words);
    for t in &tokens[i..i + words] {
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(&t.text);
        ends.push(phrase.len());
    }
    for len in (1..=words).rev() {
        if let Some(v) = find(&phrase[..ends[len - 1]]) {
            return Some((len, v));
        }
    }
    None
}

/// Whether a token is a rank or honour word, returning the rank's length.
pub fn rank_at(tokens: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    lex.ranks.iter().find_map(|rank| {
        let ok = rank.len() <= tokens.len().saturating_sub(i)
            && rank.iter().zip(&tokens[i..]).all(|(r, t)| {
                *r == t.lower() || (r.ends_with('.') && r.trim_end_matches('.') == t.lower())
            });
        ok.then_some(rank.len())
    })
}

/// The first token at or after `i` that is not part of a rank or honour
/// ("Colonel General", "Admiral").
fn past_ranks(tokens: &[Token], mut i: usize, lex: &Lexicon) -> usize {
    while let Some(len) = rank_at(tokens, i, lex) {
        i += len;
    }
    i
}

/// Whether a name holds a particle ("Mohammed bin Salman", "al-Aiban").
pub fn has_particle(name: &str, lex: &Lexicon) -> bool {
    name.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        lex.particles.contains(&w)
            || w.split_once('-')
                .is_some_and(|(p, _)| lex.particles.contains(p))
    })
}

/// Whether `t` is a name particle as written (lowercase: "bin", not "Bin").
fn is_particle(t: &Token, lex: &Lexicon) -> bool {
    lex.particles.contains(&t.text)
}

/// "Vice Premier He Lifeng told": a pronoun that is also a family name
/// opens a name when one name word follows it and then a word that is not
/// capitalised (not a title-case headline's "He Says Talks").
fn pronoun_surname(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    let t = &tokens[i];
    t.is_capitalized()
        && t.text.chars().skip(1).all(char::is_lowercase)
        && lex.is_cue(Cue::PronounSurname, t.lower())
        && tokens.get(i + 1).is_some_and(|n| is_name_word(n, lex))
        && tokens.get(i + 2).is_none_or(|n| !n.is_capitalized())
}

/// Whether `t` is one capital letter: an initial ("A." of "Henry A.
/// Kissinger", "S" of "S Jaishankar").
fn is_letter(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text.len() == 1 && t.text.chars().all(|c| c.is_ascii_uppercase())
}

/// How many capitalised words from `start` (at most `max`) can name a
/// place or venue: no sentence opener, and each passing `ok`.
fn capitalised_run(
    tokens: &[Token],
    start: usize,
    max: usize,
    lex: &Lexicon,
    ok: impl Fn(usize) -> bool,
) -> usize {
    (start..(start + max).min(tokens.len()))
        .take_while(|&k| {
            let t = &tokens[k];
            t.kind == TokenKind::Word
                && t.is_capitalized()
                && !lex.non_names.contains(t.lower())
                && ok(k)
        })
        .count()
}

/// The words of `tokens` joined by spaces.
fn joined(tokens: &[Token]) -> String {
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    words.join(" ")
}

/// Whether `t` can be a word of a person's name.
pub fn is_name_word(t: &Token, lex: &Lexicon) -> bool {
    if !t.is_capitalized() {
        // al-Sisi, bin-Salman: a lowercase particle joined to a capital
        return t.kind == TokenKind::Word
            && t.text.split_once('-').is_some_and(|(p, rest)| {
                lex.particles.contains(p) && rest.chars().next().is_some_and(char::is_uppercase)
            });
    }
    let text = t.text.as_str();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || text.contains('.') {
        return false;
    }
    if letters > 1
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false; // ALL CAPS: an acronym or a shouted heading
    }
    if text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = t.lower();
    if lex.non_names.contains(lower)
        || lex.country(text).is_some()
        || lex.city(text).is_some()
        || lex.regions.contains(lower)
        || !lex.office_word(text).is_empty()
        // "Senators J. William Fulbright, ...": an office in the plural
        || lower.strip_suffix('s').is_some_and(|one| lex.is_office_head(one))
        || lex.not_offices.contains(lower)
        || lex.venues.contains(lower)
        || lex
            .ranks
            .iter()
            .any(|r| r.len() == 1 && r[0].trim_end_matches('.') == lower)
        || lex.meeting_words.iter().any(|(w, _)| *w == lower)
    {
        return false;
    }
    // Russian-Ukrainian, Putin-Zelensky: compounds of two capitalised parts
    // name a pair of sides, not a person
    if let Some((a, b)) = text.split_once('-') {
        let cap = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        if cap(a) && cap(b) && (lex.country(a).is_some() || lex.country(b).is_some()) {
            return false;
        }
    }
    true
}

/// Analyses one tokenised sentence.
pub fn analyse(tokens: &[Token], lex: &Lexicon) -> Mentions {
    let mut m = Mentions::default();
    // places first: they are never part of a name
    let mut place_token = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let starts = &lex.place_starts;
        if let Some((len, city)) = longest(tokens, i, starts, |p| lex.city(p).map(str::to_string)) {
            m.cities.push((i, city));
            place_token[i..i + len].iter_mut().for_each(|p| *p = true);
            i += len;
            continue;
        }
        if let Some((len, ())) = longest(tokens, i, starts, |p| {
            lex.regions.contains(&p.to_lowercase()).then_some(())
        }) {
            place_token[i..i + len].iter_mut().for_each(|p| *p = true);
            i += len;
            continue;
        }
        i += 1;
    }
    // "the Greek fishing village of Psarades": a place the gazetteer may lack
    for k in 0..tokens.len().saturating_sub(2) {
        if !(lex.is_cue(Cue::CityNoun, tokens[k].lower()) && tokens[k + 1].lower() == "of") {
            continue;
        }
        let start = k + 2;
        let words = capitalised_run(tokens, start, 3, lex, |j| {
            lex.country(&tokens[j].text).is_none()
        });
        if words == 0 || place_token[start..start + words].iter().any(|p| *p) {
            continue;
        }
        m.cities
            .push((start, joined(&tokens[start..start + words])));
        place_token[start..start + words]
            .iter_mut()
            .for_each(|p| *p = true);
    }
    m.cities.sort();
    // countries (names, adjectives, metonyms; multi-word first)
    let mut i = 0;
    while i < tokens.len() {
        if let Some((len, (country, form))) = longest(tokens, i, &lex.place_starts, |p| {
            lex.country_proper(p)
                .map(|c| (c.to_string(), CountryForm::Proper))
                .or_else(|| {
                    lex.metonyms
                        .get(&p.to_lowercase())
                        .map(|c| (c.clone(), CountryForm::Metonym))
                })
        }) {
            let possessive = tokens
                .get(i + len)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
            m.countries.push(CountryMention {
                start: i,
                end: i + len,
                country,
                form,
                possessive,
            });
            if len > 1 {
                place_token[i..i + len].iter_mut().for_each(|p| *p = true);
            }
            i += len;
            continue;
        }
        // then-UK, pro-Russian: a country after a hyphenated prefix
        if let Some((_, rest)) = tokens[i].text.split_once('-') {
            if let Some(c) = lex.country_proper(rest) {
                m.countries.push(CountryMention {
                    start: i,
                    end: i + 1,
                    country: c.to_string(),
                    form: CountryForm::Proper,
                    possessive: false,
                });
            }
        }
        i += 1;
    }
    // venues known by name: "at the Kremlin", "in the Oval Office"
    for (words, name, _) in &lex.venue_names {
        for i in 0..tokens.len() {
            let here = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower() == *w));
            // "at the Kremlin", "in the Oval Office"; not "the Kremlin said"
            let place_word =
                |k: usize| matches!(tokens[k].lower(), "at" | "in" | "inside" | "to" | "from");
            // "on the South Lawn of the White House": part of another venue
            let of_venue = |k: usize| {
                tokens[k].lower() == "of" && k > 0 && lex.venues.contains(tokens[k - 1].lower())
            };
            let introduced = tokens[i].is_capitalized()
                && i > 0
                && (place_word(i - 1)
                    || (i > 1
                        && tokens[i - 1].lower() == "the"
                        && (place_word(i - 2) || of_venue(i - 2))));
            if here && introduced && !m.venues.iter().any(|(s, _)| *s == i) {
                m.venues.push((i, name.clone()));
            }
        }
    }
    // "in Turnberry, Scotland", "in Glassboro, N.J.": a place the gazetteer
    // lacks, named with its country or state; "at Bang Saen, a seaside
    // resort": named with what it is
    for k in 0..tokens.len() {
        if !matches!(tokens[k].lower(), "in" | "at") {
            continue;
        }
        let start = k + 1;
        let words = capitalised_run(tokens, start, 3, lex, |j| {
            !place_token[j] && lex.country(&tokens[j].text).is_none()
        });
        let comma = start + words;
        if words == 0 || tokens.get(comma).is_none_or(|t| t.text != ",") {
            continue;
        }
        let country_follows = m
            .countries
            .iter()
            .any(|c| c.start == comma + 1 && !c.possessive && c.form == CountryForm::Proper);
        let region_follows = longest(tokens, comma + 1, &lex.place_starts, |p| {
            lex.regions.contains(&p.to_lowercase()).then_some(())
        })
        .is_some();
        let described = tokens
            .get(comma + 1)
            .is_some_and(|t| matches!(t.lower(), "a" | "an"))
            && (comma + 2..(comma + 5).min(tokens.len()))
                .any(|j| lex.is_cue(Cue::CityNoun, tokens[j].lower()));
        let named = if tokens[k].lower() == "in" {
            country_follows || region_follows || described
        } else {
            described
        };
        if !named {
            continue;
        }
        m.cities.push((start, joined(&tokens[start..comma])));
        place_token[start..comma].iter_mut().for_each(|p| *p = true);
    }
    m.cities.sort();
    // venues: capitalised words ending in a venue head word ("Dolmabahce
    // Palace", "the Sheraton hotel"), or opening with one ("Villa La Grange")
    let venue_word = |k: usize| {
        tokens[k].is_capitalized()
            && !place_token[k]
            && lex.country(&tokens[k].text).is_none()
            && !lex.non_names.contains(tokens[k].lower())
    };
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || !lex.venues.contains(t.lower()) {
            continue;
        }
        // "the Red Sea resort of Sharm el-Sheikh": a town described, no venue
        if lex.is_cue(Cue::CityNoun, t.lower()) && tokens.get(i + 1).is_some_and(|n| n.text == "of")
        {
            continue;
        }
        let mut s = i;
        while s > 0 && venue_word(s - 1) {
            s -= 1;
        }
        // "the Omani Embassy": a country's word alone before the head
        let country_word = |k: usize| lex.country_proper(&tokens[k].text).is_some();
        if s == i
            && s > 1
            && t.is_capitalized()
            && tokens[s - 2].lower() == "the"
            && country_word(s - 1)
        {
            s -= 1;
        }
        // "the Kigali Convention Centre": a city's name opening a venue's
        // name of capitalised words
        let city_before = (m.cities.iter())
            .find(|(c, name)| *c > 0 && *c + name.split(' ').count() == s)
            .map(|(c, _)| *c);
        if let Some(c) = city_before.filter(|&c| s < i && tokens[c - 1].lower() == "the") {
            if t.is_capitalized() {
                s = c;
            }
        }
        // ... and the name after a capitalised head: "Joint Base
        // Elmendorf-Richardson", "Palace of Independence"
        let mut e = i + 1;
        if t.is_capitalized() {
            loop {
                if e < tokens.len() && e < i + 4 && (venue_word(e) || is_particle(&tokens[e], lex))
                {
                    e += 1;
                } else if e == i + 1 && tokens.get(e).is_some_and(|t| t.text == "of") {
                    // "Palace of Independence", "the Great Hall of the People"
                    let the = tokens.get(e + 1).is_some_and(|t| t.text == "the");
                    let name = e + 1 + usize::from(the);
                    if !tokens.get(name).is_some_and(|_| venue_word(name)) {
                        break;
                    }
                    e = name + 1;
                } else {
                    break;
                }
            }
        }
        if s < i || e > i + 1 {
            let name = tokens[s..e]
                .iter()
                .map(|t| {
                    let mut c = t.text.chars();
                    match c.next() {
                        Some(f) if lex.venues.contains(t.lower()) => {
                            f.to_uppercase().chain(c).collect()
                        }
                        _ => t.text.clone(),
                    }
                })
                .collect::<Vec<String>>()
                .join(" ");
            if !m.venues.iter().any(|(v, _)| *v == s) {
                m.venues.push((s, name));
            }
        }
    }
    // "at his official residence, Seri Perdana, here": a venue noun, then
    // the venue's name in apposition (not "at the palace, Putin said")
    for i in 2..tokens.len() {
        let head = &tokens[i];
        let introduced = (i.saturating_sub(5)..i).any(|k| matches!(tokens[k].lower(), "at" | "in"));
        if head.is_capitalized()
            || !lex.venues.contains(head.lower())
            || !introduced
            || tokens.get(i + 1).is_none_or(|t| t.text != ",")
        {
            continue;
        }
        let start = i + 2;
        let words = capitalised_run(tokens, start, 4, lex, |k| !place_token[k]);
        let closed = tokens
            .get(start + words)
            .is_none_or(|t| matches!(t.text.as_str(), "," | "." | ";" | "here"));
        if words == 0 || !closed || m.venues.iter().any(|(v, _)| *v == start) {
            continue;
        }
        m.venues
            .push((start, joined(&tokens[start..start + words])));
    }
    m.venues.sort();
    // names
    let mut i = 0;
    while i < tokens.len() {
        // "Mr T. N. Kaul": initials, then a name word
        let initial = |k: usize| {
            tokens.get(k).is_some_and(is_letter) && tokens.get(k + 1).is_some_and(|d| d.text == ".")
        };
        let mut first_name = i;
        while initial(first_name) {
            first_name += 2;
        }
        // ("S Jaishankar", "H D Deve Gowda": capital letters, no dots,
        // not opening with "A" or "I")
        let mut after_letters = i;
        while tokens.get(after_letters).is_some_and(is_letter) && after_letters < i + 3 {
            after_letters += 1;
        }
        let bare_initial = after_letters > i
            && !matches!(tokens[i].text.as_str(), "A" | "I")
            && tokens
                .get(after_letters)
                .is_some_and(|t| is_name_word(t, lex));
        if bare_initial {
            first_name = after_letters;
        }
        let opens_with_initials = first_name > i
            && !place_token[i]
            && tokens.get(first_name).is_some_and(|t| is_name_word(t, lex));
        if !opens_with_initials
            && (place_token[i]
                || !(is_name_word(&tokens[i], lex) || pronoun_surname(tokens, i, lex))
                || is_particle(&tokens[i], lex))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = if opens_with_initials {
            first_name + 1
        } else {
            i + 1
        };
        while end < tokens.len() {
            let t = &tokens[end];
            // "von der Leyen": a chain of particles before a name word
            let particles_then_name = is_particle(t, lex) && {
                let mut k = end;
                while tokens.get(k).is_some_and(|t| is_particle(t, lex)) {
                    k += 1;
                }
                tokens.get(k).is_some_and(|n| is_name_word(n, lex))
            };
            // "Henry A. Kissinger": a middle initial between name words
            let initial_then_name = is_letter(t)
                && tokens.get(end + 1).is_some_and(|d| d.text == ".")
                && tokens.get(end + 2).is_some_and(|n| is_name_word(n, lex));
            // "Hassan Sheikh Mohamud": a one-word rank inside a name
            let rank_inside = rank_at(tokens, end, lex) == Some(1)
                && t.is_capitalized()
                && tokens.get(end + 1).is_some_and(|n| is_name_word(n, lex));
            if (!place_token[end] && is_name_word(t, lex)) || particles_then_name || rank_inside {
                end += 1;
            } else if initial_then_name {
                end += 2;
            } else {
                break;
            }
        }
        // "Benigno Aquino III", "Llewellyn E. Thompson Jr.": the suffix
        // belongs to the name
        if end > start + 1 && tokens.get(end).is_some_and(|t| names::is_suffix(&t.text)) {
            end += 1;
        }
        // a venue's words are not a name
        let in_venue = m
            .venues
            .iter()
            .any(|(s, v)| *s <= start && start < *s + v.split(' ').count());
        let particles = tokens[start..end]
            .iter()
            .filter(|t| is_particle(t, lex) || t.text.contains('-'))
            .count();
        let initials = tokens[start..end].iter().filter(|t| t.text == ".").count();
        if !in_venue && end - start <= 4 + particles.min(3) + 2 * initials {
            // the initial keeps its dot: "Henry A. Kissinger"
            let mut text = String::new();
            for t in &tokens[start..end] {
                if !text.is_empty() && t.text != "." {
                    text.push(' ');
                }
                text.push_str(&t.text);
            }
            m.names.push(NameMention { start, end, text });
        }
        i = end;
    }
    // offices
    let mut i = 0;
    while i < tokens.len() {
        if let Some(office) = parse_office(tokens, i, lex, &m) {
            let next = office.end.max(i + 1);
            m.offices.push((office, None));
            i = next;
        } else {
            i += 1;
        }
    }
    // words inside an office phrase are not a name ("Military Cooperation")
    let offices: Vec<(usize, usize)> = m.offices.iter().map(|(o, _)| (o.start, o.end)).collect();
    m.names
        .retain(|n| !offices.iter().any(|(s, e)| *s <= n.start && n.end <= *e));
    attach_offices(tokens, lex, &mut m);
    m
}

fn country_at(m: &Mentions, i: usize) -> Option<&CountryMention> {
    m.countries.iter().find(|c| c.start == i)
}

fn name_at(m: &Mentions, i: usize) -> Option<usize> {
    m.names.iter().position(|n| n.start == i)
}

/// Parses an office phrase starting at token `i`.
fn parse_office(tokens: &[Token], i: usize, lex: &Lexicon, m: &Mentions) -> Option<OfficeMention> {
    let mut j = i;
    let mut former = false;
    let mut country = None;
    let mut words: Vec<String> = Vec::new();
    if matches!(tokens.get(j)?.lower(), "former" | "ex") {
        former = true;
        j += 1;
    }
    // country adjective, possessive, then-UK, or a metonym that stays in the title
    if let Some(c) = country_at(m, j) {
        let after = c.end + usize::from(c.possessive);
        let next_is_office = tokens
            .get(after)
            .is_some_and(|t| !lex.office_word(&t.text).is_empty());
        if !next_is_office {
            return None;
        }
        country = Some(c.country.clone());
        if c.form == CountryForm::Metonym && !c.possessive {
            words.extend(tokens[c.start..c.end].iter().map(|t| t.text.clone()));
        }
        j = after;
    }
    let body_start = j;
    let mut saw_head = false;
    let mut delegation_role = false;
    while let Some(t) = tokens.get(j) {
        if t.kind != TokenKind::Word {
            break;
        }
        let kinds = lex.office_word(&t.text);
        let lower = t.lower();
        if !kinds.is_empty() {
            if country.is_none() {
                if let Some(c) = lex.metonyms.get(lower) {
                    country = Some(c.clone());
                }
            }
            if kinds.contains(&OfficeWord::Head) {
                saw_head = true;
            }
            words.push(t.text.clone());
            j += 1;
        } else if saw_head && lower == "general" && j > 0 && lex.is_office_head(&tokens[j - 1].text)
        {
            // "Secretary General", "Attorney General"
            words.push(t.text.clone());
            j += 1;
        } else if saw_head && lex.not_offices.contains(lower) {
            // "chief negotiator"
            delegation_role = true;
            words.push(t.text.clone());
            j += 1;
        } else if !saw_head
            && lower == "under"
            && t.is_capitalized()
            && tokens.get(j + 1).is_some_and(|n| n.lower() == "secretary")
        {
            // "Under Secretary of State"
            words.push(t.text.clone());
            j += 1;
        } else if !saw_head && t.is_capitalized() && domain_word_before_head(tokens, j, lex, m) {
            // "Culture Minister", "Policy Planning Director"
            words.push(t.text.clone());
            j += 1;
        } else if !saw_head
            && country.is_some()
            && j == body_start
            && t.kind == TokenKind::Word
            && !t.is_capitalized()
            && tokens
                .get(j + 1)
                .is_some_and(|n| lex.is_office_head(&n.text))
            && !lex.non_names.contains(lower)
            && !matches!(
                lower,
                "and" | "or" | "the" | "a" | "an" | "of" | "its" | "his" | "her" | "their"
            )
        {
            // "Ukraine's infrastructure minister"
            words.push(t.text.clone());
            j += 1;
        } else {
            break;
        }
    }
    if !saw_head || j == body_start {
        return None;
    }
    // a phrase must not end on a modifier or body word ("President Putin" ok)
    let mut end = j;
    let mut complement_country = None;
    while let Some(t) = tokens.get(end) {
        let lower = t.lower();
        let is_connector = CONNECTORS.contains(&lower)
            || (delegation_role_ahead(tokens, end, lex) && lower == "to");
        if !is_connector {
            break;
        }
        match parse_complement(tokens, end + 1, lex, m) {
            Some((stop, comp_words, comp_country, deleg)) if !comp_words.is_empty() => {
                // "the President of Pakistan": the country is the office's
                // country, not part of its title
                // ("the Atomic Energy Organization of Iran" keeps it: a body's name)
                // ("the Secretary of State of the United States" too: an
                // office only one country has)
                if lower == "of"
                    && (words.last().is_some_and(|w| lex.is_office_head(w))
                        || lex.office_country(&canonical_title(&words, lex)).is_some())
                    && only_a_country(end + 1, stop, tokens, m)
                {
                    complement_country = comp_country;
                    end = stop;
                    continue;
                }
                words.push(t.text.clone());
                words.extend(comp_words);
                if comp_country.is_some() {
                    complement_country = comp_country;
                }
                delegation_role |= deleg;
                end = stop;
            }
            _ => break,
        }
    }
    if words
        .iter()
        .any(|w| lex.not_offices.contains(&w.to_lowercase()))
    {
        delegation_role = true;
    }
    let title = canonical_title(&words, lex);
    if title.is_empty() {
        return None;
    }
    let country =
        (country.or(complement_country)).or_else(|| lex.office_country(&title).map(str::to_string));
    Some(OfficeMention {
        start: i,
        end,
        title,
        country,
        former,
        delegation_role,
    })
}

/// Whether tokens `from..to` name one country and nothing else (a leading
/// `the` aside), as in `of the United States`.
fn only_a_country(from: usize, to: usize, tokens: &[Token], m: &Mentions) -> bool {
    let start = if tokens.get(from).is_some_and(|t| t.lower() == "the") {
        from + 1
    } else {
        from
    };
    country_at(m, start).is_some_and(|c| !c.possessive && c.end == to)
}

fn delegation_role_ahead(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    tokens[i + 1..]
        .iter()
        .take(3)
        .any(|t| lex.not_offices.contains(t.lower()))
}

/// Whether the capitalised unknown word at `j` is followed (within two more
/// capitalised words) by an office head: a domain word like `Culture`.
fn domain_word_before_head(tokens: &[Token], j: usize, lex: &Lexicon, m: &Mentions) -> bool {
    // a full name is no domain word, unless an office head follows it
    // right away ("Natural Resources Minister": no person)
    if name_at(m, j).is_some_and(|n| {
        let name = &m.names[n];
        name.end - name.start >= 2
            && !tokens
                .get(name.end)
                .is_some_and(|t| lex.is_office_head(&t.text))
    }) {
        return false;
    }
    if lex.non_names.contains(tokens[j].lower()) {
        return false;
    }
    for t in tokens[j + 1..].iter().take(3) {
        if lex.is_office_head(&t.text) {
            return true;
        }
        if !t.is_capitalized() {
            return false;
        }
    }
    false
}

/// Parses the complement after a connector: `the Security Service of Ukraine`.
/// Returns where it stops, its words, a country it names, and whether it
/// names a delegation.
fn parse_complement(
    tokens: &[Token],
    mut j: usize,
    lex: &Lexicon,
    m: &Mentions,
) -> Option<(usize, Vec<String>, Option<String>, bool)> {
    let mut words = Vec::new();
    let mut country = None;
    let mut delegation = false;
    // "envoy for Ukraine and Russia": the countries are what the office
    // deals with, not whose it is
    // ("special envoy on Syria" too)
    let about = j > 0 && matches!(tokens[j - 1].lower(), "for" | "to" | "on");
    if tokens.get(j).is_some_and(|t| t.lower() == "the") {
        words.push("the".to_string());
        j += 1;
    }
    while let Some(t) = tokens.get(j) {
        if let Some(c) = country_at(m, j) {
            if !about {
                country = Some(c.country.clone());
            }
            // "secretary of Ukraine's National Security Council": "of the"
            if c.possessive && words.is_empty() {
                words.push("the".to_string());
            }
            if !c.possessive {
                words.extend(tokens[c.start..c.end].iter().map(|t| t.text.clone()));
                // "for Afghan reconciliation": the adjective's noun
                let noun = tokens.get(c.end).filter(|t| {
                    t.kind == TokenKind::Word
                        && !t.is_capitalized()
                        && lex.office_word(&t.text).is_empty()
                        && !matches!(
                            t.lower(),
                            "and" | "or" | "of" | "the" | "who" | "which" | "that"
                        )
                });
                if let Some(n) = noun {
                    words.push(n.text.clone());
                    j = c.end + 1;
                    continue;
                }
            }
            j = c.end + usize::from(c.possessive);
            continue;
        }
        let lower = t.lower();
        if !lex.office_word(&t.text).is_empty() {
            words.push(t.text.clone());
            j += 1;
            continue;
        }
        if lex.not_offices.contains(lower) {
            delegation = true;
            words.push(t.text.clone());
            j += 1;
            continue;
        }
        // "for the Horn of Africa": a region closes the body's name
        if lower == "of"
            && !words.is_empty()
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.is_capitalized() && lex.regions.contains(n.lower()))
        {
            words.push("of".into());
            words.push(tokens[j + 1].text.clone());
            j += 2;
            continue;
        }
        if lower == "and"
            && tokens.get(j + 1).is_some_and(|n| n.is_capitalized())
            && !words.is_empty()
        {
            // "for Ukraine and Russia"; not "and Deputy Minister X"
            let n = &tokens[j + 1];
            // "of the National Security and Defense Council": one body's name
            if country_at(m, j + 1).is_some()
                || body_name_at(tokens, j + 1, lex)
                || lex.office_word(&n.text).is_empty() && !starts_name_run(tokens, j + 1, lex)
            {
                words.push("and".into());
                j += 1;
                continue;
            }
            break;
        }
        if t.is_capitalized() {
            // a run of capitalised words that are not office words
            let mut r = j;
            while tokens.get(r).is_some_and(|t| {
                t.is_capitalized()
                    && lex.office_word(&t.text).is_empty()
                    && country_at(m, r).is_none()
            }) {
                r += 1;
            }
            let continues = tokens.get(r).is_some_and(|n| {
                if !lex.office_word(&n.text).is_empty() {
                    return true;
                }
                if !CONNECTORS.contains(&n.lower()) {
                    return false;
                }
                // "at the Foreign Ministry" continues; "on Wednesday" does not
                let mut k = r + 1;
                if tokens.get(k).is_some_and(|t| t.lower() == "the") {
                    k += 1;
                }
                tokens.get(k).is_some_and(|t| {
                    t.is_capitalized() && !lex.non_names.contains(t.lower())
                        || !lex.office_word(&t.text).is_empty()
                })
            });
            if continues {
                words.extend(tokens[j..r].iter().map(|t| t.text.clone()));
                j = r;
                continue;
            }
            let run = r - j;
            // "the director of the Mossad,": after "the", a body's name,
            // not a person's
            let body_after_the = words.last().is_some_and(|w| w == "the")
                && tokens
                    .get(r)
                    .is_none_or(|n| !n.is_capitalized() && n.kind != TokenKind::Possessive);
            // ("of the Arms Control and Disarmament Agency": the name goes
            // on past "and" to the body's word)
            let and_body = tokens.get(r).is_some_and(|t| t.lower() == "and")
                && body_name_at(tokens, r + 1, lex);
            if words.last().is_some_and(|w| w == "the") && and_body && run <= 3 {
                words.extend(tokens[j..r].iter().map(|t| t.text.clone()));
                j = r;
                continue;
            }
            if body_after_the && run <= 2 {
                words.extend(tokens[j..r].iter().map(|t| t.text.clone()));
                j = r;
                break;
            }
            if run >= 3 {
                // "Policy Planning Michael Anton": the last two are the name
                words.extend(tokens[j..r - 2].iter().map(|t| t.text.clone()));
                j = r - 2;
            }
            break;
        }
        break;
    }
    while words.last().is_some_and(|w| w == "the" || w == "and") {
        words.pop();
        j -= 1;
    }
    Some((j, words, country, delegation))
}

/// Whether the capitalised words from `start` end in a body's word
/// ("Defense Council", "Disarmament Agency").
fn body_name_at(tokens: &[Token], start: usize, lex: &Lexicon) -> bool {
    let mut end = start;
    while tokens.get(end).is_some_and(|t| t.is_capitalized()) {
        end += 1;
    }
    end > start
        && lex
            .office_word(&tokens[end - 1].text)
            .contains(&OfficeWord::Org)
}

/// Whether a run of at least two name words starts at `i`.
fn starts_name_run(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    tokens.get(i).is_some_and(|t| is_name_word(t, lex))
        && tokens.get(i + 1).is_some_and(|t| is_name_word(t, lex))
}

/// Title-cases an office and folds its synonyms (`defence minister` ->
/// `Defense Minister`, `Kremlin aide` -> `Presidential Aide`).
pub fn canonical_title(words: &[String], lex: &Lexicon) -> String {
    let small = ["of", "the", "for", "and", "at", "on", "to"];
    let cased: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let lower = if lower == "defence" {
                "defense".to_string()
            } else {
                lower
            };
            if i > 0 && small.contains(&lower.as_str()) {
                lower
            } else if w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && w.len() > 1
            {
                w.clone() // CIS, GRU
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect();
    let title = cased.join(" ");
    lex.role_synonym(&title)
        .map(str::to_string)
        .unwrap_or(title)
}

/// Links each office to the name it describes: the name right after it
/// (past ranks), the name after `office, ` when the office is introduced by
/// an article, or the name before `name, office`.
fn attach_offices(tokens: &[Token], lex: &Lexicon, m: &mut Mentions) {
    for k in 0..m.offices.len() {
        let (office, _) = &m.offices[k];
        let j = past_ranks(tokens, office.end, lex);
        let mut target = name_at(m, j);
        // "the head of Ukraine's presidential office, Andriy Yermak"
        if target.is_none() && tokens.get(j).is_some_and(|t| t.is(",")) {
            // "the kingdom's national security adviser, Musaed al-Aiban"
            let introduced = office.start > 0
                && (matches!(
                    tokens[office.start - 1].lower(),
                    "the" | "a" | "an" | "with" | "by" | "its" | "his" | "her" | "their"
                ) || tokens[office.start - 1].kind == TokenKind::Possessive);
            let countried = office.country.is_some()
                && country_at(m, office.start).is_some_and(|c| c.possessive);
            if introduced || countried {
                // ("the Foreign Secretary, Mr T. N. Kaul")
                target = name_at(m, past_ranks(tokens, j + 1, lex)).or_else(|| {
                    // "chief negotiator, Defense Minister Rustem Umerov"
                    m.offices
                        .iter()
                        .find(|(o, _)| o.start == j + 1)
                        .and_then(|(o, _)| name_at(m, past_ranks(tokens, o.end, lex)))
                });
            }
        }
        // "Rustem Umerov, Ukraine's defense minister" (not "Rosenbad, the
        // Swedish prime minister's office": a place of the office)
        let owns = tokens
            .get(office.end)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        if target.is_none() && office.start >= 2 && !owns {
            let mut s = office.start;
            if s > 0
                && matches!(
                    tokens[s - 1].lower(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                )
            {
                s -= 1;
            }
            // "Jared Kushner, Trump's son-in-law and senior adviser"
            if s >= 2 && tokens[s - 1].kind == TokenKind::Possessive {
                if let Some(owner) = m.names.iter().find(|n| n.end == s - 1) {
                    s = owner.start;
                    // "Massad Boulos, President Donald Trump's senior
                    // adviser": past the owner's own office too
                    if let Some((o, _)) = m.offices.iter().find(|(o, _)| o.end == s) {
                        s = o.start;
                    }
                }
            }
            if s >= 2 && tokens[s - 1].is(",") {
                target = m.names.iter().position(|n| n.end == s - 1);
            }
        }
        // "presidential aide and head of the delegation Vladimir Medinsky"
        if target.is_none() && tokens.get(office.end).is_some_and(|t| t.lower() == "and") {
            if let Some(next) = m
                .offices
                .iter()
                .position(|(o, _)| o.start == office.end + 1)
            {
                target = name_at(m, past_ranks(tokens, m.offices[next].0.end, lex));
            }
        }
        // "Ivan Orlov, general secretary of the party and president of the
        // Presidium": a second office in the same apposition
        if target.is_none() && office.start >= 1 && tokens[office.start - 1].lower() == "and" {
            target = m.offices[..k]
                .iter()
                .find(|(o, _)| o.end + 1 == office.start)
                .and_then(|(o, t)| t.filter(|&t| m.names[t].end < o.start));
        }
        m.offices[k].1 = target;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::text::tokens;

    /// The first office (title, country) attached to `name`.
    fn office_of(sentence: &str, name: &str) -> Option<(String, Option<String>)> {
        offices_of(sentence, name).into_iter().next()
    }

    /// Every office (title, country) attached to `name`.
    fn offices_of(sentence: &str, name: &str) -> Vec<(String, Option<String>)> {
        let lex = lexicon();
        let t = tokens(sentence, lex);
        let m = analyse(&t, lex);
        let Some(n) = m.names.iter().position(|n| n.text == name) else {
            return Vec::new();
        };
        (m.offices.iter())
            .filter(|(_, target)| *target == Some(n))
            .map(|(o, _)| (o.title.clone(), o.country.clone()))
            .collect()
    }

    /// The names found in `sentence`.
    fn names_of(sentence: &str) -> Vec<String> {
        let lex = lexicon();
        let t = tokens(sentence, lex);
        analyse(&t, lex).names.into_iter().map(|n| n.text).collect()
    }

    #[test]
    fn a_place_of_an_office_is_no_person_and_a_bare_initial_opens_a_name() {
        assert_eq!(
            office_of(
                "The talks at Rosenbad, the Swedish prime minister's office, began.",
                "Rosenbad"
            ),
            None
        );
        assert_eq!(
            office_of(
                "External Affairs Minister S Jaishankar met Wang Yi.",
                "S Jaishankar"
            )
            .map(|o| o.0),
            Some("External Affairs Minister".into())
        );
        // a generational suffix
        assert_eq!(
            names_of("President Rui Vaz III hosted the talks."),
            vec!["Rui Vaz III".to_string()]
        );
        // several bare initials
        assert_eq!(
            names_of("Prime Minister H D Vaz Gowda signed it."),
            vec!["H D Vaz Gowda".to_string()]
        );
    }

    #[test]
    fn a_bodys_name_goes_on_past_and_to_the_bodys_word() {
        assert_eq!(
            office_of(
                "Lev Dorn, director of the Water Supply and Sanitation Agency, spoke.",
                "Lev Dorn"
            )
            .map(|o| o.0),
            Some("Director of the Water Supply and Sanitation Agency".into())
        );
    }

    #[test]
    fn two_capitalised_domain_words_before_an_office_head_belong_to_it() {
        assert_eq!(
            office_of(
                "He was greeted by Natural Resources Minister Lev Dorn.",
                "Lev Dorn"
            )
            .map(|o| o.0),
            Some("Natural Resources Minister".into())
        );
    }

    #[test]
    fn an_office_in_apposition_past_its_owners_own_office() {
        assert_eq!(
            office_of(
                "Ana Solis, President Tom Ash's senior adviser for Africa, spoke.",
                "Ana Solis"
            ),
            Some(("Senior Adviser".into(), None))
        );
        // the country an envoy deals with is not whose envoy he is
        assert_eq!(
            office_of(
                "Russia's team was led by Lev Dorn, the special envoy on Syria.",
                "Lev Dorn"
            )
            .map(|o| o.1),
            Some(None)
        );
    }

    #[test]
    fn office_before_the_name_with_country_adjective() {
        assert_eq!(
            office_of(
                "Russian Foreign Minister Sergey Lavrov spoke.",
                "Sergey Lavrov"
            ),
            Some(("Foreign Minister".into(), Some("Russia".into())))
        );
        assert_eq!(
            office_of(
                "U.S. Secretary of State Marco Rubio arrived.",
                "Marco Rubio"
            ),
            Some(("Secretary of State".into(), Some("United States".into())))
        );
    }

    #[test]
    fn a_country_after_of_is_the_offices_country_not_its_title() {
        assert_eq!(
            office_of(
                "The Prime Minister, Mrs Ada Vance, and the President of Pakistan, Mr Omar Qadir, signed.",
                "Omar Qadir"
            ),
            Some(("President".into(), Some("Pakistan".into())))
        );
        assert_eq!(
            office_of(
                "Ines Moll, Deputy Head of the Security Service of Ukraine, spoke.",
                "Ines Moll"
            ),
            Some((
                "Deputy Head of the Security Service of Ukraine".into(),
                Some("Ukraine".into())
            ))
        );
    }

    #[test]
    fn a_region_after_of_closes_the_offices_complement() {
        assert_eq!(
            office_of(
                "Ben Hale, the U.S. special envoy for the Horn of Africa, spoke.",
                "Ben Hale"
            ),
            Some((
                "Special Envoy for the Horn of Africa".into(),
                Some("United States".into())
            ))
        );
    }

    #[test]
    fn a_top_commander_of_a_party_named_in_the_possessive() {
        assert_eq!(
            office_of(
                "Petro and the ELN's top commander, Antonio Ruiz, shook hands.",
                "Antonio Ruiz"
            ),
            Some(("Top Commander".into(), Some("ELN".into())))
        );
    }

    #[test]
    fn a_council_of_ministers_is_one_body() {
        assert_eq!(
            office_of(
                "The Chairman of the USSR Council of Ministers, Ivan Orlov, mediated.",
                "Ivan Orlov"
            ),
            Some((
                "Chairman of the USSR Council of Ministers".into(),
                Some("Soviet Union".into())
            ))
        );
    }

    #[test]
    fn a_body_after_of_the_is_part_of_the_office() {
        assert_eq!(
            office_of(
                "Tal Noy, the director of the Mossad, led the team.",
                "Tal Noy"
            ),
            Some(("Director of the Mossad".into(), None))
        );
        // a one-country office gives its country without an adjective
        assert_eq!(
            office_of("Secretary of State Ben Hale spoke.", "Ben Hale"),
            Some(("Secretary of State".into(), Some("United States".into())))
        );
    }

    #[test]
    fn office_after_the_name() {
        assert_eq!(
            office_of(
                "Rustem Umerov, Ukraine's defence minister, said.",
                "Rustem Umerov"
            ),
            Some(("Defense Minister".into(), Some("Ukraine".into())))
        );
    }

    #[test]
    fn two_offices_in_one_apposition_are_both_the_persons() {
        assert_eq!(
            offices_of(
                "He met Ivan Orlov, general secretary of the Central Committee and president \
                 of the Presidium of the Supreme Soviet of the USSR.",
                "Ivan Orlov"
            ),
            vec![
                ("General Secretary of the Central Committee".into(), None),
                (
                    "President of the Presidium of the Supreme Soviet of the USSR".into(),
                    Some("Soviet Union".into())
                )
            ]
        );
        // two people's offices: each keeps its own
        assert_eq!(
            offices_of(
                "President Ivan Orlov and Prime Minister Anton Volkov met.",
                "Ivan Orlov"
            ),
            vec![("President".into(), None)]
        );
    }

    #[test]
    fn an_office_in_the_plural_is_no_part_of_a_name() {
        assert_eq!(
            names_of("included Senators Hubert Humphrey and George Aiken."),
            vec!["Hubert Humphrey", "George Aiken"]
        );
    }

    #[test]
    fn a_rank_inside_a_name_is_part_of_it_but_not_before_it() {
        for (text, want) in [
            (
                "with Somali President Hassan Sheikh Omar.",
                "Hassan Sheikh Omar",
            ),
            ("with the Emir, Sheikh Tamim Al Sani.", "Tamim Al Sani"),
        ] {
            assert_eq!(names_of(text), vec![want], "{text}");
        }
    }

    #[test]
    fn an_office_only_one_country_has_drops_that_country_after_of() {
        assert_eq!(
            office_of(
                "signed by the Secretary of State of the United States, Dean Rusk, today.",
                "Dean Rusk"
            ),
            Some(("Secretary of State".into(), Some("United States".into())))
        );
    }

    #[test]
    fn a_commission_is_a_body_not_a_name() {
        assert_eq!(
            office_of(
                "Li Wen, chairman of the Central Military Commission, said.",
                "Li Wen"
            ),
            Some(("Chairman of the Central Military Commission".into(), None))
        );
    }

    #[test]
    fn ranks_between_office_and_name_are_skipped() {
        assert_eq!(
            office_of(
                "accompanied by Deputy Defense Minister Colonel General Alexander Fomin.",
                "Alexander Fomin"
            ),
            Some(("Deputy Defense Minister".into(), None))
        );
    }

    #[test]
    fn long_complements_keep_their_bodies() {
        assert_eq!(
            office_of(
                "and Deputy Head of the Security Service of Ukraine Alexander Poklad, and others",
                "Alexander Poklad"
            ),
            Some((
                "Deputy Head of the Security Service of Ukraine".into(),
                Some("Ukraine".into())
            ))
        );
        assert_eq!(
            office_of(
                "said Director for Policy Planning Michael Anton would go.",
                "Michael Anton"
            ),
            Some(("Director for Policy Planning".into(), None))
        );
    }

    #[test]
    fn metonyms_stay_in_the_title_and_give_the_country() {
        assert_eq!(
            office_of("Kremlin aide Vladimir Medinsky said", "Vladimir Medinsky"),
            Some(("Presidential Aide".into(), Some("Russia".into())))
        );
    }

    #[test]
    fn places_and_venues_are_not_names() {
        let lex = lexicon();
        let t = tokens(
            "talks at Istanbul's Dolmabahce Palace in Abu Dhabi with Recep Tayyip Erdogan",
            lex,
        );
        let m = analyse(&t, lex);
        let names: Vec<&str> = m.names.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(names, ["Recep Tayyip Erdogan"]);
        assert_eq!(m.venues[0].1, "Dolmabahce Palace");
    }

    #[test]
    fn a_venue_head_takes_of_the_and_a_name() {
        let lex = lexicon();
        let t = tokens("they signed at the Great Hall of the People here", lex);
        let m = analyse(&t, lex);
        let venues: Vec<&str> = m.venues.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(venues, ["Great Hall of the People"]);
    }
}
