#!/usr/bin/env bash
# Measures the import of a 100,000-row figure file through the API: the first import (all new figures)
# and a second import of the same file (all replaced, nothing changed). Prints the seconds of each.
# Usage: bench/import-100k.sh [rows]      (needs curl, python3 and a built jar or ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

[ -f target/union-report-portal.jar ] || ./mvnw -B -q -DskipTests package
python3 bench/make-figures-csv.py "$rows" "$work/figures.csv"

PORTAL_DATA_DIR="$work/data" PORTAL_ADMIN_USERNAME=bench-admin PORTAL_ADMIN_PASSWORD='Lantern-Harbour-Admin-93' \
  java -jar target/union-report-portal.jar --server.port="$port" --portal.demo-data=false > "$work/portal.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
base="http://localhost:$port"
curl -fs -u bench-admin:Lantern-Harbour-Admin-93 -H 'Content-Type: application/json' \
  -d '{"username":"bench-staff","password":"Copper-Meadow-Falcon-5","role":"STAFF","regionCodes":["610100"]}' \
  "$base/api/admin/users" >/dev/null
id=$(curl -fs -u bench-staff:Copper-Meadow-Falcon-5 -H 'Content-Type: application/json' \
  -d '{"regionCode":"610100","periodStart":2023,"title":"benchmark"}' "$base/api/reports" | tr -dc '0-9')

for run in first second; do
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -m 600 -u bench-staff:Copper-Meadow-Falcon-5 \
    -H 'Content-Type: text/csv' --data-binary @"$work/figures.csv" "$base/api/reports/$id/figures/import")
  end=$(date +%s.%N)
  printf "%s import of %s rows: HTTP %s in %s s\n" "$run" "$rows" "$status" "$(python3 -c "print(round($end - $start, 2))")"
done
grep -o 'Imported .*' "$work/portal.log" || true
