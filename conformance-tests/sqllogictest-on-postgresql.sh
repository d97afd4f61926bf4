#!/usr/bin/env bash
# Runs the sqllogictest corpus on a throwaway local PostgreSQL with the runner SqlLogicTest uses for bop, to see
# what PostgreSQL itself answers before a record goes into src/test/resources/sqllogictest/expectations.txt.
# Needs the PostgreSQL server package (initdb, pg_ctl; the newest installed is used) and root, since the server
# runs as user postgres. Extra arguments go to Maven (-o, -Dslt.reportFailures=2000). Run from anywhere:
#   conformance-tests/sqllogictest-on-postgresql.sh [maven arguments]
# Reports: conformance-tests/target/sqllogictest-on-postgresql/postgresql/<script>.txt
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/bop-slt-pg.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cleanup() {
  [ -f "$work/pg/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U bop --auth=trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" \
  -l "$work/pg/server.log" start >/dev/null
echo "$("$pgbin/postgres" --version) on port $port"

cd "$root"
mvn -q -DskipTests "$@" install
mvn -q -pl conformance-tests "$@" test -Dtest=SqlLogicOnPostgresqlTest \
  -Dslt.postgresql="jdbc:postgresql://127.0.0.1:$port/postgres?user=bop"
find conformance-tests/target/sqllogictest-on-postgresql -name '*.txt' | sort | xargs head -qn1
