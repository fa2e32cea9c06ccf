#!/usr/bin/env bash
# `npm run pulumi -- <args>`: our Pulumi CLI build with the offline environment: file backend and PULUMI_HOME
# inside the repo (gitignored), passphrase secrets, no update checks, no plugin downloads.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI_ROOT="$(sed -n 's/.*"pulumiRoot": "\([^"]*\)".*/\1/p' "$ROOT/node_modules/.cache/hwvpn/env.json")"
mkdir -p "$ROOT/.pulumi-state" "$ROOT/.pulumi-home"
export PATH="$CLI_ROOT/bin:$PATH"
export HWVPN_NODE="${HWVPN_NODE:-$(command -v node)}"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$ROOT/.pulumi-state}"
export PULUMI_HOME="${PULUMI_HOME:-$ROOT/.pulumi-home}"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
exec "$CLI_ROOT/bin/pulumi" "$@"
