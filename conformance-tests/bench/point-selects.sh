#!/usr/bin/env bash
# pgjdbc point selects per second (prepared, 8 threads, no TLS on either side) against bop and a local PostgreSQL 15, same machine, same
# run. Needs the postgresql-15 server package (initdb, pg_ctl); run from anywhere:
#   conformance-tests/bench/point-selects.sh [threads] [seconds] [rows]
set -euo pipefail
threads=${1:-8}
seconds=${2:-30}
rows=${3:-100000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/bop-bench.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  [ -n "${bop_pid:-}" ] && kill "$bop_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && mvn -q -DskipTests install && mvn -q -pl conformance-tests test-compile \
  dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) > "$work/build.log" 2>&1
cp="$root/conformance-tests/target/test-classes:$(cat "$work/cp.txt")"

bop_port=$(free_port)
java -jar "$root/server/target/bop.jar" server --data-dir "$work/bop" --pg-port "$bop_port" --mysql-port 0 \
  > "$work/bop.log" 2>&1 &
bop_pid=$!
until grep -q listening "$work/bop.log"; do sleep 0.2; done

pg_port=$(free_port)
mkdir "$work/pg" "$work/pglog" && chown postgres "$work/pg" "$work/pglog"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U bop --auth=trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1" \
  -l "$work/pglog/pg.log" start >/dev/null
runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U bop bop

bop=$(java -cp "$cp" io.bop.conformance.bench.PointSelects bop "jdbc:postgresql://127.0.0.1:$bop_port/bop?sslmode=disable" bop bop \
  "$threads" "$seconds" "$rows")
pg=$(java -cp "$cp" io.bop.conformance.bench.PointSelects postgresql "jdbc:postgresql://127.0.0.1:$pg_port/bop?sslmode=disable" bop bop \
  "$threads" "$seconds" "$rows")
echo "pgjdbc prepared point selects, $threads threads, $seconds s, $rows rows"
echo "$bop"
echo "$pg"
awk -v b="${bop#* }" -v p="${pg#* }" 'BEGIN { printf "ratio bop/postgresql %.2f\n", b / p }'
