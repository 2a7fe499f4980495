package dashboards

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/prometheus/promql/parser"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// rateSentinel stands in for $__rate_interval while parsing: a duration no
// query would write by hand, so a range of any other length is caught.
const rateSentinel = 4321 * time.Second

// allowedLabels maps each series to the labels a query may match or group
// on: the metric's catalogued attributes, the resource labels every series
// has, and le for histogram buckets.
func allowedLabels() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	add := func(series string, attrs []string, extra ...string) {
		m := map[string]bool{"job": true, "instance": true}
		for _, a := range attrs {
			m[label(a)] = true
		}
		for _, e := range extra {
			m[e] = true
		}
		out[series] = m
	}
	for _, m := range allMetrics() {
		n := metric(m.Name)
		if m.Kind == catalog.Histogram {
			add(n+"_bucket", m.Attributes, "le")
			add(n+"_sum", m.Attributes)
			add(n+"_count", m.Attributes)
			continue
		}
		add(n, m.Attributes)
	}
	// Prometheus's own series of a scrape, which HypergenCollectorDown
	// reads: the Collector cannot report its own absence.
	add("up", nil)
	return out
}

// lintExpr checks one PromQL expression: it parses, selects only known
// series by known labels, groups by labels those series have, and (in a
// dashboard) every range is $__rate_interval.
func lintExpr(expr string, dashboard bool) []string {
	var problems []string
	text := expr
	if dashboard {
		text = strings.ReplaceAll(expr, "$"+"__rate_interval", fmt.Sprintf("%ds", int(rateSentinel.Seconds())))
	}
	if strings.Contains(text, "$") {
		problems = append(problems, "uses a variable other than $__rate_interval")
	}
	e, err := ParseExpr(text)
	if err != nil {
		return append(problems, "does not parse: "+err.Error())
	}
	allowed := allowedLabels()
	seen := map[string]bool{} // labels of every selected series
	parser.Inspect(e, func(n parser.Node, _ []parser.Node) error {
		switch n := n.(type) {
		case *parser.VectorSelector:
			known, ok := allowed[n.Name]
			if !ok {
				problems = append(problems, fmt.Sprintf("selects %q, which hypergen does not emit", n.Name))
				return nil
			}
			for l := range known {
				seen[l] = true
			}
			for _, m := range n.LabelMatchers {
				if m.Name != "__name__" && !known[m.Name] {
					problems = append(problems, fmt.Sprintf("matches label %q, which %s does not have", m.Name, n.Name))
				}
			}
		case *parser.MatrixSelector:
			if dashboard && n.Range != rateSentinel {
				problems = append(problems, fmt.Sprintf("range [%s] instead of [$__rate_interval]", n.Range))
			}
		case *parser.SubqueryExpr:
			problems = append(problems, "uses a subquery")
		}
		return nil
	})
	parser.Inspect(e, func(n parser.Node, _ []parser.Node) error {
		switch n := n.(type) {
		case *parser.AggregateExpr:
			for _, l := range n.Grouping {
				if !seen[l] {
					problems = append(problems, fmt.Sprintf("groups by %q, which none of its series has", l))
				}
			}
		case *parser.BinaryExpr:
			// on (…) must name labels both sides still have after their
			// aggregations, or the match finds nothing.
			if m := n.VectorMatching; m != nil && m.On {
				for side, x := range map[string]parser.Expr{"left": n.LHS, "right": n.RHS} {
					have := outLabels(x, allowed)
					for _, l := range m.MatchingLabels {
						if have != nil && !have[l] {
							problems = append(problems, fmt.Sprintf("matches on %q, which the %s side does not keep", l, side))
						}
					}
				}
			}
		}
		return nil
	})
	return problems
}

// outLabels is the set of labels an expression's result series can carry, or
// nil when that is not known (a scalar, or a function this lint does not
// model).
func outLabels(e parser.Expr, allowed map[string]map[string]bool) map[string]bool {
	switch n := e.(type) {
	case *parser.ParenExpr:
		return outLabels(n.Expr, allowed)
	case *parser.VectorSelector:
		return allowed[n.Name]
	case *parser.MatrixSelector:
		return outLabels(n.VectorSelector, allowed)
	case *parser.AggregateExpr:
		if n.Without {
			return nil
		}
		out := map[string]bool{}
		for _, l := range n.Grouping {
			out[l] = true
		}
		return out
	case *parser.Call:
		for _, a := range n.Args {
			if a.Type() == parser.ValueTypeVector || a.Type() == parser.ValueTypeMatrix {
				out := outLabels(a, allowed)
				if n.Func.Name == "histogram_quantile" && out != nil {
					out = maps.Clone(out)
					delete(out, "le")
				}
				return out
			}
		}
	case *parser.BinaryExpr:
		if n.LHS.Type() == parser.ValueTypeVector {
			return outLabels(n.LHS, allowed)
		}
		return outLabels(n.RHS, allowed)
	}
	return nil
}

