// Package parallel runs work over a list of items on a bounded number of
// goroutines, keeping results in input order and collecting every item's
// error. The engine renders an action's templates with it.
package parallel
