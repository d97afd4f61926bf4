#!/usr/bin/env bash
# pgbench and sysbench against bop and a local PostgreSQL, same machine, same settings, one after the other, and
# a table of the figures with the ratio bop/PostgreSQL. Needs the postgresql server package (initdb, pg_ctl),
# pgbench and sysbench (Debian: postgresql, postgresql-contrib, sysbench); run as root from anywhere:
#   conformance-tests/bench/pg-tools.sh [seconds per run] [pgbench scale] [sysbench rows per table]
# It builds bop first unless BOP_NO_BUILD is set.
# Neither side uses TLS. Both keep their defaults otherwise (PostgreSQL: fsync on, synchronous_commit on).
set -euo pipefail
seconds=${1:-30}
scale=${2:-10}
rows=${3:-100000}
. "$(dirname "$0")/lib.sh"

build_bop
start_bop
start_postgresql

export PGPASSWORD=bop PGSSLMODE=disable

# run <target> <port>: every benchmark against one server, figures into result[target.name]
run() {
  local target=$1 port=$2 out
  local pgb=(pgbench -h 127.0.0.1 -p "$port" -U bop)
  echo "== $target: pgbench -i -s $scale" >&2
  "${pgb[@]}" -i -q -s "$scale" bop > "$work/$target-init.log" 2>&1
  out=$("${pgb[@]}" -S -M prepared -c $clients -j 2 -T "$seconds" bop 2>&1)
  result[$target.select]=$(tps "$out")
  result[$target.select_failed]=$(failed "$out")
  out=$("${pgb[@]}" -c $clients -j 2 -T "$seconds" bop 2>&1)
  result[$target.tpcb]=$(tps "$out")
  result[$target.tpcb_failed]=$(failed "$out")
  # Checked before the next run: pgbench truncates pgbench_history before each run, not the balances.
  result[$target.consistent]=$(psql -X -A -t -h 127.0.0.1 -p "$port" -U bop bop -c "SELECT (SELECT sum(abalance)
    FROM pgbench_accounts) = (SELECT coalesce(sum(delta), 0) FROM pgbench_history) AND (SELECT sum(tbalance) FROM
    pgbench_tellers) = (SELECT coalesce(sum(delta), 0) FROM pgbench_history) AND (SELECT sum(bbalance) FROM
    pgbench_branches) = (SELECT coalesce(sum(delta), 0) FROM pgbench_history)")
  out=$("${pgb[@]}" -M prepared -c $clients -j 2 -T "$seconds" bop 2>&1)
  result[$target.tpcb_prepared]=$(tps "$out")
  result[$target.tpcb_failed]=$((result[$target.tpcb_failed] + $(failed "$out")))
  sysbench_runs "$target" --db-driver=pgsql --pgsql-host=127.0.0.1 --pgsql-port="$port" --pgsql-user=bop \
    --pgsql-password=bop --pgsql-db=bop
}
tps() { awk '/^tps = / { print $3 }' <<< "$1"; }
failed() { awk '/number of failed transactions:/ { print $5 }' <<< "$1"; }

run bop "$bop_pg_port"
run postgresql "$pg_port"

echo
echo "pgbench scale $scale and sysbench 4 x $rows rows, $clients clients, $seconds s per run, no TLS"
printf "%-36s %12s %12s %8s\n" "benchmark" "bop" "postgresql" "ratio"
ratio_row "pgbench -S -M prepared (tps)" select bop postgresql
ratio_row "pgbench tpcb-like (tps)" tpcb bop postgresql
ratio_row "pgbench tpcb-like -M prepared (tps)" tpcb_prepared bop postgresql
sysbench_table postgresql
echo
for t in bop postgresql; do
  echo "$t: pgbench failed transactions -S ${result[$t.select_failed]}, tpcb ${result[$t.tpcb_failed]};" \
    "balances consistent with history: ${result[$t.consistent]}; $(sysbench_errors $t)"
done
