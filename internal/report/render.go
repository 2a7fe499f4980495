package report

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Render writes the report as one HTML document.
func Render(w io.Writer, d Data) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
	b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">`)
	if d.Refresh > 0 {
		fmt.Fprintf(&b, `<meta http-equiv="refresh" content="%d">`, int(d.Refresh/time.Second))
	}
	fmt.Fprintf(&b, "<title>%s</title><style>%s</style></head><body>", esc(d.Title), css)
	fmt.Fprintf(&b, "<header><h1>%s</h1><p>%s", esc(d.Title), esc(d.Subtitle))
	if !d.Generated.IsZero() {
		fmt.Fprintf(&b, " · %s", esc(d.Generated.UTC().Format("2006-01-02 15:04:05 UTC")))
	}
	b.WriteString("</p>")
	if d.Healthy != nil {
		cls, word := "ok", "healthy: every measured budget is met"
		if !*d.Healthy {
			cls, word = "bad", "unhealthy: a budget is missed"
		}
		fmt.Fprintf(&b, `<p class="health %s">%s</p>`, cls, word)
	}
	b.WriteString("</header><main>")
	if len(d.Budgets) > 0 {
		b.WriteString(budgetTable(d.Budgets))
	}
	b.WriteString(`<section class="charts">`)
	for _, c := range charts(d) {
		b.WriteString(c)
	}
	b.WriteString("</section>")
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "<section><h2>%s</h2><ul>", esc(title))
		for _, it := range items {
			fmt.Fprintf(&b, "<li>%s</li>", esc(it))
		}
		b.WriteString("</ul></section>")
	}
	list("Findings", d.Findings)
	list("Recommendations", d.Recommendations)
	if len(d.Facts) > 0 {
		b.WriteString("<section><h2>Facts</h2><dl>")
		for _, f := range d.Facts {
			fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>", esc(f[0]), esc(f[1]))
		}
		b.WriteString("</dl></section>")
	}
	b.WriteString("</main></body></html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// charts draws every chart the data has enough for.
func charts(d Data) []string {
	var out []string
	if hasPoints(d.Scalability) {
		out = append(out, lineChart("scalability", "Generation time by template count",
			"Log-log: a straight line of slope b means time ≈ a·n^b; b = 1 is linear growth.",
			axis{log: true, label: "templates in the tree (log scale)"}, axis{log: true, unit: "s", label: "time (log scale)"},
			d.Scalability, d.Fits))
	}
	if hasPoints(d.MemoryPerTemplate) {
		out = append(out, lineChart("memory", "Memory per template",
			"Memory the template index holds, per template of the tree; flat means memory grows linearly.",
			axis{log: true, label: "templates in the tree (log scale)"}, axis{unit: "By", label: "bytes per template"},
			d.MemoryPerTemplate, nil))
	}
	if len(d.Phases) > 0 {
		labels := make([]string, len(d.Phases))
		values := make([][]float64, len(d.Phases))
		for i, s := range d.Phases {
			labels[i], values[i] = s.Label, []float64{s.Value}
		}
		title := d.PhasesTitle
		if title == "" {
			title = "Phase breakdown"
		}
		out = append(out, barChart("phases", title, "Where the time goes, by phase.",
			"s", "time", labels, []string{"time"}, values, nil))
	}
	if len(d.Latencies) > 0 {
		labels := make([]string, len(d.Latencies))
		values := make([][]float64, len(d.Latencies))
		for i, l := range d.Latencies {
			labels[i], values[i] = l.Operation, []float64{l.P50, l.P95, l.P99}
		}
		out = append(out, barChart("latency", "Latency by operation", "Percentiles of each operation's duration.",
			"s", "time", labels, []string{"p50", "p95", "p99"}, values, nil))
	}
	if d.CacheHitRatio != nil {
		var limit *float64
		for _, b := range d.Budgets {
			if b.Name == "cache_hit_ratio" {
				l := b.Limit
				limit = &l
			}
		}
		out = append(out, barChart("cache", "Cache hit rate", "Share of compiled-template lookups served from the cache.",
			"ratio", "hit rate", []string{"compiled templates"}, []string{"hit rate"}, [][]float64{{*d.CacheHitRatio}}, limit))
	}
	if hasPoints(d.Trend) {
		title := d.TrendTitle
		if title == "" {
			title = "Trend over stored runs"
		}
		out = append(out, lineChart("trend", title, "Lower is better.",
			axis{unit: "time", label: "run time (UTC)"}, axis{unit: d.TrendUnit, label: "value"}, d.Trend, nil))
	}
	return out
}

func hasPoints(ss []Series) bool {
	for _, s := range ss {
		if len(s.Points) > 0 {
			return true
		}
	}
	return false
}

func budgetTable(bs []Budget) string {
	var b strings.Builder
	b.WriteString(`<section><h2>Budgets</h2><table class="budgets"><thead><tr><th>budget</th><th>value</th><th>limit</th><th>met</th></tr></thead><tbody>`)
	for _, bg := range bs {
		format := unitFormat(bg.Unit)
		switch bg.Unit {
		case "exponent":
			format = fmtFloat
		case "s", "By", "ratio", "time", "":
		default:
			unit := bg.Unit
			format = func(v float64) string { return trim(v) + " " + unit }
		}
		op := "≤"
		if bg.AtLeast {
			op = "≥"
		}
		val, met, cls := "—", "not measured", "none"
		if bg.Value != nil {
			val = format(*bg.Value)
		}
		if bg.Met != nil {
			met, cls = "no", "bad"
			if *bg.Met {
				met, cls = "yes", "ok"
			}
		}
		limit := op + " " + format(bg.Limit)
		if bg.LimitText != "" {
			limit = bg.LimitText
		}
		fmt.Fprintf(&b, `<tr class="%s"><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>`, cls, esc(bg.Name), esc(val), esc(limit), met)
	}
	b.WriteString("</tbody></table></section>")
	return b.String()
}

const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#fff;border-bottom:1px solid #d0d7de;padding:16px 24px}h1{margin:0;font-size:22px}
header p{margin:4px 0;color:#59636e}.health{font-weight:600}.health.ok{color:#1a7f37}.health.bad{color:#d1242f}
main{padding:16px 24px;max-width:1400px}h2{font-size:16px;margin:20px 0 8px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
figure.chart{margin:0;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px}
figcaption h3{margin:0;font-size:15px}figcaption p{margin:2px 0 8px;color:#59636e;font-size:12px}
svg{width:100%;height:auto}.grid{stroke:#eaeef2}.axis{stroke:#59636e}.tick{font-size:11px;fill:#59636e}
.label{font-size:12px;fill:#1f2328}.value{font-size:11px;fill:#1f2328}path.series{fill:none;stroke-width:2}
.limit{stroke:#d1242f;stroke-width:2;stroke-dasharray:4 3}
.legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:12px;font-size:12px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-2px}
.swatch.limit{background:#d1242f}
table.budgets{border-collapse:collapse;background:#fff}table.budgets td,table.budgets th{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
tr.ok td:last-child{color:#1a7f37;font-weight:600}tr.bad td:last-child{color:#d1242f;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#59636e}dd{margin:0}
`
