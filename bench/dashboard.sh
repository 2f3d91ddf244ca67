#!/usr/bin/env bash
# How fast the dashboards answer on the national synthetic data set, with the roll-up cache and without it.
#
#   bench/dashboard.sh            # data kept in bench/data-national (loaded on the first run, ~1 minute)
#
# Needs: a JDK 17, wrk (apt-get install wrk), curl. Prints, for each page, the time of single
# requests (curl's total time, median and worst of 20, one at a time) and wrk's figures for
# 15 s at one connection, first with the cache (portal.data-cache=true, the default) and then without
# it, which is what the first request after any change costs.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
DATA=${PORTAL_DATA_DIR:-$PWD/bench/data-national}
JAR=target/union-report-portal.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

PAGES=("/regions/000000" "/regions/000000?period=2025" "/regions/610000" "/regions/610102"
       "/regions/610000/compare?with=510000,500000" "/api/regions/000000/figures")

run() {
  local cache=$1
  PORTAL_DATA_DIR="$DATA" java -Xmx512m -jar "$JAR" --server.port="$PORT" --portal.synthetic=national \
      --portal.data-cache="$cache" > "bench/dashboard-$cache.log" 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "the portal did not start; see bench/dashboard-$cache.log" >&2; exit 1; }
    sleep 1
  done
  grep -h "synthetic national data set\|Started PortalApplication" "bench/dashboard-$cache.log" | sed 's/.*: /  /'
  for page in "${PAGES[@]}"; do wrk -t1 -c2 -d10s "http://localhost:$PORT$page" >/dev/null; done
  echo "cache=$cache"
  printf '  %-45s %10s %10s %12s %10s\n' page "median ms" "worst ms" "wrk req/s" "wrk p99"
  for page in "${PAGES[@]}"; do
    local times
    times=$(for i in $(seq 20); do curl -s -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT$page"; done | sort -n)
    local median worst
    median=$(echo "$times" | sed -n 10p | awk '{printf "%.1f", $1 * 1000}')
    worst=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1 * 1000}')
    local out
    out=$(wrk -t1 -c1 -d15s --latency "http://localhost:$PORT$page")
    printf '  %-45s %10s %10s %12s %10s\n' "$page" "$median" "$worst" \
      "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')"
  done
  kill $pid; wait $pid 2>/dev/null || true
  trap - EXIT
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
run true
run false
