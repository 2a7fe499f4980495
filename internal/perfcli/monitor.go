package perfcli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	neturl "net/url"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/hypergen-dev/hypergen/agent"
	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/cli"
	"github.com/hypergen-dev/hypergen/internal/oneshot"
	"github.com/hypergen-dev/hypergen/internal/perf/memlimit"
	"github.com/hypergen-dev/hypergen/internal/perf/stats"
)

const monitorUsage = `Usage: hypergen perf monitor [flags]

Runs hypergen as a long-running sidecar: a warm engine and template index,
re-indexing when templates change, scalability probes on synthetic trees
(bounded to a share of one CPU), budgets evaluated every interval, and an
admin API on a loopback address:

  /healthz  /readyz  /status (JSON budgets and health)  /metrics (Prometheus)
  /debug/pprof (only with --pprof)

and, only with --enable-generate and HYPERGEN_AGENT_TOKEN, the generation
API POST /v1/generate on its own address (--generate-listen: loopback or
unix:/path only, so it stays inside the pod even when --listen faces the pod
network for a scraper).

Telemetry goes where the OTEL_* variables say (see README); /metrics is
always served. With --relay PATH (or HYPERGEN_TELEMETRY_RELAY), CLI runs
started with the same HYPERGEN_TELEMETRY_RELAY hand the record of what
they did to the agent on that Unix socket instead of exporting their
spans themselves (a datagram instead of a connection per run: see
docs/metrics.md); the agent makes the spans and exports them with its own
traces, so it needs an OTLP traces endpoint.

Continuous profiling: --profiling or HYPERGEN_PROFILING=true
with PYROSCOPE_SERVER_ADDRESS (and PYROSCOPE_APPLICATION_NAME,
PYROSCOPE_BASIC_AUTH_USER/_PASSWORD, PYROSCOPE_TENANT_ID,
PYROSCOPE_PROFILE_TYPES, PYROSCOPE_UPLOAD_RATE).

SIGTERM, SIGINT or SIGHUP stops it cleanly: loops stop, the last profile and the
last metrics are flushed within --shutdown-timeout, exit status 0.`

