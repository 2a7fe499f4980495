package generator

import (
	"context"
	"os"
	"path/filepath"
	"sort"
)

// GeneratorInfo describes one generator folder.
type GeneratorInfo struct {
	Name    string       `json:"name"`
	Path    string       `json:"path"`
	Actions []ActionInfo `json:"actions"`
}

// ActionInfo describes one action folder of a generator.
type ActionInfo struct {
	Name      string `json:"name"`
	Templates int    `json:"templates"` // files the action would render
}

// ListGenerators lists the generators under a templates root with their
// actions and template counts, sorted by name.
func ListGenerators(templates string) ([]GeneratorInfo, error) {
	return ListGeneratorsIndexed(templates, nil)
}

// ListGeneratorsIndexed is ListGenerators reading and refreshing an index:
// every action's listing is taken from idx when fresh and recorded in it when
// not, so it also builds a complete index.
func ListGeneratorsIndexed(templates string, idx Index) ([]GeneratorInfo, error) {
	return ListGeneratorsIndexedContext(context.Background(), templates, idx)
}

// ListGeneratorsIndexedContext is ListGeneratorsIndexed stopping, between
// two actions, once ctx ends: an index of 100,000 templates takes seconds
// to build.
func ListGeneratorsIndexedContext(ctx context.Context, templates string, idx Index) ([]GeneratorInfo, error) {
	gens, err := os.ReadDir(templates)
	if err != nil {
		return nil, err
	}
	var out []GeneratorInfo
	for _, g := range gens {
		if !g.IsDir() {
			continue
		}
		gdir := filepath.Join(templates, g.Name())
		actions, err := os.ReadDir(gdir)
		if err != nil {
			return nil, err
		}
		info := GeneratorInfo{Name: g.Name(), Path: gdir}
		for _, a := range actions {
			if !a.IsDir() {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, context.Cause(ctx)
			}
			files, err := listActionFiles(ctx, filepath.Join(gdir, a.Name()), "", false, idx, 0)
			if err != nil {
				return nil, err
			}
			info.Actions = append(info.Actions, ActionInfo{Name: a.Name(), Templates: len(files)})
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
