// Package frontmatter splits a hygen template file into its YAML attributes and
// its body, exactly as hygen 6.2.11 does (npm front-matter 4.0.2 over js-yaml 3).
//
// The fence detection is written by hand rather than with a regular
// expression: front-matter's pattern relies on JavaScript's multi-line `^`/`$`,
// which treat "\r" as a line end, and neither Go's regexp nor regexp2 agree with
// that, so CRLF files would parse differently. The YAML itself goes through a
// real parser (gopkg.in/yaml.v3); only the resolution of plain scalars is ours,
// because js-yaml 3 resolves them by YAML 1.1-flavoured rules (leading-zero
// octals, sexagesimal numbers) that yaml.v3 does not follow.
package frontmatter