func runPerfMonitor(env *cli.Env, args []string) int {
	fs := cli.NewFlagSet(env, "perf monitor", monitorUsage)
	interval := &legacyDuration{d: 30 * time.Second}
	fs.Var(interval, "interval", "how often to check templates and budgets (a plain number is read as milliseconds, deprecated)")
	listen := fs.String("listen", "127.0.0.1:9464", "admin HTTP address")
	templates := fs.String("templates", "", "templates root (default: the templates of .hygen.js, else $HYGEN_TMPLS, else ./_templates)")
	profiling := fs.Bool("profiling", false, "continuous profiling with Pyroscope (also HYPERGEN_PROFILING=true)")
	probeEvery := fs.Duration("probe-interval", 15*time.Minute, "time between scalability probes (0 disables them)")
	probeSizes := fs.String("probe-sizes", "10,100,1000", "probe tree sizes, in generators of 10 templates, each 1 to 10000")
	probeShare := fs.Float64("probe-cpu", 0.25, "share of one CPU a probe may use, (0,1]")
	pprofOn := fs.Bool("pprof", false, "serve Go's /debug/pprof on the admin address")
	enableGenerate := fs.Bool("enable-generate", false, "serve POST /v1/generate (needs HYPERGEN_AGENT_TOKEN)")
	generateListen := fs.String("generate-listen", "127.0.0.1:9465", "generation API address: loopback host:port or unix:/path")
	allowShell := fs.Bool("allow-shell", false, "let generation requests run commands: templates with sh: and hooks that call child_process")
	jsTimeout := fs.Duration("js-timeout", 0, "wall-clock limit for each template render, hook and .hygen.js of a generation (default 30s; also HYPERGEN_JS_TIMEOUT)")
	noFsync := fs.Bool("no-fsync", false, "generations (requests and probes) write without fsync: faster, still atomic, but a power loss may lose them (also HYPERGEN_FSYNC=0; default: every file and folder is fsynced)")
	shutdownTimeout := fs.Duration("shutdown-timeout", 10*time.Second, "deadline for the final flush on exit; generations still running are cancelled before it")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	relay := fs.String("relay", env.Getenv(oneshot.RelayVar), "receive the run records of CLI runs on this Unix datagram socket and export their spans (default $HYPERGEN_TELEMETRY_RELAY)")
	_ = fs.SetAnnotation("relay", cli.EmptyMeansOff, nil) // --relay "" relays nothing, whatever the variable says
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: "+format+" (see --help)\n", a...)
		return cli.ExitUsage
	}
	if n := interval.note("interval"); n != "" {
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: %s\n", n)
	}
	if interval.d < 100*time.Millisecond {
		return usage("--interval=%v: at least 100ms", interval.d)
	}
	if !(*probeShare > 0 && *probeShare <= 1) { // also NaN
		return usage("--probe-cpu=%v: want a share of one CPU above 0 and at most 1, such as 0.25", *probeShare)
	}
	if *shutdownTimeout <= 0 {
		return usage("--shutdown-timeout=%v: want a positive duration, such as 10s", *shutdownTimeout)
	}
	if agent.CheckListen(*listen) == nil && !agent.IsLoopback(*listen) { // a malformed one is refused below
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: warning: --listen %s is not a loopback address: the admin API (/status, /metrics, /debug/pprof with --pprof) is reachable from other machines\n", *listen)
	}
	if err := cli.CheckTemplatesFlag(env, *templates); err != nil {
		return usage("%v", err)
	}
	sizes, err := parseSizes(*probeSizes)
	if err != nil {
		return usage("--probe-sizes=%q: %v", *probeSizes, err)
	}
	if *probeEvery < 0 {
		return usage("--probe-interval=%v: want a positive duration, or 0 to disable probes", *probeEvery)
	}
	// Settings under which some budgets can never be judged: say so now,
	// not through a status that says "not measured" for ever.
	switch {
	case *probeEvery == 0:
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: warning: --probe-interval 0: time_growth_exponent, memory_growth_exponent and cache_hit_ratio (measured from the first probe round on) stay not measured\n")
	case len(sizes) < stats.MinJudgedSizes:
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: warning: --probe-sizes %s: the growth exponents are judged over three sizes or more, so they stay not measured\n", *probeSizes)
	}
	if t := env.Getenv("HYPERGEN_AGENT_TOKEN"); *enableGenerate && t != "" && len(t) < minTokenLength {
		// Not refused: on loopback only its own machine can guess it.
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: warning: HYPERGEN_AGENT_TOKEN is %d character(s) long; one of fewer than %d is quick to guess, and it lets a request write files (such as: openssl rand -hex 16)\n", len(t), minTokenLength)
	}
	if *jsTimeout < 0 || *jsTimeout == 0 && fs.Changed("js-timeout") {
		return usage("--js-timeout=%v: want a positive duration, such as 30s", *jsTimeout)
	}
	if v := env.Getenv("HYPERGEN_JS_TIMEOUT"); v != "" && *jsTimeout == 0 {
		if *jsTimeout, err = time.ParseDuration(v); err != nil || *jsTimeout <= 0 {
			return usage("HYPERGEN_JS_TIMEOUT=%q is not a positive duration", v)
		}
	}
	var handler slog.Handler
	switch *logFormat {
	case "text":
		handler = slog.NewTextHandler(env.Stderr, nil)
	case "json":
		handler = slog.NewJSONHandler(env.Stderr, &slog.HandlerOptions{ReplaceAttr: secondsForJSON})
	default:
		return usage("--log-format=%q: text or json", *logFormat)
	}
	log := slog.New(handler)
	prof, err := agent.ProfilingFromEnv(env.Getenv, *profiling)
	if err != nil {
		return usage("%v", err)
	}

	tcfg, err := monitorTelemetry(env.Getenv)
	if err != nil {
		return usage("%v", err)
	}
	tcfg.ServiceVersion = cli.Version()
	tcfg.Retry = true // a sidecar outlives a collector restart
	tcfg.ShutdownTimeout = *shutdownTimeout
	tcfg.TimeoutSetting = "--shutdown-timeout"
	tcfg.PrometheusListen = "" // served on the admin address instead
	if v := env.Getenv("HYPERGEN_PROMETHEUS_LISTEN"); v != "" {
		log.Warn("HYPERGEN_PROMETHEUS_LISTEN is ignored: the agent serves /metrics on its --listen address", "value", v, "listen", *listen)
	}
	tcfg.Forwarding = *relay != ""
	if !hasKind(tcfg.Metrics, exporters.Prometheus) {
		tcfg.Metrics = append(tcfg.Metrics, exporters.Prometheus)
	}
	// SIGHUP too: a sidecar whose terminal or session goes away gets it, and
	// Go's default for it is to exit at once, dropping generations in flight
	// and leaving the sockets, lock files and staged temporaries behind.
	ctx, stop := signal.NotifyContext(context.Background(), cli.StopSignals()...)
	defer stop()
	tel, err := instrument.Setup(ctx, tcfg, env.Stderr)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: telemetry: %v\n", err)
		return cli.ExitFail
	}
	token := env.Getenv("HYPERGEN_AGENT_TOKEN")
	mem := memlimit.Apply(env.Getenv, "/") // GOMEMLIMIT, else the container's limit
	a, err := agent.New(agent.Config{
		Listen: *listen, Interval: interval.d,
		Cwd: env.Cwd, Templates: *templates,
		ProbeInterval: probeInterval(*probeEvery), ProbeSizes: sizes, ProbeCPUShare: *probeShare,
		MemoryLimit: mem.Limit, Pprof: *pprofOn, Profiling: prof, Logger: log, Getenv: env.Getenv, Version: cli.Version(), NoFsync: *noFsync,
		Relay:    *relay,
		Generate: agent.GenerateConfig{Enabled: *enableGenerate, Listen: *generateListen, Token: token, Root: env.Cwd, AllowShell: *allowShell, JSTimeout: *jsTimeout},
	}, tel)
	// An agent that did not start has recorded nothing worth a final flush
	// (its counters at zero), and one to an unreachable Collector would
	// hold the exit for --shutdown-timeout after the error is printed, with
	// a second error about the flush: the telemetry is left unflushed.
	if err != nil {
		return usage("%v", err)
	}
	if err := a.Start(ctx); err != nil {
		fmt.Fprintf(env.Stderr, "hypergen perf monitor: %v\n", err)
		return cli.ExitFail
	}
	<-ctx.Done()
	log.Info("shutting down", "deadline", *shutdownTimeout)
	// A fresh context: the signal one is already cancelled.
	sctx, cancel := context.WithTimeout(context.Background(), *shutdownTimeout)
	defer cancel()
	errA := a.Shutdown(sctx)
	// The telemetry prints its own one line when its flush fails. When the
	// agent took the whole deadline, there is no time left to flush in, and
	// that line would blame the exporters for what the agent's error names.
	var errT error
	switch {
	case sctx.Err() == nil:
		errT = tel.Shutdown(sctx)
	case errA == nil:
		errA = fmt.Errorf("no time was left within %v to flush the telemetry", *shutdownTimeout)
	}
	if errA != nil {
		log.Error("shutdown incomplete", "err", errA)
	}
	if errA != nil || errT != nil {
		return cli.ExitFail
	}
	log.Info("stopped")
	return cli.ExitOK
}

