package cli

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/hypergen-dev/hypergen/internal/buildinfo"
)

// Version is this binary's version, for telemetry, reports and the agent;
// read on first use, as reading the build information allocates and the
// everyday commands do not need it.
var Version = sync.OnceValue(buildinfo.Version)

// HygenCompat is the hygen release whose output hypergen reproduces.
const HygenCompat = "6.2.11"

func runVersion(env *Env, args []string) int {
	fs := NewFlagSet(env, "version", `Usage: hypergen version

Prints hypergen's version and build details: the version, commit and build
date of a release build, or the module version, VCS revision (with
"modified" for a dirty work tree) and commit time that Go records in a
`+"`go install`/`go build`"+` binary.`)
	if code := ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	PrintVersion(env, "hypergen")
	return ExitOK
}

// PrintVersion prints the version and build details of this executable,
// named name, in the form `hypergen version` uses: hypergen-perf prints the
// same lines, so a pair that does not match shows.
func PrintVersion(env *Env, name string) {
	bi := buildinfo.Get()
	fmt.Fprintf(env.Stdout, "%s %s (hygen %s compatible, %s %s/%s)\n",
		name, bi.Version, HygenCompat, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi.Commit != "" {
		dirty := ""
		if bi.Dirty {
			dirty = " (modified)"
		}
		fmt.Fprintf(env.Stdout, "commit: %s%s\n", bi.Commit, dirty)
	}
	if bi.Time != "" {
		label := "committed"
		if bi.Stamped {
			label = "built"
		}
		fmt.Fprintf(env.Stdout, "%s: %s\n", label, bi.Time)
	}
}
