package dashboards

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"gopkg.in/yaml.v3"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// An alertCase is one promtool unit test: input series, and whether the rule
// (alert, and budget where several rules share the alert name) fires at
// evalTime with these extra labels and this value.
type alertCase struct {
	name     string
	alert    string
	budget   string
	interval string
	series   map[string]string // series selector → promtool values notation
	evalTime string
	fires    bool
	labels   map[string]string // labels the expression keeps (job, instance, …)
	value    float64           // the expression's value when firing
}

const agentLabels = `job="hypergen", instance="agent-1"`

// collectorLabels are those of the series the Collector derives from spans:
// no process identity, the Collector's scrape address as instance.
const collectorLabels = `job="hypergen", instance="otel-collector:8889"`

func agent() map[string]string { return map[string]string{"job": "hypergen", "instance": "agent-1"} }

func with(m map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for a, b := range m {
		out[a] = b
	}
	return out
}

// alertCases are the firing and quiet cases of every rule. Values are set
// relative to the budgets, so the cases follow a change of limits.
func alertCases() []alertCase {
	var cases []alertCase
	for _, b := range budgets.Budgets {
		bad, good := b.Limit*2, b.Limit/2
		if b.Direction == budgets.AtLeast {
			bad, good = b.Limit/2, (1+b.Limit)/2
		}
		s := fmt.Sprintf(`hypergen_target_value{hypergen_budget=%q, %s}`, b.Name, agentLabels)
		cases = append(cases,
			alertCase{name: b.Name + " missed", alert: "HypergenBudgetMissed", budget: b.Name, series: map[string]string{s: fmt.Sprintf("%g+0x20", bad)},
				evalTime: "15m", fires: true, labels: agent(), value: bad},
			alertCase{name: b.Name + " met", alert: "HypergenBudgetMissed", budget: b.Name, series: map[string]string{s: fmt.Sprintf("%g+0x20", good)},
				evalTime: "15m"})
		if resource, ok := exponentBudgets[b.Name]; ok {
			sel := func(bound string) string {
				return fmt.Sprintf(`hypergen_scalability_exponent{hypergen_resource=%q, hypergen_bound=%q, %s}`, resource, bound, agentLabels)
			}
			cases = append(cases,
				alertCase{name: resource + " exponent significantly over", alert: "HypergenScalabilityExponentOverBudget", budget: b.Name,
					series:   map[string]string{sel("lower"): fmt.Sprintf("%g+0x40", b.Limit+0.2), sel("estimate"): fmt.Sprintf("%g+0x40", b.Limit+0.3)},
					evalTime: "35m", fires: true, labels: agent(), value: b.Limit + 0.2},
				// The estimate alone over budget is the budget alert's business;
				// this one waits for the confidence interval to clear the limit.
				alertCase{name: resource + " exponent not significantly over", alert: "HypergenScalabilityExponentOverBudget", budget: b.Name,
					series:   map[string]string{sel("lower"): fmt.Sprintf("%g+0x40", b.Limit-0.2), sel("estimate"): fmt.Sprintf("%g+0x40", b.Limit+0.3)},
					evalTime: "35m"})
		}
	}

	// p95 regression: a week of runs in the (0, 1ms] bucket; then, in the
	// firing case, a day of runs in (1ms, 10ms], 60 every 15 minutes.
	bucket := func(le string) string {
		return fmt.Sprintf(`hypergen_spans_duration_seconds_bucket{span_name="hypergen.run", le=%q, %s}`, le, collectorLabels)
	}
	steady := "0+60x768"
	cases = append(cases,
		alertCase{name: "p95 ten times last week's", alert: "HypergenP95Regression", interval: "15m",
			series:   map[string]string{bucket("0.001"): "0+60x672 40320+0x95", bucket("0.01"): steady, bucket("+Inf"): steady},
			evalTime: "192h", fires: true, labels: map[string]string{"job": "hypergen", "span_name": "hypergen.run"},
			value: 0.001 + 0.95*(0.01-0.001)},
		alertCase{name: "p95 as last week", alert: "HypergenP95Regression", interval: "15m",
			series:   map[string]string{bucket("0.001"): steady, bucket("0.01"): steady, bucket("+Inf"): steady},
			evalTime: "192h"})

	// Cache: 99 % hits for six hours, then half.
	hit := fmt.Sprintf(`hypergen_cache_requests_total{hypergen_cache_result="hit", %s}`, agentLabels)
	miss := fmt.Sprintf(`hypergen_cache_requests_total{hypergen_cache_result="miss", %s}`, agentLabels)
	cases = append(cases,
		alertCase{name: "hit rate halves", alert: "HypergenCacheHitRateDrop",
			series:   map[string]string{hit: "0+99x360 35690+50x44", miss: "0+1x360 410+50x44"},
			evalTime: "405m", fires: true, labels: agent(), value: 0.5},
		alertCase{name: "hit rate steady", alert: "HypergenCacheHitRateDrop",
			series:   map[string]string{hit: "0+99x405", miss: "0+1x405"},
			evalTime: "405m"})

	// Telemetry: one dropped span a minute; failures every ten seconds.
	dropped := fmt.Sprintf(`hypergen_telemetry_dropped_total{hypergen_signal="traces", %s}`, agentLabels)
	failures := fmt.Sprintf(`hypergen_telemetry_export_failures_total{hypergen_signal="metrics", %s}`, agentLabels)
	cases = append(cases,
		alertCase{name: "spans dropped", alert: "HypergenTelemetryDropped", series: map[string]string{dropped: "0+1x30"},
			evalTime: "20m", fires: true, labels: with(agent(), "hypergen_signal", "traces"), value: 20},
		// Counted while the Collector was away for 30 minutes, seen when
		// it is back: a 10-minute window held nothing from before.
		alertCase{name: "spans dropped during a long outage", alert: "HypergenTelemetryDropped", series: map[string]string{dropped: "0x10 _x30 40x10"},
			evalTime: "45m", fires: true, labels: with(agent(), "hypergen_signal", "traces"), value: 40},
		alertCase{name: "nothing dropped", alert: "HypergenTelemetryDropped", series: map[string]string{dropped: "5+0x30"},
			evalTime: "20m"},
		alertCase{name: "exports failing", alert: "HypergenTelemetryExportFailing", series: map[string]string{failures: "0+6x30"},
			evalTime: "25m", fires: true, labels: with(agent(), "hypergen_signal", "metrics"), value: 0.1},
		alertCase{name: "exports recovered", alert: "HypergenTelemetryExportFailing", series: map[string]string{failures: "0+6x10 60+0x20"},
			evalTime: "25m"})

	// The Collector, as Prometheus scrapes it.
	up := `up{job="otel-collector", instance="otel-collector:8889"}`
	cases = append(cases,
		alertCase{name: "collector unreachable", alert: "HypergenCollectorDown", series: map[string]string{up: "1x5 0x20"},
			evalTime: "15m", fires: true, labels: map[string]string{"job": "otel-collector", "instance": "otel-collector:8889"}, value: 0},
		alertCase{name: "collector scraped", alert: "HypergenCollectorDown", series: map[string]string{up: "1x25"},
			evalTime: "15m"})

	// Agent: its allocation counter stops after ten minutes, or never.
	indexed := fmt.Sprintf(`hypergen_templates_indexed{%s}`, agentLabels)
	allocated := fmt.Sprintf(`go_memory_allocated_bytes_total{%s}`, agentLabels)
	agentUp := fmt.Sprintf(`hypergen_agent_up{%s}`, agentLabels)
	cases = append(cases,
		alertCase{name: "agent stalled", alert: "HypergenAgentDown", series: map[string]string{indexed: "10+0x30", allocated: "0+1000x10 10000+0x20", agentUp: "1x30"},
			evalTime: "25m", fires: true, labels: agent(), value: 1},
		// Its last export said it stopped: a restart, which paged.
		alertCase{name: "agent stopped cleanly", alert: "HypergenAgentDown", series: map[string]string{indexed: "10+0x30", allocated: "0+1000x10 10000+0x20", agentUp: "1x9 0x21"},
			evalTime: "25m"},
		alertCase{name: "agent alive", alert: "HypergenAgentDown", series: map[string]string{indexed: "10+0x30", allocated: "0+1000x30"},
			evalTime: "25m"},
		alertCase{name: "no agent", alert: "HypergenAgentAbsent",
			series:   map[string]string{fmt.Sprintf(`go_goroutine_count{job="hypergen", instance="cli-1"}`): "9+0x30"},
			evalTime: "20m", fires: true, labels: map[string]string{}, value: 1},
		alertCase{name: "an agent", alert: "HypergenAgentAbsent", series: map[string]string{indexed: "10+0x30"},
			evalTime: "20m"})
	return cases
}

