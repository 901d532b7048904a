#!/usr/bin/env bash
# Whole-process figures for BENCHMARKS.md: for each corpus size, generate a
# corpus (the sample articles varied, `delegraph gen-corpus`), then measure
#   - the regex crate's plain scan of the corpus (examples/scan-ceiling),
#   - `delegraph build` into a new store: end-to-end time, peak RSS (from
#     /usr/bin/time -v), extraction MB/s and load triples/s (from the
#     build's own summary), store size on disk,
#   - adding one article to that store,
#   - each saved query (at most QUERY_TIMEOUT seconds and QUERY_MEMORY_KB),
#   - for the sizes in LOAD_CEILING_SIZES: `delegraph extract --format
#     nquads` (compressed with zstd -1 on the way, as the N-Quads of a
#     large corpus outgrow the disk) and Oxigraph's own bulk load of those
#     N-Quads (examples/load-ceiling, fed by zstd -dc);
#   - for the sizes in EXTRACT_ONLY_SIZES, instead of all the above after
#     the scan: `delegraph extract --format nquads` into `wc -c` (time,
#     peak RSS), the map step of the distributed path. A store of a 1 GB
#     corpus would need about 50 GB of disk, twice that while the bulk
#     load is made visible.
# Everything is written under target/bench (not committed); the figures go
# to target/bench/results.tsv, one line per measure, and to standard output.
#
# usage: scripts/bench.sh [SIZE...]      (default: 10MB 100MB 1GB)
# Run it alone on the machine: it uses every core.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10MB 100MB 1GB)
LOAD_CEILING_SIZES=${LOAD_CEILING_SIZES:-"10MB 100MB"}
EXTRACT_ONLY_SIZES=${EXTRACT_ONLY_SIZES:-"1GB"}
QUERY_TIMEOUT=${QUERY_TIMEOUT:-30}
QUERY_MEMORY_KB=${QUERY_MEMORY_KB:-8000000}
out=target/bench
bin=target/release/delegraph
mkdir -p "$out"
results=$out/results.tsv

cargo build --release --bin delegraph --example scan-ceiling --example load-ceiling
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -sr)" >> "$results"

record() { # size measure value
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" | tee -a "$results"
}

# seconds and peak RSS (KB) of a command, from /usr/bin/time -v
timed() { # logfile command...
  local log=$1
  shift
  /usr/bin/time -v -o "$log.time" "$@" 2>"$log"
}
elapsed() { # logfile.time -> seconds
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"
}
peak_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

