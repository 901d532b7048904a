//! Content negotiation: which of the media types a resource can be written
//! in best fits a request's `Accept` header (RFC 9110, section 12.5.1).
//!
//! A media range's quality comes from its most specific match (`type/sub`
//! over `type/*` over `*/*`); among offers of equal quality the server's
//! order decides. No `Accept` header, or an empty one, takes the first offer.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// What SELECT and ASK results can be written as, preferred first; the
/// later entries are common aliases.
pub const SOLUTIONS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("application/json", QueryResultsFormat::Json),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
];

/// JSON-LD without a profile (plain, expanded or compacted as the
/// serializer writes it).
pub const JSON_LD: RdfFormat = RdfFormat::JsonLd {
    profile: JsonLdProfileSet::empty(),
};

/// What graphs (CONSTRUCT, DESCRIBE, the graph store) can be written as,
/// preferred first; the later entries are common aliases.
pub const GRAPHS: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/ld+json", JSON_LD),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("application/x-turtle", RdfFormat::Turtle),
    ("text/plain", RdfFormat::NTriples),
    ("application/json", JSON_LD),
];

/// The media types of `offers` for an error message, aliases included.
pub fn offered<T>(offers: &[(&str, T)]) -> String {
    offers
        .iter()
        .map(|(media, _)| *media)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The offer that best fits `accept`, or `None` when nothing offered is
/// acceptable (the answer is then 406).
pub fn choose<T: Copy>(accept: Option<&str>, offers: &[(&str, T)]) -> Option<T> {
    let ranges = accept.map(parse).unwrap_or_default();
    if ranges.is_empty() {
        return offers.first().map(|(_, value)| *value);
    }
    let mut best: Option<(u16, T)> = None;
    for (media, value) in offers {
        let quality = quality(&ranges, media);
        if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, *value));
        }
    }
    best.map(|(_, value)| value)
}

/// One media range of an `Accept` header: type and subtype in lower case
/// (`*` for a wildcard) and the quality in thousandths.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MediaRange {
    kind: String,
    subtype: String,
    quality: u16,
}

/// The media ranges of an `Accept` header; malformed ones are skipped.
fn parse(header: &str) -> Vec<MediaRange> {
    header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let (kind, subtype) = media.split_once('/')?;
            if kind.is_empty() || subtype.is_empty() || (kind == "*" && subtype != "*") {
                return None;
            }
            let mut quality = 1000;
            for parameter in parts {
                let Some((name, value)) = parameter.split_once('=') else {
                    continue;
                };
                if name.trim().eq_ignore_ascii_case("q") {
                    quality = parse_quality(value.trim())?;
                }
            }
            Some(MediaRange {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                quality,
            })
        })
        .collect()
}

/// A quality value (`0`, `0.5`, `1.000`) in thousandths.
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The quality `ranges` give `media`: that of the most specific range
/// matching it, 0 when none does.
fn quality(ranges: &[MediaRange], media: &str) -> u16 {
    let Some((kind, subtype)) = media.split_once('/') else {
        return 0;
    };
    ranges
        .iter()
        .filter_map(|range| {
            let specificity = match (range.kind.as_str(), range.subtype.as_str()) {
                (k, s) if k == kind && s == subtype => 2,
                (k, "*") if k == kind => 1,
                ("*", "*") => 0,
                _ => return None,
            };
            Some((specificity, range.quality))
        })
        .max_by_key(|(specificity, _)| *specificity)
        .map_or(0, |(_, quality)| quality)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solutions(accept: Option<&str>) -> Option<QueryResultsFormat> {
        choose(accept, SOLUTIONS)
    }

    #[test]
    fn no_accept_header_takes_the_first_offer() {
        assert_eq!(solutions(None), Some(QueryResultsFormat::Json));
        assert_eq!(solutions(Some("")), Some(QueryResultsFormat::Json));
        assert_eq!(choose(None, GRAPHS), Some(RdfFormat::Turtle));
    }

    #[test]
    fn each_offered_type_is_chosen_by_its_name() {
        for (media, format) in SOLUTIONS {
            assert_eq!(solutions(Some(media)), Some(*format), "{media}");
        }
        for (media, format) in GRAPHS {
            assert_eq!(choose(Some(media), GRAPHS), Some(*format), "{media}");
        }
    }

    #[test]
    fn quality_decides_and_ties_go_to_the_server_order() {
        assert_eq!(
            solutions(Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(
            solutions(Some("text/csv, application/sparql-results+xml")),
            Some(QueryResultsFormat::Xml),
            "equal quality: the server's order"
        );
        assert_eq!(
            solutions(Some("text/tab-separated-values;q=0.9, */*;q=0.1")),
            Some(QueryResultsFormat::Tsv)
        );
    }

    #[test]
    fn the_most_specific_range_sets_the_quality() {
        // text/csv is refused outright although text/* is welcome
        assert_eq!(
            solutions(Some("text/*, text/csv;q=0")),
            Some(QueryResultsFormat::Tsv)
        );
        assert_eq!(
            choose(Some("application/*;q=0.2, text/turtle;q=0.1"), GRAPHS),
            Some(RdfFormat::NTriples)
        );
    }

    #[test]
    fn what_a_browser_or_yasgui_sends_is_served() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(solutions(Some(browser)), Some(QueryResultsFormat::Xml));
        assert_eq!(choose(Some(browser), GRAPHS), Some(RdfFormat::Turtle));
        let yasgui = "application/sparql-results+json,*/*;q=0.9";
        assert_eq!(solutions(Some(yasgui)), Some(QueryResultsFormat::Json));
    }

    #[test]
    fn nothing_acceptable_is_none() {
        assert_eq!(solutions(Some("text/html")), None);
        assert_eq!(solutions(Some("*/*;q=0")), None);
        assert_eq!(choose(Some("text/csv"), GRAPHS), None);
    }

    #[test]
    fn case_parameters_and_spaces_are_ignored() {
        assert_eq!(
            choose(Some(" Text/Turtle ; charset=utf-8 ; Q=1"), GRAPHS),
            Some(RdfFormat::Turtle)
        );
        assert_eq!(
            choose(
                Some("application/ld+json;profile=\"http://www.w3.org/ns/json-ld#expanded\""),
                GRAPHS
            ),
            Some(JSON_LD)
        );
    }

    #[test]
    fn malformed_ranges_are_skipped() {
        assert_eq!(
            solutions(Some("garbage, text/csv;q=2, */json, text/html")),
            None
        );
        assert_eq!(
            solutions(Some("garbage, text/csv;q=0.x")),
            Some(QueryResultsFormat::Json),
            "no valid range at all reads as no Accept header"
        );
        assert_eq!(
            solutions(Some("garbage, text/tab-separated-values")),
            Some(QueryResultsFormat::Tsv)
        );
    }

    #[test]
    fn quality_values_parse_to_thousandths() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0.5"), Some(500));
        assert_eq!(parse_quality("0.05"), Some(50));
        assert_eq!(parse_quality("0"), Some(0));
        assert_eq!(parse_quality("1.5"), None);
        assert_eq!(parse_quality("0.1234"), None);
        assert_eq!(parse_quality("high"), None);
    }
}
