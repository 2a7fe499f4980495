package buildinfo

import (
	"runtime/debug"
	"strings"
)

// Set by the release build (scripts/release):
//
//	-ldflags "-X github.com/hypergen-dev/hypergen/internal/buildinfo.version=v1.2.3
//	          -X github.com/hypergen-dev/hypergen/internal/buildinfo.commit=<sha>
//	          -X github.com/hypergen-dev/hypergen/internal/buildinfo.date=<RFC 3339>"
var version, commit, date string

// Info describes the running binary.
type Info struct {
	Version string // "v1.2.3", a Go pseudo-version, or "dev" when nothing is known
	Commit  string // full VCS revision, "" when unknown
	Time    string // RFC 3339: the build date when stamped, else the commit time
	Dirty   bool   // built from a work tree with uncommitted changes
	// Stamped is true for a release build (-ldflags -X), false when the
	// details come from the Go toolchain's build information.
	Stamped bool
}

// Get returns the running binary's Info.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return resolve(version, commit, date, bi)
}

// Version is Get().Version, for telemetry and the agent's status.
func Version() string { return Get().Version }

// resolve prefers the stamped values; without them it reads bi, which is
// nil when the binary carries no build information.
func resolve(version, commit, date string, bi *debug.BuildInfo) Info {
	if version != "" {
		return Info{Version: version, Commit: commit, Time: date, Stamped: true}
	}
	info := Info{Version: "dev"}
	if bi == nil {
		return info
	}
	// "(devel)" is what the toolchain writes when it knows no version (a
	// build outside version control, or with -buildvcs=false).
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		info.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Commit = s.Value
		case "vcs.time":
			info.Time = s.Value
		case "vcs.modified":
			info.Dirty = s.Value == "true"
		}
	}
	// Go writes a dirty work tree's pseudo-version with a "+dirty" suffix
	// and leaves vcs.* out for `go install module@version`.
	if strings.HasSuffix(info.Version, "+dirty") {
		info.Dirty = true
	}
	return info
}
