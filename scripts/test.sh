#!/usr/bin/env bash
# Runs the whole test suite and prints the totals alone on the last line: "N passed, N failed[, N skipped]".
# Installs what the tests need first (scripts/setup-test-deps.sh) and starts a throwaway PostgreSQL server. Exit code is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is required" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

bash scripts/setup-test-deps.sh || { echo "error: installing test dependencies failed" >&2; echo "0 passed, 1 failed"; exit 1; }

# A real PostgreSQL server on a loopback port, for the tests that need one.
source scripts/test-postgres.sh
trap test_postgres_stop EXIT
postgres_failed=0
test_postgres_start || postgres_failed=1

results="$(pwd)/TestResults"
rm -rf "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build ArchitectAgents.sln -c Release --nologo -v quiet
build=$?
if [ $build -ne 0 ]; then
  echo "error: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The console logger is quiet until a project ends: a line every two minutes says the run is alive and how far along.
started=$(date +%s)
projects=$(grep -c "Tests\.csproj" ArchitectAgents.sln)
(
  while sleep 120; do
    done_projects=$(find "$results" -maxdepth 1 -name '*.trx' 2>/dev/null | wc -l)
    echo "tests: $(( ($(date +%s) - started) / 60 )) min so far, ${done_projects} of ${projects} test projects finished" >&2
  done
) &
ticker=$!
dotnet test ArchitectAgents.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null
echo "tests: finished in $(( ($(date +%s) - started) / 60 )) min" >&2

passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ ${#trx_files[@]} -eq 0 ]; then
  echo "error: no test results were produced" >&2
  failed=$((failed + 1))
fi
if [ $postgres_failed -ne 0 ]; then
  # The PostgreSQL tests skip themselves without a server; the run must not end green because of that.
  echo "error: the test PostgreSQL server could not be started (see above); counted as a failure" >&2
  failed=$((failed + 1))
fi
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  # dotnet test failed without a failed test (a crashed test host, for example): count it.
  failed=1
fi

line="$passed passed, $failed failed"
[ $skipped -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $failed -eq 0 ]
