#!/usr/bin/env bash
# `npm run pulumi -- <args>`: our Pulumi CLI build (the checkout's own CLI directory, with our Node.js language host
# and shims first on PATH) with the offline environment: file backend and PULUMI_HOME inside the repo (gitignored)
# unless PULUMI_BACKEND_URL / PULUMI_HOME say otherwise, passphrase secrets, no update checks, no plugin downloads.
#
# Secrets passphrase: PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE when set (an empty passphrase only
# when set explicitly: PULUMI_CONFIG_PASSPHRASE=). Otherwise, for the default local backend, a passphrase generated
# once and kept in .pulumi-state/passphrase (mode 600, gitignored with the state it protects); for any other backend
# none, and Pulumi asks for one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI_ROOT="$(sed -n 's/.*"pulumiRoot": "\([^"]*\)".*/\1/p' "$ROOT/node_modules/.cache/hwvpn/env.json")"
export PATH="$CLI_ROOT/bin:$PATH"
export HWVPN_NODE="${HWVPN_NODE:-$(command -v node)}"
if [ -z "${PULUMI_BACKEND_URL:-}" ]; then
  mkdir -p "$ROOT/.pulumi-state"
  export PULUMI_BACKEND_URL="file://$ROOT/.pulumi-state"
  if [ -z "${PULUMI_CONFIG_PASSPHRASE+set}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
    PASSFILE="$ROOT/.pulumi-state/passphrase"
    if [ ! -s "$PASSFILE" ]; then
      (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "$PASSFILE")
      echo "npm run pulumi: generated a secrets passphrase for the local backend in $PASSFILE (keep it: it decrypts the stacks' secrets there)" >&2
    fi
    export PULUMI_CONFIG_PASSPHRASE_FILE="$PASSFILE"
  fi
fi
if [ -z "${PULUMI_HOME:-}" ]; then
  mkdir -p "$ROOT/.pulumi-home"
  export PULUMI_HOME="$ROOT/.pulumi-home"
fi
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
exec "$CLI_ROOT/bin/pulumi" "$@"
