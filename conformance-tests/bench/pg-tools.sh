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
clients=8
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/bop-tools.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  [ -n "${bop_pid:-}" ] && kill "$bop_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -n "${BOP_NO_BUILD:-}" ] || (cd "$root" && mvn -q -DskipTests install)

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

export PGPASSWORD=bop PGSSLMODE=disable
declare -A result

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

  local sb=(sysbench --db-driver=pgsql --pgsql-host=127.0.0.1 --pgsql-port="$port" --pgsql-user=bop
    --pgsql-password=bop --pgsql-db=bop --tables=4 --table-size="$rows")
  echo "== $target: sysbench prepare 4 x $rows" >&2
  "${sb[@]}" oltp_read_write prepare > "$work/$target-sysbench-prepare.log" 2>&1
  out=$("${sb[@]}" --threads=$clients --time="$seconds" oltp_point_select run 2>&1)
  result[$target.point_select]=$(awk '/queries:/ { gsub(/\(/, "", $3); print $3 }' <<< "$out")
  result[$target.point_select_errors]=$(awk '/ignored errors:/ { print $3 }' <<< "$out")
  out=$("${sb[@]}" --threads=$clients --time="$seconds" oltp_read_write run 2>&1)
  result[$target.read_write]=$(awk '/transactions:/ { gsub(/\(/, "", $3); print $3 }' <<< "$out")
  result[$target.read_write_errors]=$(awk '/ignored errors:/ { print $3 }' <<< "$out")
  out=$("${sb[@]}" --threads=$clients --time="$seconds" oltp_write_only run 2>&1)
  result[$target.write_only]=$(awk '/transactions:/ { gsub(/\(/, "", $3); print $3 }' <<< "$out")
  result[$target.write_only_errors]=$(awk '/ignored errors:/ { print $3 }' <<< "$out")
  "${sb[@]}" oltp_read_write cleanup > "$work/$target-sysbench-cleanup.log" 2>&1
}
tps() { awk '/^tps = / { print $3 }' <<< "$1"; }
failed() { awk '/number of failed transactions:/ { print $5 }' <<< "$1"; }

run bop "$bop_port"
run postgresql "$pg_port"

echo
echo "pgbench scale $scale and sysbench 4 x $rows rows, $clients clients, $seconds s per run, no TLS"
printf "%-36s %12s %12s %8s\n" "benchmark" "bop" "postgresql" "ratio"
row() {
  awk -v n="$1" -v b="${result[bop.$2]}" -v p="${result[postgresql.$2]}" \
    'BEGIN { printf "%-36s %12.1f %12.1f %8.2f\n", n, b, p, (p > 0 ? b / p : 0) }'
}
row "pgbench -S -M prepared (tps)" select
row "pgbench tpcb-like (tps)" tpcb
row "pgbench tpcb-like -M prepared (tps)" tpcb_prepared
row "sysbench oltp_point_select (qps)" point_select
row "sysbench oltp_read_write (tps)" read_write
row "sysbench oltp_write_only (tps)" write_only
echo
for t in bop postgresql; do
  echo "$t: pgbench failed transactions -S ${result[$t.select_failed]}, tpcb ${result[$t.tpcb_failed]};" \
    "balances consistent with history: ${result[$t.consistent]}; sysbench errors point_select" \
    "${result[$t.point_select_errors]}, read_write ${result[$t.read_write_errors]}, write_only ${result[$t.write_only_errors]}"
done
