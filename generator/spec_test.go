package generator

import (
	"slices"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/genspec"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// genspec refuses a template.yml variable named as a local every run sets
// itself; its list must name every such local, or a variable of the
// missing name would again be shown with a default it never gets.
func TestBuiltinLocalsAreTheOnesRunsSet(t *testing.T) {
	e := New(Config{Cwd: t.TempDir()})
	args := e.buildArgs(argv.Parse(nil), target{generator: "g", action: "a"}, "/f", "", false, "/t", "/c", jsvalue.NewObject())
	if got := args.Keys(); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(genspec.BuiltinLocals))) {
		t.Errorf("a run sets %v; genspec.BuiltinLocals is %v", got, genspec.BuiltinLocals)
	}
}
