package spanrelay

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	resourcepb "go.opentelemetry.io/proto/otlp/resource/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
)

func str(k, v string) *commonpb.KeyValue {
	return &commonpb.KeyValue{Key: k, Value: &commonpb.AnyValue{Value: &commonpb.AnyValue_StringValue{StringValue: v}}}
}

func anyArray(vs ...*commonpb.AnyValue) *commonpb.AnyValue {
	return &commonpb.AnyValue{Value: &commonpb.AnyValue_ArrayValue{ArrayValue: &commonpb.ArrayValue{Values: vs}}}
}

func intValue(i int64) *commonpb.AnyValue {
	return &commonpb.AnyValue{Value: &commonpb.AnyValue_IntValue{IntValue: i}}
}

var (
	traceID  = []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	spanID   = []byte{1, 1, 1, 1, 1, 1, 1, 2}
	parentID = []byte{1, 1, 1, 1, 1, 1, 1, 1}
)

// fullRequest uses every part of a trace request the Go API can hold.
func fullRequest() *coltracepb.ExportTraceServiceRequest {
	return &coltracepb.ExportTraceServiceRequest{ResourceSpans: []*tracepb.ResourceSpans{{
		Resource:  &resourcepb.Resource{Attributes: []*commonpb.KeyValue{str("service.name", "hypergen"), str("service.instance.id", "abc")}},
		SchemaUrl: "https://opentelemetry.io/schemas/1.26.0",
		ScopeSpans: []*tracepb.ScopeSpans{{
			Scope: &commonpb.InstrumentationScope{Name: "github.com/hypergen-dev/hypergen", Version: "1.2.3",
				Attributes: []*commonpb.KeyValue{str("scope.k", "v")}},
			SchemaUrl: "https://opentelemetry.io/schemas/1.26.0",
			Spans: []*tracepb.Span{{
				TraceId: traceID, SpanId: spanID, ParentSpanId: parentID, TraceState: "k=v",
				Flags: 0x301, // sampled, parent remote
				Name:  "hypergen.run", Kind: tracepb.Span_SPAN_KIND_SERVER,
				StartTimeUnixNano: 1_700_000_000_000_000_000, EndTimeUnixNano: 1_700_000_000_012_500_000,
				Attributes: []*commonpb.KeyValue{
					str("hypergen.outcome", "error"),
					{Key: "b", Value: &commonpb.AnyValue{Value: &commonpb.AnyValue_BoolValue{BoolValue: true}}},
					{Key: "i", Value: intValue(-7)},
					{Key: "f", Value: &commonpb.AnyValue{Value: &commonpb.AnyValue_DoubleValue{DoubleValue: 1.5}}},
					{Key: "ss", Value: anyArray(&commonpb.AnyValue{Value: &commonpb.AnyValue_StringValue{StringValue: "a"}})},
					{Key: "is", Value: anyArray(intValue(1), intValue(2))},
				},
				DroppedAttributesCount: 3,
				Events: []*tracepb.Span_Event{{TimeUnixNano: 1_700_000_000_001_000_000, Name: "exception",
					Attributes: []*commonpb.KeyValue{str("exception.message", "boom")}, DroppedAttributesCount: 1}},
				DroppedEventsCount: 2,
				Links: []*tracepb.Span_Link{{TraceId: traceID, SpanId: parentID, TraceState: "a=b", Flags: 0x101,
					Attributes: []*commonpb.KeyValue{str("l", "1")}}},
				DroppedLinksCount: 4,
				Status:            &tracepb.Status{Code: tracepb.Status_STATUS_CODE_ERROR, Message: "boom"},
			}, {
				TraceId: traceID, SpanId: []byte{2, 2, 2, 2, 2, 2, 2, 2}, ParentSpanId: spanID, Flags: 0x101,
				Name: "hypergen.render", Kind: tracepb.Span_SPAN_KIND_INTERNAL,
				StartTimeUnixNano: 1_700_000_000_000_100_000, EndTimeUnixNano: 1_700_000_000_000_900_000,
				Status: &tracepb.Status{Code: tracepb.Status_STATUS_CODE_OK},
			}},
		}},
	}}}
}

// traceServer is a grpc-go TraceService keeping what it receives.
type traceServer struct {
	coltracepb.UnimplementedTraceServiceServer
	mu   sync.Mutex
	reqs []*coltracepb.ExportTraceServiceRequest
}

