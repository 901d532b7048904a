//! Facts to quads: one article's [`ArticleFacts`] become the sorted quads of
//! that article's named graph, with deterministic IRIs and no blank nodes.
//! The only module that knows both the facts and the ontology.
//!
//! IRIs live under [`DATA_NAMESPACE`] (`https://w3id.org/delegraph/id/`):
//!
//! | resource | path |
//! | --- | --- |
//! | article (and its graph) | `article/<article id>` |
//! | evidence | `evidence/<article id>/<sentence index>/<rule>` |
//! | person | `person/<person key>` |
//! | country or body | `country/<name>` |
//! | city or venue | `place/<name>` |
//! | meeting | `meeting/<date or year or undated>/<city or unplaced>/<kind>` |
//! | delegation | `delegation/<meeting path>/<country>` |
//! | delegation membership | `membership/<meeting path>/<country>/<person>` |
//! | delegation leadership | `leadership/<meeting path>/<country>/<person>` |
//! | participation | `participation/<meeting path>/<person>` |
//! | chairing | `chairing/<meeting path>/<person>` |
//! | role assignment | `role/<person>/<title>[/<country>]` |
//! | agreement | `agreement/<meeting path>/<kind>` |
//!
//! where `<meeting path>` is the meeting's path without `meeting/`, and each
//! segment is a [`slug`]. A resource shared by several articles (a person, a
//! meeting, a delegation) has one IRI; each article's graph says what that
//! article states of it, with its own evidence.

use crate::fact::{
    AgreementKind, ArticleFacts, Evidence, Fact, MeetingKey, MeetingKind, PersonKey,
};
use crate::vocab::{dg, nif, prov, schema, DATA_NAMESPACE};
use chrono::NaiveDate;
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::fmt::Write as _;

/// Letters folded to ASCII by [`slug`]: each accented letter of a group maps
/// to the group's ASCII spelling.
const FOLDS: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("æ", "ae"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĳ", "ij"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏő", "o"),
    ("œ", "oe"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ß", "ss"),
    ("ţťŧț", "t"),
    ("þ", "th"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
];

/// The IRI segment for a name: lowercase ASCII, accents folded, every run of
/// other characters one `-`, none at either end (`Dolmabahçe Palace` ->
/// `dolmabahce-palace`). A letter or digit outside Latin scripts becomes
/// `u` and its code point in hex, so that no two names in other scripts
/// collide; a name with no letter or digit at all becomes `unnamed`.
pub fn slug(text: &str) -> String {
    fn push(out: &mut String, piece: &str, gap: &mut bool) {
        if *gap && !out.is_empty() {
            out.push('-');
        }
        *gap = false;
        out.push_str(piece);
    }
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            push(&mut out, c.encode_utf8(&mut [0; 4]), &mut gap);
        } else if let Some((_, ascii)) = FOLDS.iter().find(|(from, _)| from.contains(c)) {
            push(&mut out, ascii, &mut gap);
        } else if ('\u{300}'..='\u{36f}').contains(&c) || c == '\'' || c == '\u{2019}' {
            // Combining accents (`İ` lowercases to `i` and a dot) and
            // apostrophes (`Dmitry's` -> `dmitrys`) do not split a word.
        } else if c.is_alphanumeric() {
            // Its own segment, so `u43eu43d` can't read as another code point.
            gap = true;
            push(&mut out, &format!("u{:x}", u32::from(c)), &mut gap);
            gap = true;
        } else {
            gap = true;
        }
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    out
}

fn mint(path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA_NAMESPACE}{path}"))
}

/// The IRI of an article, also the IRI of its named graph.
pub fn article_iri(article_id: &str) -> NamedNode {
    mint(&format!("article/{}", slug(article_id)))
}

/// The IRI of a person.
pub fn person_iri(key: &PersonKey) -> NamedNode {
    mint(&format!("person/{}", slug(&key.0)))
}

