// Package uniprop gives goja the Unicode property escapes of JavaScript's
// regular expressions: \p{Lu}, \P{Letter}, \p{Script=Greek} in a pattern
// with the u flag. goja's translation to Go's regexp syntax reads \p as a
// plain "p", so /\p{Lu}/u never matches and libraries built on such
// patterns (change-case 5 splits words with them) return wrong results
// without an error. Rewrite replaces each escape in a source's regular
// expression literals with the explicit character class of the property,
// taken from Go's unicode tables, before goja compiles the source.
//
// Only literals are rewritten: a pattern built at run time with
// new RegExp(…, 'u') still has goja's behaviour.
package uniprop