// minTokenLength is the shortest generation token accepted without a
// warning: 16 characters, as a 64-bit random token in hex.
const minTokenLength = 16

func probeInterval(d time.Duration) time.Duration {
	if d == 0 {
		return -1 // agent: negative disables probes
	}
	return d
}

func hasKind(ks []exporters.Kind, k exporters.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive number of generators", part)
		}
		if slices.Contains(out, n) {
			return nil, fmt.Errorf("%d is there twice: each size is probed once a round", n)
		}
		out = append(out, n)
	}
	return out, nil
}

const statusUsage = `Usage: hypergen perf status [--json] [--agent URL]

Asks a running agent (hypergen perf monitor) for its status: every budget
with its latest value and whether it is met, the template index and the
probes. An agent named by --agent must answer (exit 1 otherwise; note that
HYPERGEN_AGENT_URL is the generation API's address, not the admin one).
Without --agent, and nothing answering at the default admin address,
it says so and measures in this process instead: indexes the templates, runs
small probes and a few generations, and judges the budgets on that. The
growth exponents (time_growth_exponent, memory_growth_exponent) need probes
of three sizes, which only a running agent collects: here they show "not
measured".`

func runPerfStatus(env *cli.Env, args []string) int {
	fs := cli.NewFlagSet(env, "perf status", statusUsage)
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	url := fs.String("agent", "", "agent admin URL (default http://127.0.0.1:9464)")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	setting := "--agent"
	explicit := fs.Changed("agent")
	if !explicit {
		*url = "http://127.0.0.1:9464"
	} else if err := checkAgentURL(*url); err != nil {
		fmt.Fprintf(env.Stderr, "hypergen perf status: %s=%q: %v\n", setting, *url, err)
		return cli.ExitUsage
	}
	st, source, err := fetchStatus(*url)
	switch {
	case err != nil && explicit:
		// An agent the user named must answer: measuring here instead
		// would report on a different machine without saying so.
		fmt.Fprintf(env.Stderr, "hypergen perf status: no agent status at %s (%s): %v\n", *url, setting, err)
		return cli.ExitFail
	case err != nil:
		fmt.Fprintf(env.Stderr, "hypergen perf status: no agent at the default %s; measuring in this process (pass --agent URL to ask a running agent)\n", *url)
		ctx, stop := signalContext()
		st, err = agent.MeasureOnce(ctx, agent.Config{Cwd: env.Cwd, Getenv: env.Getenv, Version: cli.Version(),
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		stop()
		source = "in-process measurement"
		if err != nil {
			fmt.Fprintf(env.Stderr, "hypergen perf status: %v\n", stopped(ctx, err))
			return cli.ExitFail
		}
	}
	if *asJSON {
		if code := cli.WriteJSON(env, map[string]any{"source": source, "status": st}); code != cli.ExitOK {
			return code
		}
	} else {
		printStatus(env.Stdout, source, st)
	}
	// A script reading the JSON is a gate as much as a person reading the
	// table: both exit 1 when a budget is missed.
	if !st.Healthy {
		return cli.ExitFail
	}
	return cli.ExitOK
}

// checkAgentURL accepts an http or https URL with a host.
func checkAgentURL(s string) error {
	want := errors.New("want the agent's admin URL, such as http://127.0.0.1:9464")
	u, err := neturl.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return want
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("port %s is not between 1 and 65535", p)
		}
	}
	return nil
}

