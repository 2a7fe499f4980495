#!/usr/bin/env bash
# Regenerates this module's Go sources from builder-config.yaml with the
# collector builder at the same release as the components.
set -euo pipefail
cd "$(dirname "$0")"
GOPROXY=$(go env GOPROXY | cut -d, -f1)
export GOPROXY
go run go.opentelemetry.io/collector/cmd/builder@v0.165.0 --config builder-config.yaml --skip-compilation
rm -f main_windows.go
# The builder's output is not gofmt-clean; the committed sources are.
gofmt -w ./*.go
