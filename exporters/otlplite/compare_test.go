package otlplite_test

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
)

// testResource is sorted by key, the order in which the SDK's resource (an
// attribute set) sends it; otlplite sends Config.Resource as given.
var testResource = []attribute.KeyValue{
	attribute.String("service.name", "hypergen"),
	attribute.String("service.version", "0.0.0-test"),
}

// valueErr is a named non-pointer error type, to check RecordError's
// exception.type naming against the SDK's.
type valueErr struct{}

func (valueErr) Error() string { return "value error" }

var (
	t0          = time.Unix(1_700_000_000, 123_456_789)
	remoteTrace = trace.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	remoteSpan  = trace.SpanID{1, 2, 3, 4, 5, 6, 7, 8}
)

func at(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }

// script makes the same calls on any TracerProvider: every feature a CLI run
// uses, and the edges of the SDK's rules (status order, limits, invalid
// attributes, sampling of remote parents). Every time is explicit so that two
// providers produce equal data.
func script(tp trace.TracerProvider) {
	tr := tp.Tracer("hypergen", trace.WithInstrumentationVersion("1.2.3"),
		trace.WithInstrumentationAttributes(attribute.String("scope.key", "v")))
	other := tp.Tracer("other")
	bg := context.Background()

	ctx, root := tr.Start(bg, "root", trace.WithTimestamp(at(0)), trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(
			attribute.String("s", "x"), attribute.String("empty.string", ""),
			attribute.Int64("i", -42), attribute.Int("zero", 0), attribute.Float64("f", 2.5), attribute.Float64("f0", 0),
			attribute.Bool("b", true), attribute.Bool("b0", false),
			attribute.StringSlice("ss", []string{"a", "", "c"}), attribute.Int64Slice("is", []int64{1, -2}),
			attribute.Float64Slice("fs", []float64{0.5, 0}), attribute.BoolSlice("bs", []bool{true, false}),
			attribute.Slice("mixed", attribute.StringValue("m"), attribute.IntValue(3)),
			attribute.Map("map", attribute.String("k", "v"), attribute.Int("n", 1)),
			attribute.String("s", "duplicate key: last wins"),
		))
	root.SetAttributes(attribute.String("i", "replaced with a string"), attribute.String("", "invalid key"))

	remote := trace.NewSpanContext(trace.SpanContextConfig{TraceID: remoteTrace, SpanID: remoteSpan,
		TraceFlags: trace.FlagsSampled, Remote: true})
	cctx, child := tr.Start(ctx, "child", trace.WithTimestamp(at(1)),
		trace.WithLinks(trace.Link{SpanContext: remote, Attributes: []attribute.KeyValue{attribute.String("link", "l")}}))
	child.AddEvent("event", trace.WithTimestamp(at(2)), trace.WithAttributes(attribute.Int("n", 7)))
	child.RecordError(errors.New("boom"), trace.WithTimestamp(at(3)))
	child.RecordError(&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrNotExist}, trace.WithTimestamp(at(3)))
	child.RecordError(valueErr{}, trace.WithTimestamp(at(3)), trace.WithStackTrace(true))
	child.SetStatus(codes.Error, "it failed")
	child.SetName("child-renamed")
	child.AddLink(trace.Link{SpanContext: remote})

	_, grandchild := other.Start(cctx, "grandchild", trace.WithTimestamp(at(2)), trace.WithSpanKind(trace.SpanKindClient))
	grandchild.SetStatus(codes.Ok, "an Ok description is dropped")
	grandchild.SetStatus(codes.Error, "Error does not override Ok")
	grandchild.End(trace.WithTimestamp(at(3)))
	child.End(trace.WithTimestamp(at(4)))
	child.SetAttributes(attribute.String("after", "end")) // ignored: ended

	_, errThenOk := tr.Start(ctx, "error-then-ok", trace.WithTimestamp(at(5)), trace.WithSpanKind(trace.SpanKindProducer))
	errThenOk.SetStatus(codes.Error, "first")
	errThenOk.SetStatus(codes.Ok, "then ok")
	errThenOk.End(trace.WithTimestamp(at(6)))

	var many []attribute.KeyValue
	for i := range 130 {
		many = append(many, attribute.Int("k"+strconv.Itoa(i), i))
	}
	_, limits := tr.Start(ctx, "limits", trace.WithTimestamp(at(7)), trace.WithAttributes(many...),
		trace.WithSpanKind(trace.SpanKindConsumer))
	for i := range 130 {
		limits.AddEvent("e"+strconv.Itoa(i), trace.WithTimestamp(at(7)))
	}
	limits.SetAttributes(attribute.Int("k0", -1)) // an existing key still updates at the limit
	limits.End(trace.WithTimestamp(at(8)))

	state, _ := trace.ParseTraceState("vendor=value")
	rctx := trace.ContextWithRemoteSpanContext(bg, remote.WithTraceState(state))
	_, rchild := other.Start(rctx, "remote-child", trace.WithTimestamp(at(9)))
	rchild.End(trace.WithTimestamp(at(10)))

	unsampled := trace.ContextWithRemoteSpanContext(bg, remote.WithTraceFlags(0))
	_, dropped := tr.Start(unsampled, "unsampled-child", trace.WithTimestamp(at(9)))
	dropped.End(trace.WithTimestamp(at(10)))

	_, newRoot := tr.Start(ctx, "new-root", trace.WithNewRoot(), trace.WithTimestamp(at(11)))
	newRoot.End(trace.WithTimestamp(at(12)))

	func() {
		defer func() { _ = recover() }()
		_, panicked := tr.Start(ctx, "panicked", trace.WithTimestamp(at(13)))
		defer panicked.End(trace.WithTimestamp(at(14)), trace.WithStackTrace(true))
		panic("template helper panicked")
	}()

	root.End(trace.WithTimestamp(at(20)))
}

