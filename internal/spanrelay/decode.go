package spanrelay

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/sdk/instrumentation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// OTLP span flags that carry whether the parent context was remote.
const (
	flagHasIsRemote = 0x100
	flagIsRemote    = 0x200
)

// Decode reads one encoded ExportTraceServiceRequest into the spans it
// holds. The whole request is refused if any part of it is not what an
// OpenTelemetry SDK sends: malformed protobuf, a trace or span ID of the
// wrong length or all zeros, an attribute value the Go API cannot hold (a
// map, bytes, an array of mixed types).
func Decode(b []byte) ([]sdktrace.ReadOnlySpan, error) {
	var req coltracepb.ExportTraceServiceRequest
	if err := proto.Unmarshal(b, &req); err != nil {
		return nil, fmt.Errorf("not an OTLP trace export request: %w", err)
	}
	var out []sdktrace.ReadOnlySpan
	for _, rs := range req.ResourceSpans {
		attrs, err := keyValues(rs.GetResource().GetAttributes())
		if err != nil {
			return nil, fmt.Errorf("resource: %w", err)
		}
		res := resource.NewWithAttributes(rs.SchemaUrl, attrs...)
		for _, ss := range rs.ScopeSpans {
			sattrs, err := keyValues(ss.GetScope().GetAttributes())
			if err != nil {
				return nil, fmt.Errorf("scope %q: %w", ss.GetScope().GetName(), err)
			}
			scope := instrumentation.Scope{Name: ss.GetScope().GetName(), Version: ss.GetScope().GetVersion(),
				SchemaURL: ss.SchemaUrl, Attributes: attribute.NewSet(sattrs...)}
			for _, s := range ss.Spans {
				stub, err := spanStub(s)
				if err != nil {
					return nil, fmt.Errorf("span %q: %w", s.Name, err)
				}
				stub.Resource, stub.InstrumentationScope = res, scope
				out = append(out, stub.Snapshot())
			}
		}
	}
	return out, nil
}

func spanStub(s *tracepb.Span) (tracetest.SpanStub, error) {
	// The span was exported, so it was recorded and sampled, whatever its
	// flags say (0 means "unknown" in OTLP, and a batch processor drops
	// unsampled spans); the remote bits are its parent's.
	sc, err := spanContext(s.TraceId, s.SpanId, s.TraceState, s.Flags&0xff|uint32(trace.FlagsSampled))
	if err != nil {
		return tracetest.SpanStub{}, err
	}
	stub := tracetest.SpanStub{
		Name:              s.Name,
		SpanContext:       sc,
		SpanKind:          trace.SpanKind(s.Kind), // the same numbers in OTLP and the API
		StartTime:         timeOf(s.StartTimeUnixNano),
		EndTime:           timeOf(s.EndTimeUnixNano),
		DroppedAttributes: int(s.DroppedAttributesCount),
		DroppedEvents:     int(s.DroppedEventsCount),
		DroppedLinks:      int(s.DroppedLinksCount),
	}
	if len(s.ParentSpanId) > 0 {
		// The parent's own trace flags are not sent; only whether it was
		// remote.
		if stub.Parent, err = spanContext(s.TraceId, s.ParentSpanId, "", s.Flags&^0xff); err != nil {
			return stub, fmt.Errorf("parent: %w", err)
		}
	}
	if stub.Attributes, err = keyValues(s.Attributes); err != nil {
		return stub, err
	}
	for _, e := range s.Events {
		attrs, err := keyValues(e.Attributes)
		if err != nil {
			return stub, fmt.Errorf("event %q: %w", e.Name, err)
		}
		stub.Events = append(stub.Events, sdktrace.Event{Name: e.Name, Time: timeOf(e.TimeUnixNano), Attributes: attrs,
			DroppedAttributeCount: int(e.DroppedAttributesCount)})
	}
	for _, l := range s.Links {
		lsc, err := spanContext(l.TraceId, l.SpanId, l.TraceState, l.Flags)
		if err != nil {
			return stub, fmt.Errorf("link: %w", err)
		}
		attrs, err := keyValues(l.Attributes)
		if err != nil {
			return stub, fmt.Errorf("link: %w", err)
		}
		stub.Links = append(stub.Links, sdktrace.Link{SpanContext: lsc, Attributes: attrs, DroppedAttributeCount: int(l.DroppedAttributesCount)})
	}
	switch s.GetStatus().GetCode() {
	case tracepb.Status_STATUS_CODE_OK:
		stub.Status.Code = codes.Ok
	case tracepb.Status_STATUS_CODE_ERROR:
		stub.Status = sdktrace.Status{Code: codes.Error, Description: s.GetStatus().GetMessage()}
	}
	return stub, nil
}

