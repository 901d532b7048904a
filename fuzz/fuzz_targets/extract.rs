//! The extractor: any readable article gives facts, never a panic.
#![no_main]
use delegraph::document::Document;
use delegraph::pipeline::extract_documents;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(doc) = Document::from_bytes("f.txt".into(), PathBuf::from("f.txt"), bytes.to_vec()) {
        let _ = extract_documents(&[doc]);
    }
});
