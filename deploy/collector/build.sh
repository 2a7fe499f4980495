#!/usr/bin/env bash
# Builds the collector distribution once per source version and prints the
# binary's path. The binary is cached under $HYPERGEN_COLLECTOR_CACHE (default
# <repo>/.cache/collector), keyed by a hash of this module's sources, so
# repeated test runs reuse it. A cold build takes about two minutes on two cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${HYPERGEN_COLLECTOR_CACHE:-$here/../../.cache/collector}
key=$(cd "$here" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)
bin="$cache/$key/hypergen-otelcol"
if [ ! -x "$bin" ]; then
  mkdir -p "$cache/$key"
  GOPROXY=$(go env GOPROXY | cut -d, -f1)
  export GOPROXY
  echo "building the OpenTelemetry Collector distribution (once; about two minutes)" >&2
  (cd "$here" && go build -trimpath -o "$bin.tmp" .)
  mv "$bin.tmp" "$bin"
fi
echo "$bin"
