// Package order sorts template paths the way hygen does: with JavaScript's
// String.prototype.localeCompare, which Node implements with ICU collation.
// That order differs from byte order: punctuation sorts before digits and
// letters ('_' < '-' < '.' < '/'), and case only breaks ties ("b.t" < "B.t" <
// "b/c.t"). The generated files and the order of operations depend on it.
package order
