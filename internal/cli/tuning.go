package cli

import (
	"fmt"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/envflag"
	"github.com/hypergen-dev/hypergen/internal/perf/memlimit"
	"github.com/hypergen-dev/hypergen/internal/perf/profile"
)

// openIndex opens the persistent template index in dir, or in the default
// cache folder when dir is "". Without a usable folder the index lives in
// memory, with a warning.
func openIndex(env *Env, dir string) *diskindex.Store {
	if dir == "" {
		var err error
		if dir, err = diskindex.DefaultDir(env.Getenv); err != nil {
			fmt.Fprintf(env.Stderr, "hypergen: warning: %v; keeping the template index in memory for this run\n", err)
			return diskindex.InMemory()
		}
	}
	return diskindex.Open(dir, env.Stderr)
}

// tuneGenerate wires the performance system into a generation: the
// container's memory limit, the persistent index and, when
// HYPERGEN_PROFILE_STARTUP is on (and HYPERGEN_PERFORMANCE_ENABLED is not
// false), the phase profile around cfg.Observer. It returns what to call
// once the run is over, or an exit code when the environment is invalid.
func tuneGenerate(env *Env, cfg *generator.Config) (done func(*generator.Engine), code int) {
	on, err := profile.Enabled(env.Getenv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
		return nil, ExitUsage
	}
	measure, err := envflag.Bool(env.Getenv, "HYPERGEN_PERFORMANCE_ENABLED", true)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
		return nil, ExitUsage
	}
	if on && !measure {
		fmt.Fprintf(env.Stderr, "hypergen: warning: %s=true is ignored: HYPERGEN_PERFORMANCE_ENABLED=false turns every measurement off\n", profile.EnvProfileStartup)
		on = false
	}
	memlimit.Apply(env.Getenv, "/")
	idx := openIndex(env, "")
	cfg.Index = idx
	if !on {
		return func(*generator.Engine) {}, -1
	}
	rec := &profile.Recorder{Next: cfg.Observer}
	start := env.Start
	if start.IsZero() { // an Env made by a test rather than ProcessEnv
		start = time.Now()
	}
	rec.Start(start)
	cfg.Observer = rec
	return func(e *generator.Engine) {
		is, cs := idx.Stats(), e.TemplateCache().Stats()
		rec.Last().Print(env.Stderr,
			fmt.Sprintf("index: %d hit, %d miss, %d stale, %d corrupt, %d written (persistent: %v, %s)",
				is.Hits, is.Misses, is.Stale, is.Corrupt, is.Writes, is.Persistent, idx.Dir()),
			fmt.Sprintf("compiled-template cache: %d hits, %d misses", cs.Hits, cs.Misses))
	}, -1
}