// ruleFor finds the rule a case is about.
func ruleFor(t *testing.T, rf RuleFile, c alertCase) Rule {
	t.Helper()
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			if r.Alert == c.alert && r.Labels["budget"] == c.budget {
				return r
			}
		}
	}
	t.Fatalf("%s: no rule %s (budget %q)", c.name, c.alert, c.budget)
	return Rule{}
}

// expand renders an annotation template the way Prometheus does: with
// $labels and $value defined.
func expand(t *testing.T, text string, labels map[string]string, value float64) string {
	t.Helper()
	tmpl, err := template.New("a").Option("missingkey=zero").Parse("{{$labels := .Labels}}{{$value := .Value}}" + text)
	if err != nil {
		t.Fatalf("annotation %q: %v", text, err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, struct {
		Labels map[string]string
		Value  float64
	}{labels, value}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

type promtoolTest struct {
	Interval    string `yaml:"interval"`
	InputSeries []struct {
		Series string `yaml:"series"`
		Values string `yaml:"values"`
	} `yaml:"input_series"`
	AlertRuleTest []alertRuleTest `yaml:"alert_rule_test"`
}

type alertRuleTest struct {
	EvalTime  string     `yaml:"eval_time"`
	Alertname string     `yaml:"alertname"`
	ExpAlerts []expAlert `yaml:"exp_alerts"`
}

type expAlert struct {
	ExpLabels      map[string]string `yaml:"exp_labels"`
	ExpAnnotations map[string]string `yaml:"exp_annotations"`
}

// promtoolFile writes a promtool unit-test file for the cases.
func promtoolFile(t *testing.T, rf RuleFile, rulesPath string, cases []alertCase) string {
	t.Helper()
	var tests []promtoolTest
	for _, c := range cases {
		pt := promtoolTest{Interval: c.interval}
		if pt.Interval == "" {
			pt.Interval = "1m"
		}
		for s, v := range c.series {
			pt.InputSeries = append(pt.InputSeries, struct {
				Series string `yaml:"series"`
				Values string `yaml:"values"`
			}{s, v})
		}
		art := alertRuleTest{EvalTime: c.evalTime, Alertname: c.alert, ExpAlerts: []expAlert{}}
		if c.fires {
			r := ruleFor(t, rf, c)
			labels := map[string]string{"alertname": c.alert}
			for k, v := range r.Labels {
				labels[k] = v
			}
			for k, v := range c.labels {
				labels[k] = v
			}
			annotations := map[string]string{}
			for k, text := range r.Annotations {
				annotations[k] = expand(t, text, labels, c.value)
			}
			delete(labels, "alertname")
			art.ExpAlerts = append(art.ExpAlerts, expAlert{ExpLabels: labels, ExpAnnotations: annotations})
		}
		pt.AlertRuleTest = []alertRuleTest{art}
		tests = append(tests, pt)
	}
	raw, err := yaml.Marshal(map[string]any{"rule_files": []string{rulesPath}, "evaluation_interval": "5m", "tests": tests})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hypergen.rules.test.yaml")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func committedRules(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.FromSlash(RulesFile))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPromtoolCheckRules(t *testing.T) {
	promtool := testenv.Tool(t, "promtool", "prometheus")
	out, err := exec.Command(promtool, "check", "rules", committedRules(t)).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check rules: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// TestPromtoolTestRules runs every rule's firing and quiet case through
// `promtool test rules`.
func TestPromtoolTestRules(t *testing.T) {
	promtool := testenv.Tool(t, "promtool", "prometheus")
	rf, err := Rules()
	if err != nil {
		t.Fatal(err)
	}
	cases := alertCases()
	// Every rule needs a case that fires it and one that does not.
	covered := map[string][2]bool{}
	for _, c := range cases {
		k := c.alert + "/" + c.budget
		v := covered[k]
		if c.fires {
			v[0] = true
		} else {
			v[1] = true
		}
		covered[k] = v
	}
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			k := r.Alert + "/" + r.Labels["budget"]
			if v := covered[k]; !v[0] || !v[1] {
				t.Errorf("rule %s: firing case %v, quiet case %v; both are needed", k, v[0], v[1])
			}
		}
	}
	path := promtoolFile(t, rf, committedRules(t), cases)
	out, err := exec.Command(promtool, "test", "rules", path).CombinedOutput()
	if err != nil {
		t.Fatalf("promtool test rules: %v\n%s", err, out)
	}
	t.Logf("promtool test rules (%d cases): %s", len(cases), strings.TrimSpace(string(out)))

	// The harness itself must be able to fail: turn a firing case into a
	// quiet one and a quiet one into a firing one.
	for _, flip := range []int{0, 1} {
		bad := append([]alertCase(nil), cases[flip])
		bad[0].fires, bad[0].labels = !bad[0].fires, agent()
		if out, err := exec.Command(promtool, "test", "rules", promtoolFile(t, rf, committedRules(t), bad)).CombinedOutput(); err == nil {
			t.Errorf("promtool passed the wrong expectation for %q:\n%s", bad[0].name, out)
		}
	}
}
