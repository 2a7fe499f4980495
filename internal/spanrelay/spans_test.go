package spanrelay

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// record is the record of a run of spans-1 templates.
func record(spans int) []byte {
	return recordOf(spans, attribute.String("service.name", "relay-test"))
}

// recordOf is record for a process that resource describes.
func recordOf(spans int, resource ...attribute.KeyValue) []byte {
	ctx := context.Background()
	rec := runrecord.NewRecorder(resource, false)
	rec.RunStart(ctx, nil)
	for i := range spans - 1 {
		rec.FileDone(ctx, generator.FileEvent{Template: fmt.Sprintf("t%d.ejs.t", i), Start: time.Now(), Render: time.Millisecond})
	}
	rec.RunDone(ctx, &generator.Result{Generator: "g", Action: "a", Files: spans - 1}, nil)
	return rec.Bytes()
}

// collect is a forward function that keeps what it is given.
func collect(into *[]sdktrace.ReadOnlySpan) func([]sdktrace.ReadOnlySpan) {
	return func(spans []sdktrace.ReadOnlySpan) { *into = append(*into, spans...) }
}

// TestSpansIgnoreTheAgentsSampling: the agent's own sampler and span limits
// (OTEL_TRACES_SAMPLER, OTEL_SPAN_*) do not thin out or cut a relayed run:
// the run recorded every span, with the SDK's default limits.
func TestSpansIgnoreTheAgentsSampling(t *testing.T) {
	t.Setenv("OTEL_TRACES_SAMPLER", "always_off")
	t.Setenv("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", "1")
	var spans []sdktrace.ReadOnlySpan
	if err := Spans(record(5), 0, collect(&spans)); err != nil {
		t.Fatal(err)
	}
	if len(spans) != 5 {
		t.Fatalf("%d spans, want the run's 5", len(spans))
	}
	for _, s := range spans {
		if n := len(s.Attributes()); n < 2 || s.DroppedAttributes() != 0 {
			t.Errorf("%s: %d attributes, %d dropped: cut by the agent's limit", s.Name(), n, s.DroppedAttributes())
		}
	}
}

// TestSpansNameTheSender: the process id the kernel gave goes into the
// resource of a record that carries none (a Linux sender's), and not over
// one that carries its own (another system's, or an older hypergen's).
func TestSpansNameTheSender(t *testing.T) {
	withPID := recordOf(2, attribute.String("service.name", "relay-test"), attribute.Int("process.pid", 42))
	for _, tc := range []struct {
		name    string
		record  []byte
		kernel  int
		wantPID string
	}{
		{"the kernel's", record(2), 99, "99"},
		{"none given", record(2), 0, ""},
		{"the record's own", withPID, 99, "42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var spans []sdktrace.ReadOnlySpan
			if err := Spans(tc.record, tc.kernel, collect(&spans)); err != nil {
				t.Fatal(err)
			}
			for _, s := range spans {
				v, _ := s.Resource().Set().Value("process.pid")
				if got := v.Emit(); got != tc.wantPID {
					t.Errorf("%s: process.pid %q, want %q", s.Name(), got, tc.wantPID)
				}
			}
			if len(spans) != 2 {
				t.Errorf("%d spans, want 2", len(spans))
			}
		})
	}
}

// TestSpansComeInChunks: the largest record a run sends, made of the
// smallest template events, with a span for every step (five spans per
// event: about 80,000 from 192 KiB), reaches forward at most Chunk spans at
// a time, every span once, the run's span last. Made all at once they held
// about 95 MB of the agent's heap.
func TestSpansComeInChunks(t *testing.T) {
	rec := runrecord.NewRecorder(nil, true)
	ctx := rec.RunStart(context.Background(), nil)
	files := 0
	for len(rec.Bytes()) < runrecord.MaxSend-64 {
		rec.FileDone(ctx, generator.FileEvent{Start: time.Now()})
		files++
	}
	rec.RunDone(ctx, nil, nil)
	var calls, spans, largest int
	var last sdktrace.ReadOnlySpan
	err := Spans(rec.Bytes(), 0, func(chunk []sdktrace.ReadOnlySpan) {
		calls++
		spans += len(chunk)
		largest = max(largest, len(chunk))
		last = chunk[len(chunk)-1]
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + 5*files; spans != want {
		t.Errorf("%d spans forwarded, want %d (a run span, and a template span and four step spans for each of %d files)", spans, want, files)
	}
	if largest > Chunk {
		t.Errorf("forward was given %d spans at once, more than Chunk (%d)", largest, Chunk)
	}
	if last == nil || last.Parent().IsValid() {
		t.Errorf("the last span forwarded is not the run's (root) span")
	}
	t.Logf("%d files, %d spans in %d calls", files, spans, calls)
}

// TestSpansRefusesBeforeForwarding: a record that does not decode is
// refused whole: forward is never called.
func TestSpansRefusesBeforeForwarding(t *testing.T) {
	good := record(3)
	called := false
	if err := Spans(good[:len(good)-1], 0, func([]sdktrace.ReadOnlySpan) { called = true }); err == nil {
		t.Fatal("a record cut short was accepted")
	}
	if called {
		t.Error("forward was called for a refused record")
	}
}
