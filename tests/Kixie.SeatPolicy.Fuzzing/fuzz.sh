#!/usr/bin/env bash
# Fuzzes the scenario reader and the Json package's readers with afl-fuzz (docs/fuzzing.md).
#
#   tests/Kixie.SeatPolicy.Fuzzing/fuzz.sh [SECONDS]
#
# Builds the harness, instruments the library, the Json package and the tool with sharpfuzz, seeds a
# corpus from the small scenario files under tests/scenarios and the JSON samples of docs/, checks that
# no seed already fails, and runs afl-fuzz for SECONDS (default 90, or FUZZ_SECONDS; afl-fuzz's -V, its
# calibration of the seeds included). Exits 1 when afl-fuzz saved any crash or hang, after printing how to
# reproduce them; prints execs_done either way. Needs afl-fuzz on PATH (Debian: apt-get install afl++).
# Work folder: artifacts/fuzzing (FUZZ_WORK). FUZZ_NO_BUILD=1 publishes what `dotnet build -c Release`
# already built (CI).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

seconds="${1:-${FUZZ_SECONDS:-90}}"
work="${FUZZ_WORK:-artifacts/fuzzing}"
harness=tests/Kixie.SeatPolicy.Fuzzing
bin="$work/bin"
seeds="$work/seeds"
findings="$work/findings"

if ! command -v afl-fuzz >/dev/null; then
  echo "fuzz.sh: afl-fuzz is not on PATH (Debian: apt-get install afl++)" >&2
  exit 2
fi

echo "== $(date -u +%T) build and instrument the harness"
rm -rf "$work"
mkdir -p "$bin" "$seeds"
dotnet tool restore >/dev/null
no_build=()
[[ ${FUZZ_NO_BUILD:-} == 1 ]] && no_build=(--no-build)
dotnet publish "$harness/Kixie.SeatPolicy.Fuzzing.csproj" -c Release -o "$bin" --nologo -v quiet "${no_build[@]}"
for assembly in Kixie.SeatPolicy.dll Kixie.SeatPolicy.Json.dll seatpolicy.dll; do
  # The tool targets an older runtime than the SDK's; let it run on the newest one installed.
  DOTNET_ROLL_FORWARD=Major dotnet sharpfuzz "$bin/$assembly"
done

echo "== $(date -u +%T) seed the corpus"
# Every scenario file of at most 2 KB (afl-fuzz works best on small inputs), and each JSON sample of the
# dialect's and the Json package's docs.
find tests/scenarios -name '*.json' -size -2049c -size +0 -print0 | while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$(echo "${file#tests/scenarios/}" | tr '/' '_')"
done
awk -v dir="$seeds" '
  /^```json/ { n++; out = sprintf("%s/doc-%s-%03d.json", dir, FILENAME_BASE, n); inblock = 1; next }
  /^```/ && inblock { inblock = 0; close(out); next }
  inblock { print > out }
  FNR == 1 { FILENAME_BASE = FILENAME; gsub(/[^A-Za-z0-9]/, "-", FILENAME_BASE) }
' docs/dialect.md docs/json.md
find "$seeds" -type f -size +2048c -delete
echo "$(find "$seeds" -type f | wc -l) seeds"

echo "== $(date -u +%T) check the seeds (none may fail before fuzzing starts)"
dotnet "$bin/Kixie.SeatPolicy.Fuzzing.dll" "$seeds"

echo "== $(date -u +%T) afl-fuzz for $seconds seconds"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# dotnet is not an afl-instrumented binary (the instrumentation is in the assemblies); the machine's cores
# are shared, so no pinning; the runtime's start-up is slow for the fork server's first handshake.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000
status=0
afl-fuzz -i "$seeds" -o "$findings" -x "$harness/seatpolicy.dict" -V "$seconds" -t 5000 -m none \
  -- dotnet "$bin/Kixie.SeatPolicy.Fuzzing.dll" > "$work/afl-fuzz.log" 2>&1 || status=$?
sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' "$work/afl-fuzz.log" | grep -E 'Statistics|PROGRAM ABORT|Location|aborted' || true

echo "== $(date -u +%T) afl-fuzz exited with $status"
stats="$findings/default/fuzzer_stats"
if [[ ! -f $stats ]]; then
  echo "fuzz.sh: afl-fuzz exited with $status and wrote no fuzzer_stats" >&2
  exit 1
fi
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time) ' "$stats"

found=$(find "$findings/default/crashes" "$findings/default/hangs" -type f ! -name README.txt | wc -l)
if [[ $found -gt 0 ]]; then
  echo "fuzz.sh: $found finding(s):" >&2
  find "$findings/default/crashes" "$findings/default/hangs" -type f ! -name README.txt >&2
  echo "reproduce: dotnet $bin/Kixie.SeatPolicy.Fuzzing.dll $findings/default/crashes" >&2
  exit 1
fi
echo "fuzz.sh: no crash and no hang"
