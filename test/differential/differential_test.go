package differential

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var (
	update = flag.Bool("update", false, "rerun hygen only and rewrite every testdata/*/want")
	keep   = flag.Bool("keep", false, "keep the temp work areas (their path is printed) for debugging")
)

const (
	hygenTS    = "1700000000000" // fixes the `ts` local, which otherwise is the current time
	runTimeout = 60 * time.Second
	npmTimeout = 10 * time.Minute
)

// Prepared once by TestMain.
var (
	skipReason  string   // non-empty when the suite is switched off
	hygenArgv   []string // node + hygen's bin.js
	nodeModules string   // the packages of npm/package.json, for cases with "node_modules": true
	hypergenBin string
	buildErr    error // why hypergenBin is empty (not built on -update)
	tmpRoot     string

	passed, failed atomic.Int32
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(func() int {
		if os.Getenv("HYPERGEN_SKIP_DIFFERENTIAL") == "1" {
			skipReason = "HYPERGEN_SKIP_DIFFERENTIAL=1"
			return m.Run()
		}
		var err error
		if tmpRoot, err = os.MkdirTemp("", "hypergen-differential-"); err != nil {
			fmt.Fprintln(os.Stderr, "differential:", err)
			return 1
		}
		if *keep {
			fmt.Println("differential: work areas kept in", tmpRoot)
		} else {
			defer os.RemoveAll(tmpRoot)
		}
		if hygenArgv, err = installHygen(); err != nil {
			fmt.Fprintf(os.Stderr, "differential: cannot install the hygen oracle: %v\n"+
				"(set HYPERGEN_SKIP_DIFFERENTIAL=1 to skip this suite deliberately)\n", err)
			return 1
		}
		if nodeModules, err = npmInstall("npm", "hook-packages"); err != nil {
			fmt.Fprintf(os.Stderr, "differential: cannot install the packages hooks require: %v\n", err)
			return 1
		}
		switch {
		case *update: // only hygen runs
		case os.Getenv("HYPERGEN_BIN") != "": // a prebuilt binary, e.g. a release candidate
			hypergenBin = os.Getenv("HYPERGEN_BIN")
		default:
			hypergenBin, buildErr = buildHypergen(tmpRoot)
		}
		code := m.Run()
		mode := ""
		if *update {
			mode = " (-update: hygen only)"
		}
		fmt.Printf("differential%s: %d passed, %d failed\n", mode, passed.Load(), failed.Load())
		return code
	}())
}

// installHygen makes sure the pinned hygen is installed in the cache and returns the
// command that runs it.
func installHygen() ([]string, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node is not on PATH: %w", err)
	}
	dir, err := npmInstall("hygen", "hygen")
	if err != nil {
		return nil, err
	}
	return []string{node, filepath.Join(dir, "node_modules", "hygen", "dist", "bin.js")}, nil
}

// npmInstall makes sure the packages pinned by src/package-lock.json are installed in
// the cache and returns the folder holding their node_modules. The cache folder is keyed
// by the lock file's hash, so a changed pin gets a fresh install and an unchanged one is
// reused across runs.
func npmInstall(src, name string) (string, error) {
	pkg, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return "", err
	}
	lock, err := os.ReadFile(filepath.Join(src, "package-lock.json"))
	if err != nil {
		return "", err
	}
	cache := os.Getenv("HYPERGEN_TEST_CACHE")
	if cache == "" {
		userCache, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no cache folder (set HYPERGEN_TEST_CACHE): %w", err)
		}
		cache = filepath.Join(userCache, "hypergen-test")
	}
	sum := sha256.Sum256(append(pkg, lock...))
	dir := filepath.Join(cache, name+"-"+hex.EncodeToString(sum[:8]))
	done := filepath.Join(dir, "node_modules", ".package-lock.json") // written by npm ci last
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}

	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("npm is not on PATH: %w", err)
	}
	// Install into a private staging folder and rename it into place, so a half-finished
	// install is never mistaken for a good one and concurrent runs cannot collide.
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	staging, err := os.MkdirTemp(cache, "staging-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(staging)
	for name, data := range map[string][]byte{"package.json": pkg, "package-lock.json": lock} {
		if err := os.WriteFile(filepath.Join(staging, name), data, 0o644); err != nil {
			return "", err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), npmTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = staging
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %v\n%s", src, err, out)
	}
	if err := os.Rename(staging, dir); err != nil {
		if _, statErr := os.Stat(done); statErr != nil { // lost a race only if the winner succeeded
			return "", err
		}
	}
	return dir, nil
}

