package generator

import (
	"bytes"
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// snapshot reads every file below dir, except templates.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(rel, "_templates") {
			return nil
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func run(t *testing.T, dir string, env map[string]string, args ...string) (*Result, string, error) {
	t.Helper()
	var out bytes.Buffer
	e := New(Config{
		Cwd:    dir,
		Stdout: &out,
		Getenv: func(k string) string { return env[k] },
	})
	res, err := e.Run(context.Background(), args)
	return res, out.String(), err
}

func TestRunAddsAndInjects(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.ejs.t":     "---\nto: out/<%= name %>.txt\n---\nhello <%= Name %>\n",
		"_templates/gen/new/b-inject.t":  "---\nto: list.txt\ninject: true\nafter: start\n---\n- <%= name %>",
		"_templates/gen/new/myprompt.js": "dropped: the name ends with prompt.js",
		"_templates/gen/new/nested/c.t":  "---\nto: \"<%= locals.skip ? '' : 'c.txt' %>\"\n---\nc",
		"list.txt":                       "start\nend\n",
	})
	res, out, err := run(t, dir, nil, "gen", "new", "world")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"out/world.txt": "hello World\n",
		"list.txt":      "start\n- world\nend\n",
		"c.txt":         "c",
	}
	if got := snapshot(t, dir); !equalMaps(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if len(res.Ops) != 3 || res.Files != 3 {
		t.Errorf("ops = %+v, files = %d", res.Ops, res.Files)
	}
	for _, line := range []string{"       added: out/world.txt", "      inject: list.txt", "       added: c.txt"} {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, out)
		}
	}
}

func TestRunWritesNothingWhenAnyOperationFails(t *testing.T) {
	tests := []struct {
		name, template, wantErr string
	}{
		{"target outside the project", "---\nto: ../escape.txt\n---\nx", "outside the project"},
		{"NUL in the target", "---\nto: \"a\\0b.txt\"\n---\nx", `target "a\x00b.txt" contains a NUL byte`},
		{"render error", "---\nto: z.txt\n---\n<%= nope %>", "nope is not defined"},
		{"bad frontmatter", "---\nto: [\n---\nx", "invalid"},
		{"setup", "---\nsetup: some/repo\n---\n", "not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{
				"_templates/gen/new/a.t": "---\nto: first.txt\n---\nfirst",
				"_templates/gen/new/b.t": tt.template,
			})
			_, _, err := run(t, dir, nil, "gen", "new")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
			}
			var te *TemplateError
			if !errors.As(err, &te) || !strings.HasSuffix(te.File, "b.t") {
				t.Errorf("error does not name the template: %v", err)
			}
			// The library's callers set Config.AllowOutside, not a flag.
			if outside := strings.HasPrefix(tt.name, "target outside"); outside != errors.Is(err, ErrOutside) || strings.Contains(err.Error(), "--allow-outside") {
				t.Errorf("errors.Is(err, ErrOutside) = %v, want %v; or the error names a command-line flag: %v", !outside, outside, err)
			}
			if got := snapshot(t, dir); len(got) != 0 {
				t.Errorf("files written despite the error: %v", got)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); err == nil {
				t.Error("escape.txt was written outside the project")
			}
		})
	}
}

// An inject into a file that is not there is skipped with hygen's message,
// and the run goes on: generators inject into a barrel file that the same
// action creates later, or a later run does.
func TestInjectIntoMissingFileIsSkipped(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t": "---\nto: first.txt\n---\nfirst",
		"_templates/gen/new/b.t": "---\nto: src/index.ts\ninject: true\nappend: true\n---\nexport * from './<%= name %>'",
		"_templates/gen/new/c.t": "---\nto: src/index.ts\n---\nexport * from './<%= name %>'",
	})
	res, out, err := run(t, dir, nil, "gen", "new", "cart")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"first.txt": "first", "src/index.ts": "export * from './cart'"}
	if got := snapshot(t, dir); !maps.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if !strings.Contains(out, "\nCannot inject to src/index.ts: doesn't exist.\n") {
		t.Errorf("output lacks hygen's message:\n%s", out)
	}
	var statuses []Status
	for _, op := range res.Ops {
		statuses = append(statuses, op.Status)
	}
	if want := []Status{StatusAdded, StatusSkipped, StatusAdded}; !slices.Equal(statuses, want) {
		t.Errorf("statuses = %v, want %v", statuses, want)
	}
}

