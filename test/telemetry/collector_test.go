package telemetry

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

var hypergenBin string

func TestMain(m *testing.M) { os.Exit(testenv.MainWithHypergen(m, &hypergenBin)) }

// testCollectorConfig prints every span in full, for parseSpans.
var testCollectorConfig = testenv.CollectorConfig("detailed")

type result struct {
	code           int
	stdout, stderr string
}

// run runs the hypergen binary in dir with a minimal environment plus env.
// The timeout only guards against a hang; nothing here is timed.
func run(t *testing.T, dir string, env map[string]string, args ...string) result {
	t.Helper()
	return runBin(t, hypergenBin, dir, env, args...)
}

// runBin is run with another hypergen executable.
func runBin(t *testing.T, bin, dir string, env map[string]string, args ...string) result {
	t.Helper()
	return runWith(t, bin, dir, env, nil, args...)
}

// runWith is runBin calling during, if set, once the process has started
// (to signal it, say).
func runWith(t *testing.T, bin, dir string, env map[string]string, during func(*os.Process), args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if during != nil {
		during(cmd.Process)
	}
	err := cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("hypergen %v did not finish: %v", args, ctx.Err())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

// project writes a template tree with two adds and an inject.
func project(t *testing.T, extra map[string]string) string {
	t.Helper()
	files := map[string]string{
		"_templates/svc/new/a.ejs.t":     "---\nto: services/<%= name %>.go\n---\npackage <%= name %>\n",
		"_templates/svc/new/b.ejs.t":     "---\nto: services/<%= name %>_test.go\n---\npackage <%= name %>_test\n",
		"_templates/svc/new/c-reg.ejs.t": "---\nto: registry.txt\ninject: true\nappend: true\n---\n<%= name %>",
		"registry.txt":                   "services:\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// threeRuns makes two good generations and one that fails in a template,
// exporting to col with env, and returns the spans the Collector received
// once all three runs are there.
func threeRuns(t *testing.T, col *testenv.Collector, env map[string]string) []span {
	t.Helper()
	// With OTEL_METRICS_EXPORTER=otlp, each run says it exports series of
	// its own; nothing else may be said.
	quiet := ""
	if env["OTEL_METRICS_EXPORTER"] == "otlp" {
		quiet = "hypergen: warning: OTEL_METRICS_EXPORTER=otlp makes this run export metric series of its own"
	}
	for _, name := range []string{"billing", "ledger"} {
		r := run(t, project(t, nil), env, "svc", "new", name)
		said := r.stderr == ""
		if quiet != "" {
			said = strings.HasPrefix(r.stderr, quiet) && strings.Count(r.stderr, "\n") == 1
		}
		if r.code != 0 || !said {
			t.Fatalf("generation of %s: exit %d, stderr %q", name, r.code, r.stderr)
		}
	}
	bad := project(t, map[string]string{"_templates/svc/new/d.ejs.t": "---\nto: d.txt\n---\nline one\n<%= undefinedThing %>\n"})
	if r := run(t, bad, env, "svc", "new", "broken"); r.code != 1 {
		t.Fatalf("the failing generation exited %d: %s", r.code, r.stderr)
	}
	var spans []span
	testenv.WaitFor(t, "three hypergen.run spans in the debug output", 30*time.Second, func() (bool, string) {
		spans = parseSpans(col.Output())
		n := 0
		for _, s := range spans {
			if s.Name == "hypergen.run" {
				n++
			}
		}
		return n == 3, fmt.Sprintf("%d runs among %d spans", n, len(spans))
	})
	return spans
}

// waitForGoodRun waits until col has received the hypergen.run span of a
// run that succeeded.
func waitForGoodRun(t *testing.T, col *testenv.Collector) {
	t.Helper()
	testenv.WaitFor(t, "the run's spans", 30*time.Second, func() (bool, string) {
		spans := parseSpans(col.Output())
		for _, s := range spans {
			if s.Name == "hypergen.run" && s.Attrs["hypergen.outcome"] == "ok" {
				return true, ""
			}
		}
		return false, fmt.Sprintf("%d spans", len(spans))
	})
}

// span is one span as the debug exporter prints it.
type span struct {
	TraceID, ParentID, ID, Name, Kind, Status, StatusMessage string
	Attrs                                                    map[string]string
}

// parseSpans reads the debug exporter's detailed output.
func parseSpans(out string) []span {
	var spans []span
	var cur *span
	inAttrs := false
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "Span #"):
			spans = append(spans, span{Attrs: map[string]string{}})
			cur, inAttrs = &spans[len(spans)-1], false
		case cur == nil:
		case trimmed == "Attributes:":
			inAttrs = true
		case inAttrs && strings.HasPrefix(trimmed, "-> "):
			k, v, _ := strings.Cut(strings.TrimPrefix(trimmed, "-> "), ": ")
			// Values print as Str(x), Int(3), Bool(true).
			if i := strings.IndexByte(v, '('); i >= 0 && strings.HasSuffix(v, ")") {
				v = v[i+1 : len(v)-1]
			}
			cur.Attrs[k] = v
		case strings.HasPrefix(line, "    ") && strings.Contains(line, " : "):
			k, v, _ := strings.Cut(trimmed, " : ")
			v = strings.TrimSpace(v)
			switch strings.TrimSpace(k) {
			case "Trace ID":
				cur.TraceID = v
			case "Parent ID":
				cur.ParentID = v
			case "ID":
				cur.ID = v
			case "Name":
				cur.Name = v
			case "Kind":
				cur.Kind = v
			case "Status code":
				cur.Status = v
			case "Status message":
				cur.StatusMessage = v
			}
		case !strings.HasPrefix(line, " "):
			inAttrs, cur = false, nil
		}
	}
	return spans
}