// buildHypergen builds the CLI from the module root exactly as users do.
func buildHypergen(dir string) (string, error) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	bin := filepath.Join(dir, "bin", "hypergen") // beside the case folders, never among them
	cmd := exec.Command("go", "build", "-o", bin, "github.com/hypergen-dev/hypergen")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build github.com/hypergen-dev/hypergen: %v\n%s", err, out)
	}
	return bin, nil
}

// caseSpec is case.json; doc.go describes each field.
type caseSpec struct {
	About          string            `json:"about"`
	Args           []string          `json:"args"`
	Env            map[string]string `json:"env"`
	Stdin          string            `json:"stdin"`
	Exit           int               `json:"exit"`
	StdoutContains []string          `json:"stdout_contains"`
	NodeModules    bool              `json:"node_modules"`
	Covers         []string          `json:"covers"`
	Expect         *deliberate       `json:"expect"`
}

// deliberate is a place where hypergen differs from hygen on purpose.
type deliberate struct {
	HypergenExit      int    `json:"hypergen_exit"`
	HypergenUnchanged bool   `json:"hypergen_unchanged"`
	Why               string `json:"why"`
}

type testCase struct {
	name string // the folder name, also the subtest name
	dir  string
	spec caseSpec
}

func loadCases() ([]testCase, error) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "case.json"))
	if err != nil {
		return nil, err
	}
	var cases []testCase
	for _, file := range dirs { // Glob sorts, so cases run and report in folder order
		c := testCase{dir: filepath.Dir(file), name: filepath.Base(filepath.Dir(file))}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields() // a misspelt field would otherwise silently test nothing
		if err := dec.Decode(&c.spec); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		switch {
		case len(c.spec.Args) == 0:
			err = errors.New("args is empty")
		case len(c.spec.Covers) == 0:
			err = errors.New("covers is empty")
		case c.spec.Expect != nil && c.spec.Expect.Why == "":
			err = errors.New("expect needs a why")
		}
		if _, statErr := os.Stat(filepath.Join(c.dir, "project")); statErr != nil && err == nil {
			err = statErr
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// result is what one tool did to one fresh copy of a case's project.
type result struct {
	exit           int
	stdout, stderr string
	tree           map[string][]byte // every file under work/, by slash path
}

func TestDifferential(t *testing.T) {
	if skipReason != "" {
		t.Skip(skipReason)
	}
	cases, err := loadCases()
	if err != nil {
		t.Fatal(err)
	}
	if buildErr != nil {
		t.Errorf("hypergen does not build, so every case's hypergen half fails:\n%v", buildErr)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			t.Cleanup(func() {
				if t.Failed() {
					failed.Add(1)
				} else {
					passed.Add(1)
				}
			})
			hygen := run(t, c, "hygen", hygenArgv)
			if *update {
				if err := writeWant(filepath.Join(c.dir, "want"), hygen); err != nil {
					t.Fatal(err)
				}
			}
			report(t, "hygen (the oracle)", hygenProblems(c, hygen), hygen)
			if *update {
				return
			}
			if buildErr != nil {
				t.Fatal("hypergen half not run: the binary did not build (see the error above)")
			}
			got := run(t, c, "hypergen", []string{hypergenBin})
			report(t, "hypergen", hypergenProblems(c, hygen, got), got)
		})
	}
}

