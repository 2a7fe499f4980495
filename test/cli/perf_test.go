package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/perf"
	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// perf benchmark exits 1 exactly when a target it prints is missed, names the
// targets on stderr, and exits 0 with --no-fail; targets carry the budgets'
// names.
func TestBenchmarkExitFollowsTargets(t *testing.T) {
	dir := t.TempDir()
	for _, noFail := range []bool{false, true} {
		args := []string{"perf", "benchmark", "--iterations", "3", "--generators", "3", "--json"}
		if noFail {
			args = append(args, "--no-fail")
		}
		r := run(t, dir, nil, args...)
		var rep struct {
			Metrics []struct{ Name string }
			Targets []struct {
				Name string
				Met  bool
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("%v: %v", err, r)
		}
		var missed []string
		names := map[string]bool{}
		for _, tg := range rep.Targets {
			names[tg.Name] = true
			if !tg.Met {
				missed = append(missed, tg.Name)
			}
		}
		for _, want := range []string{"generation_p95", "resolution_p99", "cache_hit_ratio", "cold_generation_p50", "process_startup_ratio"} {
			if !names[want] {
				t.Errorf("no target %s: %v", want, rep.Targets)
			}
		}
		metrics := map[string]bool{}
		for _, m := range rep.Metrics {
			metrics[m.Name] = true
		}
		if !metrics["process_startup"] || !metrics["resolution"] || !metrics["generation"] {
			t.Errorf("metrics %v lack the shared names", rep.Metrics)
		}
		want := 0
		if len(missed) > 0 && !noFail {
			want = 1
		}
		if r.code != want {
			t.Errorf("--no-fail=%v, missed %v: exit %d, want %d\n%s", noFail, missed, r.code, want, r.stderr)
		}
		if want == 1 && !strings.Contains(r.stderr, "targets not met: "+strings.Join(missed, ", ")) {
			t.Errorf("stderr does not name the missed targets: %s", r.stderr)
		}
	}
}

// perf benchmark's cold runs are local processes with telemetry off,
// whatever the user's shell holds: with HYPERGEN_AGENT_URL set, as the
// README suggests for everyday use, they went to the agent, which wrote the
// benchmark's files into its own project; a bad telemetry value failed the
// benchmark midway.
func TestBenchmarkColdRunsStayLocal(t *testing.T) {
	var requests atomic.Int64
	agent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, "not here", http.StatusServiceUnavailable)
	}))
	defer agent.Close()
	env := []string{"HYPERGEN_AGENT_URL=" + agent.URL, "HYPERGEN_AGENT_TOKEN=secret-token", "OTEL_SDK_DISABLED=maybe",
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + agent.Listener.Addr().String(), "HYPERGEN_TELEMETRY_RELAY=/nonexistent/relay.sock"}
	r := run(t, t.TempDir(), env, "perf", "benchmark", "--iterations", "3", "--generators", "3", "--no-fail", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("the benchmark's runs sent %d requests to the agent's address", n)
	}
}

// perf analyze recommends perf optimize only when the index missed: with 110
// hits and 0 misses a slow cold generation is the process, not the index.
func TestAnalyzeRecommendsWhatTheDataSupports(t *testing.T) {
	for _, tt := range []struct {
		misses   int
		optimize bool
	}{{0, false}, {5, true}} {
		cache := t.TempDir()
		if err := os.MkdirAll(filepath.Join(cache, "perf"), 0o755); err != nil {
			t.Fatal(err)
		}
		record := `{"kind":"benchmark","time":"2026-12-01T00:00:00Z","environment":{},"report":{` +
			`"corpus":{"generators":1000},"iterations":10,` +
			`"metrics":[{"name":"process_startup","unit":"s","summary":{"n":10,"p50":0.030}},` +
			`{"name":"cold_generation","unit":"s","summary":{"n":10,"p50":0.150}}],` + // over budgets.ColdGeneration
			`"phases":{"resolve":0.0001,"list":0.0001,"render":0.002,"plan":0.0002,"apply":0.001},` +
			`"render_detail":{"read":0.0001,"frontmatter":0.0001,"compile":0.0001,"run":0.001},` +
			`"cache":{"hits":100,"misses":10,"hit_rate":0.9,"steady_hit_rate":1},` +
			`"index":{"hits":110,"misses":` + strconv.Itoa(tt.misses) + `}}}` + "\n"
		if err := os.WriteFile(filepath.Join(cache, "perf", "history.jsonl"), []byte(record), 0o644); err != nil {
			t.Fatal(err)
		}
		r := run(t, t.TempDir(), []string{"HYPERGEN_CACHE_DIR=" + cache}, "perf", "analyze")
		if r.code != 0 {
			t.Fatal(r)
		}
		if got := strings.Contains(r.stdout, "perf optimize"); got != tt.optimize {
			t.Errorf("index misses %d: recommends perf optimize %v, want %v\n%s", tt.misses, got, tt.optimize, r.stdout)
		}
		if tt.misses == 0 && !strings.Contains(r.stdout, "process start-up is 30.0 ms") {
			t.Errorf("the recommendation should name the process cost:\n%s", r.stdout)
		}
	}
}

