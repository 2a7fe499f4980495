package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is set at build time with -ldflags "-X .../cli.Version=v1.2.3".
var Version = "dev"

// HygenCompat is the hygen release whose output hypergen reproduces.
const HygenCompat = "6.2.11"

func runVersion(env *Env, args []string) int {
	fs := newFlagSet(env, "version", "Usage: hypergen version\n\nPrints hypergen's version and build details.")
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(env.Stdout, "hypergen %s%s (hygen %s compatible, %s %s/%s)\n",
		Version, rev, HygenCompat, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}