/// The IRI of a country or body, from its canonical name.
pub fn country_iri(name: &str) -> NamedNode {
    mint(&format!("country/{}", slug(name)))
}

/// The IRI of a city or venue.
pub fn place_iri(name: &str) -> NamedNode {
    mint(&format!("place/{}", slug(name)))
}

/// The path that identifies a meeting: `<date|year|undated>/<city|unplaced>/<kind>`.
pub fn meeting_path(key: &MeetingKey) -> String {
    let when = match (key.date, key.year) {
        (Some(date), _) => date.format("%Y-%m-%d").to_string(),
        (None, Some(year)) => year.to_string(),
        (None, None) => "undated".to_owned(),
    };
    let place = key
        .place
        .as_deref()
        .map_or_else(|| "unplaced".to_owned(), slug);
    format!("{when}/{place}/{}", key.kind.slug())
}

/// The IRI of a meeting.
pub fn meeting_iri(key: &MeetingKey) -> NamedNode {
    mint(&format!("meeting/{}", meeting_path(key)))
}

/// The IRI of a country's delegation at a meeting.
pub fn delegation_iri(meeting: &MeetingKey, country: &str) -> NamedNode {
    mint(&format!(
        "delegation/{}/{}",
        meeting_path(meeting),
        slug(country)
    ))
}

/// The IRI of an agreement of a kind reached at a meeting.
pub fn agreement_iri(meeting: &MeetingKey, kind: AgreementKind) -> NamedNode {
    mint(&format!(
        "agreement/{}/{}",
        meeting_path(meeting),
        kind.slug()
    ))
}

/// The IRI of a person's office of a country (or of no stated country).
pub fn role_iri(person: &PersonKey, title: &str, country: Option<&str>) -> NamedNode {
    let mut path = format!("role/{}/{}", slug(&person.0), slug(title));
    if let Some(country) = country {
        let _ = write!(path, "/{}", slug(country));
    }
    mint(&path)
}

/// The IRI of the evidence a rule found in a sentence of an article.
pub fn evidence_iri(evidence: &Evidence) -> NamedNode {
    mint(&format!(
        "evidence/{}/{}/{}",
        slug(&evidence.article),
        evidence.sentence,
        slug(evidence.rule)
    ))
}

/// Whether the resource `iri` names belongs to one article: the article
/// itself and its evidence, whose IRIs carry the article's id, so only that
/// article's graph can say anything of them.
pub fn is_article_local(iri: &str) -> bool {
    iri.strip_prefix(DATA_NAMESPACE)
        .is_some_and(|path| path.starts_with("article/") || path.starts_with("evidence/"))
}

/// The SKOS concept of a meeting kind.
pub fn meeting_kind(kind: MeetingKind) -> NamedNodeRef<'static> {
    match kind {
        MeetingKind::Talks => dg::TALKS,
        MeetingKind::Summit => dg::SUMMIT,
        MeetingKind::PhoneCall => dg::PHONE_CALL,
        MeetingKind::Meeting => dg::GENERIC_MEETING,
    }
}

/// The SKOS concept of an agreement kind.
pub fn agreement_kind(kind: AgreementKind) -> NamedNodeRef<'static> {
    match kind {
        AgreementKind::PrisonerExchange => dg::PRISONER_EXCHANGE,
        AgreementKind::CeasefireProposals => dg::CEASEFIRE_PROPOSALS,
        AgreementKind::Ceasefire => dg::CEASEFIRE,
        AgreementKind::FurtherTalks => dg::FURTHER_TALKS,
        AgreementKind::BodyRepatriation => dg::BODY_REPATRIATION,
        AgreementKind::LeadersMeeting => dg::LEADERS_MEETING,
        AgreementKind::Other => dg::OTHER_AGREEMENT,
    }
}

