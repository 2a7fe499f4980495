// Command difffuzz is hypergen's differential fuzzer: it generates random
// but valid hygen template trees from a seed — EJS constructs, h helpers,
// frontmatter keys, inject targets and locations, flags and names — runs each
// through real hygen 6.2.11 and through hypergen, and reports every tree on
// which the exit status or the resulting files differ, shrunk to a minimal
// reproduction written as a differential-suite case folder.
//
// Hook files (-hooks, the chance of one per tree) are params() hooks, prompt()
// functions and question arrays that read path and fs (with -node also
// process.argv, __dirname, Dirents and statSync); their questions are named
// after flags the command line gives, as hygen would otherwise wait for an
// answer.
//
// It is a long-running check, not part of `go test`:
//
//	scripts/difffuzz -n 2000 -seed 1
//	N=2000 SEED=300000 scripts/difffuzz -hooks 1   # every tree with a hook
//	go run ./cmd/difffuzz -hygen .cache/test/hygen-*/node_modules/.bin/hygen -hypergen ./hypergen -n 100
//
// By default hygen runs as its runner in one long-lived node process per
// worker (oracle.js, configured as hygen's bin.js configures it), which saves
// node's start-up per tree; a tree on which a question is really asked runs
// on hygen's command line instead, and every difference is confirmed there
// before it counts (-oracle=false uses the command line throughout).
//
// The same seed always gives the same trees, so a run can be repeated.
// Trees stay inside what both tools must agree on: inject targets exist and
// targets stay inside the project (the two deliberate differences of
// hypergen are not fuzzed).
package main
