package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// readAnswers reads an --answers file: a JSON object of question name to
// answer.
func readAnswers(file string) (map[string]any, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("--answers: %w", err)
	}
	var answers map[string]any
	if err := json.Unmarshal(raw, &answers); err != nil {
		return nil, fmt.Errorf("--answers %s: not a JSON object of question names to answers: %v", file, err)
	}
	return answers, nil
}

// terminalAsker asks hook questions on a terminal, one line per answer.
// It is deliberately plain (no cursor keys): a select is answered with the
// number or the name of a choice.
func terminalAsker(in *bufio.Reader, out io.Writer) func(generator.Question) (any, error) {
	return func(q generator.Question) (any, error) {
		for {
			fmt.Fprintf(out, "? %s%s ", q.Message, hint(q))
			line, err := in.ReadString('\n')
			if err != nil && line == "" {
				return nil, fmt.Errorf("question %q: no answer (stdin closed)", q.Name)
			}
			answer, problem := parseAnswer(q, strings.TrimSpace(line))
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

// hint shows the default and, for a select, the numbered choices.
func hint(q generator.Question) string {
	var b strings.Builder
	if len(q.Choices) > 0 {
		for i, c := range q.Choices {
			fmt.Fprintf(&b, "\n  %d) %s", i+1, c)
		}
		b.WriteString("\n ")
	}
	switch {
	case q.Type == "confirm" && q.Initial == true:
		b.WriteString(" (Y/n)")
	case q.Type == "confirm":
		b.WriteString(" (y/N)")
	case q.Initial != jsvalue.Undefined:
		fmt.Fprintf(&b, " (%s)", jsvalue.ToString(q.Initial))
	}
	return b.String()
}

// parseAnswer turns a typed line into the value enquirer would give for the
// question's type; problem is non-empty when the line does not fit.
func parseAnswer(q generator.Question, line string) (answer any, problem string) {
	if line == "" && q.Initial != jsvalue.Undefined {
		if n, ok := q.Initial.(float64); ok && len(q.Choices) > 0 && int(n) >= 0 && int(n) < len(q.Choices) {
			return q.Choices[int(n)], ""
		}
		return q.Initial, ""
	}
	switch q.Type {
	case "confirm", "toggle":
		switch strings.ToLower(line) {
		case "y", "yes", "true":
			return true, ""
		case "", "n", "no", "false":
			return false, ""
		}
		return nil, "answer y or n"
	case "numeral", "number":
		n, err := strconv.ParseFloat(line, 64)
		if err != nil {
			return nil, "enter a number"
		}
		return n, ""
	case "list":
		return splitList(line), ""
	case "select", "autocomplete":
		c, ok := choice(q.Choices, line)
		if !ok {
			return nil, fmt.Sprintf("enter a number from 1 to %d or a choice's name", len(q.Choices))
		}
		return c, ""
	case "multiselect":
		var picked []any
		for _, part := range splitList(line) {
			c, ok := choice(q.Choices, part.(string))
			if !ok {
				return nil, fmt.Sprintf("%q is not one of the choices", part)
			}
			picked = append(picked, c)
		}
		return picked, ""
	}
	return line, ""
}

func splitList(line string) []any {
	var out []any
	for _, p := range strings.Split(line, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// choice finds a choice by its 1-based number or its name.
func choice(choices []string, s string) (string, bool) {
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(choices) {
		return choices[n-1], true
	}
	for _, c := range choices {
		if c == s {
			return c, true
		}
	}
	return "", false
}
