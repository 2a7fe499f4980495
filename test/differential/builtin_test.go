package differential

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"os/exec"
)

// A session is several commands run one after another in one project, as a
// user does: the built-in generators only make sense that way.
type session [][]string

// runSession runs the commands of s with one tool in dir (created empty if it
// does not exist), each with stdin an empty pipe, and fails the test when a
// command's exit code is not wantExit. It returns the tree below dir.
func runSession(t *testing.T, tool string, argv []string, dir string, s session, wantExit int) map[string][]byte {
	t.Helper()
	home := filepath.Join(filepath.Dir(dir), "home-"+tool)
	for _, d := range []string{dir, home} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range s {
		ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
		cmd := exec.CommandContext(ctx, argv[0], append(slices.Clone(argv[1:]), args...)...)
		cmd.Dir, cmd.Env, cmd.Stdin = dir, environ(home, nil), strings.NewReader("")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		cancel()
		if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
			t.Fatalf("%s %q did not run: %v", tool, args, err)
		}
		if code := cmd.ProcessState.ExitCode(); code != wantExit {
			t.Fatalf("%s %q exited %d, want %d:\n%s", tool, args, code, wantExit, clean(out.String(), dir))
		}
	}
	tree, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func needBoth(t *testing.T) {
	t.Helper()
	switch {
	case skipReason != "":
		t.Skip(skipReason)
	case *update:
		t.Skip("-update records want/ folders only")
	case buildErr != nil:
		t.Fatal(buildErr)
	}
}

// TestBuiltinQuickStart is hygen's quick start in an empty folder: `init
// self`, `generator new --name widget`, `widget new`. Every command must
// succeed under both tools and leave the same files at the same paths. The
// contents differ by design: hypergen's built-in templates are its own text.
func TestBuiltinQuickStart(t *testing.T) {
	needBoth(t)
	t.Parallel()
	quickStart := session{{"init", "self"}, {"generator", "new", "--name", "widget"}, {"widget", "new"}}
	base := t.TempDir()
	hygen := runSession(t, "hygen", hygenArgv, filepath.Join(base, "hygen"), quickStart, 0)
	ours := runSession(t, "hypergen", []string{hypergenBin}, filepath.Join(base, "hypergen"), quickStart, 0)
	want, got := slices.Sorted(maps.Keys(hygen)), slices.Sorted(maps.Keys(ours))
	if !slices.Equal(want, got) {
		t.Errorf("the quick start leaves different paths:\nhygen:    %q\nhypergen: %q", want, got)
	}
	for _, p := range []string{"app/hello.js", "_templates/widget/new/hello.ejs.t"} {
		if len(ours[p]) == 0 {
			t.Errorf("hypergen wrote an empty or no %s", p)
		}
	}
}

// TestBuiltinGeneratorsBehaveAlike runs the generators that `init self`
// installs — hypergen's and hygen's — under both tools and demands
// byte-identical results: the generator generator of either tool makes the
// same generators in both, and those generate the same files in both.
func TestBuiltinGeneratorsBehaveAlike(t *testing.T) {
	needBoth(t)
	sessions := map[string]session{
		"new":         {{"generator", "new", "--name", "widget"}, {"widget", "new", "--name", "Thing"}},
		"new-action":  {{"generator", "new", "--name", "page", "--action", "make"}, {"page", "make"}},
		"with-prompt": {{"generator", "with-prompt", "--name", "asker"}, {"asker", "with-prompt", "--message", "Hi there"}},
		"help":        {{"generator", "help"}},
	}
	for _, installer := range []string{"hygen", "hypergen"} {
		t.Run(installer+"-init-self", func(t *testing.T) {
			t.Parallel()
			argv := map[string][]string{"hygen": hygenArgv, "hypergen": {hypergenBin}}
			base := t.TempDir()
			installed := filepath.Join(base, "installed")
			runSession(t, installer, argv[installer], installed, session{{"init", "self"}}, 0)
			for _, name := range slices.Sorted(maps.Keys(sessions)) {
				trees := map[string]map[string][]byte{}
				for tool, av := range argv {
					dir := filepath.Join(base, name, tool)
					if err := os.CopyFS(dir, os.DirFS(installed)); err != nil {
						t.Fatal(err)
					}
					trees[tool] = runSession(t, tool, av, dir, sessions[name], 0)
				}
				if d := diffTrees("hygen", trees["hygen"], "hypergen", trees["hypergen"]); d != "" {
					t.Errorf("%s after %s's init self: the trees differ\n%s", name, installer, d)
				}
			}
		})
	}
}
