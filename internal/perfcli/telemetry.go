package perfcli

import (
	"context"

	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/cli"
)

// setupTelemetry configures OpenTelemetry from the environment for one
// generation: a one-shot run exports its spans, from which the Collector
// counts runs (no per-process metric series). With no exporter configured it
// returns a disabled pipeline: no network, no cost. A bad variable is an
// error that names it.
func setupTelemetry(ctx context.Context, env *cli.Env) (cli.Telemetry, error) {
	cfg, err := instrument.FromEnv(env.Getenv)
	if err != nil {
		return nil, err
	}
	cfg.ServiceVersion = cli.Version()
	cfg.OneShot = true
	return instrument.Setup(ctx, cfg, env.Stderr)
}