// Every kind of skip says why, since the CLI's lines do not always: an
// inject that skip_if stops prints "inject:" as hygen does, and only a
// missing inject target usually means something is wrong.
func TestSkipReasons(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t": "---\nto: kept.txt\nunless_exists: true\n---\nnew",
		"_templates/gen/new/b.t": "---\nto: off.txt\nskip_if: 'true'\n---\nx",
		"_templates/gen/new/c.t": "---\nto: index.ts\ninject: true\nappend: true\nskip_if: cart\n---\ncart",
		"_templates/gen/new/d.t": "---\nto: index.ts\ninject: true\nappend: true\n---\nmore",
		"_templates/gen/new/e.t": "---\nto: missing.ts\ninject: true\nappend: true\n---\nx",
		"kept.txt":               "old",
		"index.ts":               "cart\n",
	})
	res, out, err := run(t, dir, nil, "gen", "new", "cart")
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		status Status
		reason string
	}
	var ops []got
	for _, op := range res.Ops {
		ops = append(ops, got{op.Status, op.Reason})
	}
	want := []got{{StatusSkipped, SkipExists}, {StatusSkipped, SkipIf}, {StatusSkipped, SkipIf}, {StatusInjected, ""}, {StatusSkipped, SkipNoTarget}}
	if !slices.Equal(ops, want) {
		t.Errorf("ops = %v, want %v", ops, want)
	}
	if files := snapshot(t, dir); files["kept.txt"] != "old" || files["index.ts"] != "cart\nmore\n" {
		t.Errorf("files = %v", files)
	}
	if !strings.Contains(out, "      inject: index.ts\n      inject: index.ts\n") {
		t.Errorf("a skip_if inject must still print hygen's line:\n%s", out)
	}
}

func TestRunAllowOutside(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "proj")
	if err := os.MkdirAll(filepath.Join(dir, "_templates/gen/new"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_templates/gen/new/a.t"), []byte("---\nto: ../out.txt\n---\nx"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := New(Config{Cwd: dir, AllowOutside: true, Getenv: func(string) string { return "" }})
	if _, err := e.Run(context.Background(), []string{"gen", "new"}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(root, "out.txt")); err != nil || string(b) != "x" {
		t.Errorf("out.txt = %q, %v", b, err)
	}
}

func TestRunDryWritesNothing(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\nsh: touch ran.txt\n---\nx"})
	_, out, err := run(t, dir, nil, "gen", "new", "--dry")
	if err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dir); len(got) != 0 {
		t.Errorf("dry run wrote %v", got)
	}
	if !strings.HasPrefix(out, "(dry mode)\n") || !strings.Contains(out, "added: a.txt") || !strings.Contains(out, "shell: touch ran.txt") {
		t.Errorf("dry output:\n%s", out)
	}
}

func TestRunExistingTargetNeedsConsent(t *testing.T) {
	files := map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nnew", "a.txt": "old"}
	dir := testfs.Tree(t, files)
	if _, out, err := run(t, dir, nil, "gen", "new"); err != nil || !strings.Contains(out, "skipped: a.txt") {
		t.Fatalf("err = %v, out:\n%s", err, out)
	}
	if got := snapshot(t, dir)["a.txt"]; got != "old" {
		t.Errorf("a.txt overwritten without consent: %q", got)
	}
	if _, _, err := run(t, dir, map[string]string{"HYGEN_OVERWRITE": "1"}, "gen", "new"); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dir)["a.txt"]; got != "new" {
		t.Errorf("HYGEN_OVERWRITE did not overwrite: %q", got)
	}
}

func TestRunNotFoundListsGenerators(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "x", "_templates/other/run/b.t": "y"})
	_, _, err := run(t, dir, nil, "gen", "nope")
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v, want NotFoundError", err)
	}
	msg := err.Error()
	for _, s := range []string{`no action "nope"`, "gen: new", "other: run"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %q", msg, s)
		}
	}
}

