package agent

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/memgov"
	"github.com/hypergen-dev/hypergen/internal/spanrelay"
)

// Agent is the long-running monitor. Create it with New, then Start it and
// Shutdown it.
type Agent struct {
	cfg Config
	tel *instrument.Telemetry
	obs *measuring

	runs, resolution window

	project  *generator.Engine // serves the generation API
	gov      *memgov.Governor
	ceiling  *ceiling      // stops running generations over the memory limit
	overlaps overlaps      // which generations ran alongside others
	stuck    abandonedRuns // generations answered as stuck and still running
	// shutdownGrace replaces stuckGrace for the generations a shutdown
	// cancels: a twentieth of its deadline, so their clients get the 503
	// (at 85 % of it) before the servers stop waiting (at 90 %); with 5 s
	// they never did.
	shutdownGrace atomic.Int64

	mu          sync.Mutex
	index       IndexStatus
	fingerprint string
	// hadTemplates: a templates folder was indexed once. Losing it then
	// makes the agent unhealthy; never having one (an agent that only
	// relays CLI runs) does not.
	hadTemplates bool
	watched      []string // what the last walk stat'ed (see restat)
	watchedRoot  string   // the templates root it walked
	probeEngs    map[int]*generator.Engine
	trees        map[int]*corpus.Tree
	probes       []ProbeResult
	points       map[int][]ProbeResult // recent probes by size, for the fits
	fits         map[string]*Fit
	trend        []trendPoint // generation p95 at each interval, for the page
	cacheBase    [2]int64     // cache hits and misses when the first probe round ended
	cacheWarm    bool

	ready atomic.Bool
	down  atomic.Bool // once Shutdown has begun: neither ready nor healthy again
	// jsStuckN counts the generations whose JavaScript outlived being
	// stopped by its limits (generator.Config.JSStuck) and still runs, and
	// jsStuckErr is the latest one's error: while any runs on, and may
	// allocate, the agent reports itself unhealthy.
	jsStuckN   atomic.Int64
	jsStuckErr atomic.Pointer[error]
	started    time.Time
	ln         net.Listener
	server     *server
	genLn      net.Listener // the generation API's own listener, if enabled
	genSrv     *server
	// cancelGenerations cancels the generations in flight (their
	// JavaScript is interrupted) when shutdown runs short of time.
	cancelGenerations context.CancelCauseFunc
	cancel            context.CancelFunc
	loops             sync.WaitGroup
	profiler          *profiler
	probeDir          string
	probeLock         *os.File // held while the agent runs (makeProbeDir)
	ownDir            bool
	relay             *spanrelay.Receiver

	// configRoot is the templates root the project's .hygen.js gives.
	configRoot atomic.Pointer[string]
	// life is held by Start for its whole length and by Shutdown before it
	// begins, so that a Shutdown overlapping a Start stops what it started.
	life chan struct{}
	// stopWhenStarted is set by a Shutdown that gave up waiting for Start.
	stopWhenStarted atomic.Bool
	// phase is the lifecycle, under life: an Agent starts once and, once
	// shut down, never again (a second Start orphaned the first one's
	// listener and loops, and Shutdown then waited for them forever).
	phase        int32
	startErr     error // a Start that failed
	shutdownOnce sync.Once
	shutdownErr  error
}

// The phases of an Agent.
const (
	phaseNew int32 = iota
	phaseStarted
	phaseFailed
	phaseShutDown
)

// New checks cfg and builds an Agent reporting to tel.
func New(cfg Config, tel *instrument.Telemetry) (*Agent, error) {
	if tel == nil {
		return nil, errors.New("agent.New: no Telemetry (instrument.Disabled is telemetry off)")
	}
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Getenv == nil {
		cfg.Getenv = os.Getenv
	}
	if !cfg.NoFsync { // decided once, for the API's engine and the probes'
		on, err := generator.FsyncFromEnv(cfg.Getenv)
		if err != nil {
			return nil, err
		}
		cfg.NoFsync = !on
	}
	a := &Agent{cfg: cfg, tel: tel, life: make(chan struct{}, 1), probeEngs: map[int]*generator.Engine{}, trees: map[int]*corpus.Tree{},
		points: map[int][]ProbeResult{},
		fits:   map[string]*Fit{}}
	a.obs = &measuring{next: tel.Observer(), runs: &a.runs, resol: &a.resolution,
		ops: &opWindows{m: map[string]*window{}}}
	a.project = generator.New(generator.Config{
		Cwd: cfg.Generate.Root, Templates: cfg.Templates, Getenv: cfg.Getenv,
		Observer: a.obs, DenyShell: !cfg.Generate.AllowShell, ConfineTemplates: true, JSTimeout: cfg.Generate.JSTimeout,
		Fsync: !cfg.NoFsync, NoFsync: cfg.NoFsync, JSStuck: a.jsStuck,
	})
	a.gov = &memgov.Governor{Limit: cfg.MemoryLimit, Threshold: 0.8}
	a.ceiling = &ceiling{limit: cfg.MemoryLimit, live: memgov.LiveHeap}
	a.gov.Register(a.project.TemplateCache().Shrink)
	tel.ObserveCache(a.cacheTotals)
	tel.ObserveIndex(func() (int64, int64) {
		a.mu.Lock()
		defer a.mu.Unlock()
		return int64(a.index.Generators), int64(a.index.Files)
	})
	return a, nil
}