// run copies the case's project into a fresh work area and runs one tool there.
func run(t *testing.T, c testCase, tool string, argv []string) result {
	base := filepath.Join(tmpRoot, c.name, tool)
	work, home := filepath.Join(base, "work"), filepath.Join(base, "home")
	project := filepath.Join(work, "project")
	if err := os.CopyFS(project, os.DirFS(filepath.Join(c.dir, "project"))); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	if c.spec.NodeModules {
		// Beside work/, so it is found by walking up from the project but not compared.
		if err := os.Symlink(filepath.Join(nodeModules, "node_modules"), filepath.Join(base, "node_modules")); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], append(slices.Clone(argv[1:]), c.spec.Args...)...)
	cmd.Dir = project
	cmd.Env = environ(home, c.spec.Env)
	cmd.Stdin = strings.NewReader(c.spec.Stdin) // a pipe: never a terminal, even when empty
	cmd.WaitDelay = 5 * time.Second             // do not hang on a grandchild holding stdout
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s timed out after %v\nstdout:\n%s\nstderr:\n%s", tool, runTimeout, stdout.String(), stderr.String())
	case err != nil && !errors.As(err, &exitErr):
		t.Fatalf("%s did not run: %v", tool, err)
	}
	tree, err := readTree(work)
	if err != nil {
		t.Fatal(err)
	}
	return result{
		exit:   cmd.ProcessState.ExitCode(),
		stdout: clean(stdout.String(), work), stderr: clean(stderr.String(), work),
		tree: tree,
	}
}

// environ is the whole environment of a run: fixed and minimal, so nothing on the
// developer's machine (a HYGEN_OVERWRITE, a colour setting) can change the outcome.
func environ(home string, extra map[string]string) []string {
	env := map[string]string{
		"PATH":        os.Getenv("PATH"), // node, sh and the tools sh: commands use
		"HOME":        home,
		"HYGEN_TS":    hygenTS,
		"NO_COLOR":    "1",
		"FORCE_COLOR": "0",
	}
	maps.Copy(env, extra)
	var out []string
	for _, k := range slices.Sorted(maps.Keys(env)) {
		out = append(out, k+"="+env[k])
	}
	return out
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// clean makes tool output readable and stable: no terminal control codes (enquirer
// draws its prompt with them) and no temp paths.
func clean(s, work string) string {
	return strings.ReplaceAll(ansi.ReplaceAllString(s, ""), work, "<work>")
}

// hygenProblems holds the oracle to what the case says and, unless updating, to want/.
// A golden mismatch means the oracle itself changed (another hygen, node or
// dependency), not that hypergen is wrong.
func hygenProblems(c testCase, got result) []string {
	var problems []string
	if got.exit != c.spec.Exit {
		problems = append(problems, fmt.Sprintf("hygen exited %d but case.json says %d", got.exit, c.spec.Exit))
	}
	problems = append(problems, stdoutProblems(c, got)...)
	if *update {
		return problems
	}
	wantDir := filepath.Join(c.dir, "want")
	exit, err := os.ReadFile(filepath.Join(wantDir, "exit"))
	if err != nil {
		return append(problems, fmt.Sprintf("no golden (%v): run go test ./test/differential -update", err))
	}
	tree, err := readTree(filepath.Join(wantDir, "work"))
	if err != nil {
		return append(problems, err.Error())
	}
	const changed = "the oracle changed (rerun with -update if that is intended)"
	if want := strings.TrimSpace(string(exit)); want != strconv.Itoa(got.exit) {
		problems = append(problems, fmt.Sprintf("hygen exited %d, want/exit says %s: %s", got.exit, want, changed))
	}
	if d := diffTrees("want/work", tree, "hygen", got.tree); d != "" {
		problems = append(problems, fmt.Sprintf("hygen no longer produces want/work: %s\n%s", changed, strings.TrimSuffix(d, "\n")))
	}
	return problems
}

// hypergenProblems demands hygen's result, or else the case's deliberate difference.
func hypergenProblems(c testCase, hygen, got result) []string {
	problems := stdoutProblems(c, got)
	e := c.spec.Expect
	if e == nil {
		if got.exit != hygen.exit {
			problems = append(problems, fmt.Sprintf("exit code: hygen %d, hypergen %d", hygen.exit, got.exit))
		}
		if d := diffTrees("hygen", hygen.tree, "hypergen", got.tree); d != "" {
			problems = append(problems, "file trees differ\n"+strings.TrimSuffix(d, "\n"))
		}
		return problems
	}
	if got.exit != e.HypergenExit {
		problems = append(problems, fmt.Sprintf("hypergen exited %d, want %d by design: %s", got.exit, e.HypergenExit, e.Why))
	}
	if e.HypergenUnchanged {
		initial, err := readTree(filepath.Join(c.dir, "project"))
		if err != nil {
			return append(problems, err.Error())
		}
		if d := diffTrees("the starting project", prefixed("project/", initial), "hypergen", got.tree); d != "" {
			problems = append(problems, fmt.Sprintf("hypergen must leave the work area unchanged by design: %s\n%s", e.Why, strings.TrimSuffix(d, "\n")))
		}
	}
	return problems
}

func stdoutProblems(c testCase, got result) []string {
	var problems []string
	for _, s := range c.spec.StdoutContains {
		if !strings.Contains(got.stdout, s) {
			problems = append(problems, fmt.Sprintf("stdout lacks %q", s))
		}
	}
	return problems
}

// report fails the test with every problem of one tool's run, and that run's output once.
func report(t *testing.T, tool string, problems []string, r result) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("%s:\n* %s\n--- %s stdout:\n%s\n--- %s stderr:\n%s",
			tool, strings.Join(problems, "\n* "), tool, r.stdout, tool, r.stderr)
	}
}

