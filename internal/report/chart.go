package report

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
	"time"
)

// palette holds colours with enough contrast on white for lines and bars.
var palette = []string{"#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989"}

const (
	chartW, chartH                     = 640, 300
	marginL, marginR, marginT, marginB = 72, 16, 16, 48
)

// axis maps data values to pixels.
type axis struct {
	log      bool
	min, max float64
	unit     string // for tick labels: "s", "By", "ratio", "time", ""
	label    string
	from, to float64 // pixel range
}

func (a *axis) t(v float64) float64 {
	if a.log {
		return math.Log10(v)
	}
	return v
}

func (a *axis) px(v float64) float64 {
	lo, hi := a.t(a.min), a.t(a.max)
	if hi == lo {
		return (a.from + a.to) / 2
	}
	return a.from + (a.t(v)-lo)/(hi-lo)*(a.to-a.from)
}

// fit widens the axis to the data, with a margin on linear axes.
func (a *axis) fit(values []float64, zero bool) {
	a.min, a.max = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if a.log && v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		a.min, a.max = math.Min(a.min, v), math.Max(a.max, v)
	}
	if math.IsInf(a.min, 1) {
		a.min, a.max = 1, 10
	}
	if a.log {
		a.min = math.Pow(10, math.Floor(math.Log10(a.min)))
		a.max = math.Pow(10, math.Ceil(math.Log10(a.max)))
		if a.min == a.max {
			a.max *= 10
		}
		return
	}
	if zero && a.min > 0 {
		a.min = 0
	}
	if a.min == a.max {
		a.max = a.min + 1
	}
	step := niceStep((a.max - a.min) / 5)
	a.min = math.Floor(a.min/step) * step
	a.max = math.Ceil(a.max/step) * step
}

// format picks the tick label format; a time axis shows seconds when it
// spans less than an hour and dates when it spans days.
func (a *axis) format() func(float64) string {
	if a.unit != "time" {
		return unitFormat(a.unit)
	}
	layout := "01-02 15:04"
	switch span := a.max - a.min; {
	case span < 10:
		layout = "15:04:05.0"
	case span < 3600:
		layout = "15:04:05"
	case span < 2*86400:
		layout = "15:04"
	}
	return func(v float64) string {
		sec, frac := math.Modf(v)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC().Format(layout)
	}
}

func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

func (a *axis) ticks() []float64 {
	var out []float64
	if a.log {
		for e := math.Floor(math.Log10(a.min)); e <= math.Ceil(math.Log10(a.max)); e++ {
			out = append(out, math.Pow(10, e))
		}
		return out
	}
	step := niceStep((a.max - a.min) / 5)
	for v := a.min; v <= a.max+step/1e6; v += step {
		out = append(out, v)
	}
	return out
}

// plot is one chart's frame: title, axes, grid and legend, with the marks
// added by the chart kinds below.
type plot struct {
	id, title, desc string
	x, y            axis
	b               strings.Builder
	legend          []legendEntry
}

type legendEntry struct{ label, color string }

func newPlot(id, title, desc string, x, y axis) *plot {
	p := &plot{id: id, title: title, desc: desc, x: x, y: y}
	p.x.from, p.x.to = marginL, chartW-marginR
	p.y.from, p.y.to = chartH-marginB, marginT
	return p
}

func (p *plot) axes() {
	fmtX, fmtY := p.x.format(), p.y.format()
	for _, v := range p.y.ticks() {
		y := p.y.px(v)
		fmt.Fprintf(&p.b, `<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, p.x.from, y, p.x.to, y)
		fmt.Fprintf(&p.b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, p.x.from-6, y+4, esc(fmtY(v)))
	}
	for _, v := range p.x.ticks() {
		x := p.x.px(v)
		fmt.Fprintf(&p.b, `<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x, p.y.from, x, p.y.to)
		fmt.Fprintf(&p.b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x, p.y.from+16, esc(fmtX(v)))
	}
	fmt.Fprintf(&p.b, `<line class="axis" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, p.x.from, p.y.from, p.x.to, p.y.from)
	fmt.Fprintf(&p.b, `<line class="axis" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, p.x.from, p.y.from, p.x.from, p.y.to)
	fmt.Fprintf(&p.b, `<text class="label" x="%.1f" y="%d" text-anchor="middle">%s</text>`, (p.x.from+p.x.to)/2, chartH-8, esc(p.x.label))
	fmt.Fprintf(&p.b, `<text class="label" transform="translate(14 %.1f) rotate(-90)" text-anchor="middle">%s</text>`, (p.y.from+p.y.to)/2, esc(p.y.label))
}

func (p *plot) svg() string {
	var legend strings.Builder
	for _, l := range p.legend {
		fmt.Fprintf(&legend, `<li><span class="swatch" style="background:%s"></span>%s</li>`, l.color, esc(l.label))
	}
	return fmt.Sprintf(`<figure class="chart" data-chart="%s"><figcaption><h3>%s</h3><p>%s</p></figcaption>`+
		`<svg viewBox="0 0 %d %d" role="img" aria-label="%s">%s</svg><ul class="legend">%s</ul></figure>`,
		esc(p.id), esc(p.title), esc(p.desc), chartW, chartH, esc(p.title), p.b.String(), legend.String())
}

