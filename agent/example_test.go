package agent_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/hypergen-dev/hypergen/agent"
	"github.com/hypergen-dev/hypergen/instrument"
)

// A monitor inside a Go service: start it, ask for its status (what the
// sidecar serves at /status), stop it.
func Example() {
	dir, _ := os.MkdirTemp("", "hypergen-agent-example-")
	defer os.RemoveAll(dir)
	_ = os.MkdirAll(filepath.Join(dir, "_templates", "api", "new"), 0o755)
	_ = os.WriteFile(filepath.Join(dir, "_templates", "api", "new", "handler.ejs.t"), []byte("---\nto: h.go\n---\n"), 0o644)

	mon, err := agent.New(agent.Config{
		Cwd:           dir,
		Listen:        "127.0.0.1:0", // any free loopback port
		ProbeInterval: -1,            // no scalability probes in this example
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, instrument.Disabled())
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := mon.Start(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	st := mon.Status()
	fmt.Printf("ready %v, %d generator(s), %d budget(s) known\n", st.Ready, st.Index.Generators, len(st.Targets))

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println("stopped:", mon.Shutdown(ctx))
	// Output:
	// ready true, 1 generator(s), 5 budget(s) known
	// stopped: <nil>
}
