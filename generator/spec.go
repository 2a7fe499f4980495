package generator

import (
	"fmt"
	"path/filepath"

	"github.com/hypergen-dev/hypergen/internal/genspec"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Spec is a generator's template.yml (Hypergen's addition to the hygen
// format): its description and typed variables.
type Spec = genspec.Spec

// SpecVariable is one typed variable of a template.yml.
type SpecVariable = genspec.Variable

// LoadSpec reads the template.yml beside a generator folder; nil without one.
func LoadSpec(generatorDir string) (*Spec, error) {
	file := filepath.Join(generatorDir, genspec.FileName)
	if !fileExists(file) {
		return nil, nil
	}
	return genspec.Load(file)
}

// applySpec validates args against the generator's template.yml, if any,
// and fills in its defaults, before anything is rendered.
func (e *Engine) applySpec(generatorDir string, args *jsvalue.Object) error {
	spec, err := LoadSpec(generatorDir)
	if err != nil {
		file := filepath.Join(generatorDir, genspec.FileName)
		return &TemplateError{File: e.displayPath(file), Err: unwrapFile(err, file)}
	}
	if spec == nil {
		return nil
	}
	if err := spec.Apply(args); err != nil {
		return &UsageError{Msg: fmt.Sprintf("invalid input for %s (see %s, or 'hypergen help %s'): %v",
			filepath.Base(generatorDir), e.displayPath(spec.File), filepath.Base(generatorDir), err)}
	}
	return nil
}
