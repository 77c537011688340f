#!/usr/bin/env bash
# Runs the offline design on every dev brief into OUT/<brief>/ (default /tmp/kit-designs).
# Build first: dotnet build src/ArchitectAgents.Cli -c Release
set -u
out="${1:-/tmp/kit-designs}"
briefs="${BRIEFS:-/work/shared/briefs}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
dll="$here/src/ArchitectAgents.Cli/bin/Release/net10.0/architect.dll"
for b in "$briefs"/*.md; do
  n=$(basename "$b" .md); [ "$n" = README ] && continue
  rm -rf "$out/$n"
  (cd "$here" && dotnet "$dll" design "$b" --out "$out/$n" --non-interactive >"$out.$n.log" 2>&1); echo "$n exit=$?"
done
