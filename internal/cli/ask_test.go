package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

func TestTerminalAsker(t *testing.T) {
	choices := []string{"lib", "app"}
	tests := []struct {
		q     generator.Question
		typed string
		want  string // fmt %v of the answer
	}{
		{generator.Question{Type: "input", Name: "t", Initial: jsvalue.Undefined}, "hello\n", "hello"},
		{generator.Question{Type: "input", Name: "t", Initial: "dflt"}, "\n", "dflt"},
		{generator.Question{Type: "confirm", Name: "c", Initial: jsvalue.Undefined}, "maybe\ny\n", "true"},
		{generator.Question{Type: "confirm", Name: "c", Initial: jsvalue.Undefined}, "\n", "false"},
		{generator.Question{Type: "select", Name: "s", Choices: choices, Initial: 1.0}, "\n", "app"},
		{generator.Question{Type: "select", Name: "s", Choices: choices, Initial: jsvalue.Undefined}, "3\nlib\n", "lib"},
		{generator.Question{Type: "multiselect", Name: "m", Choices: choices, Initial: jsvalue.Undefined}, "2, lib\n", "[app lib]"},
		{generator.Question{Type: "numeral", Name: "n", Initial: jsvalue.Undefined}, "x\n4.5\n", "4.5"},
		{generator.Question{Type: "list", Name: "l", Initial: jsvalue.Undefined}, "a, b,,c\n", "[a b c]"},
		{generator.Question{Type: "input", Name: "v", Initial: jsvalue.Undefined,
			Validate: func(a any) string {
				if a == "bad" {
					return "not that"
				}
				return ""
			}}, "bad\ngood\n", "good"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		ask := terminalAsker(bufio.NewReader(strings.NewReader(tt.typed)), &out)
		got, err := ask(tt.q)
		if err != nil || fmt.Sprint(got) != tt.want {
			t.Errorf("%s question, typed %q: got %v, %v; want %s (screen: %q)", tt.q.Type, tt.typed, got, err, tt.want, out.String())
		}
	}
	ask := terminalAsker(bufio.NewReader(strings.NewReader("")), &bytes.Buffer{})
	if _, err := ask(generator.Question{Type: "input", Name: "t", Initial: jsvalue.Undefined}); err == nil || !strings.Contains(err.Error(), "stdin closed") {
		t.Errorf("closed stdin: err = %v", err)
	}
}
