# Shared by scripts/release, scripts/npm-packages and scripts/image: what a
# distribution contains. Source it; it sets no options of its own.

# The executables every release archive, npm package and image ships, as
# NAME=PACKAGE (the Go package path from the repository root). A sibling
# executable is one more line here.
DIST_COMMANDS=(
  "hypergen=."
  "hypergen-perf=./cmd/hypergen-perf"
)

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
