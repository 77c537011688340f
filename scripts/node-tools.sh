# Shared by scripts/design.sh and scripts/setup-test-deps.sh (sourced, not run): the Node version the lock
# files need, and 'npm ci' of a tools/ folder only when its lock file changed since the last install.

# The lock files hold packages whose engines need Node ^20.19 || ^22.13 || >=24 (Mermaid, PGlite's tooling, the MCP inspector).
NODE_REQUIRED="20.19 (or 22.13+, 24+)"

# True when the version given (default: the node on PATH) can run the pinned packages.
node_supported() {
  local v="${1:-$(node --version 2>/dev/null || true)}"
  v="${v#v}"
  [ -n "$v" ] || return 1
  local major="${v%%.*}" rest="${v#*.}"
  local minor="${rest%%.*}"
  case "$major" in
    ''|*[!0-9]*) return 1 ;;
  esac
  if [ "$major" -eq 20 ]; then [ "$minor" -ge 19 ]
  elif [ "$major" -eq 22 ]; then [ "$minor" -ge 13 ]
  else [ "$major" -ge 24 ] || [ "$major" -eq 23 ]
  fi
}

# One line saying what is wrong with the Node on PATH, or nothing when it is fine.
node_problem() {
  if ! command -v node >/dev/null 2>&1; then
    echo "Node.js is not installed; the validators and the MCP/LangGraph client tests need Node ${NODE_REQUIRED}"
  elif ! node_supported; then
    echo "Node.js $(node --version) is too old for the pinned packages; they need Node ${NODE_REQUIRED}"
  fi
}

# npm ci in a folder with a package-lock.json, skipped when node_modules was installed from the same lock file.
npm_install_tools() {
  local tools="$1"
  local stamp="$tools/node_modules/.lock-hash"
  local hash
  hash=$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    return 0
  fi
  echo "setup: npm ci in $tools" >&2
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  echo "$hash" > "$stamp"
}