func TestListGeneratorsCountsTemplates(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/b/new/x.t": "", "_templates/b/new/index.js": "", "_templates/b/new/sub/y.t": "",
		"_templates/a/_default/z.t": "", "_templates/a/_default/.hygenignore": "skip*\n", "_templates/a/_default/skip.t": "",
	})
	gens, err := ListGenerators(filepath.Join(dir, "_templates"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range gens {
		for _, a := range g.Actions {
			got = append(got, g.Name+"/"+a.Name+"="+string(rune('0'+a.Templates)))
		}
	}
	sort.Strings(got)
	want := []string{"a/_default=1", "b/new=2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}

func TestDenyShellRefusesBeforeWriting(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.t": "---\nto: a.txt\n---\nx",
		"_templates/gen/new/b.t": "---\nsh: touch ran.txt\n---\n",
	})
	e := New(Config{Cwd: dir, DenyShell: true, Getenv: func(string) string { return "" }})
	_, err := e.Run(context.Background(), []string{"gen", "new"})
	if err == nil || !strings.Contains(err.Error(), "not allowed") {
		t.Fatalf("err = %v", err)
	}
	if got := snapshot(t, dir); len(got) != 0 {
		t.Errorf("files written: %v", got)
	}
}

// TestFromConfined: from: reads inside the templates root or the project;
// a file elsewhere needs AllowOutside (the CLI's --allow-outside).
func TestFromConfined(t *testing.T) {
	root := testfs.Tree(t, map[string]string{
		"proj/_templates/gen/new/a.t":    "---\nto: a.txt\nfrom: ../../secret.txt\n---\n",
		"proj/_templates/ok/new/a.t":     "---\nto: b.txt\nfrom: shared/b.txt\n---\n",
		"proj/_templates/shared/b.txt":   "shared\n",
		"proj/_templates/inproj/new/a.t": "---\nto: c.txt\nfrom: ../README\n---\n",
		"proj/README":                    "readme\n",
		"secret.txt":                     "secret\n",
		"proj/_templates/env/new/a.t":    "---\nto: env.txt\nfrom: " + strings.Repeat("../", 40) + "proc/self/environ\n---\n",
	})
	dir := filepath.Join(root, "proj")
	quiet := func(string) string { return "" }
	e := New(Config{Cwd: dir, Getenv: quiet})
	if _, err := e.Run(context.Background(), []string{"gen", "new"}); !errors.Is(err, ErrOutside) || !strings.Contains(err.Error(), "outside the templates root and the project") ||
		strings.Contains(err.Error(), "--allow-outside") {
		t.Errorf("from: outside accepted, or not said as the library says it: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.txt")); err == nil {
		t.Error("a.txt written")
	}
	for _, gen := range []string{"ok", "inproj"} {
		if _, err := e.Run(context.Background(), []string{gen, "new"}); err != nil {
			t.Errorf("%s: %v", gen, err)
		}
	}
	e = New(Config{Cwd: dir, Getenv: quiet, AllowOutside: true})
	if _, err := e.Run(context.Background(), []string{"gen", "new"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(b) != "secret\n" {
		t.Errorf("a.txt = %q with AllowOutside", b)
	}
	// Not a process's environment, which holds the credentials
	// process.env leaves out, even with AllowOutside.
	if _, err := os.Stat("/proc/self/environ"); err == nil {
		if _, err := e.Run(context.Background(), []string{"env", "new"}); err == nil || !strings.Contains(err.Error(), "from: /proc/self/environ is a process's environment, which templates may not read") {
			t.Errorf("from: /proc/self/environ: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "env.txt")); err == nil {
			t.Error("env.txt written")
		}
	}
}

// WithOutput's nil writers discard, as Config's do: a run that printed
// (here an echo and the added line) panicked.
func TestWithOutputNilDiscards(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\necho: hi\n---\nx\n"})
	e := New(Config{Cwd: dir})
	if _, err := e.Run(WithOutput(context.Background(), nil, nil), []string{"gen", "new"}); err != nil {
		t.Fatal(err)
	}
}

// An action folder that is a link to a folder is read through it, as hygen
// reads it, its .hygenignore included; a link to a folder inside an action
// is still an error (hygen fails reading it).
func TestLinkedActionFolder(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"shared/new/a.t":          "---\nto: a.txt\n---\nA\n",
		"shared/new/b.t":          "---\nto: b.txt\n---\nB\n",
		"shared/new/.hygenignore": "b.t\n",
		"shared/sub/c.t":          "---\nto: c.txt\n---\nC\n",
		"_templates/g/x/.keep":    "",
	})
	if err := os.Symlink(filepath.Join(dir, "shared", "new"), filepath.Join(dir, "_templates", "g", "new")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, dir, nil, "g", "new"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "a.txt")); err != nil || string(b) != "A\n" {
		t.Errorf("a.txt = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.txt")); err == nil {
		t.Error("b.txt written: the linked folder's .hygenignore was not applied")
	}
	if err := os.Symlink(filepath.Join(dir, "shared", "sub"), filepath.Join(dir, "_templates", "g", "x", "sub")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, dir, nil, "g", "x"); err == nil || !strings.Contains(err.Error(), "symbolic link to a folder") {
		t.Errorf("a link to a folder inside an action: %v", err)
	}
}

// cancelAfterRender ends the run's context once a file has rendered, as a
// deadline passing during the last render does.
type cancelAfterRender struct {
	nopObserver
	cancel context.CancelFunc
}

func (o *cancelAfterRender) RunStart(ctx context.Context, _ []string) context.Context {
	ctx, o.cancel = context.WithCancel(ctx)
	return ctx
}

func (o *cancelAfterRender) FileDone(context.Context, FileEvent) { o.cancel() }

// A run whose context ends while its last render finishes writes nothing
// and says why. It wrote or not at random, and when not, blamed a wait for
// another writer that never happened.
func TestRunEndedDuringRenderWritesNothing(t *testing.T) {
	// A dry run takes no locks: the run's own check is all that stops it.
	for i := range 20 {
		dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi\n"})
		args := []string{"gen", "new"}
		if i%2 == 1 {
			args = append(args, "--dry")
		}
		_, err := New(Config{Cwd: dir, Stdout: io.Discard, Observer: &cancelAfterRender{}}).Run(context.Background(), args)
		if !errors.Is(err, context.Canceled) || strings.Contains(err.Error(), "waiting") {
			t.Fatalf("err = %v, want the cancellation alone", err)
		}
		if got := snapshot(t, dir); len(got) != 0 {
			t.Fatalf("wrote %v", got)
		}
	}
}

// A templates root the caller names that is not there fails the run: it
// fell back to $HYGEN_TMPLS and then the project's own _templates (hooks
// and all), so a service that pins its templates ran the project's when
// its folder had gone.
func TestMissingTemplatesOverrideFailsTheRun(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t":      "---\nto: project.txt\n---\nthe project's\n",
		"_templates/g/new/index.js": "require('fs').writeFileSync('hook-ran', '')\nmodule.exports = {}\n",
		"env/g/new/a.t":             "---\nto: env.txt\n---\nHYGEN_TMPLS's\n",
	})
	missing := filepath.Join(dir, "service-templates")
	e := New(Config{Cwd: dir, Templates: missing, Getenv: func(k string) string {
		if k == "HYGEN_TMPLS" {
			return filepath.Join(dir, "env")
		}
		return ""
	}})
	_, err := e.Run(context.Background(), []string{"g", "new"})
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), missing+" is not there") {
		t.Errorf("err = %v, want a UsageError naming %s", err, missing)
	}
	for _, f := range []string{"project.txt", "env.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s was written", f)
		}
	}
}

