#!/usr/bin/env bash
# Prepares the portal's fastest start, the way Spring Boot's "efficient deployments" describes it:
#  - the jar extracted, so that classes are read from plain jars rather than from inside the fat jar;
#  - a CDS archive (JDK class data sharing) of the classes a start loads, made by one training start
#    on a throwaway database that stops as soon as the application is up.
#
#   scripts/prepare-start.sh [jar] [directory]     (defaults: target/union-report-portal.jar, target/portal)
#
# Then start with:  java -XX:SharedArchiveFile=target/portal/portal.jsa -jar target/portal/union-report-portal.jar
# The archive fits only the JDK and the jar it was made with: run this again after each build or JDK update
# (the JDK warns and starts without it otherwise). docs/benchmarks.md has the start-up times with and without.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/union-report-portal.jar}
dir=${2:-target/portal}
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
PORTAL_DATA_DIR="$training" java -XX:ArchiveClassesAtExit="$dir/portal.jsa" -Dspring.context.exit=onRefresh \
  -jar "$dir/$(basename "$jar")" --server.port=0 > "$dir/training.log" 2>&1 \
  || { echo "the training start failed; see $dir/training.log" >&2; exit 1; }
echo "prepared: java -XX:SharedArchiveFile=$dir/portal.jsa -jar $dir/$(basename "$jar")"
