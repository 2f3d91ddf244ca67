#!/usr/bin/env bash
# The portal under load on the national synthetic data set, and the other targets of issue 9.
#
#   bench/run.sh          # data kept in bench/data-national (loaded on the first run, about 20 s)
#
# 1. Start-up with existing data: three starts of `java -jar` and three of the prepared start
#    (scripts/prepare-start.sh: extracted jar and CDS archive), each timed from launch to a healthy answer.
# 2. Load: warms each page up, then runs wrk (apt-get install wrk) for DURATION (30 s) at CONNECTIONS (32)
#    against each page, and against the national dashboard's HTML saved as a static file and served by
#    the same portal: the baseline of what this server can do. Prints requests/s, latency p50/p95/p99,
#    errors, each page's throughput as a share of the baseline, and the portal's heap and resident memory.
# 3. Import of 100,000 figures through the API (bench/import-100k.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8098}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DATA=${PORTAL_DATA_DIR:-$PWD/bench/data-national}
JAR=target/union-report-portal.jar
PREPARED=target/portal
STATIC=bench/static
ADMIN_PASSWORD=Lantern-Harbour-Admin-93
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
[ "$PREPARED/portal.jsa" -nt "$JAR" ] || scripts/prepare-start.sh "$JAR" "$PREPARED"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"

PID=""
trap 'kill $PID 2>/dev/null || true' EXIT

# start <java arguments...>: starts the portal on the national data in the background, waits until it is
# healthy and sets PID and STARTED (seconds from launch to the first healthy answer).
start() {
  local begin
  begin=$(date +%s.%N)
  PORTAL_DATA_DIR="$DATA" PORTAL_ADMIN_USERNAME=bench-admin PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" java -Xmx512m "$@" --server.port="$PORT" --portal.synthetic=national \
      --spring.web.resources.static-locations=classpath:/static/,file:$STATIC/ > bench/run.log 2>&1 &
  PID=$!
  until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do
    kill -0 $PID 2>/dev/null || { echo "the portal did not start; see bench/run.log" >&2; exit 1; }
    sleep 0.1
  done
  STARTED=$(echo "$(date +%s.%N) - $begin" | bc | cut -c1-5)
}

stop() {
  kill $PID; wait $PID 2>/dev/null || true
}

# The first start on an empty directory loads the national data set; it is not a start-up to time.
if [ ! -d "$DATA/postgres" ]; then
  start -jar "$JAR"
  grep -h "synthetic national data set" bench/run.log | sed 's/.*: /loaded: /' || true
  stop
fi
for how in "java -jar" "prepared"; do
  times=()
  for _ in 1 2 3; do
    if [ "$how" = prepared ]; then
      start -XX:SharedArchiveFile="$PREPARED/portal.jsa" -jar "$PREPARED/union-report-portal.jar"
    else
      start -jar "$JAR"
    fi
    times+=("$STARTED")
    stop
  done
  echo "start-up with existing data, $how: ${times[*]} s"
done

start -XX:SharedArchiveFile="$PREPARED/portal.jsa" -jar "$PREPARED/union-report-portal.jar"

# The static baseline lives under css/ so that it is served like the portal's own static files.
mkdir -p "$STATIC/css"

REPORT=$(curl -sf "http://localhost:$PORT/api/regions/610102" | sed -E 's/.*"reports":\[\{"id":([0-9]+).*/\1/')
curl -sf "http://localhost:$PORT/regions/000000" -o "$STATIC/css/bench-national.html"

PAGES=("static baseline|/css/bench-national.html"
       "national dashboard|/regions/000000"
       "province dashboard|/regions/610000"
       "county dashboard|/regions/610102"
       "report page|/reports/$REPORT"
       "region CSV export|/regions/610000/export.csv"
       "figures API|/api/regions/610000/figures"
       "national, signed in|/regions/000000|signed-in")

# A signed-in reader (an administrator, who may see drafts) is never served from the page cache; every
# request also reads and writes its session in the database.
cookies=$(mktemp)
csrf=$(curl -sf -c "$cookies" -b "$cookies" "http://localhost:$PORT/login" \
  | grep -o 'name="_csrf" value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/')
curl -sf -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode username=bench-admin \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "http://localhost:$PORT/login"
SESSION=$(awk '$6 == "SESSION" {print $7}' "$cookies")
rm -f "$cookies"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$SESSION" "http://localhost:$PORT/staff")" = 200 ] \
  || { echo "could not sign in as bench-admin" >&2; exit 1; }

# wrk_page <entry> <wrk options...>: runs wrk against one entry of PAGES, with the session if it asks.
wrk_page() {
  local entry=$1 path rest
  shift
  path=${entry#*|}
  rest=${path#*|}
  path=${path%%|*}
  if [ "$rest" = signed-in ]; then
    wrk "$@" -H "Cookie: SESSION=$SESSION" "http://localhost:$PORT$path"
  else
    wrk "$@" "http://localhost:$PORT$path"
  fi
}

for entry in "${PAGES[@]}"; do
  wrk_page "$entry" -t"$THREADS" -c8 -d10s >/dev/null
done

printf '%-20s %10s %9s %9s %9s %8s %10s\n' page "req/s" "p50" "p95" "p99" errors "vs static"
BASELINE=""
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  out=$(wrk_page "$entry" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/percentiles.lua)
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
stop

echo
bench/import-100k.sh