func (a *Agent) engines() []*generator.Engine {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := []*generator.Engine{a.project}
	for _, e := range a.probeEngs {
		out = append(out, e)
	}
	return out
}

// Start opens the admin address, indexes the templates and starts the
// monitor and probe loops (and the profiler, if configured). It returns once
// the admin API is serving. ctx bounds the start alone: an already ended ctx
// starts nothing, and what Start starts runs until Shutdown. An Agent starts
// once: Start again, or after Shutdown, is an error.
func (a *Agent) Start(ctx context.Context) (err error) {
	a.life <- struct{}{}
	defer func() { <-a.life }()
	switch a.phase {
	case phaseStarted:
		return errors.New("agent: already started")
	case phaseFailed:
		return fmt.Errorf("agent: an earlier Start failed (%v); make a new Agent with New", a.startErr)
	case phaseShutDown:
		return errors.New("agent: Start after Shutdown; make a new Agent with New")
	}
	if err := ctx.Err(); err != nil {
		// Nothing is open yet, so the Agent may still be started.
		return fmt.Errorf("agent: not started: %w", err)
	}
	defer func() {
		a.phase, a.startErr = phaseStarted, err
		if err != nil {
			a.phase = phaseFailed
		}
		if a.stopWhenStarted.Load() {
			// A Shutdown gave up waiting for this Start: stop what it
			// started, as that Shutdown would have.
			a.phase = phaseShutDown
			stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			_ = a.shutdown(stopCtx)
		}
	}()
	return a.start(ctx)
}

func (a *Agent) start(ctx context.Context) error {
	a.tel.AgentStarted(ctx)
	ln, err := net.Listen("tcp", a.cfg.Listen)
	if err != nil {
		if p := a.tel.Prometheus; p != nil && p.Addr() == a.cfg.Listen {
			// Both default to 127.0.0.1:9464.
			return fmt.Errorf("admin address: the telemetry's Prometheus endpoint already listens on %s: set instrument.Config.PrometheusListen to \"\" and the agent serves /metrics on its own address", p.Addr())
		}
		return fmt.Errorf("admin address: %w", err)
	}
	a.ln = ln
	if a.cfg.Relay != "" {
		if err := a.startRelay(ctx); err != nil {
			ln.Close()
			return err
		}
	}
	// undo closes what Start opened so far, on a later failure.
	undo := func(err error) error {
		ln.Close()
		_ = a.release(context.WithoutCancel(ctx))
		return err
	}
	if a.cfg.ProbeDir == "" {
		if a.probeDir, a.probeLock, err = makeProbeDir(); err != nil {
			return undo(fmt.Errorf("probe folder: %w", err))
		}
		a.ownDir = true
	} else {
		a.probeDir = a.cfg.ProbeDir
	}
	if a.cfg.Profiling.Enabled {
		if a.profiler, err = startProfiler(a.cfg.Profiling, a.cfg.Version, a.tel, a.cfg.Logger); err != nil {
			return undo(err)
		}
	}
	if a.cfg.Generate.Enabled {
		if a.genLn, err = listenGenerate(a.cfg.Generate.Listen); err != nil {
			return undo(err)
		}
		mux := http.NewServeMux()
		mux.HandleFunc("POST /v1/generate", a.handleGenerate)
		var genCtx context.Context
		genCtx, a.cancelGenerations = context.WithCancelCause(context.WithoutCancel(ctx))
		generation := func(r *http.Request) bool { return r.Method == http.MethodPost && r.URL.Path == "/v1/generate" }
		a.genSrv = a.serve(a.genLn, mux, generation, a.cfg.MaxConnections, "generation API", genCtx)
	}
	symbols := func(r *http.Request) bool {
		return a.cfg.Pprof && r.Method == http.MethodPost && r.URL.Path == "/debug/pprof/symbol"
	}
	// Up from here: nothing after this fails, and a Start that failed
	// before it left the gauge unset, not saying up.
	a.mu.Lock()
	a.started = time.Now()
	a.mu.Unlock()
	a.tel.AgentUp(true)
	a.server = a.serve(ln, a.routes(), symbols, a.cfg.MaxConnections, "admin", context.WithoutCancel(ctx))

	loopCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	a.cancel = cancel
	a.reindex(loopCtx)
	a.ready.Store(true)
	var probes any = "off"
	if a.cfg.ProbeInterval > 0 {
		probes = a.cfg.ProbeInterval
	}
	a.cfg.Logger.Info("agent started", "listen", a.Addr(), "templates", a.index.Templates,
		"generators", a.index.Generators, "interval", a.cfg.Interval, "probe_interval", probes)

	a.loops.Add(1)
	go func() {
		defer a.loops.Done()
		a.every(loopCtx, a.cfg.Interval, func() {
			a.reindex(loopCtx)
			a.evaluate()
			a.recordTrend()
		})
	}()
	if a.ownDir {
		a.loops.Add(1)
		go func() {
			defer a.loops.Done()
			if err := reclaimProbeDirs(loopCtx, a.probeDir); err != nil {
				a.cfg.Logger.Warn("the probe folders of agents no longer running were not all removed", "error", err)
			}
		}()
	}
	if a.cfg.ProbeInterval > 0 {
		a.loops.Add(1)
		go func() {
			defer a.loops.Done()
			a.probeAll(loopCtx) // a first picture at start, then on schedule
			a.every(loopCtx, a.cfg.ProbeInterval, func() { a.probeAll(loopCtx) })
		}()
	}
	return nil
}

