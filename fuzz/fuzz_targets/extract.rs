//! The extractor and the mapping: any readable article gives facts and
//! quads that are valid RDF (they parse back as N-Quads), never a panic.
#![no_main]
use delegraph::document::Document;
use delegraph::mapping::article_quads;
use delegraph::pipeline::extract_documents;
use libfuzzer_sys::fuzz_target;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use std::path::PathBuf;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(doc) = Document::from_bytes("f.txt".into(), PathBuf::from("f.txt"), bytes.to_vec()) {
        for extracted in extract_documents(&[doc]) {
            let quads = article_quads(&extracted.facts);
            let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
            for quad in &quads {
                serializer.serialize_quad(quad).expect("written to memory");
            }
            let text = serializer.finish().expect("written to memory");
            let parsed = RdfParser::from_format(RdfFormat::NQuads)
                .for_slice(&text)
                .collect::<Result<Vec<_>, _>>()
                .expect("the quads of an article are valid N-Quads");
            assert_eq!(parsed.len(), quads.len());
        }
    }
});
