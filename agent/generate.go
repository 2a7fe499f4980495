package agent

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/perf/memgov"
)

// GenerateRequest is the body of POST /v1/generate: either Args, a hygen
// command line as the CLI takes it, or the fields.
type GenerateRequest struct {
	Args       Words          `json:"args,omitempty"`
	Generator  string         `json:"generator,omitempty"`
	Action     string         `json:"action,omitempty"`
	Name       string         `json:"name,omitempty"`
	Parameters map[string]any `json:"parameters,omitempty"`
	DryRun     bool           `json:"dry_run,omitempty"`
}

// Words is a command line, word by word.
type Words []string

// UnmarshalJSON reads a list of strings, refusing a null word: Go's decoder
// would make it an empty one, and the request would fail far from its cause.
func (w *Words) UnmarshalJSON(b []byte) error {
	var words []*string
	if err := json.Unmarshal(b, &words); err != nil {
		return err
	}
	if words == nil {
		*w = nil
		return nil
	}
	out := make(Words, len(words))
	for i, word := range words {
		if word == nil {
			return fmt.Errorf("args[%d] is null; every word of args must be a string", i)
		}
		out[i] = *word
	}
	*w = out
	return nil
}

// GenerateResponse is what a generation did.
type GenerateResponse struct {
	OK       bool                 `json:"ok"`
	Error    string               `json:"error,omitempty"`
	Ops      []generator.OpResult `json:"ops,omitempty"`
	Messages []string             `json:"messages,omitempty"`
	Output   string               `json:"output,omitempty"` // the lines the CLI would print
}

const (
	maxRequestBytes = 1 << 20
	// bodyReadTimeout bounds reading an authorised request's body, so a
	// slow client cannot hold a generation slot.
	bodyReadTimeout = 10 * time.Second
)

// refuseShare is the share of the memory limit above which generations
// are refused: the Go runtime collects harder near the limit, and a new
// generation's allocations would push it over.
const refuseShare = 0.95

// overMemory shrinks the caches when the live heap nears the limit and
// reports whether it is still above the refusal share.
func (a *Agent) overMemory() (int64, bool) {
	if a.cfg.MemoryLimit <= 0 {
		return 0, false
	}
	a.gov.Check()
	live := memgov.LiveHeap()
	return live, float64(live) > refuseShare*float64(a.cfg.MemoryLimit)
}

// bearer reports whether an Authorization header carries token with the
// Bearer scheme, whose name is case-insensitive (RFC 9110, 11.1).
func bearer(header, token string) bool {
	scheme, cred, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimLeft(cred, " ")), []byte(token)) == 1
}

// DecodeGenerateRequest reads one JSON request: unknown fields, a key
// spelled in another case than the field's, a key given twice (at any
// depth), a second value or anything but white space after the first are
// refused.
func DecodeGenerateRequest(body io.Reader) (GenerateRequest, error) {
	var req GenerateRequest
	// What the decoder read is kept for the check of its keys, which Go's
	// decoder does not make: it matches them whatever their case, and the
	// last of two equal keys wins.
	var seen bytes.Buffer
	dec := json.NewDecoder(io.TeeReader(body, &seen))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// The decoder's own words name Go types.
			if te.Field == "" {
				return req, fmt.Errorf(`bad request body: want a JSON object such as {"args": ["GENERATOR", "ACTION"]}, got %s`, te.Value)
			}
			return req, fmt.Errorf("bad request body: %s must not be %s", te.Field, te.Value)
		}
		return req, fmt.Errorf("bad request body: %w", err)
	}
	var syntax *json.SyntaxError
	switch _, err := dec.Token(); {
	case errors.Is(err, io.EOF):
		if err := checkKeys(seen.Bytes()); err != nil {
			return GenerateRequest{}, fmt.Errorf("bad request body: %w", err)
		}
		return req, nil
	case err == nil || errors.As(err, &syntax):
		return req, errors.New("bad request body: data after the JSON object")
	default:
		// The body ended early or too late: a Content-Length longer than
		// what was sent runs into the read deadline here.
		return req, fmt.Errorf("bad request body: reading past the JSON object: %w", err)
	}
}

// requestFields are GenerateRequest's JSON keys, spelled as they must be.
var requestFields = func() map[string]bool {
	fields := map[string]bool{}
	t := reflect.TypeFor[GenerateRequest]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		fields[name] = true
	}
	return fields
}()

