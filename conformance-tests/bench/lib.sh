# What the benchmark scripts share; sourced by them, not run. Each script sets seconds and rows first. Servers
# started here are stopped, and the work folder removed, when the script exits.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/bop-bench.XXXXXX)
chmod 755 "$work"
clients=8
declare -A result
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  [ -n "${bop_pid:-}" ] && kill "$bop_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  if [ -f "$work/mariadb/pid" ]; then # mariadbd's own pid: runuser, signalled, would complain
    kill "$(cat "$work/mariadb/pid")" 2>/dev/null && wait "$mariadb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Builds bop first unless BOP_NO_BUILD is set.
build_bop() {
  [ -n "${BOP_NO_BUILD:-}" ] || (cd "$root" && mvn -q -DskipTests install)
}

# A bop node on free ports: bop_pg_port, bop_mysql_port.
start_bop() {
  bop_pg_port=$(free_port)
  bop_mysql_port=$(free_port)
  java -jar "$root/server/target/bop.jar" server --data-dir "$work/bop" --pg-port "$bop_pg_port" \
    --mysql-port "$bop_mysql_port" > "$work/bop.log" 2>&1 &
  bop_pid=$!
  until grep -qs listening "$work/bop.log"; do sleep 0.2; done
}

# A private PostgreSQL cluster (Debian's postgresql package) with user and database bop: pg_port.
start_postgresql() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=$(free_port)
  mkdir "$work/pg" "$work/pglog" && chown postgres "$work/pg" "$work/pglog"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U bop --auth=trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1" \
    -l "$work/pglog/pg.log" start >/dev/null
  runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U bop bop
}

# A private MariaDB server (Debian's mariadb-server) with user bop (password bop) and database bop: mariadb_port.
# The user is there for localhost too, or MariaDB's anonymous localhost user would be the one clients get.
start_mariadb() {
  mariadb_port=$(free_port)
  mkdir "$work/mariadb" && chown mysql "$work/mariadb"
  runuser -u mysql -- mariadb-install-db --no-defaults --datadir="$work/mariadb/data" \
    --auth-root-authentication-method=normal > "$work/mariadb-install.log" 2>&1
  runuser -u mysql -- mariadbd --no-defaults --datadir="$work/mariadb/data" --port="$mariadb_port" \
    --bind-address=127.0.0.1 --socket="$work/mariadb/sock" --pid-file="$work/mariadb/pid" \
    --log-error="$work/mariadb/error.log" > "$work/mariadb/stderr.log" 2>&1 &
  mariadb_pid=$!
  until mariadb --no-defaults -S "$work/mariadb/sock" -u root -e "SELECT 1" >/dev/null 2>&1; do sleep 0.2; done
  mariadb --no-defaults -S "$work/mariadb/sock" -u root \
    -e "CREATE USER bop@'%' IDENTIFIED BY 'bop'; GRANT ALL ON *.* TO bop@'%';
        CREATE USER bop@localhost IDENTIFIED BY 'bop'; GRANT ALL ON *.* TO bop@localhost; CREATE DATABASE bop"
}

# sysbench_runs <target> <sysbench connection options...>: prepare 4 tables of $rows rows, run oltp_point_select
# (queries/s), oltp_read_write and oltp_write_only (transactions/s) with $clients threads for $seconds each, clean
# up; figures into result[target.test] and result[target.test_errors]. A failing run stops the script.
sysbench_runs() {
  local target=$1 out test unit
  shift
  local sb=(sysbench "$@" --tables=4 --table-size="$rows")
  echo "== $target: sysbench prepare 4 x $rows" >&2
  "${sb[@]}" oltp_read_write prepare > "$work/$target-sysbench-prepare.log" 2>&1 \
    || { tail -5 "$work/$target-sysbench-prepare.log" >&2; return 1; }
  for test in point_select read_write write_only; do
    echo "== $target: sysbench oltp_$test" >&2
    out=$("${sb[@]}" --threads=$clients --time="$seconds" "oltp_$test" run 2>&1)
    unit=$([ "$test" = point_select ] && echo queries: || echo transactions:)
    result[$target.$test]=$(awk -v unit="$unit" '$1 == unit { gsub(/\(/, "", $3); print $3 }' <<< "$out")
    result[$target.${test}_errors]=$(awk '/ignored errors:/ { print $3 }' <<< "$out")
  done
  "${sb[@]}" oltp_read_write cleanup > "$work/$target-sysbench-cleanup.log" 2>&1
}

# ratio_row <label> <figure> <target> <other target>: one line of the table, with the ratio target/other.
ratio_row() {
  awk -v n="$1" -v b="${result[$3.$2]}" -v p="${result[$4.$2]}" \
    'BEGIN { printf "%-36s %12.1f %12.1f %8.2f\n", n, b, p, (p > 0 ? b / p : 0) }'
}

# sysbench_table <other target>: the sysbench lines of the table, bop against the other.
sysbench_table() {
  ratio_row "sysbench oltp_point_select (qps)" point_select bop "$1"
  ratio_row "sysbench oltp_read_write (tps)" read_write bop "$1"
  ratio_row "sysbench oltp_write_only (tps)" write_only bop "$1"
}

# sysbench_errors <target>: its error counts, for the lines below the table.
sysbench_errors() {
  echo "sysbench errors point_select ${result[$1.point_select_errors]}, read_write ${result[$1.read_write_errors]}," \
    "write_only ${result[$1.write_only_errors]}"
}
