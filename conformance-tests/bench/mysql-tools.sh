#!/usr/bin/env bash
# sysbench over the MySQL protocol against bop and a local MariaDB, same machine, same settings, one after the
# other, and a table of the figures with the ratio bop/MariaDB. Needs mariadb-server (mariadb-install-db, mariadbd)
# and sysbench (Debian: mariadb-server, sysbench); run as root from anywhere:
#   conformance-tests/bench/mysql-tools.sh [seconds per run] [sysbench rows per table]
# It builds bop first unless BOP_NO_BUILD is set.
# Neither side uses TLS. Both keep their defaults otherwise (MariaDB: InnoDB, innodb_flush_log_at_trx_commit=1).
set -euo pipefail
seconds=${1:-30}
rows=${2:-100000}
. "$(dirname "$0")/lib.sh"

build_bop
start_bop
start_mariadb

mysql_options() {
  echo --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$1" --mysql-user=bop --mysql-password=bop \
    --mysql-db=bop --mysql-ssl=off
}
# shellcheck disable=SC2046 # the options are words
sysbench_runs bop $(mysql_options "$bop_mysql_port")
# shellcheck disable=SC2046
sysbench_runs mariadb $(mysql_options "$mariadb_port")

echo
echo "sysbench 4 x $rows rows, $clients threads, $seconds s per run, no TLS; MariaDB $(mariadbd --version | awk '{ print $3 }')"
printf "%-36s %12s %12s %8s\n" "benchmark" "bop" "mariadb" "ratio"
sysbench_table mariadb
echo
for t in bop mariadb; do
  echo "$t: $(sysbench_errors $t)"
done