func (s *traceServer) Export(_ context.Context, req *coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs = append(s.reqs, proto.Clone(req).(*coltracepb.ExportTraceServiceRequest))
	return &coltracepb.ExportTraceServiceResponse{}, nil
}

// TestDecodeRoundTrip: a decoded request, exported by the SDK's own OTLP
// exporter, reaches a server as it was sent: the relay changes nothing.
func TestDecodeRoundTrip(t *testing.T) {
	want := fullRequest()
	b, err := proto.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	spans, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	ts := &traceServer{}
	coltracepb.RegisterTraceServiceServer(srv, ts)
	go srv.Serve(ln)
	defer srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithEndpoint(ln.Addr().String()), otlptracegrpc.WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.ExportSpans(ctx, spans); err != nil {
		t.Fatal(err)
	}
	if err := exp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if len(ts.reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(ts.reqs))
	}
	got := ts.reqs[0]
	// Two differences are the SDK exporter's own, whatever its input: it
	// sorts resource attributes by key (an attribute.Set), and it does not
	// write a link's trace state (v1.47).
	res := want.ResourceSpans[0].Resource
	res.Attributes[0], res.Attributes[1] = res.Attributes[1], res.Attributes[0]
	want.ResourceSpans[0].ScopeSpans[0].Spans[0].Links[0].TraceState = ""
	if !proto.Equal(got, want) {
		t.Errorf("exported after the relay:\n%v\nsent:\n%v", got, want)
	}
}

// TestDecodeRefuses: anything an OpenTelemetry SDK would not send refuses
// the whole request, with the reason.
func TestDecodeRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*coltracepb.ExportTraceServiceRequest)
		raw    []byte
		want   string
	}{
		{name: "not protobuf", raw: []byte("GET / HTTP/1.1\r\n\r\n"), want: "not an OTLP trace export request"},
		{name: "short trace ID", change: func(r *coltracepb.ExportTraceServiceRequest) {
			r.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId = traceID[:15]
		}, want: "trace ID of 15 bytes"},
		{name: "zero span ID", change: func(r *coltracepb.ExportTraceServiceRequest) {
			r.ResourceSpans[0].ScopeSpans[0].Spans[1].SpanId = make([]byte, 8)
		}, want: "all-zero"},
		{name: "bad parent", change: func(r *coltracepb.ExportTraceServiceRequest) {
			r.ResourceSpans[0].ScopeSpans[0].Spans[1].ParentSpanId = []byte{1}
		}, want: "parent"},
		{name: "map value", change: func(r *coltracepb.ExportTraceServiceRequest) {
			s := r.ResourceSpans[0].ScopeSpans[0].Spans[0]
			s.Attributes = append(s.Attributes, &commonpb.KeyValue{Key: "m", Value: &commonpb.AnyValue{
				Value: &commonpb.AnyValue_KvlistValue{KvlistValue: &commonpb.KeyValueList{}}}})
		}, want: `attribute "m"`},
		{name: "mixed array", change: func(r *coltracepb.ExportTraceServiceRequest) {
			s := r.ResourceSpans[0].ScopeSpans[0].Spans[0]
			s.Attributes = append(s.Attributes, &commonpb.KeyValue{Key: "x", Value: anyArray(intValue(1),
				&commonpb.AnyValue{Value: &commonpb.AnyValue_StringValue{StringValue: "a"}})})
		}, want: "mixed"},
		{name: "bytes in the resource", change: func(r *coltracepb.ExportTraceServiceRequest) {
			r.ResourceSpans[0].Resource.Attributes = append(r.ResourceSpans[0].Resource.Attributes,
				&commonpb.KeyValue{Key: "raw", Value: &commonpb.AnyValue{Value: &commonpb.AnyValue_BytesValue{BytesValue: []byte{1}}}})
		}, want: "resource"},
		{name: "bad trace state", change: func(r *coltracepb.ExportTraceServiceRequest) {
			r.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceState = "not a trace state"
		}, want: "trace state"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.raw
			if b == nil {
				req := fullRequest()
				tc.change(req)
				var err error
				if b, err = proto.Marshal(req); err != nil {
					t.Fatal(err)
				}
			}
			spans, err := Decode(b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Decode() = %d spans, %v; want an error containing %q", len(spans), err, tc.want)
			}
		})
	}
}