/// A human-readable name of a meeting (`talks in Istanbul on 2025-05-16`).
pub fn meeting_label(key: &MeetingKey) -> String {
    let mut label = key.kind.label().to_owned();
    if let Some(place) = &key.place {
        let _ = write!(label, " in {place}");
    }
    match (key.date, key.year) {
        (Some(date), _) => {
            let _ = write!(label, " on {}", date.format("%Y-%m-%d"));
        }
        (None, Some(year)) => {
            let _ = write!(label, " in {year}");
        }
        (None, None) => label.push_str(", undated"),
    }
    label
}

/// Sorts quads by graph, subject, predicate and object in N-Quads form, and
/// drops duplicates: the order every output of delegraph uses.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    let mut keyed: Vec<(String, Quad)> = quads
        .drain(..)
        .map(|q| {
            let mut key = String::with_capacity(256);
            match &q.graph_name {
                GraphName::NamedNode(n) => push_iri(&mut key, n.as_str()),
                other => push_display(&mut key, other),
            }
            key.push(' ');
            match &q.subject {
                NamedOrBlankNode::NamedNode(n) => push_iri(&mut key, n.as_str()),
                other => push_display(&mut key, other),
            }
            key.push(' ');
            push_iri(&mut key, q.predicate.as_str());
            key.push(' ');
            match &q.object {
                Term::NamedNode(n) => push_iri(&mut key, n.as_str()),
                other => push_display(&mut key, other),
            }
            (key, q)
        })
        .collect();
    // equal keys are equal quads, so an unstable sort gives the same order
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    quads.extend(keyed.into_iter().map(|(_, q)| q));
}

/// Appends an IRI in N-Quads form, `<iri>`, as its `Display` writes it but
/// without the formatting machinery (most terms of a quad are IRIs).
fn push_iri(key: &mut String, iri: &str) {
    key.push('<');
    key.push_str(iri);
    key.push('>');
}

/// Appends any other term (a literal, a blank node) in N-Quads form.
fn push_display(key: &mut String, term: &impl std::fmt::Display) {
    // writing to a String cannot fail
    let _ = write!(key, "{term}");
}

/// The quads of one article's named graph (the graph is [`article_iri`]),
/// sorted and without duplicates.
pub fn article_quads(facts: &ArticleFacts) -> Vec<Quad> {
    let mut graph = ArticleGraph::new(facts);
    graph.article();
    for meeting in &facts.meetings {
        graph.meeting(&meeting.key);
        if let Some(venue) = &meeting.venue {
            let venue_node = graph.place(venue);
            graph.add(meeting_iri(&meeting.key), dg::VENUE, venue_node);
        }
        for country in &meeting.countries {
            let country_node = graph.country(country);
            graph.add(meeting_iri(&meeting.key), dg::PARTICIPANT, country_node);
        }
    }
    for found in &facts.facts {
        let evidence = graph.evidence(&found.evidence);
        let node = graph.fact(&found.fact);
        graph.add(node.clone(), dg::EVIDENCE_PROP, evidence);
        graph.add(node, prov::WAS_DERIVED_FROM, graph.article.clone());
    }
    let mut quads = graph.quads;
    sort_quads(&mut quads);
    quads
}

/// Collects the quads of one article's graph.
struct ArticleGraph<'a> {
    facts: &'a ArticleFacts,
    article: NamedNode,
    graph: GraphName,
    quads: Vec<Quad>,
}

impl<'a> ArticleGraph<'a> {
    fn new(facts: &'a ArticleFacts) -> Self {
        let article = article_iri(&facts.article.id);
        Self {
            facts,
            graph: article.clone().into(),
            article,
            quads: Vec::new(),
        }
    }

    fn add(&mut self, subject: NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.quads.push(Quad::new(
            subject,
            predicate.into_owned(),
            object,
            self.graph.clone(),
        ));
    }

    fn typed(&mut self, subject: &NamedNode, class: NamedNodeRef<'_>, label: &str) {
        self.add(subject.clone(), rdf::TYPE, class.into_owned());
        self.add(subject.clone(), rdfs::LABEL, Literal::from(label));
    }

