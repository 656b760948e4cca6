#!/usr/bin/env bash
# Builds the libFuzzer targets on the stable toolchain and runs each for N seconds.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 60 seconds, every target
#   FUZZ_JOBS=2 fuzz/run.sh 600           two targets at a time
#
# The flags are the ones `cargo fuzz build --sanitizer none` passes: coverage counters and
# comparison tracing for libFuzzer, no AddressSanitizer (that needs a nightly compiler; safe
# Rust does not need it to find panics, hangs and memory blow-ups). Each run starts from a
# fresh corpus copied from corpus/ plus fuzz/seeds/, in a temporary directory, so nothing
# generated is ever committed; crashes and slow inputs are kept in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(clean_text extract_html read_jsonl read_warc parse_config)
fi
jobs="${FUZZ_JOBS:-1}"
rss="${FUZZ_RSS_MB:-2048}"
host="$(rustc -vV | sed -n 's/^host: //p')"

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# --target keeps RUSTFLAGS off build scripts and proc macros, as cargo fuzz does
cargo build --locked --release --target "$host" --bins
bin="target/$host/release"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seed() { # target dir
    local t="$1" d="$2"
    mkdir -p "$d"
    python3 make_seeds.py "$t" "$d"
    if [ -d "seeds/$t" ]; then cp seeds/"$t"/* "$d"/; fi
}

run() { # target
    local t="$1"
    local corpus="$work/$t"
    seed "$t" "$corpus"
    mkdir -p "artifacts/$t"
    echo "fuzz: $t for ${secs}s from $(ls "$corpus" | wc -l) seed files"
    "$bin/$t" "$corpus" -max_total_time="$secs" -timeout=1 -rss_limit_mb="$rss" \
        -malloc_limit_mb="$rss" -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="artifacts/$t/" >"$work/$t.log" 2>&1 || {
        tail -n 60 "$work/$t.log"
        echo "fuzz: $t FAILED (artifacts in fuzz/artifacts/$t/)"
        return 1
    }
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|cov:' "$work/$t.log" | tail -n 3
    echo "fuzz: $t ok"
}

fail=0
pids=()
for t in "${targets[@]}"; do
    run "$t" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || fail=1
        pids=("${pids[@]:1}")
    fi
done
for p in "${pids[@]}"; do wait "$p" || fail=1; done
exit $fail
