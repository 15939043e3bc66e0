#!/usr/bin/env bash
# Benchmark: import N people (default 1,000,000) into SQLite with `learncity import people`
# (validation, encryption and keyed hashes on), side by side with sqlite3's own `.import` of the
# same file into a table with one unique and one plain index. Prints both rates and the ratio.
# Needs a release build (make bench does it) and Debian's sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000000}
BIN=${LEARNCITY_BIN:-$(swift build -c release --show-bin-path)/learncity}
work=$(mktemp -d /tmp/learncity-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

python3 scripts/bench/generate_people.py "$N" "$work/people.csv"
echo "file: $N rows, $(du -h "$work/people.csv" | cut -f1)"

now() { date +%s.%N; }
start=$(now)
sqlite3 "$work/ref.sqlite" <<SQL
CREATE TABLE people(name TEXT, resident_id TEXT NOT NULL UNIQUE, gender TEXT, phone TEXT, region TEXT,
                    urban_rural TEXT, employed TEXT, occupation TEXT);
CREATE INDEX people_region ON people(region);
.import --csv --skip 1 $work/people.csv people
SQL
ref=$(echo "$(now) - $start" | bc)

export LEARNCITY_DATA_DIR="$work/data" LOG_LEVEL=warning
"$BIN" demo >/dev/null
start=$(now)
"$BIN" import people "$work/people.csv" --json > "$work/summary.json"
ours=$(echo "$(now) - $start" | bc)
python3 - "$work/summary.json" "$N" "$ref" "$ours" <<'PY'
import json, sys
summary, n, ref, ours = json.load(open(sys.argv[1])), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
assert summary["imported"] == n, summary
print(f"sqlite3 .import : {ref:8.2f} s  {n / ref:10,.0f} rows/s")
print(f"learncity import: {ours:8.2f} s  {n / ours:10,.0f} rows/s  (imported {summary['imported']:,})")
print(f"ratio           : {ref / ours:.2f}x of sqlite3's rate")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"
