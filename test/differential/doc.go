// Package differential runs every case under testdata/ through real hygen 6.2.11
// (the oracle, pinned by hygen/package-lock.json) and through the hypergen binary,
// and demands the same result: the same exit code and byte-identical file trees.
//
// # Layout of a case
//
//	testdata/NN-short-name/
//	  case.json   what to run and what the case is about (see below)
//	  project/    the starting project: _templates/… plus any pre-existing files
//	  want/       hygen's own result, written by -update:
//	    exit      hygen's exit code
//	    stdout    hygen's stdout, for reading only (ANSI codes stripped, temp paths as <work>)
//	    work/     the complete tree hygen left behind (see "Work area")
//
// case.json fields:
//
//	about            one line for humans
//	args             argv after the program name, e.g. ["component", "new", "Button"]
//	env              extra environment variables (optional)
//	stdin            text piped to stdin (optional; default: empty, non-terminal)
//	exit             the exit code hygen is expected to give (default 0); checked on -update too,
//	                 so a golden can never silently record an error case that did not error
//	stdout_contains  strings both tools must print on stdout (echo, message)
//	node_modules     true: the packages of npm/package.json (pinned by its lock file, installed
//	                 once with npm ci into the cache) are linked as <tmp>/<case>/<tool>/node_modules,
//	                 above the work area, where a hook's require finds them and the comparison does not
//	covers           rows of /work/shared/HYGEN-FORMAT.md this case exercises; the vocabulary is
//	                 formatRows in coverage_test.go, and TestCoverage demands every row is covered
//	expect           a deliberate difference: {"hypergen_exit": 1, "hypergen_unchanged": true, "why": "…"}
//	                 hygen is still held to want/, hypergen is held to this instead of to hygen
//
// # Work area
//
// Each tool runs in its own fresh <tmp>/<case>/<tool>/work/project (a copy of project/), with
// that folder as cwd, and the whole work/ folder is compared. A template that writes to
// ../escape.txt therefore lands in work/, inside the temp area, and is seen by the comparison.
//
// The environment is fixed and minimal: PATH, HOME (an empty temp folder),
// HYGEN_TS=1700000000000, NO_COLOR=1, FORCE_COLOR=0, plus the case's env.
//
// # Running
//
//	go test ./test/differential                      # hygen must match want/, hypergen must match hygen
//	go test ./test/differential -run 'Differential/07' -v
//	go test ./test/differential -update              # rerun hygen only and rewrite every want/
//	go test ./test/differential -run TestCoverage -v # print the covers matrix
//
// TestMain installs hygen once with `npm ci` into $HYPERGEN_TEST_CACHE (default
// os.UserCacheDir()/hypergen-test), in a folder keyed by the hash of the lock file, and builds
// hypergen once from the module root (HYPERGEN_BIN=/path/to/hypergen tests a prebuilt binary
// instead). npm and node are required: without them the suite fails,
// unless HYPERGEN_SKIP_DIFFERENTIAL=1 is set. If hypergen does not build, the build error is
// reported once and every case's hypergen half fails; hygen's half still runs.
package differential
