#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh with pg_restore, into an empty database, in one transaction:
# either everything is restored or nothing is.
#
#   scripts/restore.sh <file> [--replace]
#
# The database is chosen as for scripts/backup.sh (SPRING_DATASOURCE_URL, or the running embedded server
# of PORTAL_DATA_DIR). It must be empty (create it with createdb) unless --replace is given: then every
# table, sequence and function the backup holds is dropped there first and restored from the backup.
# Restart the portal after a restore.
set -euo pipefail
source "$(dirname "$0")/database.sh"
file=${1:-}
[ -n "$file" ] && [ -f "$file" ] || die "usage: scripts/restore.sh <backup file> [--replace]"
replace=${2:-}
[ -z "$replace" ] || [ "$replace" = --replace ] || die "unknown option $replace (only --replace)"
check_versions
"$(tool pg_restore)" --list "$file" >/dev/null || die "$file is not a backup made by scripts/backup.sh (pg_dump's custom format)"
tables=$("$(tool psql)" -XtAc "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" -gt 0 ] && [ "$replace" != --replace ]; then
  die "$where is not empty ($tables tables): restore into an empty database, or add --replace to drop the portal's tables there first"
fi
clean=()
[ "$replace" != --replace ] || clean=(--clean --if-exists)
"$(tool pg_restore)" ${clean[@]+"${clean[@]}"} --single-transaction --exit-on-error --no-owner --no-privileges \
  --dbname="$PGDATABASE" "$file"
figures=$("$(tool psql)" -XtAc 'select count(*) from figure')
echo "restored $file into $where ($figures figures); restart the portal"