// every calls f every d until ctx ends.
func (a *Agent) every(ctx context.Context, d time.Duration, f func()) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f()
		}
	}
}

// Addr is the admin address the agent listens on.
func (a *Agent) Addr() string {
	if a.ln == nil {
		return ""
	}
	return a.ln.Addr().String()
}

// GenerateAddr is the generation API's address ("" when it is off): host:port,
// or the socket path.
func (a *Agent) GenerateAddr() string {
	if a.genLn == nil {
		return ""
	}
	return a.genLn.Addr().String()
}

// Shutdown stops the loops, the admin server and the profiler (flushing its
// last profile) within ctx's deadline. The caller then shuts telemetry down,
// so the final metrics include everything the agent did. Calling it again
// returns the first call's result.
func (a *Agent) Shutdown(ctx context.Context) error {
	select {
	case a.life <- struct{}{}:
	case <-ctx.Done():
		// The Start in progress stops what it started when it ends (it
		// checks under life); if it ended just now, life is free.
		a.stopWhenStarted.Store(true)
		select {
		case a.life <- struct{}{}:
		default:
			a.shutdownOnce.Do(func() {
				a.shutdownErr = fmt.Errorf("waiting for Start to finish (it stops the agent when it does): %w", context.Cause(ctx))
			})
			return a.shutdownErr
		}
	}
	a.phase = phaseShutDown
	<-a.life
	a.shutdownOnce.Do(func() { a.shutdownErr = a.shutdown(ctx) })
	return a.shutdownErr
}

func (a *Agent) shutdown(ctx context.Context) error {
	a.down.Store(true)
	a.ready.Store(false)
	a.tel.AgentUp(false) // in the last export, which the caller's telemetry Shutdown makes
	if a.cancel != nil {
		a.cancel()
	}
	soft := shareOf(ctx, 4, 5)
	a.shutdownGrace.Store(int64(stuckGrace))
	if d, ok := ctx.Deadline(); ok {
		a.shutdownGrace.Store(int64(time.Until(d) / 20))
	}
	if a.cancelGenerations != nil {
		stop := context.AfterFunc(soft, func() { a.cancelGenerations(ErrShuttingDown) })
		defer stop()
	}
	done := make(chan struct{})
	go func() { a.loops.Wait(); close(done) }()
	var errs []error
	select {
	case <-done:
	case <-soft.Done():
		errs = append(errs, fmt.Errorf("waiting for the monitor and probe loops to stop: %w", soft.Err()))
	}
	// The servers wait for their requests until nine tenths of the
	// deadline at most, leaving the rest to the caller's telemetry flush,
	// which got none when a stuck generation's request held them to the
	// end (and the flush was then blamed).
	servers := shareOf(ctx, 9, 10)
	for _, s := range []*server{a.server, a.genSrv} {
		if s == nil {
			continue
		}
		if err := s.stop(servers); err != nil {
			errs = append(errs, err)
		}
	}
	errs = append(errs, a.release(ctx))
	return errors.Join(errs...)
}