// lintDashboard applies the dashboard rules to one dashboard file.
func lintDashboard(d DashboardJSON) []string {
	var problems []string
	hasVar := false
	for _, v := range d.Templating.List {
		if v.Name == DatasourceVar && v.Type == "datasource" && v.Query == "prometheus" {
			hasVar = true
		}
	}
	if !hasVar {
		problems = append(problems, "no Prometheus datasource variable $"+DatasourceVar)
	}
	want := "${" + DatasourceVar + "}"
	for _, p := range d.Panels {
		if p.Type == "row" {
			continue
		}
		where := fmt.Sprintf("panel %d %q", p.ID, p.Title)
		if p.Title == "" {
			problems = append(problems, where+": no title")
		}
		if p.Description == "" {
			problems = append(problems, where+": no description")
		}
		if p.FieldConfig.Defaults.Unit == "" {
			problems = append(problems, where+": no unit")
		}
		if p.Datasource == nil || p.Datasource.UID != want {
			problems = append(problems, where+": does not use the datasource variable")
		}
		if len(p.Targets) == 0 {
			problems = append(problems, where+": no query")
		}
		for _, t := range p.Targets {
			if t.Datasource == nil || t.Datasource.UID != want {
				problems = append(problems, fmt.Sprintf("%s query %s: does not use the datasource variable", where, t.RefID))
			}
			for _, pr := range lintExpr(t.Expr, true) {
				problems = append(problems, fmt.Sprintf("%s query %s: %s", where, t.RefID, pr))
			}
		}
		if th := p.FieldConfig.Defaults.Thresholds; th != nil {
			for _, s := range th.Steps {
				if s.Value != nil && !isBudgetLimit(*s.Value) {
					problems = append(problems, fmt.Sprintf("%s: threshold %g is no budget's limit", where, *s.Value))
				}
			}
		}
	}
	return problems
}

func isBudgetLimit(v float64) bool {
	for _, b := range budgets.Budgets {
		if b.Limit == v {
			return true
		}
	}
	return false
}

