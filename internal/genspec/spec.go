package genspec

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/dlclark/regexp2/v2"
	"gopkg.in/yaml.v3"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/jsregexp"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
	"github.com/hypergen-dev/hypergen/internal/suggest"
)

// FileName is the spec file beside a generator (or inside one action).
const FileName = "template.yml"

// Types a variable may have.
var Types = []string{"string", "number", "boolean", "enum", "array", "object"}

// Spec is one template.yml.
type Spec struct {
	File        string
	Name        string
	Description string
	Category    string
	Tags        []string
	Variables   []Variable // in file order
}

// Variable is one entry of `variables`.
type Variable struct {
	Name        string
	Type        string
	Description string
	Required    bool
	Default     any // jsvalue model; nil when HasDefault is false
	HasDefault  bool
	Pattern     string
	Values      []string // enum choices
	Min, Max    *float64 // number bounds, or length bounds for strings and arrays

	re *regexp2.Regexp
}

// specKeys are the keys a template.yml may have at its top level.
var specKeys = []string{"name", "description", "category", "tags", "variables"}

// unknownKey says that k is not one of keys, suggesting the closest.
func unknownKey(k string, keys []string) string {
	if meant, ok := suggest.Closest(k, keys); ok {
		return fmt.Sprintf("unknown key %q (did you mean %s?)", k, meant)
	}
	return fmt.Sprintf("unknown key %q (keys: %s)", k, strings.Join(keys, ", "))
}

// variableKeys are the keys a variable's definition may have.
var variableKeys = []string{"type", "description", "required", "default", "pattern", "values", "min", "max"}

type rawVariable struct {
	Type        string    `yaml:"type"`
	Description string    `yaml:"description"`
	Required    yaml.Node `yaml:"required"` // see plainBool
	Default     yaml.Node `yaml:"default"`
	Pattern     string    `yaml:"pattern"`
	Values      []string  `yaml:"values"`
	Min         *float64  `yaml:"min"`
	Max         *float64  `yaml:"max"`
}

type rawSpec struct {
	Name        string    `yaml:"name"`
	Description string    `yaml:"description"`
	Category    string    `yaml:"category"`
	Tags        []string  `yaml:"tags"`
	Variables   yaml.Node `yaml:"variables"`
}

// Load reads and checks a template.yml.
func Load(file string) (*Spec, error) {
	raw, err := regularfile.ReadFile(file)
	if err != nil {
		return nil, err
	}
	s, err := Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	s.File = file
	return s, nil
}

// Parse reads template.yml text.
func Parse(text []byte) (*Spec, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, fmt.Errorf("invalid template.yml: %v", err)
	}
	if err := checkAliases(&doc); err != nil {
		return nil, err
	}
	if len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		// Checked here, by line, as a variable's keys are: the decoder's
		// own message names a Go type.
		top := doc.Content[0]
		for i := 0; i+1 < len(top.Content); i += 2 {
			if k := top.Content[i]; !slices.Contains(specKeys, k.Value) && k.Value != "<<" {
				return nil, fmt.Errorf("line %d: %s", k.Line, unknownKey(k.Value, specKeys))
			}
		}
	}
	var r rawSpec
	dec := yaml.NewDecoder(strings.NewReader(string(text)))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("invalid template.yml: %v", decodeError(err))
	}
	s := &Spec{Name: r.Name, Description: r.Description, Category: r.Category, Tags: r.Tags}
	if r.Variables.Kind == 0 {
		return s, nil
	}
	if r.Variables.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: variables must be a map of variable name to its definition", r.Variables.Line)
	}
	owner := map[string]string{} // each name a variable is read under, to the variable
	for i := 0; i+1 < len(r.Variables.Content); i += 2 {
		key := r.Variables.Content[i]
		name := key.Value
		if o, ok := owner[name]; ok && o == name {
			return nil, fmt.Errorf("line %d: variable %q is defined twice", key.Line, name)
		}
		if why := reserved(name); why != "" {
			return nil, fmt.Errorf("line %d: variable %q: %s: choose another name", key.Line, name, why)
		}
		v, err := parseVariable(name, r.Variables.Content[i+1])
		if err != nil {
			return nil, fmt.Errorf("line %d: variable %q: %w", key.Line, name, err)
		}
		for _, n := range v.names() {
			if other, ok := owner[n]; ok {
				return nil, fmt.Errorf("line %d: variables %q and %q are both %q (yargs gives a flag with \"-\" a camel-case name too)", key.Line, other, name, n)
			}
			owner[n] = name
		}
		s.Variables = append(s.Variables, v)
	}
	return s, nil
}