// lineChart draws series as lines with point markers, and fitted power
// laws as dashed lines.
func lineChart(id, title, desc string, x, y axis, series []Series, fits []Fit) string {
	var xs, ys []float64
	for _, s := range series {
		for _, pt := range s.Points {
			xs, ys = append(xs, pt.X), append(ys, pt.Y)
		}
	}
	x.fit(xs, false)
	y.fit(ys, !y.log)
	p := newPlot(id, title, desc, x, y)
	p.axes()
	for i, s := range series {
		color := palette[i%len(palette)]
		byX := map[float64][]float64{}
		for _, pt := range s.Points {
			if (p.x.log && pt.X <= 0) || (p.y.log && pt.Y <= 0) {
				continue
			}
			byX[pt.X] = append(byX[pt.X], pt.Y)
			fmt.Fprintf(&p.b, `<circle class="point" cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: %s</title></circle>`,
				p.x.px(pt.X), p.y.px(pt.Y), color, esc(unitFormat(x.unit)(pt.X)), esc(unitFormat(y.unit)(pt.Y)))
		}
		xsSorted := make([]float64, 0, len(byX))
		for xv := range byX {
			xsSorted = append(xsSorted, xv)
		}
		sort.Float64s(xsSorted)
		var d strings.Builder
		for n, xv := range xsSorted {
			cmd := "L"
			if n == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%.1f %.1f ", cmd, p.x.px(xv), p.y.px(median(byX[xv])))
		}
		if len(xsSorted) > 0 {
			fmt.Fprintf(&p.b, `<path class="series" d="%s" stroke="%s"/>`, strings.TrimSpace(d.String()), color)
			p.legend = append(p.legend, legendEntry{s.Name, color})
		}
		for _, f := range fits {
			if f.Series != s.Name {
				continue
			}
			// y = e^A · x^B, straight on log-log axes: two ends suffice.
			x0, x1 := p.x.min, p.x.max
			y0, y1 := math.Exp(f.A)*math.Pow(x0, f.B), math.Exp(f.A)*math.Pow(x1, f.B)
			fmt.Fprintf(&p.b, `<path class="series fit" d="M%.1f %.1f L%.1f %.1f" stroke="%s" stroke-dasharray="6 4" clip-path="url(#clip-%s)"/>`,
				p.x.px(x0), p.y.px(clamp(y0, p.y)), p.x.px(x1), p.y.px(clamp(y1, p.y)), color, esc(id))
			p.legend = append(p.legend, legendEntry{fmt.Sprintf("fit: exponent b = %s (%s)", fmtFloat(f.B), f.Interval()), color})
		}
	}
	fmt.Fprintf(&p.b, `<clipPath id="clip-%s"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"/></clipPath>`,
		esc(id), p.x.from, p.y.to, p.x.to-p.x.from, p.y.from-p.y.to)
	return p.svg()
}

func median(vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func clamp(v float64, a axis) float64 { return math.Max(a.min, math.Min(a.max, v)) }

// barChart draws horizontal bars, one group per label with one bar per
// value name (e.g. p50, p95, p99).
func barChart(id, title, desc, unit, xLabel string, labels []string, names []string, values [][]float64, limit *float64) string {
	rows := len(labels)
	barH := 14.0
	groupH := barH*float64(len(names)) + 10
	height := int(groupH*float64(rows)) + marginT + marginB
	var all []float64
	for _, vs := range values {
		all = append(all, vs...)
	}
	if limit != nil {
		all = append(all, *limit)
	}
	x := axis{unit: unit, label: xLabel}
	x.fit(all, true)
	left := 150.0
	x.from, x.to = left, chartW-marginR-64 // room for the value printed after each bar
	var b strings.Builder
	format := unitFormat(unit)
	for _, v := range x.ticks() {
		px := x.px(v)
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`, px, marginT, px, height-marginB)
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, px, height-marginB+16, esc(format(v)))
	}
	fmt.Fprintf(&b, `<text class="label" x="%.1f" y="%d" text-anchor="middle">%s</text>`, (x.from+x.to)/2, height-8, esc(xLabel))
	for r, label := range labels {
		top := float64(marginT) + groupH*float64(r)
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-8, top+groupH/2, esc(label))
		for i := range names {
			v := values[r][i]
			w := math.Max(x.px(v)-x.from, 1)
			fmt.Fprintf(&b, `<rect class="series" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %s</title></rect>`,
				x.from, top+barH*float64(i), w, barH-2, palette[i%len(palette)], esc(label), esc(names[i]), esc(format(v)))
			fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%.1f">%s</text>`, x.from+w+4, top+barH*float64(i)+barH-4, esc(format(v)))
		}
	}
	if limit != nil {
		px := x.px(*limit)
		fmt.Fprintf(&b, `<line class="limit" x1="%.1f" y1="%d" x2="%.1f" y2="%d"><title>budget %s</title></line>`, px, marginT, px, height-marginB, esc(format(*limit)))
	}
	var legend strings.Builder
	for i, n := range names {
		fmt.Fprintf(&legend, `<li><span class="swatch" style="background:%s"></span>%s</li>`, palette[i%len(palette)], esc(n))
	}
	if limit != nil {
		fmt.Fprintf(&legend, `<li><span class="swatch limit"></span>budget %s</li>`, esc(format(*limit)))
	}
	return fmt.Sprintf(`<figure class="chart" data-chart="%s"><figcaption><h3>%s</h3><p>%s</p></figcaption>`+
		`<svg viewBox="0 0 %d %d" role="img" aria-label="%s">%s</svg><ul class="legend">%s</ul></figure>`,
		esc(id), esc(title), esc(desc), chartW, height, esc(title), b.String(), legend.String())
}

func esc(s string) string { return html.EscapeString(s) }
