#!/usr/bin/env bash
# Benchmark (issue 5): import N learning records (default 1,000,000) of P people (default
# 300,000) into SQLite with `learncity import records`, side by side with sqlite3's own `.import`
# of the same file into a table with the same keys (unique record id, index on the person);
# then the median latency of the course list and of "my learning" on that data, from loopback.
# Needs a release build (make bench does it) and Debian's sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000000}
P=${P:-300000}
BIN=${LEARNCITY_BIN:-$(swift build -c release --show-bin-path)/learncity}
work=$(mktemp -d /tmp/learncity-bench.XXXXXX)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

python3 scripts/bench/generate_people.py "$P" "$work/people.csv"
(cd scripts/bench && python3 generate_records.py "$N" "$P" "$work/records.csv")
echo "files: $P people, $N records ($(du -h "$work/records.csv" | cut -f1))"

now() { date +%s.%N; }
start=$(now)
sqlite3 "$work/ref.sqlite" <<SQL
CREATE TABLE records(source_id TEXT NOT NULL UNIQUE, resident_id TEXT NOT NULL, name TEXT, kind TEXT, date TEXT,
                     hours TEXT, provider TEXT, course TEXT);
CREATE INDEX records_person ON records(resident_id);
.import --csv --skip 1 $work/records.csv records
SQL
ref=$(echo "$(now) - $start" | bc)

export LEARNCITY_DATA_DIR="$work/data" LOG_LEVEL=warning
"$BIN" demo >/dev/null
"$BIN" import people "$work/people.csv" --json > /dev/null
start=$(now)
"$BIN" import records "$work/records.csv" --json > "$work/summary.json"
ours=$(echo "$(now) - $start" | bc)

# Pages on that data: 2,000 courses across the demo's providers, and a citizen with records.
db="$work/data/learncity.sqlite"
sqlite3 "$db" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO courses (code, title, category, kind, mode, provider_id, provider_path, region_code, hours, status, featured, created_at, updated_at)
SELECT 'B' || i, '课程 ' || i, '法律常识', 'community', 'offline', o.id, o.path, o.region_code, 4, 'open', i % 10 = 0, 0, 0
FROM n JOIN organisations o ON o.id = 1 + (i % (SELECT COUNT(*) FROM organisations));
SQL
"$BIN" user create bench-citizen --role learner --password bench-password-1 >/dev/null
sqlite3 "$db" "UPDATE users SET must_change_password = 0, person_id = (SELECT person_id FROM learning_records GROUP BY person_id ORDER BY COUNT(*) DESC LIMIT 1) WHERE username = 'bench-citizen';"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$port" > "$work/server.log" 2>&1 &
server=$!
python3 - "$work/summary.json" "$N" "$ref" "$ours" "$port" <<'PY'
import http.client, json, statistics, sys, time, urllib.parse
summary, n, ref, ours, port = json.load(open(sys.argv[1])), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
assert summary["imported"] == n, {k: v for k, v in summary.items() if k != "conflicts"}
print(f"sqlite3 .import : {ref:8.2f} s  {n / ref:10,.0f} rows/s")
print(f"learncity import: {ours:8.2f} s  {n / ours:10,.0f} rows/s  (imported {summary['imported']:,})")
print(f"ratio           : {ref / ours:.2f}x of sqlite3's rate")

for _ in range(100):
    try:
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/healthz"); break
    except OSError:
        time.sleep(0.2)
conn = http.client.HTTPConnection("127.0.0.1", port)
def get(path, cookie=""):
    conn.request("GET", path, headers={"Cookie": cookie})
    response = conn.getresponse()
    body = response.read()
    return response, body
def cookies(response):
    return "; ".join(h.split(";")[0] for k, h in response.getheaders() if k.lower() == "set-cookie")
response, _ = get("/signin")
jar = cookies(response)
csrf = dict(c.split("=", 1) for c in jar.split("; "))["learncity_csrf"]
form = urllib.parse.urlencode({"_csrf": csrf, "username": "bench-citizen", "password": "bench-password-1"})
conn.request("POST", "/signin", body=form, headers={"Cookie": jar, "Content-Type": "application/x-www-form-urlencoded"})
signed = conn.getresponse(); signed.read()
jar = jar + "; " + cookies(signed)
def median_ms(path, cookie="", runs=300):
    for _ in range(20): get(path, cookie)
    times = []
    for _ in range(runs):
        start = time.perf_counter(); response, body = get(path, cookie); times.append((time.perf_counter() - start) * 1000)
        assert response.status == 200, (path, response.status)
    return statistics.median(times), body
course_ms, _ = median_ms("/courses")
mine_ms, body = median_ms("/me/learning", jar)
assert "我的学习".encode() in body and b'id="years"' in body
print(f"GET /courses     : median {course_ms:6.2f} ms (300 sequential requests, keep-alive, loopback)")
print(f"GET /me/learning : median {mine_ms:6.2f} ms (a citizen with the most records)")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"
