// Package prompt knows the enquirer question types hygen users write —
// input, password, confirm, toggle, numeral, list, select, autocomplete and
// multiselect — and what an answer to each looks like: what enquirer answers
// when the user just presses enter (the question's initial value), how an
// answer given as a flag, in an --answers file or typed at a terminal becomes
// a value of the question's type, and whether it is among the question's
// choices. It does no input or output itself.
package prompt