    fn article(&mut self) {
        let meta = &self.facts.article;
        let article = self.article.clone();
        self.typed(&article, dg::ARTICLE, &meta.id);
        self.add(
            article.clone(),
            schema::IDENTIFIER,
            Literal::from(meta.id.as_str()),
        );
        if let Some(title) = &meta.title {
            self.add(
                article.clone(),
                schema::HEADLINE,
                Literal::from(title.as_str()),
            );
        }
        if let Some(date) = meta.date {
            self.add(article.clone(), schema::DATE_PUBLISHED, date_literal(date));
            self.add(
                article.clone(),
                dg::DATE_INFERRED,
                Literal::from(meta.date_inferred),
            );
        }
        self.add(article, dg::SENTENCE_COUNT, integer(meta.sentences as u64));
    }

    fn evidence(&mut self, evidence: &Evidence) -> NamedNode {
        let node = evidence_iri(evidence);
        let label = format!(
            "{}, sentence {} ({})",
            evidence.article, evidence.sentence, evidence.rule
        );
        self.typed(&node, dg::EVIDENCE, &label);
        self.add(node.clone(), dg::RULE, Literal::from(evidence.rule));
        self.add(
            node.clone(),
            dg::SENTENCE,
            integer(evidence.sentence as u64),
        );
        self.add(node.clone(), dg::START_BYTE, integer(evidence.start as u64));
        self.add(node.clone(), dg::END_BYTE, integer(evidence.end as u64));
        // NIF counts characters: the same span for NIF-aware tools
        self.add(
            node.clone(),
            nif::BEGIN_INDEX,
            non_negative(evidence.char_start as u64),
        );
        self.add(
            node.clone(),
            nif::END_INDEX,
            non_negative(evidence.char_end as u64),
        );
        self.add(
            node.clone(),
            dg::TEXT,
            Literal::from(evidence.text.as_str()),
        );
        self.add(
            node.clone(),
            prov::WAS_DERIVED_FROM,
            article_iri(&evidence.article),
        );
        node
    }

