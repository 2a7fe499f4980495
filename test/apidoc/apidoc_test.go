package apidoc

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// public is the public surface: importable, documented, kept stable.
var public = []string{"agent", "budgets", "dashboards", "exporters", "generator", "instrument", "lazy", "parallel"}

func TestPublicAPIIsDocumented(t *testing.T) {
	root := testenv.RepoRoot()
	for _, dir := range public {
		t.Run(dir, func(t *testing.T) {
			fset := token.NewFileSet()
			pkgs, err := parser.ParseDir(fset, filepath.Join(root, dir), func(fi fs.FileInfo) bool {
				return !strings.HasSuffix(fi.Name(), "_test.go")
			}, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pkgs {
				for _, missing := range undocumented(p) {
					t.Errorf("%s: %s has no doc comment", dir, missing)
				}
			}
		})
	}
}

// undocumented lists the exported names of a package that lack a comment.
func undocumented(p *ast.Package) []string {
	d := doc.New(p, "", 0)
	var out []string
	if strings.TrimSpace(d.Doc) == "" {
		out = append(out, "package "+d.Name)
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			if v.Doc != "" {
				continue
			}
			for _, spec := range v.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				if vs.Doc == nil && vs.Comment == nil {
					for _, n := range vs.Names {
						if n.IsExported() {
							out = append(out, n.Name)
						}
					}
				}
			}
		}
	}
	values(d.Consts)
	values(d.Vars)
	funcs := func(fs []*doc.Func, recv string) {
		for _, f := range fs {
			if f.Doc == "" && ast.IsExported(f.Name) {
				out = append(out, recv+f.Name)
			}
		}
	}
	funcs(d.Funcs, "")
	for _, typ := range d.Types {
		if typ.Doc == "" {
			out = append(out, "type "+typ.Name)
		}
		values(typ.Consts)
		values(typ.Vars)
		funcs(typ.Funcs, "")
		funcs(typ.Methods, typ.Name+".")
	}
	sort.Strings(out)
	return out
}

// TestEveryPublicPackageHasAnExample keeps `go doc` useful: each entry
// package shows how it is used.
func TestEveryPublicPackageHasAnExample(t *testing.T) {
	root := testenv.RepoRoot()
	for _, dir := range []string{"agent", "generator", "instrument", "lazy", "parallel"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*_test.go"))
		found := false
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err == nil && strings.Contains(string(b), "\nfunc Example") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s has no Example function", dir)
		}
	}
}

// TestNothingPublicOutsideTheList fails when a new top-level package appears
// without being added to public (or moved under internal/).
func TestNothingPublicOutsideTheList(t *testing.T) {
	root := testenv.RepoRoot()
	known := map[string]bool{"internal": true, "test": true, "cmd": true, "deploy": true, "examples": true, "docs": true, "scripts": true}
	for _, p := range public {
		known[p] = true
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || known[e.Name()] {
			continue
		}
		if goFiles, _ := filepath.Glob(filepath.Join(root, e.Name(), "*.go")); len(goFiles) > 0 {
			t.Errorf("top-level package %s/ is neither in the public list nor under internal/", e.Name())
		}
	}
}
