package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// repoPath matches what reads as a path inside the repository: a Markdown
// link target, or a word starting at one of the repository's top folders
// (optionally ./-prefixed).
var (
	mdLink   = regexp.MustCompile(`\]\(([^)#\s]+)\)`)
	outside  = regexp.MustCompile(`\.\./[\w./-]+`)
	repoPath = regexp.MustCompile(`(?:^|[\s\x60(\[])\.?/?((?:internal|docs|scripts|deploy|dashboards|budgets|examples|test|generator|agent|cmd|instrument|exporters|lazy|parallel|\.ci)/[\w./-]*\w)`)
)

// Every repository path the README and the --help pages name exists.
func TestNamedPathsExist(t *testing.T) {
	root := testenv.RepoRoot()
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"README.md": string(readme)}
	dir := t.TempDir()
	pages := [][]string{{"--help"}, {"help", "help"}, {"generate", "--help"}, {"perf", "--help"}, {"completion", "--help"}}
	for _, c := range []string{"list", "discover", "version"} {
		pages = append(pages, []string{c, "--help"})
	}
	for _, c := range []string{"benchmark", "test", "analyze", "optimize", "export", "corpus", "status", "monitor"} {
		pages = append(pages, []string{"perf", c, "--help"})
	}
	for _, args := range pages {
		r := run(t, dir, nil, args...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("%v: %v", args, r)
		}
		texts["hypergen "+strings.Join(args, " ")] = r.stdout
	}
	checked := 0
	for source, text := range texts {
		var paths []string
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			if !strings.Contains(m[1], "://") {
				paths = append(paths, m[1])
			}
		}
		for _, m := range repoPath.FindAllStringSubmatch(text, -1) {
			paths = append(paths, m[1])
		}
		paths = append(paths, outside.FindAllString(text, -1)...)
		for _, p := range paths {
			if strings.ContainsAny(p, "*<") || strings.HasPrefix(p, "../") {
				if strings.HasPrefix(p, "../") {
					t.Errorf("%s points outside the repository: %s", source, p)
				}
				continue // a pattern such as packages/*/generators
			}
			checked++
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
				t.Errorf("%s names %s, which does not exist", source, p)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d paths found: the patterns no longer match the text", checked)
	}
}
