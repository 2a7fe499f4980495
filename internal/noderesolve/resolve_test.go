package noderesolve

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

func TestResolve(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"app/hooks/h.js":                       "",
		"app/hooks/lib.js":                     "",
		"app/hooks/data.json":                  "{}",
		"app/hooks/dir/index.js":               "",
		"app/node_modules/near/index.js":       "",
		"node_modules/near/index.js":           "", // shadowed by app/node_modules
		"node_modules/mainpkg/package.json":    `{"main": "lib/entry"}`,
		"node_modules/mainpkg/lib/entry.js":    "",
		"node_modules/maindir/package.json":    `{"main": "lib"}`,
		"node_modules/maindir/lib/index.js":    "",
		"node_modules/sub/package.json":        `{}`,
		"node_modules/sub/util/x.js":           "",
		"node_modules/@scope/pkg/package.json": `{"main": "./m.js"}`,
		"node_modules/@scope/pkg/m.js":         "",
		"node_modules/exp/package.json": `{"main": "wrong.js", "exports": {
			".": {"import": "./esm.mjs", "require": "./cjs.js"},
			"./feature": "./feat.js",
			"./deep/*": {"node": "./deep/*.js"},
			"./hidden": null}}`,
		"node_modules/exp/cjs.js":              "",
		"node_modules/exp/feat.js":             "",
		"node_modules/exp/deep/a.js":           "",
		"node_modules/expstr/package.json":     `{"exports": "./only.js"}`,
		"node_modules/expstr/only.js":          "",
		"node_modules/expcond/package.json":    `{"exports": {"default": "./d.js", "require": "./r.js"}}`,
		"node_modules/expcond/d.js":            "",
		"node_modules/expcond/r.js":            "",
		"node_modules/native/package.json":     `{"main": "build/addon.node"}`,
		"node_modules/native/build/addon.node": "",
	})
	from := filepath.Join(dir, "app", "hooks")
	tests := []struct{ id, want string }{
		{"./lib", "app/hooks/lib.js"},
		{"./lib.js", "app/hooks/lib.js"},
		{"./data", "app/hooks/data.json"},
		{"./dir", "app/hooks/dir/index.js"},
		{"../hooks/lib", "app/hooks/lib.js"},
		{filepath.Join(from, "lib"), "app/hooks/lib.js"},
		{from + "/nope/../lib", "app/hooks/lib.js"}, // lexically, as Node's path.resolve
		{"near", "app/node_modules/near/index.js"},
		{"mainpkg", "node_modules/mainpkg/lib/entry.js"},
		{"maindir", "node_modules/maindir/lib/index.js"},
		{"sub/util/x", "node_modules/sub/util/x.js"},
		{"@scope/pkg", "node_modules/@scope/pkg/m.js"},
		{"exp", "node_modules/exp/cjs.js"},
		{"exp/feature", "node_modules/exp/feat.js"},
		{"exp/deep/a", "node_modules/exp/deep/a.js"},
		{"expstr", "node_modules/expstr/only.js"},
		{"expcond", "node_modules/expcond/d.js"}, // the object's key order decides
		{"native", "node_modules/native/build/addon.node"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := Resolve(from, tt.id, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := filepath.EvalSymlinks(filepath.Join(dir, tt.want))
			if got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}

	for _, tt := range []struct{ id, want string }{
		{"./nope", `cannot find module "./nope"`},
		{"nopkg", `cannot find module "nopkg"`},
		{"exp/hidden", `subpath "./hidden" is not exported`},
		{"exp/wrong", `subpath "./wrong" is not defined by "exports"`},
		{"expstr/only.js", `is not defined by "exports"`},
		{"#internal", `no package.json above it defines "imports"`},
	} {
		t.Run("error "+tt.id, func(t *testing.T) {
			_, err := Resolve(from, tt.id, nil)
			var nf *NotFoundError
			if !errors.As(err, &nf) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a NotFoundError containing %q", err, tt.want)
			}
		})
	}
}

// A #name resolves through the "imports" of the package the importing file
// is in, as Node's PACKAGE_IMPORTS_RESOLVE does (chalk 5 loads its vendored
// ansi-styles so).
func TestResolveImports(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"node_modules/pk/package.json": `{"imports": {
			"#ansi": "./vendor/ansi/index.js",
			"#cond": {"import": "./esm.js", "node": "./node.js", "default": "./d.js"},
			"#util/*": "./lib/util/*.js",
			"#dep": "other",
			"#gone": null}}`,
		"node_modules/pk/source/index.js":             "",
		"node_modules/pk/vendor/ansi/index.js":        "",
		"node_modules/pk/node.js":                     "",
		"node_modules/pk/lib/util/fmt.js":             "",
		"node_modules/pk/node_modules/other/index.js": "",
	})
	from := filepath.Join(dir, "node_modules", "pk", "source")
	for id, want := range map[string]string{
		"#ansi":     "node_modules/pk/vendor/ansi/index.js",
		"#cond":     "node_modules/pk/node.js",
		"#util/fmt": "node_modules/pk/lib/util/fmt.js",
		"#dep":      "node_modules/pk/node_modules/other/index.js",
	} {
		got, err := Resolve(from, id, nil)
		if want, _ = filepath.EvalSymlinks(filepath.Join(dir, want)); err != nil || got != want {
			t.Errorf("Resolve(%q) = %s, %v; want %s", id, got, err, want)
		}
	}
	for id, want := range map[string]string{
		"#gone":   `#gone is not defined by the "imports" of`,
		"#nope":   `#nope is not defined by the "imports" of`,
		"#":       "a #name must have a name after the #",
		"#/x":     "a #name must have a name after the #",
		"#util/z": `#util/z is not defined`,
	} {
		var nf *NotFoundError
		if _, err := Resolve(from, id, nil); !errors.As(err, &nf) || !strings.Contains(err.Error(), want) {
			t.Errorf("Resolve(%q): err = %v, want a NotFoundError containing %q", id, err, want)
		}
	}
}

func TestPackageOf(t *testing.T) {
	for file, want := range map[string]string{
		"/p/node_modules/a/index.js":                "a",
		"/p/node_modules/@s/b/lib/x.js":             "@s/b",
		"/p/node_modules/a/node_modules/c/index.js": "c",
		"/p/_templates/g/a/index.js":                "",
	} {
		if got := PackageOf(file); got != want {
			t.Errorf("PackageOf(%s) = %q, want %q", file, got, want)
		}
	}
}

func TestIsBuiltin(t *testing.T) {
	if !slices.IsSorted(builtins) {
		t.Fatal("builtins must stay sorted for the binary search")
	}
	for id, want := range map[string]bool{"fs": true, "node:fs": true, "fs/promises": true, "node:test": true, "lodash": false, "fsx": false} {
		if _, got := IsBuiltin(id); got != want {
			t.Errorf("IsBuiltin(%q) = %v, want %v", id, got, want)
		}
	}
}
