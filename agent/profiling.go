package agent

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	otelpyroscope "github.com/grafana/otel-profiling-go"
	"github.com/grafana/pyroscope-go"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/envflag"
)

// ProfilingConfig configures continuous profiling with pyroscope-go.
type ProfilingConfig struct {
	Enabled         bool
	ServerAddress   string // PYROSCOPE_SERVER_ADDRESS, e.g. http://pyroscope:4040
	ApplicationName string // PYROSCOPE_APPLICATION_NAME, default "hypergen"
	BasicAuthUser   string // PYROSCOPE_BASIC_AUTH_USER
	BasicAuthPass   string // PYROSCOPE_BASIC_AUTH_PASSWORD
	TenantID        string // PYROSCOPE_TENANT_ID
	ProfileTypes    []pyroscope.ProfileType
	UploadRate      time.Duration // PYROSCOPE_UPLOAD_RATE, default 15s
}

var profileTypes = map[string]pyroscope.ProfileType{
	"cpu": pyroscope.ProfileCPU, "alloc_objects": pyroscope.ProfileAllocObjects, "alloc_space": pyroscope.ProfileAllocSpace,
	"inuse_objects": pyroscope.ProfileInuseObjects, "inuse_space": pyroscope.ProfileInuseSpace,
	"goroutines": pyroscope.ProfileGoroutines, "mutex_count": pyroscope.ProfileMutexCount,
	"mutex_duration": pyroscope.ProfileMutexDuration, "block_count": pyroscope.ProfileBlockCount,
	"block_duration": pyroscope.ProfileBlockDuration,
}

// ProfilingFromEnv reads the profiling variables. enabled is the --profiling
// flag; HYPERGEN_PROFILING=true also turns profiling on. Bad values are
// errors naming the variable.
func ProfilingFromEnv(getenv func(string) string, enabled bool) (ProfilingConfig, error) {
	c := ProfilingConfig{Enabled: enabled, ApplicationName: "hypergen", UploadRate: 15 * time.Second,
		ProfileTypes: []pyroscope.ProfileType{pyroscope.ProfileCPU, pyroscope.ProfileAllocSpace,
			pyroscope.ProfileInuseSpace, pyroscope.ProfileGoroutines}}
	// Spelled as every other switch (yes/no, on/off too); false leaves the
	// flag's choice.
	on, err := envflag.Bool(getenv, "HYPERGEN_PROFILING", false)
	if err != nil {
		return c, err
	}
	c.Enabled = c.Enabled || on
	c.ServerAddress = getenv("PYROSCOPE_SERVER_ADDRESS")
	if v := c.ServerAddress; v != "" {
		// pyroscope-go takes anything and fails only at the first upload,
		// with an error that does not name the variable.
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c, fmt.Errorf("PYROSCOPE_SERVER_ADDRESS=%q: want the server's URL, such as http://pyroscope:4040", v)
		}
	}
	if v := getenv("PYROSCOPE_APPLICATION_NAME"); v != "" {
		c.ApplicationName = v
	}
	c.BasicAuthUser, c.BasicAuthPass = getenv("PYROSCOPE_BASIC_AUTH_USER"), getenv("PYROSCOPE_BASIC_AUTH_PASSWORD")
	c.TenantID = getenv("PYROSCOPE_TENANT_ID")
	if v := getenv("PYROSCOPE_PROFILE_TYPES"); v != "" {
		c.ProfileTypes = nil
		for _, name := range strings.Split(v, ",") {
			pt, ok := profileTypes[strings.TrimSpace(name)]
			if !ok {
				return c, fmt.Errorf("PYROSCOPE_PROFILE_TYPES=%q: unknown profile type %q", v, name)
			}
			c.ProfileTypes = append(c.ProfileTypes, pt)
		}
	}
	if v := getenv("PYROSCOPE_UPLOAD_RATE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second {
			return c, fmt.Errorf("PYROSCOPE_UPLOAD_RATE=%q: want a duration of at least 1s", v)
		}
		c.UploadRate = d
	}
	if c.Enabled && c.ServerAddress == "" {
		return c, fmt.Errorf("profiling is on but PYROSCOPE_SERVER_ADDRESS is not set")
	}
	return c, nil
}

type profiler struct{ p *pyroscope.Profiler }

// startProfiler starts pyroscope-go, counting every upload, and links spans
// to profiles by wrapping the tracer provider.
func startProfiler(c ProfilingConfig, version string, tel *instrument.Telemetry, log *slog.Logger) (*profiler, error) {
	client := &countingClient{next: http.DefaultClient, tel: tel}
	p, err := pyroscope.Start(pyroscope.Config{
		ApplicationName:   c.ApplicationName,
		ServerAddress:     c.ServerAddress,
		BasicAuthUser:     c.BasicAuthUser,
		BasicAuthPassword: c.BasicAuthPass,
		TenantID:          c.TenantID,
		UploadRate:        c.UploadRate,
		ProfileTypes:      c.ProfileTypes,
		Tags:              map[string]string{"service": c.ApplicationName, "version": version},
		Logger:            slogAdapter{log},
		HTTPClient:        client,
	})
	if err != nil {
		return nil, fmt.Errorf("starting the profiler: %w", err)
	}
	tel.WrapTracerProvider(func(tp trace.TracerProvider) trace.TracerProvider { return otelpyroscope.NewTracerProvider(tp) })
	log.Info("continuous profiling on", "server", c.ServerAddress, "application", c.ApplicationName, "upload_rate", c.UploadRate)
	return &profiler{p}, nil
}

// stop flushes the last profile and stops.
func (p *profiler) stop() error { return p.p.Stop() }

// countingClient counts profile uploads by outcome.
type countingClient struct {
	next *http.Client
	tel  *instrument.Telemetry
}

func (c *countingClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.next.Do(req)
	outcome := err
	if err == nil && resp.StatusCode >= 300 {
		outcome = fmt.Errorf("profile upload: %s", resp.Status)
	}
	c.tel.ProfilingUpload(req.Context(), outcome)
	return resp, err
}

// slogAdapter lets pyroscope-go log through the agent's structured logger.
type slogAdapter struct{ l *slog.Logger }

func (s slogAdapter) Infof(format string, args ...any) {
	s.l.Debug(fmt.Sprintf(format, args...), "component", "pyroscope")
}
func (s slogAdapter) Debugf(format string, args ...any) {
	s.l.Debug(fmt.Sprintf(format, args...), "component", "pyroscope")
}
func (s slogAdapter) Errorf(format string, args ...any) {
	s.l.Warn(fmt.Sprintf(format, args...), "component", "pyroscope")
}
