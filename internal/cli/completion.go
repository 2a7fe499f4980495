package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/argv"
)

const completionUsage = `Usage: hypergen completion bash|zsh|fish

Prints a shell completion script. It completes commands, perf subcommands,
flags, generator and action names from the templates root, and the
variables of a generator's template.yml (with an enum's values, and a
boolean's true and false). Load it with
  bash:  source <(hypergen completion bash)       (or save it under /etc/bash_completion.d/)
  zsh:   source <(hypergen completion zsh)        (after compinit)
  fish:  hypergen completion fish > ~/.config/fish/completions/hypergen.fish
The scripts call 'hypergen __complete WORDS…', which prints the candidates
for the last word, one a line.`

// The scripts hand every word after the program name, up to and including
// the one being completed, to __complete.
var completionScripts = map[string]string{
	"bash": `# bash completion for hypergen
# Each candidate is quoted for the command line (printf %q) and never
# globbed: a generator folder may be named 'x;touch y' or '*'.
_hypergen() {
  local c
  COMPREPLY=()
  while IFS= read -r c; do
    COMPREPLY+=("$(printf '%q' "$c")")
  done < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
}
complete -o default -F _hypergen hypergen
`,
	"zsh": `#compdef hypergen
# zsh completion for hypergen
_hypergen() {
  local -a candidates
  candidates=("${(@f)$("${words[1]}" __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _hypergen hypergen
`,
	"fish": `# fish completion for hypergen
function __hypergen_complete
    set -l words (commandline -opc) (commandline -ct)
    $words[1] __complete $words[2..-1] 2>/dev/null
end
complete -c hypergen -f -a '(__hypergen_complete)'
`,
}

func runCompletion(env *Env, args []string) int {
	fs := NewFlagSet(env, "completion", completionUsage)
	if code := parseFlagsAndArgs(env, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 || completionScripts[fs.Arg(0)] == "" {
		fmt.Fprintf(env.Stderr, "hypergen completion: name one shell: bash, zsh or fish (see 'hypergen completion --help')\n")
		return ExitUsage
	}
	fmt.Fprint(env.Stdout, completionScripts[fs.Arg(0)])
	return ExitOK
}

// runComplete prints the candidates for the last of words. It never fails:
// a completion that finds nothing prints nothing.
func runComplete(env *Env, words []string) int {
	env.completing = true
	if len(words) == 0 {
		words = []string{""}
	}
	cur, done := words[len(words)-1], words[:len(words)-1]
	var cands []string
	switch {
	case len(done) == 0:
		cands = append(commandNames(), generatorNames(env)...)
	case done[0] == "perf":
		// The perf commands live in hypergen-perf, which completes them;
		// without it there is nothing to offer.
		if env.HandOff != nil {
			_ = env.HandOff(append([]string{"__complete"}, words[1:]...))
		}
		return ExitOK
	case done[0] == "help" && len(done) == 1:
		cands = append(commandNames(), generatorNames(env)...)
	case done[0] == "help" && len(done) == 2 && done[1] == "perf":
		// help perf SUBCOMMAND: the perf commands, as after perf.
		if env.HandOff != nil {
			_ = env.HandOff([]string{"__complete", cur})
		}
		return ExitOK
	case done[0] == "completion" && len(done) == 1:
		cands = []string{"bash", "fish", "zsh"}
	case isCommand(done[0]) && done[0] != "generate" && !isGenerator(env, done[0]):
		if strings.HasPrefix(cur, "-") {
			c := done[0]
			cands = CommandFlags(env, func(e *Env) int { return lookupCommand(c).run(e, []string{"--help"}) })
		}
	default:
		gen := done
		if gen[0] == "generate" {
			gen = gen[1:]
		}
		cands = generatorCandidates(env, gen, cur)
	}
	PrintCompletions(env, cands, cur)
	return ExitOK
}

// PrintCompletions prints, sorted, the candidates that start with cur.
func PrintCompletions(env *Env, cands []string, cur string) {
	sort.Strings(cands)
	for _, c := range cands {
		if strings.HasPrefix(c, cur) {
			fmt.Fprintln(env.Stdout, c)
		}
	}
}

func isCommand(name string) bool { return lookupCommand(name).run != nil }

func lookupCommand(name string) command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return command{}
}

// flagLine matches a flag in pflag's usage listing ("  -x, --name type  text").
var flagLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^\s+(?:-\w, )?(--[\w-]+)`) })

// CommandFlags runs a command's --help into a buffer and reads its flags
// from the listing, so completion can never disagree with the flags a
// command really defines.
func CommandFlags(env *Env, help func(*Env) int) []string {
	var out bytes.Buffer
	e := *env
	e.Stdout, e.Stderr = &out, io.Discard
	help(&e)
	var flags []string
	for _, m := range flagLine().FindAllStringSubmatch(out.String(), -1) {
		flags = append(flags, m[1])
	}
	return flags
}

// generatorCandidates completes `GENERATOR ACTION … --var value`: actions
// after the generator, then the generation flags and the template.yml
// variables, and an enum variable's values after it.
func generatorCandidates(env *Env, words []string, cur string) []string {
	root, err := templatesRoot(env)
	if err != nil || root == "" || len(words) == 0 {
		if len(words) == 0 {
			return generatorNames(env)
		}
		return nil
	}
	gen := words[0]
	if len(words) == 1 {
		gens, _ := generator.ListGenerators(root)
		var out []string
		for _, g := range gens {
			if g.Name == gen {
				for _, a := range g.Actions {
					out = append(out, a.Name)
				}
			}
		}
		return out
	}
	spec, _ := generator.LoadSpec(filepath.Join(root, gen))
	if spec == nil {
		spec = &generator.Spec{}
	}
	// `--style=sc`, as zsh and fish hand it over, is completed whole.
	if name, _, ok := strings.Cut(cur, "="); ok && strings.HasPrefix(name, "--") {
		var out []string
		for _, v := range variableValues(spec, name) {
			out = append(out, name+"="+v)
		}
		return out
	}
	prev := words[len(words)-1]
	if prev == "=" && len(words) > 2 { // bash splits `--style=` at its =
		prev = words[len(words)-2]
	}
	if strings.HasPrefix(prev, "--") && !strings.HasPrefix(cur, "-") {
		return variableValues(spec, prev)
	}
	if !strings.HasPrefix(cur, "-") {
		return nil
	}
	out := append(append([]string{"--dry"}, argv.OwnFlags...), "--help")
	for _, v := range spec.Variables {
		out = append(out, "--"+v.Name)
	}
	return out
}

// variableValues are the values a template.yml variable's flag can take,
// where they are few: an enum's values, a boolean's true and false.
func variableValues(spec *generator.Spec, flag string) []string {
	for _, v := range spec.Variables {
		if "--"+v.Name != flag {
			continue
		}
		switch v.Type {
		case "enum":
			return v.Values
		case "boolean":
			return []string{"true", "false"}
		}
	}
	return nil
}
