package otlplite

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/embedded"
)

// The SDK's default span limits (sdk/trace.NewSpanLimits without
// OTEL_SPAN_* variables), kept so that a span carries what it would carry
// through the SDK.
const (
	maxAttributes      = 128
	maxEvents          = 128
	maxLinks           = 128
	maxEventAttributes = 128
	maxLinkAttributes  = 128
)

// span is a recording span. Every method locks mu; once ended is set the span
// never changes again, so the exporter reads ended spans without locking.
type span struct {
	embedded.Span

	tracer *tracer
	sc     trace.SpanContext
	parent trace.SpanContext
	kind   trace.SpanKind

	mu            sync.Mutex
	ended         bool
	name          string
	start, end    time.Time
	attrs         []attribute.KeyValue
	droppedAttrs  int
	events        []event
	droppedEvents int
	links         []link
	droppedLinks  int
	status        codes.Code
	statusDesc    string
}

type event struct {
	name    string
	time    time.Time
	attrs   []attribute.KeyValue
	dropped int
}

type link struct {
	sc      trace.SpanContext
	attrs   []attribute.KeyValue
	dropped int
}

var _ trace.Span = (*span)(nil)

func (s *span) SpanContext() trace.SpanContext { return s.sc }

func (s *span) TracerProvider() trace.TracerProvider { return s.tracer.provider }

func (s *span) IsRecording() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.ended
}

// End records the end time (monotonic from the start, as the SDK does) and
// hands the span to the provider. Like the SDK, when deferred during a panic
// it records the panic as an "exception" event and lets the panic go on.
func (s *span) End(opts ...trace.SpanEndOption) {
	end := s.start.Add(time.Since(s.start))
	s.mu.Lock()
	if s.ended {
		s.mu.Unlock()
		return
	}
	c := trace.NewSpanEndConfig(opts...)
	if recovered := recover(); recovered != nil {
		defer panic(recovered)
		s.addEvent(exceptionEvent, trace.NewEventConfig(trace.WithAttributes(
			exceptionAttributes(recovered, fmt.Sprint(recovered), c.StackTrace())...)))
	}
	if !c.Timestamp().IsZero() {
		end = c.Timestamp()
	}
	s.end, s.ended = end, true
	s.mu.Unlock()
	s.tracer.provider.keep(s)
}

func (s *span) SetName(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.name = name
	}
}

// SetStatus follows the SDK: a status only moves up the order Unset < Error
// < Ok, and only Error keeps a description.
func (s *span) SetStatus(code codes.Code, description string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended || s.status > code {
		return
	}
	s.status, s.statusDesc = code, ""
	if code == codes.Error {
		s.statusDesc = description
	}
}

func (s *span) SetAttributes(kv ...attribute.KeyValue) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.setAttributes(kv)
	}
}

// setAttributes adds kv with the SDK's rules: an existing key takes the new
// value in place, invalid keys and new keys past the limit are dropped and
// counted.
func (s *span) setAttributes(kv []attribute.KeyValue) {
	s.attrs, s.droppedAttrs = mergeAttributes(s.attrs, kv, maxAttributes, s.droppedAttrs)
}

// mergeAttributes adds kv to attrs, replacing the values of keys already
// there (last value wins, first position kept) and dropping invalid keys and
// new keys past limit, which it adds to dropped.
func mergeAttributes(attrs, kv []attribute.KeyValue, limit, dropped int) ([]attribute.KeyValue, int) {
	// Room for all of kv at once: appending one by one from nil made four
	// allocations for a span's seven attributes.
	attrs = slices.Grow(attrs, min(len(kv), max(0, limit-len(attrs))))
next:
	for _, a := range kv {
		if !a.Valid() {
			dropped++
			continue
		}
		for i := range attrs {
			if attrs[i].Key == a.Key {
				attrs[i] = a
				continue next
			}
		}
		if len(attrs) >= limit {
			dropped++
			continue
		}
		attrs = append(attrs, a)
	}
	return attrs, dropped
}

func (s *span) AddEvent(name string, opts ...trace.EventOption) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.addEvent(name, trace.NewEventConfig(opts...))
	}
}

// addEvent keeps the newest maxEvents events, as the SDK's evicted queue does.
func (s *span) addEvent(name string, c trace.EventConfig) {
	e := event{name: name, time: c.Timestamp()}
	e.attrs, e.dropped = mergeAttributes(nil, c.Attributes(), maxEventAttributes, 0)
	if len(s.events) >= maxEvents {
		s.events = append(s.events[:0], s.events[1:]...)
		s.droppedEvents++
	}
	s.events = append(s.events, e)
}

// exceptionEvent is the semantic-conventions event name for errors and panics.
const exceptionEvent = "exception"

// RecordError adds the SDK's "exception" event, with the error's type named
// as the SDK names it; it does not change the status.
func (s *span) RecordError(err error, opts ...trace.EventOption) {
	if err == nil {
		return
	}
	given := trace.NewEventConfig(opts...)
	opts = append(opts, trace.WithAttributes(exceptionAttributes(err, err.Error(), given.StackTrace())...))
	c := trace.NewEventConfig(opts...)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.addEvent(exceptionEvent, c)
	}
}

// ExceptionType names v's type as the SDK's RecordError does in the
// exception.type attribute (sdk/trace's typeStr): package path and name, or
// the literal of an unnamed type such as *errors.errorString.
func ExceptionType(v any) string {
	t := reflect.TypeOf(v)
	if t.PkgPath() != "" || t.Name() != "" {
		return t.PkgPath() + "." + t.Name()
	}
	return t.String()
}

// exceptionAttributes are the SDK's exception.type (ExceptionType),
// exception.message and, when asked, exception.stacktrace (the calling
// goroutine's first 2 KiB, as the SDK).
func exceptionAttributes(v any, msg string, withStack bool) []attribute.KeyValue {
	attrs := []attribute.KeyValue{
		attribute.String("exception.type", ExceptionType(v)),
		attribute.String("exception.message", msg),
	}
	if withStack {
		buf := make([]byte, 2048)
		attrs = append(attrs, attribute.String("exception.stacktrace", string(buf[:runtime.Stack(buf, false)])))
	}
	return attrs
}

func (s *span) AddLink(l trace.Link) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.addLink(l)
	}
}

// addLink keeps the newest maxLinks links; like the SDK it ignores only a
// link with no valid span context, no attributes and no trace state.
func (s *span) addLink(l trace.Link) {
	if !l.SpanContext.IsValid() && len(l.Attributes) == 0 && l.SpanContext.TraceState().Len() == 0 {
		return
	}
	k := link{sc: l.SpanContext}
	k.attrs, k.dropped = mergeAttributes(nil, l.Attributes, maxLinkAttributes, 0)
	if len(s.links) >= maxLinks {
		s.links = append(s.links[:0], s.links[1:]...)
		s.droppedLinks++
	}
	s.links = append(s.links, k)
}
