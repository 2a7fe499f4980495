package testenv

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Prometheus is a running Prometheus server (Debian's package).
type Prometheus struct {
	*Process
	Addr string // host:port of its HTTP API
}

// StartPrometheus starts Prometheus on a free 127.0.0.1 port with a
// temporary data folder, scraping target (host:port, /metrics) every second
// with honor_labels, so the job and instance labels the Collector's
// exporter writes (service name, instance id) are kept, and evaluating
// ruleFiles. It is stopped when the test ends.
func StartPrometheus(tb testing.TB, target string, ruleFiles ...string) *Prometheus {
	tb.Helper()
	bin := Tool(tb, "prometheus", "prometheus")
	dir := tb.TempDir()
	rules, err := json.Marshal(ruleFiles) // a JSON list is a YAML flow sequence
	if err != nil {
		tb.Fatal(err)
	}
	config := fmt.Sprintf(`global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: %s
scrape_configs:
  - job_name: otel-collector
    honor_labels: true
    static_configs:
      - targets: [%q]
`, rules, target)
	cfg := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		tb.Fatal(err)
	}
	p := &Prometheus{Addr: FreeAddr(tb)}
	p.Process = Start(tb, bin, "--config.file="+cfg, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+p.Addr, "--log.level=warn")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if exited, err := p.Exited(); exited {
			tb.Fatalf("prometheus exited (%v):\n%s", err, p.Output())
		}
		resp, err := http.Get("http://" + p.Addr + "/-/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("prometheus not ready after 30s:\n%s", p.Output())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Sample is one series of an instant query's result.
type Sample struct {
	Metric map[string]string
	Value  float64
}

// Query runs an instant query now and returns its samples.
func (p *Prometheus) Query(expr string) ([]Sample, error) {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get("http://" + p.Addr + "/api/v1/query?" + url.Values{"query": {expr}}.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string          `json:"resultType"`
			Result     json.RawMessage `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, err
	}
	if body.Status != "success" {
		return nil, fmt.Errorf("%s", body.Error)
	}
	if body.Data.ResultType != "vector" {
		return nil, fmt.Errorf("result type %s, want vector", body.Data.ResultType)
	}
	var raw []struct {
		Metric map[string]string `json:"metric"`
		Value  [2]any            `json:"value"`
	}
	if err := json.Unmarshal(body.Data.Result, &raw); err != nil {
		return nil, err
	}
	out := make([]Sample, 0, len(raw))
	for _, r := range raw {
		s, _ := r.Value[1].(string)
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("value %v: %v", r.Value[1], err)
		}
		out = append(out, Sample{Metric: r.Metric, Value: v})
	}
	return out, nil
}

// Scrape reads the Prometheus exposition at http://addr/metrics and sums
// samples by metric name and labels, leaving out the labels every series
// has (job, instance, otel_scope_*): each hypergen process is its own
// instance, and the tests count across them.
func Scrape(tb testing.TB, addr string) map[string]float64 {
	tb.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]float64{}
	for name, f := range families {
		for _, m := range f.GetMetric() {
			key := name + labelKey(m.GetLabel())
			switch f.GetType() {
			case dto.MetricType_COUNTER:
				out[key] += m.GetCounter().GetValue()
			case dto.MetricType_GAUGE:
				out[key] += m.GetGauge().GetValue()
			case dto.MetricType_HISTOGRAM:
				out[name+"_count"+labelKey(m.GetLabel())] += float64(m.GetHistogram().GetSampleCount())
				out[name+"_sum"+labelKey(m.GetLabel())] += m.GetHistogram().GetSampleSum()
			}
		}
	}
	return out
}

func labelKey(labels []*dto.LabelPair) string {
	var parts []string
	for _, l := range labels {
		n := l.GetName()
		if n == "job" || n == "instance" || strings.HasPrefix(n, "otel_scope_") {
			continue
		}
		parts = append(parts, n+"="+l.GetValue())
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, ",") + "}"
}