// perf benchmark times hypergen's process start-up against a hello-world
// started in the same run and prints both, the ratio and the baseline it
// used: one built by the go command on PATH (kept in the cache folder), or,
// with no go command, hypergen-perf as a stand-in, whose ratio is printed
// but not judged.
func TestBenchmarkComparesStartUpWithHelloWorld(t *testing.T) {
	gobin, err := exec.LookPath("go") // go test puts its own go first on PATH
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, gocache, baseline, warning string
		judged                                 bool
	}{
		{"go on PATH", filepath.Dir(gobin), testenv.GoCache(), "hello-world Go binary built by go", "", true},
		{"no go command", t.TempDir(), "", "stand-in: hypergen-perf exiting before its heavy package inits (no go command", "", false},
		// A relative GOCACHE makes go build refuse to run.
		{"go cannot build", filepath.Dir(gobin), "relative", "stand-in: hypergen-perf exiting before its heavy package inits (the go command could not",
			"warning: building a hello-world with go", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cache := t.TempDir()
			r := run(t, t.TempDir(), []string{"PATH=" + tt.path, "GOCACHE=" + tt.gocache, "HYPERGEN_CACHE_DIR=" + cache},
				"perf", "benchmark", "--iterations", "3", "--generators", "2", "--no-fail")
			if r.code != 0 {
				t.Fatal(r)
			}
			if tt.warning != "" && !strings.Contains(r.stderr, tt.warning) {
				t.Errorf("stderr lacks %q:\n%s", tt.warning, r.stderr)
			}
			p50 := map[string]float64{}
			for _, line := range strings.Split(r.stdout, "\n") {
				if f := strings.Fields(line); len(f) == 6 && strings.HasPrefix(f[0], "process_startup") {
					p50[f[0]], _ = strconv.ParseFloat(f[2], 64)
				}
			}
			if p50["process_startup"] <= 0 || p50["process_startup_baseline"] <= 0 {
				t.Fatalf("no start-up times for hypergen and the baseline:\n%s", r.stdout)
			}
			m := regexp.MustCompile(`Process start-up: ([0-9.]+)× the baseline \(p50 over p50\); baseline: (.*)`).FindStringSubmatch(r.stdout)
			if m == nil {
				t.Fatalf("no start-up ratio:\n%s", r.stdout)
			}
			ratio, _ := strconv.ParseFloat(m[1], 64)
			if want := p50["process_startup"] / p50["process_startup_baseline"]; math.Abs(ratio-want) > 0.01*want+0.01 {
				t.Errorf("ratio %v, but the p50s give %v:\n%s", ratio, want, r.stdout)
			}
			if !strings.HasPrefix(m[2], tt.baseline) {
				t.Errorf("baseline %q, want %q…", m[2], tt.baseline)
			}
			if got := strings.Contains(r.stdout, "\nprocess_startup_ratio "); got != tt.judged {
				t.Errorf("process_startup_ratio judged: %v, want %v:\n%s", got, tt.judged, r.stdout)
			}
			built, _ := filepath.Glob(filepath.Join(cache, "perf", "baseline", "hello-go*"))
			if (len(built) == 1) != tt.judged {
				t.Errorf("hello-world binaries in the cache: %v", built)
			}
		})
	}
}

