package dashboards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/prometheus/prometheus/promql/parser"
	"gopkg.in/yaml.v3"
)

// Query is one PromQL expression that ships: a dashboard panel's target or
// an alert rule's expression.
type Query struct {
	Where string // "json/overview.json: Error rate" or "rules: HypergenBudgetMissed{budget=…}"
	Expr  string
	Rule  bool
}

// Panel is a dashboard panel as Grafana reads it from the JSON, with only
// the fields the lint rules and the end-to-end test look at.
type Panel struct {
	ID          int    `json:"id"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Datasource  *Ref   `json:"datasource"`
	FieldConfig struct {
		Defaults struct {
			Unit       string `json:"unit"`
			Thresholds *struct {
				Steps []struct {
					Value *float64 `json:"value"`
					Color string   `json:"color"`
				} `json:"steps"`
			} `json:"thresholds"`
		} `json:"defaults"`
	} `json:"fieldConfig"`
	Targets []struct {
		RefID      string `json:"refId"`
		Expr       string `json:"expr"`
		Datasource *Ref   `json:"datasource"`
	} `json:"targets"`
}

// Ref is a datasource reference.
type Ref struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

// DashboardJSON is a dashboard file's fields the checks use.
type DashboardJSON struct {
	UID        string  `json:"uid"`
	Title      string  `json:"title"`
	Panels     []Panel `json:"panels"`
	Templating struct {
		List []struct {
			Name  string `json:"name"`
			Type  string `json:"type"`
			Query any    `json:"query"`
		} `json:"list"`
	} `json:"templating"`
}

// ReadDashboards reads the committed dashboards below dir, by file name.
func ReadDashboards(dir string) (map[string]DashboardJSON, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "json", "*.json"))
	if err != nil {
		return nil, err
	}
	out := map[string]DashboardJSON{}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var d DashboardJSON
		if err := json.Unmarshal(raw, &d); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out["json/"+filepath.Base(p)] = d
	}
	return out, nil
}

// ReadRules reads the committed rule file below dir.
func ReadRules(dir string) (RuleFile, error) {
	var rf RuleFile
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(RulesFile)))
	if err != nil {
		return rf, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	err = dec.Decode(&rf)
	return rf, err
}

// ShippedQueries lists every expression in the committed dashboards and
// rule file below dir.
func ShippedQueries(dir string) ([]Query, error) {
	ds, err := ReadDashboards(dir)
	if err != nil {
		return nil, err
	}
	var out []Query
	names := make([]string, 0, len(ds))
	for n := range ds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, p := range ds[n].Panels {
			for _, t := range p.Targets {
				out = append(out, Query{Where: fmt.Sprintf("%s: %s (%s)", n, p.Title, t.RefID), Expr: t.Expr})
			}
		}
	}
	rf, err := ReadRules(dir)
	if err != nil {
		return nil, err
	}
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			where := "rules: " + r.Alert
			if b := r.Labels["budget"]; b != "" {
				where += "{budget=" + b + "}"
			}
			out = append(out, Query{Where: where, Expr: r.Expr, Rule: true})
		}
	}
	return out, nil
}

// ParseExpr parses PromQL with Prometheus's own parser.
func ParseExpr(expr string) (parser.Expr, error) {
	return parser.NewParser(parser.Options{}).ParseExpr(expr)
}

// MeasuredParts splits an alert expression into what it measures: the
// sides of its comparisons and set operations, and what absent() looks for,
// leaving out number literals. An alert expression returns data only while
// it fires; its measured parts return data whenever the system reports.
func MeasuredParts(expr string) ([]parser.Expr, error) {
	e, err := ParseExpr(expr)
	if err != nil {
		return nil, err
	}
	return measured(e), nil
}

func measured(e parser.Expr) []parser.Expr {
	switch n := e.(type) {
	case *parser.ParenExpr:
		return measured(n.Expr)
	case *parser.NumberLiteral:
		return nil
	case *parser.BinaryExpr:
		if n.Op.IsSetOperator() || (n.Op.IsComparisonOperator() && !n.ReturnBool) {
			return append(measured(n.LHS), measured(n.RHS)...)
		}
	case *parser.Call:
		if n.Func.Name == "absent" || n.Func.Name == "absent_over_time" {
			return measured(n.Args[0])
		}
	}
	return []parser.Expr{e}
}
