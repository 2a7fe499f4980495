package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain keeps the persistent index of every test run out of the user's
// real cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "hypergen-cli-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}

func TestProfileStartupPrintsPhasesOrRefusesBadValues(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(dir+"/_templates/gen/new", 0o755)
	os.WriteFile(dir+"/_templates/gen/new/a.t", []byte("---\nto: a.txt\n---\nhi"), 0o644)
	run := func(value string) (int, string) {
		var out, errOut strings.Builder
		code := Main(&Env{Args: []string{"gen", "new"}, Stdout: &out, Stderr: &errOut, Cwd: dir,
			Getenv: func(k string) string {
				if k == "HYPERGEN_PROFILE_STARTUP" {
					return value
				}
				return ""
			}})
		return code, errOut.String()
	}
	code, errOut := run("true")
	if code != ExitOK || !strings.Contains(errOut, "startup profile") || !strings.Contains(errOut, "render") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	os.Remove(dir + "/a.txt")
	code, errOut = run("sometimes")
	if code != ExitUsage || !strings.Contains(errOut, "HYPERGEN_PROFILE_STARTUP") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := os.Stat(dir + "/a.txt"); err == nil {
		t.Error("generated despite the invalid variable")
	}
}
