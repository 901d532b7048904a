//! The typed facts the extractor produces: the boundary between text and RDF.
//!
//! Nothing here knows about Oxigraph. The extractor fills an [`ArticleFacts`]
//! per article; the resolver links articles together; the mapping turns the
//! result into quads. Every fact carries its [`Evidence`]: the article, the
//! sentence, its byte span in the original file and the rule that fired.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a fact came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The article's identifier (its file name).
    pub article: String,
    /// Zero-based index of the sentence in the article.
    pub sentence: usize,
    /// Byte offset of the sentence's first byte in the original file.
    pub start: usize,
    /// Byte offset one past the sentence's last byte in the original file.
    pub end: usize,
    /// Character (Unicode scalar value) offset of the sentence's start in
    /// the original file, as NIF's `beginIndex` counts.
    pub char_start: usize,
    /// Character offset one past the sentence's end in the original file.
    pub char_end: usize,
    /// The sentence as the extractor read it (markdown left-overs removed).
    pub text: String,
    /// The name of the extraction rule that produced the fact.
    pub rule: &'static str,
}

/// The kind of a meeting; each maps to a CAMEO code in the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingKind {
    /// Negotiations between delegations.
    Talks,
    /// A meeting of heads of state or government.
    Summit,
    /// A telephone or video call.
    PhoneCall,
    /// Any other meeting or visit.
    Meeting,
}

impl MeetingKind {
    /// All kinds, in a fixed order.
    pub const ALL: [MeetingKind; 4] = [
        MeetingKind::Talks,
        MeetingKind::Summit,
        MeetingKind::PhoneCall,
        MeetingKind::Meeting,
    ];

    /// The lowercase label used in saved-query results (`phone call`).
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Talks => "talks",
            MeetingKind::Summit => "summit",
            MeetingKind::PhoneCall => "phone call",
            MeetingKind::Meeting => "meeting",
        }
    }

    /// The slug used in IRIs (`phone-call`).
    pub fn slug(self) -> &'static str {
        match self {
            MeetingKind::Talks => "talks",
            MeetingKind::Summit => "summit",
            MeetingKind::PhoneCall => "phone-call",
            MeetingKind::Meeting => "meeting",
        }
    }
}

impl fmt::Display for MeetingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The kind of an agreement; a concept in the ontology's SKOS scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgreementKind {
    /// An exchange of prisoners (of war).
    PrisonerExchange,
    /// Each side drafts its terms for a ceasefire (a memorandum, proposals).
    CeasefireProposals,
    /// A ceasefire or truce itself.
    Ceasefire,
    /// To meet again.
    FurtherTalks,
    /// Return of the bodies of the dead.
    BodyRepatriation,
    /// To prepare a meeting of the leaders.
    LeadersMeeting,
    /// Anything else agreed.
    Other,
}

impl AgreementKind {
    /// All kinds, in a fixed order.
    pub const ALL: [AgreementKind; 7] = [
        AgreementKind::PrisonerExchange,
        AgreementKind::CeasefireProposals,
        AgreementKind::Ceasefire,
        AgreementKind::FurtherTalks,
        AgreementKind::BodyRepatriation,
        AgreementKind::LeadersMeeting,
        AgreementKind::Other,
    ];

    /// The label used in saved-query results (`prisoner exchange`).
    pub fn label(self) -> &'static str {
        match self {
            AgreementKind::PrisonerExchange => "prisoner exchange",
            AgreementKind::CeasefireProposals => "ceasefire proposals",
            AgreementKind::Ceasefire => "ceasefire",
            AgreementKind::FurtherTalks => "further talks",
            AgreementKind::BodyRepatriation => "body repatriation",
            AgreementKind::LeadersMeeting => "leaders meeting",
            AgreementKind::Other => "other",
        }
    }

    /// The slug used in IRIs (`prisoner-exchange`).
    pub fn slug(self) -> &'static str {
        match self {
            AgreementKind::PrisonerExchange => "prisoner-exchange",
            AgreementKind::CeasefireProposals => "ceasefire-proposals",
            AgreementKind::Ceasefire => "ceasefire",
            AgreementKind::FurtherTalks => "further-talks",
            AgreementKind::BodyRepatriation => "body-repatriation",
            AgreementKind::LeadersMeeting => "leaders-meeting",
            AgreementKind::Other => "other",
        }
    }

    /// The kind whose slug is `slug`.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

impl fmt::Display for AgreementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A person, identified by a normalised key of the canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonKey(pub String);

/// A meeting's identity: date (or year when only that is known), place and kind.
///
/// Two articles that describe the same meeting produce the same key, and so
/// the same IRI.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeetingKey {
    /// The day the meeting took place, when known.
    pub date: Option<NaiveDate>,
    /// The year, when only that is known (never set together with `date`).
    pub year: Option<i32>,
    /// The city (canonical name), when known; none for a phone call.
    pub place: Option<String>,
    /// What kind of meeting it is.
    pub kind: MeetingKind,
}

/// A person named in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Identity across articles.
    pub key: PersonKey,
    /// The fullest spelling the article gives (`Vladimir Medinsky`).
    pub name: String,
}

/// A meeting described in an article, with what the article says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// Identity across articles.
    pub key: MeetingKey,
    /// The venue (`Dolmabahce Palace`), when named.
    pub venue: Option<String>,
    /// Countries taking part, canonical names (from delegations and sides).
    pub countries: Vec<String>,
}

