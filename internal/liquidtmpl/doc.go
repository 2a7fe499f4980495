// Package liquidtmpl renders Hypergen's Liquid templates (*.liquid,
// *.liquid.t) with github.com/osteele/liquid, a Go implementation of
// Shopify Liquid, so they keep Liquid's semantics: an undefined variable
// prints nothing, filters chain with |, tags are {% %}.
//
// The template locals are the same as an EJS template's (name, Name, names,
// Names, every flag, attributes in the body); instead of the `h` object,
// the helpers are filters: change-case 3 ({{ name | pascalCase }},
// snakeCase, paramCase, constantCase, …) and npm inflection ({{ name |
// pluralize }}, singularize, camelize, underscore, humanize, titleize,
// tableize, classify, dasherize, ordinalize), the same Go ports h uses.
package liquidtmpl
