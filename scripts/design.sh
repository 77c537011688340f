#!/usr/bin/env bash
# The first command: a design on the embedded default model (no key, no server). Installs the validators'
# pinned parsers only when their lock file changed, builds the CLI only when a source changed since the last
# build, then runs 'architect design'. Arguments go to 'architect design'; with none, the telehealth example.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-tools.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# npm ci (mostly download and unpacking) runs while the CLI builds (mostly compiling); the design waits for both.
npm_pid=
if problem=$(node_problem) && [ -n "$problem" ]; then
  # The design still runs; the Mermaid and SQL checks then say 'skipped', never 'passed'.
  echo "note: $problem; Mermaid and SQL validation will be skipped" >&2
else
  { npm_install_tools tools/validators || echo "note: npm ci in tools/validators failed; Mermaid and SQL validation will be skipped" >&2; } &
  npm_pid=$!
fi

bin=src/ArchitectAgents.Cli/bin/Release/net10.0/architect
stamp=src/ArchitectAgents.Cli/bin/Release/.design-build-stamp
# A no-op 'dotnet build' still costs seconds: build only when a compiled input is newer than the last build.
if [ ! -x "$bin" ] || [ ! -f "$stamp" ] \
  || [ -n "$(find src global.json Directory.Build.props Directory.Packages.props -newer "$stamp" -type f \
             -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]; then
  echo "design: building the CLI (Release; the first build restores packages and takes a minute or two)" >&2
  # Analyzers and XML docs change no byte of what runs and cost about a quarter of a cold build; the test
  # script's build runs them all (warnings are errors there).
  dotnet build src/ArchitectAgents.Cli -c Release --nologo -v minimal -clp:NoSummary \
    -p:RunAnalyzers=false -p:GenerateDocumentationFile=false >&2
  touch "$stamp"
fi
[ -z "$npm_pid" ] || wait "$npm_pid"

if [ $# -eq 0 ]; then
  set -- examples/briefs/telehealth.md --out out/ --non-interactive
fi
exec "$bin" design "$@"