func fetchStatus(url string) (agent.Status, string, error) {
	var st agent.Status
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(strings.TrimRight(url, "/") + "/status")
	if err != nil {
		return st, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Something answered: most likely not an agent's admin address
		// (its generation API's, say), which serves /status.
		return st, "", fmt.Errorf("it answered %s to GET /status, which an agent's admin address (perf monitor --listen) serves", resp.Status)
	}
	if err := json.NewDecoder(limitAnswer(resp.Body, maxStatusAnswer)).Decode(&st); err != nil {
		return st, "", fmt.Errorf("reading its answer: %w", err)
	}
	return st, "agent at " + url, nil
}

// Bounds on what is read of an agent's answers: whatever answers at the
// address (the default admin port is one any local user may take) could
// otherwise stream until memory runs out. A status is a few kilobytes; a
// generation's answer holds its output.
const (
	maxStatusAnswer   = 4 << 20
	maxGenerateAnswer = 64 << 20
)

// limitAnswer reads body, failing once it has given limit bytes and there
// are more. An answer that ends early ends as body does (EOF), so a
// truncated answer is not called a long one.
func limitAnswer(body io.Reader, limit int64) io.Reader {
	return &cappedAnswer{body: body, left: limit, limit: limit}
}

type cappedAnswer struct {
	body        io.Reader
	left, limit int64
}

