package agent

import (
	"context"
	"os"
	"time"

	"github.com/hypergen-dev/hypergen/instrument"
)

// measureSizes and measureRounds keep an in-process measurement to a few
// seconds: two small trees, probed a few times each so percentiles and the
// cache have something to work on.
var measureSizes = []int{10, 100}

const measureRounds = 5

// MeasureOnce judges the budgets without a running agent: it indexes the
// project's templates and probes small synthetic trees in this process.
func MeasureOnce(ctx context.Context, cfg Config) (Status, error) {
	cfg.ProbeSizes = measureSizes
	a, err := New(cfg, instrument.Disabled())
	if err != nil {
		return Status{}, err
	}
	a.started = time.Now()
	if a.probeDir, err = os.MkdirTemp("", "hypergen-measure-"); err != nil {
		return Status{}, err
	}
	defer os.RemoveAll(a.probeDir)
	a.reindex(ctx)
	a.ready.Store(true)
	for range measureRounds {
		for _, size := range measureSizes {
			if _, err := a.probe(ctx, size); err != nil {
				return Status{}, err
			}
		}
		a.markWarm()
	}
	a.refit()
	return a.Status(), nil
}
