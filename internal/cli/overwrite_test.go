package cli

import "testing"

// The overwrite question's answers, read as enquirer reads the keys of
// hygen's confirm prompt.
func TestOverwriteAnswer(t *testing.T) {
	for line, want := range map[string]bool{
		"y\n": true, "yes\n": true, "true\n": true, "1\n": true, "t": true, "okay\n": true, " y\n": true, "Y\n": true,
		"n\n": false, "no\n": false, "nope\n": false, "0\n": false, "false\n": false, "\n": false, "": false, "maybe\n": true, "zzz\n": false,
	} {
		if got := overwriteAnswer(line); got != want {
			t.Errorf("overwriteAnswer(%q) = %v, want %v", line, got, want)
		}
	}
}
