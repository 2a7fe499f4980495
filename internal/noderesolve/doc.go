// Package noderesolve finds the file a CommonJS require(id) loads, with
// Node.js's algorithm: relative and absolute paths as files, then with .js,
// .json and .node, then as folders (package.json "main", index files); bare
// names in node_modules folders from the requiring folder upward, honouring
// package.json "exports" with the require, node and default conditions.
//
// It only resolves: it reads package.json files and checks that files exist,
// and never runs anything. Core module names (fs, path, …) are the caller's
// business; IsBuiltin tells them apart.
package noderesolve