// release stops what Start started besides its listeners: the relay, the
// profiler and the probe folder it made. It forgets each, so that Shutdown
// after a failed Start, which released them already, does not again.
func (a *Agent) release(ctx context.Context) error {
	var errs []error
	if a.relay != nil {
		// Before the caller's telemetry flush, which then exports what
		// the relay drained.
		errs = append(errs, a.relay.Shutdown(ctx))
		a.relay = nil
	}
	if a.profiler != nil {
		errs = append(errs, a.profiler.stop())
		a.profiler = nil
	}
	if a.ownDir {
		errs = append(errs, removeWithin(ctx, a.probeDir))
		a.ownDir = false
		if a.probeLock != nil {
			// Released even when the removal ran out of time: the next
			// agent then removes what is left.
			a.probeLock.Close()
			a.probeLock = nil
		}
	}
	return errors.Join(errs...)
}

// probeDirPattern names the probes' scratch folders, in the system's
// temporary folder (os.MkdirTemp's pattern).
const probeDirPattern = "hypergen-probes-"

// removeAll is os.RemoveAll; a variable for tests.
var removeAll = os.RemoveAll

// removeWithin removes dir, or as much of it as ctx's deadline allows: the
// folder of a probe stopped in the middle of a 10,000-generator tree took
// seconds to remove, and held the agent past its --shutdown-timeout.
func removeWithin(ctx context.Context, dir string) error {
	done := make(chan error, 1)
	remove := removeAll // read here: the goroutine may outlive the call
	go func() { done <- remove(dir) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		// select picks at random among the ready: a removal that finished
		// as the deadline passed is not one cut short.
		select {
		case err := <-done:
			return err
		default:
		}
		return fmt.Errorf("removing the probes' scratch folder %s did not finish within the deadline; what is left of it stays: %w", dir, context.Cause(ctx))
	}
}

// ErrShuttingDown is the cause of a generation cancelled because the agent
// stopped before it finished.
var ErrShuttingDown = errors.New("cancelled: the agent is shutting down")

// shareOf is ctx ending at num/den of what is left of its deadline. A
// shutdown gives generations in flight and the probe four fifths, the
// servers nine tenths: the rest is for the clients' error answers and the
// final telemetry flush, so the process still exits within the deadline (a
// template stuck in a loop would otherwise hold it until its own time
// limit, and a slow probe would leave the flush no time at all).
func shareOf(ctx context.Context, num, den time.Duration) context.Context {
	d, ok := ctx.Deadline()
	if !ok {
		return ctx
	}
	soft, cancel := context.WithDeadline(ctx, time.Now().Add(time.Until(d)*num/den))
	context.AfterFunc(ctx, cancel) // released with ctx
	return soft
}

// jsStuck records a generation whose JavaScript cannot be stopped. Nothing
// in the process can end it: /healthz and /readyz fail until it ends by
// itself, so a supervisor's liveness probe restarts the agent (deploy/k8s
// does) if it does not.
func (a *Agent) jsStuck(err error) (ended func()) {
	a.jsStuckErr.Store(&err)
	a.jsStuckN.Add(1)
	a.cfg.Logger.Error("a generation's JavaScript cannot be stopped; the agent reports itself unhealthy while it runs", "err", err)
	return func() {
		a.jsStuckN.Add(-1)
		a.cfg.Logger.Info("a generation whose JavaScript could not be stopped has ended")
	}
}

// stuckError is the latest error jsStuck recorded while a stuck generation
// still runs, or nil.
func (a *Agent) stuckError() error {
	if a.jsStuckN.Load() > 0 {
		if p := a.jsStuckErr.Load(); p != nil {
			return *p
		}
	}
	if n := a.stuck.olderThan(abandonedLimit); n > 0 {
		return fmt.Errorf("%d generation(s) still run more than %v after their requests were answered as stuck; "+
			"nothing in the process can stop them (Go code that does not look at its cancellation, or JavaScript "+
			"inside a built-in), and they keep processors busy", n, abandonedLimit)
	}
	return nil
}