func writeWant(dir string, r result) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for rel, data := range r.tree {
		if err := writeFile(filepath.Join(dir, "work", filepath.FromSlash(rel)), data); err != nil {
			return err
		}
	}
	if err := writeFile(filepath.Join(dir, "exit"), []byte(strconv.Itoa(r.exit)+"\n")); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "stdout"), []byte(r.stdout))
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// readTree reads every file below root. Folders are not compared: git cannot keep an
// empty one in want/, and every file's path already implies its parents.
func readTree(root string) (map[string][]byte, error) {
	tree := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() { // make odd entries visible in a diff instead of failing
			tree[filepath.ToSlash(rel)] = []byte(fmt.Sprintf("<not a regular file: %v>", d.Type()))
			return nil
		}
		tree[filepath.ToSlash(rel)], err = os.ReadFile(path)
		return err
	})
	return tree, err
}

func prefixed(prefix string, tree map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for k, v := range tree {
		out[prefix+k] = v
	}
	return out
}

// diffTrees describes how two trees differ, or returns "" when they are identical:
// the files only on either side, then a line diff of the first differing file.
func diffTrees(aName string, a map[string][]byte, bName string, b map[string][]byte) string {
	var onlyA, onlyB, differ []string
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if bv, ok := b[k]; !ok {
			onlyA = append(onlyA, k)
		} else if !bytes.Equal(a[k], bv) {
			differ = append(differ, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[k]; !ok {
			onlyB = append(onlyB, k)
		}
	}
	var sb strings.Builder
	if len(onlyA) > 0 {
		fmt.Fprintf(&sb, "files only in %s: %s\n", aName, strings.Join(onlyA, ", "))
	}
	if len(onlyB) > 0 {
		fmt.Fprintf(&sb, "files only in %s: %s\n", bName, strings.Join(onlyB, ", "))
	}
	if len(differ) > 0 {
		fmt.Fprintf(&sb, "files that differ: %s\n", strings.Join(differ, ", "))
		sb.WriteString(lineDiff(differ[0], aName, string(a[differ[0]]), bName, string(b[differ[0]])))
	}
	return sb.String()
}

// lineDiff shows the differing middle of two texts between their common first and
// last lines, with a little context and a cap on its length. Lines are quoted so that
// CR, tabs, trailing spaces and a missing final newline, the usual culprits here, are
// visible.
func lineDiff(file, aName, a, bName, b string) string {
	const context, limit = 3, 40
	al, bl := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	pre := 0
	for pre < len(al) && pre < len(bl) && al[pre] == bl[pre] {
		pre++
	}
	suf := 0
	for suf < len(al)-pre && suf < len(bl)-pre && al[len(al)-1-suf] == bl[len(bl)-1-suf] {
		suf++
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s/%s\n+++ %s/%s\n@@ line %d @@\n", aName, file, bName, file, pre+1)
	write := func(mark string, lines []string) {
		for i, l := range lines {
			if i == limit {
				fmt.Fprintf(&sb, "%s … %d more lines\n", mark, len(lines)-limit)
				return
			}
			fmt.Fprintf(&sb, "%s %s\n", mark, strconv.Quote(l))
		}
	}
	write(" ", al[max(0, pre-context):pre])
	write("-", al[pre:len(al)-suf])
	write("+", bl[pre:len(bl)-suf])
	write(" ", al[len(al)-suf:min(len(al), len(al)-suf+context)])
	return sb.String()
}
