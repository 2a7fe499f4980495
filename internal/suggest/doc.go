// Package suggest finds the word a person probably meant when they mistyped
// a generator, action, command or flag, for "did you mean" hints.
package suggest
