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

// A write that a later one of the same file supersedes drops its content
// as the plan is made, which superseded then skips: every inject into one
// file kept its whole version (4,000 into an 800 KB file ran out of memory).
func TestAddWriteDropsWhatIsSuperseded(t *testing.T) {
	p := &planner{lastWrite: map[string]int{}}
	p.addWrite(step{write: "a", data: []byte("1")})
	p.addWrite(step{write: "b", data: []byte("x")})
	p.addWrite(step{write: "a", data: []byte("12")})
	skip := superseded(p.steps)
	for i, s := range p.steps {
		if (s.data == nil) != skip[i] {
			t.Errorf("step %d (%s): data %q, skipped %v; want data dropped exactly where superseded skips", i, s.write, s.data, skip[i])
		}
	}
	if string(p.steps[2].data) != "12" {
		t.Errorf("the last write of a = %q", p.steps[2].data)
	}
}
