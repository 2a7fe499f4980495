package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/genspec"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Spec is a generator's template.yml (Hypergen's addition to the hygen
// format): its description and typed variables.
type Spec = genspec.Spec

// SpecVariable is one typed variable of a template.yml.
type SpecVariable = genspec.Variable

// LoadSpec reads the template.yml beside a generator folder; nil without
// one. One that is there but no file (a folder, a link that leads nowhere)
// is an error: the run would go on without its checks.
func LoadSpec(generatorDir string) (*Spec, error) {
	file := filepath.Join(generatorDir, genspec.FileName)
	if _, err := os.Lstat(file); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is a symbolic link that leads nowhere", file)
	}
	return genspec.Load(file)
}

// applySpec validates args, and the project's localsDefaults below them,
// against the generator's template.yml, if any, and fills in its defaults,
// before anything is rendered. A flag of the command line one edit from a
// variable gets a warning.
func (e *Engine) applySpec(ctx context.Context, generatorDir string, args, defaults *jsvalue.Object, parsed *argv.Result) error {
	spec, err := LoadSpec(generatorDir)
	if err != nil {
		file := filepath.Join(generatorDir, genspec.FileName)
		return &TemplateError{File: e.displayPath(file), Err: unwrapFile(err, file)}
	}
	if spec == nil {
		return nil
	}
	gen := filepath.Base(generatorDir)
	if err := spec.Apply(args, defaults, parsed.Text); err != nil {
		return &UsageError{Msg: fmt.Sprintf("invalid input for %s (see %s, or 'hypergen help %s'): %v",
			gen, e.displayPath(spec.File), gen, err)}
	}
	// A warning, not a refusal: a template may read the flag as a local of
	// its own, which the spec need not declare.
	typos, meant := spec.Misspelt(parsed.Flags.Keys())
	_, stderr := outputs(ctx, e.cfg)
	for i, typo := range typos {
		fmt.Fprintf(stderr, "hypergen: warning: --%s is not a variable of %s; did you mean --%s?\n",
			typo, e.displayPath(spec.File), meant[i])
	}
	return nil
}