// A cached hello-world that no longer runs (truncated when a disk filled
// up) is built again, not timed as it is or failing every benchmark.
func TestBenchmarkRebuildsADamagedHelloWorld(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	env := []string{"PATH=" + filepath.Dir(gobin), "GOCACHE=" + testenv.GoCache(), "HYPERGEN_CACHE_DIR=" + cache}
	args := []string{"perf", "benchmark", "--iterations", "2", "--generators", "2", "--no-fail"}
	if r := run(t, t.TempDir(), env, args...); r.code != 0 {
		t.Fatal(r)
	}
	built, _ := filepath.Glob(filepath.Join(cache, "perf", "baseline", "hello-go*"))
	if len(built) != 1 {
		t.Fatalf("hello-world binaries in the cache: %v", built)
	}
	if err := os.WriteFile(built[0], []byte("\x7fELF cut short"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := run(t, t.TempDir(), env, args...)
	if r.code != 0 || !strings.Contains(r.stdout, "baseline: hello-world Go binary built by go") {
		t.Fatalf("want a benchmark against a rebuilt hello-world:\n%v", r)
	}
	if out, err := exec.Command(built[0]).Output(); err != nil || string(out) != "hello\n" {
		t.Errorf("the cached hello-world prints %q, %v", out, err)
	}
}

// Counts that would fill the disk or run for days are usage errors before
// anything is written: a typo, not a measurement.
func TestPerfCountsAreBounded(t *testing.T) {
	dir := project(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"perf", "benchmark", "--iterations", "1000000"}, "--iterations must be 1 to 10000, got 1000000"},
		{[]string{"perf", "benchmark", "--generators", "2000000"}, "is more than 1000000 templates"},
		{[]string{"perf", "test", "--generators", "300000"}, "is more than 1000000 templates"},
		{[]string{"perf", "test", "--reps", "20000"}, "--reps must be 3 to 10000"},
		{[]string{"perf", "corpus", "--output", "big", "--generators", "9223372036854775807"}, "is more than 1000000 templates"},
	} {
		if r := run(t, dir, nil, tt.args...); r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: want exit 2 saying %q; got %v", tt.args, tt.want, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "big")); err == nil {
		t.Error("perf corpus wrote a tree it refused")
	}
}

// perf optimize that could not write the index fails, so a script that
// runs it to warm a CI cache sees it; perf export says when it left out
// unreadable history lines.
func TestPerfOptimizeAndExportReportWhatTheyCouldNotDo(t *testing.T) {
	dir := project(t)
	cache := t.TempDir()
	if err := os.WriteFile(filepath.Join(cache, "index-v1"), nil, 0o644); err != nil { // a file where the index folder goes
		t.Fatal(err)
	}
	env := []string{"HYPERGEN_CACHE_DIR=" + cache}
	r := run(t, dir, env, "perf", "optimize")
	if r.code != 1 || !strings.Contains(r.stderr, "hypergen perf optimize: 3 of 3 actions are still not indexed") {
		t.Errorf("want exit 1 saying the actions are not indexed; got %v", r)
	}
	if err := os.Remove(filepath.Join(cache, "index-v1")); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, env, "perf", "optimize"); r.code != 0 {
		t.Fatal(r)
	}
	// HYGEN_TMPLS that is not a folder: ./_templates is indexed, as a
	// generation uses it, with the generation's word on why.
	r = run(t, dir, append(env, "HYGEN_TMPLS=nowhere"), "perf", "optimize")
	if r.code != 0 || !strings.Contains(r.stderr, `warning: HYGEN_TMPLS="nowhere" is not a folder; indexing `+filepath.Join(dir, "_templates")) {
		t.Errorf("want a warning naming HYGEN_TMPLS; got %v", r)
	}
	history := filepath.Join(cache, "perf", "history.jsonl")
	f, err := os.OpenFile(history, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{\"kind\":\"optimize\",\"torn\n")
	f.Close()
	r = run(t, dir, env, "perf", "export", "--output", filepath.Join(dir, "export.json"))
	if r.code != 0 || !strings.Contains(r.stderr, "warning: left out 1 unreadable line(s) of "+history) {
		t.Errorf("want a warning about the torn line; got %v", r)
	}
	// --json with --output: stdout is still JSON, saying what was written.
	for _, format := range []string{"json", "html"} {
		out := filepath.Join(dir, "export."+format)
		r = run(t, dir, env, "perf", "export", "--json", "--format", format, "--output", out)
		var said struct {
			Output, Format string
			Runs           int
		}
		if err := json.Unmarshal([]byte(r.stdout), &said); r.code != 0 || err != nil || said.Output != out || said.Format != format || said.Runs != 3 { // the three optimize runs
			t.Errorf("--json --format %s --output: %v (%v)", format, r, err)
		}
	}
}

