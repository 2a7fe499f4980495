// Package hygenignore decides which files of an action folder its
// .hygenignore files leave out, as hygen 6.2.11 does: hygen lists templates
// with the npm package ignore-walk 4, which reads each folder's rules with
// minimatch 3 (options matchBase, dot, nocase and flipNegate), not with
// gitignore's rules. So a rule without a slash matches a name at any depth,
// a rule with one matches a path from the rule file's folder (with or
// without a leading slash), the case of letters does not matter, "*"
// matches names that start with a dot, and a "!rule" takes back what an
// earlier rule left out, including a folder that something inside it could
// be taken back from. The rules of a folder and of every folder above it,
// up to the action folder, are applied outermost first.
//
// Patterns are matched with github.com/bmatcuk/doublestar, whose syntax is
// minimatch's but for extended globs such as "+(a|b)", which read as plain
// characters here.
package hygenignore
