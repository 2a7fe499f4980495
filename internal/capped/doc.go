// Package capped keeps what a child process writes to its captured streams
// up to a budget the streams share. A write past the budget is taken whole
// and what does not fit is dropped, so the copying goes on until whoever
// runs the process stops it (a hook's child_process call stops it at
// Node's maxBuffer; an sh: command runs to its end).
package capped