// A report written over the perf history it reads (by name or through a
// link) is refused: the export replaced the history, and every later
// analysis found no run.
func TestPerfReportIsNotWrittenOverTheHistory(t *testing.T) {
	dir := project(t)
	cache := t.TempDir()
	env := []string{"HYPERGEN_CACHE_DIR=" + cache}
	if r := run(t, dir, env, "perf", "optimize"); r.code != 0 {
		t.Fatal(r)
	}
	history := filepath.Join(cache, "perf", "history.jsonl")
	before, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "history-link.json")
	if err := os.Symlink(history, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"perf", "export", "--output", history},
		{"perf", "export", "--output", link},
		{"perf", "export", "--format", "html", "--output", history},
		{"perf", "analyze", "--html", link},
	} {
		r := run(t, dir, env, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "is the perf history it reads") {
			t.Errorf("%v: exit %d, want 2 and the history named\n%s", args, r.code, r)
		}
	}
	if after, err := os.ReadFile(history); err != nil || !bytes.Equal(after, before) {
		t.Fatalf("the history changed (%v):\n%s", err, after)
	}
}

// perf analyze tells a history without a perf test from one whose perf test
// was too small to fit the memory exponent; it said "no 'perf test'" for both.
func TestPerfAnalyzeSaysWhyMemoryGrowthIsUnknown(t *testing.T) {
	dir := project(t)
	env := []string{"HYPERGEN_CACHE_DIR=" + t.TempDir()}
	if r := run(t, dir, env, "perf", "benchmark", "--generators", "10", "--iterations", "3", "--no-fail"); r.code != 0 {
		t.Fatal(r)
	}
	if r := run(t, dir, env, "perf", "analyze"); r.code != 0 || !strings.Contains(r.stdout, "Memory growth: no 'perf test' in the history yet") {
		t.Errorf("before any perf test: %v", r)
	}
	if r := run(t, dir, env, "perf", "test", "--generators", "10", "--templates", "2", "--reps", "3", "--no-fail"); r.code != 0 {
		t.Fatal(r)
	}
	if r := run(t, dir, env, "perf", "analyze"); r.code != 0 || !strings.Contains(r.stdout, "Memory growth: the last 'perf test' fitted no exponent") {
		t.Errorf("after a perf test of one size: %v", r)
	}
}

// A perf test of too few tree sizes fits nothing and so judges no target:
// it said nothing of it and exited 0, so a CI job running it always passed.
func TestPerfTestThatJudgesNothingFails(t *testing.T) {
	dir := project(t)
	env := []string{"HYPERGEN_CACHE_DIR=" + t.TempDir()}
	r := run(t, dir, env, "perf", "test", "--generators", "30", "--templates", "2", "--reps", "3")
	if r.code != 1 || !strings.Contains(r.stderr, "no target was judged: a fit needs three tree sizes") || !strings.Contains(r.stdout, "No target judged.") {
		t.Errorf("want exit 1 saying why nothing was judged:\n%v", r)
	}
	if r := run(t, dir, env, "perf", "test", "--generators", "30", "--templates", "2", "--reps", "3", "--no-fail"); r.code != 0 {
		t.Errorf("--no-fail: %v", r)
	}
}

