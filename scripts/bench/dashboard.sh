#!/usr/bin/env bash
# Benchmark (issue 6): P people (default 5,000,000) and R learning records of one year (default
# 10,000,000) in SQLite. The rows are written straight into LearnCity's tables by sqlite3 (an
# import of that size through the importer would take hours on this machine; the importer has
# its own benchmark), then `learncity indicators --rebuild` counts every indicator through the
# ledger. Measured in one run: the median of the city's indicator values and of a county
# drill-down over HTTP, beside a plain `SELECT count(DISTINCT …)` over the same records; and the
# per-record cost of writing records at that size (`learncity import records`, 10,000 rows).
set -euo pipefail
cd "$(dirname "$0")/../.."
P=${P:-5000000}
R=${R:-10000000}
BIN=${LEARNCITY_BIN:-$(swift build -c release --show-bin-path)/learncity}
work=$(mktemp -d /tmp/learncity-bench.XXXXXX)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export LEARNCITY_DATA_DIR="$work/data" LOG_LEVEL=warning
db="$work/data/learncity.sqlite"
now() { date +%s.%N; }

"$BIN" demo >/dev/null
start=$(now)
sqlite3 "$db" <<SQL
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576;
CREATE TEMP TABLE counties(n INTEGER PRIMARY KEY, code TEXT);
INSERT INTO counties VALUES (0,'511702'),(1,'511703'),(2,'511722'),(3,'511723'),(4,'511724'),(5,'511725'),(6,'511781');
CREATE TEMP TABLE providers AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id, path, region_code FROM organisations
  WHERE kind IN ('college', 'community_centre', 'village_centre', 'enterprise_centre');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $P)
INSERT INTO people (name, resident_id_cipher, resident_id_hash, resident_id_masked, gender, birth_date, region_code, urban_rural, employed,
                    occupation, created_at, updated_at)
SELECT '学员' || i, 'bench', printf('%064d', i), '5117**********' || substr(printf('%04d', i), -4), CASE i % 2 WHEN 0 THEN 'female' ELSE 'male' END,
       printf('%04d-%02d-%02d', 1950 + i % 50, 1 + i % 12, 1 + i % 28), (SELECT code FROM counties WHERE n = i % 7),
       CASE i % 3 WHEN 0 THEN 'rural' ELSE 'urban' END, i % 5 < 3, CASE i % 4 WHEN 0 THEN '专业技术人员' WHEN 1 THEN '企业职工' ELSE NULL END, 0, 0
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $R)
INSERT INTO learning_records (person_id, kind, status, date, year, hours, provider_id, provider_path, provider_name, region_code, employed,
                              source, idem_key, created_at, updated_at)
SELECT p, k, CASE k WHEN 'certification' THEN 'issued' WHEN 'degree' THEN 'enrolled' ELSE 'completed' END,
       printf('2014-%02d-%02d', 1 + i % 12, 1 + i % 28), 2014, 4, pr.id, pr.path, 'bench', (SELECT code FROM counties WHERE n = p % 7), (p % 5) < 3,
       'import', 'bench|' || i, 0, 0
FROM (SELECT i, 1 + (i * 7919) % $P AS p,
             CASE WHEN i % 100 < 55 THEN 'community' WHEN i % 100 < 90 THEN 'training' WHEN i % 100 < 96 THEN 'certification' ELSE 'degree' END AS k
      FROM n) JOIN providers pr ON pr.n = i % (SELECT COUNT(*) FROM providers);
SQL
loaded=$(echo "$(now) - $start" | bc)
start=$(now)
"$BIN" indicators --rebuild >/dev/null
rebuilt=$(echo "$(now) - $start" | bc)
echo "loaded $P people and $R records with sqlite3 in ${loaded}s; indicators rebuilt through the ledger in ${rebuilt}s"

# The reference: T4's numerator and T3's, straight from the records, five times each.
reference() {
  for _ in 1 2 3 4 5; do
    s=$(now); sqlite3 "$db" "$1" >/dev/null; echo "$(echo "($(now) - $s) * 1000" | bc)"
  done | sort -n | sed -n 3p
}
ref_people=$(reference "SELECT count(DISTINCT person_id) FROM learning_records WHERE year = 2014 AND kind = 'community' AND status = 'completed' AND voided_at IS NULL;")
ref_county=$(reference "SELECT count(DISTINCT person_id) FROM learning_records WHERE year = 2014 AND kind = 'community' AND status = 'completed' AND voided_at IS NULL AND region_code LIKE '511722%';")

# Writing at that size: 10,000 records of existing people through the importer.
python3 - "$work/more.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("记录编号,身份证号,姓名,类型,日期,学时\n")
    W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    for i in range(10000):
        body = f"511722{1960 + i % 40:04d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        check = "10X98765432"[sum(int(d) * w for d, w in zip(body, W)) % 11]
        f.write(f"M{i},{body + check},新学员{i},社区教育,2014-11-{1 + i % 28:02d},2\n")
PY
start=$(now)
"$BIN" import records "$work/more.csv" --json > "$work/more.json"
write=$(echo "$(now) - $start" | bc)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$port" > "$work/server.log" 2>&1 &
server=$!
python3 - "$port" "$ref_people" "$ref_county" "$write" "$work/more.json" <<'PY'
import http.client, json, statistics, sys, time
port, ref_people, ref_county, write = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
more = json.load(open(sys.argv[5]))
for _ in range(150):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2); c.request("GET", "/healthz"); c.getresponse().read(); break
    except OSError:
        time.sleep(0.2)
conn = http.client.HTTPConnection("127.0.0.1", port)
def median(path, runs=200):
    for _ in range(10): conn.request("GET", path); conn.getresponse().read()
    times = []
    for _ in range(runs):
        s = time.perf_counter(); conn.request("GET", path); r = conn.getresponse(); body = r.read(); times.append((time.perf_counter() - s) * 1000)
        assert r.status == 200
    return statistics.median(times), json.loads(body)
city, figures = median("/api/v1/indicators?year=2014")
county, _ = median("/api/v1/indicators?year=2014&region=511722")
t4 = next(i for i in figures["indicators"] if i["code"] == "T4")
print(f"T4 numerator (distinct people, community, 2014): {t4['numerator']:,}")
print(f"city indicators   GET /api/v1/indicators?year=2014        median {city:7.2f} ms   (reference count(DISTINCT) over the records: {ref_people:8.1f} ms)")
print(f"county drill-down GET /api/v1/indicators?...&region=511722 median {county:7.2f} ms   (reference, one county: {ref_county:8.1f} ms)")
print(f"writing records at this size: {more['imported']:,} records in {write:.2f} s = {write / max(more['imported'], 1) * 1e6:.0f} µs a record (whole import command)")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB"
