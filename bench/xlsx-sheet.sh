#!/usr/bin/env bash
# An XLSX upload with one large sheet (issue 17, finding 7: one of 39 MB took 35 s and a gigabyte of heap
# when POI built the workbook in memory). Writes a workbook whose first sheet is MB (39) megabytes of XML,
# starts the jar with HEAP (-Xmx512m), sends the file as a dry run through the API and prints the answer's
# time, how long the portal took to read the sheet (its log) and the peak heap in use meanwhile (jstat,
# sampled every 100 ms).
# Usage: bench/xlsx-sheet.sh [MB]      (needs curl, python3, jstat and a built jar or ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-39}
port=${BENCH_PORT:-18082}
work=$(mktemp -d)
rows=$(python3 bench/make-figures-xlsx.py "$work/figures.xlsx" "$mb")
echo "workbook: $(du -k "$work/figures.xlsx" | cut -f1) KB on disk, first sheet $mb MB of XML, $rows rows"
export JAVA_TOOL_OPTIONS="${HEAP:--Xmx512m}"
. bench/portal.sh
unset JAVA_TOOL_OPTIONS
id=$(curl -fs -u bench-staff:Copper-Meadow-Falcon-5 -H 'Content-Type: application/json' \
  -d '{"regionCode":"610100","periodStart":2024,"title":"benchmark"}' "$base/api/reports" | tr -dc '0-9')
# Heap in use before the upload, after a full collection, and the peak while it is read.
jcmd "$pid" GC.run >/dev/null
before=$(jstat -gc "$pid" | awk 'NR == 2 {printf "%d", ($3 + $4 + $6 + $8) / 1024}')
( while kill -0 "$pid" 2>/dev/null; do jstat -gc "$pid" | awk 'NR == 2 {printf "%d\n", ($3 + $4 + $6 + $8) / 1024}'; sleep 0.1; done ) > "$work/heap" &
sampler=$!
start=$(date +%s.%N)
status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -m 600 -u bench-staff:Copper-Meadow-Falcon-5 \
  -F "file=@$work/figures.xlsx" "$base/api/reports/$id/figures/import?dryRun=true")
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/heap" | tail -1)
printf "dry run of %s rows: HTTP %s in %s s\n" "$rows" "$status" "$(python3 -c "print(round($end - $start, 2))")"
grep -o 'Checked .*' "$work/portal.log" || true
echo "heap in use: $before MB before, peak $peak MB while the file was read and checked (${HEAP:--Xmx512m})"
