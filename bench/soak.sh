#!/usr/bin/env bash
# Soak: the national dashboard under wrk (DURATION 60 s, CONNECTIONS 32) while a writer saves figures one
# import at a time into a report of 西安市. Every save commits and so moves the data version: the page
# cache is emptied again and again, and dashboards are computed afresh while the load goes on.
# Passes when wrk saw no error (socket errors, timeouts, non-2xx answers) and every save the portal
# acknowledged is in the report afterwards.
#
#   bench/soak.sh         (the national data set in bench/data-national, loaded on the first run)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8099}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
DATA=${PORTAL_DATA_DIR:-$PWD/bench/data-national}
JAR=target/union-report-portal.jar
ADMIN=bench-admin ADMIN_PASSWORD=Lantern-Harbour-Admin-93
STAFF=soak-staff STAFF_PASSWORD=Copper-Meadow-Falcon-5
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
work=$(mktemp -d)
PORTAL_DATA_DIR="$DATA" PORTAL_ADMIN_USERNAME=$ADMIN PORTAL_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" --portal.synthetic=national > bench/soak.log 2>&1 &
PID=$!
WRITER=""
trap 'kill $WRITER $PID 2>/dev/null || true; rm -rf "$work"' EXIT
base=http://localhost:$PORT
until curl -sf "$base/actuator/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "the portal did not start; see bench/soak.log" >&2; exit 1; }
  sleep 0.5
done

curl -s -o /dev/null -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$STAFF\",\"password\":\"$STAFF_PASSWORD\",\"role\":\"STAFF\",\"regionCodes\":[\"610100\"]}" \
  "$base/api/admin/users"
created=$(curl -s -u "$STAFF:$STAFF_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"regionCode":"610100","periodStart":2030,"title":"soak"}' "$base/api/reports")
report=$(echo "$created" | grep -oE '"(id|existingId)":[0-9]+' | head -1 | grep -oE '[0-9]+')
run=$(date +%s)
# Warm up first, as bench/run.sh does: a cold JVM's first national dashboards take seconds, and wrk counts
# an answer slower than 2 s as an error.
wrk -t2 -c8 -d10s "$base/regions/000000" >/dev/null
echo "writing into report $report; run $run"

# The writer: one figure a request, each a new label, until stopped; notes each acknowledged one.
(
  i=0
  while true; do
    label="soak-$run-$i"
    status=$(curl -s -o /dev/null -w '%{http_code}' -u "$STAFF:$STAFF_PASSWORD" -H 'Content-Type: text/csv' \
      --data-binary "metric_zh,value,unit
$label,$i,个" "$base/api/reports/$report/figures/import")
    if [ "$status" = 200 ]; then echo "$label" >> "$work/acknowledged"; else echo "$label $status" >> "$work/refused"; fi
    i=$((i + 1))
  done
) &
WRITER=$!

out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/percentiles.lua "$base/regions/000000")
kill $WRITER; wait $WRITER 2>/dev/null || true
echo "$out" > bench/soak-wrk.log

acknowledged=$(wc -l < "$work/acknowledged")
refused=$( [ -f "$work/refused" ] && wc -l < "$work/refused" || echo 0)
curl -s -u "$STAFF:$STAFF_PASSWORD" "$base/api/reports/$report" > "$work/report.json"
missing=0
while read -r label; do
  grep -q "\"$label\"" "$work/report.json" || { missing=$((missing + 1)); echo "missing: $label"; }
done < "$work/acknowledged"
errors=$(echo "$out" | awk '/^errors/ {print $2}')
echo "dashboard under load: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s," \
  "p50 $(echo "$out" | awk '/^p50/ {print $2}'), p95 $(echo "$out" | awk '/^p95/ {print $2}')," \
  "p99 $(echo "$out" | awk '/^p99/ {print $2}'), errors $errors"
echo "writes: $acknowledged acknowledged, $refused refused, $missing acknowledged but missing"
echo "memory after the run: resident $(( $(ps -o rss= -p $PID) / 1024 )) MB"
[ "$errors" = 0 ] && [ "$missing" = 0 ] && [ "$refused" = 0 ] && echo "soak: passed" || { echo "soak: FAILED"; exit 1; }
