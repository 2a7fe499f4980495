// Package nodepath is Node.js's POSIX `path` module in Go: the functions that
// hygen exposes to templates as h.path, with Node's exact results for edge
// cases (empty segments, "..", trailing slashes, dotfiles).
package nodepath