// A project folder that is not there is named as the problem, not the
// templates it would hold.
func TestMissingCwdIsNamed(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cwd := range []string{filepath.Join(t.TempDir(), "gone"), file} {
		_, err := New(Config{Cwd: cwd, Getenv: func(string) string { return "" }}).Run(context.Background(), []string{"g", "new"})
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "the project folder "+cwd+" is not there") {
			t.Errorf("Cwd %s: err = %v", cwd, err)
		}
	}
}

// An sh: command stopped because the caller's deadline passed fails with
// that deadline, not with the signal its shell got.
func TestShellStoppedByTheDeadlineSaysSo(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nsh: sleep 30\n---\n"})
	var out strings.Builder
	e := New(Config{Cwd: dir, Stdout: &out, Stderr: &out})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := e.Run(ctx, []string{"gen", "new"})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), `sh "sleep 30" stopped: context deadline exceeded`) {
		t.Errorf("Run() = %v, want the command stopped by the deadline", err)
	}
	if strings.Contains(out.String(), "\n\n") {
		t.Errorf("an empty stderr line was printed for the stopped command:\n%q", out.String())
	}
}

// A nil context or an Engine not made by New is refused, saying so: the
// first failed deep inside and was reported as an internal error to file
// as a bug, the second panicked.
func TestRunRefusesWhatItCannotRunWith(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\na\n"})
	var zero Engine
	for _, tt := range []struct {
		name string
		eng  *Engine
		ctx  context.Context
		want string
	}{
		{"nil context", New(Config{Cwd: dir}), nil, "nil context"},
		{"zero Engine", &zero, context.Background(), "not made by generator.New"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.eng.Run(tt.ctx, []string{"gen", "new"})
			if err == nil || !strings.Contains(err.Error(), tt.want) || res != nil {
				t.Errorf("Run: %v, %v; want an error saying %q", res, err, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "a.txt")); !os.IsNotExist(err) {
				t.Errorf("a.txt: %v; want nothing written", err)
			}
		})
	}
}
