#!/usr/bin/env bash
# Starts / stops a throw-away PostgreSQL cluster (Debian's postgresql package) on 127.0.0.1 for the tests.
#   .ci/postgres.sh start DIR   -> initdb in DIR (trust auth, user "nodus"), start on a free port; prints the JDBC URL
#   .ci/postgres.sh stop DIR    -> stops it (the directory is left for the caller to delete)
# Runs the server as the "postgres" OS user when we are root (PostgreSQL refuses to run as root).
set -euo pipefail
cmd=$1; dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_pg "$bin/initdb" -D "$dir/data" -U nodus --auth trust -E UTF8 --locale C.UTF-8 >"$dir/initdb.log"
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off" start >/dev/null
    echo "$port" >"$dir/port"
    echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=nodus"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
