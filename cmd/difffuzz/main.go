package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

type fuzzer struct {
	hygen, hypergen, tmp string
	timeout              time.Duration // per tool run
}

func main() {
	hygen := flag.String("hygen", "", "path to hygen 6.2.11's bin (required)")
	hypergen := flag.String("hypergen", "", "path to the hypergen binary (required)")
	seed := flag.Uint64("seed", 1, "first seed; tree i uses seed+i")
	n := flag.Int("n", 100, "number of trees")
	workers := flag.Int("workers", 2, "trees run at once")
	out := flag.String("out", "difffuzz-mismatches", "folder for shrunk reproductions")
	shrink := flag.Bool("shrink", true, "shrink each mismatch to a minimal tree")
	dump := flag.String("dump", "", "only write the tree of -seed into this folder and print its arguments")
	timeout := flag.Duration("timeout", time.Minute, "longest one tool may take on one tree (node starts slowly on a busy machine)")
	useOracle := flag.Bool("oracle", true, "run hygen's runner in one long-lived node process per worker (oracle.js), confirming every difference on hygen's command line")
	var opt Options
	flag.Float64Var(&opt.HookRate, "hooks", 0.12, "chance that a tree has an action hook (params, prompt function or question array)")
	flag.BoolVar(&opt.Node, "node", false, "hooks also use process.argv, __dirname, fs Dirents and statSync")
	flag.Parse()
	if *dump != "" {
		t := NewTree(*seed, opt)
		if err := t.Write(*dump); err != nil {
			fmt.Fprintln(os.Stderr, "difffuzz:", err)
			os.Exit(1)
		}
		fmt.Printf("%q\n", t.Args)
		return
	}
	if *hygen == "" || *hypergen == "" {
		fmt.Fprintln(os.Stderr, "difffuzz: -hygen and -hypergen are required")
		os.Exit(2)
	}
	tmp, err := os.MkdirTemp("", "difffuzz-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "difffuzz:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(tmp)
	f := &fuzzer{hygen: *hygen, hypergen: *hypergen, tmp: tmp, timeout: *timeout}

	start := time.Now()
	var done, mismatches, failed, hooked, artefacts, fallbacks atomic.Int64
	seeds := make(chan uint64)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var o *oracle
			if *useOracle {
				var err error
				if o, err = newOracle(*hygen, filepath.Join(tmp, "oracle.js"), *timeout); err != nil {
					fmt.Fprintln(os.Stderr, "difffuzz:", err)
					os.Exit(1)
				}
				defer func() { fallbacks.Add(int64(o.fallbacks)); o.stop() }()
			}
			for s := range seeds {
				t := NewTree(s, opt)
				if t.Hook != "" {
					hooked.Add(1)
				}
				d, _, _, err := f.compare(t, o)
				if err == nil && d != "" && o != nil {
					// Only hygen's command line decides: the oracle is a
					// faster stand-in for it.
					if d, _, _, err = f.compare(t, nil); err == nil && d == "" {
						artefacts.Add(1)
						fmt.Fprintf(os.Stderr, "seed %d: the oracle differed but hygen's command line agrees with hypergen\n", s)
					}
				}
				switch {
				case err != nil:
					failed.Add(1)
					fmt.Fprintf(os.Stderr, "seed %d: %v\n", s, err)
				case d != "":
					mismatches.Add(1)
					small, label := t, "MISMATCH"
					if *shrink {
						small = f.shrink(t)
					}
					d2, a, b, err := f.compare(small, nil)
					if err == nil && d2 == "" {
						// It did not happen again: keep the whole tree and
						// the first difference.
						small, label = t, "FLAKY"
						_, a, b, err = f.compare(t, nil)
					} else {
						d = d2
					}
					if err == nil {
						dir := filepath.Join(*out, fmt.Sprintf("seed-%d", s))
						err = writeRepro(dir, s, small, d, a, b)
						mu.Lock()
						fmt.Printf("%s seed %d -> %s\n%s\n", label, s, dir, d)
						mu.Unlock()
					}
					if err != nil {
						fmt.Fprintf(os.Stderr, "seed %d: %v\n", s, err)
					}
				}
				if c := done.Add(1); c%250 == 0 {
					fmt.Fprintf(os.Stderr, "%d trees, %d mismatches, %s\n", c, mismatches.Load(), time.Since(start).Round(time.Second))
				}
			}
		}()
	}
	for i := range *n {
		seeds <- *seed + uint64(i)
	}
	close(seeds)
	wg.Wait()
	fmt.Printf("difffuzz: %d trees (seeds %d..%d, %d with a hook), %d mismatches, %d could not run, %d oracle-only differences, %d run on the command line, %s\n",
		done.Load(), *seed, *seed+uint64(*n)-1, hooked.Load(), mismatches.Load(), failed.Load(), artefacts.Load(), fallbacks.Load(), time.Since(start).Round(time.Second))
	if mismatches.Load() > 0 || failed.Load() > 0 {
		_ = os.RemoveAll(tmp) // os.Exit skips the deferred removal
		os.Exit(1)
	}
}
