package catalog

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/budgets"
)

// TestCatalogDocIsCurrent keeps docs/metrics.md in step with the code.
func TestCatalogDocIsCurrent(t *testing.T) {
	got, err := os.ReadFile("../../docs/metrics.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Markdown() {
		t.Fatal("docs/metrics.md is stale: run `go run ./instrument/cmd/catalog > docs/metrics.md`")
	}
}

func TestCatalogFollowsConventions(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range Metrics {
		if seen[m.Name] {
			t.Errorf("%s declared twice", m.Name)
		}
		seen[m.Name] = true
		if !strings.HasPrefix(m.Name, "hypergen.") {
			t.Errorf("%s: names start with hypergen.", m.Name)
		}
		if m.Unit == "" || m.Description == "" {
			t.Errorf("%s: unit and description are required", m.Name)
		}
		if m.Kind == Histogram && m.Unit != "s" {
			t.Errorf("%s: durations are in seconds", m.Name)
		}
		for _, a := range m.Attributes {
			switch a {
			case AttrGenerator, AttrAction, AttrTemplate, AttrTarget:
				t.Errorf("%s: %s is high-cardinality and belongs on spans only", m.Name, a)
			}
		}
	}
}

func TestSpanMetricAttrsEndWithTheDimensions(t *testing.T) {
	tail := spanMetricAttrs[len(spanMetricAttrs)-len(SpanDimensions):]
	if !slices.Equal(tail, SpanDimensions) {
		t.Errorf("spanMetricAttrs %v do not end with SpanDimensions %v", spanMetricAttrs, SpanDimensions)
	}
}

// The counts the catalog gives in words follow the code they count (the
// default probe sizes are checked in package agent).
func TestBudgetCountIsCurrent(t *testing.T) {
	want := fmt.Sprintf("(%d)", len(budgets.Budgets))
	for _, a := range Attributes {
		if a.Key == AttrBudget && !strings.Contains(a.Bound, want) {
			t.Errorf("%s: %q, but package budgets has %d", a.Key, a.Bound, len(budgets.Budgets))
		}
	}
}
