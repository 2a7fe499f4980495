package corpus

import (
	"fmt"
	"strings"
)

var (
	nouns = []string{"account", "invoice", "order", "customer", "product", "report", "session",
		"widget", "ticket", "payment", "shipment", "review", "profile", "catalog", "message"}
	actionNames = []string{"new", "add", "update", "scaffold", "extend", "migrate", "test", "docs"}
	parts       = []string{"view", "model", "store", "service", "hook", "route", "schema", "table",
		"form", "card", "list", "detail", "filter", "query", "mapper"}
	fields = []string{"id", "title", "status", "owner", "createdAt", "updatedAt", "total",
		"currency", "labels", "notes", "priority", "dueDate"}
	locations = []string{"after: hypergen:exports", `before: "// hypergen:exports"`,
		"prepend: true", "append: true", "at_line: 2"}
)

// kinds of template, in the order they repeat within an action. An action
// with two or more templates has an inject.
var kinds = []func(g *genSpec, action string, i int, part string) string{
	componentTemplate, injectTemplate, conditionalTemplate, interfaceTemplate, helperTemplate,
}

// template returns the path (relative to the action folder) and content of
// the i-th template of an action.
func (g *genSpec) template(action string, i int) (string, string) {
	part := pick(g.rng, parts)
	name := fmt.Sprintf("%03d-%s.ejs.t", i, part)
	if g.rng.IntN(4) == 0 {
		name = "parts/" + name
	}
	return name, kinds[i%len(kinds)](g, action, i, part)
}

// outDir is where an action's files go; the generator and action keep
// different actions' outputs apart.
func (g *genSpec) outDir(action string) string {
	return "src/" + g.name + "/" + action + "/<%= h.changeCase.paramCase(name) %>"
}

func componentTemplate(g *genSpec, action string, i int, part string) string {
	return fmt.Sprintf(`---
to: %[1]s/<%%= Name %%>%[2]s%[3]d.tsx
---
import React from 'react'

export interface <%%= Name %%>%[2]sProps {
<%% if (locals.props) { -%%>
<%% props.split(',').forEach(function (p) { -%%>
  <%%= h.changeCase.camelCase(p) %%>?: string
<%% }) -%%>
<%% } -%%>
  children?: React.ReactNode
}

/** <%%= h.inflection.humanize(h.changeCase.snakeCase(name)) %%> %[4]s for the %[5]s generator. */
export function <%%= Name %%>%[2]s%[3]d({ children }: <%%= Name %%>%[2]sProps) {
  return <div className="<%%= h.changeCase.paramCase(name) %%>-%[4]s">{children}</div>
}
`, g.outDir(action), capitalize(part), i, part, g.name)
}

func injectTemplate(g *genSpec, action string, i int, part string) string {
	symbol := fmt.Sprintf("<%%= Name %%>%s%d", capitalize(part), i)
	return fmt.Sprintf(`---
to: %[1]s
inject: true
%[2]s
skip_if: "%[3]s\\b"
---
export { %[3]s } from './%[4]s/%[5]s/<%%= h.changeCase.paramCase(name) %%>'
`, InjectTarget, pick(g.rng, locations), symbol, g.name, action)
}

func conditionalTemplate(g *genSpec, action string, i int, part string) string {
	return fmt.Sprintf(`---
to: "<%%= locals.tests === false ? '' : `+"`%[1]s/${Name}.%[2]s%[3]d.test.ts`"+` %%>"
unless_exists: true
---
import { describe, it, expect } from 'vitest'
import { <%%= Name %%>%[4]s%[3]d } from './<%%= Name %%>%[4]s%[3]d'

describe('<%%= h.changeCase.sentenceCase(name) %%> %[2]s', () => {
<%% if (locals.props) { -%%>
<%%   props.split(',').forEach(function (p, n) { -%%>
  it('keeps <%%= p %%> (#<%%= n + 1 %%>)', () => {
    expect(<%%= Name %%>%[4]s%[3]d).toHaveProperty('<%%= h.changeCase.camelCase(p) %%>')
  })
<%%   }) -%%>
<%% } else { -%%>
  it('exists', () => expect(<%%= Name %%>%[4]s%[3]d).toBeDefined())
<%% } -%%>
})
`, strings.Replace(g.outDir(action), "<%= h.changeCase.paramCase(name) %>", "${h.changeCase.paramCase(name)}", 1), part, i, capitalize(part))
}

func interfaceTemplate(g *genSpec, action string, i int, part string) string {
	perm := g.rng.Perm(len(fields))
	var fs []string
	for _, j := range perm[:3+g.rng.IntN(5)] {
		fs = append(fs, "'"+fields[j]+"'")
	}
	return fmt.Sprintf(`---
to: %[1]s/%[2]s%[3]d.ts
force: true
---
<%% const fields = [%[4]s] -%%>
// <%%= h.inflection.pluralize(Name) %%>: the %[2]s of <%%= h.inflection.titleize(h.changeCase.snakeCase(name)) %%>.
export interface <%%= Name %%>%[5]s {
<%% fields.forEach(function (f) { -%%>
  <%%= h.changeCase.camelCase(f) %%>: <%%= f === 'total' ? 'number' : 'string' %%>
<%% }) -%%>
}

export const <%%= h.changeCase.constantCase(name) %%>_%[6]s_FIELDS = [<%%- fields.map(f => "'" + f + "'").join(', ') %%>] as const
`, g.outDir(action), part, i, strings.Join(fs, ", "), capitalize(part), strings.ToUpper(part))
}

func helperTemplate(g *genSpec, action string, i int, part string) string {
	return fmt.Sprintf(`---
to: %[1]s/<%%= h.changeCase.dotCase(name) %%>.%[2]s%[3]d.md
---
# <%%= h.inflection.titleize(h.changeCase.snakeCase(name)) %%> — %[2]s

| form | value |
|---|---|
| camel | <%%= h.changeCase.camelCase(name) %%> |
| pascal | <%%= h.changeCase.pascalCase(name) %%> |
| snake | <%%= h.changeCase.snakeCase(name) %%> |
| constant | <%%= h.changeCase.constantCase(name) %%> |
| plural | <%%= h.inflection.pluralize(h.changeCase.camelCase(name)) %%> |
| table | <%%= h.inflection.tableize(h.changeCase.pascalCase(name)) %%> |
| path | <%%= h.path.join('%[4]s', h.changeCase.paramCase(name)) %%> |

Generated by <%%= generator %%>/<%%= action %%> <%%- locals.props ? 'with ' + props.split(',').length + ' props' : 'without props' %%>.
`, g.outDir(action), part, i, g.name)
}
