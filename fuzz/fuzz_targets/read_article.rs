//! The article reader: any bytes are a document or a clear error.
#![no_main]
use delegraph::document::Document;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|bytes: &[u8]| {
    let _ = Document::from_bytes("f.txt".into(), PathBuf::from("f.txt"), bytes.to_vec());
});
