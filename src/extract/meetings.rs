//! Meetings: the cues that name talks, summits and calls, with their day,
//! place and venue, and the hedges that make a mention no event.

use super::*;

impl Extractor<'_> {
    /// Finds meeting cues and makes a mention of each that is not hedged.
    pub(super) fn meetings(&mut self, ctx: &mut Ctx) {
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
                    // "will meet again in Vienna", "is due to meet Obama";
                    // not "families could meet" or "meet the demands"
                    "meet" | "meets" => {
                        matches!(
                            ctx.word(i + 1),
                            "again" | "with" | "in" | "at" | "on" | "face" | "separately"
                        ) || ctx.person_after(i + 1).is_some_and(|p| {
                            let start = ctx.m.names[p].start;
                            let office = (ctx.m.offices.iter())
                                .find(|(_, t)| *t == Some(p))
                                .map_or(start, |(o, _)| o.start.min(start));
                            office == i + 1
                                || office == i + 2
                                    && matches!(ctx.word(i + 1), "the" | "mr" | "mrs" | "ms")
                        }) || (ctx.word(i + 2).starts_with("counterpart"))
                    }
                    // "the peace conference"; not "a news conference" or
                    // "the conference room"
                    "conference" => {
                        (i == 0 || !matches!(ctx.word(i - 1), "news" | "press" | "video"))
                            && !matches!(
                                ctx.word(i + 1),
                                "call"
                                    | "calls"
                                    | "room"
                                    | "hall"
                                    | "center"
                                    | "centre"
                                    | "building"
                                    | "table"
                            )
                    }
                    // "a one-on-one conversation": a call only when said so
                    "conversation" => ctx.any(0..n, Cue::CallWord),
                    // "Monday's gathering", "the gathering"; not
                    // "intelligence gathering" or "gathering evidence"
                    "gathering" => {
                        i > 0
                            && (ctx.tokens[i - 1].kind == TokenKind::Possessive
                                || matches!(
                                    ctx.word(i - 1),
                                    "the" | "a" | "this" | "that" | "their" | "its"
                                ))
                    }
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
                    && (i.saturating_sub(3)..i).any(|k| ctx.is(k, Cue::DelegationsNoun))
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
        // "Monday's gathering, billed as the Sharm el-Sheikh Peace Summit":
        // one event under two names, of the second name's kind
        let mut k = 1;
        while k < cues.len() {
            let (first, first_len, first_kind) = cues[k - 1];
            let (second, _, second_kind) = cues[k];
            let gap = first + first_len..second;
            let alias = gap.len() <= 10
                && ctx.word(first + first_len) == ","
                && self
                    .lex
                    .cue(Cue::AliasPhrase)
                    .iter()
                    .any(|p| ctx.phrase_at(first + first_len + 1, p));
            if alias {
                let kind = if first_kind == MeetingKind::Meeting {
                    second_kind
                } else {
                    first_kind
                };
                cues[k - 1].2 = kind;
                cues.remove(k);
            } else {
                k += 1;
            }
        }
        // "The Israeli negotiating team ... arrived in the Qatari capital on
        // Monday": a delegation's arrival is the talks it came for
        for v in 0..n {
            let arrived = ctx.is(v, Cue::ArrivalVerb) && matches!(ctx.word(v + 1), "in" | "at");
            let team = ctx.any(v.saturating_sub(16)..v, Cue::TravellerNoun);
            if arrived && team && !cues.iter().any(|c| c.0.abs_diff(v) < 8) {
                cues.push((v, 1, MeetingKind::Talks));
                cues.sort();
            }
        }
        // "Xi hosted Iranian President Ebrahim Raisi in Beijing", "Trump
        // received Netanyahu in the Oval Office": a meeting with a guest
        for v in 0..n {
            let host = ctx.is(v, Cue::HostVerb);
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
        let refused = (self.lex.cue(Cue::Refusal).iter())
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
                        .any(|k| ctx.is(k, Cue::StrongHedge))
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
                matches!(before, "in" | "at" | "to" | "hosted" | "visited" | "visiting")
                    // "met at the Panmunjom truce village"
                    || (before == "the" && *t >= 2 && matches!(ctx.word(t - 2), "in" | "at"))
                    // "the fishing village of Psarades"
                    || (before == "of" && *t >= 2 && ctx.is(t - 2, Cue::CityNoun))
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
            let hedged_weak = around(6, 6).any(|k| ctx.is(k, Cue::WeakHedge));
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
                        .filter(|(t, d, e)| {
                            // "met ... after a preliminary contact on Friday":
                            // the day of what came before
                            let before_it = (cue + len..*t)
                                .any(|k| matches!(ctx.word(k), "after" | "following" | "before"));
                            d.is_some()
                                && !before_it
                                // not a day to come ("would take effect on Sunday")
                                && !matches!(e, DateExpr::Weekday { direction: 2, .. })
                                && Some(*t) != consumed
                                && !is_spoken_date(ctx, *t)
                                && owner_of_date(&cue_positions, *t, ctx).is_none()
                        })
                        .collect();
                    let placed = places.iter().any(|(t, _)| t.abs_diff(cue) <= 12);
                    // ("SEOUL, April 27 -- ... agreed on Friday": one day)
                    let one_day = unowned.windows(2).all(|w| w[0].1 == w[1].1);
                    match unowned[..] {
                        [first, ..] if one_day && !placed && cue_positions.len() == 1 => {
                            Some(first)
                        }
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
            // "Obama has spoken by telephone with Rouhani" in the lead: a
            // call of the day the article is dated
            let date = date.or_else(|| {
                let lead_call = kind == MeetingKind::PhoneCall
                    && year.is_none()
                    && self.lead_at == Some(ctx.sentence.index)
                    && (cue.saturating_sub(3)..cue).any(|k| matches!(ctx.word(k), "has" | "have"));
                self.reference.filter(|_| lead_call)
            });
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
                    // "met over dinner in the city", "talks in this Red Sea
                    // city": the dateline's city
                    .or_else(|| self.dateline.clone().filter(|_| in_this_city(ctx)))
                    // "The talks opened here Nov. 17": the dateline's city
                    .or_else(|| {
                        let here =
                            (cue + len..(cue + len + 3).min(n)).any(|k| ctx.word(k) == "here");
                        self.dateline.clone().filter(|_| here)
                    })
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
            // "at the Kremlin": the city a named venue is in ("on the South
            // Lawn of the White House": the one the sentence names)
            let place = place.or_else(|| {
                let v = venue.as_deref()?;
                let city = |v: &str| self.lex.venue_city(v).map(str::to_string);
                city(v).or_else(|| ctx.m.venues.iter().find_map(|(_, v)| city(v)))
            });
            let after = ctx.word(cue + len);
            // "on a visit to the United Arab Emirates": no day, no city, no
            // meeting of its own
            let own_place = places
                .iter()
                .any(|(t, c)| place_owner(&cue_positions, *t, c) == Some(cue));
            let visit = (ctx.word(cue) == "visit" || ctx.is(cue, Cue::HostVerb))
                && (date.is_some() || own_place);
            let explicit = kind != MeetingKind::Talks
                && (ctx.word(cue) == "met"
                    || visit
                    || after == "between"
                    // "met with X", not "opened the meeting with an address"
                    || (after == "with" && !(cue > 0 && ctx.word(cue - 1) == "the"))
                    || ctx.find("took place", 0).is_some());
            // "hosted Raisi in Beijing last month": another time than the news
            let vague = near.is_some_and(|(_, d, e)| d.is_none() && matches!(e, DateExpr::Vague));
            let earlier_here = |cue: usize| ctx.any(cue.saturating_sub(3)..cue, Cue::EarlierWord);
            let earlier = vague || earlier_here(cue);
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
                separate: ctx.any(cue.saturating_sub(3)..cue, Cue::SeparateWord),
                remote: (cue.saturating_sub(6)..(cue + len + 6).min(n))
                    .any(|k| (self.lex.cue(Cue::RemoteMarker).iter()).any(|p| ctx.phrase_at(k, p))),
                merged: None,
            });
            ctx.meetings.push((idx, cue));
            self.emit(ctx, "meeting-cue", Pending::Meeting(idx));
            for (kind, q, ev) in orphan.map(|o| o.agreements).unwrap_or_default() {
                self.pending.push((Pending::Agreement(idx, kind, q), ev));
            }
            // "the rounds were held on May 16 and June 2": one per day
            if ctx.is(cue, Cue::SeriesNoun) {
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
    pub(super) fn main_talks_place(&self) -> Option<String> {
        self.mentions
            .iter()
            .find(|m| m.kind == MeetingKind::Talks && m.date.is_some() && !m.earlier)
            .and_then(|m| m.place.clone())
    }

    /// "in the Saudi capital", "in the capital of Soviet Uzbekistan": the
    /// capital of the country named, as a place.
    pub(super) fn capitals_named(&self, ctx: &Ctx) -> Vec<(usize, String)> {
        let countries = &ctx.m.countries;
        countries
            .iter()
            .filter(|c| {
                let before = c.start > 0
                    && matches!(ctx.word(c.start - 1), "the" | "its")
                    && matches!(ctx.word(c.end), "capital" | "capital's");
                // (past one adjective: "of Soviet Uzbekistan")
                let of_capital = |at: usize| {
                    at >= 3 && ctx.word(at - 1) == "of" && ctx.word(at - 2) == "capital"
                };
                let after = !c.possessive
                    && !countries.iter().any(|o| o.start == c.end)
                    && (of_capital(c.start)
                        || countries
                            .iter()
                            .any(|o| o.end == c.start && of_capital(o.start)));
                before || after
            })
            .filter_map(|c| {
                let city = self.lex.capitals.get(&c.country)?;
                Some((c.start, city.clone()))
            })
            .collect()
    }

    /// Updates the discourse with a new meeting mention.
    pub(super) fn note_meeting(&mut self, idx: usize) {
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
    pub(super) fn phone_call_by_verb(&mut self, ctx: &mut Ctx, has_place: bool) -> Option<usize> {
        if has_place {
            return None;
        }
        let person = |n: usize| ctx.persons.get(n).cloned().flatten();
        for v in 0..ctx.tokens.len() {
            let spoke = ctx.is(v, Cue::BriefingVerb)
                || (ctx.is(v, Cue::SpeakingVerb) && matches!(ctx.word(v + 1), "with" | "to"));
            // "Trump and Xi last spoke on January 17": two subjects
            let pair = || {
                let mut end = v;
                while end > 0 && matches!(ctx.word(end - 1), "last" | "first" | "also" | "had") {
                    end -= 1;
                }
                let b = ctx.m.names.iter().position(|n| n.end == end)?;
                let start = ctx.m.names[b].start;
                let a = (start >= 2 && ctx.word(start - 1) == "and")
                    .then(|| ctx.m.names.iter().position(|n| n.end == start - 1))
                    .flatten()?;
                Some((person(a)?, person(b)?))
            };
            let (a, b) = if spoke {
                let a = ctx.person_before(v).and_then(person);
                let b = ctx.person_after(v + 1).and_then(person);
                let (Some(a), Some(b)) = (a, b) else {
                    continue;
                };
                (a, b)
            } else if ctx.is(v, Cue::SpeakingVerb) {
                let Some(pair) = pair() else {
                    continue;
                };
                pair
            } else {
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
                separate: false,
                remote: false,
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

    pub(super) fn last_weekday(&self) -> Option<Weekday> {
        self.weekdays.last().copied()
    }

    /// The country of an office's owner: "Trump's senior adviser" (the
    /// owner's country), "the kingdom's national security adviser" (the
    /// country the article spoke of last).
    pub(super) fn owner_country(&self, ctx: &Ctx, start: usize) -> Option<String> {
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
}

pub(super) fn shift_weekday(w: Weekday, days: i64) -> Weekday {
    let n = (w.num_days_from_monday() as i64 + days).rem_euclid(7);
    let mut d = Weekday::Mon;
    for _ in 0..n {
        d = d.succ();
    }
    d
}

/// Whether the cue at `cue` sits in a comparison clause ("as both men had
/// done at the first round"), which names another meeting than this one.
pub(super) fn in_comparison(ctx: &Ctx, cue: usize) -> bool {
    let clause = (0..cue)
        .rev()
        .find(|&k| matches!(ctx.word(k), "," | ";"))
        .map_or(0, |k| k + 1);
    // ("moving between the rooms as he had done at the first round")
    let as_done = (clause..cue).any(|k| {
        ctx.word(k) == "as"
            && matches!(ctx.word(k + 1), "he" | "she" | "they" | "it" | "we")
            && matches!(
                ctx.word(k + 2),
                "had" | "did" | "has" | "have" | "was" | "were"
            )
    });
    as_done
        || matches!(ctx.word(clause), "as" | "like")
        || (ctx.word(clause) == "just" && ctx.word(clause + 1) == "as")
}

/// "told reporters on Thursday": the day of a telling, not of an event.
/// Also "said Wednesday", the reporting verb right before the day.
pub(super) fn is_spoken_date(ctx: &Ctx, date: usize) -> bool {
    date > 0
        && ((ctx.word(date - 1) == "on"
            && ctx.any(date.saturating_sub(5)..date, Cue::ReportingVerb))
            || ctx.is(date - 1, Cue::ReportingVerb))
}

/// The cue a place at token `t` belongs to: the cue right after it ("the
/// Istanbul talks"), else the nearest cue before it ("held talks with the
/// crown prince in Riyadh, hosted Raisi in Beijing"), else the first after.
pub(super) fn place_owner(cues: &[usize], t: usize, city: &str) -> Option<usize> {
    let len = city.split(' ').count();
    if let Some(c) = cues.iter().find(|&&c| c == t + len) {
        return Some(*c);
    }
    let before = cues.iter().filter(|&&c| c < t).max().copied();
    let after = cues.iter().filter(|&&c| c > t).min().copied();
    match (before, after) {
        // "The summit was the latest step in a process that began with a
        // trip to Jerusalem, when he held talks": the nearer event, when
        // the one before is far
        (Some(b), Some(a)) if t - b > 12 && a - t <= 12 => Some(a),
        _ => before.or(after),
    }
}

/// The cue a date belongs to: the nearest cue within twelve tokens with no
/// clause break (comma, semicolon, dash) between them, or within three.
/// Whether the sentence says "in the city" or "in this central Chinese city":
/// the city of the dateline, unnamed.
fn in_this_city(ctx: &Ctx) -> bool {
    let n = ctx.tokens.len();
    (0..n).any(|k| {
        ctx.word(k) == "in"
            && matches!(ctx.word(k + 1), "the" | "this")
            && (k + 2..(k + 7).min(n))
                .take_while(|&t| ctx.tokens[t].kind == TokenKind::Word)
                .any(|t| ctx.is(t, Cue::CityNoun))
    })
}

pub(super) fn owner_of_date(cues: &[usize], date: usize, ctx: &Ctx) -> Option<usize> {
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
            // "said on Monday, after two days of negotiations": days that
            // ended before that day, on days it does not give
            let days_before = c >= 3
                && ctx.word(c - 2) == "days"
                && ctx.word(c - 1) == "of"
                && number_at_token(&ctx.tokens[c - 3]).is_some_and(|d| d >= 2);
            if c > date && before_telling && days_before {
                return false;
            }
            if spoken && before_telling {
                return dist <= 40;
            }
            !spoken && (dist <= 6 || (dist <= 12 && !broken))
        })
        // an event is usually named before its date: "met X in Y on Thursday"
        .min_by_key(|&c| if c < date { date - c } else { 2 * (c - date) })
}
