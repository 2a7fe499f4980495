package suggest

import "testing"

func TestClosest(t *testing.T) {
	cands := []string{"component", "page", "list", "benchmark", "dry"}
	for _, tt := range []struct {
		word, want string
		ok         bool
	}{
		{"compnent", "component", true},  // one deletion
		{"componnet", "component", true}, // a swap of neighbours is one edit
		{"pgae", "page", true},
		{"lsit", "list", true},
		{"dyr", "dry", true},
		{"benchmrak", "benchmark", true},
		{"Page", "page", true}, // case ignored
		{"page", "", false},    // the word itself is no suggestion
		{"x", "", false},
		{"zzzz", "", false},
		{"pages-admin", "", false},
	} {
		got, ok := Closest(tt.word, cands)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}