// checkKeys walks the tokens of the first JSON value in body, which the
// decoder has already read as a GenerateRequest, and refuses a top-level
// key that is not a field's exact name and a key any object holds twice.
func checkKeys(body []byte) error {
	type value struct {
		object  bool
		path    string // as a message names it: parameters.a, args[]
		keys    map[string]bool
		wantKey bool
		last    string // the path of the key just read
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var stack []*value // the objects and arrays open
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // the decoder read it whole: this does not happen
		}
		var top *value
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			path := ""
			if top != nil && top.object {
				path = top.last
			} else if top != nil {
				path = top.path + "[]"
			}
			stack = append(stack, &value{object: tok == json.Delim('{'), path: path, keys: map[string]bool{}, wantKey: true})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			if top != nil && top.object && top.wantKey {
				k := tok.(string)
				name := k
				if top.path != "" {
					name = top.path + "." + k
				}
				if top.keys[k] {
					return fmt.Errorf("key %q is given twice", name)
				}
				if len(stack) == 1 && !requestFields[k] {
					return fmt.Errorf("unknown field %q", k)
				}
				top.keys[k], top.wantKey, top.last = true, false, name
				continue
			}
		}
		// A value ended: the object holding it wants its next key.
		if len(stack) == 0 {
			return nil
		}
		stack[len(stack)-1].wantKey = true
	}
}

