//! Roles: offices attached to people, in apposition, over lists, through
//! "his counterpart" and in clauses.

use super::*;

impl Extractor<'_> {
    /// Roles: an office attached to a person, not former, not a delegation role.
    pub(super) fn roles(&mut self, ctx: &Ctx) {
        for (o, target) in &ctx.m.offices {
            let Some(t) = target else { continue };
            let Some(Some(person)) = ctx.persons.get(*t) else {
                continue;
            };
            // "the head of the ruling ... faction": a bare head word says nothing
            // "Koizumi, the first Japanese head of government to visit the
            // North": a description, not an office
            let first_to = (matches!(ctx.word(o.start), "first" | "last" | "only")
                || o.start > 0 && matches!(ctx.word(o.start - 1), "first" | "last" | "only"))
                && ctx.word(o.end) == "to";
            if o.former
                || o.delegation_role
                || first_to
                || self.lex.is_cue(Cue::GenericTitle, &o.title.to_lowercase())
            {
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
    pub(super) fn shared_offices(&mut self, ctx: &Ctx) {
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
    pub(super) fn share_office(
        &mut self,
        ctx: &Ctx,
        title: &str,
        names: impl IntoIterator<Item = (usize, Option<String>)>,
    ) {
        for (n, country) in names {
            if let Some(Some(p)) = ctx.persons.get(n).cloned() {
                // "In the presence of the two prime ministers, Raghunath and
                // Ahmad signed": people who hold another office already are
                // not the ones the plural names
                let elsewhere = (self.office_holders.iter())
                    .any(|(t, holders)| t != title && holders.contains(&p));
                if elsewhere {
                    continue;
                }
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
    pub(super) fn office_over_names(&mut self, ctx: &Ctx, mut k: usize, title: &str) {
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
    pub(super) fn counterparts(&mut self, ctx: &Ctx) {
        for k in 0..ctx.tokens.len() {
            if ctx.word(k) != "counterpart" || k < 2 {
                continue;
            }
            // ("his South Korean counterpart": an adjective of two words)
            let adjective = (ctx.m.countries.iter()).find(|c| c.end == k && !c.possessive);
            let country = adjective.map(|c| c.country.clone());
            let Some(owner_at) = adjective.map_or(k, |c| c.start).checked_sub(1) else {
                continue;
            };
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

    /// "Japan and China established relations when Prime Minister Kakuei
    /// Tanaka and Chinese Premier Chou En-lai signed": after two sides named
    /// as a pair of countries, in that sentence or the next, a pair of people
    /// of whom one is of a side: the other is of the other side.
    pub(super) fn sides_of_pairs(&mut self, ctx: &Ctx) {
        let countries = &ctx.m.countries;
        // (the subject of a clause: not "claimed by both China and Bhutan"
        // or "talks between Russia and Ukraine")
        let pair = countries.iter().find_map(|a| {
            let b = countries.iter().find(|b| b.start == a.end + 1)?;
            let before = if a.start > 0 {
                ctx.word(a.start - 1)
            } else {
                ""
            };
            let subject = !matches!(
                before,
                "by" | "both" | "between" | "from" | "of" | "with" | "and" | "to" | "for" | "on"
            );
            (ctx.word(a.end) == "and" && !a.possessive && a.country != b.country && subject)
                .then(|| (a.country.clone(), b.country.clone()))
        });
        if let Some((a, b)) = pair {
            self.sides = Some((a, b, ctx.sentence.index));
        }
        let Some((a, b, at)) = self.sides.clone() else {
            return;
        };
        if ctx.sentence.index > at + 1 {
            return;
        }
        let person = |n: Option<usize>| n.and_then(|n| ctx.persons.get(n).cloned().flatten());
        for k in 0..ctx.tokens.len() {
            if ctx.word(k) != "and" {
                continue;
            }
            // "Tanaka and", "Mrs Indira Gandhi, and"; not a list of one
            // side's people ("along with Foreign Minister A and B")
            let first_at = (ctx.m.names.iter())
                .position(|n| n.end == k || (n.end + 1 == k && ctx.word(n.end) == ","));
            let listed = first_at.is_some_and(|n| {
                let start = ctx.m.names[n].start;
                // (not "announced by A and his counterpart B")
                (start.saturating_sub(5)..start).any(|t| {
                    matches!(ctx.word(t), "with" | "including" | "included" | "among")
                        || (ctx.word(t) == "by"
                            && t > 0
                            && self
                                .lex
                                .is_cue(Cue::CompanionList, &format!("{} by", ctx.word(t - 1))))
                })
            });
            if listed {
                continue;
            }
            let first = person(first_at);
            // "and Chinese Premier Chou En-lai", "and his South Korean
            // counterpart, Yun Byung-se"
            let mut j = k + 1;
            let mut adjective = None;
            if matches!(ctx.word(j), "his" | "her") {
                j += 1;
                if let Some(c) = countries.iter().find(|c| c.start == j && !c.possessive) {
                    adjective = Some(c.country.clone());
                    j = c.end;
                }
                if ctx.word(j) != "counterpart" {
                    continue;
                }
                j += 1;
            }
            let second = person(ctx.person_after(j));
            let (Some(p), Some(q)) = (first, second) else {
                continue;
            };
            let q_country = adjective.or_else(|| self.country_of(&q));
            let other = |c: &str| {
                if c == a {
                    Some(b.clone())
                } else if c == b {
                    Some(a.clone())
                } else {
                    None
                }
            };
            match (self.country_of(&p), q_country) {
                (None, Some(c)) => {
                    if let Some(o) = other(&c) {
                        self.person_country.insert(p, o);
                    }
                }
                (Some(c), None) => {
                    if let Some(o) = other(&c) {
                        self.person_country.insert(q, o);
                    }
                }
                _ => {}
            }
        }
    }

    /// "Igor Kostyukov, who heads the Main Directorate of the General Staff":
    /// an office given in a relative clause.
    pub(super) fn roles_in_clauses(&mut self, ctx: &Ctx) {
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
            // "who is also Qatar's foreign minister"
            while matches!(ctx.word(j), "also" | "now" | "currently" | "still") && j < from + 2 {
                j += 1;
            }
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
}
