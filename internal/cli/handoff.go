package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/oneshot"
)

// PerfExecutable is the sibling executable that holds what an everyday run
// does not need: the perf commands, the agent, and generation with
// telemetry export or through an agent. Keeping them out of hypergen keeps
// its start-up near that of an empty Go program (see the README's "How it
// works").
const PerfExecutable = "hypergen-perf"

// PerfInstallHint says how to get PerfExecutable.
const PerfInstallHint = "install it next to hypergen: go install github.com/hypergen-dev/hypergen/cmd/hypergen-perf@latest " +
	"(release archives, the npm package and the container image include it)"

// Heavy is the part of the command line only PerfExecutable links.
type Heavy struct {
	// Telemetry sets up OpenTelemetry export for one generation from the
	// environment; a bad variable is an error naming it.
	Telemetry func(ctx context.Context, env *Env) (Telemetry, error)
	// Delegate sends a generation to the agent at url instead of running it.
	Delegate func(env *Env, url string, args []string) int
}

// Telemetry is a generation's telemetry pipeline (instrument.Telemetry).
type Telemetry interface {
	Observer() generator.Observer
	ObserveCache(stats func() (hits, misses int64))
	Shutdown(ctx context.Context) error
}

// TelemetryVars are the variables that can switch telemetry on or make its
// configuration invalid: instrument.FromEnv reads them, and a test in
// internal/perfcli keeps this list complete. When one is set, hypergen
// exports the run itself if package oneshot honours every setting, and
// otherwise hands the generation to PerfExecutable, which validates them
// and exports.
func TelemetryVars() []string {
	vs := []string{
		"OTEL_SDK_DISABLED", "HYPERGEN_PERFORMANCE_ENABLED", "HYPERGEN_TRACE_STEPS",
		"HYPERGEN_TELEMETRY_TIMEOUT", "HYPERGEN_TELEMETRY_FILE", oneshot.RelayVar,
		"OTEL_METRIC_EXPORT_INTERVAL", "OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER",
	}
	for _, signal := range []string{"", "TRACES_", "METRICS_"} {
		for _, v := range []string{"ENDPOINT", "PROTOCOL", "TIMEOUT", "INSECURE"} {
			vs = append(vs, "OTEL_EXPORTER_OTLP_"+signal+v)
		}
	}
	return vs
}

// telemetryRequested reports whether a variable that a CLI run honours is
// set. A metrics exporter list that names prometheus alone asks nothing of
// one (it opens no pull endpoint: oneshot.MetricsExporters), nor does
// HYPERGEN_PROMETHEUS_LISTEN: both are set in a shell for the agent.
func telemetryRequested(getenv func(string) string) bool {
	for _, k := range TelemetryVars() {
		v := getenv(k)
		if k == "OTEL_METRICS_EXPORTER" {
			v = oneshot.MetricsExporters(getenv)
		}
		if v != "" {
			return true
		}
	}
	return false
}

var errNoHandOff = errors.New("this process cannot start it")

// handOff runs args in PerfExecutable. It returns only on failure, with the
// error printed for what (the command that needed it).
func handOff(env *Env, what string, args []string) int {
	err := errNoHandOff
	if env.HandOff != nil {
		err = env.HandOff(args)
	}
	fmt.Fprintf(env.Stderr, "hypergen: %s needs the %s executable (%v); %s\n", what, PerfExecutable, err, PerfInstallHint)
	return ExitFail
}

func runPerf(env *Env, args []string) int {
	return handOff(env, "'hypergen perf'", args)
}

// HandOff replaces this process with PerfExecutable running args, with the
// same standard streams and environment, so signals and the exit status
// reach the user as if hypergen had done the work. It returns only when the
// executable cannot be found or started.
func HandOff(args []string) error {
	bin, err := FindExecutable(PerfExecutable)
	if err != nil {
		return err
	}
	return execve(bin, args)
}

// FindExecutable finds a hypergen executable by name: beside the running
// one first (release archives, npm packages and images ship them together),
// then on PATH.
func FindExecutable(name string) (string, error) {
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		p := filepath.Join(filepath.Dir(self), name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%s is neither beside this executable nor on PATH", name)
	}
	return p, nil
}
