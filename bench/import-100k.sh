#!/usr/bin/env bash
# Measures the import of a 100,000-row figure file through the API: the first import (all new figures)
# and a second import of the same file (all replaced, nothing changed). Prints the seconds of each.
# Usage: bench/import-100k.sh [rows]      (needs curl, python3 and a built jar or ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
python3 bench/make-figures-csv.py "$rows" "$work/figures.csv"
. bench/portal.sh
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
