#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL server on a loopback port for the tests and
# exports ARCHITECT_TEST_POSTGRES; test_postgres_stop removes it again.

test_postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "warning: no PostgreSQL server installed; server tests will be skipped" >&2
    return 0
  fi
  PG_TEST_DIR=$(mktemp -d /tmp/architect-pg.XXXXXX)
  local user
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    chown "$user" "$PG_TEST_DIR"
  fi
  PG_TEST_PORT=55432
  while (exec 3<>/dev/tcp/127.0.0.1/$PG_TEST_PORT) 2>/dev/null; do PG_TEST_PORT=$((PG_TEST_PORT + 1)); done
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u "$user" --)
  if ! "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null 2>&1; then
    echo "warning: initdb failed; server tests will be skipped" >&2
    return 0
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -t 60 \
      -o "-p $PG_TEST_PORT -c listen_addresses=127.0.0.1 -k $PG_TEST_DIR -c fsync=off" start >/dev/null; then
    echo "warning: PostgreSQL did not start (see $PG_TEST_DIR/log); server tests will be skipped" >&2
    return 0
  fi
  PG_TEST_RUN=("${run[@]}")
  PG_TEST_BIN=$bin
  export ARCHITECT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=postgres;Pooling=false"
}

test_postgres_stop() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -n "${PG_TEST_DIR:-}" ] && rm -rf "$PG_TEST_DIR"
}
