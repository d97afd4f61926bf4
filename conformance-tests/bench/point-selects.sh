#!/usr/bin/env bash
# pgjdbc point selects per second (prepared, 8 threads, no TLS on either side) against bop and a local PostgreSQL 15, same machine, same
# run. Needs the postgresql-15 server package (initdb, pg_ctl); run from anywhere:
#   conformance-tests/bench/point-selects.sh [threads] [seconds] [rows]
set -euo pipefail
threads=${1:-8}
seconds=${2:-30}
rows=${3:-100000}
. "$(dirname "$0")/lib.sh"

(cd "$root" && mvn -q -DskipTests install && mvn -q -pl conformance-tests test-compile \
  dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) > "$work/build.log" 2>&1
cp="$root/conformance-tests/target/test-classes:$(cat "$work/cp.txt")"

start_bop
start_postgresql

bop=$(java -cp "$cp" io.bop.conformance.bench.PointSelects bop "jdbc:postgresql://127.0.0.1:$bop_pg_port/bop?sslmode=disable" bop bop \
  "$threads" "$seconds" "$rows")
pg=$(java -cp "$cp" io.bop.conformance.bench.PointSelects postgresql "jdbc:postgresql://127.0.0.1:$pg_port/bop?sslmode=disable" bop bop \
  "$threads" "$seconds" "$rows")
echo "pgjdbc prepared point selects, $threads threads, $seconds s, $rows rows"
echo "$bop"
echo "$pg"
awk -v b="${bop#* }" -v p="${pg#* }" 'BEGIN { printf "ratio bop/postgresql %.2f\n", b / p }'
