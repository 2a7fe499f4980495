package generator_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hypergen-dev/hypergen/generator"
)

// exampleProject writes a one-template generator into a new folder.
func exampleProject() string {
	dir, _ := os.MkdirTemp("", "hypergen-example-")
	tmpl := filepath.Join(dir, "_templates", "component", "new", "component.ejs.t")
	_ = os.MkdirAll(filepath.Dir(tmpl), 0o755)
	_ = os.WriteFile(tmpl, []byte("---\nto: src/<%= name %>.ts\n---\nexport const <%= name %> = '<%= h.changeCase.param(name) %>';\n"), 0o644)
	return dir
}

// An Engine is made once and runs hygen command lines, concurrently if need be.
func ExampleEngine_Run() {
	dir := exampleProject()
	defer os.RemoveAll(dir)

	eng := generator.New(generator.Config{Cwd: dir, Stdout: os.Stdout})
	res, err := eng.Run(context.Background(), []string{"component", "new", "userCard"})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := os.ReadFile(filepath.Join(dir, "src", "userCard.ts"))
	fmt.Printf("%d operation(s); %s", len(res.Ops), out)
	// Output:
	//
	// Loaded templates: _templates
	//        added: src/userCard.ts
	// 1 operation(s); export const userCard = 'user-card';
}

// Stats reports runs, phase timings and the compiled-template cache.
func ExampleEngine_Stats() {
	dir := exampleProject()
	defer os.RemoveAll(dir)

	eng := generator.New(generator.Config{Cwd: dir, Getenv: func(k string) string {
		if k == "HYGEN_OVERWRITE" {
			return "1"
		}
		return ""
	}})
	for range 4 {
		if _, err := eng.Run(context.Background(), []string{"component", "new", "button"}); err != nil {
			fmt.Println(err)
		}
	}
	s := eng.Stats()
	fmt.Printf("runs %d, failures %d, cache hit rate %.2f, render time recorded %v\n",
		s.Runs, s.Failures, s.CacheHitRate(), s.PhaseTime[generator.PhaseRender] > 0)
	// Output: runs 4, failures 0, cache hit rate 0.75, render time recorded true
}

// ListGenerators describes a templates root.
func ExampleListGenerators() {
	dir := exampleProject()
	defer os.RemoveAll(dir)

	gens, _ := generator.ListGenerators(filepath.Join(dir, "_templates"))
	for _, g := range gens {
		for _, a := range g.Actions {
			fmt.Printf("%s %s: %d template(s)\n", g.Name, a.Name, a.Templates)
		}
	}
	// Output: component new: 1 template(s)
}