for size in "${sizes[@]}"; do
  corpus=$out/corpus-$size
  if [ ! -d "$corpus" ]; then
    $bin gen-corpus --size "$size" --out "$corpus"
  fi
  bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  articles=$(find "$corpus" -name '*.txt' | wc -l)
  record "$size" corpus_bytes "$bytes"
  record "$size" articles "$articles"

  # the scanning ceiling, twice: the first run warms the page cache as the
  # build's first pass would
  target/release/examples/scan-ceiling "$corpus" > /dev/null
  scan=$(target/release/examples/scan-ceiling "$corpus")
  record "$size" scan_ceiling_mb_per_s "$(sed 's/.*mb_per_s=\([0-9.]*\).*/\1/' <<< "$scan")"

  if [[ " $EXTRACT_ONLY_SIZES " == *" $size "* ]]; then
    timed "$out/extract-$size.log" bash -c "set -o pipefail; $bin extract --format nquads '$corpus' | wc -c > '$out/extract-$size.bytes'"
    extract_seconds=$(elapsed "$out/extract-$size.log.time")
    record "$size" extract_nquads_seconds "$extract_seconds"
    record "$size" extract_nquads_mb_per_s "$(awk -v b="$bytes" -v s="$extract_seconds" 'BEGIN {printf "%.2f", b / 1e6 / s}')"
    record "$size" extract_nquads_peak_rss_kb "$(peak_kb "$out/extract-$size.log.time")"
    record "$size" extract_nquads_bytes "$(cat "$out/extract-$size.bytes")"
    continue
  fi

  # the build into a new store
  store=$out/store-$size
  rm -rf "$store"
  timed "$out/build-$size.log" $bin build --quiet --store "$store" "$corpus"
  record "$size" build_seconds "$(elapsed "$out/build-$size.log.time")"
  record "$size" build_peak_rss_kb "$(peak_kb "$out/build-$size.log.time")"
  record "$size" triples "$(awk '/triples written/ {print $3}' "$out/build-$size.log")"
  record "$size" extraction_mb_per_s "$(sed -n 's/.*extracting .*(\([0-9.]*\) MB\/s.*/\1/p' "$out/build-$size.log")"
  record "$size" extraction_seconds "$(awk '/extracting/ {print $2}' "$out/build-$size.log")"
  record "$size" load_triples_per_s "$(sed -n 's/.*writing store .*(\([0-9]*\) triples\/s.*/\1/p' "$out/build-$size.log")"
  record "$size" load_seconds "$(awk '/writing store/ {print $3}' "$out/build-$size.log")"
  record "$size" compact_seconds "$(sed -n 's/.*compacting \([0-9.]*\) s.*/\1/p' "$out/build-$size.log")"
  record "$size" store_bytes "$(du -sb "$store" | cut -f1)"

  # one more article into the store that now holds the corpus
  one=$out/one-article
  mkdir -p "$one"
  sed 's/Istanbul/Lausanne/g' data/sample/01_istanbul_first_round.txt > "$one/added-article.txt"
  timed "$out/add-$size.log" $bin build --quiet --store "$store" "$one"
  record "$size" add_one_article_seconds "$(elapsed "$out/add-$size.log.time")"

  for q in $(cd queries && ls *.rq | sed 's/\.rq$//'); do
    set +e
    start=$(date +%s.%N)
    (ulimit -v "$QUERY_MEMORY_KB"; timeout "$QUERY_TIMEOUT" $bin query "$q" --store "$store" --format csv > "$out/query-$size-$q.csv" 2> "$out/query-$size-$q.err")
    status=$?
    end=$(date +%s.%N)
    set -e
    if [ $status -eq 0 ]; then
      record "$size" "query_${q}_ms" "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", (b - a) * 1000}')"
      record "$size" "query_${q}_rows" "$(($(wc -l < "$out/query-$size-$q.csv") - 1))"
    elif [ $status -eq 124 ]; then
      record "$size" "query_${q}_ms" "timeout>${QUERY_TIMEOUT}s"
    else
      record "$size" "query_${q}_ms" "failed($status, memory cap ${QUERY_MEMORY_KB} KB)"
    fi
  done
  rm -rf "$store"

  if [[ " $LOAD_CEILING_SIZES " == *" $size "* ]]; then
    nq=$out/$size.nq.zst
    timed "$out/extract-$size.log" bash -c "set -o pipefail; $bin extract --format nquads '$corpus' | zstd -1 -q -c > '$nq'"
    extract_seconds=$(elapsed "$out/extract-$size.log.time")
    record "$size" extract_nquads_seconds "$extract_seconds"
    record "$size" extract_nquads_mb_per_s "$(awk -v b="$bytes" -v s="$extract_seconds" 'BEGIN {printf "%.2f", b / 1e6 / s}')"
    record "$size" extract_nquads_peak_rss_kb "$(peak_kb "$out/extract-$size.log.time")"
    ceiling_store=$out/ceiling-store-$size
    rm -rf "$ceiling_store"
    ceiling=$(zstd -dc "$nq" | target/release/examples/load-ceiling - "$ceiling_store")
    record "$size" load_ceiling_quads_per_s "$(sed 's/.*quads_per_s=\([0-9]*\).*/\1/' <<< "$ceiling")"
    record "$size" load_ceiling_seconds "$(sed 's/.* seconds=\([0-9.]*\).*/\1/' <<< "$ceiling")"
    record "$size" load_ceiling_compact_seconds "$(sed 's/.*compact_seconds=\([0-9.]*\).*/\1/' <<< "$ceiling")"
    record "$size" load_ceiling_store_bytes "$(du -sb "$ceiling_store" | cut -f1)"
    rm -rf "$ceiling_store" "$nq"
  fi
done