// TestMatchesSDK runs the script through the SDK with its OTLP/gRPC exporter
// and through otlplite, each to a real grpc-go TraceService, and compares the
// decoded requests (IDs replaced by their order of appearance).
func TestMatchesSDK(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	sdkCol := startCollector(t)
	exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithInsecure(), otlptracegrpc.WithEndpoint(sdkCol.addr))
	if err != nil {
		t.Fatal(err)
	}
	sdk := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp),
		sdktrace.WithResource(resource.NewSchemaless(testResource...)))
	script(sdk)
	if err := sdk.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}

	liteCol := startCollector(t)
	lite := otlplite.New(otlplite.Config{Endpoint: liteCol.addr, Resource: testResource})
	script(lite)
	if err := lite.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}

	want, _ := sdkCol.received()
	got, spans := liteCol.received()
	if len(spans) != 8 {
		t.Errorf("otlplite exported %d spans, want 8 (the unsampled child is not recorded)", len(spans))
	}
	w, g := canonical(t, want), canonical(t, got)
	if !proto.Equal(w, g) {
		t.Errorf("otlplite's export differs from the SDK's\nSDK:\n%s\notlplite:\n%s",
			prototext.Format(w), prototext.Format(g))
	}
}

// canonical merges requests into one, orders scopes and spans by name and
// replaces trace and span IDs by their order of first appearance, so that
// exports of the same calls from two providers compare equal.
func canonical(t *testing.T, reqs []*coltracepb.ExportTraceServiceRequest) *coltracepb.ExportTraceServiceRequest {
	t.Helper()
	if len(reqs) == 0 {
		t.Fatal("no export request arrived")
	}
	out := &tracepb.ResourceSpans{}
	scopes := map[string]*tracepb.ScopeSpans{}
	for _, r := range reqs {
		for _, rs := range r.ResourceSpans {
			if out.Resource != nil && !proto.Equal(out.Resource, rs.Resource) {
				t.Fatalf("two resources: %v and %v", out.Resource, rs.Resource)
			}
			out.Resource, out.SchemaUrl = rs.Resource, rs.SchemaUrl
			for _, ss := range rs.ScopeSpans {
				key := prototext.Format(ss.Scope)
				if m, ok := scopes[key]; ok {
					m.Spans = append(m.Spans, ss.Spans...)
					continue
				}
				m := proto.Clone(ss).(*tracepb.ScopeSpans)
				scopes[key] = m
				out.ScopeSpans = append(out.ScopeSpans, m)
			}
		}
	}
	slices.SortFunc(out.ScopeSpans, func(a, b *tracepb.ScopeSpans) int { return cmp.Compare(a.Scope.Name, b.Scope.Name) })
	ids := map[string][]byte{}
	id := func(b []byte) []byte {
		if len(b) == 0 {
			return b
		}
		if v, ok := ids[string(b)]; ok {
			return v
		}
		v := make([]byte, len(b))
		v[len(v)-1] = byte(len(ids) + 1)
		ids[string(b)] = v
		return v
	}
	for _, ss := range out.ScopeSpans {
		slices.SortFunc(ss.Spans, func(a, b *tracepb.Span) int { return cmp.Compare(a.Name, b.Name) })
		for _, s := range ss.Spans {
			s.TraceId, s.SpanId, s.ParentSpanId = id(s.TraceId), id(s.SpanId), id(s.ParentSpanId)
			for _, e := range s.Events {
				if s.Name == "panicked" { // recorded at End, at the time of the panic
					e.TimeUnixNano = 0
				}
				for _, kv := range e.Attributes {
					// Stacks differ between the two: they only need to be one.
					if kv.Key == "exception.stacktrace" {
						if !strings.HasPrefix(kv.Value.GetStringValue(), "goroutine ") {
							t.Errorf("%s: exception.stacktrace %q", s.Name, kv.Value.GetStringValue())
						}
						kv.Value.Value = &commonpb.AnyValue_StringValue{StringValue: "a stack"}
					}
				}
			}
			for _, l := range s.Links {
				l.TraceId, l.SpanId = id(l.TraceId), id(l.SpanId)
			}
		}
	}
	return &coltracepb.ExportTraceServiceRequest{ResourceSpans: []*tracepb.ResourceSpans{out}}
}
