//! Agreements: what the sides agreed on, of which kind, with its quantity.

use super::*;

impl Extractor<'_> {
    /// Agreements: a sentence that agrees on something names its kinds.
    pub(super) fn agreements(&mut self, ctx: &Ctx) {
        let n = ctx.tokens.len();
        let verb = (0..n).find(|&i| {
            ctx.is(i, Cue::AgreeWord)
                || ctx
                    .lex
                    .cue(Cue::ResultPhrase)
                    .iter()
                    .any(|p| ctx.phrase_at(i, p))
        });
        // "the arrangement is to run for 120 days": what a deal holds
        let content = || {
            let contents = &self.lex.agreements.contents;
            contents.iter().find_map(|c| ctx.find(c, 0))
        };
        // the terms of the deal the sentence before gave, going on
        // ("are to return", "will withdraw": what the deal binds them to)
        let bound = (self.lex.cue(Cue::Obligation).iter()).any(|m| ctx.find(m, 0).is_some());
        let continued = self
            .discourse
            .terms_at
            .is_some_and(|t| t + 1 == ctx.sentence.index)
            && ctx.meetings.is_empty()
            && verb.is_none()
            && bound;
        let Some(trig) = verb.or_else(content).or(continued.then_some(0)) else {
            return;
        };
        let hedgeable = verb.is_some();
        // a hedged trigger ("urged to agree", "unless Russia agreed")
        // "broke up with no deal", "without an agreement", "failed to agree";
        // "an agreement is closer than ever", "a deal is within reach"
        // "had come close to agreeing", "a deal is within reach"
        // ("The agreement does not settle ...": what the deal leaves out)
        let leaves_out = matches!(ctx.word(trig + 1), "does" | "did" | "do" | "will" | "would")
            && ctx.word(trig + 2) == "not"
            && self
                .lex
                .agreements
                .documents
                .iter()
                .any(|d| d == ctx.word(trig));
        let denied = leaves_out
            || ctx.any(trig.saturating_sub(3)..trig, Cue::Negation)
            || ctx.any(trig + 1..(trig + 4).min(n), Cue::NearWord)
            || (trig >= 2 && ctx.word(trig - 1) == "to" && ctx.is(trig - 2, Cue::NearWord));
        if hedgeable && (denied || ctx.any(trig.saturating_sub(4)..trig, Cue::AgreementHedge)) {
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
        // "Under the agreement, ...": the one spoken of, where it was made
        let terms = content().is_some() || continued;
        let same_deal = (terms && ctx.meetings.is_empty())
            .then_some(self.discourse.agreed_at)
            .flatten();
        let Some(mut mt) = own
            .or(same_deal)
            .or(self.meeting_here(ctx))
            .or(self.discourse.last_event)
        else {
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
        // where talks to come are agreed ("agreed to keep negotiating")
        let further_at = (cues.kinds.iter())
            .filter(|(k, _)| *k == AgreementKind::FurtherTalks)
            .flat_map(|(_, words)| words.iter().filter_map(|w| ctx.find(w, 0)))
            .min();
        for (kind, words) in &cues.kinds {
            let Some((pos, _)) = words
                .iter()
                .filter_map(|w| ctx.find(w, 0).map(|p| (p, w)))
                .min_by_key(|(p, _)| *p)
            else {
                continue;
            };
            // "talks on a Gaza ceasefire", "discussed a prisoner swap": a topic
            // "agreed to keep negotiating, first on a short-term truce": a
            // topic of the talks to come
            let topic = (pos.saturating_sub(6)..pos).any(|k| {
                ctx.is(k, Cue::DiscussWord)
                    || (ctx.word(k) == "on" && k > 0 && ctx.is(k - 1, Cue::TalksNoun))
                    || (matches!(ctx.word(k), "on" | "including")
                        && further_at.is_some_and(|f| f < k))
            });
            let negated = topic
                || ctx.any(pos.saturating_sub(3)..pos, Cue::Negation)
                || (pos + 1..(pos + 5).min(n)).any(|k| matches!(ctx.word(k), "not" | "never"))
                || (pos.saturating_sub(3)..pos)
                    .any(|k| matches!(ctx.word(k), "potential" | "possible"))
                // "did not accept the full ceasefire", "rejected a truce"
                || (pos.saturating_sub(6)..pos).any(|k| {
                    ctx.is(k, Cue::RejectVerb)
                        || (ctx.word(k) == "not" && ctx.is(k + 1, Cue::AcceptVerb))
                });
            let mut kind = *kind;
            // "the presidents agreed to meet again": the leaders themselves
            // (the subject of "meet", not "the leaders agreed that their
            // negotiators would meet")
            let leaders_meet = kind == AgreementKind::FurtherTalks
                && (pos..(pos + 3).min(n)).any(|k| ctx.word(k) == "meet")
                && (self.lex.cue(Cue::LeaderNoun).iter()).any(|w| {
                    ctx.find(w, pos.saturating_sub(8)).is_some_and(|k| {
                        let end = k + w.split(' ').count();
                        end <= pos
                            && (end..pos).all(|t| {
                                matches!(
                                    ctx.word(t),
                                    "agreed"
                                        | "agree"
                                        | "decided"
                                        | "pledged"
                                        | "promised"
                                        | "to"
                                        | "would"
                                        | "will"
                                        | "shall"
                                        | "should"
                                        | "also"
                                        | "have"
                                        | "has"
                                        | "had"
                                )
                            })
                    })
                });
            if leaders_meet {
                kind = AgreementKind::LeadersMeeting;
            }
            // going on about a deal's terms, prisoners released by one
            // side are no exchange
            let one_sided = continued
                && kind == AgreementKind::PrisonerExchange
                && !ctx.any(0..n, Cue::MutualWord);
            if one_sided {
                continue;
            }
            // "a tariff truce": a deal, not a ceasefire
            if kind == AgreementKind::Ceasefire && pos > 0 && ctx.is(pos - 1, Cue::TradeWord) {
                kind = AgreementKind::Other;
            }
            // "a ceasefire brokered by Russia in 2020": of another time
            let other_year = ctx.dates.iter().any(|(t, _, e)| {
                *t > pos
                    && *t <= pos + 6
                    && e.year()
                        .is_some_and(|y| self.reference.is_some_and(|r| r.year() != y))
            });
            if other_year {
                continue;
            }
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
            ctx.is(i, Cue::TalksNoun)
                && (i + 1..(i + 10).min(n)).any(|k| {
                    ctx.is(k, Cue::ResumeVerb)
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
        if !found.is_empty() {
            self.discourse.agreed_at = Some(mt);
        }
        if terms {
            self.discourse.terms_at = Some(ctx.sentence.index);
        }
        for (kind, q) in found {
            self.emit(ctx, "agreed-on", Pending::Agreement(mt, kind, q));
        }
    }

    /// The token of "signed" when the sentence signs a document ("signed an
    /// agreement", "an arrangement ... was signed"), not "did not sign".
    pub(super) fn signing(&self, ctx: &Ctx) -> Option<usize> {
        let n = ctx.tokens.len();
        let documents = &self.lex.agreements.documents;
        let is_document = |k: usize| documents.iter().any(|d| ctx.word(k) == d);
        // not "did not sign", "No document on either plan was signed"
        let denied = |k: usize| ctx.any(k.saturating_sub(4)..k, Cue::Negation);
        (0..n).find(|&i| {
            ctx.word(i) == "signed"
                && !ctx.any(i.saturating_sub(3)..i, Cue::Negation)
                && (i.saturating_sub(16)..(i + 7).min(n)).any(|k| is_document(k) && !denied(k))
        })
    }

    /// Whether the sentence agrees on something no kind names, and the
    /// number it gives ("cut its forces to 8,600 within 135 days").
    pub(super) fn other_agreement(
        &self,
        ctx: &Ctx,
        trig: usize,
        further: bool,
    ) -> Option<Option<u64>> {
        let n = ctx.tokens.len();
        let cues = &self.lex.agreements;
        let signed = self.signing(ctx);
        // "the two sides agreed to restore ...", "committed to start ..."
        let agreed_to = ctx.is(trig, Cue::AgreeVerb)
            && !(trig > 0
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
            .filter(|&k| !not_a_quantity(ctx, k))
            .filter_map(|k| number_at(ctx, k))
            .find(|q| !(1900..=2100).contains(q));
        Some(quantity.filter(|_| content.is_some() || signed.is_none()))
    }

    /// Remembers the number each agreement kind is given in the sentence
    /// ("a 30-day ceasefire"), agreed or not, for a later sentence that
    /// agrees on it without one.
    pub(super) fn note_quantities(&mut self, ctx: &Ctx) {
        for (kind, words) in &self.lex.agreements.kinds {
            let pos = words.iter().filter_map(|w| ctx.find(w, 0)).min();
            if let Some(q) = pos.and_then(|p| quantity_near(ctx, p)) {
                self.kind_quantity.insert(*kind, q);
            }
        }
    }
}

/// The number next to an agreement cue at `pos` (not a year).
/// Looks four words back and six ahead, not past a clause or list break
/// ("a six-week ceasefire and the release of 33 hostages": 33 is not the
/// ceasefire's), and takes the nearest number, digits before words.
pub(super) fn quantity_near(ctx: &Ctx, pos: usize) -> Option<u64> {
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
            .filter(|&k| !not_a_quantity(ctx, k))
            .filter_map(|k| number_at(ctx, k).map(|q| (k.abs_diff(pos), q)))
            .filter(|(_, q)| !(1900..=2100).contains(q))
            .min()
            .map(|(_, q)| q)
    };
    by_distance(true).or_else(|| by_distance(false))
}

/// Numbers that are not what was agreed: the one a change starts from
/// ("will fall from 145% to 30%") and a day of a month ("from May 1",
/// "15 August").
fn not_a_quantity(ctx: &Ctx, k: usize) -> bool {
    let month = |j: usize| {
        ctx.tokens
            .get(j)
            .is_some_and(|t| t.is_capitalized() && dates::month_number(&t.text).is_some())
    };
    (k > 0 && ctx.word(k - 1) == "from" && (k + 1..k + 4).any(|j| ctx.word(j) == "to"))
        || (k > 0 && month(k - 1))
        || month(k + 1)
        // "on 15 and 16 October", "15-16 October"
        || (matches!(ctx.word(k + 1), "and" | "-" | "to") && month(k + 3))
}

/// The number token `k` gives, not "the two sides".
pub(super) fn number_at(ctx: &Ctx, k: usize) -> Option<u64> {
    let t = ctx.tokens.get(k)?;
    if t.kind == TokenKind::Number {
        return number_at_token(t);
    }
    let words = NUMBER_WORDS;
    // not "the two sides", "both leaders"
    let parties = ctx.is(k + 1, Cue::PartyNoun);
    words
        .iter()
        .position(|w| *w == ctx.word(k))
        .filter(|_| !parties)
        .map(|i| i as u64 + 2)
}

/// Whether `text` (lowercase words joined by spaces) holds `phrase` as whole words.
pub(super) fn contains_words(text: &str, phrase: &str) -> bool {
    let padded = format!(" {text} ");
    padded.contains(&format!(" {phrase} "))
}
