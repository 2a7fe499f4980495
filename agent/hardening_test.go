package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestGenerateRefusesEscapes: a generator or action leaving the templates
// root is refused wherever it sits in args (a flag before it once moved it
// past the check), and so are symbolic links and from: files leading out.
func TestGenerateRefusesEscapes(t *testing.T) {
	tel, _ := telemetry(t)
	top := testfs.Tree(t, map[string]string{
		"project/_templates/gen/new/a.t":    "---\nto: out/<%= name %>.txt\n---\nhi\n",
		"project/_templates/steal/new/a.t":  "---\nto: stolen.txt\nfrom: ../../secret.txt\n---\n",
		"project/_templates/steal/env/a.t":  "---\nto: stolen.txt\nfrom: ../../.env\n---\n",
		"project/.env":                      "SECRET=project-only\n",
		"outside/evilgen/new/a.t":           "---\nto: evil.txt\nfrom: ../../secret.txt\n---\n",
		"outside/linked/new/a.t":            "---\nto: linked.txt\n---\nx\n",
		"outside/file.t":                    "---\nto: linkedfile.txt\n---\nx\n",
		"secret.txt":                        "the secret\n",
		"project/_templates/mixed/new/ok.t": "---\nto: ok.txt\n---\nx\n",
		"project/_templates/plant/hook/a.t": "---\nto: _templates/gen/new/<%= name %>.t\n---\n---\nsh: touch pwned\n---\n",
		"project/_templates/plant/cfg/a.t":  "---\nto: sub/.hygen.js\n---\nmodule.exports = {}\n",
		"project/_templates/peek/new/a.t":   "---\nto: peek.txt\n---\n<%- include(cwd + '/../secret.txt') %>\n",
		"project/_templates/plant/real/a.t": "---\nto: config/hygen.js\nforce: true\n---\nmodule.exports = { planted: true }\n",
		"project/_templates/plant/link/a.t": "---\nto: .hygen.js\nforce: true\n---\nmodule.exports = { planted: true }\n",
		"project/config/hygen.js":           "module.exports = {}\n",
		"project/_templates/peek/in/a.t":    "---\nto: peek.txt\n---\n<%- include(templates + '/gen/new/a.t') %>\n",
		"project/_templates/plant/sub/a.t":  "---\nto: packages/web/_Templates/gen/new/x.t\n---\n---\nsh: touch pwned\n---\n",
		"project/_templates/yml/new/a.t":    "---\nto: yml.txt\n---\nx\n",
		"outside/template.yml":              "variables:\n  name: {type: number}\n",
	})
	dir := filepath.Join(top, "project")
	mustLink(t, filepath.Join(top, "outside/linked"), filepath.Join(dir, "_templates/linked"))
	mustLink(t, filepath.Join(top, "outside/file.t"), filepath.Join(dir, "_templates/mixed/new/z.t"))
	mustLink(t, "config/hygen.js", filepath.Join(dir, ".hygen.js")) // the project's config, through a link
	mustLink(t, filepath.Join(top, "outside/template.yml"), filepath.Join(dir, "_templates/yml/template.yml"))
	a := startAgent(t, Config{Cwd: dir, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)

	for _, tc := range []struct {
		name   string
		body   GenerateRequest
		errHas string
	}{
		{"flag before the traversal", GenerateRequest{Args: []string{"--x", "y", "../../outside/evilgen", "new"}}, "not a generator"},
		{"traversal as the action", GenerateRequest{Args: []string{"--x", "y", "gen", "../../../outside/evilgen/new"}}, "not a generator"},
		{"traversal through --_", GenerateRequest{Args: []string{"--_", "../../outside/evilgen", "new"}}, "not a generator"},
		{"generator field starting with a dash", GenerateRequest{Generator: "--help", Action: "new"}, "cannot start with"},
		{"args and fields together", GenerateRequest{Args: []string{"gen", "new"}, Generator: "../x", Action: "new"}, "not both"},
		{"generator linked outside the root", GenerateRequest{Args: []string{"linked", "new"}}, "outside the templates root"},
		{"template file linked outside the root", GenerateRequest{Args: []string{"mixed", "new"}}, "links outside the templates root"},
		// The errors of its checks would show the file's text.
		{"template.yml linked outside the root", GenerateRequest{Args: []string{"yml", "new", "x"}}, "template.yml links outside the templates root"},
		{"from: outside the project", GenerateRequest{Args: []string{"steal", "new"}}, "from: ../../secret.txt resolves outside the templates root"},
		// A request reads templates, not the project's other files.
		{"from: a project file", GenerateRequest{Args: []string{"steal", "env"}}, "from: ../../.env resolves outside the templates root"},
		// A request may not run commands, so it may not plant a template
		// or a .hygen.js that a later run, allowed to, would execute.
		{"a name leading into the templates", GenerateRequest{Generator: "gen", Action: "new", Name: "../_templates/gen/new/planted"}, "inside the templates root"},
		{"a template writing a template", GenerateRequest{Args: []string{"plant", "hook", "x"}}, "inside the templates root"},
		{"a template writing a .hygen.js", GenerateRequest{Args: []string{"plant", "cfg"}}, "configures the project's runs"},
		{"include() outside the templates root", GenerateRequest{Args: []string{"peek", "new"}}, "outside the templates root"},
		{"the file a linked .hygen.js leads to", GenerateRequest{Args: []string{"plant", "real"}}, "configures the project's runs"},
		{"a linked .hygen.js itself", GenerateRequest{Args: []string{"plant", "link"}}, "configures the project's runs"},
		// Nor a template in another _templates folder, which a run started
		// in that package would take for its root.
		{"a template in a sub-package's _templates", GenerateRequest{Args: []string{"plant", "sub"}}, "inside a folder named _templates"},
		// Resolving such a target kept a core busy for minutes, past the
		// request's answer.
		{"a name 200,000 folders deep", GenerateRequest{Generator: "gen", Action: "new", Name: strings.Repeat("a/", 200000) + "z"}, "bytes long as a full path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := post(t, a, "k", tc.body)
			if out.OK || code/100 != 4 || !strings.Contains(out.Error, tc.errHas) {
				t.Errorf("got %d %+v, want a refusal with %q", code, out, tc.errHas)
			}
		})
	}
	for _, f := range []string{"evil.txt", "stolen.txt", "linked.txt", "linkedfile.txt", "ok.txt",
		"_templates/gen/new/planted.txt", "_templates/gen/new/x.t", "sub/.hygen.js", "yml.txt", "peek.txt", "packages/web/_Templates/gen/new/x.t", "out/a"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s written by a refused request", f)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "config/hygen.js")); err != nil || string(b) != "module.exports = {}\n" {
		t.Errorf("the project's config was rewritten: %q, %v", b, err)
	}
	if fi, err := os.Lstat(filepath.Join(dir, ".hygen.js")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf(".hygen.js is no longer the link: %v", err)
	}
	// Inside the templates root, include() works as in hygen.
	if code, out := post(t, a, "k", GenerateRequest{Args: []string{"peek", "in"}}); code != 200 || !out.OK {
		t.Errorf("include() inside the templates root: %d %+v", code, out)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestGenerateStrictRequest: one JSON object and nothing after it; the
// Bearer scheme in any case.
func TestGenerateStrictRequest(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	good := `{"generator":"gen","action":"new","name":"n","dry_run":true}`
	for _, tc := range []struct {
		name, auth, body string
		code             int
	}{
		{"plain", "Bearer k", good, 200},
		{"lowercase scheme", "bearer k", good, 200},
		{"uppercase scheme", "BEARER k", good, 200},
		{"no scheme", "k", good, 401},
		{"basic scheme", "Basic k", good, 401},
		{"trailing object", "Bearer k", good + `{"generator":"x"}`, 400},
		{"trailing garbage", "Bearer k", good + ` x`, 400},
		{"trailing white space", "Bearer k", good + " \n", 200},
		{"unknown field", "Bearer k", `{"generator":"gen","action":"new","shell":true}`, 400},
		{"array", "Bearer k", `[1]`, 400},
		// A body over the limit is 413, whether its length is declared
		// (refused before reading) or found while reading.
		{"too large", "Bearer k", `{"generator":"gen","action":"new","name":"` + strings.Repeat("n", maxRequestBytes) + `"}`, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := postRaw(t, a.GenerateAddr(), tc.auth, []byte(tc.body))
			if code != tc.code {
				t.Errorf("got %d %+v, want %d", code, out, tc.code)
			}
			if tc.code == 413 {
				// The same body sent chunked, without a length.
				req, _ := http.NewRequest(http.MethodPost, "http://"+a.GenerateAddr()+"/v1/generate", io.MultiReader(strings.NewReader(tc.body)))
				req.Header.Set("Authorization", tc.auth)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != 413 || req.ContentLength > 0 {
					t.Errorf("chunked: got %d (length %d), want 413", resp.StatusCode, req.ContentLength)
				}
				if !strings.Contains(out.Error, "larger than 1048576 bytes") {
					t.Errorf("error %q does not say the limit", out.Error)
				}
			}
		})
	}
}

func TestDecodeGenerateRequest(t *testing.T) {
	req, err := DecodeGenerateRequest(strings.NewReader(`{"args":["gen","new"]}` + "\n"))
	if err != nil || strings.Join(req.Args, " ") != "gen new" {
		t.Errorf("got %+v, %v", req, err)
	}
	// A body that stops arriving after the object (a Content-Length longer
	// than what was sent, cut by the read deadline) is not "data after it".
	cut := io.MultiReader(strings.NewReader(`{"args":["gen","new"]}`), iotest.ErrReader(os.ErrDeadlineExceeded))
	if _, err := DecodeGenerateRequest(cut); err == nil || !errors.Is(err, os.ErrDeadlineExceeded) || strings.Contains(err.Error(), "data after") {
		t.Errorf("a body cut by the deadline: %v", err)
	}
	// A null word is refused by name; Go's decoder read it as "", and the
	// request then failed asking for a generator.
	if _, err := DecodeGenerateRequest(strings.NewReader(`{"args":["gen",null,"x"]}`)); err == nil || !strings.Contains(err.Error(), "args[1] is null") {
		t.Errorf("a null word: %v", err)
	}
	// Keys are exact and once each: a duplicate is named with its path.
	for body, want := range map[string]string{
		`{"Generator":"gen"}`:                          `unknown field "Generator"`,
		`{"name":"a","name":"b"}`:                      `key "name" is given twice`,
		`{"parameters":{"x":{"y":1,"y":2}}}`:           `key "parameters.x.y" is given twice`,
		`{"parameters":{"x":[{"y":1},{"y":1,"y":2}]}}`: `key "parameters.x[].y" is given twice`,
	} {
		if _, err := DecodeGenerateRequest(strings.NewReader(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want %q; got %v", body, want, err)
		}
	}
	// The same key in two objects, and keys that differ in case inside
	// parameters (locals, not fields), are fine.
	for _, body := range []string{`{"parameters":{"a":{"k":1},"b":{"k":2},"K":3,"k":4}}`, `{"parameters":{"x":[{"y":1},{"y":2}]}}`} {
		if _, err := DecodeGenerateRequest(strings.NewReader(body)); err != nil {
			t.Errorf("%s refused: %v", body, err)
		}
	}
	for _, body := range []string{``, `{}{}`, `{"args":["a"]} 1`, `{"args":"a"}`, `{"args":["a"]`, `[]`, `{"args":[1]}`, `{"args":[null]}`, `{"args":["a"],"bogus":1}`,
		`{"ARGS":["a"]}`, `{"args":["a"],"args":["b"]}`, `{"parameters":{"a":{"b":1,"b":2}}}`, `{"parameters":{"a":[{"b":1},{"b":1,"b":2}]}}`} {
		_, err := DecodeGenerateRequest(strings.NewReader(body))
		if err == nil {
			t.Errorf("%q accepted", body)
		} else if strings.Contains(err.Error(), "Go value") || strings.Contains(err.Error(), "agent.") {
			t.Errorf("%q: the message names Go types: %v", body, err)
		}
	}
}

// TestReadyzFollowsTemplates: the agent is not ready while its templates
// folder is missing.
func TestReadyzFollowsTemplates(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1}, tel)
	if code, _ := get(t, a, "/readyz"); code != 200 {
		t.Fatalf("readyz = %d with templates", code)
	}
	restore := hideTemplates(t, a)
	if code, body := get(t, a, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "templates") {
		t.Errorf("readyz = %d %q without templates, want 503", code, body)
	}
	restore()
	if code, _ := get(t, a, "/readyz"); code != 200 {
		t.Errorf("readyz = %d after the templates came back", code)
	}
}

