package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/suggest"
)

// ownGenerateFlags are the flags a generation reads itself (--dry is hygen's,
// the rest hypergen's); every other flag is a template local.
var ownGenerateFlags = []string{"dry", "allow-outside", "answers", "js-timeout", "fsync", "help"}

// flagTypo finds a flag that is one edit from one of ownGenerateFlags and
// that nothing of the project's templates mentions, and returns it with the
// flag it most likely meant. Mentioned means: a file of the templates root
// (the action's, or a partial another folder holds that it includes) or
// the project's .hygen.js holds its name, or a file of the action reads
// locals as a whole (Object.keys(locals), a partial given locals).
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
	if typo == "" {
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
	files := actionFiles(env, parsed.Positionals)
	if files == nil {
		return "", "" // no such action: the run reports that itself
	}
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && (mentions(b, names) || readsAllLocals(b)) {
			return "", ""
		}
	}
	if mentionedElsewhere(env, names) {
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
		for rest, off := text, 0; ; {
			i := bytes.Index(rest, []byte(name))
			if i < 0 {
				break
			}
			at := off + i
			end := at + len(name)
			if (at == 0 || !wordByte(text[at-1])) && (end == len(text) || !wordByte(text[end])) {
				return true
			}
			off = at + 1
			rest = text[off:]
		}
	}
	return false
}

// wholeLocals is "locals" not followed by a property access: the object
// handed on or enumerated.
var wholeLocals = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(^|[^\w$.])locals\s*([^\s.\[\w$]|$)`)
})

// readsAllLocals reports whether a template or hook uses locals as a
// whole, so that a flag it never names may still be read.
func readsAllLocals(text []byte) bool { return wholeLocals().Match(text) }

// mentionedElsewhere reports whether a file of the templates root outside
// the action, or the project's .hygen.js, holds one of names. Read only for
// a flag one edit from one of hypergen's: a rare run may pay for a walk.
func mentionedElsewhere(env *Env, names []string) bool {
	root, err := templatesRoot(env)
	if err != nil || root == "" {
		return false
	}
	var files []string
	if cfg := generator.FindConfig(env.Cwd); cfg != "" {
		files = append(files, cfg)
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil // an unreadable folder hides nothing the run would read
	})
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && mentions(b, names) {
			return true
		}
	}
	return false
}

func wordByte(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func norm(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "")) }

// actionFiles lists every file of the action the positionals name (its
// templates and hook files) and the generator's template.yml; nil when the
// action does not exist.
func actionFiles(env *Env, pos []any) []string {
	if len(pos) < 2 {
		return nil
	}
	root, err := templatesRoot(env)
	if err != nil || root == "" {
		return nil
	}
	gen := filepath.Join(root, jsvalue.ToString(pos[0]))
	action, _, _ := strings.Cut(jsvalue.ToString(pos[1]), ":")
	folder := filepath.Join(gen, action)
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		folder = filepath.Join(gen, generator.DefaultAction)
	}
	files := []string{filepath.Join(gen, "template.yml")}
	err = filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil
	}
	return files
}

// flagTypoError is the message for a refused flag.
func flagTypoError(typo, meant string) string {
	return fmt.Sprintf("--%s is one edit from hypergen's --%s and nothing in the templates or .hygen.js reads it: "+
		"did you mean --%s? Nothing was run (drop the flag if it was meant as a local).", typo, meant, meant)
}