    /// The name the article gives a person; a person it does not list gets
    /// their key with each word capitalised.
    fn person_name(&self, key: &PersonKey) -> String {
        match self.facts.person(key) {
            Some(person) => person.name.clone(),
            None => key
                .0
                .split_whitespace()
                .map(|word| {
                    let mut chars = word.chars();
                    chars.next().map_or_else(String::new, |first| {
                        first.to_uppercase().chain(chars).collect()
                    })
                })
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    fn person(&mut self, key: &PersonKey) -> (NamedNode, String) {
        let node = person_iri(key);
        let name = self.person_name(key);
        self.typed(&node, dg::PERSON, &name);
        self.add(node.clone(), schema::NAME, Literal::from(name.as_str()));
        (node, name)
    }

    fn country(&mut self, name: &str) -> NamedNode {
        let node = country_iri(name);
        self.typed(&node, dg::COUNTRY, name);
        self.add(node.clone(), schema::NAME, Literal::from(name));
        node
    }

    fn place(&mut self, name: &str) -> NamedNode {
        let node = place_iri(name);
        self.typed(&node, dg::PLACE, name);
        self.add(node.clone(), schema::NAME, Literal::from(name));
        node
    }

    /// The meeting node with what its key says: kind, date or year, city.
    fn meeting(&mut self, key: &MeetingKey) -> NamedNode {
        let node = meeting_iri(key);
        self.typed(&node, dg::MEETING, &meeting_label(key));
        self.add(node.clone(), dg::KIND, meeting_kind(key.kind).into_owned());
        if let Some(date) = key.date {
            self.add(node.clone(), dg::DATE, date_literal(date));
        } else if let Some(year) = key.year {
            self.add(
                node.clone(),
                dg::YEAR,
                Literal::new_typed_literal(year.to_string(), xsd::G_YEAR),
            );
        }
        if let Some(place) = &key.place {
            let place = self.place(place);
            self.add(node.clone(), dg::PLACE_PROP, place);
        }
        node
    }

    fn delegation(&mut self, meeting: &MeetingKey, country: &str) -> NamedNode {
        let node = delegation_iri(meeting, country);
        let meeting_node = self.meeting(meeting);
        let country_node = self.country(country);
        self.typed(
            &node,
            dg::DELEGATION,
            &format!("{country} delegation, {}", meeting_label(meeting)),
        );
        self.add(node.clone(), dg::AT_MEETING, meeting_node);
        self.add(node.clone(), dg::REPRESENTS, country_node);
        node
    }

    /// The node of one fact, with everything the fact states; the caller adds
    /// its evidence.
    fn fact(&mut self, fact: &Fact) -> NamedNode {
        match fact {
            Fact::Role {
                person,
                title,
                country,
                as_of,
            } => {
                let node = role_iri(person, title, country.as_deref());
                let (holder, name) = self.person(person);
                let label = match country {
                    Some(country) => format!("{name}, {title} of {country}"),
                    None => format!("{name}, {title}"),
                };
                self.typed(&node, dg::ROLE_ASSIGNMENT, &label);
                self.add(node.clone(), dg::HOLDER, holder);
                self.add(node.clone(), dg::TITLE, Literal::from(title.as_str()));
                if let Some(country) = country {
                    let country = self.country(country);
                    self.add(node.clone(), dg::OF_COUNTRY, country);
                }
                if let Some(date) = as_of {
                    self.add(node.clone(), dg::AS_OF, date_literal(*date));
                }
                node
            }
            Fact::Meeting { meeting } => self.meeting(meeting),
            Fact::Chair { meeting, person } => {
                let path = format!("chairing/{}/{}", meeting_path(meeting), slug(&person.0));
                self.participation(meeting, person, &path, dg::CHAIRING, dg::CHAIR, "chairs")
            }
            Fact::Participant { meeting, person } => {
                let path = format!(
                    "participation/{}/{}",
                    meeting_path(meeting),
                    slug(&person.0)
                );
                self.participation(
                    meeting,
                    person,
                    &path,
                    dg::PARTICIPATION,
                    dg::PARTICIPANT,
                    "takes part in",
                )
            }
            Fact::DelegationLeader {
                meeting,
                country,
                person,
            } => {
                let path = format!(
                    "leadership/{}/{}/{}",
                    meeting_path(meeting),
                    slug(country),
                    slug(&person.0)
                );
                self.membership(meeting, country, person, &path, true)
            }
            Fact::DelegationMember {
                meeting,
                country,
                person,
            } => {
                let path = format!(
                    "membership/{}/{}/{}",
                    meeting_path(meeting),
                    slug(country),
                    slug(&person.0)
                );
                self.membership(meeting, country, person, &path, false)
            }
            Fact::Agreement {
                meeting,
                kind,
                quantity,
            } => {
                let node = agreement_iri(meeting, *kind);
                let meeting_node = self.meeting(meeting);
                self.typed(
                    &node,
                    dg::AGREEMENT,
                    &format!("{kind} agreed at {}", meeting_label(meeting)),
                );
                self.add(node.clone(), dg::AGREED_AT, meeting_node);
                self.add(node.clone(), dg::KIND, agreement_kind(*kind).into_owned());
                if let Some(quantity) = quantity {
                    self.add(node.clone(), dg::QUANTITY, integer(*quantity));
                }
                node
            }
        }
    }

    fn participation(
        &mut self,
        meeting: &MeetingKey,
        person: &PersonKey,
        path: &str,
        class: NamedNodeRef<'_>,
        shortcut: NamedNodeRef<'_>,
        verb: &str,
    ) -> NamedNode {
        let node = mint(path);
        let meeting_node = self.meeting(meeting);
        let (attendee, name) = self.person(person);
        self.typed(
            &node,
            class,
            &format!("{name} {verb} {}", meeting_label(meeting)),
        );
        self.add(node.clone(), dg::ATTENDEE, attendee.clone());
        self.add(node.clone(), dg::AT_MEETING, meeting_node.clone());
        self.add(meeting_node.clone(), shortcut, attendee.clone());
        if shortcut != dg::PARTICIPANT {
            // dg:chair is a sub-property of dg:participant: written out.
            self.add(meeting_node, dg::PARTICIPANT, attendee);
        }
        node
    }

    fn membership(
        &mut self,
        meeting: &MeetingKey,
        country: &str,
        person: &PersonKey,
        path: &str,
        leads: bool,
    ) -> NamedNode {
        let node = mint(path);
        let delegation = self.delegation(meeting, country);
        let (holder, name) = self.person(person);
        let (class, verb) = if leads {
            (dg::DELEGATION_LEADERSHIP, "leads")
        } else {
            (dg::DELEGATION_MEMBERSHIP, "is a member of")
        };
        let label = format!(
            "{name} {verb} the {country} delegation, {}",
            meeting_label(meeting)
        );
        self.typed(&node, class, &label);
        self.add(node.clone(), dg::HOLDER, holder.clone());
        self.add(node.clone(), dg::DELEGATION_PROP, delegation.clone());
        // dg:leads is a sub-property of dg:memberOf: both are written out.
        self.add(holder.clone(), dg::MEMBER_OF, delegation.clone());
        if leads {
            self.add(holder, dg::LEADS, delegation);
        }
        node
    }
}

fn date_literal(date: NaiveDate) -> Literal {
    Literal::new_typed_literal(date.format("%Y-%m-%d").to_string(), xsd::DATE)
}

fn integer(value: u64) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

/// An `xsd:nonNegativeInteger` literal (NIF's offsets).
fn non_negative(value: u64) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::fact::{ArticleMeta, Found, Meeting, Person};

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// A hand-made article with one fact of each kind: a meeting with a
    /// venue, a leader, a member, a role, a participant the article does not
    /// list, a chair and an agreement with a number.
    pub(crate) fn sample() -> ArticleFacts {
        let meeting = MeetingKey {
            date: date(2025, 5, 16),
            year: None,
            place: Some("Istanbul".into()),
            kind: MeetingKind::Talks,
        };
        let medinsky = PersonKey("vladimir medinsky".into());
        let fidan = PersonKey("hakan fidan".into());
        let evidence = |sentence: usize, rule: &'static str, text: &str| Evidence {
            article: "001_test.txt".into(),
            sentence,
            start: 10 * sentence,
            end: 10 * sentence + text.len(),
            char_start: 10 * sentence,
            char_end: 10 * sentence + text.chars().count(),
            text: text.into(),
            rule,
        };
        let led = evidence(
            1,
            "delegation-led-by",
            "The Russian delegation was led by Vladimir Medinsky.",
        );
        ArticleFacts {
            article: ArticleMeta {
                id: "001_test.txt".into(),
                title: Some("Talks in Istanbul".into()),
                date: date(2025, 5, 16),
                date_inferred: false,
                sentences: 3,
            },
            people: vec![
                Person {
                    key: medinsky.clone(),
                    name: "Vladimir Medinsky".into(),
                },
                Person {
                    key: fidan.clone(),
                    name: "Hakan Fidan".into(),
                },
                Person {
                    key: PersonKey("ivan petrov".into()),
                    name: "Ivan Petrov".into(),
                },
            ],
            meetings: vec![Meeting {
                key: meeting.clone(),
                venue: Some("Dolmabahçe Palace".into()),
                countries: vec!["Russia".into(), "Ukraine".into()],
            }],
            facts: vec![
                Found {
                    fact: Fact::Meeting {
                        meeting: meeting.clone(),
                    },
                    evidence: evidence(0, "meeting-in", "Russia and Ukraine met in Istanbul."),
                },
                Found {
                    fact: Fact::DelegationLeader {
                        meeting: meeting.clone(),
                        country: "Russia".into(),
                        person: medinsky.clone(),
                    },
                    evidence: led.clone(),
                },
                Found {
                    fact: Fact::Role {
                        person: medinsky,
                        title: "Presidential Aide".into(),
                        country: Some("Russia".into()),
                        as_of: date(2025, 5, 16),
                    },
                    evidence: led,
                },
                Found {
                    fact: Fact::DelegationMember {
                        meeting: meeting.clone(),
                        country: "Russia".into(),
                        person: PersonKey("ivan petrov".into()),
                    },
                    evidence: evidence(1, "delegation-members", "Ivan Petrov sat beside him."),
                },
                Found {
                    // Not in `people`: named from the key.
                    fact: Fact::Participant {
                        meeting: meeting.clone(),
                        person: PersonKey("anna berg".into()),
                    },
                    evidence: evidence(2, "attended", "Anna Berg attended the talks."),
                },
                Found {
                    fact: Fact::Chair {
                        meeting: meeting.clone(),
                        person: fidan,
                    },
                    evidence: evidence(2, "chaired-by", "Hakan Fidan opened the talks."),
                },
                Found {
                    fact: Fact::Agreement {
                        meeting,
                        kind: AgreementKind::PrisonerExchange,
                        quantity: Some(1000),
                    },
                    evidence: evidence(
                        2,
                        "agreed-exchange",
                        "They agreed to swap 1,000 prisoners each.",
                    ),
                },
            ],
        }
    }