// BuiltinLocals are the locals every run sets itself (hygen's args), over
// anything a template.yml default gives: a variable of one of these names
// would be shown with its default by help and never get it.
var BuiltinLocals = []string{"templates", "actionfolder", "generator", "action", "subaction", "_", "ts", "cwd"}

// reserved says why name cannot be a variable's, or "".
func reserved(name string) string {
	switch {
	case name == "":
		return "the name is empty"
	case slices.Contains(BuiltinLocals, name):
		return "every run sets this local itself (as hygen does), so a default or check of it would never apply"
	case name == "h" || name == "locals":
		return "the name is the template's own (its helpers or its locals object), which a variable would hide"
	case name == "__proto__":
		return "no local can have JavaScript's prototype key as its name"
	}
	return ""
}

func parseVariable(name string, node *yaml.Node) (Variable, error) {
	if node.Kind == yaml.MappingNode {
		// Strict as the top level is: a misspelt key ("require:") would
		// otherwise drop its check without a word.
		for _, k := range mappingKeys(node, 0) {
			if !slices.Contains(variableKeys, k) {
				return Variable{}, errors.New(unknownKey(k, variableKeys))
			}
		}
	}
	var r rawVariable
	if err := node.Decode(&r); err != nil {
		return Variable{}, decodeError(err)
	}
	if r.Min != nil && r.Max != nil && *r.Min > *r.Max {
		return Variable{}, fmt.Errorf("min %s is above max %s: no value could pass", jsvalue.FormatNumber(*r.Min), jsvalue.FormatNumber(*r.Max))
	}
	required, err := plainBool(&r.Required)
	if err != nil {
		return Variable{}, err
	}
	v := Variable{Name: name, Type: r.Type, Description: r.Description, Required: required,
		Pattern: r.Pattern, Values: r.Values, Min: r.Min, Max: r.Max}
	if v.Type == "" {
		v.Type = "string"
	}
	if !slices.Contains(Types, v.Type) {
		return v, fmt.Errorf("unknown type %q (one of %s)", v.Type, strings.Join(Types, ", "))
	}
	if v.Type == "enum" && len(v.Values) == 0 {
		return v, errors.New("an enum needs values")
	}
	// A rule the type never applies would be dropped without a word, as a
	// misspelt key would (values: without type: enum is the likely slip).
	switch {
	case len(v.Values) > 0 && v.Type != "enum":
		return v, fmt.Errorf("values apply to an enum only: add type: enum (the type is %s)", v.Type)
	case v.Pattern != "" && v.Type != "string" && v.Type != "enum":
		return v, fmt.Errorf("pattern applies to string and enum variables only, not to %s variables", v.Type)
	case (v.Min != nil || v.Max != nil) && (v.Type == "boolean" || v.Type == "object"):
		return v, fmt.Errorf("min and max apply to numbers, to the length of strings and to the items of arrays, not to %s variables", v.Type)
	}
	if v.Pattern != "" {
		re, err := jsregexp.Compile(v.Pattern, "", 0)
		if err != nil {
			return v, fmt.Errorf("invalid pattern: %v", err)
		}
		v.re = re
	}
	if r.Default.Kind != 0 {
		datesAsText(&r.Default)
		var d any
		if err := r.Default.Decode(&d); err != nil {
			return v, fmt.Errorf("default: %v", err)
		}
		def, err := v.coerce(fromYAML(d))
		if err != nil {
			return v, fmt.Errorf("default: %w", err)
		}
		if err := v.check(def); err != nil {
			return v, fmt.Errorf("default: %w", err)
		}
		v.Default, v.HasDefault = def, true
	}
	return v, nil
}

// mappingKeys are a mapping's keys, those a merge key (<<: *common) brings
// in included.
func mappingKeys(node *yaml.Node, depth int) []string {
	for node.Kind == yaml.AliasNode && node.Alias != nil {
		node = node.Alias
	}
	var keys []string
	switch {
	case depth > 16: // merges of merges, deeper than anyone writes
	case node.Kind == yaml.SequenceNode: // <<: [*a, *b]
		for _, n := range node.Content {
			keys = append(keys, mappingKeys(n, depth+1)...)
		}
	case node.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(node.Content); i += 2 {
			if k := node.Content[i]; k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0 {
				keys = append(keys, mappingKeys(node.Content[i+1], depth+1)...)
			} else {
				keys = append(keys, k.Value)
			}
		}
	}
	return keys
}

