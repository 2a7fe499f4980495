package differential

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formatRows is the vocabulary of case.json "covers": one id per behaviour of
// /work/shared/HYGEN-FORMAT.md (§1 finding templates, §2 a template file, §3 locals,
// §4 EJS), plus a few behaviours of hygen the doc does not spell out, marked "beyond
// the doc". TestCoverage demands that every row is exercised by at least one case.
//
// Not covered on purpose: the setup: operation (it fetches a remote starter over the
// network). Questions a hook really asks need a terminal in hygen (with stdin closed it
// exits 0 having written nothing); the cases show hypergen's deliberate answer, and
// test/cli asks them on a pseudo-terminal.
var formatRows = []struct{ id, what string }{
	{"1.root", "$HYGEN_TMPLS beats ./_templates"},
	{"1.hygen-js", ".hygen.js: templates, helpers, localsDefaults"},
	{"1.default-action", "GEN/_default when GEN/ACTION is missing; second positional is the name"},
	{"1.subaction-regex", ":SUB is a regex on the path below the action folder, which starts with /"},
	{"1.subfolders", "the action folder is walked recursively"},
	{"1.hygenignore", ".hygenignore rules (ignore-walk 4, minimatch 3) for its folder and below"},
	{"1.ignored-names", "paths ending with index.js, prompt.js, Thumbs.db, … are dropped"},
	{"1.order", "files run in ICU localeCompare order of their full paths"},
	{"1.hooks", "index.js params() answers become locals"},
	{"1.hooks.prompt-array", "an exported array of questions asks only for names the flags lack"},
	{"1.hooks.prompt-fn", "prompt({prompter, inquirer, args, h}), async, require('path'), functions as locals"},
	{"1.hooks.nested-args", "beyond the doc: a hook's changes inside dotted and repeated flags' objects and arrays reach the templates"},
	{"1.args-read-back", "beyond the doc: flags and hook answers named subaction, actionfolder, templates, action replace hygen's own (file filter, folder, from: root, message: header)"},
	{"1.hooks.order", "the first of index.js, index.ts, prompt.cjs, prompt.js, prompt.ts is the hook; promises are awaited"},
	{"1.hooks.esm-default", "a hook with __esModule is used through its default export"},
	{"1.hooks.esm-source", "beyond the doc: a hook written as an ES module (import, export default, named exports), as Node 20 loads it"},
	{"1.hooks.node-process", "beyond the doc: hooks see process.argv (node, script, the command line), cwd(), platform, env; exit ends the run"},
	{"1.hooks.node-fs", "beyond the doc: hooks read with fs: Dirents, statSync/lstatSync, readFileSync as a Buffer"},
	{"1.hooks.node-globals", "beyond the doc: hooks use os, util (format, inspect, promisify), Buffer, __dirname/__filename"},
	{"1.hooks.npm-packages", "beyond the doc: hooks require npm packages from node_modules above the project"},
	{"1.hooks.child-process", "beyond the doc: hooks run commands with child_process execSync/spawnSync"},
	{"1.hooks.prompt-choices", "a flag answering a select that is not one of its choices (deliberate difference)"},
	{"1.hooks.prompt-no-terminal", "a question asked with stdin not a terminal takes its initial value (deliberate difference)"},
	{"1.hygen-js.helpers-fn", ".hygen.js helpers as a function of (locals, config), called per rendered string"},
	{"1.unknown-generator", "a generator that does not exist: error, exit 1"},
	{"1.unknown-action", "an action that does not exist: error, exit 1"},

	{"2.frontmatter", "YAML between --- fences, then the body"},
	{"2.frontmatter.blank-lines", "whitespace-only lines after the closing fence are dropped"},
	{"2.frontmatter.first-block-only", "only the first ---/--- block is frontmatter (incl. the first-line quirk)"},
	{"2.frontmatter.crlf", "CRLF template files parse"},
	{"2.non-utf8", "beyond the doc: template bytes that are not UTF-8 read as U+FFFD, one per maximal ill-formed subsequence"},
	{"2.frontmatter.js-regexp", "!!js/regexp /re/flags values"},
	{"2.frontmatter.block-scalar-last", "beyond the doc: a block scalar last in the frontmatter keeps its final newline"},
	{"2.frontmatter.tabs", "beyond the doc: tabs in the indentation of frontmatter lines are read as js-yaml 3 reads them"},
	{"2.frontmatter.non-specific-tag", "beyond the doc: a plain scalar tagged \"!\" is a string, as in js-yaml 3"},
	{"2.frontmatter.invalid-yaml", "invalid YAML: error, exit 1, nothing written"},
	{"2.attrs-rendered", "string frontmatter values are EJS-rendered; other types pass through"},
	{"2.attributes-local", "the body sees the rendered frontmatter as attributes"},
	{"2.render-all-first", "every file renders before any operation; a render error writes nothing"},
	{"2.op-order", "per file: add, inject, echo, sh; files in sorted order"},
	{"2.no-op-file", "no frontmatter or only unknown keys: nothing happens"},
	{"2.to", "to: target path relative to cwd, parents created"},
	{"2.to.conditional-empty", "to: rendering to '' skips the file"},
	{"2.to.conditional-null", "to: YAML null skips the file"},
	{"2.to.outside-project", "to: outside the project (deliberate difference b)"},
	{"2.from", "from: raw file from the templates root replaces the body"},
	{"2.force", "force: overwrite without asking"},
	{"2.unless-exists", "unless_exists: true skips an existing target"},
	{"2.unless-exists.non-boolean", "unless_exists: only boolean true counts"},
	{"2.unless-exists.with-force", "force beats unless_exists"},
	{"2.existing.answered-no", "existing target, prompt answered no: skipped"},
	{"2.existing.answered-yes", "existing target, prompt answered yes: overwritten"},
	{"2.existing.empty-stdin", "beyond the doc: empty stdin at the prompt ends the run, exit 0"},
	{"2.existing.project-prompter", "beyond the doc: with a createPrompter in .hygen.js the overwrite question is asked through it"},
	{"2.existing.hygen-overwrite", "HYGEN_OVERWRITE (any non-empty value) overwrites"},
	{"2.skip-if.add", "skip_if on add: skipped only when it renders to the string 'true'"},
	{"2.add.body-as-is", "add writes the body as is (eof_last ignored)"},
	{"2.inject", "inject: true edits an existing file"},
	{"2.inject.missing-target", "inject into a missing file: logged and skipped, exit 0"},
	{"2.inject.body-one-element", "the body is inserted as one element, so its newline leaves a blank line"},
	{"2.inject.crlf", "a CRLF-dominant target is split and rejoined on CRLF"},
	{"2.inject.newline-detection", "dominant line ending: CRLF only when strictly more; no newline at all: LF"},
	{"2.skip-if.inject", "skip_if on inject: regex on the whole target"},
	{"2.location.first-key", "the first location key in YAML order wins; presence alone counts"},
	{"2.location.at-line", "at_line: n inserts at 0-based line n"},
	{"2.location.prepend", "prepend inserts at index 0"},
	{"2.location.append", "append inserts at len(lines)-1"},
	{"2.location.before", "before: first matching line i, insert at i"},
	{"2.location.after", "after: first matching line i, insert at i+1"},
	{"2.location.multiline-fallback", "before/after retried as a multi-line regex on the joined text"},
	{"2.location.before-no-match", "before without a match inserts nothing"},
	{"2.location.after-no-match", "after without a match inserts at index 0"},
	{"2.location.none", "beyond the doc: inject without any location key inserts nothing"},
	{"2.eof-last.false", "eof_last: false drops one trailing newline of the body"},
	{"2.eof-last.true", "eof_last: true adds a newline when missing"},
	{"2.sh", "sh: runs a shell command in the project folder"},
	{"2.sh.stdin", "a non-empty body is piped to sh's stdin"},
	{"2.sh.failure", "a failing sh exits 1 at once"},
	{"2.sh.ignore-exit", "sh_ignore_exit: true ignores the failure"},
	{"2.js.locale", "beyond the doc: toLocaleString, toLocaleDateString, toLocaleTimeString in the default locale (en-US); a UTC date's string"},
	{"2.ejs.include", "beyond the doc: include() of an absolute path (ejs resolves a relative one only against a filename local)"},
	{"2.sh.later-files-see-changes", "beyond the doc: files after a sh: read the disk as the command left it (inject, skip_if, unless_exists)"},
	{"2.liquid-named-ejs", "beyond the doc: a *.liquid(.t) template holding an EJS tag is EJS, as in hygen (a tree writing Liquid files)"},
	{"2.dry.disk-only", "beyond the doc: a dry run sees the disk alone: what earlier templates would add is not there for a later inject, unless_exists or overwrite question"},
	{"2.echo", "echo: prints its text"},
	{"2.message", "message: collected and printed at the end"},

	{"3.locals.precedence", "built-ins < _/ts < flags < positional name < hook answers < cwd"},
	{"3.builtins", "templates, actionfolder, generator, action, subaction, _, ts, cwd"},
	{"3.flags.dash-camel", "--a-b v gives a-b and aB"},
	{"3.flags.bare-true", "a bare --flag is true"},
	{"3.flags.numbers", "numeric strings become numbers (not 007, not unsafe integers)"},
	{"3.flags.false-string", "--x false stays the string 'false'"},
	{"3.flags.other", "beyond the doc: --no-x, dotted keys, repeated flags, -abc, --k=v, --"},
	{"3.name.positional-beats-flag", "a positional name beats --name"},
	{"3.name.default-unnamed", "name defaults to 'unnamed'"},
	{"3.name.derived", "Name, names, Names derived from name"},
	{"3.h.capitalize", "h.capitalize"},
	{"3.h.inflection", "h.inflection.*"},
	{"3.h.changecase", "h.changeCase.*"},
	{"3.h.path", "h.path.*"},
	{"3.h-always-helpers", "beyond the doc: h is always the helpers, even with a flag named h"},
	{"3.undefined-variable", "a bare undefined name throws: exit 1, nothing written"},
	{"3.locals.dot-safe", "locals.x is safe for a missing x"},

	{"4.escape", "<%= escapes & < > \" '"},
	{"4.raw", "<%- prints raw"},
	{"4.null-undefined", "null and undefined print as empty"},
	{"4.arrays", "arrays join with commas"},
	{"4.objects", "objects print [object Object]"},
	{"4.ejs-internals", "beyond the doc: ejs's __append(), __output and __lines in scriptlets"},
	{"4.large-output", "beyond the doc: a large output of many pieces is byte-identical (pieces convert as += does)"},
	{"4.scriptlet", "<% code %> loops and ifs"},
	{"4.comment", "<%# comments %>"},
	{"4.literal", "<%% prints <%, %%> prints %>"},
	{"4.trim-newline", "-%> eats one following newline"},
	{"4.slurp-left", "<%_ strips spaces and tabs before it"},
	{"4.slurp-right", "_%> strips spaces and tabs after it plus one newline"},
	{"4.unclosed-tag", "an unclosed tag is an error"},
	{"4.js-syntax-error", "invalid JavaScript is a compile error"},
	{"4.options-from-locals", "beyond the doc: locals named like ejs options (delimiter, strict, rmWhitespace, …) become options"},
}

