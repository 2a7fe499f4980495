package perf

import (
	"os"
	"runtime"

	"github.com/hypergen-dev/hypergen/internal/perf/memlimit"
)

// Environment is what a result was measured on.
type Environment struct {
	Hypergen   string           `json:"hypergen"` // version
	Go         string           `json:"go"`
	OS         string           `json:"os"`
	Arch       string           `json:"arch"`
	CPUs       int              `json:"cpus"`
	GOMAXPROCS int              `json:"gomaxprocs"`
	Memory     memlimit.Setting `json:"memory_limit"`
	Hostname   string           `json:"hostname"`
}

// CurrentEnvironment describes this process's machine.
func CurrentEnvironment(version string, mem memlimit.Setting) Environment {
	host, _ := os.Hostname()
	return Environment{Hypergen: version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH,
		CPUs: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0), Memory: mem, Hostname: host}
}
