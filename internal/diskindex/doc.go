// Package diskindex is hypergen's persistent index: for each action folder it
// remembers the template files in the order hygen processes them, so a cold
// process skips the walk, the .hygenignore rules and the locale-aware sort,
// and reads only the one small shard its action needs.
//
// An entry is trusted only while every folder and .hygenignore file it was
// built from has the same identity, size, modification and change time as
// when it was built; anything else (a file added, removed or renamed, an
// ignore rule edited) makes it stale and it is rebuilt. Changes made too close
// to the moment an entry was built to be told apart by the file system's
// clock make that entry "racy", and a racy entry is never trusted — the rule
// git uses for its index. Template contents are not in the index at all: they
// are read on every run and compiled templates are cached by content, so an
// edited template cannot be served stale.
//
// Shards carry a format line and a checksum; a corrupt, truncated or foreign
// shard is ignored and rebuilt. When the cache folder cannot be written the
// index keeps its entries in memory for the life of the process and warns
// once.
package diskindex
