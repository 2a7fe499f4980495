package testenv

import "testing"

// FreeAddr never returns an address twice in a process, however often the
// kernel hands the same port out again.
func TestFreeAddrNeverRepeats(t *testing.T) {
	seen := map[string]bool{}
	for range 3000 {
		a := FreeAddr(t)
		if seen[a] {
			t.Fatalf("%s returned twice", a)
		}
		seen[a] = true
	}
}
