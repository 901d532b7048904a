//! One sentence as the rules see it: its tokens, its mentions and what was
//! resolved of them, with the lookups the rules share.

use super::*;
use crate::lexicon::Cue;
use std::ops::Range;

/// A sentence with its tokens and mentions, and what was resolved of them.
pub(super) struct Ctx<'s> {
    pub(super) sentence: &'s Sentence,
    pub(super) tokens: &'s [Token],
    pub(super) m: &'s Mentions,
    /// The word lists, for the cue lookups.
    pub(super) lex: &'s Lexicon,
    /// Per token, the cue lists that hold its word ([`Lexicon::cue_mask`]).
    cue_bits: Vec<u64>,
    /// Person per name mention.
    pub(super) persons: Vec<Option<PersonKey>>,
    /// Resolved dates with their token position.
    pub(super) dates: Vec<(usize, Option<NaiveDate>, DateExpr)>,
    /// Meeting mentions of this sentence (index into `mentions`) and the token
    /// of their cue.
    pub(super) meetings: Vec<(usize, usize)>,
    pub(super) lower: Vec<&'s str>,
    /// Each token's lowercase word with its position, sorted: where a
    /// phrase can start, found by its first word.
    pub(super) starts: Vec<(&'s str, usize)>,
    /// A bit per hashed word of the sentence, so most phrases whose first
    /// word is not there are ruled out without a search.
    pub(super) words: WordBits,
}

/// A 256-bit filter of the words of a sentence: a clear bit means the word
/// is not there; a set one that it may be.
#[derive(Default)]
pub(super) struct WordBits([u64; 4]);

impl WordBits {
    pub(super) fn bit(word: &str) -> (usize, u64) {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        word.hash(&mut h);
        let n = h.finish() >> 56;
        ((n >> 6) as usize & 3, 1 << (n & 63))
    }

    pub(super) fn insert(&mut self, word: &str) {
        let (i, b) = Self::bit(word);
        self.0[i] |= b;
    }

    pub(super) fn may_hold(&self, word: &str) -> bool {
        let (i, b) = Self::bit(word);
        self.0[i] & b != 0
    }
}

impl<'s> Ctx<'s> {
    pub(super) fn new(
        sentence: &'s Sentence,
        tokens: &'s [Token],
        m: &'s Mentions,
        persons: Vec<Option<PersonKey>>,
        lex: &'s Lexicon,
    ) -> Ctx<'s> {
        let lower: Vec<&str> = tokens.iter().map(Token::lower).collect();
        let mut starts: Vec<(&str, usize)> = lower.iter().copied().zip(0..).collect();
        starts.sort_unstable();
        let cue_bits = lower.iter().map(|w| lex.cue_mask(w)).collect();
        let mut words = WordBits::default();
        lower.iter().for_each(|w| words.insert(w));
        Ctx {
            sentence,
            tokens,
            m,
            lex,
            cue_bits,
            persons,
            dates: Vec::new(),
            meetings: Vec::new(),
            lower,
            starts,
            words,
        }
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// Whether the word at `i` is in the cue list.
    pub(super) fn is(&self, i: usize, cue: Cue) -> bool {
        self.cue_bits.get(i).is_some_and(|m| m & cue.bit() != 0)
    }

    /// Whether a word in `range` is in the cue list.
    pub(super) fn any(&self, range: Range<usize>, cue: Cue) -> bool {
        range.into_iter().any(|k| self.is(k, cue))
    }

