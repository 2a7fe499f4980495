# Shared by scripts/release, scripts/npm-packages and scripts/image: what a
# distribution contains. Source it; it sets no options of its own.

# The executables every release archive, npm package and image ships, as
# NAME=PACKAGE (the Go package path from the repository root). A sibling
# executable is one more line here.
DIST_COMMANDS=(
  "hypergen=."
  "hypergen-perf=./cmd/hypergen-perf"
)

# dist_goexperiment NAME: the GOEXPERIMENT an executable is built with.
# hypergen, the one-shot command, is built with Go's previous garbage
# collector where the toolchain still offers it (Go 1.26): the new one
# writes each new span's mark bits at the span's end, one more page touched
# for nearly every span a short process starts, and on VMs where a page
# fault is dear that is most of a cold run's cost. A cold generation took
# about 5 % fewer page faults (1,050 -> 994), `hypergen version` 513.5 ->
# 480, and a 1,000-template generation, which collects 15 times, the same
# wall time (0.90 s); README.md, "Cold start". hypergen-perf, which runs
# the agent for days, keeps the default. Any GOEXPERIMENT already set is
# kept in front.
dist_goexperiment() {
  local exp=${GOEXPERIMENT:-}
  if [ "$1" = hypergen ] && GOEXPERIMENT=nogreenteagc go env GOEXPERIMENT >/dev/null 2>&1; then
    exp=${exp:+$exp,}nogreenteagc
  fi
  echo "$exp"
}

# dist_local_build DIR [NAME...]: the named executables (all by default)
# for this machine, built as scripts/release builds them but unstamped, into
# DIR. Run it from the root of the source tree to build.
dist_local_build() {
  local out=$1 cmd name
  shift
  for cmd in "${DIST_COMMANDS[@]}"; do
    name=${cmd%%=*}
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
    CGO_ENABLED=0 GOEXPERIMENT=$(dist_goexperiment "$name") go build -trimpath -ldflags="-s -w" \
      -o "$out/$(dist_exe "$name" "$(go env GOOS)")" "./${cmd#*=}"
  done
}

# The release targets, GOOS/GOARCH.
DIST_TARGETS=(
  linux/amd64 linux/arm64
  darwin/amd64 darwin/arm64
  windows/amd64 windows/arm64
)

# Where the version, commit and date are stamped in (-ldflags -X).
DIST_BUILDINFO=github.com/hypergen-dev/hypergen/internal/buildinfo

# dist_exe NAME GOOS: the file name of an executable on that system.
dist_exe() {
  if [ "$2" = windows ]; then echo "$1.exe"; else echo "$1"; fi
}

# dist_commit: the commit being built, "-dirty" appended when tracked files
# have uncommitted changes.
dist_commit() {
  local commit
  commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit-dirty"
  fi
  echo "$commit"
}

# dist_date: the build date, RFC 3339 UTC; SOURCE_DATE_EPOCH when set.
dist_date() {
  date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ
}