// minCases is the size the suite promised; fewer means cases were lost.
const minCases = 40

// TestCoverage checks the cases against the vocabulary and prints the covers
// matrix (go test -run TestCoverage -v). It needs no tools, so it also runs when the
// differential run itself is skipped.
func TestCoverage(t *testing.T) {
	cases, err := loadCases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < minCases {
		t.Errorf("%d cases, want at least %d", len(cases), minCases)
	}
	known := map[string]bool{}
	for _, r := range formatRows {
		if known[r.id] {
			t.Errorf("row %s listed twice", r.id)
		}
		known[r.id] = true
	}
	byRow := map[string][]string{}
	numbered := map[string]string{}
	for _, c := range cases {
		// The matrix below names cases by number, so a number is one case's.
		number := c.name[:strings.IndexByte(c.name+"-", '-')]
		if other, taken := numbered[number]; taken {
			t.Errorf("%s and %s share the number %s", other, c.name, number)
		}
		numbered[number] = c.name
		for _, id := range c.spec.Covers {
			if !known[id] {
				t.Errorf("%s covers unknown row %q (see formatRows)", c.name, id)
			}
			byRow[id] = append(byRow[id], number)
		}
		if !*update {
			if _, err := os.Stat(filepath.Join(c.dir, "want", "exit")); err != nil {
				t.Errorf("%s has no want/: run go test ./test/differential -update", c.name)
			}
		}
	}
	var matrix strings.Builder
	for _, r := range formatRows {
		if len(byRow[r.id]) == 0 {
			t.Errorf("row %s (%s) is covered by no case", r.id, r.what)
		}
		fmt.Fprintf(&matrix, "%-32s %s\n", r.id, strings.Join(byRow[r.id], " "))
	}
	t.Logf("%d cases; covers matrix (row: case numbers):\n%s", len(cases), matrix.String())
}
