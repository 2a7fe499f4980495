// Package jsrt runs compiled EJS templates on goja, a JavaScript runtime
// written in Go, so templates keep full JavaScript semantics (scoping, string
// coercion, regular expressions) without a Node.js process.
//
// A goja runtime is single-threaded, so callers take a VM from a Pool per
// goroutine. Compiled programs are shared: each distinct template text is
// translated and compiled once per process (Compile caches by content), and
// each VM instantiates a program once.
package jsrt