func (c *cappedAnswer) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var probe [1]byte
		if n, err := c.body.Read(probe[:]); n == 0 {
			return 0, err
		}
		return 0, fmt.Errorf("the answer is longer than %d bytes", c.limit)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.body.Read(p)
	c.left -= int64(n)
	return n, err
}

// printable shows the control characters of a string an agent sent as
// escapes, so that they cannot drive the terminal (clear it, rewrite a
// line, make a link).
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func printStatus(w io.Writer, source string, st agent.Status) {
	health := "HEALTHY"
	if !st.Healthy {
		health = "UNHEALTHY"
	}
	if !st.Ready {
		health += ", NOT READY" // as /readyz says: it cannot generate yet
	}
	fmt.Fprintf(w, "%s (%s)\n", health, source)
	switch {
	case st.Index.Templates == "":
		// No folder at all (an agent that only relays): nothing failed.
		fmt.Fprint(w, "Templates: none found")
		if st.Index.Error != "" {
			fmt.Fprintf(w, " (%s)", printable(st.Index.Error))
		}
		fmt.Fprintln(w)
	default:
		fmt.Fprintf(w, "Templates: %s — %d generators, %d actions, %d template files\n",
			printable(st.Index.Templates), st.Index.Generators, st.Index.Actions, st.Index.Files)
		if st.Index.Error != "" {
			fmt.Fprintf(w, "Indexing failed: %s\n", printable(st.Index.Error))
		}
	}
	if st.Stuck != "" {
		fmt.Fprintf(w, "Stuck: a generation's JavaScript %s\n", printable(st.Stuck))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "BUDGET\tVALUE\tLIMIT\tMET\tWHY")
	for _, t := range st.Targets {
		op := "≤"
		if t.Direction == "at_least" {
			op = "≥"
		}
		val, met := "—", "not measured"
		if t.Value != nil {
			val = formatValue(*t.Value, t.Unit)
			met = "no"
			if t.Met != nil && *t.Met {
				met = "yes"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%s\n", printable(t.Name), val, op, formatValue(t.Limit, t.Unit), met, printable(t.Reason))
	}
	tw.Flush()
}

func formatValue(v float64, unit string) string {
	switch unit {
	case "s":
		return (time.Duration(v * float64(time.Second))).Round(time.Microsecond).String()
	case "ratio":
		return fmt.Sprintf("%.2f%%", v*100)
	}
	return fmt.Sprintf("%.3f", v)
}

// agentMetricInterval is how often the agent pushes its metrics unless
// OTEL_METRIC_EXPORT_INTERVAL says otherwise: four times as often as the
// SDK's 60 s, since the dashboards take rates over $__rate_interval (60 s
// at the shipped 15 s scrape). With one push per window, one point in four
// read 0 and the others 1.33 times the rate.
const agentMetricInterval = 15 * time.Second

// monitorTelemetry is the agent's telemetry configuration from the
// environment.
func monitorTelemetry(getenv func(string) string) (instrument.Config, error) {
	cfg, err := instrument.FromEnv(getenv)
	if err == nil && cfg.MetricInterval == 0 {
		cfg.MetricInterval = agentMetricInterval
	}
	return cfg, err
}