    fn nquads(quads: &[Quad]) -> Vec<String> {
        quads.iter().map(|q| format!("{q} .")).collect()
    }

    #[test]
    fn slugs_fold_case_accents_and_punctuation() {
        let cases = [
            ("Dolmabahçe Palace", "dolmabahce-palace"),
            ("  Saudi   Arabia ", "saudi-arabia"),
            ("003_ae45607cbd54d3d3.txt", "003-ae45607cbd54d3d3-txt"),
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("İstanbul", "istanbul"),
            ("Straße", "strasse"),
            ("Dmitry's", "dmitrys"),
            ("Зе", "u437-u435"),
            ("--", "unnamed"),
            ("", "unnamed"),
        ];
        for (text, expected) in cases {
            assert_eq!(slug(text), expected, "{text:?}");
        }
    }

    #[test]
    fn meeting_paths_cover_date_year_and_neither() {
        let mut key = MeetingKey {
            date: date(2025, 5, 16),
            year: None,
            place: None,
            kind: MeetingKind::PhoneCall,
        };
        assert_eq!(meeting_path(&key), "2025-05-16/unplaced/phone-call");
        key.date = None;
        key.year = Some(2022);
        key.place = Some("Istanbul".into());
        assert_eq!(meeting_path(&key), "2022/istanbul/phone-call");
        key.year = None;
        assert_eq!(meeting_path(&key), "undated/istanbul/phone-call");
    }

