#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL server on a loopback port for the tests and
# exports ARCHITECT_TEST_POSTGRES; test_postgres_stop removes it again. A server that cannot be started is a
# failure (test_postgres_start returns 1 and says why), never a silent skip: the server tests would otherwise be
# skipped and the run end green. ARCHITECT_PG_BIN overrides where initdb and pg_ctl are looked for.

test_postgres_start() {
  local bin
  bin=${ARCHITECT_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: no PostgreSQL server installed (scripts/setup-test-deps.sh installs it); the server tests cannot run" >&2
    return 1
  fi
  PG_TEST_BIN=$bin
  PG_TEST_DIR=$(mktemp -d /tmp/architect-pg.XXXXXX)
  local user
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    chown "$user" "$PG_TEST_DIR"
  fi
  PG_TEST_PORT=55432
  while (exec 3<>/dev/tcp/127.0.0.1/$PG_TEST_PORT) 2>/dev/null; do PG_TEST_PORT=$((PG_TEST_PORT + 1)); done
  PG_TEST_RUN=()
  [ "$(id -u)" -eq 0 ] && PG_TEST_RUN=(runuser -u "$user" --)
  if ! "${PG_TEST_RUN[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_TEST_DIR/initdb.log" 2>&1; then
    echo "error: initdb failed: $(tail -n 3 "$PG_TEST_DIR/initdb.log" | tr '\n' ' ')" >&2
    test_postgres_stop
    return 1
  fi
  if ! "${PG_TEST_RUN[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -t 60 \
      -o "-p $PG_TEST_PORT -c listen_addresses=127.0.0.1 -k $PG_TEST_DIR -c fsync=off" start >/dev/null 2>&1; then
    echo "error: PostgreSQL did not start: $(tail -n 3 "$PG_TEST_DIR/log" 2>/dev/null | tr '\n' ' ')" >&2
    test_postgres_stop
    return 1
  fi
  export ARCHITECT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=postgres;Pooling=false"
}

test_postgres_stop() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ] && [ -n "${PG_TEST_BIN:-}" ]; then
    "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "${PG_TEST_DIR:-}" ]; then
    rm -rf "$PG_TEST_DIR"
  fi
  PG_TEST_DIR=
}
