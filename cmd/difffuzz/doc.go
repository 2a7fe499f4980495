// Command difffuzz is hypergen's differential fuzzer: it generates random
// but valid hygen template trees from a seed — EJS constructs, h helpers,
// frontmatter keys, inject targets and locations, flags and names — runs each
// through real hygen 6.2.11 and through hypergen, and reports every tree on
// which the exit status or the resulting files differ, shrunk to a minimal
// reproduction written as a differential-suite case folder.
//
// It is a long-running check, not part of `go test`:
//
//	scripts/difffuzz -n 2000 -seed 1
//	go run ./cmd/difffuzz -hygen .cache/test/hygen-*/node_modules/.bin/hygen -hypergen ./hypergen -n 100
//
// The same seed always gives the same trees, so a run can be repeated.
// Trees stay inside what both tools must agree on: inject targets exist and
// targets stay inside the project (the two deliberate differences of
// hypergen are not fuzzed).
package main
