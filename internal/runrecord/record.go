package runrecord

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
	"github.com/hypergen-dev/hypergen/generator"
)

// Kind says which Observer call an Event records.
type Kind uint8

// The kinds of event, one per generator.Observer method.
const (
	RunStart Kind = iota + 1
	PhaseDone
	FileDone
	OpDone
	RunDone
)

// Event is one call the engine made to its Observer, with the times a live
// observer reads from the clock when it is called.
type Event struct {
	Kind Kind
	// Start is when the run began (RunStart), or the start the engine gave
	// (PhaseDone, OpDone).
	Start time.Time
	// End is when PhaseDone, OpDone or RunDone was called.
	End    time.Time
	Phase  generator.Phase     // PhaseDone
	File   generator.FileEvent // FileDone, with its own times and error
	Op     generator.OpResult  // OpDone
	Result *generator.Result   // RunDone; nil when the run ended without one
	Err    error               // PhaseDone, OpDone, RunDone
}

// Record is one run's record: the resource that describes the process,
// whether each template step gets a span of its own, and the run's events
// in the order they happened.
type Record struct {
	Resource  []attribute.KeyValue
	StepSpans bool
	Events    []Event
}

// PIDAttribute is the resource attribute naming the process that ran; a
// record leaves it out where KernelNamesSender, and the agent adds it.
const PIDAttribute = "process.pid"

// WithPID is resource naming process pid, unless it names one already.
func WithPID(resource []attribute.KeyValue, pid int) []attribute.KeyValue {
	if slices.ContainsFunc(resource, func(kv attribute.KeyValue) bool { return kv.Key == PIDAttribute }) {
		return resource
	}
	return append(slices.Clip(resource), attribute.Int(PIDAttribute, pid))
}

// Recorder is a generator.Observer that writes each event to its record as
// it happens. It is safe for concurrent use: FileDone comes from render
// workers.
type Recorder struct {
	mu     sync.Mutex
	base   time.Time // event times are written as offsets from it
	header int       // the length of the record before its first event
	buf    []byte    // the whole record so far, header included
}

// NewRecorder returns a Recorder for one run of a process that resource
// describes; stepSpans gives each template step a span of its own.
func NewRecorder(resource []attribute.KeyValue, stepSpans bool) *Recorder {
	r := &Recorder{base: time.Now()}
	// A ten-template run's record takes about 1.5 KiB: one allocation.
	w := writer{b: make([]byte, 0, 2048)}
	w.b = append(w.b, magic...)
	var flags uint64
	if stepSpans {
		flags |= flagStepSpans
	}
	w.uvarint(flags)
	w.varint(r.base.UnixNano())
	w.uvarint(uint64(len(resource)))
	for _, kv := range resource {
		w.attr(kv)
	}
	r.buf, r.header = w.b, len(w.b)
	return r
}

// Empty reports whether no event has been recorded: the run never started.
func (r *Recorder) Empty() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.buf) == r.header
}

// Bytes returns the record so far, to be sent or decoded. Later events do
// not change what it returned.
func (r *Recorder) Bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf[:len(r.buf):len(r.buf)]
}

func (r *Recorder) RunStart(ctx context.Context, _ []string) context.Context {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.event(RunStart)
	w.at(r.base, now)
	r.buf = w.b
	return ctx
}

func (r *Recorder) PhaseDone(_ context.Context, phase generator.Phase, start time.Time, err error) {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.event(PhaseDone)
	w.str(string(phase))
	w.at(r.base, start)
	w.at(r.base, now)
	w.err(err)
	r.buf = w.b
}

func (r *Recorder) FileDone(_ context.Context, f generator.FileEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.event(FileDone)
	w.str(f.Template)
	w.at(r.base, f.Start)
	for _, d := range [...]time.Duration{f.Read, f.Parse, f.Compile, f.Render} {
		w.varint(int64(d))
	}
	for _, n := range [...]int{f.Bytes, f.Compiled, f.Cached} {
		w.varint(int64(n))
	}
	w.err(f.Err)
	w.varint(int64(f.Failed))
	r.buf = w.b
}

func (r *Recorder) OpDone(_ context.Context, op generator.OpResult, start time.Time, err error) {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.event(OpDone)
	w.str(string(op.Kind))
	w.str(op.Template)
	w.str(op.Target)
	w.str(string(op.Status))
	w.varint(int64(op.Bytes))
	w.at(r.base, start)
	w.at(r.base, now)
	w.err(err)
	r.buf = w.b
}

func (r *Recorder) RunDone(_ context.Context, res *generator.Result, err error) {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.event(RunDone)
	if res == nil {
		w.b = append(w.b, 0)
	} else {
		w.b = append(w.b, 1)
		w.str(res.Generator)
		w.str(res.Action)
		w.varint(int64(res.Files))
		w.bool(res.Dry)
	}
	w.at(r.base, now)
	w.err(err)
	r.buf = w.b
}

// event starts an event of kind k; the caller holds mu and stores w.b.
func (r *Recorder) event(k Kind) writer {
	return writer{b: append(r.buf, byte(k))}
}

// writer appends the record's fields: varints, and strings as a length and
// their bytes.
type writer struct{ b []byte }

func (w *writer) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) varint(v int64)   { w.b = binary.AppendVarint(w.b, v) }

func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *writer) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// at writes t as nanoseconds after base (monotonic when both have it).
func (w *writer) at(base, t time.Time) { w.varint(int64(t.Sub(base))) }

// err writes whether there is an error and, if so, what the spans need of
// it: its type as the tracer would name it, its message, and the template
// and line of a generator.TemplateError in its chain.
func (w *writer) err(err error) {
	if err == nil {
		w.b = append(w.b, 0)
		return
	}
	w.b = append(w.b, 1)
	w.str(otlplite.ExceptionType(err))
	w.str(err.Error())
	var te *generator.TemplateError
	if !errors.As(err, &te) {
		w.b = append(w.b, 0)
		return
	}
	w.b = append(w.b, 1)
	w.str(te.File)
	w.varint(int64(te.Line))
	inner := ""
	if te.Err != nil {
		inner = te.Err.Error()
	}
	w.str(inner)
}

// Resource values keep their type for the common kinds; any other is sent
// as its text.
const (
	valueString = iota + 1
	valueInt
	valueBool
	valueFloat
)

func (w *writer) attr(kv attribute.KeyValue) {
	w.str(string(kv.Key))
	switch kv.Value.Type() {
	case attribute.INT64:
		w.b = append(w.b, valueInt)
		w.varint(kv.Value.AsInt64())
	case attribute.BOOL:
		w.b = append(w.b, valueBool)
		w.bool(kv.Value.AsBool())
	case attribute.FLOAT64:
		w.b = append(w.b, valueFloat)
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(kv.Value.AsFloat64()))
	default:
		w.b = append(w.b, valueString)
		w.str(kv.Value.Emit())
	}
}
