// Package jsregexp compiles JavaScript regular expressions (the patterns of
// inject's before, after and skip_if, and of subactions) with regexp2, so
// that they match as V8 matches them in hygen. regexp2's ECMAScript mode
// follows .NET where JavaScript differs: its multiline ^ and $ know only
// "\n" as a line end, its "." takes U+2028 and U+2029, its \b counts
// letters beyond ASCII, and it reads escapes and groups JavaScript does not
// have (\A, \z, \G, (?i)). Compile rewrites a pattern into regexp2's
// dialect before it is compiled.
package jsregexp
