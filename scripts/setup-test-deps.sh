#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine. Idempotent; quiet when all is present.
set -euo pipefail

need_apt=()
# script(1) drives the CLI through a real terminal in the interactive tests.
command -v script >/dev/null 2>&1 || need_apt+=(bsdutils)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "warning: cannot install ${need_apt[*]} (not root, no sudo); tests that need them will be skipped" >&2
  fi
fi