// TestGenerateOnUnixSocket: the API can listen on a unix socket.
func TestGenerateOnUnixSocket(t *testing.T) {
	tel, _ := telemetry(t)
	sock := filepath.Join(t.TempDir(), "gen.sock")
	a := startAgent(t, Config{ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k", Listen: "unix:" + sock}}, tel)
	if a.GenerateAddr() != sock {
		t.Fatalf("GenerateAddr = %q, want %q", a.GenerateAddr(), sock)
	}
	raw, _ := json.Marshal(GenerateRequest{Generator: "gen", Action: "new", Name: "s"})
	code, out := postUnix(t, sock, raw)
	if code != 200 || !out.OK {
		t.Errorf("over the socket: %d %+v", code, out)
	}
}

func postUnix(t *testing.T, sock string, raw []byte) (int, GenerateResponse) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "unix", sock)
	}}}
	return postWith(t, client, "http://agent", "Bearer k", raw)
}

// TestSlowBodyWithoutTokenIsCut: a client trickling a large body without a
// token gets its 401 and the connection closed, instead of holding it.
func TestSlowBodyWithoutTokenIsCut(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	c, err := net.Dial("tcp", a.GenerateAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, _ = c.Write([]byte("POST /v1/generate HTTP/1.1\r\nHost: agent\r\nContent-Length: 1000\r\n\r\n{\"args\":"))
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	raw, err := io.ReadAll(c) // ends when the server closes the connection
	if err != nil {
		t.Fatalf("connection still open after the 401 (%v); got %q", err, raw)
	}
	if !strings.HasPrefix(string(raw), "HTTP/1.1 401") {
		t.Errorf("answer %q, want 401", raw)
	}
}

// A request declaring a body its handler does not read, on either server,
// gets its answer and the connection closed at once: net/http read the
// body first, so 256 clients trickling one held every connection, no token
// needed, and /healthz went unanswered.
func TestUnreadBodiesAreCut(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	for _, tc := range []struct{ addr, request, status string }{
		{a.Addr(), "GET /healthz", "200"},
		{a.Addr(), "GET /nowhere", "404"},
		{a.GenerateAddr(), "GET /v1/generate", "405"},
		{a.GenerateAddr(), "POST /elsewhere", "404"},
		// Paths that read a body on one server but not on this one.
		{a.Addr(), "POST /v1/generate", "4"},
		{a.Addr(), "POST /debug/pprof/symbol", "4"}, // pprof off
		{a.GenerateAddr(), "POST /debug/pprof/symbol", "404"},
	} {
		c, err := net.Dial("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = c.Write([]byte(tc.request + " HTTP/1.1\r\nHost: agent\r\nContent-Length: 100000\r\n\r\nx"))
		_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
		raw, err := io.ReadAll(c) // ends when the server closes the connection
		c.Close()
		if err != nil || !strings.HasPrefix(string(raw), "HTTP/1.1 "+tc.status) {
			t.Errorf("%s with a body it does not read: %q, %v; want %s and the connection closed", tc.request, raw, err, tc.status)
		}
	}
}

// TestGenerateRefusedAboveMemoryCeiling: with the live heap above the
// ceiling, a generation is refused with 503 rather than run.
func TestGenerateRefusedAboveMemoryCeiling(t *testing.T) {
	runtime.GC() // the live heap is counted from the first collection on: run alone, the test saw 0
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1, MemoryLimit: 1 << 10, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	code, out := post(t, a, "k", GenerateRequest{Generator: "gen", Action: "new", Name: "m"})
	if code != http.StatusServiceUnavailable || !strings.Contains(out.Error, "memory ceiling") {
		t.Errorf("got %d %+v, want 503 naming the memory ceiling", code, out)
	}
	if _, err := os.Stat(filepath.Join(a.cfg.Cwd, "out/m.txt")); err == nil {
		t.Error("generated above the ceiling")
	}
}

// A generation running when the live heap passes the ceiling is stopped
// with 503, and the agent goes on serving: before, only new requests were
// refused, and a template allocating in a loop took the agent past its
// limit. The heap reading is made to pass the ceiling once the template
// loops.
func TestRunningGenerationStoppedAtMemoryCeiling(t *testing.T) {
	tel, _ := telemetry(t)
	dir := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/<%= name %>.txt\n---\n<% while (true) {} %>\n"})
	a := startAgent(t, Config{Cwd: dir, ProbeInterval: -1, MemoryLimit: 1 << 40, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	start := time.Now()
	a.ceiling.live = func() int64 {
		if time.Since(start) > 300*time.Millisecond {
			return 1 << 40
		}
		return 0
	}
	code, out := post(t, a, "k", GenerateRequest{Generator: "gen", Action: "new", Name: "m"})
	if code != http.StatusServiceUnavailable || !strings.Contains(out.Error, "reached its memory ceiling while this generation ran") {
		t.Fatalf("got %d %+v, want 503 naming the memory ceiling", code, out)
	}
	if code, _ := get(t, a, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz answered %d after the stopped generation", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "out/m.txt")); err == nil {
		t.Error("the stopped generation wrote its file")
	}
}

// A generation stopped by the ceiling in Go code, between templates, is
// answered 503 with Retry-After too: the engine returns a plain "context
// canceled" there, which was answered 422, telling the client its request
// was at fault and not to retry.
func TestGoSideStopAtMemoryCeilingIs503(t *testing.T) {
	tel, _ := telemetry(t)
	files := map[string]string{}
	for i := range 3000 {
		files[fmt.Sprintf("_templates/gen/new/f%04d.t", i)] = fmt.Sprintf("---\nto: out/f%04d.txt\n---\nplain text %d\n", i, i)
	}
	dir := testfs.Tree(t, files)
	a := startAgent(t, Config{Cwd: dir, ProbeInterval: -1, MemoryLimit: 1 << 40, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	a.ceiling.live = func() int64 { return 1 << 40 } // over from the first reading
	code, out := post(t, a, "k", GenerateRequest{Generator: "gen", Action: "new"})
	if code != http.StatusServiceUnavailable || !strings.Contains(out.Error, "reached its memory ceiling while this generation ran") {
		t.Errorf("got %d %+v, want 503 naming the memory ceiling", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("the stopped generation wrote files")
	}
}

// A generation waiting for a folder's lock that another run holds (one
// stopped at an overwrite question) is answered 503 at the agent's bound
// on a request, not left without an answer past the server's write
// deadline.
func TestGenerationWaitingForALockIsAnswered(t *testing.T) {
	defer func(d time.Duration) { generateTimeout = d }(generateTimeout)
	generateTimeout = 500 * time.Millisecond
	cwd := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/<%= name %>.txt\n---\nhi\n"})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	folder := filepath.Join(cwd, "out")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	lock, err := os.OpenFile(filepath.Join(folder, atomicfile.LockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if ok, err := atomicfile.TryLock(lock); !ok || err != nil {
		t.Fatalf("taking the lock: %v, %v", ok, err)
	}
	code, resp := post(t, a, "k", GenerateRequest{Generator: "gen", Action: "new", Name: "x"})
	if code != http.StatusServiceUnavailable || !strings.Contains(resp.Error, "bound on one request") || !strings.Contains(resp.Error, "waiting to write in out") {
		t.Errorf("got %d %q; want 503 saying the request's bound ran out while waiting to write in out", code, resp.Error)
	}
	if _, err := os.Stat(filepath.Join(folder, "x.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("out/x.txt: %v; want nothing written", err)
	}
}

// A template that throws a value whose toString throws, in an action whose
// files render on several workers, fails its request; the agent serves on.
func TestThrowingTemplateLeavesTheAgentServing(t *testing.T) {
	files := map[string]string{}
	for i := range 8 {
		files[fmt.Sprintf("_templates/bad/new/x%d.t", i)] = "---\nto: out/x.txt\n---\n<% throw { toString() { throw new Error('inner') } } %>\n"
	}
	cwd := testfs.Tree(t, files)
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	for range 3 {
		code, resp := post(t, a, "k", GenerateRequest{Generator: "bad", Action: "new"})
		if code != http.StatusUnprocessableEntity || !strings.Contains(resp.Error, "converting it threw") {
			t.Errorf("got %d %q; want 422 naming the value that cannot be printed", code, resp.Error)
		}
	}
	if code, body := get(t, a, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: %d %s", code, body)
	}
}

// A generation stuck inside a JavaScript built-in, which no interrupt
// stops, still gets its request an answer, and the agent serves on.
func TestStuckGenerationIsAnswered(t *testing.T) {
	defer func(d, g time.Duration) { generateTimeout, stuckGrace = d, g }(generateTimeout, stuckGrace)
	generateTimeout, stuckGrace = 300*time.Millisecond, 300*time.Millisecond
	// About five seconds of goja's includes on this VM, which then ends.
	// The built-in outlasts the point where the shutdown answers it (at
	// 85 % of the deadline), or the answer would be its result.
	cwd := testfs.Tree(t, map[string]string{"_templates/slow/new/a.t": "---\nto: out.txt\n---\n<%= Array(2**27).includes(1) %>\n"})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	defer func(f func() int) { maxStuck = f }(maxStuck)
	maxStuck = func() int { return 1 }
	code, resp := post(t, a, "k", GenerateRequest{Generator: "slow", Action: "new"})
	if code != http.StatusServiceUnavailable || !strings.Contains(resp.Error, "did not stop") {
		t.Errorf("got %d %q; want 503 saying the generation did not stop", code, resp.Error)
	}
	// With as many stuck as it allows, the agent takes no more.
	code, resp = post(t, a, "k", GenerateRequest{Generator: "slow", Action: "new"})
	if code != http.StatusServiceUnavailable || !strings.Contains(resp.Error, "1 generations are stuck") {
		t.Errorf("got %d %q; want 503 saying a generation is stuck", code, resp.Error)
	}
	if code, body := get(t, a, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: %d %s", code, body)
	}
}

// A generation whose JavaScript runs on past its time limit is answered as
// stuck once the engine says so (the limit and jsrt.StuckGrace), and
// counts against the cap from then: it was answered, and counted, only at
// the request's bound (100 s), and such generations piled up meanwhile.
func TestJavaScriptStuckPastItsLimitIsAnsweredAndCounted(t *testing.T) {
	defer func(f func() int) { maxStuck = f }(maxStuck)
	maxStuck = func() int { return 1 }
	// About ten seconds of goja's includes on this VM: past the 200 ms
	// limit and the five seconds of grace, far short of the bound.
	cwd := testfs.Tree(t, map[string]string{"_templates/slow/new/a.t": "---\nto: out.txt\n---\n<%= Array(2**27).includes(1) %>\n"})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k", JSTimeout: 200 * time.Millisecond}}, tel)
	code, resp := post(t, a, "k", GenerateRequest{Generator: "slow", Action: "new"})
	if code != http.StatusServiceUnavailable || !strings.Contains(resp.Error, "did not stop") || !strings.Contains(resp.Error, "cannot be interrupted") {
		t.Fatalf("got %d %q; want 503 saying the JavaScript cannot be interrupted", code, resp.Error)
	}
	code, resp = post(t, a, "k", GenerateRequest{Generator: "slow", Action: "new"})
	if code != http.StatusServiceUnavailable || !strings.Contains(resp.Error, "1 generations are stuck") {
		t.Errorf("got %d %q; want 503 saying a generation is stuck", code, resp.Error)
	}
}

// A generation that runs on long after its request was answered as stuck
// makes the agent unhealthy until it ends, whatever holds it: only
// JavaScript that its own time limit could not stop did, and Go code that
// never looks at its cancellation left /healthz saying ok while a core
// stayed busy.
func TestLongAbandonedGenerationMakesTheAgentUnhealthy(t *testing.T) {
	defer func(d, g, l time.Duration) { generateTimeout, stuckGrace, abandonedLimit = d, g, l }(generateTimeout, stuckGrace, abandonedLimit)
	generateTimeout, stuckGrace, abandonedLimit = 300*time.Millisecond, 300*time.Millisecond, 2*time.Second
	// About ten seconds of goja's includes on this VM (a sparse array: 21
	// MB), which then ends; the JavaScript limit (30 s) does not come into
	// it. A machine three times as fast still runs it past the 2.6 s the
	// test needs.
	cwd := testfs.Tree(t, map[string]string{"_templates/slow/new/a.t": "---\nto: out.txt\n---\n<%= Array(2**27).includes(1) %>\n"})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	if code, resp := post(t, a, "k", GenerateRequest{Generator: "slow", Action: "new"}); code != http.StatusServiceUnavailable {
		t.Fatalf("got %d %q; want 503 saying the generation did not stop", code, resp.Error)
	}
	if code, body := get(t, a, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz just after the answer: %d %s", code, body)
	}
	testenv.WaitFor(t, "/healthz failing", 10*time.Second, func() (bool, string) {
		code, body := get(t, a, "/healthz")
		return code == http.StatusServiceUnavailable && strings.Contains(body, "still run more than 2s"), body
	})
	// Ten seconds idle; under the race detector on a loaded machine it ran
	// past two minutes.
	testenv.WaitFor(t, "/healthz passing once the generation ended", 5*time.Minute, func() (bool, string) {
		code, body := get(t, a, "/healthz")
		return code == http.StatusOK, body
	})
}

// A Liquid loop whose bound comes from the request ends with its time
// limit, or with its request's. It ran on past the answer, a capture loop
// growing its text meanwhile (until the agent ran out of memory, for a
// large enough bound), and once it had run jsrt.StuckGrace past its limit
// the agent said it was stuck and unhealthy, until the loop ended.
func TestLiquidLoopEndsWithItsLimit(t *testing.T) {
	defer func(d time.Duration) { generateTimeout = d }(generateTimeout)
	cwd := testfs.Tree(t, map[string]string{
		"_templates/loop/new/a.liquid.t": "---\nto: out.txt\n---\n{% capture c %}{% for i in (1..count) %}y{% endfor %}{% endcapture %}{{ c | size }}\n",
	})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k", JSTimeout: 200 * time.Millisecond}}, tel)
	// About ten seconds of looping on this VM, twice the grace.
	req := GenerateRequest{Generator: "loop", Action: "new", Parameters: map[string]any{"count": 1e8}}
	for _, tt := range []struct {
		name    string
		request time.Duration // the agent's bound on a request
		want    string
	}{
		{"the template's limit", 10 * time.Second, "time limit of 200ms"},
		{"the request's limit", 100 * time.Millisecond, "did not finish within the agent's bound"},
	} {
		generateTimeout = tt.request
		if code, resp := post(t, a, "k", req); code == http.StatusOK || !strings.Contains(resp.Error, tt.want) {
			t.Fatalf("%s: got %d %q; want a failure saying %q", tt.name, code, resp.Error, tt.want)
		}
	}
	time.Sleep(jsrt.StuckGrace + time.Second)
	if code, body := get(t, a, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz %s after the loops' limits: %d %s", jsrt.StuckGrace+time.Second, code, body)
	}
	generateTimeout = 10 * time.Second
	req.Parameters["count"] = 3
	if code, resp := post(t, a, "k", req); code != http.StatusOK || !resp.OK {
		t.Errorf("a short loop after them: %d %q", code, resp.Error)
	}
	if got, err := os.ReadFile(filepath.Join(cwd, "out.txt")); err != nil || string(got) != "3\n" {
		t.Errorf("out.txt = %q, %v; want the short loop's", got, err)
	}
}

// A generation stuck in a built-in when the agent shuts down gets its 503
// within the deadline, and the shutdown leaves the caller's telemetry flush
// its share: the client got no answer at all, and the flush was blamed for
// the time the stuck request took.
func TestShutdownAnswersAStuckGeneration(t *testing.T) {
	// The built-in outlasts the point where the shutdown answers it (at
	// 85 % of the deadline), or the answer would be its result.
	cwd := testfs.Tree(t, map[string]string{"_templates/slow/new/a.t": "---\nto: out.txt\n---\n<%= Array(2**27).includes(1) %>\n"})
	tel, _ := telemetry(t)
	a, err := New(Config{Cwd: cwd, Listen: "127.0.0.1:0", ProbeInterval: -1, Logger: quietLogger(), Getenv: func(string) string { return "" },
		Generate: GenerateConfig{Enabled: true, Token: "k", Listen: "127.0.0.1:0"}}, tel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		code int
		resp GenerateResponse
	}
	answered := make(chan answer, 1)
	go func() {
		code, resp := post(t, a, "k", GenerateRequest{Generator: "slow", Action: "new"})
		answered <- answer{code, resp}
	}()
	testenv.WaitFor(t, "the generation in flight", 30*time.Second, func() (bool, string) {
		n := a.genSrv.active.Load()
		return n == 1, fmt.Sprint(n, " requests")
	})
	time.Sleep(300 * time.Millisecond) // the generation is in its built-in
	// Each step of the shutdown has a twentieth of the deadline to itself
	// (answers at 85 %, servers cut at 90 %): 250 ms, which a loaded CI
	// machine needs.
	const deadline = 5 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	if err := a.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if left := time.Until(func() time.Time { d, _ := ctx.Deadline(); return d }()); left < deadline/20 {
		t.Errorf("Shutdown left the telemetry flush %v of its %v", left, deadline)
	}
	select {
	case got := <-answered:
		if got.code != http.StatusServiceUnavailable || !strings.Contains(got.resp.Error, "did not stop") {
			t.Errorf("the stuck generation's client got %d %q; want 503 saying it did not stop", got.code, got.resp.Error)
		}
	case <-time.After(5 * time.Second):
		t.Error("the stuck generation's client got no answer")
	}
}

// A generation cancelled because the agent is shutting down is answered
// 503 with Retry-After, as the README lists it and as every other 503 of
// the generation API is: it had none, so a client could not tell it
// apart from a request that will never succeed.
func TestShutdownCancelledGenerationHasRetryAfter(t *testing.T) {
	cwd := testfs.Tree(t, map[string]string{"_templates/loop/new/a.t": "---\nto: out.txt\n---\n<% while (true) {} %>\n"})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	type answer struct {
		code       int
		retryAfter string
		body       string
	}
	answered := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, "http://"+a.GenerateAddr()+"/v1/generate",
			strings.NewReader(`{"generator":"loop","action":"new"}`))
		req.Header.Set("Authorization", "Bearer k")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- answer{body: err.Error()}
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		answered <- answer{resp.StatusCode, resp.Header.Get("Retry-After"), string(body)}
	}()
	// Shut down only once the request is being handled, or it would be
	// refused at the connection rather than cancelled.
	testenv.WaitFor(t, "the generation in flight", 30*time.Second, func() (bool, string) {
		n := a.genSrv.active.Load()
		return n == 1, fmt.Sprint(n, " requests")
	})
	// Long enough that the rest of the shutdown fits on a loaded machine:
	// the cleanup's second Shutdown reports this one's error.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = a.Shutdown(ctx)
	got := <-answered
	if got.code != http.StatusServiceUnavailable || !strings.Contains(got.body, "shutting down") {
		t.Fatalf("got %d %q; want 503 saying the agent is shutting down", got.code, got.body)
	}
	if got.retryAfter == "" {
		t.Errorf("the shutdown's 503 has no Retry-After: %q", got.body)
	}
}

// Nor into the templates folder the project's .hygen.js names, when the
// agent serves another: a CLI run in the project would load what a request
// planted there.
func TestGenerateRefusesTheProjectsConfiguredRoot(t *testing.T) {
	tel, _ := telemetry(t)
	top := testfs.Tree(t, map[string]string{
		"served/plant/new/a.t":     "---\nto: tmpl/gen/new/planted.t\n---\n---\nto: pwned.txt\nsh: touch pwned\n---\n",
		"served/plant/sub/a.t":     "---\nto: pkg/TMPL/gen/new/planted.t\n---\n---\nto: pwned.txt\nsh: touch pwned\n---\n",
		"project/.hygen.js":        "module.exports = { templates: 'tmpl' }\n",
		"project/tmpl/gen/new/a.t": "---\nto: a.txt\n---\nhi\n",
	})
	dir := filepath.Join(top, "project")
	a := startAgent(t, Config{Cwd: dir, Templates: filepath.Join(top, "served"), ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	code, out := post(t, a, "k", GenerateRequest{Args: []string{"plant", "new"}})
	if out.OK || code/100 != 4 || !strings.Contains(out.Error, "templates folder of the project's .hygen.js") {
		t.Errorf("got %d %+v, want a refusal naming the project's templates folder", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "tmpl/gen/new/planted.t")); err == nil {
		t.Error("a request planted a template in the project's configured templates folder")
	}
	// A run in pkg/ finds the same .hygen.js and loads pkg/tmpl (in any
	// case, where the file system ignores it).
	code, out = post(t, a, "k", GenerateRequest{Args: []string{"plant", "sub"}})
	if out.OK || code/100 != 4 || !strings.Contains(out.Error, "templates folder of the project's .hygen.js") {
		t.Errorf("pkg/TMPL: got %d %+v, want a refusal", code, out)
	}
}

// A .hygen.js whose templates folder is the project itself ('.', or a path
// that comes back to it) makes every folder of it a generator: a confined
// request may write nowhere there, rather than plant gen/new/planted.t.
func TestGenerateRefusesWhenTheProjectIsTheTemplatesFolder(t *testing.T) {
	tel, _ := telemetry(t)
	for _, cfg := range []string{"'.'", "'./'", "'x/..'"} {
		top := testfs.Tree(t, map[string]string{
			"served/plant/new/a.t": "---\nto: gen/new/planted.t\n---\n---\nto: pwned.txt\nsh: touch pwned\n---\n",
			"project/.hygen.js":    "module.exports = { templates: " + cfg + " }\n",
			"project/gen/new/a.t":  "---\nto: a.txt\n---\nhi\n",
		})
		dir := filepath.Join(top, "project")
		a := startAgent(t, Config{Cwd: dir, Templates: filepath.Join(top, "served"), ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
		code, out := post(t, a, "k", GenerateRequest{Args: []string{"plant", "new"}})
		if out.OK || code/100 != 4 {
			t.Errorf("templates: %s: got %d %+v, want a refusal", cfg, code, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "gen/new/planted.t")); err == nil {
			t.Errorf("templates: %s: a request planted a template", cfg)
		}
	}
}

// TestStuckGenerationMakesTheAgentUnhealthy: while a generation's
// JavaScript cannot be stopped (jsStuck, the project engine's
// generator.Config.JSStuck), /healthz and /readyz fail, naming why, so a
// liveness probe restarts the agent; once it ends by itself they pass
// again.
func TestStuckGenerationMakesTheAgentUnhealthy(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1}, tel)
	if code, _ := get(t, a, "/healthz"); code != 200 {
		t.Fatalf("healthz = %d before", code)
	}
	ended := a.jsStuck(&jsrt.StuckError{Err: &jsrt.TimeoutError{Limit: time.Second}})
	for _, path := range []string{"/healthz", "/readyz"} {
		if code, body := get(t, a, path); code != http.StatusServiceUnavailable || !strings.Contains(body, "cannot be interrupted") {
			t.Errorf("%s = %d %q, want 503 naming the stuck generation", path, code, body)
		}
	}
	ended()
	for _, path := range []string{"/healthz", "/readyz"} {
		if code, body := get(t, a, path); code != 200 {
			t.Errorf("%s = %d %q after the generation ended", path, code, body)
		}
	}
}

// TestStatusUnhealthyWhenIndexingFailsOrStuck: budgets met or not, the
// status is unhealthy while the templates cannot be indexed (a folder it
// cannot read: it said HEALTHY with 0 generators), after the folder it
// indexed has gone (it said HEALTHY next to "Indexing failed"), or while a
// generation is stuck.
func TestStatusUnhealthyWhenIndexingFailsOrStuck(t *testing.T) {
	tel, _ := telemetry(t)
	a := startAgent(t, Config{ProbeInterval: -1}, tel)
	if st := a.Status(); !st.Healthy {
		t.Fatalf("unhealthy from the start: %+v", st)
	}
	a.mu.Lock()
	a.index.Error = "open _templates/h/new: permission denied"
	a.mu.Unlock()
	if st := a.Status(); st.Healthy {
		t.Error("healthy with an indexing error")
	}
	restore := hideTemplates(t, a)
	a.reindex(context.Background())
	if st := a.Status(); st.Healthy || st.Index.Error == "" {
		t.Errorf("healthy %v, index error %q after its templates folder went", st.Healthy, st.Index.Error)
	}
	restore()
	a.reindex(context.Background())
	if st := a.Status(); !st.Healthy {
		t.Errorf("unhealthy once the folder is back: %+v", st.Index)
	}
	// An agent that never had a templates folder (one that only relays) is
	// not ready, but healthy.
	relay := startAgent(t, Config{ProbeInterval: -1, Cwd: t.TempDir()}, tel)
	if st := relay.Status(); !st.Healthy || st.Ready || st.Index.Error == "" {
		t.Errorf("an agent without templates: healthy %v, ready %v, index error %q", st.Healthy, st.Ready, st.Index.Error)
	}
	defer a.jsStuck(&jsrt.StuckError{Err: &jsrt.TimeoutError{Limit: time.Second}})()
	if st := a.Status(); st.Healthy || !strings.Contains(st.Stuck, "cannot be interrupted") {
		t.Errorf("healthy %v, stuck %q with a stuck generation", st.Healthy, st.Stuck)
	}
}

// hideTemplates moves a's templates folder away; the function it returns
// puts it back.
func hideTemplates(t *testing.T, a *Agent) (restore func()) {
	t.Helper()
	tmpl := filepath.Join(a.cfg.Cwd, "_templates")
	if err := os.Rename(tmpl, tmpl+".gone"); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		if err := os.Rename(tmpl+".gone", tmpl); err != nil {
			t.Fatal(err)
		}
	}
}

// A fault inside goja (here an eval in an arrow nested in an async hook,
// which indexes past a slice in goja's compiler) fails its request; it
// ended the process, and the agent with it.
func TestJavaScriptRuntimeFaultLeavesTheAgentServing(t *testing.T) {
	cwd := testfs.Tree(t, map[string]string{
		"_templates/bad/new/index.js": "const run = (f) => f()\nmodule.exports = { params: async ({ args }) => { run(() => eval('1')); return {} } }\n",
		"_templates/bad/new/a.t":      "---\nto: out/a.txt\n---\nhi\n",
		"_templates/ok/new/a.t":       "---\nto: out/ok.txt\n---\nhi\n",
	})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	for range 2 {
		code, resp := post(t, a, "k", GenerateRequest{Generator: "bad", Action: "new"})
		if code != http.StatusInternalServerError || !strings.Contains(resp.Error, "an internal error stopped the run: runtime error") {
			t.Errorf("got %d %q; want 500 with the runtime's fault", code, resp.Error)
		}
	}
	if code, resp := post(t, a, "k", GenerateRequest{Generator: "ok", Action: "new"}); code != http.StatusOK {
		t.Errorf("a good request after the fault: %d %q", code, resp.Error)
	}
}

// A missed generation budget whose time went to waiting for another run's
// folder lock says so: no phase times that wait, and the slowest phase
// alone explained a few percent of the missed p95.
func TestMissedGenerationBudgetNamesLockWaits(t *testing.T) {
	cwd := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/<%= name %>.txt\n---\nhi\n"})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	folder := filepath.Join(cwd, "out")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		lock, err := os.OpenFile(filepath.Join(folder, atomicfile.LockFile), os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := atomicfile.TryLock(lock); !ok || err != nil {
			t.Fatalf("taking the lock: %v, %v", ok, err)
		}
		release := time.AfterFunc(200*time.Millisecond, func() { lock.Close() })
		if code, resp := post(t, a, "k", GenerateRequest{Generator: "gen", Action: "new", Name: fmt.Sprint("x", i)}); code != http.StatusOK {
			t.Fatalf("generation %d: %d %q", i, code, resp.Error)
		}
		release.Stop()
		lock.Close()
	}
	for _, tg := range a.Status().Targets {
		if tg.Name != "generation_p95" {
			continue
		}
		if tg.Met == nil || *tg.Met {
			t.Fatalf("generation_p95 met=%v after runs waiting 200ms; want missed", tg.Met)
		}
		if !strings.Contains(tg.Reason, "outside its phases: waiting for the folder locks") {
			t.Errorf("reason %q; want it to name the wait for folder locks", tg.Reason)
		}
		return
	}
	t.Fatal("no generation_p95 target in the status")
}

// A stuck request's command line is logged cut short, and still as UTF-8:
// a megabyte of it went into every warning.
func TestLoggedArgsAreBounded(t *testing.T) {
	long := []string{"gen", "new", "--x=" + strings.Repeat("é", 1<<19)}
	got := logged(long)
	if len(got) > maxLoggedArgs+32 || !utf8.ValidString(got) || !strings.HasSuffix(got, fmt.Sprintf("(%d bytes)", len(strings.Join(long, " ")))) {
		t.Errorf("logged %d bytes: %.80q…", len(got), got)
	}
	if short := []string{"gen", "new", "x"}; logged(short) != "gen new x" {
		t.Errorf("logged(%q) = %q", short, logged(short))
	}
}

// The JavaScript memory limit is checked against the process's heap, which
// every generation running at once shares. A generation stopped by it while
// others ran is not known to be at fault: it is answered 503, to retry,
// saying why, and not 422, which blamed its template for what another
// request may have allocated. A generation stopped while it ran alone is
// still answered 422.
func TestMemoryLimitBlamesOnlyAGenerationThatRanAlone(t *testing.T) {
	spin := "---\nto: out<%= n %>.txt\n---\n<% const t = Date.now(); while (Date.now() - t < 20000) {} %>x\n"
	cwd := testfs.Tree(t, map[string]string{"_templates/spin/new/a.t": spin})
	tel, _ := telemetry(t)
	a := startAgent(t, Config{Cwd: cwd, ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	type answer struct {
		code       int
		retryAfter string
		resp       GenerateResponse
		err        error
	}
	generate := func(n int) answer {
		raw, _ := json.Marshal(GenerateRequest{Generator: "spin", Action: "new", Parameters: map[string]any{"n": n}})
		req, _ := http.NewRequest(http.MethodPost, "http://"+a.GenerateAddr()+"/v1/generate", bytes.NewReader(raw))
		req.Header.Set("Authorization", "Bearer k")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return answer{err: err}
		}
		defer resp.Body.Close()
		var out answer
		out.code, out.retryAfter = resp.StatusCode, resp.Header.Get("Retry-After")
		out.err = json.NewDecoder(resp.Body).Decode(&out.resp)
		return out
	}
	// stopped runs n generations at once and, once all of them run, lowers
	// the memory limit below any heap: each is stopped at its next check.
	stopped := func(n int) []answer {
		answers := make([]answer, n)
		var wg sync.WaitGroup
		for i := range answers {
			wg.Add(1)
			go func() { defer wg.Done(); answers[i] = generate(i) }()
		}
		testenv.WaitFor(t, fmt.Sprint(n, " generations running"), 10*time.Second, func() (bool, string) {
			return a.overlaps.running.Load() == int64(n), fmt.Sprint(a.overlaps.running.Load(), " running")
		})
		limit := debug.SetMemoryLimit(1)
		wg.Wait()
		debug.SetMemoryLimit(limit)
		return answers
	}
	if got := stopped(1)[0]; got.err != nil || got.code != http.StatusUnprocessableEntity || !strings.Contains(got.resp.Error, "memory limit") || strings.Contains(got.resp.Error, "shared") {
		t.Errorf("alone: got %d %q (%v); want 422 naming the memory limit", got.code, got.resp.Error, got.err)
	}
	for i, got := range stopped(2) {
		if got.err != nil || got.code != http.StatusServiceUnavailable || got.retryAfter == "" ||
			!strings.Contains(got.resp.Error, "shared by the generations running at once") || !strings.Contains(got.resp.Error, "memory limit") {
			t.Errorf("generation %d of two at once: got %d, Retry-After %q, %q (%v); want 503 saying the heap is shared", i+1, got.code, got.retryAfter, got.resp.Error, got.err)
		}
	}
}