    #[test]
    fn mapping_is_deterministic_and_sorted() {
        let facts = sample();
        let first = article_quads(&facts);
        let mut reversed = facts.clone();
        reversed.facts.reverse();
        reversed.people.reverse();
        assert_eq!(first, article_quads(&facts));
        assert_eq!(first, article_quads(&reversed));
        let mut sorted = first.clone();
        sort_quads(&mut sorted);
        assert_eq!(first, sorted);
    }

    #[test]
    fn quads_sort_as_their_n_quads_text() {
        use oxigraph::model::BlankNode;
        let iri = |s: &str| NamedNode::new_unchecked(format!("http://example.org/{s}"));
        let subjects: Vec<NamedOrBlankNode> = vec![
            iri("a").into(),
            iri("ab").into(),
            BlankNode::new_unchecked("b1").into(),
            BlankNode::new_unchecked("b12").into(),
        ];
        let objects: Vec<Term> = vec![
            iri("a").into(),
            Literal::new_simple_literal("x y").into(),
            Literal::new_language_tagged_literal_unchecked("x", "en").into(),
            Literal::new_typed_literal("7", xsd::INTEGER).into(),
            Literal::new_simple_literal("quote \" and \\").into(),
            BlankNode::new_unchecked("b2").into(),
        ];
        let graphs = [GraphName::DefaultGraph, iri("g").into(), iri("g2").into()];
        let mut quads = Vec::new();
        for g in &graphs {
            for s in &subjects {
                for o in &objects {
                    for p in [iri("p"), iri("p2")] {
                        quads.push(Quad::new(s.clone(), p, o.clone(), g.clone()));
                    }
                }
            }
        }
        // twice over, backwards: the sort must also drop the copies
        let mut input: Vec<Quad> = quads.iter().rev().cloned().collect();
        input.extend(quads.iter().cloned());
        sort_quads(&mut input);
        let text = |q: &Quad| {
            format!(
                "{} {} {} {}",
                q.graph_name, q.subject, q.predicate, q.object
            )
        };
        let mut expected = quads.clone();
        expected.sort_by_key(text);
        assert_eq!(input, expected);
    }

