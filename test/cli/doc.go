// Package cli runs the built hypergen binary the way a person would and
// checks what everyday use shows them: the project's switches, errors for
// settings that point at nothing, "did you mean" hints, help pages, shell
// completion and the flags' forms. Every test here goes through the binary.
package cli