// Relative paths mean the folder perf was started in, though its work runs
// in scratch folders: a relative cache folder put the benchmark's
// hello-world in $TMPDIR and failed, and a relative --hygen failed once the
// trees were built.
func TestPerfRelativePaths(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	top, tmp := t.TempDir(), t.TempDir()
	dir := filepath.Join(top, "project")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + filepath.Dir(gobin), "GOCACHE=" + testenv.GoCache(), "TMPDIR=" + tmp, "HYPERGEN_CACHE_DIR=../cache"}
	r := run(t, dir, env, "perf", "benchmark", "--iterations", "2", "--generators", "2", "--no-fail")
	if r.code != 0 || !strings.Contains(r.stdout, "baseline: hello-world Go binary built by go") {
		t.Fatalf("want a benchmark against a hello-world:\n%v", r)
	}
	if built, _ := filepath.Glob(filepath.Join(top, "cache", "perf", "baseline", "hello-go*")); len(built) != 1 {
		t.Errorf("hello-world binaries in ../cache: %v", built)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in TMPDIR: %v", left)
	}

	// A relative --hygen is found from here; one that generates nothing
	// is not timed as hygen (a do-nothing script passed for a 1 ms hygen).
	if err := os.WriteFile(filepath.Join(dir, "fakehygen"), []byte("#!/bin/sh\necho made > made.txt\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, env, "perf", "test", "--generators", "10", "--reps", "3", "--no-fail", "--hygen", "./fakehygen")
	if r.code != 0 {
		t.Errorf("--hygen ./fakehygen: %v", r)
	}
	if err := os.WriteFile(filepath.Join(dir, "idle"), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, env, "perf", "test", "--generators", "10", "--reps", "3", "--no-fail", "--hygen", "./idle")
	if r.code != 1 || !strings.Contains(r.stderr, "exited 0 but generated nothing into its project") {
		t.Errorf("--hygen ./idle, which generates nothing: %v", r)
	}
	r = run(t, dir, env, "perf", "test", "--generators", "10", "--reps", "3", "--no-fail", "--hygen", ".")
	if r.code != 2 || !strings.Contains(r.stderr, "--hygen: . is a folder") {
		t.Errorf("--hygen .: want exit 2 saying it is a folder:\n%v", r)
	}
	// A file that cannot run is refused before any tree is built; it failed
	// with "exec format error" after the first.
	if err := os.WriteFile(filepath.Join(dir, "notes"), []byte("text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, env, "perf", "test", "--generators", "10", "--reps", "3", "--no-fail", "--hygen", "notes")
	if r.code != 2 || !strings.Contains(r.stderr, "--hygen: notes is not executable") {
		t.Errorf("--hygen notes: want exit 2 saying it is not executable:\n%v", r)
	}
}

// perf test measures each tree's index as the live heap it adds. The
// smallest came out as 1 byte (a negative difference, clamped) in every
// run, and that one point made the memory fit fail a plain `perf test`.
func TestPerfTestMeasuresEveryIndex(t *testing.T) {
	r := run(t, t.TempDir(), nil, "perf", "test", "--generators", "100", "--reps", "3", "--no-fail", "--json")
	if r.code != 0 {
		t.Fatal(r)
	}
	var rep struct {
		Sizes []struct {
			Templates  int   `json:"templates"`
			IndexBytes int64 `json:"index_bytes"`
		} `json:"sizes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Sizes) == 0 {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	for _, s := range rep.Sizes {
		// An index holds at least each template's name.
		if s.IndexBytes < int64(s.Templates) {
			t.Errorf("the index of %d templates measured %d bytes", s.Templates, s.IndexBytes)
		}
	}
}

// A report's path that names a folder is refused: with a trailing slash it
// wrote a file of the folder's name, which then stood in the way of it.
func TestPerfReportPathNamingAFolder(t *testing.T) {
	dir := project(t)
	if err := os.Mkdir(filepath.Join(dir, "there"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--output", "reports/"}, "reports/ names a folder"},
		{[]string{"export", "--output", "there"}, "there is a folder"},
		{[]string{"analyze", "--html", "reports/"}, "reports/ names a folder"},
		// Not a folder, but the same family: it asked for the --json it had.
		{[]string{"export", "--format", "html", "--json"}, "--format html needs --output FILE"},
	} {
		r := run(t, dir, nil, append([]string{"perf"}, tt.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: want exit 2 saying %q; got %v", tt.args, tt.want, r)
		}
		if _, err := os.Stat(filepath.Join(dir, "reports")); err == nil {
			t.Errorf("%v wrote %s", tt.args, filepath.Join(dir, "reports"))
		}
	}
}

// A cache folder or corpus output that is a file, and a templates folder
// that .hygen.js names but that does not exist, are named in one line: from
// a flag as a usage error (exit 2), from .hygen.js or the environment as a
// failure (exit 1); never a raw "not a directory" for a path inside them.
func TestPerfPathsThatAreNotFolders(t *testing.T) {
	dir := project(t)
	if err := os.WriteFile(filepath.Join(dir, "afile"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := testfs.Tree(t, map[string]string{".hygen.js": "module.exports = { templates: '/nonexistent-hypergen' }"})
	for _, tt := range []struct {
		dir  string
		env  []string
		args []string
		code int
		want string
	}{
		{dir, nil, []string{"analyze", "--cache-dir", "afile"}, 2, "--cache-dir " + filepath.Join(dir, "afile") + " is not a folder"},
		{dir, nil, []string{"benchmark", "--cache-dir", "afile", "--iterations", "1", "--generators", "1"}, 2, "is not a folder"},
		{dir, []string{"HYPERGEN_CACHE_DIR=" + filepath.Join(dir, "afile")}, []string{"export", "--json"}, 1, "HYPERGEN_CACHE_DIR " + filepath.Join(dir, "afile") + " is not a folder"},
		{dir, nil, []string{"corpus", "--output", "afile/x"}, 2, "--output: " + filepath.Join(dir, "afile") + " is a file, not a folder"},
		{dir, nil, []string{"corpus", "--output", "nowhere/x"}, 2, "--output: folder " + filepath.Join(dir, "nowhere") + " does not exist"},
		{dir, nil, []string{"analyze", "--cache-dir", "afile/sub"}, 2, "--cache-dir " + filepath.Join(dir, "afile", "sub") + ": " + filepath.Join(dir, "afile") + " is a file"},
		{dir, nil, []string{"corpus", "--output", "afile"}, 2, "is a file; want a folder to create"},
		{missing, nil, []string{"optimize"}, 1, "the templates folder /nonexistent-hypergen (.hygen.js's templates) is not a folder"},
	} {
		r := run(t, tt.dir, tt.env, append([]string{"perf"}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "not a directory") {
			t.Errorf("%v: want exit %d saying %q; got %v", tt.args, tt.code, tt.want, r)
		}
	}
}

// Ctrl-C while the hello-world baseline is being made says the benchmark
// stopped, and nothing about the go command failing or a stand-in.
func TestBenchmarkStoppedWhileMakingTheBaseline(t *testing.T) {
	bindir := t.TempDir()
	// A go command that takes its time, as a first build does.
	if err := os.WriteFile(filepath.Join(bindir, "go"), []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, "perf", "benchmark", "--iterations", "2", "--generators", "2")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + bindir + ":" + os.Getenv("PATH"), "HOME=" + dir, "HYPERGEN_CACHE_DIR=" + t.TempDir()}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	signalAfterASecond(t, cmd, syscall.SIGINT, &out)
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(out.String(), "stopped (interrupt signal received)") || strings.Contains(out.String(), "warning") {
		t.Errorf("exit %d:\n%s\nwant exit 1 saying it stopped, and no warning", cmd.ProcessState.ExitCode(), out.String())
	}
}

// A project whose .hygen.js names its templates folder: perf optimize
// indexes it and the agent monitors it, as generations use it. They used
// HYGEN_TMPLS or ./_templates alone, so optimize failed and the agent
// reported 0 templates while generating from the other folder.
func TestPerfFollowsHygenJsTemplates(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":      "module.exports = { templates: `${__dirname}/gens` }",
		"gens/g/new/a.t": "---\nto: a.txt\n---\nhi\n",
		"gens/g/new/b.t": "---\nto: b.txt\n---\nhi\n",
		"gens/h/new/c.t": "---\nto: c.txt\n---\nhi\n",
	})
	r := run(t, dir, nil, "perf", "optimize", "--json")
	var rep struct {
		Templates string
		After     struct{ Actions int }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); r.code != 0 || err != nil || rep.Templates != filepath.Join(dir, "gens") || rep.After.Actions != 2 {
		t.Errorf("perf optimize: %v (%v)", r, err)
	}
	admin := testenv.FreeAddr(t)
	startAgent(t, dir, nil, []string{admin}, "--listen", admin, "--probe-interval", "0")
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + admin + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the agent never became ready (%v)", err)
		}
	}
	resp, err := http.Get("http://" + admin + "/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st struct {
		Index struct {
			Templates           string
			Generators, Actions int
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	if st.Index.Templates != filepath.Join(dir, "gens") || st.Index.Generators != 2 {
		t.Errorf("the agent's index: %+v, want the 2 generators of gens/", st.Index)
	}
}

// perf optimize stops on Ctrl-C between two actions, saying so, and leaves
// no temporary in the index: it died of the signal, sometimes mid-write,
// leaving a temporary shard no later run removed.
func TestPerfOptimizeStopsOnSignal(t *testing.T) {
	tree := filepath.Join(t.TempDir(), "tree")
	if r := run(t, t.TempDir(), nil, "perf", "corpus", "--output", tree, "--generators", "5000"); r.code != 0 {
		t.Fatal(r)
	}
	cache := t.TempDir()
	cmd := exec.Command(bin, "perf", "optimize")
	cmd.Dir = tree
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + tree, "HYPERGEN_CACHE_DIR=" + cache}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	signalAfterASecond(t, cmd, syscall.SIGINT, &out)
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(out.String(), "stopped (interrupt signal received)") {
		t.Errorf("exit %d:\n%s\nwant exit 1 saying it stopped", cmd.ProcessState.ExitCode(), out.String())
	}
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".hypergen-") {
			t.Errorf("a temporary was left: %s", p)
		}
		return nil
	})
}

// When .hygen.js names a folder that is missing, generations fail there:
// the agent is not ready either (it watched ./_templates and said it was);
// perf optimize --templates does not run the project's .hygen.js at all;
// and a generation does not warn about a HYGEN_TMPLS that .hygen.js made moot.
func TestHygenJsTemplatesEdges(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		".hygen.js":            "module.exports = { templates: `${__dirname}/missing` }",
		"_templates/g/new/a.t": "---\nto: a.txt\n---\nhi\n",
	})
	admin := testenv.FreeAddr(t)
	startAgent(t, dir, nil, []string{admin}, "--listen", admin, "--probe-interval", "0")
	var body string
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(body, "no templates folder"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("/readyz: %q, want not ready for want of a templates folder", body)
		}
		resp, err := http.Get("http://" + admin + "/readyz")
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Errorf("/readyz answered 200 (%q) though generations have no templates folder", b)
			break
		}
		body = string(b)
	}

	broken := testfs.Tree(t, map[string]string{
		".hygen.js":            "throw new Error('not for perf')",
		"_templates/g/new/a.t": "---\nto: a.txt\n---\nhi\n",
	})
	if r := run(t, broken, nil, "perf", "optimize", "--templates", "_templates"); r.code != 0 || strings.Contains(r.stderr, "not for perf") {
		t.Errorf("perf optimize --templates ran .hygen.js: %v", r)
	}

	chosen := testfs.Tree(t, map[string]string{
		".hygen.js":      "module.exports = { templates: `${__dirname}/gens` }",
		"gens/g/new/a.t": "---\nto: a.txt\n---\nhi\n",
	})
	if r := run(t, chosen, []string{"HYGEN_TMPLS=nowhere"}, "g", "new", "--dry"); r.code != 0 || strings.Contains(r.stderr, "HYGEN_TMPLS") {
		t.Errorf("a generation whose .hygen.js chose the templates: %v", r)
	}
}

// perf optimize's table counts each action once: a corrupt shard is
// "corrupt" and not "missing" as well, so the columns add up to the
// actions, and the corrupt one is rebuilt.
func TestPerfOptimizeCountsACorruptShardOnce(t *testing.T) {
	dir := project(t)
	cache := t.TempDir()
	env := []string{"HYPERGEN_CACHE_DIR=" + cache}
	if r := run(t, dir, env, "perf", "optimize"); r.code != 0 {
		t.Fatal(r)
	}
	shards, err := filepath.Glob(filepath.Join(cache, "index-v1", "*", "*.idx"))
	if err != nil || len(shards) != 3 {
		t.Fatalf("want 3 shards, got %v (%v)", shards, err)
	}
	if err := os.WriteFile(shards[0], []byte("not an index"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, env, "perf", "optimize", "--json")
	var rep struct{ Before, After perf.IndexState }
	if err := json.Unmarshal([]byte(r.stdout), &rep); r.code != 0 || err != nil {
		t.Fatalf("perf optimize: %v (%v)", r, err)
	}
	b := rep.Before
	if b.Actions != 3 || b.Corrupt != 1 || b.Missing != 0 || b.Fresh+b.Stale+b.Missing+b.Corrupt != int64(b.Actions) {
		t.Errorf("before: %+v, want 3 actions, 1 corrupt, 0 missing, the columns adding up to the actions", b)
	}
	if a := rep.After; a.Fresh+a.Stale != 3 || a.Corrupt != 0 || a.Missing != 0 {
		t.Errorf("after: %+v, want the corrupt shard rebuilt", a)
	}
}
