//! Delegations: who led and who was in each country's delegation, and the
//! meeting each belongs to.

use super::meetings::in_comparison;
use super::*;

impl Extractor<'_> {
    /// The meeting a delegation or agreement in this sentence belongs to:
    /// one the sentence names (not a phone call), else the last one spoken of.
    pub(super) fn meeting_here(&self, ctx: &Ctx) -> Option<usize> {
        let here = |want: &dyn Fn(&MeetingMention) -> bool| {
            ctx.meetings
                .iter()
                .filter(|(_, c)| !in_comparison(ctx, *c))
                .map(|(i, _)| *i)
                .find(|i| want(&self.mentions[*i]))
        };
        // "At those talks Leonen's panel included ...": the event the
        // sentence before told of, however long ago it was
        let pointed = ctx
            .meetings
            .iter()
            .any(|(_, c)| *c > 0 && matches!(ctx.word(c - 1), "those" | "these" | "that" | "this"));
        if let (true, Some(before)) = (pointed, self.discourse.prior_any) {
            if self.mentions[before].sentence + 1 == ctx.sentence.index {
                return Some(before);
            }
        }
        let dated =
            |m: &MeetingMention| m.date.is_some() || (m.place.is_some() && m.year.is_none());
        here(&|m| m.kind != MeetingKind::PhoneCall && m.kind != MeetingKind::Meeting && dated(m))
            .or(self.discourse.last_talks)
            .or_else(|| here(&|m| m.kind != MeetingKind::PhoneCall && dated(m)))
            .or(self.discourse.last_meeting)
            .or_else(|| here(&|m| m.kind != MeetingKind::PhoneCall))
    }

    /// A year-only talks mention for "just as in 2022".
    pub(super) fn year_meeting(&mut self, ctx: &Ctx, year: i32) -> usize {
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
            separate: false,
            remote: false,
            merged: None,
        });
        self.mentions.len() - 1
    }

    pub(super) fn country_of(&self, p: &PersonKey) -> Option<String> {
        self.person_country
            .get(p)
            .or_else(|| self.known.get(p))
            .cloned()
    }

    /// Remembers the country whose government the sentence names ("the
    /// Colombian government"), for a later "government delegation".
    pub(super) fn note_government(&mut self, ctx: &Ctx) {
        if let Some(c) =
            (ctx.m.countries.iter()).find(|c| !c.possessive && ctx.word(c.end) == "government")
        {
            self.government = Some(c.country.clone());
        }
    }

    /// Delegation leaders and members.
    pub(super) fn delegations(&mut self, ctx: &Ctx) {
        let mut listed = false;
        let negated = (self.lex.cue(Cue::Absence).iter()).any(|p| ctx.find(p, 0).is_some());
        let meeting = self.meeting_here(ctx);
        // leaders
        for i in 0..ctx.tokens.len() {
            if !ctx.is(i, Cue::DelegationNoun) {
                continue;
            }
            // "the team of the Tigray People's Liberation Front (TPLF)"
            let mut j = i + 1;
            let of_country = (ctx.word(j) == "of").then(|| {
                let at = if ctx.word(j + 1) == "the" {
                    j + 2
                } else {
                    j + 1
                };
                let countries = &ctx.m.countries;
                countries
                    .iter()
                    .find(|c| c.start == at && !c.possessive)
                    .or_else(|| {
                        // a name the gazetteer knows by its abbreviation
                        let open =
                            (at..(at + 8).min(ctx.tokens.len())).find(|&k| ctx.word(k) == "(")?;
                        countries.iter().find(|c| c.start == open + 1)
                    })
            });
            let of_country = of_country.flatten().map(|c| {
                j = c.end + usize::from(ctx.word(c.end) == ")");
                if ctx.word(j) == "(" {
                    j = (j..ctx.tokens.len())
                        .find(|&k| ctx.word(k) == ")")
                        .map_or(j, |k| k + 1);
                }
                c.country.clone()
            });
            let country = ctx
                .country_before(i)
                .or(of_country)
                .or_else(|| {
                    // "Our delegation": the speaker's country
                    (i > 0 && matches!(ctx.word(i - 1), "our" | "my"))
                        .then(|| self.speaker_country(ctx))
                        .flatten()
                })
                .or_else(|| {
                    // "the government delegation" after "the Colombian
                    // government and the ELN"
                    (i > 0 && ctx.word(i - 1) == "government")
                        .then(|| self.government.clone())
                        .flatten()
                });
            // "X delegation (, ) (was|is|will be) led|headed by NAME
            while j < ctx.tokens.len()
                && matches!(
                    ctx.word(j),
                    "," | "was"
                        | "is"
                        | "were"
                        | "are"
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
            if ctx.is(j, Cue::LeadVerb) && ctx.word(j + 1) == "by" {
                // "The government side was headed by NAME, Syria's
                // ambassador": a side no country names is its leader's
                let leader_country = |n: usize| {
                    let p = ctx.persons.get(n).cloned().flatten()?;
                    self.country_of(&p)
                };
                let found = ctx.person_after(j + 2).and_then(|n| {
                    let c = country.clone().or_else(|| leader_country(n))?;
                    Some((c, n))
                });
                if let Some((c, n)) = found {
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
                    for (_, c, p) in self.elliptical_leaders(ctx, j + 2) {
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
                let verb = (i.saturating_sub(5)..i)
                    .rev()
                    .find(|&k| ctx.is(k, Cue::LeadVerb));
                let subject = verb.and_then(|v| self.subject_of(ctx, v));
                // ("Kiir led his government's delegation": the leader's own)
                let own = matches!(ctx.word(i - 1), "his" | "her")
                    || (i >= 3
                        && ctx.word(i - 2) == "government"
                        && ctx.tokens[i - 1].kind == TokenKind::Possessive
                        && matches!(ctx.word(i - 3), "his" | "her"));
                let country = country.clone().or_else(|| {
                    (subject.as_ref())
                        .filter(|_| own)
                        .and_then(|p| self.country_of(p))
                });
                if let (Some(p), Some(c), Some(mt)) = (subject, country, meeting) {
                    let mt = if ctx.phrase_at(i + 1, "at the time") {
                        self.discourse.prior_any.unwrap_or(mt)
                    } else {
                        mt
                    };
                    self.leader(ctx, "person-led-delegation", mt, &c, &p);
                    continue;
                }
            }
            // "the North Korean side told Koizumi's delegation that ...":
            // the one whose delegation it is leads it, when no one else is
            // said to
            if let (Some(n), Some(mt)) = (self.owner_of_delegation(ctx, i), meeting) {
                let p = ctx.persons.get(n).cloned().flatten();
                let c = p.as_ref().and_then(|p| self.country_of(p));
                if let (Some(p), Some(c)) = (p, c) {
                    if !self.has_leader(mt, &c) {
                        self.leader(ctx, "owned-delegation", mt, &c, &p);
                    }
                }
            }
        }
        // "The ministers, Mirzoyan of Armenia and Bayramov of Azerbaijan,
        // headed their countries' delegations": each leads their own
        let respective = (0..ctx.tokens.len()).find(|&k| {
            ctx.is(k, Cue::LeadVerb)
                && ctx.word(k + 1) == "their"
                && ctx.any(k + 2..(k + 5).min(ctx.tokens.len()), Cue::DelegationsNoun)
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
        if let Some(mt) = meeting {
            self.elided_leaders(ctx, mt);
        }
        self.members_years_ago(ctx);
        self.seated_with(ctx);
        if negated {
            self.discourse.listing = false;
            return;
        }
        // members: "accompanied by LIST", "experts included LIST",
        // "LIST took part in the talks", "the X side was represented by LIST"
        let triggers = self.lex.cue(Cue::MemberList);
        // every list in the sentence: "The American delegation also
        // included A and B; Putin was accompanied by C and D"
        // (each time it comes: "A's delegation included B, and C's included D")
        let mut found: Vec<(usize, &str, usize)> = triggers
            .iter()
            .flat_map(|t| {
                std::iter::successors(ctx.find(t, 0), |&k| ctx.find(t, k + 1))
                    .map(move |k| (k, t.as_str(), k + t.split(' ').count()))
            })
            .collect();
        // "accompanied at the meeting by": the trigger around a place in
        // the event
        for t in triggers.iter().filter(|t| t.ends_with(" by")) {
            let verb = t.trim_end_matches(" by");
            let mut from = 0;
            while let Some(k) = ctx.find(verb, from) {
                from = k + 1;
                let after = k + verb.split(' ').count();
                if ctx.word(after) != "at" {
                    continue;
                }
                let by = (after + 1..(after + 4).min(ctx.tokens.len()))
                    .find(|&b| ctx.word(b) == "by")
                    .filter(|&b| (after + 1..b).any(|w| ctx.is(w, Cue::SessionNoun)));
                if let Some(b) = by {
                    found.push((k, t.as_str(), b + 1));
                }
            }
        }
        found.sort();
        found.dedup_by_key(|(k, _, _)| *k);
        for (i, &(k, trig, from)) in found.iter().enumerate() {
            let next = found.get(i + 1).map_or(ctx.tokens.len(), |(n, _, _)| *n);
            // a list with semicolons runs on, unless another list follows
            // "joined by A, and Gorbachev, the party leader, was flanked by
            // B": the next list's subject starts its own clause
            let own_subject =
                next > 0 && matches!(ctx.word(next - 1), "was" | "were" | "is" | "are");
            // "..., and Turkey's was headed by", "..., and Tudjman's
            // included": another side's clause
            let next = (from + 1..next)
                .find(|&t| {
                    let owner = |e: usize| {
                        ctx.tokens
                            .get(e)
                            .is_some_and(|p| p.kind == TokenKind::Possessive)
                    };
                    ctx.word(t - 1) == ","
                        && ctx.word(t) == "and"
                        && (ctx
                            .m
                            .countries
                            .iter()
                            .any(|c| c.start == t + 1 && c.possessive)
                            || ctx.m.names.iter().any(|n| n.start == t + 1 && owner(n.end)))
                })
                .unwrap_or(next);
            // "represented by A, while France sent B": a country opens a
            // clause of its own
            let country_clause = (from + 1..next).find(|&t| {
                let at = t + 1 + usize::from(ctx.word(t + 1) == "the");
                ctx.word(t - 1) == ","
                    && matches!(ctx.word(t), "while" | "whereas")
                    && ctx.m.countries.iter().any(|c| c.start == at)
            });
            let next = country_clause.unwrap_or(next);
            let stop = if next < ctx.tokens.len() {
                (from..next)
                    .find(|&t| ctx.word(t) == ";")
                    .or_else(|| {
                        (from + 1..next).rev().find(|&t| {
                            own_subject
                                && ctx.word(t - 1) == ","
                                && matches!(ctx.word(t), "and" | "while" | "whereas")
                        })
                    })
                    .unwrap_or(next)
            } else {
                next
            };
            // "the Soviet Union was represented by A, the United States by
            // B, and Great Britain by C": each country its own leader
            let elided = if trig == "represented by" {
                (self.elliptical_leaders(ctx, from))
                    .into_iter()
                    .filter(|(b, _, _)| *b >= from && *b < stop)
                    .collect()
            } else {
                Vec::new()
            };
            let stop = elided.first().map_or(stop, |(b, _, _)| *b);
            if let (false, Some(mt)) = (elided.is_empty(), self.meeting_here(ctx)) {
                for (_, c, p) in &elided {
                    self.leader(ctx, "delegation-led-by", mt, c, p);
                }
            }
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
        if !found.is_empty() || !ctx.meetings.is_empty() {
            self.sent_leaders(ctx);
        }
        listed |= self.companions_alongside(ctx);
        let lists = [Cue::Participation, Cue::Membership];
        for verb in lists.iter().flat_map(|&c| self.lex.cue(c)) {
            let verb = verb.as_str();
            let Some(k) = ctx.find(verb, 0) else { continue };
            // "Fomin was among its members": the delegation just named
            let talks_follow = verb.starts_with("among")
                || (k..(k + 8).min(ctx.tokens.len()))
                    .any(|t| ctx.is(t, Cue::TalksNoun) || ctx.word(t) == "delegation");
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

    /// "The American side was headed by A, with B and C alongside him": the
    /// people between "with" and the closing phrase join the delegation
    /// led last. Whether any did.
    pub(super) fn companions_alongside(&mut self, ctx: &Ctx) -> bool {
        let mut listed = false;
        for close in self.lex.cue(Cue::CompanionClose) {
            let Some(e) = ctx.find(close, 0) else {
                continue;
            };
            let Some(w) = (e.saturating_sub(20)..e)
                .rev()
                .find(|&t| ctx.word(t) == "with")
            else {
                continue;
            };
            let Some(delegation) = self.discourse.delegation.clone() else {
                continue;
            };
            listed |= self.group(ctx, "with", delegation, w + 1..e);
        }
        listed
    }

    /// "..., and Turkey's was headed by NAME": a country's delegation with
    /// its noun left out, in a clause of its own.
    pub(super) fn elided_leaders(&mut self, ctx: &Ctx, mt: usize) {
        for c in ctx.m.countries.iter().filter(|c| c.possessive) {
            let verb = c.end + 1;
            let passive = matches!(ctx.word(verb), "was" | "were" | "is");
            if !(passive && ctx.is(verb + 1, Cue::LeadVerb) && ctx.word(verb + 2) == "by") {
                continue;
            }
            let person = ctx.person_after(verb + 3).filter(|&n| {
                // the name right after "by", or after its office
                let start = ctx.m.names[n].start;
                start == verb + 3 || ctx.m.offices.iter().any(|(o, _)| o.start == verb + 3)
            });
            if let Some(Some(p)) = person.map(|n| ctx.persons.get(n).cloned().flatten()) {
                self.leader(ctx, "elided-delegation-led-by", mt, &c.country, &p);
            }
        }
    }

    /// "and Bahrain's by its foreign minister, NAME", "and the Israeli
    /// delegation by NAME", ", the United States by NAME": the country and
    /// leader of each delegation a "led by" leaves its verb out for, after
    /// `from`, with the token where each clause begins.
    pub(super) fn elliptical_leaders(
        &self,
        ctx: &Ctx,
        from: usize,
    ) -> Vec<(usize, String, PersonKey)> {
        let mut out = Vec::new();
        for c in ctx.m.countries.iter().filter(|c| c.start > from) {
            let mut by = c.end + usize::from(c.possessive);
            // "the Israeli delegation by", "the Turkish Cypriot one by"
            if !c.possessive && (ctx.is(by, Cue::DelegationNoun) || ctx.word(by) == "one") {
                by += 1;
            }
            let opens = if ctx.word(c.start - 1) == "the" {
                c.start - 1
            } else {
                c.start
            };
            if opens == 0
                || !matches!(ctx.word(opens - 1), "and" | ";" | "while" | ",")
                || ctx.word(by) != "by"
            {
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
                let begins = if ctx.word(opens - 1) == "and" && ctx.word(opens - 2) == "," {
                    opens - 2
                } else {
                    opens - 1
                };
                out.push((begins, c.country.clone(), p));
            }
        }
        out
    }

    /// "X and Y were accompanied by their ministers, A and B" (or "..., A
    /// and B respectively"): as many people listed as there are subjects,
    /// each joins the delegation of the subject in the same place. Whether
    /// the sentence had that shape and gave the groups.
    pub(super) fn respective_groups(
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
    pub(super) fn group(
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
            let has_leader = self.has_leader(mt, &c);
            let owned = ctx
                .lower
                .windows(2)
                .any(|w| w[0] == "'s" && self.lex.is_cue(Cue::DelegationNoun, w[1]));
            if !has_leader && (self.lex.is_cue(Cue::CompanionList, trig) || owned) {
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
    pub(super) fn members_years_ago(&mut self, ctx: &Ctx) {
        let Some(reference) = self.reference else {
            return;
        };
        let Some(ago) = ctx.find("years ago", 0) else {
            return;
        };
        let Some(verb) = (self.lex.cue(Cue::Participation).iter())
            .filter_map(|v| ctx.find(v, 0))
            .find(|&v| v < ago && ago - v <= 8)
        else {
            return;
        };
        let Some(years) = number_at_token(&ctx.tokens[ago - 1]).and_then(|n| i32::try_from(n).ok())
        else {
            return;
        };
        let talks = ctx.any(verb..ago, Cue::TalksNoun);
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
    pub(super) fn extra_years(
        &mut self,
        ctx: &Ctx,
        country: &str,
        person: &PersonKey,
        leader: bool,
    ) {
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
    pub(super) fn delegation_for(
        &self,
        ctx: &Ctx,
        k: usize,
    ) -> Option<(usize, String, Option<PersonKey>)> {
        // "the U.S. side was represented by", "the Russian delegation
        // included"; "among the members of the Soviet delegation were"
        // (but not "members of parliament, among them A and B")
        let named_after = ctx.phrase_at(k, "members of");
        let here = if named_after {
            Some((k + 2..(k + 7).min(ctx.tokens.len())).find(|&t| ctx.is(t, Cue::DelegationNoun))?)
        } else {
            (k.saturating_sub(6)..k).find(|&t| ctx.is(t, Cue::DelegationNoun))
        };
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
                // ("Vajpayee's delegation included External Affairs Minister
                // Jaswant Singh": of the country of those it included)
                let c = self
                    .country_of(&p)
                    .or_else(|| self.country_of_first_after(ctx, k))?;
                let mt = self.meeting_here(ctx)?;
                return Some((mt, c, Some(p)));
            }
        }
        // "and Tudjman's included": the delegation of the one named, its noun
        // left out
        let elided = (k >= 2 && ctx.tokens[k - 1].kind == TokenKind::Possessive)
            .then(|| ctx.m.names.iter().position(|n| n.end == k - 1))
            .flatten()
            .and_then(|n| ctx.persons.get(n).cloned().flatten());
        if let Some(p) = elided {
            let c = self.country_of(&p)?;
            let mt = self.meeting_here(ctx)?;
            return Some((mt, c, Some(p)));
        }
        // "Hamas was represented by its chief negotiator"
        let side = ctx
            .m
            .countries
            .iter()
            .find(|c| c.end + 1 == k && matches!(ctx.word(c.end), "was" | "were" | "is"))
            .map(|c| c.country.clone());
        // "The United States, ..., took part only as an observer and was
        // represented by": the country the sentence opens with, when no one
        // else is named before the verb
        let side = side.or_else(|| {
            let first = ctx.m.countries.first()?;
            let opens = first.start <= 1 && !first.possessive;
            let passive = k > 0 && matches!(ctx.word(k - 1), "was" | "were" | "is");
            let between = |t: usize| t >= first.end && t < k;
            let clear = !ctx.m.names.iter().any(|n| between(n.start))
                && !ctx.m.countries.iter().skip(1).any(|c| between(c.start));
            (opens && passive && clear).then(|| first.country.clone())
        });
        // "while Britain, the third guarantor power, was represented by":
        // the country an apposition right before the verb describes
        let side = side.or_else(|| {
            let passive = k >= 2
                && matches!(ctx.word(k - 1), "was" | "were" | "is")
                && ctx.word(k - 2) == ",";
            let c = ctx.m.countries.iter().rev().find(|c| c.end < k)?;
            let between = |t: usize| t > c.end && t < k;
            let clear = !ctx.m.names.iter().any(|n| between(n.start))
                && !(c.end + 1..k - 2).any(|t| ctx.word(t) == ",");
            (passive && clear && !c.possessive && ctx.word(c.end) == ",").then(|| c.country.clone())
        });
        if let Some(c) = side {
            let mt = self.meeting_here(ctx)?;
            return Some((mt, c, None));
        }
        // "He was accompanied by": the delegation spoken of last; "NAME was
        // accompanied by": NAME's delegation
        // "NAME(, the party leader,) was flanked by": the clause's subject
        // ("Koizumi, who was accompanied by": the one the clause is about)
        let clause_subject = k
            .checked_sub(1)
            .filter(|&j| matches!(ctx.word(j), "was" | "were" | "is" | "are"))
            .and_then(|j| {
                ctx.subject_before(j)
                    .or_else(|| ctx.name_before_who(j.checked_sub(1)?))
            });
        let subject = clause_subject
            .or_else(|| ctx.person_before(k))
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
            // "accompanied at the meeting by": the sentence names the event
            let at_event = ctx.word(k + 1) == "at"
                && (k + 2..(k + 5).min(ctx.tokens.len())).any(|t| ctx.is(t, Cue::SessionNoun));
            let talks_here = at_event
                || ctx.lower.iter().any(|w| {
                    matches!(*w, "delegation" | "summit") || self.lex.is_cue(Cue::TalksNoun, w)
                });
            // "Trump was accompanied by", right after the meeting was named
            let named_subject = clause_subject.is_some()
                || ctx.person_before(k).is_some_and(|n| {
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
            // "Reagan was joined by Secretary of State George Shultz": of
            // the country of those who join, when the subject's is not known
            let c = self
                .country_of(&p)
                .or_else(|| self.country_of_first_after(ctx, k))?;
            let mt = self.meeting_here(ctx)?;
            return Some((mt, c, Some(p)));
        }
        self.discourse.delegation.clone()
    }

    /// "..., while the United States sent Deputy Secretary of State John
    /// Negroponte": the one a country sent to the meeting leads its side.
    fn sent_leaders(&mut self, ctx: &Ctx) {
        let Some(mt) = self.meeting_here(ctx) else {
            return;
        };
        for c in ctx.m.countries.iter().filter(|c| !c.possessive) {
            if ctx.word(c.end) != "sent" {
                continue;
            }
            let Some(Some(p)) = ctx.person_after(c.end + 1).map(|n| ctx.persons[n].clone()) else {
                continue;
            };
            if !self.has_leader(mt, &c.country) {
                self.leader(ctx, "country-sent", mt, &c.country, &p);
            }
        }
    }

    /// The person named in the possessive right before the delegation noun
    /// at `i` ("Koizumi's delegation").
    fn owner_of_delegation(&self, ctx: &Ctx, i: usize) -> Option<usize> {
        let s = i.checked_sub(1)?;
        if ctx.tokens[s].kind != TokenKind::Possessive {
            return None;
        }
        ctx.m.names.iter().position(|n| n.end == s)
    }

    /// The country of the first person named after token `k`.
    fn country_of_first_after(&self, ctx: &Ctx, k: usize) -> Option<String> {
        let n = ctx.m.names.iter().position(|n| n.start > k)?;
        self.country_of(ctx.persons.get(n)?.as_ref()?)
    }

    /// "Sergey Lavrov, the Russian foreign minister, sat with Putin": a
    /// member seated with his leader, of the member's country when the
    /// leader is of no other (not "Trump sat with Putin").
    pub(super) fn seated_with(&mut self, ctx: &Ctx) {
        for phrase in self.lex.cue(Cue::SeatedWith) {
            let mut from = 0;
            while let Some(k) = ctx.find(phrase, from) {
                from = k + 1;
                let end = k + phrase.split(' ').count();
                let person = |n: usize| ctx.persons.get(n).cloned().flatten();
                let (Some(member), Some(leader)) = (
                    ctx.subject_before(k).and_then(person),
                    ctx.person_after(end).and_then(person),
                ) else {
                    continue;
                };
                // of the member's country, which the leader must not contradict
                let country = match (self.country_of(&member), self.country_of(&leader)) {
                    (Some(a), Some(b)) if a != b => continue,
                    (Some(c), _) => c,
                    (None, _) => continue,
                };
                if let Some(mt) = self.meeting_here(ctx) {
                    self.leader(ctx, "seated-with", mt, &country, &leader);
                    self.member(ctx, "seated-with", mt, &country, &member);
                }
            }
        }
    }

    /// The person who does the verb at token `v`: the antecedent of `who`,
    /// else the nearest name before it.
    pub(super) fn subject_of(&self, ctx: &Ctx, v: usize) -> Option<PersonKey> {
        let who = (v.saturating_sub(8)..v)
            .rev()
            .find(|&k| ctx.word(k) == "who");
        // ("Kissinger, President Nixon's adviser, led": past the apposition)
        let n = match who {
            Some(w) => ctx.person_before(w),
            None => ctx.subject_before(v).or_else(|| ctx.person_before(v)),
        }?;
        ctx.persons.get(n).cloned().flatten()
    }

    /// The country of whoever speaks a quoted sentence ("Lavrov added, ...").
    pub(super) fn speaker_country(&self, ctx: &Ctx) -> Option<String> {
        let verb = (ctx.lower.iter()).position(|w| self.lex.is_cue(Cue::ReportingVerb, w))?;
        let n = ctx
            .person_before(verb)
            .or_else(|| ctx.names_in(verb, ctx.tokens.len()).first().copied())?;
        let p = ctx.persons.get(n).cloned().flatten()?;
        self.country_of(&p)
    }

    /// Whether someone is already said to lead `country`'s delegation at
    /// meeting `mt`.
    fn has_leader(&self, mt: usize, country: &str) -> bool {
        (self.pending.iter())
            .any(|(f, _)| matches!(f, Pending::Leader(m, c, _) if *m == mt && c == country))
    }

    /// `p` led `country`'s delegation at meeting `mt` (and so was in it).
    pub(super) fn leader(
        &mut self,
        ctx: &Ctx,
        rule: &'static str,
        mt: usize,
        country: &str,
        p: &PersonKey,
    ) {
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
    pub(super) fn member(
        &mut self,
        ctx: &Ctx,
        rule: &'static str,
        mt: usize,
        country: &str,
        p: &PersonKey,
    ) {
        self.person_country
            .entry(p.clone())
            .or_insert_with(|| country.to_string());
        self.emit(
            ctx,
            rule,
            Pending::Member(mt, country.to_string(), p.clone()),
        );
    }
}
