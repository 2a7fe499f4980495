package dist

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestReleaseBuild checks scripts/release's output: the checksums match the
// files, the archive holds the executable, the SBOM lists the modules that
// are linked in, and the executable reports the stamped version, commit and
// build date.
func TestReleaseBuild(t *testing.T) {
	sums, err := os.ReadFile(filepath.Join(release, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("SHA256SUMS line %q", line)
		}
		body, err := os.ReadFile(filepath.Join(release, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := sha256.Sum256(body); hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s: checksum does not match", name)
		}
		listed[name] = true
	}
	archive := "hypergen_" + version + "_linux_amd64.tar.gz"
	sbom := "hypergen_" + version + ".cdx.json"
	for _, name := range []string{archive, sbom} {
		if !listed[name] {
			t.Errorf("SHA256SUMS does not list %s:\n%s", name, sums)
		}
	}

	tmp := t.TempDir()
	for _, c := range commands(t) {
		extract(t, filepath.Join(release, archive), "hypergen_"+version+"_linux_amd64/"+c, filepath.Join(tmp, c))
	}
	exe := filepath.Join(tmp, "hypergen")
	out := run(t, ".", nil, exe, "version")
	commit := gitHead(t, testenv.RepoRoot())
	for _, want := range []string{"hypergen " + version + " (hygen 6.2.11 compatible", "commit: " + commit, "built: " + buildDate} {
		if !strings.Contains(out, want) {
			t.Errorf("hypergen version lacks %q:\n%s", want, out)
		}
	}

	var bom struct {
		BOMFormat string `json:"bomFormat"`
		Metadata  struct {
			Component struct{ Name string } `json:"component"`
		} `json:"metadata"`
		Components []struct {
			Name, Version, Purl string
		} `json:"components"`
	}
	raw, err := os.ReadFile(filepath.Join(release, sbom))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &bom); err != nil {
		t.Fatalf("SBOM: %v", err)
	}
	if bom.BOMFormat != "CycloneDX" || bom.Metadata.Component.Name != "github.com/hypergen-dev/hypergen" {
		t.Errorf("SBOM format %q for %q", bom.BOMFormat, bom.Metadata.Component.Name)
	}
	// The modules the executable really links, as the toolchain recorded them.
	deps := run(t, ".", nil, "go", "version", "-m", exe)
	found := map[string]bool{}
	for _, c := range bom.Components {
		found[c.Name+"@"+c.Version] = true
	}
	n := 0
	for _, line := range strings.Split(deps, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "dep" {
			n++
			if !found[f[1]+"@"+f[2]] {
				t.Errorf("SBOM lacks %s@%s", f[1], f[2])
			}
		}
	}
	if n < 10 {
		t.Errorf("go version -m listed only %d modules:\n%s", n, deps)
	}

	// hypergen is built with Go's previous garbage collector where the
	// toolchain still has it (scripts/lib/dist.sh), hypergen-perf with the
	// default.
	oldGC := exec.Command("go", "env", "GOEXPERIMENT")
	oldGC.Env = append(os.Environ(), "GOEXPERIMENT=nogreenteagc")
	if oldGC.Run() == nil {
		const setting = "build\tGOEXPERIMENT=nogreenteagc"
		if !strings.Contains(deps, setting) {
			t.Errorf("hypergen was not built with GOEXPERIMENT=nogreenteagc:\n%s", deps)
		}
		if perf := run(t, ".", nil, "go", "version", "-m", filepath.Join(tmp, "hypergen-perf")); strings.Contains(perf, setting) {
			t.Errorf("hypergen-perf was built with GOEXPERIMENT=nogreenteagc:\n%s", perf)
		}
	}
}

// TestVersionFromVCS builds hypergen the way a user's `go build` in a clone
// does and checks that `hypergen version` reports the checkout's commit,
// and "modified" once a tracked file changes. A fresh clone, because the
// toolchain does not read version control in a git worktree.
func TestVersionFromVCS(t *testing.T) {
	clone := filepath.Join(t.TempDir(), "hypergen")
	run(t, ".", nil, "git", "clone", "-q", "--shared", testenv.RepoRoot(), clone)
	head := gitHead(t, clone)
	build := func() string {
		t.Helper()
		exe := filepath.Join(clone, "hypergen")
		// -buildvcs=true: the default (auto) is turned off on some
		// machines through GOFLAGS.
		run(t, clone, []string{"GOFLAGS=", "CGO_ENABLED=0"}, "go", "build", "-trimpath", "-buildvcs=true", "-o", exe, ".")
		return run(t, clone, nil, exe, "version")
	}
	out := build()
	if !strings.Contains(out, "commit: "+head+"\n") {
		t.Errorf("clean checkout: want commit %s unmodified:\n%s", head, out)
	}
	if !strings.Contains(out, "committed: ") || strings.HasPrefix(out, "hypergen dev ") {
		t.Errorf("clean checkout: want a module version and the commit time:\n%s", out)
	}

	f, err := os.OpenFile(filepath.Join(clone, "README.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nlocal change\n")
	f.Close()
	if out := build(); !strings.Contains(out, "commit: "+head+" (modified)\n") || !strings.Contains(out, "+dirty") {
		t.Errorf("dirty work tree: want commit %s (modified) and a +dirty version:\n%s", head, out)
	}
}

// extract copies one file out of a .tar.gz.
func extract(t *testing.T, archive, name, to string) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			t.Fatalf("%s has no %s", archive, name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Name == name {
			copyTo(t, tr, to, 0o755)
			return
		}
	}
}

func copyTo(t *testing.T, r io.Reader, to string, mode os.FileMode) {
	t.Helper()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, r); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
