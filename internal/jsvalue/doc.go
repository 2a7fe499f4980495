// Package jsvalue is the small value model the engine uses for data that ends
// up inside templates: frontmatter attributes, command-line flags and locals.
//
// hygen is a JavaScript program, so the values it hands to templates follow
// JavaScript rules: objects keep their property order, numbers are float64,
// truthiness is JavaScript truthiness and String(x) formats numbers the way
// JavaScript does. Go code that decides what an operation does (is `to`
// truthy? what does `at_line` mean?) uses these helpers so that it reaches the
// same answer hygen would, without a round trip through the JavaScript runtime.
package jsvalue
