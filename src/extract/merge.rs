//! The end of an article: meeting mentions merged into meetings, and
//! pending facts turned into facts.

use super::*;

impl Extractor<'_> {
    /// Merges meeting mentions into meetings and turns pending facts into facts.
    pub(super) fn finish(
        mut self,
        sentences: usize,
        date_inferred: bool,
        texts: Vec<String>,
    ) -> Extracted {
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
        // the dateline's country for the rest, when it sent a delegation:
        // a reporter at home names its officials without the country
        // ("SEOUL — President Moon Jae-in"), but not a host's guests
        let home = self.dateline_country.as_ref().filter(|c| {
            facts.iter().any(|f| {
                matches!(&f.fact, Fact::DelegationLeader { country, .. }
                    | Fact::DelegationMember { country, .. } if country == *c)
            })
        });
        fill_role_countries(&mut facts, |_| home);
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
    pub(super) fn date_and_place_the_lead_event(&mut self) {
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
        // ("more than a week of talks that began on October 25", told on
        // November 2: the talks' first day is the article's event too)
        let span = i64::from(self.span_days);
        let of_the_span = |d: NaiveDate| {
            span > 1 && reference.is_some_and(|r| d <= r && (r - d).num_days() <= span + 3)
        };
        let unplaced_day = |m: &MeetingMention| {
            m.date
                .filter(|_| m.place.is_none() && m.kind != MeetingKind::PhoneCall && !m.earlier)
                .filter(|d| reported_within_days(Some(*d), reference) || of_the_span(*d))
        };
        let mut days: Vec<NaiveDate> = self.mentions.iter().filter_map(unplaced_day).collect();
        days.sort();
        days.dedup();
        // without a dateline and without a dated meeting, the lead's day
        // ("agreed a truce, the mediator announced on Wednesday") dates the
        // one place the undated meetings give
        let lead_day = self.lead_day.filter(|_| self.dateline.is_none());
        let day = match (&days[..], lead_day) {
            ([day], _) => Some(*day),
            ([], Some(day)) => Some(day),
            _ => None,
        };
        if let ([place], Some(day)) = (&places[..], day) {
            let place = place.clone();
            for m in self.mentions.iter_mut() {
                if own_undated(m) && m.place.as_ref() == Some(&place) {
                    m.date = Some(day);
                } else if unplaced_day(m).is_some() {
                    m.place = Some(place.clone());
                }
            }
        }
    }

    /// "The signing took place at the Opera House and closed a conference
    /// that opened on Tuesday": talks without a place, opened on the first
    /// day of the span the article tells, were held where the event that
    /// closed them was.
    fn place_the_opening_of_the_span(&mut self) {
        let (span, Some(reference)) = (i64::from(self.span_days), self.reference) else {
            return;
        };
        if span < 2 {
            return;
        }
        let placed: Vec<(NaiveDate, String)> = (self.mentions.iter())
            .filter(|m| !m.earlier && m.kind != MeetingKind::PhoneCall)
            .filter_map(|m| Some((m.date?, m.place.clone()?)))
            .collect();
        for m in self.mentions.iter_mut() {
            let opening = matches!(m.kind, MeetingKind::Talks | MeetingKind::Summit)
                && m.place.is_none()
                && !m.earlier;
            let Some(d) = m.date.filter(|d| opening && *d <= reference) else {
                continue;
            };
            if (reference - d).num_days() + 1 != span {
                continue;
            }
            let mut closing: Vec<&String> = (placed.iter())
                .filter(|(pd, _)| *pd > d && (*pd - d).num_days() < span)
                .map(|(_, p)| p)
                .collect();
            closing.dedup();
            if let [place] = closing[..] {
                m.place = Some(place.clone());
            }
        }
    }

    /// One meeting per date, place and kind. A bare mention ("the talks")
    /// joins the nearest meeting of its kind; a dated one without a place
    /// takes the place of a meeting on the same day.
    pub(super) fn merge_meetings(&mut self) -> Vec<(MeetingKey, Option<String>)> {
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
        // "SEOUL (Yonhap) -- Kim admitted on Tuesday ... at a summit with
        // Koizumi in Pyongyang": the lead's own event, away from the
        // dateline's city, on the day the lead gives
        if let (Some(lead), Some(day)) = (self.dateline_at, self.lead_day) {
            for m in self.mentions.iter_mut() {
                let own = m.sentence == lead && !m.earlier && m.kind != MeetingKind::PhoneCall;
                let away = m.place.is_some() && m.place != self.dateline;
                if own && away && m.date.is_none() && m.year.is_none() {
                    m.date = Some(day);
                }
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
        self.place_the_opening_of_the_span();
        // "a joint statement, signed on Friday at the close of several days
        // of talks": a signing or meeting the same day and place as talks
        // or a summit is part of them (unless it names its own event)
        let events: Vec<(NaiveDate, String, MeetingKind)> = self
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, MeetingKind::Talks | MeetingKind::Summit))
            .filter_map(|m| Some((m.date?, m.place.clone()?, m.kind)))
            .collect();
        let span = i64::from(self.span_days.max(1));
        for m in self.mentions.iter_mut() {
            if m.kind != MeetingKind::Meeting || m.explicit {
                continue;
            }
            let (Some(d), Some(p)) = (m.date, m.place.clone()) else {
                continue;
            };
            // ("a week of talks that opened on January 4" and the signing
            // on the 10th: the days the talks lasted)
            let within = |ed: NaiveDate| ed <= d && (d - ed).num_days() < span;
            if let Some((ed, _, k)) = events.iter().find(|(ed, ep, _)| within(*ed) && *ep == p) {
                m.kind = *k;
                m.date = Some(*ed);
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
            for m in self.mentions.iter_mut() {
                let gap = match (m.date, date) {
                    (Some(a), Some(b)) => (a - b).num_days().abs(),
                    _ => i64::MAX,
                };
                // ("Xi hosted Modi on Friday" within "two days of talks")
                let part = (m.kind == kind && !m.explicit)
                    || (m.kind == MeetingKind::Meeting && kind != MeetingKind::PhoneCall);
                let same_event =
                    self.span_days > 1 && gap <= span && part && m.place == place && !m.separate;
                if (m.anaphoric && gap <= 1 || same_event) && m.kind != MeetingKind::PhoneCall {
                    m.date = date;
                    m.place = place.clone();
                    if kind == MeetingKind::Summit || m.kind == MeetingKind::Meeting {
                        m.kind = kind;
                    }
                }
            }
        }
        // "held their summit by video link on Thursday": that day's
        // meeting took place in no one city, whatever the dateline says
        let remote: Vec<NaiveDate> = (self.mentions.iter())
            .filter(|m| m.remote && !m.earlier)
            .filter_map(|m| m.date)
            .collect();
        for m in self.mentions.iter_mut() {
            if m.remote || (m.date.is_some_and(|d| remote.contains(&d)) && !m.explicit) {
                m.place = None;
                m.venue = None;
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
                        // (back first: "The meeting, which began at 3 pm"
                        // is the one told of, not a meeting to come)
                        .min_by_key(|&j| {
                            let s = self.mentions[j].sentence;
                            (s > m.sentence, s.abs_diff(m.sentence), j)
                        })
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

pub(super) fn key_of_mention(m: &MeetingMention) -> MeetingKey {
    MeetingKey {
        date: m.date,
        year: if m.date.is_some() { None } else { m.year },
        place: m.place.clone(),
        kind: m.kind,
    }
}

pub(super) fn slot_for(
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

/// A role without a country takes the country the article gives the person.
pub(super) fn fill_role_countries<'c>(
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
pub(super) fn drop_generic_titles(facts: &mut Vec<Found>) {
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
pub(super) fn with_countries(mut meetings: Vec<Meeting>, facts: &[Found]) -> Vec<Meeting> {
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
