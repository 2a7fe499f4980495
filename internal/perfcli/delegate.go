package perfcli

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
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/agent"
	"github.com/hypergen-dev/hypergen/internal/cli"
	"github.com/hypergen-dev/hypergen/internal/ownsocket"
)

// delegateGenerate sends a generation to a running agent (HYPERGEN_AGENT_URL,
// with HYPERGEN_AGENT_TOKEN) instead of running it here, so a non-Go
// service in the same pod gets the agent's warm engine. The agent writes
// below its own project root. A URL "unix:/path" reaches an agent whose
// generation API listens on a unix socket.
func delegateGenerate(env *cli.Env, url string, args []string) int {
	body, err := json.Marshal(agent.GenerateRequest{Args: args})
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
		return cli.ExitFail
	}
	// An agent never redirects, and a followed redirect would carry the
	// bearer token elsewhere (Go keeps Authorization for the same host on
	// another port): the 3xx itself is answered below as a failure.
	client := &http.Client{Timeout: 2 * time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	base := strings.TrimRight(url, "/")
	if sock, ok := strings.CutPrefix(url, "unix:"); ok {
		// The request carries the token: only to an agent of this user.
		if err := ownsocket.Check(sock); err != nil && !errors.Is(err, fs.ErrNotExist) { // the dial says nothing answers there
			fmt.Fprintf(env.Stderr, "hypergen: HYPERGEN_AGENT_URL=%s: %v; the agent token goes only to an agent of one's own, so nothing was sent\n", url, err)
			return cli.ExitFail
		}
		client.Transport = &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", sock)
		}}
		base = "http://agent"
	}
	req, err := http.NewRequest(http.MethodPost, base+"/v1/generate", bytes.NewReader(body))
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: HYPERGEN_AGENT_URL=%q: %v\n", url, err)
		return cli.ExitUsage
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+env.Getenv("HYPERGEN_AGENT_TOKEN"))
	resp, err := client.Do(req)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: the agent at %s did not answer: %v\n", url, err)
		return cli.ExitFail
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		fmt.Fprintf(env.Stderr, "hypergen: the agent at %s answered %s to %q; an agent does not redirect, so it was not followed (the token goes only to HYPERGEN_AGENT_URL)\n",
			url, resp.Status, resp.Header.Get("Location"))
		return cli.ExitFail
	}
	// As a local run exits: 2 for a usage error, 1 for any other failure,
	// an unknown generator or action (404) included.
	failed := cli.ExitFail
	if resp.StatusCode == http.StatusBadRequest {
		failed = cli.ExitUsage
	}
	answer, err := io.ReadAll(limitAnswer(resp.Body, maxGenerateAnswer))
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: the agent at %s answered %s without a result: %v\n", url, resp.Status, err)
		return cli.ExitFail
	}
	var out agent.GenerateResponse
	if err := json.Unmarshal(answer, &out); err != nil || (!out.OK && out.Error == "") {
		// Not an agent's answer (a proxy's error page, or the URL named a
		// path the agent does not serve): what came back says more than
		// the JSON decoder's complaint about it.
		hint := ""
		if resp.StatusCode == http.StatusNotFound && strings.HasSuffix(base, "/v1/generate") {
			hint = " (HYPERGEN_AGENT_URL is the agent's address, without /v1/generate)"
		}
		fmt.Fprintf(env.Stderr, "hypergen: the agent at %s answered %s, not a generation result: %s%s\n", url, resp.Status, excerpt(answer), hint)
		return failed
	}
	fmt.Fprint(env.Stdout, out.Output)
	if out.OK {
		return cli.ExitOK
	}
	fmt.Fprintf(env.Stderr, "hypergen: (agent %s) %s\n", url, out.Error)
	return failed
}

// maxExcerpt bounds how much of an answer that is not a result is shown.
const maxExcerpt = 200

// excerpt is the start of an answer body for a message: on one line, its
// control characters escaped, cut to maxExcerpt bytes.
func excerpt(body []byte) string {
	s := strings.Join(strings.Fields(strings.ToValidUTF8(string(body[:min(len(body), 4*maxExcerpt)]), "\uFFFD")), " ")
	if s == "" {
		return "(an empty body)"
	}
	switch {
	case len(s) > maxExcerpt:
		cut := maxExcerpt
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	case len(body) > 4*maxExcerpt:
		s += "…"
	}
	return printable(s)
}
