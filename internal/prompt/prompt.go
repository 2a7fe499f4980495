package prompt

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Question is one prompt question as enquirer takes it.
type Question struct {
	Type    string // input, confirm, select, multiselect, numeral, list, password, …
	Name    string
	Message string
	Initial any      // jsvalue.Undefined when not given
	Choices []string // the choice names (name, key, title, value or message, as enquirer picks)
	// Validate checks an answer: "" accepts it, anything else is the reason
	// it is refused. Nil when the question has no validate function.
	Validate func(answer any) string
	// Separator splits a list question's text, as JavaScript's split does
	// with enquirer's separator option; nil splits at each comma and the
	// spaces after it, enquirer's default.
	Separator func(text string) []string
	// Round makes a number question's answer whole, as Math.round does
	// (enquirer's round: true, or float: false).
	Round bool
}

// Kind is what an answer to a question type looks like.
type Kind int

// The kinds of answer.
const (
	Text    Kind = iota // a string: input, text, password, invisible
	Boolean             // confirm, toggle
	Number              // numeral, number
	List                // list: strings typed with commas
	One                 // select, autocomplete: one choice's name
	Many                // multiselect: choice names
)

var kinds = map[string]Kind{
	"": Text, "input": Text, "text": Text, "password": Text, "invisible": Text,
	"confirm": Boolean, "toggle": Boolean,
	"numeral": Number, "number": Number,
	"list":   List,
	"select": One, "autocomplete": One,
	"multiselect": Many,
}

