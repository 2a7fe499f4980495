package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

func TestTerminalAsker(t *testing.T) {
	choices := []string{"lib", "app"}
	u := jsvalue.Undefined
	tests := []struct {
		q     generator.Question
		typed string
		want  string // fmt %v of the answer
	}{
		{generator.Question{Type: "input", Name: "t", Initial: u}, "hello\n", "hello"},
		{generator.Question{Type: "input", Name: "t", Initial: "dflt"}, "\n", "dflt"},
		{generator.Question{Type: "confirm", Name: "c", Initial: u}, "maybe\ny\n", "true"},
		{generator.Question{Type: "confirm", Name: "c", Initial: u}, "\n", "false"},
		{generator.Question{Type: "toggle", Name: "c", Initial: true}, "\n", "true"},
		{generator.Question{Type: "select", Name: "s", Choices: choices, Initial: 1.0}, "\n", "app"},
		{generator.Question{Type: "select", Name: "s", Choices: choices, Initial: u}, "3\nlib\n", "lib"},
		{generator.Question{Type: "autocomplete", Name: "a", Choices: []string{"red", "green", "grey"}, Initial: u}, "gr\nee\n", "green"},
		{generator.Question{Type: "multiselect", Name: "m", Choices: choices, Initial: u}, "2, lib\n", "[lib app]"},
		{generator.Question{Type: "multiselect", Name: "m", Choices: choices, Initial: u}, "x\n\n", "[]"},
		{generator.Question{Type: "numeral", Name: "n", Initial: u}, "x\n4.5\n", "4.5"},
		{generator.Question{Type: "list", Name: "l", Initial: u}, "a, b,,c\n", "[a b  c]"}, // enquirer keeps the empty item
		{generator.Question{Type: "password", Name: "p", Initial: u}, "s3cret\n", "s3cret"},
		{generator.Question{Type: "input", Name: "v", Initial: u,
			Validate: func(a any) string {
				if a == "bad" {
					return "not that"
				}
				return ""
			}}, "bad\ngood\n", "good"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		ask := terminalAsker(context.Background(), bufio.NewReader(strings.NewReader(tt.typed)), &out, nil)
		got, err := ask(tt.q)
		if err != nil || fmt.Sprint(got) != tt.want {
			t.Errorf("%s question, typed %q: got %v, %v; want %s (screen: %q)", tt.q.Type, tt.typed, got, err, tt.want, out.String())
		}
	}
	ask := terminalAsker(context.Background(), bufio.NewReader(strings.NewReader("")), &bytes.Buffer{}, nil)
	if _, err := ask(generator.Question{Type: "input", Name: "t", Initial: u}); err == nil || !strings.Contains(err.Error(), "stdin closed") {
		t.Errorf("closed stdin: err = %v", err)
	}
	// A read a signal ended (Ctrl-C at the question) says so.
	interrupted := errors.New("interrupt signal received")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted)
	ask = terminalAsker(ctx, bufio.NewReader(strings.NewReader("")), &bytes.Buffer{}, nil)
	if _, err := ask(generator.Question{Type: "input", Name: "t", Initial: u}); !errors.Is(err, interrupted) || strings.Contains(err.Error(), "stdin closed") {
		t.Errorf("interrupted: err = %v", err)
	}
}

// TestStdinIsTerminal: /dev/null is a character device but not a terminal,
// and neither is a pipe.
func TestStdinIsTerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, f := range []*os.File{null, r} {
		if StdinIsTerminal(f) {
			t.Errorf("%s counts as a terminal", f.Name())
		}
	}
}

// An --answers file that is JSON but not an object says what it is, not
// which Go type it did not fit.
func TestReadAnswersNotAnObject(t *testing.T) {
	for text, want := range map[string]string{`["a"]`: "not an array", `"x"`: "not a string", `null`: "not null", `{"a": 1`: "not a JSON object"} {
		file := filepath.Join(t.TempDir(), "answers.json")
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := readAnswers(file)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "Go value") {
			t.Errorf("%s: err = %v, want it to say %q", text, err, want)
		}
	}
}

// An --answers file is read up to a bound: a pipe is read (answers another
// command made), a device without end is not read to it (/dev/zero filled
// the memory).
func TestReadAnswersIsBounded(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = w.Write([]byte(`{"x": "piped"}`)); w.Close() }()
	defer r.Close()
	a, err := readAnswers(fmt.Sprintf("/dev/fd/%d", r.Fd()))
	if err != nil || a["x"] != "piped" {
		t.Errorf("answers from a pipe = %v, %v", a, err)
	}
	if _, err := readBounded("/dev/zero", 1<<20); err == nil || !strings.Contains(err.Error(), "holds more than 1 MiB") {
		t.Errorf("/dev/zero: err = %v", err)
	}
}
