#!/usr/bin/env bash
# Extraction and store of a report's text with 300 figures through POST /api/reports/{id}/text: the target
# is under 2 s. Starts the jar on a fresh data directory, posts the text RUNS times (5) to fresh draft
# reports and prints each answer's time and counts, then the median.
# Usage: bench/text-300.sh [figures]      (needs curl, python3 and a built jar or ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."
figures=${1:-300}
runs=${RUNS:-5}
port=${BENCH_PORT:-18081}
work=$(mktemp -d)
python3 bench/make-report-text.py "$figures" "$work/report.txt"
. bench/portal.sh
times=()
for run in $(seq 0 "$runs"); do
  id=$(curl -fs -u bench-staff:Copper-Meadow-Falcon-5 -H 'Content-Type: application/json' \
    -d "{\"regionCode\":\"610100\",\"periodStart\":$((2000 + run)),\"title\":\"benchmark\"}" "$base/api/reports" | tr -dc '0-9')
  seconds=$(curl -s -o "$work/answer.json" -w '%{time_total}' -m 120 -u bench-staff:Copper-Meadow-Falcon-5 \
    -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$work/report.txt" "$base/api/reports/$id/text")
  counts=$(python3 -c "import json; a = json.load(open('$work/answer.json')); print(a['counts'])")
  if [ "$run" -eq 0 ]; then
    echo "warm-up: $seconds s $counts"
  else
    echo "run $run: $seconds s $counts"
    times+=("$seconds")
  fi
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print "median of " NR " runs: " a[int((NR + 1) / 2)] " s"}'
