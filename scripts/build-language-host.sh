#!/usr/bin/env bash
# Tries to build Pulumi's Node.js language host from the Go module proxy. The module
# github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 is never tagged, so only a commit
# pseudo-version can work, if the proxy serves it. Exits non-zero with the proxy's answer when it does not.
set -euo pipefail
# Go and npm need a home directory; CI may start us without HOME.
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
PULUMI_VERSION="${PULUMI_VERSION:-3.259.0}"
COMMIT="${PULUMI_LANGUAGE_HOST_COMMIT:-a05d88f24d05}"   # the pkg/v3.259.0 commit
CACHE_ROOT="${HWVPN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-huaweicloud-vpn}"
DEST="$CACHE_ROOT/pulumi-v$PULUMI_VERSION"
MOD=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
command -v go >/dev/null || export PATH="/usr/local/go/bin:$PATH"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
go mod init example.invalid/pulumi-language-nodejs-build >/dev/null 2>&1
timeout 300 go get "$MOD@$COMMIT" "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION"
CGO_ENABLED=0 go build -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
  -o "$DEST/bin/pulumi-language-nodejs" "$MOD"
