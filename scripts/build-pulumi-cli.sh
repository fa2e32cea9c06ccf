#!/usr/bin/env bash
# Builds the Pulumi CLI from Go modules (through the configured Go module proxy) into a cache directory
# outside the repository. Idempotent: a finished build is detected by its version stamp and reused.
set -euo pipefail
# Go and npm need a home directory; CI may start us without HOME.
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
PULUMI_VERSION="${PULUMI_VERSION:-3.259.0}"
CACHE_ROOT="${HWVPN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-huaweicloud-vpn}"
DEST="$CACHE_ROOT/pulumi-v$PULUMI_VERSION"
if [ -x "$DEST/bin/pulumi" ] && [ "$("$DEST/bin/pulumi" version 2>/dev/null)" = "v$PULUMI_VERSION" ]; then
  echo "$DEST"; exit 0
fi
command -v go >/dev/null || { for g in /usr/local/go/bin/go; do [ -x "$g" ] && export PATH="$(dirname "$g"):$PATH"; done; }
command -v go >/dev/null || { echo "build-pulumi-cli: no Go toolchain found (need Go >= 1.25)" >&2; exit 1; }
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$DEST/bin"
start=$(date +%s)
(
  cd "$work"
  go mod init example.invalid/pulumi-cli-build >/dev/null 2>&1
  echo "build-pulumi-cli: resolving github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION ..." >&2
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" >&2
  echo "build-pulumi-cli: compiling (several minutes on 2 cores) ..." >&2
  CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
    -o "$DEST/bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  mv "$DEST/bin/pulumi.tmp" "$DEST/bin/pulumi"
)
echo "build-pulumi-cli: pulumi $("$DEST/bin/pulumi" version) built in $(( $(date +%s) - start ))s" >&2
echo "$DEST"
