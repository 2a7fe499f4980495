package otlplite

import (
	"fmt"
	"reflect"
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
// hands the span to the provider.
func (s *span) End(opts ...trace.SpanEndOption) {
	end := s.start.Add(time.Since(s.start))
	s.mu.Lock()
	if s.ended {
		s.mu.Unlock()
		return
	}
	if c := trace.NewSpanEndConfig(opts...); !c.Timestamp().IsZero() {
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

// RecordError adds the SDK's "exception" event, with the error's type named
// as the SDK names it; it does not change the status.
func (s *span) RecordError(err error, opts ...trace.EventOption) {
	if err == nil {
		return
	}
	opts = append(opts, trace.WithAttributes(
		attribute.String("exception.type", typeName(err)),
		attribute.String("exception.message", err.Error()),
	))
	c := trace.NewEventConfig(opts...)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.addEvent("exception", c)
	}
}

// typeName matches sdk/trace's typeStr: package path and name, or the type's
// literal (such as *errors.errorString) for unnamed types.
func typeName(v any) string {
	t := reflect.TypeOf(v)
	if t.PkgPath() == "" && t.Name() == "" {
		return t.String()
	}
	return fmt.Sprintf("%s.%s", t.PkgPath(), t.Name())
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
