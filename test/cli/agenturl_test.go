package cli

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// A HYPERGEN_AGENT_URL that cannot be an agent's address is a usage error
// naming the variable, before anything is sent; a well-formed address that
// nothing answers on is a failure to reach the agent.
func TestAgentURLChecked(t *testing.T) {
	dir := project(t)
	tests := []struct {
		url  string
		code int
		want string
	}{
		{"not a url", 2, `HYPERGEN_AGENT_URL="not a url": want http://HOST:PORT`},
		{"ftp://127.0.0.1:9465", 2, "want http://HOST:PORT"},
		{"http://", 2, "want http://HOST:PORT"},
		{"http://127.0.0.1:99999", 2, `port "99999" is not a port number`},
		{"unix:relative.sock", 2, "an absolute socket path"},
		{"http://127.0.0.1:1", 1, "did not answer"},
		{"unix:/nonexistent/agent.sock", 1, "did not answer"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := run(t, dir, []string{"HYPERGEN_AGENT_URL=" + tt.url, "HYPERGEN_AGENT_TOKEN=x"}, "component", "new", "Button")
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("want exit %d and %q on stderr; got %v", tt.code, tt.want, r)
			}
		})
	}
}

// A unix: agent address is only sent the token when the socket belongs to
// this user: one another user bound, or a file that is no socket, is
// refused before anything is sent.
func TestAgentURLSocketMustBeOwn(t *testing.T) {
	dir := project(t)
	folder := t.TempDir()
	notSocket := filepath.Join(folder, "file.sock")
	if err := os.WriteFile(notSocket, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, want string }{{notSocket, "is not a socket"}}
	var got atomic.Int32
	if os.Geteuid() == 0 {
		foreign := filepath.Join(folder, "foreign.sock")
		ln, err := net.Listen("unix", foreign)
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		if err := os.Chown(foreign, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				got.Add(1)
				c.Close()
			}
		}()
		cases = append(cases, struct{ path, want string }{foreign, "belongs to user 65534, not to this user (0)"})
	}
	for _, c := range cases {
		r := run(t, dir, []string{"HYPERGEN_AGENT_URL=unix:" + c.path, "HYPERGEN_AGENT_TOKEN=secret"}, "component", "new", "Button")
		if r.code != 1 || !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "nothing was sent") {
			t.Errorf("%s: want exit 1 and %q; got %v", c.path, c.want, r)
		}
	}
	if n := got.Load(); n != 0 {
		t.Errorf("the other user's socket was connected to %d times", n)
	}
	if len(cases) == 1 {
		t.Log("not root: another user's socket was not tried")
	}
}

// An address that answers with a redirect is a failure naming the status
// and the Location, and the redirect is not followed: the client followed
// it, sending the bearer token to whatever the Location named (Go keeps
// Authorization for the same host on another port).
func TestAgentURLRedirectNotFollowed(t *testing.T) {
	dir := project(t)
	var leaked atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true,"output":"elsewhere\n"}`)
	}))
	defer elsewhere.Close()
	target := elsewhere.URL + "/v1/generate"
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target, http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	r := run(t, dir, []string{"HYPERGEN_AGENT_URL=" + redirector.URL, "HYPERGEN_AGENT_TOKEN=secret"}, "component", "new", "Button")
	if r.code != 1 || !strings.Contains(r.stderr, "307 Temporary Redirect") || !strings.Contains(r.stderr, target) {
		t.Errorf("want exit 1 naming the 307 and %s; got %v", target, r)
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("the token was sent to the redirect's target %d times", n)
	}
}

// An answer that is not a generation result (a proxy's error page, or the
// agent's own 404 for a HYPERGEN_AGENT_URL that already ends in
// /v1/generate) is reported as its status and the start of its body, with
// the exit a local run would have; it was reported as the JSON decoder's
// complaint ("cannot unmarshal number", for "404 page not found").
func TestAgentURLAnswerThatIsNoResult(t *testing.T) {
	dir := project(t)
	cases := []struct {
		name    string
		handler http.HandlerFunc
		code    int
		want    string
	}{
		{"404 page", http.NotFound, 1, "answered 404 Not Found, not a generation result: 404 page not found\n"},
		{"/v1/generate", http.NotFound, 1, "404 page not found (HYPERGEN_AGENT_URL is the agent's address, without /v1/generate)"},
		{"html 502", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusBadGateway)
			io.WriteString(w, "<html>\n<body>bad\tgateway\x1b[2J</body>\n</html>\n")
		}, 1, `answered 502 Bad Gateway, not a generation result: <html> <body>bad gateway\x1b[2J</body> </html>`},
		{"wrong shape 400", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"code":400,"message":"nope"}`)
		}, 2, `answered 400 Bad Request, not a generation result: {"code":400,"message":"nope"}`},
		{"long", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, strings.Repeat("x", 5000))
		}, 1, "not a generation result: " + strings.Repeat("x", 200) + "…\n"},
		{"empty", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }, 1,
			"answered 503 Service Unavailable, not a generation result: (an empty body)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(c.handler)
			defer srv.Close()
			url := srv.URL
			if c.name == "/v1/generate" {
				url += "/v1/generate"
			}
			r := run(t, dir, []string{"HYPERGEN_AGENT_URL=" + url, "HYPERGEN_AGENT_TOKEN=secret"}, "component", "new", "Button")
			if r.code != c.code || !strings.Contains(r.stderr, c.want) || strings.Contains(r.stderr, "json:") {
				t.Errorf("want exit %d and %q; got %v", c.code, c.want, r)
			}
		})
	}
}
