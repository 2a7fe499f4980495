package cli

import (
	"strings"
	"testing"
)

func TestHelpPages(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args    []string
		want    string
		notWant string
	}{
		{[]string{"help", "help"}, "Usage: hypergen help", ""},
		{[]string{"help", "perf", "benchmark"}, "Usage: hypergen perf benchmark", "Commands:"},
		{[]string{"help", "perf"}, "Usage: hypergen perf COMMAND", ""},
		{[]string{"help", "version"}, "Usage: hypergen version", "Flags:"},
		{[]string{"help", "list"}, "Usage: hypergen list", ""},
	}
	for _, tt := range tests {
		r := run(t, dir, nil, tt.args...)
		if r.code != 0 || !strings.Contains(r.stdout, tt.want) || (tt.notWant != "" && strings.Contains(r.stdout, tt.notWant)) {
			t.Errorf("%v: want exit 0, %q and not %q; got %v", tt.args, tt.want, tt.notWant, r)
		}
	}
	if r := run(t, dir, nil, "help", "list"); !strings.Contains(r.stdout, "\nFlags:\n") {
		t.Errorf("a command with flags lists them: %v", r)
	}
}