// spanContext is the context of a span or a link; flags are OTLP's, the
// W3C trace flags in the low byte.
func spanContext(tid, sid []byte, state string, flags uint32) (trace.SpanContext, error) {
	var cfg trace.SpanContextConfig
	if len(tid) != len(cfg.TraceID) || len(sid) != len(cfg.SpanID) {
		return trace.SpanContext{}, fmt.Errorf("trace ID of %d bytes or span ID of %d bytes", len(tid), len(sid))
	}
	copy(cfg.TraceID[:], tid)
	copy(cfg.SpanID[:], sid)
	if !cfg.TraceID.IsValid() || !cfg.SpanID.IsValid() {
		return trace.SpanContext{}, errors.New("an all-zero trace or span ID")
	}
	cfg.TraceFlags = trace.TraceFlags(flags & 0xff)
	cfg.Remote = flags&flagHasIsRemote != 0 && flags&flagIsRemote != 0
	if state != "" {
		ts, err := trace.ParseTraceState(state)
		if err != nil {
			return trace.SpanContext{}, fmt.Errorf("trace state: %w", err)
		}
		cfg.TraceState = ts
	}
	return trace.NewSpanContext(cfg), nil
}

func timeOf(unixNano uint64) time.Time { return time.Unix(0, int64(unixNano)) }

func keyValues(kvs []*commonpb.KeyValue) ([]attribute.KeyValue, error) {
	if len(kvs) == 0 {
		return nil, nil
	}
	out := make([]attribute.KeyValue, 0, len(kvs))
	for _, kv := range kvs {
		v, err := value(kv.Value)
		if err != nil {
			return nil, fmt.Errorf("attribute %q: %w", kv.Key, err)
		}
		out = append(out, attribute.KeyValue{Key: attribute.Key(kv.Key), Value: v})
	}
	return out, nil
}

func value(v *commonpb.AnyValue) (attribute.Value, error) {
	switch x := v.GetValue().(type) {
	case *commonpb.AnyValue_StringValue:
		return attribute.StringValue(x.StringValue), nil
	case *commonpb.AnyValue_BoolValue:
		return attribute.BoolValue(x.BoolValue), nil
	case *commonpb.AnyValue_IntValue:
		return attribute.Int64Value(x.IntValue), nil
	case *commonpb.AnyValue_DoubleValue:
		return attribute.Float64Value(x.DoubleValue), nil
	case *commonpb.AnyValue_ArrayValue:
		return array(x.ArrayValue.GetValues())
	default:
		return attribute.Value{}, fmt.Errorf("a %T value, which the Go API has no attribute type for", x)
	}
}

// array reads a homogeneous array of one of the API's slice types.
func array(vs []*commonpb.AnyValue) (attribute.Value, error) {
	if len(vs) == 0 {
		return attribute.StringSliceValue(nil), nil
	}
	switch vs[0].GetValue().(type) {
	case *commonpb.AnyValue_StringValue:
		return slice(vs, func(v *commonpb.AnyValue_StringValue) string { return v.StringValue }, attribute.StringSliceValue)
	case *commonpb.AnyValue_BoolValue:
		return slice(vs, func(v *commonpb.AnyValue_BoolValue) bool { return v.BoolValue }, attribute.BoolSliceValue)
	case *commonpb.AnyValue_IntValue:
		return slice(vs, func(v *commonpb.AnyValue_IntValue) int64 { return v.IntValue }, attribute.Int64SliceValue)
	case *commonpb.AnyValue_DoubleValue:
		return slice(vs, func(v *commonpb.AnyValue_DoubleValue) float64 { return v.DoubleValue }, attribute.Float64SliceValue)
	}
	return attribute.Value{}, errMixedArray
}

var errMixedArray = errors.New("an array of mixed or unsupported types")

// slice reads vs, every element of which must hold a V, as a []T.
func slice[V any, T any](vs []*commonpb.AnyValue, get func(V) T, wrap func([]T) attribute.Value) (attribute.Value, error) {
	out := make([]T, len(vs))
	for i, v := range vs {
		x, ok := v.GetValue().(V)
		if !ok {
			return attribute.Value{}, errMixedArray
		}
		out[i] = get(x)
	}
	return wrap(out), nil
}
