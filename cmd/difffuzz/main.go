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
	var done, mismatches, failed, hooked atomic.Int64
	seeds := make(chan uint64)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range seeds {
				t := NewTree(s, opt)
				if t.Hook != "" {
					hooked.Add(1)
				}
				d, _, _, err := f.compare(t)
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
					d2, a, b, err := f.compare(small)
					if err == nil && d2 == "" {
						// It did not happen again: keep the whole tree and
						// the first difference.
						small, label = t, "FLAKY"
						_, a, b, err = f.compare(t)
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
	fmt.Printf("difffuzz: %d trees (seeds %d..%d, %d with a hook), %d mismatches, %d could not run, %s\n",
		done.Load(), *seed, *seed+uint64(*n)-1, hooked.Load(), mismatches.Load(), failed.Load(), time.Since(start).Round(time.Second))
	if mismatches.Load() > 0 || failed.Load() > 0 {
		os.Exit(1)
	}
}