/// One extracted statement about the world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Fact {
    /// A person holds an office, as of a date.
    Role {
        /// Who holds it.
        person: PersonKey,
        /// The office without the country adjective (`Foreign Minister`).
        title: String,
        /// The country or body of the office (canonical name), when known.
        country: Option<String>,
        /// The date the article presents the office as held (its date).
        as_of: Option<NaiveDate>,
    },
    /// A meeting took place (its attributes are on [`Meeting`]).
    Meeting {
        /// Which meeting.
        meeting: MeetingKey,
    },
    /// A person chaired or opened a meeting.
    Chair {
        /// Which meeting.
        meeting: MeetingKey,
        /// Who chaired it.
        person: PersonKey,
    },
    /// A person took part in a meeting (not as part of a delegation).
    Participant {
        /// Which meeting.
        meeting: MeetingKey,
        /// Who took part.
        person: PersonKey,
    },
    /// A person led a country's delegation at a meeting.
    DelegationLeader {
        /// Which meeting.
        meeting: MeetingKey,
        /// The country the delegation represents (canonical name).
        country: String,
        /// Who led it.
        person: PersonKey,
    },
    /// A person was a member of a country's delegation at a meeting.
    DelegationMember {
        /// Which meeting.
        meeting: MeetingKey,
        /// The country the delegation represents (canonical name).
        country: String,
        /// Who was a member.
        person: PersonKey,
    },
    /// Something was agreed at a meeting.
    Agreement {
        /// Which meeting.
        meeting: MeetingKey,
        /// What was agreed.
        kind: AgreementKind,
        /// How many (prisoners, bodies), when the text gives a number.
        quantity: Option<u64>,
    },
}

impl Fact {
    /// The person the fact is about, if any.
    pub fn person(&self) -> Option<&PersonKey> {
        match self {
            Fact::Role { person, .. }
            | Fact::Chair { person, .. }
            | Fact::Participant { person, .. }
            | Fact::DelegationLeader { person, .. }
            | Fact::DelegationMember { person, .. } => Some(person),
            Fact::Meeting { .. } | Fact::Agreement { .. } => None,
        }
    }

    /// The person the fact is about, for relinking to another identity.
    pub fn person_mut(&mut self) -> Option<&mut PersonKey> {
        match self {
            Fact::Role { person, .. }
            | Fact::Chair { person, .. }
            | Fact::Participant { person, .. }
            | Fact::DelegationLeader { person, .. }
            | Fact::DelegationMember { person, .. } => Some(person),
            Fact::Meeting { .. } | Fact::Agreement { .. } => None,
        }
    }

    /// The meeting the fact is about, if any.
    pub fn meeting(&self) -> Option<&MeetingKey> {
        match self {
            Fact::Meeting { meeting }
            | Fact::Chair { meeting, .. }
            | Fact::Participant { meeting, .. }
            | Fact::DelegationLeader { meeting, .. }
            | Fact::DelegationMember { meeting, .. }
            | Fact::Agreement { meeting, .. } => Some(meeting),
            Fact::Role { .. } => None,
        }
    }

    /// The meeting the fact is about, for relinking to another identity.
    pub fn meeting_mut(&mut self) -> Option<&mut MeetingKey> {
        match self {
            Fact::Meeting { meeting }
            | Fact::Chair { meeting, .. }
            | Fact::Participant { meeting, .. }
            | Fact::DelegationLeader { meeting, .. }
            | Fact::DelegationMember { meeting, .. }
            | Fact::Agreement { meeting, .. } => Some(meeting),
            Fact::Role { .. } => None,
        }
    }

    /// A short name of the fact's type, for summaries (`role`, `agreement`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Fact::Role { .. } => "role",
            Fact::Meeting { .. } => "meeting",
            Fact::Chair { .. } => "chair",
            Fact::Participant { .. } => "participant",
            Fact::DelegationLeader { .. } => "delegation-leader",
            Fact::DelegationMember { .. } => "delegation-member",
            Fact::Agreement { .. } => "agreement",
        }
    }
}

/// A fact together with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The statement.
    pub fact: Fact,
    /// Where it came from.
    pub evidence: Evidence,
}

/// Metadata of the article a set of facts came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    /// Identifier: the file name (`003_ae45607cbd54d3d3.txt`), or `stdin`.
    pub id: String,
    /// The first line of the article, when it reads as a headline.
    pub title: Option<String>,
    /// The date of the article: stated, or inferred from other articles.
    pub date: Option<NaiveDate>,
    /// Whether `date` was inferred from other articles rather than read.
    pub date_inferred: bool,
    /// Number of sentences the article was split into.
    pub sentences: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleFacts {
    /// Which article.
    pub article: ArticleMeta,
    /// The people it names, one entry per person.
    pub people: Vec<Person>,
    /// The meetings it describes, one entry per meeting.
    pub meetings: Vec<Meeting>,
    /// What it states, each with evidence.
    pub facts: Vec<Found>,
}

impl ArticleFacts {
    /// The person with `key`, if the article names them.
    pub fn person(&self, key: &PersonKey) -> Option<&Person> {
        self.people.iter().find(|p| &p.key == key)
    }

    /// The meeting with `key`, if the article describes it.
    pub fn meeting(&self, key: &MeetingKey) -> Option<&Meeting> {
        self.meetings.iter().find(|m| &m.key == key)
    }
}
