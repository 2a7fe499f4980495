// Package generator is hypergen's engine: it runs hygen-format template trees
// (_templates/<generator>/<action>/*.t, YAML frontmatter plus EJS bodies) and
// writes the same bytes hygen 6.2.11 writes, much faster.
//
// One Run goes through the phases hygen has, in its order: resolve the
// templates root and the action, list and order the action's files, parse and
// render every file (in parallel: rendering has no side effects), then apply
// the operations (add, inject, echo, sh) one file at a time in sorted order.
//
// Two rules are stricter than hygen's: a target outside the project directory
// is refused unless Config.AllowOutside is set, and every file operation is
// planned against an in-memory view of the project before anything is
// written, so a failing command (a template error, say) writes nothing.
// Files are written atomically (temporary file, then rename).
//
// The engine knows nothing of telemetry. Callers observe it through the
// Observer interface.
package generator
