package agent

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// Config configures an Agent. Zero values take the defaults of withDefaults.
type Config struct {
	// Listen is the admin HTTP address. Default 127.0.0.1:9464 (loopback:
	// the admin API is for the pod, not the network). Its /metrics serves
	// the Telemetry's Prometheus exporter, which then needs no address of
	// its own (instrument.Config.PrometheusListen ""): by default both
	// would take 127.0.0.1:9464.
	Listen string
	// Interval is how often the agent checks templates and budgets. Default 30s.
	Interval time.Duration
	// Cwd is the project directory: templates resolve as for the CLI, and
	// generation requests write below it. Default: the process's.
	Cwd string
	// Templates overrides the templates root.
	Templates string
	// ProbeInterval is the time between scalability probes; negative
	// disables them. Default 15m.
	ProbeInterval time.Duration
	// ProbeSizes are the probe trees' sizes in generators (10 templates
	// each). Default 10, 100, 1000.
	ProbeSizes []int
	// ProbeCPUShare bounds the CPU a probe may use, as a share of one core
	// over its duration: the probe sleeps between steps to keep to it.
	// Default 0.25.
	ProbeCPUShare float64
	// ProbeDir holds the synthetic trees. Default: a temporary folder,
	// removed on Shutdown.
	ProbeDir string
	// Pprof serves Go's /debug/pprof handlers. Off by default.
	Pprof bool
	// Profiling configures continuous profiling; off unless Enabled.
	Profiling ProfilingConfig
	// Generate configures the generation API; off unless Enabled.
	Generate GenerateConfig
	// MemoryLimit is the Go memory limit in force, in bytes (0: none; the
	// CLI sets it from GOMEMLIMIT or the container's cgroup). Above 80% of
	// it the agent shrinks its template caches; above 95% it refuses
	// generations with 503 until memory comes back.
	MemoryLimit int64
	// MaxConnections bounds each server's open connections; at the bound
	// the longest-idle one is closed for a new client. Default 256.
	MaxConnections int
	// Logger receives structured logs. Default: slog.Default().
	Logger *slog.Logger
	// NoFsync makes generations (the API's and the probes') write without
	// fsync: faster, still atomic, but a power loss may lose what they
	// wrote. Default: durable unless HYPERGEN_FSYNC (Getenv) is 0 or false.
	NoFsync bool
	// Getenv reads the environment. Default os.Getenv.
	Getenv func(string) string
	// Version is reported in /status and as a profiling tag.
	Version string
	// Relay is the path of a Unix datagram socket on which CLI runs hand
	// the agent their spans (HYPERGEN_TELEMETRY_RELAY), for its trace
	// pipeline to export: a run then pays for a datagram instead of an
	// export. Empty: no relay. The telemetry must be set up with
	// instrument.Config.Forwarding and export traces.
	Relay string
}

// GenerateConfig opens POST /v1/generate to other processes in the pod.
type GenerateConfig struct {
	Enabled bool
	// Listen is the API's own address: loopback TCP or "unix:/path", never
	// the admin address, which may face the pod network for scrapers.
	// Default 127.0.0.1:9465.
	Listen string
	// Token is the bearer token every request must carry (required).
	Token string
	// Root confines writes; default Cwd.
	Root string
	// AllowShell permits templates with `sh:`; refused otherwise.
	AllowShell bool
	// JSTimeout bounds each template render, hook and .hygen.js of a
	// generation (zero: jsrt.DefaultTimeout).
	JSTimeout time.Duration
}

func (c Config) withDefaults() Config {
	if c.Listen == "" {
		c.Listen = "127.0.0.1:9464"
	}
	if c.Interval == 0 {
		c.Interval = 30 * time.Second
	}
	if c.ProbeInterval == 0 {
		c.ProbeInterval = 15 * time.Minute
	}
	if len(c.ProbeSizes) == 0 {
		c.ProbeSizes = []int{10, 100, 1000}
	}
	if c.ProbeCPUShare == 0 {
		c.ProbeCPUShare = 0.25
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Generate.Listen == "" {
		c.Generate.Listen = "127.0.0.1:9465"
	}
	if c.MaxConnections == 0 {
		c.MaxConnections = 256
	}
	if c.Generate.Root == "" {
		c.Generate.Root = c.Cwd
	}
	return c
}

// Validate reports the first thing wrong with the configuration.
func (c Config) Validate() error {
	if err := CheckListen(c.Listen); err != nil {
		return fmt.Errorf("listen address %q: %w", c.Listen, err)
	}
	if c.Interval < 100*time.Millisecond {
		return fmt.Errorf("interval %v is too short (at least 100ms)", c.Interval)
	}
	if c.ProbeCPUShare <= 0 || c.ProbeCPUShare > 1 {
		return fmt.Errorf("probe CPU share %v must be in (0, 1]", c.ProbeCPUShare)
	}
	for _, s := range c.ProbeSizes {
		if s < 1 || s > 10000 {
			return fmt.Errorf("probe size %d must be between 1 and 10000 generators", s)
		}
	}
	if c.Generate.Enabled && c.Generate.Token == "" {
		return errors.New("the generation API needs a token (HYPERGEN_AGENT_TOKEN)")
	}
	if c.Generate.Enabled && strings.TrimSpace(c.Generate.Token) != c.Generate.Token {
		// HTTP drops the white space around a header's value, so no client
		// could send this token.
		return errors.New("the generation API's token (HYPERGEN_AGENT_TOKEN) starts or ends with white space, which no Authorization header can carry")
	}
	if c.Generate.Enabled && strings.ContainsFunc(c.Generate.Token, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		// A header value cannot hold a line break or another control
		// character either: the agent would start, and refuse every client.
		return errors.New("the generation API's token (HYPERGEN_AGENT_TOKEN) holds a control character (a line break?), which no Authorization header can carry")
	}
	if c.Generate.Enabled {
		if err := checkGenerateListen(c.Generate.Listen); err != nil {
			return err
		}
	}
	if c.Relay != "" {
		if err := runrecord.CheckPath(c.Relay); err != nil {
			return fmt.Errorf("relay socket %q: %w", c.Relay, err)
		}
	}
	if c.MaxConnections < 1 {
		return fmt.Errorf("max connections %d must be at least 1", c.MaxConnections)
	}
	return nil
}
