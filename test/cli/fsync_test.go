package cli

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A generation flushes what it writes unless --no-fsync or HYPERGEN_FSYNC=0
// says otherwise: strace counts the fsync calls of the built binary. The
// last of --fsync and --no-fsync counts, and either beats the variable; a
// value that is not a boolean is refused with nothing written, and neither
// flag is sent to an agent, which writes as it was started.
func TestFsyncSwitch(t *testing.T) {
	strace := straceOrSkip(t)
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
		{"default", nil, nil, 0, true, ""},
		{"no-fsync", nil, []string{"--no-fsync"}, 0, false, ""},
		{"fsync", nil, []string{"--fsync"}, 0, true, ""},
		{"variable on", []string{"HYPERGEN_FSYNC=1"}, nil, 0, true, ""},
		{"variable off", []string{"HYPERGEN_FSYNC=0"}, nil, 0, false, ""},
		{"variable false", []string{"HYPERGEN_FSYNC=false"}, nil, 0, false, ""},
		{"fsync beats variable", []string{"HYPERGEN_FSYNC=0"}, []string{"--fsync"}, 0, true, ""},
		{"no-fsync beats variable", []string{"HYPERGEN_FSYNC=1"}, []string{"--no-fsync"}, 0, false, ""},
		{"last flag counts", nil, []string{"--fsync", "--no-fsync"}, 0, false, ""},
		// The spelling every HYPERGEN_ switch accepts (internal/envflag).
		{"variable no", []string{"HYPERGEN_FSYNC=no"}, nil, 0, false, ""},
		{"variable on as a word", []string{"HYPERGEN_FSYNC=ON"}, nil, 0, true, ""},
		{"bad variable", []string{"HYPERGEN_FSYNC=always"}, nil, 2, false, `HYPERGEN_FSYNC="always": want true or false`},
		{"flag with a value", nil, []string{"--fsync=false"}, 2, false, "--fsync=false: --fsync and --no-fsync take no value"},
		{"mistyped", nil, []string{"--no-fsycn"}, 2, false, "--no-fsycn is one edit from hypergen's --no-fsync"},
		{"not delegated", []string{"HYPERGEN_AGENT_URL=http://127.0.0.1:1"}, []string{"--no-fsync"}, 2, false,
			"--no-fsync cannot be delegated to an agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, files)
			trace := filepath.Join(t.TempDir(), "trace")
			args := append([]string{"-f", "-e", "trace=fsync,fdatasync", "-e", "signal=none", "-o", trace, bin, "g", "new", "--name", "x"}, tt.args...)
			cmd := exec.Command(strace, args...)
			cmd.Dir = dir
			cmd.Env = childEnv(t, dir, tt.env...)
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
			checkSyncs(t, trace, tt.synced, 4) // two files and their two folders
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

// The agent's generations are durable too unless it was started with
// --no-fsync or HYPERGEN_FSYNC=0: strace, attached to the running agent,
// counts the fsync calls one generation request makes.
func TestAgentFsync(t *testing.T) {
	strace := straceOrSkip(t)
	tests := []struct {
		name   string
		env    []string
		args   []string
		synced bool
	}{
		{"default", nil, nil, true},
		{"no-fsync", nil, []string{"--no-fsync"}, false},
		{"variable off", []string{"HYPERGEN_FSYNC=0"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"_templates/g/new/a.t": "---\nto: out/<%= name %>.txt\n---\nA\n"})
			admin, gen := testenv.FreeAddr(t), testenv.FreeAddr(t)
			env := append([]string{"HYPERGEN_AGENT_TOKEN=" + agentToken}, tt.env...)
			agent := startAgent(t, dir, env, []string{admin, gen}, append([]string{"--listen", admin, "--probe-interval", "0",
				"--enable-generate", "--generate-listen", gen}, tt.args...)...)
			testenv.WaitReady(t, admin, 30*time.Second)
			trace := filepath.Join(t.TempDir(), "trace")
			st := testenv.Start(t, strace, "-f", "-e", "trace=fsync,fdatasync", "-e", "signal=none", "-o", trace,
				"-p", strconv.Itoa(agent.PID()))
			testenv.WaitFor(t, "strace attached", 30*time.Second, func() (bool, string) {
				return strings.Contains(st.Output(), "attached"), st.Output()
			})
			if code, body := postGenerate(t, gen, `{"generator":"g","action":"new","name":"x"}`); code != http.StatusOK {
				t.Fatalf("generation: %d %s\nagent: %s", code, body, agent.Output())
			}
			st.Signal(t, os.Interrupt) // detaches, leaving the agent running
			st.Wait(t, 30*time.Second)
			checkSyncs(t, trace, tt.synced, 2) // the file and its folder
			if b, err := os.ReadFile(filepath.Join(dir, "out/x.txt")); string(b) != "A\n" {
				t.Errorf("out/x.txt = %q, %v", b, err)
			}
		})
	}
}

// straceOrSkip returns strace, installed if need be, and skips the test
// where it cannot trace (ptrace refused in some containers).
func straceOrSkip(t *testing.T) string {
	t.Helper()
	strace := testenv.Tool(t, "strace", "strace")
	if out, err := exec.Command(strace, "-f", "-o", os.DevNull, "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here (ptrace refused?): %v\n%s", err, out)
	}
	return strace
}

// checkSyncs reads the strace output at trace: at least min fsync or
// fdatasync calls when synced (strace -f follows every thread), none
// otherwise.
func checkSyncs(t *testing.T, trace string, synced bool, min int) {
	t.Helper()
	raw, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(raw), "sync("); synced && n < min || !synced && n != 0 {
		t.Errorf("%d fsync calls, want synced=%v:\n%s", n, synced, raw)
	}
}
