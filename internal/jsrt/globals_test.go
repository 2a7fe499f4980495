package jsrt

import (
	"context"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// GlobalsMade tells a template that made a global from one that only read
// or used what hypergen installs, on its first use or not (console,
// process, the web globals), so that an action renders again on one
// runtime only when it must.
func TestGlobalsMade(t *testing.T) {
	tests := []struct {
		text string
		made bool
	}{
		{"plain text <%= 1 + 1 %>", false},
		{"<% console.log('x') %><%= typeof process.env %><%= typeof Buffer.from %>", false},
		{"<%= new URL('https://a.example/b').pathname %><%= btoa('x') %><%= new TextEncoder().encode('x').length %>", false},
		{"<% var local = 1; let other = 2 %><%= local + other %>", false},
		{"<%= Object.keys(globalThis).length >= 0 %><%= Array.from(new Map([[1, 2]])).length %>", false},
		{"<% counter = 1 %>", true},
		{"<% globalThis.shared = 'x' %>", true},
		{"<% global.shared = 'x' %>", true},
		{"<% delete globalThis.escape %>", true},
		{"<% process.env.SHARED = 'yes' %>", true},
		{"<% delete process.env.HOME %>", true},
		{"<%= process.env.HOME %>", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			setup := Setup{Cwd: t.TempDir(), Templates: &Cache{}, Env: func() []string { return []string{"HOME=/home/a"} }}
			p := NewPool(context.Background(), setup)
			vm := p.Get()
			if _, err := vm.Render(context.Background(), mustCompile(t, setup.Templates, tt.text), jsvalue.NewObject()); err != nil {
				t.Fatal(err)
			}
			fresh := p.Get() // another VM of the pool, on which nothing ran
			p.Put(vm)
			if got, err := p.GlobalsMade(); got != tt.made || err != nil {
				t.Errorf("GlobalsMade() = %v, %v; want %v", got, err, tt.made)
			}
			p.Put(fresh)
			if made, _ := p.Fresh().GlobalsMade(); made {
				t.Error("a fresh pool starts with a VM that made globals")
			}
		})
	}
}
