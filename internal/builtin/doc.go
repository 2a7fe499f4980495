// Package builtin holds hypergen's built-in generators, the ones a project
// without a templates root can run, as hygen falls back to its own:
// `init self` (installs the generator generator and `init repo` into
// ./_templates), `init repo`, and `generator new|with-prompt|help`.
//
// The templates are hypergen's own text, embedded in the binary. They write
// the files hygen 6.2.11's built-ins write, at the same paths, and the
// generators they create behave the same under both tools
// (test/differential/builtin_test.go runs both).
package builtin
