package cli

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/suggest"
)

// ownGenerateFlags are the flags a generation reads itself (--dry is hygen's,
// the rest hypergen's); every other flag is a template local.
var ownGenerateFlags = []string{"dry", "allow-outside", "answers", "js-timeout", "fsync", "help"}

// ejsDataOptions are the options hygen's ejs takes from the locals (it
// renders with no options object, so ejs copies them from the data): a
// flag of one of these names is read by ejs itself (--async, one edit from
// --fsync, makes the run fail as hygen's does, and says why).
var ejsDataOptions = []string{"delimiter", "scope", "context", "debug", "compileDebug", "client", "_with", "rmWhitespace", "strict", "filename", "async"}

// flagTypo finds a flag that is one edit from one of ownGenerateFlags and
// that nothing of the project's templates mentions, and returns it with the
// flag it most likely meant. Mentioned means: a file of the templates root
// (the action's, or a partial another folder holds that it includes) or
// the project's .hygen.js holds its name, or a file of the action or the
// .hygen.js may read every flag (readsAllLocals, helpersMayBeFunction).
//
// Such a flag is refused rather than warned about: as a local nothing reads,
// it cannot change the output, so refusing costs a correct command nothing,
// while running a mistyped --dry for real writes the files the user meant to
// preview. Reading the action's files happens only when a flag is that
// close, so ordinary runs pay nothing.
func flagTypo(env *Env, args []string) (typo, meant string) {
	parsed := argv.Parse(args)
	keys := parsed.Flags.Keys()
	for _, k := range keys {
		for _, own := range ownGenerateFlags {
			if k != own && suggest.Distance(k, own) == 1 {
				typo, meant = k, own
			}
		}
		if typo != "" {
			break
		}
	}
	if typo == "" || slices.Contains(ejsDataOptions, typo) {
		return "", ""
	}
	// yargs also sets the camel-case form (--allow-outsid gives allowOutsid);
	// a template may read either.
	var names []string
	for _, k := range keys {
		if norm(k) == norm(typo) {
			names = append(names, k)
		}
	}
	// Once: finding the root runs the project's .hygen.js.
	root, err := templatesRoot(env)
	if err != nil || root == "" {
		return "", "" // the run reports that itself
	}
	files := actionFiles(root, parsed.Positionals)
	if files == nil {
		return "", "" // no such action: the run reports that itself
	}
	read := make(map[string]bool, len(files))
	for _, f := range files {
		if b, err := readHead(f); err == nil && (mentions(b, names) || readsAllLocals(f, b)) {
			return "", ""
		}
		read[f] = true
	}
	if mentionedElsewhere(env, root, read, names) {
		return "", ""
	}
	// "--no-fsycn" parses as fsycn=false: name the flag as it was typed, not
	// the opposite one.
	if slices.Contains(args, "--no-"+typo) {
		return "no-" + typo, "no-" + meant
	}
	return typo, meant
}

// mentions reports whether text holds one of names as a whole word, where
// letters, digits, '_' and '-' make up words (so "dyr" is not found in
// "dyrx" nor in "my-dyr").
func mentions(text []byte, names []string) bool {
	for _, name := range names {
		for range standalone(text, name, wordByte) {
			return true
		}
	}
	return false
}

// standalone yields where name stands in text with no byte of inWord
// right before or after it, as [at, end) offsets.
func standalone(text []byte, name string, inWord func(byte) bool) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for off := 0; ; {
			i := bytes.Index(text[off:], []byte(name))
			if i < 0 {
				return
			}
			at, end := off+i, off+i+len(name)
			off = at + 1
			if (at == 0 || !inWord(text[at-1])) && (end == len(text) || !inWord(text[end])) && !yield(at, end) {
				return
			}
		}
	}
}

// readsAllLocals reports whether a template or hook may read every flag,
// so that a flag it never names may still be read: it uses locals, or a
// hook's args, as a whole (Object.keys(locals), {...locals},
// include(file, locals), ({ args }) => …), or it names argv
// (process.argv). Only code counts: a hook file whole, a template's text
// inside its EJS tags.
func readsAllLocals(file string, text []byte) bool {
	switch filepath.Ext(file) {
	case ".js", ".cjs", ".mjs", ".ts":
		return readsAll(text, true)
	}
	for rest := text; ; {
		open := bytes.Index(rest, []byte("<%"))
		if open < 0 {
			return false
		}
		rest = rest[open+2:]
		end := bytes.Index(rest, []byte("%>"))
		if end < 0 {
			end = len(rest)
		}
		if readsAll(rest[:end], false) {
			return true
		}
		rest = rest[end:]
	}
}

