package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

var bin string

func TestMain(m *testing.M) { os.Exit(testenv.MainWithHypergen(m, &bin)) }

// result is one run of the binary.
type result struct {
	code           int
	stdout, stderr string
}

// childEnv is the whole environment of a hypergen a test starts: PATH, HOME
// (home) and a cache folder of its own, then extra ("K=V").
func childEnv(t *testing.T, home string, extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "HYPERGEN_CACHE_DIR=" + t.TempDir()}, extra...)
}

// run runs hypergen in dir with a clean environment plus env ("K=V"), stdin
// empty, bounded to a minute.
func run(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(childEnv(t, dir, "GOCACHE="+testenv.GoCache()), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("hypergen %v did not finish within a minute", args)
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\nstdout:\n" + r.stdout + "\nstderr:\n" + r.stderr
}

// project is a small template tree: a component generator with two actions
// (one with a template.yml variable and an inject) and a page generator.
func project(t *testing.T) string {
	return testfs.Tree(t, map[string]string{
		"_templates/component/template.yml":  "name: component\nvariables:\n  style: {type: enum, values: [css, scss], default: css}\n  props: {type: array}\n",
		"_templates/component/new/a.ejs.t":   "---\nto: src/<%= name %>.txt\n---\n<%= name %> <%= style %>\n",
		"_templates/component/new/b.ejs.t":   "---\nto: src/index.txt\ninject: true\nafter: \"// components\"\n---\nexport <%= name %>\n",
		"_templates/component/story/s.ejs.t": "---\nto: src/<%= name %>.story\n---\nstory <%= locals.kind %>\n",
		"_templates/page/new/p.ejs.t":        "---\nto: pages/<%= name %>.txt\n---\npage <%= name %>\n",
		"src/index.txt":                      "// components\n",
	})
}
