// Package inflect provides the string helpers hygen templates reach through
// h.inflection.* and h.changeCase.*, reimplemented in Go with output that is
// byte-for-byte what hygen 6.2.11 produces.
//
// hygen 6.2.11 resolves these helpers to the npm packages inflection 1.13.4
// and change-case 3.1.0 (whose word splitting is no-case 2.3.2), plus its
// own h.inflection.undasherize and h.capitalize. Their results also depend
// on the JavaScript engine's String.prototype.toUpperCase and toLowerCase;
// the reference is node 20.20 (Unicode 17.0).
//
// Templates call these helpers on every render, so running the original JS
// in an embedded interpreter would put a slow VM round trip on the hot
// path; plain Go string scanning is far faster and allocates little.
//
// The functions take strings that the caller has already converted the way
// JS String() would. Where the JS API has optional arguments, the Go
// signature spells them out: booleans for flags, a trailing variadic for
// override strings. change-case's locale argument is not supported; hygen
// does not pass one, and calls behave as if it were omitted.
//
// Deliberate fidelity includes upstream quirks: Singularize("analyses") is
// "analyasis", Pluralize("PERSON") is "PEople", and Undasherize fails on an
// empty word where the JS version throws a TypeError.
//
// testdata/golden.json records the reference output of every function for
// about 1,500 inputs, along with per-character case and classification data
// for the whole Unicode range; testdata/gen_golden.js regenerates it from a
// hygen installation.
package inflect