// plainBool reads a YAML boolean as YAML 1.2 and the boolean default
// check do: true or false, unquoted. Decoded into a Go bool, yes, on and
// even a quoted "yes" or "no" were taken, while "false" and 0 were not.
func plainBool(n *yaml.Node) (bool, error) {
	if n.Kind == 0 {
		return false, nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Style == 0 {
		switch strings.ToLower(n.Value) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, fmt.Errorf("line %d: want true or false, got %q", n.Line, n.Value)
}

// datesAsText makes the dates in node strings, as they are written: yaml
// decodes a plain 2024-01-15 into a time, which no variable type takes
// ("must be a single value, got [object Object]"), and frontmatter keeps
// dates as text too.
func datesAsText(node *yaml.Node) {
	if node.Kind == yaml.ScalarNode && node.Tag == "!!timestamp" && node.Style == 0 {
		node.Tag = "!!str"
	}
	for _, c := range node.Content {
		datesAsText(c)
	}
}

// fromYAML converts a decoded YAML value into the jsvalue model: numbers
// are JavaScript's (an integer too large for an int64 included), and an
// object's keys are strings, as in JavaScript ({1: a} has the key "1").
func fromYAML(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[jsvalue.ToString(fromYAML(k))] = e
		}
		return fromYAML(m)
	case map[string]any:
		o := jsvalue.NewObject()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			o.Set(k, fromYAML(x[k]))
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = fromYAML(e)
		}
		return out
	}
	return v
}

// Apply checks locals against the spec and fills in defaults. Every value
// is converted to its variable's type (see the package doc). All problems
// are reported together.
//
// A variable whose name has "-" has a second name, as yargs gives its
// flag one (with-tests, withTests): the value is read from either and
// set under both, so a template reading either sees the checked value.
//
// fallback (may be nil) holds values below the command line's, above the
// spec's defaults: the project's localsDefaults. A variable it gives is
// checked like a flag and set in locals.
//
// text holds the texts the command line gave each flag (argv.Result.Text):
// a string, enum or array variable takes a number's text as it was typed
// ("1.10", "0x1F"), not the number.
func (s *Spec) Apply(locals, fallback *jsvalue.Object, text map[string][]string) error {
	var problems []string
	for _, v := range s.Variables {
		names := v.names()
		var val any
		from := ""
		for _, src := range []*jsvalue.Object{locals, fallback} {
			for _, n := range names {
				if x, ok := src.Get(n); ok && !missing(x) && val == nil {
					val = x
					if src == fallback {
						from = " (from localsDefaults)"
					} else if v.Type != "number" {
						val = asTyped(x, text[n])
					}
				}
			}
		}
		set := func(x any) {
			for _, n := range names {
				locals.Set(n, x)
			}
		}
		if val == nil {
			switch {
			case v.HasDefault:
				set(v.Default)
			case v.Required:
				problems = append(problems, fmt.Sprintf("%s is required (--%s %s)", v.Name, v.Name, v.placeholder()))
			case v.Type != "string":
				// An empty --count '' is no number: the template sees
				// the variable undefined, as if it were not given.
				for _, n := range names {
					locals.Delete(n)
				}
			}
			continue
		}
		val, err := v.coerce(val)
		if err == nil {
			err = v.check(val)
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s%s %v", v.Name, from, err))
			continue
		}
		set(val)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}

func missing(v any) bool { return v == nil || v == jsvalue.Undefined || v == "" }

// asTyped is a flag's value with each number that yargs made of a text put
// back as that text, while the number is still the flag's own (a hook may
// have set another): "1.10" for 1.1, ["1.10", "2.50"] for [1.1, 2.5].
func asTyped(val any, texts []string) any {
	typed := func(x any, text string) any {
		if n, ok := x.(float64); ok && n == jsvalue.ToNumber(text) {
			return text
		}
		return x
	}
	switch x := val.(type) {
	case float64:
		if len(texts) == 1 {
			return typed(x, texts[0])
		}
	case []any:
		if len(texts) == len(x) {
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = typed(e, texts[i])
			}
			return out
		}
	}
	return val
}

// names are the variable's name and, if yargs gives its flag a second one
// (only for a name with "-" in it: --with_tests sets with_tests alone),
// that one.
func (v *Variable) names() []string {
	if alias := argv.CamelCase(v.Name); strings.Contains(v.Name, "-") && alias != v.Name {
		return []string{v.Name, alias}
	}
	return []string{v.Name}
}

// Misspelt returns, for each flag one edit from a variable of the spec
// that is none of its variables itself, the flag and the variable's name
// (--styel for style): a template reads the mistyped flag as a local of
// its own, and the variable quietly gets its default.
func (s *Spec) Misspelt(flags []string) (typos, meant []string) {
	declared := map[string]bool{}
	var names []string
	for _, v := range s.Variables {
		for _, n := range v.names() {
			declared[n] = true
		}
		names = append(names, v.Name)
	}
	reported := map[string]bool{} // by yargs' second name: --with-test also gives withTest
	for _, f := range flags {
		if declared[f] || reported[argv.CamelCase(f)] {
			continue
		}
		for _, n := range names {
			if suggest.Distance(f, n) == 1 {
				typos, meant = append(typos, f), append(meant, n)
				reported[argv.CamelCase(f)] = true
				break
			}
		}
	}
	return typos, meant
}

