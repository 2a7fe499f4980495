package otlplite

import (
	"encoding/binary"
	"math"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Field numbers of the OTLP messages written here, from
// opentelemetry/proto/{collector/trace,trace,common,resource}/v1.
const (
	requestResourceSpans = 1 // ExportTraceServiceRequest.resource_spans

	resourceSpansResource   = 1
	resourceSpansScopeSpans = 2

	resourceAttributes = 1

	scopeSpansScope     = 1
	scopeSpansSpans     = 2
	scopeSpansSchemaURL = 3

	scopeName       = 1
	scopeVersion    = 2
	scopeAttributes = 3

	spanTraceID       = 1
	spanSpanID        = 2
	spanTraceState    = 3
	spanParentSpanID  = 4
	spanName          = 5
	spanKind          = 6
	spanStart         = 7
	spanEnd           = 8
	spanAttributes    = 9
	spanDroppedAttrs  = 10
	spanEvents        = 11
	spanDroppedEvents = 12
	spanLinks         = 13
	spanDroppedLinks  = 14
	spanStatus        = 15
	spanFlags         = 16

	eventTime         = 1
	eventName         = 2
	eventAttributes   = 3
	eventDroppedAttrs = 4

	linkTraceID      = 1
	linkSpanID       = 2
	linkAttributes   = 4
	linkDroppedAttrs = 5
	linkFlags        = 6

	statusMessage = 2
	statusCode    = 3

	keyValueKey   = 1
	keyValueValue = 2

	anyString = 1
	anyBool   = 2
	anyInt    = 3
	anyDouble = 4
	anyArray  = 5
	anyKVList = 6
	anyBytes  = 7

	arrayValues  = 1
	kvListValues = 1

	// SpanFlags: the low byte is the W3C trace flags; these bits say that
	// the parent's remoteness is known, and whether it is remote.
	flagHasIsRemote = 0x100
	flagIsRemote    = 0x200

	// OTLP Status.code values (the API's codes.Code numbers differ).
	statusOK    = 1
	statusError = 2
)

// grpcHeaderLen is the gRPC message prefix: a compression flag and a
// big-endian length.
const grpcHeaderLen = 5

// encodeRequest writes one gRPC-framed ExportTraceServiceRequest holding
// spans, grouped into one ScopeSpans per tracer, into buf and returns it.
func encodeRequest(buf []byte, resource []attribute.KeyValue, tracers []*tracer, spans []*span) []byte {
	if want := estimatedSize(len(resource), len(spans)); cap(buf) < want {
		// One allocation for a CLI run's request, not a dozen doublings:
		// what a run allocates, its garbage collections cost it too.
		buf = make([]byte, 0, want)
	}
	p := pbuf{b: append(buf[:0], make([]byte, grpcHeaderLen)...)}
	rs := p.open(requestResourceSpans)
	r := p.open(resourceSpansResource)
	for _, kv := range resource {
		p.keyValue(resourceAttributes, kv)
	}
	p.close(r)
	for _, t := range tracers {
		ss := -1
		for _, s := range spans {
			if s.tracer != t {
				continue
			}
			if ss < 0 {
				ss = p.open(resourceSpansScopeSpans)
				sc := p.open(scopeSpansScope)
				p.stringField(scopeName, t.key.name)
				p.stringField(scopeVersion, t.key.version)
				for _, kv := range t.attrs {
					p.keyValue(scopeAttributes, kv)
				}
				p.close(sc)
			}
			p.span(s)
		}
		if ss >= 0 {
			p.stringField(scopeSpansSchemaURL, t.key.schemaURL)
			p.close(ss)
		}
	}
	p.close(rs)
	binary.BigEndian.PutUint32(p.b[1:grpcHeaderLen], uint32(len(p.b)-grpcHeaderLen))
	return p.b
}

// estimatedSize is about what a request of n spans takes: hypergen's spans
// encode to 150 to 300 bytes (IDs, times, a few short attributes).
func estimatedSize(resourceAttrs, n int) int { return grpcHeaderLen + 64*resourceAttrs + 320*n }

// span writes an ended span as the SDK's otlptrace transform does.
func (p *pbuf) span(s *span) {
	at := p.open(scopeSpansSpans)
	tid, sid := s.sc.TraceID(), s.sc.SpanID()
	p.bytesField(spanTraceID, tid[:])
	p.bytesField(spanSpanID, sid[:])
	p.stringField(spanTraceState, s.sc.TraceState().String())
	if psid := s.parent.SpanID(); psid.IsValid() {
		p.bytesField(spanParentSpanID, psid[:])
	}
	p.stringField(spanName, s.name)
	p.uint64Field(spanKind, uint64(s.kind))
	p.fixed64Field(spanStart, unixNano(s.start.UnixNano()))
	p.fixed64Field(spanEnd, unixNano(s.end.UnixNano()))
	for _, kv := range s.attrs {
		p.keyValue(spanAttributes, kv)
	}
	p.uint64Field(spanDroppedAttrs, uint64(s.droppedAttrs))
	for _, e := range s.events {
		ev := p.open(spanEvents)
		p.fixed64Field(eventTime, unixNano(e.time.UnixNano()))
		p.stringField(eventName, e.name)
		for _, kv := range e.attrs {
			p.keyValue(eventAttributes, kv)
		}
		p.uint64Field(eventDroppedAttrs, uint64(e.dropped))
		p.close(ev)
	}
	p.uint64Field(spanDroppedEvents, uint64(s.droppedEvents))
	for _, l := range s.links {
		lk := p.open(spanLinks)
		ltid, lsid := l.sc.TraceID(), l.sc.SpanID()
		p.bytesField(linkTraceID, ltid[:])
		p.bytesField(linkSpanID, lsid[:])
		for _, kv := range l.attrs {
			p.keyValue(linkAttributes, kv)
		}
		p.uint64Field(linkDroppedAttrs, uint64(l.dropped))
		p.fixed32Field(linkFlags, spanFlagsFor(l.sc.TraceFlags(), l.sc))
		p.close(lk)
	}
	p.uint64Field(spanDroppedLinks, uint64(s.droppedLinks))
	// The SDK always sends a Status, empty when unset.
	st := p.open(spanStatus)
	p.stringField(statusMessage, s.statusDesc)
	switch s.status {
	case codes.Ok:
		p.uint64Field(statusCode, statusOK)
	case codes.Error:
		p.uint64Field(statusCode, statusError)
	}
	p.close(st)
	p.fixed32Field(spanFlags, spanFlagsFor(s.sc.TraceFlags(), s.parent))
	p.close(at)
}

func spanFlagsFor(tf trace.TraceFlags, parent trace.SpanContext) uint32 {
	f := uint32(tf) | flagHasIsRemote
	if parent.IsRemote() {
		f |= flagIsRemote
	}
	return f
}

func unixNano(n int64) uint64 { return uint64(max(0, n)) }

func (p *pbuf) keyValue(field int, kv attribute.KeyValue) {
	at := p.open(field)
	p.stringField(keyValueKey, string(kv.Key))
	p.anyValue(keyValueValue, kv.Value)
	p.close(at)
}

// anyValue writes an AnyValue. Its members form a oneof, so zero values are
// written too (false, 0 and "" are values, not absence).
func (p *pbuf) anyValue(field int, v attribute.Value) {
	at := p.open(field)
	switch v.Type() {
	case attribute.BOOL:
		p.tag(anyBool, wireVarint)
		p.varint(boolUint(v.AsBool()))
	case attribute.INT64:
		p.tag(anyInt, wireVarint)
		p.varint(uint64(v.AsInt64()))
	case attribute.FLOAT64:
		p.tag(anyDouble, wireFixed64)
		p.b = binary.LittleEndian.AppendUint64(p.b, math.Float64bits(v.AsFloat64()))
	case attribute.STRING:
		p.rawString(anyString, v.AsString())
	case attribute.BYTESLICE:
		p.rawString(anyBytes, string(v.AsByteSlice()))
	case attribute.BOOLSLICE:
		arrayValue(p, v.AsBoolSlice(), attribute.BoolValue)
	case attribute.INT64SLICE:
		arrayValue(p, v.AsInt64Slice(), attribute.Int64Value)
	case attribute.FLOAT64SLICE:
		arrayValue(p, v.AsFloat64Slice(), attribute.Float64Value)
	case attribute.STRINGSLICE:
		arrayValue(p, v.AsStringSlice(), attribute.StringValue)
	case attribute.SLICE:
		arrayValue(p, v.AsSlice(), func(v attribute.Value) attribute.Value { return v })
	case attribute.MAP:
		kvl := p.open(anyKVList)
		for _, kv := range v.AsMap() {
			p.keyValue(kvListValues, kv)
		}
		p.close(kvl)
	case attribute.EMPTY:
	default:
		p.rawString(anyString, "INVALID")
	}
	p.close(at)
}

// arrayValue writes AnyValue.array_value with one AnyValue per element.
func arrayValue[T any](p *pbuf, elems []T, value func(T) attribute.Value) {
	at := p.open(anyArray)
	for _, e := range elems {
		p.anyValue(arrayValues, value(e))
	}
	p.close(at)
}

func boolUint(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
