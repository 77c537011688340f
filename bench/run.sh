#!/usr/bin/env bash
# One command for the benchmarks of issue #11: builds Release, installs the Node peers, starts a throwaway
# PostgreSQL (when installed), runs every item, prints one table and writes bench/results/<yyyy-mm-dd>-<machine>.md.
# Extra arguments go to the harness, e.g.:  bench/run.sh --many-runs 1000 --many-runs-timeout 600
#                                            bench/run.sh --only 1,3      bench/run.sh --tiny
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v node >/dev/null || { echo "error: node and npm are required (validators and the LangGraph.js peer)" >&2; exit 1; }

echo "== build (Release)" >&2
dotnet build ArchitectAgents.sln -c Release --nologo -v quiet

echo "== node packages" >&2
[ -d tools/validators/node_modules ] || npm ci --prefix tools/validators --silent --no-audit --no-fund
npm ci --prefix bench/peers/langgraph --silent --no-audit --no-fund

# A throwaway PostgreSQL on a loopback port, exactly as the test suite starts one.
source scripts/test-postgres.sh
test_postgres_start
trap test_postgres_stop EXIT
# The service as it is deployed: pooled connections (the test suite's string turns pooling off to drop its databases).
export ARCHITECT_BENCH_POSTGRES="${ARCHITECT_TEST_POSTGRES:-}"
ARCHITECT_BENCH_POSTGRES="${ARCHITECT_BENCH_POSTGRES/;Pooling=false/}"

echo "== benchmarks" >&2
dotnet bench/ArchitectAgents.Bench/bin/Release/net10.0/architect-bench.dll "$@"
