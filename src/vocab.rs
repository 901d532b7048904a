//! The ontology's IRIs, and the standard vocabulary terms the mapping uses, as
//! typed constants; a test checks them against `ontology/delegraph.ttl`.
//!
//! `rdf:`, `rdfs:` and `xsd:` come from [`oxigraph::model::vocab`].

use oxigraph::model::NamedNodeRef;

/// The ontology in Turtle, built into the binary.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/delegraph.ttl");

/// The ontology's IRI, also the named graph the store keeps it in.
pub const ONTOLOGY_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/delegraph/ontology");

/// The namespace every minted resource lives under (`person/…`, `meeting/…`).
pub const DATA_NAMESPACE: &str = "https://w3id.org/delegraph/id/";

/// The named graph holding one `skos:prefLabel` per labelled resource: the
/// spelling most articles use. The store recomputes it after every build.
pub const LABELS_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/delegraph/id/graph/labels");

/// Prefixes for Turtle and TriG output and for IRIs in result tables: the
/// ontology's `@prefix` lines, sorted (a test keeps them in step). The data
/// namespace has none: its local names hold `/`, which Turtle would escape.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dcterms", "http://purl.org/dc/terms/"),
    ("dg", dg::NAMESPACE),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    (
        "nif",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    ),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("opengov", "http://www.w3.org/ns/opengov#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("prov", prov::NAMESPACE),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("schema", schema::NAMESPACE),
    ("skos", skos::NAMESPACE),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

macro_rules! terms {
    ($ns:literal; $( $(#[$doc:meta])* $name:ident = $local:literal; )*) => {
        /// The namespace IRI.
        pub const NAMESPACE: &str = $ns;
        $(
            $(#[$doc])*
            pub const $name: NamedNodeRef<'static> =
                NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
        /// Every term above, for tests that check them.
        pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
    };
}

/// The delegraph ontology, `https://w3id.org/delegraph/ontology#`.
pub mod dg {
    use super::NamedNodeRef;

    terms! {
        "https://w3id.org/delegraph/ontology#";
        /// Class: a news article (also its named graph).
        ARTICLE = "Article";
        /// Class: the sentence a fact was read from.
        EVIDENCE = "Evidence";
        /// Class: a person.
        PERSON = "Person";
        /// Class: a country or international body.
        COUNTRY = "Country";
        /// Class: a city or venue.
        PLACE = "Place";
        /// Class: a person holds an office of a country, as of a date.
        ROLE_ASSIGNMENT = "RoleAssignment";
        /// Class: a meeting, talks, summit or call.
        MEETING = "Meeting";
        /// Class: a person took part in a meeting.
        PARTICIPATION = "Participation";
        /// Class: a person chaired a meeting.
        CHAIRING = "Chairing";
        /// Class: a country's delegation at a meeting.
        DELEGATION = "Delegation";
        /// Class: a person belongs to a delegation.
        DELEGATION_MEMBERSHIP = "DelegationMembership";
        /// Class: a person leads a delegation.
        DELEGATION_LEADERSHIP = "DelegationLeadership";
        /// Class: something agreed at a meeting.
        AGREEMENT = "Agreement";
        /// Concept scheme of meeting kinds.
        MEETING_KINDS = "MeetingKinds";
        /// Meeting kind: talks (CAMEO 046).
        TALKS = "Talks";
        /// Meeting kind: summit (CAMEO 044).
        SUMMIT = "Summit";
        /// Meeting kind: phone call (CAMEO 041).
        PHONE_CALL = "PhoneCall";
        /// Meeting kind: any other meeting (CAMEO 040).
        GENERIC_MEETING = "GenericMeeting";
        /// Concept scheme of agreement kinds.
        AGREEMENT_KINDS = "AgreementKinds";
        /// Agreement kind: prisoner exchange.
        PRISONER_EXCHANGE = "PrisonerExchange";
        /// Agreement kind: ceasefire proposals.
        CEASEFIRE_PROPOSALS = "CeasefireProposals";
        /// Agreement kind: ceasefire.
        CEASEFIRE = "Ceasefire";
        /// Agreement kind: further talks.
        FURTHER_TALKS = "FurtherTalks";
        /// Agreement kind: body repatriation.
        BODY_REPATRIATION = "BodyRepatriation";
        /// Agreement kind: leaders meeting.
        LEADERS_MEETING = "LeadersMeeting";
        /// Agreement kind: other.
        OTHER_AGREEMENT = "OtherAgreement";
        /// Fact node -> its evidence.
        EVIDENCE_PROP = "evidence";
        /// Evidence -> rule name.
        RULE = "rule";
        /// Evidence -> zero-based sentence index.
        SENTENCE = "sentence";
        /// Evidence -> first byte.
        START_BYTE = "startByte";
        /// Evidence -> byte after the last.
        END_BYTE = "endByte";
        /// Evidence -> sentence text.
        TEXT = "text";
        /// Article -> whether its date was inferred.
        DATE_INFERRED = "dateInferred";
        /// Article -> number of sentences.
        SENTENCE_COUNT = "sentenceCount";
        /// Role assignment or membership -> person.
        HOLDER = "holder";
        /// Role assignment -> office title.
        TITLE = "title";
        /// Role assignment -> country.
        OF_COUNTRY = "ofCountry";
        /// Role assignment -> date the office is held.
        AS_OF = "asOf";
        /// Meeting -> day.
        DATE = "date";
        /// Meeting -> year, when the day is unknown.
        YEAR = "year";
        /// Meeting -> city.
        PLACE_PROP = "place";
        /// Meeting -> venue.
        VENUE = "venue";
        /// Meeting -> person or country taking part.
        PARTICIPANT = "participant";
        /// Meeting -> person chairing.
        CHAIR = "chair";
        /// Participation -> person.
        ATTENDEE = "attendee";
        /// Delegation or participation -> meeting.
        AT_MEETING = "atMeeting";
        /// Meeting or agreement -> kind concept.
        KIND = "kind";
        /// Delegation -> country.
        REPRESENTS = "represents";
        /// Person -> delegation.
        MEMBER_OF = "memberOf";
        /// Person -> delegation led.
        LEADS = "leads";
        /// Membership -> delegation.
        DELEGATION_PROP = "delegation";
        /// Agreement -> meeting.
        AGREED_AT = "agreedAt";
        /// Agreement -> number.
        QUANTITY = "quantity";
    }
}

/// schema.org, `http://schema.org/`.
pub mod schema {
    use super::NamedNodeRef;

    terms! {
        "http://schema.org/";
        /// A name.
        NAME = "name";
        /// An identifier (the article's file name).
        IDENTIFIER = "identifier";
        /// A headline.
        HEADLINE = "headline";
        /// The date of publication.
        DATE_PUBLISHED = "datePublished";
    }
}

/// NIF 2.0 Core, for the character offsets of evidence sentences.
pub mod nif {
    use super::NamedNodeRef;

    terms! {
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        /// Character offset of the first character of a string in its context.
        BEGIN_INDEX = "beginIndex";
        /// Character offset one past the last character.
        END_INDEX = "endIndex";
    }
}

/// PROV-O, `http://www.w3.org/ns/prov#`.
pub mod prov {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/prov#";
        /// Derived from (fact or evidence -> article).
        WAS_DERIVED_FROM = "wasDerivedFrom";
    }
}

/// SKOS, `http://www.w3.org/2004/02/skos/core#`.
pub mod skos {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/2004/02/skos/core#";
        /// Preferred label.
        PREF_LABEL = "prefLabel";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::vocab::{rdf, rdfs};
    use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
    use std::collections::BTreeSet;

    fn ontology() -> Vec<Quad> {
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ONTOLOGY_TTL)
            .collect::<Result<Vec<_>, _>>()
            .expect("the ontology parses")
    }

    fn all_constants() -> Vec<NamedNodeRef<'static>> {
        let mut all = vec![ONTOLOGY_GRAPH, LABELS_GRAPH];
        for list in [dg::ALL, schema::ALL, prov::ALL, skos::ALL] {
            all.extend_from_slice(list);
        }
        all
    }

    /// Subjects the ontology describes with both a label and a comment.
    fn documented(quads: &[Quad]) -> BTreeSet<String> {
        let with = |p: NamedNodeRef<'_>| -> BTreeSet<String> {
            quads
                .iter()
                .filter(|q| q.predicate.as_ref() == p)
                .filter_map(|q| match &q.subject {
                    NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
                    NamedOrBlankNode::BlankNode(_) => None,
                })
                .collect()
        };
        with(rdfs::LABEL)
            .intersection(&with(rdfs::COMMENT))
            .cloned()
            .collect()
    }

    #[test]
    fn every_constant_is_a_valid_iri() {
        for term in all_constants() {
            assert!(NamedNode::new(term.as_str()).is_ok(), "{term}");
        }
        for (prefix, iri) in PREFIXES {
            assert!(NamedNode::new(*iri).is_ok(), "{prefix}: {iri}");
        }
        assert!(NamedNode::new(DATA_NAMESPACE).is_ok());
    }

    #[test]
    fn the_prefixes_are_the_ontologys_sorted() {
        let mut parser = RdfParser::from_format(RdfFormat::Turtle).for_slice(ONTOLOGY_TTL);
        for quad in parser.by_ref() {
            quad.expect("the ontology parses");
        }
        let mut declared: Vec<(&str, &str)> = parser.prefixes().collect();
        declared.sort_unstable();
        assert_eq!(PREFIXES, declared.as_slice());
    }

    #[test]
    fn every_dg_constant_is_declared_with_label_and_comment() {
        let declared = documented(&ontology());
        for term in dg::ALL {
            assert!(
                declared.contains(term.as_str()),
                "{term} is not declared with rdfs:label and rdfs:comment in ontology/delegraph.ttl"
            );
        }
    }

    #[test]
    fn every_dg_term_of_the_ontology_is_documented_and_has_a_constant() {
        let quads = ontology();
        let declared = documented(&quads);
        let constants: BTreeSet<&str> = dg::ALL.iter().map(|t| t.as_str()).collect();
        let typed = quads.iter().filter(|q| q.predicate.as_ref() == rdf::TYPE);
        for quad in typed {
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                panic!("blank node in the ontology: {quad}");
            };
            if let Some(local) = subject.as_str().strip_prefix(dg::NAMESPACE) {
                assert!(
                    declared.contains(subject.as_str()),
                    "dg:{local} undocumented"
                );
                assert!(
                    constants.contains(subject.as_str()),
                    "dg:{local} has no constant"
                );
            }
        }
    }

    #[test]
    fn the_ontology_has_no_blank_nodes() {
        for quad in ontology() {
            assert!(
                !matches!(quad.subject, NamedOrBlankNode::BlankNode(_)),
                "{quad}"
            );
            assert!(!matches!(quad.object, Term::BlankNode(_)), "{quad}");
        }
    }

    #[test]
    fn every_dg_term_in_the_saved_queries_is_declared() {
        let declared = documented(&ontology());
        let term = regex::Regex::new(r"\bdg:([A-Za-z][A-Za-z0-9]*)").expect("valid regex");
        for query in crate::query::SAVED {
            for found in term.captures_iter(query.text) {
                let iri = format!("{}{}", dg::NAMESPACE, &found[1]);
                assert!(
                    declared.contains(&iri),
                    "{}: dg:{} undeclared",
                    query.name,
                    &found[1]
                );
            }
        }
    }

    #[test]
    fn meeting_kind_labels_match_the_facts() {
        let quads = ontology();
        let pref = |concept: NamedNodeRef<'_>| -> Option<String> {
            quads.iter().find_map(|q| {
                (q.subject == NamedOrBlankNode::from(concept.into_owned())
                    && q.predicate.as_ref() == skos::PREF_LABEL)
                    .then(|| match &q.object {
                        Term::Literal(l) => l.value().to_owned(),
                        other => other.to_string(),
                    })
            })
        };
        for kind in crate::fact::MeetingKind::ALL {
            let concept = crate::mapping::meeting_kind(kind);
            assert_eq!(pref(concept).as_deref(), Some(kind.label()), "{kind:?}");
        }
        for kind in crate::fact::AgreementKind::ALL {
            let concept = crate::mapping::agreement_kind(kind);
            assert_eq!(pref(concept).as_deref(), Some(kind.label()), "{kind:?}");
        }
    }
}
