package generator

import (
	"fmt"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/inflect"
	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// invocation is one resolved command: where its templates are and the args
// object hygen builds for it.
type invocation struct {
	templates         string    // the root as hygen shows it to templates
	templatesDir      string    // the root as an absolute path, for reading
	realTemplates     *realRoot // templatesDir with its links resolved, when first needed
	folder            string    // the action folder, absolute
	generator, action string
	header            string // what heads the message: lines, hygen's args.action
	sub               string
	hasSub            bool
	args              *jsvalue.Object
	defaults          *jsvalue.Object // the localsDefaults of .hygen.js, below args
	configTemplates   templatesFolder // see Engine.configTemplates
	dry               bool
	script            *script    // nil unless the project has .hygen.js or the action a hook
	js                *jsrt.Pool // the run's JavaScript runtimes, dropped with it
	held              *heldRun   // what its templates print and report while they render in parallel
	// cwd is the folder `to:` paths are resolved in and files are confined
	// to: Config.Cwd, or the `cwd` .hygen.js sets, as hygen's config.cwd
	// (commands still run in Config.Cwd, as hygen's do). realCwd is it with
	// links resolved.
	cwd, realCwd string
	// cwdGiven is the `cwd` of .hygen.js as it gives it (relative, or with
	// a final slash), else Config.Cwd: what hygen's config.cwd holds, so
	// the `cwd` local and what the "Loaded templates:" line leaves out.
	cwdGiven string
	// fromDir is what from: paths join: templatesDir, unless a flag or the
	// hook set the templates local (see Engine.readBack); fromErr is why
	// from: cannot be read when that is not a string.
	fromDir string
	fromErr error
}

// hookArgs is the args object a hook file receives: the positional name if
// it is truthy, then every flag (so here --name beats the positional).
func hookArgs(parsed *argv.Result, t target) *jsvalue.Object {
	args := jsvalue.NewObject()
	if t.hasName {
		args.Set("name", t.nameValue)
	}
	for _, k := range parsed.Flags.Keys() {
		v, _ := parsed.Flags.Get(k)
		args.Set(k, v)
	}
	return args
}

// buildArgs assembles hygen's args, later keys winning: built-ins, then `_`
// and `ts`, then every flag, then the positional name, then the hook's
// answers, then cwd.
func (e *Engine) buildArgs(parsed *argv.Result, t target, folder, sub string, hasSub bool, templates, cwd string, answers *jsvalue.Object) *jsvalue.Object {
	args := jsvalue.NewObject()
	args.Set("templates", templates)
	args.Set("actionfolder", folder)
	args.Set("generator", t.generator)
	args.Set("action", t.action)
	if hasSub {
		args.Set("subaction", sub)
	} else {
		args.Set("subaction", jsvalue.Undefined)
	}
	args.Set("_", parsed.Positionals)
	if ts := e.cfg.Getenv("HYGEN_TS"); ts != "" {
		args.Set("ts", ts)
	} else {
		args.Set("ts", float64(e.cfg.Now().UnixMilli()))
	}
	for _, k := range parsed.Flags.Keys() {
		v, _ := parsed.Flags.Get(k)
		args.Set(k, v)
	}
	if t.hasName {
		args.Set("name", t.nameValue)
	}
	for _, k := range answers.Keys() {
		v, _ := answers.Get(k)
		args.Set(k, v)
	}
	args.Set("cwd", cwd)
	return args
}

// templateContext is what a template sees: args over the localsDefaults of
// .hygen.js over `name` "unnamed", plus Name, names and Names derived from it. hygen derives them
// while copying the keys in order, so an explicit --Name given after the
// name wins over the derived one. (`h` is added by the runtime.)
func templateContext(args, defaults *jsvalue.Object) (*jsvalue.Object, error) {
	ctx := jsvalue.NewObject()
	ctx.Set("name", "unnamed")
	for _, src := range []*jsvalue.Object{defaults, args} {
		for _, k := range src.Keys() {
			v, _ := src.Get(k)
			ctx.Set(k, v)
		}
	}
	derived := jsvalue.NewObject()
	for _, k := range ctx.Keys() {
		v, _ := ctx.Get(k)
		derived.Set(k, v)
		if k != "name" {
			continue
		}
		derived.Set("Name", jsrt.Capitalize(jsvalue.ToString(v)))
		s, ok := v.(string)
		if !ok {
			// hygen pluralizes the name with npm inflection, which throws on
			// anything but a string (a numeric name such as `--name 42`).
			return nil, fmt.Errorf("TypeError: cannot pluralize name %s: it is a %s, not a string",
				jsvalue.ToString(v), kindOf(v))
		}
		plural := inflect.Pluralize(s)
		derived.Set("names", plural)
		derived.Set("Names", jsrt.Capitalize(plural))
	}
	for _, k := range derived.Keys() {
		v, _ := derived.Get(k)
		ctx.Set(k, v)
	}
	return ctx, nil
}

func kindOf(v any) string {
	switch v.(type) {
	case float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case []any:
		return "array"
	}
	if v == jsvalue.Undefined {
		return "undefined"
	}
	return "object"
}
