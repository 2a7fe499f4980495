package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/prompt"
)

// readAnswers reads an --answers file: a JSON object of question name to
// answer.
func readAnswers(file string) (map[string]any, error) {
	raw, err := readBounded(file, maxAnswersSize)
	if err != nil {
		return nil, fmt.Errorf("--answers: %w", err)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("--answers %s: not a JSON object of question names to answers: %v", file, err)
	}
	answers, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("--answers %s: want a JSON object of question names to answers, not %s", file, jsonKind(doc))
	}
	return answers, nil
}

// maxAnswersSize bounds an --answers file: a pipe is read, as answers made
// by another command are (--answers <(jq …), /dev/stdin), but a device
// that never ends (/dev/zero filled the memory) is not read to its end.
const maxAnswersSize = 64 << 20

// readBounded reads file, failing when it holds more than max bytes.
func readBounded(file string, max int64) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		err = fmt.Errorf("%s holds more than %d MiB", file, max>>20)
	}
	return b, err
}

// jsonKind names the kind of a decoded JSON value, for a message.
func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	}
	return "null"
}

// StdinIsTerminal reports whether f is an interactive terminal. A character
// device is not enough: /dev/null is one, and must count as "nobody to ask".
func StdinIsTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// terminalAsker asks hook questions on a terminal, one line per answer.
// It is deliberately plain (no cursor keys): a select is answered with the
// number or the name of a choice, a multiselect with several, separated by
// commas. hideTyping, if not nil, turns echo off for a password answer and
// returns what turns it back on.
// A read that a signal ended (ctx's cause) says so, not that stdin closed.
func terminalAsker(ctx context.Context, in *bufio.Reader, out io.Writer, hideTyping func() (func(), error)) func(generator.Question) (any, error) {
	return func(q generator.Question) (any, error) {
		secret := (q.Type == "password" || q.Type == "invisible") && hideTyping != nil
		for {
			var restore func()
			if secret {
				var err error
				if restore, err = hideTyping(); err != nil {
					return nil, fmt.Errorf("question %q: cannot hide the answer as it is typed (%v); give it with --answers", q.Name, err)
				}
			}
			fmt.Fprintf(out, "? %s%s ", q.Message, hint(q))
			line, err := in.ReadString('\n')
			if restore != nil {
				restore()
				fmt.Fprintln(out) // the typed newline was not echoed either
			}
			if err != nil && line == "" {
				if cause := context.Cause(ctx); cause != nil {
					return nil, fmt.Errorf("question %q: no answer: %w", q.Name, cause)
				}
				return nil, fmt.Errorf("question %q: no answer (stdin closed)", q.Name)
			}
			answer, problem := prompt.Parse(q, line)
			if problem == "" && q.Validate != nil {
				problem = q.Validate(answer)
			}
			if problem == "" {
				return answer, nil
			}
			fmt.Fprintf(out, "  %s\n", problem)
		}
	}
}

// hint shows the numbered choices and what enter alone answers.
func hint(q generator.Question) string {
	var b strings.Builder
	if len(q.Choices) > 0 {
		for i, c := range q.Choices {
			fmt.Fprintf(&b, "\n  %d) %s", i+1, c)
		}
		if q.Type == "multiselect" {
			b.WriteString("\n  (numbers or names, separated by commas)")
		}
		b.WriteString("\n ")
	}
	initial, ok, _ := prompt.Initial(q)
	switch {
	case (q.Type == "confirm" || q.Type == "toggle") && initial == true:
		b.WriteString(" (Y/n)")
	case q.Type == "confirm" || q.Type == "toggle":
		b.WriteString(" (y/N)")
	case ok && q.Type != "password" && q.Type != "invisible":
		fmt.Fprintf(&b, " (%s)", jsvalue.ToString(initial))
	}
	return b.String()
}
