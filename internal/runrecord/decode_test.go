package runrecord_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// recordOf is the encoded record of drive's events.
func recordOf(drive func(ctx context.Context, obs generator.Observer)) []byte {
	rec := runrecord.NewRecorder([]attribute.KeyValue{attribute.String("service.name", "t")}, false)
	drive(context.Background(), rec)
	return rec.Bytes()
}

// TestDecodeRefuses: a record that is cut short, of another version, out
// of order, or naming a phase, operation or status the engine does not have
// is refused with the reason; none is half read.
func TestDecodeRefuses(t *testing.T) {
	good := recordOf(runs["success"])
	if _, err := runrecord.Decode(good); err != nil {
		t.Fatalf("the good record: %v", err)
	}
	for i := range len(good) {
		if _, err := runrecord.Decode(good[:i]); err == nil {
			t.Fatalf("a record cut to %d of %d bytes was accepted", i, len(good))
		}
	}
	header := recordOf(func(context.Context, generator.Observer) {})
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"another version", append([]byte("HGRR\x01"), good[5:]...), "version"}, // before a file's failed step
		{"a later version", append([]byte("HGRR\x03"), good[5:]...), "version"},
		{"not a record", []byte("hello, world"), "version"},
		{"no events", header, "no events"},
		{"first event not the start", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunDone(ctx, nil, nil)
		}), "first event"},
		{"two starts", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
			o.RunStart(ctx, nil)
		}), "second run start"},
		{"no end", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
		}), "end is missing"},
		{"an event after the end", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
			o.RunDone(ctx, nil, nil)
			o.PhaseDone(ctx, generator.PhaseList, time.Now(), nil)
		}), "after the run's end"},
		{"unknown phase", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
			o.PhaseDone(ctx, "exfiltrate", time.Now(), nil)
		}), "unknown phase"},
		{"unknown operation", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
			o.OpDone(ctx, generator.OpResult{Kind: "rm", Status: generator.StatusAdded}, time.Now(), nil)
		}), "unknown operation"},
		{"unknown status", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
			o.OpDone(ctx, generator.OpResult{Kind: generator.OpAdd, Status: "pwned"}, time.Now(), nil)
		}), "unknown status"},
		{"unknown step", recordOf(func(ctx context.Context, o generator.Observer) {
			o.RunStart(ctx, nil)
			o.FileDone(ctx, generator.FileEvent{Template: "t", Start: time.Now(), Err: errors.New("x"), Failed: 9})
		}), "unknown step"},
		{"unknown event", append(bytes.Clone(good), 99), "unknown event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := runrecord.Decode(tt.b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Decode() = %v, want an error saying %q", err, tt.want)
			}
			if len(rec.Events) != 0 || len(rec.Resource) != 0 {
				t.Errorf("a refused record came back half read: %+v", rec)
			}
		})
	}
}

// FuzzDecode: whatever arrives on the relay socket, Decode does not panic,
// and a record it accepts replays without panicking.
func FuzzDecode(f *testing.F) {
	for _, drive := range runs {
		f.Add(recordOf(drive))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := runrecord.Decode(b)
		if err != nil {
			return
		}
		tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(tracetest.NewSpanRecorder()))
		runrecord.Replay(context.Background(), observe.NewReplayer(tp.Tracer(catalog.InstrumentationScope), rec.StepSpans), rec)
	})
}

// TestRecorderConcurrentFiles: render workers report files at once; every
// event lands whole in the record.
func TestRecorderConcurrentFiles(t *testing.T) {
	ctx := context.Background()
	rec := runrecord.NewRecorder(nil, false)
	rec.RunStart(ctx, nil)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			rec.FileDone(ctx, generator.FileEvent{Template: strings.Repeat("t", i), Start: time.Now(), Bytes: i})
		})
	}
	wg.Wait()
	rec.RunDone(ctx, nil, nil)
	got, err := runrecord.Decode(rec.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, e := range got.Events {
		if e.Kind == runrecord.FileDone && len(e.File.Template) == e.File.Bytes {
			seen[e.File.Bytes] = true
		}
	}
	if len(seen) != 50 || len(got.Events) != 52 {
		t.Errorf("%d events, %d whole files of 50", len(got.Events), len(seen))
	}
}

// A string that is not UTF-8 (a file name can be any bytes) decodes with
// U+FFFD in place of the bad bytes: the agent exports relayed spans in
// batches, and one such string failed the whole batch.
func TestDecodeMakesStringsUTF8(t *testing.T) {
	b := recordOf(func(ctx context.Context, obs generator.Observer) {
		ctx = obs.RunStart(ctx, nil)
		obs.FileDone(ctx, generator.FileEvent{Template: "_templates/g/a/\xffx.t", Start: time.Now()})
		obs.RunDone(ctx, &generator.Result{Generator: "g\xfe", Action: "a"}, nil)
	})
	rec, err := runrecord.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, e := range rec.Events {
		if e.File.Template != "" {
			seen = append(seen, e.File.Template)
		}
		if e.Result != nil {
			seen = append(seen, e.Result.Generator)
		}
	}
	if want := []string{"_templates/g/a/\uFFFDx.t", "g\uFFFD"}; strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("decoded strings %q, want %q", seen, want)
	}
}
