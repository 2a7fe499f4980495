package browser

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

var hypergenBin string

func TestMain(m *testing.M) { os.Exit(testenv.MainWithHypergen(m, &hypergenBin)) }

// artefacts is where screenshots are kept after the run.
func artefacts(t *testing.T) string {
	dir := os.Getenv("HYPERGEN_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(testenv.RepoRoot(), ".cache", "artefacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser starts headless Chromium and collects console errors and
// uncaught exceptions.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed (scripts/test installs Debian's chromium package)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1300, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	var mu sync.Mutex
	var problems []string
	listenErr := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				problems = append(problems, "console "+string(e.Type)+": "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, fmt.Sprintf("exception: %s (line %d)", e.ExceptionDetails.Text, e.ExceptionDetails.LineNumber))
		}
	})
	if listenErr != nil {
		t.Fatalf("starting chromium: %v", listenErr)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// chartCheck is what the page's DOM says about one chart.
type chartCheck struct {
	ID     string `json:"id"`
	Marks  int    `json:"marks"`  // drawn series: paths with geometry, bars with width
	Points int    `json:"points"` // data point markers
	Width  int    `json:"width"`  // rendered width of the SVG
}

const inspectCharts = `Array.from(document.querySelectorAll('figure.chart')).map(f => {
  const svg = f.querySelector('svg');
  const marks = Array.from(f.querySelectorAll('.series')).filter(e =>
    (e.tagName === 'path' && (e.getAttribute('d') || '').length > 3 && e.getTotalLength() > 0) ||
    (e.tagName === 'rect' && e.getBBox().width > 0)).length;
  return {id: f.dataset.chart, marks: marks, points: f.querySelectorAll('.point').length,
          width: svg ? Math.round(svg.getBoundingClientRect().width) : 0};
})`

// checkPage loads url, checks every chart, saves a screenshot and returns
// the page's load time.
func checkPage(t *testing.T, url string, want []string, shot string) time.Duration {
	t.Helper()
	ctx, problems := browser(t)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.WaitVisible(chromedp.CSS("figure.chart"))); err != nil {
		t.Fatalf("%s: no chart became visible: %v", url, err)
	}
	charts, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartCheck](inspectCharts))
	if err != nil {
		t.Fatalf("inspecting the charts: %v", err)
	}
	loadMs, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType('navigation')[0].loadEventEnd`))
	if err != nil {
		t.Fatalf("reading the load time: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	got := map[string]chartCheck{}
	for _, c := range charts {
		got[c.ID] = c
		if c.Marks == 0 || c.Width < 200 {
			t.Errorf("chart %s did not draw: %+v", c.ID, c)
		}
	}
	for _, id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("chart %s missing (have %v)", id, charts)
		}
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the page logged problems: %v", p)
	}
	path := filepath.Join(artefacts(t), shot)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	load := time.Duration(loadMs * float64(time.Millisecond))
	t.Logf("%s: %d charts, load %v, screenshot %s (%d bytes)", url, len(charts), load, path, len(png))
	return load
}

func hypergen(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(hypergenBin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "GOCACHE=" + testenv.GoCache()}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hypergen %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func TestReportInBrowser(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	hypergen(t, dir, "perf", "test", "--no-fail", "--generators", "30", "--cache-dir", cache)
	for range 2 { // two benchmarks make a trend
		hypergen(t, dir, "perf", "benchmark", "--no-fail", "--iterations", "5", "--generators", "20", "--cache-dir", cache)
	}
	out := filepath.Join(dir, "report.html")
	hypergen(t, dir, "perf", "analyze", "--cache-dir", cache, "--html", out)
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report.html: %d bytes", info.Size())
	checkPage(t, "file://"+out, []string{"scalability", "memory", "phases", "latency", "cache", "trend"}, "report.png")
}

func TestLivePageInBrowser(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "_templates/gen/new"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_templates/gen/new/a.t"), []byte("---\nto: a.txt\n---\nx"), 0o644); err != nil {
		t.Fatal(err)
	}
	admin := testenv.FreeAddr(t)
	cmd := exec.Command(hypergenBin, "perf", "monitor", "--listen", admin, "--interval", "200ms",
		"--probe-interval", "300ms", "--probe-sizes", "2,4,8", "--probe-cpu", "1")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + admin + "/status")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), `"memory"`) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the agent did not finish a probe round in 60s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	// The trend chart draws a line from two points, one per monitor tick
	// once there are runs: wait for them rather than for a time.
	testenv.WaitFor(t, "two points in the live page's trend chart", 60*time.Second, func() (bool, string) {
		resp, err := http.Get("http://" + admin + "/")
		if err != nil {
			return false, err.Error()
		}
		page, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return false, err.Error()
		}
		_, trend, _ := strings.Cut(string(page), `data-chart="trend"`)
		trend, _, _ = strings.Cut(trend, "</figure>")
		n := strings.Count(trend, `class="point"`)
		return n >= 2, fmt.Sprint(n, " points")
	})
	checkPage(t, "http://"+admin+"/", []string{"scalability", "memory", "phases", "latency", "cache", "trend"}, "agent-live.png")
}
