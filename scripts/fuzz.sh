#!/usr/bin/env bash
# Hunts for panics in the article reader and the extractor for a fixed time
# budget (default 10 minutes each), outside CI:
#   1. the property tests of tests/properties.rs with many more cases;
#   2. the cargo-fuzz targets in fuzz/ when a nightly toolchain is there
#      (cargo-fuzz is installed on first use), seeded with the sample,
#      dev and bad-input articles.
# A crash input found by cargo-fuzz is left in fuzz/artifacts/; copy it to
# tests/bad-input/ (or a unit test) as a regression test, then fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-600}"

echo "property tests, ${budget}s"
PROPTEST_CASES=1000000 timeout "${budget}" cargo test --test properties || {
    status=$?
    [ "$status" -eq 124 ] || exit "$status"   # 124: the budget ran out, no failure
}

if ! rustup toolchain list | grep -q nightly; then
    echo "no nightly toolchain: cargo-fuzz targets skipped"
    exit 0
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/extract fuzz/corpus/read_article
cp data/sample/*.txt tests/dev/articles/*.txt tests/bad-input/*.txt fuzz/corpus/extract/ 2>/dev/null || true
cp tests/bad-input/*.txt fuzz/corpus/read_article/ 2>/dev/null || true
for target in read_article extract; do
    echo "cargo fuzz ${target}, ${budget}s"
    cargo +nightly fuzz run "${target}" "fuzz/corpus/${target}" -- -max_total_time="${budget}" -max_len=65536
done
