package jsrt

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// rowsTemplate renders rows lines of about 40 bytes, each with two tags.
const rowsTemplate = "<% for (let i = 0; i < rows; i++) { %>export const row<%= i %> = '<%- name %>';\n<% } %>"

func renderRows(t testing.TB, rows int) (string, uint64) {
	t.Helper()
	var c Cache
	tmpl, err := c.Compile(rowsTemplate, ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	locals := jsvalue.NewObject()
	locals.Set("rows", float64(rows))
	locals.Set("name", "component")
	vm := NewVM(context.Background(), Setup{Cwd: "/"})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := vm.Render(context.Background(), tmpl, locals)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	return out, after.TotalAlloc - before.TotalAlloc
}

// Rendering must cost memory (and so time) in proportion to the output:
// doubling the rows may not much more than double the bytes allocated.
// Appending to one string copies the whole output each time, which
// quadruples them. Allocation is counted, not time, so the check is
// independent of machine load.
func TestRenderIsLinear(t *testing.T) {
	small, smallAlloc := renderRows(t, 4000)
	large, largeAlloc := renderRows(t, 8000)
	if want := "export const row3999 = 'component';\n"; !strings.HasSuffix(small, want) || strings.Count(small, "\n") != 4000 {
		t.Fatalf("rendered %d lines ending %q", strings.Count(small, "\n"), small[max(0, len(small)-40):])
	}
	ratio := float64(largeAlloc) / float64(smallAlloc)
	t.Logf("4000 rows (%d bytes): %d bytes allocated; 8000 rows (%d bytes): %d bytes allocated; ratio %.2f",
		len(small), smallAlloc, len(large), largeAlloc, ratio)
	if ratio > 3 {
		t.Errorf("doubling the output multiplied allocation by %.2f: rendering is not linear", ratio)
	}
}

// Output pieces convert to text as `+=` does in ejs: valueOf before
// toString for objects.
func TestRenderConvertsLikeConcatenation(t *testing.T) {
	got, err := render(t, `<%- ({valueOf() { return 1 }, toString() { return "s" }}) %>|<%= [1, [2, 3]] %>|<%- 0.1 + 0.2 %>`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1|1,2,3|0.30000000000000004"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkRenderLarge renders outputs of the sizes issue #13 measured:
// 50k rows (2 MB) and 520k tags (about 50 MB).
func BenchmarkRenderLarge(b *testing.B) {
	for _, rows := range []int{50_000, 260_000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			var c Cache
			tmpl, err := c.Compile("<% for (let i = 0; i < rows; i++) { %>export const row<%= i %> = '<%- name %>'; // padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding\n<% } %>", ejs.Options{})
			if err != nil {
				b.Fatal(err)
			}
			locals := jsvalue.NewObject()
			locals.Set("rows", float64(rows))
			locals.Set("name", "component")
			vm := NewVM(context.Background(), Setup{Cwd: "/"})
			var n int
			for b.Loop() {
				out, err := vm.Render(context.Background(), tmpl, locals)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.ReportMetric(float64(n), "output-bytes")
		})
	}
}