func TestDashboardLint(t *testing.T) {
	ds, err := ReadDashboards(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != len(boards) {
		t.Fatalf("%d dashboard files, want %d", len(ds), len(boards))
	}
	panels := 0
	for name, d := range ds {
		for _, p := range lintDashboard(d) {
			t.Errorf("%s: %s", name, p)
		}
		for _, p := range d.Panels {
			if p.Type != "row" {
				panels++
			}
		}
	}
	t.Logf("%d dashboards, %d panels linted", len(ds), panels)
}

// TestBudgetThresholds: every budget is drawn as a threshold, at its limit.
func TestBudgetThresholds(t *testing.T) {
	ds, err := ReadDashboards(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range budgets.Budgets {
		found := false
		for _, d := range ds {
			for _, p := range d.Panels {
				if th := p.FieldConfig.Defaults.Thresholds; th != nil && strings.Contains(p.Description+p.Title, b.Name) {
					for _, s := range th.Steps {
						found = found || (s.Value != nil && *s.Value == b.Limit)
					}
				}
			}
		}
		if !found {
			t.Errorf("budget %s (limit %g) is not drawn as a threshold on any panel that names it", b.Name, b.Limit)
		}
	}
}

// TestLintCatchesMistakes shows each rule can fail.
func TestLintCatchesMistakes(t *testing.T) {
	ds, err := ReadDashboards(".")
	if err != nil {
		t.Fatal(err)
	}
	good := ds["json/overview.json"]
	raw, _ := json.Marshal(good)
	mutate := func(f func(d *DashboardJSON)) DashboardJSON {
		var d DashboardJSON
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		f(&d)
		return d
	}
	last := len(good.Panels) - 1
	for name, c := range map[string]struct {
		d    DashboardJSON
		want string
	}{
		"no unit":        {mutate(func(d *DashboardJSON) { d.Panels[last].FieldConfig.Defaults.Unit = "" }), "no unit"},
		"no description": {mutate(func(d *DashboardJSON) { d.Panels[last].Description = "" }), "no description"},
		"fixed datasource": {mutate(func(d *DashboardJSON) { d.Panels[last].Datasource = &Ref{Type: "prometheus", UID: "prom"} }),
			"does not use the datasource variable"},
		"no variable":    {mutate(func(d *DashboardJSON) { d.Templating.List = nil }), "no Prometheus datasource variable"},
		"fixed range":    {mutate(func(d *DashboardJSON) { d.Panels[last].Targets[0].Expr = "rate(hypergen_runs_total[5m])" }), "instead of [$__rate_interval]"},
		"unknown metric": {mutate(func(d *DashboardJSON) { d.Panels[last].Targets[0].Expr = "hypergen_runs_count" }), "does not emit"},
		"unknown label": {mutate(func(d *DashboardJSON) {
			d.Panels[last].Targets[0].Expr = `hypergen_runs_total{hypergen_operation="run"}`
		}),
			"does not have"},
		"bad grouping": {mutate(func(d *DashboardJSON) {
			d.Panels[last].Targets[0].Expr = `sum by (hypergen_phase) (hypergen_runs_total)`
		}),
			"none of its series has"},
		"syntax": {mutate(func(d *DashboardJSON) {
			d.Panels[last].Targets[0].Expr = "sum(rate(hypergen_runs_total[$__rate_interval])"
		}), "does not parse"},
		"made-up threshold": {mutate(func(d *DashboardJSON) {
			v := 0.123456
			for i := range d.Panels {
				if th := d.Panels[i].FieldConfig.Defaults.Thresholds; th != nil && len(th.Steps) > 1 {
					th.Steps[1].Value = &v
					return
				}
			}
		}), "is no budget's limit"},
	} {
		problems := strings.Join(lintDashboard(c.d), "\n")
		if !strings.Contains(problems, c.want) {
			t.Errorf("%s: lint reported %q, want a problem containing %q", name, problems, c.want)
		}
	}
}

// TestRuleLint: every rule parses, uses only emitted series and labels,
// says what is wrong and how bad it is; every budget has its rule, at the
// budget's limit.
func TestRuleLint(t *testing.T) {
	rf, err := ReadRules(".")
	if err != nil {
		t.Fatal(err)
	}
	limits := map[string]float64{}
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			where := r.Alert + "{" + r.Labels["budget"] + "}"
			for _, p := range lintExpr(r.Expr, false) {
				t.Errorf("%s: %s", where, p)
			}
			if s := r.Labels["severity"]; s != "warning" && s != "critical" {
				t.Errorf("%s: severity %q", where, s)
			}
			if r.Annotations["summary"] == "" || r.Annotations["description"] == "" {
				t.Errorf("%s: summary and description are required", where)
			}
			if r.Alert == "HypergenBudgetMissed" {
				e, err := ParseExpr(r.Expr)
				if err != nil {
					continue
				}
				be, ok := e.(*parser.BinaryExpr)
				if ok && be.Op == parser.LUNLESS { // the comparison, unless the agent stopped
					be, ok = be.LHS.(*parser.BinaryExpr)
				}
				if ok {
					if n, ok := be.RHS.(*parser.NumberLiteral); ok {
						limits[r.Labels["budget"]] = n.Val
					}
				}
			}
		}
	}
	for _, b := range budgets.Budgets {
		got, ok := limits[b.Name]
		if !ok || got != b.Limit {
			t.Errorf("budget %s: rule threshold %v (present %v), want %g", b.Name, got, ok, b.Limit)
		}
	}
}

// TestOverviewReadsAggregatedSeries: the Overview shows the workload, so it
// reads only the series the Collector derives from every process's spans;
// a process's own counters would leave one-shot CLI runs out.
func TestOverviewReadsAggregatedSeries(t *testing.T) {
	ds, err := ReadDashboards(".")
	if err != nil {
		t.Fatal(err)
	}
	derived := map[string]bool{}
	for _, m := range catalog.Metrics {
		if m.Source == catalog.FromCollector {
			n := metric(m.Name)
			for _, s := range []string{n, n + "_bucket", n + "_sum", n + "_count"} {
				derived[s] = true
			}
		}
	}
	panels := ds["json/overview.json"].Panels
	if len(panels) == 0 {
		t.Fatal("no Overview panels")
	}
	for _, p := range panels {
		for _, q := range p.Targets {
			e, err := ParseExpr(strings.ReplaceAll(q.Expr, RateInterval, "5m"))
			if err != nil {
				t.Fatalf("%s: %v", p.Title, err)
			}
			parser.Inspect(e, func(n parser.Node, _ []parser.Node) error {
				if vs, ok := n.(*parser.VectorSelector); ok && !derived[vs.Name] {
					t.Errorf("Overview panel %q reads %s, which the Collector does not derive from spans", p.Title, vs.Name)
				}
				return nil
			})
		}
	}
}
