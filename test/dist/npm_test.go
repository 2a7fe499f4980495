package dist

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// npmEnv keeps npm off the network and away from the user's cache: a
// private cache, --offline, and a registry address where nothing listens,
// so any request that slipped through would fail the test.
func npmEnv(t *testing.T) []string {
	return []string{
		"npm_config_cache=" + t.TempDir(),
		"npm_config_offline=true",
		"npm_config_registry=http://127.0.0.1:9/",
		"npm_config_audit=false",
		"npm_config_fund=false",
		"npm_config_update_notifier=false",
	}
}

// packages builds the npm packages for linux/amd64 from the release and
// packs the wrapper and the linux-x64 package; it returns the two tarballs.
func packages(t *testing.T) (wrapper, platform string) {
	t.Helper()
	testenv.Tool(t, "npm", "npm")
	dir, err := script(t, "npm-packages", []string{"RELEASE=" + release, "TARGETS=linux/amd64"}, version)
	if err != nil {
		t.Fatal(err)
	}
	packs := t.TempDir()
	env := npmEnv(t)
	pack := func(pkg string) string {
		out := run(t, filepath.Join(dir, pkg), env, "npm", "pack", "--silent", "--pack-destination", packs)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		return filepath.Join(packs, lines[len(lines)-1])
	}
	return pack("hypergen"), pack("linux-x64")
}

// project is a fresh npm project with the given tarballs installed offline.
func project(t *testing.T, installFlags []string, tarballs ...string) string {
	t.Helper()
	dir := t.TempDir()
	env := npmEnv(t)
	run(t, dir, env, "npm", "init", "-y")
	run(t, dir, env, "npm", append(append([]string{"install", "--save-dev"}, installFlags...), tarballs...)...)
	return dir
}

// TestNPMInstallAndGenerate is the acceptance test of the npm packages: the
// wrapper and the platform package install offline into a new project (the
// five other platforms' optional dependencies are not on any registry);
// install.js has replaced the launcher with the binary itself; and the
// generator-of-generators flow runs through npx and writes its files.
func TestNPMInstallAndGenerate(t *testing.T) {
	wrapper, platform := packages(t)
	dir := project(t, nil, wrapper, platform)
	env := npmEnv(t)

	bin, err := filepath.EvalSymlinks(filepath.Join(dir, "node_modules", ".bin", "hypergen"))
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 4)
	if f, err := os.Open(bin); err == nil {
		f.Read(head)
		f.Close()
	}
	if !bytes.Equal(head, []byte("\x7fELF")) {
		t.Errorf("node_modules/.bin/hypergen → %s is not the native binary (starts %q): postinstall did not link it", bin, head)
	}
	if out := run(t, dir, env, "npx", "hypergen", "version"); !strings.Contains(out, "hypergen "+version+" ") {
		t.Errorf("npx hypergen version:\n%s", out)
	}
	// Every executable is linked beside it, where hypergen finds its siblings.
	for _, c := range commands(t) {
		if _, err := os.Stat(filepath.Join(filepath.Dir(bin), c)); err != nil {
			t.Errorf("postinstall did not link %s: %v", c, err)
		}
	}

	// hygen's quick start, through npx.
	run(t, dir, env, "npx", "hypergen", "init", "self")
	if _, err := os.Stat(filepath.Join(dir, "_templates", "generator", "new", "hello.ejs.t")); err != nil {
		t.Errorf("init self wrote no generator/new: %v", err)
	}
	run(t, dir, env, "npx", "hypergen", "generator", "new", "--name", "widget")
	if _, err := os.Stat(filepath.Join(dir, "_templates", "widget", "new", "hello.ejs.t")); err != nil {
		t.Errorf("generator new wrote no template: %v", err)
	}
	run(t, dir, env, "npx", "hypergen", "widget", "new")
	got, err := os.ReadFile(filepath.Join(dir, "app", "hello.js"))
	if err != nil || !strings.Contains(string(got), `written by the "widget" generator`) {
		t.Errorf("widget new: app/hello.js = %q, %v", got, err)
	}
}

// TestNPMLauncher covers the JavaScript launcher, which runs where the
// postinstall link did not happen: it runs the platform binary, and says
// clearly what is wrong when the platform package is missing or the
// platform has no package.
func TestNPMLauncher(t *testing.T) {
	wrapper, platform := packages(t)
	env := npmEnv(t)

	dir := project(t, []string{"--ignore-scripts"}, wrapper, platform)
	launcher := filepath.Join(dir, "node_modules", "@hypergen-dev", "hypergen", "bin", "hypergen")
	if head, _ := os.ReadFile(launcher); !bytes.HasPrefix(head, []byte("#!/usr/bin/env node")) {
		t.Fatalf("with --ignore-scripts the launcher should stay, got %.40q", head)
	}
	if out := run(t, dir, env, "npx", "hypergen", "version"); !strings.Contains(out, "hypergen "+version+" ") {
		t.Errorf("npx hypergen version through the launcher:\n%s", out)
	}
	// The exit status passes through.
	cmd := exec.Command("npx", "hypergen", "version", "--nope")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
	if err := cmd.Run(); cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 2 {
		t.Errorf("a usage error through the launcher: %v, want exit 2", err)
	}

	alone := project(t, []string{"--ignore-scripts"}, wrapper)
	cmd = exec.Command("npx", "hypergen", "version")
	cmd.Dir, cmd.Env = alone, append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "@hypergen-dev/linux-x64, the package with hypergen's binary for linux/x64, is not installed") {
		t.Errorf("without the platform package: %v\n%s", err, out)
	}

	cmd = exec.Command("node", "-e", `require(process.argv[1]).packageFor("freebsd", "x64")`,
		filepath.Join(alone, "node_modules", "@hypergen-dev", "hypergen", "lib", "platform.js"))
	out, err = cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no prebuilt hypergen for freebsd/x64") {
		t.Errorf("unsupported platform: %v\n%s", err, out)
	}
}
