// Package argv parses a hygen command line into template locals.
//
// hygen 6.2.11 hands its arguments to the npm package yargs-parser 21.1.1
// called with no options, and every resulting key becomes a template
// local. Templates can therefore observe every quirk of that parser, so this
// package reproduces its default behaviour exactly rather than following
// usual Go flag conventions:
//
//   - "--k=v", "--k v", "-k v", "-k=v", "-k5" and short groups such as
//     "-abc" set flags; a flag with no value is true and "--no-k" is false;
//   - values stay strings ("--k true" is the string "true") unless they look
//     like a number whose integer part a float64 holds exactly, in which case
//     they become float64, and so do positionals;
//   - repeated flags collect into an array, "a.b" keys build nested objects,
//     and "--foo-bar" also sets "fooBar";
//   - everything after a bare "--" is positional and left uncoerced.
//
// Values use the jsvalue model: string, float64, bool, []any and *jsvalue.Object.
// Object keeps JavaScript property order, because templates that iterate
// over locals see that order.
//
// The golden test in testdata was produced by the real parser; regenerate it
// with testdata/gen_golden.js when adding cases.
//
// Deliberate differences, all confined to inputs nobody types on purpose:
//
//   - "--_ 1" (a flag named "_" whose value is the number 1) appends 1 to the
//     positionals; yargs-parser turns its positional list into a string and
//     then throws on the next positional.
//   - A nested key named after an Object.prototype member, such as
//     "--a.constructor", is a plain key here; in JavaScript it collides with
//     the inherited function.
//   - Case mapping for camel-case twins uses Go's one-to-one Unicode
//     mapping, so "--a-ß" gives "aß" where JavaScript gives "aSS".
//   - A key with 64 dots or more ("--a.a.….b") is one key, kept whole,
//     rather than that many nested objects.
//   - Short groups are split into Unicode characters; JavaScript splits
//     characters outside the Basic Multilingual Plane into lone surrogates,
//     which a Go string cannot hold.
package argv