// Types lists the question types hypergen answers.
func Types() []string {
	var out []string
	for t := range kinds {
		if t != "" {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// KindOf returns the kind of answer a question type takes.
func KindOf(q Question) (Kind, error) {
	k, ok := kinds[q.Type]
	if !ok {
		return 0, fmt.Errorf("question %q has type %q, which hypergen cannot ask (it asks %s)", q.Name, q.Type, strings.Join(Types(), ", "))
	}
	return k, nil
}

// Initial is what enquirer answers when the user presses enter at once:
// the initial value cast to the question's type (a select's initial may be a
// choice's index or name). ok is false when the question has no initial
// value.
func Initial(q Question) (answer any, ok bool, err error) {
	k, err := KindOf(q)
	if err != nil || q.Initial == jsvalue.Undefined || q.Initial == nil {
		return nil, false, err
	}
	init := q.Initial
	switch k {
	case Text:
		return jsvalue.ToString(init), true, nil
	case Boolean:
		return castBool(init), true, nil
	case Number:
		if s := jsvalue.ToString(init); numeric().MatchString(s) {
			return q.number(jsvalue.ToNumber(s)), true, nil
		}
		return 0.0, true, nil // enquirer submits 0 when neither input nor initial is a number
	case List:
		return q.split(jsvalue.ToString(init)), true, nil
	case One:
		if len(q.Choices) == 0 {
			return nil, false, nil
		}
		if i := choiceIndex(q.Choices, init); i >= 0 {
			return q.Choices[i], true, nil
		}
		return q.Choices[0], true, nil // enquirer keeps the first choice focused
	}
	// Many: an array of names or indexes, an object whose keys are names,
	// or one name or index (enquirer clamps an index to the choices).
	var items []any
	switch x := init.(type) {
	case []any:
		items = x
	case keyed:
		for _, k := range x.Keys() {
			items = append(items, k)
		}
	case float64:
		if x > -1 {
			x = max(0, min(x, float64(len(q.Choices))))
		}
		items = []any{x}
	default:
		items = []any{init}
	}
	picked := make([]bool, len(q.Choices))
	for _, it := range items {
		if i := choiceIndex(q.Choices, it); i >= 0 {
			picked[i] = true
		}
	}
	out := []any{}
	for i, c := range q.Choices {
		if picked[i] {
			out = append(out, c)
		}
	}
	return out, true, nil
}

// CheckInitial reports an initial value that enquirer fails on as it
// starts a select or multiselect question, before anyone answers: an array
// (or an object's keys) naming something that is not a choice, or an index
// past the last choice. enquirer then throws "Cannot set properties of
// undefined (setting 'enabled')" and hygen's run ends; so does hypergen's,
// saying why.
func CheckInitial(q Question) error {
	k, err := KindOf(q)
	if err != nil || (k != One && k != Many) {
		return err
	}
	var items []any
	switch init := q.Initial.(type) {
	case []any:
		items = init
	case keyed:
		for _, key := range init.Keys() {
			if !slices.Contains(q.Choices, key) {
				return badInitial(q, key)
			}
		}
	case float64:
		// enquirer focuses the index clamped to the choices, then enables it.
		if i := max(0, min(init, float64(len(q.Choices)))); init > -1 && choiceIndex(q.Choices, i) < 0 {
			return badInitial(q, init)
		}
	}
	for _, it := range items {
		// A name, index or boolean that finds no choice is enabled as
		// undefined, and throws; an object is enabled as it is, and a
		// function is find's predicate.
		switch it.(type) {
		case string, float64, bool:
			if choiceIndex(q.Choices, it) < 0 {
				return badInitial(q, it)
			}
		}
	}
	return nil
}

// keyed is an object initial, in the model (jsvalue) or still JavaScript's
// (a hook's question): enquirer takes its keys as the names to enable.
type keyed interface{ Keys() []string }

func badInitial(q Question, v any) error {
	return fmt.Errorf("question %q (%s): its initial value names %s, which is not one of its choices (%s); hygen's prompt fails on it as well",
		q.Name, q.Message, shown(v), strings.Join(q.Choices, ", "))
}

// shown is a value in a message: a string quoted, so that "" and " " show.
func shown(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return jsvalue.ToString(v)
}

// choiceIndex finds a choice by its name or, for a number, its index, as
// enquirer's find does; -1 when there is none.
func choiceIndex(choices []string, v any) int {
	if n, ok := v.(float64); ok {
		if n >= 0 && n < float64(len(choices)) && n == float64(int(n)) {
			return int(n)
		}
		return -1
	}
	return slices.Index(choices, jsvalue.ToString(v))
}

// numeric is what enquirer's numeral prompt accepts as a number.
var numeric = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[0-9]+((\.)|(\.[0-9]+))?$`) })

// castBool is enquirer's boolean cast: true, yes, 1 … are true.
func castBool(v any) bool {
	if b, ok := v.(bool); ok {
		return b
	}
	s := strings.ToLower(jsvalue.ToString(v))
	return s != "" && strings.ContainsRune("ty1", rune(s[0]))
}

// split is the list a list question's text gives: its items as the
// separator leaves them, empty ones too, and none for no text.
func (q Question) split(s string) []any {
	out := []any{}
	if s == "" {
		return out
	}
	var parts []string
	if q.Separator != nil {
		parts = q.Separator(s)
	} else {
		parts = listSeparator().Split(s, -1)
	}
	for _, p := range parts {
		out = append(out, p)
	}
	return out
}

// listSeparator is enquirer's default: /, */.
var listSeparator = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`, *`) })

// number is a number question's answer: whole if the question rounds.
func (q Question) number(n float64) float64 {
	if q.Round {
		return math.Floor(n + 0.5) // Math.round: halves go up
	}
	return n
}

// splitList splits the choices typed for a multiselect at commas, leaving
// out empty items.
func splitList(s string) []any {
	out := []any{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Coerce turns an answer given by a flag or an --answers file into the value
// enquirer would have given for the question's type, or says why it cannot
// be one: a select or multiselect answer must be among the choices.
func Coerce(q Question, v any) (any, error) {
	k, err := KindOf(q)
	if err != nil {
		return nil, err
	}
	switch k {
	case Text:
		if _, isObj := v.(*jsvalue.Object); isObj {
			return nil, fmt.Errorf("%s is not text", describe(v))
		}
		return jsvalue.ToString(v), nil
	case Boolean:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		switch strings.ToLower(jsvalue.ToString(v)) {
		case "y", "yes", "true", "t", "1", "on":
			return true, nil
		case "n", "no", "false", "f", "0", "off":
			return false, nil
		}
		return nil, fmt.Errorf("%s is not yes or no (y/n, true/false)", describe(v))
	case Number:
		if n, ok := v.(float64); ok {
			return q.number(n), nil
		}
		if s := strings.TrimSpace(jsvalue.ToString(v)); numeric().MatchString(s) {
			return q.number(jsvalue.ToNumber(s)), nil
		}
		return nil, fmt.Errorf("%s is not a number", describe(v))
	case List:
		if _, ok := v.([]any); !ok {
			return q.split(jsvalue.ToString(v)), nil
		}
		return toList(v), nil
	case One:
		if err := CheckChoices(q, v); err != nil {
			return nil, err
		}
		return jsvalue.ToString(v), nil
	}
	if err := CheckChoices(q, v); err != nil {
		return nil, err
	}
	picked := toList(v)
	out := []any{} // in the choices' order, once each, as enquirer submits them
	for _, c := range q.Choices {
		if slices.Contains(picked, any(c)) {
			out = append(out, c)
		}
	}
	return out, nil
}

// toList makes a list answer of an array, or of a comma-separated string.
func toList(v any) []any {
	items, ok := v.([]any)
	if !ok {
		return splitList(jsvalue.ToString(v))
	}
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = jsvalue.ToString(it)
	}
	return out
}

// CheckChoices reports an answer that is not among a select's,
// autocomplete's or multiselect's choices (a multiselect answer is an array
// or a comma-separated string). Other types have no choices to check.
func CheckChoices(q Question, v any) error {
	k, err := KindOf(q)
	if err != nil || (k != One && k != Many) {
		return err
	}
	items := []any{v}
	if k == Many {
		items = toList(v)
	}
	for _, it := range items {
		if !slices.Contains(q.Choices, jsvalue.ToString(it)) {
			return fmt.Errorf("%s is not one of the choices (%s)", describe(it), strings.Join(q.Choices, ", "))
		}
	}
	return nil
}

// Parse reads a line typed at a terminal: enter alone takes the initial
// value (or enquirer's empty answer), a number picks a choice by its
// position (from 1), and an autocomplete takes the one choice containing
// the text. problem is non-empty when the line is not an answer.
func Parse(q Question, line string) (answer any, problem string) {
	k, err := KindOf(q)
	if err != nil {
		return nil, err.Error()
	}
	line = strings.TrimSpace(line)
	if line == "" {
		if a, ok, _ := Initial(q); ok {
			return a, ""
		}
		switch k {
		case Text:
			return "", ""
		case Boolean:
			return false, ""
		case List, Many:
			return []any{}, ""
		case Number:
			return 0.0, ""
		}
		return nil, "pick one of the choices"
	}
	switch k {
	case One:
		if c, ok := byPosition(q.Choices, line); ok {
			return c, ""
		}
		if q.Type == "autocomplete" && !slices.Contains(q.Choices, line) {
			var matches []string
			for _, c := range q.Choices {
				if strings.Contains(strings.ToLower(c), strings.ToLower(line)) {
					matches = append(matches, c)
				}
			}
			if len(matches) == 1 {
				return matches[0], ""
			}
			if len(matches) > 1 {
				return nil, "matches " + strings.Join(matches, ", ") + ": type more"
			}
		}
	case Many:
		picked := splitList(line)
		for i, part := range picked {
			if c, ok := byPosition(q.Choices, part.(string)); ok {
				picked[i] = c
			}
		}
		a, err := Coerce(q, picked)
		if err != nil {
			return nil, err.Error()
		}
		return a, ""
	}
	a, err := Coerce(q, line)
	if err != nil {
		return nil, err.Error()
	}
	return a, ""
}

// byPosition picks a choice by its 1-based position.
func byPosition(choices []string, s string) (string, bool) {
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(choices) {
		return choices[n-1], true
	}
	return "", false
}

// describe shows an answer in an error message.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = describe(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return jsvalue.ToString(v)
}
