#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) each and prints, per target, the executions,
# the coverage reached and the crashes found. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
#   JOBS=2 fuzz/run.sh 3600          two workers per target
#   RUNS=10000000 fuzz/run.sh 7200   stop a target at ten million executions (or the time)
# Corpora grow in fuzz/corpus/<target> (only the seeds are committed; new finds stay local,
# see .gitignore); a crash is written to fuzz/artifacts/<target>/ and fails the run.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(yaml decode markdown import figures)
jobs="${JOBS:-1}"
parallel=""
# The code under test is safe Rust: AddressSanitizer finds little there and costs 2-3x the
# speed, so it is off unless asked for (SANITIZER=address fuzz/run.sh).
sanitizer="--sanitizer=${SANITIZER:-none}"
[ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
[ -n "${RUNS:-}" ] && parallel="$parallel -runs=$RUNS"

if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  echo "fuzz/run.sh: needs a nightly toolchain and cargo-fuzz (rustup toolchain install nightly; cargo install cargo-fuzz)" >&2
  exit 2
fi
cargo +nightly fuzz build $sanitizer >/dev/null || exit 1

mkdir -p logs
failed=0
printf '%-10s %14s %10s %8s %8s  %s\n' target executions exec/s cov features result
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log="logs/$t.log"
  # -timeout: one input may take at most 10 s; -rss_limit_mb/-malloc_limit_mb: at most 2 GB.
  # A local work corpus keeps the committed seeds small: finds go to corpus/$t/found (ignored).
  mkdir -p "corpus/$t/found"
  cargo +nightly fuzz run $sanitizer "$t" "corpus/$t/found" "corpus/$t" -- \
    -dict=bulletin.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -max_len=65536 $parallel -print_final_stats=1 >"$log" 2>&1
  status=$?
  execs=$(grep -h 'stat::number_of_executed_units' "$log" | awk '{s+=$2} END {print s+0}')
  speed=$(grep -h 'stat::average_exec_per_sec' "$log" | awk '{s+=$2} END {print s+0}')
  # With several jobs the main log already holds each worker's output and final statistics:
  # their own logs are appended after counting (appending first counted every job twice).
  [ "$jobs" -gt 1 ] && cat fuzz-*.log >>"$log" 2>/dev/null && rm -f fuzz-*.log
  cov=$(grep -hoE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -hoE 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  crashes=$(find "artifacts/$t" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    result="FAILED: $crashes crash file(s) in fuzz/artifacts/$t, see fuzz/$log"
    failed=1
  else
    result=ok
  fi
  printf '%-10s %14s %10s %8s %8s  %s\n' "$t" "$execs" "$speed" "${cov:-?}" "${ft:-?}" "$result"
done
exit $failed
