// Package ejs translates EJS templates into JavaScript function source, with
// the semantics of ejs 3.1 as hygen calls it (no options): every tag form,
// whitespace slurping, HTML escaping through escapeFn and a `with (locals)`
// scope, so an undefined bare name throws exactly as it does under hygen.
//
// It only produces source text. Running it is the job of the JavaScript
// runtime (internal/jsrt), which compiles each distinct source once and
// reuses the compiled program across renders and goroutines.
package ejs