    #[test]
    fn mapping_has_no_blank_nodes_and_one_graph() {
        let facts = sample();
        let graph = GraphName::from(article_iri(&facts.article.id));
        for quad in article_quads(&facts) {
            assert!(
                matches!(quad.subject, NamedOrBlankNode::NamedNode(_)),
                "{quad}"
            );
            assert!(!matches!(quad.object, Term::BlankNode(_)), "{quad}");
            assert_eq!(quad.graph_name, graph, "{quad}");
        }
    }

    #[test]
    fn every_fact_node_has_evidence_and_provenance() {
        let facts = sample();
        let quads = article_quads(&facts);
        let article = article_iri(&facts.article.id);
        for found in &facts.facts {
            let mut graph = ArticleGraph::new(&facts);
            let node = graph.fact(&found.fact);
            let has = |p: NamedNodeRef<'_>, o: Term| {
                quads.iter().any(|q| {
                    q.subject == NamedOrBlankNode::from(node.clone())
                        && q.predicate.as_ref() == p
                        && q.object == o
                })
            };
            assert!(
                has(dg::EVIDENCE_PROP, evidence_iri(&found.evidence).into()),
                "{node}"
            );
            assert!(
                has(prov::WAS_DERIVED_FROM, article.clone().into()),
                "{node}"
            );
        }
    }

    /// The whole graph of [`sample`], checked by hand against the ontology.
    /// Rewrite with `UPDATE_GOLDEN=1 cargo test` and review the diff.
    #[test]
    fn sample_article_maps_to_the_golden_quads() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/mapping-sample.nq");
        let actual = nquads(&article_quads(&sample())).join("\n") + "\n";
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &actual).expect("write golden file");
        }
        let expected = std::fs::read_to_string(&path).expect("read golden file");
        assert_eq!(actual, expected, "golden file {} differs", path.display());
    }

    #[test]
    fn a_person_the_article_does_not_list_is_named_from_the_key() {
        let mut facts = sample();
        facts.people.clear();
        let quads = article_quads(&facts);
        let label = Literal::from("Vladimir Medinsky");
        assert!(quads.iter().any(|q| q.subject
            == NamedOrBlankNode::from(person_iri(&PersonKey("vladimir medinsky".into())))
            && q.predicate.as_ref() == rdfs::LABEL
            && q.object == Term::from(label.clone())));
    }

    #[test]
    fn only_an_article_and_its_evidence_are_local_to_it() {
        let facts = sample();
        let quads = article_quads(&facts);
        let local: Vec<String> = quads
            .iter()
            .filter_map(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n) if is_article_local(n.as_str()) => {
                    Some(n.as_str().to_owned())
                }
                _ => None,
            })
            .collect();
        assert!(local.iter().any(|s| s.contains("/evidence/")));
        let slug = slug(&facts.article.id);
        assert!(local.iter().all(|s| s.contains(&slug)), "{local:?}");
        assert!(!is_article_local(person_iri(&facts.people[0].key).as_str()));
        assert!(!is_article_local(
            meeting_iri(&facts.meetings[0].key).as_str()
        ));
    }
}
