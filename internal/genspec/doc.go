// Package genspec reads a Hypergen generator's template.yml — its name,
// description, tags, category and typed variables — and checks a run's
// locals against it: every problem is reported at once, naming the variable,
// and variables the command line leaves out get their defaults.
//
// hygen has no such file; it is Hypergen's own addition. Values arrive as
// yargs-parser made them (numeric strings are already numbers, "--x false"
// is the string "false"), so each type accepts the forms a command line can
// produce: a string variable takes a number back as its text, a boolean
// takes "true"/"false", an array takes "a,b", an object takes JSON.
package genspec