func (a *Agent) handleGenerate(w http.ResponseWriter, r *http.Request) {
	refuse := func(code int, msg string) {
		a.tel.AgentRequest(r.Context(), "refused")
		writeJSON(w, code, GenerateResponse{Error: msg})
	}
	if !bearer(r.Header.Get("Authorization"), a.cfg.Generate.Token) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="hypergen"`)
		// The body is not wanted: close the connection, and end reads now so
		// the server does not drain a slow body first.
		w.Header().Set("Connection", "close")
		_ = http.NewResponseController(w).SetReadDeadline(time.Now())
		refuse(http.StatusUnauthorized, "missing or wrong bearer token")
		return
	}
	tooLarge := func() {
		w.Header().Set("Connection", "close") // the rest of the body is not read
		refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than %d bytes", maxRequestBytes))
	}
	if r.ContentLength > maxRequestBytes {
		tooLarge() // said before any of it is read
		return
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyReadTimeout))
	req, err := DecodeGenerateRequest(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		tooLarge()
		return
	}
	if err != nil {
		refuse(http.StatusBadRequest, err.Error())
		return
	}
	if live, over := a.overMemory(); over {
		w.Header().Set("Retry-After", "5")
		refuse(http.StatusServiceUnavailable, fmt.Sprintf("the agent is at its memory ceiling (%d of %d bytes live); try again shortly", live, a.cfg.MemoryLimit))
		return
	}
	args, err := req.commandLine()
	if err != nil {
		refuse(http.StatusBadRequest, err.Error())
		return
	}
	if n := a.stuck.count(); n >= maxStuck() {
		w.Header().Set("Retry-After", "60")
		refuse(http.StatusServiceUnavailable, fmt.Sprintf("%d generations are stuck, still running after they were cancelled, "+
			"and keep the processors busy; no more are taken until they end (restarting the agent ends them)", n))
		return
	}
	// The answer must go out before the server's write deadline, or the
	// client gets nothing at all: a generation waiting for a lock another
	// run holds (one stopped at an overwrite question) would wait as long.
	ctx, cancel := context.WithTimeout(r.Context(), generateTimeout)
	defer cancel()
	ctx, done := a.ceiling.watch(ctx)
	defer done()
	// The request's span, parent of the run's tree: a root span, which
	// continuous profiling links to its profile.
	ctx, span := a.tel.Tracer().Start(ctx, "hypergen.agent.generate", trace.WithSpanKind(trace.SpanKindServer))
	var out bytes.Buffer
	end := a.overlaps.begin()
	res, err := a.runGeneration(ctx, args, &out)
	if shared := end(); shared && errors.As(err, new(*jsrt.MemoryError)) {
		err = &sharedHeapError{err}
	}
	if err != nil {
		span.SetStatus(codes.Error, "the generation failed")
	}
	span.End()
	if errors.Is(err, errStuck) {
		a.tel.AgentRequest(r.Context(), "error")
		a.cfg.Logger.Warn("a generation did not stop when it was cancelled; it keeps running", "args", logged(args))
		w.Header().Set("Retry-After", "5")
		writeJSON(w, http.StatusServiceUnavailable, GenerateResponse{Error: err.Error()})
		return
	}
	if err != nil && !errors.Is(err, ErrMemoryCeiling) && errors.Is(context.Cause(ctx), ErrMemoryCeiling) {
		// The engine saw the cancel as a plain context.Canceled, in Go
		// code between templates: the client is told why, and to retry.
		err = ErrMemoryCeiling
	}
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) && r.Context().Err() == nil {
		err = fmt.Errorf("%w (%v): %w", errTimedOut, generateTimeout, err)
	}
	resp := GenerateResponse{OK: err == nil, Output: out.String()}
	if res != nil {
		resp.Ops, resp.Messages = res.Ops, res.Messages
	}
	if err != nil {
		resp.Error = err.Error()
		a.tel.AgentRequest(r.Context(), "error")
		code := http.StatusUnprocessableEntity
		var ue *generator.UsageError
		var nf *generator.NotFoundError
		switch {
		case errors.As(err, &ue):
			code = http.StatusBadRequest
		case errors.As(err, &nf):
			code = http.StatusNotFound
		case errors.Is(err, ErrShuttingDown), errors.Is(err, errTimedOut), errors.Is(err, ErrMemoryCeiling), errors.As(err, new(*sharedHeapError)):
			// The agent, not the request, is at fault (going away, busy,
			// short of memory): the same request may succeed later, or
			// on a restarted agent or another replica.
			w.Header().Set("Retry-After", "5")
			code = http.StatusServiceUnavailable
		case errors.Is(err, jsrt.ErrInternal):
			code = http.StatusInternalServerError
		}
		writeJSON(w, code, resp)
		return
	}
	a.tel.AgentRequest(r.Context(), "ok")
	writeJSON(w, http.StatusOK, resp)
}

// sharedHeapError is a generation stopped by the JavaScript memory limit
// while others ran: the heap it measures is the process's, so the others
// may have grown it, and the request is not known to be at fault.
type sharedHeapError struct{ err error }

func (e *sharedHeapError) Error() string {
	return "the agent's heap is shared by the generations running at once, and others ran alongside this one, " +
		"so it may not have been this one's doing; try again: " + e.err.Error()
}

func (e *sharedHeapError) Unwrap() error { return e.err }

// stuckGrace is how long a cancelled generation may take to stop before
// its request is answered without it; a variable for tests.
var stuckGrace = 5 * time.Second

// errStuck is a generation that did not stop when its context ended.
var errStuck = errors.New("the generation did not stop when it was cancelled (JavaScript inside a built-in " +
	"such as JSON.stringify cannot be interrupted, and a machine short of CPU or memory may not get to it in time); " +
	"it keeps running in the agent")

// maxLoggedArgs bounds a request's command line in a log line: a request
// may carry a megabyte of it, and a hundred stuck ones made a 57 MB log.
const maxLoggedArgs = 512

// logged is args as a log line shows them, cut to maxLoggedArgs bytes.
func logged(args []string) string {
	s := strings.Join(args, " ")
	if len(s) <= maxLoggedArgs {
		return s
	}
	cut := maxLoggedArgs
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:cut], len(s))
}

// runGeneration runs one generation, writing its output to out, and waits
// for it until stuckGrace after ctx ends: JavaScript running inside one of
// goja's built-ins never sees an interrupt, and no goroutine can be stopped
// from outside, but the request gets its answer. out belongs to the
// generation until it returns, so it is not read after errStuck.
func (a *Agent) runGeneration(ctx context.Context, args []string, out *bytes.Buffer) (*generator.Result, error) {
	type outcome struct {
		res *generator.Result
		err error
	}
	const running, finished, abandoned = 0, 1, 2
	var state atomic.Int32
	ch := make(chan outcome, 1)
	token := new(byte) // this generation among the stuck ones
	// JavaScript that runs on past its time or memory limit is given up
	// on there (the engine tells WithStuck's hook once its own grace has
	// passed): waiting for the request's bound kept the client 100 s and
	// let such generations pile up uncounted in the meantime.
	run, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	var jsStuck atomic.Pointer[error]
	run = generator.WithStuck(run, func(err error) {
		jsStuck.Store(&err)
		stop(err)
	})
	go func() {
		res, err := a.project.Run(generator.WithOutput(run, out, out), args)
		ch <- outcome{res, err}
		if !state.CompareAndSwap(running, finished) {
			a.stuck.remove(token) // added before it was abandoned
		}
	}()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-run.Done():
	}
	grace := stuckGrace
	switch {
	case jsStuck.Load() != nil:
		grace = 0 // the engine waited already
	case errors.Is(context.Cause(run), ErrShuttingDown):
		grace = time.Duration(a.shutdownGrace.Load())
	}
	select {
	case o := <-ch:
		return o.res, o.err
	case <-time.After(grace):
		a.stuck.add(token)
		if !state.CompareAndSwap(running, abandoned) {
			a.stuck.remove(token)
			o := <-ch // it ended just now
			return o.res, o.err
		}
		if p := jsStuck.Load(); p != nil {
			return nil, fmt.Errorf("%w: %v", errStuck, *p)
		}
		return nil, errStuck
	}
}

// abandonedLimit is how long a generation may run on after its request was
// answered as stuck before the agent reports itself unhealthy, so that a
// supervisor restarts it (deploy/k8s's liveness probe does). A variable
// for tests.
var abandonedLimit = time.Minute

// abandonedRuns are the generations answered as stuck that still run, with
// when each was given up on.
type abandonedRuns struct {
	mu    sync.Mutex
	since map[*byte]time.Time
}

func (r *abandonedRuns) add(token *byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.since == nil {
		r.since = map[*byte]time.Time{}
	}
	r.since[token] = time.Now()
}

func (r *abandonedRuns) remove(token *byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.since, token)
}

func (r *abandonedRuns) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.since)
}

// olderThan counts those given up on more than d ago.
func (r *abandonedRuns) olderThan(d time.Duration) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, t := range r.since {
		if time.Since(t) > d {
			n++
		}
	}
	return n
}

// maxStuck is how many stuck generations the agent lets run before it
// takes no more: each keeps a processor busy. A variable for tests.
var maxStuck = func() int { return runtime.GOMAXPROCS(0) }

// commandLine turns a request into hygen arguments, refusing generator and
// action names that would leave the templates root.
func (req GenerateRequest) commandLine() ([]string, error) {
	args := req.Args
	if len(args) > 0 && (req.Generator != "" || req.Action != "" || req.Name != "" || len(req.Parameters) > 0) {
		return nil, errors.New("give args, or generator and action, not both")
	}
	if len(args) == 0 {
		if req.Generator == "" || req.Action == "" {
			return nil, errors.New("give args, or generator and action")
		}
		for _, f := range []string{req.Generator, req.Action, req.Name} {
			if strings.HasPrefix(f, "-") {
				return nil, fmt.Errorf("%q: generator, action and name cannot start with '-'", f)
			}
		}
		args = []string{req.Generator, req.Action}
		if req.Name != "" {
			args = append(args, req.Name)
		}
		keys := make([]string, 0, len(req.Parameters))
		for k := range req.Parameters {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			flags, err := flagsFor(k, req.Parameters[k])
			if err != nil {
				return nil, err
			}
			args = append(args, flags...)
		}
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if f := argv.OwnFlag(a); f != "" {
			return nil, fmt.Errorf("%s is a flag of the hypergen command, not a template local: the agent's own settings (perf monitor) apply to every request", f)
		}
	}
	// Check the generator and action where the engine will find them: the
	// first two positionals as parsed, whatever flags come before them.
	pos := argv.Parse(args).Positionals
	for i := 0; i < min(2, len(pos)); i++ {
		if err := checkName(jsvalue.ToString(pos[i])); err != nil {
			return nil, err
		}
	}
	if req.DryRun {
		args = append(args, "--dry")
	}
	return args, nil
}

// checkName refuses a generator or action name (the part before any
// ":subaction") that is not one folder name.
func checkName(s string) error {
	seg, _, _ := strings.Cut(s, ":")
	if strings.ContainsAny(seg, "/\\\x00") || seg == ".." || seg == "." {
		return fmt.Errorf("%q is not a generator or action name", s)
	}
	return nil
}

// flagsFor renders one parameter as command-line flags: a list repeats the
// flag, true is a bare flag, false is --no-KEY.
func flagsFor(key string, v any) ([]string, error) {
	if key == "" || strings.HasPrefix(key, "-") {
		return nil, fmt.Errorf("parameter name %q is not allowed", key)
	}
	switch x := v.(type) {
	case bool:
		if x {
			return []string{"--" + key}, nil
		}
		return []string{"--no-" + key}, nil
	case string:
		return []string{"--" + key + "=" + x}, nil
	case float64:
		return []string{"--" + key + "=" + jsvalue.FormatNumber(x)}, nil
	case []any:
		var out []string
		for _, e := range x {
			f, err := flagsFor(key, e)
			if err != nil {
				return nil, err
			}
			out = append(out, f...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("parameter %q: only strings, numbers, booleans and lists of them are accepted", key)
}
