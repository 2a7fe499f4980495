package telemetry

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// sdkOnly is a setting that only the SDK pipeline honours, with the SDK's
// own default value: it sends a run to hypergen-perf without changing
// what is exported.
const sdkOnly, sdkDefault = "OTEL_TRACES_SAMPLER", "parentbased_always_on"

// TestOneShotExportMatchesTheSDK runs the same three generations (two good,
// one failing in a template) once exported by hypergen itself (package
// oneshot) and once handed to hypergen-perf's SDK pipeline, each into a
// Collector of its own, and compares the spans as the Collector received
// them: names, kinds, parents, statuses and attributes (values too, except
// durations, which differ from run to run).
func TestOneShotExportMatchesTheSDK(t *testing.T) {
	collect := func(extra map[string]string) []string {
		col := testenv.StartCollector(t, testCollectorConfig)
		env := otlpEnv(col)
		maps.Copy(env, extra)
		return describe(t, threeRuns(t, col, env))
	}
	lean := collect(nil)
	sdk := collect(map[string]string{sdkOnly: sdkDefault})
	if !slices.Equal(lean, sdk) {
		t.Errorf("hypergen's own export and the SDK's differ.\nhypergen:\n%s\nSDK:\n%s",
			strings.Join(lean, "\n"), strings.Join(sdk, "\n"))
	}
	if len(lean) < 3*8 {
		t.Errorf("only %d spans", len(lean))
	}
}

// describe turns spans into sorted lines that compare across runs: the
// span's name, kind, status, its parent's name and its attributes, with
// durations and the generated names (which differ by run) blanked.
func describe(t *testing.T, spans []span) []string {
	t.Helper()
	byID := map[string]span{}
	for _, s := range spans {
		byID[s.ID] = s
	}
	var out []string
	for _, s := range spans {
		parent := "-"
		if s.ParentID != "" {
			p, ok := byID[s.ParentID]
			if !ok {
				t.Errorf("%s: parent %s not exported", s.Name, s.ParentID)
			}
			parent = p.Name
		}
		var attrs []string
		for k, v := range s.Attrs {
			switch {
			case strings.HasSuffix(k, ".seconds"):
				v = "<duration>"
			case k == "hypergen.target" || k == "code.filepath":
				v = filepath.Base(v)
			}
			attrs = append(attrs, k+"="+v)
		}
		slices.Sort(attrs)
		out = append(out, fmt.Sprintf("%s kind=%s status=%s parent=%s %s", s.Name, s.Kind, s.Status, parent, strings.Join(attrs, " ")))
	}
	slices.Sort(out)
	return out
}

// TestCLIExportsOnItsOwn: the everyday hypergen binary exports a run's
// spans by itself. Copied alone into a folder, with hypergen-perf neither
// beside it nor on PATH, its spans reach the Collector and it prints
// nothing; a setting only the SDK pipeline honours still needs
// hypergen-perf, and the run says that its telemetry is off.
func TestCLIExportsOnItsOwn(t *testing.T) {
	b, err := os.ReadFile(hypergenBin)
	if err != nil {
		t.Fatal(err)
	}
	alone := filepath.Join(t.TempDir(), "hypergen")
	if err := os.WriteFile(alone, b, 0o755); err != nil {
		t.Fatal(err)
	}
	col := testenv.StartCollector(t, testCollectorConfig)
	env := otlpEnv(col)
	env["PATH"] = "/usr/bin:/bin"
	if r := runBin(t, alone, project(t, nil), env, "svc", "new", "alone"); r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	waitForGoodRun(t, col)

	env[sdkOnly] = sdkDefault
	dir := project(t, nil)
	r := runBin(t, alone, dir, env, "svc", "new", "handed")
	if r.code != 0 || !strings.Contains(r.stderr, "telemetry is off for this run: exporting needs the hypergen-perf executable") {
		t.Errorf("with %s set and no hypergen-perf: exit %d, stderr %q", sdkOnly, r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "services", "handed.go")); err != nil {
		t.Errorf("the run without telemetry generated nothing: %v", err)
	}
}

// TestCLIExportsAfterTheCollectorClosedItsConnection is a run that keeps
// its connection to the Collector idle longer than the Collector allows
// (here a shell step that sleeps, at a prompt in real use): the Collector
// closes it (gRPC keepalive max_connection_age and its grace: a GOAWAY,
// then the close), and hypergen exports on a new one.
func TestCLIExportsAfterTheCollectorClosedItsConnection(t *testing.T) {
	config := strings.Replace(testCollectorConfig, "endpoint: {{OTLP}}",
		"endpoint: {{OTLP}}\n        keepalive:\n          server_parameters:\n            max_connection_age: 300ms\n            max_connection_age_grace: 100ms", 1)
	col := testenv.StartCollector(t, config)
	dir := project(t, map[string]string{"_templates/svc/new/d-wait.ejs.t": "---\nsh: sleep 1.5\n---\n"})
	if r := runBin(t, hypergenBin, dir, otlpEnv(col), "svc", "new", "idle"); r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	waitForGoodRun(t, col)
}

// TestLargeRunsKeepEverySpan: a 1,500-template action with a span per
// template step ends its spans faster than they can be exported. Whether
// hypergen exports them itself or hands the run to hypergen-perf's SDK
// pipeline, every template's span reaches the Collector.
func TestLargeRunsKeepEverySpan(t *testing.T) {
	const templates = 1500
	tree := map[string]string{}
	for i := range templates {
		tree[fmt.Sprintf("_templates/big/new/t%d.ejs.t", i)] = fmt.Sprintf("---\nto: out/<%%= name %%>/f%d.txt\n---\nx\n", i)
	}
	for _, path := range []struct {
		name  string
		extra map[string]string
	}{{"hypergen", nil}, {"hypergen-perf", map[string]string{sdkOnly: sdkDefault}}} {
		t.Run(path.name, func(t *testing.T) {
			col := testenv.StartCollector(t, testCollectorConfig)
			env := otlpEnv(col)
			env["HYPERGEN_FSYNC"] = "0"
			maps.Copy(env, path.extra)
			if r := run(t, project(t, tree), env, "big", "new", "b"); r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			counts := map[string]int{}
			// The debug exporter prints a batch at a time: wait until the
			// count stops growing, then judge it.
			last := -1
			testenv.WaitFor(t, "the run's spans to stop arriving", 60*time.Second, func() (bool, string) {
				time.Sleep(time.Second)
				clear(counts)
				for _, s := range parseSpans(col.Output()) {
					counts[s.Name]++
				}
				n := counts["hypergen.template"]
				done := counts["hypergen.run"] == 1 && n == last
				last = n
				return done, fmt.Sprint(counts)
			})
			for _, name := range []string{"hypergen.template", "hypergen.read", "hypergen.render_template", "hypergen.op.add"} {
				if counts[name] != templates {
					t.Errorf("%d %s spans reached the Collector, want %d", counts[name], name, templates)
				}
			}
			if t.Failed() {
				// Tells a span lost on the way from one lost in the printout.
				t.Logf("the Collector's summary lines count %d spans received", receivedSpans(col.Output()))
			}
		})
	}
}

// receivedSpans adds up the span counts of the debug exporter's summary
// line for each batch ("Traces ... "spans": 512").
func receivedSpans(out string) int {
	n := 0
	for _, m := range regexp.MustCompile(`\tTraces\t.*"spans": (\d+)`).FindAllStringSubmatch(out, -1) {
		k, _ := strconv.Atoi(m[1])
		n += k
	}
	return n
}
