#!/usr/bin/env bash
# The portal under load on the national synthetic data set (issue 9).
#
#   bench/run.sh          # data kept in bench/data-national (loaded on the first run, about 20 s)
#
# Builds the jar if needed, starts the portal on the national data set, warms each page up, then runs
# wrk (apt-get install wrk) for DURATION (30 s) at CONNECTIONS (32) against each page, and against the
# national dashboard's HTML saved as a static file and served by the same portal: the baseline of what
# this server can do. Prints requests/s, latency p50/p95/p99, errors, each page's throughput as a share
# of the baseline, and the portal's heap and resident memory after the run.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8098}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DATA=${PORTAL_DATA_DIR:-$PWD/bench/data-national}
JAR=target/union-report-portal.jar
STATIC=bench/static
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package

# The static baseline lives under css/ so that it is served like the portal's own static files.
mkdir -p "$STATIC/css"
PORTAL_DATA_DIR="$DATA" java -Xmx512m -jar "$JAR" --server.port="$PORT" --portal.synthetic=national \
    --spring.web.resources.static-locations=classpath:/static/,file:$STATIC/ > bench/run.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
START=$(date +%s.%N)
until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "the portal did not start; see bench/run.log" >&2; exit 1; }
  sleep 0.5
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "started in $(echo "$(date +%s.%N) - $START" | bc | cut -c1-5) s; $(grep -o 'Started PortalApplication in [0-9.]* seconds' bench/run.log)"
grep -h "synthetic national data set" bench/run.log | sed 's/.*: /  /' || true

REPORT=$(curl -sf "http://localhost:$PORT/api/regions/610102" | sed -E 's/.*"reports":\[\{"id":([0-9]+).*/\1/')
curl -sf "http://localhost:$PORT/regions/000000" -o "$STATIC/css/bench-national.html"

PAGES=("static baseline|/css/bench-national.html"
       "national dashboard|/regions/000000"
       "province dashboard|/regions/610000"
       "county dashboard|/regions/610102"
       "report page|/reports/$REPORT"
       "region CSV export|/regions/610000/export.csv"
       "figures API|/api/regions/610000/figures")

for entry in "${PAGES[@]}"; do
  wrk -t"$THREADS" -c8 -d10s "http://localhost:$PORT${entry#*|}" >/dev/null
done

printf '%-20s %10s %9s %9s %9s %8s %10s\n' page "req/s" "p50" "p95" "p99" errors "vs static"
BASELINE=""
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
        -s bench/percentiles.lua "http://localhost:$PORT$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '/^p50/ {print $2}')
  p95=$(echo "$out" | awk '/^p95/ {print $2}')
  p99=$(echo "$out" | awk '/^p99/ {print $2}')
  errors=$(echo "$out" | awk '/^errors/ {print $2}')
  [ -n "$BASELINE" ] || BASELINE=$rps
  share=$(echo "scale=1; 100 * $rps / $BASELINE" | bc)
  printf '%-20s %10s %9s %9s %9s %8s %9s%%\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$share"
done

echo "memory after the run: resident $(( $(ps -o rss= -p $PID) / 1024 )) MB;" \
     "heap $(jcmd $PID GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ {print; exit}' | sed -E 's/ +/ /g')"
