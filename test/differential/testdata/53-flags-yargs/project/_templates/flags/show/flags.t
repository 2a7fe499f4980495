---
to: out/flags.txt
---
api-url=<%- locals['api-url'] %> apiUrl=<%- apiUrl %> escaped=<%= apiUrl %>
dry-run=<%= locals['dry-run'] %> dryRun=<%= dryRun %> <%= typeof dryRun %>
<% for (const k of ['zip', 'port', 'ratio', 'neg', 'hex', 'exp', 'big', 'lenient', 'color', 'empty', 'k', 'x', 'v', 'z']) { -%>
<%= k %>=<%= locals[k] %> (<%= typeof locals[k] %>)
<% } -%>
lenient is truthy: <%= lenient ? 'yes' : 'no' %>
db=<%= db.host %>:<%= db.port %> (<%= typeof db.port %>)
tag=<%= tag %> (<%= Array.isArray(tag) %>)
_=<%= _ %> (<%= _.length %>)
name=<%= name %>
