# Sourced by scripts/backup.sh and scripts/restore.sh: finds the portal's database the way the portal does
# and sets PGHOST, PGPORT, PGDATABASE, PGUSER (and PGPASSWORD) for pg_dump, pg_restore and psql.
#  - With SPRING_DATASOURCE_URL (jdbc:postgresql://host[:port]/database[?user=…]) and
#    SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD: that server.
#  - Otherwise the embedded server of PORTAL_DATA_DIR (./data unless set), which runs while the portal
#    runs: its port is read from its postmaster.pid, its password from postgres-password beside it.
# PG_BIN may name the directory of pg_dump, pg_restore and psql; they must be at least as new as the
# server (PostgreSQL 17 for the embedded one).

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

tool() {
  local name=$1
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/$name" ] || die "$PG_BIN/$name not found (PG_BIN=$PG_BIN)"
    echo "$PG_BIN/$name"
  else
    command -v "$name" >/dev/null || die "$name not found: install the PostgreSQL client programs (Debian: postgresql-client-17), or set PG_BIN"
    command -v "$name"
  fi
}

if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
  url=${SPRING_DATASOURCE_URL#jdbc:}
  [[ $url =~ ^postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)(\?(.*))?$ ]] \
    || die "SPRING_DATASOURCE_URL is not a jdbc:postgresql://host[:port]/database address (one host, no brackets): $SPRING_DATASOURCE_URL"
  export PGHOST=${BASH_REMATCH[1]} PGPORT=${BASH_REMATCH[3]:-5432} PGDATABASE=${BASH_REMATCH[4]}
  query=${BASH_REMATCH[6]}
  if [[ $query =~ (^|&)user=([^&]+) ]]; then export PGUSER=${BASH_REMATCH[2]}; fi
  if [[ $query =~ (^|&)password=([^&]+) ]]; then export PGPASSWORD=${BASH_REMATCH[2]}; fi
  if [ -n "${SPRING_DATASOURCE_USERNAME:-}" ]; then export PGUSER=$SPRING_DATASOURCE_USERNAME; fi
  if [ -n "${SPRING_DATASOURCE_PASSWORD:-}" ]; then export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD; fi
  where="$PGHOST:$PGPORT/$PGDATABASE"
else
  cluster="${PORTAL_DATA_DIR:-./data}/postgres"
  pidfile="$cluster/postmaster.pid"
  passwordfile="${PORTAL_DATA_DIR:-./data}/postgres-password"
  [ -f "$pidfile" ] && kill -0 "$(head -1 "$pidfile")" 2>/dev/null \
    || die "the embedded database in $cluster is not running: start the portal first (or set SPRING_DATASOURCE_URL)"
  [ -r "$passwordfile" ] || die "cannot read $passwordfile, the embedded database's password: run this as the portal's user"
  export PGHOST=localhost PGPORT=$(sed -n 4p "$pidfile") PGDATABASE=postgres PGUSER=postgres
  # The embedded server asks every connection for the password the portal made at its first start.
  PGPASSWORD=$(head -1 "$passwordfile")
  export PGPASSWORD
  where="the embedded server in $cluster (port $PGPORT)"
fi

# The client must not be older than the server: pg_dump refuses a newer server.
check_versions() {
  local psql client server
  psql=$(tool psql)
  server=$("$psql" -XtAc 'show server_version_num' 2>/dev/null) || die "cannot connect to $where"
  client=$("$(tool pg_dump)" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
  if [ "$client" -lt $((server / 10000)) ]; then
    die "pg_dump $client cannot handle PostgreSQL $((server / 10000)) at $where: install the client programs of version $((server / 10000)) or newer (Debian: postgresql-client-$((server / 10000)) from apt.postgresql.org) and set PG_BIN to their directory"
  fi
}
