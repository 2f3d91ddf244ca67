#!/usr/bin/env bash
# Backs up the portal's database with pg_dump: one compressed file (custom format) holding the schema and
# every row (but signed-in sessions and files waiting for import), taken as one consistent snapshot while
# the portal keeps running.
#
#   scripts/backup.sh [file]        (default: backups/portal-<date>-<time>.dump)
#
# Which database: SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) as for the portal, or else the
# embedded server of PORTAL_DATA_DIR while the portal runs. PG_BIN names the PostgreSQL client programs
# if they are not on the PATH; they must be at least as new as the server. Restore with scripts/restore.sh.
set -euo pipefail
source "$(dirname "$0")/database.sh"
file=${1:-backups/portal-$(date +%Y%m%d-%H%M%S).dump}
mkdir -p "$(dirname "$file")"
check_versions
# Not the contents of the sessions (their ids would work as sign-ins) nor files waiting for an import.
"$(tool pg_dump)" --format=custom --compress=6 --no-owner --no-privileges \
  --exclude-table-data='spring_session*' --exclude-table-data=pending_upload --file="$file.partial"
mv "$file.partial" "$file"
figures=$("$(tool psql)" -XtAc 'select count(*) from figure' 2>/dev/null || echo "?")
echo "backed up $where to $file ($(du -h "$file" | cut -f1), $figures figures)"
