package perf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/profile"
	"github.com/hypergen-dev/hypergen/internal/perf/stats"
	"github.com/hypergen-dev/hypergen/internal/procgroup"
)

// Progress is told what a long run is doing; done of total steps.
type Progress func(done, total int, what string)

func (p Progress) report(done, total int, format string, args ...any) {
	if p != nil {
		p(done, total, fmt.Sprintf(format, args...))
	}
}

// bench is one synthetic tree with its own cache folder and scratch
// projects, so measurements never touch the user's cache or projects.
type bench struct {
	tree     *corpus.Tree
	cache    string // private HYPERGEN_CACHE_DIR
	projects string
	written  time.Time
	n        int // projects made so far
}

func newBench(ctx context.Context, work string, spec corpus.Spec) (*bench, error) {
	b := &bench{cache: filepath.Join(work, "cache"), projects: filepath.Join(work, "projects")}
	var err error
	if b.tree, err = corpus.Write(ctx, filepath.Join(work, "corpus"), spec); err != nil {
		return nil, err
	}
	b.written = time.Now()
	return b, os.MkdirAll(b.projects, 0o755)
}

// project makes a fresh project holding the inject target, as a user's
// project would before generating.
func (b *bench) project() (string, error) {
	b.n++
	dir := filepath.Join(b.projects, fmt.Sprint(b.n))
	p := filepath.Join(dir, filepath.FromSlash(corpus.InjectTarget))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(p, []byte(corpus.RegistryContent), 0o644)
}

// sample picks k commands spread evenly over the tree.
func (b *bench) sample(k int) [][]string {
	cmds := b.tree.Commands
	k = min(k, len(cmds))
	out := make([][]string, k)
	for i := range out {
		out[i] = cmds[i*len(cmds)/k]
	}
	return out
}

// settle waits until the tree is older than the index's racy window and then
// builds the persistent index, so that cold processes find it trusted — as
// they would in a project whose templates were not edited in the last
// seconds. It returns the time the build took.
func (b *bench) settle() (time.Duration, error) {
	if wait := time.Until(b.written.Add(diskindex.RacyWindow + 100*time.Millisecond)); wait > 0 {
		time.Sleep(wait)
	}
	start := time.Now()
	_, err := generator.ListGeneratorsIndexed(b.tree.Root(), diskindex.Open(b.cache, io.Discard))
	return time.Since(start), err
}

// warm is one long-lived engine generating into one project over and over,
// as an editor integration or a test suite would; each run uses a new name,
// so every run really writes its files and edits the inject target.
type warm struct {
	rec  *profile.Recorder
	e    *generator.Engine
	runs int
}

func (b *bench) warmEngine(idx generator.Index) (*warm, error) {
	dir, err := b.project()
	if err != nil {
		return nil, err
	}
	w := &warm{rec: &profile.Recorder{}}
	w.e = generator.New(generator.Config{Cwd: dir, Templates: b.tree.Root(), Observer: w.rec, Index: idx,
		Getenv: func(string) string { return "" }})
	return w, nil
}

func (w *warm) run(ctx context.Context, cmd []string) (profile.Run, error) {
	w.runs++
	cmd = slices.Clone(cmd)
	cmd[2] = fmt.Sprintf("%s%d", cmd[2], w.runs)
	w.rec.Start(time.Now())
	_, err := w.e.Run(ctx, cmd)
	return w.rec.Last(), err
}

// coldRun starts a hypergen (or hygen, or the baseline) process for cmd in a
// fresh project, with env added to its environment, and returns its wall
// time and peak memory.
func (b *bench) coldRun(ctx context.Context, bin []string, cmd []string, env ...string) (time.Duration, int64, error) {
	dir, err := b.project()
	if err != nil {
		return 0, 0, err
	}
	return b.timeIn(ctx, dir, bin, cmd, env...)
}

