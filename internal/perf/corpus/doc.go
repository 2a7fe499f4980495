// Package corpus writes synthetic hygen template trees for benchmarks and
// scalability runs: N generators × actions × templates with the content real
// generators have (frontmatter, EJS with helpers, conditionals, loops, inject
// targets, .hygenignore), from a handful of templates to 100,000.
//
// A tree is a pure function of its Spec (seeded), so two runs — or hygen and
// hypergen in one comparison — see byte-identical inputs. Every template is
// valid for both hygen 6.2.11 and hypergen, and every invocation the corpus
// names succeeds in a fresh copy of its project.
package corpus
