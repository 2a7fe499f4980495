// Package jsrt runs compiled EJS templates on goja, a JavaScript runtime
// written in Go, so templates keep full JavaScript semantics (scoping, string
// coercion, regular expressions) without a Node.js process.
//
// A goja runtime is single-threaded, so callers take a VM from a Pool per
// goroutine. A Pool and its VMs serve one run and are then dropped, so no
// JavaScript state outlives a run; every global a run sees is installed in
// one place (VM.install, see setup.go). Compiled programs are shared: each
// distinct template text is translated and compiled once per process
// (Compile caches by content), and each VM instantiates a program once.
// Every call into JavaScript is bounded by the run's context, a wall-clock
// limit and a call-depth limit (see Limits).
package jsrt