// coldGeneration is coldRun for a generation, which must have generated:
// any program given as --hygen that exited 0 was timed as hygen, a
// do-nothing script at about 1 ms.
func (b *bench) coldGeneration(ctx context.Context, bin []string, cmd []string) (time.Duration, int64, error) {
	dir, err := b.project()
	if err != nil {
		return 0, 0, err
	}
	d, rss, err := b.timeIn(ctx, dir, bin, cmd)
	if err == nil && !generated(dir) {
		err = fmt.Errorf("%s %s exited 0 but generated nothing into its project: is it a generator that runs hygen templates?",
			strings.Join(bin, " "), strings.Join(cmd, " "))
	}
	return d, rss, err
}

// coldRunLimit bounds one timed process: a --hygen that hangs (waiting
// for input, or stuck) would otherwise hold the whole run.
var coldRunLimit = 2 * time.Minute

// timeIn runs bin with cmd in dir and times it. The process, and what it
// started, is stopped when ctx ends (Ctrl-C) or after coldRunLimit.
func (b *bench) timeIn(ctx context.Context, dir string, bin []string, cmd []string, env ...string) (time.Duration, int64, error) {
	limited, cancel := context.WithTimeout(ctx, coldRunLimit)
	defer cancel()
	c := procgroup.Command(limited, bin[0], append(bin[1:], cmd...)...)
	c.Dir = dir
	c.Env = append(coldEnv(os.Environ()), "HYGEN_TMPLS="+b.tree.Root(), diskindex.EnvDir+"="+b.cache)
	c.Env = append(c.Env, env...)
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	start := time.Now()
	err := c.Run()
	d := time.Since(start)
	name := filepath.Base(bin[len(bin)-1]) + " " + strings.Join(cmd, " ")
	switch {
	case ctx.Err() != nil:
		return 0, 0, context.Cause(ctx)
	case limited.Err() != nil:
		return 0, 0, fmt.Errorf("%s did not finish within %v; stopped", name, coldRunLimit)
	case err != nil:
		return 0, 0, fmt.Errorf("%s: %v\n%s", name, err, out.String())
	}
	return d, maxRSS(c.ProcessState), nil
}

// generated reports whether a generation wrote into the fresh project dir:
// a file beside the inject target, or the target edited.
func generated(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() && p != filepath.Join(dir, filepath.FromSlash(corpus.InjectTarget)) {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	if found {
		return true
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(corpus.InjectTarget)))
	return err == nil && string(b) != corpus.RegistryContent
}

// coldEnv is environ without what would make a cold run something other
// than a local process generating into its scratch project with telemetry
// off: an agent's address (HYPERGEN_AGENT_URL sends the generation to an
// agent, which wrote the benchmark's files into its own project), telemetry
// settings (an export per run more than doubled cold_generation, and a bad
// value failed the benchmark midway), start-up profiling and
// HYGEN_OVERWRITE.
func coldEnv(environ []string) []string {
	return slices.DeleteFunc(slices.Clone(environ), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return strings.HasPrefix(name, "OTEL_") || strings.HasPrefix(name, "HYPERGEN_AGENT_") ||
			strings.HasPrefix(name, "HYPERGEN_TELEMETRY_") || strings.HasPrefix(name, "HYPERGEN_PROFILE_") ||
			slices.Contains([]string{"HYPERGEN_TRACE_STEPS", "HYPERGEN_PROMETHEUS_LISTEN", "HYPERGEN_PERFORMANCE_ENABLED", "HYGEN_OVERWRITE"}, name)
	})
}

func seconds(ds []time.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = d.Seconds()
	}
	return out
}

func summarize(ds []time.Duration) stats.Summary { return stats.Summarize(seconds(ds)) }

// heapLive is the live heap after a full collection.
func heapLive() int64 {
	// Twice: a sync.Pool's contents survive one collection (as its victim
	// cache), and pools emptied between two readings made the smallest
	// tree's index look like it took less than nothing.
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
