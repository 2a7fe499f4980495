package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// --fsync and HYPERGEN_FSYNC make a generation flush what it writes: strace
// counts the fsync calls of the built binary. By default a generation makes
// none and still writes whole files; a value that is not a boolean is
// refused with nothing written.
func TestFsyncSwitch(t *testing.T) {
	strace := testenv.Tool(t, "strace", "strace")
	if out, err := exec.Command(strace, "-f", "-o", os.DevNull, "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here (ptrace refused?): %v\n%s", err, out)
	}
	files := map[string]string{
		"_templates/g/new/a.t": "---\nto: out/a.txt\n---\nA <%= name %>\n",
		"_templates/g/new/b.t": "---\nto: out/deeper/b.txt\n---\nB <%= name %>\n",
	}
	tests := []struct {
		name      string
		env, args []string
		code      int
		synced    bool
		stderr    string
	}{
		{"default", nil, nil, 0, false, ""},
		{"flag", nil, []string{"--fsync"}, 0, true, ""},
		{"variable", []string{"HYPERGEN_FSYNC=1"}, nil, 0, true, ""},
		{"variable off", []string{"HYPERGEN_FSYNC=false"}, nil, 0, false, ""},
		{"flag beats variable", []string{"HYPERGEN_FSYNC=0"}, []string{"--fsync"}, 0, true, ""},
		{"bad variable", []string{"HYPERGEN_FSYNC=always"}, nil, 2, false, `HYPERGEN_FSYNC="always" is not a boolean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, files)
			trace := filepath.Join(t.TempDir(), "trace")
			args := append([]string{"-f", "-e", "trace=fsync,fdatasync", "-e", "signal=none", "-o", trace, bin, "g", "new", "--name", "x"}, tt.args...)
			cmd := exec.Command(strace, args...)
			cmd.Dir = dir
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "HYPERGEN_CACHE_DIR=" + t.TempDir()}, tt.env...)
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code || !strings.Contains(string(out), tt.stderr) {
				t.Fatalf("exit %d, want %d with %q:\n%s", code, tt.code, tt.stderr, out)
			}
			raw, err := os.ReadFile(trace)
			if err != nil {
				t.Fatal(err)
			}
			// Two files and their two folders.
			if n := strings.Count(string(raw), "sync("); tt.synced && n < 4 || !tt.synced && n != 0 {
				t.Errorf("%d fsync calls, want synced=%v:\n%s", n, tt.synced, raw)
			}
			for f, want := range map[string]string{"out/a.txt": "A x\n", "out/deeper/b.txt": "B x\n"} {
				b, err := os.ReadFile(filepath.Join(dir, f))
				switch {
				case tt.code != 0 && err == nil:
					t.Errorf("%s was written by a refused run", f)
				case tt.code == 0 && string(b) != want:
					t.Errorf("%s = %q, %v; want %q", f, b, err, want)
				}
			}
		})
	}
}
