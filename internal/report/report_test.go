package report

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.html")

func ptr[T any](v T) *T { return &v }

// sample has something for every chart.
func sample() Data {
	return Data{
		Title: "hypergen performance report", Subtitle: "sample", Generated: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		Healthy: ptr(false),
		Budgets: []Budget{
			{Name: "generation_p95", Unit: "s", Limit: 0.01, Value: ptr(0.004), Met: ptr(true)},
			{Name: "cache_hit_ratio", Unit: "ratio", Limit: 0.99, AtLeast: true, Value: ptr(0.95), Met: ptr(false)},
			{Name: "memory_growth_exponent", Unit: "exponent", Limit: 1.05},
			{Name: "largest tree", Unit: "templates", LimitText: ">= 100,000 templates", Value: ptr(1000.0), Met: ptr(false)},
		},
		Scalability:       []Series{{Name: "warm generation", Points: []Point{{100, 0.0012}, {1000, 0.0013}, {1000, 0.0015}, {10000, 0.0016}}}},
		Fits:              []Fit{{Series: "warm generation", A: -7, B: 0.04, BLow: -0.1, BHigh: 0.18, Level: 0.95}},
		MemoryPerTemplate: []Series{{Name: "bytes per template", Points: []Point{{100, 250}, {1000, 210}, {10000, 205}}}},
		Phases:            []Bar{{"resolve", 0.00003}, {"render", 0.0004}},
		Latencies:         []Latency{{"run", 0.001, 0.002, 0.004}, {"add", 0.00005, 0.0001, 0.0002}},
		CacheHitRatio:     ptr(0.95),
		Trend:             []Series{{Name: "generation p50", Points: []Point{{1764331200, 0.0011}, {1764334800, 0.0012}}}},
		TrendUnit:         "s",
		Findings:          []string{"The render phase dominates <a warm> generation."},
		Recommendations:   []string{"Keep the agent warm & the index on."},
		Facts:             [][2]string{{"cpus", "2"}},
	}
}

func render(t *testing.T, d Data) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	got := render(t, sample())
	if *update {
		if err := os.WriteFile("testdata/golden.html", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/golden.html")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatal("the report differs from testdata/golden.html; inspect it and rerun with -update if the change is intended")
	}
}

var figureRe = regexp.MustCompile(`(?s)<figure class="chart" data-chart="([a-z]+)">.*?</figure>`)
var svgRe = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// TestEveryChartDraws checks each chart is well-formed SVG with at least one
// drawn series, and that text is escaped.
func TestEveryChartDraws(t *testing.T) {
	page := render(t, sample())
	figures := figureRe.FindAllStringSubmatch(page, -1)
	var ids []string
	for _, f := range figures {
		ids = append(ids, f[1])
		svg := svgRe.FindString(f[0])
		if err := wellFormed(svg, true); err != nil {
			t.Errorf("chart %s: SVG not well-formed: %v", f[1], err)
		}
		if !regexp.MustCompile(`class="series[^"]*" (d="M[^"]+"|x=)`).MatchString(svg) {
			t.Errorf("chart %s draws no series", f[1])
		}
	}
	if got := strings.Join(ids, ","); got != "scalability,memory,phases,latency,cache,trend" {
		t.Errorf("charts = %s", got)
	}
	for _, s := range []string{"fit: exponent b = 0.04 (95% CI -0.10 – 0.18)", "&lt;a warm&gt;", "&amp; the index", ">= 100,000 templates",
		"1000 templates", "time (log scale)"} {
		if !strings.Contains(page, esc(s)) && !strings.Contains(page, s) {
			t.Errorf("page lacks %q", s)
		}
	}
	if strings.Contains(page, "http://") || strings.Contains(page, "https://") || strings.Contains(page, "<script") {
		t.Error("the report must be self-contained: no fetches, no scripts")
	}
}

func TestEmptyDataDrawsNoCharts(t *testing.T) {
	page := render(t, Data{Title: "empty"})
	if strings.Contains(page, `class="chart"`) {
		t.Error("charts drawn without data")
	}
	if wellFormed(strings.ReplaceAll(page, "<!DOCTYPE html>\n", ""), false) != nil {
		t.Error("empty page is not well-formed")
	}
}

func TestLiveRefresh(t *testing.T) {
	if !strings.Contains(render(t, Data{Refresh: 15 * time.Second}), `http-equiv="refresh" content="15"`) {
		t.Error("no refresh")
	}
}

// wellFormed parses doc as XML; strict for SVG, lenient (HTML void
// elements and entities) for the page.
func wellFormed(doc string, strict bool) error {
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = strict
	if !strict {
		dec.AutoClose = xml.HTMLAutoClose
		dec.Entity = xml.HTMLEntity
	}
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Seconds(0.0000123), "12.3 µs"}, {Seconds(0.25), "250 ms"}, {Seconds(2), "2 s"}, {Seconds(0), "0"},
		{Bytes(2048), "2 KiB"}, {Bytes(1536), "1.5 KiB"}, {Percent(0.995), "99.5 %"}, {Count(12000), "12k"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestFitInterval(t *testing.T) {
	for _, tt := range []struct {
		fit  Fit
		want string
	}{
		{Fit{B: 0.4, BLow: -10.17, BHigh: 11.04, Level: 0.95, Points: 3}, "3 points: too few for a confidence interval"},
		{Fit{B: 0.4, BLow: -2, BHigh: 2.5, Level: 0.95, Points: 20}, "95% CI -2.00 – 2.50: too noisy to tell the growth apart"},
		{Fit{B: 1, BLow: 0.9, BHigh: 1.1, Level: 0.95, Points: 20}, "95% CI 0.90 – 1.10"},
	} {
		if got := tt.fit.Interval(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.fit, got, tt.want)
		}
	}
}
