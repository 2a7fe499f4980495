package generator_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
)

// benchTree writes a 100-generator synthetic tree and a project for it.
func benchTree(b *testing.B) (*corpus.Tree, string) {
	b.Helper()
	tree, err := corpus.Write(context.Background(), filepath.Join(b.TempDir(), "corpus"), corpus.Spec{Generators: 100, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	project := b.TempDir()
	p := filepath.Join(project, corpus.InjectTarget)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(corpus.RegistryContent), 0o644); err != nil {
		b.Fatal(err)
	}
	return tree, project
}

// A warm engine generating one action again and again under new names: the
// steady state of an editor integration or a test suite.
func BenchmarkGenerateWarm(b *testing.B) {
	for _, indexed := range []bool{false, true} {
		b.Run(fmt.Sprintf("index=%v", indexed), func(b *testing.B) {
			tree, project := benchTree(b)
			cfg := generator.Config{Cwd: project, Templates: tree.Root()}
			if indexed {
				cfg.Index = diskindex.InMemory()
			}
			e := generator.New(cfg)
			cmd := append([]string(nil), tree.Commands[0]...)
			name := cmd[2]
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				cmd[2] = fmt.Sprint(name, i)
				if _, err := e.Run(context.Background(), cmd); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A new engine for every generation: what one CLI run's engine does
// (compiling every text of the action, one runtime, an index read) without
// the process start that scripts/cold-start adds. Its allocations per
// generation are the figure to watch; -memprofile shows where they go.
func BenchmarkGenerateNewEngine(b *testing.B) {
	tree, project := benchTree(b)
	cmd := append([]string(nil), tree.Commands[0]...)
	name := cmd[2]
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		e := generator.New(generator.Config{Cwd: project, Templates: tree.Root(), Index: diskindex.InMemory()})
		cmd[2] = fmt.Sprint(name, i)
		if _, err := e.Run(context.Background(), cmd); err != nil {
			b.Fatal(err)
		}
	}
}

// A dry run skips the writes, leaving resolution, listing and rendering.
func BenchmarkDryRun(b *testing.B) {
	tree, project := benchTree(b)
	e := generator.New(generator.Config{Cwd: project, Templates: tree.Root(), Index: diskindex.InMemory()})
	cmd := append(append([]string(nil), tree.Commands[0]...), "--dry")
	for b.Loop() {
		if _, err := e.Run(context.Background(), cmd); err != nil {
			b.Fatal(err)
		}
	}
}
