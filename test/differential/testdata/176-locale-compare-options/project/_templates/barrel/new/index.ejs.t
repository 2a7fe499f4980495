---
to: src/steps/index.ts
---
<%
const steps = ['step10', 'step2', 'step1', 'Step3']
steps.sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }))
-%>
<% steps.forEach(s => { -%>
export * from './<%= s %>'
<% }) -%>
// sv collation: <%= ['z', 'ä', 'a'].sort((a, b) => a.localeCompare(b, 'sv')).join(' ') %>
// tr upper: <%= 'istanbul'.toLocaleUpperCase('tr') %>
// base: <%= 'a'.localeCompare('A', undefined, {sensitivity: 'base'}) %> <%= 'a'.localeCompare('á', 'en', {sensitivity: 'base'}) %>
// accent: <%= 'a'.localeCompare('A', undefined, {sensitivity: 'accent'}) %> <%= 'a'.localeCompare('á', undefined, {sensitivity: 'accent'}) %>
// default: <%= 'a'.localeCompare('B') %> <%= 'b'.localeCompare('a', ['en-US']) %>
// tr lower: <%= 'ISPARTA'.toLocaleLowerCase('tr') %> <%= 'I'.toLocaleLowerCase() %>
