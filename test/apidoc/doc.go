// Package apidoc keeps hypergen's public Go API documented: every exported
// name of every public package must have a doc comment, and every public
// package a package comment. The public packages are listed here, so adding
// one is a deliberate act; everything else lives under internal/.
package apidoc
