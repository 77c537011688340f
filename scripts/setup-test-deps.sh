#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: Debian packages (PostgreSQL server,
# script(1), Chromium) and the pinned npm packages of the validators and the context7 MCP server. Idempotent; quiet when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-tools.sh

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

need_apt=()
command -v script >/dev/null 2>&1 || need_apt+=(bsdutils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
# Node from Debian only when Debian's own is new enough for the lock files (Debian 12 ships 18, which is not).
if ! command -v node >/dev/null 2>&1; then
  candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}' | sed 's/^[0-9]*://; s/[-~+].*//')
  if node_supported "$candidate"; then need_apt+=(nodejs npm); fi
fi
# The dashboard's browser test drives Debian's Chromium through Playwright (no Playwright browser download).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian packages" >&2
  as_root apt-get update -qq || { echo "warning: apt-get update failed" >&2; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null \
    || echo "warning: could not install ${need_apt[*]}; tests that need them will fail or be skipped" >&2
  # The Debian package starts a cluster on 5432; the tests use their own throwaway one.
  as_root service postgresql stop >/dev/null 2>&1 || true
fi

if problem=$(node_problem) && [ -n "$problem" ]; then
  echo "error: $problem. Install it (https://nodejs.org or your distribution's backports) and run again." >&2
  exit 1
fi

# Pinned npm packages (package-lock.json), reinstalled only when a lock file changes: every folder under tools/
# with a lock file (the validators' parsers, the context7 MCP server, the real clients the interop tests drive).
for lock in tools/*/package-lock.json; do
  npm_install_tools "$(dirname "$lock")"
done
