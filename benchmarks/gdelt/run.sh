#!/usr/bin/env bash
# GDELT import benchmark (not a test): a synthetic day of GDELT 2.0 Events rows through the CLI into a fresh store,
# then the same file again (a re-import that changes nothing), in Release, under /usr/bin/time -v (peak RSS is its
# "Maximum resident set size"), with `uptime` before and after each run. On the embedded store it then serves the
# store and reads the United States' actor page and event list, to show they stay capped around a hub.
#   usage: bash benchmarks/gdelt/run.sh embedded [rows=150000]
#          bash benchmarks/gdelt/run.sh neo4j [rows=150000] [http://127.0.0.1:17574/]   (start it with benchmarks/start-neo4j.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
store="${1:?usage: run.sh embedded|neo4j [rows] [neo4j-uri]}"
rows="${2:-150000}"
uri="${3:-http://127.0.0.1:17574/}"
file="/tmp/gdelt-$rows.export.CSV"
api=src/DiplomacyGraph.Api/bin/Release/net10.0/DiplomacyGraph.Api.dll
[ -f "$file" ] || python3 tests/DiplomacyGraph.Tests/Data/gdelt/generate.py --rows "$rows" --out "$file"
echo "file: $file, $(wc -l < "$file") rows, $(du -h "$file" | cut -f1), md5 $(md5sum "$file" | cut -d' ' -f1)"
if [ "$store" = embedded ]; then
  settings=(--Embedded:Path=/tmp/gdelt-bench.db)
  rm -f /tmp/gdelt-bench.db*
else
  settings=(--Neo4j:Uri="$uri" --Neo4j:ImportTimeout=00:05:00 --Neo4j:RequestTimeout=00:02:00)
fi
for run in fresh re-import; do
  echo "== $store, $run; uptime before: $(uptime)"
  /usr/bin/time -v dotnet "$api" import --format gdelt "$file" "${settings[@]}" 2> /tmp/gdelt-bench.time | grep -v "^    line" | head -20
  grep -E "Elapsed \(wall|Maximum resident|User time|System time|Exit status" /tmp/gdelt-bench.time
  echo "   uptime after: $(uptime)"
done
if [ "$store" = embedded ]; then
  port=$((20000 + RANDOM % 10000))
  dotnet "$api" --urls "http://127.0.0.1:$port" "${settings[@]}" > /tmp/gdelt-bench-api.log 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 1; done
  for path in /api/actors/united-states "/api/actors/united-states/events" "/api/actors/united-states/events?page=50" /api/actors/united-states/co-participants; do
    curl -s -o /tmp/gdelt-bench-page.json -w "GET $path: %{http_code}, %{size_download} bytes, %{time_total} s\n" "http://127.0.0.1:$port$path"
    python3 - "$path" <<'PY'
import json, sys
d = json.load(open("/tmp/gdelt-bench-page.json"))
def lists(o, at=""):
    if isinstance(o, dict):
        for k, v in o.items(): yield from lists(v, f"{at}.{k}")
    elif isinstance(o, list):
        yield at, len(o)
print("   longest lists:", sorted(lists(d), key=lambda x: -x[1])[:4], "| total:", d.get("total") if isinstance(d, dict) else None,
      "| truncated:", d.get("truncated") if isinstance(d, dict) else None)
PY
  done
  kill "$pid"
fi