    /// Whether the words starting at `i` read `phrase`.
    pub(super) fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, w)| self.word(i + k) == w)
    }

    /// Token index of the first occurrence of `phrase` at or after `from`.
    pub(super) fn find(&self, phrase: &str, from: usize) -> Option<usize> {
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
    pub(super) fn person_after(&self, i: usize) -> Option<usize> {
        let mut j = i;
        // ("headed by its spokesman, NAME")
        while j < self.tokens.len()
            && matches!(
                self.word(j),
                "the" | "former" | "," | "its" | "his" | "her" | "their"
            )
        {
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
    pub(super) fn names_in(&self, from: usize, to: usize) -> Vec<usize> {
        (0..self.m.names.len())
            .filter(|&n| self.m.names[n].start >= from && self.m.names[n].start < to)
            .collect()
    }

    /// The name mentions starting in `from..to` that are listed: not
    /// owners ("Putin's foreign policy aide" lists the aide, not Putin), not
    /// inside an office ("head of the Shin Bet") and not inside a relative
    /// clause ("Witkoff, who had met Netanyahu in Jerusalem").
    pub(super) fn listed_names(&self, from: usize, to: usize) -> Vec<usize> {
        let in_clause = |start: usize| {
            (from..start)
                .rev()
                .take_while(|&k| !matches!(self.word(k), "," | ";"))
                .any(|k| {
                    matches!(self.word(k), "who" | "whom" | "which")
                        && k > 0
                        && self.word(k - 1) == ","
                })
        };
        self.names_in(from, to)
            .into_iter()
            .filter(|&n| {
                let name = &self.m.names[n];
                let owner =
                    (self.tokens.get(name.end)).is_some_and(|t| t.kind == TokenKind::Possessive);
                let s = name.start;
                let in_office = (self.m.offices.iter())
                    .any(|(o, _)| o.start < s && name.end <= o.end)
                    || (s > 0 && self.word(s - 1) == "of")
                    || (s > 1 && self.word(s - 1) == "the" && self.word(s - 2) == "of");
                !owner && !in_office && !in_clause(name.start)
            })
            .collect()
    }

    /// The person named as the subject of the word at `j`: the name right
    /// before it, or before the apposition that ends right before it
    /// ("Gorbachev, the party leader, was").
    pub(super) fn subject_before(&self, j: usize) -> Option<usize> {
        let person_ending = |e: usize| {
            (self.m.names.iter())
                .position(|n| n.end == e)
                .filter(|&n| self.persons.get(n).is_some_and(Option::is_some))
        };
        if j == 0 || self.word(j - 1) != "," {
            return person_ending(j);
        }
        person_ending(j - 1).or_else(|| {
            let open = (j.saturating_sub(16)..j - 1)
                .rev()
                .find(|&t| self.word(t) == ",")?;
            // "General Ensio Siilasvuo of Finland, the acting commander ...,"
            let of_country = (self.m.countries.iter())
                .find(|c| c.end == open && !c.possessive && c.start > 0)
                .filter(|c| self.word(c.start - 1) == "of")
                .map(|c| c.start - 1);
            person_ending(open).or_else(|| person_ending(of_country?))
        })
    }

    /// The name a relative clause at `who` is about: "NAME, who" or
    /// "NAME, whom".
    pub(super) fn name_before_who(&self, who: usize) -> Option<usize> {
        if !matches!(self.word(who), "who" | "whom") {
            return None;
        }
        (self.m.names.iter()).position(|n| n.end + 1 == who && self.word(n.end) == ",")
    }

    /// The nearest name mention ending before token `i`.
    pub(super) fn person_before(&self, i: usize) -> Option<usize> {
        self.m.names.iter().rposition(|n| n.end <= i)
    }

    /// The country named right before `delegation`/`side`, by its start token.
    /// A capital in the possessive stands for its country ("Hanoi's side").
    pub(super) fn country_before(&self, i: usize) -> Option<String> {
        let window = i.saturating_sub(4)..i;
        self.m
            .countries
            .iter()
            .rev()
            .find(|c| window.contains(&c.start))
            .map(|c| c.country.clone())
            .or_else(|| {
                let (t, city) = (self.m.cities.iter().rev()).find(|(t, _)| window.contains(t))?;
                let possessive = self
                    .tokens
                    .get(t + city.split(' ').count())
                    .is_some_and(|n| n.kind == TokenKind::Possessive);
                possessive
                    .then(|| self.lex.country_of_capital(city))
                    .flatten()
            })
    }

    pub(super) fn in_quotes(&self) -> bool {
        self.sentence.text.contains(['"', '“', '”'])
    }
}
