package generator

import (
	"fmt"
	"testing"
)

// Only a write that a later step rewrites before any command runs is left
// out.
func TestSuperseded(t *testing.T) {
	w := func(p string) step { return step{write: p, data: []byte(p)} }
	sh := step{shell: "touch b"}
	skipped := step{} // a skipped template: nothing to write
	tests := []struct {
		name  string
		steps []step
		want  string
	}{
		{"different files", []step{w("a"), w("b")}, "[false false]"},
		{"two injects into one file", []step{w("a"), w("b"), w("a")}, "[true false false]"},
		{"three", []step{w("a"), w("a"), skipped, w("a")}, "[true true false false]"},
		{"a command in between", []step{w("b"), sh, w("b")}, "[false false false]"},
		{"after the command", []step{w("b"), sh, w("b"), w("b")}, "[false false true false]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(superseded(tt.steps)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
