package agent

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// GenerateRequest is the body of POST /v1/generate: either Args, a hygen
// command line as the CLI takes it, or the fields.
type GenerateRequest struct {
	Args       []string       `json:"args,omitempty"`
	Generator  string         `json:"generator,omitempty"`
	Action     string         `json:"action,omitempty"`
	Name       string         `json:"name,omitempty"`
	Parameters map[string]any `json:"parameters,omitempty"`
	DryRun     bool           `json:"dry_run,omitempty"`
}

// GenerateResponse is what a generation did.
type GenerateResponse struct {
	OK       bool                 `json:"ok"`
	Error    string               `json:"error,omitempty"`
	Ops      []generator.OpResult `json:"ops,omitempty"`
	Messages []string             `json:"messages,omitempty"`
	Output   string               `json:"output,omitempty"` // the lines the CLI would print
}

const maxRequestBytes = 1 << 20

func (a *Agent) handleGenerate(w http.ResponseWriter, r *http.Request) {
	refuse := func(code int, msg string) {
		a.tel.AgentRequest(r.Context(), "refused")
		writeJSON(w, code, GenerateResponse{Error: msg})
	}
	if !a.cfg.Generate.Enabled {
		refuse(http.StatusNotFound, "the generation API is off (start the agent with --enable-generate and HYPERGEN_AGENT_TOKEN)")
		return
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(a.cfg.Generate.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="hypergen"`)
		refuse(http.StatusUnauthorized, "missing or wrong bearer token")
		return
	}
	var req GenerateRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, maxRequestBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		refuse(http.StatusBadRequest, "bad request body: "+err.Error())
		return
	}
	args, err := req.commandLine()
	if err != nil {
		refuse(http.StatusBadRequest, err.Error())
		return
	}
	var out bytes.Buffer
	res, err := a.project.Run(generator.WithOutput(r.Context(), &out, &out), args)
	resp := GenerateResponse{OK: err == nil, Output: out.String()}
	if res != nil {
		resp.Ops, resp.Messages = res.Ops, res.Messages
	}
	if err != nil {
		resp.Error = err.Error()
		a.tel.AgentRequest(r.Context(), "error")
		code := http.StatusUnprocessableEntity
		var ue *generator.UsageError
		var nf *generator.NotFoundError
		if errors.As(err, &ue) || errors.As(err, &nf) {
			code = http.StatusBadRequest
		}
		writeJSON(w, code, resp)
		return
	}
	a.tel.AgentRequest(r.Context(), "ok")
	writeJSON(w, http.StatusOK, resp)
}

// commandLine turns a request into hygen arguments, refusing generator and
// action names that would leave the templates root.
func (req GenerateRequest) commandLine() ([]string, error) {
	args := req.Args
	if len(args) == 0 {
		if req.Generator == "" || req.Action == "" {
			return nil, errors.New("give args, or generator and action")
		}
		args = []string{req.Generator, req.Action}
		if req.Name != "" {
			args = append(args, req.Name)
		}
		keys := make([]string, 0, len(req.Parameters))
		for k := range req.Parameters {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			flags, err := flagsFor(k, req.Parameters[k])
			if err != nil {
				return nil, err
			}
			args = append(args, flags...)
		}
	}
	for i := 0; i < min(2, len(args)); i++ {
		seg, _, _ := strings.Cut(args[i], ":")
		if strings.ContainsAny(seg, `/\`) || seg == ".." || seg == "." {
			return nil, fmt.Errorf("%q is not a generator or action name", args[i])
		}
	}
	if req.DryRun {
		args = append(args, "--dry")
	}
	return args, nil
}

// flagsFor renders one parameter as command-line flags: a list repeats the
// flag, true is a bare flag, false is --no-KEY.
func flagsFor(key string, v any) ([]string, error) {
	if key == "" || strings.HasPrefix(key, "-") {
		return nil, fmt.Errorf("parameter name %q is not allowed", key)
	}
	switch x := v.(type) {
	case bool:
		if x {
			return []string{"--" + key}, nil
		}
		return []string{"--no-" + key}, nil
	case string:
		return []string{"--" + key + "=" + x}, nil
	case float64:
		return []string{"--" + key + "=" + jsvalue.FormatNumber(x)}, nil
	case []any:
		var out []string
		for _, e := range x {
			f, err := flagsFor(key, e)
			if err != nil {
				return nil, err
			}
			out = append(out, f...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("parameter %q: only strings, numbers, booleans and lists of them are accepted", key)
}
