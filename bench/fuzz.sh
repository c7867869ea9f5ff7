#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of outside input (targets in fuzz/fuzz_targets/), a fixed
# number of executions each, printing executions and coverage per target. Needs the nightly
# toolchain and cargo-fuzz (`bash scripts/setup.sh fuzz` installs them).
#
#   bash bench/fuzz.sh                    # every target, 1,000,000 executions each (about 30 min on 2 cores)
#   bash bench/fuzz.sh --runs 5000        # the smoke run scripts/test.sh does
#   bash bench/fuzz.sh --runs 200000 extract timeml
#   bash bench/fuzz.sh --max-len 1024 extract   # shorter inputs: the extractor target runs ~4x faster
#
# Each target starts from a corpus seeded with the repository's seeds and, where ../shared exists,
# JSONTestSuite's parsing files and TimeBank/AQUAINT documents (read in place, never copied into the
# repository). What libFuzzer adds goes to fuzz/corpus/TARGET (not committed). A crash stops the run
# with libFuzzer's report and the input under fuzz/artifacts/TARGET/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

runs=1000000
max_len_given=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    --max-len) max_len_given="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(load_timeline import_timelinejs embed worker_messages extract publication_date timeml)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

command -v cargo-fuzz >/dev/null || { echo "fuzz.sh: cargo-fuzz is missing: bash scripts/setup.sh fuzz" >&2; exit 1; }
rustup toolchain list | grep -q '^nightly' || { echo "fuzz.sh: the nightly toolchain is missing: bash scripts/setup.sh fuzz" >&2; exit 1; }

shared="${CITELINE_SHARED:-$root/../shared}"
json_seeds=("$root/seeds")
text_seeds=("$root/seeds")
timeml_seeds=()
if [ -d "$shared/data" ]; then
  json_seeds+=("$shared/data/jsontestsuite/test_parsing")
  timeml_seeds+=("$shared/data/timebank/TimeBank" "$shared/data/timebank/AQUAINT")
  text_seeds+=("$shared/seeds")
else
  echo "fuzz.sh: no ../shared beside the repository: seeding from the repository's seeds only"
fi

printf '%-18s %12s %8s %8s %10s\n' target executions cov ft "exec/s"
for target in "${targets[@]}"; do
  case "$target" in
    load_timeline|import_timelinejs|embed|worker_messages) seeds=("${json_seeds[@]}") ;;
    extract|publication_date) seeds=("${text_seeds[@]}") ;;
    timeml) seeds=("${timeml_seeds[@]}" "${text_seeds[@]}") ;;
    *) echo "fuzz.sh: no target '$target' (targets: ${all[*]})" >&2; exit 2 ;;
  esac
  existing=()
  for dir in "${seeds[@]}"; do [ -d "$dir" ] && existing+=("$dir"); done
  mkdir -p "fuzz/corpus/$target"
  log=$(mktemp)
  # No sanitizer: the crates forbid unsafe code, so what is looked for is panics (debug assertions
  # on: overflow too), hangs (-timeout) and runaway memory (-rss_limit_mb); without ASan a run is
  # several times faster. Texts up to 4 KB (the extractor works sentence by sentence), JSON up to 64 KB.
  case "$target" in extract|publication_date|timeml) max_len=4096 ;; *) max_len=65536 ;; esac
  [ -n "$max_len_given" ] && max_len="$max_len_given"
  if ! cargo +nightly fuzz run --sanitizer none "$target" "fuzz/corpus/$target" "${existing[@]}" -- \
      -runs="$runs" -print_final_stats=1 -timeout=20 -rss_limit_mb=4096 -max_len="$max_len" >"$log" 2>&1; then
    echo "fuzz.sh: $target FAILED; libFuzzer said:" >&2
    grep -v '^#[0-9]' "$log" | tail -60 >&2
    rm -f "$log"
    exit 1
  fi
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  speed=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  last=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  rm -f "$log"
  printf '%-18s %12s %8s %8s %10s\n' "$target" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${speed:-?}"
done
