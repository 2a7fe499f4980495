// Package buildinfo says which hypergen this is: the version, commit and
// build date that the release build stamps in with -ldflags -X, or, for a
// `go install` or `go build` binary, the module version, VCS revision and
// dirty flag that the Go toolchain records in the binary. Both executables
// (hypergen and any sibling) read it from here, so one -X path stamps all.
package buildinfo
