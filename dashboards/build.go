package dashboards

import (
	"fmt"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/prometheus"
	"github.com/grafana/grafana-foundation-sdk/go/stat"
	"github.com/grafana/grafana-foundation-sdk/go/timeseries"

	"github.com/hypergen-dev/hypergen/budgets"
)

// DatasourceVar is the dashboards' datasource variable: every panel and query
// points at it, so one import works against any Prometheus.
const DatasourceVar = "datasource"

var datasource = common.DataSourceRef{Type: cog.ToPtr("prometheus"), Uid: cog.ToPtr("${" + DatasourceVar + "}")}

// The dashboards are declared as data (board, row, panel) and turned into
// Grafana models by build: each panel kind's options live in one place, and
// every panel gets the datasource, description and unit the same way.
type board struct {
	uid, title, description string
	rows                    []row
	links                   []link
}

type row struct {
	title  string
	panels []panel
}

type link struct{ title, tooltip, url string }

type panel struct {
	title, description, unit string
	stat                     bool     // a single-value stat instead of a time series
	queries                  []query  //
	budget                   string   // draws this budget's limit as the threshold
	interval                 string   // the panel's minimum query interval, for sparse data
	width                    uint32   // grid columns of 24; 0 means 8
	min                      *float64 // axis minimum
}

type query struct{ expr, legend string }

// build renders a board with grafana-foundation-sdk.
func build(b board) (dashboard.Dashboard, error) {
	db := dashboard.NewDashboardBuilder(b.title).
		Uid(b.uid).
		Description(b.description).
		Tags([]string{"hypergen", "generated"}).
		Refresh("30s").
		Time("now-6h", "now").
		Timezone(common.TimeZoneBrowser).
		Tooltip(dashboard.DashboardCursorSyncCrosshair).
		Readonly().
		WithVariable(dashboard.NewDatasourceVariableBuilder(DatasourceVar).
			Label("Prometheus").
			Description("The Prometheus that scrapes the Collector's hypergen metrics.").
			Type("prometheus"))
	for _, l := range b.links {
		db.Link(dashboard.NewDashboardLinkBuilder(l.title).Type(dashboard.DashboardLinkTypeLink).
			Tooltip(l.tooltip).Url(l.url).TargetBlank(true).KeepTime(true))
	}
	// Grafana keys panel state (links, edits, alerts) by id: number rows and
	// panels in order.
	id := uint32(0)
	for _, r := range b.rows {
		id++
		db.WithRow(dashboard.NewRowBuilder(r.title).Id(id))
		for _, p := range r.panels {
			id++
			pb, err := p.builder(id)
			if err != nil {
				return dashboard.Dashboard{}, fmt.Errorf("%s / %s: %w", b.title, p.title, err)
			}
			db.WithPanel(pb)
		}
	}
	return db.Build()
}

func (p panel) builder(id uint32) (cog.Builder[dashboard.Panel], error) {
	var th cog.Builder[dashboard.ThresholdsConfig]
	if p.budget != "" {
		b, ok := budgets.ByName(p.budget)
		if !ok {
			return nil, fmt.Errorf("no budget %q", p.budget)
		}
		th = budgetThresholds(b)
	}
	width := p.width
	if width == 0 {
		width = 8
	}
	targets := make([]cog.Builder[variants.Dataquery], 0, len(p.queries))
	for i, q := range p.queries {
		targets = append(targets, prometheus.NewDataqueryBuilder().
			Datasource(datasource).
			RefId(string(rune('A'+i))).
			Expr(q.expr).
			LegendFormat(q.legend))
	}
	if p.stat {
		s := stat.NewPanelBuilder().Id(id).Title(p.title).Description(p.description).Unit(p.unit).
			Datasource(datasource).Targets(targets).Span(width).Height(4).
			GraphMode(common.BigValueGraphModeArea).ColorMode(common.BigValueColorModeBackground).
			ReduceOptions(common.NewReduceDataOptionsBuilder().Calcs([]string{"lastNotNull"}))
		if th != nil {
			s.Thresholds(th)
		}
		if p.interval != "" {
			s.Interval(p.interval)
		}
		return s, nil
	}
	ts := timeseries.NewPanelBuilder().Id(id).Title(p.title).Description(p.description).Unit(p.unit).
		Datasource(datasource).Targets(targets).Span(width).Height(8).
		LineWidth(1).FillOpacity(10).ShowPoints(common.VisibilityModeAuto).
		Legend(common.NewVizLegendOptionsBuilder().DisplayMode(common.LegendDisplayModeList).
			Placement(common.LegendPlacementBottom).ShowLegend(true))
	if th != nil {
		ts.Thresholds(th).ThresholdsStyle(common.NewGraphThresholdsStyleConfigBuilder().
			Mode(common.GraphThresholdsStyleModeDashed))
	}
	if p.interval != "" {
		ts.Interval(p.interval)
	}
	if p.min != nil {
		ts.Min(*p.min)
	}
	return ts, nil
}

// budgetThresholds colours the good side of a budget's limit green and the
// other red.
func budgetThresholds(b budgets.Budget) cog.Builder[dashboard.ThresholdsConfig] {
	below, above := "green", "red"
	if b.Direction == budgets.AtLeast {
		below, above = "red", "green"
	}
	return dashboard.NewThresholdsConfigBuilder().Mode(dashboard.ThresholdsModeAbsolute).
		Steps([]dashboard.Threshold{{Value: nil, Color: below}, {Value: cog.ToPtr(b.Limit), Color: above}})
}

// budgetUnit is the Grafana unit of a budget's unit.
func budgetUnit(b budgets.Budget) (string, error) {
	switch b.Unit {
	case "s":
		return "s", nil
	case "ratio":
		return "percentunit", nil
	case "exponent":
		return "none", nil
	}
	return "", fmt.Errorf("budget %s: no Grafana unit for %q", b.Name, b.Unit)
}