// readsAll reports whether code names argv, or uses locals (and args, in
// a hook) whole.
func readsAll(code []byte, hook bool) bool {
	return mentions(code, []string{"argv"}) || wholeUse(code, "locals") || hook && wholeUse(code, "args")
}

// wholeUse reports whether code names name other than to read one of its
// properties (locals.x, locals[x], locals?.x).
func wholeUse(code []byte, name string) bool {
	ident := func(c byte) bool { return c == '$' || wordByte(c) && c != '-' }
	for at, end := range standalone(code, name, ident) {
		spread := at >= 3 && string(code[at-3:at]) == "..."
		if at > 0 && code[at-1] == '.' && !spread {
			continue // a property of something
		}
		next := bytes.TrimLeft(code[end:], " \t\r\n")
		if len(next) > 0 && (next[0] == '.' || next[0] == '[' || bytes.HasPrefix(next, []byte("?."))) {
			continue
		}
		return true
	}
	return false
}

// helpersMayBeFunction reports whether a .hygen.js may give its helpers as
// a function, which hygen calls with the locals (helpers: (locals) => …,
// helpers(l) {…}, or a name defined elsewhere): only helpers written as an
// object literal cannot see every flag.
func helpersMayBeFunction(config []byte) bool {
	for _, end := range standalone(config, "helpers", wordByte) {
		next := bytes.TrimLeft(config[end:], " \t\r\n")
		if len(next) > 1 && (next[0] == ':' || next[0] == '=' && next[1] != '=') {
			if next = bytes.TrimLeft(next[1:], " \t\r\n"); len(next) > 0 && next[0] == '{' {
				continue // an object literal
			}
		}
		return true
	}
	return false
}

// Reading files for the guard is bounded: a template root may hold large
// assets, and the guard only decides whether to refuse a flag.
const (
	headBytes = 1 << 20  // read of each file
	scanBytes = 64 << 20 // read in all, over the templates root
	scanFiles = 20000    // files looked at in the templates root
)

// readHead reads at most headBytes of a file.
func readHead(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, headBytes))
}

// mentionedElsewhere reports whether a file of the templates root (but
// those already read), or the project's .hygen.js, holds one of names. It
// runs only for a flag one edit from one of hypergen's, so a rare run pays
// for the walk; one too large to read within the bounds above counts as
// mentioning it (refusing a flag needs certainty).
func mentionedElsewhere(env *Env, root string, already map[string]bool, names []string) bool {
	found, read, seen := false, 0, 0
	check := func(p string) {
		if already[p] {
			return
		}
		if b, err := readHead(p); err == nil {
			read += len(b)
			found = found || mentions(b, names)
		}
	}
	if cfg := generator.FindConfig(env.Cwd); cfg != "" {
		if b, err := readHead(cfg); err == nil {
			if mentions(b, names) || readsAllLocals(cfg, b) || helpersMayBeFunction(b) {
				return true
			}
			read += len(b)
		}
	}
	_ = walkFiles(root, func(p string) error {
		if seen++; found || seen > scanFiles || read > scanBytes {
			found = true
			return filepath.SkipAll
		}
		check(p)
		return nil
	})
	return found
}

// walkFiles calls fn for each regular file below root, links to files
// included (hygen reads a linked template); a link to a folder is followed
// when it is root itself, not below it, so no link can make a loop.
func walkFiles(root string, fn func(path string) error) error {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder hides nothing the run would read
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		return fn(p)
	})
}

func wordByte(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func norm(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "")) }

// actionFiles lists every file of the action the positionals name below
// root (its templates and hook files) and the generator's template.yml; nil
// when the action does not exist.
func actionFiles(root string, pos []any) []string {
	if len(pos) < 2 {
		return nil
	}
	gen := filepath.Join(root, jsvalue.ToString(pos[0]))
	action, _, _ := strings.Cut(jsvalue.ToString(pos[1]), ":")
	folder := filepath.Join(gen, action)
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		folder = filepath.Join(gen, generator.DefaultAction)
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return nil
	}
	files := []string{filepath.Join(gen, "template.yml")}
	_ = walkFiles(folder, func(p string) error {
		files = append(files, p)
		return nil
	})
	return files
}

// flagTypoError is the message for a refused flag.
func flagTypoError(typo, meant string) string {
	return fmt.Sprintf("--%s is one edit from hypergen's --%s and nothing in the templates or .hygen.js reads it: "+
		"did you mean --%s? Nothing was run (drop the flag if it was meant as a local).", typo, meant, meant)
}
