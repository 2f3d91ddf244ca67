# Sourced by the bench scripts: starts the jar (built if needed) on a fresh data directory in $work, with
# an administrator and a staff user of 西安市, and sets base, pid and the trap that stops it.
#   work=$(mktemp -d); port=18080; . bench/portal.sh
[ -f target/union-report-portal.jar ] || ./mvnw -B -q -DskipTests package
trap 'kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
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