func (v *Variable) placeholder() string {
	if v.Type == "enum" {
		return strings.Join(v.Values, "|")
	}
	return strings.ToUpper(v.Type)
}

// coerce converts a command-line value into the variable's type.
func (v *Variable) coerce(val any) (any, error) {
	switch v.Type {
	case "string", "enum":
		switch val.(type) {
		case string, float64, bool:
			return jsvalue.ToString(val), nil
		}
		return nil, fmt.Errorf("must be a single value, got %s", describe(val))
	case "number":
		switch x := val.(type) {
		case float64:
			return x, nil
		case string:
			// A hook's input question, an --answers file, or a flag yargs
			// keeps as text ("08", more digits than a double holds).
			if n := jsvalue.ToNumber(x); strings.TrimFunc(x, jsvalue.IsSpace) != "" && !math.IsNaN(n) && !math.IsInf(n, 0) {
				return n, nil
			}
		}
		return nil, fmt.Errorf("must be a number, got %s", describe(val))
	case "boolean":
		switch val {
		case true, "true":
			return true, nil
		case false, "false":
			return false, nil
		}
		return nil, fmt.Errorf("must be true or false, got %s", describe(val))
	case "array":
		switch x := val.(type) {
		case []any:
			return x, nil
		case exporter:
			if _, ok := x.Export().([]any); ok {
				return val, nil
			}
		case string:
			var out []any
			for _, p := range strings.Split(x, ",") {
				out = append(out, strings.TrimSpace(p))
			}
			return out, nil
		case float64:
			// The text, as in "--props 1,2": a list from the command line
			// holds strings.
			return []any{jsvalue.ToString(val)}, nil
		}
		// A bare --props is true: a flag without its list.
		return nil, fmt.Errorf("must be a list (a,b,c), got %s", describe(val))
	case "object":
		switch x := val.(type) {
		case *jsvalue.Object:
			return x, nil
		case exporter:
			if _, ok := x.Export().(map[string]any); ok {
				return val, nil
			}
		case string:
			var m any
			if err := json.Unmarshal([]byte(x), &m); err == nil {
				if obj, ok := m.(map[string]any); ok { // not null, a list or a number
					return fromYAML(obj), nil
				}
			}
			return nil, fmt.Errorf("must be a JSON object or --%s.key value flags, got %s", v.Name, describe(val))
		}
		return nil, fmt.Errorf("must be an object, got %s", describe(val))
	}
	return val, nil
}

// exporter is a script's array or object (a hook's answer or params, a
// .hygen.js localsDefaults): the variable keeps the script's value, which
// is checked as the Go value it exports.
type exporter interface{ Export() any }

// check tests a value of the right type against values, pattern, min and max.
func (v *Variable) check(val any) error {
	if x, ok := val.(exporter); ok {
		val = x.Export()
	}
	switch x := val.(type) {
	case string:
		if v.Type == "enum" && !slices.Contains(v.Values, x) {
			return fmt.Errorf("must be one of %s, got %q", strings.Join(v.Values, ", "), x)
		}
		if v.re != nil {
			ok, err := v.re.MatchString(x)
			if err != nil {
				// The match was stopped (its time limit), which says
				// nothing of the value: say so, not that it differs.
				return fmt.Errorf("could not be matched against /%s/: %w", v.Pattern, err)
			}
			if !ok {
				return fmt.Errorf("must match /%s/, got %q", v.Pattern, x)
			}
		}
		return v.bounds(float64(len([]rune(x))), "length ")
	case float64:
		return v.bounds(x, "")
	case []any:
		return v.bounds(float64(len(x)), "number of items ")
	}
	return nil
}

func (v *Variable) bounds(n float64, what string) error {
	if v.Min != nil && n < *v.Min {
		return fmt.Errorf("%smust be at least %s, got %s", what, jsvalue.FormatNumber(*v.Min), jsvalue.FormatNumber(n))
	}
	if v.Max != nil && n > *v.Max {
		return fmt.Errorf("%smust be at most %s, got %s", what, jsvalue.FormatNumber(*v.Max), jsvalue.FormatNumber(n))
	}
	return nil
}

func describe(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	if x, ok := v.(exporter); ok {
		v = x.Export()
	}
	switch x := v.(type) {
	case *jsvalue.Object:
		b, _ := json.Marshal(x.Keys())
		return "an object with keys " + string(b)
	case map[string]any:
		b, _ := json.Marshal(slices.Sorted(maps.Keys(x)))
		return "an object with keys " + string(b)
	}
	return jsvalue.ToString(v)
}
