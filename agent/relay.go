package agent

import (
	"context"
	"errors"

	"github.com/hypergen-dev/hypergen/internal/spanrelay"
)

// startRelay opens the relay socket (Config.Relay): CLI runs hand their
// spans to it and the agent's trace pipeline exports them.
func (a *Agent) startRelay(ctx context.Context) error {
	if !a.tel.CanForward() {
		return errors.New("--relay needs the agent to export traces (set OTEL_EXPORTER_OTLP_ENDPOINT; OTEL_TRACES_EXPORTER must not be none)")
	}
	r, err := spanrelay.NewReceiver(spanrelay.Config{
		Path:    a.cfg.Relay,
		Forward: a.tel.Forward,
		Counted: func(err error) { a.tel.AgentRelayed(context.WithoutCancel(ctx), err) },
		Logger:  a.cfg.Logger,
	})
	if err != nil {
		return err
	}
	if err := r.Start(); err != nil {
		return err
	}
	a.relay = r
	return nil
}
